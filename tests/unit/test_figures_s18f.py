"""Holidays named without their days (session 18f): `国庆假期` / `“五一”期间` take the official holiday of that year —
on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _figs(text: str, published: date) -> dict[str, tuple[float | None, date | None, date | None]]:
    return {f.metric: (f.value, f.period_start, f.period_end) for f in extract_figures(text, published)}


def test_a_national_day_holiday_without_its_days_is_the_official_holiday() -> None:
    # 2020's holiday ran 1-8 October (国庆 and 中秋 together)
    got = _figs("国庆假期全区共揽收快递包裹356.2万件，同比增长18.4%。", date(2020, 10, 10))
    assert got["快递揽收量"] == (356.2, date(2020, 10, 1), date(2020, 10, 8))
    # a year written before the holiday names it
    got = _figs("去年“十一”黄金周，全省重点商场销售额约为42.6亿元。", date(2019, 9, 20))
    assert got["重点商场销售额"] == (42.6, date(2018, 10, 1), date(2018, 10, 7))


def test_a_labour_day_holiday_before_the_story_is_this_years_and_after_it_last_years() -> None:
    got = _figs("“五一”期间，全市实物商品网络零售额同比增长21.7%。", date(2023, 5, 6))
    assert got["实物商品网络零售额"][1:] == (date(2023, 4, 29), date(2023, 5, 3))
    got = _figs("五一假期，全市实物商品网络零售额同比增长21.7%。", date(2023, 3, 1))
    assert got["实物商品网络零售额"][1:] == (date(2022, 4, 30), date(2022, 5, 4))


def test_the_days_the_sentence_gives_win_and_a_holiday_compared_against_is_no_period() -> None:
    got = _figs("国庆假期（10月1日至5日），全市快递揽收量为81.5万件。", date(2021, 10, 9))
    assert got["快递揽收量"][1:] == (date(2021, 10, 1), date(2021, 10, 5))
    got = _figs("全市重点商场销售额比去年国庆假期增长6.2%。", date(2021, 10, 9))
    assert all(v[1] != date(2020, 10, 1) for v in got.values())
    # a day before the holiday is not the holiday
    got = _figs("国庆前夕，全市快递揽收量为12.5万件。", date(2021, 10, 9))
    assert all(v[1] != date(2021, 10, 1) for v in got.values())
