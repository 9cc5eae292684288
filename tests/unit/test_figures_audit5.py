"""Precision rules from round 5 of the audit of fresh pages (tests/corpus/AUDIT.md): each on an invented sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str) -> list[tuple[str, str, float, str, float | None]]:
    return [(f.metric, f.region, f.value, f.unit, f.growth_pct) for f in extract_figures(text, date(2024, 10, 8))]


def test_nian_zeng_is_a_year_on_year_change_and_no_part_of_the_name() -> None:
    # Taiwan usage: 年增/年减 = 同比增长/下降
    rows = _rows("假期首日，浙江百货店客流量年增6.1%，营业额年减1.8%。")
    assert [(r[0], r[4]) for r in rows] == [("百货店客流量", 6.1), ("营业额", -1.8)]
    assert [r[0] for r in _rows("假期前两天，杭州重点商圈客流量、销售额分别年增长7.3%、5.2%。")] == [
        "重点商圈客流量",
        "销售额",
    ]
    # 全年/上半年/每年… stay periods, 年增量 stays a name
    assert [r[0] for r in _rows("家电零售额全年增长5%。")] == ["家电零售额"]
    assert [r[0] for r in _rows("充电桩年增量达到20万个。")] == ["充电桩年增量"]


def test_comparable_basis_is_no_part_of_the_name() -> None:
    assert [r[0] for r in _rows("节日期间，全省重点商超销售额按可比口径同比增长3.9%。")] == ["重点商超销售额"]


def test_bare_flows_after_a_share_of_the_total_are_the_totals_parts() -> None:
    rows = _rows("1至8月，数字服务进出口1500.7亿元，占服务进出口总额的比重达43.2%。其中，出口900.4亿元，进口600.3亿元。")
    assert [r[0] for r in rows] == ["数字服务进出口", "数字服务进出口占服务进出口总额的比重", "数字服务出口额", "数字服务进口额"]
