"""One sentence → its figures. `_extract_sentence(quote, ctx, out)` runs named steps:

    _read              fold, find periods, mask dates/times/brackets, read the numbers
    _classify_numbers  each number a level, a growth rate, a point change or nothing (classify.py)
    per run of numbers of one kind (`_run_at`):
      _period_of       the period stated before it, else one carried from an earlier sentence; forecast or not
      _add_levels      name (naming.py), date and add the levels
      _add_growths     attach the growths or add growth-only figures (growth.py)
    _finish            flat growth (`同比持平`), the city the sentence opened with, parts, rates in brackets
    _update_context    the year and period a later sentence may refer back to

Used by extract (one call per sentence)."""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from datetime import date, timedelta

from bot.services.figures.classify import _AT_STATED_RATE, _FLAT_AFTER, _classify, _Item, _mask, _qualifier
from bot.services.figures.context import _OWN_TIME, NAMED_SPAN, _Ctx, _resolve, _Sentence, span_name
from bot.services.figures.growth import (
    _QUARTER_ABBREV,
    _add_growths,
    _attach_pending_rate,
    _bracketed_rates,
    _merge_leading_growth,
)
from bot.services.figures.lexicon import (
    _BAD_AFTER,
    _CLAUSE_BOUNDARY,
    _DATE_RE,
    _DIGIT_RE,
    _FORECAST_RE,
    _LIST_GAP,
    _PAREN_RE,
    _TIME_RE,
)
from bot.services.figures.model import ExtractedFigure, is_growth_only, normalise_metric
from bot.services.figures.multiyear import (
    _FROM_TO_VALUES,
    _MULTI_YEAR,
    _MULTI_YEAR_HINT,
    _MULTI_YEAR_SPAN,
    _from_to_period,
    _listed_periods,
)
from bot.services.figures.naming import (
    _JUNK_METRIC,
    _MEASURE_END,
    _NATIONAL_WORD,
    _PER_UNIT_AT,
    _SUMMED,
    _UNIT_AMOUNTS,
    _activity_part,
    _county_part,
    _expand_generic,
    _level_metrics,
    _metric_ahead,
    _name_bare_scopes,
    _name_categories,
    _name_county_items,
    _name_listed_amounts,
    _name_parcel_siblings,
    _name_parts,
    _name_place_list,
    _name_shares,
    _part_name,
    _population_part,
    _scope_breakdown,
)
from bot.services.figures.numbers import MILESTONE_VERB, Number, fold, iter_numbers
from bot.services.figures.periods import PeriodMention, _cn_int, find_periods, first_days, holiday_span
from bot.services.figures.phrase import _ALT_NOUN_BEFORE_VOLUME, _activity_metric, _phrase, _post_noun
from bot.services.figures.regions import (
    _CITY_WORDS,
    _LOCAL_ANYWHERE,
    _LOCAL_NAMES,
    _OUTLET_AFTER,
    _is_city,
    _own_region,
    _province_names,
    _region_mentions,
    _regions,
    _sentence_region,
    local_scope,
    split_region,
)

_MONEY = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑", "韩元", "卢布", "迪拉姆"})
#: base units a number with a multiplier never shares with the next number of a list (`5万%` is no amount)
_NO_SHARED_UNIT = frozenset({"%", "‰", "个百分点", "倍"})

#: a named holiday or shopping event right after a year (`今年国庆假期`, `2023年“双11”期间`, `今年义乌“双十二”期间`)
_EVENT_AFTER = re.compile(
    r"\s*(?:的)?(?:[\u4e00-\u9fff]{2,3}(?=[“\"「]))?[“\"「]?\s*[\u4e00-\u9fff]{0,3}?(?:国庆|春节|元旦|五一|劳动节|中秋|端午|清明|"
    r"双\s*[“\"「]?\s*(?:11|十一|12|十二)|十一\s*[”\"」]|618|年货节|购物节|网购节|黄金周|小长假|假期|春运|暑期|寒假|开学季|消费季|促销季)"
)

_FORECAST_LEAD = re.compile(r"(?:预计|预测|展望)\s*[，,:：]")


#: a sentence continuing the subject of the one before: a part (`其中…`) or a subjectless clause of the same period
#: (`同期实现商品类网络购物交易额…`)
#: a bare trade flow (`其中，出口…；进口…`): named after the flows stated (extract.py), not here
_BARE_FLOW = re.compile(r"(?:进出口|出口|进口)额?")
#: a sentence opening on `其中`: it names parts of the whole stated just before it
_OPENS_PARTS = re.compile(r"^[\s,，、“「]*其中")
_PART_LEAD = re.compile(r"^[\s,，、“「]*(?:其中|同期[,，]?\s*(?:实现|完成|达到?|共|累计))")

#: a change stated as a rate (`增长8.7%`): a flow over a period (extract: the paragraph's account continues)
#: (or as a rate named: `增速分别为56.8%和47.7%`, `增幅达12.3%`)
_FLOW = re.compile(
    r"(?:增长|下降|上涨|回落|减少|增加)[了约近超过逾]*\s*[0-9０-９.]+\s*[%％]"
    r"|(?:增速|增幅)(?:分别)?(?:为|达到?|是)?\s*[0-9０-９.]+\s*[%％]"
)


def _extract_sentence(quote: str, ctx: _Ctx, out: list[ExtractedFigure]) -> None:
    """The figures of one sentence, appended to `out`; `ctx` carries what later sentences may refer back to.

    Steps: read the sentence (periods, masks, numbers), classify its numbers (level, growth, point change), then for
    each run of numbers of one kind find its period and add levels or attach growths, and finish the sentence
    (flat growth, parts, rates in brackets, regions of parts) before updating the context."""
    s = _read(quote, ctx)
    s.prev_metric = ctx.metrics[-1] if ctx.metrics else ""
    s.prev_whole = next((m for m in reversed(ctx.metrics) if "占" not in m), "")
    items = _classify_numbers(s)
    prev_end = 0
    monitored = ""  # `重点监测的15个超市…`: the survey whose count of units was just passed, naming the next level
    i = 0
    while i < len(items):
        it = items[i]
        group = _run_at(s.t, items, i)
        cb = _clause_start(s.t, it.num.start)
        window = s.masked[max(cb, prev_end) : it.num.start]
        if monitored and it.kind == "level":
            # `省级重点监测的8个农产品批发市场，前4天共实现交易额4.2亿元`: the monitored units' amount
            window = monitored + re.sub(r"^[\s，,]+|[，,]", "", s.masked[prev_end : it.num.start])
        monitored = ""
        if it.kind == "level" and len(group) == 1 and (it.num.unit or "")[-1:] in ("个", "家"):
            survey = _MONITORED_BEFORE.search(window)
            if survey is not None and _DIGIT_RE.search(s.t, it.num.end, _clause_end(s.t, it.num.end) + 40):
                monitored = survey.group("s")
        led = _AT_STATED_RATE.search(s.masked, cb, it.num.start) if it.kind == "level" else None
        if led is not None:
            # `全省网络零售额以15.2%的增速达到3200亿元`: the level is of what the clause named before its rate
            window = s.masked[cb : led.start()]
        pm, sent_year, forecast = _period_of(s, ctx, it.num, cb)
        if it.kind == "level":
            _add_levels(s, ctx, group, cb, window, pm, sent_year, forecast)
        else:
            _add_growths(s, ctx, group, cb, window, pm, sent_year, forecast)
        prev_end = group[-1].num.end
        i += len(group)
    _finish(s, ctx, out)
    _update_context(s, ctx)


def _clause_start(t: str, pos: int) -> int:
    return max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, pos)), default=0)


#: lists written with commas (ASCII text, or `，` for `、`) before and after 分别: `吃类,穿类,用类商品分别增长5.3%,4.0%,5.7%`
_COMMA_ITEMS = re.compile(
    r"(?:(?<=[,:;])|^)(?:(?:[\u4e00-\u9fff]{1,3}|[\u4e00-\u9fff]{1,3}/[\u4e00-\u9fff]{1,4})(?<![看说示绍出到]),){1,6}"
    r"(?:(?!同比|比上|较|看)[\u4e00-\u9fff/]){1,16}分别"
)
_COMMA_RATES = re.compile(r"分别[^,;。]{0,12}?[0-9.]+%(?:,[0-9.]+%)+")


def _comma_lists(t: str) -> str:
    """The commas of a 分别 list read as `、` (same length: offsets hold)."""
    if "分别" not in t or "," not in t:
        return t
    chars = list(t)
    for rx in (_COMMA_ITEMS, _COMMA_RATES):
        for m in rx.finditer(t):
            for i in range(m.start(), m.end()):
                if chars[i] == ",":
                    chars[i] = "、"
    return "".join(chars)


#: words ending the name of a span whose dates follow in brackets
_NAMED_SPAN = ("期间", "以来", "假期", "长假", "小长假", "黄金周")


#: a wire story's dateline opening the sentence (`新华社杭州1月5日电（记者张三）`, `人民网南宁3月2日电`, `本报北京7月31日讯`,
#: `财联社12月3日电，`, `新华社电`): the outlet, place and day of the report, never part of a figure's name
_DATELINE_LEAD = re.compile(
    r"^\s*(?:[^\s，,。；;：:、“”]{0,16}?\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯|消息)|(?:新华社|中新社|本报|据新华社)电)"
    r"\s*(?:[（(][^）)]{0,40}[）)])?\s*[，,：:]?"
)


