"""Commodity categories of retail statistics named in running text (session 15n2): a list of categories before
`分别实现零售额…` and a category opening the clause before a bare `实现零售额…` — on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures

_TEXT = (
    "上半年，全市限额以上单位中，家具类、文化办公用品类分别实现零售额12.3、8.6亿元，分别增长5.1%和7.2%。"
    "家电类需求回暖，实现零售额20.4亿元，增长3.3%。"
)


def _named() -> dict[float, str]:
    return {f.value: f.metric for f in extract_figures(_TEXT, date(2019, 7, 20)) if f.value is not None}


def test_respectively_before_the_verb_is_no_part_of_the_listed_names() -> None:
    got = _named()
    assert got[12.3] == "家具类零售额"
    assert got[8.6] == "文化办公用品类零售额"


def test_a_category_opening_the_clause_before_names_a_bare_measure() -> None:
    assert _named()[20.4] == "家电类零售额"

