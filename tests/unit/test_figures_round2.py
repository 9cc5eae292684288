"""Figure naming, round 2: failure classes seen on the dev corpus, tested on sentences written for these tests
(varied wording, not copied from tests/corpus/).

* the population that reported a category's figure is not part of its name (限额以上单位…类, 重点零售企业, N个城市);
* list items take the shared head (价格, `X类、Y类商品零售额`);
* parts of a whole (`其中…`, `X中，…`) take the whole's head, population or name;
* a bare 进口/出口 after a total of imports and exports is that total's part;
* counts named by the activity counted (揽收/处理/派送 parcels, live-stream sessions);
* `国家邮政局预计…` does not make the authority part of the metric; the industry's revenue is not 寄递's.
"""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.lookup import synonyms

PUB = date(2025, 9, 20)


def names(text: str, published: date = PUB) -> list[tuple[str, float | None, float | None]]:
    return [(f.metric, f.value, f.growth_pct) for f in extract_figures(text, published)]


def test_reporting_population_is_not_part_of_a_category_name() -> None:
    assert names("1—8月，限额以上单位化妆品类零售额同比增长9.6%。") == [("化妆品类零售额", 9.6, 9.6)]
    assert names("据监测，重点零售企业家电销量同比下降3.1%。") == [("家电销量", -3.1, -3.1)]
    # ASCII punctuation, `1-3月`
    (f,) = extract_figures("1-3月,限额以上单位粮油食品类零售额同比增长10.2%.", PUB)
    assert (f.metric, f.growth_pct, f.period_start, f.period_end) == (
        "粮油食品类零售额", 10.2, date(2025, 1, 1), date(2025, 3, 31))


def test_the_populations_own_total_keeps_its_scope() -> None:
    assert [f.metric for f in extract_figures("8月份，限额以上单位消费品零售额1.2万亿元，增长2.4%。", PUB)] == [
        "限额以上单位消费品零售额"
    ]
    assert [f.metric for f in extract_figures("前8个月，重点零售企业销售额同比增长2%。", PUB)] == ["重点零售企业销售额"]


def test_a_price_list_shares_its_head_and_drops_the_city_count() -> None:
    assert names("据商务部监测，40个重点城市牛肉、禽蛋价格同比分别上涨5.2%和3.4%。") == [
        ("牛肉价格", 5.2, 5.2),
        ("禽蛋价格", 3.4, 3.4),
    ]
    # 城市 alone may be a population (城市网络零售额): it stays
    assert [f.metric for f in extract_figures("上半年，城市网络零售额6万亿元。", PUB)] == ["城市网络零售额"]
    assert names("7月，苹果、香蕉、梨价格分别下降6.5%、2.2%和1.8%。") == [
        ("苹果价格", -6.5, -6.5),
        ("香蕉价格", -2.2, -2.2),
        ("梨价格", -1.8, -1.8),
    ]


def test_category_items_share_what_follows_the_category_word() -> None:
    got = names("限额以上单位文化办公用品类、体育娱乐用品类商品零售额同比分别增长6.1%和8.8%。")
    assert got == [("文化办公用品类商品零售额", 6.1, 6.1), ("体育娱乐用品类商品零售额", 8.8, 8.8)]


def test_parts_named_inside_their_whole() -> None:
    got = names("前三季度，实物商品网上零售额中，吃类和用类商品分别增长12.4%和7.6%。")
    assert got == [("吃类商品网上零售额", 12.4, 12.4), ("用类商品网上零售额", 7.6, 7.6)]
    got = names("上半年，重点平台在线服务消费增长18.0%，其中在线文旅和在线健身分别增长40.2%和9.9%。")
    assert got == [("在线服务消费", 18.0, 18.0), ("在线文旅消费", 40.2, 40.2), ("在线健身消费", 9.9, 9.9)]


def test_a_part_takes_the_population_of_its_total() -> None:
    got = names("前三季度，乡村网络零售额1.1万亿元，其中实物型网络零售额9000亿元，服务型网络零售额2000亿元。")
    assert [m for m, _, _ in got] == ["乡村网络零售额", "乡村实物型网络零售额", "乡村服务型网络零售额"]
    # a part that is not a type (实物商品) is not given the population, nor a whole without one
    got = names("1—7月，全国网上零售额8万亿元，其中实物商品网上零售额6.7万亿元。")
    assert [m for m, _, _ in got] == ["网上零售额", "实物商品网上零售额"]


