"""Metric lookup: every stored figure for an indicator, newest period first, each traceable to its sources.

    lookup(session, query, *, limit=50, offset=0) -> LookupResult
        (.entries, .total, .total_capped, .suggestions, .to_json(), .to_text())
    english_name(metric) -> str | None   (the English name from the alias table, for English readers)

Paging: `offset` skips that many entries; `total` counts the entries of all pages, exactly up to
`max(offset + limit, COUNT_UP_TO)` (`total_capped` says there are more). The grouping statement (index order, no
quotes) finds the page and the count; details (quotes, articles, bulletins) are fetched for the page's entries only:
a /metric page of 5 reads ~11 sources instead of ~110 for 50 entries.

Resolution order for the metric part of the query (after width folding, space removal and a 全国/我国 prefix):
1. the exact normalised name (`Figure.metric_norm`), together with its synonyms from `seeds/metric_aliases.toml`
   (Chinese aliases and English names: `online retail sales`, `Internet users` …);
2. a stored region prefix (`上海网上零售额` → region 上海, metric 网上零售额), again with synonyms;
3. otherwise no entries: fuzzy matching over jieba tokens and character bigrams against the distinct stored metric
   names (and alias names) gives the closest names as `suggestions` ("did you mean …"), never as an answer — a
   figure of another metric shown as the one asked for is the worst answer (`/metric 直播电商` must not answer with
   阿联酋电商). Names containing the query come first, then those most similar, then by meaningful overlap
   (`overlap`: a shared bigram without stop characters (的, 和, 与 …) that is not a generic head (指标, 规模 …), or
   shared Latin text).

An optional period in the query narrows the figures: `网上零售额 2023`, `网上零售额 上半年`, `网上零售额 2023年1-7月`,
`网上零售额 2023 H1`, and in English `online retail sales H1 2023`, `first half`, `Q1`, `Jan-Jul`, `first 7 months`.

Speed: every call first reads `data_version` (index seeks only); a repeated query at the same version is answered
from a per-process LRU of results. Otherwise the hot path is one UNION ALL statement, one index-ordered arm per
*stored* synonym over `ix_figure_metric_period (metric_norm, period_end, …)`, fetching a bounded number of rows (no
ORM objects), then one statement for the details of the entries returned. Distinct names (synonym pruning, region
prefixes, fuzzy matching) are cached per database and reloaded when the data version changes or after a TTL.
"""

from __future__ import annotations

import calendar
import functools
import re
import threading
import time
import tomllib
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from bot.config import PROJECT_ROOT
from bot.db.models import Figure
from bot.services.articles import masthead
from bot.services.figures import is_growth_only, normalise_metric
from bot.text.tokenize import cut_for_search

ALIASES_FILE = PROJECT_ROOT / "seeds" / "metric_aliases.toml"

#: fuzzy score at or above which a stored name is a close suggestion (listed before looser ones; never an answer)
FUZZY_MATCH = 0.6
#: close suggestions: those within this distance of the best one
FUZZY_BAND = 0.15
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
    #: how many stored figures report this value (sources lists at most MAX_SOURCES of them)
    source_count: int = 0
    #: decimals the source wrote (`4.0%` → 1); None for figures stored before revision 0008
    value_decimals: int | None = None
    growth_decimals: int | None = None
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

    def value_text(self) -> str:
        return f"{_QUALIFIER_TEXT.get(self.qualifier, '')}{_num(self.value, self.value_decimals)}{self.unit}"

    def growth_text(self) -> str:
        parts = []
        basis = {"yoy": "同比", "mom": "环比"}.get(self.growth_basis or "", "")
        if self.growth_pct is not None:  # 同比/环比 only where the source says so
            verb = basis + ("增长" if self.growth_pct > 0 else "下降" if self.growth_pct < 0 else "持平")
            parts.append(f"{verb}{_num(abs(self.growth_pct), self.growth_decimals)}%" if self.growth_pct else verb)
        if self.growth_pp is not None:
            verb = ("" if self.growth_pct is not None else basis) + ("提高" if self.growth_pp >= 0 else "下降")
            parts.append(f"{verb}{_num(abs(self.growth_pp), self.growth_decimals)}个百分点")
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
        if self.period:
            head += f"，时期：{self.period.text}"
        lines = [head]
        for e in self.entries:
            forecast = "（预测）" if e.is_forecast else ""
            growth = e.growth_text()
            metric = e.metric if e.region in ("", "全国") else f"{e.region}{e.metric}"
            if is_growth_only(e):  # a change without a level: never print the change as if it were the amount
                lines.append(f"• {e.period_text()} {metric} {growth}{forecast}")
            else:
                lines.append(f"• {e.period_text()} {metric} {e.value_text()}{'，' + growth if growth else ''}{forecast}")
            for s in e.sources:
                meta = " · ".join(x for x in (s.bulletin, s.outlet, _iso(s.published) or "") if x)
                lines.append(f"  来源：{meta} · [{s.article_id}] {s.article_title}")
                lines.append(f"  “{_shorten(s.quote, 160)}”")
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------------- helpers


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _num(x: float, decimals: int | None = None) -> str:
    """`13.8`, `4.0` when the source wrote `4.0` (decimals known), `1100` …"""
    if decimals is not None and 0 <= decimals <= 6:
        return f"{x:.{decimals}f}"
    return f"{x:,.4f}".rstrip("0").rstrip(".").replace(",", "") if x != int(x) else str(int(x))


