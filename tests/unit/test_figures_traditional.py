"""Traditional characters (國/網/億/萬/額/長/…) are read as simplified, character for character: the figures of a
text in traditional characters are those of its simplified form, metrics and regions stored in simplified (so
`/metric 网上零售额` finds them) and quotes as the source wrote them."""

from __future__ import annotations

from datetime import date

from bot.services.figures import article_region, extract_figures, normalise_metric
from bot.services.figures.numbers import fold
from bot.services.figures.script import _PAIRS, to_simplified

PUB = date(2024, 1, 20)

TRAD = (
    "2023年，全國網上零售額15.42萬億元，同比增長11%。其中，實物商品網上零售額13.02萬億元，增長8.4%。\n"
    "1—11月份，廣東省跨境電商進出口額達到5000億元。"
)


def rows(text: str) -> list[tuple[object, ...]]:
    return [
        (f.metric, f.region, f.value, f.unit, f.period_start, f.period_end, f.growth_pct)
        for f in extract_figures(text, PUB)
    ]


def test_table_is_one_to_one_and_never_maps_a_simplified_character() -> None:
    trad, simp = _PAIRS[0::2], _PAIRS[1::2]
    assert len(trad) == len(simp) == len(set(trad))
    assert not set(trad) & set(simp)
    # characters written in simplified text too stay as they are
    for kept in "呼著乾覆台里后干范面发":
        assert to_simplified(kept) == kept


def test_same_length_so_offsets_hold() -> None:
    assert len(to_simplified(TRAD)) == len(TRAD)
    assert len(fold(TRAD)) == len(TRAD)
    assert to_simplified("同比增長") == "同比增长"
    assert to_simplified("網上零售額") == "网上零售额"


def test_traditional_text_gives_the_simplified_figures() -> None:
    assert rows(TRAD) == rows(to_simplified(TRAD))
    got = rows(TRAD)
    assert got[0] == ("网上零售额", "全国", 15.42, "万亿元", date(2023, 1, 1), date(2023, 12, 31), 11.0)
    assert got[1][:3] == ("实物商品网上零售额", "全国", 13.02)
    assert got[2][:4] == ("跨境电商进出口额", "广东", 5000.0, "亿元")


def test_quotes_stay_as_written() -> None:
    figs = extract_figures(TRAD, PUB)
    assert figs[0].quote == "2023年，全國網上零售額15.42萬億元，同比增長11%。"
    assert figs[2].quote == "1—11月份，廣東省跨境電商進出口額達到5000億元。"


def test_follow_on_and_wrapped_lines_in_traditional() -> None:
    text = "9月份，快遞業務量完成115.4億件，同比增長21.8%；業務收入完成1033.2億元，同比增\n長11.8%。"
    figs = extract_figures(text, date(2023, 10, 13))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [
        ("快递业务量", 115.4, 21.8),
        ("快递业务收入", 1033.2, 11.8),
    ]
    assert figs[1].quote == "業務收入完成1033.2億元，同比增長11.8%。"  # the wrap joined, as written


def test_metric_key_and_region_in_simplified() -> None:
    assert normalise_metric("網上零售額") == normalise_metric("网上零售额")
    assert article_region("2022年廣東省快遞業務量完成") == "广东"