def test_a_part_repeating_the_end_of_its_whole_is_the_whole() -> None:
    figs = extract_figures("一季度，全国演出票房收入累计52亿元，其中3月份票房收入约18亿元。", PUB)
    assert [(f.metric, f.value) for f in figs] == [("演出票房收入", 52.0), ("演出票房收入", 18.0)]
    assert (figs[1].period_start, figs[1].period_end) == (date(2025, 3, 1), date(2025, 3, 31))


def test_imports_and_exports_after_their_total() -> None:
    text = "1—8月，跨境电商零售进出口商品总额达800亿元，同比增长10%；其中进口450亿元，同比增长8%；出口350亿元，同比增长12.5%。"
    figs = extract_figures(text, PUB)
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [
        ("跨境电商零售进出口商品总额", 800.0, 10.0),
        ("跨境电商零售进口额", 450.0, 8.0),
        ("跨境电商零售出口额", 350.0, 12.5),
    ]
    assert {(f.period_start, f.period_end) for f in figs} == {(date(2025, 1, 1), date(2025, 8, 31))}
    # no total of imports and exports before it: a bare 出口 is not guessed into one
    figs = extract_figures("前5个月，汽车销量120万辆；出口30万辆，增长6%。", PUB)
    assert "出口" in [f.metric for f in figs]
    assert not any("进出口" in f.metric or f.metric.endswith("出口额") for f in figs)


def test_parcel_counts_are_named_by_the_activity() -> None:
    assert names("“双11”当天，全省快递企业共揽收快件1.2亿件，同比增长15%。") == [("快递揽收量", 1.2, 15.0)]
    assert names("11月11日，全国邮政快递企业当日处理快件6.9亿件。") == [("快件处理量", 6.9, None)]
    assert names("11月12日，各企业共派送快递包裹3.3亿件。") == [("快递派送量", 3.3, None)]
    # the handling verb is no metric when the count is not of parcels
    assert [f.metric for f in extract_figures("今年全市共处理投诉1200件。", PUB)] != ["快件处理量"]


def test_live_stream_sessions_are_a_count_of_sessions() -> None:
    assert names("今年以来，全市电商直播超过12万场。") == [("电商直播场次", 12.0, None)]
    assert [f.metric for f in extract_figures("上半年累计直播场次超1.3亿场。", PUB)] == ["直播场次"]


def test_an_authoritys_forecast_names_the_indicator_only() -> None:
    figs = extract_figures("展望2026年，国家邮政局预计邮政行业寄递业务量和业务收入将分别完成1900亿件和1.7万亿元。", PUB)
    assert [(f.metric, f.value, f.is_forecast) for f in figs] == [
        ("邮政行业寄递业务量", 1900.0, True),
        ("邮政行业业务收入", 1.7, True),
    ]


def test_aliases_for_handling_volumes() -> None:
    assert "快递揽收量" in synonyms("快件揽收量")
    assert "快件处理量" in synonyms("快递处理量")
    assert "直播销售额" in synonyms("重点监测电商平台累计直播销售额")


def test_total_of_5g_base_stations_is_the_base_station_count() -> None:
    assert "5G基站" in synonyms("5G基站总数")
    assert "5G基站数量" in synonyms("5G基站")


def test_a_sum_over_regions_is_no_regions_figure() -> None:
    assert extract_figures("2024年，江苏和山东网络零售额合计达到2.6万亿元。", PUB) == []
    # each region's own value (分别) stays
    got = [(f.region, f.value) for f in extract_figures("2024年，江苏、山东网络零售额分别为1.3万亿元和0.9万亿元。", PUB)]
    assert got == [("江苏", 1.3), ("山东", 0.9)]


TABLE_TITLE = "2025年6月份邮政行业运行情况"
TABLE_TEXT = """2025年1—6月，包裹业务量累计完成1.2亿件，同比增长6.3%。6月份，包裹业务量完成2044.5万件，同比增长2.0%。

指标名称 | 单位 | 累计 | 当月 | 比去年同期增长（%） |
| | | | 累计 | 当月
包裹业务 | 万件 | 12186.4 | 2044.5 | 6.3 | 2.0
"""


