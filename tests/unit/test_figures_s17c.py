"""Newspaper feature prose found in the dev documents of session 17c (tests/corpus/dev/newspaper_s17c_*): each rule
on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine
from bot.services.lookup import synonyms


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def test_listed_subject_in_the_clause_before_its_rates() -> None:
    # `其中A和B增长迅猛，同比分别增长x、y`: the rates are A's and B's, never the whole's just stated
    figs = extract_figures(
        "前三季度，全市服务型网络零售额同比增长20.5%，其中在线旅游和在线文娱增势强劲，同比分别增长43.2%、37.9%。",
        date(2023, 10, 20),
    )
    assert [(f.metric, f.growth_pct) for f in figs] == [
        ("服务型网络零售额", 20.5),
        ("在线旅游网络零售额", 43.2),
        ("在线文娱网络零售额", 37.9),
    ]
    # a clause that states a figure of its own names no list
    figs = extract_figures(
        "前三季度，全市服务型网络零售额同比增长20.5%，其中在线旅游和在线文娱达到12亿元，同比分别增长43.2%、37.9%。",
        date(2023, 10, 20),
    )
    assert all(f.metric != "在线旅游和在线文娱增势强劲" for f in figs)


def test_period_only_line_over_a_headline_is_its_kicker() -> None:
    page = "\n".join(
        [
            "某市晚报",
            "2022年11月14日　星期一　第5版",
            "",
            "11月1日至11月11日“双11”期间",
            "全市快递量280万件",
            "",
            "　　本报讯　记者从市邮政管理局获悉，今年“双11”期间（11月1日至11月11日），全市快递业务量达280万件，"
            "同比增长12%。",
            "　　据介绍，今年快递企业新增分拣设备20台，处理能力明显提升。",
        ]
    )
    arts = parse_text(page).articles
    assert [a.title for a in arts] == ["全市快递量280万件"]


def test_year_before_a_quoted_double_eleven_names_the_event() -> None:
    # `今年双“11”期间（11月1日至11月11日）`: the dates in brackets are the figures' period, after a `；` too
    figs = extract_figures(
        "今年双“11”期间（11月1日至11月11日），全市快递业务量达280万件，同比增长12%；快递业务收入1.6亿元，同比增长9%。",
        date(2022, 11, 14),
    )
    assert [(f.metric, f.period_start, f.period_end) for f in figs] == [
        ("快递业务量", date(2022, 11, 1), date(2022, 11, 11)),
        ("快递业务收入", date(2022, 11, 1), date(2022, 11, 11)),
    ]


def test_parcel_counts_of_mail_and_parcels_and_their_reporting_firms() -> None:
    # `各寄递企业邮件、快件处理量`: the firms report it (no part of its name); `邮件、快件` is one object;
    # the bare `进港量` / `出港量` after it (after a `；` too) count the same parcels
    figs = extract_figures(
        "上半年，全县各寄递企业邮件、快件处理量达到820万件，其中进港量510万件，同比增长8%；出港量310万件，同比增长15%。",
        date(2021, 7, 10),
    )
    assert [f.metric for f in figs] == ["邮件快件处理量", "邮件快件进港量", "邮件快件出港量"]
    assert "快件处理量" in synonyms("邮件快件处理量")
    assert "快递进港量" in synonyms("邮件快件进港量") and "快递出港量" in synonyms("快件出港量")


def test_span_dated_once_dates_it_again_later_in_the_article() -> None:
    # the lead dates `“双11”期间` in brackets; a later paragraph naming the span again means the same days
    figs = extract_figures(
        "今年“双11”期间（11月1日至11月11日），全县快递业务量达95万件。\n"
        "“双11”期间，全县农产品寄递量达到21万件。",
        date(2022, 11, 14),
    )
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [
        (95.0, date(2022, 11, 1), date(2022, 11, 11)),
        (21.0, date(2022, 11, 1), date(2022, 11, 11)),
    ]


def test_places_listed_after_a_colon_each_have_the_measure_named_before() -> None:
    figs = extract_figures(
        "今年上半年，全市各县区快递业务量均超过300万件，具体为：东城区820.5万件、临河县412.3万件、青石县305.6万件。",
        date(2021, 7, 20),
    )
    assert [(f.region, f.metric, f.value) for f in figs] == [
        ("东城", "快递业务量", 820.5),
        ("临河", "快递业务量", 412.3),
        ("青石", "快递业务量", 305.6),
    ]


def test_clauses_without_a_subject_go_on_about_the_first_clause_subject() -> None:
    # `茶叶累计直播观看…，累计直播…场，直播销售额达…`: the later measures are the tea's; `累计` is no part of a name
    figs = extract_figures(
        "一季度，福建茶叶累计直播观看2.4亿人次，累计直播1.6万场，直播销售额达9.8亿元。", date(2024, 4, 20)
    )
    assert [(f.region, f.metric) for f in figs] == [
        ("福建", "茶叶直播观看人次"),
        ("福建", "茶叶直播场次"),
        ("福建", "茶叶直播销售额"),
    ]
    # a clause naming its own subject keeps it; a flow's parts keep their names
    figs = extract_figures("上半年，跨境电商进出口额1.1万亿元，出口额8000亿元。", date(2023, 7, 20))
    assert [f.metric for f in figs] == ["跨境电商进出口额", "跨境电商出口额"]


def test_one_day_count_is_of_the_day_its_sentence_names() -> None:
    # a peak day named before `单日…量`: that day's count, not the span of the sentence before
    figs = extract_figures(
        "6月1日至18日，全县快递业务量达到360万件。其中，揽收高峰出现在6月16日，单日揽收量达到41万件。",
        date(2024, 6, 20),
    )
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [
        (360.0, date(2024, 6, 1), date(2024, 6, 18)),
        (41.0, date(2024, 6, 16), date(2024, 6, 16)),
    ]


def test_commodity_categories_listed_with_commas_inside_one() -> None:
    # `烟酒类和家具、灯具、装饰品类分别实现零售额…`: a category ends at its 类; the commas inside one are no list
    figs = extract_figures(
        "一季度，烟酒类和家具、灯具、装饰品类分别实现零售额12.5、8.6亿元，分别增长7.1%和3.3%。", date(2019, 4, 20)
    )
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [
        ("烟酒类零售额", 12.5, 7.1),
        ("家具灯具装饰品类零售额", 8.6, 3.3),
    ]
    assert "烟酒类商品零售额" in synonyms("烟酒类零售额") and "烟酒类零售额" in synonyms("烟酒类商品零售额")


def test_paragraph_breaking_the_whole_down_takes_the_whole_period() -> None:
    # a paragraph opening `从…看，` that names no time of its own breaks down the whole stated before it
    figs = extract_figures(
        "1-9月，全市实现社会消费品零售总额812.4亿元，同比增长6.6%。\n"
        "从限额以上单位商品类别情况看，各类商品销售平稳。家电类实现零售额20.3亿元，增长9.2%。",
        date(2019, 10, 25),
        title="前三季度某市社会消费品零售总额增长6.6%",
    )
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [
        (812.4, date(2019, 1, 1), date(2019, 9, 30)),
        (20.3, date(2019, 1, 1), date(2019, 9, 30)),
    ]


def test_place_ranked_in_the_clause_before_and_rank_before_a_place() -> None:
    # `杭州遥遥领先，交易额…`: the place the clause before ranks; `排第二的宁波为…`: the rank is no part of a name;
    # a bare amount opening a later paragraph is of the one indicator the article measured with it
    figs = extract_figures(
        "去年，全省电子商务交易额达2.1万亿元，同比增长15%。\n"
        "分地市看，杭州遥遥领先，交易额9800.5亿元；排第二的宁波为3100.2亿元。",
        date(2019, 2, 1),
        title="浙江去年电子商务交易额达2.1万亿元",
    )
    assert [(f.region, f.metric, f.value) for f in figs] == [
        ("浙江", "电子商务交易额", 2.1),
        ("杭州", "电子商务交易额", 9800.5),
        ("宁波", "电子商务交易额", 3100.2),
    ]


def test_province_words_in_a_provincial_capital_paper() -> None:
    # `全省…` in 长沙晚报 (home 长沙), the story naming no place: the province 长沙 is the capital of
    figs = extract_figures("今年前三季度，全省网络零售额达1850.6亿元，同比增长12.3%。", date(2021, 10, 28), home="长沙")
    assert [(f.region, f.value) for f in figs] == [("湖南", 1850.6)]
    # `我市` there stays the city
    figs = extract_figures("今年前三季度，我市网络零售额达620.5亿元，同比增长10.1%。", date(2021, 10, 28), home="长沙")
    assert [(f.region, f.value) for f in figs] == [("长沙", 620.5)]


def test_bare_parcel_verb_after_its_whole_and_a_bound_starting_level() -> None:
    # `其中，5月20日揽收…件`: the parcels of the account just stated (快递揽收量), on the day named
    figs = extract_figures(
        "5月18日至20日，全省快递揽收量达1.2亿件，同比增长20%。其中，5月20日揽收4500万件，同比增长31%。",
        date(2023, 5, 22),
    )
    assert [(f.metric, f.period_start, f.period_end) for f in figs] == [
        ("快递揽收量", date(2023, 5, 18), date(2023, 5, 20)),
        ("快递揽收量", date(2023, 5, 20), date(2023, 5, 20)),
    ]
    # `从2015年的近0.8亿件，到…`: a starting level with a bound word is still that year's
    figs = extract_figures("最高日快件处理量从2015年的近0.8亿件增长到2020年的6.75亿件。", date(2021, 1, 5))
    assert [(f.value, f.period_start) for f in figs] == [(0.8, date(2015, 1, 1)), (6.75, date(2020, 1, 1))]
