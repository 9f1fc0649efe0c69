"""Write numbers drawn from a per-person counter row, so parallel writers never share one.

The counter starts empty: the first write of a person sets it from the highest stored `seq`.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "write_counters",
        sa.Column("person", sa.String(64), primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("write_counters")
