"""A newspaper title over a 副题 as wide as itself (session 15, helper genA). Own documents."""

from __future__ import annotations

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def _parse(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


PAGE = """江城商报
2023年8月16日　星期三　第3版　经济

7月份全市快递业务量增长12.5%
前7个月全市快递业务收入38.6亿元

本报讯　市邮政管理局昨日发布数据，7月份，全市快递业务量完成1.35亿件，同比增长12.5%。
1—7月，全市快递业务收入累计完成38.6亿元，同比增长9.1%。

城乡消费持续回暖
上半年全市网络零售额突破300亿元

本报讯　记者从市商务局获悉，上半年全市网络零售额达312.4亿元，同比增长8.8%。
其中，农村网络零售额56.2亿元，同比增长11.3%。

比去年提前25天
今年全市快递业务量突破1亿件

本报讯　市邮政管理局监测显示，截至5月6日，今年全市快递业务量突破1亿件。
"""


def test_of_two_title_lines_as_wide_one_stating_a_figure_first_is_the_headline() -> None:
    titles = [a.title for a in _parse(PAGE).articles]
    assert "7月份全市快递业务量增长12.5%" in titles  # the line under it is its 副题
    assert "上半年全市网络零售额突破300亿元" in titles  # a first line stating no figure is a kicker over it
    assert "今年全市快递业务量突破1亿件" in titles  # nor is a comparison (`比去年提前25天`) a headline
