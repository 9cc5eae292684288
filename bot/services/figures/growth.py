"""Growth rates and point changes of a sentence: attached to the levels just stated when they are of the same
metric (one rate per level of a list, or one rate shared by the list), else growth-only figures of their own metric;
a rate in brackets after the indicator compared with (`高于同期社会消费品零售总额增速（0.7%）`); a growth stated just
before its level (`下降了2.5%,达845亿欧元`) merged into that level.

    _add_growths(sentence, ctx, run, ...)     one step of sentence._extract_sentence
    _bracketed_rates(...), _merge_leading_growth(figs), _attach_pending_rate(sentence)

Used by sentence."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.services.figures.classify import _SEQUENTIAL_BEFORE, RATE_OF_FLOW_AFTER, _Item, _qualifier
from bot.services.figures.context import _Ctx, _resolve, _Sentence
from bot.services.figures.lexicon import (
    _CLAUSE_BOUNDARY,
    _COMPARE_CUT,
    _DIGIT_RE,
    _GROWTH_RATE_END,
    _GROWTH_VERB_END,
)
from bot.services.figures.model import ExtractedFigure, is_growth_only, normalise_metric
from bot.services.figures.multiyear import (
    _FROM_LAST_YEAR,
    _from_to_span,
    _listed_periods,
    _multi_year_span,
    _older_base,
)
from bot.services.figures.naming import (
    _CHANGE_TAIL,
    _JUNK_METRIC,
    _MEASURE_END,
    AGE_RANGE,
    _colon_subject,
    _expand_generic,
    _same_metric,
)
from bot.services.figures.numbers import Number
from bot.services.figures.periods import PeriodMention
from bot.services.figures.phrase import _Phrase, _phrase, item_regions
from bot.services.figures.regions import _own_region

#: `社会消费品零售总额增速（0.7%）`: a bracket holding only the rate just named is that rate, not an aside
_RATE_IN_PARENS = re.compile(r"(?:增速|增幅)[（(]\s*(?P<v>-?[0-9]+(?:\.[0-9]+)?)\s*%\s*[)）]")

_COMPARED_WITH = re.compile(r"^.*?(?:高于|低于|快于|慢于|超过|超出|略高于|略低于)")


_AVERAGE_RATE = re.compile(r"年均|年复合|复合增长|平均增速|平均增长|平均每年")

#: a per-day (per-week, per-month) average compared (`日均较去年同期增长`, `日均交易金额同比增长`, `月均增长12%以上`)
_DAILY_AVERAGE = re.compile(r"日均|周均|月均")

_SHARED_GROWTH = re.compile(r"增速|均|都")


_BREAKDOWN = re.compile(r"(?:^|[，,])\s*分(?:季度|月份?|月度|季)(?:来)?看\s*[，,]")

#: `X、Y用户规模增长明显，较上年分别增长9057万人、5139万人，增长率分别为20.7%、14.2%`: rates named only as 增长率 right
#: after the absolute increments (no figures) of a subject stated before them are that subject's growth, one per item
_RATE_AFTER_INCREMENTS = re.compile(
    r"(?:增长|增加|新增|净增|提高|提升)了?\s*[0-9.]+\s*[万亿]?[\u4e00-\u9fff]{0,2}"
    r"(?:\s*[、和及与]\s*[0-9.]+\s*[万亿]?[\u4e00-\u9fff]{0,2})*\s*[，,]\s*(?:同比)?(?:增长率|增速|增幅)(?:分别)?"
    r"(?:为|达到?|是)?\s*(?:约|近)?\s*$"
)
#: what a subject's clause says of it after naming it (`…用户规模增长明显`), no part of the name
_SUBJECT_COMMENT = re.compile(r"(?:增长|增势|增速|增幅)?(?:明显|较快|迅速|迅猛|显著|强劲|加快|稳定)$")


def _listed_subject(t: str, cb: int, k: int) -> _Phrase | None:
    """`其中A和B增长迅猛，同比分别增长61.6%、58.3%`: a 分别 run whose own clause names nothing takes the k items of
    the clause right before it, when that clause states no figure and only comments on them (增长迅猛, 增势明显)."""
    before = re.split(r"[，,；;。：:]", t[:cb].rstrip("，, "))
    clause = before[-1].strip() if len(before) > 1 or cb > 0 else ""
    if not clause or re.search(r"\d", clause) or not _SUBJECT_COMMENT.search(clause):
        return None
    ph = _phrase(_SUBJECT_COMMENT.sub("", clause))
    return ph if len(ph.metric) >= 2 and ph.items_for(k) else None


def _increment_subject(t: str, n0: int, k: int) -> _Phrase | None:
    """The subject (`X、Y用户规模`) of the increments a `增长率分别为` run follows, from the nearest clause before them
    that names a measure; none when there is no such run or the subject's items do not match the rates."""
    m = _RATE_AFTER_INCREMENTS.search(t, 0, n0)
    if m is None or m.end() != n0:
        return None
    clauses = re.split(r"[，,；;。]", t[: m.start()])
    for clause in reversed(clauses[-3:]):
        clause = _SUBJECT_COMMENT.sub("", re.sub(r"(?:较|比|同比)[^，,]*?(?:分别)?$", "", clause.strip()))
        ph = _phrase(clause)
        if len(ph.metric) < 2 or not _MEASURE_END.search(ph.metric):
            continue
        if k == 1 and not ph.items:
            return ph
        return ph if ph.items_for(k) else None
    return None

