"""Metric lookup: every stored figure for an indicator, newest period first, each traceable to its sources.

    lookup(session, query, *, limit=50) -> LookupResult  (.entries, .suggestions, .to_json(), .to_text())

Resolution order for the metric part of the query (after width folding, space removal and a 全国/我国 prefix):
1. the exact normalised name (`Figure.metric_norm`), together with its synonyms from `seeds/metric_aliases.toml`;
2. a stored region prefix (`上海网上零售额` → region 上海, metric 网上零售额), again with synonyms;
3. fuzzy matching over jieba tokens and character bigrams against the distinct stored metric names (and alias
   names); close enough → those metrics' figures, otherwise no entries and the closest names as `suggestions`.

An optional period in the query narrows the figures: `网上零售额 2023`, `网上零售额 上半年`, `网上零售额 2023年1-7月`,
`网上零售额 2023 H1`.

Speed: the hot path is one UNION ALL statement, one index-ordered arm per candidate name over
`ix_figure_metric_period (metric_norm, period_end)`, fetching a bounded number of rows (no ORM objects). Distinct
names (fuzzy path only) are cached per database and refreshed when `max(figure.id)` changes or after a TTL.
"""

from __future__ import annotations

import calendar
import re
import threading
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, literal, or_, select, union_all
from sqlmodel import Session, col

from bot.config import PROJECT_ROOT
from bot.db.models import Article, Bulletin, Figure
from bot.services.figures import normalise_metric
from bot.text.segment import cut_for_search

ALIASES_FILE = PROJECT_ROOT / "seeds" / "metric_aliases.toml"

#: fuzzy score at or above which a stored name counts as the metric asked for
FUZZY_MATCH = 0.6
#: fuzzy matches kept: those within this distance of the best one (at most MAX_FUZZY_NAMES)
FUZZY_BAND = 0.15
MAX_FUZZY_NAMES = 3
MAX_SUGGESTIONS = 5
CATALOG_TTL_SECONDS = 300.0

_NATIONAL_PREFIXES = ("全国", "我国")
_QUALIFIER_TEXT = {"approx": "约", "lower_bound": "超", "upper_bound": "不足"}


# --------------------------------------------------------------------------------------------------- data classes


@dataclass(slots=True)
class FigureSource:
    article_id: int
    article_title: str
    outlet: str
    #: display name of the bulletin: publication + issue number (file name when the publication is unknown)
    bulletin: str
    bulletin_id: int
    published: date | None
    quote: str

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "article_title": self.article_title,
            "outlet": self.outlet,
            "bulletin": self.bulletin,
            "bulletin_id": self.bulletin_id,
            "published": _iso(self.published),
            "quote": self.quote,
        }


@dataclass(slots=True)
class FigureEntry:
    """One value for one metric, region and period; several sources when several articles reported it."""

    metric: str
    region: str
    value: float
    unit: str
    value_base: float
    base_unit: str
    qualifier: str
    period_start: date | None
    period_end: date | None
    period_label: str
    growth_pct: float | None
    growth_pp: float | None
    is_forecast: bool
    sources: list[FigureSource] = field(default_factory=list)
    figure_ids: list[int] = field(default_factory=list)
    #: normalised names the merged figures were stored under
    metric_norms: set[str] = field(default_factory=set)

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
            "is_forecast": self.is_forecast,
            "quote": first.quote,
            "article_id": first.article_id,
            "article_title": first.article_title,
            "outlet": first.outlet,
            "bulletin": first.bulletin,
            "bulletin_id": first.bulletin_id,
            "published": _iso(first.published),
            "sources": [s.to_json() for s in self.sources],
        }

    def value_text(self) -> str:
        return f"{_QUALIFIER_TEXT.get(self.qualifier, '')}{_num(self.value)}{self.unit}"

    def growth_text(self) -> str:
        parts = []
        if self.growth_pct is not None:
            verb = "增长" if self.growth_pct >= 0 else "下降"
            parts.append(f"同比{verb}{_num(abs(self.growth_pct))}%")
        if self.growth_pp is not None:
            verb = "提高" if self.growth_pp >= 0 else "下降"
            parts.append(f"{verb}{_num(abs(self.growth_pp))}个百分点")
        return "，".join(parts)

    def period_text(self) -> str:
        if self.period_label:
            return self.period_label
        if self.period_end is None:
            return "时期不详"
        if self.period_start is None:
            return f"截至{self.period_end.isoformat()}"
        return f"{self.period_start.isoformat()}至{self.period_end.isoformat()}"


