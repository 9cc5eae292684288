"""Naming (session 17f, fresh provincial retail stories): one surveyed population spelled several ways, a commodity's
sales with and without 商品, a bare part after a sentence-opening 其中, a condition before 的 that restricts an
aggregate, and a rate whose subject is the clause before — on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.lookup import synonyms
from bot.services.lookup.aliases import goods_spellings, population_spellings


def _named(text: str) -> dict[str, float | None]:
    return {f.metric: f.growth_pct for f in extract_figures(text, date(2024, 8, 1))}


def test_one_surveyed_population_is_found_under_each_of_its_spellings() -> None:
    assert "限额以上单位消费品零售额" in synonyms("限额以上企业消费品零售额")
    assert "限额以上企业通过公共网络实现的商品销售额" in synonyms("限额以上单位通过公共网络实现的商品销售额")
    assert "限额以上单位家具类商品零售额" in population_spellings("限上家具类商品零售额")
    assert "限额以上商品零售" in synonyms("限额以上商品零售额")  # an alias's name under another population spelling
    assert population_spellings("限额以上单位数") == ()  # a count of the units, not a statistic they report


def test_a_commodity_sales_figure_is_one_with_and_without_goods() -> None:
    assert "文具类商品零售额" in goods_spellings("文具类零售额")
    assert "电动自行车零售额" in goods_spellings("电动自行车商品零售额")
    # aggregates and channels are other indicators than their 商品 spelling
    for name in ("限额以上单位商品零售额", "商品零售额", "城镇消费品零售额", "网上零售额", "实物商品网上零售额",
                 "线上渠道实现的零售额"):
        assert goods_spellings(name) == ()


def test_a_bare_part_after_a_sentence_opening_qizhong_takes_the_wholes_measure() -> None:
    got = _named("上半年，全省家电类商品零售额同比增长8.8%，拉动零售额增长0.6个百分点。其中，智能电视同比增长21.5%。")
    assert got.get("智能电视商品零售额") == 21.5
    assert "智能电视" not in got


def test_a_condition_before_de_keeps_the_aggregate_restricted() -> None:
    got = _named("1-7月，全市能效等级为一级的商品零售额同比增长15.2%，商品零售额增长4.1%。")
    assert got.get("能效等级为一级的商品零售额") == 15.2
    assert got.get("商品零售额") == 4.1  # the aggregate keeps only its own rate


def test_a_rate_after_a_clause_saying_how_another_subject_grew_is_that_subjects() -> None:
    got = _named("前7个月，全市商品零售额同比增长3.2%，住宿业营业额增速保持较快增长，同比增长9.4%。")
    assert got.get("商品零售额") == 3.2
    assert got.get("住宿业营业额") == 9.4


_POSTAL_TABLE = """2019年前三季度邮政业运行情况
发布时间：2019-10-15