def test_a_table_cell_restated_rounded_in_the_text_is_one_figure() -> None:
    figs = [f for f in extract_figures(TABLE_TEXT, date(2025, 7, 15), title=TABLE_TITLE) if "包裹" in f.metric]
    h1 = [f for f in figs if (f.period_start, f.period_end) == (date(2025, 1, 1), date(2025, 6, 30))]
    june = [f for f in figs if (f.period_start, f.period_end) == (date(2025, 6, 1), date(2025, 6, 30))]
    # the text's 1.2亿件 (rounded from 12186.4万件, same growth) is the table's cell: one figure each, not two
    assert [(f.value, f.unit, f.growth_pct) for f in h1] == [(1.2, "亿件", 6.3)]
    assert [(f.value, f.unit, f.growth_pct) for f in june] == [(2044.5, "万件", 2.0)]


def test_a_different_growth_is_not_a_rounded_restatement() -> None:
    text = TABLE_TEXT.replace("同比增长6.3%", "同比增长5.1%")
    figs = [f for f in extract_figures(text, date(2025, 7, 15), title=TABLE_TITLE) if "包裹" in f.metric]
    h1 = [f for f in figs if (f.period_start, f.period_end) == (date(2025, 1, 1), date(2025, 6, 30))]
    assert len(h1) == 2


def test_home_region_of_a_publication() -> None:
    from bot.services.figures import home_region

    assert home_region("义乌商报") == "义乌"
    assert home_region("浙江日报") == "浙江"
    assert home_region("人民日报") == ""
    assert home_region("中国邮政快递报") == ""
    assert home_region("") == ""


def test_our_city_in_a_local_paper_is_the_papers_city() -> None:
    text = "10月1日至7日，我市快递企业共揽收快件4200万件，同比增长12%。全市网络零售额达85亿元。"
    figs = extract_figures(text, date(2025, 10, 9), title="国庆假期快递量创新高", home="金华")
    assert [(f.region, f.metric) for f in figs] == [("金华", "快递揽收量"), ("金华", "网络零售额")]
    # no home: the local scope stays as written (never 全国)
    figs = extract_figures(text, date(2025, 10, 9), title="国庆假期快递量创新高")
    assert [f.region for f in figs] == ["我市", "全市"]
    # a province's paper does not say what 我市 is; the article's own region wins over the paper's
    figs = extract_figures(text, date(2025, 10, 9), title="国庆假期快递量创新高", home="浙江")
    assert [f.region for f in figs] == ["我市", "全市"]
    figs = extract_figures(text, date(2025, 10, 9), title="温州国庆假期快递量创新高", home="金华")
    assert {f.region for f in figs} == {"温州"}
    # 全省 in a province's paper
    (f,) = extract_figures("前三季度，全省农村网络零售额1200亿元。", date(2025, 10, 20), home="浙江")
    assert f.region == "浙江"


def test_a_running_money_total_takes_its_paragraphs_period() -> None:
    text = "前三季度，全国网上零售额10万亿元，同比增长8%。重点平台累计直播销售额2.1万亿元。"
    figs = extract_figures(text, date(2025, 10, 20))
    live = [f for f in figs if f.metric == "直播销售额"]
    assert [(f.value, f.period_start, f.period_end) for f in live] == [(2.1, date(2025, 1, 1), date(2025, 9, 30))]
    # a count built or held to date is a stock: no period carried
    text = "前三季度，全国网上零售额10万亿元，同比增长8%。全国累计建成充电站40万个。"
    (_, stock) = extract_figures(text, date(2025, 10, 20))
    assert (stock.period_start, stock.period_end) == (None, None)


def test_the_dates_of_a_named_period_in_brackets() -> None:
    (f,) = extract_figures("据测算，今年“618”期间（6月1日至18日），全国快递业务量达到60亿件。", date(2025, 6, 20))
    assert (f.period_start, f.period_end) == (date(2025, 6, 1), date(2025, 6, 18))
    # an aside in brackets is still no period of the figure
    (f,) = extract_figures("今年6月（含端午假期），全国快递业务量达到150亿件。", date(2025, 7, 10))
    assert (f.period_start, f.period_end) == (date(2025, 6, 1), date(2025, 6, 30))


def test_a_metric_named_before_a_colon() -> None:
    got = extract_figures("网上零售额:1-11月累计105374亿元,同比增长11.5%.", date(2025, 12, 15))
    assert [(f.metric, f.value, f.growth_pct, f.period_end) for f in got] == [
        ("网上零售额", 105374.0, 11.5, date(2025, 11, 30))]
    got = extract_figures("跨境电商进出口：2024年为2.63万亿元，增长10.8%。", date(2025, 1, 13))
    assert [(f.metric, f.value, f.growth_pct) for f in got] == [("跨境电商进出口", 2.63, 10.8)]
    (f,) = extract_figures("杭州网络零售额:前三季度达6000亿元.", date(2025, 10, 20))
    assert (f.region, f.metric) == ("杭州", "网络零售额")
    # what is before the colon is no metric: nothing is made up
    assert extract_figures("数据显示：1-11月累计105374亿元。", date(2025, 12, 15)) == []
    assert extract_figures("记者：今年完成1320亿件。", date(2025, 12, 15)) == []


