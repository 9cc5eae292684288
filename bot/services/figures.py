"""Figure extraction: every statistic in an article's text, with metric, region, value, unit, growth, period,
forecast flag and the exact sentence it came from.

Contract (used by ingest and metrics):

    extract_figures(text: str, published: date | None, *, title: str = "") -> list[ExtractedFigure]
    figure_values(body, published, *, title="") -> list[dict]  # column values, as ingest stores them
    figures_for_article(article: Article) -> list[Figure]   # ORM rows (article_id set, metric_norm filled)
    normalise_metric(name: str) -> str                       # shared with metrics lookup

Pure Python + precompiled `re`; only sentences containing a digit are scanned. Helpers live in
`figures_numbers.py` (numbers, multipliers, units, width folding), `figures_periods.py` (period expressions) and
`figures_tables.py` (indicator tables).

Trust rules (issue 9; a wrong number with a confident source is the worst answer):

* **region**: the sentence's, else the article's — a region its title names (`2022年上海市快递业务量…` → 上海; a
  title naming the nation or two unrelated regions gives none), else an authority of the lead (`上海市邮政管理局
  发布…`); an unnamed local scope (全省, 我市) becomes the article's region when it has one. Else 全国.
* **period carry**: a sentence without a period of its own takes the last one stated only when it refers back —
  `其中`, `同期`, `当年`, `在…中`, `同比`/`比上年同期`, a rank continuing the paragraph's ranking, a clause after `；`,
  or a change (`增长8.7%`) continuing its paragraph's account; a report's stock date (`截至2023年6月`) holds for later
  stocks naming no time of their own. Never after a forecast (`到2030年`), never into `目前…`/`未来…`/`近年来…`.
* **changes over several years** (`过去5年增长近10倍`, `5年间增长了1.2倍`, `年复合增长`): stored with their span when
  both ends are written (`从2018年的1.06万亿元到2023年的2.38万亿元` → growth 2018—2023, and each end a level of its
  own year), otherwise not stored; never a one-period growth.
* **indicator tables** (`指　标 | 11月 | | 1—11月 |`, `单位 | 累计 | 当月`) become figures with the table's periods,
  resolved against the caption's year and the article's date; a row the text states already is not added twice.
* **headline restatements** (`网民规模突破9亿` over `达9.04亿人`, `…增长5.0%` over `…39514亿元，同比增长5.0%`) in
  another sentence of the article merge into the exact figure.
* **precision**: `value_decimals` / `growth_decimals` keep the decimals written (`4.0%` → 1); render shows them.
* `附注` notes (definitions, survey scope) are not figures.

Conventions (tested in tests/unit/test_figures*.py against a labelled table from the seed bulletins):

* **metric** is the noun phrase before the number within its clause (`全国网上零售额13.8万亿元` → 网上零售额),
  with period words, link verbs (达/为/约为/超过…), discourse openers (其中/数据显示…) and a leading region
  removed. If the clause has no noun phrase of its own (`…,比上年增长4.0%`, `232亿元、42亿元`) the previous
  figure's metric in the same sentence is carried. After a verb such as 完成/发放/建立 the noun *after* the
  number is used (`中国共完成1100亿件快递业务量` → 快递业务量). Shares keep the whole relation:
  `实物商品网上零售额占社会消费品零售总额的比重为27.2%` → metric `实物商品网上零售额占社会消费品零售总额的比重`, unit %.
* **region**: a prefix from `seeds/regions.txt` (全国/我国/中国/国内 → 全国; provinces and cities by short name;
  countries); lists (`广东、浙江、福建、江苏四省`) are joined with `、`. An unnamed local scope (`全省/全市/全县/全区/
  本省/本市/我省/我市`) is kept as the region (never 全国) unless the article names its region. Default: the
  article's region, else 全国. Scope modifiers stay in the metric
  (`除汽车以外的消费品零售额`, `限额以上单位通过公共网络实现的商品零售额`).
* **value/unit/value_base/base_unit**: `13.8万亿元` → 13.8, 万亿元, 1.38e13, 元. A multiplier without a unit
  (`超过了10亿`) gives unit 亿 and base unit "". Numbers inside parentheses (currency conversions) are skipped.
* **qualifier**: 约/近/接近/左右 → approx; 超/超过/逾/突破/破/以上/多/余 → lower_bound; 不足/不到/低于/以下 →
  upper_bound; otherwise exact (达, 为, …).
* **growth_pct**: 同比增长/比上年增长/较…增长/增长 X% (negative for 下降/减少/回落/缩短…); `增长X倍` means
  "grew by X times", stored as X×100 percent (增长2.7倍 → growth_pct 270.0). `提高/下降 X个百分点` goes to
  **growth_pp**, never to growth_pct. Growth attaches to the preceding figure of the same metric in the sentence.
* **Growth-only figures**: a growth rate stated for a metric that has no level in the sentence
  (`其中,实物商品网上零售额增长6.2%`) becomes its own figure of that metric with value = the rate, unit = base_unit
  = "%" (or 个百分点 for point changes) and growth_pct (growth_pp) = the same number. So a figure is growth-only
  exactly when `unit in ("%", "个百分点")` and `value == growth_pct` (resp. `growth_pp`); renderers should show it
  as "+6.2%" rather than as a level. `增长2.7倍` growth-only → value 270, unit %.
* Absolute changes (`增长1109万人`, `净增238.1万公里`, `较2022年12月新增网民2480万人`) and ratios (`是全国的2.2倍`)
  are not stored; nor are ranges (`增长8%至10%`, `1500亿至1600亿件`: neither end is the figure) or parts of a
  whole count (`97个国民经济大类中的71个`). A point change of the growth rate itself (`增速比上半年回落0.6个百分点`)
  is not the metric's growth_pp. `同比持平` gives growth_pct 0 (`基本持平` gives nothing).
* **period**: see `figures_periods`; comparison bases (`较2022年12月`, `比上年`, `与去年同期相比`) are ignored;
  a period stated earlier in the sentence applies to later figures; from another sentence only as the trust
  rules above say.
  `截至…`/`年底`/`X月底` are stocks: period_start None.
* **is_forecast**: 预计/预测/有望/将/或将/计划/目标/力争 in the figure's clause, or a period after publication.
* Not figures: dates, years, ranks (`第3名`, `前13位`, `TOP100`), issue/article/phone numbers, ages, durations,
  bare numbers without a unit or multiplier, scope counts (`覆盖31个省(区、市)`, `聚焦3个主要方面`, `33条举措`),
  milestones compared in time (`比2019年达到500亿件提前了155天`).
* Lists: a second 分别-list in the sentence (`…用户规模分别达…,用户使用率分别为…`) takes the first list's items; a
  growth stated just before the level of the same metric (`下降了2.5%,达845亿欧元`) is that level's growth.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.config import PROJECT_ROOT
from bot.db.models import Article, Figure
from bot.services.figures_numbers import MULTIPLIERS, Number, fold, iter_numbers, parse_number
from bot.services.figures_periods import PeriodMention, find_periods
from bot.services.figures_tables import Table, find_tables, split_glued_rows
from bot.text.tokenize import cut

REGIONS_FILE = PROJECT_ROOT / "seeds" / "regions.txt"


@dataclass(slots=True)
class ExtractedFigure:
    metric: str
    region: str
    value: float
    unit: str
    value_base: float
    base_unit: str
    qualifier: str  # exact | approx | lower_bound | upper_bound
    period_start: date | None
    period_end: date | None
    period_label: str
    growth_pct: float | None
    growth_pp: float | None
    is_forecast: bool
    quote: str
    span_start: int
    span_end: int
    #: decimals the source wrote for the value and the growth (`4.0%` → 1): render keeps the source's precision
    value_decimals: int | None = None
    growth_decimals: int | None = None


FIGURE_FIELDS = tuple(f.name for f in fields(ExtractedFigure))

# --------------------------------------------------------------------------------------------------- metric norm

_NATIONAL_PREFIX = re.compile(r"^(?:全国|我国)")


def is_growth_only(figure: Any) -> bool:
    """True for a growth-only figure (see the convention above): a change stated without a level, whose value is
    the change itself. Renderers show such a figure as the change ("增长6.2%"), never as a level ("6.2%")."""
    unit = getattr(figure, "unit", "")
    value = getattr(figure, "value", None)
    pct, pp = getattr(figure, "growth_pct", None), getattr(figure, "growth_pp", None)
    if value is None:
        return False
    if unit == "%":
        return pct is not None and pp is None and abs(value - pct) < 1e-9
    if unit == "个百分点":
        return pp is not None and pct is None and abs(value - pp) < 1e-9
    return False


def normalise_metric(name: str) -> str:
    """Canonical key of a metric name, shared by extraction and lookup.

    NFKC (full/half width folded), all whitespace removed, a leading 全国/我国 stripped, ASCII lower-cased.
    Deterministic and idempotent: `normalise_metric(normalise_metric(x)) == normalise_metric(x)`.
    """
    s = "".join(unicodedata.normalize("NFKC", name).split())
    while True:
        stripped = _NATIONAL_PREFIX.sub("", s)
        if stripped == s:
            break
        s = stripped
    return "".join(c.lower() if c.isascii() else c for c in s)


# ------------------------------------------------------------------------------------------------------ regions


@lru_cache(maxsize=4)
def _regions(path: Path = REGIONS_FILE) -> tuple[dict[str, str], re.Pattern[str]]:
    table: dict[str, str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, canon = line.partition("\t")
            table[name.strip()] = (canon or name).strip()
    alt = "|".join(re.escape(n) for n in sorted(table, key=len, reverse=True)) or "(?!)"
    pat = re.compile(
        rf"^(?P<list>(?:{alt})(?:\s*[、和及与]\s*(?:{alt}))*)(?:[两三四五六七八九十\d]+(?:个)?(?:省市?|市|国|地区|地))?"
    )
    return table, pat


#: the whole of an unnamed province/city/county (`全省农村网络零售额`): a local scope kept as the region, never 全国
_LOCAL_SCOPE = re.compile(
    r"^(?:全省|全市(?!场)|全县|全区(?!域|间)|全州|本省|本市|我省|我市|我区(?!域))(?=[\u4e00-\u9fffA-Za-z0-9]{2})"
)
#: the local scopes above, replaced by the article's region when it names one (`福建…`: 全省 → 福建)
_LOCAL_NAMES = frozenset({"全省", "全市", "全县", "全区", "全州", "本省", "本市", "我省", "我市", "我区"})


def split_region(phrase: str) -> tuple[str, str]:
    """(region, rest) for a leading region (or region list) in `phrase`; ("", phrase) if none."""
    local = _LOCAL_SCOPE.match(phrase)
    if local:
        return local.group(), phrase[local.end() :]
    table, pat = _regions()
    m = pat.match(phrase)
    if not m:
        return "", phrase
    rest = phrase[m.end() :]
    names = [n for n in re.split(r"\s*[、和及与]\s*", m.group("list")) if n]
    canon = []
    for n in names:
        c = table.get(n, n)
        if c not in canon:
            canon.append(c)
    # "中国移动" / "上海盒马" are names, not regions: only split when something metric-like remains
    if len(rest) == 1 or (rest and not re.match(r"[\u4e00-\u9fffA-Za-z0-9]", rest)):
        return "", phrase
    return "、".join(canon), rest


# ------------------------------------------------------------------------------------------------ regexes

_SENT_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
#: an ASCII full stop ending a sentence (after a character or closing mark, not inside a number: `10.2%.全国…`)
_ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff%)）\"”'’])\.(?![0-9])")
_DIGIT_RE = re.compile(r"[0-9０-９]")
_CLAUSE_BOUNDARY = re.compile(r"[，,；;：:。！？!?\n]")
_PAREN_RE = re.compile(r"\([^()]*\)|（[^（）]*）|\[[^\[\]]*\]")
_RANK_BEFORE = re.compile(r"(?:第|前|总|排名|排第|TOP|Top|top|No\.|NO\.|#)\s*$")
_BAD_AFTER = re.compile(r"\s*(?:年|月|日|号|岁|后|天|周|小时|分钟|秒|期|届|强|大(?!关)|代|维|级|寸|万?步|:|-\d|—\d)")
_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_DATE_RE = re.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?:19|20)\d{2}\s*年|\d{1,2}\s*月")

_GROWTH_VERB_END = re.compile(
    r"(?P<verb>增长|增加|上升|提高|提升|上涨|高出|多出|增|涨|攀升|扩大|回升|递增|下降|减少|降低|下滑|回落|缩短|缩小|减|下跌|跌|萎缩|缩减)"
    r"(?:了)?\s*(?:约|将近|接近|近|超过?|逾|达到?|均|分别为?|分别)*\s*$"
)
_GROWTH_RATE_END = re.compile(
    r"(?:(?:(?:增长|增速|增幅)(?:放缓|回落|加快)|(?:增速|增幅)(?:下降|上升|提高|提升)?)(?:至|到)\s*(?:约|近)?\s*$)|"
    r"(?:涨幅|增幅|增速|增长率|增长速度|降幅|年复合增长率|复合增长率|年均增速)(?:分别)?(?:为|达到?|是|约为|超过?|在)?\s*(?:约|近|超过?)?\s*$"
)
_NEGATIVE = {"下降", "减少", "降低", "下滑", "回落", "缩短", "缩小", "减", "下跌", "跌", "萎缩", "缩减"}
_COMPARE_CUT = re.compile(
    r"同比|环比|(?<!占)比(?![重例])|较|与(?=[^，,]*相比)|相较于?|相比于?|对比|(?:名义)?(?:增长|下降|提高|提升|上升)"
)
_FORECAST_RE = re.compile(
    r"预计|预测|预期|有望|或将|将(?!近|其|企业|会|于)|(?<![国或])或(?=达|接近|超|突破|将)|计划|目标|力争|争取"
)

_QUAL_END = re.compile(
    r"(?P<q>约为|大约|约|将近|接近|近|超过了?|超出|超|逾|突破了?|破|不足|不到|低于|少于|不超过|高于|多于|达到了?|达|为|是)\s*(?:了)?\s*$"
)
_QUAL_MAP = {
    "约为": "approx",
    "大约": "approx",
    "约": "approx",
    "将近": "approx",
    "接近": "approx",
    "近": "approx",
    "超过": "lower_bound",
    "超过了": "lower_bound",
    "超出": "lower_bound",
    "超": "lower_bound",
    "逾": "lower_bound",
    "突破": "lower_bound",
    "突破了": "lower_bound",
    "破": "lower_bound",
    "高于": "lower_bound",
    "多于": "lower_bound",
    "不足": "upper_bound",
    "不到": "upper_bound",
    "低于": "upper_bound",
    "少于": "upper_bound",
    "不超过": "upper_bound",
}
_QUAL_AFTER = re.compile(r"\s*(?P<q>左右|上下|以上|以下|以内|之多)")
_QUAL_AFTER_MAP = {
    "左右": "approx",
    "上下": "approx",
    "以上": "lower_bound",
    "之多": "lower_bound",
    "以下": "upper_bound",
    "以内": "upper_bound",
}

_TRAIL_TOKENS = sorted(
    [
        "达到了",
        "达到",
        "达",
        "为",
        "约为",
        "约",
        "大约",
        "是",
        "超过了",
        "超过",
        "超出",
        "超",
        "逾",
        "突破了",
        "突破",
        "破",
        "近",
        "接近",
        "将近",
        "高达",
        "不足",
        "不到",
        "低于",
        "不超过",
        "增至",
        "增长至",
        "增长到",
        "升至",
        "上升至",
        "上升到",
        "上涨到",
        "上涨至",
        "提升至",
        "提升到",
        "提高到",
        "提高至",
        "降至",
        "下降至",
        "下降到",
        "增加至",
        "增加到",
        "至",
        "到",
        "完成了",
        "完成",
        "实现了",
        "实现",
        "录得",
        "已经",
        "已",
        "均",
        "分别",
        "共计",
        "共",
        "累计",
        "总计",
        "合计",
        "预计",
        "预期",
        "将",
        "有望",
        "或将",
        "或",
        "可",
        "仅",
        "首次",
        "再",
        "了",
        "的",
        "在",
        "稳定在",
        "保持在",
        "维持在",
        "大关",
        "仍",
        "也",
        "还",
        "又",
        "已达",
        "已超过",
        "一共",
        "总共",
        "估计",
        "预测",
        "同比",
        "全年",
        "当年",
        "首度",
        "再次",
        "创下",
        "创",
        "以",
        "高",
        "依然",
        "依旧",
        "分别是",
        "由",
        "自",
        "从",
        "最初",
        "目前",
        "领取",
        "最高可",
        "和",
        "及",
        "与",
        "逐年递增",
        "递增",
        "波动上升",
        "上升",
        "上涨",
        "提升",
        "提高",
        "增长",
        "增加",
        "下降",
        "小幅",
        "大幅",
        "稳步",
        "持续",
        "逐年",
        "波动",
        "普遍",
        "每年都",
        "每年",
        "关口",
        "分别为",
        "分别达",
        "分别达到",
        "分别占",
        "有",
        "拥有",
        "增",
        "减",
        "净增",
        "年复合",
        "复合",
        "年均",
    ],
    key=len,
    reverse=True,
)
_TRAIL_RE = re.compile("(?:" + "|".join(re.escape(t) for t in _TRAIL_TOKENS) + r"|[\s、,，])$")
_POST_VERBS = re.compile(
    r"(?:完成|发放|推出|投入|建立|建成|建设|设立|培育|积累|发送|吸引|开设|覆盖|拥有|签署|新增|促成|开通|拦截|入驻|共有|"
    r"发布|吸纳|带动|帮助|节约|节省|提供|售出|卖出|成交|举办|参加|招募|上线|设有|有|融入|涵盖|包括|包含|尝试|以|聚焦|"
    r"呈现|需要|等|拓展|构建|打造|搭建|组建|提出|聚焦)(?:了)?$"
)
_BREAKERS = re.compile(
    r"显示|指出|表示|介绍|透露|宣布|公布|发布的?|认为|据悉|据了解|据测算|据统计|据估算|据估计|数据|报告|据|其中(?!一)|此外|"
    r"另外|同时|而且|并且|以及|对于|随着|(?:本报|本刊|本台|(?<=网))讯|(?<=[局部委院署])(?:预计|预测|估计)|(?:先后|累计|共)?(?:落实|下达|拨付)了?|通过(?!公共网络)|截至|截止|[“”\"「」《》【】*]|从[^从]{0,12}?(?:看|来看)|在[^在，,]{0,12}?(?:中|方面|上|里)|"
    r"(?<!掌握)其(?!他|次|中一)|而|方面|来看|之中|——|—"
)
_LEAD_RE = re.compile(
    r"^(?:[\s、,，和及与▶>]|(?:19|20)\d{2}(?!\d)|其中|此外|另外|同时|而|且|并|当年|当月|当季|本月|当天|当日|同期|全年|以来|年以来|"
    r"累计|共计|共|总计|合计|已经|已|仍|目前|当前|现在|今年|去年|上年|明年|前年|近年来|近年|全部|所有|"
    r"预计|预测|预期|估计|有望|将|建成|开通|编辑部|但|整体|现有|可|完成|未来|双方|计划|实现|仅有|仅)+"
)
_GENERIC_HEADS = (
    "比例",
    "比重",
    "占比",
    "份额",
    "规模",
    "数量",
    "总额",
    "总量",
    "人数",
    "用户数",
    "金额",
    "收入",
    "渗透率",
    "增速",
    "增幅",
)
_LIST_SEP = re.compile(r"\s*(?:、|(?<![普涉波])及(?!时)|(?<![参给])与|(?<!总)和|以及|,|，)\s*")
_LIST_GAP = re.compile(r"^\s*(?:、|和|及|与|以及)\s*(?:超过?|约|近|逾|接近)?\s*$")
_CJK_NOUN_AFTER = re.compile(
    r"\s*(?:(?:以上|左右|之多)\s*)?(?:的)?\s*(?P<n>[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff]{1,11}?)"
    r"(?=[，,。；;：:、()（）\s]|和|及|与|$)"
)
_SPACE_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


#: a short quoted term that is part of a noun phrase (`“95 后”用户占比`), not a quotation to break at
_QUOTED_TERM = re.compile(
    r"[“\"「]([^“”\"「」，,。]{0,7}[\u4e00-\u9fff][^“”\"「」，,。]{0,7})[”\"」](?=[\u4e00-\u9fff]|\s*$)"
)


def _clean_spaces(s: str) -> str:
    return _SPACE_CJK.sub("", s).strip()


# ------------------------------------------------------------------------------------------------ metric phrase


@dataclass(slots=True)
class _Phrase:
    region: str
    metric: str
    trailing: str  # the last stripped link/verb token (to decide post-noun metrics)
    items: list[str]  # list subject split (for 分别 / 和 lists)


def _strip_trailing(w: str) -> tuple[str, str]:
    last = ""
    while True:
        m = _TRAIL_RE.search(w)
        if not m or m.start() == m.end():
            return w, last
        if m.group().strip():
            last = m.group() + last if last else m.group()
        w = w[: m.start()]


def _after_breakers(w: str) -> str:
    cut = 0
    for m in _BREAKERS.finditer(w):
        cut = m.end()
    return w[cut:]


#: a modifier that restricts what is counted (`除汽车以外的`, `限额以上单位…实现的`) stays in the metric
_SCOPE_MODIFIER = re.compile(r"^除|以外|之外|限额以上|规模以上|通过公共网络")

#: who reported a category's figure, not part of the category's name: `限额以上单位通讯器材类零售额` → 通讯器材类零售额,
#: `重点零售企业4G手机销量` → 4G手机销量, `36个大中城市猪肉价格` → 猪肉价格, `重点平台网络服务消费` → 网络服务消费. The
#: surveyed population's own total keeps it (`限额以上单位消费品零售额`, `重点零售企业销售额`: a different indicator).
_REPORTER_SCOPE = re.compile(
    r"^(?:限额以上单位(?=[^，,；;]*?类)|重点(?:零售|流通|批发)企业|重点(?:监测)?(?:的)?平台|"
    r"(?:[0-9]+个)?(?:大中|重点|主要)城市(?:的)?|[0-9]+个城市(?:的)?)"
)
_SCOPE_TOTALS = frozenset({"销售额", "零售额", "销售收入", "营业额", "交易额", "消费品零售额", "商品零售额"})


#: `企业共揽收快件11.2亿件`, `当天处理快件5080.86万件`: what is counted is the parcels handled — the indicator is the
#: handling volume (快递揽收量, 快件处理量), not the companies
_PARCEL_VERB = re.compile(
    r"^(?:[\u4e00-\u9fff、]{0,10}?(?:企业|公司|网点|中心|行业|全市|全省|我市|我省))?(?:共|累计|合计|总共|当天|当日)?"
    r"(?P<v>揽收|处理|派送|投递)了?(?P<o>快件|快递包裹|快递|包裹|邮件)?$"
)


_POSTAL = re.compile(r"快递|快件|邮政|寄递|物流")


def _activity_metric(metric: str, base_unit: str, t: str = "", end: int = 0) -> str:
    """Name a count by the activity counted: parcels handled (`共揽收快件` in 件 → 快递揽收量, `处理快件` → 快件处理量);
    sessions held (`电商直播超1000万场` → 电商直播场次)."""
    if base_unit == "件":
        m = _PARCEL_VERB.match(metric)
        # `派送7.9亿件` after `快递企业共揽收快件…`: a bare verb counts parcels in a sentence about post, unless a noun
        # follows the count (`共处理1200件投诉`)
        if m and (m.group("o") or (_POSTAL.search(t) and not _post_noun(t, end))):
            obj = "邮件" if m.group("o") == "邮件" else "快件" if m.group("v") == "处理" else "快递"
            return f"{obj}{m.group('v')}量"
    if base_unit == "场" and "直播" in metric and not metric.endswith(("场次", "场", "次", "数", "量")):
        return metric + "场次"
    return metric


def _strip_scope(w: str) -> str:
    m = _REPORTER_SCOPE.match(w)
    if not m:
        return w
    rest = w[m.end() :]
    if len(rest) < 3 or rest in _SCOPE_TOTALS or rest in _GENERIC_HEADS or rest[0] in "的和及与、,，":
        return w
    rest = _LEAD_RE.sub("", rest)  # `重点平台累计直播销售额` → 直播销售额
    return rest if len(rest) >= 2 else w


def _apply_de(w: str) -> str:
    """Keep the head after the last 的 unless it is a generic head (then keep one more modifier)."""
    if "的" not in w:
        return w
    before, _, after = w.rpartition("的")
    if _SCOPE_MODIFIER.search(before) and len(after) >= 2:
        return w  # `除汽车以外的消费品零售额`: the modifier changes what is counted
    if len(after) < 2:
        return before if len(before) >= 2 else w
    if after in _GENERIC_HEADS or len(after) <= 2:
        mod = before.rpartition("的")[2]
        return f"{mod}的{after}" if mod else after
    return after


_INNER_VERB = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:实现了?|完成了?)(?!的)(?=[\u4e00-\u9fff]{2})")


_ENUM_LEAD = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．](?![一二三四五六七八九十两])|[0-9]{1,2}\s*[、．]|[（(]\s*[一二三四五六七八九十0-9]{1,3}\s*[)）])\s*")
_UNOPENED_CLOSE = re.compile(r"^[^（(]*[)）]\s*")


def _phrase(w: str) -> _Phrase:
    """Region + metric from the text of a clause before a number (periods already masked out)."""
    w = w.replace("\x00", "").replace("*", "")
    w = w.rpartition("|")[2]  # `2020.07.30 | 标题…`: a header's date cell is no part of a name
    w = _PAREN_RE.sub("", w)
    w = _QUOTED_TERM.sub(r"\1", w)
    w, trailing = _strip_trailing(w)
    share = ""
    m = re.search(r"占(?!据|领|有)", w)
    if m:
        share = re.split(r"由|从", w[m.start() :])[0]
        share, _ = _strip_trailing(share)
        w = w[: m.start()]
        w, _ = _strip_trailing(w)
    w = _after_breakers(w)
    # `二、我国网民规模达…` (a numbered point), `…储蓄银行直接营业收入）完成…` (the end of an aside begun before)
    w = _UNOPENED_CLOSE.sub("", _ENUM_LEAD.sub("", w))
    w = _LEAD_RE.sub("", w)
    w = _clean_spaces(w)
    # `国家级贫困县实现网络零售额`, `农村实现网络零售额`: the verb is not part of the indicator's name
    w = _INNER_VERB.sub("", w)
    region, rest = split_region(w)
    if region:
        w = _LEAD_RE.sub("", rest)
    w = _strip_scope(w)
    items: list[str] = []
    if _LIST_SEP.search(w) and not share:
        parts = [p for p in _LIST_SEP.split(w) if p]
        if len(parts) >= 2:
            items = _share_heads(parts)
    if not share:
        w = _strip_scope(_apply_de(w))
    if share:
        w = w + _clean_spaces(share)
    w = w.strip(" ,，、:：")
    return _Phrase(region, w, trailing, items)


def _share_heads(parts: list[str]) -> list[str]:
    """`即时通信、网络视频、短视频用户规模` → each item gets the last item's head noun."""
    last = parts[-1]
    if "的" in last:
        mod, _, head = last.rpartition("的")
        return [p + head for p in parts[:-1]] + [mod + head]
    first = parts[0]
    # `快递业务量和业务收入`: a later item naming only a head takes the first item's scope (快递业务收入)
    parts = [
        p if k == 0 or not p.startswith(("业务", "收入", "用户")) or p[:2] not in first or first.startswith(p[:2])
        else first[: first.find(p[:2])] + p
        for k, p in enumerate(parts)
    ]
    # `邮政行业寄递业务量和业务收入`: the revenue is the industry's (邮政行业业务收入); 寄递 names the volume's kind only
    parts = [
        p[: p.find("寄递业务收入")] + "业务收入" if k and p.endswith("寄递业务收入") and len(p) > 6 else p
        for k, p in enumerate(parts)
    ]
    last = parts[-1]
    heads = (
        # compound heads first: `农村和农产品网络零售额` → 农村网络零售额, not 农村额
        "网络零售额",
        "网上零售额",
        "零售额",
        "销售额",
        "成交额",
        "进出口额",
        "出口额",
        "进口额",
        "业务收入",
        "用户规模",
        "用户数",
        "交易规模",
        "交易额",
        "业务量",
        "数量",
        "规模",
        "金额",
        "总额",
        "收入",
        "额",
        "量",
        "率",
        "数",
        "指数",
        "价格",
        "类商品",
        "商品",
    )
    head = next((h for h in heads if last.endswith(h) and len(last) > len(h)), "")
    bare = [p for p in parts[:-1] if not any(p.endswith(h) for h in heads)]
    if head and bare and all(len(p) <= 4 for p in bare):
        # `城镇和乡村消费品零售额`: the items parallel the last item's first word (乡村), the rest is shared
        first = cut(last)[0]
        shared = last[len(first) :]
        # (`在线旅游、在线餐饮销售额`: items starting with that same word vary after it — only the head is shared)
        if (
            len(first) >= 2
            and len(shared) > len(head)
            and shared.endswith(head)
            and not any(p.startswith(first) for p in bare)
        ):
            head = shared
    out = [
        p if (not head or any(p.endswith(h) for h in heads)) else p + (head[1:] if p.endswith(head[0]) else head)
        for p in parts[:-1]
    ]
    # `家居类、建材类商品零售额`: an item ending like the last item's category word (类/型) shares all after it
    for k, p in enumerate(parts[:-1]):
        if p[-1:] in ("类", "型") and len(p) >= 2 and not any(p.endswith(h) for h in heads):
            cut_at = last.find(p[-1], 1)
            if 0 < cut_at < len(last) - 1:
                out[k] = p + last[cut_at + 1 :]
    return out + [last]