def _shorten(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_LATIN_JOINERS = re.compile(r"(?<=[a-z0-9])[-'’_.](?=[a-z])")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9 ,'’&/()-]*")


def normalise_query(name: str) -> str:
    """The lookup key for a metric as typed by a user: `normalise_metric` after width folding (spaces removed,
    ASCII lower-cased), minus 全国/我国, and English words joined (`E-commerce` = `ecommerce` = `e commerce`)."""
    text = normalise_metric(unicodedata.normalize("NFKC", name))
    text = _LATIN_JOINERS.sub("", text)
    for prefix in _NATIONAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    return text


@lru_cache(maxsize=4)
def _alias_table(path: Path = ALIASES_FILE) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(normalised name → its synonym group, canonical first; canonical → English display name)."""
    if not path.exists():
        return {}, {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    index: dict[str, tuple[str, ...]] = {}
    english: dict[str, str] = {}
    for canonical, aliases in data.items():
        names = [normalise_query(canonical)]
        for alias in aliases if isinstance(aliases, list) else []:
            alias = str(alias).strip()
            if names[0] not in english and _LATIN_NAME.fullmatch(alias):
                english[names[0]] = alias  # the first Latin-letter alias is the English name
            norm = normalise_query(alias)
            if norm and norm not in names:
                names.append(norm)
        group = tuple(names)
        for name in group:
            index.setdefault(name, group)
    return index, english


def alias_groups(path: Path = ALIASES_FILE) -> dict[str, tuple[str, ...]]:
    """normalised name → its synonym group (normalised, canonical first), from the TOML alias table."""
    return _alias_table(path)[0]


def synonyms(name: str) -> tuple[str, ...]:
    """The name and its aliases (normalised); the name itself first."""
    group = alias_groups().get(name)
    if not group:
        return (name,)
    return (name, *(n for n in group if n != name))


def english_name(metric: str) -> str | None:
    """The English name of a (Chinese) metric from the alias table, e.g. 网络零售额 → "Online retail sales";
    None when the table has none. A name that is itself English is returned as is."""
    if not metric:
        return None
    index, english = _alias_table()
    group = index.get(normalise_query(metric))
    if group:
        return english.get(group[0])
    return metric if _LATIN_NAME.fullmatch(metric.strip()) else None


# --------------------------------------------------------------------------------------------------- periods

_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
           "十一": 11, "十二": 12}
_EN_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12}
_EN_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: English words stand alone: "Q1" but not "5G", "first half" but not "firsthalf…"; case-insensitive
_W0, _W1 = r"(?<![A-Za-z0-9])", r"(?![A-Za-z])"
_NAMED_PERIODS: list[tuple[str, tuple[int, int]]] = [
    (rf"前三季度|前3季度|1-3季度|{_W0}(?:Q1\s*[-–~]\s*Q3|first\s+(?:three|3)\s+quarters){_W1}", (1, 9)),
    (rf"上半年|{_W0}(?:H1|first\s+half|1st\s+half){_W1}", (1, 6)),
    (rf"下半年|{_W0}(?:H2|second\s+half|2nd\s+half){_W1}", (7, 12)),
    (rf"第?一季度|第?1季度|{_W0}(?:Q1|first\s+quarter|1st\s+quarter){_W1}", (1, 3)),
    (rf"第?二季度|第?2季度|{_W0}(?:Q2|second\s+quarter|2nd\s+quarter){_W1}", (4, 6)),
    (rf"第?三季度|第?3季度|{_W0}(?:Q3|third\s+quarter|3rd\s+quarter){_W1}", (7, 9)),
    (rf"第?四季度|第?4季度|{_W0}(?:Q4|fourth\s+quarter|4th\s+quarter){_W1}", (10, 12)),
    (rf"全年|年度|{_W0}(?:full[\s-]+year|whole\s+year|annual){_W1}", (1, 12)),
]
_MONTH = r"(\d{1,2}|十[一二]?|[一二三四五六七八九])"
_EN_MONTH = (_W0 + r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
             r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?" + _W1)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*年?")
_RANGE_RE = re.compile(_MONTH + r"\s*月?\s*(?:-|~|—|–|至|到)\s*" + _MONTH + r"\s*月份?")
_FIRST_N_RE = re.compile(r"前" + _MONTH + r"个?月")
_ONE_MONTH_RE = re.compile(_MONTH + r"\s*月份?")
_EN_RANGE_RE = re.compile(_EN_MONTH + r"\s*(?:-|~|—|–|to|through|until)\s*" + _EN_MONTH, re.IGNORECASE)
_EN_FIRST_N_RE = re.compile(_W0 + r"first\s+(\d{1,2}|" + "|".join(_EN_NUM) + r")\s+months" + _W1, re.IGNORECASE)
_EN_ONE_MONTH_RE = re.compile(_EN_MONTH, re.IGNORECASE)
_MONTH_PATTERNS = (_RANGE_RE, _FIRST_N_RE, _EN_RANGE_RE, _EN_FIRST_N_RE, _ONE_MONTH_RE, _EN_ONE_MONTH_RE)
#: English words left around the metric once the period is taken out ("internet users in 2023", "as of June")
_EN_EDGE_WORDS = re.compile(r"^(?:(?:in|for|of|during|as\s+of|as\s+at|by|at|the|since|until|to)\s+)+|"
                            r"(?:\s+(?:in|for|of|during|as\s+of|as\s+at|by|at|the|since|until|to))+$",
                            re.IGNORECASE)


def _month(text: str) -> int:
    text = text.lower()
    if text.isdigit():
        return int(text)
    if text in _CN_NUM:
        return _CN_NUM[text]
    if text in _EN_NUM:
        return _EN_NUM[text]
    return _EN_MONTHS.index(text[:3]) + 1


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
        for regex in _MONTH_PATTERNS:
            m = regex.search(text)
            if not m:
                continue
            groups = [g for g in m.groups() if g]
            first, last = (1, _month(groups[0])) if regex in (_FIRST_N_RE, _EN_FIRST_N_RE) else (
                _month(groups[0]), _month(groups[-1]))
            if 1 <= first <= last <= 12:
                months = (first, last)
                text = text[: m.start()] + " " + text[m.end() :]
                found.append(m.group(0).strip())
            break
    metric = text.strip(" ,，、/-的")
    if year is not None or months is not None:
        metric = _EN_EDGE_WORDS.sub("", metric).strip(" ,，、/-的")
    if year is None and months is None:
        return metric, None
    return metric, PeriodFilter(year=year, months=months, text=" ".join(found))


# --------------------------------------------------------------------------------------------------- catalog


@dataclass(slots=True)
class _Catalog:
    names: list[str]
    regions: list[str]
    #: every stored name and alias name → (jieba tokens, character bigrams)
    features: dict[str, tuple[frozenset[str], frozenset[str]]]
    #: character → names containing it (fuzzy candidates share at least one character with the query)
    by_char: dict[str, set[str]]
    #: "b"+bigram / "t"+token / "c"+char (one-character names) → names: every name scoring above 0 shares a key
    by_key: dict[str, set[str]]
    stored: frozenset[str]
    #: years of the oldest and newest stored period ends (bounds a month filter without a year)
    years: tuple[int, int] | None
    version: Any
    loaded: float


_catalogs: dict[str, _Catalog] = {}
_catalog_lock = threading.Lock()

#: one cheap statement that changes whenever figures are added or a bulletin is deleted: ingest always adds a
#: bulletin (the new highest id, with a new loaded_at even when SQLite reuses the id of a deleted last bulletin)
#: and figures (new ids); deletion removes a whole bulletin (count drops). Scalar subqueries: index seeks, and
#: SQLite answers a bare `count(*)` from the b-tree without a scan (0.006 ms instead of 0.1 ms with the old
#: `count(*), max(id), max(loaded_at) FROM bulletin` at 1 000 bulletins).
_VERSION_SQL = ("SELECT (SELECT max(id) FROM figure), (SELECT count(*) FROM bulletin), (SELECT max(id) FROM bulletin), "
                "(SELECT loaded_at FROM bulletin ORDER BY id DESC LIMIT 1)")


def _db_key(session: Session) -> str:
    bind = session.get_bind()
    return str(bind.engine.url) if hasattr(bind, "engine") else str(bind)


def data_version(session: Session) -> tuple[Any, ...]:
    """A value that changes when stored figures change (index seeks only: no scan of `figure`)."""
    [row] = _fetch(session, _VERSION_SQL)
    return tuple(str(v) if v is not None else None for v in row)


def _catalog(session: Session, version: Any = None) -> _Catalog:
    """Distinct stored metric names and regions (for fuzzy matching, region prefixes and pruning synonyms that are
    not stored), cached per database and reloaded when `data_version` changes (or after a TTL)."""
    key = _db_key(session)
    if version is None:
        version = data_version(session)
    cached = _catalogs.get(key)
    if cached and cached.version == version and time.monotonic() - cached.loaded < CATALOG_TTL_SECONDS:
        return cached
    names = [n for (n,) in session.execute(select(col(Figure.metric_norm)).distinct()) if n]
    regions = [r for (r,) in session.execute(select(col(Figure.region)).distinct()) if r]
    lo, hi = session.execute(select(func.min(Figure.period_end), func.max(Figure.period_end))).one()
    lo, hi = _to_date(lo), _to_date(hi)
    vocab = set(names) | set(alias_groups())
    by_char: dict[str, set[str]] = {}
    for name in vocab:
        for ch in set(name):
            by_char.setdefault(ch, set()).add(name)
    features = {n: (frozenset(cut_for_search(n)), frozenset(_bigrams(n))) for n in vocab}
    by_key: dict[str, set[str]] = {}
    for name, (tokens, bigrams) in features.items():
        keys = {"b" + b for b in bigrams} | {"t" + t for t in tokens} | ({"c" + name} if len(name) == 1 else set())
        for k in keys:
            by_key.setdefault(k, set()).add(name)
    catalog = _Catalog(
        names=sorted(names),
        regions=sorted(regions, key=len, reverse=True),
        features=features,
        by_char=by_char,
        by_key=by_key,
        stored=frozenset(names),
        years=(lo.year, hi.year) if lo and hi else None,
        version=version,
        loaded=time.monotonic(),
    )
    with _catalog_lock:
        _catalogs[key] = catalog
    return catalog


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def similarity(query: str, name: str, *, query_tokens: frozenset[str] | None = None,
               name_tokens: frozenset[str] | None = None, query_bigrams: frozenset[str] | None = None,
               name_bigrams: frozenset[str] | None = None) -> float:
    """0..1: how close a stored metric name is to the query (jieba tokens, character bigrams, containment)."""
    if not query or not name:
        return 0.0
    if query == name:
        return 1.0
    qt = query_tokens if query_tokens is not None else frozenset(cut_for_search(query))
    nt = name_tokens if name_tokens is not None else frozenset(cut_for_search(name))
    score = 2 * len(qt & nt) / (len(qt) + len(nt)) if qt and nt else 0.0
    qb = query_bigrams if query_bigrams is not None else _bigrams(query)
    nb = name_bigrams if name_bigrams is not None else _bigrams(name)
    score = max(score, 2 * len(qb & nb) / (len(qb) + len(nb)))
    if query in name or name in query:
        score = max(score, 0.5 + 0.5 * min(len(query), len(name)) / max(len(query), len(name)))
    return min(score, 0.99)


#: characters that carry no meaning of their own in a metric name: a bigram containing one is no evidence
_STOP_CHARS = frozenset("的和与及等之其或在了是对为以并各该此")
#: generic heads shared by unrelated indicators (三级指标 and 不存在的指标 share only 指标)
_GENERIC_BIGRAMS = frozenset({
    "指标", "规模", "数量", "总额", "总量", "数据", "金额", "比重", "比例", "情况", "水平", "人数", "增长", "同比",
    "增速", "累计", "全国", "我国", "全年", "年度", "同期", "总计", "合计",
})
_LATIN_RUN = re.compile(r"[a-z0-9]{4,}")


def overlap(query: str, name: str, *, query_bigrams: frozenset[str] | None = None,
            name_bigrams: frozenset[str] | None = None) -> int:
    """How much meaningful text a name shares with the query: the shared character bigrams that contain no stop
    character (的, 和, 与 …) and are not a generic head (指标, 规模 …), plus shared 4-letter runs of Latin text
    ("onli", "nlin", …). 0 means the names are unrelated however similar they look."""
    qb = query_bigrams if query_bigrams is not None else frozenset(_bigrams(query))
    nb = name_bigrams if name_bigrams is not None else frozenset(_bigrams(name))
    score = 0
    for bigram in qb & nb:
        if len(bigram) == 2 and not bigram.isascii() and bigram not in _GENERIC_BIGRAMS \
                and not (_STOP_CHARS & set(bigram)):
            score += 1
    if _LATIN_RUN.search(query) and _LATIN_RUN.search(name):
        score += len(_latin_grams(query) & _latin_grams(name))
    return score


def _latin_grams(text: str) -> set[str]:
    return {run[i : i + 4] for run in _LATIN_RUN.findall(text) for i in range(len(run) - 3)}


def _rank_names(query: str, catalog: _Catalog) -> list[tuple[float, int, str]]:
    """(similarity, overlap, name) of every name related to the query (overlap ≥ 1), most similar first."""
    qt, qb = frozenset(cut_for_search(query)), frozenset(_bigrams(query))
    # a name scores above 0 only if it shares a token or a bigram with the query, or one contains the other
    candidates: set[str] = set()
    if len(query) == 1:
        candidates |= catalog.by_char.get(query, set())
    for key in {"b" + b for b in qb} | {"t" + t for t in qt} | {"c" + ch for ch in query}:
        candidates |= catalog.by_key.get(key, set())
    scored = []
    for name in candidates:
        nt, nb = catalog.features[name]
        shared = overlap(query, name, query_bigrams=qb, name_bigrams=nb)
        if not shared:
            continue
        score = similarity(query, name, query_tokens=qt, name_tokens=nt, query_bigrams=qb, name_bigrams=nb)
        if score > 0:
            scored.append((score, shared, name))
    return sorted(scored, key=lambda s: (-s[0], len(s[2]), s[2]))


# --------------------------------------------------------------------------------------------------- query
#
# Two phases keep the hot path short, both as plain SQL strings (cached per shape) run on the session's connection:
# phase 1 groups the newest figures of each name by merge key straight from the covering index
# `ix_figure_metric_period` (metric_norm, period_end, region, period_start, value_base, base_unit, is_forecast) —
# GROUP BY in index order, LIMIT `limit` groups, no table reads, complete groups by construction; phase 2 fetches
# quotes, articles and bulletins for the figures of the entries returned (at most MAX_SOURCES per entry).

#: sources listed per entry (the count of all of them is kept in `source_count`)
MAX_SOURCES = 20
#: `LookupResult.total` counts entries up to at least this many (more: `total_capped`). Counting every entry of a
#: popular metric would read tens of thousands of index entries; 50 is what /metric pages through (10 pages of 5).
COUNT_UP_TO = 50
_GROUP_COLS = "period_end, region, period_start, value_base, base_unit, is_forecast"
_GROUP_ORDER = ", ".join(f"{c.strip()} DESC" for c in _GROUP_COLS.split(","))


#: run the lookup statements on the DBAPI cursor (False: through SQLAlchemy's `exec_driver_sql`)
RAW_CURSOR = True


def _fetch(session: Session, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    """Rows of a plain statement, run on the session's connection (inside its transaction). Straight on the DBAPI
    cursor: SQLAlchemy's result set-up (column metadata, description parsing) costs more per statement than
    the index seeks these statements do."""
    conn = session.connection()
    if not RAW_CURSOR:
        return list(conn.exec_driver_sql(sql, params or {}).fetchall())
    cursor = conn.connection.cursor()
    try:
        if params:
            cursor.execute(sql, params)
        else:
            cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _ph(dialect: str, name: str) -> str:
    return f":{name}" if dialect == "sqlite" else f"%({name})s"


def _to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _param_date(dialect: str, value: date) -> Any:
    return value.isoformat() if dialect == "sqlite" else value


@lru_cache(maxsize=256)
def _groups_sql(dialect: str, n_names: int, dated: bool, region: bool, period_kind: str, n_years: int) -> str:
    """One index-ordered arm per name (and per year for a month range: `e{j}`/`s{j}`), UNION ALL."""
    ph = functools.partial(_ph, dialect)
    ids = "group_concat(id)" if dialect == "sqlite" else "string_agg(CAST(id AS TEXT), ',')"
    arms = []
    for j in range(max(1, n_years)):
        for i in range(n_names):
            conds = [f"metric_norm = {ph(f'n{i}')}", "period_end IS NOT NULL" if dated else "period_end IS NULL"]
            if region:  # SQLite: unary + keeps the planner on the index order (no temp B-tree for the GROUP BY)
                conds.append(f"{'+' if dialect == 'sqlite' else ''}region = {ph('region')}")
            if period_kind == "year":
                conds.append(f"period_end >= {ph('y0')} AND period_end <= {ph('y1')}")
            elif period_kind == "months":
                conds.append(f"period_end = {ph(f'e{j}')} AND (period_start IS NULL OR period_start = {ph(f's{j}')})")
            arms.append(
                f"SELECT * FROM (SELECT {_GROUP_COLS}, {ids} AS ids, count(*) AS n, max(id) AS top FROM figure "
                f"WHERE {' AND '.join(conds)} GROUP BY {_GROUP_COLS} ORDER BY {_GROUP_ORDER} "
                f"LIMIT {ph('lim')}) AS a{j}_{i}"
            )
    return " UNION ALL ".join(arms)


#: one grouped entry: (merge key, figure ids as "1,2,3", figure count, newest figure id)
_Keyed = tuple[tuple[Any, ...], str, int, int]


def _newest_keyed(session: Session, names: list[str], *, region: str | None, period: PeriodFilter | None,
                  limit: int, years: tuple[int, int] | None = None) -> list[_Keyed]:
    """The `limit` newest entries (grouped figure ids), newest period first; undated figures last.

    Every filter is an index range on (metric_norm, period_end): a year is `period_end BETWEEN`, a month range
    without a year is one equality per year (newest year first, only years that have figures, stopping as soon
    as `limit` entries are found) rather than an IN list over decades, which would have to sort every match.
    The SQL conditions are exactly `PeriodFilter.matches`. Rows stay raw (ISO strings on SQLite, dates on
    PostgreSQL: both sort right): only the page's entries are converted, by `_entries`."""
    conn = session.connection()
    dialect = conn.dialect.name
    base: dict[str, Any] = {f"n{i}": n for i, n in enumerate(names)}
    base["lim"] = limit
    if region is not None:
        base["region"] = region
    # (dated, period kind, extra parameters) per statement, in output order
    passes: list[tuple[bool, str, dict[str, Any]]] = []
    if period is None:
        passes = [(True, "", {}), (False, "", {})]
    elif period.months is None and period.year is not None:
        passes = [(True, "year", {"y0": _param_date(dialect, date(period.year, 1, 1)),
                                  "y1": _param_date(dialect, date(period.year, 12, 31))})]
    elif period.months is not None:
        m1, m2 = period.months
        if period.year is not None:
            year_list = [period.year]
        elif years is not None:
            year_list = list(range(years[1], years[0] - 1, -1))
        else:
            year_list = list(range(date.today().year + 2, 1989, -1))
        # the newest year alone (usually enough), then every older year in one statement (one round trip)
        for chunk in (year_list[:1], year_list[1:]):
            if chunk:
                passes.append((True, "months", {
                    **{f"e{j}": _param_date(dialect, _month_end(y, m2)) for j, y in enumerate(chunk)},
                    **{f"s{j}": _param_date(dialect, date(y, m1, 1)) for j, y in enumerate(chunk)}}))
    low: Any = "" if dialect == "sqlite" else date.min  # sorts below every stored date
    merged: dict[tuple[Any, ...], list[Any]] = {}
    for dated, kind, extra in passes:
        n_years = sum(k.startswith("e") for k in extra) if kind == "months" else 0
        sql = _groups_sql(dialect, len(names), dated, region is not None, kind, n_years)
        for end, reg, start, base_value, base_unit, forecast, ids, n, top in _fetch(session, sql, {**base, **extra}):
            key = (end or low, start or low, reg, f"{base_value:.10g}", base_unit, bool(forecast))
            old = merged.get(key)
            if old is None:
                merged[key] = [str(ids), int(n), int(top)]
            else:
                old[0] = f"{old[0]},{ids}"
                old[1] += int(n)
                old[2] = max(old[2], int(top))
        if len(merged) >= limit:
            break
    ordered = sorted(merged.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[1][2]), reverse=True)
    return merge_close([(k, v[0], v[1], v[2]) for k, v in ordered], limit=limit)


