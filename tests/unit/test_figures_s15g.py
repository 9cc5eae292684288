"""Fresh dated digests and newspaper pages (session 15, helper genA): spans of days with bracketed notes or opened by
`自…以来`, a list of base years before a list of rates, both parcel activities counted together, a holiday span of
a sentence's own — on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.lookup import synonyms


def _figs(text: str, published: date = date(2023, 3, 1)) -> list[tuple[str, float | None, date | None, date | None, float | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, published)]


def test_a_span_of_days_with_bracketed_notes_is_one_span() -> None:
    rows = _figs("在今年2月3日（正月十三）至2月20日（二月初一）的家电促销季，全市家电网络零售额同比增长21.5%。")
    assert ("家电网络零售额", 21.5, date(2023, 2, 3), date(2023, 2, 20), 21.5) in rows


def test_a_span_opened_by_since_and_closed_by_an_as_of_day_starts_on_its_first_day() -> None:
    rows = _figs("自1月5日旺季开始以来，截至2月12日，全省已累计揽收快递包裹6.3亿件，增长18.2%。")
    assert ("快递揽收量", 6.3, date(2023, 1, 5), date(2023, 2, 12), 18.2) in rows


def test_of_a_list_of_base_years_only_the_year_before_gives_the_growth() -> None:
    rows = _figs("5月1日至5日，全市重点商超销售额约36亿元，比2022年、2019年同期分别增长12.5%、3.1%。",
                 date(2023, 5, 8))
    assert ("重点商超销售额", 36.0, date(2023, 5, 1), date(2023, 5, 5), 12.5) in rows
    assert not any(r[4] == 3.1 or r[1] == 3.1 for r in rows)  # a change over four years is no yearly growth
    rows = _figs("清明假期（4月5日至7日），全省投递快递包裹1.2亿件，与2021年、2022年清明同期相比分别增长40%、9.6%。",
                 date(2023, 4, 10))
    # the base years are no period of the level
    assert ("快递投递量", 1.2, date(2023, 4, 5), date(2023, 4, 7), 9.6) in rows


def test_both_parcel_activities_counted_together_are_one_volume() -> None:
    rows = _figs("国庆假期（10月1日至7日），全省邮政快递业共揽收和投递快递包裹2.15亿件。", date(2023, 10, 9))
    # (named 快递揽投量, the wire2 branch's name; one alias group with 快递揽收和投递量)
    assert ("快递揽投量", 2.15, date(2023, 10, 1), date(2023, 10, 7), None) in rows
    assert set(synonyms("快递揽收和投递量")) == set(synonyms("快递揽投量"))


def test_a_holiday_span_of_the_sentences_own_is_not_the_period_carried() -> None:
    rows = _figs(
        "在今年1月8日（腊月十七）至1月28日（正月初七）的年货节期间，全省坚果销售额同比增长35%。\n"
        "有平台数据显示，春节期间坚果礼盒销售额同比增长超120%。"
    )
    assert ("坚果销售额", 35.0, date(2023, 1, 8), date(2023, 1, 28), 35.0) in rows
    assert not any(r[0] == "坚果礼盒销售额" and r[3] == date(2023, 1, 28) for r in rows)


def test_the_spring_festival_eve_to_a_lunar_day_is_dated_by_the_lunar_calendar() -> None:
    rows = _figs("据监测，除夕至正月初六，全省重点商贸企业实现销售额约312亿元，比去年春节黄金周增长9%。", date(2019, 2, 11))
    assert ("重点商贸企业销售额", 312.0, date(2019, 2, 4), date(2019, 2, 10), 9.0) in rows
    rows = _figs("2016年除夕至初六，全市餐饮企业营业额同比增长15%。", date(2016, 3, 1))
    assert any(r[2] == date(2016, 2, 7) and r[3] == date(2016, 2, 13) for r in rows)


def test_related_platforms_reporting_are_no_part_of_the_indicator() -> None:
    rows = _figs("1-6月，部分电商平台的露营装备销售额同比增长56%。", date(2023, 7, 20))
    assert any(r[0] == "露营装备销售额" and r[4] == 56.0 for r in rows)
    # platforms named alone are the indicator's subject
    assert any(r[0] == "电商平台交易额" for r in _figs("1-6月，电商平台交易额同比增长5%。", date(2023, 7, 20)))


def test_the_whole_industry_is_the_industry_the_text_names() -> None:
    rows = _figs("3月份，全行业营业收入完成52.3亿元，同比增长6.1%。1-3月，会展行业营业收入累计完成140.2亿元，同比增长8.4%。",
                 date(2023, 4, 15))
    assert ("会展行业营业收入", 52.3, date(2023, 3, 1), date(2023, 3, 31), 6.1) in rows
    # two industries with that measure: the whole one stays unnamed by either
    rows = _figs("全行业营业收入52.3亿元。其中，会展行业营业收入30亿元，广告行业营业收入22.3亿元。", date(2023, 4, 15))
    assert not any(r[1] == 52.3 and r[0] in ("会展行业营业收入", "广告行业营业收入") for r in rows)


def test_the_first_days_of_a_span_just_stated_are_a_span_of_their_own() -> None:
    rows = _figs(
        "国庆假期（10月1日至8日），全省重点商贸企业销售额同比增长7.6%。\n"
        "据平台监测，假期前三天全省网络零售额达42.8亿元。",
        date(2023, 10, 9),
    )
    assert ("网络零售额", 42.8, date(2023, 10, 1), date(2023, 10, 3), None) in rows
    # with no span stated before, the first days are no period
    rows = _figs("据平台监测，假期前三天全省网络零售额达42.8亿元。", date(2023, 10, 9))
    assert not any(r[1] == 42.8 and r[2] is not None for r in rows)


def test_a_ratio_to_a_baseline_after_is_no_level() -> None:
    rows = _figs("10月1日至7日，全省日均揽收快递包裹1.2亿件，是平日业务量的125%。", date(2023, 10, 9))
    assert not any(r[1] == 125.0 for r in rows)
    assert any(r[0] == "快递业务量" and r[1] == 15.2 for r in _figs("全省快递业务量是15.2亿件。"))