def _read(quote: str, ctx: _Ctx) -> _Sentence:
    """Fold the sentence, find its periods, mask what holds no figure (dates, times, brackets) and read its numbers."""
    t = _comma_lists(fold(quote))
    if "倍" in t:
        # `同比增长一倍`, `增长了两倍多`: a multiple written in characters, read as its digit (same length)
        t = _CN_MULTIPLE.sub(lambda m: m.group(1) + _CN_ONES[m.group(2)], t)
    ctx.sentence = t
    # a period in brackets is an aside — except the dates of a named period (`“双11”期间（11月11日至16日）`,
    # `春运开始以来（1月7日至27日）`, `国庆假期（10月1日至7日）`)
    parens = [(m.start(), m.end()) for m in _PAREN_RE.finditer(t) if not t[: m.start()].endswith(_NAMED_SPAN)]
    periods = [p for p in find_periods(t, ctx.published, ctx.year) if not any(s <= p.start < e for s, e in parens)]
    blocked: list[tuple[int, int]] = [(p.start, p.end) for p in periods]
    # `今年国庆假期`, `2024年“双11”期间`: the year names which holiday, it is not the figure's period
    events = [p for p in periods if p.kind == "year" and _EVENT_AFTER.match(t, p.end)]
    periods = [p for p in periods if p not in events]
    for ev in events:
        # `2015年“双11”期间（11月11日至16日）`: the event's dates are in the year that named it
        for p in periods:
            if p.start >= ev.end and p.year is None and p.kind in ("days", "month", "months", "holiday") and ev.year is not None:
                p.year, p.explicit_year = ev.year, True
    periods = _holiday_days(t, periods, ctx)
    periods = _bare_days(t, periods, ctx)
    periods = _days_opening_clauses(t, periods)
    if ctx.day_count is not None:
        # `10月4日，国庆长假进入第4天。…前4天，全省…实现销售额12.9亿元` / `…4天共实现…` / `4日当天销售额…`: the days
        # of a span whose day the text counted (the 4th is 10月4日: the span began on 10月1日)
        periods = sorted(periods + _counted_days(t, ctx, periods), key=lambda p: p.start)
    for m in _PAREN_RE.finditer(t):
        # `今年双“11”期间（11月11日至11月20日）`: the article dates the span; a later `双“11”期间` means those days
        name = span_name(t[: m.start()]) if t[: m.start()].endswith(("期间", "期内")) else ""
        dated = [p for p in periods if m.start() <= p.start < m.end() and p.kind == "days"]
        if name and len(dated) == 1:
            ctx.dated_spans[name] = dated[0]
    for m in _POPULATION_GAIN.finditer(t):
        # `截至12月，网民规模为8.29亿，全年新增网民5653万，互联网普及率达59.6%`: a gain in a population is an
        # absolute change, not a level; its period (全年) dates nothing after it
        cs = _clause_start(t, m.start())
        ce_m = _CLAUSE_BOUNDARY.search(t, m.end())
        ce = ce_m.start() if ce_m else len(t)
        periods = [p for p in periods if not cs <= p.start < ce]
        blocked.append((cs, ce))
    blocked += [(p.start, p.end) for p in periods]
    lead = _DATELINE_LEAD.match(t)
    if lead is not None:  # `新华社杭州1月5日电（记者…）2025年快递业务量…`: the dateline names no part of the metric
        blocked.append((lead.start(), lead.end()))
    blocked += [(m.start(), m.end()) for m in _DATE_RE.finditer(t)]
    if "季度" in t:
        blocked += [(m.start(), m.end()) for m in _QUARTER_ABBREV.finditer(t)]  # `一、二季度分别…`: times, no name
    blocked += [(m.start(), m.end()) for m in _TIME_RE.finditer(t)]
    multi_year = _MULTI_YEAR_HINT.search(t) is not None
    if multi_year:
        blocked += [(m.start(), m.end()) for m in _MULTI_YEAR.finditer(t) if _MULTI_YEAR_SPAN.search(m.group())]
    # brackets are asides — except a second name of the things counted (`邮件（快件）量`), part of the name, and the
    # amount of the indicator just named (`在社会消费品零售总额（18.12万亿元）中所占比重`)
    alt_names = {m.start() for m in _ALT_NOUN_BEFORE_VOLUME.finditer(t)}
    for m in _PAREN_RE.finditer(t):
        if m.start() in alt_names:
            continue
        if (_AMOUNT_ASIDE.fullmatch(m.group()) and _MEASURE_BEFORE.search(t, 0, m.start())) or _PART_ASIDE.match(
            m.group()
        ):
            # (`…增长18.7%（其中汽车制造业增加值增长48.1%）`: a part's own figure in brackets is read as a clause)
            blocked += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
        else:
            blocked.append((m.start(), m.end()))
    masked = _mask(t, blocked)
    numbers = [n for n in iter_numbers(t) if not any(s <= n.start < e for s, e in blocked)]
    if "个" in t or "家" in t:
        # `对其他9个金砖国家进出口1.49万亿元`: how many partners a trade flow is with is part of its name, no figure;
        # `重点监测的15个超市…共实现销售额1.9亿元`: how many businesses are monitored is no figure either
        named = [m.start("n") for m in _PARTNER_COUNT.finditer(t)]
        named += [m.start("n") for m in _MONITORED_COUNT.finditer(t)]
        numbers = [n for n in numbers if n.start not in named]
    # "提升0.6和4.5个百分点": a bare number listed before a number with a unit takes that unit; a number with only
    # a multiplier listed before one with a unit (`分别出口6360.6亿、6211.9亿、2004.4亿元`, `9.76万亿和10.34万亿元`)
    # takes the unit after the multiplier (亿 → 亿元); read from the right, so a whole list shares its last unit
    for a, b in reversed(list(zip(numbers, numbers[1:], strict=False))):
        # (`16.2亿，12.9亿元`: a comma for a 、 after an amount with only its multiplier)
        comma_listed = t[a.end : b.start].strip() in ("，", ",") and bool(a.mult) and a.unit == a.mult
        if not b.unit or not (_LIST_GAP.match(t[a.end : b.start]) or comma_listed):
            continue
        if not a.unit and not a.mult:
            a.unit, a.base_unit, a.mult = b.unit, b.base_unit, b.mult
            a.value_base = a.value * (b.value_base / b.value if b.value else 1.0)
        elif a.unit == a.mult and b.base_unit and b.unit != b.mult and b.base_unit not in _NO_SHARED_UNIT:
            a.unit, a.base_unit = a.mult + b.unit[len(b.mult) :], b.base_unit
    for n in numbers:
        unit = _HOURS_AFTER.match(t, n.end) if not n.unit and not n.mult else None
        if unit and _TIME_SPENT.search(masked, _clause_start(t, n.start), n.start):
            # `人均每周上网时长为30.8个小时`: the level of a time-spent indicator (a bare duration is no figure)
            n.unit = n.base_unit = unit.group("u")
            n.end = unit.end()
    return _Sentence(
        quote=quote,
        t=t,
        masked=masked,
        periods=periods,
        numbers=numbers,
        multi_year=multi_year,
        sent_region=_sentence_region(masked),
        fromtos=tuple(_FROM_TO_VALUES.finditer(t)) if ("从" in t or "由" in t) else (),
        holiday_years=tuple(ev.year for ev in events if not ev.comparison),
    )


#: an amount alone in brackets (`（18.12万亿元）`) and an indicator's name right before it (`…零售总额`)
_AMOUNT_ASIDE = re.compile(r"[（(]\s*[0-9][0-9.,]*\s*(?:万亿|千亿|亿|万)?\s*(?:元|件|人|户|家)\s*[)）]")
#: a bracketed clause naming a part of the whole before it, with its own rate (`（其中，汽车制造业增加值增长48.1%）`)
_PART_ASIDE = re.compile(r"[（(]\s*其中\s*[，,]?\s*[\u4e00-\u9fff]{2,}[^（()）]*?(?:增长|下降)\s*[0-9.]+\s*[%％][)）]$")
_MEASURE_BEFORE = re.compile(r"(?:总额|零售额|销售额|交易额|业务量|规模)$")


#: a level reached at the end of a change (`提升到57.6%`, `增至10.3亿`), right before its number
_RISEN_TO = re.compile(r"(?:提升|提高|增长|增加|上升|扩大|攀升|跃升|升|增)(?:到|至)\s*$")


#: hours or minutes after a number, and an indicator of time spent before it (`上网时长为`, `使用时长达`)
_HOURS_AFTER = re.compile(r"\s*个?\s*(?P<u>小时|分钟)")
_TIME_SPENT = re.compile(r"时长\s*(?:为|达到?|是|约为?|超过?|增至|升至)?\s*$")


#: a multiple of one to nine written in characters after a growth verb (`增长一倍`, `扩大了两倍`)
_CN_MULTIPLE = re.compile(r"((?:增长|增加|提高|提升|扩大|上涨|增)了?\s*)([一二两三四五六七八九])(?=\s*倍)")
_CN_ONES = {c: str(k) for k, c in enumerate("一二三四五六七八九", 1)} | {"两": "2"}


#: a gain in a population (`全年新增网民5653万`, `新增手机网民6433万`): an absolute change of a stock stated beside it
_POPULATION_GAIN = re.compile(
    r"(?:新增|净增)[\u4e00-\u9fff]{0,4}?(?:网民|用户)(?:数|数量|规模)?\s*(?:达到?|为|约|近|超过?)?\s*[0-9]"
)


#: `自1999年确立黄金周以来`: the year an event took place, in a clause closing on 以来 — where a span starts, not the
#: period of a figure (`2022年以来` right after the year is read as the year so far)
_SINCE_EVENT = re.compile(r"[^，,。；;：:0-9“”\"]{1,12}?以来")

#: a span of days named without its month at the start of a clause (`1—7日，银联网络交易金额为2.16万亿元`)
_BARE_DAY_SPAN = re.compile(
    r"(?:^|(?<=[，,。；;]))\s*(?:另外\s*[，,]?\s*|其中\s*[，,]?\s*)?(?P<d1>[0-9]{1,2})\s*[日号]?\s*(?:至|到|—|-|–|~|～)\s*"
    r"(?P<d2>[0-9]{1,2})\s*[日号](?![0-9])"
)

#: a day named without its month at the start of a clause (`13日起派件进入高峰`, `14日进一步升至1.6亿件`)
_BARE_DAY = re.compile(r"(?:^|(?<=[，,。；;]))\s*(?:仅|其中\s*[，,]?\s*)?(?P<d>[0-9]{1,2})\s*[日号](?![0-9])")

#: a holiday that starts on a fixed day (`国庆长假`, `“十一”黄金周`, `五一假期`): the month it starts in
FIXED_HOLIDAY = re.compile(
    r"(?P<oct>国庆|[“\"「]\s*十一\s*[”\"」])\s*(?:黄金周|长假|假期|小长假|期间)"
    r"|(?P<may>[“\"「]?\s*五一\s*[”\"」]?|劳动节)\s*(?:黄金周|长假|假期|小长假|期间)"
)
#: a holiday of no fixed day, or a festival of shopping: its days are not the fixed holiday's
_OTHER_HOLIDAY = re.compile(r"春节|元旦|端午|中秋|清明|除夕|双\s*1[12]|双十[一二]|年货节|618|购物节")
#: its first days (`国庆黄金周前6日`, `前4天`, `4天共实现销售额`, `4天累计营业额`)
_HOLIDAY_FIRST_DAYS = re.compile(
    r"(?:(?:黄金周|长假|假期|小长假)的?)?(?:前|头)(?P<k>[1-9]|[一二三四五六七八])\s*(?:天|日)(?![0-9])"
    r"|(?<![0-9月第前头])(?P<k2>[1-9])\s*天(?=共|累计|合计)"
)

_MONTH_NAMED = re.compile(r"(?<![0-9])([0-9]{1,2})\s*月")

#: a clause about the day just named (`…，当天派件总量达到1.3亿件`)
_THAT_DAY = re.compile(r"[，,]\s*(?:当天|当日)")
#: a clause saying a day was the busiest (`交易最多`, `业务量最高`)
_PEAK_DAY = re.compile(r"\s*[^，,。；;0-9]{0,10}(?:最多|最高|最大|最旺|峰值)")


def _holiday_days(t: str, periods: list[PeriodMention], ctx: _Ctx) -> list[PeriodMention]:
    """`国庆黄金周前6日，北京商场实现零售额4.98亿元`, `10月4日，国庆长假进入第4天…。前4天，全省…`: the first days of
    a holiday that starts on a fixed day (1 October, 1 May) the article names are those days of its month."""
    h = FIXED_HOLIDAY.search(t)
    if h is not None:
        ctx.holiday_month = 10 if h.group("oct") else 5
    if not ctx.holiday_month or ("天" not in t and "日" not in t) or ctx.day_count is not None:
        return periods  # (a span whose day the text counted, `5月3日，…进入第3天`: its days, see _counted_days)
    out = list(periods)
    for m in _HOLIDAY_FIRST_DAYS.finditer(t):
        k = _cn_int(m.group("k") or m.group("k2"))
        if k < 2:
            continue
        covering = [p for p in out if p.start < m.end() and m.start() < p.end]
        if len(covering) == 1 and covering[0].kind == "holiday" and not covering[0].holiday.endswith("当天"):
            covering[0].first_days = k  # `“五一”假期前3天`: the first days of the year's statutory holiday
            continue
        if covering:
            continue
        if t[max(0, m.start() - 1) : m.start()] == "节" or _OTHER_HOLIDAY.search(t, max(0, m.start() - 8), m.start()):
            continue  # `国庆节前3天` (the days before it), `春节前3天` (another holiday's days)
        mo = ctx.holiday_month
        year = ctx.year or ctx.story_year or (ctx.published.year if ctx.published else None)
        span = holiday_span("五一", year) if mo == 5 and year is not None else None
        if span is not None:
            # 五一 began on 29 or 30 April in some years (the State Council's calendar): its first days from there
            first, last = first_days(span, k)
            label = f"{first.month}月{first.day}日至{last.month}月{last.day}日"
            out.append(
                PeriodMention(m.start(), m.end(), label, None, False, "days", first.month, last.month, first.day, last.day)
            )
            continue
        label = f"{mo}月1日至{k}日"
        out.append(PeriodMention(m.start(), m.end(), label, None, False, "days", mo, mo, 1, k))
    return sorted(out, key=lambda p: p.start)


def _month_before(t: str, at: int, periods: list[PeriodMention], ctx: _Ctx) -> int:
    """The month of a day named without one: the month just named in the sentence, else its paragraph's."""
    month = 0
    for p in periods:
        if p.end <= at and p.kind in ("month", "days") and not p.comparison:
            month = p.b if p.kind == "days" else p.a
    if not month:
        named = [int(x) for x in _MONTH_NAMED.findall(t, 0, at)]
        month = named[-1] if named else (ctx.month or ctx.holiday_month)
    return month


def _bare_days(t: str, periods: list[PeriodMention], ctx: _Ctx) -> list[PeriodMention]:
    """Days named without their month (`11月11日…。13日起派件进入高峰，当天派件总量达到1.3亿件，14日进一步升至1.6亿
    件`): the month is the one just named (in the sentence, else its paragraph); the day is the period of a figure in
    its own clause, or in the next one when that clause is about `当天`."""
    if "日" not in t and "号" not in t:
        return periods
    out = list(periods)
    for m in _BARE_DAY_SPAN.finditer(t):
        d1, d2 = int(m.group("d1")), int(m.group("d2"))
        if not 1 <= d1 < d2 <= 31 or any(p.start < m.end() and m.start() < p.end for p in periods):
            continue
        month = _month_before(t, m.start("d1"), periods, ctx)
        clause_end = _CLAUSE_BOUNDARY.search(t, m.end())
        if not month or not _DIGIT_RE.search(t, clause_end.end() if clause_end else m.end()):
            continue
        label = f"{month}月{d1}日至{d2}日"
        out.append(PeriodMention(m.start("d1"), m.end(), label, None, False, "days", month, month, d1, d2))
    for m in _BARE_DAY.finditer(t):
        day = int(m.group("d"))
        if not 1 <= day <= 31 or any(p.start <= m.start() < p.end for p in out):
            continue
        month = _month_before(t, m.start(), periods, ctx)
        if not month:
            continue
        clause_end = _CLAUSE_BOUNDARY.search(t, m.end())
        end = clause_end.start() if clause_end else len(t)
        if not _DIGIT_RE.search(t, m.end(), end) and not _THAT_DAY.match(t, end):
            continue
        label = f"{month}月{day}日"
        out.append(PeriodMention(m.start(), m.end(), label, None, False, "month", a=month, day=day))
    return sorted(out, key=lambda p: p.start)


