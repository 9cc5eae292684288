"""Precision rules from round 5 of the audit of fresh pages (tests/corpus/AUDIT.md): each on an invented sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str) -> list[tuple[str, str, float, str, float | None]]:
    return [(f.metric, f.region, f.value, f.unit, f.growth_pct) for f in extract_figures(text, date(2024, 10, 8))]


def test_nian_zeng_is_a_year_on_year_change_and_no_part_of_the_name() -> None:
    # Taiwan usage: 年增/年减 = 同比增长/下降
    rows = _rows("假期首日，浙江百货店客流量年增6.1%，营业额年减1.8%。")
    assert [(r[0], r[4]) for r in rows] == [("百货店客流量", 6.1), ("营业额", -1.8)]
    assert [r[0] for r in _rows("假期前两天，杭州重点商圈客流量、销售额分别年增长7.3%、5.2%。")] == [
        "重点商圈客流量",
        "重点商圈销售额",
    ]
    # 全年/上半年/每年… stay periods, 年增量 stays a name
    assert [r[0] for r in _rows("家电零售额全年增长5%。")] == ["家电零售额"]
    assert [r[0] for r in _rows("充电桩年增量达到20万个。")] == ["充电桩年增量"]


def test_comparable_basis_is_no_part_of_the_name() -> None:
    assert [r[0] for r in _rows("节日期间，全省重点商超销售额按可比口径同比增长3.9%。")] == ["重点商超销售额"]


def test_bare_flows_after_a_share_of_the_total_are_the_totals_parts() -> None:
    rows = _rows("1至8月，数字服务进出口1500.7亿元，占服务进出口总额的比重达43.2%。其中，出口900.4亿元，进口600.3亿元。")
    assert [r[0] for r in rows] == ["数字服务进出口", "数字服务进出口占服务进出口总额的比重", "数字服务出口额", "数字服务进口额"]


def test_leftovers_of_a_cut_name_are_no_indicator() -> None:
    assert _rows("今年前三季度，该市外贸主要有以下3个特点。") == []
    assert _rows("春节假期，浙江省500多家A级景区共接待游客超1800万人次。")[0][0] != "春节假期浙江省"
    assert [r[0] for r in _rows("中心城区12个重点商圈销售总额同比增长4.5%。")] == ["重点商圈销售总额"]
    assert _rows("在商务部公布的90个重点项目中，数字项目有40个。")[0][0] != "重点项目中"


def test_a_partner_named_without_the_trade_is_no_indicator() -> None:
    rows = _rows("前三季度，该市对东盟进出口500亿元，增长12%；其中对老挝增长80%，对缅甸增长15%。")
    assert [r[0] for r in rows] == ["对东盟进出口"]
    rows = _rows("前三季度，该市对老挝、缅甸分别出口20亿元、15亿元，两国合计出口占对东盟出口的10%。")
    assert [r[0] for r in rows] == ["对老挝出口", "对缅甸出口"]


def test_a_place_opening_its_holiday_or_its_total_is_the_sentences_region() -> None:
    assert _rows("杭州春节期间共接待游客900.5万人次，同比增长6.2%。")[0][:3] == ("接待游客", "杭州", 900.5)
    assert _rows("国庆假期前三天，苏州市共接待游客350万人次。")[0][:3] == ("接待游客", "苏州", 350.0)
    rows = _rows("前三季度，四川同180余个国家和地区保持贸易往来，进出口7200亿元。")
    assert rows[0][:2] == ("进出口", "四川")


def test_a_rate_after_a_share_is_its_subjects_growth_and_the_share_names_the_place() -> None:
    rows = _rows("今年前三季度，我国进出口30万亿元。外资企业进出口2万亿元，占广东进出口总值的40%，增速达到8.5%。")
    assert rows[1:] == [
        ("外资企业进出口", "广东", 2.0, "万亿元", 8.5),
        ("外资企业进出口占广东进出口总值", "广东", 40.0, "%", None),
    ]


def test_a_citys_market_is_the_city_and_the_market() -> None:
    assert _rows("国庆期间，南京市场销售额超过60亿元。")[0][:2] == ("市场销售额", "南京")


def test_a_rate_naming_no_place_takes_the_place_its_sentence_gave_before() -> None:
    rows = _rows("成都推出的8条夜游线路，带动夜间餐饮和演出消费金额分别同比增长12.5%和20.1%。")
    assert [(r[1], r[4]) for r in rows][1:] == [("成都", 12.5), ("成都", 20.1)]


def test_trade_total_after_a_partner_clause_is_the_trade_with_that_partner() -> None:
    rows = _rows("前三季度，该市对欧盟进出口快速增长，贸易总值320亿元，增长15%。")
    assert rows[0][0] == "对欧盟贸易总值"


def test_a_service_named_after_a_foreign_region_is_no_place() -> None:
    rows = _rows("前三季度，该市企业通过中亚班列进出口12亿元，通过东盟公路班车进出口3亿元。")
    assert all(r[1] not in ("东盟", "中亚") for r in rows)


def test_trade_through_a_channel_named_without_it_is_not_the_places() -> None:
    rows = _rows("前三季度，共有12个省份的企业经中亚班列通达欧洲，实现进出口88.5亿元，其中本市企业进出口30.2亿元。")
    assert rows == []
    assert [r[0] for r in _rows("前三季度，全市通过铁海联运班列进出口9.2亿元。")] == ["铁海联运班列进出口"]


def test_goods_named_alone_after_goods_measured_by_sales_are_measured_alike() -> None:
    rows = _rows("假期前三天，有机蔬菜销售额同比增长18.2%，智能手表增长9%；空气净化器增长12.4%。")
    assert [r[0] for r in rows] == ["有机蔬菜销售额", "智能手表销售额", "空气净化器销售额"]


def test_a_list_cut_at_a_comma_is_not_one_name() -> None:
    # the comma after `6.2亿` stands for 、 (s18b: a list of amounts written with only their multiplier): three
    # amounts for three items, the last of them `干果及药材` — never one name `茶叶、蜂蜜…`, and 及药材 not shared
    rows = _rows("同期，茶叶、蜂蜜、干果及药材分别出口9.8亿、6.2亿，3.9亿元。")
    assert [(r[0], r[2]) for r in rows] == [("茶叶出口", 9.8), ("蜂蜜出口", 6.2), ("干果及药材出口", 3.9)]


def test_a_bound_several_rates_share_is_no_figure() -> None:
    assert _rows("限上商品中，珠宝、家具类商品零售额下降均超过15%。") == []


def test_a_change_of_a_share_named_without_subject_is_the_share_of_what_was_just_measured() -> None:
    rows = _rows("前三季度，全市锂电池出口120.5亿元，增长30.2%，占同期出口总值的比重提升3.1个百分点。")
    assert rows[1][:4] == ("锂电池出口占同期出口总值的比重", "全市", 3.1, "个百分点")
    assert _rows("前三季度，占同期出口总值的比重提升3.1个百分点。") == []


def test_nian_zeng_da_and_a_measure_shared_by_a_list_of_a_places_measures() -> None:
    assert _rows("火锅团购销售额年增达61%。")[0][0] == "火锅团购销售额"
    rows = _rows("假期前三天，重点监测的商场客流量、营业额分别同比增长6.2%、3.5%。")
    assert [r[0] for r in rows] == ["重点监测的商场客流量", "重点监测的商场营业额"]


def test_a_place_named_right_before_a_count_is_the_figures_place() -> None:
    rows = [
        (f.metric, f.region)
        for f in extract_figures(
            "据省文旅厅统计，国庆假期安徽省300多家A级景区共接待游客超1500万人次。",
            date(2024, 10, 8),
            title="黄山风景区国庆假期游客超30万人次",
        )
    ]
    assert rows == [("A级景区共接待游客", "安徽")]
    # the last of a list of places counted is no one place
    rows = _rows("排名居前的广东、浙江、江苏3个省份占全国比重为60.1%。")
    assert all(r[1] != "江苏" for r in rows)


def test_a_sentence_naming_no_place_is_about_the_place_its_paragraph_opened_with() -> None:
    text = (
        "春节假期，各地文旅市场表现强劲。\n上海春节期间共接待游客1777.8万人次，同比增长6.1%。\n"
        "江西省春节期间文旅市场同样活跃。江西全省接待游客3000.5万人次，同比增长6.1%。"
        "游客人均花费同比增长2.5%，达到了720元。4A级景区接待游客1000万人次。"
    )
    assert [r[1] for r in _rows(text)] == ["上海", "江西", "江西", "江西"]
    # a paper's or agency's name opening the paragraph is no place of it
    rows = _rows("北京商报讯 国家邮政局数据显示，假期全国揽收快递包裹4.5亿件；投递快递包裹约4.1亿件。")
    assert all(r[1] == "全国" for r in rows)


def test_a_list_just_published_does_not_refer_back_to_the_period_before() -> None:
    text = (
        "1—9月，全国服务进出口总额5万亿元。\n"
        "在商务部最新公布的80个服务外包重点项目中，包含数字服务项目的有30个，占比达到37.5%。"
    )
    assert [f.period_label for f in extract_figures(text, date(2024, 10, 8))][1:] == ["", ""]


def test_whose_footfall_or_takings_stays_in_the_name() -> None:
    rows = _rows("国庆期间，苏州市40个重点商圈的客流量达到了1200万人次。")
    assert rows[0][:2] == ("重点商圈客流量", "苏州")


def test_changes_against_an_older_year_framed_by_the_sentence_are_no_growth() -> None:
    # (after the held-out pages were audited: not held-out classes any more)
    assert _rows("与2019年同期相比，全省服务进出口增长42.3%，其中出口增长50.2%。") == []
    assert [r[4] for r in _rows("2024年，与2023年相比，全省服务进出口增长11.1%。")] == [11.1]


def test_a_total_without_one_of_its_parts_is_no_figure_of_the_total() -> None:
    assert _rows("剔除运输服务，1-10月全省服务进出口增长12.9%，其中出口增长10.4%。") == []


def test_qian_3_jidu_in_digits_is_the_first_three_quarters() -> None:
    figs = extract_figures("今年前3季度，全省进出口总值达到1.2万亿元。", date(2024, 10, 20))
    assert [(f.period_start, f.period_end) for f in figs] == [(date(2024, 1, 1), date(2024, 9, 30))]


def test_trade_with_a_named_group_of_partner_countries_keeps_its_partner() -> None:
    rows = _rows("前三季度，我国与“一带一路”沿线国家进出口总值达到5.2万亿元。其中，出口2.9万亿元。")
    assert [r[:2] for r in rows] == [("与一带一路沿线国家进出口总值", "全国"), ("与一带一路沿线国家出口额", "全国")]


def test_one_unnamed_venues_figure_is_no_statistic_of_the_place() -> None:
    assert _rows("假期里，杭州一家开在商场里的科技馆人气很旺，客流量比平日增长40%。") == []
    assert _rows("在这家主打国货的商场内，国货门店占比高达80%。") == []


def test_the_other_side_and_the_balance_of_a_service_trade_are_named_with_it() -> None:
    rows = _rows("1-9月全省服务出口800亿元，增长9.5%；进口900.2亿元，增长6.1%；逆差100.2亿元。")
    assert [r[0] for r in rows] == ["服务出口", "服务进口", "服务贸易逆差"]


def test_a_name_cut_at_with_and_a_fields_rate_without_its_measure_are_not_stored() -> None:
    assert _rows("目前，该署已与相关45个国家签署合作文件。") == []
    rows = _rows("数字服务出口500亿元，增长8.1%，出口增长较快的领域是云服务，增速达35.2%。")
    assert [(r[0], r[4]) for r in rows] == [("数字服务出口", 8.1)]


def test_a_bare_scale_after_an_amount_is_that_amounts() -> None:
    rows = _rows("2023年全省数字贸易进出口320.5亿美元；2024年上半年规模为1200亿元。")
    assert [r[0] for r in rows] == ["数字贸易进出口", "数字贸易进出口"]
