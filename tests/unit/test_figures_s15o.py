"""Rules from the session-15o dev documents, each on an invented sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures.extract import figure_values


def test_nation_sized_retail_account_is_placed_though_no_place_is_named() -> None:
    # a month's retail sales no province reaches: the nation's account, its breakdowns kept too
    body = "3月份，社会消费品零售总额21345亿元，同比增长9.1%。其中，乡村消费品零售额3012亿元，增长9.8%。"
    rows = figure_values(body, date(2015, 4, 14), title="3月份消费品市场情况", scope="")
    assert [(r["metric"], r["region"]) for r in rows] == [("社会消费品零售总额", "全国"), ("乡村消费品零售额", "全国")]
    # a province-sized month (or year) stays unplaced, as before
    small = "3月份，社会消费品零售总额1234亿元，同比增长9.1%。全年社会消费品零售总额9876.5亿元。"
    assert figure_values(small, date(2015, 4, 14), title="消费品市场", scope="") == []


def _rows(text: str, title: str = "夜间消费升温") -> list[tuple[str, str, float | None, float | None]]:
    return [(r["metric"], r["region"], r["value"], r["growth_pct"]) for r in figure_values(text, date(2021, 9, 6), title=title)]


def test_growth_after_qizhong_belongs_to_the_part_it_names() -> None:
    rows = _rows("8月份，杭州网络零售额近420亿元，其中实物商品网络零售额同比增长9.5%。")
    assert rows == [("网络零售额", "杭州", 420.0, None), ("实物商品网络零售额", "杭州", 9.5, 9.5)]
    # a rate of the same metric after 其中 stays the level's
    assert _rows("8月份，杭州网络零售额420亿元，其中网络零售额同比增长9.5%。") == [("网络零售额", "杭州", 420.0, 9.5)]


def test_city_scope_after_de_is_the_region_and_the_one_city_named() -> None:
    text = "作为宁波首创的夜间消费季已近尾声。主办方表示，8月份银联监测的全市夜间消费达86.2亿元。"
    assert _rows(text) == [("夜间消费", "宁波", 86.2, None)]
    # a second place named: the city scope is not guessed
    two = "作为宁波首创的夜间消费季已近尾声，绍兴也在跟进。8月份银联监测的全市夜间消费达86.2亿元。"
    assert [r[1] for r in _rows(two)] == ["全市"]
