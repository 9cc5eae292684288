"""Figures of statistics releases as digests reprint them (session 14, s14c), tested on sentences written for these
tests (not copied from tests/corpus/):

* commodity categories listed after the population that reports them (`限额以上单位…类增长…，…类增长…`, `…商品零售额中，
  …类增长…`) are the categories' 商品零售额, named without the population (it reports them) and without the
  enumeration commas inside one category (`家具、建材类`); a query naming the population finds them;
* the clauses of a breakdown (`按消费类型分，…；…`) keep the surveyed population (限额以上) of their whole or of their
  first clause;
* an article whose title is about 全省/全市 is about the home region of its outlet, paragraphs naming no scope too;
* tables drawn with a bar at both ends of every row; category rows after a goods-retail row;
* `及其` inside a noun phrase, and adjectives made with 可 (`可穿戴`), are part of the name.
"""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.regions import titled_home
from bot.services.ingest.layout import evidence as ev
from bot.services.lookup import normalise_query

PUB = date(2023, 7, 20)


def names(text: str, **kw: str) -> list[tuple[str, str, float | None, float | None]]:
    return [(f.region, f.metric, f.value if f.unit != "%" else None, f.growth_pct)
            for f in extract_figures(text, PUB, **kw)]


def test_a_category_list_after_the_reporting_population_names_retail_sales() -> None:
    got = names("1-6月份，限额以上单位家具类增长4.1%，建筑及装潢材料类下降2.3%，家用电器和音像器材类增长9.0%。")
    assert got == [
        ("全国", "家具类商品零售额", None, 4.1),
        ("全国", "建筑及装潢材料类商品零售额", None, -2.3),
        ("全国", "家用电器和音像器材类商品零售额", None, 9.0),
    ]


def test_a_category_list_after_a_retail_whole_takes_its_measure_and_drops_inner_commas() -> None:
    got = names("上半年，全国限额以上批发和零售业单位商品零售额中，文化、办公用品类增长7.7%，汽车类下降1.2%。")
    assert [(m, g) for _r, m, _v, g in got] == [("文化办公用品类商品零售额", 7.7), ("汽车类商品零售额", -1.2)]


def test_bare_categories_without_a_reporting_population_are_left_as_written() -> None:
    got = names("在实物商品网上零售额中，吃类、穿类和用类商品分别增长11.2%、6.3%和9.9%。")
    assert [m for _r, m, _v, _g in got] == ["吃类商品网上零售额", "穿类商品网上零售额", "用类商品网上零售额"]


def test_only_the_retail_surveys_population_names_categories_retail_sales() -> None:
    """naming._CATEGORY_SCOPE is the retail part of _SURVEY_SCOPE: categories of the industrial survey's `规模以上`
    units are no retail sales, and `限上` in running text (`无限上涨`) is no population."""
    text = "1-6月份，{pop}饮料类增长12.4%，家具类下降2.3%。"
    assert [m for _r, m, _v, _g in names(text.format(pop="限上单位"))][1] == "家具类商品零售额"
    assert [m for _r, m, _v, _g in names(text.format(pop="规模以上单位"))][1] == "家具类"
    assert [m for _r, m, _v, _g in names(text.format(pop="金价无限上涨，"))] == ["饮料类", "家具类"]


def test_a_query_naming_the_reporting_population_is_the_categorys() -> None:
    assert normalise_query("限额以上单位家具类商品零售额") == "家具类商品零售额"
    assert normalise_query("限额以上批发和零售业单位汽车类商品零售额") == "汽车类商品零售额"
    assert normalise_query("限额以上单位消费品零售额") == "限额以上单位消费品零售额"  # the population's own total


def test_a_breakdown_of_a_restricted_whole_keeps_its_population() -> None:
    text = ("1-6月份，全市限额以上单位实现消费品零售额812.4亿元，同比增长4.4%。按消费类型分，商品零售760.1亿元，"
            "增长3.9%；餐饮收入52.3亿元，增长11.8%。")
    got = names(text)
    assert [(m, v) for _r, m, v, _g in got] == [
        ("限额以上单位消费品零售额", 812.4), ("限额以上单位商品零售", 760.1), ("限额以上单位餐饮收入", 52.3)]


def test_the_clauses_of_a_breakdown_keep_the_first_clauses_population() -> None:
    text = ("上半年，全区社会消费品零售总额2100.5亿元，增长5.1%；其中，限额以上消费品零售额900.2亿元，增长3.0%。"
            "分城乡看，限额以上城镇消费品零售额820.0亿元，增长2.8%；乡村消费品零售额80.2亿元，增长4.9%。")
    got = [(m, v) for _r, m, v, _g in names(text)]
    assert ("限额以上城镇消费品零售额", 820.0) in got and ("限额以上乡村消费品零售额", 80.2) in got


def test_a_breakdown_of_the_whole_total_stays_unrestricted() -> None:
    text = ("上半年，全市社会消费品零售总额560.0亿元，增长6.0%。其中，限额以上单位消费品零售额210.0亿元，增长4.0%。"
            "从消费形态看，商品零售500.5亿元，增长5.2%；餐饮收入59.5亿元，增长12.1%。")
    got = [(m, v) for _r, m, v, _g in names(text)]
    assert ("商品零售", 500.5) in got and ("餐饮收入", 59.5) in got