# --------------------------------------------------------------------------------------------------- extraction


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
#: `同比持平`: growth 0 for the level just before (not `基本持平`: that is an approximation)
_FLAT_AFTER = re.compile(r"[^0-9，,；;。]{0,12}?[，,]?\s*(?:同比|比上年|与上年|较上年)(?:基本)?持平|[，,]\s*持平")
_MILESTONE_AFTER = re.compile(r"[^，,；;。]{0,6}?(?:提前|推迟|晚了|早了)")
#: `增长8%至10%`, `1500亿至1600亿件`: a range; neither end is the figure (precision first: not stored)
_RANGE_AFTER = re.compile(r"\s*(?:至|到|~|～|-|—|－|–)\s*(?:约|近)?\s*(?!(?:19|20)[0-9]{2}\s*年)[0-9]")
_RANGE_BEFORE = re.compile(
    r"[0-9][0-9.]*\s*(?:%|(?:万亿|亿|万|千)?(?:美元|元|件|人|户|个|家)?)\s*(?:至|到|~|～|-|—|－|–)\s*(?:约|近)?\s*$"
)
#: `融入97个国民经济大类中的71个`: a part of a whole count (scope), not a figure
_PART_AFTER = re.compile(r"[^，,；;。0-9]{1,14}?中的?\s*[0-9]")
_PART_BEFORE = re.compile(r"[0-9]\s*个[^，,；;。0-9]{1,14}?中的?\s*$")
#: `较2022年12月新增网民2480万人`: an absolute change against a base, not a level
_ABS_CHANGE = re.compile(r"(?:较|比)[^，,；;。]{0,16}?(?:新增|净增|增加|增长|减少|下降)[^，,；;。\d]{0,8}$")


