"""Web-page furniture around a reposted story (session 14, s14e): breadcrumbs, navigation and sharing lines and a
platform's dotted byline with the date are never titles or mastheads; the story's own headline is its title."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.ingest.layout import ParsedBulletin, parse_document, read_lines
from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


@pytest.mark.parametrize(
    "line",
    [
        "网站首页 > 财经频道 > 正文",
        "某某看点  ›  专栏  ›  某省商务厅",
        "返回",
        "返回顶部",
        "分享到:",
        "相关热词: 快递 包裹 春节",
        "专栏名称: 某市邮政管理局",
        "原文地址:点此访问",
    ],
)
def test_navigation_lines_are_furniture(line: str) -> None:
    assert ev.is_web_furniture(line)


@pytest.mark.parametrize(
    "line",
    ["今年前三季度网上零售额增长9.6%", "广东 > 浙江 > 江苏，三省快递量居前。", "上半年快递业务量 > 800亿件"],
)
def test_headlines_and_sentences_are_not_furniture(line: str) -> None:
    assert not ev.is_web_furniture(line)


def test_a_platforms_dotted_byline_with_the_date_is_a_meta_line() -> None:
    assert ev.is_meta("某市商务局  · 公众号  ·  · 2024-03-08 09:30")
    assert ev.find_date("某市商务局  · 公众号  ·  · 2024-03-08 09:30") == date(2024, 3, 8)


REPOSTED = """专栏名称: 某市商务局
某市商务局官方公众平台，发布全市商务工作动态。
某某看点  ›  专栏  ›  某市商务局

经济日报:县域网络零售持续升温

某市商务局  · 公众号  ·  · 2024-03-08 09:30

文章预览

(2024年03月08日第6版) 今年1月至2月，全市网络零售额达到86.4亿元，同比增长12.5%。 县域电商带动作用明显。

原文地址:访问原文地址
快照地址: 访问文章快照"""


def test_a_reposted_story_keeps_its_own_headline_and_the_bylines_date() -> None:
    parsed = parse_text(REPOSTED)
    assert [(a.title, a.published) for a in parsed.articles] == [("经济日报:县域网络零售持续升温", date(2024, 3, 8))]


def test_a_breadcrumb_over_a_headline_is_not_the_title() -> None:
    parsed = parse_text("返回\n顶部\n首页 > 要闻 > 正文\n网购节里的县城\n\n今年“双11”期间，县城快递量明显增长，包裹从仓库直达乡镇。")
    assert [a.title for a in parsed.articles] == ["网购节里的县城"]
    assert parsed.publication != "返回"


LONE_STORY = """某某资讯网
网购包裹量再创新高
2023-05-06 10:20　来源：新华网

新华社北京5月6日电（记者 李四）国家邮政局6日发布数据，4月份全国快递业务量完成100亿件，同比增长30%。

乡村寄递持续提速

4月份，农村地区收投快递包裹30亿件，同比增长40%，寄递网络继续下沉。

跨境包裹增长较快

