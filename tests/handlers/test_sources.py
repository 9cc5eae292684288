"""Issue 11 item 5: one figure reported by several outlets is one row with its sources; real disagreements side by
side; one unit scale per metric in a list; 同比 where the source says it — /metric and /article in zh and en."""

from __future__ import annotations

from datetime import date

from tests.handlers.conftest import Harness, add_bulletin, retail_figure, texts

Y2022 = {"period_start": date(2022, 1, 1), "period_end": date(2022, 12, 31), "period_label": "2022年"}


def _store(h: Harness, *, disagree: bool = False) -> None:
    add_bulletin(h.engine, issue_no="第11期", published=date(2023, 6, 5), articles=[
        {"title": "2022年电子商务发展报告", "outlet": "商务部", "body": "2022年全国网上零售额13.8万亿元，比上年增长4.0%。",
         "figures": [retail_figure(value=13.8, value_base=1.38e13, growth_pct=4.0, span_start=9, span_end=16,
                                   quote="2022年全国网上零售额13.8万亿元，比上年增长4.0%。", **Y2022)]}])
    add_bulletin(h.engine, publication="中国贸易报", issue_no=None, published=date(2023, 6, 6), articles=[
        {"title": "网络零售市场回顾", "outlet": "网经社", "body": "2022年全国网络零售额达13.79万亿元。",
         "figures": [retail_figure(value=13.79, value_base=1.379e13, growth_pct=None,
                                   quote="2022年全国网络零售额达13.79万亿元。", **Y2022)]},
        {"title": "2021年网络零售", "outlet": "网经社", "body": "2021年网上零售额123456亿元。",
         "figures": [retail_figure(value=123456, unit="亿元", value_base=1.23456e13, growth_pct=None,
                                   period_start=date(2021, 1, 1), period_end=date(2021, 12, 31),
                                   period_label="2021年", quote="2021年网上零售额123456亿元。")]},
    ])
    if disagree:
        add_bulletin(h.engine, publication="某研究院", issue_no="报告", published=date(2023, 7, 1), articles=[
            {"title": "另一口径", "outlet": "某研究院", "body": "2022年网上零售额14.1万亿元，同比增长5%。",
             "figures": [retail_figure(value=14.1, value_base=1.41e13, growth_pct=5.0, span_start=11, span_end=18,
                                       quote="2022年网上零售额14.1万亿元，同比增长5%。", **Y2022)]}])


async def test_one_row_per_figure_with_every_source(harness: Harness) -> None:
    _store(harness)
    [text] = texts(await harness.command("/metric 网上零售额 2022"))
    assert "共 1 条数据" in text
    assert "<b>网上零售额</b>：13.79万亿元（2022年），同比增长4%" in text
    assert "<i>— 商务部 · 电子商务动态 第11期 · 2023年6月5日 · 报道为13.8万亿元</i> · /article 1" in text
    assert "<i>— 网经社 · 中国贸易报 · 2023年6月6日</i> · /article 2" in text
    [text] = texts(await harness.command("/metric online retail sales 2022", language_code="en"))
    assert ": 13.79 trillion yuan (2022), up 4% year on year" in text
    assert "reported as 13.8 trillion yuan</i> · /article 1" in text


async def test_one_unit_scale_per_metric(harness: Harness) -> None:
    _store(harness)
    [text] = texts(await harness.command("/metric 网上零售额"))
    assert "12.3456万亿元（2021年）" in text and "123,456亿元" not in text and "13.79万亿元（2022年）" in text
    [text] = texts(await harness.command("/metric 网上零售额", language_code="en"))
    assert "12.3456 trillion yuan (2021)" in text and "13.79 trillion yuan (2022)" in text


async def test_disagreements_side_by_side(harness: Harness) -> None:
    _store(harness, disagree=True)
    [text] = texts(await harness.command("/metric 网上零售额 2022"))
    assert "<b>网上零售额</b>（2022年）：各来源数据不一致\n• 14.1万亿元，同比增长5%\n  <i>— 某研究院" in text
    assert "• 13.79万亿元，同比增长4%\n  <i>— 商务部" in text
    [text] = texts(await harness.command("/metric 网上零售额 2022", language_code="en"))
    assert "(2022): the sources differ\n• 14.1 trillion yuan, up 5% year on year" in text
    assert "• 13.79 trillion yuan, up 4% year on year" in text


async def test_neutral_growth_when_the_source_does_not_say_yoy(harness: Harness) -> None:
    add_bulletin(harness.engine, articles=[{"title": "全年网零", "body": "2023年全国网上零售额15.42万亿元，增长11%。",
                                            "figures": [retail_figure(span_start=11, span_end=19)]}])
    [text] = texts(await harness.command("/metric 网上零售额"))
    assert "15.42万亿元（2023年），增长11%" in text and "同比" not in text
    [text] = texts(await harness.command("/article 1"))
    assert "15.42万亿元（2023年），增长11%" in text