#: an amount qualifying a noun (`超过3000万元的“淘宝镇”`, `2000万元及以上的批发业企业`): a threshold
_THRESHOLD_AFTER = re.compile(r"\s*((?:及)?以上)?\s*的\s*(?!规模|水平|高位|新高|历史|纪录|记录|大关|关口|增长|增幅|增速|[0-9])")
_THRESHOLD_BEFORE = re.compile(r"(?:超过|超出|超|不低于|不少于|高于)\s*$")


def _classify(t: str, masked: str, n: Number, clause_start: int) -> _Item | None:
    before = masked[clause_start : n.start]
    if _RANK_BEFORE.search(t, 0, n.start):
        return None
    if re.match(r"\s*(?:的[^，,；;。]{0,6})?相比", t[n.end : n.end + 12]):
        return None  # "与2022年同期的237.937亿元相比": the comparison base, not a figure of this article
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
            r"指数(?:值)?\s*(?:分别)?\s*(?:为|达到?|是|升至|回升至)?\s*$", before.replace("\x00", "")
        ) and not _BAD_AFTER.match(t, n.end):
            n.unit = n.base_unit = ""
            return _Item(n, "level")
        return None
    if _MILESTONE_AFTER.match(t, n.end):
        return None  # "比2019年达到500亿件提前了155天": a milestone compared, not a figure of this article
    if n.base_unit not in ("个百分点",) and (
        _RANGE_AFTER.match(t, n.end) or _RANGE_BEFORE.search(masked, max(0, n.start - 16), n.start)
    ):
        return None
    if n.unit == "个" and _PART_AFTER.match(t, n.end) or _PART_BEFORE.search(t, max(0, n.start - 24), n.start):
        return None
    if n.base_unit in ("元", "美元", "欧元", "港元", "日元", "英镑") and _THRESHOLD_AFTER.match(t, n.end) and (
        _THRESHOLD_BEFORE.search(before.replace("\x00", "")) or _THRESHOLD_AFTER.match(t, n.end).group(1)  # type: ignore[union-attr]
    ):
        return None  # `年交易额超过3000万元的淘宝镇204个`: the bar things clear, not a figure
    if n.base_unit not in ("%", "倍", "‰", "个百分点") and _ABS_CHANGE.search(before.replace("\x00", "")):
        return None
    after_unit = t[n.end : n.end + 4]
    if n.base_unit in ("", "个", "家", "件", "人", "次") and _BAD_AFTER.match(after_unit) and not n.mult:
        return None
    if n.base_unit == "点" and not ("指数" in t[: n.start] or "." in n.text):
        return None
    g = _GROWTH_VERB_END.search(before) or _GROWTH_RATE_END.search(before)
    if not g and n.base_unit == "%" and re.match(r"\s*的(?:增长|增幅|增速)", t[n.end : n.end + 6]):
        return _Item(n, "growth", n.value, False)
    if n.base_unit in ("%", "倍", "‰"):
        if g:
            neg = bool(g.groupdict().get("verb") in _NEGATIVE)
            val = n.value * 100 if n.base_unit == "倍" else n.value
            return _Item(n, "growth", -val if neg else val, neg)
        if n.base_unit == "倍":
            return None
        return _Item(n, "level")
    if n.base_unit == "个百分点":
        if _RATE_SUBJECT.match(before):
            return None  # `增速比上半年回落0.6个百分点`: a change of the growth rate, not of the metric
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


