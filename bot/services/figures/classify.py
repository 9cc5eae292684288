"""Which numbers of a sentence are figures, and of what kind: a level, a growth rate (`增长5.0%`, `增长2.7倍`) or a
point change (`提高0.6个百分点`); ranks, ranges, absolute changes, parts of a count and thresholds are none.

    _classify(t, masked, number, clause_start) -> _Item | None
    _qualifier(t, before, number) -> exact | approx | lower_bound | upper_bound
    _mask(t, spans) -> t with the spans blanked out (offsets kept)

Used by sentence (and growth, naming for `_Item`, `_qualifier`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.services.figures.lexicon import (
    _BAD_AFTER,
    _GROWTH_RATE_END,
    _GROWTH_VERB_END,
    _NEGATIVE,
    _QUAL_AFTER,
    _QUAL_AFTER_MAP,
    _QUAL_END,
    _QUAL_MAP,
    _RANK_BEFORE,
)
from bot.services.figures.numbers import Number


@dataclass(slots=True)
class _Item:
    num: Number
    kind: str  # level | growth | pp
    growth: float = 0.0
    negative: bool = False

    @property
    def decimals(self) -> int:
        """Decimals of the growth as stored (`增长2.75倍` → 275%: two fewer than written)."""
        if self.num.base_unit == "倍" and self.kind != "level":
            return max(self.num.decimals - 2, 0)
        return self.num.decimals


def _mask(t: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return t
    chars = list(t)
    for s, e in spans:
        for i in range(s, e):
            chars[i] = "\x00"
    return "".join(chars)


#: a clause about the growth rate itself (`增速比1—10月份回落0.2个百分点`)
_RATE_SUBJECT = re.compile(r"[\s\x00]*(?:其|整体|总体)?(?:增速|增幅|增长率|增长速度|涨幅|降幅)")
#: `网上零售额的增速比社会消费品零售总额高出3.8个百分点`: the rate compared, within the clause
_RATE_COMPARED = re.compile(r"(?:增速|增幅|增长率|增长速度|涨幅|降幅)[^，,；;。\d]{0,2}?(?:比|较|高于|低于|快于|慢于)")
#: one rate measured against another's (`出口增幅比全国高出1倍多`, `比全国12.1%的平均增幅高出2.7倍`): how far the
#: rates differ, neither rate itself
_RATE_AGAINST_RATE = re.compile(
    r"(?:(?:增速|增幅|增长率|增长速度|涨幅)[^，,；;。\d]{0,2}?(?<![同环])(?:比|较)(?!重|例)[^，,；;。]{0,16}"
    r"|(?<![同环])(?:比|较)(?!重|例)[^，,；;。]{0,16}(?:增速|增幅|增长率|增长速度|涨幅|平均水平)[^，,；;。\d]{0,2}?)"
    r"(?:高出|高|快|多出|低|慢)了?(?:约|近|超过?)?$"
)

#: a price-adjusted growth: `实际增长` (or any growth after `扣除价格因素` in the sentence, see _real_growth)
_REAL_GROWTH = re.compile(r"实际\s*(?:增长|下降|增|降)[^，,；;。]{0,6}$")
_NOMINAL_BEFORE = re.compile(r"名义\s*(?:增长|下降|增|降)[^，,；;。]{0,6}$")
#: `扣除价格因素`, or `剔除这一因素` (`剔除这一因素，我省一季度进出口下降4.9%`: the growth without an effect just named)
_PRICE_ADJUSTED = re.compile(r"(?:扣除|剔除|扣减)(?:价格因素|(?:这一|该|此|上述|这些|以上)(?:因素|影响))")


def _real_growth(t: str, start: int) -> bool:
    """Whether the growth ending the text before `start` is price-adjusted: `实际增长` just before it, or
    `扣除价格因素` earlier in the sentence — unless that aside sits in brackets closed before the growth
    (`比上年名义增长12.0%（扣除价格因素实际增长10.9%），限额以上单位…增长9.3%`: the later growth is nominal)."""
    if _REAL_GROWTH.search(t, 0, start):
        return True
    asides = list(_PRICE_ADJUSTED.finditer(t, 0, start))
    if not asides:
        return False
    last = asides[-1]
    opened = max(t.rfind("（", 0, last.start()), t.rfind("(", 0, last.start()))
    if opened < 0 or max(t.rfind("）", opened, last.start()), t.rfind(")", opened, last.start())) >= 0:
        return True
    return t.find("）", last.end(), start) < 0 and t.find(")", last.end(), start) < 0


#: a comparison with the period just before (`环比`, `比上月`, `较上季度`, `比前一日`)
_SEQUENTIAL_BEFORE = re.compile(
    r"环比|(?:比|较|与)上(?:个)?(?:月|周|季度?|旬)|(?:比|较|与)(?:前一[日天周月]|上一[日天]|前日|昨日)"
    # `二季度进出口比一季度增长6%`: a change on an earlier part of the same year, named by itself
    r"|(?:比|较)(?:[一二三四]季度|上半年|[一二三四五六七八九十]{1,2}月份?)(?!同期)"
    # `较上年同期增10.4%，较首季下降0.2%`: a change on the first quarter (of the rate, written in %)
    r"|(?:比|较)首季度?(?!同期)"
)
#: a sentence opened as a comparison with the period before (`从环比看，…`, `按环比计算，…`), up to its end or a
#: year-on-year comparison
_SEQUENTIAL_FRAME = re.compile(r"(?:(?:从|按|以)环比(?:来?看|计算|口径)|环比来看)(?:(?!同比)[^。；;])*$")

#: `拉动社零增长1.2个百分点`, `对…增长贡献2个百分点`: how much one thing adds to another's growth
_PULL_BEFORE = re.compile(r"(?:拉动|带动|贡献|推动|支撑)[^，,；;。]{0,24}$")

#: `同比持平`: growth 0 for the level just before (not `基本持平`: that is an approximation)
_FLAT_AFTER = re.compile(r"[^0-9，,；;。]{0,12}?[，,]?\s*(?:同比|比上年|与上年|较上年)(?:基本)?持平|[，,]\s*持平")

_MILESTONE_AFTER = re.compile(r"[^，,；;。]{0,6}?(?:提前|推迟|晚了|早了)")


#: a run of years and a bound before the number (`连续5年超过`, `连续三年突破`, `已连续4年保持在`)
_RUN_OF_YEARS_BEFORE = re.compile(r"连续\s*(?:[0-9]{1,2}|[一二三四五六七八九十两]{1,2})\s*年(?:以上)?\s*(?:超过|超|突破|破|保持在?|稳定在|在|高于|不低于|达到?)\s*(?:约|近)?\s*$")

#: a rate held above a floor over a stretch of time (`增速始终保持在50%以上，居全市之首`; not `保持30%以上的增长`,
#: which names the growth itself)
_HELD_FLOOR_BEFORE = re.compile(r"保持在\s*$")
_FLOOR_AFTER = re.compile(r"\s*以上(?!的)")

#: `增长8%至10%`, `1500亿至1600亿件`: a range; neither end is the figure (precision first: not stored)
_RANGE_AFTER = re.compile(r"\s*(?:至|到|~|～|-|—|－|–)\s*(?:约|近)?\s*(?!(?:19|20)[0-9]{2}\s*年)[0-9]")

_RANGE_BEFORE = re.compile(
    r"[0-9][0-9.]*\s*(?:%|(?:万亿|亿|万|千)?(?:美元|元|件|人|户|个|家)?)\s*(?:至|到|~|～|-|—|－|–)\s*(?:约|近)?\s*$"
)

#: `融入97个国民经济大类中的71个`: a part of a whole count (scope), not a figure
_PART_AFTER = re.compile(r"[^，,；;。0-9]{1,14}?中的?\s*[0-9]")

_PART_BEFORE = re.compile(r"[0-9]\s*个[^，,；;。0-9]{1,14}?中的?\s*$")


#: a value of the base period written before a comparison or as its own clause (`比上年同期的120亿元`, `上年同期为…`,
#: `2022年同期为…`)
_BASE_BEFORE = re.compile(
    r"(?:(?:比|较|与)(?:上年|去年|上一年)?同期的|(?:比|较)(?:上年|去年)的|(?:^|[，,；;])\s*(?:上年|去年|(?:19|20)\d{2}\s*年)同期(?:为|是|仅为?)?)"
    r"\s*(?:约|近)?\s*$"
)

#: `较2022年12月新增网民2480万人`: an absolute change against a base, not a level
#: (and every later item of a list of them: `较2021年12月分别增长781万、319万和1216万`)
_ABS_CHANGE = re.compile(
    r"(?:较|比)[^，,；;。]{0,16}?(?:新增|净增|增加|增长|减少|下降)[^，,；;。\d]{0,8}"
    r"(?:[0-9.]+\s*[万亿]?[\u4e00-\u9fff]{0,3}\s*[、和及与]\s*){0,8}$"
)

#: an amount qualifying a noun (`超过3000万元的“淘宝镇”`, `2000万元及以上的批发业企业`): a threshold
_THRESHOLD_AFTER = re.compile(
    r"\s*((?:及)?以上)?\s*的\s*(?!规模|水平|高位|新高|历史|纪录|记录|大关|关口|增长|增幅|增速|[0-9])"
)

_THRESHOLD_BEFORE = re.compile(r"(?:超过|超出|超|不低于|不少于|高于)\s*$")


#: a growth rate averaged over years and given as a level (`同比增速两年平均为6.8%`, `增长率年平均为5%`)
_AVERAGE_RATE_LEVEL = re.compile(r"(?:增速|增幅|涨幅|增长率|增长速度)[^，,；;。0-9]{0,6}?平均\s*(?:为|达到?|是)?\s*$")


#: the market's expectation a figure is compared with (`逊于市场预期的4.6%`, `高于分析师预估的5%`, `不及预期的`)
_EXPECTATION_BEFORE = re.compile(
    r"(?:[逊遜低高好优優差弱强強][于於]|不及|超出|超过|超過)\s*(?:此前)?\s*(?:市场|市場|分析师|分析師|经济学家|經濟學家|业界|業界)?"
    r"\s*(?:普遍)?(?:预期|預期|预估|預估|预测|預測)(?:值)?\s*(?:的|为|為)?\s*$"
)


#: `同比增长13.1%至7.16万亿元`: a rate, then the level it brought the measure to (no range of rates)
_TO_LEVEL_AFTER = re.compile(
    r"\s*(?:至|到)\s*(?:约|近)?\s*[0-9][0-9.]*\s*(?:万亿|亿|万|千)?\s*(?:元|美元|件|人|户|个|家|吨|单|笔|辆|台)"
)
_RATE_TO_BEFORE = re.compile(r"[0-9]\s*%\s*(?:至|到)\s*(?:约|近)?\s*$")


#: a base value dated by a period of its own, written right before it (`2014年上半年的`, `2019年的`)
_OWN_PERIOD_BASE = re.compile(r"(?:19|20)[0-9]{2}\s*年\s*(?:上半年|下半年|[一二三四1-4]\s*季度|前三季度|全年)?\s*的\s*$")


#: a rate stated before the level it led to (`以15.2%的增速达到`, `以8.1%的增幅增长至`)
_AT_STATED_RATE = re.compile(
    r"以\s*[0-9.]+\s*%\s*的\s*(?:年均)?(?:增速|增幅|增长率|增长速度|速度)\s*(?:增长|增加|上升|攀升|跃升)?\s*(?:达到?|至|到)\s*$"
)


#: counts of the items of a policy (`部署12项任务`, `提出5项措施`, `出台3个文件`, `明确了16项重点任务`): what a plan
#: lists, no statistic — only a bare count (no multiplier) after a verb of issuing and before a policy noun
_POLICY_VERB_BEFORE = re.compile(
    r"(?:部署|提出|出台|制定|明确|印发|推出|列出|安排|梳理|细化|实施|发布)(?:了|出)?\s*(?:共|总共|合计)?\s*$"
)
_POLICY_ITEMS_AFTER = re.compile(
    r"\s*(?:项|个|条|份|批|方面)?\s*[\u4e00-\u9fff]{0,4}?"
    r"(?:任务|措施|举措|文件|政策|意见|方案|条款|办法|行动|工程|机制|条例|规定|要求|目标)"
)


def _classify(t: str, masked: str, n: Number, clause_start: int) -> _Item | None:
    before = masked[clause_start : n.start]
    if (
        not n.mult
        and n.base_unit in ("", "项", "个", "条", "份")
        and _POLICY_VERB_BEFORE.search(t, max(0, n.start - 8), n.start)
        and _POLICY_ITEMS_AFTER.match(t, n.end)
    ):
        return None
    if _RANK_BEFORE.search(t, 0, n.start):
        return None
    if _EXPECTATION_BEFORE.search(t, max(0, n.start - 20), n.start):
        return None  # `按年增长3.1%，逊于市场预期的4.6%`: the forecast a figure is measured against, not a figure
    if _BASE_BEFORE.search(t, max(0, n.start - 16), n.start):
        # `比上年同期的120亿元增长25%`, `上年同期为2900亿元`: the comparison base, not a figure of the period stated
        return None
    if re.match(r"\s*(?:的[^，,；;。]{0,6})?相比", t[n.end : n.end + 12]) and not _OWN_PERIOD_BASE.search(
        t, max(0, n.start - 12), n.start
    ):
        # "与2022年同期的237.937亿元相比": the comparison base, not a figure of this article — unless the base is
        # dated by a period of its own ("与2014年上半年的10856亿元相比": that half-year's level)
        return None
    if (
        n.mult
        and not n.unit
        and re.fullmatch(r"(?:19|20)\d{2}", n.text.split()[0][:4])
        and n.value >= 1900
        and re.match(r"[\u4e00-\u9fff]", t[n.end : n.end + 1])
    ):
        return None  # "百度 2023 万象大会"
    if not n.unit and not n.mult:
        if re.search(
            # an index, by its name and code (`品牌集中度指数CR8为85.2`)
            r"指数(?:\s*[A-Z]{1,4}[0-9]{0,2})?(?:值)?\s*(?:分别)?\s*(?:为|达到?|是|升至|回升至)?\s*$",
            before.replace("\x00", ""),
        ) and not _BAD_AFTER.match(t, n.end):
            n.unit = n.base_unit = ""
            return _Item(n, "level")
        return None
    if _MILESTONE_AFTER.match(t, n.end):
        return None  # "比2019年达到500亿件提前了155天": a milestone compared, not a figure of this article
    if _RUN_OF_YEARS_BEFORE.search(before):
        return None  # `快递业务量已连续5年超过1000亿件`: a threshold held over a run of years, not a level of one period
    if n.base_unit == "%" and _HELD_FLOOR_BEFORE.search(before) and _FLOOR_AFTER.match(t, n.end):
        return None  # `增速保持在30%以上，且逐月上升`: a floor held month after month, not one period's rate
    if n.base_unit not in ("个百分点",) and (
        (_RANGE_AFTER.match(t, n.end) and not (n.base_unit == "%" and _TO_LEVEL_AFTER.match(t, n.end)))
        or (
            _RANGE_BEFORE.search(masked, max(0, n.start - 16), n.start)
            and not (n.base_unit != "%" and _RATE_TO_BEFORE.search(masked, max(0, n.start - 16), n.start))
        )
    ):
        return None
    if n.unit == "个" and _PART_AFTER.match(t, n.end) or _PART_BEFORE.search(t, max(0, n.start - 24), n.start):
        return None
    if (
        n.base_unit in ("元", "美元", "欧元", "港元", "日元", "英镑")
        and _THRESHOLD_AFTER.match(t, n.end)
        and (
            _THRESHOLD_BEFORE.search(before.replace("\x00", "")) or _THRESHOLD_AFTER.match(t, n.end).group(1)  # type: ignore[union-attr]
        )
    ):
        return None  # `年交易额超过3000万元的淘宝镇204个`: the bar things clear, not a figure
    if n.base_unit not in ("%", "倍", "‰", "个百分点") and _ABS_CHANGE.search(before.replace("\x00", "")):
        return None
    after_unit = t[n.end : n.end + 4]
    if n.base_unit in ("", "个", "家", "件", "人", "次") and _BAD_AFTER.match(after_unit) and not n.mult:
        return None
    if n.base_unit == "点" and not ("指数" in t[: n.start] or "." in n.text):
        return None
    if n.base_unit == "%" and _SHARE_END.search(before) and re.match(r"\s*的[\u4e00-\u9fff]", t[n.end : n.end + 4]):
        return None  # `占比7.9%的服装类增长16.7%`: a share describing the subject after it, not a figure of the one before
    g = _GROWTH_VERB_END.search(before) or _GROWTH_RATE_END.search(before)
    if g and n.base_unit not in ("%", "倍", "‰", "个百分点") and _AT_STATED_RATE.search(before.replace("\x00", "")):
        return _Item(n, "level")  # `以15.2%的增速达到3200亿元`: the rate is stated before; what follows is the level
    if not g and n.base_unit == "%" and _RATE_OF_GROWTH_AFTER.match(t, n.end):
        return _Item(n, "growth", n.value, False)
    if not g and n.base_unit == "%" and _AVERAGE_RATE_LEVEL.search(before.replace("\x00", "")):
        return None  # `同比增速两年平均为6.8%`: a growth rate averaged over years, neither a level nor one period's growth
    if n.base_unit in ("%", "倍", "‰"):
        if g and _real_growth(t, n.start) and not _NOMINAL_BEFORE.search(before.replace("\x00", "")):
            return None  # `扣除价格因素…实际增长1.3%`: the real (price-adjusted) growth, not the growth stated
        if g and (
            _SEQUENTIAL_BEFORE.search(before.replace("\x00", ""), max(0, g.start() - 8), g.start() + 1)
            # the base read before its period was masked (`较一季度回落1.3%`, `较首季下降0.2%`)
            or _SEQUENTIAL_BEFORE.search(t, clause_start + max(0, g.start() - 8), clause_start + g.start() + 1)
        ):
            return None  # `环比增长0.35%`, `比上月增长2%`: a change on the period before, not the year-on-year growth
        if g and _RATE_AGAINST_RATE.search(before.replace("\x00", "")):
            return None  # `增幅比全国高出1倍多`: a rate measured against another, not a growth of the metric
        if g and _SEQUENTIAL_FRAME.search(t, 0, n.start):
            return None  # `从环比看，3月份…增长1.18%`: the sentence compares with the month before
        if g:
            # `降幅为1.2%`, `降幅收窄至1.2%`: the size of a fall, a negative growth
            neg = bool(g.groupdict().get("verb") in _NEGATIVE) or "降幅" in g.group(0)
            val = round(n.value * 100, 9) if n.base_unit == "倍" else n.value
            return _Item(n, "growth", -val if neg else val, neg)
        if n.base_unit == "倍":
            return None
        return _Item(n, "level")
    if n.base_unit == "个百分点":
        if _RATE_SUBJECT.match(before) or _RATE_COMPARED.search(before):
            return None  # `增速比上半年回落0.6个百分点`: a change of the growth rate, not of the metric
        if _PULL_BEFORE.search(before.replace("\x00", "")):
            return None  # `拉动网络零售增长3.2个百分点`: a contribution to another growth, not a change of a metric
        v = _GROWTH_VERB_END.search(before) or re.search(
            r"(增长|增加|上升|提高|提升|上涨|下降|减少|降低|下滑|回落)[^，,；;]*$", before
        )
        if not v:
            return None
        neg = v.group(1) in _NEGATIVE if v.lastindex else False
        if isinstance(v.groupdict().get("verb"), str):
            neg = v.group("verb") in _NEGATIVE
        return _Item(n, "pp", -n.value if neg else n.value, neg)
    if g and not re.search(r"(?:增至|升至|提升至|提高到|增长到|增长至|上涨到|上涨至)\s*$", before):
        return None  # an absolute change ("增长1109万人") is not a level of the metric
    return _Item(n, "level")


#: a share right before its number (`占比`, `比重为`)
_SHARE_END = re.compile(r"(?:占比|比重|所占比例)\s*(?:为|达到?|约|是)?\s*$")
#: `…的增长`, `保持30%以上的高速增长`: the percentage is the growth it names
_RATE_OF_GROWTH_AFTER = re.compile(
    r"\s*(?:以上|左右|上下)?\s*的\s*(?:高速|较快|快速|稳定|平稳|稳步)?(?:增长|增幅|增速)"
    # `远高于该季度2.5%的出口增速`: the growth rate of the flow named between 的 and 增速
    r"|\s*的\s*(?P<flow>[\u4e00-\u9fff]{0,6}?(?:进出口|出口|进口|零售额|销售额|业务量|业务收入|交易额))(?:增速|增幅|增长率)"
)
RATE_OF_FLOW_AFTER = re.compile(
    r"\s*的\s*(?P<flow>[\u4e00-\u9fff]{0,6}?(?:进出口|出口|进口|零售额|销售额|业务量|业务收入|交易额))(?:增速|增幅|增长率)"
)


def _qualifier(t: str, before: str, n: Number) -> str:
    m = _QUAL_AFTER.match(t, n.end)
    if m:
        return _QUAL_AFTER_MAP[m.group("q")]
    if n.more:
        return "lower_bound"
    q = _QUAL_END.search(before)
    if q:
        return _QUAL_MAP.get(q.group("q"), "exact")
    return "exact"
