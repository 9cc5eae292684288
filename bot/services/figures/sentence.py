"""TODO sentence"""

from __future__ import annotations

import re
from datetime import date

from bot.services.figures.classify import _FLAT_AFTER, _classify, _Item, _mask, _qualifier
from bot.services.figures.context import _OWN_TIME, _Ctx, _resolve
from bot.services.figures.lexicon import (
    _BAD_AFTER,
    _CLAUSE_BOUNDARY,
    _COMPARE_CUT,
    _DATE_RE,
    _FORECAST_RE,
    _GROWTH_RATE_END,
    _GROWTH_VERB_END,
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
    _multi_year_span,
    _older_base,
)
from bot.services.figures.naming import (
    _JUNK_METRIC,
    _MEASURE_END,
    _NATIONAL_WORD,
    _SUMMED,
    _colon_subject,
    _expand_generic,
    _level_metrics,
    _metric_ahead,
    _name_parts,
    _same_metric,
)
from bot.services.figures.numbers import fold, iter_numbers
from bot.services.figures.periods import PeriodMention, find_periods
from bot.services.figures.phrase import _activity_metric, _phrase, _post_noun
from bot.services.figures.regions import _CITY_WORDS, _is_city, _own_region, _sentence_region

_MONEY = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑", "韩元", "卢布", "迪拉姆"})


#: `社会消费品零售总额增速（0.7%）`: a bracket holding only the rate just named is that rate, not an aside
_RATE_IN_PARENS = re.compile(r"(?:增速|增幅)[（(]\s*(?P<v>-?[0-9]+(?:\.[0-9]+)?)\s*%\s*[)）]")


_COMPARED_WITH = re.compile(r"^.*?(?:高于|低于|快于|慢于|超过|超出|略高于|略低于)")


#: a named holiday or shopping event right after a year (`今年国庆假期`, `2023年“双11”期间`, `今年义乌“双十二”期间`)
_EVENT_AFTER = re.compile(
    r"\s*(?:的)?(?:[\u4e00-\u9fff]{2,3}(?=[“\"「]))?[“\"「]?\s*[\u4e00-\u9fff]{0,3}?(?:国庆|春节|元旦|五一|劳动节|中秋|端午|清明|"
    r"双\s*(?:11|十一|12|十二)|618|年货节|购物节|网购节|黄金周|小长假|假期|春运|暑期|寒假|开学季|消费季|促销季)"
)


