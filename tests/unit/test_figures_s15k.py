"""Grammar found in the dev documents added in session 15k (tests/corpus/dev/*_s15k_*): each rule with an invented
sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def test_a_place_taken_whole_is_a_place() -> None:
    # `某某全县…` beside `某某县…`: a county the gazetteer lacks, the region of its figures and of the bare 全县
    text = (
        "青禾县去年入选省级电商示范县。\n"
        "2023年，青禾全县网络零售额为12.6亿元，同比增长9.1%。当年全县快递业务量达3100万件。"
    )
    figs = extract_figures(text, date(2024, 3, 2), title="青禾入选全国电商百强县")
    assert [(f.region, f.metric, f.value) for f in figs] == [
        ("青禾", "网络零售额", 12.6),
        ("青禾", "快递业务量", 3100.0),
    ]


def test_a_time_word_before_whole_scope_is_no_place() -> None:
    # `当年全县…`: the text never writes `当年县`, so 当年 is no place
    figs = extract_figures("当年全县网络零售额为8.2亿元。", date(2024, 3, 2))
    assert [f.region for f in figs] == ["全县"]


def test_a_bare_rate_before_the_level_is_that_levels_growth() -> None:
    # `增幅收窄至6.3%，成交额增加至41.2亿元`: the rate names no metric; the level its sentence goes on to state has it
    figs = extract_figures("2022年受天气影响，增幅收窄至6.3%，花卉网上成交额增加至41.2亿元。", date(2023, 2, 1))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("花卉网上成交额", 41.2, 6.3)]


def test_a_rate_of_a_named_metric_stays_its_own() -> None:
    # the rate's own clause names the metric: a growth-only figure of it, as before
    figs = extract_figures("2022年花卉网上成交额增速回落至6.3%。", date(2023, 2, 1))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("花卉网上成交额", 6.3, 6.3)]


def test_a_clause_after_semicolon_giving_only_a_period_level_goes_on() -> None:
    # `…为3.1亿元；2021年达4.4亿元`: the next year's level of the indicator the clause before named
    figs = extract_figures("2020年茶叶网络销售额为3.1亿元；2021年达4.4亿元，同比增长41.9%。", date(2022, 1, 20))
    assert [(f.metric, f.value, f.period_start.year, f.growth_pct) for f in figs] == [
        ("茶叶网络销售额", 3.1, 2020, None),
        ("茶叶网络销售额", 4.4, 2021, 41.9),
    ]


def test_a_level_of_another_unit_after_semicolon_is_not_carried() -> None:
    figs = extract_figures("2020年茶叶快递量为3.1亿件；2021年达4.4亿元。", date(2022, 1, 20))
    assert [(f.metric, f.value) for f in figs] == [("茶叶快递量", 3.1)]