# --------------------------------------------------------------------------------------------------- one figure,
# several sources
#
# Outlets round: one reports 13.79万亿元, another 13.8万亿元, a third "突破2万亿元" for 2.1万亿元. Such figures are
# one entry with all their sources. Two values are the same figure when the coarser one is the finer one rounded to
# the coarser one's precision (its last significant digit) and they differ by at most MERGE_TOLERANCE; 13.8 vs 14.1
# stay two entries (a real disagreement, which the bot shows side by side). An undated figure joins a dated entry
# only when exactly one dated entry of the same region and unit matches it.

#: largest relative difference between two values read as the same figure rounded differently
MERGE_TOLERANCE = 0.05


def _is_low(value: Any) -> bool:
    return value is None or value == "" or value == date.min


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal(0)


@lru_cache(maxsize=8192)
def precision_step(text: str) -> Decimal:
    """The place of the last significant digit: `1.38e+13` → 1E+11, `2e+12` → 1E+12."""
    d = _decimal(text).normalize()
    if not d:
        return Decimal(0)
    return Decimal(1).scaleb(d.as_tuple().exponent)  # type: ignore[arg-type]


def same_figure(a: str, b: str) -> bool:
    """Whether two base values (as stored in merge keys) are one figure reported at different precision."""
    try:  # most pairs differ by far more than the tolerance: decided on floats, no Decimal arithmetic
        fa, fb = float(a), float(b)
    except ValueError:
        return False
    if fa != fb and abs(fa - fb) > MERGE_TOLERANCE * max(abs(fa), abs(fb)) * 1.000001:
        return False
    x, y = _decimal(a), _decimal(b)
    if x == y:
        return True
    if not x or not y or (x > 0) != (y > 0):
        return False
    diff = abs(x - y)
    if diff > Decimal(str(MERGE_TOLERANCE)) * max(abs(x), abs(y)):
        return False
    return diff <= max(precision_step(a), precision_step(b)) / 2