@dataclass(slots=True)
class _Ctx:
    published: date | None
    year: int | None = None  # last explicit year seen in the paragraph
    period: PeriodMention | None = None  # last period seen in the paragraph
    metrics: list[str] = field(default_factory=list)  # metrics seen in the paragraph
    region: str = ""  # the article's region (from its title or lead): figures naming no region of their own
    home: str = ""  # the region the publication is named after (义乌商报 → 义乌): what 我市/全市 mean there
    prev_region: str = ""  # region of the last figure of the paragraph's previous sentence (for `其中…`)
    carry: bool = False  # this sentence refers back (其中, 同期 …, or follows a ；): it may take ctx.period
    period_forecast: bool = False  # ctx.period was stated in a forecast (`预计到2030年…`): never carried as a stock
    sentence: str = ""  # the (folded) sentence being read


#: a sentence with a time of its own that is not a period (`目前`, `未来10年`, `近年来`): no stock date carried
_OWN_TIME = re.compile(r"目前|当前|现在|如今|未来|近年|以来|过去|此前|曾经|将|预计|计划|有望|力争|累计")


_MONEY = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑", "韩元", "卢布", "迪拉姆"})


_CITY_WORDS = frozenset({"全市", "本市", "我市"})
_PROVINCE_WORDS = frozenset({"全省", "本省", "我省"})


def _own_region(region: str, article: str, home: str = "") -> str:
    """The sentence's region, else the article's, else 全国; an unnamed local scope (全省, 我市) is the article's
    region when it names one, else the home region of the paper it was printed in (`我市` in 义乌商报 → 义乌) when
    that is a place of the same kind (a city for 我市, a province for 我省)."""
    if region in _LOCAL_NAMES and article:
        return article
    if region in _LOCAL_NAMES and home:
        province = home in _province_names()
        if (region in _CITY_WORDS and (not province or home in _MUNICIPALITIES)) or (
            region in _PROVINCE_WORDS and province and home not in _MUNICIPALITIES
        ):
            return home
    return region or article or "全国"


_MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})


def _is_city(region: str) -> bool:
    return region in _MUNICIPALITIES or region in _section_names("# cities")


def _province_names() -> frozenset[str]:
    """Canonical names listed in the provinces section of seeds/regions.txt."""
    return _section_names("# provinces")


@lru_cache(maxsize=4)
def _section_names(heading: str, path: Path = REGIONS_FILE) -> frozenset[str]:
    """Canonical names listed under the comment line starting with `heading` in seeds/regions.txt."""
    out: set[str] = set()
    section = ""
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("#"):
                section = line
                continue
            if line and section.startswith(heading):
                name, _, canon = line.partition("\t")
                out.add((canon or name).strip())
    return frozenset(out)


def home_region(publication: str) -> str:
    """The one place a publication is named after (`义乌商报` → 义乌, `浙江日报` → 浙江), or "" (national or none)."""
    found = {c for _s, _e, c in _region_mentions(fold(publication or ""))}
    if len(found) != 1:
        return ""
    (only,) = found
    return "" if only in _NATIONAL else only


def _resolve(
    pm: PeriodMention | None, ctx: _Ctx, forecast: bool, year: int | None = None
) -> tuple[date | None, date | None, str]:
    if pm is None:
        return None, None, ""
    start, end = pm.resolve(ctx.published, year if year is not None else ctx.year, future_ok=forecast)
    return start, end, pm.label


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
                ctx.period.asof
                and ctx.period.kind != "now"
                and not ctx.period_forecast
                and not _OWN_TIME.search(t)
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
                    sent_region
                    if r in _CITY_WORDS and sent_region and _is_city(sent_region)
                    else r or fallback_region,
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
            region_list = (
                ph.region.split("、") if len(group) > 1 and ph.region.count("、") == len(group) - 1 else []
            )
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
                    open_levels = {f.metric for f in figs if f.growth_pct is None and not _is_growth_only(f)}
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
        if f.growth_pct is None and f.growth_pp is None and not _is_growth_only(f):
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
    if (
        ctx.prev_region not in ("", "全国")
        and _PART_LEAD.match(t)
        and not _NATIONAL_WORD.search(t)
    ):
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
_FROM_TO_YEARS = re.compile(r"(?:从|由)\s*((?:19|20)[0-9]{2})\s*年[^，,。；;]{0,30}?(?:到|至|增至|升至)\s*((?:19|20)[0-9]{2})\s*年")


_NUM_TEXT = r"[0-9][0-9,.]*\s*(?:万亿|千亿|亿|万)?\s*(?:元|美元|件|人|户|个|家)?"
#: `从2018年的1.06万亿元到2023年的2.38万亿元`: a level at each end of a span of years
_FROM_TO_VALUES = re.compile(
    r"(?:从|由)\s*(?:(?:19|20)[0-9]{2}\s*年\s*的\s*)?" + _NUM_TEXT
    + r"\s*(?:到|至|增至|增长至|增长到|提高到|上升至|升至)\s*(?:(?:19|20)[0-9]{2}\s*年\s*的\s*)?" + _NUM_TEXT
)


