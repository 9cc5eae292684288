"""Stored figures as entries: a `Figure` row → `bot.services.lookup.FigureEntry`, the one shape the render layer
formats (`bot.render.figures.figure_parts`). Used for an article's figures (/article), digests' headline figures and
metric alerts; lookups build their entries from grouped rows in `metrics`."""

from __future__ import annotations

from sqlmodel import Session, col, select

from bot.db.models import Figure
from bot.services.lookup import FigureEntry, FigureSource, growth_basis


def figure_entry(f: Figure, sources: list[FigureSource] | None = None) -> FigureEntry:
    """One stored figure as an entry (its growth basis read from its quote), with `sources` when given."""
    has_growth = f.growth_pct is not None or f.growth_pp is not None
    return FigureEntry(
        metric=f.metric, region=f.region, value=f.value, unit=f.unit, value_base=f.value_base,
        base_unit=f.base_unit, qualifier=f.qualifier, period_start=f.period_start, period_end=f.period_end,
        period_label=f.period_label, growth_pct=f.growth_pct, growth_pp=f.growth_pp, is_forecast=f.is_forecast,
        sources=sources or [], figure_ids=[f.id or 0], metric_norms={f.metric_norm}, source_count=1,
        value_decimals=f.value_decimals, growth_decimals=f.growth_decimals,
        growth_basis=growth_basis(f.quote, f.span_start, f.span_end) if has_growth else None,
    )


def article_entries(session: Session, article_id: int) -> list[FigureEntry]:
    """The figures of one article, in the order they were extracted."""
    stmt = select(Figure).where(Figure.article_id == article_id).order_by(col(Figure.id))
    return [figure_entry(f) for f in session.exec(stmt)]
