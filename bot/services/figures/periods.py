"""Period expressions in Chinese statistical prose, resolved to (start, end) dates.

Input is width-folded text (see `bot.services.figures.numbers.fold`). Recognised, with an optional `截至/截止/到`
prefix (which makes the period a stock *as of* its end: `start` is None):

* years: `2022年`, `2023 上半年` (a bare 4-digit year directly before a sub-period), `今年/去年/上年/明年/前年`,
  `当年/本年` (= the context year), `次年/翌年` (the year after it), year ranges `2012-2022年`, `2023 年至 2027 年`;
* sub-periods: `上半年/下半年`, `一季度/第二季度/Q3/首季`, `前三季度/首三季/一至三季度`, `12月中旬` (as of the 20th), `1月至7月/1-7月/1—7月`, `前7个月/首两个月`,
  `8月/8月份`, `6月底/6月末`, `二季度末`, `年底/年末`, `全年`;
* as-of days: `截至5月31日`, `截至2023年6月28日`; `截至目前/截至当前/至今` (= the publication date);
* spans of days `11月1日至11日`, `11月11日至16日`, and one day `11月11日当天`;
* holidays whose days vary by year (`五一假期`, `端午节期间`, `春节假期`, `中秋假期`, `中秋国庆假期`, `端午节当天`): the year's
  statutory span or festival day from tables (`holiday_span`; a year they do not hold stays unresolved).

Resolution: an explicit year wins; relative years count from the publication year; a sub-period without a year
takes the context year (the last explicit year seen earlier in the sentence or paragraph), else the publication
year — and if that would put the end of a past-tense period after the publication date, the previous year. With
neither a year nor a publication date the period stays unresolved (dates None, label kept): nothing is invented.

    find_periods(text, published, context_year) -> list[PeriodMention]

Used by sentence (each sentence's periods), context (resolving), growth, multiyear and tables.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_CN_DIGIT = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}

_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1}

#: a year: `2017年`, or bare before a part of it or a holiday (`2017上半年`, `2017春节`), or relative (`今年`)
_Y = r"(?:(?P<y>(?:19|20)\d{2})\s*年(?:度)?|(?P<yb>(?:19|20)\d{2})\s*(?=上半年|下半年|前半年|前[三3]季度|全年|第?[一二三四]季度|年底|年末|春节|国庆|元旦|中秋|端午|清明|五一|劳动节)|(?P<rel>今年|本年|去年|(?<!网)上一?年(?!货)|前年|明年|当年|(?<![首一两二三四五六七八九十多每再层届批名档本该此这上下历])次年|翌年))"
_SUB = (
    r"(?P<half>上半年|下半年|前半年)"  # `前半年`: the first half in older and spoken usage
    r"|(?P<q3>[前首][三3]\s*季度?)"  # `前三季` (Taiwan, Hong Kong), `前3季度`: the first three quarters
    r"|(?P<q1>首季度?)"  # `今年首季` (Hong Kong usage): the first quarter
    r"|(?P<qa>[一1])\s*(?:至|到|—|-|–|~|－)\s*(?P<qb>[二三四2-4])\s*季度"  # `一至三季度`: from January
    r"|第?(?P<q>[一二三四1-4])\s*季度(?P<qend>末|底)?"
    r"|Q(?P<qq>[1-4])"
    r"|(?P<m1>\d{1,2})\s*(?:月份?)?\s*(?:至|到|-|—|–|~|－)\s*(?P<m2>\d{1,2})\s*月(?:份)?"  # `1月份至2月份` too
    r"|[前首]\s*(?P<mn>\d{1,2}|十[一二]?|[一二三四五六七八九两])\s*个?月"
    r"|(?P<m>\d{1,2})\s*月(?:份)?(?:\s*(?P<d>\d{1,2})\s*[日号])?(?P<mend>底|末|初|上旬|中旬|下旬)?"
    r"|(?P<ye>年底|年末|底|末)"
    r"|(?P<full>全年)"
)
#: `目前全国网络购物用户规模已达2.1亿`: a count of users (a stock) said to stand now — as of the publication date
_NOW_USERS = re.compile(
    r"[\u4e00-\u9fff]{0,12}?(?:用户|网民|网购人数)(?:规模|数量|人数|数)?\s*已?(?:达到?|超过?|突破|为)\s*\d"
)
#: spans of days (`11月1日至11日`): only tried on sentences naming a day (日/号), most do not
_DAYS = (
    r"(?P<dm>\d{1,2})\s*月\s*(?P<dd1>\d{1,2})\s*[日号]?\s*(?:至|到|-|—|–|~|－)\s*(?:(?P<dm2>\d{1,2})\s*月\s*)?"
    r"(?P<dd2>\d{1,2})\s*[日号]|"
)


def _period_re(days: str) -> re.Pattern[str]:
    return re.compile(
        r"(?=[截止到至目当现今本去上前首明全年第Q下一二三四次翌0-9])"  # cheap first-character filter
        r"(?P<asof>截至|截止至|截止到|截止|到)?\s*"
        r"(?:(?P<yr1>(?:19|20)\d{2})\s*(?:年)?\s*(?:-|—|–|~|至|到)\s*(?P<yr2>(?:19|20)\d{2})\s*年"
        r"|(?P<now>目前|当前|现在|至今)"
        r"|(?:" + _Y + r")?\s*(?:" + days + _SUB + r")?)"
    )


PERIOD_RE = _period_re("")
PERIOD_DAYS_RE = _period_re(_DAYS)

#: comparison bases (`较2022年12月`, `比上年`, `与去年同期相比`) are not the period of a figure
_COMPARE_BEFORE = re.compile(
    r"(?:较|比|与|相较于?|相比|对比|同比|自|从|始于|成立于|起)"
    # `与2019年、2020年、2021年农历同期相比`: every year of a list of bases is a base
    r"(?:\s*(?:19|20)\d{2}\s*年\s*[、和及]\s*)*\s*$"
)

#: `由 2007 年的 52.9%提升至…`: a period directly followed by its own value is a starting level, not a base
_FROM_VALUE = re.compile(r"\s*的\s*(?:近|约|超过|超|逾|达|仅)?\s*\d")

#: an event held on the days just named (`…在青岛举办`, `举行`, `召开`)
_EVENT_AFTER = re.compile(r"[^。；;]{0,30}?(?:举办|举行|召开|开幕|闭幕|开展|亮相)")


@dataclass(slots=True)
class PeriodMention:
    start: int  # offsets in the sentence
    end: int
    label: str
    year: int | None  # explicit or relative year (resolved), None when the year must come from context
    explicit_year: bool
    kind: str  # year | half | quarter | q3 | months | month | asof | yearrange | now
    a: int = 0  # kind-specific: first month / half / quarter
    b: int = 0  # last month
    day: int = 0
    day2: int = 0  # last day of a span of days (`11月1日至11日`)
    asof: bool = False
    comparison: bool = False
    rel: bool = False  # year given relative to publication (今年/去年)
    #: `由2015年的90.1%升至95.1%`: the period of the starting value only, not of the level it rose to
    from_value: bool = False
    #: `截至12月20日，2016年快递业务量已突破300亿件`: as of a day, counted from the start of the year named after it
    year_to_date: bool = False
    holiday: str = ""  # kind `holiday`: 五一 / 端午 / 春节 / 中秋 / 中秋国庆 (a span by the year's calendar), or `…当天` (one day)
    #: kind `holiday`: only its first days (`“五一”假期前3天`): counted from the day the year's holiday began
    first_days: int = 0

    def resolve(
        self, published: date | None, context_year: int | None, *, future_ok: bool = False
    ) -> tuple[date | None, date | None]:
        """Start/end dates; (None, None) when the year cannot be known."""
        if self.kind == "now":
            return (None, published)
        if self.kind == "yearrange":
            return (date(self.a, 1, 1), date(self.b, 12, 31))
        year = self.year
        if self.kind == "lunar" and (year if year is not None else context_year or (published.year if published else 0)) not in SPRING_FESTIVAL:
            return (None, None)  # a lunar span of a year the table does not hold: not invented
        if self.kind == "holiday":
            return self._holiday(published, context_year)
        guessed = False
        if year is None:
            year = context_year
        if year is None and published is not None:
            year = published.year
            guessed = True
        if year is None:
            return (None, None)
        start: date | None
        start, end = self._span(year)
        if (
            guessed
            and not future_ok
            and published is not None
            and end > published
            and (self.kind != "year" or self.label == "全年")
        ):
            start, end = self._span(year - 1)
        if self.asof:
            start = date(end.year, 1, 1) if self.year_to_date else None
        return (start, end)

    def _holiday(self, published: date | None, context_year: int | None) -> tuple[date | None, date | None]:
        """The holiday's days in its year (written, else the context's, else the publication's — the last one before
        the story when this year's has not begun); (None, None) for a year the tables do not hold."""
        year = self.year if self.year is not None else context_year
        if year is None and published is not None:
            year = published.year
            span = holiday_span(self.holiday, year)
            # has this year's holiday begun? (a 中秋 inside 国庆 has no span of its own, but its day)
            day = holiday_span(self.holiday.removesuffix("当天") + "当天", year)
            first = span[0] if span is not None else day[0] if day is not None else None
            if first is not None and first > published:
                year -= 1
        if year is None:
            return (None, None)
        span = holiday_span(self.holiday, year)
        if span is None:
            return (None, None)
        if self.holiday == "双节" and published is not None and not -30 <= (published - span[0]).days <= 90:
            return (None, None)  # a bare `双节` far from that autumn span (元旦春节, the winter pair) is not dated
        return first_days(span, self.first_days) if self.first_days else span

    def _span(self, year: int) -> tuple[date, date]:
        k = self.kind
        if k == "year":
            return date(year, 1, 1), date(year, 12, 31)
        if k == "yearend":
            return date(year, 1, 1), date(year, 12, 31)
        if k == "half":
            return (date(year, 1, 1), date(year, 6, 30)) if self.a == 1 else (date(year, 7, 1), date(year, 12, 31))
        if k == "quarter":
            m0 = 3 * (self.a - 1) + 1
            return date(year, m0, 1), _month_end(year, m0 + 2)
        if k == "q3":
            return date(year, 1, 1), date(year, 9, 30)
        if k == "months":
            return date(year, self.a, 1), _month_end(year, self.b)
        if k == "days":
            y0 = y1 = year
            if self.a > self.b:  # across the new year
                y0, y1 = (year, year + 1) if self.explicit_year else (year - 1, year)
            last = min(self.day2, calendar.monthrange(y1, self.b)[1])
            return date(y0, self.a, min(self.day, calendar.monthrange(y0, self.a)[1])), date(y1, self.b, last)
        if k == "lunar":
            eve = SPRING_FESTIVAL[year] - timedelta(days=1)
            return eve, eve + timedelta(days=self.b)
        if k == "month":
            if self.day:
                d = min(self.day, calendar.monthrange(year, self.a)[1])
                return date(year, self.a, d), date(year, self.a, d)
            return date(year, self.a, 1), _month_end(year, self.a)
        raise ValueError(k)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _cn_int(s: str) -> int:
    return int(s) if s.isdigit() else _CN_DIGIT.get(s, 0)