#: `一至四季度同比分别增长5.0%、32.0%、34.5%、30.4%`: a range of quarters, one rate each
_QUARTER_RANGE = re.compile(r"([一二三四1-4])\s*(?:至|到|—|-|~)\s*([一二三四1-4])\s*季度(?=[^，,。；;]*分别)")
#: `一、二季度分别增长8%和11%`: quarters listed with the word 季度 written once, one rate each
_QUARTER_ABBREV = re.compile(r"(?<![0-9一二三四])([一二三四](?:\s*、\s*[一二三四])+)\s*季度(?=[^，,。；;]*分别)")
_QUARTER_NO = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _quarter_list(t: str, pos: int, k: int, end: date | None) -> list[tuple[date, date, str]]:
    """The quarters of `一至四季度…分别…` (k of them, in the year of the period resolved), else none."""
    m = next(reversed(list(_QUARTER_RANGE.finditer(t, 0, pos))), None)
    listed = next(reversed(list(_QUARTER_ABBREV.finditer(t, 0, pos))), None)
    if end is None or (m is None and listed is None):
        return []
    if listed is not None and (m is None or listed.start() > m.start()):
        qs = [_QUARTER_NO[x.strip()] for x in listed.group(1).split("、")]
    else:
        assert m is not None
        qs = list(range(_QUARTER_NO[m.group(1)], _QUARTER_NO[m.group(2)] + 1))
    if len(qs) != k or qs != sorted(set(qs)):
        return []
    out = []
    for q in qs:
        first = 3 * (q - 1) + 1
        last = date(end.year + (first + 3 > 12), (first + 3 - 1) % 12 + 1, 1) - timedelta(days=1)
        out.append((date(end.year, first, 1), last, f"{end.year}年{'一二三四'[q - 1]}季度"))
    return out


#: a clause that is only a period (masked) and a change verb before the rate: `1-8月份增长`, `上半年同比下降`
_PERIOD_THEN_CHANGE = re.compile(
    r"[\s\x00]*(?:其中|同期)?[\s,，\x00]*(?:同比|比上年同期|比去年同期|比上年)?\s*(?:增长|下降|减少|增加|回落|提高)了?\s*"
)


#: the span a growth rate is over, written before it (`半年度增长率`, `季度增速`): no metric's name
_SPAN_WORD = re.compile(r"(?:半年|年|季|月|周)度?|全年|半年期")


