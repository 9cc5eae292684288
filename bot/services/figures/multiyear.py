"""Changes over several years: a span before a change (`过去5年`, `5年间`, `2012年以来`) and the two ends of
`从2018年的1.06万亿元到2023年的2.38万亿元`. Such a change is stored with its span when both ends are written,
else not at all; a growth measured against a base two or more years back (`比2019年增长12.2%`) is no yearly growth.

    _multi_year_span(t, periods, pos) -> (start, end, label) | "drop" | None
    _from_to_period(...), _older_base(...)
    _listed_periods(s, group, cb, ctx, forecast)   `在2023年、2024年分别达到…、…`: each level its own year

Used by sentence (masking, levels at both ends) and growth."""

from __future__ import annotations

import re
from datetime import date

from bot.services.figures.classify import _Item
from bot.services.figures.context import _Ctx, _resolve, _Sentence
from bot.services.figures.periods import PeriodMention

#: a span of several years before a change (`过去5年`, `5年间`, `近十年来`, `2012年以来`, `多年来`)
_MULTI_YEAR = re.compile(
    r"(?:过去|近|最近|这|此|前)?\s*(?<![0-9])(?:[0-9]{1,2}|[两三四五六七八九十]+|多|几)\s*年(?:间|来|内|中|里|时间|以来)?(?![0-9]|度|[底末初])"
    r"|(?:(?:19|20)[0-9]{2}\s*年|近年)\s*以来|近年来|多年来|(?:十|[0-9]+)多年(?:来|间)?"
)

#: cheap test for a span of years in a sentence (most sentences have none)
_MULTI_YEAR_HINT = re.compile(
    r"年(?:间|来|内|中|里|时间|以来|复合)|以来|多年|近年|(?<![0-9])[0-9]{1,2}\s*年|[两三四五六七八九十]\s*年"
    r"|(?:19|20)[0-9]{2}\s*年?\s*[-—–~至到]\s*(?:19|20)[0-9]{2}|从|由"
)

_MULTI_YEAR_SPAN = re.compile(r"[间来内]|以来$|多")


#: `从2018年的1.06万亿元到2023年的2.38万亿元`: the two ends of a change over years
_FROM_TO_YEARS = re.compile(
    r"(?:从|由)\s*((?:19|20)[0-9]{2})\s*年[^，,。；;]{0,30}?(?:到|至|增至|升至)\s*((?:19|20)[0-9]{2})\s*年"
)

_NUM_TEXT = r"[0-9][0-9,.]*\s*(?:万亿|千亿|亿|万)?\s*(?:元|美元|件|人|户|个|家|%)?"


#: `由去年同期的6.3万亿元增至…`: a change whose start is the value a year before (the same period, or last year)
_FROM_LAST_YEAR = re.compile(r"(?:从|由)\s*(?P<w>去年同期|上年同期|去年|上年)\s*的")
_FROM_LAST_YEAR_END = re.compile(_FROM_LAST_YEAR.pattern + r"\s*$")

#: `从2018年的1.06万亿元到2023年的2.38万亿元`: a level at each end of a span of years
_FROM_TO_VALUES = re.compile(
    r"(?:从|由)\s*(?:(?:(?:19|20)[0-9]{2}\s*年|去年同期|上年同期|去年|上年)\s*的\s*)?"
    + _NUM_TEXT
    + r"\s*(?:[\u4e00-\u9fff]?(?:增长|增|提高|上升|升|跃升|攀升|扩大|下降|降|减少|回落))?(?:到|至)"
    + r"\s*(?:(?:19|20)[0-9]{2}\s*年\s*的\s*)?"
    + _NUM_TEXT
)