def merge_close(keyed: list[_Keyed], *, limit: int | None = None) -> list[_Keyed]:
    """Join entries of one period, region and unit whose values are the same figure rounded differently (see
    above); the order of first appearance is kept. The finest value stands for the merged entry in its key. At
    most `limit` entries are returned: the input is read only until the entry after them starts. Most entries are
    alone in their period: one dict probe each (~1 µs)."""
    head = keyed[:limit] if limit is not None else keyed
    if len({(k[0], k[1], k[2], k[4], k[5]) for k, _i, _n, _t in head}) == len(head) \
            and not any(_is_low(k[0]) for k, _i, _n, _t in head):
        return head  # no two entries share a period and nothing is undated: nothing to merge (~15 µs)
    out: list[list[Any]] = []
    values: list[float] = []
    by_cluster: dict[tuple[Any, ...], list[int]] = {}
    dated: dict[tuple[Any, ...], list[int]] = {}
    tol = MERGE_TOLERANCE * 1.000001
    for item in keyed:
        key = item[0]
        end = key[0]
        cluster = (end, key[1], key[2], key[4], key[5])
        same = by_cluster.get(cluster)
        target: int | None = None
        value: float | None = None
        if same is not None:
            value = _float(key[3])
            for i in same:
                w = values[i]
                if abs(value - w) <= tol * max(abs(value), abs(w)) and same_figure(out[i][0][3], key[3]):
                    target = i
                    break
        undated = _is_low(end)
        if target is None and undated and dated:
            value = _float(key[3]) if value is None else value
            found = [i for i in dated.get((key[2], key[4], key[5]), ())
                     if abs(value - values[i]) <= tol * max(abs(value), abs(values[i]))
                     and same_figure(out[i][0][3], key[3])]
            if len(found) == 1:
                target = found[0]
        if target is None:
            if limit is not None and len(out) >= limit:
                break
            index = len(out)
            out.append(list(item))
            values.append(_float(key[3]) if value is None else value)
            if same is None:
                by_cluster[cluster] = [index]
            else:
                same.append(index)
            if not undated:
                dated.setdefault((key[2], key[4], key[5]), []).append(index)
            continue
        entry = out[target]
        if precision_step(key[3]) < precision_step(entry[0][3]):
            entry[0] = (*entry[0][:3], key[3], *entry[0][4:])
            values[target] = _float(key[3])
        entry[1] = f"{entry[1]},{item[1]}"
        entry[2] += item[2]
        entry[3] = max(entry[3], item[3])
    return [(k, ids, n, top) for k, ids, n, top in out]


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