@dataclass(frozen=True, slots=True)
class PeriodFilter:
    """A period asked for in the query: a year, a month range (any year), or both."""

    year: int | None = None
    months: tuple[int, int] | None = None
    text: str = ""

    def matches(self, start: date | None, end: date | None) -> bool:
        if end is None:
            return False
        if self.year is not None and end.year != self.year:
            return False
        if self.months is None:
            return True
        m1, m2 = self.months
        if end != _month_end(end.year, m2):
            return False
        return start is None or start == date(end.year, m1, 1)


@dataclass
class LookupResult:
    query: str
    entries: list[FigureEntry] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    #: normalised metric names the figures were looked up under
    matched: list[str] = field(default_factory=list)
    #: exact | alias | fuzzy | none
    match: str = "none"
    metric: str = ""
    region: str | None = None
    period: PeriodFilter | None = None

    def to_json(self) -> list[dict[str, Any]]:
        return [e.to_json() for e in self.entries]

    def to_text(self) -> str:
        if not self.entries:
            if self.matched:
                period = f"（{self.period.text}）" if self.period else ""
                return f"指标「{'、'.join(self.matched)}」没有符合条件的数据{period}。"
            lines = [f"没有找到指标「{self.metric or self.query}」的数据。"]
            if self.suggestions:
                lines.append("您是不是要找：" + "、".join(self.suggestions))
            return "\n".join(lines)
        head = f"{'、'.join(self.matched)}：{len(self.entries)} 条数据（最新时期在前）"
        if self.match == "fuzzy":
            head = f"未找到「{self.metric}」，按相近指标显示 — " + head
        if self.period:
            head += f"，时期：{self.period.text}"
        lines = [head]
        for e in self.entries:
            forecast = "（预测）" if e.is_forecast else ""
            growth = e.growth_text()
            metric = e.metric if e.region in ("", "全国") else f"{e.region}{e.metric}"
            lines.append(f"• {e.period_text()} {metric} {e.value_text()}{'，' + growth if growth else ''}{forecast}")
            for s in e.sources:
                meta = " · ".join(x for x in (s.bulletin, s.outlet, _iso(s.published) or "") if x)
                lines.append(f"  来源：{meta} · [{s.article_id}] {s.article_title}")
                lines.append(f"  “{_shorten(s.quote, 160)}”")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------- helpers


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _num(x: float) -> str:
    return f"{x:,.4f}".rstrip("0").rstrip(".").replace(",", "") if x != int(x) else str(int(x))


