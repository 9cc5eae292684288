"""delivery on several processes: outbox claims with a lease; digest follow-ups after a slot

* `delivery.claimed_by`, `delivery.lease_until`: a sender claims a row (status `sending`) for a limited time; it
  marks the row sent only while it still holds the claim, and a claim whose lease ran out (the sender died) is
  handed back to `pending`. Status values: pending | sending | sent | failed | cancelled.
* `subscription.followup_until`, `subscription.recent_ids`: the tick composes a slot's digest up to the tick time
  (nothing stored before the slot waits a day) and checks again a minute later (`followup_until` = the slot's tick
  time) for articles whose ingest was still committing during the tick; `recent_ids` are the articles after
  `covered_until` that a digest already carried, so the follow-up never repeats them.
* `ix_delivery_chat_unsent` (chat_id, id) over unsent rows only: the claim's "is an earlier part of this chat still
  unsent?" check reads a chat's few unsent rows, not its whole history of sent digests.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0006'
branch_labels = None
depends_on = None

_UNSENT = "status IN ('pending', 'sending')"


def upgrade() -> None:
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.add_column(sa.Column('claimed_by', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('lease_until', sa.DateTime(timezone=True), nullable=True))
    op.create_index('ix_delivery_chat_unsent', 'delivery', ['chat_id', 'id'], unique=False,
                    sqlite_where=sa.text(_UNSENT), postgresql_where=sa.text(_UNSENT))
    with op.batch_alter_table('subscription', schema=None) as batch_op:
        batch_op.add_column(sa.Column('followup_until', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('recent_ids', sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("UPDATE delivery SET status = 'pending' WHERE status = 'sending'")
    with op.batch_alter_table('subscription', schema=None) as batch_op:
        batch_op.drop_column('recent_ids')
        batch_op.drop_column('followup_until')
    op.drop_index('ix_delivery_chat_unsent', table_name='delivery')
    with op.batch_alter_table('delivery', schema=None) as batch_op:
        batch_op.drop_column('lease_until')
        batch_op.drop_column('claimed_by')