@lru_cache(maxsize=64)
def _details_sql(dialect: str, n_ids: int) -> str:
    ph = functools.partial(_ph, dialect)
    where = (f"f.id IN ({', '.join(ph(f'i{j}') for j in range(n_ids))})" if dialect == "sqlite"
             else "f.id = ANY(%(ids)s)")  # one array parameter: no per-id parsing or planning on PostgreSQL
    return (
        "SELECT f.id, f.metric, f.metric_norm, f.region, f.value, f.unit, f.value_base, f.base_unit, f.qualifier, "
        "f.period_start, f.period_end, f.period_label, f.growth_pct, f.growth_pp, f.is_forecast, f.quote, "
        "a.id, a.title, a.outlet, a.published, b.id, b.publication, b.issue_no, b.file_name, b.published, "
        "f.value_decimals, f.growth_decimals, f.span_start, f.span_end "
        "FROM figure f JOIN article a ON a.id = f.article_id JOIN bulletin b ON b.id = a.bulletin_id "
        f"WHERE {where}"
    )


def _entries(session: Session, groups: list[tuple[list[int], int]]) -> list[FigureEntry]:
    """Phase 2: full entries (details; sources oldest first) for grouped figure ids, in the given order."""
    # the newest MAX_SOURCES figures of each group (ids grow with ingestion)
    picked = [sorted(ids, reverse=True)[:MAX_SOURCES] for ids, _n in groups]
    ids = [i for g in picked for i in g]
    if not ids:
        return []
    conn = session.connection()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        size = 1 << max(4, (len(ids) - 1).bit_length())  # few distinct statement shapes
        padded = ids + [ids[-1]] * (size - len(ids))
        rows = _fetch(session, _details_sql(dialect, size), {f"i{j}": v for j, v in enumerate(padded)})
    else:
        rows = _fetch(session, _details_sql(dialect, 0), {"ids": ids})
    details: dict[int, list[Any]] = {}
    for row in rows:
        r = list(row)
        r[9], r[10], r[19], r[24] = _to_date(r[9]), _to_date(r[10]), _to_date(r[19]), _to_date(r[24])
        details[r[0]] = r
    entries = []
    for group, (_all_ids, count) in zip(picked, groups, strict=True):
        rows_ = sorted((details[i] for i in group if i in details),
                       key=lambda r: (r[19] or r[24] or date.max, r[0]))
        if not rows_:
            continue
        # the value of the most precise exact report stands for the entry; the period of a dated one
        if len(rows_) == 1:
            head = when = rows_[0]
        else:
            head = min(rows_, key=lambda r: (r[8] != "exact", precision_step(f"{r[6]:.10g}"), r[10] is None))
            when = next((r for r in rows_ if r[10] is not None), head)
        entry = FigureEntry(
            metric=head[1], region=head[3], value=head[4], unit=head[5], value_base=head[6],
            base_unit=head[7], qualifier=head[8], period_start=when[9], period_end=when[10],
            period_label=when[11], growth_pct=head[12], growth_pp=head[13], is_forecast=bool(head[14]),
            source_count=count, value_decimals=head[25], growth_decimals=head[26],
        )
        seen: set[int] = set()
        for r in [head] + [r for r in rows_ if r is not head]:
            entry.figure_ids.append(r[0])
            entry.metric_norms.add(r[2])
            if entry.growth_pct is None and entry.growth_pp is None and (r[12] is not None or r[13] is not None):
                entry.growth_pct, entry.growth_pp = r[12], r[13]
                entry.growth_decimals = r[26]
            if entry.growth_basis is None and (r[12] is not None or r[13] is not None) \
                    and (r[12], r[13]) == (entry.growth_pct, entry.growth_pp):
                entry.growth_basis = growth_basis(r[15], r[27] or 0, r[28] or 0)
            if not entry.period_label:
                entry.period_label = r[11]
        for r in rows_:
            if r[16] in seen:
                continue
            seen.add(r[16])
            entry.sources.append(FigureSource(
                article_id=r[16], article_title=r[17], outlet=r[18] or "", bulletin=masthead(r[21], r[22]),
                bulletin_id=r[20], published=r[19] or r[24], quote=r[15],
                value=r[4], unit=r[5], value_base=r[6], qualifier=r[8],
            ))
        entries.append(entry)
    return entries


