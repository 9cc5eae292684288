"""Precision rules from round 4 of the audit of fresh pages (tests/corpus/AUDIT.md): each on an invented sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.numbers import iter_numbers


def _rows(text: str) -> list[tuple[str, str, float, str, float | None]]:
    return [(f.metric, f.region, f.value, f.unit, f.growth_pct) for f in extract_figures(text, date(2021, 10, 20))]


def test_trillion_written_with_zhao_and_a_remainder_in_yi_is_one_number() -> None:
    nums = iter_numbers("前三季度，出口总值6兆4300亿人民币，按年增长3.1%。")
    assert [(n.value, n.unit, n.value_base) for n in nums][0] == (6.43, "万亿元", 6.43e12)
    assert _rows("前三季度，该地区出口总值6兆4300亿人民币，按年增长3.1%。")[0][2:4] == (6.43, "万亿元")
    # 兆 before a power unit stays mega, and is no part of a number
    assert [n.value for n in iter_numbers("新建光伏电站装机300兆瓦")] == [300.0]


def test_change_on_the_first_quarter_is_not_the_growth() -> None:
    rows = _rows("上半年全省家电零售额480亿元，比上年同期增长6.2%，较首季回落0.4%。")
    assert rows == [("家电零售额", "全省", 480.0, "亿元", 6.2)]
    rows = _rows("上半年全省家电零售额480亿元，同比增长6.2%，较一季度加快0.9%。")
    assert rows == [("家电零售额", "全省", 480.0, "亿元", 6.2)]


def test_difference_of_two_rates_named_by_the_comparison_is_not_stored() -> None:
    rows = _rows("1至9月，茶叶类、酒类零售额分别增长8.1%、6.4%，分别较上年同期加快1.5和0.3%。")
    assert [r[0] for r in rows] == ["茶叶类零售额", "酒类零售额"]
    assert _rows("限额以下餐饮企业收入增长9.5%，高出限额以上4.4%。") == [("限额以下餐饮企业收入", "全国", 9.5, "%", 9.5)]


def test_name_cut_at_a_preposition_or_referring_back_is_not_stored() -> None:
    assert _rows("据统计局对3000家商户的调查，多数商户看好下半年。") == []
    assert _rows("10月，这是继单日发货量120万件之后的新高。") == []


def test_turkey_is_not_cut_at_its_last_character() -> None:
    rows = _rows("前三季度，我国对土耳其、智利进出口分别增长12.1%、9.8%。")
    assert [(r[0], r[4]) for r in rows] == [("对土耳其进出口", 12.1), ("对智利进出口", 9.8)]


def test_two_changes_of_one_period_carried_to_one_metric_are_not_stored() -> None:
    rows = _rows("9月份，城镇和乡村家具零售额同比分别增长2.2%和3.1%，而8月份为下降0.6%和0.9%。")
    assert [(r[0], r[4]) for r in rows] == [("城镇家具零售额", 2.2), ("乡村家具零售额", 3.1)]


def test_share_after_a_clause_stating_another_subject_is_not_stored() -> None:
    rows = _rows("前三季度，全省对日本、韩国进出口分别为120亿元、95亿元，其中，日本为全省第二大贸易伙伴，占全省外贸总值的8.6%。")
    assert [r[0] for r in rows] == ["对日本进出口", "对韩国进出口"]


def test_bare_foreign_exchange_earnings_are_the_export_just_measured_or_none() -> None:
    rows = _rows("1-8月，全省茶叶出口3.2万吨，创汇1.5亿美元，同比分别增长6.1%和8.4%。")
    assert [(r[0], r[2], r[4]) for r in rows] == [("茶叶出口", 3.2, 6.1), ("茶叶出口创汇", 1.5, 8.4)]
    rows = _rows("1-8月，全省出口商品中，纺织服装仍居首位，创汇额6.6亿美元，同比增长5.5%。")
    assert rows == []


def test_sources_counted_and_the_kind_of_a_rate_are_no_metric() -> None:
    assert _rows("路透此前综合逾30家机构的预测显示，10月出口有望呈现12%的两位数增长。") == []


def test_bare_amounts_after_priced_in_dollars_are_dollars() -> None:
    # `以美元计价，…`: a bare 亿/万亿 amount after it is in US dollars; an amount writing its currency keeps it
    figs = extract_figures(
        "今年前5个月，某省外贸进出口总值6820亿元，同比增长4.1%。以美元计价，进出口958亿，增长1.2%；"
        "其中出口612亿美元，增长2.6%。",
        date(2024, 6, 18),
    )
    units = {(f.value, f.unit) for f in figs if f.value in (6820.0, 958.0, 612.0)}
    assert units == {(6820.0, "亿元"), (958.0, "亿美元"), (612.0, "亿美元")}


def test_trade_with_a_partner_is_the_traders_figure_named_with_its_partner() -> None:
    # `我国与东盟贸易总值…；与欧盟…`: the partner is no region of the figure (欧盟's own trade is another indicator)
    figs = extract_figures(
        "前5个月，我国与东盟贸易总值2.6万亿元，增长6.4%；与欧盟贸易总值2.2万亿元，下降0.8%。"
        "同期，某省同日本、韩国双边贸易额410亿元，增长3.5%。",
        date(2024, 6, 18),
    )
    got = {(f.metric, f.region, f.value) for f in figs if f.value in (2.6, 2.2)}
    assert got == {("与东盟贸易总值", "全国", 2.6), ("与欧盟贸易总值", "全国", 2.2)}
    assert not [f for f in figs if f.region in ("东盟", "欧盟", "日本", "韩国", "日本、韩国")]


def test_a_clause_opened_by_sheng_is_a_growth() -> None:
    # `…，升5.2%` (Hong Kong usage): a rise, as `…，跌1.8%` is a fall — never a level of 5.2%
    figs = extract_figures("首5个月，某地整体出口货值2.1万亿港元，升6.3%；进口货值2.2万亿港元，跌0.7%。", date(2024, 6, 26))
    assert {(f.value, f.growth_pct) for f in figs} == {(2.1, 6.3), (2.2, -0.7)}


def test_small_form_punctuation_ends_clauses() -> None:
    # `﹔` / `﹐` (small form variants) are the semicolon and comma they stand for: no mark is part of a name
    figs = extract_figures("前三季度﹐浙江省网络零售额2100亿元﹐增长7.6%﹔农村网络零售额530亿元﹐增长10.4%。", date(2024, 10, 20))
    assert {(f.metric, f.value, f.growth_pct) for f in figs} == {("网络零售额", 2100.0, 7.6), ("农村网络零售额", 530.0, 10.4)}


def test_a_bound_on_several_rates_is_no_figure() -> None:
    # `…增幅均高于30%`: the rates are above a bound; neither a level of 30% nor anyone's rate
    figs = extract_figures("今年以来，生鲜电商、社区团购、二手电商增幅均高于25%。", date(2024, 6, 20))
    assert figs == []


def test_a_rise_from_the_same_period_a_year_before_dates_both_ends() -> None:
    # `由去年同期的A增至B，同比增长…`: A is the same period a year before, B the period's own level with the growth
    figs = extract_figures("上半年，浙江省网络零售额由去年同期的1.21万亿元增至1.35万亿元，同比增长11.6%。", date(2024, 7, 25))
    got = {(f.metric, f.value, f.period_start, f.period_end, f.growth_pct) for f in figs}
    assert got == {
        ("网络零售额", 1.21, date(2023, 1, 1), date(2023, 6, 30), None),
        ("网络零售额", 1.35, date(2024, 1, 1), date(2024, 6, 30), 11.6),
    }


def test_an_amount_counted_in_things_is_not_stored() -> None:
    # `…交易额达1.2亿件`: an amount of money given in 件 is a misread; the money amount beside it stays
    figs = extract_figures("双11当天，某市快递交易额达1.2亿件；电商交易额86.5亿元，增长12.3%。", date(2024, 11, 12))
    assert [(f.metric, f.value, f.unit) for f in figs] == [("电商交易额", 86.5, "亿元")]