def _from_to_period(
    t: str, pos: int, pm: PeriodMention | None, resolved: tuple[date | None, date | None, str]
) -> tuple[date | None, date | None, str]:
    """The period of one end of `从Y1年的A到Y2年的B` / `2013年至2019年…从A增长至B`: Y1 for A, Y2 for B (each a
    year, never the whole span); an end value without a year of its own gets none (never the start's year)."""
    before = t[max(0, pos - 12) : pos]
    own = re.search(r"((?:19|20)[0-9]{2})\s*年\s*的\s*$", before)
    if own:
        y = int(own.group(1))
        return date(y, 1, 1), date(y, 12, 31), f"{y}年"
    is_start = re.search(r"(?:从|由)\s*$", before) is not None
    if pm is not None and pm.kind == "yearrange":
        y = pm.a if is_start else pm.b
        return date(y, 1, 1), date(y, 12, 31), f"{y}年"
    if is_start:
        return resolved
    return None, None, ""


def _metric_ahead(t: str, masked: str, pos: int) -> str:
    """The metric of the clause after `pos` that names one before its verb (`…，5年间，我国跨境电商进出口增长了…`)."""
    for m in re.finditer(r"[^，,。；;]+", masked[pos:]):
        clause = m.group()
        verb = re.search(r"增长|增加|上升|提高|下降|减少|达到?|为|实现|完成", clause)
        ph = _phrase(clause[: verb.start()] if verb else clause)
        if ph.metric and len(ph.metric) >= 2 and not _DIGIT_RE.search(ph.metric):
            return ph.metric
    return ""


def _multi_year_span(
    t: str, periods: list[PeriodMention], pos: int
) -> str | tuple[date, date, str] | None:
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
    ft = None
    for m in _FROM_TO_YEARS.finditer(t, 0, pos):
        ft = m
    if ft is not None:
        y1, y2 = int(ft.group(1)), int(ft.group(2))
        if y1 < y2:
            return date(y1, 1, 1), date(y2, 12, 31), f"{y1}—{y2}年"
    for p in periods:
        if p.kind == "yearrange" and p.end <= pos and not p.comparison:
            return date(p.a, 1, 1), date(p.b, 12, 31), p.label
    return "drop"


#: a name that ends in what is measured (an amount, a count, a rate, a price…); `线上旅游`, `吃类商品`, `进口` do not
_MEASURE_END = re.compile(
    r"(?:额|量|收入|规模|数|率|指数|价格|消费|票房|支出|次|值|比重|占比|份额|用户|人数|利润|费用|资金|里程|长度|面积|"
    r"总量|总值|产值|GMV|场|户|家|笔|人)$"
)
#: a part named after its whole: `其中`, `X中，` / `X当中，` (`实物商品网上零售额中，吃类、穿类和用类商品分别增长…`)
_PART_OF = re.compile(r"其中|(?:当中|之中|中)\s*[，,]")
_WHOLE_BEFORE = re.compile(r"(?P<w>[\u4e00-\u9fffA-Za-z0-9]{2,18}?)(?:当中|之中|中)\s*[，,]\s*$")
#: heads a part can take from its whole (longest first)
_PART_HEADS = ("网上零售额", "网络零售额", "零售额", "销售额", "交易额", "成交额", "消费", "支出", "业务量", "收入")
#: populations a part of a total belongs to (`农村网络零售额…，其中实物型网络零售额…` → 农村实物型网络零售额)
_PART_POPULATION = re.compile(r"^(?:农村|乡村|城镇|城市|农村地区|(?:国家级)?贫困县|脱贫县|贫困地区|脱贫地区)$")


_NATIONAL_WORD = re.compile(r"全国|我国|中国|国内")


def _part_name(part: str, whole: str) -> str:
    """The full name of `part`, named inside `whole` (`其中进口…` under 跨境电商零售进出口商品总额 → 跨境电商零售进口额);
    `part` unchanged when nothing safe applies."""
    if len(part) < 2 or not whole or "占" in whole or part == whole:
        return part
    if part in ("进口", "出口", "进口额", "出口额") and "进出口" in whole:
        return whole[: whole.find("进出口")] + part[:2] + "额"
    if len(whole) > len(part) and whole.endswith(part):
        return whole  # `电影票房…，其中2月份票房近69亿元`: the whole's own name
    if not _MEASURE_END.search(part):
        if part.endswith("商品") and "商品" in whole and not whole.endswith("商品"):
            return part + whole[whole.rfind("商品") + 2 :]  # 吃类商品 under 实物商品网上零售额
        head = next((h for h in _PART_HEADS if whole.endswith(h) and len(whole) > len(h)), "")
        return part + head if head and not part.endswith(head[:1]) else part
    for h in _PART_HEADS:
        if whole.endswith(h) and part.endswith(h) and len(part) > len(h):
            pop = whole[: -len(h)]
            kind = part[: -len(h)]
            if _PART_POPULATION.match(pop) and kind.endswith(("型", "类")) and not part.startswith(pop):
                return pop + part
            break
    return part


def _name_parts(t: str, figs: list[ExtractedFigure], fig_pos: list[int]) -> None:
    """Parts of a whole take the whole's name where they name only the part (see _part_name)."""
    wholes: dict[int, str] = {}
    for k, f in enumerate(figs):
        start = min(fig_pos[k], f.span_start)
        whole = ""
        # the whole as a figure earlier in the sentence, with `其中` between; a sibling part after a part (`其中实物型
        # 网络零售额…，服务型网络零售额…`, `其中线上旅游和线上餐饮分别增长…`) has the same whole
        for x in range(k - 1, -1, -1):
            w = figs[x]
            if "占" in w.metric:
                continue
            gap = t[w.span_end : start]
            if x in wholes and not _PART_OF.search(gap):
                whole = wholes[x]
            elif _PART_OF.search(gap) and w.metric != f.metric:
                whole = w.metric
                if f.region == "全国" and w.region != "全国" and not _NATIONAL_WORD.search(gap):
                    f.region = w.region  # `全市社会消费品零售总额…，其中汽车类…`: a part of a local whole is local
            break
        if not whole:
            pm = _PART_OF.search(t, 0, start)
            lead = t[: pm.end()] if pm and pm.group() != "其中" else ""
            m = _WHOLE_BEFORE.search(lead) if lead else None
            if m and not _DIGIT_RE.search(t[m.end() : start].split("分别")[0]):
                named = m.group("w")
                whole = _phrase(named[1:] if named.startswith("在") else named).metric  # `在实物商品网上零售额中，`
        if whole:
            wholes[k] = whole
            f.metric = _part_name(f.metric, whole)


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


def _older_base(periods: list[PeriodMention], pm: PeriodMention | None, cb: int, pos: int, ctx: _Ctx) -> bool:
    """A comparison period with an explicit year two or more years before the figure's own (`比2019年3月份增长`)."""
    base = next((p for p in reversed(periods) if p.comparison and cb <= p.start < pos and p.explicit_year), None)
    if base is None or base.year is None:
        return False
    own = pm.year if pm is not None and pm.year is not None else ctx.year
    if own is None and ctx.published is not None:
        own = ctx.published.year
    return own is not None and own - base.year >= 2


def _is_growth_only(f: ExtractedFigure) -> bool:
    return (f.unit == "%" and f.value == f.growth_pct) or (f.unit == "个百分点" and f.value == f.growth_pp)


