"""Reading state: what a sentence passes to the next in its paragraph (`_Ctx`: the last year and period, the
article's and publication's regions, whether the sentence refers back) and the sentence being read (`_Sentence`:
its folded and masked text, periods, numbers and the figures found so far); `_resolve` dates a period mention.

Created by extract (one `_Ctx` per article); read and updated by sentence, growth, naming and multiyear."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.services.figures.model import ExtractedFigure
from bot.services.figures.numbers import Number
from bot.services.figures.periods import PeriodMention


@dataclass(slots=True)
class _Ctx:
    published: date | None
    year: int | None = None  # last explicit year seen in the paragraph
    story_year: int | None = None  # last explicit year seen in the story (kept across paragraphs)
    period: PeriodMention | None = None  # last period seen in the paragraph
    #: the period of the last whole stated (not in a part `其中…` or a breakdown `分类别看…`): what a breakdown of
    #: that whole refers back to
    whole_period: PeriodMention | None = None
    whole_metric: str = ""  # the metric of that whole (`分季度看，一至四季度同比分别增长…` breaks it down)
    whole_region: str = ""  # and its region: a breakdown of a provincial whole (`从经营单位所在地看，…`) is provincial
    breakdown_scope: str = ""  # the surveyed population (限额以上) the breakdown's earlier clauses were of
    after_semicolon: bool = False  # this sentence is a clause after `；` (it goes on with the one before)
    in_breakdown: bool = False  # the last sentence broke the whole down (a clause after `；` goes on doing so)
    in_parts: bool = False  # the last sentence named parts of the whole (`其中，…；…`, `分细项看，…`)
    month: int = 0  # last month named in the paragraph (any date: `峰值出现在11月11日`), for days named without one
    metrics: list[str] = field(default_factory=list)  # metrics seen in the paragraph
    article_metrics: set[str] = field(default_factory=set)  # metrics seen in the article so far
    region: str = ""  # the article's region (from its title or lead): figures naming no region of their own
    home: str = ""  # the region the publication is named after (义乌商报 → 义乌): what 我市/全市 mean there
    prev_region: str = ""  # region of the last figure of the paragraph's previous sentence (for `其中…`)
    #: the one place the paragraph opens with (`广东省春节期间旅游市场同样不俗。…`): what its sentences naming no place
    #: are about
    para_place: str = ""
    prev_metric: str = ""  # metric of the last figure of the paragraph's previous sentence (for `；1-8月份增长…`)
    prev_unit: str = ""  # and its base unit
    carry: bool = False  # this sentence refers back (其中, 同期 …, or follows a ；): it may take ctx.period
    period_text: str = ""  # the sentence ctx.period was stated in
    period_forecast: bool = False  # ctx.period was stated in a forecast (`预计到2030年…`): never carried as a stock
    stock_period: PeriodMention | None = None  # the last report date stated (`截至2017年12月`), outside a forecast
    sentence: str = ""  # the (folded) sentence being read
    list_whole: str = ""  # the whole a list of bare kinds' amounts was named in (`在实物型网络零售额中分别占…`)
    #: spans of days the article dated in brackets (`双“11”期间（11月11日至11月20日）`), by name (双11): a later
    #: paragraph naming the span again (`双“11”期间，…`) means those days
    dated_spans: dict[str, PeriodMention] = field(default_factory=dict)
    #: a span whose day the text counted (`10月4日，国庆长假进入第4天`): (month, that day, which day of the span)
    day_count: tuple[int, int, int] | None = None
    #: the month a fixed-date holiday the article names starts in (国庆/十一 → 10, 五一/劳动节 → 5): its `前4天`,
    #: `4日当天` are days of that month
    holiday_month: int = 0
    #: the period a sentence announcing a list of points was about (`一季度，…呈现以下特点：`): the period of each
    #: point (`一是…`, `二是…`) that states none of its own
    points_period: PeriodMention | None = None


#: a named span of days the period reader cannot date (`春节期间`, `国庆假期`, `网上年货节期间`, `黄金周期间`)
#: (`端午假期，…`: a holiday is a span of days without 期间 too)
NAMED_SPAN = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,8}?(?:(?:节|假期|黄金周|旺季|活动)(?=期间|期内|当天|当日|前后)|假期|长假|黄金周))"
)

#: the name of a span of days right before `期间` (`今年双“11”期间` → 双11), without its year or quotes
_SPAN_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff“”\"「」0-9]{2,10}?)(?:期间|期内)$")
_SPAN_NAME_NOISE = re.compile(r"^(?:今年|去年|明年|本年度|(?:19|20)\d{2}年)|[“”\"「」]")


def span_name(before: str) -> str:
    """The name of the span whose `期间` ends `before` (`…今年双“11”期间` → 双11), '' when there is none."""
    m = _SPAN_NAME.search(before)
    if m is None:
        return ""
    name = _SPAN_NAME_NOISE.sub("", re.split(r"[，,。；;：:、（(]", m.group("name"))[-1])
    return name if len(name) >= 2 and not name.isdigit() else ""


#: a sentence with a time of its own that is not a period (`目前`, `未来10年`, `近年来`): no stock date carried
_OWN_TIME = re.compile(r"目前|当前|现在|如今|未来|近年|以来|过去|此前|曾经|将|预计|计划|有望|力争|累计")


def _resolve(
    pm: PeriodMention | None, ctx: _Ctx, forecast: bool, year: int | None = None
) -> tuple[date | None, date | None, str]:
    if pm is None:
        return None, None, ""
    if year is None:
        # (an undated article: a year of its own earlier paragraphs, `2016年，…。` then `全年快递…`, is the one a
        # period of a later paragraph without its year falls in — there is no date to resolve it against; but not
        # a year counted from the unknown date, `今年以来`/`去年`: `2022年…。今年以来…` may well be 2023)
        year = ctx.year if ctx.year is not None or ctx.published is not None or pm.rel else ctx.story_year
    start, end = pm.resolve(ctx.published, year, future_ok=forecast)
    return start, end, pm.label


@dataclass(slots=True)
class _Sentence:
    """One sentence being read: its folded text, what is masked out of it, and the figures found so far."""

    quote: str  # the sentence as written (stored as each figure's quote)
    t: str  # width-folded; offsets are the quote's
    masked: str  # `t` with dates, times, spans of years and brackets blanked out (see _mask)
    periods: list[PeriodMention]
    numbers: list[Number]
    multi_year: bool  # the sentence mentions a span of several years (`过去5年`, `2012年以来`)
    sent_region: str  # the region the sentence opens with, if any
    fromtos: tuple[re.Match[str], ...]  # each `从2018年的1.06万亿元到2023年的2.38万亿元` of the sentence, in order
    figs: list[ExtractedFigure] = field(default_factory=list)
    #: years that only name a holiday (`今年春节`, `2017年春节期间`): the figure is of that holiday, not of the year
    holiday_years: tuple[int | None, ...] = ()
    fig_pos: list[int] = field(default_factory=list)  # start offset of each figure's number
    last_level_group: list[int] = field(default_factory=list)  # indices into figs of the last list of levels
    undated: set[int] = field(default_factory=set)  # indices into figs of changes over undated spans of years
    post_mode: bool = False  # the last level took the noun after its number as its metric (`完成1100亿件快递业务量`)
    prev_metric: str = ""  # the last metric stated before this sentence in its paragraph (what `其中，…` refers to)
    prev_whole: str = ""  # the last one that is no share (`…，占出口总值的59.2%；其中，…`: the parts are of the whole)
    #: a bare rate (`增幅收窄至15.6%，销售额增加至873.45亿元`) waiting for the level its sentence states next: (rate,
    #: decimals, offset after the rate)
    pending_rate: tuple[float, int, int] | None = None

    def fromto_at(self, pos: int) -> re.Match[str] | None:
        """The `从A到B` whose two ends hold offset `pos`, if any."""
        return next((m for m in self.fromtos if m.start() <= pos < m.end()), None)

    def fromto_before(self, pos: int) -> re.Match[str] | None:
        """The last `从A到B` that ends before offset `pos`, if any."""
        return next((m for m in reversed(self.fromtos) if m.end() <= pos), None)