#: a span of days with no month (`12日-15日`), alone in brackets
_DAYS_ONLY_RE = re.compile(r"(?<=[（(])\s*([0-9]{1,2})\s*日\s*(?:-|—|–|~|～|至|到)\s*([0-9]{1,2})\s*日\s*(?=[)）])")
#: a five-year plan's period (`“十二五”期间` → 2011—2015)
_PLAN_RE = re.compile(r"[“\"「]?\s*十\s*([一二三四五])\s*五\s*[”\"」]?\s*(?:规划)?\s*(?:期间|时期)")
#: `“双11”` / `“双十二”`: the shopping festival of 11 November / 12 December
_FESTIVAL_DAY = re.compile(r"[“\"「]?\s*双\s*(11|十一|12|十二)\s*[”\"」]?(?!\s*(?:期间|前后|以来|之前|之后|预售|活动期))")

#: a year naming a festival after it (`2016年的“双11”`, `2016年“双十一”`)
_YEAR_OF_FESTIVAL = re.compile(r"\s*的?\s*[“\"「‘]?\s*双\s*(?:11|十一|12|十二)\s*[”\"」’]?")

#: the month before the story's (`上月`, `上个月`; not `上月底`, an as-of day, nor `比上月`, a base)
_LAST_MONTH_RE = re.compile(r"(?<![比较与])上个?月(?![底末初份中旬])")

