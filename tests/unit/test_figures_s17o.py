"""County papers' `我县/本县` and a `近N年` span before the metric (session 17o), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str, title: str = "") -> list[tuple[str, str, float | None]]:
    return [(f.metric, f.region, f.value) for f in extract_figures(text, date(2024, 5, 6), title=title)]


def test_wo_xian_is_a_local_scope_like_quan_xian() -> None:
    rows = _rows("一季度，我县网络零售额5.6亿元，同比增长12.4%。")
    assert rows == [("网络零售额", "我县", 5.6)]
    rows = _rows("一季度，本县快递业务量820万件。", title="丰源县快递业务量稳步增长")
    assert rows and rows[0][0] == "快递业务量"


def test_a_span_of_years_before_the_metric_is_no_part_of_its_name() -> None:
    rows = _rows("近五年，农产品网络零售额从2019年的2.1亿元增长到2023年的6.3亿元。")
    assert [r[0] for r in rows][:2] == ["农产品网络零售额", "农产品网络零售额"]
    rows = _rows("近3年来全县快递业务量从2020年的900万件增长到2023年的2400万件。")
    assert [r[0] for r in rows][:2] == ["快递业务量", "快递业务量"]