_YOY = re.compile(r"同比|比上年|较上年|比去年|较去年|年同比|year[- ]on[- ]year|\byoy\b", re.IGNORECASE)
_MOM = re.compile(r"环比|比上月|较上月|month[- ]on[- ]month|\bmom\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[。；;！!？?]")
_CLAUSE_START = re.compile(r"[，,。；;：:、]")


def growth_basis(quote: str, span_start: int, span_end: int) -> str | None:
    """"yoy" when the source compares with the same period a year earlier (同比, 比上年 …), "mom" for the previous
    month (环比), else None (the wording stays neutral). Read from the figure's clause: from the comma before the
    figure up to the first percent sign (or the clause end) after it."""
    if not quote:
        return None
    start = max(0, min(span_start, len(quote)))
    end = max(start, min(span_end, len(quote)))
    before = quote[:start]
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
    after = quote[end:]
    stop = _CLAUSE_END.search(after)
    tail = after[: stop.start()] if stop else after
    pct = re.search(r"[%％]|百分点", tail)
    window = quote[clause_start:start] + quote[start:end] + (tail[: pct.end()] if pct else tail)
    yoy, mom = _YOY.search(window), _MOM.search(window)
    if yoy and mom:
        return "yoy" if yoy.start() > mom.start() else "mom"
    return "yoy" if yoy else "mom" if mom else None


