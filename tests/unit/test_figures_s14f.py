"""A level of a kind of the flow just stated carries its paragraph's period (session 14f), on sentences written for
these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str) -> list[tuple[str, float | None, date | None, date | None, bool]]:
    return [(f.metric, f.value, f.period_start, f.period_end, f.is_forecast) for f in extract_figures(text, date(2023, 9, 5))]


def test_a_kind_of_the_flow_just_stated_takes_its_period() -> None:
    rows = _rows("1—7月，全县网络零售额21.6亿元，同比增长9.3%。农产品网络零售额5.2亿元。")
    assert ("农产品网络零售额", 5.2, date(2023, 1, 1), date(2023, 7, 31), False) in rows


def test_no_carry_from_a_forecast() -> None:
    rows = _rows("预计2026年全省网络零售额将达6000亿元。农产品网络零售额800亿元。")
    assert not any(r[0] == "农产品网络零售额" and r[3] is not None for r in rows)


def test_an_unrelated_level_keeps_no_period() -> None:
    rows = _rows("1—7月，全县网络零售额21.6亿元，同比增长9.3%。电商园区入驻企业126家。")
    assert not any(r[0].endswith("企业") and r[3] is not None for r in rows)


def test_a_clause_after_a_semicolon_keeps_the_local_scope_before_it() -> None:
    text = "今年前三季度，全省快递业务量完成9.4亿件，同比增长18.1%；快递业务收入完成71.5亿元，同比增长9.6%。"
    figs = extract_figures(text, date(2023, 10, 20))
    assert [(f.metric, f.region) for f in figs] == [("快递业务量", "全省"), ("快递业务收入", "全省")]
    figs = extract_figures(text.replace("全省", "全市"), date(2023, 10, 20), home="湖州")
    assert {f.region for f in figs} == {"湖州"}


def test_a_clause_naming_the_nation_after_a_semicolon_stays_national() -> None:
    text = "1—9月，全省网上零售额3120亿元，同比增长8.2%；全国网上零售额10.89万亿元，同比增长8.6%。"
    figs = extract_figures(text, date(2023, 10, 20))
    assert [(f.value, f.region) for f in figs] == [(3120.0, "全省"), (10.89, "全国")]


def test_a_later_sentence_of_the_paragraph_stays_in_the_unnamed_local_scope() -> None:
    text = "今年上半年，全省网络零售额2480亿元，同比增长6.9%。农产品网络零售额410亿元，同比增长11.3%。"
    figs = extract_figures(text, date(2023, 7, 25))
    assert [(f.metric, f.region) for f in figs] == [("网络零售额", "全省"), ("农产品网络零售额", "全省")]


def test_a_national_bodys_figures_after_a_local_sentence_stay_national() -> None:
    text = "上半年，全省网络零售额2480亿元，同比增长6.9%。商务部数据显示，实物商品网上零售额6.06万亿元，增长10.8%。"
    figs = extract_figures(text, date(2023, 7, 25))
    assert [f.region for f in figs] == ["全省", "全国"]


def test_the_whole_province_in_a_story_about_a_city_is_not_that_city() -> None:
    figs = extract_figures(
        "前三季度全省快递业务量完成48.1亿件，同比增长15.2%。", date(2023, 10, 30), title="无锡快递业务量稳步增长"
    )
    assert [f.region for f in figs] == ["全省"]
    figs = extract_figures("前三季度全市快递业务量完成5.3亿件。", date(2023, 10, 30), title="无锡快递业务量稳步增长")
    assert [f.region for f in figs] == ["无锡"]


def test_a_years_flow_expected_by_its_year_end_is_that_years() -> None:
    figs = extract_figures("据测算，预计到2027年底，社区团购相关市场规模将超过3000亿元。", date(2024, 5, 6))
    assert [(f.metric, f.period_start, f.period_end, f.is_forecast) for f in figs] == [
        ("社区团购市场规模", date(2027, 1, 1), date(2027, 12, 31), True)
    ]


def test_a_running_total_or_a_stock_by_the_year_end_stays_end_only() -> None:
    figs = extract_figures("预计到今年年底，全市快递业务量累计将突破12亿件。", date(2024, 5, 6))
    assert [(f.period_start, f.period_end) for f in figs] == [(None, date(2024, 12, 31))]
    figs = extract_figures("预计到2027年底，全省跨境电商企业将超过8000家。", date(2024, 5, 6))
    assert all(f.period_start is None for f in figs)
