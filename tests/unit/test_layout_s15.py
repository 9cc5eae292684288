"""Bulletins whose contents list their sections (session 15): section names inside the contents are contents, the
cover's date holds when the issue line has no year. Own documents."""

from __future__ import annotations

from datetime import date

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def _parse(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


PAGED = """外贸信息快报
第7期（总第41期）
区商务局综合科　　　　　　　　　　2023年6月30日

目　录
【外贸运行】
5月份全区进出口总额增长6% ………………… 1
【电商动态】
直播基地上线运营 …………………………… 2

【外贸运行】

5月份全区进出口总额增长6%
5月份，全区进出口总额42亿元，同比增长6%，其中出口29亿元。
（来源：区统计局　2023年6月20日）

【电商动态】

直播基地上线运营
近日，区直播电商基地正式上线，首批入驻主播120名。
（来源：区商务局　2023年6月26日）
"""


def test_a_section_inside_a_paged_contents_list_is_no_start_of_articles() -> None:
    parsed = _parse(PAGED)
    titles = [a.title for a in parsed.articles]
    assert titles == ["5月份全区进出口总额增长6%", "直播基地上线运营"]
    assert not any("……" in t for t in titles)


def test_the_cover_date_holds_when_the_issue_line_has_no_year() -> None:
    assert _parse(PAGED).published == date(2023, 6, 30)


PLAIN = """农业农村信息
2024年第3期
市农业农村局编　　　　　　　2024年3月15日

本期要目
【政策解读】
春耕补贴政策出台
【市场行情】
蔬菜价格总体平稳
生猪出栏量同比下降

【政策解读】

春耕补贴政策出台
市农业农村局日前出台春耕补贴政策，对种粮大户给予补贴。
（来源：市农业农村局）

【市场行情】

蔬菜价格总体平稳
2月份，全市蔬菜批发均价每公斤4.2元，与上月基本持平。
（来源：市农业农村局）

生猪出栏量同比下降
1-2月份，全市生猪出栏量21.5万头，同比下降3.1%。
（来源：市统计局）
"""


def test_section_names_between_contents_entries_do_not_break_the_contents() -> None:
    parsed = _parse(PLAIN)
    assert [a.title for a in parsed.articles] == ["春耕补贴政策出台", "蔬菜价格总体平稳", "生猪出栏量同比下降"]
    assert parsed.articles[0].paragraphs[0].startswith("市农业农村局日前")


MONTH_DAY_BARS = """商贸要闻周报
2024年第31期　　2024年8月9日

8月2日 | 浙江上半年网络零售额1.26万亿元
今年上半年，浙江省实现网络零售额1.26万亿元，同比增长7.9%。

8月5日 | 商务部：上半年全国网上零售额7.1万亿元
商务部介绍，上半年全国网上零售额7.1万亿元，同比增长8.8%。
"""


def test_a_month_day_behind_a_bar_heads_an_item_not_a_table_row() -> None:
    parsed = _parse(MONTH_DAY_BARS)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("浙江上半年网络零售额1.26万亿元", date(2024, 8, 2)),
        ("商务部：上半年全国网上零售额7.1万亿元", date(2024, 8, 5)),
    ]


TRAILED = """外贸信息快报
第8期（总第42期）
区商务局综合科　　　　　　　　　　2023年7月31日

【外贸运行】

6月份全区进出口总额增长4%
6月份，全区进出口总额40亿元，同比增长4%。
（来源：区统计局　2023年7月20日）

编辑：赵某　审核：钱某
（完）
打印本页　关闭窗口

跨境电商出口保持增长
上半年，全区跨境电商出口额12亿元，同比增长9%。
（来源：区商务局　2023年7月25日）
"""


def test_staff_lines_and_end_marks_after_a_trailer_are_no_title() -> None:
    titles = [a.title for a in _parse(TRAILED).articles]
    assert titles == ["6月份全区进出口总额增长4%", "跨境电商出口保持增长"]


def _wrap_by_count(text: str, n: int) -> str:
    """Every line longer than n characters cut every n characters (a hard wrap by count, digits and all)."""
    out: list[str] = []
    for line in text.split("\n"):
        out += [line[k : k + n] for k in range(0, len(line), n)] if len(line) > n + 4 else [line]
    return "\n".join(out)


WRAPPED_BY_COUNT = """快递数据周报
2024年第40期　2024年10月20日

2024-10-12 9月快递业务量完成155.3亿件 同比增长21.3%
国家邮政局数据显示，9月份全国快递业务量完成155.3亿件，同比增长21.3%；业务收入完成1180.5亿元，同比增长12.6%。1-9月累计完成1260.8亿件。
同期，同城业务量累计完成112.6亿件，异地业务量累计完成1118.2亿件，国际业务量累计完成29.9亿件。

2024-10-18 前三季度网上零售额10.8万亿元 同比增长8.6%
国家统计局发布数据显示，1-9月，全国网上零售额108928亿元，同比增长8.6%。其中，实物商品网上零售额90721亿元，增长7.9%，占比为24.6%。
"""


def test_a_dated_header_as_long_as_the_wrap_does_not_swallow_the_full_line_under_it() -> None:
    for n in (32, 36):  # wrapped by count where a header is as long as a full line
        parsed = _parse(_wrap_by_count(WRAPPED_BY_COUNT, n))
        assert [(a.title, a.published) for a in parsed.articles] == [
            ("9月快递业务量完成155.3亿件 同比增长21.3%", date(2024, 10, 12)),
            ("前三季度网上零售额10.8万亿元 同比增长8.6%", date(2024, 10, 18)),
        ]


NO_BLANKS = """电商要闻汇编
2024年第5期　　2024年5月31日
全市网上零售额增长9.5%
1-4月，全市网上零售额210亿元，同比增长9.5%。
（来源：市统计局　2024-05-17）
跨境电商进出口增长
一季度，全市跨境电商进出口额36亿元，同比增长18%。
（来源：市商务局　2024-05-20）
快递业务量突破5亿件
截至5月25日，今年全市快递业务量突破5亿件。
（来源：市邮政管理局　2024-05-27）
"""


def test_a_short_first_item_closed_by_its_source_line_is_no_front_matter() -> None:
    parsed = _parse(NO_BLANKS)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("全市网上零售额增长9.5%", date(2024, 5, 17)),
        ("跨境电商进出口增长", date(2024, 5, 20)),
        ("快递业务量突破5亿件", date(2024, 5, 27)),
    ]