def _shorten(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def normalise_query(name: str) -> str:
    """The lookup key for a metric as typed by a user: `normalise_metric` after width folding, minus 全国/我国."""
    text = normalise_metric(unicodedata.normalize("NFKC", name))
    for prefix in _NATIONAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    return text


@lru_cache(maxsize=4)
def alias_groups(path: Path = ALIASES_FILE) -> dict[str, tuple[str, ...]]:
    """normalised name → its synonym group (normalised, canonical first), from the TOML alias table."""
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    index: dict[str, tuple[str, ...]] = {}
    for canonical, aliases in data.items():
        names = [normalise_query(canonical)]
        for alias in aliases if isinstance(aliases, list) else []:
            norm = normalise_query(str(alias))
            if norm and norm not in names:
                names.append(norm)
        group = tuple(names)
        for name in group:
            index.setdefault(name, group)
    return index


def synonyms(name: str) -> tuple[str, ...]:
    """The name and its aliases (normalised); the name itself first."""
    group = alias_groups().get(name)
    if not group:
        return (name,)
    return (name, *(n for n in group if n != name))


# --------------------------------------------------------------------------------------------------- periods

_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_NAMED_PERIODS: list[tuple[str, tuple[int, int]]] = [
    (r"前三季度|前3季度|Q1-Q3|1-3季度", (1, 9)),
    (r"上半年|H1", (1, 6)),
    (r"下半年|H2", (7, 12)),
    (r"第?一季度|第?1季度|Q1", (1, 3)),
    (r"第?二季度|第?2季度|Q2", (4, 6)),
    (r"第?三季度|第?3季度|Q3", (7, 9)),
    (r"第?四季度|第?4季度|Q4", (10, 12)),
    (r"全年|年度", (1, 12)),
]
_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*年?")
_RANGE_RE = re.compile(_MONTH + r"\s*月?\s*(?:-|~|—|–|至|到)\s*" + _MONTH + r"\s*月份?")
_FIRST_N_RE = re.compile(r"前" + _MONTH + r"个?月")
_ONE_MONTH_RE = re.compile(_MONTH + r"\s*月份?")


def _month(text: str) -> int:
    return int(text) if text.isdigit() else _CN_NUM[text]


def parse_query(query: str) -> tuple[str, PeriodFilter | None]:
    """Split a query into its metric text and an optional period filter."""
    text = unicodedata.normalize("NFKC", query).strip()
    found: list[str] = []
    year: int | None = None
    months: tuple[int, int] | None = None

    def take(match: re.Match[str]) -> str:
        found.append(match.group(0).strip())
        return " "

    m = _YEAR_RE.search(text)
    if m:
        year = int(m.group(1))
        text = text[: m.start()] + " " + text[m.end() :]
        found.append(m.group(0).strip())
    for pattern, span in _NAMED_PERIODS:
        m = re.search(pattern, text, flags=re.IGNORECASE)
        if m:
            months = span
            text = text[: m.start()] + " " + text[m.end() :]
            found.append(m.group(0))
            break
    if months is None:
        for regex in (_RANGE_RE, _FIRST_N_RE, _ONE_MONTH_RE):
            m = regex.search(text)
            if not m:
                continue
            groups = [g for g in m.groups() if g]
            first, last = (1, _month(groups[0])) if regex is _FIRST_N_RE else (
                _month(groups[0]), _month(groups[-1]))
            if 1 <= first <= last <= 12:
                months = (first, last)
                text = text[: m.start()] + " " + text[m.end() :]
                found.append(m.group(0).strip())
            break
    metric = text.strip(" ,，、/-的")
    if year is None and months is None:
        return metric, None
    return metric, PeriodFilter(year=year, months=months, text=" ".join(found))


def _period_conditions(period: PeriodFilter) -> list[Any]:
    """SQL conditions narrowing figures to a period (exact pairing is re-checked in Python)."""
    end_col, start_col = col(Figure.period_end), col(Figure.period_start)
    if period.months is None:
        assert period.year is not None
        return [end_col >= date(period.year, 1, 1), end_col <= date(period.year, 12, 31)]
    m1, m2 = period.months
    years = [period.year] if period.year is not None else list(range(1990, date.today().year + 3))
    return [
        end_col.in_([_month_end(y, m2) for y in years]),
        or_(start_col.is_(None), start_col.in_([date(y, m1, 1) for y in years])),
    ]


# --------------------------------------------------------------------------------------------------- catalog


@dataclass(slots=True)
class _Catalog:
    names: list[str]
    regions: list[str]
    tokens: dict[str, frozenset[str]]
    version: Any
    loaded: float


_catalogs: dict[str, _Catalog] = {}
_catalog_lock = threading.Lock()


def _catalog(session: Session) -> _Catalog:
    """Distinct stored metric names and regions (for fuzzy matching and region prefixes), cached per database."""
    bind = session.get_bind()
    key = str(bind.engine.url) if hasattr(bind, "engine") else str(bind)
    version = session.execute(select(func.max(Figure.id))).scalar()
    cached = _catalogs.get(key)
    if cached and cached.version == version and time.monotonic() - cached.loaded < CATALOG_TTL_SECONDS:
        return cached
    names = [n for (n,) in session.execute(select(col(Figure.metric_norm)).distinct()) if n]
    regions = [r for (r,) in session.execute(select(col(Figure.region)).distinct()) if r]
    vocab = set(names) | set(alias_groups())
    catalog = _Catalog(
        names=sorted(names),
        regions=sorted(regions, key=len, reverse=True),
        tokens={n: frozenset(cut_for_search(n)) for n in vocab},
        version=version,
        loaded=time.monotonic(),
    )
    with _catalog_lock:
        _catalogs[key] = catalog
    return catalog


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def similarity(query: str, name: str, *, query_tokens: frozenset[str] | None = None,
               name_tokens: frozenset[str] | None = None) -> float:
    """0..1: how close a stored metric name is to the query (jieba tokens, character bigrams, containment)."""
    if not query or not name:
        return 0.0
    if query == name:
        return 1.0
    qt = query_tokens if query_tokens is not None else frozenset(cut_for_search(query))
    nt = name_tokens if name_tokens is not None else frozenset(cut_for_search(name))
    score = 2 * len(qt & nt) / (len(qt) + len(nt)) if qt and nt else 0.0
    qb, nb = _bigrams(query), _bigrams(name)
    score = max(score, 2 * len(qb & nb) / (len(qb) + len(nb)))
    if query in name or name in query:
        score = max(score, 0.5 + 0.5 * min(len(query), len(name)) / max(len(query), len(name)))
    return min(score, 0.99)


def _rank_names(query: str, catalog: _Catalog) -> list[tuple[float, str]]:
    qt = frozenset(cut_for_search(query))
    scored = [(similarity(query, name, query_tokens=qt, name_tokens=toks), name)
              for name, toks in catalog.tokens.items()]
    return sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], len(s[1]), s[1]))


