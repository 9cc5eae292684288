"""bot.render: Babel number formatting per language, escaping, highlights, splitting below 4096."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.i18n import Translator
from bot.render import figure_name, format_period, format_value, highlight, render_figure, split_blocks, split_message
from bot.services.lookup import FigureEntry, FigureSource

ZH, EN = Translator("zh"), Translator("en")


def test_values_in_each_language() -> None:
    assert format_value(ZH, 13.8, "万亿元", 1.38e13, "元") == "13.8万亿元"
    assert format_value(EN, 13.8, "万亿元", 1.38e13, "元") == "13.8 trillion yuan"
    assert format_value(EN, 2.45, "万亿元", 2.45e12, "元") == "2.45 trillion yuan"
    assert format_value(EN, 609, "亿美元", 6.09e10, "美元") == "US$60.9 billion"  # as English writes money
    assert format_value(EN, 3, "亿迪拉姆", 3e8, "迪拉姆") == "300 million dirhams"
    assert format_value(EN, 1, "家", 1, "家") == "1 company"  # singular
    assert format_value(ZH, 1234.5, "亿件", 1.2345e11, "件") == "1,234.5亿件"
    assert format_value(EN, 94, "%", 94, "%") == "94%"
    assert format_value(EN, 615, "家", 615, "家") == "615 companies"


@pytest.mark.parametrize(
    ("value", "unit", "base", "base_unit", "en"),
    [
        (10.79, "亿人", 1.079e9, "人", "1.079 billion people"),  # never rounded to 1.08
        (13.79, "万亿元", 1.379e13, "元", "13.79 trillion yuan"),
        (1.12, "万亿元", 1.12e12, "元", "1.12 trillion yuan"),
        (3.743, "亿", 3.743e8, "", "374.3 million"),
        (19916, "亿元", 1.9916e12, "元", "1.9916 trillion yuan"),
        (1610, "亿件", 1.61e11, "件", "161 billion parcels"),
        (3000, "万", 3.0e7, "", "30 million"),
        (56.5, "万", 5.65e5, "", "565,000"),
    ],
)
def test_english_values_keep_every_significant_digit(value: float, unit: str, base: float, base_unit: str,
                                                      en: str) -> None:
    assert format_value(EN, value, unit, base, base_unit) == en


@pytest.mark.parametrize(
    ("label", "start", "end", "zh", "en"),
    [
        ("2023年", date(2023, 1, 1), date(2023, 12, 31), "2023年", "2023"),
        ("上半年", date(2023, 1, 1), date(2023, 6, 30), "2023年上半年", "H1 2023"),
        ("下半年", date(2022, 7, 1), date(2022, 12, 31), "2022年下半年", "H2 2022"),
        ("一季度", date(2023, 1, 1), date(2023, 3, 31), "2023年一季度", "Q1 2023"),
        ("三季度", date(2023, 7, 1), date(2023, 9, 30), "2023年三季度", "Q3 2023"),
        ("前三季度", date(2023, 1, 1), date(2023, 9, 30), "2023年前三季度", "Jan–Sep 2023"),
        ("1月至7月", date(2023, 1, 1), date(2023, 7, 31), "2023年1—7月", "Jan–Jul 2023"),
        ("8月份", date(2023, 8, 1), date(2023, 8, 31), "2023年8月", "August 2023"),
        ("2月", date(2024, 2, 1), date(2024, 2, 29), "2024年2月", "February 2024"),
        ("截至2023年6月", None, date(2023, 6, 30), "截至2023年6月", "as of Jun 2023"),
        ("截至5月31日", None, date(2023, 5, 31), "截至2023年5月", "as of May 2023"),
        ("截至5月20日", None, date(2023, 5, 20), "截至2023年5月20日", "as of May 20, 2023"),
        ("今年", None, None, "今年", "今年"),
    ],
)
def test_periods_are_built_from_the_resolved_dates(
    label: str, start: date | None, end: date | None, zh: str, en: str
) -> None:
    assert format_period(ZH, label, start, end) == zh
    assert format_period(EN, label, start, end) == en


def _src(article_id: int, outlet: str, bulletin: str, published: date) -> FigureSource:
    return FigureSource(article_id=article_id, article_title="", outlet=outlet, bulletin=bulletin, bulletin_id=1,
                        published=published, quote="")


def _Entry(**fields: Any) -> FigureEntry:  # noqa: N802 - reads as the record it builds
    defaults: dict[str, Any] = dict(
        metric="网上零售额", region="全国", value=7.1, unit="万亿元", value_base=7.1e12, base_unit="元",
        qualifier="approx", period_start=date(2024, 1, 1), period_end=date(2024, 6, 30), period_label="2024年上半年",
        growth_pct=-2.5, growth_pp=None, is_forecast=True,
        sources=[_src(7, "商务部<官网>", "动态 第3期", date(2024, 7, 15))])
    return FigureEntry(**{**defaults, **fields})


def test_figure_block_marks_forecast_growth_and_source() -> None:
    text = render_figure(ZH, _Entry())
    assert text.startswith("<b>网上零售额</b>：约7.1万亿元（2024年上半年），下降2.5% ［预测］")
    assert "<i>— 商务部&lt;官网&gt; · 动态 第3期 · 2024年7月15日</i> · /article 7" in text
    en = render_figure(EN, _Entry(region="上海"))
    assert en.startswith("<b>Online retail sales (上海网上零售额)</b>: about 7.1 trillion yuan (H1 2024), down 2.5% "
                         "[forecast]")


def test_english_readers_see_the_english_metric_name() -> None:
    """English name from the alias table first, the Chinese name kept; Chinese readers unchanged; metrics the table
    does not know stay Chinese."""
    assert render_figure(EN, _Entry(metric="网络零售额"), with_source=False).startswith(
        "<b>Online retail sales (网络零售额)</b>: ")
    assert render_figure(EN, _Entry(metric="快递业务量"), with_source=False).startswith(
        "<b>Express delivery volume (快递业务量)</b>: ")
    assert render_figure(ZH, _Entry(metric="快递业务量"), with_source=False).startswith("<b>快递业务量</b>：")
    assert render_figure(EN, _Entry(metric="某园区产值"), with_source=False).startswith("<b>某园区产值</b>: ")
    assert figure_name(EN, _Entry(metric="网民规模", region="全国")) == "Internet users (网民规模)"
    assert figure_name(ZH, _Entry(metric="网民规模", region="全国")) == "网民规模"


def test_highlight_escapes_and_merges_spans() -> None:
    assert highlight("a<b>&直播电商", [(5, 7), (6, 9), (50, 60)]) == "a&lt;b&gt;&amp;<b>直播电商</b>"
    assert highlight("x", []) == "x"


def test_split_keeps_paragraphs_whole_and_under_the_limit() -> None:
    paras = [f"<b>{i}</b> " + "字" * 900 for i in range(12)]
    parts = split_message("\n\n".join(paras))
    assert len(parts) > 1 and all(len(p) <= 4000 for p in parts)
    assert "\n\n".join(parts) == "\n\n".join(paras)
    # a single block longer than the limit is cut on line boundaries
    block = "\n".join("行" * 300 for _ in range(30))
    parts = split_blocks([block])
    assert all(len(p) <= 4000 for p in parts) and "\n".join(parts) == block


def test_an_overlong_line_is_cut_in_place_keeping_the_order() -> None:
    block = "first\n" + "x" * 5000 + "\nlast"
    parts = split_blocks([block], limit=4000)
    assert parts == ["first", "x" * 4000, "x" * 1000 + "\nlast"]
    assert "".join(p.replace("\n", "") for p in parts) == block.replace("\n", "")


@pytest.mark.parametrize(
    ("figure", "zh", "en"),
    [
        # 其中,实物商品网上零售额增长6.2% — a change without a level: shown as the change, never as "6.2%"
        (dict(metric="实物商品网上零售额", value=6.2, unit="%", value_base=6.2, base_unit="%", growth_pct=6.2),
         "<b>实物商品网上零售额</b>：增长6.2%（2022年）", "up 6.2% (2022)"),
        (dict(metric="农村网络零售额", value=-1.5, unit="%", value_base=-1.5, base_unit="%", growth_pct=-1.5),
         "<b>农村网络零售额</b>：下降1.5%（2022年）", "down 1.5% (2022)"),
        (dict(metric="比重", value=2.7, unit="个百分点", value_base=2.7, base_unit="个百分点", growth_pp=2.7),
         "<b>比重</b>：提高2.7个百分点（2022年）", "up 2.7 percentage points (2022)"),
        # a real percentage level with a different growth stays a level
        (dict(metric="互联网普及率", value=76.4, unit="%", value_base=76.4, base_unit="%", growth_pct=1.8),
         "<b>互联网普及率</b>：76.4%（2022年），增长1.8%", "76.4% (2022), up 1.8%"),
    ],
)
def test_growth_only_figures_show_the_change_not_a_level(figure: dict, zh: str, en: str) -> None:
    entry = _Entry(**{"qualifier": "exact", "is_forecast": False, "growth_pct": None, "growth_pp": None,
                      "period_label": "2022年", "period_start": date(2022, 1, 1), "period_end": date(2022, 12, 31),
                      "region": "全国", **figure})
    assert render_figure(ZH, entry, with_source=False) == zh
    assert render_figure(EN, entry, with_source=False).endswith(en)
