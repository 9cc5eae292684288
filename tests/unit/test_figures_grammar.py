"""Issue 9, figures from any real bulletin: general rules of Chinese statistics text found on the corpus's dev split
(tests/corpus/dev), each tested on sentences of its own — hard-wrap repair, period grammar, number grammar, list
grammar, table grammar."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.wraps import repair_wraps

PUB = date(2017, 1, 22)


def _got(text: str, pub: date | None = PUB) -> list[tuple[str, float | None, date | None, date | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, pub)]


# ------------------------------------------------------------------------------------------------ hard wraps


def test_wrapped_lines_are_joined_and_page_furniture_dropped() -> None:
    text = (
        "截至2016年12月，我国手机网民规模\n达6.95亿，较2015年底增加7550万人；农村网民占网民总数的2· 1 ·\n"
        "CNNIC　第39次报告7.4%，农村网民规模为2.01亿。\n"
        "截至2016年12月，我国网站总数为4\n82万个。电视上网使用率为25.\n0%\n，高于上年。· 2 ·\n"
        "CNNIC　第39次报告的企业比例为45.3%。"
    )
    fixed = repair_wraps(text)
    assert "手机网民规模达6.95亿" in fixed
    assert "总数的27.4%" in fixed and "CNNIC" not in fixed
    assert "网站总数为482万个" in fixed and "25.0%，高于上年" in fixed
    end = date(2016, 12, 31)
    got = _got(text)
    assert ("手机网民规模", 6.95, None, end) in got
    assert ("网站总数", 482.0, None, end) in got


def test_sub_heads_lists_and_tables_are_never_joined() -> None:
    text = "网络零售持续增长\n1—11月，全国网上零售额105374亿元\n一、快递业务\n指标 | 11月\n网上零售额 | 100"
    assert repair_wraps(text) == text
    # a prose line cut short is joined, but not onto a numbered item
    assert repair_wraps("其中，实物商品网上零售额\n为6419亿元。") == "其中，实物商品网上零售额为6419亿元。"
    assert repair_wraps("一是，网络零售\n二、跨境电商") == "一是，网络零售\n二、跨境电商"


# ------------------------------------------------------------------------------------------------ periods


def test_year_of_a_starting_value_is_not_the_period_of_what_it_rose_to() -> None:
    text = ("截至2016年12月，我国手机网民规模达6.95亿；网民中使用手机上网的人群占比由2015年的90.1%升至95.1%；"
            "农村网民规模为2.01亿。")
    got = _got(text)
    assert ("网民中使用手机上网的人群占比", 90.1, date(2015, 1, 1), date(2015, 12, 31)) in got
    assert ("网民中使用手机上网的人群占比", 95.1, None, date(2016, 12, 31)) in got
    assert ("农村网民规模", 2.01, None, date(2016, 12, 31)) in got


def test_as_of_a_day_then_a_year_counts_from_the_start_of_that_year() -> None:
    got = extract_figures("国家邮政局宣布，截至12月20日，2016年中国快递业务量已突破300亿件。", date(2016, 12, 21))
    assert [(f.value, f.period_start, f.period_end) for f in got] == [(300.0, date(2016, 1, 1), date(2016, 12, 20))]
    assert got[0].period_label == "2016年（截至12月20日）"
    # a stock as of a month keeps no start
    assert _got("截至2016年12月，我国网民规模达7.31亿。") == [("网民规模", 7.31, None, date(2016, 12, 31))]


# ------------------------------------------------------------------------------------------------ names


def test_a_quoted_latin_term_stays_in_the_metric() -> None:
    got = _got("截至2016年12月，我国网站总数为482万个，其中“.CN”下网站数为259万个。")
    assert [m for m, *_ in got] == ["网站总数", ".CN下网站数"]


# ------------------------------------------------------------------------------------------------ spans and bases


def test_a_span_of_years_named_first_dates_the_two_ends() -> None:
    got = _got("从2012年到2016年，中国网络零售额由1.3万亿元猛增到5.2万亿元，跃居全球第一。", date(2017, 10, 10))
    assert got == [
        ("网络零售额", 1.3, date(2012, 1, 1), date(2012, 12, 31)),
        ("网络零售额", 5.2, date(2016, 1, 1), date(2016, 12, 31)),
    ]


def test_a_rate_after_a_base_value_is_the_change_of_the_level_compared() -> None:
    text = "2017年上半年，中国网购用户达到5.16亿人，较2016上半年的4.8亿人同比增长了7.5%。"
    got = [(f.value, f.period_start, f.growth_pct) for f in extract_figures(text, date(2017, 10, 10))]
    assert got == [(5.16, date(2017, 1, 1), 7.5), (4.8, date(2016, 1, 1), None)]


# ------------------------------------------------------------------------------------------------ tables


def test_table_with_a_unit_column_and_to_date_columns_first() -> None:
    text = (
        "2018年10月份社会消费品零售总额主要数据\n"
        "指标名称 | 计量单位 | 1-10月累计 | 累计比上年同期增长(%) | 10月 | 比上年同月增长(%)\n"
        "　　其中：限额以上单位餐饮收入 | 亿元 | 7540 | 6.8 | 848 | 5.0"
    )
    got = [(f.metric, f.value, f.period_start, f.period_end, f.growth_pct)
           for f in extract_figures(text, date(2018, 11, 14))]
    assert got == [
        ("限额以上单位餐饮收入", 7540.0, date(2018, 1, 1), date(2018, 10, 31), 6.8),
        ("限额以上单位餐饮收入", 848.0, date(2018, 10, 1), date(2018, 10, 31), 5.0),
    ]


# ------------------------------------------------------------------------------------------------ names (cont.)


def test_the_surveyed_population_is_no_part_of_a_listed_category() -> None:
    text = "1—10月份，限额以上零售业单位中的超市、便利店零售额同比分别增长3.7%、4.6%。"
    got = [(f.metric, f.growth_pct) for f in extract_figures(text, date(2022, 11, 15))]
    assert got == [("超市零售额", 3.7), ("便利店零售额", 4.6)]


def test_a_driving_verb_and_trailing_adverbs_are_no_part_of_the_metric() -> None:
    got = _got("2021年农村地区收投快递包裹总量370亿件，带动农产品出村进城和工业品下乡进村超1.85万亿元。", date(2022, 3, 1))
    assert got[1][:2] == ("农产品出村进城和工业品下乡进村", 1.85)
    got = _got("仅2016年前10个月支撑全国农产品网销额就超过1000亿元。", date(2016, 12, 21))
    assert got == [("农产品网销额", 1000.0, date(2016, 1, 1), date(2016, 10, 31))]


def test_and_inside_an_item_of_a_list_split_at_the_enumeration_comma() -> None:
    text = "上半年，在线旅游产品和景点门票、在线文娱销售额同比分别增长272.4%和69.8%。"
    got = [(f.metric, f.growth_pct) for f in extract_figures(text, date(2023, 8, 28))]
    assert got == [("在线旅游产品和景点门票销售额", 272.4), ("在线文娱销售额", 69.8)]


def test_an_index_named_with_its_code() -> None:
    got = _got("1-10月,快递与包裹服务品牌集中度指数CR8为85.2,与1-9月基本持平.", date(2024, 11, 15))
    assert got == [("快递与包裹服务品牌集中度指数CR8", 85.2, date(2024, 1, 1), date(2024, 10, 31))]


# ------------------------------------------------------------------------------------------------ days


def test_that_day_after_a_comma_is_the_day_just_named() -> None:
    got = _got("快递业务量的峰值出现在11月11日，当天各邮政、快递企业共处理2.51亿件，同比增长52%。", date(2016, 11, 18))
    assert got == [("快件处理量", 2.51, date(2016, 11, 11), date(2016, 11, 11))]


def test_the_dates_of_an_event_are_in_the_year_that_named_it() -> None:
    text = "预计2015年“双11”期间（11月11日至16日），全行业处理的邮件量将达到7.8亿件，同比增长近45%。"
    got = _got(text, date(2016, 11, 19))
    assert [(v, a, b) for _m, v, a, b in got] == [(7.8, date(2015, 11, 11), date(2015, 11, 16))]


def test_a_day_without_its_month_takes_the_month_just_named() -> None:
    text = ("统计显示，快递业务量的峰值出现在11月11日。13日起派件进入高峰，当天派件总量达到1.3亿件，"
            "14日进一步升至1.6亿件并一直保持到16日。")
    got = _got(text, date(2016, 11, 18))
    assert got == [
        ("派件总量", 1.3, date(2016, 11, 13), date(2016, 11, 13)),
        ("派件总量", 1.6, date(2016, 11, 14), date(2016, 11, 14)),
    ]


def test_a_festival_named_with_one_day_is_that_day() -> None:
    text = "在刚刚过去的“双12”，全国邮政企业、快递企业全天共揽收快递包裹1.76亿件，比去年同期增长55.75%。"
    got = [(f.metric, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, date(2016, 12, 21))]
    assert got == [("快递揽收量", date(2016, 12, 12), date(2016, 12, 12), 55.75)]
    assert _got("2015年“双11”当天，天猫成交额达到912亿元。", date(2016, 12, 21))[0][2] == date(2015, 11, 11)
    # a festival's period (期间) is no one day
    assert _got("今年“双11”期间，全国快递业务量达到10亿件。", date(2016, 12, 21))[0][2:] == (None, None)


def test_a_level_reached_in_an_unfinished_year_is_the_year_so_far() -> None:
    text = "国家邮政局快递大数据平台8日的实时监测数据显示，2021年中国快递业务量已达1000亿件。"
    assert _got(text, date(2021, 12, 8)) == [("快递业务量", 1000.0, date(2021, 1, 1), date(2021, 12, 8))]
    text = "国家邮政局监测数据显示，今年我国快递业务量由此正式突破1000亿件。"
    assert _got(text, date(2024, 8, 13)) == [("快递业务量", 1000.0, date(2024, 1, 1), date(2024, 8, 13))]
    # a finished year stays the year
    assert _got("2021年中国快递业务量突破1000亿件。", date(2022, 1, 20))[0][2:] == (date(2021, 1, 1), date(2021, 12, 31))


def test_a_breakdown_of_the_whole_takes_the_whole_period_not_the_part() -> None:
    text = ("2020年全国国家级贫困县网络零售总额为3014.5亿元，同比增长26.0%。其中，四季度实现网络零售额945.7亿元，"
            "同比增长30.4%。\n分类别看，实物类网络零售额1769.7亿元，同比增长48.0%；服务类网络零售额1244.8亿元，同比增长4.1%。")
    got = {m: (a, b) for m, _v, a, b in _got(text, date(2021, 1, 28))}
    year = (date(2020, 1, 1), date(2020, 12, 31))
    assert got["网络零售额"] == (date(2020, 10, 1), date(2020, 12, 31))
    assert got["实物类网络零售额"] == year and got["服务类网络零售额"] == year


def test_a_listed_item_longer_than_the_parallel_word_shares_the_head_only() -> None:
    text = "2020年，游戏话费、生活服务网络零售额分别为48亿元、75.3亿元。"
    assert [m for m, *_ in _got(text, date(2021, 1, 28))] == ["游戏话费网络零售额", "生活服务网络零售额"]
    text = "2020年，城镇和乡村消费品零售额分别为100亿元、50亿元。"
    assert [m for m, *_ in _got(text, date(2021, 1, 28))] == ["城镇消费品零售额", "乡村消费品零售额"]


def test_an_unnamed_county_is_the_county_the_paragraph_just_named() -> None:
    text = "在黑龙江省饶河县，农村产业搭上了电商快车。2023年，全县农林产品电商销售额达10.34亿元。"
    got = extract_figures(text, date(2024, 9, 1))
    assert [(f.region, f.metric, f.value) for f in got] == [("饶河", "农林产品电商销售额", 10.34)]


def test_a_multiple_over_an_older_base_year_is_a_change_over_the_span() -> None:
    text = "去年全国农村网络零售额达2.5万亿元，同比增长12.9%，比2014年增长近13倍。"
    got = [(f.value, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, date(2024, 9, 1))]
    assert got == [
        (2.5, date(2023, 1, 1), date(2023, 12, 31), 12.9),
        (1300.0, date(2014, 1, 1), date(2023, 12, 31), 1300.0),
    ]
    # a rate against a base two years back stays unstored (not a yearly growth, not a span's change)
    assert _got("2021年1-2月，网上零售额比2019年同期增长12.2%。", date(2021, 3, 15)) == []


def test_a_base_value_dated_by_its_own_period_is_a_figure_of_that_period() -> None:
    text = "2015年上半年中国网络零售市场交易规模达16140亿元，与2014年上半年的10856亿元相比，同比增长48.7%。"
    got = [(f.value, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, date(2015, 9, 22))]
    assert got == [
        (16140.0, date(2015, 1, 1), date(2015, 6, 30), 48.7),
        (10856.0, date(2014, 1, 1), date(2014, 6, 30), None),
    ]
    # a base dated only as the same period (同期) stays a comparison
    text = "上半年网上零售额为300亿元，与2022年同期的237.9亿元相比增长26%。"
    assert [v for _m, v, *_ in _got(text, date(2023, 7, 20))] == [300.0]


def test_the_total_of_network_retail_sales_is_network_retail_sales() -> None:
    text = "2020年全国832个国家级贫困县网络零售总额为3014.5亿元，同比增长26.0%。"
    assert [m for m, *_ in _got(text, date(2021, 1, 28))] == ["国家级贫困县网络零售额"]


def test_a_range_of_quarters_gives_each_rate_its_quarter_of_the_whole() -> None:
    text = ("2020年全国国家级贫困县网络零售总额为3014.5亿元，同比增长26.0%。\n"
            "在发布会上，高峰介绍，分季度看，一至四季度同比分别增长5.0%、32.0%、34.5%、30.4%。")
    got = [(f.metric, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, date(2021, 1, 28))]
    assert got[1:] == [
        ("国家级贫困县网络零售额", date(2020, 1, 1), date(2020, 3, 31), 5.0),
        ("国家级贫困县网络零售额", date(2020, 4, 1), date(2020, 6, 30), 32.0),
        ("国家级贫困县网络零售额", date(2020, 7, 1), date(2020, 9, 30), 34.5),
        ("国家级贫困县网络零售额", date(2020, 10, 1), date(2020, 12, 31), 30.4),
    ]
