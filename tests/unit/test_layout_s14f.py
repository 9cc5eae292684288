"""Digest item headers with a time of day, year-less date columns and a source after the title (session 14f), on
short synthetic texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


TIMED = """物流资讯周刊
第3期　2021年4月12日

◆ 2021年4月8日 09:45　一季度全市快递业务量同比增长三成（北京晚报）
记者从市邮政管理局获悉，一季度全市快递业务量完成2.1亿件，同比增长30.2%。
——————
◆ 2021年4月10日 16:05　前两月跨境电商零售进口额回升（综合）
海关统计显示，前两个月本市跨境电商零售进口额增长12.5%。
"""


def test_a_time_after_the_header_date_and_a_source_after_the_title() -> None:
    parsed = parse_text(TIMED)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("一季度全市快递业务量同比增长三成", date(2021, 4, 8)),
        ("前两月跨境电商零售进口额回升", date(2021, 4, 10)),
    ]


YEARLESS = """县域电商简报
2019年第6期　2019年6月28日

【06-03 10:20】县电商产业园上半年交易额预计过亿
园区负责人介绍，1至5月园区网络交易额8620万元，同比增长41%。

【06-21】农特产品线上销售持续走旺
今年以来，全县农产品网络零售额累计达3150万元，同比增长26.7%。
"""


def test_bracketed_month_day_headers_with_a_time() -> None:
    parsed = parse_text(YEARLESS)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("县电商产业园上半年交易额预计过亿", date(2019, 6, 3)),
        ("农特产品线上销售持续走旺", date(2019, 6, 21)),
    ]


PLAIN_MD = """外贸快讯
2022年9月30日

09-06　前8个月全省外贸进出口稳中有升
省商务厅通报，前8个月全省外贸进出口总值3260亿元，同比增长7.1%。

09-27 15:30 | 中秋假期本地即时零售订单大增
平台数据显示，中秋假期本地即时零售订单量同比增长55%。
"""


def test_unbracketed_zero_padded_month_day_columns() -> None:
    parsed = parse_text(PLAIN_MD)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("前8个月全省外贸进出口稳中有升", date(2022, 9, 6)),
        ("中秋假期本地即时零售订单大增", date(2022, 9, 27)),
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("快递业务量再创新高（人民网）", ("快递业务量再创新高", "人民网")),
        ("网上零售额稳步增长(经济日报)", ("网上零售额稳步增长", "经济日报")),
        ("网上零售额稳步增长（综合）", ("网上零售额稳步增长", "")),
        ("直播带货火热（图）", ("直播带货火热（图）", "")),
        ("农村电商调查（上）", ("农村电商调查（上）", "")),
        ("跨境电商发展报告（2023）", ("跨境电商发展报告（2023）", "")),
    ],
)
def test_a_source_in_brackets_closes_a_header_title(title: str, expected: tuple[str, str]) -> None:
    assert ev.title_source(title) == expected


def test_a_sentence_after_a_month_day_is_no_header() -> None:
    assert ev.md_header("08-02 商务部发布数据显示，网上零售额增长。") is None
    assert ev.md_header("08-02　网上零售额保持较快增长") == (8, 2, "网上零售额保持较快增长")


TWO_LINE_HEADS = """西南商贸导报
2020年3月18日　星期三　第02版：区域

全市网上零售额前两月增长8.2%
增速高于全省平均水平
本报讯（记者　周敏）记者从市商务局获悉，1至2月全市网上零售额56.3亿元，同比增长8.2%。
随着复工复产推进，线上消费持续回暖，生鲜类商品销售增长较快。

山区县快递进村覆盖过半
乡镇网点已全部建成
本报讯　记者从省邮政管理局了解到，全省山区县快递进村覆盖率已达52%。
下一步，各地将继续推进村级寄递服务站建设。
"""


def test_a_title_over_a_subtitle_without_dashes_keeps_the_title() -> None:
    parsed = parse_text(TWO_LINE_HEADS)
    assert [a.title for a in parsed.articles] == ["全市网上零售额前两月增长8.2%", "山区县快递进村覆盖过半"]


@pytest.mark.parametrize(
    ("stored", "asked"),
    [
        ("城镇零售额", "城镇消费品零售额"),  # `其中，城镇实现零售额…` under a province's 社零 total
        ("乡村零售额", "乡村消费品零售额"),
        ("限额以上单位社零总额", "限额以上单位消费品零售额"),  # 社零总额: the short form a city bureau prints
        ("限下企业社零总额", "限额以下单位消费品零售额"),
        ("投递量", "快递投递量"),  # `其中，揽收量…；投递量…` beside 揽收量 (already 快递揽收量's alias)
    ],
)
def test_short_and_population_forms_of_retail_and_parcel_counts_are_synonyms(stored: str, asked: str) -> None:
    from bot.services.lookup import synonyms

    assert asked in synonyms(stored) and stored in synonyms(asked)


SOURCE_FIELD_HEADS = """零售数据摘编
2018年第4期

