"""Session 18 (issue 9): one place-name check for trade partners and locations, one list of milestone verbs."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.numbers import MILESTONE_VERB
from bot.services.figures.regions import place_name


def test_place_name_is_a_whole_place_or_nothing() -> None:
    assert place_name("东盟") == "东盟"
    assert place_name("江苏和浙江") == "江苏、浙江"
    assert place_name("我省") == "我省"
    assert place_name("去年同期") == ""
    assert place_name("电商平台") == ""
    assert place_name("江苏电商") == ""  # a place, then more: not wholly a place


def test_trade_with_a_partner_keeps_the_trader_as_region() -> None:
    figs = extract_figures("1—9月，我省与东盟贸易总值达120亿元，同比增长8.1%。", date(2019, 10, 20))
    assert [(f.metric, f.region, f.value) for f in figs] == [("与东盟贸易总值", "我省", 120.0)]
    figs = extract_figures("1—9月，机电产品与上年同期相比增长8.1%，出口额达120亿元。", date(2019, 10, 20))
    assert all(f.region == "全国" for f in figs)


def test_one_milestone_verb_list_for_digits_and_chinese_numerals() -> None:
    import re

    for verb in ("突破", "冲破", "越过", "迈上", "超", "逾"):
        assert re.fullmatch(MILESTONE_VERB, verb)
    # the Chinese-numeral mark before an exact amount in digits stays a milestone, whichever verb passes it
    figs = extract_figures("2018年，浙江省网络零售额首次冲破两千亿元大关，达到2087亿元。", date(2019, 2, 1))
    assert [f.value for f in figs if f.value is not None and f.value > 2000] == [2087.0]


def test_a_last_item_joined_by_ji_shares_nothing_with_the_short_items_before_it() -> None:
    figs = extract_figures("上半年，本市苹果、香蕉、柑橘及坚果分别出口3.1亿元、2.4亿元和1.2亿元。", date(2022, 7, 20))
    assert [f.metric for f in figs][-1].endswith("柑橘及坚果出口")
    assert not any("及坚果" in f.metric for f in figs[:-1])


def test_first_days_of_may_day_count_from_the_years_statutory_start() -> None:
    # 2023's 五一 holiday began on 29 April (the State Council's calendar), 2021's on 1 May
    figs = extract_figures("“五一”假期前2天，本市重点商贸企业实现销售额3.2亿元。", date(2023, 5, 3))
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [(3.2, date(2023, 4, 29), date(2023, 4, 30))]
    text = "今年五一假期，全市消费市场平稳。前3天，全市重点商贸企业实现销售额2.1亿元。"
    figs = extract_figures(text, date(2023, 5, 3))
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [(2.1, date(2023, 4, 29), date(2023, 5, 1))]
    figs = extract_figures("国庆长假期间，全市消费旺盛。前4天，全市重点商贸企业实现销售额5.6亿元。", date(2021, 10, 5))
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [(5.6, date(2021, 10, 1), date(2021, 10, 4))]


def test_national_day_named_without_its_days_takes_the_years_statutory_span() -> None:
    def span(text: str, published: date) -> list[tuple[date | None, date | None]]:
        return [(f.period_start, f.period_end) for f in extract_figures(text, published)]

    # 2023: 中秋 and 国庆 joined, 29 September to 6 October
    assert span("国庆假期，全市重点商贸企业实现销售额3.2亿元。", date(2023, 10, 8)) == [(date(2023, 9, 29), date(2023, 10, 6))]
    assert span("“十一”黄金周期间，全市餐饮企业实现营业额1.8亿元。", date(2021, 10, 8)) == [(date(2021, 10, 1), date(2021, 10, 7))]
    assert span("国庆当天，全市快递业务量达1200万件。", date(2021, 10, 20)) == [(date(2021, 10, 1), date(2021, 10, 1))]
    # 双十一 is a shopping festival, 十一月 a month: no National Day
    assert span("双十一期间，全市快递业务量达1.2亿件。", date(2021, 11, 20)) == [(None, None)]


def test_an_article_speaking_only_of_its_province_keeps_placeless_figures_there() -> None:
    from bot.services.figures import figure_values

    body = "前三季度，全省快递业务量完成32亿件，同比增长15.1%。\n9月份，重点企业快递业务量完成4.1亿件。"
    rows = figure_values(body, date(2024, 10, 20))
    assert {r["region"] for r in rows} == {"全省"}  # never the nation's 快递业务量
    # the nation named anywhere: figures without a place stay the nation's
    body = "前三季度，全国快递业务量完成1200亿件。\n9月份，重点企业快递业务量完成140亿件。"
    assert {r["region"] for r in figure_values(body, date(2024, 10, 20))} == {"全国"}


def test_an_undated_article_dates_its_full_year_by_the_year_it_states_but_never_its_this_year() -> None:
    text = "2018年，全市寄递行业保持平稳发展。\n全年快递业务量完成5.6亿件，同比增长12.3%。"
    assert [(f.period_start, f.period_end) for f in extract_figures(text, None)] == [(date(2018, 1, 1), date(2018, 12, 31))]
    # 今年 counts from the article's date, which is unknown: `2022年…。今年以来…` may well be 2023 — unresolved
    text = "2022年，全市寄递行业保持平稳发展。\n今年以来，全市快递业务量完成5.6亿件。"
    assert [(f.period_start, f.period_end) for f in extract_figures(text, None)] == [(None, None)]


def test_a_place_acting_after_its_province_is_the_sentences_region() -> None:
    # one reading of "province, then its city" (regions._city_of_province) for names and for acting subjects
    for text, region in (
        ("河北沧州大力推进农村电商，全年网络零售额达500亿元。", "沧州"),
        ("浙江义乌大力发展跨境电商，全年跨境电商进出口额达1000亿元。", "义乌"),
        ("河南大力发展农村电商，全年农村网络零售额达800亿元。", "河南"),
    ):
        assert [f.region for f in extract_figures(text, date(2022, 2, 1))] == [region]
