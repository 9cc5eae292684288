"""Layout-general evidence rules (issue 9, items 2 and 3), on short synthetic texts: release/source lines in any
bracket style and key order, a masthead over its date line before the first item, 引题/title/副题 blocks, bulleted
sub-heads, sub-heads on pages whose stories close with end marks, and datelines closing a story."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str, **kw: object) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc, **kw)  # type: ignore[arg-type]


def titles_dates(parsed: ParsedBulletin) -> list[tuple[str, date | None]]:
    return [(a.title, a.published) for a in parsed.articles]


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("〔稿源：北京日报｜发稿：2015年09月22日 07:24〕", {"稿源": "北京日报", "发稿": "2015年09月22日 07:24"}),
        ("【发布日期】2017年10月10日【来源】中国新闻社", {"发布日期": "2017年10月10日", "来源": "中国新闻社"}),
        ("[发布时间：2023-07-21 | 来源：商务部网站]", {"发布时间": "2023-07-21", "来源": "商务部网站"}),
        ("（来源：国家邮政局　发布时间：2023年7月14日）", {"来源": "国家邮政局", "发布时间": "2023年7月14日"}),
        ("发布日期:2020-12-15　来源:国家统计局", {"发布日期": "2020-12-15", "来源": "国家统计局"}),
    ],
)
def test_release_lines_in_any_bracket_style(line: str, fields: dict[str, str]) -> None:
    assert ev.release_fields(line) == fields
    assert ev.is_meta(line)
    assert not ev.is_table(line)
    assert ev.tag_header(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "来源：国家统计局数据显示，全国网上零售额增长。",  # a sentence
        "数据来源与统计口径",  # a title mentioning 来源
        "指　标 | 3月 | | 1—3月 |",  # a table row
        "【行业资讯】",  # a section
    ],
)
def test_not_release_lines(line: str) -> None:
    assert ev.release_fields(line) is None


DIGEST = """电商数据札记（内部参阅）
2025年7月28日

①上半年网络零售额增长49%
〔稿源：北京日报｜发稿：2015年09月22日 07:24〕
数据显示，2015年上半年中国网络零售市场交易规模达16140亿元，同比增长48.7%。

②2021年快递业务量完成1083.0亿件
【发布日期】2022年8月23日【来源】国家邮政局
2021年全年快递服务企业业务量完成1083.0亿件，同比增长29.9%。

③我国连续12年成为全球最大网络零售市场
[发布时间：2025-01-24 | 来源：国际商报]
2024年全国网上零售额达15.5万亿元。
"""


def test_items_take_the_dates_of_their_release_lines_and_the_masthead_is_no_article() -> None:
    parsed = parse_text(DIGEST)
    assert titles_dates(parsed) == [
        ("上半年网络零售额增长49%", date(2015, 9, 22)),
        ("2021年快递业务量完成1083.0亿件", date(2022, 8, 23)),
        ("我国连续12年成为全球最大网络零售市场", date(2025, 1, 24)),
    ]
    assert parsed.publication == "电商数据札记"
    assert parsed.published == date(2025, 7, 28)
    assert [a.outlet for a in parsed.articles] == ["北京日报", "国家邮政局", "国际商报"]


PAPER_BLOCKS = """城乡消费周刊
2024年9月1日　星期日　第04版

今年我国快递业务量突破1000亿件
本报北京8月13日电（记者韩鑫）国家邮政局监测数据显示，今年我国快递业务量正式突破1000亿件。
今年以来，月均业务量超过130亿件，月均业务收入超过1000亿元。

电商助农　畅通城乡
农货进城与消费下乡双向奔赴
——农村直播电商成为促进农民增收的有效抓手
近年来，农村直播电商发展迅速。2023年，全县农林产品电商销售额达10.34亿元。
去年全国农村网络零售额达2.5万亿元，同比增长12.9%。
"""


def test_a_title_block_after_body_text_opens_an_article_at_its_title() -> None:
    parsed = parse_text(PAPER_BLOCKS)
    assert titles_dates(parsed) == [
        ("今年我国快递业务量突破1000亿件", date(2024, 8, 13)),
        ("农货进城与消费下乡双向奔赴", date(2024, 9, 1)),
    ]


SUBHEADS = """人民日报
2016年12月21日　星期三　第10版

快递业务量300亿　我国业务量居世界第一
——第300亿件快件产生于贵州湄潭

国家邮政局今天发布的监测数据显示，2016年我国快递业务量已突破300亿件。

■ 网点下沉带动农产品进城
据介绍，我国乡镇快递网点覆盖率已提高到80%。