◆
2018年3月14日 | 前两月全国网上零售额增长37.3%　来源：国家统计局
1—2月份，全国网上零售额10563亿元，同比增长37.3%。
◆
2018年3月20日 | 前两月快递业务量完成70.6亿件　来源：国家邮政局
1—2月，全国快递服务企业业务量累计完成70.6亿件，同比增长28.2%。
"""


def test_a_source_field_after_a_date_column_title() -> None:
    parsed = parse_text(SOURCE_FIELD_HEADS)
    assert [(a.title, a.published, a.outlet) for a in parsed.articles] == [
        ("前两月全国网上零售额增长37.3%", date(2018, 3, 14), "国家统计局"),
        ("前两月快递业务量完成70.6亿件", date(2018, 3, 20), "国家邮政局"),
    ]


CN_MONTH_DAY = """跨境电商周报
2021年6月30日

6月22日　前5个月跨境电商出口保持增长（海关总署）
前5个月，全市跨境电商出口额达到142.5亿元，同比增长24.1%。
6月28日　“618”期间农产品网销走旺（经济日报）
“618”期间，全省农产品网络零售额达21.3亿元，同比增长19.4%。
"""


def test_month_day_columns_written_in_characters() -> None:
    parsed = parse_text(CN_MONTH_DAY)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("前5个月跨境电商出口保持增长", date(2021, 6, 22)),
        ("“618”期间农产品网销走旺", date(2021, 6, 28)),
    ]
    assert ev.md_header("8月2日 国家统计局发布的数据显示") is None  # one space: a wrapped sentence


DATES_AFTER_TITLES = """县域商贸要闻
2020年12月8日

全县农产品网上销售额突破3亿元（2020-11-26）
今年1至10月，全县农产品网络零售额达到3.12亿元，同比增长33.5%，带动农户增收明显，电商服务站点覆盖全部行政村。

快递进村覆盖率达到百分之九十八　2020年12月3日
县邮政管理部门统计，截至11月底，全县快递服务进村覆盖率达到98%，村级寄递物流综合服务站建成112个。

2020年12月7日 星期一　冬季农产品直播促销启动
本周起，全县开展为期一个月的冬季农产品直播促销活动，首场直播销售额超过60万元。
"""


def test_dates_after_titles_and_a_weekday_after_the_header_date() -> None:
    parsed = parse_text(DATES_AFTER_TITLES)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("全县农产品网上销售额突破3亿元", date(2020, 11, 26)),
        ("快递进村覆盖率达到百分之九十八", date(2020, 12, 3)),
        ("冬季农产品直播促销启动", date(2020, 12, 7)),
    ]


def test_a_single_title_with_a_date_after_it_is_no_header_and_issuer_lines_are_not_titles() -> None:
    assert ev.date_after_title("省商务厅电子商务处编印　　　　　　　　　　2023年9月5日") is None
    assert ev.date_after_title("中国商务快报　2023年5月5日") is None
    text = "商务部通报前三季度网络零售情况\n2020-10-16 09:31 来源：商务部网站\n\n商务部召开例行新闻发布会（2020年10月15日）\n\n会上，发言人介绍，前三季度全国网上零售额80065亿元，同比增长9.7%。\n"
    assert [a.title for a in parse_text(text).articles] == ["商务部通报前三季度网络零售情况"]


BYLINE_WITH_PHOTO = """华东商报
2022年6月21日　星期二　第6版　消费

“618”家电线上销售增长
本报记者　郑丽　文/图
记者从市商务局获悉，“618”期间，全市家电线上销售额12.8亿元，同比增长15.2%。

社区团购订单量回升
本报记者　孙浩
据平台统计，5月份全市社区团购订单量同比增长21%。
"""


def test_a_byline_with_words_and_pictures_is_no_title() -> None:
    assert [a.title for a in parse_text(BYLINE_WITH_PHOTO).articles] == ["“618”家电线上销售增长", "社区团购订单量回升"]
    assert ev.BYLINE_LINE_RE.match("记者　陈洁　李明　摄")


NUMBERED_DATED = """电商运行简报
2022年第9期　2022年5月6日

1.【2022.04.20】一季度全省网络零售额稳中有升
一季度，全省网络零售额1456.2亿元，同比增长4.3%。

2.【2022.04.28】全省农村电商带动农产品销售
一季度，全省农产品网络零售额188.6亿元，同比增长9.9%。
"""


def test_a_list_number_in_front_of_a_dated_header() -> None:
    assert [(a.title, a.published) for a in parse_text(NUMBERED_DATED).articles] == [
        ("一季度全省网络零售额稳中有升", date(2022, 4, 20)),
        ("全省农村电商带动农产品销售", date(2022, 4, 28)),
    ]
    assert ev.header_date("1. 2023年全国网上零售额增长11%") is None


ISSUED = """网络消费动态
2021年第7期
安徽省商务厅电子商务处　　2021年8月9日

【2021.08.02】上半年全省网络零售额较快增长
上半年，全省网络零售额1466.3亿元，同比增长21.8%。
【2021.08.06】合肥跨境电商持续增长
据合肥海关统计，上半年全省跨境电商进出口额42.1亿元，同比增长60.2%。
"""


def test_the_issuing_body_in_the_front_matter_says_where_the_whole_province_is() -> None:
    from bot.services.ingest.pipeline import article_figures, article_inputs

    parsed = parse_text(ISSUED)
    assert parsed.issuer.startswith("安徽省商务厅电子商务处")
    regions = [(f["metric"], f["region"]) for item in article_inputs(parsed) for f in article_figures(item)]
    assert regions == [("网络零售额", "安徽"), ("跨境电商进出口额", "安徽")]
