"""Wire stories (session 18c: holiday sales by day, trade by quarter): the first days of a fixed-date holiday, a
comparison base dated by its own day, the surveyed businesses naming a bare sales measure, `共实现`, and times kept
out of a name looked up again in the raw sentence — on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _figs(text: str, published: date = date(2019, 10, 8)) -> list[tuple[str, float | None, date | None, date | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, published)]


def test_the_first_days_of_a_national_day_holiday_are_days_of_october() -> None:
    got = _figs("据市商务局统计，国庆黄金周前5日，北京百货店实现零售额3.21亿元，同比增长4%。")
    assert ("百货店零售额", 3.21, date(2019, 10, 1), date(2019, 10, 5)) in got


def test_first_days_named_after_the_holiday_sentence_and_one_day_of_them() -> None:
    text = ("10月3日，国庆长假进入第3天，全省市场平稳。商务厅数据显示，前3天，全省36家重点监测企业共实现销售额6.5亿元，"
            "增长2.1%。其中，3日当天销售额达2.4亿元，同比增长3%。")
    got = _figs(text)
    assert ("重点监测企业销售额", 6.5, date(2019, 10, 1), date(2019, 10, 3)) in got
    assert any(v == 2.4 and s == e == date(2019, 10, 3) for _, v, s, e in got)


def test_may_day_first_days() -> None:
    got = _figs("“五一”假期前3天，全市餐饮企业实现营业额1.8亿元。", date(2021, 5, 4))
    assert any(v == 1.8 and (s, e) == (date(2021, 5, 1), date(2021, 5, 3)) for _, v, s, e in got)


def test_an_amount_compared_with_an_earlier_day_is_that_days_amount() -> None:
    text = "据对20家大型超市销售情况的统计，10月5日零售额为3120.5万元，比10月4日18家超市的零售额3302.7万元减少182万元。"
    got = _figs(text)
    assert ("大型超市零售额", 3120.5, date(2019, 10, 5), date(2019, 10, 5)) in got
    assert ("大型超市零售额", 3302.7, date(2019, 10, 4), date(2019, 10, 4)) in got


def test_a_passage_turning_to_a_kind_of_business_names_its_sales() -> None:
    got = _figs("便利店方面，10月5日共实现销售806.2万元，同比增长6%。")
    assert ("便利店销售额", 806.2, date(2019, 10, 5), date(2019, 10, 5)) in got


def test_together_is_no_part_of_the_name() -> None:
    got = _figs("前三季度，全省重点监测企业共实现销售额412.6亿元，同比增长5.5%。")
    assert [m for m, *_ in got] == ["重点监测企业销售额"]


def test_a_time_is_no_part_of_a_bare_measure_looked_up_in_the_sentence() -> None:
    got = _figs("全省12个物流园区，前三季度共实现交易额95.3亿元，增长6%。")
    assert not any("季度" in m for m, *_ in got)


def _growths(text: str, published: date = date(2022, 7, 14)) -> dict[str, tuple[float | None, date | None, date | None]]:
    return {f.metric: (f.growth_pct, f.period_start, f.period_end) for f in extract_figures(text, published)}


def test_goods_within_goods_exported_after_a_share_are_exported() -> None:
    text = "上半年，全省家电产品出口820.4亿元，增长7.7%，占出口总值的21.3%；其中，空调、冰箱分别增长12.5%、3.4%。"
    got = _growths(text)
    assert got.get("空调出口") == (12.5, date(2022, 1, 1), date(2022, 6, 30))
    assert got.get("冰箱出口") == (3.4, date(2022, 1, 1), date(2022, 6, 30))


def test_a_further_item_of_the_paragraph_takes_its_period() -> None:
    text = "上半年，全省对东盟进出口2100亿元，增长8%。此外，对德国、法国分别进出口420亿、310亿元。"
    got = {f.metric: (f.value, f.period_start, f.period_end) for f in extract_figures(text, date(2022, 7, 14))}
    assert got.get("对德国进出口") == (420.0, date(2022, 1, 1), date(2022, 6, 30))
    assert got.get("对法国进出口") == (310.0, date(2022, 1, 1), date(2022, 6, 30))


def test_a_flows_rate_said_year_on_year_is_its_growth() -> None:
    got = _growths("上半年，某省的出口增速同比达9.6%。")
    assert any(g == 9.6 and "出口" in m and "增速" not in m for m, (g, _, _) in got.items())


def test_how_many_partners_a_flow_is_with_is_part_of_its_name() -> None:
    got = {f.metric: f.value for f in extract_figures("上半年，全省对其他12个RCEP成员国进出口860.2亿元，增长5%。", date(2022, 7, 14))}
    assert got == {"对其他12个RCEP成员国进出口": 860.2}


def test_monitored_businesses_are_named_without_who_monitors_or_how_many() -> None:
    text = "国庆假期，市商务局重点监测的12个超市前3天共实现销售额0.86亿元，增长3.2%。"
    got = {f.metric: f.value for f in extract_figures(text, date(2019, 10, 4))}
    assert got.get("重点监测超市销售额") == 0.86
    assert 12.0 not in got.values()


def test_monitored_businesses_in_the_clause_before_and_a_synonym_the_next_day() -> None:
    text = ("国庆假期，省级重点监测的6个农产品批发市场，前3天共实现交易额2.6亿元，增长5%。"
            "仅3日当天成交额就达0.9亿元，比去年同期增长4.1%。")
    got = {f.metric: (f.value, f.period_start, f.period_end) for f in extract_figures(text, date(2019, 10, 4))}
    assert got.get("重点监测农产品批发市场交易额") == (2.6, date(2019, 10, 1), date(2019, 10, 3))
    assert got.get("重点监测农产品批发市场成交额") == (0.9, date(2019, 10, 3), date(2019, 10, 3))


def test_what_businesses_sold_is_their_sales_amount() -> None:
    text = "黄金周期间，河北重点监测企业服装销售同比增长21%。"
    got = {f.metric: f.growth_pct for f in extract_figures(text, date(2019, 10, 8))}
    assert got.get("重点监测企业服装销售额") == 21.0


def test_a_surplus_shrinking_is_its_fall() -> None:
    got = {f.metric: f.growth_pct for f in extract_figures("前两个月，全省贸易顺差收窄8.6%。", date(2021, 3, 20))}
    assert got.get("贸易顺差") == -8.6


def test_a_value_of_the_same_period_a_year_before_is_dated_a_year_earlier() -> None:
    for text in ("前三季度，全市网络零售额412亿元，同比增长9%。去年同期，这一数字为378亿元。",
                 "前三季度，全市网络零售额412亿元，而去年同期为378亿元。"):
        got = [(f.value, f.period_start, f.period_end) for f in extract_figures(text, date(2021, 10, 25))]
        assert (412.0, date(2021, 1, 1), date(2021, 9, 30)) in got
        assert (378.0, date(2021, 1, 1), date(2021, 9, 30)) not in got
        assert all(v != 378.0 or (s, e) == (date(2020, 1, 1), date(2020, 9, 30)) for v, s, e in got)


def test_one_month_of_a_running_total_is_the_same_indicator() -> None:
    text = "1-8月，全省快递业务量累计完成61亿件，其中，8月份单月完成8.3亿件。"
    got = [(f.metric, f.value, f.period_start) for f in extract_figures(text, date(2023, 9, 20))]
    assert ("快递业务量", 8.3, date(2023, 8, 1)) in got


def test_quarters_listed_with_the_word_written_once_date_their_rates() -> None:
    text = "前三季度，全省网络零售额2100亿元，一、二、三季度同比分别增长5%、7%和9%。"
    got = [(f.metric, f.growth_pct, f.period_start, f.period_end) for f in extract_figures(text, date(2023, 10, 20))]
    assert ("网络零售额", 7.0, date(2023, 4, 1), date(2023, 6, 30)) in got
    assert ("网络零售额", 9.0, date(2023, 7, 1), date(2023, 9, 30)) in got


def test_the_amount_of_what_a_level_is_compared_with_is_named_by_it() -> None:
    text = "上半年，全省一般贸易进出口5120亿元，高于加工贸易进出口额的3310亿元。"
    got = {f.metric: f.value for f in extract_figures(text, date(2022, 7, 14))}
    assert got.get("加工贸易进出口额") == 3310.0


def test_a_trade_flow_is_one_indicator_with_or_without_e() -> None:
    from bot.services.lookup.aliases import synonyms

    assert "民营企业进出口额" in synonyms("民营企业进出口")
    assert "汽车出口" in synonyms("汽车出口额")
    assert "出口额" not in synonyms("出口")


def test_that_months_level_after_a_semicolon_goes_on_with_the_indicator() -> None:
    text = "1-9月，全省快递业务量累计完成26亿件，同比增长14%；9月当月完成3.1亿件，同比增长11%。"
    got = [(f.metric, f.value, f.period_start, f.growth_pct) for f in extract_figures(text, date(2023, 10, 20))]
    assert ("快递业务量", 3.1, date(2023, 9, 1), 11.0) in got


def test_imports_and_exports_written_with_one_kou() -> None:
    text = "前两个月，全省外贸进出口1320亿元，同比增长5%。其中，进、出口分别增长3.5%和6.1%。"
    got = {f.metric: f.growth_pct for f in extract_figures(text, date(2022, 3, 20))}
    assert got.get("外贸进口额") == 3.5
    assert got.get("外贸出口额") == 6.1


def test_a_story_naming_this_year_reposted_months_later_reads_its_dateline_year() -> None:
    text = "某某网北京8月12日电 今年上半年，全省网络零售额2360亿元，同比增长9.4%。"
    (fig,) = extract_figures(text, date(2024, 2, 20))
    assert (fig.period_start, fig.period_end) == (date(2023, 1, 1), date(2023, 6, 30))


def test_the_days_before_a_holiday_or_of_another_are_not_its_first_days() -> None:
    for text in ("国庆长假期间全市消费旺盛。国庆节前3天，全市超市销售额1.2亿元。",
                 "国庆长假期间全市消费旺盛。春节前3天，全市超市销售额1.2亿元。"):
        (fig,) = extract_figures(text, date(2023, 10, 5))
        assert fig.period_start != date(2023, 10, 1)
    (fig,) = extract_figures("国庆长假期间全市消费旺盛。前3天，全市超市销售额1.2亿元。", date(2023, 10, 5))
    assert (fig.period_start, fig.period_end) == (date(2023, 10, 1), date(2023, 10, 3))


def test_a_spoken_lists_point_and_the_history_it_is_compared_with_are_no_part_of_a_name() -> None:
    got = {f.metric for f in extract_figures("上半年，全省电商呈现三个特点：一是网络零售额较快增长，达到2100亿元。", date(2023, 7, 20))}
    assert got == {"网络零售额"}
    got = {f.metric for f in extract_figures("一季度，全省外贸进出口规模历史同期首次突破3000亿元。", date(2023, 4, 20))}
    assert got == {"外贸进出口规模"}


def test_points_of_a_list_announced_over_a_period_are_over_it() -> None:
    text = ("今年一季度，全省邮政快递业运行平稳。\n具体来看，主要呈现以下两个方面的特点：\n"
            "一是业务量快速增长，快递业务量完成12亿件，同比增长15%。\n二是收入稳步提升，快递业务收入完成95亿元。")
    got = [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, date(2023, 4, 20))]
    assert ("快递业务量", 12.0, date(2023, 1, 1), date(2023, 3, 31)) in got
    assert ("快递业务收入", 95.0, date(2023, 1, 1), date(2023, 3, 31)) in got


def test_a_point_stating_a_stock_now_is_not_over_the_announced_period() -> None:
    (fig,) = extract_figures("一季度，全省快递业务呈现以下特点。一是网点加密，目前已建成快递网点1200个。", date(2023, 4, 20))
    assert fig.period_start is None


def test_a_rate_of_a_flow_named_after_it_is_that_flows_growth() -> None:
    text = "上半年，全省外贸进出口4100亿元，增长6%；进口增速达9.3%，明显高于同期4.1%的出口增速。"
    got = {f.metric: f.growth_pct for f in extract_figures(text, date(2022, 7, 20))}
    assert got.get("外贸出口额") == 4.1
    assert not any(m.startswith(("明显", "高于")) for m in got)


def test_a_further_stock_of_things_built_keeps_no_period() -> None:
    text = "上半年，全省网络零售额2100亿元，增长8%。此外，全省已建成县级电商服务中心80个。"
    got = {f.metric: f.period_start for f in extract_figures(text, date(2023, 7, 20))}
    assert got.get("县级电商服务中心", "absent") is None or "县级电商服务中心" not in got
