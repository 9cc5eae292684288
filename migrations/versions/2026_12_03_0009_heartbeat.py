"""heartbeat: when the tick last ran (read by `python -m bot health` and the Docker HEALTHCHECK)

One row per named heartbeat (`tick`), upserted by whichever process ticks. Kept out of the outbox and the
subscriptions so that recording a tick never contends with delivery rows.

Revision ID: 0009
Revises: 0004
Create Date: 2026-12-03 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "heartbeat",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("heartbeat")
