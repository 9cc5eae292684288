"""PDF text wrapped at uneven widths under indented paragraph openings, and `· 1 ·` page numbers (session 16m), on
text written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.normalise import is_footer
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


_DOC = "\n".join(
    [
        "某省2023年寄递业务运行简报",
        "某省邮政管理局　　2023年6月12日",
        "",
        "　　1-5月份，全省快递服务企业业务量累计完成12.6",
        "亿件，同比增长18%；",
        "业务收入累计完成98.4亿元，同比增长9%。5月份，",
        "全省快递服务企业业务量完成2.9亿件，同比增长",
        "21%；业务收入完成22.",
        "1亿元，同比增长11%。全省邮政快递业运行平稳。",
        "· 1 ·",
        "某省2023年寄递业务运行简报",
        "　　1-5月份，邮政寄递服务业务量累计完成1.1亿",
        "件，同比增长4%；邮政寄递服务业务收入累计完成6.",
        "3亿元，同比增长2%。今年以来，全省新建村级寄递",
        "物流综合服务站320个，农村寄递网络进一步完善，",
        "服务水平持续提高，群众寄件取件更加方便快捷。",
        "· 2 ·",
    ]
)


def test_page_numbers_between_middle_dots_are_page_furniture() -> None:
    assert is_footer("· 3 ·")
    assert is_footer("•12•")
    assert not is_footer("·说明·")


def test_uneven_wraps_under_indented_openings_join_into_paragraphs() -> None:
    arts = parse_text(_DOC).articles
    assert len(arts) == 1
    paras = arts[0].paragraphs
    assert len(paras) == 2, paras
    assert "业务量累计完成12.6亿件，同比增长18%；业务收入累计完成98.4亿元" in paras[0]
    assert "业务收入完成22.1亿元" in paras[0]
    assert "邮政寄递服务业务收入累计完成6.3亿元" in paras[1]
    assert "· 1 ·" not in "".join(paras) and "简报" not in "".join(paras)


def test_a_full_date_in_brackets_closing_the_title_dates_the_article() -> None:
    text = "\n".join(
        [
            "某省商务厅召开新闻发布会（2022年9月8日）",
            "",
            "　　发言人：各位记者朋友，上午好。下面通报今年前8个月全省网络零售情况。",
            "　　1—8月，全省网络零售额达到1860亿元，同比增长12.4%，增速比上半年加快0.6个百分点。",
        ]
    )
    parsed = parse_text(text)
    assert [(a.title, a.published) for a in parsed.articles] == [("某省商务厅召开新闻发布会（2022年9月8日）", date(2022, 9, 8))]
    assert parsed.published == date(2022, 9, 8)
    # an impossible date is no date
    bad = parse_text(text.replace("9月8日", "13月8日"))
    assert bad.articles[0].published is None


def test_one_story_with_its_headline_under_it_and_trailer_lines_is_one_article() -> None:
    body = (
        "　　记者昨日从市商务局获悉，今年前三季度，全市网络零售额达到286.5亿元，同比增长14.2%，"
        "增速比上半年加快1.3个百分点，其中农产品网络零售额41.7亿元，同比增长19.8%。"
    )
    text = "\n".join(
        ["某市商务快讯　2023年10月20日", "", body, "前三季度全市网络零售额增长14.2%", "", "（完）", "责任编辑：李某", "", "", "编辑：张某　审核：赵某"]
    )
    arts = parse_text(text).articles
    assert [a.title for a in arts] == ["前三季度全市网络零售额增长14.2%"]
    assert "286.5亿元" in arts[0].paragraphs[0]


def test_a_closed_credit_then_a_line_without_punctuation_is_no_wrap() -> None:
    lines = [
        "本市要闻",
        "　　10月8日，记者从市邮政管理局获悉，国庆假期全市邮政快",
        "递企业共揽收快件1260万件，同比增长18.3%，投递快件11",
        "05万件，同比增长15.6%，日均业务量为平日的1.2倍左右。（全",
        "媒体记者 王某 摄）",
        "假期全市揽收快件1260万件",
        "　　据介绍，假期期间全市快递网点均正常营业，末端配送运",
        "行平稳，未出现快件积压，群众寄递需求得到较好保障，各快",
        "递企业还推出了预约上门取件等便民服务。（记者 李某）",
    ]
    paras = [p for a in parse_text("\n".join(lines)).articles for p in a.paragraphs]
    assert not any("王某 摄）假期" in p for p in paras), paras