#: the figure is of one day (`全天`, `当天`, `当日`, `单日`)
_ONE_DAY_NEAR = re.compile(r"[^。；;]{0,20}?(?:全天|当天|当日|单日)")

_PLAN_FIRST_YEAR = {"一": 2006, "二": 2011, "三": 2016, "四": 2021, "五": 2026}


def find_periods(text: str, published: date | None, context_year: int | None = None) -> list[PeriodMention]:
    """Every period mention in `text` (a width-folded sentence), in order."""
    out = _find_periods(text, published, context_year)
    if published is not None and "日" in text:
        # `“双十二”期间（12日-15日）` in a story of 16 December: a span of days without its month is in the month of
        # the story (or the month before, when those days are still to come)
        for m in _DAYS_ONLY_RE.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in out):
                continue
            d1, d2 = int(m.group(1)), int(m.group(2))
            if not (1 <= d1 < d2 <= 31):
                continue
            year, month = published.year, published.month
            if d2 > published.day:
                year, month = (year, month - 1) if month > 1 else (year - 1, 12)
            label = re.sub(r"\s+", "", m.group())
            out.append(PeriodMention(m.start(), m.end(), label, year, True, "days", month, month, d1, d2))
        out.sort(key=lambda p: p.start)
    if "日" in text:
        out = _day_spans(text, out)
    if "除夕" in text:
        out = _lunar_spans(text, out)
    if any(w in text for w in ("五一", "劳动节", "端午", "中秋", "春节", "国庆", "十一", "双节")):
        out = _holiday_spans(text, out)
    if "双" in text:
        # `在刚刚过去的“双12”，…全天共揽收快递包裹1.76亿件`: the day of the festival, when the text says one day
        for m in _FESTIVAL_DAY.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in out):
                continue
            if not _ONE_DAY_NEAR.match(text, m.end(), m.end() + 24):
                continue
            md = 11 if m.group(1) in ("11", "十一") else 12
            # the year: the sentence's (`2015年“双11”当天`), the paragraph's, else the last festival before the story
            label = f"{md}月{md}日"
            out.append(PeriodMention(m.start(), m.end(), label, context_year, context_year is not None, "month", md, 0, md))
        out.sort(key=lambda p: p.start)
        if len(out) == 1 and out[0].kind == "year" and _YEAR_OF_FESTIVAL.match(text, out[0].end):
            # `2016年的“双11”全网交易额`: the year names the festival, not the figure's period, and the festival's span
            # is not given (the day itself, or weeks of presales before it)
            out = []
    if published is not None and "上" in text and "月" in text:
        # `上月，全国网上零售额…`: the month before the story's
        for m in _LAST_MONTH_RE.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in out):
                continue
            y, mo = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
            comparison = bool(_COMPARE_BEFORE.search(text, 0, m.start())) or text.startswith("同期", m.end())
            out.append(PeriodMention(m.start(), m.end(), m.group(), y, True, "month", mo, comparison=comparison))
        out.sort(key=lambda p: p.start)
    if "五" in text:
        for m in _PLAN_RE.finditer(text):
            if any(p.start < m.end() and m.start() < p.end for p in out):
                continue
            first = _PLAN_FIRST_YEAR[m.group(1)]
            label = re.sub(r"\s+", "", m.group())
            out.append(PeriodMention(m.start(), m.end(), label, None, True, "yearrange", first, first + 4))
        out.sort(key=lambda p: p.start)
    return out