def _add_growths(
    s: _Sentence,
    ctx: _Ctx,
    group: list[_Item],
    cb: int,
    window: str,
    pm: PeriodMention | None,
    sent_year: int | None,
    forecast: bool,
) -> None:
    """A run of growth rates or point changes: attached to the levels just stated when they are of the same metric,
    else growth-only figures of their own metric (see the growth-only convention in model.py)."""
    t, masked, figs = s.t, s.masked, s.figs
    bases = _base_year_list(t, group[0].num.start, len(group))
    if bases:
        # `比2020年、2019年春节黄金周分别增长28.7%、4.9%`: one rate per base year; the change on the year before is
        # the yearly growth, the others are changes over two years or more (not stored)
        _, base_end, _ = _resolve(pm, ctx, forecast, sent_year)
        year = base_end.year if base_end is not None else ctx.published.year if ctx.published is not None else None
        group = [g for g, y in zip(group, bases, strict=True) if year is not None and y == year - 1]
        if not group:
            return
    it = group[0]
    n = it.num
    over_years: tuple[date, date, str] | None = None
    if _NAMED_FIELD_BEFORE.search(t, 0, cb) and _RATE_ONLY_WINDOW.fullmatch(window):
        return  # `进口增长较快的领域是保险服务，增速达51.5%`: the field's rate, no measure of it named — not stored
    if _SHARED_BOUND.search(t, max(0, n.start - 8), n.start):
        return  # `金银珠宝、家具类商品零售额下降均超过20%`: a bound shared by several rates, none of them stated
    if _PLAN_END_BASE.search(t, cb, n.start):
        return  # `较“十三五”末增长68.3%`: a change since the end of a plan period, not a one-period growth
    if not bases and _older_base(s.periods, pm, cb, n.start, ctx):
        # `比2019年3月份增长12.2%`: a change over two years or more, named by its base — not a yearly growth; but
        # `去年…达2.5万亿元，…比2014年增长近13倍`: a multiple of a whole year's level over a base year is the change
        # over the span from the base year to the figure's
        over_years = _span_from_base(s, ctx, pm, cb, n, forecast, sent_year)
        if over_years is None:
            return
    # own metric: the phrase before any comparison (`比上年`) and the growth verb
    cut = _COMPARE_CUT.search(window)
    own_raw = window[: cut.start()] if cut else window
    gm = _GROWTH_VERB_END.search(own_raw) or _GROWTH_RATE_END.search(own_raw)
    if gm:
        own_raw = own_raw[: gm.start()]
    ph = _phrase(own_raw)
    flow_after = RATE_OF_FLOW_AFTER.match(t, n.end) if len(group) == 1 else None
    if flow_after is not None:
        # `一季度进口增速达17.3%，远高于该季度2.5%的出口增速`: the growth of the flow named after the rate, in the
        # region the clause before it named
        region = ph.region or (figs[-1].region if figs else "")
        ph = _phrase(flow_after.group("flow"))
        ph.region = ph.region or region
    if len(ph.metric) < 2 or _SPAN_WORD.fullmatch(ph.metric):
        ph.metric = ""  # `年增长45.9%`, `半年度增长率为9.8%`: the span a rate is over names no metric
    if not ph.metric and len(group) > 1 and "分别" in masked[cb : n.start]:
        ph = _listed_subject(t, cb, len(group)) or ph
    # `其中杭州、宁波分别增长12%和8%`: one growth per region listed, of the metric just stated
    region_list = ph.region.split("、") if len(group) > 1 and ph.region.count("、") == len(group) - 1 else []
    if (
        len(group) == 1
        and ph.region
        and not ph.metric
        and "、" not in ph.region
        and figs
        and figs[-1].region != ph.region
        and _PART_OPENS.match(masked, cb, n.start)
    ):
        # `江苏快递业务量达到3.4亿件，同比增长27%，其中南京增长12%`: the rate of the place named after 其中, of the
        # measure just stated — never the whole's; when the whole's own rate was not read (compared with another
        # base, `比五一放假期间日均业务量增长27%，其中上海增长近4倍`), the part's is over that base too: none
        if (len(figs) - 1 in s.undated) or (
            figs[-1].growth_pct is None and _RATE_NUMBER.search(masked, figs[-1].span_end, cb)
        ):
            return
        region_list = [ph.region]
    multi = _multi_year_span(t, s.periods, n.start) if s.multi_year else None
    if it.kind == "growth" and _AVERAGE_RATE.search(masked[cb : n.start]):
        multi = "drop"  # `年均增速达71.4%`: a yearly average over years, neither one period's nor the span's
    last_level = max(
        (p for f, p in zip(figs, s.fig_pos, strict=False) if p < n.start and not is_growth_only(f)), default=cb
    )
    if it.kind == "growth" and _DAILY_AVERAGE.search(masked, min(cb, last_level), n.start):
        # `…达到1.2万亿元，订单9.1亿笔，日均较去年黄金周分别增长21.9%和14.5%`: the change of a per-day average,
        # not the growth of the totals before it; nor is a rate after it (`日均揽收量与2019年…相比增长122.6%，与2022年…
        # 相比增长8.6%`), until the sentence states another level
        multi = "drop"
    if over_years is not None:
        multi = over_years
    if multi is None:
        multi = _change_between_ends(s, n)
    if multi is None and it.kind == "growth" and s.fromto_before(n.start) is not None:
        # `2014至2022年，…从1800亿元增长到2.17万亿元，扩大了11倍`: the change between the two ends, over their span
        multi = _from_to_span(t, s.periods, n.start)
    targets, shared = _growth_targets(s, group, ph, cb) if figs and multi is None and not region_list else ([], False)
    if len(targets) == 1 and not shared:
        x0 = targets[0]
        targets = [_compared_level(s, x0, it.kind)]
        if targets[0] != x0:
            over = _span_over_base_level(figs[x0], figs[targets[0]], n)
            if over == "drop":
                return
            if over is not None:
                multi, targets = over, []
    if targets and it.kind == "growth" and not shared and len(targets) == 1 and "占" in figs[targets[0]].metric:
        # `民营企业进出口7.05万亿元，占…总值的55.9%，增速达到10.7%`: a rate after a share is its subject's growth,
        # never the share's; dropped when that subject is not the level just before
        share = figs[targets[0]]
        subject = share.metric[: share.metric.find("占")]
        prev = targets[0] - 1
        if (
            prev >= 0
            and subject
            and figs[prev].metric == subject
            and figs[prev].growth_pct is None
            and (figs[prev].period_start, figs[prev].period_end) == (share.period_start, share.period_end)
        ):
            targets = [prev]
        else:
            return
    if targets:
        for x, g_it in zip(targets, group * len(targets) if shared else group, strict=False):
            if it.kind == "growth":
                figs[x].growth_pct = g_it.growth
            elif figs[x].growth_pct is not None:
                # `…同比增长6.2%，比上年提高2.7个百分点`: points after the figure's growth rate change that rate, not
                # a level of the metric (only a rate or share level, `普及率73.0%，提升2.6个百分点`, takes them)
                continue
            else:
                figs[x].growth_pp = g_it.growth
            figs[x].growth_decimals = g_it.decimals
        return
    if (
        it.kind == "growth"
        and len(group) == 1
        and multi is None
        and not region_list
        and _GROWTH_RATE_END.search(window[: cut.start()] if cut else window)
        and not _phrase(re.split(r"[，,；;：:]", own_raw)[-1]).metric
        and (after := _LEVEL_AFTER.search(s.masked, n.end)) is not None
        and not re.search(r"占|比重|比例|份额", after.group())  # (`，占…的比重为21.5%`: a share, not the level)
    ):
        # `…，增幅收窄至15.6%，销售额增加至873.45亿元`: a rate naming no metric, before the level its clause goes on
        # to state: that level's growth
        s.pending_rate = (it.growth, it.decimals, n.end)
        return
    names = _growth_names(s, ctx, group, ph, region_list, cb)
    if names:
        if multi == "drop":
            # `过去5年增长近10倍`: a change over years it does not date is not a one-period growth;
            # its metric still names the levels that follow (`…,2022年达2.1万亿元`)
            s.undated.update(range(len(figs), len(figs) + len(group)))
        start: date | None
        end: date | None
        if isinstance(multi, tuple):
            start, end, label = multi
        else:
            start, end, label = _resolve(pm, ctx, forecast, sent_year)
            if (
                start is None
                and end is not None
                and pm is not None
                and pm.asof
                and pm.kind == "year"
                and it.kind == "growth"
                and multi is None
            ):
                start = date(end.year, 1, 1)  # `到2026年，…的年增长率…47.1%`: a rate is over that year, not as of its end
        if start is not None and ctx.published is not None and start > ctx.published:
            forecast = True
        quarters = _quarter_list(t, n.start, len(group), end)
        if not quarters and it.kind == "growth":
            # `一季度、二季度，快递业务量同比分别增长10%和12%`: listed periods date the rates in order
            quarters = [(a, b, lb) for a, b, lb in _listed_periods(s, group, cb, ctx, forecast) if a and b]
            quarters = quarters if len(quarters) == len(group) else []
        for k, ((region, metric), g_it) in enumerate(zip(names, group, strict=False)):
            if len(metric) < 2 or (multi != "drop" and _JUNK_METRIC.search(metric)):
                continue  # (a rate over undated years is appended and dropped later: `s.undated` counts it)
            if not _MEASURE_END.search(metric):
                metric = _indicator_of(metric, ctx)
            before = (
                figs[-1].metric
                if figs and is_growth_only(figs[-1])
                else ctx.prev_metric
                if not figs and ctx.after_semicolon
                else ""
            )
            if (
                not _MEASURE_END.search(metric)
                and not metric.endswith("类")  # (goods categories are named by the list they are in: _name_categories)
                and (sold := _SOLD_MEASURE.search(before)) is not None
                and not _SOLD_MEASURE.search(metric)
            ):
                # `绿色有机食品销售额增长20.1%，节能家电增长19%`: goods named alone after goods measured by their sales
                # in the same sentence are measured alike (节能家电销售额)
                metric += sold.group()
            if quarters:
                start, end, label = quarters[k]
            gn = g_it.num
            if not region:
                # `北京推出的10条线路…，带动旅游售票类消费金额增长24.9%`: no place of its own — the place the sentence
                # opens with, else the one the sentence's figures before it were named with
                region = s.sent_region or next(
                    (f.region for f in reversed(figs) if f.region not in ("", "全国") and f.region in t[: gn.start]), ""
                )
            unit = "个百分点" if it.kind == "pp" else "%"
            fig = ExtractedFigure(
                metric=metric,
                region=_own_region(region, ctx.region, ctx.home),
                value=g_it.growth,
                unit=unit,
                value_base=g_it.growth,
                base_unit=unit,
                qualifier=_qualifier(t, masked[cb : gn.start], gn),
                period_start=start,
                period_end=end,
                period_label=label,
                growth_pct=g_it.growth if it.kind == "growth" else None,
                growth_pp=g_it.growth if it.kind == "pp" else None,
                is_forecast=forecast and not (end is not None and ctx.published is not None and end < ctx.published),
                quote=s.quote,
                span_start=gn.start,
                span_end=gn.end,
                value_decimals=g_it.decimals,
                growth_decimals=g_it.decimals,
            )
            figs.append(fig)
            s.fig_pos.append(gn.start)
            if multi is not None or (ph.metric and ctx.metrics[-1:] != [metric]):
                # a change over years, or a rate whose own clause names its indicator (`快递业务量同比增长6.2%，
                # 业务收入增长7.7%` → 快递业务收入), names the indicator as a level does
                ctx.metrics.append(metric)
    s.last_level_group = []