# --------------------------------------------------------------------------------------------------- query

_COLUMNS: tuple[Any, ...] = (
    col(Figure.id), col(Figure.metric), col(Figure.metric_norm), col(Figure.region), col(Figure.value),
    col(Figure.unit), col(Figure.value_base), col(Figure.base_unit), col(Figure.qualifier),
    col(Figure.period_start), col(Figure.period_end), col(Figure.period_label), col(Figure.growth_pct),
    col(Figure.growth_pp), col(Figure.is_forecast), col(Figure.quote),
    col(Article.id).label("article_id"), col(Article.title), col(Article.outlet),
    col(Article.published).label("article_published"), col(Bulletin.id).label("bulletin_id"),
    col(Bulletin.publication), col(Bulletin.issue_no), col(Bulletin.file_name),
    col(Bulletin.published).label("bulletin_published"),
)


def _fetch(session: Session, names: list[str], *, region: str | None, period: PeriodFilter | None,
           cap: int) -> tuple[list[Any], date | None, bool]:
    """Rows for these metric names: per name the `cap` newest with a period and the `cap` newest without, in one
    UNION ALL of index-ordered arms. Returns (rows, boundary, saturated): rows with a period_end at or below
    `boundary` may be incomplete because some arm hit its cap."""
    arms = []
    for i, name in enumerate(names):
        for dated in (True, False) if period is None else (True,):
            conds: list[Any] = [col(Figure.metric_norm) == name]
            order: tuple[Any, ...]
            if region is not None:
                conds.append(col(Figure.region) == region)
            if period is not None:
                conds.extend(_period_conditions(period))
            if dated:
                conds.append(col(Figure.period_end).is_not(None))
                order = (col(Figure.period_end).desc(), col(Figure.id).desc())
            else:
                conds.append(col(Figure.period_end).is_(None))
                order = (col(Figure.id).desc(),)
            stmt = (
                select(*_COLUMNS, literal(i * 2 + (0 if dated else 1)).label("arm"))
                .join(Article, col(Article.id) == col(Figure.article_id))
                .join(Bulletin, col(Bulletin.id) == col(Article.bulletin_id))
                .where(and_(*conds))
                .order_by(*order)
                .limit(cap)
            )
            arms.append(stmt.subquery().select())
    stmt_all = arms[0] if len(arms) == 1 else union_all(*arms)
    rows = list(session.execute(stmt_all))
    counts: dict[int, list[Any]] = {}
    for row in rows:
        counts.setdefault(row.arm, []).append(row)
    boundary: date | None = None
    saturated = False
    for arm_rows in counts.values():
        if len(arm_rows) >= cap:
            saturated = True
            last = min((r.period_end or date.min) for r in arm_rows)
            boundary = last if boundary is None else max(boundary, last)
    return rows, boundary, saturated


def _bulletin_name(row: Any) -> str:
    name = " ".join(x for x in (row.publication or "", row.issue_no or "") if x).strip()
    return name or row.file_name or ""


def _merge(rows: list[Any], group_of: dict[str, str], period: PeriodFilter | None) -> list[FigureEntry]:
    """One entry per (metric group, region, period, value in base unit, forecast); sources oldest first."""
    entries: dict[tuple[Any, ...], FigureEntry] = {}
    seen: set[int] = set()
    ordered = sorted(rows, key=lambda r: (r.article_published or r.bulletin_published or date.max, r.id))
    for r in ordered:
        if r.id in seen or (period is not None and not period.matches(r.period_start, r.period_end)):
            continue
        seen.add(r.id)
        key = (group_of.get(r.metric_norm, r.metric_norm), r.region, r.period_start, r.period_end,
               f"{r.value_base:.10g}", r.base_unit, bool(r.is_forecast))
        source = FigureSource(
            article_id=r.article_id, article_title=r.title, outlet=r.outlet or "", bulletin=_bulletin_name(r),
            bulletin_id=r.bulletin_id, published=r.article_published or r.bulletin_published, quote=r.quote,
        )
        entry = entries.get(key)
        if entry is None:
            entries[key] = FigureEntry(
                metric=r.metric, region=r.region, value=r.value, unit=r.unit, value_base=r.value_base,
                base_unit=r.base_unit, qualifier=r.qualifier, period_start=r.period_start,
                period_end=r.period_end, period_label=r.period_label, growth_pct=r.growth_pct,
                growth_pp=r.growth_pp, is_forecast=bool(r.is_forecast), sources=[source], figure_ids=[r.id],
                metric_norms={r.metric_norm},
            )
            continue
        if all(s.article_id != source.article_id for s in entry.sources):
            entry.sources.append(source)
        entry.figure_ids.append(r.id)
        entry.metric_norms.add(r.metric_norm)
        if entry.growth_pct is None:
            entry.growth_pct = r.growth_pct
        if entry.growth_pp is None:
            entry.growth_pp = r.growth_pp
        if not entry.period_label:
            entry.period_label = r.period_label
    return sorted(
        entries.values(),
        key=lambda e: (e.period_end or date.min, e.period_start or date.min, e.newest_published,
                       max(e.figure_ids)),
        reverse=True,
    )