def test_a_paragraph_of_a_titled_provincial_release_is_the_home_provinces() -> None:
    title = "上半年全省限额以上单位消费品零售额增长4.4%"
    assert titled_home(title, "湖南") == "湖南"
    assert titled_home(title, "长沙") == ""  # 全省 is no city's
    assert titled_home("上半年全国网上零售额增长13%", "湖南") == ""
    text = "上半年，全省限额以上单位消费品零售额增长4.4%。\n上半年，限额以上单位家具类增长6.0%，饮料类增长2.5%。"
    got = names(text, title=title, home="湖南")
    assert {r for r, _m, _v, _g in got} == {"湖南"}


def test_a_table_framed_with_bars_reads_its_rows_and_categories() -> None:
    text = "\n".join([
        "2023年1-6月份主要数据",
        "| 指　标 | 1-6月 | |",
        "| | 绝对量（亿元） | 同比增长（%） |",
        "| 商品零售 | 90210 | 8.2 |",
        "| 其中：限额以上单位商品零售 | 38110 | 6.5 |",
        "| 饮料类 | 1430 | 3.1 |",
        "| 家具、建材类 | 820 | -4.0 |",
    ])
    got = {m: (v, g) for _r, m, v, g in names(text)}
    assert got["限额以上单位商品零售"] == (38110.0, 6.5)
    assert got["饮料类商品零售额"] == (1430.0, 3.1)
    assert got["家具建材类商品零售额"] == (820.0, -4.0)


def test_ji_qi_and_adjectives_with_ke_belong_to_the_name() -> None:
    got = names("上半年，全国限额以上通讯器材零售额增长8.0%，其中手机及其配件增长9.5%；可穿戴设备零售额增长12.0%。")
    metrics = [m for _r, m, _v, _g in got]
    assert "限额以上手机及其配件零售额" in metrics
    assert "可穿戴设备零售额" in metrics


def test_a_release_line_with_a_bare_bracketed_publish_key() -> None:
    assert ev.release_fields("【发布】2023-07-20　【来源】省统计局") == {"发布": "2023-07-20", "来源": "省统计局"}


def test_the_dates_in_brackets_after_a_named_span_are_its_period() -> None:
    text = "运输高峰开始以来（1月10日至2月2日），全国揽收快递包裹41.2亿件，较去年农历同期增长9.8%。"
    (f,) = extract_figures(text, date(2025, 2, 4))
    assert (f.metric, f.period_start, f.period_end, f.growth_pct) == (
        "快递揽收量", date(2025, 1, 10), date(2025, 2, 2), 9.8)
    (g,) = extract_figures("五一假期（5月1日至5日），全国揽收快递包裹13.1亿件。", date(2025, 5, 6))
    assert (g.period_start, g.period_end) == (date(2025, 5, 1), date(2025, 5, 5))


def test_parcels_handled_by_the_industry_are_named_by_the_activity() -> None:
    (f,) = extract_figures("5月1日至3日，全国邮政快递业揽收快递包裹9.3亿件，同比增长5.5%。", date(2025, 5, 4))
    assert f.metric == "快递揽收量"
    (g,) = extract_figures("当天，全行业处理的快件量达到3.1亿件。", date(2025, 5, 4))
    assert g.metric == "快件处理量"


def test_a_city_named_by_its_office_is_a_region_though_the_gazetteer_lacks_it() -> None:
    text = "绥芬河市市长在会上介绍，2023年，绥芬河外贸进出口总额达到180亿元，同比增长12.5%。"
    (f,) = extract_figures(text, date(2024, 1, 26), title="黑龙江外贸稳中有进")
    assert (f.region, f.metric, f.value) == ("绥芬河", "外贸进出口总额", 180.0)
    # without the office, the name stays in the metric (no guess)
    (g,) = extract_figures("2023年，绥芬河外贸进出口总额达到180亿元。", date(2024, 1, 26))
    assert g.region == "全国" or g.metric.startswith("绥芬河")


def test_a_can_be_modifier_restricts_what_is_counted() -> None:
    (f,) = extract_figures("一季度，可数字化交付的服务出口额达到3500亿元，增长4.2%。", date(2024, 4, 20))
    assert f.metric == "可数字化交付的服务出口额"


def test_a_bare_activity_count_after_a_named_sibling_counts_the_same_parcels() -> None:
    got = names("5月1日至5日，全国快递揽收量约14.6亿件，投递量约13.9亿件。")
    assert [m for _r, m, _v, _g in got] == ["快递揽收量", "快递投递量"]


