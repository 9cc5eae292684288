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
from datetime import date, timedelta

from bot.services.figures.classify import _AT_STATED_RATE, _FLAT_AFTER, _classify, _Item, _mask, _qualifier
from bot.services.figures.context import _OWN_TIME, NAMED_SPAN, _Ctx, _resolve, _Sentence, span_name
from bot.services.figures.growth import _add_growths, _attach_pending_rate, _bracketed_rates, _merge_leading_growth
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
    _activity_part,
    _expand_generic,
    _level_metrics,
    _metric_ahead,
    _name_bare_scopes,
    _name_categories,
    _name_listed_amounts,
    _name_parcel_siblings,
    _name_parts,
    _name_place_list,
    _name_shares,
    _part_name,
    _population_part,
    _scope_breakdown,
)
from bot.services.figures.numbers import Number, fold, iter_numbers
from bot.services.figures.periods import PeriodMention, _cn_int, find_periods, holiday_spans
from bot.services.figures.phrase import _ALT_NOUN_BEFORE_VOLUME, _activity_metric, _phrase, _post_noun
from bot.services.figures.regions import (
    _CITY_WORDS,
    _LOCAL_ANYWHERE,
    _LOCAL_NAMES,
    _is_city,
    _own_region,
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

_HOLIDAY_HINT = re.compile(r"国庆|十一|五一|劳动节")

_FORECAST_LEAD = re.compile(r"(?:预计|预测|展望)\s*[，,:：]")


#: a sentence continuing the subject of the one before: a part (`其中…`) or a subjectless clause of the same period
#: (`同期实现商品类网络购物交易额…`)
#: a bare trade flow (`其中，出口…；进口…`): named after the flows stated (extract.py), not here
_BARE_FLOW = re.compile(r"(?:进出口|出口|进口)额?")
#: a sentence opening on `其中`: it names parts of the whole stated just before it
_OPENS_PARTS = re.compile(r"^[\s,，、“「]*其中")
_PART_LEAD = re.compile(r"^[\s,，、“「]*(?:其中|同期[,，]?\s*(?:实现|完成|达到?|共|累计))")

#: a change stated as a rate (`增长8.7%`): a flow over a period (extract: the paragraph's account continues)
_FLOW = re.compile(r"(?:增长|下降|上涨|回落|减少|增加)[了约近超过逾]*\s*[0-9０-９.]+\s*[%％]")


def _extract_sentence(quote: str, ctx: _Ctx, out: list[ExtractedFigure]) -> None:
    """The figures of one sentence, appended to `out`; `ctx` carries what later sentences may refer back to.

    Steps: read the sentence (periods, masks, numbers), classify its numbers (level, growth, point change), then for
    each run of numbers of one kind find its period and add levels or attach growths, and finish the sentence
    (flat growth, parts, rates in brackets, regions of parts) before updating the context."""
    s = _read(quote, ctx)
    s.prev_metric = ctx.metrics[-1] if ctx.metrics else ""
    items = _classify_numbers(s)
    prev_end = 0
    i = 0
    while i < len(items):
        it = items[i]
        group = _run_at(s.t, items, i)
        cb = _clause_start(s.t, it.num.start)
        window = s.masked[max(cb, prev_end) : it.num.start]
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
            if p.start >= ev.end and p.year is None and p.kind in ("days", "month", "months") and ev.year is not None:
                p.year, p.explicit_year = ev.year, True
    periods = _bare_days(t, periods, ctx)
    periods = _days_opening_clauses(t, periods)
    if _HOLIDAY_HINT.search(t) and not ctx.dated_spans:
        periods = holiday_spans(t, ctx.published, periods, events)
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
        if _AMOUNT_ASIDE.fullmatch(m.group()) and _MEASURE_BEFORE.search(t, 0, m.start()):
            blocked += [(m.start(), m.start() + 1), (m.end() - 1, m.end())]
        else:
            blocked.append((m.start(), m.end()))
    masked = _mask(t, blocked)
    numbers = [n for n in iter_numbers(t) if not any(s <= n.start < e for s, e in blocked)]
    # "提升0.6和4.5个百分点": a bare number listed before a number with a unit takes that unit; a number with only
    # a multiplier listed before one with a unit (`分别出口6360.6亿、6211.9亿、2004.4亿元`, `9.76万亿和10.34万亿元`)
    # takes the unit after the multiplier (亿 → 亿元); read from the right, so a whole list shares its last unit
    for a, b in reversed(list(zip(numbers, numbers[1:], strict=False))):
        if not b.unit or not _LIST_GAP.match(t[a.end : b.start]):
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
_BARE_DAY = re.compile(r"(?:^|(?<=[，,。；;]))\s*(?P<d>[0-9]{1,2})\s*[日号](?![0-9])")

_MONTH_NAMED = re.compile(r"(?<![0-9])([0-9]{1,2})\s*月")

#: a clause about the day just named (`…，当天派件总量达到1.3亿件`)
_THAT_DAY = re.compile(r"[，,]\s*(?:当天|当日)")


def _month_before(t: str, at: int, periods: list[PeriodMention], ctx: _Ctx) -> int:
    """The month of a day named without one: the month just named in the sentence, else its paragraph's."""
    month = 0
    for p in periods:
        if p.end <= at and p.kind in ("month", "days") and not p.comparison:
            month = p.b if p.kind == "days" else p.a
    if not month:
        named = [int(x) for x in _MONTH_NAMED.findall(t, 0, at)]
        month = named[-1] if named else ctx.month
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
        j < len(items) and items[j].kind == items[i].kind and _LIST_GAP.match(t[group[-1].num.end : items[j].num.start])
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
_MILESTONE_BEFORE = re.compile(r"(?:突破|超过|迈上|跨越|跨过|站上)了?\s*(?:约|近)?\s*$")

#: a count of users or of netizens (`用户规模`, `网民规模`, `网民数`): a stock, dated by a report, not a flow
#: (a population's penetration or usage rate — `农村地区互联网普及率为57.6%` — is read on the same report date)
_POPULATION_STOCK = re.compile(r"(?:用户|网民)(?:规模|数量|总数|数)|普及率|使用率")


def _clause_end(t: str, pos: int) -> int:
    """Where the clause holding `pos` ends (a time word in a later clause, `…达到2000万人，前半年累计…`, is that
    clause's own)."""
    m = _CLAUSE_BOUNDARY.search(t, pos)
    return m.start() if m else len(t)


def _period_of(s: _Sentence, ctx: _Ctx, n: Number, cb: int) -> tuple[PeriodMention | None, int | None, bool]:
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
    if pm is None and ctx.period is not None and ctx.period.kind in ("days", "lunar"):
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
            ctx.period.kind not in ("days", "lunar")
            or carried_start is None
            or carried_start.year not in s.holiday_years
        ):
            return None, sent_year, forecast
    own = pm is not None  # the sentence states the number's period itself
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
    if _UNDATED_SPAN_TOTAL.search(t, cb, n.start) and not (pm is not None and pm.kind == "yearrange"):
        # `2023年，…近三年累计实现网络零售额2280亿元`: a total over years the text does not date is no level of the
        # sentence's year (and no reader can tell which years it sums)
        return
    if carried is not None and not ph.metric and carried.is_forecast:
        forecast = True
    s.post_mode = metrics[0][1] == _post_noun(t, group[-1].num.end)
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
        for f in figs:
            if not _MEASURE_END.search(f.metric) and not _BARE_FLOW.fullmatch(f.metric):
                # `汽车类商品零售额同比增长13.2%…。其中，新能源汽车同比增长84.1%`: a part named without a measure
                # is measured as the whole just stated (新能源汽车商品零售额)
                f.metric = _part_name(f.metric, ctx.prev_metric or s.prev_metric)
    _name_bare_scopes(figs, ctx.article_metrics)
    _name_listed_amounts(t, figs, s.fig_pos, ctx)
    _name_categories(t, figs, s.fig_pos)
    _name_place_list(t, figs, s.fig_pos)
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
    if figs:
        ctx.prev_region = figs[-1].region
    ctx.prev_metric = figs[-1].metric if figs else ""
    ctx.prev_unit = figs[-1].base_unit if figs else ""
    _attach_pending_rate(s)
    out.extend(_merge_leading_growth([f for k, f in enumerate(figs) if k not in s.undated and f.metric]))


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
    if not figs or _NATIONAL_BODY.search(t) or not local_scope(t):
        return
    for k, f in enumerate(figs):
        m = _LOCAL_ANYWHERE.search(t, 0, fig_pos[k])
        if m is not None and f.region == "全国":
            f.region = _own_region(m.group("w"), ctx.region, ctx.home)


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

_NATIONAL_BODY = re.compile(r"国家|商务部|海关总署|工信部|工业和信息化部|中国互联网络信息中心|CNNIC|国务院")


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


def _own_named_span(t: str, ctx: _Ctx) -> bool:
    """The sentence dates its figures by a named span of days (`春节期间`) the sentence of ctx.period does not name."""
    spans = [m.group("name") for m in NAMED_SPAN.finditer(t)]
    return bool(spans) and not any(name[-4:] in ctx.period_text or name[-2:] + "期间" in ctx.period_text for name in spans)


#: a period of the data a sentence cites (`按国家1至5月统计数据`, `据前三季度统计`)
_DATA_OF = re.compile(r"(?:按|据|根据|依据)[\u4e00-\u9fff]{0,4}$")
_DATA_AFTER = re.compile(r"\s*(?:份)?\s*(?:的)?\s*(?:统计)?(?:数据|统计|监测数据)")


def _update_context(s: _Sentence, ctx: _Ctx) -> None:
    """The last explicit (non-comparison) year of this sentence; its leading period (`1—6月，…，6月当月增幅…`: a
    later sentence referring back means 1—6月), which a later sentence may take (see _Ctx.carry)."""
    t = s.t
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
