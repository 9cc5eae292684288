"""A release's definitions under a heading of their own (`网络零售` then `统计范围：`, `指标解释：`) are the notes of
the release, not an article, and state no figures (session 15i), on text written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


_DOC = "\n".join(
    [
        "某市统计局",
        "",
        "全市限上企业网络零售情况（2020年10月）",
        "发布日期：2020-11-20　来源：市统计局",
        "",
        "| 指标名称 | 本月 | 本月±% | 本月止累计 | 累计±% |",
        "| 网络零售额(亿元) | 12.40 | 8.8 | 101.30 | 10.2 |",
        "",
        "网络零售",
        "统计范围：",
        "辖区内开展网络零售的限额以上批发零售业法人单位。",
        "指标解释：",
        "限额以上单位：批发业年主营业务收入2000万元及以上，零售业年主营业务收入500万元及以上。",
    ]
)


def test_a_heading_over_definitions_opens_no_article() -> None:
    parsed = parse_text(_DOC)
    assert [a.title for a in parsed.articles] == ["全市限上企业网络零售情况（2020年10月）"]
    assert parsed.articles[0].published == date(2020, 11, 20)


def test_definitions_after_a_bare_field_line_state_no_figures() -> None:
    body = "\n".join(_DOC.split("\n")[5:])
    names = [f.metric for f in extract_figures(body, date(2020, 11, 20), title="全市限上企业网络零售情况（2020年10月）")]
    assert not any("主营业务收入" in n for n in names)
    assert any(n.endswith("网络零售额") for n in names)
