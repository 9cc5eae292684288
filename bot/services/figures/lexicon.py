"""Patterns and word lists shared by the sentence reader: sentence and clause boundaries, what is masked (dates,
times, brackets), what follows a number that is no figure (`年`, `岁`, `强`), growth verbs and negative words, the
comparison phrase cut from a growth's subject, forecast words, qualifier words, and the words a metric phrase never
ends or starts with (trailing tokens, link verbs, openers, generic heads, list separators).

Data only (precompiled `re` and frozensets) plus `_clean_spaces`; used by phrase, classify, naming, growth,
sentence, regions and extract."""

from __future__ import annotations

import re

_SENT_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")

#: an ASCII full stop ending a sentence (after a character or closing mark, not inside a number: `10.2%.全国…`), or
#: its full-width form typed in the same place (`个百分点．据商务部监测`)
_ASCII_STOP = re.compile(r"(?<=[\u4e00-\u9fff%％)）\"”'’])[.．](?![0-9０-９])")

_DIGIT_RE = re.compile(r"[0-9０-９]")


_CLAUSE_BOUNDARY = re.compile(r"[，,；;：:。！？!?\n]")

_PAREN_RE = re.compile(r"\([^()]*\)|（[^（）]*）|\[[^\[\]]*\]")


_RANK_BEFORE = re.compile(r"(?:第|前|总|排名|排第|TOP|Top|top|No\.|NO\.|#)\s*$")

_BAD_AFTER = re.compile(r"\s*(?:年|月|日|号|岁|后|天|周|小时|分钟|秒|期|届|强|大(?!关)|代|维|级|寸|万?步|:|-\d|—\d)")


_TIME_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")

_DATE_RE = re.compile(r"(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|(?:19|20)\d{2}\s*年|\d{1,2}\s*月")


_GROWTH_VERB_END = re.compile(
    r"(?P<verb>负增长|正增长|增长|成长|增加|上升|提高|提升|上涨|高出|多出|增|涨|攀升|扩大|回升|递增|下降|减少|降低|下滑|回落|缩短|缩小|减|下跌|跌|萎缩|缩减"
    r"|(?<=按年|按月|按季|同比|环比)升"  # `按年升19.4%` (Hong Kong usage: 按年 = 同比)
    r"|(?<=顺差|逆差)收窄"  # `贸易顺差收窄22.3%`: a surplus shrinking is its fall
    r"|(?:^|(?<=[，,；;]))升)"  # `出口货值1.6万亿港元，升5.2%`: a clause of its own opened by 升 (as `，跌1.8%`)
    r"(?:了)?\s*(?:约|将近|接近|近|超过?|逾|达到?|均|分别为?|分别)*\s*$"
)

_GROWTH_RATE_END = re.compile(
    r"(?:(?:(?:增长|增速|增幅)(?:明显|大幅|小幅|略有|略微|有所|进一步|继续|持续){0,2}(?:放缓|回落|回升|加快|收窄|缩小|扩大|下滑)|"
    r"(?:增速|增幅)(?:明显|大幅|小幅|略有|有所|进一步|继续|持续){0,2}(?:下降|上升|提高|提升)?|"
    r"降幅(?:收窄|缩小|扩大|加深)?)(?:至|到)\s*(?:约|近)?\s*$)|"
    r"(?:涨幅|增幅|增速|增长率|增长速度|降幅|年复合增长率|复合增长率|年均增速)(?:分别|均|都)?(?:同比|按年)?"
    r"(?:(?:仍|还|也|将|或|可能|有望){0,3}(?:为|达到?|高达|是|约为|超过?|在|保持在|只有|仅为|仅有|仅))?\s*(?:约|近|超过?)?\s*$"
)

_NEGATIVE = {"负增长", "下降", "减少", "降低", "下滑", "回落", "缩短", "缩小", "减", "下跌", "跌", "萎缩", "缩减", "收窄"}


