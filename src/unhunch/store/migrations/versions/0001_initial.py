"""The first schema: profile, screens, sessions, diary, breaks, preferences.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

MOMENT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "profiles",
        sa.Column("person", sa.String(64), primary_key=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", MOMENT, nullable=False),
    )
    op.create_table(
        "screens",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("person", sa.String(64), nullable=False, index=True),
        sa.Column("taken_at", MOMENT, nullable=False, index=True),
        sa.Column("answers", sa.JSON, nullable=False),
        sa.Column("tier", sa.String(16), nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("advice", sa.Text, nullable=False),
        sa.Column("may_coach", sa.Boolean, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("person", sa.String(64), nullable=False, index=True),
        sa.Column("started_at", MOMENT, nullable=False, index=True),
        sa.Column("ended_at", MOMENT, nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("stop_reason", sa.Text, nullable=True),
        sa.Column("routine", sa.JSON, nullable=False),
        sa.Column("pain_before", sa.JSON, nullable=True),
        sa.Column("pain_after", sa.JSON, nullable=True),
    )
    op.create_table(
        "session_items",
        sa.Column(
            "session_id",
            sa.String(36),
            sa.ForeignKey("sessions.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("exercise", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("seconds", sa.Integer, nullable=False),
    )
    op.create_table(
        "diary_entries",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("person", sa.String(64), nullable=False, index=True),
        sa.Column("recorded_at", MOMENT, nullable=False, index=True),
        sa.Column("when", sa.String(16), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("symptoms", sa.JSON, nullable=False),
        sa.Column(
            "session_id",
            sa.String(36),
            sa.ForeignKey("sessions.id", ondelete="SET NULL"),
            nullable=True,
        ),
    )
    op.create_table(
        "pain_scores",
        sa.Column(
            "entry_id",
            sa.String(36),
            sa.ForeignKey("diary_entries.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("region", sa.String(16), primary_key=True),
        sa.Column("pain", sa.Integer, nullable=False),
    )
    op.create_table(
        "break_events",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("person", sa.String(64), nullable=False, index=True),
        sa.Column("at", MOMENT, nullable=False, index=True),
        sa.Column("due_at", MOMENT, nullable=True),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("routine", sa.JSON, nullable=True),
    )
    op.create_table(
        "preferences",
        sa.Column("person", sa.String(64), primary_key=True),
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "preferences",
        "break_events",
        "pain_scores",
        "diary_entries",
        "session_items",
        "sessions",
        "screens",
        "profiles",
    ):
        op.drop_table(table)
