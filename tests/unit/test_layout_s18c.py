"""Portal reposts (session 18c): a page's controls opening its date line (`【字体：大 中 小】 2023-05-12 …`) are no
part of it — the story keeps its headline and date."""

from __future__ import annotations

from datetime import date

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def test_controls_before_a_date_line_are_stripped() -> None:
    assert ev.strip_leading_controls("【字号：大 中 小】2021年03月08日 09:15　来源：某某网") == "2021年03月08日 09:15　来源：某某网"
    assert ev.strip_leading_controls("【打印】 本市消费平稳") == "【打印】 本市消费平稳"


def test_a_story_under_a_date_line_opened_by_controls_keeps_its_title_and_date() -> None:
    text = (
        "前两个月全市网络零售额增长8%\n【字体：大 中 小】 2021-03-08 09:15 来源：某某网\n\n"
        "　　记者从市商务局获悉，前两个月，全市网络零售额210亿元，同比增长8%。\n【责任编辑：某某】\n"
    )
    parsed = parse_text(text)
    arts = parsed.articles
    assert [a.title for a in arts] == ["前两个月全市网络零售额增长8%"]
    assert arts[0].published == date(2021, 3, 8)
