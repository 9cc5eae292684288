"""What a lookup returns: entries (one value of one metric, region and period), each with its sources.

    LookupResult   .entries, .total, .total_capped, .suggestions, .matched, .match, .period; .to_json(); text: bot.render.lookup
    FigureEntry    one value, merged across the sources that reported it
    FigureSource   one article that reported it (bulletin masthead, outlet, quote, the value as that source wrote it)

Plain data: built by sql.py and resolve.py; read by bot/render/, charts.py, watches.py, handlers/analyst.py and
the CLI (`metric`, whose `--json` output is `to_json()`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.services.figures.model import FigureValue
from bot.services.lookup.query import PeriodFilter


@dataclass(slots=True)
class FigureSource:
    article_id: int
    article_title: str
    outlet: str
    #: the bulletin as sources cite it (`articles.masthead`): publication + issue number, never a file name
    bulletin: str
    bulletin_id: int
    published: date | None
    quote: str
    #: the value as this source reported it (a rounded 13.8 next to the entry's 13.79, or "突破2万亿元")
    value: float | None = None
    unit: str = ""
    value_base: float | None = None
    qualifier: str = "exact"

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "article_id": self.article_id,
            "article_title": self.article_title,
            "outlet": self.outlet,
            "bulletin": self.bulletin,
            "bulletin_id": self.bulletin_id,
            "published": _iso(self.published),
            "quote": self.quote,
        }


@dataclass(slots=True)
class FigureEntry(FigureValue):
    """One value for one metric, region and period; several sources when several articles reported it. Its value
    fields (metric … is_forecast, value_decimals and growth_decimals, None for figures stored before revision 0008)
    are FigureValue's."""

    sources: list[FigureSource] = field(default_factory=list)
    figure_ids: list[int] = field(default_factory=list)
    #: normalised names the merged figures were stored under
    metric_norms: set[str] = field(default_factory=set)
    #: how many stored figures report this value (sources lists at most MAX_SOURCES of them)
    source_count: int = 0
    #: what the growth is measured against, as the source says: "yoy" (同比), "mom" (环比) or None (not said)
    growth_basis: str | None = None

    @property
    def newest_published(self) -> date:
        return max((s.published for s in self.sources if s.published), default=date.min)

    def to_json(self) -> dict[str, Any]:
        first = self.sources[0]
        return {
            "metric": self.metric,
            "region": self.region,
            "value": self.value,
            "unit": self.unit,
            "value_base": self.value_base,
            "base_unit": self.base_unit,
            "qualifier": self.qualifier,
            "period_start": _iso(self.period_start),
            "period_end": _iso(self.period_end),
            "period_label": self.period_label,
            "growth_pct": self.growth_pct,
            "growth_pp": self.growth_pp,
            "growth_basis": self.growth_basis,
            "is_forecast": self.is_forecast,
            "quote": first.quote,
            "article_id": first.article_id,
            "article_title": first.article_title,
            "outlet": first.outlet,
            "bulletin": first.bulletin,
            "bulletin_id": first.bulletin_id,
            "published": _iso(first.published),
            "sources": [s.to_json() for s in self.sources],
            "source_count": self.source_count,
            "value_decimals": self.value_decimals,
            "growth_decimals": self.growth_decimals,
        }


@dataclass
class LookupResult:
    query: str
    entries: list[FigureEntry] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    #: normalised metric names the figures were looked up under
    matched: list[str] = field(default_factory=list)
    #: exact | alias | none (a resembling name is only ever a suggestion)
    match: str = "none"
    metric: str = ""
    region: str | None = None
    period: PeriodFilter | None = None
    #: position of the first entry among all entries for the query (paging)
    offset: int = 0
    #: entries for the query over all pages, counted up to `max(offset + limit, COUNT_UP_TO)`
    total: int = 0
    #: True when more entries exist than `total` counts (a lower bound then)
    total_capped: bool = False

    def to_json(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.entries]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None