@dataclass(slots=True)
class _Page:
    entries: list[FigureEntry]
    total: int
    capped: bool


def _window(limit: int, offset: int) -> int:
    """Entries the grouping statement looks at: the page, and at least COUNT_UP_TO for the total."""
    return max(offset + limit, COUNT_UP_TO)


def _page(session: Session, keyed: list[_Keyed], *, limit: int, offset: int) -> _Page:
    """Details only for the entries on the page; `keyed` (newest first) holds up to window + 1 groups."""
    window = _window(limit, offset)
    page = [([int(x) for x in ids.split(",")], n) for _k, ids, n, _top in keyed[offset : offset + limit]]
    return _Page(_entries(session, page), min(len(keyed), window), len(keyed) > window)


def _figures(session: Session, names: list[str], *, region: str | None, period: PeriodFilter | None,
             limit: int, offset: int = 0, catalog: _Catalog | None = None) -> _Page:
    if catalog is not None:  # names never stored cannot have figures: no statement arm for them
        names = [n for n in names if n in catalog.stored]
        if not names:
            return _Page([], 0, False)
    years = catalog.years if catalog is not None else None
    keyed = _newest_keyed(session, names, region=region, period=period, limit=_window(limit, offset) + 1,
                          years=years)
    return _page(session, keyed, limit=limit, offset=offset)


# --------------------------------------------------------------------------------------------------- result cache
#
# Lookups repeat (the same popular metrics, page buttons re-running the query), and the data changes only at
# ingest or deletion. Results are cached per process, keyed by (database, `data_version`, query, limit): the
# version statement runs on every call, so a cached result is never served after the figures changed — also when
# another process (the CLI) ingested. Only figures added or bulletins deleted through the services are covered:
# editing the `figure` table by hand does not change the version (call `clear_cache()`).

#: entries kept; 0 turns the cache off (the benchmark reports both)
RESULT_CACHE_SIZE = 256
_results: OrderedDict[tuple[Any, ...], LookupResult] = OrderedDict()
_results_lock = threading.Lock()
cache_stats = {"hits": 0, "misses": 0}


