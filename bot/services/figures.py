"""Figure extraction (STUB — to be implemented). Contract:

    extract_figures(text: str, published: date | None) -> list[ExtractedFigure]
    figures_for_article(article: Article) -> list[Figure]   # ORM rows (article_id set, metric_norm filled)
    normalise_metric(name: str) -> str                       # shared with metrics lookup
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.db.models import Article, Figure


@dataclass(slots=True)
class ExtractedFigure:
    metric: str
    region: str
    value: float
    unit: str
    value_base: float
    base_unit: str
    qualifier: str  # exact | approx | lower_bound | upper_bound
    period_start: date | None
    period_end: date | None
    period_label: str
    growth_pct: float | None
    growth_pp: float | None
    is_forecast: bool
    quote: str
    span_start: int
    span_end: int


def normalise_metric(name: str) -> str:
    return "".join(name.split())


def extract_figures(text: str, published: date | None) -> list[ExtractedFigure]:
    return []


def figures_for_article(article: Article) -> list[Figure]:
    assert article.id is not None
    return [
        Figure(article_id=article.id, metric_norm=normalise_metric(f.metric), **{
            k: getattr(f, k) for k in ExtractedFigure.__slots__  # type: ignore[attr-defined]
        })
        for f in extract_figures(article.body, article.published)
    ]
