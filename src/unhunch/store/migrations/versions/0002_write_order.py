"""Write order: a per-person sequence on screens, sessions, diary entries and break events.

With a fixed clock (UNHUNCH_NOW) or two writes in the same instant, time alone cannot say which
record is the latest; the sequence can.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("screens", "sessions", "diary_entries", "break_events")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("seq", sa.BigInteger, nullable=False, server_default="0"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("seq")