def test_commodities_named_without_lei_under_the_goods_retail_row_are_its_categories() -> None:
    text = "\n".join([
        "2021年1-4月份主要数据",
        "指　标 | 4月 | | 1-4月 |",
        "| 绝对量（亿元） | 同比增长（%） | 绝对量（亿元） | 同比增长（%） |",
        "商品零售 | 5000 | 6.0 | 19000 | 7.0",
        "　其中：限额以上单位商品零售 | 2100 | 5.5 | 8000 | 6.1",
        "　　其中：文具、纸品 | 90 | -2.5 | 330 | 1.5",
        "　　　　　乐器 | 12 | 4.0 | 45 | 3.0",
        "按零售业态分 | | | |",
        "　超市 | 700 | 2.0 | 2600 | 2.2",
    ])
    got = [(m, v, g) for _r, m, v, g in names(text)]
    assert ("文具纸品商品零售额", 90.0, -2.5) in got and ("文具纸品商品零售额", 330.0, 1.5) in got
    assert ("乐器商品零售额", 12.0, 4.0) in got
    assert not any(m.startswith("超市") for m, _v, _g in got)  # a section row ends the list; `超市` is no commodity
    # a row right under the goods row that is neither nested nor `其中` opens no list
    flat = "\n".join([
        "2021年4月份主要数据",
        "指　标 | 4月 |",
        "| 绝对量（亿元） | 同比增长（%） |",
        "商品零售 | 5000 | 6.0",
        "文具纸品 | 90 | -2.5",
    ])
    assert "文具纸品商品零售额" not in [m for _r, m, _v, _g in names(flat)]


def test_a_short_row_the_text_names_in_one_column_keeps_that_name_in_the_others() -> None:
    text = "\n".join([
        "2021年6月份，农村消费品零售额600亿元，同比增长8.8%。",
        "2021年1-6月份主要数据",
        "指　标 | 6月 | | 1-6月 |",
        "| 绝对量（亿元） | 同比增长（%） | 绝对量（亿元） | 同比增长（%） |",
        "按地域分 | | | |",
        "　农村 | 600 | 8.8 | 3300 | 9.9",
        "　城区 | 3000 | 7.0 | 17000 | 7.5",
    ])
    got = [(m, v, g) for _r, m, v, g in names(text)]
    assert ("农村消费品零售额", 3300.0, 9.9) in got
    assert not any(m == "城区" or v in (3000.0, 17000.0) for m, v, _g in got)  # the text names no 城区 row


def test_a_service_handling_pieces_is_its_business_volume() -> None:
    got = names("2022年5月，全省机要寄递服务完成1234.5万件，同比增长3.3%。", home="江西")
    assert [(m, v) for _r, m, v, _g in got] == [("机要寄递服务业务量", 1234.5)]


def test_a_sentence_framed_as_a_month_on_month_comparison_gives_no_growth() -> None:
    got = names("从环比看，5月份网上零售额增长2.06%。5月份，网上零售额同比增长9.1%。")
    assert [g for _r, _m, _v, g in got] == [9.1]
    got = names("从环比看，5月份网上零售额增长2.06%；从同比看，增长9.1%。")
    assert 2.06 not in [g for _r, _m, _v, g in got]


def test_a_gloss_inside_a_queried_name_is_dropped_as_readers_drop_it() -> None:
    assert normalise_query("限额以上企业（单位）商品零售额") == normalise_query("限额以上企业商品零售额")
    assert normalise_query("快递业务量（亿件）") == normalise_query("快递业务量（亿件）")  # a trailing unit stays as typed
    got = names("4月份，限额以上企业（单位）消费品零售额8800亿元，增长9.5%。")
    assert normalise_query(got[0][1]) == normalise_query("限额以上企业（单位）消费品零售额")


def test_points_after_a_growth_rate_change_the_rate_not_a_level() -> None:
    from bot.services.figures.model import is_growth_only

    figs = extract_figures("去年，全省农产品网络零售额同比增长8.3%，比前年提高1.9个百分点。", PUB)
    assert [(f.growth_pct, f.growth_pp) for f in figs] == [(8.3, None)]
    assert is_growth_only(figs[0])
    figs = extract_figures("上半年，全市快递业务收入42.6亿元，同比增长11.4%，较上年同期提高3.5个百分点。", PUB)
    assert [(f.value, f.growth_pct, f.growth_pp) for f in figs] == [(42.6, 11.4, None)]
    # a rate level still takes its point change
    figs = extract_figures("截至6月，全省互联网普及率达68.2%，较去年底提升1.4个百分点。", PUB)
    assert [(f.value, f.growth_pp) for f in figs] == [(68.2, 1.4)]


def test_negative_and_positive_growth_words_are_growth_verbs() -> None:
    figs = extract_figures("2021年一季度，全省摩托车销量负增长3.9%，二季度正增长7.2%。", PUB)
    assert [(f.metric, f.growth_pct) for f in figs] == [("摩托车销量", -3.9), ("摩托车销量", 7.2)]


def test_the_circumstances_of_a_change_are_no_name() -> None:
    figs = extract_figures("在消费券带动下，全市家电零售额同比增长12.6%。", PUB)
    assert [(f.metric, f.growth_pct) for f in figs] == [("家电零售额", 12.6)]
    # a clause naming only the circumstances stores nothing rather than a made-up name
    figs = extract_figures("去年四季度，在以旧换新政策推动下正增长5.1%。", PUB)
    assert [f.metric for f in figs if "推动" in f.metric] == []
