"""Dated digests of mixed sources (session 17d): rates at the two ends of a span of years, a level reached at the
end of such a span, users signed up by named firms and the .CN count named without its kind, on sentences written
for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.lookup import synonyms
from bot.services.lookup.query import normalise_query


def _periods(text: str, published: date) -> dict[tuple[str, float], tuple[date | None, date | None]]:
    return {(f.metric, f.value): (f.period_start, f.period_end) for f in extract_figures(text, published)}


def test_two_rates_from_to_after_two_levels_from_to_each_get_their_own_year() -> None:
    text = "2015年到2020年，全省网民规模从3200万增长到4100万，互联网普及率从48.2%提高到61.5%。"
    got = _periods(text, date(2021, 3, 2))
    assert got[("网民规模", 3200.0)] == (date(2015, 1, 1), date(2015, 12, 31))
    assert got[("网民规模", 4100.0)] == (date(2020, 1, 1), date(2020, 12, 31))
    assert got[("互联网普及率", 48.2)] == (date(2015, 1, 1), date(2015, 12, 31))
    assert got[("互联网普及率", 61.5)] == (date(2020, 1, 1), date(2020, 12, 31))


def test_a_rate_risen_to_under_a_span_of_years_is_the_spans_last_years() -> None:
    text = "2016年至2019年，该省快递网点乡镇覆盖率稳步提高，其中农村地区互联网普及率提升到44.3%。"
    got = _periods(text, date(2020, 5, 6))
    assert got[("农村地区互联网普及率", 44.3)] == (date(2019, 1, 1), date(2019, 12, 31))


def test_a_span_of_years_still_dates_a_total_over_it() -> None:
    # no level reached (`提升到`): a total over the span keeps the span
    got = _periods("2019年至2021年，全市累计实现网络零售额2300亿元。", date(2022, 1, 20))
    assert got[("网络零售额", 2300.0)] == (date(2019, 1, 1), date(2021, 12, 31))


def test_users_signed_up_by_named_firms_are_named_without_the_firms() -> None:
    got = {f.metric: f.value for f in extract_figures("截至9月末，三家电信企业发展移动物联网终端用户18.8亿户。", date(2023, 10, 20))}
    assert got.get("移动物联网终端用户") == 18.8
    assert not any("企业" in m for m in got)


def test_development_as_a_noun_keeps_its_name() -> None:
    got = {f.metric for f in extract_figures("全年电子商务发展指数为126.5。", date(2023, 2, 1))}
    assert not any(m.startswith("用户") for m in got)


def test_a_cn_count_named_without_its_kind_is_the_cn_domain_count() -> None:
    assert normalise_query(".CN域名数量") in synonyms(normalise_query(".CN数量"))
    got = {f.metric: f.value for f in extract_figures("截至6月，“.CN”数量为2010万个。", date(2023, 8, 28))}
    assert got.get(".CN数量") == 2010.0 or got.get(".CN域名数量") == 2010.0


def test_a_rate_risen_to_under_an_as_of_date_stands_at_that_date() -> None:
    text = "截至2022年12月，我国农村地区互联网普及率由2021年的57.6%升至61.9%。"
    got = _periods(text, date(2023, 3, 2))
    assert got[("农村地区互联网普及率", 57.6)] == (date(2021, 1, 1), date(2021, 12, 31))
    assert got[("农村地区互联网普及率", 61.9)] == (None, date(2022, 12, 31))


def _metrics(text: str, published: date) -> dict[str, float]:
    return {f.metric: f.growth_pct if f.growth_pct is not None else f.value for f in extract_figures(text, published)}


def test_items_before_the_last_category_share_its_category_word() -> None:
    got = _metrics("1至8月，限额以上家具、建筑及装潢材料、五金电料类商品零售额分别增长3.2%、5.4%、7.6%。", date(2023, 9, 20))
    assert got.get("家具类商品零售额") == 3.2
    assert got.get("建筑及装潢材料类商品零售额") == 5.4
    assert got.get("五金电料类商品零售额") == 7.6
    assert "家具零售额" not in got and "限额以上家具类商品零售额" not in got


def test_a_survey_population_before_store_formats_is_no_part_of_their_names() -> None:
    got = _metrics("前三季度，限额以上超市、便利店零售额分别增长4.4%和8.1%。", date(2023, 10, 20))
    assert got.get("超市零售额") == 4.4
    assert got.get("便利店零售额") == 8.1


def test_what_the_counted_things_relate_to_is_no_part_of_their_name() -> None:
    got = _metrics("1至5月，与百姓日常生活密切相关的限额以上便利店、超市销售额分别增长9.2%和6.3%。", date(2023, 6, 20))
    assert got.get("便利店销售额") == 9.2
    assert got.get("超市销售额") == 6.3
    assert not any("相关" in m or "有关" in m for m in got)


def test_a_bare_retail_total_is_the_retail_the_sentence_named_before() -> None:
    got = _metrics("一季度，全市社会消费品零售稳步回升，零售总额865.2亿元，同比增长6.1%。", date(2023, 4, 25))
    assert got.get("社会消费品零售总额") == 6.1
    assert "零售总额" not in got


def test_an_undated_breakdown_paragraph_is_over_the_period_of_the_whole_before_it() -> None:
    text = (
        "前三季度，全县实现社会消费品零售总额128.6亿元，同比增长6.4%。\n"
        "从商品类别看，各类商品表现不一。家电类需求回暖，实现零售额5.2亿元，增长9.1%。"
        "文化办公用品类实现零售额1.8亿元，下降2.3%。"
    )
    got = _periods(text, date(2023, 10, 25))
    assert got[("家电类零售额", 5.2)] == (date(2023, 1, 1), date(2023, 9, 30))
    assert got[("文化办公用品类零售额", 1.8)] == (date(2023, 1, 1), date(2023, 9, 30))


def test_a_breakdown_paragraph_with_a_time_of_its_own_keeps_it() -> None:
    text = "1-6月，全市网络零售额310亿元，增长8%。\n分平台看，6月份直播电商零售额42亿元，增长15%。"
    got = _periods(text, date(2023, 7, 20))
    assert got[("直播电商零售额", 42.0)] == (date(2023, 6, 1), date(2023, 6, 30))


def test_a_category_sales_is_asked_with_or_without_shangpin() -> None:
    assert normalise_query("家电类商品零售额") in synonyms(normalise_query("家电类零售额"))
    assert normalise_query("家电类零售额") in synonyms(normalise_query("家电类商品零售额"))
    assert not any("类" in n for n in synonyms(normalise_query("商品零售额")))  # no category, no spelling


def test_goods_listed_inside_one_category_make_one_item_of_the_list() -> None:
    text = "1-9月，文化办公用品类、体育、娱乐用品类和家具类分别实现零售额8.2、3.5、12.6亿元，分别增长4.1%、7.3%和2.2%。"
    got = {f.metric: (f.value, f.growth_pct) for f in extract_figures(text, date(2023, 10, 20))}
    assert got.get("文化办公用品类零售额") == (8.2, 4.1)
    assert got.get("体育娱乐用品类零售额") == (3.5, 7.3)
    assert got.get("家具类零售额") == (12.6, 2.2)


def test_a_level_reached_at_a_rate_stated_before_it_has_that_growth() -> None:
    got = extract_figures("上半年，全市快递业务量以21.3%的增幅增长至5.6亿件，居全省第二。", date(2023, 7, 20))
    levels = [(f.metric, f.value, f.growth_pct) for f in got if f.unit == "亿件"]
    assert levels == [("快递业务量", 5.6, 21.3)]
    assert not any(f.unit == "%" and f.metric == "快递业务量" for f in got)  # one figure, not a growth-only one too


def test_the_period_of_data_a_figureless_sentence_cites_dates_nothing_after_it() -> None:
    text = (
        "前三季度，全省网络零售额2150亿元，同比增长9.8%。据1至8月统计数据，全省增速已跃居全国第五。\n"
        "分地市看，合肥市网络零售额为860亿元，增长11.2%。"
    )
    got = _periods(text, date(2023, 10, 28))
    assert got[("网络零售额", 860.0)] == (date(2023, 1, 1), date(2023, 9, 30))


def test_a_bare_flow_after_the_other_part_of_a_total_is_its_sibling_part() -> None:
    text = "1-6月，全市跨境电商进出口额达320亿元，增长12%。其中出口势头较好，出口额240亿元，增长15%，进口同比下降2.4%。"
    got = _metrics(text, date(2023, 7, 20))
    assert got.get("跨境电商进口额") == -2.4
    assert "进口" not in got


def test_the_revenue_after_a_parcel_volume_is_the_industrys() -> None:
    text = "1-5月，全省邮政快递业寄递业务量完成31.2亿件，同比增长9.4%；业务收入实现268亿元，同比增长5.1%。"
    got = _metrics(text, date(2024, 6, 18))
    assert got.get("邮政快递业业务收入") == 5.1
    assert "邮政快递业寄递业务收入" not in got


def test_the_unnamed_whole_industry_is_the_one_named_by_its_parcel_volume() -> None:
    text = "2024年，全省邮政快递业寄递业务量完成62亿件，增长12%。行业业务收入累计完成520亿元，同比增长7.3%。"
    got = _metrics(text, date(2025, 1, 20))
    assert got.get("邮政快递业业务收入") == 7.3
