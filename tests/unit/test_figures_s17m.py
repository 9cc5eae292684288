"""Wrong answers (session 17m, near-miss figures): a rate compared with a base level two or more years older, a change
since the end of a plan period, a total over an undated run of years, and a plan's 力争 before the target — on
sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.model import is_growth_only


def _figs(text: str) -> list[tuple[str, float | None, date | None, date | None, float | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end, f.growth_pct)
            for f in extract_figures(text, date(2024, 8, 1))]


def test_a_multiple_over_an_older_base_level_is_the_change_over_the_span() -> None:
    figs = extract_figures("2022年，全省直播电商销售额960亿元，较2019年的410亿元增长1.3倍。", date(2023, 3, 1))
    levels = {(f.value, f.period_start): f.growth_pct for f in figs if not is_growth_only(f)}
    assert levels == {(960.0, date(2022, 1, 1)): None, (410.0, date(2019, 1, 1)): None}
    spans = [(f.period_start, f.period_end, f.growth_pct) for f in figs if is_growth_only(f)]
    assert spans == [(date(2019, 1, 1), date(2022, 12, 31), 130.0)]


def test_a_percent_rate_over_an_older_base_level_is_not_the_levels_growth() -> None:
    got = _figs("上半年，全市生鲜电商交易额85.2亿元，比2021年上半年的60.4亿元增长41.1%。")
    assert ("生鲜电商交易额", 85.2, date(2024, 1, 1), date(2024, 6, 30), None) in got
    assert all(g != 41.1 for *_, g in got)


def test_a_rate_over_last_years_base_level_is_still_the_yearly_growth() -> None:
    got = _figs("2023年，全省农村网商销售额620亿元，较2022年的540亿元增长14.8%。")
    assert ("农村网商销售额", 620.0, date(2023, 1, 1), date(2023, 12, 31), 14.8) in got


def test_a_change_since_the_end_of_a_plan_period_is_no_yearly_growth() -> None:
    got = _figs("2023年，全市快递业务收入45.3亿元，较“十三五”末增长52.6%。")
    assert got == [("快递业务收入", 45.3, date(2023, 1, 1), date(2023, 12, 31), None)]


def test_a_total_over_an_undated_run_of_years_is_not_stored() -> None:
    got = _figs("2023年，全县电商交易额达到64亿元，同比增长9%，近五年累计实现电商交易额251亿元。")
    assert got == [("电商交易额", 64.0, date(2023, 1, 1), date(2023, 12, 31), 9.0)]


def test_a_plans_liezheng_is_not_part_of_the_metric() -> None:
    figs = extract_figures("到2027年，全省跨境电商交易额力争突破3000亿元。", date(2024, 8, 1))
    assert [(f.metric, f.value, f.is_forecast) for f in figs] == [("跨境电商交易额", 3000.0, True)]


def test_an_unnamed_scope_beside_named_places_is_not_stored() -> None:
    from bot.services.figures.extract import figure_values

    body = ("上半年，南通快递业务量累计完成6.2亿件，同比增长18.0%，全省快递业务量为52.6亿件。"
            "南京、无锡分别完成7.1亿件、6.5亿件。")
    rows = figure_values(body, date(2024, 7, 20), title="上半年南通快递业务量增长18%")
    assert {(r["region"], r["value"]) for r in rows} == {("南通", 6.2), ("南京", 7.1), ("无锡", 6.5)}
    # with no place named at all, the scope stays the text's own word
    rows = figure_values("上半年，全省快递业务量为52.6亿件。", date(2024, 7, 20), title="快递业务量增长")
    assert [(r["region"], r["value"]) for r in rows] == [("全省", 52.6)]


def test_a_monthly_average_rate_is_no_growth_of_the_period() -> None:
    got = _figs("今年以来，全县农特产品网络零售额月均增长15%以上，全县快递业务量同比增长22.4%。")
    assert [(m, g) for m, _v, _a, _b, g in got] == [("快递业务量", 22.4)]


def test_exports_under_a_cross_border_turnover_are_its_exports() -> None:
    got = [(m, v) for m, v, *_ in _figs("2023年，全区跨境电商交易额达到93亿元，其中出口额81亿元。")]
    assert got == [("跨境电商交易额", 93.0), ("跨境电商出口额", 81.0)]
    got = [(m, v) for m, v, *_ in _figs("2023年，全区跨境电商交易额达到93亿元。其中，出口额81亿元，进口12亿元。")]
    assert got == [("跨境电商交易额", 93.0), ("跨境电商出口额", 81.0), ("跨境电商进口额", 12.0)]


def test_another_places_value_of_the_rate_just_given_is_a_growth() -> None:
    figs = extract_figures("1-9月，全省快递业务收入同比增长11.6%，全国为8.3%。", date(2024, 10, 20))
    assert [(f.region, f.growth_pct) for f in figs] == [("全省", 11.6), ("全国", 8.3)]
    assert all(is_growth_only(f) for f in figs)


def test_a_dated_same_period_base_is_no_figure_of_the_period_stated() -> None:
    got = _figs("前三季度，全市快递业务量3.6亿件，2023年同期为3.1亿件。")
    assert [(m, v) for m, v, *_ in got] == [("快递业务量", 3.6)]


def test_a_national_bodys_release_in_a_provincial_story_is_the_nations() -> None:
    body = ("前三季度，江西实现网络零售额1320亿元，同比增长9.1%。\n"
            "国家统计局数据显示，前三季度，实物商品网上零售额9.1万亿元，同比增长7.9%。\n"
            "商务部数据显示，前三季度，江西农村网络零售额410亿元。")
    figs = extract_figures(body, date(2024, 10, 25), title="江西网络零售额前三季度增长9.1%")
    assert [(f.region, f.value) for f in figs if not is_growth_only(f)] == [
        ("江西", 1320.0), ("全国", 9.1), ("江西", 410.0)]