■ 11月成为“最忙快递月”
数据显示，今年1—11月，全国快递服务企业业务量累计完成278.9亿件，同比增长52.8%。

“双12”全天揽收快递包裹1.76亿件

在刚刚过去的“双12”，全国共揽收快递包裹1.76亿件。（新华社）
"""


def test_bulleted_lines_under_an_unmarked_title_are_sub_heads() -> None:
    parsed = parse_text(SUBHEADS)
    assert [a.title for a in parsed.articles] == [
        "快递业务量300亿 我国业务量居世界第一",
        "“双12”全天揽收快递包裹1.76亿件",
    ]
    assert any("网点下沉" in p for p in parsed.articles[0].paragraphs)


END_MARKS = """新京报
2024年3月22日　星期五　B03版

直播电商带动农产品销售
今年一季度，全国农产品网络零售额达1500亿元，同比增长15.2%。

平台投入加大
多家平台宣布加大对农产品直播的流量扶持。（新京报）

跨境电商进出口保持增长
海关总署数据显示，一季度我国跨境电商进出口5776亿元，增长9.6%。（新京报）

快递业务量同比增长25%
国家邮政局数据显示，一季度全国快递业务量完成395.4亿件，同比增长25%。（新京报）
"""


def test_on_pages_closing_stories_with_end_marks_a_line_after_unended_text_is_a_sub_head() -> None:
    parsed = parse_text(END_MARKS)
    assert [a.title for a in parsed.articles] == [
        "直播电商带动农产品销售",
        "跨境电商进出口保持增长",
        "快递业务量同比增长25%",
    ]
    assert [a.published for a in parsed.articles] == [date(2024, 3, 22)] * 3


TRAILING = """电商快递要闻
2021年12月10日　总第112期

2020年国家级贫困县网络零售总额超3000亿元
新华社1月28日电（记者　王雨萧）2020年全国832个国家级贫困县网络零售总额为3014.5亿元，同比增长26.0%。

中国快递年业务量首次突破千亿件大关
国家邮政局监测数据显示，2021年中国快递业务量已达1000亿件。
全网每天有1亿件包裹送达农村。新华社北京12月8日电（记者戴小河）

快递进村覆盖率提高
截至11月底，快递服务已覆盖全国98%的乡镇。
"""


def test_a_dateline_closing_a_story_dates_it_and_is_never_invented() -> None:
    parsed = parse_text(TRAILING)
    assert titles_dates(parsed) == [
        ("2020年国家级贫困县网络零售总额超3000亿元", date(2021, 1, 28)),
        ("中国快递年业务量首次突破千亿件大关", date(2021, 12, 8)),
        ("快递进村覆盖率提高", date(2021, 12, 10)),  # no date of its own: the bulletin's
    ]
    undated = parse_text("\n".join(TRAILING.split("\n")[3:]))  # no masthead date: month-day datelines stay open
    assert [a.published for a in undated.articles] == [None, None, None]
    assert ev.trailing_dateline("全网每天有1亿件包裹送达农村。新华社北京12月8日电（记者戴小河）") == ("新华社", 12, 8)
    assert ev.trailing_dateline("新华社北京12月8日电　国家邮政局数据显示，快递业务量增长。") is None


def test_a_digest_bullet_is_no_part_of_the_title() -> None:
    text = DIGEST.replace("①", "◆").replace("②", "◆").replace("③", "◆")
    assert [a.title for a in parse_text(text).articles][0] == "上半年网络零售额增长49%"


CONTAINER_ONE_DATELINE = """电商动态
2022年6月15日
5月份网上零售额增长
新华社北京6月14日电　国家统计局数据显示，1—5月份，全国网上零售额48860亿元，同比增长2.7%。
其中，实物商品网上零售额41937亿元，增长5.6%。
快递业务量降幅收窄
国家邮政局数据显示，5月份全国快递业务量完成88.4亿件，同比下降0.6%，降幅较上月收窄。
跨境电商综试区扩围
国务院日前同意在27个城市和地区设立跨境电子商务综合试验区，综试区数量达到165个。
"""


def test_one_dateline_in_a_container_sets_no_convention() -> None:
    parsed = parse_text(CONTAINER_ONE_DATELINE)
    assert titles_dates(parsed) == [
        ("5月份网上零售额增长", date(2022, 6, 14)),
        ("快递业务量降幅收窄", date(2022, 6, 15)),
        ("跨境电商综试区扩围", date(2022, 6, 15)),
    ]
    # the same with blank lines between all paragraphs
    spaced = parse_text(CONTAINER_ONE_DATELINE.replace("\n", "\n\n"))
    assert [a.title for a in spaced.articles] == [t for t, _ in titles_dates(parsed)]


def test_dateline_dates() -> None:
    assert ev.dateline_date("新华社北京2024年3月22日电 商务部数据显示，网上零售额增长。", None) == date(2024, 3, 22)
    assert ev.dateline_date("人民网北京3月22日电 商务部数据显示。", date(2024, 4, 1)) == date(2024, 3, 22)
    assert ev.dateline_date("中新社北京10月9日電 国家邮政局局长表示。", date(2019, 12, 16)) == date(2019, 10, 9)
    assert ev.dateline_date("人民网北京3月22日电 商务部数据显示。", None) is None  # never invented
    assert ev.dateline_date("送达农村。新华社北京12月8日电（记者戴小河）", date(2021, 12, 10), trailing=True) == date(
        2021, 12, 8
    )


KICKERS = """城乡周刊
2024年9月1日

