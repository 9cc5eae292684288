"""metric alerts: the `watch` table; outbox rows for alerts (delivery.watch_id, figure_id; subscription_id nullable)

A watch is a chat's standing request for new figures of one metric (`/watch 网上零售额`). The tick writes one outbox
row per alert message; (watch_id, figure_id, part) is unique so an alert is enqueued at most once per watch and
figure. Digest rows keep their key (subscription_id, slot, part); NULLs never collide in either key.

Revision ID: 0006
Revises: 0004
Create Date: 2026-12-03 08:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'watch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('chat_id', sa.BigInteger(), nullable=False),
        sa.Column('metric_norm', sa.String(length=200), nullable=False),
        sa.Column('metric', sa.String(length=200), nullable=False),
        sa.Column('region', sa.String(length=100), nullable=False),
        sa.Column('last_figure_id', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_by', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('chat_id', 'metric_norm', 'region', name='uq_watch_chat_metric_region'),
    )
    with op.batch_alter_table('watch', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_watch_chat_id'), ['chat_id'], unique=False)

    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.alter_column('subscription_id', existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('watch_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('figure_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_delivery_watch_id_watch', 'watch', ['watch_id'], ['id'], ondelete='CASCADE')
        batch_op.create_unique_constraint('uq_delivery_watch_figure', ['watch_id', 'figure_id', 'part'])
        batch_op.create_index(batch_op.f('ix_delivery_watch_id'), ['watch_id'], unique=False)


def downgrade() -> None:
    op.execute("DELETE FROM delivery WHERE subscription_id IS NULL")  # alert rows cannot exist without a watch
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_delivery_watch_id'))
        batch_op.drop_constraint('uq_delivery_watch_figure', type_='unique')
        batch_op.drop_constraint('fk_delivery_watch_id_watch', type_='foreignkey')
        batch_op.drop_column('figure_id')
        batch_op.drop_column('watch_id')
        batch_op.alter_column('subscription_id', existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table('watch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_watch_chat_id'))
    op.drop_table('watch')
