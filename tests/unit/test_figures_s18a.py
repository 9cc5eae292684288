"""Session 18a (dated digests): a flow no period dates is never stored, a city written after its province
(`河北沧州`) is the figure's region, an unnamed whole (`全市`) after a place of its kind is that place, a count of
things over a threshold is not the count of them all, `涌现出N个…` counts the noun after the number, and an undated
figure of a metric the article dates elsewhere is not stored."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.extract import figure_values
from bot.services.figures.regions import split_region

PUB = date(2023, 6, 20)


def test_a_flow_of_a_holiday_named_without_its_days_takes_the_years_statutory_span() -> None:
    # (first written as "an undated flow is not stored"; since s18e a holiday named without its days is dated by the
    # State Council's calendar of its year: 2023 端午 was 22–24 June)
    body = "端午假期，全国揽收快递包裹3.4亿件，投递快递包裹3.2亿件。"
    got = figure_values(body, date(2023, 6, 26), title="端午假期快递运行平稳")
    assert [(g["value"], g["period_start"], g["period_end"]) for g in got] == [
        (3.4, date(2023, 6, 22), date(2023, 6, 24)),
        (3.2, date(2023, 6, 22), date(2023, 6, 24)),
    ]


def test_a_city_written_right_after_its_province_is_the_region() -> None:
    assert split_region("山东潍坊网络零售额") == ("潍坊", "网络零售额")
    assert split_region("江苏省无锡市快递业务量") == ("无锡", "快递业务量")
    assert split_region("江苏全省快递业务量") == ("江苏", "快递业务量")  # the province taken whole stays the province
    figs = extract_figures("2022年，浙江湖州网络零售额达900亿元。", PUB)
    assert [(f.metric, f.region) for f in figs] == [("网络零售额", "湖州")]


def test_an_unnamed_whole_after_a_place_of_its_kind_is_that_place() -> None:
    text = (
        "浙江湖州大力发展农村电商，全市已有4个县被列为国家级电子商务示范县，建成电商专业村120个。"
        "今年1-5月，全市实现网络零售额300亿元。"
    )
    got = {(f.metric, f.region, f.value) for f in extract_figures(text, PUB)}
    assert ("电商专业村", "湖州", 120) in got
    assert ("网络零售额", "湖州", 300) in got


def test_a_count_over_a_threshold_is_not_the_count_of_all() -> None:
    figs = extract_figures("2022年，年网络销售额超过1000万元的电商企业达85家。", PUB)
    assert not [f for f in figs if f.metric == "电商企业"]
    figs = extract_figures("2022年，全国年交易额过亿元的淘宝村有745个。", PUB)
    assert not [f for f in figs if f.metric == "淘宝村"]


def test_a_count_of_what_emerged_is_named_by_the_noun_after_it() -> None:
    figs = extract_figures("截至2022年底，全省涌现出320个电商专业村。", PUB)
    assert [(f.metric, f.value, f.period_end) for f in figs] == [("电商专业村", 320, date(2022, 12, 31))]


def test_an_undated_figure_of_a_metric_the_article_dates_is_not_stored() -> None:
    body = "截至2022年底，全国电商专业村达7780个。\n近年来，河南大力发展农村电商，建成电商专业村210个。"
    rows = figure_values(body, PUB, title="电商专业村数量持续增长")
    assert [(r["metric"], r["value"]) for r in rows] == [("电商专业村", 7780)]


def test_a_place_opening_a_sentence_as_the_subject_of_what_it_does_is_the_region() -> None:
    figs = extract_figures("2022年，湖南大力发展农村电商，农村网络零售额达1200亿元，同比增长9%。", PUB)
    assert [(f.metric, f.region) for f in figs] == [("农村网络零售额", "湖南")]
    # a number in the opening clause, or the nation named in the figure's own phrase, keeps its own region
    figs = extract_figures("2022年，湖南积极推进电商进农村，全国农村网络零售额2.17万亿元。", PUB)
    assert [f.region for f in figs] == ["全国"]


def test_a_holiday_named_as_a_comparison_base_keeps_the_carried_span_and_a_daily_rate_stays_off_the_total() -> None:
    text = (
        "今年端午假期（6月22日-24日），全国共揽投快递包裹9.1亿件。"
        "其中，揽收快递包裹4.6亿件，日均揽收量与2019年端午假期相比增长48.2%，与2022年端午假期相比增长9.8%。"
    )
    got = [(f.metric, f.value, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, PUB)]
    assert ("快递揽收量", 4.6, date(2023, 6, 22), date(2023, 6, 24), None) in got


def test_what_was_completed_goes_on_with_the_period_its_paragraph_opened_with() -> None:
    text = "5月份，全市邮政业务总量完成1.2亿元。全市快递业务量完成310.5万件，快递业务收入完成0.3亿元。"
    got = [(f.metric, f.period_start, f.period_end) for f in extract_figures(text, PUB)]
    may = (date(2023, 5, 1), date(2023, 5, 31))
    assert got == [("邮政业务总量", *may), ("快递业务量", *may), ("快递业务收入", *may)]
    # a stock built (no 完成) does not take the period
    got = extract_figures("5月份，全市快递业务量完成310.5万件。全市已建成快递网点120个。", PUB)
    assert [(f.value, f.period_end) for f in got] == [(310.5, date(2023, 5, 31)), (120, None)]


def test_days_counted_from_a_day_named_as_the_kth_of_a_span() -> None:
    text = (
        "2月12日，春节假期进入第3天。据省商务厅监测，前3天，全省80家重点零售企业共实现销售额9.6亿元，同比增长6%。"
        "其中，12日当天销售额达3.5亿元。\n"
        "农贸市场交易活跃。全省重点监测的6个农贸市场，前3天共实现交易额1.2亿元，增长5%。仅12日当天成交额就达0.5亿元。"
    )
    got = [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, date(2024, 2, 13))]
    three, day = (date(2024, 2, 10), date(2024, 2, 12)), (date(2024, 2, 12), date(2024, 2, 12))
    assert ("重点零售企业销售额", 9.6, *three) in got
    assert ("重点零售企业销售额", 3.5, *day) in got
    # the units an amount is summed over are no figure, and name the amount (and the bare amount after it)
    # (监测 kept: s18c names the surveyed units `重点监测…`)
    assert ("重点监测农贸市场交易额", 1.2, *three) in got
    assert ("重点监测农贸市场成交额", 0.5, *day) in got
    assert not [g for g in got if g[1] in (80, 6)]


def test_money_spent_online_and_the_other_party_of_a_comparison() -> None:
    figs = extract_figures("2022年，日本消费者网上消费了2000亿美元，仅略少于英国的2100亿美元。", PUB)
    assert [(f.metric, f.region, f.value) for f in figs] == [("网上消费额", "日本", 2000), ("网上消费额", "英国", 2100)]
    # a comparison whose party is no place is not stored as a figure of the sentence's place
    figs = extract_figures("2022年，全省网络零售额1200亿元，高于去年同期的1100亿元。", PUB)
    assert [f.value for f in figs if f.value == 1100] == []


def test_each_item_of_a_list_keeps_its_own_place_and_a_firms_figure_is_not_stored() -> None:
    text = "2023年，合肥市蔬菜批发市场、芜湖市农产品物流园销售额同比分别增长12%和9%。"
    got = [(f.metric, f.region, f.growth_pct) for f in extract_figures(text, PUB)]
    assert ("农产品物流园销售额", "芜湖", 9.0) in got
    rows = figure_values("2023年，某某商贸股份有限公司营业额同比增长25%，全省社会消费品零售总额增长6%。", PUB)
    assert [r["metric"] for r in rows] == ["社会消费品零售总额"]


def test_a_headline_announcing_a_notice_dated_after_it_is_a_header() -> None:
    from bot.services.ingest.layout import evidence as ev

    assert ev.date_after_title("潍坊一季度快递业务运行情况通报（2023年4月18日）") == (date(2023, 4, 18), "潍坊一季度快递业务运行情况通报")
    assert ev.date_after_title("商务通报　2023年5月5日") is None  # a masthead still is none


def test_a_kind_of_goods_under_a_county_total_is_the_counties_and_undated_trade_is_not_stored() -> None:
    text = "今年1—5月，全省县域网络零售额达612.3亿元，增长21.5%。其中，农产品网络零售额98.6亿元。"
    got = [(f.metric, f.value) for f in extract_figures(text, PUB)]
    assert ("县域农产品网络零售额", 98.6) in got
    # under a rural total, 农产品网络零售额 is an indicator of its own (not 农村农产品…)
    text = "2022年，全省农村网络零售额2588亿元。其中，农产品网络零售额454.6亿元。"
    assert ("农产品网络零售额", 454.6) in [(f.metric, f.value) for f in extract_figures(text, PUB)]
    rows = figure_values("一季度，山东跨境电商进出口152.6亿元。\n青岛关区跨境电商进出口89.5亿元。", PUB)
    assert [r["value"] for r in rows] == [152.6]


def test_an_undated_amount_of_money_in_a_dated_article_is_not_stored() -> None:
    body = "6月1日至18日，全省重点电商企业实现网络零售额156.3亿元。全省36个县开展直播带货，带动农产品销售8.6亿元。"
    assert [r["value"] for r in figure_values(body, PUB, title="湖北促销活动")] == [156.3]


def test_a_title_dated_after_it_on_a_digest_of_dated_headers_is_an_item_of_its_own() -> None:
    from bot.services.ingest.layout import parse_document
    from bot.services.ingest.readers import RawDocument, RawLine

    text = (
        "电商要闻\n2023年第5期　2023年5月20日\n\n【5月12日】江西一季度网络零售额增长\n一季度，江西网络零售额410亿元。\n\n"
        "【5月8日】湖南4月快递业务量增长\n4月份，湖南快递业务量完成3.6亿件。\n\n"
        "江西农村电商发展 2023-04-28\n一季度，全省农村网络零售额120亿元。"
    )
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(x) for x in text.split("\n")])
    parsed = parse_document(doc)
    assert [(a.title, a.published) for a in parsed.articles][-1] == ("江西农村电商发展", date(2023, 4, 28))


def test_a_running_total_after_a_months_part_is_over_the_wholes_months() -> None:
    text = (
        "1-4月，全省快递业务量完成12.7亿件，同比增长21.9%。其中，4月份快递业务量完成3.4亿件。"
        "同城快递业务量累计完成2.2亿件，同比增长5.1%。"
    )
    got = {f.value: (f.period_start, f.period_end) for f in extract_figures(text, PUB)}
    assert got[3.4] == (date(2023, 4, 1), date(2023, 4, 30))
    assert got[2.2] == (date(2023, 1, 1), date(2023, 4, 30))


def test_a_county_a_title_opens_with_is_what_its_body_calls_our_county() -> None:
    rows = figure_values(
        "今年前三季度，我县实现网络零售额112.6亿元，同比增长15.2%。全县快递业务量完成1.2亿件。",
        date(2023, 10, 16),
        title="泗洪前三季度网络零售额突破百亿元",
    )
    assert {r["region"] for r in rows} == {"泗洪"}


def test_a_report_date_is_not_carried_onto_what_was_done() -> None:
    text = "截至8月底，全省网商数量达12.6万家。快递业务量完成2.3亿件，同比增长18%。"
    got = [(f.metric, f.period_end) for f in extract_figures(text, date(2023, 9, 20))]
    assert ("网商数量", date(2023, 8, 31)) in got
    assert ("快递业务量", date(2023, 8, 31)) not in got