def _merge_leading_growth(figs: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """`德国在线销售额在2022年下降了2.5%,达845亿欧元`: a growth stated just before the level of the same metric
    belongs to that level (one figure with growth), not to a growth-only figure of its own."""
    out: list[ExtractedFigure] = []
    for k, f in enumerate(figs):
        nxt = figs[k + 1] if k + 1 < len(figs) else None
        prev = figs[k - 1] if k else None
        if (
            nxt is not None
            and _is_growth_only(f)
            and not _is_growth_only(nxt)
            and nxt.growth_pct is None
            and nxt.growth_pp is None
            and normalise_metric(nxt.metric) == normalise_metric(f.metric)
            and not (prev is not None and _is_growth_only(prev) and prev.span_end >= f.span_start - 3)
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


_POST_STOP = re.compile(
    r"^(?:省|省份|省区市|省市|省\(区、市\)|城市|国家|国家和地区|国家或地区|地区|方面|领域|行业|梯队|"
    r"部门|主要方面|项目|月|年|天|小时|倍|国家级|以上|以下|左右|举措|措施|条举措|条措施)"
)
_PRED_CUT = re.compile(
    r"稳居|位居|居于?|排名|排在|分列|依次|持续|保持|继续|呈现|实现|均|都|遥遥|领先|紧随|首发|上市|参加|先后|上线"
)


#: a count of provinces/cities/countries/aspects is the scope of something, not a figure
_SCOPE_AFTER = re.compile(
    r"\s*(?:多|余)?\s*(?:个|条|项)?\s*(?:(?:主要)?方面|领域|梯队|举措|措施|省(?:份|区市|市)?|(?:国家|地区|城市)(?:[和及与或](?:地区|城市))?"
    r"(?=[^\u4e00-\u9fff]|$|和|及|与|或|开设|覆盖|全面|实现|的|中|里|内|设立|开通|分别|均|都|先后|已|共))"
)


_SUMMED = re.compile(r"合计|总计|共计|加起来|之和|总和")
#: `N个(大中)城市` followed, in its clause, by the figures about them
_SURVEYED_AFTER = re.compile(r"\s*个?(?:大中|重点|主要|大)?城市(?P<rest>[^，,；;。]*)")
_STOP_PREFIX_ONLY = frozenset({"月", "年", "天", "小时", "倍", "以上", "以下", "左右"})
#: what is left of a clause that names no metric: a duration (`从39天破100亿件`), a bare verb
_JUNK_METRIC = re.compile(
    r"[0-9](?:\.[0-9]+)?\s*(?:万亿|亿|万|千)?(?:元|件|人|个|家|%)|"
    r"\d\s*(?:天|个月|年|小时|周)|^(?:仅用|用了|每人|增加至|增长至|上升至|提高至)$|^(?:前|第)\s*\d+\s*(?:名|位|强)"
)


def _post_noun(t: str, pos: int) -> str:
    m = _CJK_NOUN_AFTER.match(t, pos)
    if not m:
        return ""
    noun = _clean_spaces(m.group("n"))
    cut = _PRED_CUT.search(noun)
    if cut:
        noun = noun[: cut.start()]
    if len(noun) < 2:
        return ""
    if _DIGIT_RE.search(noun):
        return ""
    if noun.startswith("在") and split_region(noun[1:] + "xx")[1] == "xx":
        return ""  # `有6个在浙江`: a location, not a noun
    stop = _POST_STOP.match(noun)
    if stop and (stop.end() == len(noun) or stop.group() in _STOP_PREFIX_ONLY):
        return ""  # `国家` alone is a scope; `国家顶级节点` is a noun
    return noun


def _level_metrics(
    t: str,
    masked: str,
    ph: _Phrase,
    group: list[_Item],
    carried: ExtractedFigure | None,
    cb: int,
    post_mode: bool,
    ctx: _Ctx,
    prev_group: list[tuple[str, str]],
) -> list[tuple[str, str]] | None:
    """(region, metric) per number of a level group, or None when the numbers belong to no metric."""
    k = len(group)
    if _SCOPE_AFTER.match(t, group[-1].num.end):
        return None
    surveyed = _SURVEYED_AFTER.match(t, group[-1].num.end)
    if surveyed and _DIGIT_RE.search(surveyed.group("rest")):
        return None  # `36个大中城市猪肉价格上涨24.3%`: how many cities were surveyed, not a figure
    if ph.metric.startswith("在") and split_region(ph.metric[1:] + "xx")[1] == "xx":
        return None  # `前10名有6个在浙江`: where things are, not a metric
    post = _post_noun(t, group[-1].num.end)
    metric = ph.metric
    if metric and post_mode and carried is not None and metric == carried.metric and post:
        return [(ph.region, post)] * k  # "13项二级指标和40余项三级指标"
    if (
        (ph.trailing and _POST_VERBS.search(ph.trailing))
        or metric.endswith("等")
        or (metric and _POST_VERBS.search(metric))
    ):
        if post:
            return [(ph.region, post)] * k
        if metric.endswith("等"):
            return None
    if (
        not metric
        and k > 1
        and ph.region.count("、") == k - 1
        and carried is not None
        and "分别" in masked[cb : group[0].num.start]
        and all(g.num.base_unit == carried.base_unit for g in group)
    ):
        # `全省快递业务量完成120亿件…，其中杭州、宁波分别完成50亿件和20亿件`: the same metric, region by region
        return [(r, carried.metric) for r in ph.region.split("、")]
    if not metric and "分别" in masked[cb : group[0].num.start] and len(prev_group) == k:
        return list(prev_group)
    if not metric and "分别" in masked[cb : group[0].num.start]:
        # "即时通信、网络视频、短视频用户规模稳居前三,分别达10.47亿人、10.44亿人和10.26亿人"
        pb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, max(cb - 1, 0))), default=0)
        subj = masked[pb : max(cb - 1, pb)]
        subj = re.split(r"\d", subj)[0]
        cut = _PRED_CUT.search(subj)
        if cut:
            subj = subj[: cut.start()]
        sp = _phrase(subj)
        if sp.items and len(sp.items) == k:
            return [(sp.region, x) for x in sp.items]
        if sp.metric:
            return [(sp.region, sp.metric)] * k
    if not metric or len(metric) < 2:
        colon = _colon_subject(t, masked, cb)
        if colon is not None:
            return [(colon.region or ph.region, colon.metric)] * k
    if metric.startswith("占"):
        if carried is None:
            return None
        return [(ph.region or carried.region, carried.metric.split("占")[0] + metric)] * k
    if not metric or len(metric) < 2:
        if carried is not None:
            return [(ph.region or carried.region, carried.metric)] * k
        if post:
            return [(ph.region, post)] * k
        return None
    if _POST_STOP.fullmatch(metric):
        return None
    if k > 1 and len(ph.items) == k:
        return [(ph.region, x) for x in ph.items]
    if k > 1 and ph.region.count("、") == k - 1:
        return [(r, metric) for r in ph.region.split("、")]  # `杭州、金华电商发展指数分别为327.55和251`
    if k > 1:
        regions = _region_list_before(t, cb, k)
        if regions:
            return [(r, metric) for r in regions]
        if "分别" in masked[cb : group[0].num.start]:
            return _distribute_list(ph.region, metric, prev_group, k)
    return [(ph.region, metric)] * k


_COLON_METRIC_END = re.compile(_MEASURE_END.pattern[:-2] + r"|进出口|出口|进口)$")


def _colon_subject(t: str, masked: str, cb: int) -> _Phrase | None:
    """`网上零售额:1-11月累计105374亿元`, `快递业务量：全年完成1320亿件`: a clause naming no metric right after a colon
    takes the metric named before the colon (a short noun phrase ending in what is measured)."""
    if cb <= 1 or t[cb - 1] not in "：:":
        return None
    pb = max((m.end() for m in _CLAUSE_BOUNDARY.finditer(t, 0, cb - 1)), default=0)
    subj = masked[pb : cb - 1]
    if _DIGIT_RE.search(subj) or not subj.strip():
        return None
    ph = _phrase(subj)
    if not (2 <= len(ph.metric) <= 14) or not _COLON_METRIC_END.search(ph.metric) or ph.items:
        return None
    return ph


def _distribute_list(region: str, metric: str, prev_group: list[tuple[str, str]], n: int) -> list[tuple[str, str]]:
    """`即时通信、网络视频、短视频用户规模…分别达…,用户使用率分别为97.1%、96.8%和95.2%`: the second list takes the
    first list's items (即时通信用户使用率 …) when the previous level group has as many figures of a common head."""
    k = len(prev_group)
    if k != n:
        return [(region, metric)] * n
    names = [m for _, m in prev_group]
    rev = [m[::-1] for m in names]
    suffix_len = len(os.path.commonprefix(rev)) if k > 1 else 0
    prefixes = [m[: len(m) - suffix_len] for m in names]
    if (
        suffix_len >= 2
        and all(len(p) >= 2 for p in prefixes)
        and len(set(prefixes)) == k
        and not any(metric.startswith(p) for p in prefixes)
    ):
        return [(region or r, p + metric) for (r, _), p in zip(prev_group, prefixes, strict=True)]
    return [(region, metric)] * n


_FORECAST_LEAD = re.compile(r"(?:预计|预测|展望)\s*[，,:：]")
_AVERAGE_RATE = re.compile(r"年均|年复合|复合增长|平均增速|平均增长|平均每年")
_SHARED_GROWTH = re.compile(r"增速|均|都")
_BREAKDOWN = re.compile(r"^\s*分(?:季度|月份?|月度|季)(?:来)?看\s*[，,]")
_ANAPHORA = re.compile(r"^(该|这一|此|这个|上述|前述)(指标|数据|数值|数字|指数|规模|比例|比重|增速|[\u4e00-\u9fff]{0,2})$")


def _expand_generic(metric: str, ctx: _Ctx) -> str:
    """`交易规模` after `直播电商交易规模` earlier in the paragraph → 直播电商交易规模; `该指数`/`这一指标` → the
    indicator named before (or nothing: a pronoun is no metric)."""
    ana = _ANAPHORA.match(metric)
    if ana:
        rest = ana.group(2)
        for prev in reversed(ctx.metrics):
            if rest in ("", "指标", "数据", "数值", "数字") or prev.endswith(rest):
                return prev
        return ""
    if len(metric) > 4 or "占" in metric or (len(metric) < 3 and metric not in _GENERIC_HEADS):
        return metric
    for prev in reversed(ctx.metrics):
        if len(prev) > len(metric) and prev.endswith(metric) and "占" not in prev:
            return prev
    if metric in _GENERIC_HEADS or metric in ("交易额", "销售额", "零售额", "业务量"):
        # `我国电子商务交易额在2008、2009两年连创新高，2009年交易额达3.8万亿元`: named earlier in the sentence
        found = None
        for m in re.finditer(r"[\u4e00-\u9fff]{2,10}?" + re.escape(metric), ctx.sentence):
            found = m
        if found is not None:
            named = _phrase(found.group()).metric
            if len(named) > len(metric) and named.endswith(metric) and "占" not in named:
                return named
    return metric


def _sentence_region(masked: str) -> str:
    """A foreign/provincial region opening the sentence (`日本位居第三,发货量91亿件`) applies to its figures."""
    head = _LEAD_RE.sub("", masked.replace("\x00", "").lstrip(" ,，"))
    table, _ = _regions()
    m = re.match(r"(?:在)?([\u4e00-\u9fff]{2,8}?)(?:以|位居|居|的|[,，]|[“\"「](?=[^，,。]{0,8}(?:期间|假期|节)))", head)
    if not m:
        return ""
    region = table.get(m.group(1), "")
    return "" if region in ("", "全国") else region


def _same_metric(a: str, b: str) -> bool:
    a, b = normalise_metric(a), normalise_metric(b)
    return a == b or a.endswith(b) or b.endswith(a)


def _region_list_before(t: str, clause_start: int, n: int) -> list[str]:
    """`美国、荷兰、英国为前三大出口市场,出口额分别为…` → the n regions of a 、-list earlier in the sentence."""
    table, _ = _regions()
    for m in re.finditer(r"[\u4e00-\u9fff]{2,8}(?:[、和及与][\u4e00-\u9fff]{2,8})+", t[:clause_start]):
        names = [x for x in re.split(r"[、和及与]", m.group()) if x]
        resolved = []
        for x in names:
            hit = next((table[r] for r in sorted(table, key=len, reverse=True) if x.startswith(r)), None)
            if hit is None:
                break
            resolved.append(hit)
        if len(resolved) == n == len(names):
            return resolved
    return []


