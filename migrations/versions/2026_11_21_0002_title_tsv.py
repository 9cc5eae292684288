"""lookup speed: covering figure index; title-only tsvector on PostgreSQL

`ix_figure_metric_period` grows from (metric_norm, period_end) to a covering index that also holds the merge key of
a figure (region, period_start, value_base, base_unit, is_forecast): a metric lookup reads the newest figures of a
name from the index alone and touches the table only for the entries it returns.

Title matches rank first in search; a GIN index over the title tokens alone lets PostgreSQL find the newest title
matches without scanning body vectors. SQLite needs nothing: FTS5 column filters (`title_tokens : …`) use
`article_fts` as it is.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 23:10:00
"""

from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


_COVERING = ["metric_norm", "period_end", "region", "period_start", "value_base", "base_unit", "is_forecast"]


def upgrade() -> None:
    op.drop_index("ix_figure_metric_period", table_name="figure")
    op.create_index("ix_figure_metric_period", "figure", _COVERING)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE article_search ADD COLUMN title_tsv tsvector "
            "GENERATED ALWAYS AS (to_tsvector('simple', title_tokens)) STORED"
        )
        op.execute("CREATE INDEX ix_article_search_title_tsv ON article_search USING gin (title_tsv)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_article_search_title_tsv")
        op.execute("ALTER TABLE article_search DROP COLUMN IF EXISTS title_tsv")
    op.drop_index("ix_figure_metric_period", table_name="figure")
    op.create_index("ix_figure_metric_period", "figure", ["metric_norm", "period_end"])