def _extract_sentence(quote: str, ctx: _Ctx, out: list[ExtractedFigure]) -> None:
    t = fold(quote)
    ctx.sentence = t
    # a period in brackets is an aside — except the dates of a named period (`“双11”期间（11月11日至16日）`)
    parens = [(m.start(), m.end()) for m in _PAREN_RE.finditer(t) if not t.startswith("期间", max(m.start() - 2, 0))]
    periods = [p for p in find_periods(t, ctx.published, ctx.year) if not any(s <= p.start < e for s, e in parens)]
    blocked: list[tuple[int, int]] = [(p.start, p.end) for p in periods]
    # `今年国庆假期`, `2024年“双11”期间`: the year names which holiday, it is not the figure's period
    periods = [p for p in periods if not (p.kind == "year" and _EVENT_AFTER.match(t, p.end))]
    blocked += [(m.start(), m.end()) for m in _DATE_RE.finditer(t)]
    blocked += [(m.start(), m.end()) for m in _TIME_RE.finditer(t)]
    multi_year = _MULTI_YEAR_HINT.search(t) is not None
    if multi_year:
        blocked += [(m.start(), m.end()) for m in _MULTI_YEAR.finditer(t) if _MULTI_YEAR_SPAN.search(m.group())]
    blocked += [(m.start(), m.end()) for m in _PAREN_RE.finditer(t)]
    masked = _mask(t, blocked)
    numbers = [n for n in iter_numbers(t) if not any(s <= n.start < e for s, e in blocked)]
    # the context year for this sentence: an explicit year mentioned before each number
    figs: list[ExtractedFigure] = []
    fig_pos: list[int] = []
    items: list[_Item] = []
    # "提升0.6和4.5个百分点": a bare number listed before a number with a unit takes that unit
    for a, b in zip(numbers, numbers[1:], strict=False):
        if not a.unit and not a.mult and b.unit and _LIST_GAP.match(t[a.end : b.start]):
            a.unit, a.base_unit, a.mult = b.unit, b.base_unit, b.mult
            a.value_base = a.value * (b.value_base / b.value if b.value else 1.0)
    prev_item: _Item | None = None
    for n in numbers:
        cb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, n.start)), default=0)
        if (
            prev_item is not None
            and prev_item.kind != "level"
            and n.base_unit in ("%", "倍", "‰", "个百分点")
            and _LIST_GAP.match(t[prev_item.num.end : n.start])
        ):
            val = n.value * 100 if n.base_unit == "倍" else n.value
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
            it = _classify(t, masked, n, cb)
        if it is not None:
            items.append(it)
            prev_item = it
    prev_end = 0
    post_mode = False
    sent_region = _sentence_region(masked)
    fromto = _FROM_TO_VALUES.search(t) if ("从" in t or "由" in t) else None
    last_level_group: list[int] = []  # indices into figs of the last list of levels
    undated: set[int] = set()  # indices into figs of changes over undated spans of years (not stored)
    i = 0
    while i < len(items):
        it = items[i]
        n = it.num
        cb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, n.start)), default=0)
        ws = max(cb, prev_end)
        # group consecutive numbers of the same kind separated only by list separators
        group = [it]
        j = i + 1
        while (
            j < len(items) and items[j].kind == it.kind and _LIST_GAP.match(t[group[-1].num.end : items[j].num.start])
        ):
            group.append(items[j])
            j += 1
        window = masked[ws : n.start]
        raw_window = t[cb : n.start]
        # `国家邮政局预计，2024年…快递业务量、业务收入分别完成1425亿件和1.3万亿元`: 预计 governs the sentence after it
        forecast = bool(_FORECAST_RE.search(raw_window)) or _FORECAST_LEAD.search(t, 0, n.start) is not None
        # period: last non-comparison period mention before the number in this sentence, else the paragraph's
        pm = None
        sent_year = None  # an explicit year earlier in the sentence (`《2023年上半年…报告》显示,上半年…`)
        asof_pm = None
        for p in periods:
            if p.end <= n.start and not p.comparison:
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
            pm = asof_pm  # `截至5月31日,今年快递业务量已达500亿件`: year to date, as of 31 May
        if pm is None and ctx.period is not None:
            if ctx.carry or (
                # `截至2023年6月，我国网民规模达10.79亿人。…网络购物用户规模达8.84亿人`: the stock date of a report
                # holds for later stocks that name no time of their own (never a forecast's `到2030年`)
                ctx.period.asof and ctx.period.kind != "now" and not ctx.period_forecast and not _OWN_TIME.search(t)
            ):
                pm = ctx.period
                # `预计2024年…将完成1715亿件；快递业务量…分别完成1425亿件`: a period carried from a forecast is still
                # the forecast's (a carry from a forecast happens only on a refer-back or after a ；)
                forecast = forecast or ctx.period_forecast
        if it.kind == "level":
            qual = _qualifier(t, masked[cb : n.start], n)
            ph = _phrase(window)
            carried = figs[-1] if figs else None
            metrics = _level_metrics(
                t,
                masked,
                ph,
                group,
                carried,
                cb,
                post_mode,
                ctx,
                [(figs[x].region, figs[x].metric) for x in last_level_group],
            )
            if metrics is None and fromto is not None and fromto.start() <= n.start < fromto.end():
                # `从2018年的1.06万亿元到2023年的2.38万亿元，5年间，我国跨境电商进出口增长了1.2倍`: both ends are
                # levels of the metric named after them
                ahead = _metric_ahead(t, masked, fromto.end())
                metrics = [("", ahead)] * len(group) if ahead else None
            if metrics is None:
                prev_end = group[-1].num.end
                i = j
                continue
            if carried is not None and not ph.metric and carried.is_forecast:
                forecast = True
            post_mode = metrics[0][1] == _post_noun(t, group[-1].num.end)
            fallback_region = sent_region or (
                carried.region if carried is not None and carried.region != "全国" else ""
            )
            metrics = [
                # `今年宁波“双11”期间，全市快递业务量…`: the unnamed 全市 is the place the sentence opened with
                (
                    sent_region if r in _CITY_WORDS and sent_region and _is_city(sent_region) else r or fallback_region,
                    _expand_generic(m, ctx),
                )
                for r, m in metrics
            ]
            start, end, label = _resolve(pm, ctx, forecast, sent_year)
            if fromto is not None and fromto.start() <= n.start < fromto.end():
                start, end, label = _from_to_period(t, n.start, pm, (start, end, label))
            elif (
                start is None
                and end is not None
                and pm is not None
                and pm.asof
                and pm.kind == "month"
                and "累计" in raw_window
                and _FLOW.search(t) is not None
            ):
                # `截至6月，移动互联网累计流量达1423亿GB，同比增长14.6%`: a running total of the year, compared with
                # the same months a year before — a flow from January, not a stock
                start = date(end.year, 1, 1)
            if start is not None and ctx.published is not None and start > ctx.published:
                forecast = True
            last_level_group = []
            for k, g_it in enumerate(group):
                gn = g_it.num
                region, metric = metrics[k]
                if not metric or len(metric) < 2 or _JUNK_METRIC.search(metric):
                    continue
                if "、" in region and _SUMMED.search(t, cb, gn.start):
                    continue  # `广东和浙江快递业务量合计完成530.4亿件`: a sum over regions is no region's figure
                if metric.endswith("业务") and gn.base_unit:
                    # `包裹业务累计完成2407万件` → 包裹业务量; `…业务完成763亿元` → …业务收入
                    metric += "收入" if gn.base_unit in _MONEY else "量"
                metric = _activity_metric(metric, gn.base_unit, t, gn.end)
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
                    is_forecast=forecast,
                    quote=quote,
                    span_start=gn.start,
                    span_end=gn.end,
                    value_decimals=gn.decimals,
                )
                figs.append(fig)
                fig_pos.append(gn.start)
                last_level_group.append(len(figs) - 1)
                ctx.metrics.append(metric)
        else:
            # growth: own metric (before any comparison phrase) or attach to the preceding figure(s)
            if _older_base(periods, pm, cb, n.start, ctx):
                # `比2019年3月份增长12.2%`: a change over two years or more, named by its base — not a yearly growth
                prev_end = group[-1].num.end
                i = j
                continue
            gw = window
            cut = _COMPARE_CUT.search(gw)
            own_raw = gw[: cut.start()] if cut else gw
            gm = _GROWTH_VERB_END.search(own_raw) or _GROWTH_RATE_END.search(own_raw)
            if gm:
                own_raw = own_raw[: gm.start()]
            ph = _phrase(own_raw)
            if len(ph.metric) < 2:
                ph.metric = ""  # `年增长45.9%`: 年 names no metric
            targets: list[int] = []
            shared = False
            # `其中杭州、宁波分别增长12%和8%`: one growth per region listed, of the metric just stated
            region_list = ph.region.split("、") if len(group) > 1 and ph.region.count("、") == len(group) - 1 else []
            multi = _multi_year_span(t, periods, n.start) if multi_year else None
            if it.kind == "growth" and _AVERAGE_RATE.search(masked[cb : n.start]):
                multi = "drop"  # `年均增速达71.4%`: a yearly average over years, neither one period's nor the span's
            if figs and multi is None and not region_list:
                cands = [x for x in (last_level_group or [len(figs) - 1])]
                free = [x for x in cands if (figs[x].growth_pct if it.kind == "growth" else figs[x].growth_pp) is None]
                if not ph.metric and len(group) > len(free):
                    free = [
                        x
                        for x in range(len(figs))
                        if figs[x].growth_pct is None
                        and figs[x].growth_pp is None
                        and figs[x].value != figs[x].growth_pct
                    ][-len(group) :]
                if not ph.metric or any(_same_metric(figs[x].metric, ph.metric) for x in free):
                    if len(group) == len(free):
                        targets = free
                    elif free:
                        targets = [x for x in free if not ph.metric or _same_metric(figs[x].metric, ph.metric)][
                            : len(group)
                        ]
                        if len(group) > len(targets):
                            targets = free[-1:] if len(group) == 1 else []
                        if (
                            len(group) == 1
                            and not ph.metric
                            and len(free) > 1
                            and set(free) <= set(last_level_group)
                            and _SHARED_GROWTH.search(masked[cb : n.start])
                        ):
                            # `快递业务量、业务收入分别完成1425亿件和1.3万亿元，增速8%左右`: one rate for the list
                            targets, shared = free, True
            if targets:
                for x, g_it in zip(targets, group * len(targets) if shared else group, strict=False):
                    if it.kind == "growth":
                        figs[x].growth_pct = g_it.growth
                    else:
                        figs[x].growth_pp = g_it.growth
                    figs[x].growth_decimals = g_it.decimals
            else:
                names: list[tuple[str, str]]
                if region_list:
                    # of which metric, when several were just stated, is not known: nothing
                    open_levels = {f.metric for f in figs if f.growth_pct is None and not is_growth_only(f)}
                    known = ph.metric or (figs[-1].metric if figs and len(open_levels) <= 1 else "")
                    names = [(r, known) for r in region_list] if known else []
                elif ph.metric and len(group) > 1 and len(ph.items) == len(group):
                    names = [(ph.region, x) for x in ph.items]
                elif ph.metric:
                    names = [(ph.region, _expand_generic(ph.metric, ctx))] * len(group)
                elif not figs and (colon := _colon_subject(t, masked, cb)) is not None:
                    names = [(colon.region, colon.metric)] * len(group)  # `网上零售额:同比增长11.5%`
                elif figs:
                    names = [(figs[-1].region, figs[-1].metric)] * len(group)
                elif ctx.metrics and _BREAKDOWN.match(t):
                    # `分季度看，二季度同比增长39.2%`: the paragraph's subject, broken down
                    names = [("", ctx.metrics[0])] * len(group)
                else:
                    names = []
                if names:
                    if multi == "drop":
                        # `过去5年增长近10倍`: a change over years it does not date is not a one-period growth;
                        # its metric still names the levels that follow (`…,2022年达2.1万亿元`)
                        undated.update(range(len(figs), len(figs) + len(group)))
                    if isinstance(multi, tuple):
                        start, end, label = multi
                    else:
                        start, end, label = _resolve(pm, ctx, forecast, sent_year)
                    if start is not None and ctx.published is not None and start > ctx.published:
                        forecast = True
                    for (region, metric), g_it in zip(names, group, strict=False):
                        if len(metric) < 2:
                            continue
                        gn = g_it.num
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
                            is_forecast=forecast,
                            quote=quote,
                            span_start=gn.start,
                            span_end=gn.end,
                            value_decimals=g_it.decimals,
                            growth_decimals=g_it.decimals,
                        )
                        figs.append(fig)
                        fig_pos.append(gn.start)
                last_level_group = []
        prev_end = group[-1].num.end
        i = j
    for k, f in enumerate(figs):
        if f.growth_pct is None and f.growth_pp is None and not is_growth_only(f):
            nxt = fig_pos[k + 1] if k + 1 < len(figs) else len(t)
            fm = _FLAT_AFTER.match(t, f.span_end, nxt)
            if fm and "基本" not in fm.group():
                f.growth_pct = 0.0
                f.growth_decimals = 0
    if sent_region and _is_city(sent_region):
        for f in figs:
            if f.region in _CITY_WORDS:
                f.region = sent_region  # `今年上海“五五购物节”期间，全市…`: the city the sentence opened with
    _name_parts(t, figs, fig_pos)
    _bracketed_rates(t, masked, periods, ctx, figs, quote)
    if ctx.prev_region not in ("", "全国") and _PART_LEAD.match(t) and not _NATIONAL_WORD.search(t):
        # `全省实现网络零售额1.8万亿元；其中，跨境电商出口额2000亿元`: a part of a local whole is local
        for f in figs:
            if f.region == "全国":
                f.region = ctx.prev_region
    if figs:
        ctx.prev_region = figs[-1].region
    out.extend(_merge_leading_growth([f for k, f in enumerate(figs) if k not in undated]))
    # update the context: the last explicit (non-comparison) year of this sentence; its leading period (`1—6月，…，
    # 6月当月增幅…`: a later sentence referring back means 1—6月), which a later sentence may take (see _Ctx.carry)
    first = None
    for p in periods:
        if p.comparison or t.startswith("以来", p.end) or t.startswith("起", p.end):
            continue  # `2022年以来`: where a span starts, not the period of what follows
        if p.year is not None and p.explicit_year:
            ctx.year = p.year
        if first is None and p.kind != "now":
            first = p
    if first is not None:
        ctx.period = first
        ctx.period_forecast = bool(_FORECAST_RE.search(t))


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


_FORECAST_LEAD = re.compile(r"(?:预计|预测|展望)\s*[，,:：]")


_AVERAGE_RATE = re.compile(r"年均|年复合|复合增长|平均增速|平均增长|平均每年")


_SHARED_GROWTH = re.compile(r"增速|均|都")


_BREAKDOWN = re.compile(r"^\s*分(?:季度|月份?|月度|季)(?:来)?看\s*[，,]")


#: a sentence that refers back to the one before (`其中，…`, `同期，…`, `在实物商品网上零售额中，…`): it may take the
#: period of the sentence before; any other sentence without a period of its own has none
#: a sentence continuing the subject of the one before: a part (`其中…`) or a subjectless clause of the same period
#: (`同期实现商品类网络购物交易额…`)
_PART_LEAD = re.compile(r"^[\s,，、]*(?:其中|同期[,，]?\s*(?:实现|完成|达到?|共|累计))")


#: a rank continuing the ranking of the sentence before in its paragraph (`美国以213亿件发货量位居第二`)
_FLOW = re.compile(r"(?:增长|下降|上涨|回落|减少|增加)[了约近超过逾]*\s*[0-9０-９.]+\s*[%％]")