#: a clause opening on a day (`其中，10月22日快递业务量达7.29亿件`, `11月11日快递业务量7.01亿件`): the figure of that day
_DAY_OPENS_CLAUSE = re.compile(
    r"(?:^|(?<=[，,。；;]))\s*(?:其中\s*[，,]?\s*)?(?P<m>[0-9]{1,2})\s*月\s*(?P<d>[0-9]{1,2})\s*[日号]"
    r"(?!\s*(?:至|到|-|—|–|~|～|起|以来|前后|之前|之后|前|后|[0-9]))"
)
#: an amount with its unit or multiplier (`3.16亿件`, `2.7亿`), not a bare number (`2023中国电子商务大会`)
_AMOUNT = re.compile(r"\d(?:[\d,]*\.?\d*)\s*(?:万亿|亿|万|千)?\s*(?:元|件|个|人|家|吨|笔|份|单|票|次|辆|台|%)|\d\s*(?:万亿|亿|万)")
#: a clause that reports an event of that day rather than stating its figure (`8月13日，国家邮政局发布…`)
_DAY_EVENT = re.compile(r"发布|公布|召开|举行|举办|表示|介绍|显示|获悉|宣布|通报|启动|开幕|闭幕|上线|随着")


def _days_opening_clauses(t: str, periods: list[PeriodMention]) -> list[PeriodMention]:
    """A clause that opens on a day and states a figure in the same clause (`其中，10月22日快递业务量达7.29亿件`)
    gives the figure that day — never the span carried from the sentence before, nor the story's date. A day
    opening a clause that reports an event (`8月13日，国家邮政局发布…`) dates the event, not a figure."""
    if "日" not in t and "号" not in t:
        return periods
    out = list(periods)
    for m in _DAY_OPENS_CLAUSE.finditer(t):
        month, day = int(m.group("m")), int(m.group("d"))
        if not (1 <= month <= 12 and 1 <= day <= 31) or any(p.start <= m.start("m") < p.end for p in periods):
            continue
        clause_end = _CLAUSE_BOUNDARY.search(t, m.end())
        end = clause_end.start() if clause_end else len(t)
        if not _DIGIT_RE.search(t, m.end(), end):
            # `5月6日，全行业揽收量达到3.16亿件`: a day alone before a comma, then a clause stating a figure of no
            # period of its own and reporting no event: that day's figure
            alone = re.match(r"\s*[，,]", t[m.end() :])
            if not alone and _PEAK_DAY.fullmatch(t, m.end(), end) and _THAT_DAY.match(t, end):
                # `其中10月1日交易最多，当天处理交易18.47亿笔`: the peak day, whose figure the `当天` clause gives
                alone = re.match(r"[^，,]*[，,]", t[m.end() :])
            if not alone:
                continue
            nxt = m.end() + alone.end()
            following = _CLAUSE_BOUNDARY.search(t, nxt)
            end = following.start() if following else len(t)
            if (
                not _AMOUNT.search(t, nxt, end)
                or any(nxt <= p.start < end for p in periods)
                or _DAY_EVENT.search(t, m.end())
            ):
                continue
        if _DAY_EVENT.search(t, m.end(), end):
            continue
        label = f"{month}月{day}日"
        out.append(PeriodMention(m.start("m"), m.end(), label, None, False, "month", a=month, day=day))
    return sorted(out, key=lambda p: p.start)


def _classify_numbers(s: _Sentence) -> list[_Item]:
    """Each number that may be a figure, as a level, a growth rate or a point change (see _classify); a number
    listed right after another (`增长12%和8%`, `指数分别为327.55和251`) is of the same kind."""
    t = s.t
    items: list[_Item] = []
    prev_item: _Item | None = None
    for n in s.numbers:
        cb = _clause_start(t, n.start)
        if (
            prev_item is not None
            and prev_item.kind != "level"
            and n.base_unit in ("%", "倍", "‰", "个百分点")
            and _LIST_GAP.match(t[prev_item.num.end : n.start])
        ):
            val = round(n.value * 100, 9) if n.base_unit == "倍" else n.value
            it: _Item | None = _Item(n, prev_item.kind, -val if prev_item.negative else val, prev_item.negative)
        elif (
            prev_item is not None
            and prev_item.kind == "level"
            and not prev_item.num.unit
            and not prev_item.num.mult
            and not n.unit
            and not n.mult
            and _LIST_GAP.match(t[prev_item.num.end : n.start])
            and not _BAD_AFTER.match(t, n.end)
        ):
            it = _Item(n, "level")  # `指数分别为327.55和251`: the second index value of a list
        else:
            it = _classify(t, s.masked, n, cb)
        if it is not None:
            items.append(it)
            prev_item = it
    return items


def _run_at(t: str, items: list[_Item], i: int) -> list[_Item]:
    """The run of numbers of one kind starting at items[i], separated only by list separators."""
    group = [items[i]]
    j = i + 1
    while (
        j < len(items)
        and items[j].kind == items[i].kind
        and (
            _LIST_GAP.match(t[group[-1].num.end : items[j].num.start])
            # `分别进口29.8亿、16.2亿，12.9亿元`: a comma for a 、 in a list whose amounts share the last one's unit (an
            # amount with only its multiplier, `16.2亿`, is no end of a clause)
            or (
                t[group[-1].num.end : items[j].num.start].strip() in ("，", ",")
                and group[-1].num.mult
                and t[group[-1].num.end - 1 : group[-1].num.end] == group[-1].num.mult[-1:]
                and items[j].num.unit != items[j].num.mult
            )
        )
    ):
        group.append(items[j])
        j += 1
    return group


def _finished_before(end: date | None, published: date | None) -> bool:
    """A period that ended before the story was written: `预计` over it is an estimate of a finished period
    (`2023年，某市年进口量预计突破6000万件` in a story of 2025), not a forecast."""
    return end is not None and published is not None and end < published


#: after a level, its change since the end of an earlier period (`，较2021年12月净增87万个`, `，比上年末增加1352条`)
_STOCK_BASE_AFTER = re.compile(
    r"[^。；;]{0,24}?[，,]\s*(?:较|比)(?:上年末|上年底|去年底|去年末|年初|\d{4}年\d{1,2}月(?:底|末)?|\d{4}年(?:底|末)|\d{1,2}月(?:底|末))"
    r"\s*(?:净增|新增|增加|增长|减少|下降|提高|提升)"
)
#: a yearly amount named as such (`快递年业务量`, `网络零售年交易额`): the activity and its measure
_ANNUAL_MEASURE = re.compile(r"^([\u4e00-\u9fff]{2,10}?)年(业务量|业务收入|交易额|零售额|网络零售额|网上零售额|销售额)$")
#: a mark passed (`正式突破500亿件`, `首次超过1万亿元`), right before the number
_MILESTONE_BEFORE = re.compile(MILESTONE_VERB + r"\s*(?:约|近)?\s*$")

#: a count of users or of netizens (`用户规模`, `网民规模`, `网民数`): a stock, dated by a report, not a flow
#: (a population's penetration or usage rate — `农村地区互联网普及率为57.6%` — is read on the same report date)
_POPULATION_STOCK = re.compile(r"(?:用户|网民)(?:规模|数量|总数|数)|普及率|使用率")


def _clause_end(t: str, pos: int) -> int:
    """Where the clause holding `pos` ends (a time word in a later clause, `…达到2000万人，前半年累计…`, is that
    clause's own)."""
    m = _CLAUSE_BOUNDARY.search(t, pos)
    return m.start() if m else len(t)


#: the same period a year before, stated as the subject of a value (`去年同期为6.3万亿元`, `而上年同期，这一数字为…`)
_YEAR_BEFORE_VALUE = re.compile(
    r"(?:^|[，,；;])\s*(?:而|但|相比之下\s*[，,]?)?\s*(?:去年|上年|上一年)同期\s*[，,]?\s*(?:这一数字|该数字|这一数据|此数)?\s*"
    r"(?:为|是|达到?|仅为?|只有|约为?)\s*(?:约|近|超过?)?\s*$"
)


def _period_of(s: _Sentence, ctx: _Ctx, n: Number, cb: int) -> tuple[PeriodMention | None, int | None, bool]:
    """The period of the number `n` (see _period_of_stated); a value said to be the same period's a year before
    (`上半年，…7.16万亿元。去年同期，这一数字为6.3万亿元`) is of that period one year earlier."""
    pm, sent_year, forecast = _period_of_stated(s, ctx, n, cb)
    if _YEAR_BEFORE_VALUE.search(s.t, 0, n.start) is None:
        return pm, sent_year, forecast
    start, _end = pm.resolve(ctx.published, sent_year if sent_year is not None else ctx.year) if pm else (None, None)
    if pm is None or start is None or pm.kind in ("now", "yearrange") or pm.asof:
        return None, sent_year, forecast  # a base of no period the text gives: not dated at all
    label = f"{start.year - 1}年同期"
    return dataclasses.replace(pm, year=start.year - 1, explicit_year=True, label=label), sent_year, forecast


