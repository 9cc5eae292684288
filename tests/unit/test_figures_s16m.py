"""Rates of listed applications, a group's internet penetration, express scopes named without 快递, and sibling
scopes (session 16m, mixed sources), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.lookup import synonyms


def _named(text: str) -> dict[str, float]:
    return {f.metric: f.value for f in extract_figures(text, date(2024, 3, 1))}


def test_a_list_sharing_a_usage_rate_gives_each_item_its_rate() -> None:
    got = _named("截至2023年12月，在网民中，网络支付、网络购物、网约车用户使用率分别为87.3%、83.8%和48.4%。")
    assert got.get("网络支付用户使用率") == 87.3
    assert got.get("网络购物用户使用率") == 83.8
    assert got.get("网约车用户使用率") == 48.4
    assert "网络支付率" not in got


def test_a_bare_user_scale_after_a_rate_list_takes_the_listed_items() -> None:
    text = (
        "截至2023年12月，在网民中，即时通信、网上外卖、网约车用户使用率分别为97%、50%和48%，"
        "用户规模分别达10.6亿、5.4亿和5.2亿。"
    )
    got = _named(text)
    assert got.get("即时通信用户规模") == 10.6
    assert got.get("网上外卖用户规模") == 5.4
    assert got.get("网约车用户规模") == 5.2
    assert "用户规模" not in got  # a scale stored under no application would answer any 用户规模 query


def test_a_penetration_rate_after_a_groups_population_is_the_groups() -> None:
    got = _named("截至2023年12月，我国城镇网民规模达7.66亿，互联网普及率达83.3%。")
    assert got.get("城镇网民规模") == 7.66
    assert "互联网普及率" not in got  # the country's rate is another figure
    assert got.get("城镇互联网普及率") == 83.3  # (the group, as `_group_rates` names it: 城镇互联网普及率)


def test_the_national_penetration_rate_stays_national() -> None:
    got = _named("截至2023年12月，我国网民规模达10.92亿，互联网普及率达77.5%。")
    assert got.get("互联网普及率") == 77.5
    got = _named("截至2023年12月，我国手机网民规模达10.91亿，互联网普及率达77.5%。")
    assert got.get("互联网普及率") == 77.5


def test_sibling_express_scopes_are_not_parts_of_each_other() -> None:
    text = (
        "1-5月份，全国快递服务企业业务量累计完成258.8亿件，同比增长11%。其中5月份，全国快递服务企业业务量完成55.2亿件，"
        "同比增长9%。\n1-5月份，同城业务量累计完成40.1亿件，同比增长3%；异地业务量累计完成210.5亿件，同比增长12%；"
        "国际/港澳台业务量累计完成8.2亿件，同比增长20%。"
    )
    names = [f.metric for f in extract_figures(text, date(2024, 6, 15))][2:]
    assert names == ["同城快递业务量", "异地快递业务量", "国际/港澳台快递业务量"]


def test_express_scopes_named_without_the_activity_are_express_volumes() -> None:
    assert "同城业务量" in synonyms("同城快递业务量")
    assert "异地业务量" in synonyms("异地快递业务量")
    assert "国际/港澳台业务量" in synonyms("国际/港澳台快递业务量")


def test_the_whole_industry_is_the_industry_just_named() -> None:
    text = (
        "1-5月份，邮政行业业务收入累计完成5800亿元，同比增长9%；业务总量累计完成7100亿元，同比增长15%。"
        "5月份，全行业业务收入完成1230亿元，同比增长8%；业务总量完成1500亿元，同比增长14%。"
    )
    names = [f.metric for f in extract_figures(text, date(2024, 6, 15))]
    assert names == ["邮政行业业务收入", "邮政行业业务总量", "邮政行业业务收入", "邮政行业业务总量"]
    # with no industry named before, the words stay as written
    assert [f.metric for f in extract_figures("5月份，全行业业务收入完成1230亿元。", date(2024, 6, 15))] == ["全行业业务收入"]


def test_a_countys_figures_in_a_provincial_story_are_the_countys() -> None:
    text = "今年以来，蓝山县大力发展农村电商。截至目前，全县已建成村级电商服务站85个；1至6月电商销售额达4.2亿元。"
    figs = extract_figures(text, date(2019, 7, 20), title="广东上半年网络零售额增长15%")
    assert {f.region for f in figs} == {"蓝山"}
    # a county named by no place word stays a county scope, never the province of the title
    figs = extract_figures("全县1至6月电商销售额达4.2亿元。", date(2019, 7, 20), title="广东上半年网络零售额增长15%")
    assert {f.region for f in figs} == {"全县"}
    # a kind of county is no place
    figs = extract_figures("今年以来，示范县农村电商加快发展。全县1至6月电商销售额达4.2亿元。", date(2019, 7, 20))
    assert {f.region for f in figs} == {"全县"}


def test_the_unnamed_industry_of_a_later_paragraph_is_the_one_the_article_named() -> None:
    text = (
        "预计全年邮政业业务收入完成1.5万亿元，同比增长9%；快递业务量完成1300亿件。\n"
        "预计明年全行业业务收入完成1.6万亿元，同比增长8%左右；行业业务总量完成1.9万亿元，同比增长10%左右。"
    )
    names = [f.metric for f in extract_figures(text, date(2024, 1, 8))]
    assert names == ["邮政业业务收入", "快递业务量", "邮政业业务收入", "邮政业业务总量"]
    # `快递业务…` names no industry (快递业 is not followed by 业务 there)
    names = [f.metric for f in extract_figures("快递业务量完成1300亿件。\n全行业业务收入完成1.6万亿元。", date(2024, 1, 8))]
    assert names == ["快递业务量", "全行业业务收入"]