def clear_cache() -> None:
    """Forget cached lookup results and metric catalogs (tests, benchmarks, manual edits of the data)."""
    with _results_lock:
        _results.clear()
    with _catalog_lock:
        _catalogs.clear()


def _copy(result: LookupResult) -> LookupResult:
    """A result callers may modify (lists copied; entries are shared and must be treated as read-only)."""
    return replace(result, entries=list(result.entries), suggestions=list(result.suggestions),
                   matched=list(result.matched))


@contextmanager
def _autocommit_reads(session: Session) -> Iterator[None]:
    """PostgreSQL: run the lookup's read-only statements in autocommit when the session's connection has no open
    transaction yet (a fresh session, as in a handler), which saves the BEGIN and COMMIT round trips (psycopg sends
    neither when the connection is idle; ~0.1 ms of a ~1 ms lookup). A session that already wrote or read stays in
    its transaction (it sees its own changes). Each statement then reads its own snapshot: an ingest committed
    between the data-version statement and the figure statements is cached under the old version, which no later
    call asks for; a bulletin deleted between grouping and details drops its entries from this one result."""
    conn = session.connection()
    dbapi = conn.connection.dbapi_connection
    info = getattr(dbapi, "info", None)
    if conn.dialect.name != "postgresql" or dbapi is None or getattr(dbapi, "autocommit", True) \
            or getattr(info, "transaction_status", None) != 0:  # 0: psycopg TransactionStatus.IDLE
        yield
        return
    dbapi.autocommit = True
    try:
        yield
    finally:
        try:
            dbapi.autocommit = False
        except Exception:  # a broken connection: SQLAlchemy invalidates it on its next use
            pass


def lookup(session: Session, query: str, *, limit: int = 50, offset: int = 0) -> LookupResult:
    """Stored figures for the metric in `query` (newest period first), merged across sources: the `limit`
    entries from `offset` on, with `total` counting the entries of all pages (up to a bound, see `total`)."""
    with _autocommit_reads(session):
        return _cached_lookup(session, query, limit=limit, offset=offset)


def _cached_lookup(session: Session, query: str, *, limit: int, offset: int) -> LookupResult:
    limit, offset = max(1, limit), max(0, offset)
    version = data_version(session)
    key = (_db_key(session), version, query, limit, offset)
    if RESULT_CACHE_SIZE > 0:
        with _results_lock:
            cached = _results.get(key)
            if cached is not None:
                _results.move_to_end(key)
                cache_stats["hits"] += 1
                return _copy(cached)
    cache_stats["misses"] += 1
    result = _lookup(session, query, limit=limit, offset=offset, version=version)
    if RESULT_CACHE_SIZE > 0:
        with _results_lock:
            _results[key] = _copy(result)
            while len(_results) > RESULT_CACHE_SIZE:
                _results.popitem(last=False)
    return result


def _lookup(session: Session, query: str, *, limit: int, offset: int, version: Any) -> LookupResult:
    metric_text, period = parse_query(query)
    raw = unicodedata.normalize("NFKC", metric_text).replace(" ", "")
    region = "全国" if raw.startswith(_NATIONAL_PREFIXES) else None
    name = normalise_query(metric_text)
    result = LookupResult(query=query, metric=name, period=period, region=region, offset=offset)
    if not name:
        return result

    def found(page: _Page) -> None:
        result.entries, result.total, result.total_capped = page.entries, page.total, page.capped

    catalog = _catalog(session, version)
    names = list(synonyms(name))
    page = _figures(session, names, region=region, period=period, limit=limit, offset=offset, catalog=catalog)
    if page.total:
        found(page)
        result.matched = [name]
        result.match = "exact" if name in catalog.stored else "alias"
        return result

    if region is None:
        for reg in catalog.regions:
            if reg != "全国" and name.startswith(reg) and len(name) > len(reg):
                rest = normalise_query(name[len(reg) :])
                if rest in catalog.features:
                    page = _figures(session, list(synonyms(rest)), region=reg, period=period, limit=limit,
                                    offset=offset, catalog=catalog)
                    if page.total:
                        found(page)
                        result.matched, result.region = [rest], reg
                        result.match = "exact"
                        return result
                break

    stored = catalog.stored
    if any(n in stored for n in names):
        # the metric exists, only the period (or region) filter left nothing
        result.matched = [n for n in names if n in stored]
        return result

    # Anything else is a suggestion, never an answer: a name that merely resembles the query (`/metric 直播电商`
    # against 阿联酋电商, 直播电商交易规模) is another metric, and a figure of another metric presented as the one
    # asked for is the worst answer there is. Names containing the query first (直播电商交易规模), then those close
    # enough to have been answers before (the fuzzy band), then those sharing the most meaningful text.
    ranked = _rank_names(name, catalog)
    best = ranked[0][0] if ranked else 0.0

    def rank(r: tuple[float, int, str]) -> tuple[bool, bool, int, float, int, str]:
        score, shared, cand = r
        contains = name in cand
        close = score >= max(FUZZY_MATCH, best - FUZZY_BAND)
        return (not contains, not close, -shared if not close else 0, -score, len(cand), cand)

    suggestions: list[str] = []
    for _score, _shared, cand in sorted(ranked, key=rank):
        # an alias (or English name) that is not stored itself suggests the stored name of its group
        shown = cand if cand in stored else next((n for n in synonyms(cand) if n in stored), None)
        if shown and shown not in suggestions:
            suggestions.append(shown)
        if len(suggestions) >= MAX_SUGGESTIONS:
            break
    result.suggestions = suggestions
    return result