农村网络零售额增长12.9%
商务大数据监测显示，去年全国农村网络零售额达2.5万亿元，同比增长12.9%。

电商助农
农产品网络零售额达5870.3亿元
全国农产品网络零售额达5870.3亿元，同比增长12.5%。

快递进村覆盖全国九成以上建制村
新领域新赛道
截至目前，快递服务已覆盖全国95%的建制村。
"""


def test_of_two_title_lines_the_longer_is_the_headline() -> None:
    parsed = parse_text(KICKERS)
    assert [a.title for a in parsed.articles] == [
        "农村网络零售额增长12.9%",
        "农产品网络零售额达5870.3亿元",  # under its kicker (引题)
        "快递进村覆盖全国九成以上建制村",  # over its subtitle (副题)
    ]


def test_release_fields_closing_a_story_date_it() -> None:
    text = """商务资讯
2020年8月3日

农村电商运行平稳
商务部数据显示，上半年全国农村网络零售额7668.5亿元，同比增长5%。（来源：商务部网站　2020-07-30）

跨境电商逆势增长
海关总署数据显示，上半年跨境电商进出口增长26.2%。
（发布时间：2020年7月14日　来源：海关总署）

网络零售持续回暖
国家统计局数据显示，上半年实物商品网上零售额43481亿元，增长14.3%。（新华社）
"""
    assert [a.published for a in parse_text(text).articles] == [date(2020, 7, 30), date(2020, 7, 14), date(2020, 8, 3)]
    assert ev.trailer_date("增长5%。（来源：商务部网站　2020-07-30）") == date(2020, 7, 30)
    assert ev.trailer_date("增长5%（2019年同期为3%）") is None  # a remark, not release fields


def test_the_first_article_keeps_its_headline_under_a_kicker() -> None:
    text = """城乡消费周刊
2024年9月1日　星期日　第04版

比2023年提前71天
今年我国快递业务量突破1000亿件
国家邮政局监测数据显示，今年我国快递业务量正式突破1000亿件。

农产品网络零售额达5870.3亿元
全国农产品网络零售额达5870.3亿元，同比增长12.5%。
"""
    parsed = parse_text(text)
    assert [a.title for a in parsed.articles] == ["今年我国快递业务量突破1000亿件", "农产品网络零售额达5870.3亿元"]
    assert parsed.publication == "城乡消费周刊"


def test_a_single_release_from_a_body_s_website_names_the_body() -> None:
    text = """海关总署发布前10个月跨境电商进出口数据
2025-11-12 15:00　来源：海关总署网站

前10个月，我国跨境电商进出口2.1万亿元，同比增长6.3%。
"""
    parsed = parse_text(text)
    assert parsed.publication == "海关总署"
    assert parsed.articles[0].outlet == "海关总署网站"  # the source as printed
    assert ev.issuer("商务部官网") == "商务部" and ev.issuer("中国新闻网") == "中国新闻网" and ev.issuer("网站") == "网站"


def test_longer_agency_names_and_another_outlets_dated_lead() -> None:
    # a foreign agency's longer name still opens a dateline
    assert ev.dateline("塔斯社莫斯科3月2日电　俄方数据显示，电商销售额增长。") == ("塔斯社", 3, 2)
    assert ev.dateline_date("日本共同通讯社东京5月6日电　数据显示。", date(2021, 6, 1)) == date(2021, 5, 6)
    # `…讯` followed by the day it reports dates the story like a dateline
    assert ev.dateline_date("财经晚报讯　6月3日，市商务局通报了前5月的网络零售情况。", date(2023, 6, 9)) == date(2023, 6, 3)
    assert ev.dateline_date("某某新闻网讯（记者 王五）11月2日，快递数据公布。", date(2022, 11, 5)) == date(2022, 11, 2)
    assert ev.dateline("财经晚报讯　记者从市商务局获悉，6月3日起开展促销。") is None  # no day right after the lead
    assert ev.dateline("本报讯　6月3日，市商务局通报数据。") is None  # the page's own: see below
    assert ev.own_lead("财经晚报讯　6月3日，市商务局通报数据。", "财经晚报")
    assert not ev.own_lead("财经晚报讯　6月3日，市商务局通报数据。", "消费周讯")


OUTLET_LEADS = """消费周讯
2023年6月9日　第23期