#: a span of days whose ends carry a bracketed note (`1月10日（腊月初八）至2月7日（正月初七）`), or that opens with
#: `自…以来` and closes with an as-of day (`自1月17日春运开始以来，截至2月6日`): one span from the first day to the last
_NOTED_SPAN_RE = re.compile(
    r"(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]\s*[（(][^（()）]{1,10}[)）]\s*(?:至|到|-|—|–|~|－)\s*"
    r"(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*[日号](?:\s*[（(][^（()）]{1,10}[)）])?"
    r"|(?:自|从)\s*(?P<sm1>\d{1,2})\s*月\s*(?P<sd1>\d{1,2})\s*[日号][^，,。；;]{0,12}?以来\s*[，,]?\s*"
    r"(?:截至|截止到|截止至|截止|至|到)\s*(?:(?P<sm2>\d{1,2})\s*月\s*)?(?P<sd2>\d{1,2})\s*[日号]"
)


def _day_spans(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    for m in _NOTED_SPAN_RE.finditer(text):
        m1 = int(m.group("m1") or m.group("sm1"))
        d1 = int(m.group("d1") or m.group("sd1"))
        m2s = m.group("m2") or m.group("sm2")
        m2 = int(m2s) if m2s else m1
        d2 = int(m.group("d2") or m.group("sd2"))
        across = m1 >= 11 and m2 <= 2
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31 and ((m1, d1) < (m2, d2) or across)):
            continue
        # the year: one written right before the span (`在今年1月10日…`), else the context's / the publication's
        year, explicit, rel = None, False, False
        kept = []
        for p in out:
            if p.start < m.end() and m.start() < p.end:
                continue  # the span replaces what was read inside it (`截至2月6日` alone was an as-of day)
            if p.kind == "year" and p.explicit_year and p.end <= m.start() and not text[p.end : m.start()].strip():
                year, explicit, rel = p.year, True, p.rel
                continue
            kept.append(p)
        label = re.sub(r"\s+", "", m.group())
        kept.append(PeriodMention(m.start(), m.end(), label, year, explicit, "days", m1, m2, d1, d2, rel=rel))
        out = sorted(kept, key=lambda p: p.start)
    return out