邮政业发展情况表
指标名称 | 单位 | 9月份 | | 比去年同期增长(%) | |
| | 累计 | 当月 | 累计 | 当月 |
一、邮政业务收入 | 亿元 | 1200.5 | 150.2 | 20.1 | 18.4 |
二、邮政业务总量 | 亿元 | 1800.3 | 220.7 | 25.6 | 22.0 |
其中：函件 | 万件 | 90000.0 | 9500.0 | -10.2 | -11.3 |
包裹 | 万件 | 1500.0 | 160.0 | -20.5 | -18.1 |
汇兑 | 万笔 | 2000.0 | 210.0 | -15.0 | -14.2 |
"""


def test_a_month_heading_the_to_date_and_current_columns_dates_them() -> None:
    figs = extract_figures(_POSTAL_TABLE, date(2019, 10, 15))
    got = {(f.metric, f.period_start, f.period_end): f.value for f in figs}
    assert got[("邮政业务收入", date(2019, 1, 1), date(2019, 9, 30))] == 1200.5
    assert got[("邮政业务收入", date(2019, 9, 1), date(2019, 9, 30))] == 150.2


def test_unindented_rows_after_a_qizhong_row_go_on_with_its_list() -> None:
    figs = extract_figures(_POSTAL_TABLE, date(2019, 10, 15))
    got = {(f.metric, f.period_start): f.value for f in figs}
    assert got[("函件业务量", date(2019, 1, 1))] == 90000.0
    assert got[("包裹业务量", date(2019, 1, 1))] == 1500.0
    assert got[("汇兑业务量", date(2019, 9, 1))] == 210.0


def test_a_table_of_places_by_indicator_gives_each_places_figures() -> None:
    text = (
        "地区 | 快递业务量累计(万件) | 同比增长(%) | 快递收入累计(万元) | 同比增长(%) |\n"
        "全国 | 2170000.0 | 75.0 | 24000000.0 | 50.0 |\n"
        "江西 | 41000.5 | 80.2 | 360000.7 | 55.1 |\n"
        "合计说明 | 1.0 | 2.0 | 3.0 | 4.0 |\n"
    )
    figs = extract_figures(text, date(2021, 4, 20), title="2021年一季度各省快递运行情况")
    got = {(f.region, f.metric): (f.value, f.growth_pct, f.period_start, f.period_end) for f in figs}
    assert got[("江西", "快递业务量")] == (41000.5, 80.2, date(2021, 1, 1), date(2021, 3, 31))
    assert got[("江西", "快递收入")][:2] == (360000.7, 55.1)
    assert got[("全国", "快递业务量")][0] == 2170000.0
    assert not any(f.value == 1.0 for f in figs)  # a row naming no place is no place's figure


def test_a_commodity_written_with_ling_shou_alone_is_its_retail_sales() -> None:
    assert "平板电脑零售额" in goods_spellings("平板电脑零售")
    assert "乐器类商品零售额" in synonyms("乐器类零售")
    assert goods_spellings("即时零售") == ()  # a retail format, not a commodity's sales


def test_categories_in_a_retail_sentence_are_named_with_the_lists_measure() -> None:
    got = _named("前5个月，全市平板电脑零售增长12.5%，钟表类增长6.2%，限上乐器类商品零售同比增长3.1%。")
    assert got.get("钟表类商品零售额") == 6.2
    assert got.get("乐器类商品零售") == 3.1  # the short population `限上` is who reports it, not part of the name
    got = _named("前5个月，全市文具、纸品类商品销售额同比增长9.1%，玩具类增长4.4%。")
    assert got.get("文具纸品类商品销售额") == 9.1
    assert got.get("玩具类商品销售额") == 4.4


def test_a_rate_after_a_clause_on_how_a_subject_grew_given_as_its_speed() -> None:
    got = _named("前5个月，全市家电零售额增长5.5%，电动自行车零售增长较快，增速达到18.3%。")
    assert got.get("电动自行车零售") == 18.3


def test_a_percentage_before_de_growth_is_the_rate_of_the_subject_kept_growing() -> None:
    got = _named("前5个月，全市住宿业营业额保持25%以上的较快增长。")
    assert got.get("住宿业营业额") == 25.0
    assert "住宿业营业额保持" not in got


def test_a_share_describing_the_subject_after_it_is_no_figure_of_the_one_before() -> None:
    got = _named("前5个月，全市限额以上单位中占比12.1%的文具类增长8.3%，占比4.4%的乐器类增长2.2%。")
    assert got.get("文具类商品零售额") == 8.3
    assert got.get("乐器类商品零售额") == 2.2
    assert not any("占比" in m for m in got)  # 4.4% is the 乐器类 share, not one of 文具类


def test_a_rate_before_a_share_clause_is_not_the_shares_growth() -> None:
    got = _named("前5个月，特别是电动自行车零售增长明显，增速达到35%，占交通工具类的比重为12.5%。")
    assert got.get("电动自行车零售") == 35.0