#: a sentence that refers back to the one before (`其中，…`, `同期，…`, `在实物商品网上零售额中，…`): it may take the
#: period of the sentence before; any other sentence without a period of its own has none
#: a sentence continuing the subject of the one before: a part (`其中…`) or a subjectless clause of the same period
#: (`同期实现商品类网络购物交易额…`)
_PART_LEAD = re.compile(r"^[\s,，、]*(?:其中|同期[,，]?\s*(?:实现|完成|达到?|共|累计))")
_REFERS_BACK = re.compile(
    r"^[\s,，、]*(?:(?:此外|另外|同时|而|数据显示|统计显示)[,，]?\s*)?"
    r"(?:其中|同期|当年|当月|当季|同一时期|这一时期|此期间|期间|在[^，,。；;]{2,24}?中[,，])"
)
#: anywhere in a sentence: a change on the same period a year before (同比 = 与上年同期相比)
_REFERS_BACK_ANY = re.compile(r"同比|(?:上年|去年)同期")
#: a rank continuing the ranking of the sentence before in its paragraph (`美国以213亿件发货量位居第二`)
_FLOW = re.compile(r"(?:增长|下降|上涨|回落|减少|增加)[了约近超过逾]*\s*[0-9０-９.]+\s*[%％]")
#: a running total of money (`电影票房累计超过112亿元`, `平台累计直播销售额1.27万亿元`): a flow over the period the
#: paragraph just stated — unlike a count of things built or held to date (`累计建成5G基站…个`), a stock
_RUNNING_TOTAL = re.compile(
    r"累计[^，,。；;0-9０-９]{0,10}?[0-9０-９][0-9０-９.,．]*\s*(?:万亿|千亿|亿|万|千)?\s*(?:元|美元|欧元)"
)
_RANK_CONTINUES = re.compile(r"(?:位居|居|位列|排名|排)第[二三四五六七八九十2-9２-９]")


def extract_figures(text: str, published: date | None, *, title: str = "", home: str = "") -> list[ExtractedFigure]:
    """Every figure in `text` (normalised article text, paragraphs separated by newlines), in text order.

    `title`: the article's title; a region it names (`上海市快递业务量…`) — or, failing that, the region of an
    authority in the lead (`上海市邮政管理局发布…`) — is the region of every figure whose sentence names none.
    `home`: the region the publication is named after (see home_region): what an unnamed 我市/全省 refers to when
    the article names no region."""
    out: list[ExtractedFigure] = []
    region = article_region(title, text)
    lines = text.split("\n")
    ctx = _Ctx(published, region=region, home=home)
    if "|" in text:
        lines = split_glued_rows(lines)
    tables = find_tables(lines, _is_period_cell) if "|" in text else []
    in_table = {k for tb in tables for k in range(tb.start_index, tb.end_index)}
    notes = False
    for li, para in enumerate(lines):
        head = para.strip()
        if _NOTES_HEAD.match(head):
            # `附注` / `注：`: definitions and survey scope (`限额以上单位是指年主营业务收入2000万元及以上…`), not
            # figures; a bare `附注` line starts the notes that close a release
            notes = notes or _NOTES_ALONE.match(head) is not None
            continue
        if notes or li in in_table or not _DIGIT_RE.search(para):
            continue
        # a year resolves month-only periods within its paragraph; a period carries to a later sentence of the
        # article only when that sentence refers back (see _Ctx.carry)
        ctx.year, ctx.metrics, ctx.prev_region = None, [], ""
        follows_semicolon = False
        para_period = False  # a period was stated earlier in this paragraph
        # ASCII full stops (`…增长10.2%.全国…`) end sentences too; found on a same-length copy, quotes keep the text
        marked = _ASCII_STOP.sub("。", para) if "." in para else para
        for m in _SENT_RE.finditer(marked):
            quote = para[m.start() : m.end()].strip()
            if quote and _DIGIT_RE.search(quote):
                ctx.carry = (
                    follows_semicolon
                    or _REFERS_BACK.match(quote) is not None
                    or _REFERS_BACK_ANY.search(quote) is not None
                    or (para_period and _RANK_CONTINUES.search(quote) is not None)
                    # a flow continuing its paragraph's account (`1—2月份，全国网上零售额8580亿元…。实物商品网上零售额
                    # 为6419亿元，增长25.5%`): a change or a running total is over the period just stated; a stock
                    # (`目前已设立165个`) is not, nor anything after a forecast
                    or (
                        para_period
                        and not ctx.period_forecast
                        and (
                            _FLOW.search(quote) is not None
                            or ("累计" in quote and _RUNNING_TOTAL.search(quote) is not None)
                        )
                        and _OWN_TIME.search(quote.replace("累计", "")) is None
                    )
                )
                before = ctx.period
                _extract_sentence(quote, ctx, out)
                para_period = para_period or ctx.period is not before
            follows_semicolon = quote.endswith(("；", ";"))
    _name_trade_parts(out)
    for tb in tables:
        _table_figures(tb, published, title, region, out)
    return merge_restatements(out)


def _name_trade_parts(figs: list[ExtractedFigure]) -> None:
    """`跨境电商零售进出口商品总额达717.3亿元…;其中进口441.7亿元…;出口275.6亿元…`: a bare 进口/出口 right after the
    total of imports and exports (or after its sibling) is that total's part, in the same period and region."""
    whole: ExtractedFigure | None = None
    for f in figs:
        bare = f.metric in ("进口", "出口", "进口额", "出口额")
        if bare and whole is not None and (f.period_start, f.period_end, f.region) == (
            whole.period_start,
            whole.period_end,
            whole.region,
        ):
            f.metric = _part_name(f.metric, whole.metric)
            continue
        whole = f if "进出口" in f.metric and "占" not in f.metric and not _is_growth_only(f) else None


# ------------------------------------------------------------------------------------------------ tables

_NOTES_HEAD = re.compile(r"^(?:附\s*注|注\s*释|注)\s*(?:[:：]|$)|^[0-9０-９]+\s*[.．、]\s*(?:指标解释|统计范围|调查方法|统计口径)")
_NOTES_ALONE = re.compile(r"^(?:附\s*注|注\s*释)\s*[:：]?\s*$")


#: header cells naming a period relative to the table's own (`全国邮政行业发展情况表（2018年12月份）`)
_REL_CURRENT = frozenset({"当月", "本月", "当期", "本期"})
_REL_TO_DATE = frozenset({"累计", "本年累计", "累计值", "年累计", "1-本月", "1至本月"})


def _is_period_cell(cell: str) -> bool:
    """`11月`, `1—11月`, `1-11月份`, `2023年`, `上半年`, `一季度`, `当月`, `累计`: a header cell naming a period."""
    c = re.sub(r"\s+", "", fold(cell))
    if not c or len(c) > 16:
        return False
    if c in _REL_CURRENT or c in _REL_TO_DATE:
        return True
    pms = find_periods(c, None)
    return len(pms) == 1 and pms[0].start == 0 and pms[0].end == len(c) and pms[0].kind != "now"


def _table_figures(
    tb: Table, published: date | None, title: str, region: str, out: list[ExtractedFigure]
) -> None:
    """Figures of an indicator table: each row's level (unit from the column or the row) with its growth, for each
    period of the header, resolved against the caption's (else the title's) year and the article's date. A row
    value the text already stated (same value and period) is not added twice: the text's figure keeps its sentence
    and takes the table's growth if it had none."""
    year = None
    own: PeriodMention | None = None  # the table's own month or months (`（2018年12月份）`), for 当月/累计 columns
    for src in (tb.caption, title):
        for p in find_periods(fold(src), published):
            if p.comparison:
                continue
            if own is None and p.kind in ("month", "months") and not p.day:
                own = p
            if year is None and p.explicit_year and p.year is not None:
                year = p.year
        if year is not None:
            break
    stated = list(out)
    for cell in tb.cells:
        start: date | None
        end: date | None
        written = re.sub(r"\s+", "", fold(cell.period))
        if written in _REL_CURRENT or written in _REL_TO_DATE:
            if own is None:
                continue
            o_start, o_end = own.resolve(published, year)
            if o_end is None:
                continue
            if written in _REL_CURRENT:
                start, end = date(o_end.year, o_end.month, 1), o_end
                label = f"{o_end.year}年{o_end.month}月"
            else:
                start, end = date(o_end.year, 1, 1), o_end
                label = f"{o_end.year}年1—{o_end.month}月"
        else:
            pms = find_periods(written, published, year)
            if not pms:
                continue
            pm = pms[0]
            start, end = pm.resolve(published, year)
            label = pm.label if year is None or pm.explicit_year else f"{year}年{pm.label}"
        growth = float(cell.growth.replace(",", "")) if cell.growth is not None else None
        gdec = _decimals(cell.growth) if cell.growth is not None else None
        num = None
        if cell.value is not None and (cell.unit or cell.row_unit):
            num = parse_number(fold(cell.value.replace(",", "") + (cell.unit or cell.row_unit)))
            if num is not None and not num.unit:
                num = None
        if num is None and growth is None:
            continue
        reg, metric = split_region(cell.full_name or cell.row)
        metric = metric if reg else (cell.full_name or cell.row)
        reg = reg or region or "全国"
        key = normalise_metric(metric)
        row_key = normalise_metric(cell.row)
        # the same figure in the text (`城镇消费品零售额34072亿元` for the row `城镇`): keep the text's
        twin = None
        for f in stated:
            if (f.period_start, f.period_end) != (start, end):
                continue
            fk = normalise_metric(f.metric)
            same_name = (
                fk == key or fk.endswith(key) or key.endswith(fk) or fk.startswith(key) or fk.startswith(row_key)
            )
            if num is not None and not _is_growth_only(f):
                if same_name and _agrees(f, num.value_base, growth):
                    twin = f
                    break
            elif num is None and _is_growth_only(f) and same_name and f.growth_pct == growth:
                twin = f
                break
        if twin is not None:
            if twin.growth_pct is None and growth is not None:
                twin.growth_pct, twin.growth_decimals = growth, gdec
            tk = normalise_metric(twin.metric)
            if len(key) > len(tk) and key.endswith(tk):
                twin.metric = metric  # `业务总量` in the text is the table's `邮政行业业务总量`
            continue
        if len(metric) <= 2 or metric == cell.row and len(metric) <= 3 and not _HEAD_ONLY.search(metric):
            continue  # `城镇` alone names no metric the text did not state
        pos = cell.line.find(cell.value if num is not None and cell.value else cell.growth or "")
        pos = max(pos, 0)
        vdec: int | None
        if num is not None:
            value, unit, value_base, base_unit, vdec = num.value, num.unit, num.value_base, num.base_unit, num.decimals
            pct = growth
        else:
            assert growth is not None
            value, unit, value_base, base_unit, vdec = growth, "%", growth, "%", gdec
            pct = growth
        out.append(
            ExtractedFigure(
                metric=metric,
                region=reg,
                value=value,
                unit=unit,
                value_base=value_base,
                base_unit=base_unit,
                qualifier="exact",
                period_start=start,
                period_end=end,
                period_label=label,
                growth_pct=pct,
                growth_pp=None,
                is_forecast=False,
                quote=cell.line,
                span_start=pos,
                span_end=pos + len(cell.value or cell.growth or ""),
                value_decimals=vdec,
                growth_decimals=gdec if pct is not None else None,
            )
        )