前5月网络零售额增长
财经晚报讯　6月3日，市商务局通报，前5月全市网络零售额同比增长9.1%。

快递业务量稳步增长
本报讯　6月7日，记者从市邮政管理局获悉，5月份全市快递业务量同比增长12%。
"""


def test_an_outlets_dated_lead_dates_its_story_but_the_pages_own_does_not() -> None:
    parsed = parse_text(OUTLET_LEADS)
    assert titles_dates(parsed) == [("前5月网络零售额增长", date(2023, 6, 3)), ("快递业务量稳步增长", date(2023, 6, 9))]
    own = parse_text(OUTLET_LEADS.replace("消费周讯", "财经晚报"))
    assert [d for _, d in titles_dates(own)] == [date(2023, 6, 9), date(2023, 6, 9)]


def test_release_lines_in_traditional_characters() -> None:
    assert ev.release_fields("發佈時間：2021-03-02　來源：經濟參考報") == {"发布时间": "2021-03-02", "来源": "经济参考报"}
    assert ev.is_meta("2021-03-02　來源：經濟參考報")
    assert ev.meta_outlet("來源：經濟參考報") == "经济参考报"
    story = "上半年網絡零售額增長\n2021-07-20　來源：經濟參考報\n\n上半年，全國網上零售額61133億元，同比增長23.2%。\n"
    parsed = parse_text(story)
    assert titles_dates(parsed) == [("上半年網絡零售額增長", date(2021, 7, 20))]


WIRE_PAGE_NO_HEADLINES = """财经快讯
2022年4月20日

中新网4月18日电（记者 甲乙）国家统计局18日发布数据，一季度全国网上零售额3.0万亿元，同比增长6.6%。
“网购保持平稳。”国家统计局有关负责人说。

本报北京4月15日讯（记者 丙丁）国家邮政局15日公布，一季度快递业务量完成240亿件。

新华社北京4月13日电　海关总署13日公布，一季度我国跨境电商进出口4345亿元。
"""


def test_each_dated_lead_of_a_wire_page_opens_its_own_story() -> None:
    parsed = parse_text(WIRE_PAGE_NO_HEADLINES)
    assert titles_dates(parsed) == [
        ("国家统计局18日发布数据，一季度全国网上零售额3.0万亿元，同比增长6.6%", date(2022, 4, 18)),
        ("国家邮政局15日公布，一季度快递业务量完成240亿件", date(2022, 4, 15)),
        ("海关总署13日公布，一季度我国跨境电商进出口4345亿元", date(2022, 4, 13)),
    ]
    assert [len(a.paragraphs) for a in parsed.articles] == [2, 1, 1]


def test_datelines_and_leads_in_traditional_characters_and_of_foreign_agencies() -> None:
    assert ev.dateline_date("本報香港3月8日電　數據顯示，網上零售額增長。", date(2024, 3, 9)) == date(2024, 3, 8)
    assert ev.starts_news("香港商報訊（記者 甲乙）今年首季，網上零售額增長。")
    assert ev.dateline("路透北京3月8日电　数据显示，网上零售额增长。") == ("路透", 3, 8)
    assert ev.trailing_dateline("快遞包裹送達農村。新華社北京12月8日電（記者甲乙）") == ("新华社", 12, 8)


def test_a_release_line_with_a_clock_time_in_characters_is_no_digest_header() -> None:
    text = """商务部通报前两个月网络零售市场运行情况
2019年03月18日 09时30分　　来源：商务部网站

