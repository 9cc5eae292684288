"""Report prose about user populations (session 17e): a population with or without 规模, a count of people doing
something after `其中`, a 分别 list of usage rates whose items open the sentence before an appositive `作为…`, and
trade through the customs platform for cross-border e-commerce — on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.lookup import synonyms


def _figs(text: str) -> list[tuple[str, float | None]]:
    return [(f.metric, f.value) for f in extract_figures(text, date(2023, 3, 2))]


def test_a_population_is_one_indicator_with_or_without_its_scale_word() -> None:
    assert "在线音乐用户规模" in synonyms("在线音乐用户")
    assert "农村网民" in synonyms("农村网民规模")
    assert "网约车司机规模" not in synonyms("网约车司机")  # only a population of users or netizens
    assert not any(n.endswith("规模规模") for n in synonyms("在线音乐用户规模"))


def test_people_doing_something_after_qizhong_are_not_the_level_carried() -> None:
    got = _figs("截至2022年12月，在线健身用户达3.12亿，其中8000多人担任过教练。")
    assert ("在线健身用户", 3.12) in got
    assert all(v != 8000 for _, v in got)
    # a part of the carried indicator still takes its name
    got = _figs("2022年，全省快递业务量完成40.5亿件，其中12月份完成4.1亿件。")
    assert ("快递业务量", 4.1) in got


def test_usage_rates_listed_before_an_appositive_take_the_items_names() -> None:
    got = _figs("截至2022年12月，网络音乐、网络文学作为两类数字内容服务，用户使用率分别为64.1%、46.2%。")
    assert ("网络音乐用户使用率", 64.1) in got
    assert ("网络文学用户使用率", 46.2) in got


def test_trade_through_the_customs_platform_is_cross_border_ecommerce() -> None:
    got = _figs("2022年，通过海关跨境电子商务管理平台零售出口商品总额达1234.5亿元，增长9.9%。")
    assert ("跨境电商零售出口商品总额", 1234.5) in got


def test_a_numbered_sub_head_is_not_joined_to_its_paragraph() -> None:
    from bot.services.figures.wraps import repair_wraps

    text = "　　二、市场主体情况\n　　全年新增网店数量达12\n.5万家，同比增长8.8%。\n三、网店总数达到120万家，较上年末增\n加10万家。"
    assert repair_wraps(text).split("\n") == [
        "　　二、市场主体情况",
        "　　全年新增网店数量达12.5万家，同比增长8.8%。",
        "三、网店总数达到120万家，较上年末增加10万家。",
    ]


def test_a_years_statistical_bulletin_dates_figures_its_sentences_leave_undated() -> None:
    text = "全年全省快递业务量完成30.2亿件。\n人均快递使用量为41件，人均快递支出为512.6元。"
    got = {f.metric: (f.period_start, f.period_end) for f in extract_figures(
        text, date(2020, 4, 30), title="2019年某省邮政行业发展统计公报")}
    assert got["人均快递使用量"] == (date(2019, 1, 1), date(2019, 12, 31))
    assert got["人均快递支出"] == (date(2019, 1, 1), date(2019, 12, 31))
    # any other title leaves them undated
    got = {f.metric: (f.period_start, f.period_end) for f in extract_figures(
        text, date(2020, 4, 30), title="某省邮政快递业发展综述")}
    assert got["人均快递使用量"] == (None, None)


def test_a_penetration_rate_takes_the_reports_stock_date() -> None:
    text = "截至2022年12月，我国网民规模达10.5亿。\n2022年城乡上网差距继续缩小。我国城镇网民规模达7.6亿，城镇地区互联网普及率为83.1%，较2021年12月提升1.8个百分点。"
    got = {f.metric: (f.period_start, f.period_end) for f in extract_figures(text, date(2023, 3, 2))}
    assert got["城镇地区互联网普及率"] == (None, date(2022, 12, 31))


def test_bare_users_measure_takes_the_product_opening_the_sentence() -> None:
    got = _figs("截至2022年12月，数字藏品服务上线不到两年，用户规模已达2150万。")
    assert ("数字藏品用户规模", 2150.0) in got


def test_a_level_compared_with_an_earlier_period_end_is_a_stock_of_the_report_date() -> None:
    text = (
        "截至2022年12月，全省共有快递网点1.2万处。全年新开通农村快递线路150条。\n"
        "智能快件箱达到3.4万个，较2021年12月净增5600个；其中，进村智能快件箱8200个，比上年末增加2100个。"
    )
    got = {f.value: (f.period_start, f.period_end) for f in extract_figures(text, date(2023, 3, 2))}
    assert got[3.4] == (None, date(2022, 12, 31))
    assert got[8200] == (None, date(2022, 12, 31))
    # a sentence naming its own period keeps it
    got = {f.value: (f.period_start, f.period_end) for f in extract_figures(
        "截至2022年12月，网点1.2万处。2022年快递业务量30亿件，较2021年12月增长不大。", date(2023, 3, 2))}
    assert got[30] == (date(2022, 1, 1), date(2022, 12, 31))


def test_a_bare_industry_measure_is_the_one_industry_the_text_names() -> None:
    text = "2019年，行业业务收入突破300亿元。全年邮政行业业务收入完成312.4亿元，同比增长9.1%。"
    got = [(f.metric, f.value) for f in extract_figures(text, date(2020, 5, 1))]
    assert got == [("邮政行业业务收入", 312.4)]


def test_increments_listed_before_the_levels_name_nothing() -> None:
    got = _figs(
        "截至2022年12月，网络音乐、网络文学、网络游戏用户规模较2021年12月分别增长212万、146万和529万，"
        "分别达6.84亿、4.92亿和5.22亿。"
    )
    assert got == [("网络音乐用户规模", 6.84), ("网络文学用户规模", 4.92), ("网络游戏用户规模", 5.22)]


def test_a_respectively_run_of_another_unit_is_no_level_of_the_subject() -> None:
    got = _figs("2022年，全市快递业务量比上年增长0.6亿件、业务收入增长5亿元，分别达到8亿件和70亿元。")
    assert ("快递业务量", 70.0) not in got
    assert all(not m.endswith("比") for m, _ in got)


def test_a_line_ending_before_a_verb_and_its_number_goes_on_in_the_next() -> None:
    from bot.services.figures.wraps import repair_wraps

    assert repair_wraps("　　报告显示全市手机网民规模\n达815万，较上年增长。") == "　　报告显示全市手机网民规模达815万，较上年增长。"
    assert repair_wraps("　　全市网民规模达到了9.12\n百万人，普及率达80%。") == "　　全市网民规模达到了9.12百万人，普及率达80%。"
    # a sub-head still stands alone
    assert repair_wraps("网络消费稳步增长\n2022年全市网络零售额增长8%。").count("\n") == 1
    got = _figs("截至2022年12月，报告显示全市手机网民规模\n达815万，较上年增长。")
    assert ("手机网民规模", 815.0) in got