_HEAD_ONLY = re.compile(r"(?:额|量|收入|数|率|值)$")


def _agrees(stated: ExtractedFigure, table_base: float, table_growth: float | None) -> bool:
    """The text's figure restates the table's cell: equal, or equal to the text's own precision (`237.5亿件` for the
    cell `2374636.3` 万件) with the same growth."""
    if abs(stated.value_base - table_base) <= 1e-9 * max(abs(table_base), 1.0):
        return True
    if not stated.value or stated.value_decimals is None:
        return False
    if table_growth is None or stated.growth_pct is None or abs(table_growth - stated.growth_pct) > 1e-9:
        return False
    step = abs(stated.value_base / stated.value) * 10 ** -stated.value_decimals
    return abs(stated.value_base - table_base) <= step / 2 + 1e-9 * abs(table_base)


def _decimals(written: str) -> int:
    return len(written.rpartition(".")[2]) if "." in written else 0


#: how far a rounded restatement may be from the exact figure it restates (`突破9亿` for 9.2亿: 2%; `超5万亿元`
#: for 5.3万亿元: 6%)
_RESTATE_MAX = {"lower_bound": 1.2, "approx": 1.1, "upper_bound": 1.2}


def merge_restatements(figs: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """Drop a rounded restatement (`网民规模突破9亿`, `网上零售额超5万亿元`, `约2万亿元`) of an exact figure of
    the same article (stated in another sentence: a headline or lead): same metric, region and unit (`9亿` matches
    `9.04亿人`), the same period (or none stated), and the exact value on the
    side of the bound the words say, within `_RESTATE_MAX`. The exact figure is the one a reader wants."""
    exact = [f for f in figs if f.qualifier == "exact" and not _is_growth_only(f)]
    if len(figs) < 2 or not exact:
        return figs
    key = {id(f): normalise_metric(f.metric) for f in figs}
    levels = {
        (key[id(e)], e.region, e.period_start, e.period_end, e.growth_pct, e.growth_pp)
        for e in exact
        if e.period_end is not None
    }
    by_metric: dict[str, list[ExtractedFigure]] = {}
    for e in exact:
        by_metric.setdefault(key[id(e)], []).append(e)
    keep: list[ExtractedFigure] = []
    for f in figs:
        only = _is_growth_only(f)
        if (
            only
            and f.period_end is not None
            and (key[id(f)], f.region, f.period_start, f.period_end, f.growth_pct, f.growth_pp) in levels
        ):
            continue  # `2020年11月份社会消费品零售总额增长5.0%` over `…为39514亿元，同比增长5.0%`
        if (
            f.qualifier == "exact"
            and not only
            and f.period_end is None
            and any(
                e.quote != f.quote
                and e.period_end is not None
                and e.region == f.region
                and e.base_unit == f.base_unit
                and abs(e.value_base - f.value_base) <= 1e-9 * max(abs(f.value_base), 1.0)
                for e in by_metric.get(key[id(f)], ())
            )
        ):
            continue  # a headline `我国网民规模达10.79亿人` over the body's `截至6月，…达10.79亿人`
        limit = _RESTATE_MAX.get(f.qualifier)
        if limit is not None and not only and f.value_base > 0:
            for e in by_metric.get(key[id(f)], ()):
                if (
                    # `超过20万亿元，达到20.8万亿元`: the round number restated; but `首次突破2万亿元关口、达2.1万亿元`
                    # states a milestone and a level, both kept
                    (e.quote != f.quote or not _MILESTONE.search(f.quote))
                    and e is not f
                    and e.region == f.region
                    and (e.base_unit == f.base_unit or (f.base_unit == "" and f.unit in MULTIPLIERS))
                    and f.period_end in (None, e.period_end)
                    and f.period_start in (None, e.period_start)
                    and e.value_base > 0
                    and _restates(f.qualifier, f.value_base, e.value_base, limit)
                ):
                    if e.growth_pct is None and f.growth_pct is not None:
                        e.growth_pct, e.growth_decimals = f.growth_pct, f.growth_decimals
                    break
            else:
                keep.append(f)
            continue
        keep.append(f)
    return keep


_MILESTONE = re.compile(r"首次|首度|关口|大关|历史|纪录|记录|里程碑|迈上|跨过|站上")


def _restates(qualifier: str, bound: float, exact: float, limit: float) -> bool:
    if qualifier == "lower_bound":
        return bound <= exact <= bound * limit
    if qualifier == "upper_bound":
        return bound / limit <= exact <= bound
    return bound / limit <= exact <= bound * limit


# --------------------------------------------------------------------------------------------- article region

#: a date or period opening a title (`2022 年`, `今年前7个月`, `1—3月`) before the region it names
_TITLE_LEAD = re.compile(
    r"^(?:\s|(?:19|20)\d{2}\s*年?(?:度)?|今年|去年|上半年|下半年|前三季度|[一二三四1-4]季度|前\s*\d{1,2}\s*个?月|"
    r"\d{1,2}\s*(?:[-—–至]\s*\d{1,2})?\s*月份?|[:：,，、|])+"
)
#: an authority or place named with its administrative suffix in the lead (`上海市邮政管理局`, `广东省商务厅`)
_LEAD_AUTHORITY = re.compile(
    r"(?:省|市|自治区)?(?:人民政府|政府|商务厅|商务局|商务委员会|商务委|统计局|邮政管理局|通信管理局|海关|发展和改革委员会|"
    r"发改委|市场监督管理局|网信办|工业和信息化厅|工信厅|调查总队)"
)
_NATIONAL = frozenset({"全国", "全球", "海外"})
#: a place naming an outlet or a dateline, not the scope of the figures (`台州日报`, `北京4月21日电`)
_OUTLET_AFTER = re.compile(
    r"(?:市|省)?(?:日报|晚报|商报|早报|都市报|青年报|经济报|报社|报|电视台|广播电视台|"
    r"(?:新闻)?网(?=$|[^\u4e00-\u9fff]|讯|消息|报道|记者|评论)|发布)"
    r"|\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*(?:电|讯)"
)
#: `居全国第三`, `全国前列`, `全国首位`: the nation as the field of a ranking, not the scope of the figures
_RANK_IN = re.compile(r"\s*(?:第|前列|前茅|首位|首|领先|之首|平均|水平|增速)")


def _region_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical) of each region name in `text`, longest first, non-overlapping, in order."""
    table, _ = _regions()
    names = _region_names()
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(text):
        hit = next((n for n in names.get(text[i], ()) if text.startswith(n, i)), None)
        if hit is None:
            i += 1
            continue
        out.append((i, i + len(hit), table[hit]))
        i += len(hit)
    return out


@lru_cache(maxsize=1)
def _region_names() -> dict[str, tuple[str, ...]]:
    table, _ = _regions()
    by_first: dict[str, list[str]] = {}
    for n in sorted(table, key=len, reverse=True):
        by_first.setdefault(n[0], []).append(n)
    return {k: tuple(v) for k, v in by_first.items()}


def article_region(title: str, body: str = "") -> str:
    """The one region an article is about, or "" (national, several regions, or none named).

    From the title: the region it names (`2022年上海市快递业务量完成28.6亿件` → 上海; `上海浦东…` → 上海); a title
    naming the nation (全国/中国/我国) or two unrelated regions gives "". Failing a title region, the lead's
    first sentence: an authority named with its region (`上海市邮政管理局发布…`, `据广东省商务厅统计`)."""
    t = fold(title or "")
    mentions = [
        m
        for m in _region_mentions(t)
        if not (m[2] == "全国" and (_RANK_IN.match(t, m[1]) or t[max(m[0] - 1, 0) : m[0]] in ("占", "居")))
        and not _OUTLET_AFTER.match(t, m[1])
    ]
    if mentions:
        canon = [c for _, _, c in mentions]
        if any(c in _NATIONAL for c in canon):
            return ""
        first = canon[0]
        # `上海浦东`: a place inside the first region, written right after it
        rest = [m for m in mentions[1:] if m[2] != first]
        if rest and not (len(mentions) == 2 and mentions[1][0] == mentions[0][1]):
            return ""
        return first
    lead = fold(body.lstrip().split("\n", 1)[0])
    lead = re.split(r"[。！？!?；;]", lead, maxsplit=1)[0]
    found: list[str] = []
    for _s, e, c in _region_mentions(lead):
        if c in _NATIONAL:
            return ""
        if _LEAD_AUTHORITY.match(lead, e) and c not in found:
            found.append(c)
    return found[0] if len(found) == 1 else ""


def figure_values(body: str, published: date | None, *, title: str = "", home: str = "") -> list[dict[str, Any]]:
    """Column values (all but `id` and `article_id`) of every figure in an article body, ready for a bulk INSERT:
    exactly what `figures_for_article` stores, without building ORM objects (pure: safe in a worker process)."""
    rows: list[dict[str, Any]] = []
    for f in extract_figures(body, published, title=title, home=home):
        data: dict[str, Any] = {k: getattr(f, k) for k in FIGURE_FIELDS}
        data["metric"] = f.metric[:200]
        data["region"] = f.region[:100]
        data["period_label"] = f.period_label[:100]
        data["metric_norm"] = normalise_metric(f.metric)[:200]
        rows.append(data)
    return rows


def figures_for_article(article: Article) -> list[Figure]:
    """ORM rows for every figure in the article body (article must be flushed: id set)."""
    assert article.id is not None
    return [
        Figure(article_id=article.id, **data)
        for data in figure_values(article.body, article.published, title=article.title)
    ]