def _from_to_period(
    t: str, pos: int, pm: PeriodMention | None, resolved: tuple[date | None, date | None, str], ft_start: int = 0
) -> tuple[date | None, date | None, str]:
    """The period of one end of `从Y1年的A到Y2年的B` / `2013年至2019年…从A增长至B`: Y1 for A, Y2 for B (each a
    year, never the whole span); an end value without a year of its own gets none (never the start's year), except
    under a `截至…` written before the change (`截至2016年12月，…占比由2015年的90.1%升至95.1%`): the level reached
    stands at that date."""
    before = t[max(0, pos - 12) : pos]
    own = re.search(r"((?:19|20)[0-9]{2})\s*年\s*的\s*$", before)
    if own:
        y = int(own.group(1))
        return date(y, 1, 1), date(y, 12, 31), f"{y}年"
    last_year = _FROM_LAST_YEAR_END.search(before)
    if last_year is not None:
        # `由去年同期的6.3万亿元增至7.16万亿元`: the start is the same period a year before; `由上年的…`: that year
        s0, e0, _label = resolved
        if e0 is None:
            return None, None, ""
        if last_year.group("w").endswith("同期"):
            if s0 is None:
                return None, None, ""
            return _year_before(s0), _year_before(e0), "上年同期"
        return date(e0.year - 1, 1, 1), date(e0.year - 1, 12, 31), f"{e0.year - 1}年"
    is_start = re.search(r"(?:从|由)\s*$", before) is not None
    if not is_start and _FROM_LAST_YEAR.match(t, ft_start):
        return resolved  # `由去年同期的6.3万亿元增至7.16万亿元`: the level reached is the period's own
    if pm is not None and pm.kind == "yearrange":
        y = pm.a if is_start else pm.b
        return date(y, 1, 1), date(y, 12, 31), f"{y}年"
    # `从2012年到2016年，中国网络零售额由1.3万亿元猛增到5.2万亿元`: the span named first dates the two ends
    span = None
    for m in _FROM_TO_YEARS.finditer(t, 0, pos):
        span = m
    if span is not None and int(span.group(1)) < int(span.group(2)):
        y = int(span.group(1 if is_start else 2))
        return date(y, 1, 1), date(y, 12, 31), f"{y}年"
    if is_start or (pm is not None and pm.asof and pm.end <= ft_start):
        return resolved
    return None, None, ""


def _year_before(d: date) -> date:
    """The same day a year before (28 February for 29 February)."""
    return d.replace(year=d.year - 1) if not (d.month == 2 and d.day == 29) else date(d.year - 1, 2, 28)


def _multi_year_span(t: str, periods: list[PeriodMention], pos: int) -> str | tuple[date, date, str] | None:
    """A change stated over several years (`过去5年增长近10倍`, `5年间增长了1.2倍`): its span (start, end, label)
    when both ends are years written in the sentence, "drop" when the span is not dated, None for a one-period
    change (the last time expression before `pos` is an ordinary period)."""
    marker = None
    for m in _MULTI_YEAR.finditer(t, 0, pos):
        if m.group().strip() and not re.fullmatch(r"\s*[0-9]{1,2}\s*年", m.group()):
            marker = m
        elif m.group().strip() and re.match(r"(?:间|来|内|中|里|时间|以来)", t[m.end() : m.end() + 2] or " "):
            marker = m
    if marker is None:
        return None
    if any(p.start >= marker.end() and p.end <= pos and not p.comparison and p.kind != "yearrange" for p in periods):
        return None  # a period after the span (`过去5年…,2022年…增长8%`) dates the change
    span = _from_to_span(t, periods, pos)
    if span is not None:
        return span
    since = re.match(r"((?:19|20)[0-9]{2})\s*年\s*以来", marker.group().strip())
    count = _YEAR_COUNT.search(t, marker.end(), pos) if since else None
    if since and count:
        # `自2017年以来，…规模5年增长近10倍`: the span starts in the year named and lasts the years counted
        y1 = int(since.group(1))
        y2 = y1 + _small_int(count.group(1)) - 1
        if y2 > y1:
            return date(y1, 1, 1), date(y2, 12, 31), f"{y1}—{y2}年"
    return "drop"


#: the number of years a change took (`5年增长近10倍`, `五年间`)
_YEAR_COUNT = re.compile(r"(?<![0-9])([0-9]{1,2}|[两三四五六七八九十]{1,2})\s*年(?:间|来|内|时间)?(?![0-9]|度|[底末初])")


