"""bot.render.figures.figure_parts: the one place a figure becomes words, in English and Chinese."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.i18n import Translator
from bot.render.figures import figure_line, figure_name, figure_parts, regional_name
from bot.services.lookup import FigureEntry

ZH, EN = Translator("zh"), Translator("en")


def entry(**fields: Any) -> FigureEntry:
    defaults: dict[str, Any] = dict(
        metric="网上零售额", region="全国", value=7.16, unit="万亿元", value_base=7.16e12, base_unit="元",
        qualifier="exact", period_start=date(2023, 1, 1), period_end=date(2023, 6, 30), period_label="上半年",
        growth_pct=13.1, growth_pp=None, is_forecast=False, growth_basis="yoy", value_decimals=2,
        growth_decimals=1)
    return FigureEntry(**{**defaults, **fields})


def test_chinese_and_english_words() -> None:
    zh = figure_parts(ZH, entry())
    assert (zh.name, zh.value, zh.period, zh.growth) == ("网上零售额", "7.16万亿元", "2023年上半年", "同比增长13.1%")
    assert not zh.is_forecast and not zh.growth_only
    en = figure_parts(EN, entry())
    assert (en.name, en.value, en.period, en.growth) == (
        "Online retail sales (网上零售额)", "7.16 trillion yuan", "H1 2023", "up 13.1% year on year")
    assert figure_line(ZH, zh, html=False) == "网上零售额：7.16万亿元（2023年上半年），同比增长13.1%"
    assert figure_line(EN, en) == ("<b>Online retail sales (网上零售额)</b>: 7.16 trillion yuan (H1 2023), "
                                   "up 13.1% year on year")


def test_the_source_precision_and_qualifier_are_kept() -> None:
    assert figure_parts(ZH, entry(value=13.8, value_base=13.8e12, value_decimals=2)).value == "13.80万亿元"
    assert figure_parts(ZH, entry(value=15, value_base=15e12, qualifier="approx", value_decimals=0)).value == "约15万亿元"
    assert figure_parts(EN, entry(value=2, value_base=2e12, qualifier="lower_bound", value_decimals=0)).value == (
        "over 2 trillion yuan")


def test_region_joined_once() -> None:
    assert figure_parts(ZH, entry(metric="快递业务量", region="上海")).name == "上海快递业务量"
    # a stored name that already carries its region is not prefixed again
    assert figure_parts(ZH, entry(metric="上海快递业务量", region="上海")).name == "上海快递业务量"
    assert figure_parts(EN, entry(region="上海")).name == "Online retail sales (上海网上零售额)"
    assert regional_name("网民规模", "全国") == regional_name("网民规模", "") == "网民规模"
    assert figure_name(ZH, entry(metric="上海网上零售额", region="上海")) == "上海网上零售额"


def test_growth_only_figure_is_shown_as_the_change() -> None:
    growth = entry(value=6.2, unit="%", value_base=6.2, base_unit="%", growth_pct=6.2, growth_basis=None,
                   value_decimals=1)
    zh, en = figure_parts(ZH, growth), figure_parts(EN, growth)
    assert zh.growth_only and (zh.value, zh.growth) == ("增长6.2%", "")
    assert (en.value, en.growth) == ("up 6.2%", "")
    pp = entry(value=2.7, unit="个百分点", value_base=2.7, base_unit="个百分点", growth_pct=None, growth_pp=2.7,
               growth_basis="yoy", value_decimals=1)
    assert figure_parts(ZH, pp).value == "同比提高2.7个百分点"
    # a percentage level with its own growth stays a level
    level = entry(value=76.4, unit="%", value_base=76.4, base_unit="%", growth_pct=1.8, growth_basis=None,
                  value_decimals=1)
    assert (figure_parts(ZH, level).value, figure_parts(ZH, level).growth) == ("76.4%", "增长1.8%")


def test_forecast_is_marked() -> None:
    parts = figure_parts(ZH, entry(is_forecast=True, period_start=date(2024, 1, 1), period_end=date(2024, 12, 31)))
    assert parts.is_forecast and parts.period == "2024年"
    assert figure_line(ZH, parts, html=False).endswith(" ［预测］")
    assert figure_line(EN, figure_parts(EN, entry(is_forecast=True)), html=False).endswith(" [forecast]")


def test_period_with_an_end_only_is_as_of() -> None:
    stock = entry(metric="网民规模", value=10.79, unit="亿人", value_base=1.079e9, base_unit="人",
                  period_start=None, period_end=date(2023, 6, 30), period_label="", growth_pct=None,
                  growth_basis=None)
    zh, en = figure_parts(ZH, stock), figure_parts(EN, stock)
    assert (zh.period, zh.growth) == ("截至2023年6月", "")
    assert (en.name, en.value, en.period) == ("Internet users (网民规模)", "1.079 billion people", "as of Jun 2023")
    undated = figure_parts(ZH, entry(period_start=None, period_end=None, period_label=""))
    assert undated.period == "" and figure_line(ZH, undated, html=False) == "网上零售额：7.16万亿元，同比增长13.1%"