def _period_of_stated(s: _Sentence, ctx: _Ctx, n: Number, cb: int) -> tuple[PeriodMention | None, int | None, bool]:
    """The period of the number `n` (the last non-comparison period before it in the sentence, else the one carried
    from an earlier sentence), an explicit year stated earlier in the sentence, and whether it is a forecast."""
    t, masked = s.t, s.masked
    # `国家邮政局预计，2024年…快递业务量、业务收入分别完成1425亿件和1.3万亿元`: 预计 governs the sentence after it
    forecast = bool(_FORECAST_RE.search(t[cb : n.start])) or _FORECAST_LEAD.search(t, 0, n.start) is not None
    pm = None
    sent_year = None  # an explicit year earlier in the sentence (`《2023年上半年…报告》显示,上半年…`)
    asof_pm = None
    for p in s.periods:
        if _SINCE_EVENT.match(t, p.end) and p.kind == "year":
            continue  # `这是1999年设立黄金周以来…首次突破1万亿元`: when the span began, no period of the figure
        if p.end <= n.start and not p.comparison and not (p.from_value and n.start > p.end + 3):
            if pm is not None and pm.explicit_year and pm.year is not None:
                sent_year = pm.year
            if pm is not None and pm.asof:
                asof_pm = pm
            pm = p
    base_day = _BASE_DAY_VALUE.search(t, cb, n.start)
    if base_day is not None and (pm is None or pm.end <= base_day.start()):
        # `10月6日零售额为7447.06万元，比10月5日28家商场的零售额7874.04万元减少427万元`: the amount named right after
        # the day it is compared with is that day's, not the figure's period
        mo, dy = int(base_day.group("m")), int(base_day.group("d"))
        if 1 <= mo <= 12 and 1 <= dy <= 31:
            label = re.sub(r"\s+", "", base_day.group("day"))
            return PeriodMention(base_day.start("day"), base_day.end("day"), label, None, False, "month", a=mo, day=dy), sent_year, forecast
    if (
        pm is not None
        and pm.kind == "year"
        and asof_pm is not None
        and asof_pm.kind != "now"
        and asof_pm.year is None
        and re.fullmatch(r"[\s,，\x00]*", masked[asof_pm.end : pm.start])
    ):
        sent_year = pm.year if pm.year is not None else sent_year
        # `截至5月31日,今年快递业务量已达500亿件`: year to date — from 1 January of the year named, as of 31 May
        pm = dataclasses.replace(asof_pm, year_to_date=True)
        if sent_year is not None:
            pm.label = f"{sent_year}年（{pm.label}）"  # shown when the dates are irregular: 2016年（截至12月20日）
    if pm is None and ctx.carry and ctx.whole_period is not None and _BREAKDOWN_LEAD.search(t):
        # `…总额为3014.5亿元。其中，四季度…945.7亿元。…分类别看，实物类网络零售额1769.7亿元`: a breakdown of the
        # whole, over the whole's period, not the part's just stated
        return ctx.whole_period, sent_year, forecast or ctx.period_forecast
    if pm is None and ctx.period is not None and ctx.period.kind in ("days", "lunar", "holiday"):
        # `2月11日至17日，…。…假期前六天网络零售额超1200亿元`: the first days of the span just stated
        first_days = _FIRST_DAYS.search(t, 0, n.start)
        if first_days is not None:
            span = _first_days_of(ctx.period, ctx, _cn_int(first_days.group("k")), first_days)
            if span is not None:
                return span, sent_year, forecast
    if _ONE_DAY_MEASURE.search(masked, cb, n.start):
        # `收件量峰值出现在11月11日，单日收件量达到285万件`: a one day's count is of the day the sentence names
        days = [m for m in _DAY_RE.finditer(t, 0, n.start)]
        if len(days) == 1:
            d = days[0]
            return (
                PeriodMention(d.start(), d.end(), re.sub(r"\s+", "", d.group()), None, False, "days",
                              int(d.group("m")), int(d.group("m")), int(d.group("d")), int(d.group("d"))),
                sent_year,
                forecast,
            )
    if pm is None and ctx.dated_spans:
        # `双“11”期间，全市各县市区…` after `今年双“11”期间（11月11日至11月20日）` earlier in the article: those days
        names = {span_name(t[: m.end()]) for m in re.finditer(r"期间|期内", t[: n.start])} - {""}
        dated = [ctx.dated_spans[x] for x in names if x in ctx.dated_spans]
        if len(dated) == 1:
            return dated[0], sent_year, forecast
    if pm is None and ctx.period is not None and _own_named_span(t, ctx):
        # `一些电商平台的数据显示，春节期间…同比增长超180%` after a span of `1月10日至2月7日的网上年货节期间`: a span
        # named by the sentence itself and not by the one the period was stated in is not that period
        return None, sent_year, forecast
    if pm is None and s.holiday_years and ctx.period is not None:
        # `今年春节全国共接待游客3.86亿人次` after a sentence about 2017: the holiday's own days, known only when the
        # period carried is a span of days in the year that names the holiday
        carried_start = _resolve(ctx.period, ctx, False)[0]
        if (
            ctx.period.kind not in ("days", "lunar", "holiday")
            or carried_start is None
            or carried_start.year not in s.holiday_years
        ):
            return None, sent_year, forecast
    own = pm is not None  # the sentence states the number's period itself
    if (
        pm is None
        and ctx.period is not None
        and ctx.period.asof
        and not ctx.period.year_to_date
        and _DONE_IN.search(t, cb, n.start)
    ):
        # `截至8月底，全省网商数量达38.6万家。快递业务量完成4.3亿件，同比增长22%`: a report date holds for stocks; what
        # was done (a flow) over which months, the text does not say
        return None, sent_year, forecast
    if pm is None and ctx.period is not None:
        if ctx.carry or (
            # `截至2023年6月，我国网民规模达10.79亿人。…网络购物用户规模达8.84亿人`: the stock date of a report
            # holds for later stocks that name no time of their own (never a forecast's `到2030年`)
            ctx.period.asof and ctx.period.kind != "now" and not ctx.period_forecast
            and not _OWN_TIME.search(t, 0, _clause_end(t, n.end))
        ):
            pm = ctx.period
            # `预计2024年…将完成1715亿件；快递业务量…分别完成1425亿件`: a period carried from a forecast is still
            # the forecast's (a carry from a forecast happens only on a refer-back or after a ；)
            forecast = forecast or ctx.period_forecast
            whole = ctx.whole_period
            if whole is not None and whole is not pm and "累计" in t[cb : n.start] and not ctx.period_forecast:
                # `1-2月，…完成252.7亿件。其中，2月份…93.7亿件。同城快递业务量累计完成23.2亿件`: a running total is
                # over the whole's months, not the part's just named
                w_start, w_end = _resolve(whole, ctx, False)[:2]
                p_start, p_end = _resolve(pm, ctx, False)[:2]
                if None not in (w_start, w_end, p_start, p_end) and w_start < p_start and w_end == p_end:  # type: ignore[operator]
                    pm = whole
    if (
        not own
        and (pm is None or pm is ctx.period)
        and ctx.period is not None
        and not ctx.period.asof
        and not ctx.period_forecast
        and ctx.stock_period is not None
        and (
            (pm is None and _POPULATION_STOCK.search(masked, cb, n.start))
            # `其中，光纤接入端口达到10.25亿个，较2021年12月净增6534万个` after `全年新建5G基站…`: a level compared
            # with the end of an earlier period is a stock, of the report's date — not the year just named
            or _STOCK_BASE_AFTER.match(t, n.end)
        )
        and not _OWN_TIME.search(t)
        and _resolve(ctx.period, ctx, False)[1] == _resolve(ctx.stock_period, ctx, False)[1]
    ):
        # `截至2017年12月，…。共享单车是2017年下半年增长最快的应用…。网约车用户规模达到2.87亿`: a count of users
        # is a stock — the report's date, not the half-year just named that ends on it
        pm = ctx.stock_period
    return pm, sent_year, forecast


#: the money worth of goods just counted (`…出口62.3万吨，货值55.1亿元`)
_WORTH = frozenset({"货值", "货物价值", "金额"})


#: a total over an undated run of years (`近三年累计`, `五年来累计`, `过去5年共累计`)
_UNDATED_SPAN_TOTAL = re.compile(
    r"(?:(?:近|过去|最近)\s*(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*年(?:来|间|里|中)?"
    r"|(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,3})\s*年(?:来|间))[^，,。；;0-9]{0,12}?累计"
)
#: a sentence opening on recent years left undated (`近年来，河北沧州大力推进…，建成淘宝村61个`), and the clause's verb
#: of what those years built up: a total over them, as `近三年累计`
_RECENT_YEARS_OPEN = re.compile(r"^\s*(?:近年来|近几年来?|多年来|这些年来?)")
_BUILT_UP = re.compile(r"建成|累计|培育|打造|创建|共建")


#: one day's trades, named without whose (`单日交易笔数`, `当天交易金额`)
_ONE_DAY_TRADES = re.compile(r"^(?:单日|当天|当日)+(?P<m>(?:支付)?交易(?:笔数|金额))$")
#: the amount of the trades a count before it counted (`…133.92亿笔、金额7.23万亿元`, `…18.47亿笔，金额超过…`)
_AMOUNT_OF_COUNT = re.compile(r"[\s、，,和及]*金额\s*(?:为|达到?|约|超过?|近|共计?)?\s*")


def _add_levels(
    s: _Sentence,
    ctx: _Ctx,
    group: list[_Item],
    cb: int,
    window: str,
    pm: PeriodMention | None,
    sent_year: int | None,
    forecast: bool,
) -> None:
    """A run of levels (`快递业务量、业务收入分别完成1425亿件和1.3万亿元`): name each one's region and metric, date it
    and add it to the sentence's figures."""
    t, masked, figs = s.t, s.masked, s.figs
    n = group[0].num
    if len(group) == 1 and n.unit in ("个", "家", "户") and not n.mult and _POPULATION_SUBJECT.match(masked, n.end):
        return  # `重点监测的8个农产品批发市场，前4天共实现交易额4.2亿元`: how many the amount after it sums over
    qual = _qualifier(t, masked[cb : n.start], n)
    if t[n.start - 1 : n.start] in ("（", "("):
        # `在社会消费品零售总额（18.12万亿元）中`: the aside's indicator, without the clause's `在`
        window = re.sub(r"^([\s\x00，,]*)在(?!线)", r"\1", window)
    ph = _phrase(window)
    carried = figs[-1] if figs else None
    metrics = _level_metrics(
        t,
        masked,
        ph,
        group,
        carried,
        cb,
        s.post_mode,
        ctx,
        [(figs[x].region, figs[x].metric) for x in s.last_level_group],
    )
    party = _COMPARED_PARTY.match(window.replace("\x00", ""))
    if party is not None and len(group) == 1:
        # `去年中国…在线消费了1.3万亿元，仅略少于美国的2250亿美元`: the other party's level of what was just stated
        region, rest = split_region(party.group("x") + "xx")
        if not region or rest != "xx" or carried is None:
            return
        metrics = [(region, carried.metric)]
    fromto = s.fromto_at(n.start)
    if metrics is None and fromto is not None:
        # `从2018年的1.06万亿元到2023年的2.38万亿元，5年间，我国跨境电商进出口增长了1.2倍`: both ends are
        # levels of the metric named after them
        ahead = _metric_ahead(t, masked, fromto.end())
        metrics = [("", ahead)] * len(group) if ahead else None
    if metrics is None and not figs:
        # `电子商务交易额翻两番，到2015年突破18万亿元`: the level the doubling reaches is the doubled quantity's
        dbl = _DOUBLED.search(masked, 0, cb)
        sub = _phrase(dbl.group("x")) if dbl else None
        metrics = [(sub.region, sub.metric)] * len(group) if sub and len(sub.metric) >= 2 else None
    if metrics is None:
        return
    if (
        _UNDATED_SPAN_TOTAL.search(t, cb, n.start)
        or (pm is None and _RECENT_YEARS_OPEN.match(t) and _BUILT_UP.search(t, cb, n.start))
    ) and not (pm is not None and pm.kind == "yearrange"):
        # `2023年，…近三年累计实现网络零售额2280亿元`: a total over years the text does not date is no level of the
        # sentence's year (and no reader can tell which years it sums)
        return
    if carried is not None and not ph.metric and carried.is_forecast:
        forecast = True
    s.post_mode = metrics[0][1] == _post_noun(t, group[-1].num.end)
    pop = _POPULATION_BEFORE.search(masked, 0, cb) if cb > 0 else None
    if pop is not None and pop.end() == cb:
        # `8个农产品批发市场，前4天共实现交易额4.2亿元`: the amount those units made together (农产品批发市场交易额)
        metrics = [(r, pop.group("pop") + m if m in _UNIT_AMOUNTS else m) for r, m in metrics]
    # `网联平台共处理支付交易133.92亿笔、金额7.23万亿元`: the amount of the trades just counted (never an amount named
    # elsewhere in the paragraph, `日均交易金额`)
    traded = (
        carried.metric[: -len("笔数")] + "金额"
        if carried is not None
        and carried.base_unit == "笔"
        and carried.metric.endswith("笔数")
        and all(m == "金额" for _, m in metrics)
        and _AMOUNT_OF_COUNT.fullmatch(t, carried.span_end, n.start) is not None
        else ""
    )
    sent_region = s.sent_region
    fallback_region = sent_region or (carried.region if carried is not None and carried.region != "全国" else "")
    metrics = [
        # `今年宁波“双11”期间，全市快递业务量…`: the unnamed 全市 is the place the sentence opened with
        (
            sent_region if r in _CITY_WORDS and sent_region and _is_city(sent_region) else r or fallback_region,
            _expand_generic(m, ctx),
        )
        for r, m in metrics
    ]
    if traded and carried is not None:
        metrics = [(r or carried.region, traded) for r, _ in metrics]
    if carried is not None and carried.base_unit != "元" and all(m in _WORTH for _, m in metrics):
        # `手机出口1296.5万台，货值330.8亿元`: the worth of the quantity just counted is that same flow's amount
        metrics = [(r or carried.region, carried.metric) for r, _ in metrics]
    start, end, label = _resolve(pm, ctx, forecast, sent_year)
    if fromto is not None:
        start, end, label = _from_to_period(t, n.start, pm, (start, end, label), fromto.start())
    elif pm is not None and pm.kind == "yearrange" and _RISEN_TO.search(t, cb, n.start):
        # `2017年到2021年，…其中农村地区互联网普及率提升到57.6%`: the level reached is the span's last year's
        start, end, label = date(pm.b, 1, 1), date(pm.b, 12, 31), f"{pm.b}年"
    elif (
        start is None
        and end is not None
        and pm is not None
        and pm.asof
        and pm.kind == "month"
        and "累计" in t[cb : n.start]
        and _FLOW.search(t) is not None
    ):
        # `截至6月，移动互联网累计流量达1423亿GB，同比增长14.6%`: a running total of the year, compared with
        # the same months a year before — a flow from January, not a stock
        start = date(end.year, 1, 1)
    elif (
        pm is not None
        and pm.kind == "year"
        and not forecast
        and start is not None
        and end is not None
        and ctx.published is not None
        and start <= ctx.published < end
        and (
            _REACHED.search(t, cb, n.start) is not None
            or (t.startswith("以来", pm.end) and bool(metrics) and _FLOW_METRIC.search(metrics[0][1]) is not None)
        )
    ):
        # `2021年中国快递业务量已达1000亿件` in a story of 8 December: the year so far, not the whole year; so is an
        # amount since the year began (`今年以来，全省快递业务量累计完成85亿件` in a story of 20 August)
        end = _day_named(t, ctx.published)
        label = f"{start.year}年（截至{end.month}月{end.day}日）"
    if ctx.published is not None and ((start or end or ctx.published) > ctx.published):
        forecast = True  # a period, or a stock's date (`到2015年`), after the story
    s.last_level_group = []
    dated = _listed_periods(s, group, cb, ctx, forecast) or [(start, end, label)] * len(group)
    for k, g_it in enumerate(group):
        gn = g_it.num
        start, end, label = dated[k]
        region, metric = metrics[k]
        if not metric or len(metric) < 2 or _JUNK_METRIC.search(metric):
            continue
        if _PER_UNIT_AT.search(t, max(cb, gn.start - 12), gn.start):
            continue  # `平均每天有7亿人次收发快递`: a rate per day or head illustrates a scale, no level
        if (
            forecast
            and start is None
            and end is not None
            and pm is not None
            and pm.asof
            and (pm.kind == "year" or (pm.kind == "yearend" and "累计" not in t))
        ):
            if _FLOW_METRIC.search(metric):
                # `到2030年将达到2万亿元`, `预计到2026年底，…市场规模将超过1万亿元` of a year's flow: that year's, not
                # a stock (a running total, `到年底累计…`, stays one)
                start = date(end.year, 1, 1)
        if (
            forecast
            and start is not None
            and end is not None
            and end.year > start.year
            and _FLOW_METRIC.search(metric)
            and not _SUMMED.search(t, cb, gn.start)
            and "累计" not in t[cb : gn.start]
        ):
            # `预计“十二五”期间…交易规模超过15万亿元`: a yearly amount expected over a plan's years is the plan's
            # target, the amount of its last year
            start, label = date(end.year, 1, 1), f"{end.year}年"
        if "、" in region and _SUMMED.search(t, cb, gn.start):
            continue  # `广东和浙江快递业务量合计完成530.4亿件`: a sum over regions is no region's figure
        if metric.endswith("业务") and gn.base_unit:
            # `包裹业务累计完成2407万件` → 包裹业务量; `…业务完成763亿元` → …业务收入
            metric += "收入" if gn.base_unit in _MONEY else "量"
        elif metric.endswith("服务") and gn.base_unit == "件":
            # `邮政寄递服务完成209546.4万件` → 邮政寄递服务业务量: pieces handled are the service's business volume
            metric += "业务量"
        metric = _activity_metric(metric, gn.base_unit, t, gn.end)
        one_day = _ONE_DAY_TRADES.match(metric)
        if one_day is not None:
            # `网联平台共处理…支付交易133.92亿笔、金额7.23万亿元…。当天单日处理交易18.47亿笔，金额超过…`: one day's
            # trades of the platform the paragraph just measured (its indicator, for that day)
            rest = one_day.group("m")
            metric = next((m for m in reversed(ctx.metrics) if m.endswith(rest) and len(m) > len(rest) + 1), metric)
        annual = _ANNUAL_MEASURE.match(metric)
        if annual and start is not None and end is not None and (start.year, start.month, start.day) == (end.year, 1, 1):
            # `2021年，我国快递年业务量首次突破1000亿件`: a year's amount of the activity, its measure
            metric = annual.group(1) + annual.group(2)
        elif annual and start is None and end is None and ctx.published is not None:
            year = ctx.year or ctx.story_year
            if year is not None and year <= ctx.published.year and _MILESTONE_BEFORE.search(t, cb, gn.start):
                # `2018年第500亿个快递…。由此，我国快递年业务量正式突破500亿件`: the yearly amount passing a mark
                # is that of the year the story names — so far, when it is the story's own year
                metric = annual.group(1) + annual.group(2)
                start = date(year, 1, 1)
                end = ctx.published if year == ctx.published.year else date(year, 12, 31)
                label = f"{year}年"
        q = qual if k == 0 else _qualifier(t, t[group[k - 1].num.end : gn.start], gn)
        if k and q == "exact" and "分别" in masked[cb : n.start]:
            q = qual
        fig = ExtractedFigure(
            metric=metric,
            region=_own_region(region, ctx.region, ctx.home),
            value=gn.value,
            unit=gn.unit,
            value_base=gn.value_base,
            base_unit=gn.base_unit,
            qualifier=q,
            period_start=start,
            period_end=end,
            period_label=label,
            growth_pct=None,
            growth_pp=None,
            is_forecast=forecast and not _finished_before(end, ctx.published),
            quote=s.quote,
            span_start=gn.start,
            span_end=gn.end,
            value_decimals=gn.decimals,
        )
        if (
            gn.unit == "%"
            and not ph.metric
            and carried is not None
            and is_growth_only(carried)
            and normalise_metric(carried.metric) == normalise_metric(metric)
        ):
            # `…网络零售额同比增长12.4%，全国为9.8%`: another place's value of the rate just given, a growth too —
            # never a level of 9.8%
            fig.growth_pct, fig.growth_decimals = gn.value, gn.decimals
        figs.append(fig)
        s.fig_pos.append(gn.start)
        s.last_level_group.append(len(figs) - 1)
        ctx.metrics.append(metric)
        ctx.article_metrics.add(metric)


