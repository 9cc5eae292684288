"""Figures whose metric is only implied (session 14, s14d): a number whose clause names no indicator of its own
takes the metric of the figure before it only when it is a level or change of that same indicator — never a
per-day/per-month/per-head average, nor a contribution to another figure's growth in percentage points.
Sentences are our own, not copied from the corpus."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _figs(text: str, published: date = date(2025, 12, 20)) -> list[tuple[str, float, str, float | None]]:
    return [(f.metric, f.value, f.unit, f.growth_pct) for f in extract_figures(text, published)]


def test_per_day_average_is_not_the_carried_metric() -> None:
    figs = _figs("2024年，全省快递业务量同比增长9.2%，支撑日均约4800万件包裹寄递。")
    assert ("快递业务量", 9.2, "%", 9.2) in figs
    assert all(f[1] != 4800.0 for f in figs if f[0] == "快递业务量")


def test_per_month_average_is_not_the_carried_metric() -> None:
    figs = _figs("1—8月，全市跨境电商进出口额累计完成96亿元，月均超过12亿元。")
    assert ("跨境电商进出口额", 96.0, "亿元", None) in figs
    assert not any(f[1] == 12.0 for f in figs)


def test_per_head_average_after_a_level_is_not_that_level() -> None:
    figs = _figs("去年全区农村网络零售额为58.6亿元，人均超过3000元。")
    assert [f for f in figs if f[0] == "农村网络零售额"] == [("农村网络零售额", 58.6, "亿元", None)]


def test_a_named_average_keeps_its_own_name() -> None:
    figs = _figs("今年以来，全国快递日均业务量超过4.1亿件。")
    assert [f[0] for f in figs] == ["快递日均业务量"]


def test_contribution_in_points_is_no_figure_of_the_metric_it_pulls() -> None:
    figs = _figs("三季度，即时零售销售额同比增长26%，拉动网上零售额增长1.4个百分点。")
    assert ("即时零售销售额", 26.0, "%", 26.0) in figs
    assert not any(f[0] in ("网上零售额", "网络零售") for f in figs)


def test_points_change_of_a_share_is_still_read() -> None:
    figs = extract_figures("2024年，快递业务收入占行业总收入的比重为79.5%，比上年提高1.3个百分点。", date(2025, 3, 1))
    assert [(f.value, f.growth_pp) for f in figs] == [(79.5, 1.3)]


def test_activity_before_de_names_the_volume() -> None:
    figs = _figs("据监测，上周全行业揽收的包裹量约为31.5亿件，同比增长17%。")
    assert ("包裹揽收量", 31.5, "亿件", 17.0) in figs


def test_bracketed_second_name_of_the_things_counted_stays_in_the_name() -> None:
    figs = _figs("今年“618”期间（6月1日至20日），全国处理的邮件（快件）量预计达到42亿件。", date(2025, 6, 25))
    assert [f[0] for f in figs] == ["邮件快件处理量"]


def test_peak_daily_volume_is_found_as_the_daily_volume() -> None:
    from bot.services.lookup.aliases import synonyms

    assert "最高日处理量" in synonyms("快递日处理量")
    assert "日最高处理量" in synonyms("快递日处理量")


def test_list_closed_by_etc_and_a_category_gives_each_item_the_measure() -> None:
    figs = _figs("2025年，据平台监测，耳机与智能手表等穿戴产品线上零售额分别同比增长14.2%和9%。")
    assert ("耳机线上零售额", 14.2, "%", 14.2) in figs
    assert ("智能手表线上零售额", 9.0, "%", 9.0) in figs


def test_classifier_closing_a_list_is_shared() -> None:
    figs = _figs("2025年，家具与建材领域的产业电商交易额分别增长5.1%和2.4%。")
    assert [f[0] for f in figs] == ["家具产业电商交易额", "建材产业电商交易额"]


def test_how_a_whole_grew_is_no_part_of_its_name() -> None:
    figs = _figs("2025年，线上文旅消费整体增长17%。")
    assert [f[0] for f in figs] == ["线上文旅消费"]


def test_big_data_in_a_name_is_no_source_phrase() -> None:
    figs = _figs("2025年1至10月，云计算和大数据服务收入同比增长9.6%。")
    assert [f[0] for f in figs] == ["云计算和大数据服务收入"]
    figs = _figs("商务大数据显示，2025年全国农村网络零售额增长7.2%。")
    assert [f[0] for f in figs] == ["农村网络零售额"]


def test_month_on_month_change_is_not_the_growth() -> None:
    figs = _figs("11月份，全国快递业务量152亿件，环比增长3.1%。")
    assert figs == [("快递业务量", 152.0, "亿件", None)]
    figs = _figs("11月，全市网络零售额比上月增长4.2%，同比增长7.5%。")
    assert figs == [("网络零售额", 7.5, "%", 7.5)]


def test_user_scale_growth_list_takes_the_half_year() -> None:
    figs = extract_figures("2024年上半年，网络直播、在线医疗用户规模分别增长6.1%和12.4%。", date(2024, 8, 30))
    assert [(f.metric, f.growth_pct, f.period_start, f.period_end) for f in figs] == [
        ("网络直播用户规模", 6.1, date(2024, 1, 1), date(2024, 6, 30)),
        ("在线医疗用户规模", 12.4, date(2024, 1, 1), date(2024, 6, 30)),
    ]


def test_reporting_units_before_a_format_list_are_no_part_of_the_names() -> None:
    figs = _figs("1—11月份，限额以上零售业单位中仓储会员店、折扣店零售额同比分别增长8.8%、5.2%。")
    assert [f[0] for f in figs] == ["仓储会员店零售额", "折扣店零售额"]


def test_table_month_on_month_and_average_columns_are_not_growth() -> None:
    table = (
        "2024年1-9月全区电子商务主要指标\n\n"
        "指标名称 | 单位 | 9月 | 环比增长(%) | 1-9月累计 | 累计同比增长(%) | 两年平均增长(%) | 占全国比重(%)\n"
        "网络零售额 | 亿元 | 96.4 | 2.7 | 871.3 | 10.2 | 6.1 | 0.8\n"
        "农产品网络零售额 | 亿元 | 12.5 | -0.8 | 118.9 | 14.6 | 9.0 | 1.1\n"
    )
    figs = {(f.metric, f.value, f.growth_pct) for f in extract_figures(table, date(2024, 10, 25))}
    assert figs == {
        ("网络零售额", 96.4, None),
        ("网络零售额", 871.3, 10.2),
        ("农产品网络零售额", 12.5, None),
        ("农产品网络零售额", 118.9, 14.6),
    }


def test_total_scale_after_a_growth_is_the_named_indicator() -> None:
    figs = _figs("今年前两个月，全省跨境电商进出口额同比增长18.5%，总规模超过200亿元，达到213.4亿元。")
    assert ("跨境电商进出口额", 213.4, "亿元", 18.5) in figs
    assert not any(f[0] in ("总规模", "规模") for f in figs)


def test_scale_of_another_unit_is_not_the_named_indicator() -> None:
    figs = _figs("2024年，全省快递业务量46亿件，总量为18家品牌企业合计。")
    assert [f for f in figs if f[0] == "快递业务量"] == [("快递业务量", 46.0, "亿件", None)]


def test_real_growth_is_not_stored_as_the_growth() -> None:
    assert _figs("扣除价格因素，前三季度全省社会消费品零售总额同比实际增长2.9%。") == []
    figs = _figs("1—11月，全市社会消费品零售总额5120亿元，同比增长4.4%，实际增长3.8%。")
    assert figs == [("社会消费品零售总额", 5120.0, "亿元", 4.4)]
    figs = _figs("全年社会消费品零售总额比上年名义增长6.2%（扣除价格因素实际增长5.9%）。")
    assert [f[3] for f in figs] == [6.2]


def test_growth_after_a_closed_price_adjusted_aside_is_nominal() -> None:
    figs = _figs("上年全市社会消费品零售总额3120亿元，比上年名义增长7.1%（扣除价格因素实际增长5.6%），"
                 "其中限额以上单位消费品零售额1288亿元，增长6.4%。", date(2019, 2, 1))
    assert ("限额以上单位消费品零售额", 1288.0, "亿元", 6.4) in figs
    assert not any(f[3] == 5.6 for f in figs)
    # an aside left open still makes every later growth of the sentence the real one
    assert _figs("全年全市社会消费品零售总额扣除价格因素后比上年增长4.0%。", date(2019, 2, 1)) == []


def test_comma_written_lists_around_fenbie_pair_items_and_rates() -> None:
    figs = _figs("1-9月,在实物商品网上零售额中,吃类,穿类,用类商品分别增长11.2%,3.5%,6.8%.", date(2024, 10, 18))
    assert [(f[0], f[3]) for f in figs] == [
        ("吃类商品网上零售额", 11.2),
        ("穿类商品网上零售额", 3.5),
        ("用类商品网上零售额", 6.8),
    ]


def test_a_comma_after_a_rate_that_opens_a_new_clause_stays_a_boundary() -> None:
    figs = _figs("9月,全国快递业务量同比增长18.0%,1-9月累计完成1250亿件.", date(2024, 10, 18))
    assert ("快递业务量", 18.0, "%", 18.0) in figs
    assert ("快递业务量", 1250.0, "亿件", None) in figs


def test_what_an_event_drove_is_not_the_indicator() -> None:
    figs = _figs("11月，“网上年货节”带动全国网上零售额超过3600亿元。", date(2024, 12, 5))
    assert [f[0] for f in figs] == ["带动网上零售额"]


def test_an_undated_flow_in_a_dated_article_is_not_stored() -> None:
    from bot.services.figures import figure_values

    # (an event the reader cannot date: a holiday named without its days is dated by its statutory span — 国庆 too,
    # since session 18i — so the event here is a shopping festival)
    body = "前三季度，全省网络零售额3920亿元，同比增长8.6%。\n“金秋购物节”期间，重点平台网络零售额超过150亿元。"
    rows = figure_values(body, date(2024, 10, 20))
    assert [(r["metric"], r["value"]) for r in rows] == [("网络零售额", 3920.0)]
    # an article with no period at all keeps what it says (nothing tells an event from the article's own time)
    rows = figure_values("其中，全市快递业务量完成6.2亿件。", date(2024, 10, 20))
    assert [(r["metric"], r["value"]) for r in rows] == [("快递业务量", 6.2)]


def test_an_event_named_with_shang_nian_is_no_last_year() -> None:
    figs = extract_figures("11月，网上年货节期间全国网上零售额同比增长13%。", date(2024, 12, 30))
    assert [(f.metric, f.period_start, f.period_end) for f in figs] == [
        ("网上零售额", date(2024, 11, 1), date(2024, 11, 30))
    ]


def test_one_character_items_share_the_rest_of_the_last() -> None:
    figs = _figs("2024年，东、中、西部地区快递业务量分别为1300亿件、270亿件和140亿件。", date(2025, 1, 20))
    assert [f[0] for f in figs] == ["东部地区快递业务量", "中部地区快递业务量", "西部地区快递业务量"]


def test_bare_revenue_after_a_named_growth_takes_its_activity() -> None:
    figs = _figs("前8个月，全市快递业务量同比增长15.3%，业务收入同比增长11.2%。", date(2023, 9, 20))
    assert [(f[0], f[3]) for f in figs] == [("快递业务量", 15.3), ("快递业务收入", 11.2)]


def test_recovered_to_is_no_part_of_the_metric() -> None:
    figs = _figs("进入二季度，全市日均快递业务量已恢复至1200万件以上。", date(2022, 7, 5))
    assert [f[0] for f in figs] == ["日均快递业务量"]


def test_a_holiday_without_dates_does_not_take_the_period_before() -> None:
    text = "今年上半年全省快递业务量在4月短暂下降后迅速回升，日均业务量恢复至800万件以上。端午假期，全省揽收快递包裹约1.1亿件，同比增长9%。"
    (fig,) = [f for f in extract_figures(text, date(2023, 10, 20)) if f.value == 1.1]
    # the holiday is not the half-year stated before: its own days (2023's 端午 holiday, 6月22日至24日, session 18e)
    assert (fig.period_start, fig.period_end) == (date(2023, 6, 22), date(2023, 6, 24))


def test_a_yearly_amount_passing_a_mark_is_that_years() -> None:
    text = "　　11月20日，2024年全省第20亿件快递在省会签收。\n　　至此，全省快递年业务量首次突破20亿件。"
    figs = [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, date(2024, 11, 21))]
    assert figs == [("快递业务量", 20.0, date(2024, 1, 1), date(2024, 11, 21))]
    # with the year written, the year's whole amount; with no year anywhere, no period is guessed
    figs = [(f.metric, f.period_start) for f in extract_figures("2023年，全省快递年业务量突破18亿件。", date(2024, 1, 8))]
    assert figs == [("快递业务量", date(2023, 1, 1))]
    assert [f.period_end for f in extract_figures("全省快递年业务量首次突破20亿件。", date(2024, 11, 21))] == [None]
