"""Session 18b: city and county pages — the region a local scope or a county-level city stands for, summing adverbs
in a name, existence verbs before a count, and counts restricted by a lower bound (sentences written for these
tests)."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.wraps import repair_wraps
from bot.services.lookup import synonyms


def _rows(text: str, title: str = "", home: str = "") -> list[tuple[str, str, float | None]]:
    return [(f.metric, f.region, f.value) for f in extract_figures(text, date(2021, 11, 8), title=title, home=home)]


def test_summing_adverbs_are_no_part_of_the_name() -> None:
    assert _rows("前三季度，全市12家重点商超共实现销售额3.4亿元，同比增长5.2%。", home="芜湖")[0][:2] == (
        "重点商超销售额",
        "芜湖",
    )
    assert _rows("前三季度，重庆对“一带一路”沿线国家合计进出口310.5亿元，增长9%。")[0][:2] == (
        "对一带一路沿线国家进出口",
        "重庆",
    )


def test_a_count_of_surveyed_units_after_the_scope_keeps_the_scope() -> None:
    rows = _rows("今年1-9月，全省35家重点监测零售企业实现销售额88.6亿元。", title="消费市场稳中有升", home="江西日报")
    assert ("重点监测零售企业销售额", "全省", 88.6) in rows or rows[0][1] != "全国"


def test_county_level_city_named_bare_in_the_title() -> None:
    text = "日前，省商务厅公布电商示范村名单。\n今年1-9月，青田市实现网络零售额21.4亿元，同比增长9.1%，高于丽水全市平均增速2个百分点。"
    rows = _rows(text, title="青田12个村入选省级电商示范村")
    assert rows[0] == ("网络零售额", "青田", 21.4)


def test_title_place_wins_over_an_authority_in_the_lead() -> None:
    text = "日前，浙江省商务厅公布名单，青田12个村入选。\n今年1-9月，青田市实现网络零售额21.4亿元。我市活跃网店达3200多家。"
    rows = _rows(text, title="青田12个村入选省级电商示范村")
    assert {r[1] for r in rows if r[0] == "网络零售额"} == {"青田"}
    assert all(r[1] == "青田" for r in rows if r[0].endswith("活跃网店"))


def test_whole_city_is_the_one_city_the_paragraph_named_before() -> None:
    rows = _rows("近年来，河北衡水加快发展农村电商，全市建成电商服务站300个。今年1-9月，全市实现网络零售额96亿元。")
    assert ("网络零售额", "衡水", 96.0) in rows


def test_a_national_designation_does_not_make_the_sentence_national() -> None:
    rows = _rows("全市已有3个县被列为国家电子商务进农村综合示范县，今年1-9月全市网络零售额达58亿元。", home="衡水")
    assert ("网络零售额", "衡水", 58.0) in rows


def test_existence_verb_before_a_count_names_the_thing_counted() -> None:
    rows = _rows("截至2021年6月，全国涌现了7023个淘宝村。")
    assert rows[0][:2] == ("淘宝村", "全国")


def test_a_count_restricted_by_a_lower_bound_is_not_the_whole_count() -> None:
    assert not [r for r in _rows("今年全年销售额超过1000万元的淘宝村达156个。") if r[0] == "淘宝村"]
    assert not [r for r in _rows("全国已有821个年交易额过亿元的淘宝村。") if r[0] == "淘宝村"]



def test_a_count_built_up_over_undated_recent_years_is_no_figure() -> None:
    rows = _rows("近年来，衡水大力发展农村电商，全市已建成电商服务站420个、淘宝村35个，位居全省前列。")
    assert not [r for r in rows if r[0] in ("淘宝村", "电商服务站")]
    # a dated level after it is kept
    assert _rows("近年来，衡水电商发展较快，今年1-9月全市网络零售额58亿元。")[0][0] == "网络零售额"


def test_a_trade_flow_is_one_metric_with_or_without_its_worth_word() -> None:
    assert {"平板电脑出口", "平板电脑出口额"} <= set(synonyms("平板电脑出口值"))
    assert "对东盟进出口" in synonyms("对东盟进出口总额")
    assert "进口额" not in synonyms("进口")  # (too short a stem to spell)


def test_days_counted_from_the_day_a_holiday_reached() -> None:
    text = (
        "5月3日，“五一”假期进入第3天，全市消费市场平稳。前3天，全市20家重点商场共实现销售额2.6亿元，同比增长8%。\n"
        "全市9家重点餐饮企业3天共实现营业额1500万元，增长12%。其中，3日当天营业额达600万元。"
    )
    got = {(f.metric, f.value): (f.period_start, f.period_end) for f in extract_figures(text, date(2023, 5, 4))}
    assert got[("重点商场销售额", 2.6)] == (date(2023, 5, 1), date(2023, 5, 3))
    assert got[("重点餐饮企业营业额", 1500.0)] == (date(2023, 5, 1), date(2023, 5, 3))
    assert [v for (m, v), p in got.items() if v == 600.0] and got[next(k for k in got if k[1] == 600.0)] == (
        date(2023, 5, 3),
        date(2023, 5, 3),
    )


def test_a_count_of_monitored_units_is_no_figure() -> None:
    rows = _rows("前三季度，商务部门重点监测的12个商场实现销售额1.8亿元，增长6%。")
    assert all(r[2] != 12.0 for r in rows)
    assert ("重点监测商场销售额", "全国", 1.8) in rows  # the monitored units' amount


def test_the_other_word_for_a_trade_amount_takes_the_subject_just_named() -> None:
    text = "前三季度，全市重点监测的6个家具市场共实现交易额8.8亿元，增长5%。其中，9月成交额达1.2亿元。"
    rows = _rows(text)
    assert ("重点监测家具市场交易额", "全市", 8.8) in rows
    assert ("重点监测家具市场成交额", "全市", 1.2) in rows


def test_a_comma_for_a_list_mark_after_an_amount_with_only_its_multiplier() -> None:
    text = "前三季度，江北区水果、肉类、乳品分别进口18.4亿、9.6亿，3.3亿元，分别增长1.5倍、20.2%、8.4%。"
    rows = [(f.metric, f.value, f.unit) for f in extract_figures(text, date(2021, 10, 25))]
    assert [r[1:] for r in rows] == [(18.4, "亿元"), (9.6, "亿元"), (3.3, "亿元")]
    assert [r[0][-4:] for r in rows] == ["水果进口", "肉类进口", "乳品进口"]


def test_a_subtitle_is_not_joined_to_the_lead_under_it() -> None:
    text = "出口、进口双双实现两位数增长\n本报讯　日前，市海关发布消息，前三季度全市外贸进出口总值120.5亿元。"
    assert repair_wraps(text) == text
    dashed = "——省商务厅通报前三季度电商运行情况，网络零售额增长\n全省网络零售额完成820亿元。"
    assert repair_wraps(dashed) == dashed


def test_a_place_alone_is_no_metric() -> None:
    rows = _rows("在这21个示范村中，东溪镇有12个，西坪乡5个。今年1-9月，全省淘宝镇达到96个。")
    assert all(not r[0].endswith(("镇", "乡")) or r[0] == "淘宝镇" for r in rows)
    assert ("淘宝镇", "全省", 96.0) in rows or any(r[0] == "淘宝镇" for r in rows)


def test_a_bound_in_a_sentence_stating_what_qualifies_is_no_figure() -> None:
    text = "参评的村须列入2020年名录，全村网络销售额在2000万元以上且网店数量超过80家。今年1-9月，全县网络零售额达9.6亿元。"
    rows = _rows(text)
    assert [r[2] for r in rows] == [9.6]


def test_a_count_that_entered_a_designation_is_named_by_it() -> None:
    text = "日前，省商务厅公布2021年名单，青田12个村入选省级电子商务示范村。今年1-9月，青田市网络零售额21.4亿元。"
    rows = _rows(text, title="青田12个村入选省级电商示范村")
    assert ("省级电子商务示范村", "青田", 12.0) in rows
