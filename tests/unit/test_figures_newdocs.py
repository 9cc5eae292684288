"""Grammar found in the dev documents added in session 13 (tests/corpus/dev/*_s13d*, *_s13e*): each rule as a
reader would state it."""

from __future__ import annotations

from datetime import date

from bot.services.figures import article_region, extract_figures


def test_listed_years_date_their_levels_in_order() -> None:
    # (dev corpus, wire_s13d_b) a list of years before a 分别-list of as many levels: each level its own year
    figs = extract_figures(
        "其中，郑州市跨境电商交易额在2023年、2024年分别达到1261亿元、1458.8亿元。", date(2025, 2, 26)
    )
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [
        (1261.0, date(2023, 1, 1), date(2023, 12, 31)),
        (1458.8, date(2024, 1, 1), date(2024, 12, 31)),
    ]


def test_share_of_a_whole_is_never_the_whole() -> None:
    # `占全国5.38亿网民的39%`: 39% is a share, not 网民; 5.38亿 is the whole's own level
    figs = extract_figures("目前全国网络购物用户规模已达2.1亿，占全国5.38亿网民的39%。", date(2012, 9, 10))
    assert [(f.metric, f.value) for f in figs] == [
        ("网络购物用户规模", 2.1),
        ("网民", 5.38),
        ("网络购物用户规模占全国网民的比重", 39.0),
    ]
    # (newspaper_s13d_a) `在实物型网络零售额中分别占27%、17.4%`: each item's share, never the item's own figure
    # (the items' amounts are named after the whole the shares are of: session 14)
    figs = extract_figures(
        "食品、3C数码分别实现1119.2亿元、720.5亿元，在实物型网络零售额中分别占27%、17.4%。", date(2022, 1, 25)
    )
    assert [(f.metric, f.value) for f in figs] == [
        ("食品网络零售额", 1119.2),
        ("3C数码网络零售额", 720.5),
        ("食品占实物型网络零售额的比重", 27.0),
        ("3C数码占实物型网络零售额的比重", 17.4),
    ]


def test_district_title_gives_its_region() -> None:
    assert article_region("2015年3月龙岗区社会消费品零售总额") == "龙岗"
    assert article_region("全区网络零售额增长") == ""
    assert article_region("贫困县网络零售额") == ""


def test_ordinal_table_names_parts_after_their_whole() -> None:
    # (dev corpus, stats_longgang_s13e) no indentation: `一、` rows are wholes, `1、` rows and the rows after
    # `在总额中：` their parts; a unit column headed 计算单位
    body = (
        "项目名称 | 计算单位 | 3月 | 1-3月累计 | 累计比上年同期增长(%)\n"
        "一、社会消费品零售总额 | 万元 | 387581 | 1173850 | 2.0\n"
        "1、餐饮业 | 万元 | 14191 | 129123 | 14.7\n"
        "二、限额以上商业企业数 | 个 | - | 332 |\n"
        "1、批发零售企业 | 个 | - | 278 |\n"
        "三、限额以上批零企业商品销售总额 | 万元 | 300310 | 891502 | -1.0\n"
        "1、批发额 | 万元 | 213196 | 642172 | 12.1\n"
        "在总额中： | | | |\n"
        "汽车类 | 万元 | 40049 | 101409 | -47.1\n"
    )
    figs = extract_figures(body, date(2015, 4, 20), title="2015年3月龙岗区社会消费品零售总额")
    got = {(f.metric, f.value, f.unit, f.region) for f in figs if f.period_start == date(2015, 1, 1)}
    assert got == {
        ("社会消费品零售总额", 1173850.0, "万元", "龙岗"),
        ("餐饮业零售额", 129123.0, "万元", "龙岗"),
        ("限额以上商业企业数", 332.0, "个", "龙岗"),
        ("限额以上批发零售企业数", 278.0, "个", "龙岗"),
        ("限额以上批零企业商品销售总额", 891502.0, "万元", "龙岗"),
        ("限额以上批零企业批发额", 642172.0, "万元", "龙岗"),
        ("汽车类商品销售额", 101409.0, "万元", "龙岗"),
    }


def test_forecast_of_a_years_flow_is_that_year() -> None:
    # (dev corpus, numbered_digest_newretail_s13e) `到2030年将达到2万亿元`: a market's size over 2030; a stock
    # (`到2030年…网民规模…`) stays a date
    (f,) = extract_figures("到2030年我国即时零售规模将达到2万亿元。", date(2025, 12, 3))
    assert (f.period_start, f.period_end, f.is_forecast) == (date(2030, 1, 1), date(2030, 12, 31), True)
    (g,) = extract_figures("到2030年，我国网民规模将达到15亿人。", date(2025, 12, 3))
    assert (g.period_start, g.period_end) == (None, date(2030, 12, 31))


def test_level_after_a_doubling_is_the_doubled_quantity() -> None:
    # (dev corpus, wire_s13d_a) `…交易额翻两番，到2015年突破18万亿元`: the target of a plan, in a story of 2012
    (f,) = extract_figures("我国力争电子商务交易额翻两番，到2015年突破18万亿元。", date(2012, 5, 27))
    assert (f.metric, f.value, f.qualifier, f.is_forecast) == ("电子商务交易额", 18.0, "lower_bound", True)
    assert (f.period_start, f.period_end) == (date(2015, 1, 1), date(2015, 12, 31))


def test_breakdown_of_a_provincial_whole_is_provincial() -> None:
    # (dev corpus, numbered_digest_province_s13e) `从经营单位所在地看，…` in the next paragraph breaks the whole down
    text = (
        "前三季度，全省社会消费品零售总额12395.0亿元，同比增长8.4%。\n"
        "从经营单位所在地看，城镇消费品零售额9376.6亿元，同比增长8.0%；乡村消费品零售额3018.4亿元，同比增长9.5%。"
    )
    figs = extract_figures(text, date(2019, 10, 31), home="河北")
    assert [(f.metric, f.region) for f in figs] == [
        ("社会消费品零售总额", "河北"),
        ("城镇消费品零售额", "河北"),
        ("乡村消费品零售额", "河北"),
    ]


def test_part_of_a_provincial_whole_compared_with_the_nation_stays_provincial() -> None:
    # (newspaper_s13d_a) `增速比全国高…` compares with the nation; the part is still the province's
    text = "2021年，四川省网络交易额达40691.4亿元。其中，网络零售额突破7000亿元，增速比全国高4.5个百分点。"
    figs = extract_figures(text, date(2022, 1, 25))
    assert [(f.metric, f.region) for f in figs] == [("网络交易额", "四川"), ("网络零售额", "四川")]


def test_scope_of_an_activity_takes_the_activity() -> None:
    # (wire_s13c_a) `同城业务量` under 快递(服务企业)业务量, in the same sentence after 其中 or in the next after 分细项看
    text = "1-9月，全国快递业务量累计完成339.5亿件。其中，同城业务量累计完成79.7亿件；异地业务量累计完成259.8亿件。"
    figs = extract_figures(text, date(2018, 10, 20))
    assert [f.metric for f in figs] == ["快递业务量", "同城快递业务量", "异地快递业务量"]
    text = "1—9月，全国快递服务企业业务量累计完成347.4亿件。\n分细项看，同城业务量累计完成79.7亿件。"
    assert [f.metric for f in extract_figures(text, date(2018, 10, 20))][1] == "同城快递业务量"