#: the first day of the lunar year (正月初一), by Gregorian year
SPRING_FESTIVAL = {
    y: date(y, m, d)
    for y, m, d in (
        (2000, 2, 5), (2001, 1, 24), (2002, 2, 12), (2003, 2, 1), (2004, 1, 22), (2005, 2, 9), (2006, 1, 29),
        (2007, 2, 18), (2008, 2, 7), (2009, 1, 26), (2010, 2, 14), (2011, 2, 3), (2012, 1, 23), (2013, 2, 10),
        (2014, 1, 31), (2015, 2, 19), (2016, 2, 8), (2017, 1, 28), (2018, 2, 16), (2019, 2, 5), (2020, 1, 25),
        (2021, 2, 12), (2022, 2, 1), (2023, 1, 22), (2024, 2, 10), (2025, 1, 29), (2026, 2, 17), (2027, 2, 6),
        (2028, 1, 26), (2029, 2, 13), (2030, 2, 3),
    )
}
#: `除夕至正月初六` (the Spring Festival holiday by the lunar calendar): from the eve to the n-th day of the new year
_LUNAR_SPAN_RE = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*年\s*(?:春节)?\s*)?(?:除夕|大年三十)\s*(?:至|到|—|-|–|~|－)\s*(?:正月|大年)?\s*初(?P<n>[一二三四五六七八九十])"
)


#: statutory holidays (the State Council's notice of each year: 五一 since 2000, 端午 since 2008, 春节 (2020's, extended by a
#: later notice, left out), 中秋 — alone, or 中秋国庆 as one
#: span where the two fell together): first and last day, by year; a year not held is not invented
_HOLIDAY_DAYS: dict[str, dict[int, tuple[tuple[int, int], tuple[int, int]]]] = {
    "五一": {
        # 2000–2007: the week-long 五一黄金周
        **{y: ((5, 1), (5, 7)) for y in range(2000, 2008)},
        2008: ((5, 1), (5, 3)), 2009: ((5, 1), (5, 3)), 2010: ((5, 1), (5, 3)), 2011: ((4, 30), (5, 2)),
        2012: ((4, 29), (5, 1)), 2013: ((4, 29), (5, 1)), 2014: ((5, 1), (5, 3)), 2015: ((5, 1), (5, 3)),
        2016: ((4, 30), (5, 2)), 2017: ((4, 29), (5, 1)), 2018: ((4, 29), (5, 1)), 2019: ((5, 1), (5, 4)),
        2020: ((5, 1), (5, 5)), 2021: ((5, 1), (5, 5)), 2022: ((4, 30), (5, 4)), 2023: ((4, 29), (5, 3)),
        2024: ((5, 1), (5, 5)), 2025: ((5, 1), (5, 5)), 2026: ((5, 1), (5, 5)),
    },
    "端午": {
        2008: ((6, 7), (6, 9)), 2009: ((5, 28), (5, 30)), 2010: ((6, 14), (6, 16)), 2011: ((6, 4), (6, 6)),
        2012: ((6, 22), (6, 24)), 2013: ((6, 10), (6, 12)), 2014: ((5, 31), (6, 2)), 2015: ((6, 20), (6, 22)),
        2016: ((6, 9), (6, 11)), 2017: ((5, 28), (5, 30)), 2018: ((6, 16), (6, 18)), 2019: ((6, 7), (6, 9)),
        2020: ((6, 25), (6, 27)), 2021: ((6, 12), (6, 14)), 2022: ((6, 3), (6, 5)), 2023: ((6, 22), (6, 24)),
        2024: ((6, 8), (6, 10)), 2025: ((5, 31), (6, 2)), 2026: ((6, 19), (6, 21)),
    },
    "中秋": {
        2008: ((9, 13), (9, 15)), 2010: ((9, 22), (9, 24)), 2011: ((9, 10), (9, 12)), 2013: ((9, 19), (9, 21)),
        2014: ((9, 6), (9, 8)), 2016: ((9, 15), (9, 17)), 2018: ((9, 22), (9, 24)), 2019: ((9, 13), (9, 15)),
        2021: ((9, 19), (9, 21)), 2022: ((9, 10), (9, 12)), 2024: ((9, 15), (9, 17)), 2026: ((9, 25), (9, 27)),
    },
    "春节": {
        2010: ((2, 13), (2, 19)), 2011: ((2, 2), (2, 8)), 2012: ((1, 22), (1, 28)), 2013: ((2, 9), (2, 15)),
        2014: ((1, 31), (2, 6)), 2015: ((2, 18), (2, 24)), 2016: ((2, 7), (2, 13)), 2017: ((1, 27), (2, 2)),
        2018: ((2, 15), (2, 21)), 2019: ((2, 4), (2, 10)), 2021: ((2, 11), (2, 17)), 2022: ((1, 31), (2, 6)),
        2023: ((1, 21), (1, 27)), 2024: ((2, 10), (2, 17)), 2025: ((1, 28), (2, 4)), 2026: ((2, 15), (2, 23)),
    },
    "国庆": {
        # 2000–2025 (years with 中秋 inside it give the joined span); 2008 moved to 29 September
        **{y: ((10, 1), (10, 7)) for y in range(2000, 2026)},
        2008: ((9, 29), (10, 5)), 2009: ((10, 1), (10, 8)), 2012: ((9, 30), (10, 7)), 2017: ((10, 1), (10, 8)),
        2020: ((10, 1), (10, 8)), 2023: ((9, 29), (10, 6)), 2025: ((10, 1), (10, 8)),
    },
    "中秋国庆": {
        2009: ((10, 1), (10, 8)), 2012: ((9, 30), (10, 7)), 2017: ((10, 1), (10, 8)), 2020: ((10, 1), (10, 8)),
        2023: ((9, 29), (10, 6)), 2025: ((10, 1), (10, 8)),
    },
}
#: the festival days of the lunar calendar (五月初五, 八月十五), by Gregorian year (`端午节当天`)
_FESTIVAL_DATES: dict[str, dict[int, tuple[int, int]]] = {
    "端午": {
        2010: (6, 16), 2011: (6, 6), 2012: (6, 23), 2013: (6, 12), 2014: (6, 2), 2015: (6, 20), 2016: (6, 9),
        2017: (5, 30), 2018: (6, 18), 2019: (6, 7), 2020: (6, 25), 2021: (6, 14), 2022: (6, 3), 2023: (6, 22),
        2024: (6, 10), 2025: (5, 31), 2026: (6, 19), 2027: (6, 9), 2028: (5, 28), 2029: (6, 16), 2030: (6, 5),
    },
    "中秋": {
        2010: (9, 22), 2011: (9, 12), 2012: (9, 30), 2013: (9, 19), 2014: (9, 8), 2015: (9, 27), 2016: (9, 15),
        2017: (10, 4), 2018: (9, 24), 2019: (9, 13), 2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29),
        2024: (9, 17), 2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12),
    },
}


