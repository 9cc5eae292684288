"""Issue 9, figures of wire stories (tests/corpus/dev/wire_*): general constructions of datelined news found on the
wire documents, each tested on sentences of our own — a 、-list of names before a bare measure's 分别-list, an amount
named without its activity after a measure of that activity, a change over years counted from `YYYY年以来`."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures

PUB = date(2021, 9, 15)


def _got(text: str, pub: date | None = PUB) -> list[tuple[str, float | None, date | None, date | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, pub)]


def test_a_bare_measures_list_takes_the_names_listed_before_it() -> None:
    text = "截至2021年6月，在线问诊、网上挂号、共享单车等服务受到青睐，用户规模分别达2.1亿、1.8亿和1.2亿。"
    got = _got(text)
    end = date(2021, 6, 30)
    assert ("在线问诊用户规模", 2.1, None, end) in got
    assert ("网上挂号用户规模", 1.8, None, end) in got
    assert ("共享单车用户规模", 1.2, None, end) in got
    # a list of another length names nothing: the measure stays as written
    other = _got("截至2021年6月，在线问诊、网上挂号等服务受到青睐，用户规模分别达2.1亿、1.8亿和1.2亿。")
    assert [m for m, *_ in other] == ["用户规模"] * 3


def test_an_amount_without_its_activity_is_the_activity_just_measured() -> None:
    got = _got("截至2021年6月，我国网上订餐用户规模达3.2亿，上半年交易规模达4600亿元，同比增长12%。")
    assert ("网上订餐交易规模", 4600.0, date(2021, 1, 1), date(2021, 6, 30)) in got
    # the subject of a population (网民) is no activity: the amount keeps its own name
    plain = _got("截至2021年6月，我国网民规模达10亿，上半年交易规模达4600亿元。")
    assert ("交易规模", 4600.0, date(2021, 1, 1), date(2021, 6, 30)) in plain


def test_a_change_counted_from_a_year_has_its_span() -> None:
    figs = extract_figures("据海关统计，自2016年以来，我国农产品电商规模4年增长近6倍，2019年进出口额达到900亿元。", PUB)
    change = next(f for f in figs if f.unit == "%")
    assert change.metric == "农产品电商规模"
    assert (change.period_start, change.period_end) == (date(2016, 1, 1), date(2019, 12, 31))
    level = next(f for f in figs if f.value == 900.0)
    assert level.metric == "农产品电商进出口额" and level.period_start == date(2019, 1, 1)
    # without the years counted the span is not dated: the change is not stored
    undated = extract_figures("自2016年以来，我国农产品电商规模增长近6倍。", PUB)
    assert not [f for f in undated if f.unit == "%"]


def test_a_gain_in_a_population_is_no_figure_and_dates_nothing_after_it() -> None:
    got = _got("截至2021年6月，我国农村网民规模达2.97亿，全年新增农村网民1200万，农村地区互联网普及率为59.2%。")
    end = date(2021, 6, 30)
    assert ("农村网民规模", 2.97, None, end) in got
    assert ("农村地区互联网普及率", 59.2, None, end) in got
    assert not [m for m, *_ in got if "新增" in m]


def test_a_time_after_every_number_of_a_sentence_is_not_carried() -> None:
    text = (
        "报告显示，截至2021年6月，我国在线健身用户规模达1.1亿。"
        "报告还显示，我国在线问诊用户规模达2.4亿，是上半年增速最快的应用；网上挂号用户规模达1.9亿。"
        "短视频用户规模达8.9亿，占网民整体的88%。"
    )
    got = _got(text)
    end = date(2021, 6, 30)
    assert ("网上挂号用户规模", 1.9, None, end) in got
    assert ("短视频用户规模", 8.9, None, end) in got


def test_a_yearly_amount_expected_over_a_plan_is_its_last_years() -> None:
    figs = extract_figures("预计“十三五”期间，全国农村网络零售额有望超过2万亿元。", date(2016, 3, 1))
    f = next(f for f in figs if f.value == 2.0)
    assert (f.period_start, f.period_end, f.is_forecast) == (date(2020, 1, 1), date(2020, 12, 31), True)
    # a total summed over the plan's years keeps the whole span
    total = extract_figures("预计“十三五”期间，全国农村网络零售额累计超过6万亿元。", date(2016, 3, 1))
    assert [(f.period_start, f.period_end) for f in total if f.value == 6.0] in (
        [],
        [(date(2016, 1, 1), date(2020, 12, 31))],
    )


def test_an_amount_in_brackets_after_an_indicator_is_its_level() -> None:
    got = _got("2020年，全省网络零售额为3200亿元，在全省社会消费品零售总额（1.6万亿元）中的比重为20%。")
    assert ("社会消费品零售总额", 1.6, date(2020, 1, 1), date(2020, 12, 31)) in got
    # a conversion in brackets after an amount stays an aside
    conv = _got("2020年，全省跨境电商出口额为50亿美元（约合325亿元）。")
    assert [v for _, v, *_ in conv] == [50.0]


def test_time_spent_is_an_indicator_a_duration_is_not() -> None:
    figs = extract_figures("截至2021年6月，网民人均每周上网时长为26.9个小时，较2020年12月增加0.7个小时。", PUB)
    assert [(f.value, f.unit, f.period_end) for f in figs] == [(26.9, "小时", date(2021, 6, 30))]
    assert not extract_figures("快件平均在48小时内送达，最快仅用了6个小时。", PUB)


def test_a_change_after_both_ends_of_a_span_is_the_change_over_it() -> None:
    figs = extract_figures("2015至2020年，全省快递业务收入从120亿元增长到480亿元，扩大了3倍。", PUB)
    levels = [(f.value, f.period_start, f.growth_pct) for f in figs if f.unit != "%"]
    assert levels == [(120.0, date(2015, 1, 1), None), (480.0, date(2020, 1, 1), None)]
    change = [(f.growth_pct, f.period_start, f.period_end) for f in figs if f.unit == "%"]
    assert change == [(300.0, date(2015, 1, 1), date(2020, 12, 31))]
    # the same with the years at the two ends
    ends = extract_figures("全省快递业务收入由2015年的120亿元增长到2020年的480亿元，扩大了3倍。", PUB)
    assert [(f.period_start, f.period_end) for f in ends if f.unit == "%"] == [(date(2015, 1, 1), date(2020, 12, 31))]


def test_hong_kong_usage_first_quarter_and_year_on_year() -> None:
    figs = extract_figures("今年首季，全省網上零售額錄得2100億元，按年增長9.5%。", date(2024, 4, 20))
    assert [(f.value, f.period_start, f.period_end, f.growth_pct) for f in figs] == [
        (2100.0, date(2024, 1, 1), date(2024, 3, 31), 9.5)
    ]
    up = extract_figures("去年全省快遞業務量達86億件，按年升12.1%。", date(2024, 4, 20))
    assert [(f.value, f.growth_pct) for f in up] == [(86.0, 12.1)]
    down = extract_figures("首兩個月，全省跨境電商出口額按年跌3.2%。", date(2024, 4, 20))
    assert [(f.growth_pct, f.period_start, f.period_end) for f in down] == [(-3.2, date(2024, 1, 1), date(2024, 2, 29))]
    assert [f.metric for f in down] == ["跨境电商出口额"]


def test_an_amount_since_the_year_began_is_the_year_so_far() -> None:
    figs = extract_figures("今年以来，全省网络零售额累计达3200亿元，同比增长11%。", date(2024, 8, 20))
    assert [(f.period_start, f.period_end, f.is_forecast) for f in figs] == [
        (date(2024, 1, 1), date(2024, 8, 20), False)
    ]


def test_a_multiple_written_in_characters() -> None:
    figs = extract_figures("2023年，全市直播电商交易额达80亿元，同比增长一倍。", PUB)
    assert [(f.value, f.growth_pct) for f in figs] == [(80.0, 100.0)]
    span = extract_figures("2020年，全市直播电商交易额比2017年增长了两倍多。", PUB)
    assert [(f.growth_pct, f.period_start, f.period_end) for f in span] == [
        (200.0, date(2017, 1, 1), date(2020, 12, 31))
    ]
    assert extract_figures("全市直播电商交易额达80亿元，是上年的两倍。", PUB)[0].growth_pct is None


def test_places_listed_with_their_shares_of_the_whole_just_stated() -> None:
    text = "1—5月，全省快递业务量完成31亿件，同比增长15%。杭州、宁波分别完成9亿件和6亿件。"
    figs = extract_figures(text, date(2024, 6, 10))
    parts = [(f.region, f.metric, f.value, f.period_start, f.period_end) for f in figs if f.region in ("杭州", "宁波")]
    start, end = date(2024, 1, 1), date(2024, 5, 31)
    assert parts == [("杭州", "快递业务量", 9.0, start, end), ("宁波", "快递业务量", 6.0, start, end)]
    # amounts of money are no parts of a count
    money = extract_figures(
        "1—5月，全省快递业务量完成31亿件。杭州、宁波分别实现收入90亿元和60亿元。", date(2024, 6, 10)
    )
    assert not [f for f in money if f.metric == "快递业务量" and f.region != "全省"]


def test_a_range_of_quarters_from_the_first_and_parts_of_a_month() -> None:
    figs = extract_figures("一至三季度，全省网络零售额6200亿元，同比增长9%。", date(2024, 10, 25))
    assert [(f.period_start, f.period_end) for f in figs] == [(date(2024, 1, 1), date(2024, 9, 30))]
    mid = extract_figures("12月中旬，全省快递业务量累计突破90亿件。", date(2024, 12, 22))
    assert [(f.period_start, f.period_end) for f in mid] == [(None, date(2024, 12, 20))]


def test_list_items_share_their_subject_and_a_holding_verb_is_no_name() -> None:
    got = _got("上半年，全市跨境电商出口额、进口额分别为95亿元和21亿元，同比分别增长12%和4%。", date(2024, 7, 20))
    half = (date(2024, 1, 1), date(2024, 6, 30))
    assert got == [("跨境电商出口额", 95.0, *half), ("跨境电商进口额", 21.0, *half)]
    held = _got("截至去年底，全市共有农村网店3.2万家。", date(2024, 2, 1))
    assert held == [("农村网店", 3.2, None, date(2023, 12, 31))]


def test_a_part_of_a_citys_total_in_a_provinces_story() -> None:
    text = (
        "福建省商务厅数据显示，上半年，全省跨境电商进出口额600亿元。"
        "厦门海关数据显示，上半年厦门跨境电商进出口额210亿元。其中，出口额150亿元。"
    )
    figs = extract_figures(text, date(2024, 7, 20), title="福建跨境电商稳步增长")
    got = [(f.region, f.metric, f.value) for f in figs]
    assert ("厦门", "跨境电商出口额", 150.0) in got
    assert not [g for g in got if g[2] == 150.0 and g[1] != "跨境电商出口额"]


def test_a_quotation_goes_on_with_the_speakers_period() -> None:
    text = "省商务厅负责人介绍，今年一季度全省电商保持较快增长。“全省网络零售额达到1500亿元，同比增长12%。”"
    got = _got(text, date(2024, 4, 25))
    assert got == [("网络零售额", 1500.0, date(2024, 1, 1), date(2024, 3, 31))]
    # without a quotation, a sentence naming no period of its own takes none
    plain = _got("省商务厅负责人介绍，今年一季度全省电商保持较快增长。全省网络零售额达到1500亿元。", date(2024, 4, 25))
    assert plain == [("网络零售额", 1500.0, None, None)]


def test_traps_a_daily_average_and_a_compared_rate_are_no_figures() -> None:
    assert not extract_figures("“双12”期间，全省快递业务量日均超过3000万件。", PUB)
    figs = extract_figures("上半年，全省网络零售额的增速比全国高出2.6个百分点。", PUB)
    assert not [f for f in figs if f.unit == "个百分点"]


def test_a_base_periods_value_is_no_figure_of_the_period_stated() -> None:
    got = _got("上半年，全市网络零售额860亿元，上年同期为790亿元。", date(2024, 7, 20))
    assert got == [("网络零售额", 860.0, date(2024, 1, 1), date(2024, 6, 30))]
    figs = extract_figures("1—5月，全市快递业务量9.6亿件，比上年同期的8亿件增长20%。", date(2024, 6, 20))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("快递业务量", 9.6, 20.0)]


def test_a_bare_total_after_a_change_is_the_total_of_what_changed() -> None:
    got = _got("截至6月底，全省活跃网店较上年底增加3.1万家，总数达45.6万家。", date(2024, 7, 20))
    assert got == [("活跃网店", 45.6, None, date(2024, 6, 30))]


def test_the_year_after_the_one_in_context_and_a_yearly_lead() -> None:
    """`次年`/`翌年` are the year after the one in context; `年` before a name (某市年…) says how often, not what."""
    text = "2017年，某县开始发展直播带货。当年直播销售额约3.6亿元，次年直播销售额突破9亿元，翌年又翻了一番。"
    got = _got(text)
    assert ("直播销售额", 3.6, date(2017, 1, 1), date(2017, 12, 31)) in got
    assert ("直播销售额", 9.0, date(2018, 1, 1), date(2018, 12, 31)) in got
    yearly = extract_figures("2020年，嘉兴市年快递业务量超过5亿件。", PUB)
    assert [(f.region, f.metric, f.value) for f in yearly] == [("嘉兴", "快递业务量", 5.0)]
    # 首次 before 年… is no 次年; 年货节 is a name of its own
    assert all(s is None or s.year != 2022 for _, _, s, _ in _got("2021年某县首次年销售额突破2亿元。"))
    assert [m for m, *_ in _got("2021年杭州市年货节销售额达5亿元。")] == ["年货节销售额"]


def test_an_expected_amount_of_a_finished_year_is_no_forecast() -> None:
    """`预计` over a period that ended before the story is an estimate, not a forecast; over one still open, a
    forecast."""
    figs = extract_figures("据估计，2019年全市跨境电商进口量预计突破3000万件，2022年预计突破5000万件。", PUB)
    flags = {f.period_start.year: f.is_forecast for f in figs if f.period_start is not None}
    assert flags == {2019: False, 2022: True}


def test_rates_per_second_day_or_head_and_questions_are_no_figures() -> None:
    """`每秒…`/`平均每天…`/`相当于每人…` illustrate a scale; a question (`…意味着什么`) states nothing; the cumulative
    word inside a name (`快递累计业务量`) leaves the indicator as it is."""
    text = (
        "每秒钟有超过2000个包裹被揽收、平均每天有5亿人次收发快递。按人均算，相当于全国每人每年收到60件快件。"
        "2000亿件意味着什么？2023年全省快递累计业务量突破300亿件。"
    )
    got = [(f.metric, f.value) for f in extract_figures(text, PUB)]
    assert got == [("快递业务量", 300.0)]
    assert [f.metric for f in extract_figures("截至6月，移动互联网累计流量达1400亿GB。", PUB)] == ["移动互联网累计流量"]


def test_an_average_right_before_its_number_is_no_level_of_the_named_metric() -> None:
    """One vocabulary of rates (naming._PER_UNIT): an average per head or day written right before its number
    (`…支出人均约3200元`) is a rate like `每天有…`, never a level of the metric the clause names."""
    assert _got("今年前三季度，全市居民网购支出人均约3200元，同比增长8%。") == []
    assert [m for m, *_ in _got("今年前三季度，全市居民网购支出达到98亿元，人均约3200元。")] == ["居民网购支出"]


def test_a_ranking_names_the_places_its_amounts_belong_to() -> None:
    """`…排名前三的省份为A、B、C，分别完成…`: each amount is its place's, never the country's; a list of places of
    another length leaves whose figure is whose unclear (nothing stored)."""
    text = "2022年，全国网上零售额位居前三的省份为浙江、广东、上海，分别实现3.1万亿元、2.9万亿元和1.4万亿元。"
    got = [(f.region, f.metric, f.value) for f in extract_figures(text, PUB)]
    assert got == [("浙江", "网上零售额", 3.1), ("广东", "网上零售额", 2.9), ("上海", "网上零售额", 1.4)]
    short = "2022年，全国网上零售额位居前三的省份为浙江、广东、上海，分别实现3.1万亿元和2.9万亿元。"
    assert [f for f in extract_figures(short, PUB) if f.region == "全国"] == []


def test_place_by_place_after_a_semicolon_keeps_the_metric() -> None:
    """`A地…网上零售额X亿元，增长a%；B地Y亿元，增长b%`: each place's amount is the metric just given (when the unit
    fits it); an amount of another kind names nothing."""
    text = "2022年，福建网上零售额8000亿元，同比增长9%；江西为3000亿元，增长12%；湖南2500亿元。"
    got = [(f.region, f.metric, f.value, f.growth_pct) for f in extract_figures(text, PUB)]
    assert got == [
        ("福建", "网上零售额", 8000.0, 9.0),
        ("江西", "网上零售额", 3000.0, 12.0),
        ("湖南", "网上零售额", 2500.0, None),
    ]
    other = extract_figures("2022年，福建快递业务量30亿件；江西80亿元。", PUB)
    assert [(f.region, f.metric) for f in other] == [("福建", "快递业务量")]


def test_a_quotation_resumed_after_its_speaker_refers_back() -> None:
    """`“前三季度，全省…。”某局长说，“其中，…”`: the attribution ends a sentence; the resumed quotation's 其中 is a
    part of the period and place just quoted."""
    text = "“前三季度，全省网上零售额达到4200亿元，同比增长11%。”省商务厅厅长孙某在发布会上表示，“其中，农产品网络零售额达到600亿元。”"
    figs = extract_figures(text, date(2023, 10, 25))
    part = next(f for f in figs if f.value == 600.0)
    assert (part.metric, part.region, part.period_start, part.period_end) == (
        "农产品网络零售额",
        "全省",
        date(2023, 1, 1),
        date(2023, 9, 30),
    )


def test_a_place_named_as_a_part_keeps_its_own_growth_and_name() -> None:
    """`全国…增长11%，其中某省…N亿元`: the country's (or a macro-region's) growth is not the province's, and the
    macro-region's name is no part of the province's metric."""
    text = "2022年，全国网上零售额增长4%，其中四川网上零售额8000亿元。"
    got = [(f.region, f.metric, f.value, f.growth_pct) for f in extract_figures(text, PUB)]
    assert ("四川", "网上零售额", 8000.0, None) in got
    macro = "2022年，西部地区网上零售额增长9%，其中四川网上零售额8000亿元。"
    got = [(f.region, f.metric, f.value, f.growth_pct) for f in extract_figures(macro, PUB)]
    assert ("四川", "网上零售额", 8000.0, None) in got


def test_a_ranked_subject_then_its_level() -> None:
    """`某地…量居全国第一，达N亿件` / `…最多，达N`: the level is the ranked subject's; a place word is never a metric;
    a ranked share (`…占…的比重最高，达52%`) stays unlabelled."""
    for text in (
        "2022年，浙江网上零售额居全国第二，达2.7万亿元。",
        "2022年，全省13个设区市中，浙江网上零售额最高，达2.7万亿元。",
        "2022年，浙江网上零售额连续多年位居全国前列，为2.7万亿元。",
    ):
        got = [(f.region, f.metric, f.value) for f in extract_figures(text, PUB)]
        assert got == [("浙江", "网上零售额", 2.7)], text
    assert extract_figures("华东地区商家占网络销售额的比重最高，达45.2%。", PUB) == []


def test_the_next_place_of_a_ranking_takes_the_metric() -> None:
    text = "2022年，浙江网上零售额居全国第二，达2.7万亿元；其次是江苏，为1.3万亿元。"
    got = [(f.region, f.metric, f.value) for f in extract_figures(text, PUB)]
    assert got == [("浙江", "网上零售额", 2.7), ("江苏", "网上零售额", 1.3)]


def test_a_figure_referred_to_is_not_named_by_the_reference() -> None:
    """`这一数字较2021年的…增长了…`: `这一数字` names no indicator; nothing is stored under it."""
    assert not [f for f in extract_figures("这一数字较2021年的980亿件增长了12.3%。", PUB) if f.metric.startswith("这")]


def test_a_meeting_this_time_is_no_next_year() -> None:
    from bot.services.figures.periods import find_periods

    assert [p.label for p in find_periods("本次年会上，2000家企业参会。", PUB, 2020)] == []


def test_a_list_of_amounts_shares_the_unit_written_on_its_last_item() -> None:
    got = _got("前三季度，我省茶叶、丝绸及其制品、竹木制品分别出口12.5亿、8.4亿和3.1亿美元。", date(2021, 10, 20))
    q3 = (date(2021, 1, 1), date(2021, 9, 30))
    assert ("茶叶出口", 12.5, *q3) in got
    assert ("丝绸及其制品出口", 8.4, *q3) in got
    assert ("竹木制品出口", 3.1, *q3) in got
    units = {f.value: (f.unit, f.value_base) for f in extract_figures("前三季度，茶叶、竹木制品分别出口12.5亿、3.1亿美元。", date(2021, 10, 20))}
    assert units[12.5] == ("亿美元", 12.5e8)
    # a rate never lends its unit to an amount before it
    rate = extract_figures("前三季度，茶叶出口额达12.5亿和3%。", date(2021, 10, 20))
    assert all(f.unit != "亿%" for f in rate)


def test_listed_periods_before_a_list_date_each_level_and_rate_in_order() -> None:
    got = _got("今年上半年，全市社会消费品零售总额达到860亿元。其中，一季度、二季度分别达到410亿和450亿元。")
    assert ("社会消费品零售总额", 410.0, date(2021, 1, 1), date(2021, 3, 31)) in got
    assert ("社会消费品零售总额", 450.0, date(2021, 4, 1), date(2021, 6, 30)) in got
    rates = _got("今年7月、8月，快递业务收入同比分别增长9.5%和11%。")
    assert ("快递业务收入", 9.5, date(2021, 7, 1), date(2021, 7, 31)) in rates
    assert ("快递业务收入", 11.0, date(2021, 8, 1), date(2021, 8, 31)) in rates


def test_where_a_measure_stands_is_no_part_of_its_name() -> None:
    got = _got("今年上半年，全国跨境电商进出口规模在历史同期首次突破9000亿元。")
    assert [m for m, *_ in got] == ["跨境电商进出口规模"]


def test_a_place_under_the_whole_takes_its_measure_not_the_share_stated_after_it() -> None:
    text = "今年1—8月，江苏快递业务量完成62亿件，同比增长15%，占全国的8.2%。其中，苏州完成18亿件，同比增长12%。"
    got = _got(text)
    assert ("快递业务量", 18.0, date(2021, 1, 1), date(2021, 8, 31)) in got
    assert {f.region for f in extract_figures(text, PUB) if f.value == 18.0} == {"苏州"}


def test_hong_kong_and_taiwan_wording_of_the_mainland_and_of_growth() -> None:
    # 内地/大陆 (the mainland as Hong Kong and Taiwan papers name it) is the nation; 兆 before a currency is 万亿;
    # 成长 is 增长; 前三季 is 前三季度
    figs = extract_figures("去年，內地網上零售額約為9.8兆元人民幣，較前年成長8.6%。", date(2021, 3, 1))
    assert [(f.metric, f.region, f.value, f.unit, f.value_base, f.growth_pct) for f in figs] == [
        ("网上零售额", "全国", 9.8, "兆元", 9.8e12, 8.6)
    ]
    got = _got("大陸前三季快遞業務量為620億件，年減1.5%。", date(2021, 11, 1))
    assert ("快递业务量", 620.0, date(2021, 1, 1), date(2021, 9, 30)) in got
    # 兆 is mega before anything else: no figure of 300 trillion
    assert all(f.value_base != 3e14 for f in extract_figures("当地风电装机容量达到300兆瓦。", PUB))


def test_a_paragraph_opening_with_qizhong_goes_on_with_the_paragraph_before() -> None:
    # web pages print a wire story one sentence a paragraph: the part keeps the whole's place and name
    text = "今年前5个月，福建跨境电商进出口额达到310.4亿元，同比增长16%。\n其中，出口额为260.2亿元，同比增长19%；进口额为50.2亿元，同比增长3%。"
    figs = extract_figures(text, PUB)
    assert [(f.metric, f.region, f.value) for f in figs] == [
        ("跨境电商进出口额", "福建", 310.4),
        ("跨境电商出口额", "福建", 260.2),
        ("跨境电商进口额", "福建", 50.2),
    ]


def test_a_place_named_as_the_topic_of_a_sentence_is_its_region() -> None:
    text = "前5个月，厦门跨境电商进出口额为80.5亿元。泉州方面，跨境电商进出口额为42亿元，同比增长11%。"
    assert [(f.region, f.value) for f in extract_figures(text, PUB)] == [("厦门", 80.5), ("泉州", 42.0)]


def test_a_city_word_is_never_the_province_of_the_story() -> None:
    # a story about 江苏 quoting a city's office: its 我市 is that city, never 江苏
    text = "前5个月，江苏跨境电商进出口额达到600亿元。“今年以来，我市跨境电商进出口额达到180亿元，”苏州市商务局负责人说。"
    figs = extract_figures(text, PUB, title="江苏跨境电商保持增长")
    assert [(f.region, f.value) for f in figs] == [("江苏", 600.0), ("苏州", 180.0)]
    # no city named: the 我市 stays unnamed rather than become the province
    unnamed = extract_figures("前5个月，江苏跨境电商进出口额达到600亿元。今年以来，我市跨境电商进出口额达到180亿元。", PUB, title="江苏跨境电商保持增长")
    assert [(f.region, f.value) for f in unnamed] == [("江苏", 600.0), ("我市", 180.0)]


def test_a_bare_penetration_rate_after_a_count_of_internet_users_is_their_internet_penetration() -> None:
    got = _got("截至2020年12月，我国网民规模达9.89亿，普及率为70.4%。")
    assert ("互联网普及率", 70.4, None, date(2020, 12, 31)) in got
    rural = _got("截至2020年12月，农村网民规模达3.09亿，普及率为55.9%。")
    assert ("农村互联网普及率", 55.9, None, date(2020, 12, 31)) in rural


def test_a_wire_storys_third_person_scope_is_the_place_its_title_names() -> None:
    # wire stories name the place once, then 该省/该市/当地: the metric keeps no scope word, the region is the place
    figs = extract_figures("记者从江西省商务厅获悉，今年前7个月，该省网络零售额达到980亿元，同比增长14%。", PUB, title="江西网络零售额较快增长")
    assert [(f.metric, f.region, f.value) for f in figs] == [("网络零售额", "江西", 980.0)]
    figs = extract_figures("据介绍，今年前7个月，当地跨境电商进出口额达到75亿元。", PUB, title="赣州跨境电商发展提速")
    assert [(f.metric, f.region) for f in figs] == [("跨境电商进出口额", "赣州")]
    # no place named: the scope stays unnamed, never national
    assert [f.region for f in extract_figures("该市跨境电商进出口额达到75亿元。", PUB)] == ["该市"]


def test_a_span_of_days_across_the_new_year() -> None:
    got = _got("元旦假期（12月30日至1月1日），全国共揽收快递包裹9.8亿件，同比增长12%。", date(2025, 1, 3))
    assert ("快递揽收量", 9.8, date(2024, 12, 30), date(2025, 1, 1)) in got
    dated = _got("2024年12月30日至1月1日，全国共揽收快递包裹9.8亿件。", date(2025, 1, 3))
    assert ("快递揽收量", 9.8, date(2024, 12, 30), date(2025, 1, 1)) in dated
