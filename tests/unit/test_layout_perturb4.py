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


_STORY = (
    "新华社西宁6月3日电（记者马青山）青海省邮政管理局3日发布数据，今年5月全省快递业务量完成1260万件，同比增长"
    "21.5%；快递业务收入完成1.9亿元，同比增长12.3%。从区域看，西宁市快递业务量占全省的七成以上，海东市增速最快。"
)
_BOX = (
    "相关链接　据青海省邮政管理局2024年6月发布的数据，当年5月全省快递业务量为1037万件，同比增长18.8%，快递业务"
    "收入为1.7亿元，同比增长9.6%。"
)


def _column(text: str, width: int = 20) -> list[str]:
    return [text[k : k + width] for k in range(0, len(text), width)]


def test_a_headline_under_its_story_closes_it_above_a_boxed_related_item() -> None:
    lines = ["高原商报", "2025年6月4日", "", *_column(_STORY), "五月青海快递业务量增长二成",
             *_column(_BOX), "去年五月青海快递业务量超千万件", ""]
    assert titles("\n".join(lines)) == ["五月青海快递业务量增长二成", "去年五月青海快递业务量超千万件"]


def test_a_wide_headline_set_apart_between_a_story_and_a_boxed_item_closes_the_story() -> None:
    lines = ["高原商报", "2025年6月4日", "", "", *_column(_STORY, 18), "", "", "五月青海省快递业务量同比增长二成以上",
             "", "", *_column(_BOX, 18), "去年五月青海快递业务量超千万件", ""]
    parsed = parse_text("\n".join(lines))
    assert [a.title for a in parsed.articles] == ["五月青海省快递业务量同比增长二成以上", "去年五月青海快递业务量超千万件"]
    assert "1037万件" not in parsed.articles[0].body.replace("\n", "")