def _small_int(s: str) -> int:
    """`5` → 5, `五` → 5, `十` → 10, `十二` → 12, `二十` → 20."""
    if s.isdigit():
        return int(s)
    digit = {c: k for k, c in enumerate("一二三四五六七八九", 1)} | {"两": 2}
    if "十" not in s:
        return digit.get(s, 0)
    tens, _, ones = s.partition("十")
    return digit.get(tens, 1) * 10 + digit.get(ones, 0)


def _from_to_span(t: str, periods: list[PeriodMention], pos: int) -> tuple[date, date, str] | None:
    """The years at the two ends of `从2014年的A到2019年的B` / `2014至2022年…从A增长到B` written before `pos`: a
    change stated after both ends (`…，扩大了11倍`) is the change over that span."""
    ft = None
    for m in _FROM_TO_YEARS.finditer(t, 0, pos):
        ft = m
    if ft is not None and int(ft.group(1)) < int(ft.group(2)):
        y1, y2 = int(ft.group(1)), int(ft.group(2))
        return date(y1, 1, 1), date(y2, 12, 31), f"{y1}—{y2}年"
    for p in periods:
        if p.kind == "yearrange" and p.end <= pos and not p.comparison:
            return date(p.a, 1, 1), date(p.b, 12, 31), p.label
    return None


#: the end of a clause comparing with the period just before it (`与2019年同期相比，`)
_FRAMING_COMPARISON = re.compile(r"\s*(?:同期|同月|同季)?\s*(?:相比|相较|比较)\s*[，,]")


def _older_base(periods: list[PeriodMention], pm: PeriodMention | None, cb: int, pos: int, ctx: _Ctx) -> bool:
    """A comparison period with an explicit year two or more years before the figure's own (`比2019年3月份增长`)."""
    base = next((p for p in reversed(periods) if p.comparison and cb <= p.start < pos and p.explicit_year), None)
    if base is None:
        # `与2019年同期相比，服务进出口增长51.1%`: a comparison opening the sentence frames every change after it
        base = next(
            (
                p
                for p in reversed(periods)
                if p.start < cb
                and p.explicit_year
                and _FRAMING_COMPARISON.match(ctx.sentence, p.end)
                and re.search(r"(?:与|和|同|较|相较于?|相比于?)\s*$", ctx.sentence[max(0, p.start - 4) : p.start])
            ),
            None,
        )
    if base is None or base.year is None:
        return False
    own = pm.year if pm is not None and pm.year is not None else ctx.year
    if own is None and ctx.published is not None:
        own = ctx.published.year
    return own is not None and own - base.year >= 2


#: kinds of period a list before 分别 may give one by one
_LISTABLE = frozenset({"year", "half", "quarter", "q3", "month", "months"})

#: kinds of period a list may mix (`10月份和1—10月份`, `一季度和上半年`): months with month spans, parts of a year
_LIST_FAMILY = {"month": "m", "months": "m", "half": "q", "quarter": "q", "q3": "q"}


def _listed_periods(
    s: _Sentence, group: list[_Item], cb: int, ctx: _Ctx, forecast: bool
) -> list[tuple[date | None, date | None, str]]:
    """`在2023年、2024年分别达到1261亿元、1458.8亿元`: a list of periods before a 分别-list of as many levels dates
    each level by its own period, in order ([] when the sentence has no such list)."""
    if len(group) < 2 or "分别" not in s.masked[cb : group[0].num.start]:
        return []
    # years, or quarters / halves / months of one year (`一季度、二季度分别达到9.76万亿和10.34万亿元`)
    before = [p for p in s.periods if p.end <= group[0].num.start and p.kind in _LISTABLE and not p.comparison]
    run: list[PeriodMention] = []
    for p in before:
        family = _LIST_FAMILY.get(p.kind, p.kind)
        if run and (family != _LIST_FAMILY.get(run[-1].kind, run[-1].kind) or not re.fullmatch(r"[\s、和及与,，]*", s.t[run[-1].end : p.start])):
            run = []
        run.append(p)
    if len(run) != len(group):
        return []
    return [_resolve(p, ctx, forecast) for p in run]
