"""figure ids are never reused on SQLite (AUTOINCREMENT)

A watch's watermark is the highest figure id it has considered (`watch.last_figure_id`). SQLite's plain rowid hands
the ids of deleted rows at the top of the table out again: after an admin deleted the newest bulletin, the next
bulletin's figures took the same ids, stayed at or below every watermark and never alerted anyone. AUTOINCREMENT
keeps ids rising (PostgreSQL sequences already do; nothing to change there).

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-03 16:40:00
"""

from __future__ import annotations

from alembic import op

revision = '0010'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("figure", recreate="always", table_kwargs={"sqlite_autoincrement": True}):
        pass


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table("figure", recreate="always", table_kwargs={"sqlite_autoincrement": False}):
        pass
