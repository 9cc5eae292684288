"""figures keep the source's precision: decimals written for the value and for the growth

`4.0%` and `13.80万亿元` are stored as floats (4.0, 13.8); the number of decimals the source wrote is kept beside
them so that the render layer shows `4.0%`, never `4%`. NULL for figures stored before this revision (shown as
before: trailing zeros dropped).

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-03 08:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("figure") as batch:
        batch.add_column(sa.Column("value_decimals", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("growth_decimals", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figure") as batch:
        batch.drop_column("growth_decimals")
        batch.drop_column("value_decimals")
