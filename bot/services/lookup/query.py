"""The user's query taken apart: the metric text, a national prefix (全国/我国) and an optional period.

    parse_query(query) -> (metric text, PeriodFilter | None)
    normalise_query(name) -> str           the lookup key of a metric name as typed
    PeriodFilter(year, months, text)       .matches(period_start, period_end)

An optional period in the query narrows the figures: `网上零售额 2023`, `网上零售额 上半年`, `网上零售额 2023年1-7月`,
`网上零售额 2023 H1`, and in English `online retail sales H1 2023`, `first half`, `Q1`, `Jan-Jul`, `first 7 months`.
The statements in sql.py express exactly `PeriodFilter.matches` as index ranges.

Used by resolve.py (`lookup`), aliases.py (alias names are keyed like queries), sql.py (period filters), and through
the package by ask.py (questions are split the same way), export.py (PeriodFilter), watches.py and
benchmarks/bench_corpus.py (normalise_query). No database access.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from bot.services.figures import normalise_metric

#: a query starting with one of these asks for the national figure (region 全国); the prefix is not part of the name
NATIONAL_PREFIXES = ("全国", "我国")


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


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_LATIN_JOINERS = re.compile(r"(?<=[a-z0-9])[-'’_.](?=[a-z])")


#: the surveyed population that reports a commodity category's sales (`限额以上单位粮油食品类商品零售额`): figures
#: store the category without it (figures/phrase.py, _REPORTER_SCOPE), so a query naming it finds them
_CATEGORY_REPORTER = re.compile(
    r"^(?:限额以上(?:批发和零售业?|批发零售业?|批零|零售业)?单位|限上单位)(?=[\u4e00-\u9fff、]{1,16}?类)"
)


#: a gloss inside a name (`限额以上企业（单位）消费品零售额`): text readers leave it out of the metric they store
_INNER_GLOSS = re.compile(r"\([\u4e00-\u9fff]{1,4}\)(?=[\u4e00-\u9fff])")


def normalise_query(name: str) -> str:
    """The lookup key for a metric as typed by a user: `normalise_metric` after width folding (spaces removed,
    ASCII lower-cased), minus 全国/我国, and English words joined (`E-commerce` = `ecommerce` = `e commerce`); a
    commodity category asked with its reporting population (`限额以上单位化妆品类商品零售额`) is the category's; a
    gloss inside the name is dropped (`限额以上企业（单位）商品零售额` = `限额以上企业商品零售额`)."""
    text = normalise_metric(unicodedata.normalize("NFKC", name))
    text = _LATIN_JOINERS.sub("", text)
    for prefix in NATIONAL_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    text = _INNER_GLOSS.sub("", text)
    return _CATEGORY_REPORTER.sub("", text)


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