def test_items_sharing_their_first_word_share_only_the_head() -> None:
    got = names("上半年，在线教育、在线医疗销售额同比分别增长12.5%和30.2%。")
    assert got == [("在线教育销售额", 12.5, 12.5), ("在线医疗销售额", 30.2, 30.2)]
    # items parallel to the last item's first word still share the rest
    got = names("1—4月，城镇和乡村消费品零售额分别增长3.2%和4.5%。")
    assert [m for m, _, _ in got] == ["城镇消费品零售额", "乡村消费品零售额"]


def test_parts_named_inside_in_x_zhong() -> None:
    text = "1—9月，实物商品网上零售额9.2万亿元，增长9.9%；在实物商品网上零售额中，吃类、穿类商品分别增长14.1%和9.6%。"
    got = names(text)
    assert got[1:] == [("吃类商品网上零售额", 14.1, 14.1), ("穿类商品网上零售额", 9.6, 9.6)]


def test_activity_names_stay_within_their_domain() -> None:
    # handling something that is not post: no parcel metric
    assert "快件处理量" not in [f.metric for f in extract_figures("全市共处理1200件投诉。", PUB)]
    # mail is not parcels
    assert [f.metric for f in extract_figures("全区网点共投递邮件300万件。", PUB)] == ["邮件投递量"]
    # only live-stream sessions become a count of sessions
    assert [f.metric for f in extract_figures("全年举办各类促销活动超过300场。", PUB)] != ["举办各类促销活动场次"]
    # a reporter scope over a bare generic head keeps it (the head alone names nothing)
    assert [f.metric for f in extract_figures("全市重点平台数量达到50个。", PUB)] == ["重点平台数量"]


def test_a_part_of_a_local_whole_is_local() -> None:
    got = extract_figures("上半年，全市社会消费品零售总额5000亿元，其中汽车类增长5%。", PUB)
    assert {f.region for f in got} == {"全市"}


def test_a_bare_handling_verb_counts_parcels_only_in_a_postal_sentence() -> None:
    got = names("全国邮政、快递企业共揽收快件9.8亿件，派送8.1亿件，运行平稳。")
    assert got == [("快递揽收量", 9.8, None), ("快递派送量", 8.1, None)]
    assert "快件处理量" not in [f.metric for f in extract_figures("邮政管理局共处理1200件投诉。", PUB)]


def test_a_period_carried_from_a_forecast_stays_a_forecast() -> None:
    text = "展望2026年，国家邮政局预计快递业务量将完成2000亿件；快递业务收入完成1.6万亿元，增速7%左右。"
    figs = extract_figures(text, date(2026, 1, 10))
    assert [(f.metric, f.value, f.is_forecast) for f in figs] == [
        ("快递业务量", 2000.0, True), ("快递业务收入", 1.6, True)]
    # no forecast before the ；: a plain report
    figs = extract_figures("2025年快递业务量完成1750亿件；快递业务收入完成1.4万亿元。", date(2026, 1, 10))
    assert [f.is_forecast for f in figs] == [False, False]


def test_a_part_after_qizhong_in_the_next_sentence_keeps_the_local_region() -> None:
    text = "今年1-9月,全省实现网络零售额1.8万亿元,同比增长9%;其中,跨境电商出口额2000亿元,增长15%."
    assert [f.region for f in extract_figures(text, PUB)] == ["全省", "全省"]
    # named national: stays national; no 其中: no carry
    text = "今年1-9月,全省实现网络零售额1.8万亿元,同比增长9%;其中,全国跨境电商出口额2000亿元,增长15%."
    assert [f.region for f in extract_figures(text, PUB)] == ["全省", "全国"]
    # a paragraph opening with 其中 goes on with the one before (web pages print one sentence a paragraph); a
    # paragraph that does not refer back starts afresh
    text = "前三季度，全省网络零售额1.8万亿元。\n其中，跨境电商出口额2000亿元。"
    assert [f.region for f in extract_figures(text, PUB)] == ["全省", "全省"]
    text = "前三季度，全省网络零售额1.8万亿元。\n跨境电商出口额2000亿元。"
    assert [f.region for f in extract_figures(text, PUB)] == ["全省", "全国"]  # another paragraph