#: a quantity said to double, the clause before a level (`…交易额翻两番，到2015年突破…`)
_DOUBLED = re.compile(r"(?P<x>[^，,。；;\d]{2,30}?)(?:翻[一两三]?番|翻倍)\s*[，,]\s*$")

#: an amount over a year (sales, revenue, a market's size), not a count held at a date
_FLOW_METRIC = re.compile(r"(?:额|收入|业务量|交易规模|市场规模|零售规模|销售规模)$")

#: a breakdown of a whole (`分类别看，`, `分地区看，`, `分季度看，`)
_BREAKS_DOWN = re.compile(r"^[\s,，]*(?:从|按|分)[\u4e00-\u9fff]{2,8}?(?:来看|看|分)[，,]")
#: a clause opening on the whole it breaks down (`在快递业务量中，同城业务量…；异地业务量…`): the parts, in it and in
#: the clauses after its `；`, are parts of that whole
_IN_WHOLE_LEAD = re.compile(r"^[\s,，]*在([\u4e00-\u9fffA-Za-z0-9/]{2,20}?)(?:当中|之中|中)[，,]")
_BREAKDOWN_LEAD = re.compile(r"(?:^|[，,。；;])\s*分[\u4e00-\u9fff]{1,4}?(?:来)?看\s*[，,]")

#: a level stated as reached (`已达`, `突破`, `迈上`): a running total, when its year is not over
_REACHED = re.compile(r"已(?:经)?(?:达|超|突破|完成|迈上)|突破|迈上|站上|跨过|跨越")

_DAY_IN_TEXT = re.compile(r"(?:(?P<m>[0-9]{1,2})\s*月\s*)?(?<![0-9])(?P<d>[0-9]{1,2})\s*[日号](?![0-9])")


def _day_named(t: str, published: date) -> date:
    """The day a running total was reached: the last day the sentence names up to the story's date (`8日的实时监测
    数据显示`, `28日上午`), else the story's date."""
    found = published
    for m in _DAY_IN_TEXT.finditer(t):
        month = int(m.group("m")) if m.group("m") else published.month
        day = int(m.group("d"))
        if 1 <= month <= 12 and 1 <= day <= 31 and (month, day) <= (published.month, published.day):
            found = date(published.year, month, day)
    return found


#: a nationwide platform named as what a figure measures (`微信支付…交易笔数`, `支付宝…用户数`, `银联网络交易金额`)
_PLATFORM_LEAD = re.compile(r"^(?:微信|支付宝|银联|网联|云闪付|京东|淘宝|天猫|美团|饿了么|抖音|快手|拼多多|唯品会)")


#: a sentence opening with a place's group of businesses as its subject, in a clause with no figure (`北京老字号餐饮企业春节期间
#:生意火爆，`, `杭州多家连锁餐厅假期客流明显回升，`)
_BUSINESS_LEAD = re.compile(
    r"^[^，,。；;:：0-9０-９%]{0,16}?(?P<n>企业|餐厅|餐馆|饭店|门店|商家|商户|酒店|宾馆|老字号|店铺|商场|超市)"
    r"[^，,。；;:：0-9０-９%]{0,20}[，,]"
)
#: a lead clause citing where the figures come from (`据重点监测企业统计，`), not a subject
_SOURCE_WORDS = re.compile(r"据|显示|统计|监测|调查|数据|报告|发布|表示|介绍|看|其中|来看")


