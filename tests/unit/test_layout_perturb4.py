"""Layout noise, round 4 (issue 9, `BENCH_CORPUS_PERTURB`): a headline printed under its hard-wrapped story on a web
page whose closing lines (`（完）`, `责任编辑：…`, sharing controls) follow it. Own sentences."""

from __future__ import annotations

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def titles(text: str) -> list[str]:
    return [a.title for a in parse_text(text).articles]


def _wrap(paragraph: str, width: int = 16) -> list[str]:
    p = "　　" + paragraph
    return [p[k : k + width] for k in range(0, len(p), width)]


def test_closing_lines_under_a_headline_printed_after_its_story_are_no_release_fields() -> None:
    story = [
        *_wrap("东湖网东湖5月9日电（记者韩立新）东湖市商务局今天介绍，一季度全市农村网络零售额达到"
               "36.8亿元，同比增长14.2%，增速比去年同期加快2.1个百分点。"),
        *_wrap("该局负责人表示，全市已建成村级电商服务站四百余个，基本覆盖所有行政村，"
               "农产品通过网络卖向全国各地。"),
        "东湖一季度农村网络零售额增长14.2%",
    ]
    tail = ["", "（完）", "责任编辑：赵某", "【纠错】　分享到：", "打印本页　关闭窗口", "编辑：孙某　审核：钱某", ""]
    plain = "\n".join(["东湖网　新闻中心　2025年5月9日", "", *story, ""])
    assert titles(plain) == ["东湖一季度农村网络零售额增长14.2%"]
    web = "\n".join(["东湖网　新闻中心　2025年5月9日", "", *story, *tail])
    parsed = parse_text(web)
    assert [a.title for a in parsed.articles] == ["东湖一季度农村网络零售额增长14.2%"]
    assert "36.8亿元" in parsed.articles[0].body