def test_a_change_over_an_older_base_year_is_not_a_yearly_growth() -> None:
    text = "2021年4月份，社会消费品零售总额33153亿元，同比增长17.7%，比2019年4月份增长8.8%。"
    figs = extract_figures(text, date(2021, 5, 17))
    assert [(f.value, f.growth_pct) for f in figs] == [(33153.0, 17.7)]
    # the year before is a yearly growth
    figs = extract_figures("2024年，全国网上零售额15.5万亿元，比2023年增长7.2%。", date(2025, 1, 20))
    assert [(f.value, f.growth_pct) for f in figs] == [(15.5, 7.2)]


def test_a_header_date_cell_is_no_part_of_a_name() -> None:
    figs = extract_figures("2021.07.30 | 上半年电商直播超1000万场", date(2021, 7, 30))
    assert [f.metric for f in figs] == ["电商直播场次"]


def test_a_title_region_before_a_network_word_or_a_share_of_the_nation() -> None:
    from bot.services.figures import article_region

    # 网 of 网络零售 is no news site (浙江网); `占全国份额` / `居全国第二` compare with the nation, they do not name it
    assert article_region("“十三五”期间江苏网络零售占全国份额提高") == "江苏"
    assert article_region("广东网上零售额居全国第一") == "广东"
    # an outlet's name (浙江网讯) is no region of the article; a title naming the nation is national
    assert article_region("浙江网讯 全省网络零售额增长") == ""
    assert article_region("江苏和全国网络零售额比较") == ""