def first_days(span: tuple[date, date], k: int) -> tuple[date, date]:
    """The first `k` days of a holiday's `span` (`“五一”假期前3天`), never past its last day."""
    return span[0], min(span[1], span[0] + timedelta(days=k - 1))


def holiday_span(name: str, year: int) -> tuple[date, date] | None:
    """The days of a holiday (`五一`, `端午`, `中秋`, `中秋国庆`) or of one festival day (`端午当天`) in `year`."""
    if name.endswith("当天"):
        h = name[:-2]
        if h in ("五一", "国庆"):
            return (date(year, 5, 1),) * 2 if h == "五一" else (date(year, 10, 1),) * 2
        md = _FESTIVAL_DATES.get(h, {}).get(year)
        return (date(year, *md), date(year, *md)) if md else None
    if name == "双节":
        name = "中秋国庆"  # `“双节”期间` in a year 中秋 and 国庆 made one span (see _holiday for the season)
    days = _HOLIDAY_DAYS.get(name, {}).get(year)
    return (date(year, *days[0]), date(year, *days[1])) if days else None


#: a holiday named with its span (`“五一”假期`, `端午节放假期间`, `中秋小长假`, `中秋国庆假期`) or its day (`端午节当天`)
_HOLIDAY_RE = re.compile(
    r"[“\"「‘]?\s*(?P<h>五一\s*[”\"」’]?\s*(?:国际)?劳动节|五一|劳动节|端午|春节|中秋(?:节)?\s*[、和与及]?\s*国庆|国庆(?:节)?\s*[、和与及]?\s*中秋|中秋|国庆|(?<!双)[“\"「‘]\s*十一\s*[”\"」’]|(?<![双第])十一(?=\s*(?:黄金周|长假|小长假|假期))|"
    # a bare `“双节”` (resolved as 中秋国庆 near that season only, see PeriodMention._holiday)
    r"(?<![中秋国庆节”\"」’])[“\"「‘]?双节)(?:节)?\s*[”\"」’]?\s*(?:[“\"「‘]?(?:双节|两节)[”\"」’]?)?\s*"
    r"(?:(?P<span>小长假|长假|假期|黄金周|(?:放假|节日|节假日|假日)?期间|放假)|(?P<day>当天|当日|全天))"
)
#: what makes a holiday a base of comparison (`比五一放假期间`, `与去年中秋假期相比`)
_HOLIDAY_BASE_AFTER = re.compile(r"\s*(?:的[^，,；;。]{0,12})?(?:相比|同期|相较|比较)")