#: a list of base years right before a list of rates (`比2020年、2019年春节黄金周分别增长`,
#: `与2019年、2020年、2021年农历同期相比分别增长`)
_BASE_YEARS = re.compile(
    r"(?:较|比|与|相较于?|对比)\s*(?P<ys>(?:19|20)\d{2}\s*年(?:\s*[、和及]\s*(?:19|20)\d{2}\s*年)+)"
    r"[^，,。；;0-9]{0,12}?(?:相比)?\s*[，,]?\s*(?:同比)?\s*分别(?:增长|下降|增加|减少|提高|上升)了?\s*$"
)


def _base_year_list(t: str, first: int, k: int) -> list[int]:
    """The base years listed before `k` rates (one each, in order), else none."""
    m = _BASE_YEARS.search(t, max(0, first - 60), first)
    if m is None:
        return []
    years = [int(y) for y in re.findall(r"(?:19|20)\d{2}", m.group("ys"))]
    return years if len(years) == k else []


#: a clause naming the field a rate after it is of (`增长较快的领域是保险服务，`)
_NAMED_FIELD_BEFORE = re.compile(r"(?:领域|行业|品类|类别)(?:主要)?(?:是|为)[\u4e00-\u9fff、和]{2,20}[，,]\s*$")

_RATE_ONLY_WINDOW = re.compile(r"[\s,，]*(?:同比)?(?:增速|增幅|增长率|增长|下降)?(?:达到?|为|是|了)?\s*")