4月份，跨境包裹量完成2亿件，同比增长50%。"""


def test_a_datelined_story_under_a_sites_header_keeps_its_sub_heads() -> None:
    parsed = parse_text(LONE_STORY)
    assert [(a.title, a.published) for a in parsed.articles] == [("网购包裹量再创新高", date(2023, 5, 6))]
    assert any("跨境包裹量完成2亿件" in p for p in parsed.articles[0].paragraphs)


def test_a_web_pages_story_without_evidence_keeps_its_sub_heads() -> None:
    page = "返回\n首页 > 财经 > 正文\n县城里的快递站\n\n过去一年，县城快递站越开越多。\n\n包裹为何越来越快\n\n分拣中心下沉到县里，包裹次日就能送达。"
    assert [a.title for a in parse_text(page).articles] == ["县城里的快递站"]


@pytest.mark.parametrize(
    ("lead", "when"),
    [
        ("第一财经3月5日讯 商务部数据显示，网络零售保持增长。", date(2024, 3, 5)),
        ("人民网-人民日报海外版讯 3月5日，国家邮政局发布数据。", date(2024, 3, 5)),
        ("澎湃新闻记者 钱七 3月5日，海关总署公布跨境电商数据。", date(2024, 3, 5)),
        ("证券时报e公司讯，商务部3月5日表示，网络零售继续增长。", None),
        ("央视网消息（新闻联播）：国家邮政局数据显示，快递业务量增长。", None),
    ],
)
def test_financial_and_portal_leads_open_a_story(lead: str, when: date | None) -> None:
    assert ev.starts_news(lead)
    assert ev.dateline_date(lead, date(2024, 3, 20)) == when


def test_a_dated_source_line_with_bars_is_meta_not_a_table_row() -> None:
    page = "网络零售稳中有升\n2024年03月08日 10:00 | 来源：中国新闻网\n商务部数据显示，1—2月全国网上零售额2.2万亿元。"
    assert [(a.title, a.published) for a in parse_text(page).articles] == [("网络零售稳中有升", date(2024, 3, 8))]
    assert not ev.is_table("2024年03月08日 10:00 | 来源：中国新闻网")
    assert ev.is_table("指　标 | 3月 | 1—3月 |")


def test_links_under_a_related_news_heading_are_no_part_of_the_story() -> None:
    page = (
        "网络零售稳中有升\n2024-03-08 10:00　来源：中国新闻网\n\n商务部数据显示，1—2月全国网上零售额2.2万亿元。\n\n"
        "相关新闻\n\n1—2月快递业务量增长30%\n\n跨境电商进出口增长20%"
    )
    arts = parse_text(page).articles
    assert [a.title for a in arts] == ["网络零售稳中有升"]
    assert not any("30%" in p for p in arts[0].paragraphs)


def test_the_wires_title_field_after_its_dateline() -> None:
    arts = parse_text("新华社北京3月8日电　题：网络零售稳中有升\n\n商务部8日发布数据，1—2月全国网上零售额2.2万亿元。").articles
    assert [a.title for a in arts] == ["网络零售稳中有升"]


@pytest.mark.parametrize(
    "line",
    ["2024/03/08 10:00:00 新华网", "新华网 | 2024-03-08 10:00:00", "2024年03月08日 09:30 | 来源：中国新闻网"],
)
def test_a_pages_date_and_name_lines_date_the_story(line: str) -> None:
    page = f"网络零售稳中有升\n{line}\n\n商务部数据显示，1—2月全国网上零售额2.2万亿元。"
    assert [(a.title, a.published) for a in parse_text(page).articles] == [("网络零售稳中有升", date(2024, 3, 8))]


@pytest.mark.parametrize("where", ["top", "end"])
def test_a_papers_issue_line_dates_the_container_and_the_dateline_the_story(where: str) -> None:
    issue = "《 经济日报 》（ 2024年03月08日   第 05 版）"
    body = "本报北京3月7日电　商务部数据显示，1—2月全国网上零售额2.2万亿元。"
    page = f"网络零售稳中有升\n{issue}\n\n{body}" if where == "top" else f"网络零售稳中有升\n\n{body}\n\n{issue}"
    parsed = parse_text(page)
    assert (parsed.publication, parsed.published) == ("经济日报", date(2024, 3, 8))
    assert [(a.title, a.published) for a in parsed.articles] == [("网络零售稳中有升", date(2024, 3, 7))]


def test_wider_spaced_sub_heads_of_a_lone_story_stay_in_it() -> None:
    spaced = LONE_STORY.replace("\n\n乡村寄递持续提速\n\n", "\n\n\n乡村寄递持续提速\n\n").replace(
        "\n\n跨境包裹增长较快\n\n", "\n\n\n跨境包裹增长较快\n\n"
    )
    parsed = parse_text(spaced)
    assert [(a.title, a.published) for a in parsed.articles] == [("网购包裹量再创新高", date(2023, 5, 6))]


def test_an_agencys_tag_before_a_lone_headline_is_not_part_of_it() -> None:
    arts = parse_text("【新华社】网络零售稳中有升\n\n新华社北京3月8日电　商务部数据显示，1—2月全国网上零售额2.2万亿元。（完）").articles
    assert [a.title for a in arts] == ["网络零售稳中有升"]


@pytest.mark.parametrize(
    "line",
    ["【纠错】　分享到：", "打印本页　关闭窗口", "点击查看大图", "【字号：大 中 小】", "返回顶部", "上一篇 | 下一篇", "打印本頁　關閉窗口"],
)
def test_a_line_of_web_controls_is_furniture_read_as_a_blank_line(line: str) -> None:
    assert ev.is_web_controls(line) and ev.is_web_furniture(line)  # one vocabulary
    (ln,) = read_lines(RawDocument(name="t.txt", fmt="txt", size_bytes=0, lines=[RawLine(line)]))
    assert ln.blank and ln.web and ln.text == ""


@pytest.mark.parametrize("line", ["分享到：微信 微博", "返回", "首页 > 财经 > 正文", "本报记者查看了全市的快递网点"])
def test_other_furniture_and_text_are_no_line_of_controls(line: str) -> None:
    assert not ev.is_web_controls(line)


WEB_PAGE = "县城里的快递站\n\n过去一年，县城快递站越开越多。\n\n包裹为何越来越快\n\n分拣中心下沉到县里，包裹次日就能送达。\n\n{controls}"


def test_a_web_pages_controls_read_as_blank_lines_still_tell_a_web_page() -> None:
    # (no breadcrumb, no dateline: the controls line is the only sign of a web page, whose one story keeps its sub-head)
    assert [a.title for a in parse_text(WEB_PAGE.format(controls="打印本页　关闭窗口")).articles] == ["县城里的快递站"]
    assert [a.title for a in parse_text(WEB_PAGE.format(controls="")).articles] == ["县城里的快递站", "包裹为何越来越快"]


def test_controls_printed_after_every_story_tell_several_pages() -> None:
    tail = "\n\n打印本页　关闭窗口\n\n"
    page = WEB_PAGE.format(controls="").replace("\n\n包裹为何", tail + "包裹为何") + tail
    assert [a.title for a in parse_text(page).articles] == ["县城里的快递站", "包裹为何越来越快"]
