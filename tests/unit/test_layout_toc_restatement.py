"""Contents-list entries left in an article's flow (session 14, s14d): a paragraph made only of the issue's titles
is dropped from the body, so that a headline's figure is never read as another article's own. Own sentences."""

from __future__ import annotations

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine

DOC = """流通业运行简报
2024年第6期（总第88期）
省商务厅流通处编　　　　　　　　2024年7月12日

【本期要目】
◆ 6月份全省网络零售额同比增长9%
◆ 2023年全省快递业务量达40.6亿件
◆ 跨境电商综试区建设提速

6月份全省网络零售额同比增长9%

（一）规模情况
　　6月份，全省网络零售额320亿元，同比增长9%。其中，实物商品网络零售额270亿元，增长7.5%。
（二）结构情况
　　分品类看，服装、家电网络零售额分别增长6%和11%。

2023年全省快递业务量达40.6亿件

（一）业务规模
　　2023年，全省快递业务量累计完成40.6亿件，同比增长21%；快递业务收入完成310亿元，增长12%。

跨境电商综试区建设提速

　　上半年，全省跨境电商进出口额达到260亿元，同比增长15%，新设海外仓18个。
"""


def _parse(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def test_contents_entries_do_not_stay_in_the_first_body() -> None:
    parsed = _parse(DOC)
    assert [a.title for a in parsed.articles] == [
        "6月份全省网络零售额同比增长9%",
        "2023年全省快递业务量达40.6亿件",
        "跨境电商综试区建设提速",
    ]
    first = parsed.articles[0].body
    assert "40.6亿件" not in first and "◆" not in first
    assert first.startswith("（一）规模情况")


def test_a_paragraph_that_merely_mentions_a_title_stays() -> None:
    parsed = _parse(DOC.replace("新设海外仓18个。", "新设海外仓18个。\n全省快递业务量突破40亿件，带动寄递企业收入增长。"))
    assert "带动寄递企业收入增长" in parsed.articles[2].body


ONE = """流通业运行简报
2024年第7期（总第89期）
省商务厅流通处编　　　　　　　　2024年8月9日

【本期要目】
◆ 7月份全省网络零售额同比增长8%
◆ 2024年上半年全省快递业务量达21.3亿件
◆ 跨境电商海外仓布局加快

7月份全省网络零售额同比增长8%

（一）规模情况
　　7月份，全省网络零售额305亿元，同比增长8%。其中，实物商品网络零售额256亿元，增长6.5%。
（二）结构情况
　　分品类看，食品、日用品网络零售额分别增长9%和5%。
"""


def test_contents_entries_of_articles_not_printed_leave_the_body_too() -> None:
    parsed = _parse(ONE)
    body = parsed.articles[0].body
    assert "21.3亿件" not in body and "海外仓" not in body
    assert "全省网络零售额305亿元" in body
