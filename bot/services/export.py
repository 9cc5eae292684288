"""Export every stored figure of a metric as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese).

    export_figures(session, query) -> ExportResult     (.rows, .metric, .suggestions, .to_csv() -> bytes)

The metric part of the query is resolved exactly as `/metric` resolves it (`bot.services.lookup.lookup`: exact
name, aliases, a region prefix, fuzzy matching), and an optional period narrows it the same way
(`网上零售额 2023`, `网上零售额 上半年`). Unlike `/metric`, nothing is merged: one row per stored figure, every
source, oldest period last; a value reported by three outlets is three rows (each with its article and quote).

Cells that a spreadsheet would run as a formula (text starting with `=`, `+`, `-`, `@`) get a leading apostrophe;
numbers are written as plain numbers.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session

from bot.db.models import Article, Bulletin, Figure
from bot.services.articles import masthead
from bot.services.lookup import PeriodFilter, alias_groups, lookup, synonyms

#: rows an export holds at most (a popular metric has a few thousand)
MAX_ROWS = 100_000
BOM = "\ufeff"

COLUMNS = (
    "metric", "region", "value", "unit", "value_base", "base_unit", "qualifier", "period_start", "period_end",
    "period_label", "growth_pct", "growth_pp", "is_forecast", "outlet", "bulletin", "bulletin_id", "published",
    "article_id", "article_title", "quote", "figure_id",
)

_FORMULA = re.compile(r"^[=+\-@\t\r]")


@dataclass(slots=True)
class ExportResult:
    query: str
    #: the normalised metric names exported (empty: nothing matched)
    matched: list[str] = field(default_factory=list)
    region: str | None = None
    period: PeriodFilter | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    truncated: bool = False

    @property
    def metric(self) -> str:
        return self.matched[0] if self.matched else ""

    def to_csv(self) -> bytes:
        """UTF-8 with BOM, CRLF line ends (what Excel expects), one header line then one line per figure."""
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        for row in self.rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        return (BOM + buf.getvalue()).encode("utf-8")

    def file_name(self, today: date | None = None) -> str:
        stem = re.sub(r"[\\/:*?\"<>|\s]+", "_", self.metric or self.query).strip("_")[:60] or "figures"
        return f"dongtai_{stem}_{(today or date.today()).isoformat()}.csv"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.15g}"  # 15420000000000, 15.42: every digit stored, no float noise
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def _date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def export_figures(session: Session, query: str, *, max_rows: int = MAX_ROWS) -> ExportResult:
    """Every stored figure of the metric in `query` (see the module doc), newest period first."""
    found = lookup(session, query, limit=1)
    result = ExportResult(query=query, region=found.region, period=found.period,
                          suggestions=list(found.suggestions))
    if found.match == "fuzzy":  # never export a different metric than the one asked for: suggest it instead
        result.suggestions = list(dict.fromkeys([*found.matched, *found.suggestions]))
        return result
    if not found.matched:
        return result
    result.matched = list(found.matched)
    names: list[str] = []
    for name in found.matched:
        for n in (*synonyms(name), *alias_groups().get(name, ())):
            if n not in names:
                names.append(n)
    f, a, b = Figure.__table__, Article.__table__, Bulletin.__table__  # type: ignore[attr-defined]
    # plain columns, no ORM objects: 20 000 figures are written in well under a second
    stmt = (
        sa_select(f.c.metric, f.c.region, f.c.value, f.c.unit, f.c.value_base, f.c.base_unit, f.c.qualifier,
                  f.c.period_start, f.c.period_end, f.c.period_label, f.c.growth_pct, f.c.growth_pp,
                  f.c.is_forecast, a.c.outlet, b.c.publication, b.c.issue_no, b.c.id,
                  func.coalesce(a.c.published, b.c.published), a.c.id, a.c.title, f.c.quote, f.c.id)
        .select_from(f.join(a, a.c.id == f.c.article_id).join(b, b.c.id == a.c.bulletin_id))
        .where(f.c.metric_norm.in_(names))
        .order_by(f.c.period_end.desc().nulls_last(), f.c.period_start.desc().nulls_last(), f.c.id)
    )
    if found.region is not None:
        stmt = stmt.where(f.c.region == found.region)
    for row in session.execute(stmt):
        (metric, region, value, unit, value_base, base_unit, qualifier, start, end, label, growth_pct, growth_pp,
         forecast, outlet, publication, issue_no, bulletin_id, published, article_id, title, quote,
         figure_id) = row
        start, end, published = _date(start), _date(end), _date(published)
        if found.period is not None and not found.period.matches(start, end):
            continue
        if len(result.rows) >= max_rows:
            result.truncated = True
            break
        bulletin = masthead(publication, issue_no)
        result.rows.append({
            "metric": metric, "region": region, "value": value, "unit": unit, "value_base": value_base,
            "base_unit": base_unit, "qualifier": qualifier, "period_start": start, "period_end": end,
            "period_label": label, "growth_pct": growth_pct, "growth_pp": growth_pp, "is_forecast": bool(forecast),
            "outlet": outlet, "bulletin": bulletin, "bulletin_id": bulletin_id, "published": published,
            "article_id": article_id, "article_title": title, "quote": quote, "figure_id": figure_id,
        })
    return result
