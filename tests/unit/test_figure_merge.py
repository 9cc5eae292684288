"""One figure, several sources (issue 11 item 5): which values are the same figure, growth basis from the quote,
one unit scale per metric."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.i18n import Translator
from bot.render import format_value, list_scales
from bot.services.lookup import growth_basis, merge_close, precision_step, same_figure


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("1.38e+13", "1.379e+13", True),     # 13.8 vs 13.79万亿元
        ("2e+12", "2.1e+12", True),          # 突破2万亿元 vs 2.1万亿元
        ("2e+12", "2.4e+12", False),         # beyond 5 %
        ("2.6e+12", "2.5e+12", False),       # 2.5 rounded is not 2.6
        ("1.38e+13", "1.41e+13", False),     # a real disagreement
        ("7.16e+12", "7.16e+12", True),
        ("100", "102", True),
        ("0", "1", False),
        ("-5", "5", False),
    ],
)
def test_same_figure(a: str, b: str, same: bool) -> None:
    assert same_figure(a, b) is same and same_figure(b, a) is same


def test_precision_step() -> None:
    assert float(precision_step("1.38e+13")) == 1e11 and float(precision_step("2e+12")) == 1e12


def test_merge_close_keeps_order_and_periods_apart() -> None:
    y22, y21 = ("2022-12-31", "2022-01-01"), ("2021-12-31", "2021-01-01")
    keyed = [
        ((*y22, "全国", "1.38e+13", "元", False), "1", 1, 1),
        ((*y22, "全国", "1.379e+13", "元", False), "2", 1, 2),
        ((*y22, "上海", "1.379e+13", "元", False), "3", 1, 3),   # another region
        ((*y21, "全国", "1.379e+13", "元", False), "4", 1, 4),   # another period (same value: stays apart)
        (("", "", "全国", "1.3790e+13", "元", False), "5", 1, 5),  # undated, matches two dated entries: apart
    ]
    out = merge_close(keyed)
    assert [(k[0], k[2], k[3], ids, n) for k, ids, n, _top in out] == [
        ("2022-12-31", "全国", "1.379e+13", "1,2", 2), ("2022-12-31", "上海", "1.379e+13", "3", 1),
        ("2021-12-31", "全国", "1.379e+13", "4", 1), ("", "全国", "1.3790e+13", "5", 1)]


@pytest.mark.parametrize(
    ("quote", "figure", "basis"),
    [
        ("上半年,全国网上零售额7.16万亿元,同比增长13.1%。", "7.16万亿元", "yoy"),
        ("全国网上零售额13.8万亿元,比上年增长4.0%,其中实物商品增长6.2%。", "13.8万亿元", "yoy"),
        ("2023年全国网上零售额15.42万亿元，增长11%。", "15.42万亿元", None),
        ("8月快递业务量110亿件，环比增长3%。", "110亿件", "mom"),
        ("网上零售额同比增长13.1%，达7.16万亿元。", "7.16万亿元", None),  # the growth is in another clause
        ("农村网零1.12万亿元，增长12.5%；网上零售额同比增长13.1%。", "1.12万亿元", None),
    ],
)
def test_growth_basis_reads_the_figures_clause(quote: str, figure: str, basis: str | None) -> None:
    start = quote.index(figure)
    assert growth_basis(quote, start, start + len(figure)) == basis


@dataclass
class E:
    metric: str
    value: float
    unit: str
    value_base: float
    base_unit: str = "元"
    growth_pct: float | None = None
    growth_pp: float | None = None


def test_one_unit_scale_per_metric() -> None:
    entries = [E("网上零售额", 7.16, "万亿元", 7.16e12), E("网上零售额", 123456, "亿元", 1.23456e13),
               E("网民规模", 10.79, "亿人", 1.079e9, "人")]
    scales = list_scales(entries)
    assert set(scales) == {("网上零售额", "元")}  # one figure of 网民规模: nothing to align
    zh, en = Translator("zh"), Translator("en")
    s = scales[("网上零售额", "元")]
    assert format_value(zh, 123456, "亿元", 1.23456e13, "元", scale=s) == "12.3456万亿元"
    assert format_value(zh, 7.16, "万亿元", 7.16e12, "元", scale=s) == "7.16万亿元"
    assert format_value(en, 7.16, "万亿元", 7.16e12, "元", scale=s) == "7.16 trillion yuan"
    mixed = list_scales([E("快递业务量", 1320, "亿件", 1.32e11, "件"), E("快递业务量", 9.8, "亿件", 9.8e8, "件")])
    en_scale = mixed[("快递业务量", "件")]
    assert format_value(en, 9.8, "亿件", 9.8e8, "件", scale=en_scale) == "0.98 billion parcels"
    assert format_value(zh, 9.8, "亿件", 9.8e8, "件", scale=en_scale) == "9.8亿件"  # same Chinese scale already