前两个月，全国网上零售额12345亿元，同比增长13.1%。
"""
    parsed = parse_text(text)
    assert titles_dates(parsed) == [("商务部通报前两个月网络零售市场运行情况", date(2019, 3, 18))]
    assert ev.is_meta("2019年03月18日 09时30分　　来源：商务部网站")
    assert ev.is_meta("2019年03月18日 09时30分")
    assert ev.tag_header("2019年03月18日 09时30分　　来源：商务部网站") is None


def test_a_reprints_original_headline_line_is_meta_not_body() -> None:
    # `原标题：…` restates a headline (often with a rounded figure): a meta line, never a sentence of the story
    assert ev.is_meta("原标题：湖南前两月网络零售额超900亿元")
    assert ev.is_meta("原題：湖南前兩月網絡零售額超900億元")
    story = (
        "湖南网络零售稳步增长\n2022-03-20　来源：湖南日报\n\n前两个月，湖南网络零售额达到912.6亿元，同比增长9%。\n"
        "原标题：湖南前两月网络零售额超900亿元\n编辑：张三\n"
    )
    parsed = parse_text(story)
    assert titles_dates(parsed) == [("湖南网络零售稳步增长", date(2022, 3, 20))]
    assert "原标题" not in parsed.articles[0].body


def test_a_headline_asking_or_exclaiming_over_a_dateline_is_a_title() -> None:
    page = (
        "财经早报\n2022年9月6日\n\n"
        "网购为何越来越快？\n"
        "新华社北京9月5日电　国家邮政局5日发布数据，1—8月，全国快递业务量完成700.1亿件，同比增长3.2%。\n\n"
        "开学季，文具卖疯了！\n"
        "中新网9月5日电　据商务部监测，8月份全国文具网络零售额同比增长21.5%。\n"
        "这个增速令人惊喜！\n"
        "分析人士认为，开学季带动了文具消费。\n"
    )
    parsed = parse_text(page)
    assert [a.title for a in parsed.articles] == ["网购为何越来越快？", "开学季，文具卖疯了！"]
    assert "这个增速令人惊喜！" in parsed.articles[1].body  # an exclamation inside a story is no headline


def test_a_datelined_story_above_the_first_title_found_is_kept_as_an_article() -> None:
    page = (
        "商贸快讯\n2022年9月6日\n\n"
        "商务部：前8个月网上零售额超8万亿元。\n"
        "新华社北京9月5日电　商务部5日发布数据，1—8月，全国网上零售额达到8.2万亿元，同比增长4.1%。\n\n"
        "湖北农村电商加快发展\n"
        "本报武汉9月5日讯　记者从省商务厅获悉，1—8月，全省农村网络零售额达到620.5亿元，同比增长9%。\n"
    )
    parsed = parse_text(page)
    assert titles_dates(parsed) == [
        ("商务部：前8个月网上零售额超8万亿元", date(2022, 9, 5)),
        ("湖北农村电商加快发展", date(2022, 9, 5)),
    ]
    assert "8.2万亿元" in parsed.articles[0].body


def test_financial_outlet_leads_date_their_story_and_their_bylines_are_meta() -> None:
    ref = date(2021, 12, 20)
    assert ev.dateline_date("证券时报e公司讯，12月14日，据海关总署消息，前11个月跨境电商进出口增长。", ref) == date(2021, 12, 14)
    assert ev.dateline_date("21世纪经济报道记者李甲　上海报道　12月15日，商务部发布数据。", ref) == date(2021, 12, 15)
    assert ev.is_meta("每经记者　赵乙　每经编辑　钱丙")
    assert not ev.is_meta("每经记者赵乙获悉，前11个月网上零售额增长12%")


def test_a_title_and_subtitle_after_a_story_on_a_page_without_blank_lines() -> None:
    page = (
        "城市晚报\n2019年8月2日\n"
        "泉州上半年网络零售额增长\n"
        "本报讯　上半年，泉州网络零售额达到610.2亿元，同比增长16.5%。\n"
        "1—6月，限额以上单位网上零售额112.4亿元，同比增长20.1%。\n"
        "福建农村电商加快发展\n"
        "淘宝村数量居前列\n"
        "本报讯　记者从福建省商务厅获悉，上半年，福建农村网络零售额达到560.3亿元，同比增长18%。\n"
    )
    parsed = parse_text(page)
    assert [a.title for a in parsed.articles] == ["泉州上半年网络零售额增长", "福建农村电商加快发展"]
    assert all("福建农村电商加快发展" not in p for p in parsed.articles[0].paragraphs)


def test_app_lead_with_space_and_day_starts_news() -> None:
    # a news app's `讯`, a space, then the day it reports: the lead of a story (not a heading like `行业资讯`)
    assert ev.starts_news("湖畔点讯　5月9日，全市跨境电商进出口额首次突破百亿元。")
    assert ev.starts_news("云上新闻讯 11月3日，记者从市商务局获悉，前三季度网络零售额稳步增长。")
    assert not ev.starts_news("行业资讯　5月9日，全市跨境电商进出口额首次突破百亿元。")
    assert not ev.starts_news("喜讯传来，全市快递业务量突破十亿件。")