#: a bound several rates share (`…下降均超过20%`, `增幅都在10%以上`)
_SHARED_BOUND = re.compile(r"[均都皆](?:超过|高于|低于|不低于|不少于|在)\s*$")

#: a measure of a place's trade or footfall (`客流量`, `营业额`)
_FLOW_MEASURE = re.compile(r"(?:客流量|营业额|销售额|交易额|成交额|零售额|订单量)$")

#: how goods' sales are measured (`…销售额`, `…销量`)
_SOLD_MEASURE = re.compile(r"(?:销售额|销量|营业额|订单量)$")


def _indicator_of(activity: str, ctx: _Ctx) -> str:
    """`即时零售的年增长率…47.1%` in an article about 即时零售市场规模: the rate of the indicator of that activity named
    in the paragraph (the latest), else in the article when it names only one; else the activity unchanged."""
    named = [m for m in ctx.metrics if m.startswith(activity) and _MEASURE_END.search(m)]
    if named:
        return named[-1]
    named = sorted(m for m in ctx.article_metrics if m.startswith(activity) and _MEASURE_END.search(m))
    return named[0] if len(named) == 1 else activity


def _change_between_ends(s: _Sentence, n: Number) -> tuple[date, date, str] | None:
    """`2014至2022年，农村网络零售额从1800亿元增长到2.17万亿元，扩大了11倍`: a change stated right after the two
    ends of `从A到B`, dated in different years, is the change over their span (from A's year to B's), not B's yearly
    growth."""
    ft = s.fromto_before(n.start)
    if ft is None or not re.fullmatch(r"[\s,，]*[^\d,，。；;]{0,8}", s.t[ft.end() : n.start]):
        return None
    if _FROM_LAST_YEAR.match(s.t, ft.start()):
        return None  # `由去年同期的A增至B，同比增长13.1%`: a change on a year before is B's year-on-year growth
    ends = [f for f in s.figs if ft.start() <= f.span_start < ft.end() and not is_growth_only(f)]
    if len(ends) < 2:
        return None
    a, b = ends[0], ends[-1]
    if a.period_start is None or b.period_end is None or a.period_start.year >= b.period_end.year:
        return None
    return a.period_start, b.period_end, f"{a.period_start.year}—{b.period_end.year}年"


#: `较2016上半年的4.8亿人同比增长了7.5%`: the level just before is the base compared with
_BASE_BEFORE = re.compile(r"(?:较|比|相比|与)[^，,；;。]{0,16}?的\s*$")


def _compared_level(s: _Sentence, x: int, kind: str) -> int:
    """`网购用户达到5.16亿人，较2016上半年的4.8亿人同比增长了7.5%`: a rate after a base value (`较…的4.8亿人`) is
    the change of the level compared with it (5.16亿人), not of the base."""
    figs = s.figs
    f = figs[x]
    if x == 0 or not _BASE_BEFORE.search(s.t, max(0, f.span_start - 20), f.span_start):
        return x
    prev = figs[x - 1]
    free = (prev.growth_pct if kind == "growth" else prev.growth_pp) is None
    if free and not is_growth_only(prev) and normalise_metric(prev.metric) == normalise_metric(f.metric):
        return x - 1
    return x