def _holiday_spans(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    for m in _HOLIDAY_RE.finditer(text):
        if any(p.start < m.end() and m.start() < p.end for p in out):
            continue
        h = re.sub(r"[\s节、和与及“”\"「」‘’]", "", m.group("h"))
        h = "双节" if h == "双" else h
        h = {"劳动": "五一", "五一劳动": "五一", "五一国际劳动": "五一", "国庆中秋": "中秋国庆", "春": "春节"}.get(h, h)
        h = "国庆" if h.strip("“\"「‘") == "十一" else h  # `“十一”黄金周`: the National Day holiday
        if m.group("day"):
            if h == "中秋国庆":
                continue
            h += "当天"
        start = m.start()
        year, explicit, rel = None, False, False
        kept = []
        for p in out:
            # `今年“五一”假期`, `2023年端午节期间`: the year names the holiday's year
            if p.kind == "year" and p.end <= m.start() and not re.sub(r"[\s的“\"「‘]", "", text[p.end : m.start()]):
                year, explicit, rel, start = p.year, p.year is not None, p.rel, p.start
                continue
            kept.append(p)
        after = text[m.end() : m.end() + 4]
        if any(p.kind == "days" and m.end() <= p.start <= m.end() + 3 for p in kept) and re.match(r"\s*[（(]", after):
            continue  # `端午节放假期间（6月3日-5日）`: the days the text gives are the holiday's
        comparison = bool(_COMPARE_BEFORE.search(text, 0, start)) or bool(_HOLIDAY_BASE_AFTER.match(text, m.end()))
        label = re.sub(r"\s+", "", text[start : m.end()])
        pm = PeriodMention(start, m.end(), label, year, explicit, "holiday", comparison=comparison, rel=rel)
        pm.holiday = h
        out = sorted([*kept, pm], key=lambda p: p.start)
    return out


def _lunar_spans(text: str, out: list[PeriodMention]) -> list[PeriodMention]:
    for m in _LUNAR_SPAN_RE.finditer(text):
        if any(p.start < m.end() and m.start() < p.end for p in out if p.kind != "year"):
            continue
        out = [p for p in out if not (p.start < m.end() and m.start() < p.end)]
        year = int(m.group("y")) if m.group("y") else None
        label = re.sub(r"\s+", "", m.group())
        out.append(PeriodMention(m.start(), m.end(), label, year, year is not None, "lunar", 0, _cn_int(m.group("n"))))
        out.sort(key=lambda p: p.start)
    return out


def _find_periods(text: str, published: date | None, context_year: int | None = None) -> list[PeriodMention]:
    out: list[PeriodMention] = []
    pattern = PERIOD_DAYS_RE if ("日" in text or "号" in text) else PERIOD_RE
    for m in pattern.finditer(text):
        if m.end() == m.start() or not m.group().strip():
            continue
        g = m.groupdict()
        asof = bool(g["asof"])
        if g["asof"] == "到" and not (g["y"] or g["rel"] or g["m"] or g["ye"]):
            continue
        s, e = m.start(), m.end()
        if g["asof"] in ("到", "至") and _FROM_VALUE.match(text, e):
            # `从2018年的1.06万亿元到2023年的2.38万亿元`: the year of the end value, not "as of"
            asof = False
            s = m.start("asof") + len(g["asof"])
        if not g["asof"] or not asof:
            s = m.start() + (len(m.group()) - len(m.group().lstrip()))
        label = re.sub(r"\s+", "", text[s:e])
        comparison = (
            (bool(_COMPARE_BEFORE.search(text, 0, s)) and not _FROM_VALUE.match(text, e))
            or text.startswith("同期", e)
            # `与2014年上半年相比`; but `与2014年上半年的10856亿元相比` dates the base value written after it
            or (bool(re.match(r"\s*(?:的[^，,；;。]{0,12})?相比", text[e : e + 16])) and not _FROM_VALUE.match(text, e))
        )
        from_value = bool(re.search(r"(?:由|从)\s*$", text[max(0, s - 2) : s])) and bool(_FROM_VALUE.match(text, e))
        if g["yr1"]:
            out.append(
                PeriodMention(s, e, label, None, True, "yearrange", int(g["yr1"]), int(g["yr2"]), comparison=comparison)
            )
            continue
        if g["now"]:
            if not asof and g["now"] != "至今" and not (g["now"] == "目前" and _NOW_USERS.match(text, e)):
                continue
            out.append(PeriodMention(s, e, label, None, False, "now", asof=True, comparison=comparison))
            continue
        year: int | None = None
        explicit = False
        rel = False
        if g["y"] or g["yb"]:
            year = int(g["y"] or g["yb"])
            explicit = True
        elif g["rel"]:
            if g["rel"] in ("当年",):
                year = context_year
            elif g["rel"] in ("次年", "翌年"):
                # `2019年…全年进口量约870万台，次年进口量突破2500万台`: the year after the one in context
                year = context_year + 1 if context_year is not None else None
            elif published is not None:
                year = published.year + _REL_YEAR[g["rel"]]
            rel = True
            explicit = year is not None
        has_year = bool(g["y"] or g["yb"] or g["rel"])
        pm = PeriodMention(s, e, label, year, explicit, "year", asof=asof, comparison=comparison, rel=rel)
        pm.from_value = from_value
        if g["half"]:
            pm.kind, pm.a = "half", (1 if g["half"] in ("上半年", "前半年") else 2)
        elif g["q3"]:
            pm.kind = "q3"
        elif g["q1"]:
            pm.kind, pm.a = "quarter", 1
        elif g["qa"]:
            pm.kind, pm.a, pm.b = "months", 1, 3 * _cn_int(g["qb"])
        elif g["q"] or g["qq"]:
            pm.kind, pm.a = "quarter", _cn_int(g["q"] or g["qq"])
            if g["qend"]:
                pm.asof = True
        elif g.get("dm"):
            a, b = int(g["dm"]), int(g["dm2"] or g["dm"])
            d1, d2 = int(g["dd1"]), int(g["dd2"])
            # `元旦假期（12月30日至1月1日）`: a span across the new year (its year is the end's, unless written
            # before the start: `2023年12月30日至1月1日`)
            across = a >= 11 and b <= 2
            if not (1 <= a <= 12 and 1 <= b <= 12 and 1 <= d1 <= 31 and 1 <= d2 <= 31 and ((a, d1) < (b, d2) or across)):
                continue
            if _EVENT_AFTER.match(text, e):
                continue  # `8月31日至9月1日,…大会在青岛举办`: when an event took place, not a figure's period
            pm.kind, pm.a, pm.b, pm.day, pm.day2 = "days", a, b, d1, d2
        elif g["m1"]:
            a, b = int(g["m1"]), int(g["m2"])
            if not (1 <= a <= b <= 12):
                continue
            pm.kind, pm.a, pm.b = "months", a, b
        elif g["mn"]:
            n = _cn_int(g["mn"])
            if not 1 <= n <= 12:
                continue
            pm.kind, pm.a, pm.b = "months", 1, n
        elif g["m"]:
            mo = int(g["m"])
            if not 1 <= mo <= 12:
                continue
            if g["d"]:
                day = int(g["d"])
                # `11月11日当天`, `峰值出现在11月11日，当天…`: the figure of that one day
                one_day = re.match(r"\s*(?:当天|当日|单日|一天|全天|[，,]\s*(?:当天|当日))", text[e : e + 5]) is not None
                if not (asof or one_day) or not 1 <= day <= 31:
                    continue  # a plain date (event day) is not the period of a figure; `11月11日当天` is
                pm.kind, pm.a, pm.day = "month", mo, day
            else:
                pm.kind, pm.a = "month", mo
                if g["mend"] in ("底", "末"):
                    pm.asof = True
                elif g["mend"] == "初":
                    continue
                elif g["mend"]:
                    # `12月中旬，快递业务量累计突破1200亿件`: as of the 10th, 20th or last day of that month
                    pm.asof = True
                    if g["mend"] != "下旬":
                        pm.day = 10 if g["mend"] == "上旬" else 20
        elif g["ye"]:
            if g["ye"] in ("底", "末") and not has_year:
                continue
            pm.kind = "yearend"
            pm.asof = True
        elif g["full"]:
            pm.kind = "year"
        elif not has_year:
            continue
        if pm.kind == "year" and not has_year and not g["full"]:
            continue
        out.append(pm)
    return out