def test_a_year_naming_a_holiday_is_not_the_figures_period() -> None:
    (f, _g) = extract_figures("今年国庆假期，宁波市重点零售企业销售额同比增长6.1%，其中家电类销售额增长12.0%。",
                              date(2025, 10, 9))
    # (not the year: the holiday's statutory days, 2025's 国庆 joined with 中秋 — dated since session 18i)
    assert (f.metric, f.growth_pct, f.period_start, f.period_end) == (
        "重点零售企业销售额", 6.1, date(2025, 10, 1), date(2025, 10, 8))
    # the holiday's own dates are its period
    (f,) = extract_figures("2025年“双11”期间（11月1日至11日），全国快递业务量达60.5亿件。", date(2025, 11, 13))
    assert (f.period_start, f.period_end) == (date(2025, 11, 1), date(2025, 11, 11))
    # a plain year stays the period
    (f,) = extract_figures("2024年，全市网络零售额达2000亿元。", date(2025, 2, 1))
    assert (f.period_start, f.period_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_five_year_plan_is_its_five_years() -> None:
    (f,) = extract_figures("“十三五”期间，省财政先后落实农村电商专项资金2.6亿元，支持县域物流建设。", date(2021, 3, 1))
    assert (f.metric, f.value, f.period_start, f.period_end) == (
        "农村电商专项资金", 2.6, date(2016, 1, 1), date(2020, 12, 31))
    figs = extract_figures("十三五期间，全国快递业务量从206.7亿件增长到833.6亿件。", date(2021, 3, 1))
    assert [(f.value, f.period_start.year) for f in figs] == [(206.7, 2016), (833.6, 2020)]
    # `以来` starts a span; it is not the plan's five years
    (f,) = extract_figures("“十四五”以来，累计建成5G基站300万个。", date(2024, 3, 1))
    assert f.period_start is None


def test_the_bracketed_rate_of_the_indicator_compared_with() -> None:
    text = "2023年1—6月，实物商品网上零售额6.06万亿元，增长10.8%，明显高于同期社会消费品零售总额增速（8.2%）。"
    figs = extract_figures(text, date(2023, 7, 20))
    rate = [f for f in figs if f.metric == "社会消费品零售总额"]
    assert [(f.growth_pct, f.period_start, f.period_end) for f in rate] == [
        (8.2, date(2023, 1, 1), date(2023, 6, 30))]
    # an unnamed average is not an indicator
    figs = extract_figures("上半年，全省网络零售额增长9%，高于全国平均增速（7.6%）。", date(2023, 7, 20))
    assert [f.growth_pct for f in figs] == [9.0]


def test_a_bracketed_span_of_days_takes_the_month_of_the_story() -> None:
    text = "今年“双十二”期间（12日-14日），全市快递业务量累计达0.9亿件，同比增长11%。"
    (f,) = extract_figures(text, date(2024, 12, 16))
    assert (f.period_start, f.period_end, f.growth_pct) == (date(2024, 12, 12), date(2024, 12, 14), 11.0)
    # days still to come in the story's month: the month before
    (f,) = extract_figures("“双十一”期间（11日-16日），全国快递业务量达20亿件。", date(2023, 12, 2))
    assert (f.period_start, f.period_end) == (date(2023, 11, 11), date(2023, 11, 16))
    # no story date: no period invented
    (f,) = extract_figures("活动期间（5日-9日），全市销售额达10亿元。", None)
    assert (f.period_start, f.period_end) == (None, None)


def test_a_numbered_point_or_the_end_of_an_aside_is_no_part_of_a_name() -> None:
    assert [(f.region, f.metric) for f in extract_figures("二、我国网民规模达11.08亿人。", PUB)] == [("全国", "网民规模")]
    assert [f.metric for f in extract_figures("（三）跨境电商进出口2.6万亿元，增长11%。", PUB)] == ["跨境电商进出口"]
    assert [f.metric for f in extract_figures("4、全国快递业务量完成1750亿件。", PUB)] == ["快递业务量"]
    # a wrapped line that starts inside an aside names nothing of its own
    assert extract_figures("储蓄银行直接营业收入）完成15000亿元。", PUB) == []
    # 一、二线城市 is no numbered point
    assert [f.metric for f in extract_figures("2024年，一、二线城市网络零售额占比60%。", PUB)] != ["二线城市网络零售额占比"]


def test_a_breakdown_by_region_after_qizhong() -> None:
    text = "2024年全省快递业务量完成130亿件，比上年增长10%，其中台州、温州分别完成25亿件和18亿件。"
    got = [(f.region, f.metric, f.value) for f in extract_figures(text, date(2025, 1, 20))]
    assert got == [("全省", "快递业务量", 130.0), ("台州", "快递业务量", 25.0), ("温州", "快递业务量", 18.0)]
    text = "2024年全省快递业务量完成130亿件，其中台州、温州分别增长12%和8%。"
    got = [(f.region, f.metric, f.growth_pct) for f in extract_figures(text, date(2025, 1, 20))]
    assert got == [("全省", "快递业务量", None), ("台州", "快递业务量", 12.0), ("温州", "快递业务量", 8.0)]
    # two metrics just stated: whose growth it is is not known — no figure, and none given to the province
    text = "2024年全省快递业务量完成130亿件、业务收入900亿元，其中台州、温州分别增长12%和8%。"
    got = [(f.region, f.growth_pct) for f in extract_figures(text, date(2025, 1, 20))]
    assert got == [("全省", None), ("全省", None)]


def test_a_news_agency_mark_is_no_part_of_a_name() -> None:
    for body in ("本报讯 全市去年网络零售额达1000亿元。", "本报讯（记者王五）全市去年网络零售额达1000亿元。"):
        got = [(f.region, f.metric) for f in extract_figures(body, date(2025, 1, 22), home="温州")]
        assert got == [("温州", "网络零售额")]
    # 通讯 inside a name stays
    assert [f.metric for f in extract_figures("信息通讯业务收入增长5%。", PUB)] == ["信息通讯业务收入"]


def test_the_city_a_holiday_sentence_opens_with() -> None:
    (f,) = extract_figures("今年宁波“双11”期间，全市快递业务量达3亿件。", date(2024, 11, 20))
    assert (f.region, f.period_start) == ("宁波", None)
    (f,) = extract_figures("今年上海“五五购物节”期间，全市网络零售额增长12%。", date(2024, 6, 1))
    assert (f.region, f.growth_pct, f.period_start) == ("上海", 12.0, None)
    # a province opening the sentence does not say which city 全市 is
    (f,) = extract_figures("浙江，全市快递业务量达3亿件。", date(2024, 11, 20))
    assert f.region == "全市"


def test_a_subjectless_same_period_clause_keeps_the_region() -> None:
    text = "2024年1月至10月，苏州实现社会消费品零售总额8000亿元；同期实现网络零售额3000亿元，同比增长9%。"
    assert [f.region for f in extract_figures(text, date(2024, 11, 20))] == ["苏州", "苏州"]
    text = "2024年1月至10月，苏州实现社会消费品零售总额8000亿元；同期全国网络零售额12万亿元。"
    assert [f.region for f in extract_figures(text, date(2024, 11, 20))] == ["苏州", "全国"]