def _span_from_base(
    s: _Sentence, ctx: _Ctx, pm: PeriodMention | None, cb: int, n: Number, forecast: bool, sent_year: int | None
) -> tuple[date, date, str] | None:
    """`比2014年增长近13倍` after a level of 2023: (2014-01-01, 2023-12-31) — for a multiple (倍) compared with a
    bare base year, of a figure over a whole year; else None."""
    if n.base_unit != "倍":
        return None
    base = next((p for p in reversed(s.periods) if p.comparison and cb <= p.start < n.start and p.explicit_year), None)
    if base is None or base.kind != "year" or base.year is None:
        return None
    start, end, _label = _resolve(pm, ctx, forecast, sent_year)
    if start is None or end is None or (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
        return None
    if end.year - base.year < 2:
        return None
    return date(base.year, 1, 1), end, f"{base.year}—{end.year}年"


def _span_over_base_level(
    base: ExtractedFigure, level: ExtractedFigure, n: Number
) -> tuple[date, date, str] | str | None:
    """`2023年…1480亿元，较2020年的710亿元增长1.1倍`: a rate compared with a base level dated two or more years before
    the level is no yearly growth of it: a multiple (倍) between two whole years is the change over their span
    (2020-01-01..2023-12-31); any other such rate is dropped ("drop"). None when the base is the year before (or
    undated): the rate is the level's growth."""
    a, b = base.period_start, level.period_start
    if a is None or b is None or level.period_end is None or b.year - a.year < 2:
        return None
    whole = (a.month, a.day, b.month, b.day, level.period_end.month, level.period_end.day) == (1, 1, 1, 1, 12, 31)
    if n.base_unit == "倍" and whole and base.period_end is not None and base.period_end.year == a.year:
        return a, level.period_end, f"{a.year}—{level.period_end.year}年"
    return "drop"


#: a comparison with the end of a five-year plan period (`较“十三五”末`, `比十二五期末`)
_PLAN_END_BASE = re.compile(r"(?:较|比|与|相比|相较)\s*[“\"]?十[一二三四五六七八九]五[”\"]?\s*(?:时期)?\s*(?:期末|末期|末)")


#: a rate in a stretch of text (`增长27%`, `增长近4倍`)
_RATE_NUMBER = re.compile(r"[0-9]\s*(?:%|倍)")

#: a clause opening with 其中 (a part of the whole just stated)
_PART_OPENS = re.compile(r"[\s,，;；\x00]*其中[，,：:]?")


def _growth_targets(s: _Sentence, group: list[_Item], ph: _Phrase, cb: int) -> tuple[list[int], bool]:
    """Indices into s.figs of the levels the growths of `group` belong to (none: they are figures of their own), and
    whether one rate is shared by all of them."""
    figs, kind = s.figs, group[0].kind
    targets: list[int] = []
    shared = False
    cands = [x for x in (s.last_level_group or [len(figs) - 1])]
    free = [x for x in cands if (figs[x].growth_pct if kind == "growth" else figs[x].growth_pp) is None]
    if ph.metric and _PART_OPENS.match(s.masked, cb, group[0].num.start):
        # `网络零售额近300亿元，其中实物商品网络零售额同比增长11%`: the rate of the part named after 其中, not the whole's
        free = [x for x in free if normalise_metric(figs[x].metric) == normalise_metric(ph.metric)]
    if not ph.metric and len(group) > len(free):
        free = [
            x
            for x in range(len(figs))
            if figs[x].growth_pct is None and figs[x].growth_pp is None and figs[x].value != figs[x].growth_pct
        ][-len(group) :]
    if not ph.metric or any(_same_metric(figs[x].metric, ph.metric) for x in free):
        if len(group) == len(free):
            targets = free
        elif free:
            targets = [x for x in free if not ph.metric or _same_metric(figs[x].metric, ph.metric)][: len(group)]
            if len(group) > len(targets):
                targets = free[-1:] if len(group) == 1 else []
            if (
                len(group) == 1
                and not ph.metric
                and len(free) > 1
                and set(free) <= set(s.last_level_group)
                and _SHARED_GROWTH.search(s.masked[cb : group[0].num.start])
            ):
                # `快递业务量、业务收入分别完成1425亿件和1.3万亿元，增速8%左右`: one rate for the list
                targets, shared = free, True
    if len(group) == 1 and not ph.metric and kind == "growth" and _BOTH_GREW.match(s.masked, cb, group[0].num.start):
        # `揽收快递包裹2.2亿件，投递快递包裹3.6亿件，同比增长均达三成`: one rate for every level stated before it
        open_levels = [x for x in range(len(figs)) if figs[x].growth_pct is None and not is_growth_only(figs[x])]
        if len(open_levels) > 1:
            targets, shared = open_levels, True
    return targets, shared


#: a rate said of each of the levels before it (`同比均增长`, `增长均达`, `都增长了`)
_BOTH_GREW = re.compile(r"[^，,；;。]*?(?:均|都)(?:增长|下降|达到?|为|超过?|在)?[^，,；;。]{0,4}$")


def _changed_subject_before(s: _Sentence, cb: int) -> _Phrase | None:
    """The subject of the clause right before the one at `cb` when that clause only says how it grew (`餐饮收入增速
    保持两位数较快增长`, `…网上零售额保持较快增长`): no number, no share; None otherwise."""
    if cb <= 1 or not _RATE_ONLY_CLAUSE.match(s.masked, cb, len(s.masked)):
        return None
    pb = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(s.masked, 0, cb - 1)), default=0)
    clause = s.masked[pb : cb - 1]
    tail = _CHANGE_TAIL.search(clause)
    subject = clause[: tail.start()].replace("\x00", "") if tail is not None else ""
    if not subject or _DIGIT_RE.search(AGE_RANGE.sub("", clause)) or re.search(r"占|比重|比例|份额", subject):
        return None
    ph = _phrase(subject)
    measured = _MEASURE_END.search(ph.metric) or ph.metric.endswith(("零售", "销售"))  # (`智能手机零售`)
    return ph if len(ph.metric) >= 2 and not ph.items and measured else None


