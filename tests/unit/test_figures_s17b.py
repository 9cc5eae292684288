"""Provincial trade and parcel stories (session 17b, wire layout): a bare trade total, the worth of goods counted,
targets, examples before a class, online retail named by the trade, 我省 under a capital's paper or a headline's
one-character province, and changes on an earlier part of the year — on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.lookup import synonyms

PUB = date(2021, 11, 20)


def _all(text: str, **kw: str) -> list[tuple[str, str, float | None, str, date | None, date | None, float | None]]:
    return [
        (f.metric, f.region, f.value, f.unit, f.period_start, f.period_end, f.growth_pct)
        for f in extract_figures(text, PUB, **kw)
    ]


def test_a_bare_trade_total_is_the_total_the_story_measured() -> None:
    text = (
        "今年前三季度，江西省货物贸易进出口总值4200.5亿元，同比增长12.3%。\n"
        "第三季度江西省进出口1500.2亿元，同比增长8.1%，其中出口1000.1亿元，同比增长9.4%。"
    )
    got = _all(text)
    q3 = (date(2021, 7, 1), date(2021, 9, 30))
    assert ("货物贸易进出口总值", "江西", 1500.2, "亿元", *q3, 8.1) in got
    assert ("货物贸易出口额", "江西", 1000.1, "亿元", *q3, 9.4) in got
    assert not any(m == "进出口" for m, *_ in got)


def test_the_worth_of_goods_counted_is_that_flows_amount() -> None:
    got = _all("前10个月，湖南省家具出口820.6万件，货值96.3亿元；同期，钢材进口15.2万吨，金额8.8亿元。")
    assert ("家具出口", 96.3, "亿元") in [(m, v, u) for m, _r, v, u, *_ in got]
    assert ("钢材进口", 8.8, "亿元") in [(m, v, u) for m, _r, v, u, *_ in got]
    assert not any(m in ("货值", "金额") for m, *_ in got)


def test_a_target_is_named_without_its_modal_verbs() -> None:
    got = _all("到2027年，该省要力争实现跨境电商进出口额800亿元，争取农村网络零售额达到1500亿元。", title="湖南电商规划")
    names = {m for m, *_ in got}
    assert "跨境电商进出口额" in names and "农村网络零售额" in names
    assert not any(m.startswith(("要", "争取", "力争")) for m in names)


def test_a_cause_clause_does_not_name_the_growth() -> None:
    got = _all("前三季度，广西对东盟进出口300.5亿元，同比增长15.2%，主要原因是三季度电子产品出口东盟同比增长60.3%。")
    names = {m for m, *_ in got}
    assert "电子产品出口东盟" in names
    assert not any("原因" in m for m in names)


def test_one_example_before_a_class_is_not_its_name() -> None:
    got = _all("上半年，浙江省口罩等防护类用品出口6.1亿元，同比增长35.5%。")
    assert "防护类用品出口" in {m for m, *_ in got}


def test_online_retail_named_by_the_trade_alone_is_its_retail_sales() -> None:
    got = _all("2020年，安徽实现农村网络零售1200.4亿元，同比增长18.8%。")
    assert ("农村网络零售额", "安徽", 1200.4) in [(m, r, v) for m, r, v, *_ in got]


def test_my_province_in_a_capitals_paper_is_that_province() -> None:
    got = _all("今年1至10月，我省快递业务量累计完成5.2亿件，同比增长20.1%。", home="南昌")
    assert ("快递业务量", "江西", 5.2) in [(m, r, v) for m, r, v, *_ in got]


def test_my_province_under_a_headlines_one_character_province() -> None:
    got = _all("今年前10个月，我省快递业务量累计达8.6亿件，同比增长31.2%。", title="豫前10月快递业务量增三成")
    assert ("快递业务量", "河南", 8.6) in [(m, r, v) for m, r, v, *_ in got]
    # a character that only begins a word (晋级) names no province
    got = _all("今年前10个月，我省快递业务量累计达8.6亿件，同比增长31.2%。", title="快递企业晋级百强")
    assert ("快递业务量", "河南", 8.6) not in [(m, r, v) for m, r, v, *_ in got]


def test_a_change_on_an_earlier_part_of_the_year_is_no_growth() -> None:
    got = _all("前三季度，湖北省货物贸易进出口总值900.2亿元，同比增长5.5%。环比来看，三季度进出口比二季度增长4%。")
    growths = [g for *_, g in got]
    assert 5.5 in growths and 4.0 not in growths


def test_trade_and_parcel_names_readers_ask_for() -> None:
    assert "外贸进出口总值" in synonyms("货物贸易进出口总值") and "进出口总值" in synonyms("外贸进出口")
    assert "外贸出口额" in synonyms("货物贸易出口额") and "货物贸易进口额" in synonyms("外贸进口")
    assert "快递业务量" in synonyms("快件量") and "快递业务量" in synonyms("规模以上快递服务企业业务量")
    assert "快递业务收入" in synonyms("规模以上快递服务企业业务收入")


def test_parts_of_a_bare_trade_total_and_its_month() -> None:
    text = (
        "据南昌海关统计，今年前三季度，江西省进出口总值4210.3亿元，比去年同期增长6.6%。其中，出口2980.1亿元，"
        "增长7.2%；进口1230.2亿元，增长5.1%。9月当月，全省进出口520.4亿元，增长3.3%。"
    )
    got = [(m, v) for m, _r, v, *_ in _all(text)]
    assert ("出口总值", 2980.1) in got and ("进口总值", 1230.2) in got
    assert ("进出口总值", 520.4) in got
    assert "外贸出口额" in synonyms("出口总值")


def test_the_whole_province_in_a_story_about_its_capital() -> None:
    text = "今年前三季度，长沙市快递业务量达9.2亿件，同比增长11.3%；全省快递业务量累计完成16.4亿件，同比增长13.2%。"
    got = [(m, r, v) for m, r, v, *_ in _all(text, title="长沙前三季度快递业务量增长11.3%")]
    assert ("快递业务量", "长沙", 9.2) in got
    assert ("快递业务量", "湖南", 16.4) in got


def test_growth_without_an_effect_just_named_is_not_the_growth() -> None:
    text = "一季度，湖北省进出口1500.3亿元，增长20.5%，主要因去年同期基数偏低。剔除这一因素，进出口增长3.1%，其中出口增长4.2%。"
    growths = [g for *_, g in _all(text)]
    assert 20.5 in growths and 3.1 not in growths and 4.2 not in growths


def test_a_capitals_customs_district_reports_its_province() -> None:
    text = "据南昌海关统计，今年前8个月，我省进出口总值3620.4亿元，同比增长5.2%。\n出口商品中，机电产品出口1210.5亿元，增长9.9%。"
    got = [(m, r, v) for m, r, v, *_ in _all(text, title="前8月外贸进出口增长5.2%")]
    assert ("机电产品出口", "江西", 1210.5) in got
    # a city's own story keeps its 全市
    text = "据南昌海关统计，今年前8个月，全市进出口总值820.4亿元，同比增长7.2%。"
    got = [(m, r, v) for m, r, v, *_ in _all(text, title="前8月外贸进出口增长7.2%")]
    assert ("进出口总值", "南昌", 820.4) in got


def test_the_goods_of_the_trade_just_stated_keep_its_period() -> None:
    text = "今年前10个月，湖南省进出口总值116亿美元，同比下降3.5%。\n出口商品中，机电产品出口22.9亿美元，增长1倍。"
    got = [(m, s, e) for m, _r, _v, _u, s, e, _g in _all(text)]
    assert ("机电产品出口", date(2021, 1, 1), date(2021, 10, 31)) in got


def test_a_sentence_without_figures_that_refers_back_carries_to_the_next() -> None:
    text = (
        "今年前10个月，湖南省进出口总值116亿美元，同比下降3.5%。\n"
        "出口商品中，机电产品和农产品出口增长较快。机电产品出口22.9亿美元，增长1倍。"
    )
    got = [(m, s, e) for m, _r, _v, _u, s, e, _g in _all(text)]
    assert ("机电产品出口", date(2021, 1, 1), date(2021, 10, 31)) in got