def _finish(s: _Sentence, ctx: _Ctx, out: list[ExtractedFigure]) -> None:
    """After every number is read: flat growth (`同比持平`), the city the sentence opened with, parts of a whole,
    rates in brackets and the region of a part of a local whole; then the sentence's figures go to `out`."""
    t, figs = s.t, s.figs
    for k, f in enumerate(figs):
        if f.growth_pct is None and f.growth_pp is None and not is_growth_only(f):
            nxt = s.fig_pos[k + 1] if k + 1 < len(figs) else len(t)
            fm = _FLAT_AFTER.match(t, f.span_end, nxt)
            if fm and "基本" not in fm.group():
                f.growth_pct = 0.0
                f.growth_decimals = 0
    if s.sent_region and _is_city(s.sent_region):
        for f in figs:
            if f.region in _CITY_WORDS:
                f.region = s.sent_region  # `今年上海“五五购物节”期间，全市…`: the city the sentence opened with
    _name_parts(t, figs, s.fig_pos)
    _name_by_topic(t, figs)
    if s.prev_metric and _OPENS_PARTS.match(t):
        for f in figs:  # `…农村网络零售额超过3100亿元。其中，实物型网络零售额…`: kinds of the whole just stated
            f.metric = _population_part(f.metric, s.prev_metric)
    if (ctx.prev_metric or s.prev_metric) and _OPENS_PARTS.match(t):
        whole = ctx.prev_metric or s.prev_metric
        if "占" in whole:
            # `机电产品出口3.39万亿元，…，占出口总值的59.2%；其中，电脑及其零部件…`: the parts are of the whole
            # stated before its share, not of the share
            whole = s.prev_whole
        for f in figs:
            if not _MEASURE_END.search(f.metric) and not _BARE_FLOW.fullmatch(f.metric):
                # `汽车类商品零售额同比增长13.2%…。其中，新能源汽车同比增长84.1%`: a part named without a measure
                # is measured as the whole just stated (新能源汽车商品零售额)
                if not _county_part(f, whole):
                    f.metric = _part_name(f.metric, whole)
    going_on = _OPENS_PARTS.match(t) is not None or ctx.after_semicolon
    _name_bare_scopes(figs, ctx.article_metrics, (ctx.prev_metric or s.prev_metric) if going_on else "")
    _name_listed_amounts(t, figs, s.fig_pos, ctx)
    _name_categories(t, figs, s.fig_pos)
    _name_place_list(t, figs, s.fig_pos)
    _name_county_items(figs, ctx.prev_metric, ctx.prev_unit)
    _name_parcel_siblings(figs, ctx.prev_metric if ctx.after_semicolon or _PART_LEAD.match(t) else "")
    _name_shares(t, figs, s.fig_pos)
    _bracketed_rates(t, s.masked, s.periods, ctx, figs, s.quote)
    _local_figures(t, figs, s.fig_pos, ctx)
    _group_rates(figs)
    _list_sibling_measure(t, figs, s.fig_pos)
    _list_shared_subject(t, figs)
    _parallel_subject(figs)
    _clause_shared_subject(t, figs)
    _priced_in_dollars(t, figs)
    _leading_place(t, figs, ctx)
    _share_whole_place(t, figs, ctx)
    _channel_trade(t, figs)
    for f in figs:
        if _ONE_VENUE.search(t, 0, f.span_start):
            # `北京一家开在商场里的海洋馆…客流量比平日增长50%`, `在这家…商场内，国潮门店占比高达90%`: one unnamed
            # venue's figure, an illustration, no statistic of the place
            f.metric = ""
    if _EXCLUDING_PART.match(t):
        for f in figs:
            # `剔除旅行服务，1-11月服务进出口增长16.9%`: the total without one of its parts, no figure of the total
            f.metric = ""
    for f in figs:
        part = t.rfind("其中", 0, f.span_start)
        cut = max(t.rfind("，", 0, f.span_start), t.rfind(",", 0, f.span_start))
        if part < 0 or cut < part or any(part < g.span_start < f.span_start for g in figs if g is not f):
            continue
        clause = re.split(r"[，,；;]", t[part + 2 :], maxsplit=1)[0] if t[part + 2 : part + 3] not in "，," else ""
        if (
            len(clause) >= 4
            and f.metric
            and _regions()[1].match(clause) is not None
            and not any(f.metric[i : i + 2] in clause for i in range(len(f.metric) - 1))
        ):
            # `其中武汉东湖风景区累计接待游客超百万人次，单日最高客流达12万人次`: a place's part the sentence named in a
            # clause storing no figure (its amount in characters) is whose figure follows, not the whole's
            f.metric = ""
    lead = _BUSINESS_LEAD.match(t)
    if lead and not _SOURCE_WORDS.search(lead.group()) and _regions()[1].match(t) is not None:
        for f in figs:
            if f.span_start > lead.end() and lead.group("n") not in f.metric:
                # `北京老字号餐饮企业春节期间生意火爆，午餐翻台率在3次以上`: the businesses the sentence opens with,
                # in a clause with no figure, are whose measure it is — named without them it reads as the place's
                f.metric = ""
    _counted_place(t, figs, ctx)
    _paragraph_place(t, figs, ctx)
    for f in figs:
        clause = re.split(r"[，,]", t[: f.span_start])[-1]
        if "、" in f.metric and not is_growth_only(f) and "分别" in t[max(0, f.span_start - 40) : f.span_start] and (
            f.metric.replace("及", "、").count("、") + 1 > sum(1 for g in figs if g.metric == f.metric)
        ) and clause.count("、") == 0:
            # `水果、肉类、医药材及药品分别进口29.8亿、16.2亿，12.9亿元`: a list given its values one by one, read as
            # one name with the last value (the list was cut at a comma): not stored
            f.metric = ""
    shares = [
        f
        for f in figs
        if re.search(r"占(?!比$)", f.metric)  # (a bare `…占比` is left as it is labelled: fixture s220)
        and not re.search(r"[、和及与]", f.metric.split("占", 1)[0])  # (`IPO数量和筹资额占全球`: the list is named)
        and not is_growth_only(f)
    ]
    twin_counts = Counter((f.metric, f.period_start) for f in shares)
    for f in shares:
        if twin_counts[(f.metric, f.period_start)] > 1 and "分别" in t[max(0, f.span_start - 40) : f.span_start]:
            # `…；业务收入分别占全部快递收入的10.74%、60.67%和3.23%`: the shares of a list named in the clause before
            # (同城、异地、国际), read as one name's several shares: none of them is stored
            f.metric = ""
    local_before = ctx.prev_region in _LOCAL_NAMES or (bool(ctx.home) and ctx.prev_region == ctx.home)
    if (
        ctx.prev_region not in ("", "全国")
        and (
            _PART_LEAD.match(t)
            or ctx.after_semicolon
            # `全省网络零售额3210亿元…。农村网络零售额890亿元…`: the paragraph goes on about the unnamed local scope
            # (not after a national body's release: `商务部数据显示，…`)
            or (local_before and not s.sent_region and not _NATIONAL_BODY.search(t))
        )
        and not _NATIONAL_WORD.search(t)
    ):
        # `全省实现网络零售额1.8万亿元；其中，跨境电商出口额2000亿元`: a part of a local whole is local; so is the
        # clause after `；` going on with it (`全市快递业务量…；快递业务收入完成…`)
        for f in figs:
            if ctx.after_semicolon and _PLATFORM_LEAD.match(f.metric):
                continue  # `海南离岛免税购物金额…；微信支付线下交易笔数…`: a nationwide platform's figure, no place's
            if f.region == "全国" or (not s.sent_region and ctx.region and f.region == ctx.region):
                f.region = ctx.prev_region  # (or of a city's whole in a province's story: 宁波…。其中，出口额…)
    if (
        ctx.region
        and ctx.region != "全国"
        and _NATIONAL_RELEASE.match(t)
        and ctx.region not in t
        and not _LOCAL_WORD_IN.search(t)
    ):
        for f in figs:
            # `国家统计局数据显示，前三季度，实物商品网上零售额9.1万亿元` in a story about 浙江: the national body's
            # figure, not the province's the article is about
            if f.region == ctx.region:
                f.region = "全国"
    if (
        ctx.prev_region == "全国"
        and (ctx.after_semicolon or _PART_LEAD.match(t))
        and not _LOCAL_WORD_IN.search(t)
    ):
        for f in figs:
            # `全国快递业务量累计完成131.1亿件…；业务收入累计完成…。其中，同城业务量…` in a story about 湖北: the
            # clause going on with (or the part of) a national figure is national, not the article's place
            if f.region not in ("", "全国") and f.region not in _LOCAL_NAMES and f.region not in t:
                f.region = "全国"
    if ctx.prev_region not in ("", "全国") and ctx.prev_region not in _LOCAL_NAMES:
        for f in figs:
            # `其中，杭州市网络零售额…；该市跨境电商出口额…`: 该市 is the city the paragraph just named
            if (f.region == "该市" and _is_city(ctx.prev_region)) or (
                f.region == "该省" and not _is_city(ctx.prev_region)
            ):
                f.region = ctx.prev_region
    breaks = _BREAKS_DOWN.match(t) is not None or (ctx.carry and ctx.in_breakdown)
    if breaks and ctx.whole_region not in ("", "全国") and not _NATIONAL_WORD.search(t):
        for f in figs:  # `全省社会消费品零售总额…。从经营单位所在地看，城镇消费品零售额…`: the whole's region
            f.region = ctx.whole_region if f.region == "全国" else f.region
    in_whole = _IN_WHOLE_LEAD.match(t)
    named_whole = _phrase(in_whole.group(1)).metric if in_whole else ""
    if named_whole and not _DIGIT_RE.search(named_whole):
        ctx.whole_metric = named_whole
    if _BREAKS_DOWN.match(t):  # `按消费类型分，…`: the whole's population, or the first clause's
        ctx.breakdown_scope = _scope_breakdown(figs, ctx.whole_metric)
    elif breaks and ctx.after_semicolon and ctx.breakdown_scope:  # `…；乡村消费品零售额…`: the clauses before it
        ctx.breakdown_scope = _scope_breakdown(figs, "", ctx.breakdown_scope)
    else:
        ctx.breakdown_scope = ""
    parts = breaks or _PART_LEAD.match(t) is not None or bool(named_whole) or (ctx.carry and ctx.in_parts)
    for f in figs if parts and ctx.whole_metric else []:
        f.metric = _activity_part(f.metric, ctx.whole_metric)  # `…快递业务量…。分细项看，同城业务量…`
        if _PART_LEAD.match(t):  # `农村网络零售额…。其中，实物型网络零售额…` (not a breakdown: `分类别看，…`)
            f.metric = _population_part(f.metric, ctx.whole_metric)
    ctx.in_breakdown, ctx.in_parts = breaks, parts
    for f in figs:
        if f.metric.endswith("销售") and len(f.metric) > 2 and (
            f.base_unit == "元" or ("企业" in f.metric and is_growth_only(f))
        ):
            # `山东重点监测企业家电销售同比增长53%`, `共实现销售806万元`: what the businesses sold, in money (销售额)
            f.metric += "额"
    if figs:
        ctx.prev_region = figs[-1].region
    ctx.prev_metric = figs[-1].metric if figs else ""
    ctx.prev_unit = figs[-1].base_unit if figs else ""
    _attach_pending_rate(s)
    out.extend(_merge_leading_growth([f for k, f in enumerate(figs) if k not in s.undated and f.metric]))


#: the whole a share is of, named with its place (`占长三角地区进出口总值的55.9%`, `占同期重庆外贸总值的36.2%`)
_SHARE_OF_PLACE = re.compile(r"占(?:同期)?(?P<w>[\u4e00-\u9fff]{2,16}?)(?:总值|总额)")


def _share_whole_place(t: str, figs: list[ExtractedFigure], ctx: _Ctx) -> None:
    """`民营企业进出口7.05万亿元，占长三角地区进出口总值的55.9%`: a sentence naming no place of its own is about the
    place whose total its share is of (not the article's default region)."""
    m = _SHARE_OF_PLACE.search(t)
    if m is None:
        return
    place, rest = split_region(m.group("w"))
    if not place or place == "全国" or "、" in place or place in _LOCAL_NAMES or not rest:
        return
    default = _own_region("", ctx.region, ctx.home)
    for f in figs:
        if f.region == default and f.region != place and f.region not in t:
            f.region = place


#: one unnamed venue or firm (`一家海洋馆`, `这家商场`), not 一家独大 / 每一家
_ONE_VENUE = re.compile(r"(?<!每)(?:[这那该]|(?<![0-9一二三四五六七八九十百千万])一)家(?!独大)(?=[\u4e00-\u9fff])")

#: a sentence opened by leaving a part out of the total it goes on to measure (not `剔除价格因素`: real growth)
_EXCLUDING_PART = re.compile(r"^\s*(?:剔除|除去|不含|不包括)(?!价格因素)[^，,。；;]{1,12}(?:后|以外|之外)?[，,]")

#: trade routed through a channel (`经中欧班列（重庆）通达欧洲`, `通过跨境电商平台`)
_CHANNEL = re.compile(r"(?:经|通过|经由|依托|借助)[^，,。；;]{0,12}?(?:班列|班车|专列|通道|平台|航线|口岸)")
_CHANNEL_NAMED = re.compile(r"班列|班车|专列|通道|平台|航线|口岸|联运|跨境电商|市场采购")


def _channel_trade(t: str, figs: list[ExtractedFigure]) -> None:
    """`29个省市区的企业经中欧班列通达欧洲，实现进出口330.3亿元，其中重庆企业进出口183.8亿元`: trade through a
    channel, named without it, is no trade of the place (not stored)."""
    m = _CHANNEL.search(t)
    if m is None:
        return
    for f in figs:
        if f.span_start > m.end() and re.search(r"进出口|出口|进口", f.metric) and not _CHANNEL_NAMED.search(f.metric):
            f.metric = ""


#: a place word of any kind (`全国`, `我国`, `全省`, `该市`, `各地`, `国内`, `境外`…)
_ANY_PLACE_WORD = re.compile(r"全国|我国|中国|国内|境外|海外|全球|世界|各地|各省|全[省市县区州]|[本我该][省市县区]|当地")


def _paragraph_place(t: str, figs: list[ExtractedFigure], ctx: _Ctx) -> None:
    """`广东省春节期间旅游市场同样不俗。…。游客人均花费同比增长2.0%，达到了930元。`: a sentence of a paragraph that
    opened with one place, naming no place of its own, is about that place (not the article's default region)."""
    place = ctx.para_place
    if not place or not figs:
        return
    for f in figs:
        if f.region in _CITY_WORDS and _is_city(place):
            f.region = place  # `北京春节期间…。全市60个重点商圈的客流量…`: the city the paragraph is about
    if _ANY_PLACE_WORD.search(t):
        return
    _, pat = _regions()
    if any(pat.match(t, i) for i in range(len(t))):
        return  # (the sentence names a place of its own)
    default = _own_region("", ctx.region, ctx.home)
    for f in figs:
        if f.region == default and f.region != place:
            f.region = place


#: a place, then a count of what the figure is of (`湖北省600多家A级旅游景区共接待游客…`, `全市60个重点商圈的客流量…`)
_PLACE_THEN_COUNT = re.compile(
    r"(?P<r>[\u4e00-\u9fff]{2,8})[0-9]+(?:多|余)?(?:个|家|座|处)(?P<rest>[^，,。；;0-9]{2,24})$"
)


def _counted_place(t: str, figs: list[ExtractedFigure], ctx: _Ctx) -> None:
    """`春节假期湖北省600多家A级旅游景区共接待游客超2280万人次`: the place named right before the count of what the
    figure is of is the figure's place (the name was cut at the count), not the article's."""
    table, _ = _regions()
    default = _own_region("", ctx.region, ctx.home)
    for f in figs:
        m = _PLACE_THEN_COUNT.search(t, 0, f.span_start)
        if m is None or f.region != default:
            continue
        r = m.group("r")
        if re.match(r"(?:省|市|城市|地区|国家|区县|县)", m.group("rest")):
            continue  # `…上海、江苏5个省市占全国比重…`: a count of places, not of what the figure is of
        word = next((w for w in _LOCAL_NAMES if r.endswith(w)), "")
        place = _own_region(word, ctx.region, ctx.home) if word else ""
        if not word:
            at = next((i for i in range(len(r) - 1) if r[i:] in table), -1)
            if at < 0 or t[m.start("r") + at - 1 : m.start("r") + at] in ("、", "和", "及", "与"):
                continue  # (the last of a list of places is not the one place of the figure)
            place = table[r[at:]]
        if place and place != "全国" and place != f.region:
            f.region = place


