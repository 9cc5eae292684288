"""channels and groups: a chat's subscriptions can be paused; a subscription can exclude words

`chat.paused`: /pause stops every digest of the chat (the tick skips it) until /resume.
`subscription.exclude`: words (space-separated) whose articles a digest leaves out (`/subscribe 直播电商 -阿联酋`).

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-03 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("chat") as batch:
        batch.add_column(sa.Column("paused", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("subscription") as batch:
        batch.add_column(sa.Column("exclude", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("subscription") as batch:
        batch.drop_column("exclude")
    with op.batch_alter_table("chat") as batch:
        batch.drop_column("paused")