_COMPARE_CUT = re.compile(
    # `销售额年增3.3%`, `营业额分别年减1.2%` (Taiwan usage: 年增/年减 = 同比增长/下降): 年 before the verb is no part
    # of the name (not the 年 of a period: 全年, 上半年, 2023年, 逐年, 每年…)
    r"(?<![0-9０-９今去上本全前明后当同逐每历近多往周两三四五六七八九十百千万几半年])年(?=[增减](?:长|加|少)?了?\s*(?:达到?|约|近|逾|超过?)?\s*(?:$|[0-9０-９]))|"
    r"按可比口径(?:计算)?|"
    r"同比|环比|按年|按月|按季|(?<!占|可)比(?![重例])|较|与(?=[^，,]*相比)|相较于?|相比于?|对比|(?:名义)?(?:[负正]增长|增长|成长|下降|提高|提升|上升)"
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
        "由同期",  # `由去年同期的6.3万亿元增至…` (去年 masked as a period)
        "从同期",
        "达到",
        "达",
        "为",
        "约为",
        "约",
        "大约",
        "约人民币",
        "人民币",
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
        # `日均业务量已恢复至3亿件以上`, `增速回升至5%`: where the level came back to, no part of its name
        "恢复至",
        "恢复到",
        "回升至",
        "回升到",
        "回落至",
        "回落到",
        # `蜂窝物联网终端用户发展到23.32亿户`: what the count grew to, no part of its name
        "发展到",
        "发展至",
        "扩大到",
        "扩大至",
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
        "力争",
        "争取",
        "计划",
        "或将",
        "或",
        "可",
        "仅",
        "首次",
        "第一次",
        "再",
        "了",
        "的",
        "在",
        "稳定在",
        "保持在",
        "维持在",
        "保持",
        "维持",
        "大关",
        "仍",
        "也",
        "就",
        "进一步",
        "由此",
        "正式",
        "还",
        "又",
        "已达",
        "已超过",
        "一共",
        "总共",
        "估计",
        "预测",
        "同比",
        "按年",
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

_TRAIL_RE = re.compile(
    "(?:"
    + "|".join(re.escape(t) for t in _TRAIL_TOKENS)
    # `规模5年增长近10倍`: the years a change took are no part of the name
    + r"|(?<![0-9])(?:[0-9]{1,2}|[两三四五六七八九十]{1,2})\s*年(?:间|来|内|时间)?|[\s、,，]"
    # `零售额增速有所提高至12.3%`: the growth rate and how it moved are no part of the name
    + r"|(?:同比)?(?:增速|增幅)(?:明显|大幅|小幅|略有|略微|有所|进一步|继续|持续){1,2})$"
)


_POST_VERBS = re.compile(
    r"(?:完成|发放|推出|投入|建立|建成|建设|设立|培育|积累|发送|吸引|开设|覆盖|拥有|签署|新增|促成|开通|拦截|入驻|共有|"
    r"发布|吸纳|带动|帮助|节约|节省|提供|售出|卖出|成交|举办|参加|招募|上线|设有|有|融入|涵盖|包括|包含|尝试|以|聚焦|"
    r"呈现|需要|等|拓展|构建|打造|搭建|组建|提出|聚焦|涌现|出现|诞生|形成)(?:了|出)?$"
)

#: (a dash inside an age range, `20—29岁网民`, breaks nothing: the range names the population)
_BREAKERS = re.compile(
    r"显示|指出|表示|介绍|透露|宣布|公布|发布的?|认为|据悉|据了解|据测算|据统计|据估算|据估计|(?<!大)数据|报告|(?<!大数)据|期间|其中(?!一)|此外|"
    r"另外|同时|而且|并且|以及|对于|随着|(?:本报|本刊|本台|(?<=网))讯|(?<=[局部委院署])(?:预计|预测|估计)|(?:先后|累计|共)?(?:落实|下达|拨付)了?|通过(?!公共网络)|截至|截止|[“”‘’\"「」《》【】*]|从[^从]{0,12}?(?:看|来看)|在[^在，,]{0,12}?(?:中|方面|上|里)|"
    r"(?<!掌握)(?<![及与])(?<!土耳)其(?!他|次|中一)|而|方面|来看|之中|——|—(?!\s*[0-9]{1,3}\s*(?:岁|周岁))|(?:尤其|特别)是"
)

_LEAD_RE = re.compile(
    r"^(?:[\s、,，和及与▶>■□◆◇●○▲△►★☆◎▍▌▎•]|(?:19|20)\d{2}(?!\d)|"
    r"(?:(?:春节|国庆|中秋|元旦|五一|端午|清明|十一)?(?:假期|黄金周)|节日|活动|节)?(?:前|头|首|最后)(?:\d{1,2}|[一二三四五六七八九十两])(?:天|日)|其中|此外|另外|同时|(?:比|例|譬)?如(?![期今果何此同实意])|而|且|并|当年|当月|单月|当季|本月|月份(?!数)|当天|当日|同期|全年|以来|年以来|"
    r"累计|共计|共有|拥有|共(?!享)|总计|合计|已经|已|仍|目前|当前|现在|今年|去年|上年|明年|前年|近(?:[0-9]{1,2}|[两三四五六七八九十]{1,2})年(?:来|间|以来)?|近年来|近年|全部|所有|"
    r"预计|预测|预期|估计|有望|力争|争取|要(?=力争|争取|实现|达到)|(?:主要)?原因(?:是|在于)|主要是|将|建成|开通|编辑部|但|整体|现有|"
    r"可(?!穿戴|再生|数字化|回收|循环|降解|视化|持续|交付)|完成|未来|双方|计划|实现|仅有|仅|带动|拉动|支撑|"
    # `该产业园跨境电商贸易额`: a demonstrative before what it points back to (not a place: 该市/该省 name one; nor
    # a pronoun for the indicator just named, `义乌该指数为586.9`, read elsewhere)
    r"该(?![省市县区州])(?=[\u4e00-\u9fff]{5}))+"
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

_LIST_SEP = re.compile(r"\s*(?:、|(?<![普涉波])及(?![时其])|(?<![参给])与|(?<!总)和|以及|,|，)\s*")


_LIST_GAP = re.compile(r"^\s*(?:、|和|及|与|以及)\s*(?:超过?|约|近|逾|接近)?\s*$")

_CJK_NOUN_AFTER = re.compile(
    r"\s*(?:(?:以上|左右|之多)\s*)?(?:的)?\s*(?P<n>[A-Za-z\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff]{1,11}?)"
    r"(?=[，,。；;：:、()（）\s]|和|及|与|$)"
)

_SPACE_CJK = re.compile(r"(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])")


#: a short quoted term that is part of a noun phrase (`“95 后”用户占比`), not a quotation to break at
_QUOTED_TERM = re.compile(
    r"[“\"「‘]([^“”\"「」‘’，,。]{0,7}[\u4e00-\u9fffA-Za-z][^“”\"「」‘’，,。]{0,7})[”\"」’](?=[\u4e00-\u9fff]|\s*$)"
)


def _clean_spaces(s: str) -> str:
    return _SPACE_CJK.sub("", s).strip()
