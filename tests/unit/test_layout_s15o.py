"""Bulletin covers with a spaced-out name, a yearless issue line, a bare date line and section names inside the
contents (session 15o), on a short synthetic text written for this test."""

from __future__ import annotations

from datetime import date

from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


COVER = """　　　　　　　　物　流　简　报
　　　　　　　第7期（总第88期）
　　　　　　　　　　　　　　　　　　　　2021年9月6日

目　录
【快递】
　秋季快递业务量稳中有升 ………………………… 1
【外贸】
　前8月口岸跨境电商包裹增长 ……………………… 2

秋季快递业务量稳中有升

　　记者从市邮政管理局获悉，8月份全市快递业务量完成1.9亿件，同比增长11.2%。
（来源：某某日报　2021年9月3日）

前8月口岸跨境电商包裹增长

　　海关统计，前8个月口岸跨境电商包裹量同比增长23.4%。
（来源：某某晚报　2021年9月5日）
"""


def test_cover_lines_are_front_matter_and_the_first_title_is_kept() -> None:
    parsed = parse_text(COVER)
    assert parsed.publication == "物流简报"
    assert parsed.published == date(2021, 9, 6)
    assert [(a.title, a.published) for a in parsed.articles] == [
        ("秋季快递业务量稳中有升", date(2021, 9, 3)),
        ("前8月口岸跨境电商包裹增长", date(2021, 9, 5)),
    ]
