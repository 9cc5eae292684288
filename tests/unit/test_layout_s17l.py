"""Headlines and closing credits of web and newspaper pages (session 17l) — on text written for these tests."""

from __future__ import annotations

from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.layout import parse_document
from bot.services.ingest.layout.lines import ParsedBulletin
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def test_duty_editor_lines_close_a_story() -> None:
    for line in ("值班主任：张小明", "值班编辑：李四", "终审：王五", "责任校对：赵六", "【值班主任：张三】"):
        assert ev.END_LINE_RE.match(line), line
        assert not ev.is_title_like(line, len(line) * 2)
    # a sentence naming a duty editor is text
    assert not ev.END_LINE_RE.match("值班主任说，今天的包裹比昨天多了一成。")


def test_a_two_line_headline_after_the_credit_closing_the_page() -> None:
    page = (
        "某某晚报　要闻　2019年3月5日\n\n"
        "　　5日，记者从市商务局获悉，今年\n"
        "1至2月，全市网络零售额达12.3亿\n"
        "元，同比增长15.2%，其中农产品网\n"
        "络零售额2.1亿元。\n"
        "　　值班主任：张小明\n"
        "全市网络零售额增长一成半\n"
        "农产品网上卖出2.1亿元\n"
    )
    parsed = parse_text(page)
    assert [a.title.replace(" ", "") for a in parsed.articles] == ["全市网络零售额增长一成半农产品网上卖出2.1亿元"]
    assert "值班主任" not in "".join(parsed.articles[0].paragraphs)


def test_an_empty_source_field_names_no_outlet() -> None:
    assert ev.meta_outlet("文章来源：　作者：") == ""
    assert ev.meta_outlet("来源：某某日报　作者：张三") == "某某日报"
    assert ev.meta_outlet("来源：某某网") == "某某网"


def test_a_lead_box_label_is_no_headline() -> None:
    for line in ("核心阅读", "【导读】", "阅读提示：", "内容提要"):
        assert ev.LEAD_LABEL_RE.match(line), line
        assert not ev.is_title_like(line, len(line) * 2)
    assert not ev.LEAD_LABEL_RE.match("核心阅读能力提升三成")


def test_the_headline_over_its_subtitle_titles_the_first_story() -> None:
    page = (
        "某某消费报\n"
        "2021年9月2日　星期四　第03版：市场\n\n"
        "稳就业　促增收\n"
        "前8个月全市快递业务量增长一成\n"
        "——寄递网络加快向乡村延伸\n"
        "核心阅读\n"
        "　　据市邮政管理局统计，1—8月，全市快递业务量累计完成3.6亿件，同比增长10.2%。\n"
        "　　今年以来，乡镇快递网点由去年的120个增加到180个。\n"
    )
    parsed = parse_text(page)
    assert parsed.articles[0].title == "前8个月全市快递业务量增长一成"
    assert "核心阅读" not in "".join(parsed.articles[0].paragraphs)


def test_portal_navigation_lines_are_furniture() -> None:
    assert ev.is_web_furniture("您现在的位置：首页>>财经>>正文")
    assert ev.is_web_furniture("上一篇：某某县电商产业园开园")
    assert ev.is_web_furniture("下一篇：跨境电商出口持续增长")
    assert not ev.is_web_furniture("全市网络零售额增长>>一成")


def test_a_report_cover_line_with_the_month_only_is_meta() -> None:
    assert ev.is_meta("某某市商务局　　2021年4月")
    assert ev.name_date("某某市商务局　　2021年4月") == "某某市商务局"
    cover = (
        "某某市电子商务发展报告（2020）\n"
        "某某市商务局　　2021年4月\n\n"
        "第一章　总体情况\n"
        "　　2020年，全市电子商务交易额达560.2\n"
        "亿元，同比增长12.1%。\n"
        "第二章　农村电商\n"
        "　　全年农村网络零售额85.3亿元，同比增\n"
        "长15.6%。\n"
    )
    parsed = parse_text(cover)
    assert [a.title for a in parsed.articles] == ["某某市电子商务发展报告（2020）"]


def test_a_short_question_or_exclamation_is_a_headline() -> None:
    for line in ("直播带货“火”了谁？", "快递跑出“加速度”！"):
        assert ev.is_title_like(line, len(line) * 2), line
    for line in ("“太方便了！”", "问：今年销量如何？", "销量增三成，谁在买单？", "这一年来，网店的订单量增长了多少呢？"):
        assert not ev.is_title_like(line, len(line) * 2), line


def test_on_a_page_of_bylined_stories_an_unbylined_flush_line_is_a_sub_head() -> None:
    page = (
        "某某晨报\n"
        "2018年7月3日　星期二　第06版：财经\n\n"
        "夏季消费热度攀升\n"
        "本报记者　孙　某\n"
        "　　市商务局2日通报了上半年消费市场运行情况。\n"
        "线上消费增势良好\n"
        "　　上半年，全市网上零售额达88.6亿元，同比增长19.5%。\n"
        "夜间经济持续升温\n"
        "　　上半年，全市餐饮收入达41.2亿元，同比增长9.8%。\n\n"
        "港口集装箱吞吐量创新高\n"
        "本报记者　周　某\n"
        "　　上半年，全港集装箱吞吐量完成156.3万标箱，同比增长6.2%。\n"
    )
    parsed = parse_text(page)
    assert [a.title for a in parsed.articles] == ["夏季消费热度攀升", "港口集装箱吞吐量创新高"]
    assert "线上消费增势良好" in parsed.articles[0].paragraphs