def _local_figures(t: str, figs: list[ExtractedFigure], fig_pos: list[int], ctx: _Ctx) -> None:
    """`我市消费市场稳步发展，实现社会消费品零售总额881.9亿元`, `社会消费品零售总额全省实现…`: a sentence about an
    unnamed local scope (named anywhere before the number, not as a ranking's field) gives its figures that scope
    (the article's or publication's place when it names one), never 全国; a scope word closing the metric is no
    part of its name."""
    for f in figs:
        word = next((w for w in _LOCAL_NAMES if f.metric.endswith(w) and len(f.metric) >= len(w) + 2), "")
        if word:
            f.metric = f.metric[: -len(word)]
            if f.region == "全国" or f.region == ctx.region:
                f.region = _own_region(word, ctx.region, ctx.home)
    for k, f in enumerate(figs):
        # `河北沧州大力推进…，全市已有…，建成淘宝村61个`: the place the sentence named, then took whole (全市 after a
        # city, 全省 after a province) — also when the sentence names a national programme (`国家…示范县`)
        if k >= len(fig_pos) or (f.region not in ("全国", ctx.region) and f.region not in _LOCAL_NAMES):
            continue
        wholes = list(_LOCAL_ANYWHERE.finditer(t, 0, fig_pos[k]))
        if not wholes or _NATIONAL_WORD.search(t, wholes[-1].end(), fig_pos[k]):
            continue
        place = _place_before_whole(t[: wholes[-1].start()], wholes[-1].group("w"))
        if place:
            f.region = place
    if figs and not _NATIONAL_BODY.search(t) and local_scope(t):
        for k, f in enumerate(figs):
            m = _LOCAL_ANYWHERE.search(t, 0, fig_pos[k])
            if m is not None and f.region == "全国":
                f.region = _own_region(m.group("w"), ctx.region, ctx.home)
    for f in figs:
        # `…河北沧州…，建成淘宝村61个。今年1-8月份，全市实现电子商务交易额1711亿元`: an unnamed whole no one named,
        # in the paragraph of a sentence about a place of its kind — that place
        if f.region in _LOCAL_NAMES and _place_before_whole(ctx.prev_region, f.region) == ctx.prev_region != "":
            f.region = ctx.prev_region


def _place_before_whole(head: str, word: str) -> str:
    """The last place of `word`'s kind named in `head` (a city before 全市/本市/我市, a province before 全省/本省/我省),
    or ""."""
    if word in _CITY_WORDS:
        kind = _is_city
    elif word in ("全省", "本省", "我省"):
        kind = _is_province
    else:
        return ""
    # (not a dateline's or an outlet's place: `某某社长沙2月20日电`, `长沙晚报`)
    places = [c for _s, e, c in _region_mentions(head) if kind(c) and not _OUTLET_AFTER.match(head, e)]
    return places[-1] if places else ""


def _is_province(region: str) -> bool:
    return region in _province_names() and region not in ("北京", "天津", "上海", "重庆")


#: `农村在线旅游持续火热，上半年网络零售额445.35亿元`: a clause saying a business is popular, then a bare amount — the
#: amount is of that business (its topic), not the whole market's
_TOPIC_THEN_AMOUNT = re.compile(
    r"(?:^|[。；;，,：:])\s*(?P<topic>[\u4e00-\u9fff]{2,10}?)(?:持续|保持|继续|依然|仍然|十分|非常|较为)?"
    r"(?:火热|火爆|旺盛|活跃|走俏|红火)[，,]\s*"
    r"(?:今年|去年|全年|当年|同期)?(?:上半年|下半年|前三季度|前?[一二三四1-4]季度|前\d{1,2}个月|"
    r"\d{1,2}(?:[—\-至到~]\d{1,2})?月份?)?\s*$"
)
#: a topic that is the whole market or a time, not a business of its own
_NO_TOPIC = re.compile(r"^(?:今年|去年|上半年|下半年|全年|前三季度|[一二三四]季度)|(?:市场|行业|消费|经济|形势|态势)$")
_TOPIC_AMOUNTS = frozenset({"网络零售额", "网上零售额", "零售额", "销售额", "交易额", "成交额"})


def _name_by_topic(t: str, figs: list[ExtractedFigure]) -> None:
    """A bare amount right after a clause saying a business is popular is that business's (see _TOPIC_THEN_AMOUNT)."""
    for f in figs:
        if f.metric not in _TOPIC_AMOUNTS:
            continue
        head = t[: f.span_start]
        if not head.endswith(f.metric) and not re.search(f"{f.metric}(?:为|达到?|约|超过?|近)?\\s*$", head):
            continue
        cut = head.rfind(f.metric)
        m = _TOPIC_THEN_AMOUNT.search(head, 0, cut)
        topic = m.group("topic") if m is not None and m.end() == cut else ""
        if topic and not re.search(r"[额量率数]$", topic) and not _NO_TOPIC.search(topic):
            f.metric = topic + f.metric


#: a population group's users (`60岁及以上老年网民规模`, `农村网民`): the group is what a bare rate after it is of
_GROUP_USERS = re.compile(r"^(?P<g>[\u4e00-\u9fffA-Za-z0-9]{2,12}?)网民(?:规模|数量|数)?$")
#: qualifiers of 网民 that name the whole population, or a device rather than a group of people
_NOT_A_GROUP = re.compile(r"^(?:我国|全国|中国)?(?:手机|移动)?$")
#: a penetration or usage rate named without whose it is
_BARE_RATE = frozenset({"互联网普及率", "普及率", "使用率", "网民使用率"})


def _group_rates(figs: list[ExtractedFigure]) -> None:
    """`60岁及以上老年网民规模达1.19亿，互联网普及率达43.2%`: a bare rate after a group's users in the same sentence
    is the group's (60岁及以上老年互联网普及率), not the nation's 互联网普及率; a bare 普及率 after the netizens of the
    nation or of a place (`网民规模达8.02亿，普及率为57.7%`) is their 互联网普及率."""
    group = ""
    nation = False  # the sentence measured the nation's (or a place's) netizens: `网民规模达8.02亿，普及率为57.7%`
    for f in figs:
        users = _GROUP_USERS.match(f.metric)
        if users and _NOT_A_GROUP.match(users.group("g")):
            group, nation = "", True  # `我国手机网民规模…，互联网普及率…`: a device, not a group: the nation's rate
        elif users:
            group = users.group("g") if split_region(users.group("g") + "xx")[1] != "xx" else ""
            nation = False
        elif f.metric in ("网民规模", "网民数量", "网民数"):
            group, nation = "", True
        elif f.metric in _BARE_RATE and group:
            f.metric = group + ("互联网普及率" if "普及" in f.metric else f.metric)
        elif f.metric == "普及率" and nation:
            f.metric = "互联网普及率"  # the share of the population online: the bare 普及率 right after its netizens


#: what a metric measures, closing its name
_MEASURE_HEAD = re.compile(r"(?:额|量|规模|率|数|收入|指数|价格|比重|占比|时长|比例)$")


def _list_sibling_measure(t: str, figs: list[ExtractedFigure], fig_pos: list[int]) -> None:
    """`超市、便利店和专卖店零售额同比分别增长3.2%、10.1%和1.0%，百货店同比下降3.3%`: a bare kind right after a
    list of values of kinds sharing one measure is another kind of that measure (百货店零售额), not an indicator of
    its own."""
    for k, f in enumerate(figs):
        if k < 2 or not is_growth_only(f) or _MEASURE_HEAD.search(f.metric) or not 2 <= len(f.metric) <= 6:
            continue
        prev = figs[k - 2 : k]
        if not all(is_growth_only(g) for g in prev) or not _LISTED_VALUES.match(t[fig_pos[k - 2] : fig_pos[k - 1]]):
            continue  # (the two before are values of one list: `3.2%、10.1%`)
        head = os.path.commonprefix([g.metric[::-1] for g in prev])[::-1]
        if len(head) < 2 or not _MEASURE_HEAD.search(head) or any(len(g.metric) <= len(head) for g in prev):
            continue
        overlap = next(j for j in range(len(head), -1, -1) if f.metric.endswith(head[:j]))  # 百货店 + 店零售额
        f.metric += head[overlap:]


def _parallel_subject(figs: list[ExtractedFigure]) -> None:
    """`大型企业电商普及率近73%，中小企业超52%`, `中部和西部分别下降8.7%和4.8%` after `东部网络零售额`: a bare subject
    right after a figure whose subject parallels it (the same length, the same last word: 大型企业 / 中小企业) is
    measured the same way (中小企业电商普及率), not an indicator of its own."""
    for k in range(1, len(figs)):
        f, prev = figs[k], figs[k - 1]
        bare = f.metric
        if not 2 <= len(bare) <= 6 or _MEASURE_HEAD.search(bare) or f.base_unit != prev.base_unit:
            continue
        if is_growth_only(f) != is_growth_only(prev) or len(prev.metric) <= len(bare) + 1:
            continue
        if f.growth_pct is not None and not is_growth_only(f):
            continue  # (`服务类产品销售额…，商品类达352亿欧元，同比增长8%`: a level with its growth names itself)
        subject, rest = prev.metric[: len(bare)], prev.metric[len(bare) :]
        if subject[-1] == bare[-1] and subject[0] != bare[0] and len(rest) >= 2 and _MEASURE_HEAD.search(rest):
            f.metric = bare + rest


def _list_shared_subject(t: str, figs: list[ExtractedFigure]) -> None:
    """`全省电子信息产业实现业务收入11189亿元、利税总额1185亿元、增加值2217亿元`: a 、-list of bare measures after a
    subject the verb split from the first measure (电子信息产业 | 实现 | 业务收入) — each later item is the same
    subject's (电子信息产业利税总额), not an indicator of its own. Only when the first item's name is not written
    whole before its number (the subject and the measure are apart) and each later item is `、` + its name."""
    k = 1
    while k < len(figs):
        head = figs[k - 1]
        before = t[: head.span_start].rstrip()
        chain: list[ExtractedFigure] = []
        j = k
        while j < len(figs) and t[figs[j - 1].span_end : figs[j].span_start].strip() == "、" + figs[j].metric:
            chain.append(figs[j])
            j += 1
        k = j + 1 if chain else k + 1
        if not chain or head.region != chain[0].region or before.endswith(head.metric):
            continue
        cut = next((c for c in range(1, len(head.metric) - 1) if before.endswith(head.metric[c:])), 0)
        subject = head.metric[:cut]
        if len(subject) < 2 or len(head.metric) - cut < 2:
            continue
        for f in chain:
            if f.region == head.region and not f.metric.startswith(subject) and len(f.metric) >= 2:
                f.metric = subject + f.metric


#: a count of one day (`单日收件量`, `当日派件量`)
_ONE_DAY_MEASURE = re.compile(r"(?:单日|当日|当天)[\u4e00-\u9fff]{0,4}量")
#: a day of a month (`11月11日`)
#: a count of trade partners inside the name of the flow with them (`对其他9个金砖国家`, `对15个RCEP成员国`)
_PARTNER_COUNT = re.compile(
    r"(?:对|自|与)(?:其他|其余)?(?P<n>[0-9]{1,3})个[\u4e00-\u9fffA-Z]{0,8}?(?:国家|成员国|经济体|贸易伙伴)(?:和地区)?"
    r"(?=进出口|出口|进口|贸易)"
)
#: how many businesses a monitoring covers (`省商务厅重点监测的15个超市`)
_MONITORED_COUNT = re.compile(r"重点监测的\s*(?P<n>[0-9]{1,5})\s*(?:多|余)?(?:个|家)")
#: a comparison base dated by its day and stating its own amount (`比10月5日28家商场的零售额7874.04万元`), up to the amount
_BASE_DAY_VALUE = re.compile(
    r"(?:比|较|与)\s*(?P<day>(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号])(?:当天|当日)?[^，,。；;、]{0,16}?的"
    r"[\u4e00-\u9fff]{0,8}?(?:为|是|达)?\s*(?:约|近)?\s*$"
)
_DAY_RE = re.compile(r"(?<![\d年])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")


#: a clause saying only how a place ranks (`成都遥遥领先`, `广州位居第一`): the place of the figure right after it
_PLACE_LEADS = re.compile(
    r"(?P<p>[\u4e00-\u9fff]{2,6}?)(?:遥遥领先|继续领跑|一枝独秀|独占鳌头|领跑全省|领跑全市|领先|领跑|居首|"
    r"(?:排名|位居|居|排)(?:全省|全市|全国)?(?:第一|首位))$"
)


def _leading_place(t: str, figs: list[ExtractedFigure], ctx: _Ctx) -> None:
    """`成都遥遥领先，交易额23259.91亿元`: a measure after a clause that only ranks a place is that place's."""
    for f in figs:
        if f.region not in ("全国", ctx.region, ctx.home, *_LOCAL_NAMES) or is_growth_only(f):
            continue
        cb = _clause_start(t, f.span_start)
        if cb < 1 or _DIGIT_RE.search(t, cb, f.span_start):
            continue
        m = _PLACE_LEADS.search(t[: cb - 1].rstrip())
        if m is None or _DIGIT_RE.search(m.group()):
            continue
        region, rest = split_region(m.group("p") + "xx")
        if region and rest == "xx" and f.metric and not f.metric.startswith(m.group("p")):
            f.region = region


