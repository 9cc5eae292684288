"""Reposted wire stories (session 16, wire_s16w_*): a headline written as a question over its date line is the
story's title; one reposted story (headline, dated meta line, text) keeps its spaced sub-heads inside it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


QA = """快递进村为何越来越快？
2025-06-02 08:15　来源：某某网

问：今年以来，不少村民发现快递到村更快了。这是怎么做到的？

答：近年来各地建设村级寄递物流综合服务站，1—4月全省农村地区快递业务量同比增长18%。
各地还推广共同配送，降低了末端成本。

站点覆盖更广
截至4月底，全省建成村级站点1.2万个，覆盖九成以上行政村。
农村寄递网络持续下沉。

服务体验更好
不少站点还提供代收代寄、农产品上行等服务，村民办事更方便。"""


def test_a_question_headline_over_its_date_line_is_the_title() -> None:
    parsed = parse_text(QA)
    assert [a.title for a in parsed.articles] == ["快递进村为何越来越快？"]


def test_a_reposted_story_keeps_its_spaced_sub_heads() -> None:
    parsed = parse_text(QA)
    assert len(parsed.articles) == 1
    body = "\n".join(parsed.articles[0].paragraphs)
    assert "站点覆盖更广" in body and "村民办事更方便" in body


def test_a_question_in_the_text_is_no_title() -> None:
    text = """今年以来全省快递业务量稳步增长
2025-06-02 08:15　来源：某某网

记者从省邮政管理局了解到，1—4月全省快递业务量累计完成3.2亿件，同比增长12%。
快递为何越来越快？
各地推广共同配送，降低了末端成本。"""
    parsed = parse_text(text)
    assert [a.title for a in parsed.articles] == ["今年以来全省快递业务量稳步增长"]


def test_two_reposted_stories_each_with_a_date_line_stay_two() -> None:
    text = """全省快递业务量稳步增长
2025-06-02 08:15　来源：某某网

记者从省邮政管理局了解到，1—4月全省快递业务量累计完成3.2亿件，同比增长12%。

网络零售额较快增长
2025-06-03 09:20　来源：某某网

记者从省商务厅了解到，1—4月全省网络零售额同比增长9%。"""
    parsed = parse_text(text)
    assert [a.title for a in parsed.articles] == ["全省快递业务量稳步增长", "网络零售额较快增长"]


def test_a_bracketed_credit_line_closes_a_story_and_names_no_section() -> None:
    text = """全省快递业务量稳步增长
2025-06-02 08:15　来源：某某网

记者从省邮政管理局了解到，1—4月全省快递业务量累计完成3.2亿件，同比增长12%。
【责任编辑：某某】

网络零售额较快增长
来源：某某网　2025年06月03日09:20

记者从省商务厅了解到，1—4月全省网络零售额同比增长9%。"""
    parsed = parse_text(text)
    assert [(a.title, a.section) for a in parsed.articles] == [("全省快递业务量稳步增长", ""), ("网络零售额较快增长", "")]


def test_headless_flashes_are_named_without_the_comma_after_their_dateline() -> None:
    text = """某某社6月2日电，省邮政管理局数据显示，5月全省快递业务量完成1.1亿件。
某某社6月3日电，省商务厅数据显示，前5个月全省网络零售额增长9%。"""
    titles = [a.title for a in parse_text(text).articles]
    assert titles == ["省邮政管理局数据显示，5月全省快递业务量完成1.1亿件", "省商务厅数据显示，前5个月全省网络零售额增长9%"]


def test_a_reposts_original_title_and_font_controls_are_furniture() -> None:
    text = """上半年全省网络零售额增长9%
时间：2025年07月20日 10:20 | 来源：某某网
【字体：大 中 小】
原标题：省商务厅：上半年网络零售额同比增长9%

某某网7月20日电 记者从省商务厅获悉，上半年全省网络零售额同比增长9%。"""
    parsed = parse_text(text)
    assert [(a.title, a.section) for a in parsed.articles] == [("上半年全省网络零售额增长9%", "")]
    assert parsed.publication != "上半年全省网络零售额增长9%"


@pytest.mark.parametrize(
    "meta",
    [
        "某某新闻记者 | 张三 2025-12-05 10:20",
        "记者 张三 2025年12月5日",
        "某经记者：张三　某经编辑：李四　2025-12-05 10:20",
        "发布于：北京市 2025-12-05 10:20",
    ],
)
def test_a_byline_carrying_the_date_is_a_meta_line(meta: str) -> None:
    text = f"全省网络零售额较快增长\n{meta}\n\n记者从省商务厅获悉，1—11月全省网络零售额同比增长9%。"
    parsed = parse_text(text)
    assert [(a.title, a.published) for a in parsed.articles] == [("全省网络零售额较快增长", date(2025, 12, 5))]


def test_a_posters_role_over_the_date_is_no_publication() -> None:
    text = "全省网络零售额较快增长\n小编　2025-12-05 10:20:33\n\n记者从省商务厅获悉，1—11月全省网络零售额同比增长9%。"
    parsed = parse_text(text)
    assert parsed.publication != "小编"
    assert [(a.title, a.published) for a in parsed.articles] == [("全省网络零售额较快增长", date(2025, 12, 5))]