def _figures(session: Session, names: list[str], *, region: str | None, period: PeriodFilter | None,
             limit: int) -> list[FigureEntry]:
    group_of = {n: names[0] for n in names}
    cap = max(limit * 2, 20)
    while True:
        rows, boundary, saturated = _fetch(session, names, region=region, period=period, cap=cap)
        entries = _merge(rows, group_of, period)
        if not saturated:
            return entries[:limit]
        complete = [e for e in entries if (e.period_end or date.min) > (boundary or date.min)]
        if len(complete) >= limit or cap >= 100_000:
            return (complete if len(complete) >= limit else entries)[:limit]
        cap *= 4


def lookup(session: Session, query: str, *, limit: int = 50) -> LookupResult:
    """Every stored figure for the metric in `query` (newest period first), merged across sources."""
    metric_text, period = parse_query(query)
    raw = unicodedata.normalize("NFKC", metric_text).replace(" ", "")
    region = "全国" if raw.startswith(_NATIONAL_PREFIXES) else None
    name = normalise_query(metric_text)
    result = LookupResult(query=query, metric=name, period=period, region=region)
    if not name:
        return result
    limit = max(1, limit)

    names = list(synonyms(name))
    entries = _figures(session, names, region=region, period=period, limit=limit)
    if entries:
        result.entries, result.matched = entries, [name]
        result.match = "exact" if any(name in e.metric_norms for e in entries) else "alias"
        return result

    catalog = _catalog(session)
    if region is None:
        for reg in catalog.regions:
            if reg != "全国" and name.startswith(reg) and len(name) > len(reg):
                rest = normalise_query(name[len(reg) :])
                if rest in catalog.tokens or rest in catalog.names:
                    entries = _figures(session, list(synonyms(rest)), region=reg, period=period, limit=limit)
                    if entries:
                        result.entries, result.matched, result.region = entries, [rest], reg
                        result.match = "exact"
                        return result
                break

    if name in catalog.names or any(n in catalog.names for n in names[1:]):
        # the metric exists, only the period (or region) filter left nothing
        result.matched = [n for n in names if n in catalog.names]
        return result

    ranked = _rank_names(name, catalog)
    stored = set(catalog.names)
    best = ranked[0][0] if ranked else 0.0
    if best >= FUZZY_MATCH:
        chosen: list[str] = []
        for score, cand in ranked:
            if score < max(FUZZY_MATCH, best - FUZZY_BAND) or len(chosen) >= MAX_FUZZY_NAMES:
                break
            canonical = synonyms(cand)
            group = alias_groups().get(cand, canonical)
            head = group[0] if group else cand
            if head in chosen or not any(n in stored for n in canonical):
                continue
            chosen.append(head)
        all_entries: list[FigureEntry] = []
        for head in chosen:
            all_entries.extend(_figures(session, list(synonyms(head)), region=region, period=period, limit=limit))
        if all_entries:
            all_entries.sort(key=lambda e: (e.period_end or date.min, e.period_start or date.min,
                                            e.newest_published, max(e.figure_ids)), reverse=True)
            result.entries, result.matched, result.match = all_entries[:limit], chosen, "fuzzy"
            return result
        if chosen:
            result.matched = chosen
            return result
    suggestions: list[str] = []
    for _score, cand in ranked:
        if cand in stored and cand not in suggestions:
            suggestions.append(cand)
        if len(suggestions) >= MAX_SUGGESTIONS:
            break
    result.suggestions = suggestions
    return result

