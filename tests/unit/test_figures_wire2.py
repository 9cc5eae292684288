"""Issue 9, more constructions of wire stories and portal reposts (tests/corpus/dev/wire_s16w_*), each tested on
sentences of our own: a month range written with 份 on both months (`1月份至2月份`)."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures

PUB = date(2025, 3, 20)


def _got(text: str, pub: date | None = PUB) -> list[tuple[str, float | None, date | None, date | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, pub)]


def test_a_month_range_with_fen_on_both_months_starts_at_the_first() -> None:
    got = _got("数据显示，1月份至2月份，全省网上零售额为812亿元，同比增长6.3%。")
    assert ("网上零售额", 812.0, date(2025, 1, 1), date(2025, 2, 28)) in got
    # the first month alone keeps its own month
    one = _got("数据显示，2月份全省网上零售额为412亿元。")
    assert ("网上零售额", 412.0, date(2025, 2, 1), date(2025, 2, 28)) in one