#: what opens a clause before its measure without naming a subject (`，累计直播0.98万场`, `，直播交易额达7.46亿元`)
_CLAUSE_ADVERB = re.compile(r"^(?:累计|共计|共|已|合计)+")
_SHARE_WORDS = re.compile(r"占|比例|比重|率")
_CLAUSE_VERB = re.compile(r"(?:达到|达|为|实现|完成|约|近|超过|超|突破)+$")



#: `以美元计价，…` / `以人民币计价，…`: the currency the amounts after it are counted in
_PRICED_IN = re.compile(r"以(?P<c>美元|人民币)(?:计价|计|计算)")
#: a bare amount (`1.95万亿`, `2100亿`): no currency written after the multiplier
_BARE_AMOUNT = frozenset({"万", "亿", "万亿", "千亿", "百亿"})


def _priced_in_dollars(t: str, figs: list[ExtractedFigure]) -> None:
    """`以美元计价，进出口1.95万亿，增长1.5%`: an amount written with a bare multiplier after `以美元计价` is in US
    dollars (a later `以人民币计价` switches back); an amount that writes its currency keeps it."""
    marks = list(_PRICED_IN.finditer(t))
    if not marks:
        return
    for f in figs:
        before = [m for m in marks if m.end() <= f.span_start]
        if before and before[-1].group("c") == "美元" and f.unit in _BARE_AMOUNT:
            f.unit += "美元"

def _clause_shared_subject(t: str, figs: list[ExtractedFigure]) -> None:
    """`陕西水果累计直播观看1.30亿人次，累计直播0.98万场，直播交易额达7.46亿元`: a clause after a comma that names its
    measure with no subject (直播场次, 直播交易额) goes on about the subject of the clause before, whose metric has the
    same measure after that subject (水果|直播观看人次): 水果直播场次, 水果直播交易额."""
    for k in range(1, len(figs)):
        head, f = figs[k - 1], figs[k]
        if f.region != head.region or is_growth_only(f) or is_growth_only(head):
            continue
        if _SHARE_WORDS.search(f.metric + head.metric) or re.search(r"\d|[百千万]亿|超|过", head.metric):
            continue  # (shares are of a whole, not of a subject; a head named with its bound is no name)
        gap = t[head.span_end : f.span_start]
        if gap.count("，") + gap.count(",") != 1 or re.search(r"[。；;：:]|其中", gap):
            continue
        clause = _CLAUSE_VERB.sub("", _CLAUSE_ADVERB.sub("", re.split(r"[，,]", gap)[-1].strip()))
        if len(clause) < 2 or re.search(r"\d", clause) or not f.metric.startswith(clause[:2]):
            continue
        i = head.metric.find(clause[:2], 1)
        subject = head.metric[:i] if i > 0 else ""
        if not 1 <= len(subject) <= 4 or subject[-1] in "进出总" or f.metric.startswith(subject):
            continue
        if subject + f.metric != head.metric:
            f.metric = subject + f.metric


#: two values of one list (`3.2%、10.1%`, `6.6%和`)
_LISTED_VALUES = re.compile(r"^[0-9.]+\s*%?\s*[、和及与]\s*$")


#: a national body releasing what the sentence reports: its figures are the nation's unless it names a region
#: a sentence opening on a national body's release (`国家统计局数据显示，`, `据海关总署统计，`, `商务部监测显示，`) — not a
#: local office of one (`国家统计局浙江调查总队`, `杭州海关`)
_NATIONAL_RELEASE = re.compile(
    r"^[\s,，]*(?:据|根据)?\s*(?:国家统计局|商务部|海关总署|国家邮政局|工业和信息化部|工信部|中国互联网络信息中心)"
    r"(?:的)?(?:最新)?(?:发布的?|公布的?)?(?:数据|统计|监测|大数据监测)?(?:显示|表明|统计|监测)?[,，：:]"
)

#: an unnamed local scope in a sentence (`全省`, `我市`)
_LOCAL_WORD_IN = re.compile(r"全省|全市|全县|全区|本省|本市|我省|我市|我区|该省|该市")

#: (not a designation the nation confers on a place, `被列为国家电子商务进农村综合示范县`)
_NATIONAL_BODY = re.compile(
    r"国家(?![\u4e00-\u9fff]{0,12}?示范(?:县|区|市|基地|城市|园区|企业))"
    r"|商务部|海关总署|工信部|工业和信息化部|中国互联网络信息中心|CNNIC|国务院"
)


#: the survey a count of units is of (`省商务厅重点监测的15个…`): `重点监测`
_MONITORED_BEFORE = re.compile(r"(?P<s>(?:重点)?监测)的?\s*$")


#: a span's day counted on the day stated before it (`10月4日，国庆长假进入第4天`)
_NTH_DAY = re.compile(
    r"(?<![0-9])(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日[^。；;！!？?]{0,24}?(?:进入|迎来|到了)第\s*"
    r"(?P<k>\d{1,2}|[一二三四五六七八九十两])\s*天"
)
#: the first days of that span, counted from its start (`前4天，`, `4天共实现`, `4天累计`), or one day of them by its
#: day of the month (`4日当天`)
_COUNTED_SPAN = re.compile(
    r"(?:(?<![0-9])(?:前|头|这)\s*(?P<k>\d{1,2}|[一二三四五六七八九十两])\s*天"
    r"|(?<![0-9第前头这])(?P<k2>\d{1,2}|[一二三四五六七八九十两])\s*天(?=\s*(?:共|累计|合计|共计|内|来)))"
    r"|(?<![0-9月])(?P<d>\d{1,2})\s*日当天"
)


def _counted_days(t: str, ctx: _Ctx, periods: list[PeriodMention]) -> list[PeriodMention]:
    """The days of a span counted from the day the text said it reached (`10月4日，…进入第4天`): `前4天` → 10月1日至
    4日, `4日当天` → 10月4日 — where the sentence states no period there itself."""
    if ctx.day_count is None:
        return []
    month, reached_day, reached = ctx.day_count
    first_day = reached_day - reached + 1
    year = ctx.year if ctx.year is not None else (ctx.published.year if ctx.published else None)
    if first_day < 1 or year is None:
        return []  # (a span begun in the month before is not counted here)
    out = []
    for m in _COUNTED_SPAN.finditer(t):
        if any(p.start <= m.start() < p.end or m.start() <= p.start < m.end() for p in periods):
            continue
        label = re.sub(r"\s+", "", m.group())
        if m.group("d"):
            day = int(m.group("d"))
            if first_day <= day <= reached_day:
                out.append(PeriodMention(m.start(), m.end(), label, year, True, "days", month, month, day, day))
            continue
        k = _cn_int(m.group("k") or m.group("k2"))
        if 1 <= k <= reached:
            out.append(
                PeriodMention(m.start(), m.end(), label, year, True, "days", month, month, first_day, first_day + k - 1)
            )
    return out


#: the first days of a span (`假期前六天`, `活动前3天`)
_FIRST_DAYS = re.compile(r"(?:假期|节日|活动|黄金周|节)(?:前|头)(?P<k>\d{1,2}|[一二三四五六七八九十两])(?:天|日)")


def _first_days_of(span: PeriodMention, ctx: _Ctx, k: int, m: re.Match[str]) -> PeriodMention | None:
    """The first `k` days of `span` (resolved as the context resolves it), as a span of days of its own."""
    start, end = span.resolve(ctx.published, ctx.year)
    if start is None or end is None or k < 1:
        return None
    last = start + timedelta(days=k - 1)
    if last >= end:
        return None
    label = re.sub(r"\s+", "", m.group())
    return PeriodMention(m.start(), m.end(), label, start.year, True, "days", start.month, last.month, start.day, last.day)


#: a level of the other party of a comparison (`仅略少于美国的2250亿美元`, `高于日本的…`)
_COMPARED_PARTY = re.compile(
    r"^[\s，,]*(?:仅|只|仍|但)?(?:略|稍|远|大大)?(?:少于|低于|多于|高于|超过|超出|不及|次于|落后于|领先于)"
    r"(?P<x>[\u4e00-\u9fff]{2,6}?)的\s*$"
)

#: a flow's verb before its number (`快递业务量完成4.3亿件`, `实现网络零售额…`)
_DONE_IN = re.compile(r"完成|实现")

#: what follows a count of the units an amount is summed over (`8个农产品批发市场，前4天共实现交易额4.2亿元`,
#: `15个超市前4天共实现销售额1.9亿元`): the units, then what they achieved together
_POPULATION_SUBJECT = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:[，,\x00]|[^。；;0-9，,]){0,10}?(?:共|共计|累计|合计)(?:实现|完成)了?"
    r"[\u4e00-\u9fff]{0,8}?(?:额|收入)"
)
#: the units counted at the end of the clause before (`…的8个农产品批发市场，`)
_POPULATION_BEFORE = re.compile(r"[0-9]\s*(?:个|家|户)(?P<pop>[\u4e00-\u9fff]{2,10})[，,]\s*")

#: what opens a span of days the figures are compared with (`与2022年国庆长假相比`, `比去年春节`)
_COMPARED_SPAN = re.compile(r"(?:与|比|较|同|相较于?|相比于?)\s*(?:(?:19|20)\d{2}\s*年?|去年|上年|前年|今年)?\s*$")


def _own_named_span(t: str, ctx: _Ctx) -> bool:
    """The sentence dates its figures by a named span of days (`春节期间`) the sentence of ctx.period does not name."""
    # (not a span the figures are compared with: `日均揽收量与2022年国庆长假相比增长8.6%`)
    spans = [m.group("name") for m in NAMED_SPAN.finditer(t) if not _COMPARED_SPAN.search(t, 0, m.start())]
    # (`在这个黄金周里`: a demonstrative names again the span just stated)
    spans = [x for x in spans if not re.search(r"这个|这一|这次|此次|本次", x)]
    return bool(spans) and not any(name[-4:] in ctx.period_text or name[-2:] + "期间" in ctx.period_text for name in spans)


#: a period of the data a sentence cites (`按国家1至5月统计数据`, `据前三季度统计`)
_DATA_OF = re.compile(r"(?:按|据|根据|依据)[\u4e00-\u9fff]{0,4}$")
_DATA_AFTER = re.compile(r"\s*(?:份)?\s*(?:的)?\s*(?:统计)?(?:数据|统计|监测数据)")


def _update_context(s: _Sentence, ctx: _Ctx) -> None:
    """The last explicit (non-comparison) year of this sentence; its leading period (`1—6月，…，6月当月增幅…`: a
    later sentence referring back means 1—6月), which a later sentence may take (see _Ctx.carry)."""
    t = s.t
    nth = _NTH_DAY.search(t)
    if nth is not None and 1 <= int(nth.group("m")) <= 12 and 1 <= int(nth.group("d")) <= 31:
        ctx.day_count = (int(nth.group("m")), int(nth.group("d")), _cn_int(nth.group("k")))
    first = None
    last_number = max((n.start for n in s.numbers), default=-1)
    for p in s.periods:
        if (
            p.comparison
            or p.from_value
            or t.startswith("以来", p.end)
            or _SINCE_EVENT.match(t, p.end)
            or t.startswith("起", p.end)
        ):
            continue  # `2022年以来`: where a span starts, not the period of what follows
        if 0 <= last_number < p.start:
            continue  # `…用户规模达3.09亿，是上半年增长最快的应用`: a time after every number dates none of them
        if not s.figs and _DATA_OF.search(t, 0, p.start) and _DATA_AFTER.match(t, p.end):
            continue  # `按国家1至5月统计数据，…增幅已升至中部第一`: the data cited, no period of the account's figures
        if p.year is not None and p.explicit_year:
            ctx.year = ctx.story_year = p.year
        if first is None and p.kind != "now":
            first = p
    named = [int(x) for x in _MONTH_NAMED.findall(t) if 1 <= int(x) <= 12]
    if named:
        ctx.month = named[-1]
    breakdown = _BREAKDOWN_LEAD.search(t) is not None or _IN_WHOLE_LEAD.match(t) is not None
    if first is not None and not breakdown and not re.match(r"[\s,，“「]*其中", t):
        ctx.whole_period = first
        levels = [f for f in s.figs if not is_growth_only(f)]
        ctx.whole_metric = levels[0].metric if levels else ctx.whole_metric
        ctx.whole_region = levels[0].region if levels else ctx.whole_region
    if first is None and breakdown and ctx.carry and ctx.whole_period is not None:
        ctx.period = ctx.whole_period  # the clauses after `；` go on breaking the whole down
    if first is not None:
        ctx.period = first
        ctx.period_text = t
        ctx.period_forecast = bool(_FORECAST_RE.search(t))
        if first.asof and not ctx.period_forecast:
            ctx.stock_period = first