#: a clause giving only a rate (`同比增长13.1%`, `增长13.1%`): its subject is named elsewhere
_RATE_ONLY_CLAUSE = re.compile(
    r"\s*(?:同比|比上年同期|比去年同期|比上年)?(?:增长|下降|增加|减少|(?:增速|增幅)(?:达到?|为)?)\s*\d"
)


#: an activity's amount, or its share or rate, with or without a macro-region before it (`西部快递业务量比重`)
_MEASURED_ACTIVITY = re.compile(
    r"(?:(?:东部|中部|西部|东北)(?:地区)?)?(?P<a>[\u4e00-\u9fff]{2,10}?(?:业务量|业务收入|零售额|销售额|进出口额|交易额))"
    r"(?:比重|占比|份额|增速|增幅)?"
)


def _growth_names(
    s: _Sentence, ctx: _Ctx, group: list[_Item], ph: _Phrase, region_list: list[str], cb: int
) -> list[tuple[str, str]]:
    """(region, metric) of each growth-only figure of `group`: its own phrase, the regions listed, a colon's subject,
    the sentence's last figure or the paragraph's subject; none when it cannot be told."""
    t, figs = s.t, s.figs
    if region_list:
        # of which metric, when several were just stated, is not known: nothing
        open_levels = {f.metric for f in figs if f.growth_pct is None and not is_growth_only(f)}
        known = ph.metric or (figs[-1].metric if figs and len(open_levels) <= 1 else "")
        if not known and not figs and ctx.prev_metric and "分别" in s.masked[cb : group[0].num.start]:
            # `东、中、西部快递业务量比重分别为…。…，广东和浙江同比分别增长37.8%和35.9%`: places listed with no
            # indicator, each one's change, go on with the activity the paragraph just measured (not its share)
            activity = _MEASURED_ACTIVITY.fullmatch(ctx.prev_metric)
            known = activity.group("a") if activity else ""
        return [(r, known) for r in region_list] if known else []
    if ph.metric and len(group) > 1 and ph.items_for(len(group)):
        items = ph.items_for(len(group))
        if re.match(r"个[\u4e00-\u9fff]{2}", items[0]) and _FLOW_MEASURE.search(items[0]):
            items = [items[0][1:]] + items[1:]  # `78个步行街客流量、…`: the count's classifier is no part of the name
        head = _FLOW_MEASURE.search(items[0])
        if (
            head is not None
            and re.search(r"(?:商圈|步行街|街区|商场|景区|门店|企业|平台|超市|店)$", items[0][: head.start()])
            and all(_FLOW_MEASURE.fullmatch(x) for x in items[1:])
        ):
            # `步行街客流量、营业额分别增长4.2%、4.0%`: measures after the first item are of its subject (步行街营业额)
            items = [items[0]] + [items[0][: head.start()] + x for x in items[1:]]
        return item_regions(ph.region, items)
    if ph.metric:
        return [(ph.region, _expand_generic(ph.metric, ctx))] * len(group)
    if not figs and (colon := _colon_subject(t, s.masked, cb)) is not None:
        return [(colon.region, colon.metric)] * len(group)  # `网上零售额:同比增长11.5%`
    if figs and len(group) > 1 and len(figs) >= len(group) and "分别" in s.masked[cb : group[0].num.start]:
        # `城镇和乡村零售额同比分别增长0.5%和0.7%，而7月份分别为下降1.1%和1.3%`: a nameless 分别 list as long as
        # the list just stated goes on with its names, in order
        listed = [(f.region, f.metric) for f in figs[-len(group) :]]
        if len(set(listed)) == len(listed):
            return listed
    n0 = group[0].num.start
    subject = _increment_subject(t, n0, len(group))
    if subject is not None:
        names = subject.items_for(len(group)) if len(group) > 1 else [subject.metric]
        return [(subject.region, x) for x in names]
    changed = _changed_subject_before(s, cb)
    if changed is not None and (not figs or not _same_metric(figs[-1].metric, changed.metric)):
        # `商品零售额同比增长6.0%，餐饮收入增速保持两位数较快增长，同比增长13.1%`: the clause before names how another
        # subject grew, without a number — the rate is that subject's, not the last figure's
        return [(changed.region or (figs[-1].region if figs else ""), changed.metric)] * len(group)
    if figs:
        return [(figs[-1].region, figs[-1].metric)] * len(group)
    if (
        ctx.after_semicolon
        and ctx.prev_metric
        and any(p.end <= n0 and not p.comparison for p in s.periods)
        and _PERIOD_THEN_CHANGE.fullmatch(s.masked, 0, n0)
    ):
        # `8月份，社会消费品零售总额同比增长10.1%；1-8月份增长10.4%`: a clause after `；` giving only another period's
        # change goes on with the indicator of the clause before (that clause's last figure)
        return [(ctx.prev_region, ctx.prev_metric)] * len(group)
    pb = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(t, 0, max(cb - 1, 0))), default=0)
    seq = _SEQUENTIAL_BEFORE.search(s.masked, pb, cb)
    if seq is not None:
        # `全省网络零售额环比下降1.2%，同比增长6%`: the subject of the change on the month before (not stored)
        sp = _phrase(s.masked[pb : seq.start()])
        if len(sp.metric) >= 2 and not sp.items:
            return [(sp.region, sp.metric)] * len(group)
    if (ctx.metrics or ctx.whole_metric) and _BREAKDOWN.search(t):
        # `分季度看，二季度同比增长39.2%`: the paragraph's subject (else the whole last stated), broken down
        return [("", ctx.metrics[0] if ctx.metrics else ctx.whole_metric)] * len(group)
    return []


