"""Export every stored figure of a metric as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese).

    export_figures(session, query) -> ExportResult     (.rows, .metric, .suggestions, .to_csv() -> bytes)

The metric part of the query is resolved exactly as `/metric` resolves it (`bot.services.metrics.lookup`: exact
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

from sqlmodel import Session, col, select

from bot.db.models import Article, Bulletin, Figure
from bot.services.metrics import PeriodFilter, alias_groups, lookup, synonyms

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


def _bulletin_name(b: Bulletin) -> str:
    return " ".join(x for x in (b.publication, b.issue_no or "") if x).strip() or b.file_name


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
    stmt = (
        select(Figure, Article, Bulletin)
        .join(Article, col(Article.id) == col(Figure.article_id))
        .join(Bulletin, col(Bulletin.id) == col(Article.bulletin_id))
        .where(col(Figure.metric_norm).in_(names))
        .order_by(col(Figure.period_end).desc().nulls_last(), col(Figure.period_start).desc().nulls_last(),
                  col(Figure.id))
    )
    if found.region is not None:
        stmt = stmt.where(col(Figure.region) == found.region)
    for f, a, b in session.exec(stmt):
        if found.period is not None and not found.period.matches(f.period_start, f.period_end):
            continue
        if len(result.rows) >= max_rows:
            result.truncated = True
            break
        result.rows.append({
            "metric": f.metric, "region": f.region, "value": f.value, "unit": f.unit, "value_base": f.value_base,
            "base_unit": f.base_unit, "qualifier": f.qualifier, "period_start": f.period_start,
            "period_end": f.period_end, "period_label": f.period_label, "growth_pct": f.growth_pct,
            "growth_pp": f.growth_pp, "is_forecast": f.is_forecast, "outlet": a.outlet,
            "bulletin": _bulletin_name(b), "bulletin_id": b.id, "published": a.published or b.published,
            "article_id": a.id, "article_title": a.title, "quote": f.quote, "figure_id": f.id,
        })
    return result