def _bracketed_rates(
    t: str, masked: str, periods: list[PeriodMention], ctx: _Ctx, figs: list[ExtractedFigure], quote: str
) -> None:
    """`明显高于同期社会消费品零售总额增速（0.7%）`: the growth of the indicator compared with, over the same period."""
    if "增" not in t:
        return
    for m in _RATE_IN_PARENS.finditer(t):
        cb = max((b.end() for b in _CLAUSE_BOUNDARY.finditer(t, 0, m.start())), default=0)
        clause = masked[cb : m.start()].replace("\x00", "")
        cut = _COMPARED_WITH.match(clause)
        if cut is None:
            continue
        subject = re.sub(r"^\s*(?:同期|同时期|同一时期)(?:的)?", "", clause[cut.end() :])
        ph = _phrase(subject)
        if ph.items or not (2 <= len(ph.metric) <= 14) or not _MEASURE_END.search(ph.metric):
            continue
        pm = next((p for p in reversed(periods) if p.end <= m.start() and not p.comparison), None)
        start, end, label = _resolve(pm, ctx, False)
        value = float(m.group("v"))
        decimals = len(m.group("v").partition(".")[2])
        figs.append(
            ExtractedFigure(
                metric=ph.metric,
                region=_own_region(ph.region, ctx.region, ctx.home),
                value=value,
                unit="%",
                value_base=value,
                base_unit="%",
                qualifier="exact",
                period_start=start,
                period_end=end,
                period_label=label,
                growth_pct=value,
                growth_pp=None,
                is_forecast=False,
                quote=quote,
                span_start=m.start("v"),
                span_end=m.end("v"),
                value_decimals=decimals,
                growth_decimals=decimals,
            )
        )


#: a level after a bare rate, in its sentence's next clause (`，销售额增加至873.45亿元`)
_LEVEL_AFTER = re.compile(r"\s*[%％]?\s*[，,]\s*[^，,；;。\d]{2,16}?\d")


def _attach_pending_rate(s: _Sentence) -> None:
    """The rate held by `_add_growths` goes to the first level after it that has no growth of its own."""
    if s.pending_rate is None:
        return
    rate, decimals, after = s.pending_rate
    for f, pos in zip(s.figs, s.fig_pos, strict=False):
        if pos >= after and not is_growth_only(f):
            if f.growth_pct is None and f.growth_pp is None:
                f.growth_pct, f.growth_decimals = rate, decimals
            break
    s.pending_rate = None


def _merge_leading_growth(figs: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """`德国在线销售额在2022年下降了2.5%,达845亿欧元`: a growth stated just before the level of the same metric
    belongs to that level (one figure with growth), not to a growth-only figure of its own."""
    out: list[ExtractedFigure] = []
    for k, f in enumerate(figs):
        nxt = figs[k + 1] if k + 1 < len(figs) else None
        prev = figs[k - 1] if k else None
        if (
            nxt is not None
            and is_growth_only(f)
            and not is_growth_only(nxt)
            and nxt.growth_pct is None
            and nxt.growth_pp is None
            and normalise_metric(nxt.metric) == normalise_metric(f.metric)
            # `全国网络零售额增长11%，其中河南网络零售额3000亿元`: another place's level keeps its own growth
            and nxt.region == f.region
            and not (prev is not None and is_growth_only(prev) and prev.span_end >= f.span_start - 3)
            and (nxt.period_start, nxt.period_end) in ((f.period_start, f.period_end), (None, None))
        ):
            nxt.growth_pct, nxt.growth_pp = f.growth_pct, f.growth_pp
            nxt.growth_decimals = f.growth_decimals
            if nxt.period_end is None:
                nxt.period_start, nxt.period_end, nxt.period_label = f.period_start, f.period_end, f.period_label
            nxt.span_start = min(nxt.span_start, f.span_start)
            continue
        out.append(f)
    return out
