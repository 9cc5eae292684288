"""Session 18 (e): holidays whose dates vary by year (五一, 端午, 中秋), tenths written 成, age ranges in population
names, counts of a policy's items, and the subject of a turnaround (止跌回升) carried to the rate after it."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.periods import find_periods, holiday_span

Row = tuple[str, float | None, date | None, date | None, float | None]


def _rows(text: str, published: date = date(2024, 7, 10)) -> list[Row]:
    return [(f.metric, f.value, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, published)]


# ------------------------------------------------------------------------------------------ holidays


def test_may_day_is_that_years_statutory_span() -> None:
    rows = _rows("今年“五一”假期，全市网络零售额达到36.5亿元，同比增长9.2%。", date(2023, 5, 8))
    assert rows == [("网络零售额", 36.5, date(2023, 4, 29), date(2023, 5, 3), 9.2)]
    rows = _rows("2021年五一期间，全省快递揽收量为1.35亿件。", date(2022, 3, 1))
    assert rows == [("快递揽收量", 1.35, date(2021, 5, 1), date(2021, 5, 5), None)]


def test_the_holiday_name_is_no_part_of_the_metric() -> None:
    rows = _rows("今年五一假期全县快递揽收量为213万件。", date(2024, 5, 7))
    assert rows == [("快递揽收量", 213.0, date(2024, 5, 1), date(2024, 5, 5), None)]


def test_lunar_holidays_take_their_year_from_the_calendar_table() -> None:
    rows = _rows("2019年端午节期间，全市实物商品网上零售额同比增长14.6%。")
    assert rows == [("实物商品网上零售额", 14.6, date(2019, 6, 7), date(2019, 6, 9), 14.6)]
    # no year written: the holiday of the story's year, or the last one before the story when it is still to come
    rows = _rows("中秋假期，全区快递投递量达到420万件。", date(2024, 9, 20))
    assert rows == [("快递投递量", 420.0, date(2024, 9, 15), date(2024, 9, 17), None)]
    rows = _rows("中秋假期，全区快递投递量达到420万件。", date(2023, 8, 1))
    assert rows == [("快递投递量", 420.0, date(2022, 9, 10), date(2022, 9, 12), None)]
    # a 中秋 inside that year's 国庆 holiday (2023: 9月29日至10月6日) is no span of its own: not dated
    rows = _rows("中秋假期，全区快递投递量达到420万件。", date(2023, 10, 9))
    assert [(r[2], r[3]) for r in rows] == [(None, None)]
    # the festival day itself
    rows = _rows("端午节当天，全市快递揽收量达到61万件。", date(2022, 6, 10))
    assert rows == [("快递揽收量", 61.0, date(2022, 6, 3), date(2022, 6, 3), None)]


def test_merged_mid_autumn_and_national_day_holiday() -> None:
    rows = _rows("今年中秋国庆假期，全省重点商贸企业销售额达到88.4亿元。", date(2023, 10, 9))
    assert rows == [("重点商贸企业销售额", 88.4, date(2023, 9, 29), date(2023, 10, 6), None)]
    assert holiday_span("中秋国庆", 2024) is None  # not one holiday that year: not invented


def test_a_holiday_of_a_year_no_table_holds_stays_undated() -> None:
    rows = _rows("2035年五一假期，全市快递揽收量为9.6亿件。", date(2035, 5, 8))
    assert [(r[2], r[3]) for r in rows] == [(None, None)]
    assert holiday_span("端午", 2031) is None and holiday_span("端午当天", 2031) is None
    # no year written and no publication date: nothing to take the year from
    figs = extract_figures("五一假期，全市快递揽收量为1.2亿件。", None)
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [(1.2, None, None)]


def test_days_the_text_gives_win_and_a_holiday_compared_with_is_a_base() -> None:
    rows = _rows("今年端午节放假期间（6月2日-4日），全市快递揽收量约1.2亿件。", date(2022, 6, 6))
    assert [(r[2], r[3]) for r in rows] == [(date(2022, 6, 2), date(2022, 6, 4))]
    periods = find_periods("日均业务量比五一放假期间增长45%", date(2022, 6, 6))
    assert [p.comparison for p in periods if p.kind == "holiday"] == [True]


def test_the_first_days_of_a_holiday() -> None:
    text = "今年端午假期，全市网络零售额达到5.6亿元。假期前两天，全市快递揽收量同比增长21%。"
    rows = _rows(text, date(2023, 6, 26))
    assert rows == [
        ("网络零售额", 5.6, date(2023, 6, 22), date(2023, 6, 24), None),
        ("快递揽收量", 21.0, date(2023, 6, 22), date(2023, 6, 23), 21.0),
    ]


# ------------------------------------------------------------------------------------------ tenths (成)


def test_growth_in_tenths_is_a_percentage_with_its_bound_kept() -> None:
    assert _rows("一季度，全县农产品网络零售额同比增长近三成。") == [
        ("农产品网络零售额", 30.0, date(2024, 1, 1), date(2024, 3, 31), 30.0)
    ]
    assert _rows("上半年，全市跨境电商进口额同比增长一成八。")[0][4] == 18.0
    rows = _rows("上半年，全市快递业务量完成3.2亿件，同比增长二成五。")
    assert rows == [("快递业务量", 3.2, date(2024, 1, 1), date(2024, 6, 30), 25.0)]


def test_one_rate_said_of_both_levels() -> None:
    rows = _rows("一季度，全县农村地区揽收快递包裹820万件，投递快递包裹1460万件，同比增长均超两成。")
    assert rows == [
        ("农村地区快递揽收量", 820.0, date(2024, 1, 1), date(2024, 3, 31), 20.0),
        ("农村地区快递投递量", 1460.0, date(2024, 1, 1), date(2024, 3, 31), 20.0),
    ]


def test_tenths_are_read_only_as_rates_of_change() -> None:
    assert not _rows("一季度，全市七成商品类值同比增长，消费规模已恢复至去年同期七成。")
    assert not _rows("一季度，全市建成两成网点，完成三成任务。")
    # a share in 成 (of surveyed people, of a part) is not read: never the level of the amount
    assert not _rows("一季度，全市跨境电商进出口额占外贸的比重超六成，25岁以下用户占比近四成。")


# ------------------------------------------------------------------------------------------ age ranges


def test_an_age_range_stays_in_the_population_name() -> None:
    rows = _rows("截至2023年12月，我国60岁及以上网民规模达1.2亿。")
    assert [(r[0], r[1]) for r in rows] == [("60岁及以上网民规模", 1.2)]
    rows = _rows("截至2022年6月，全省50岁以上网民持续增加，达1120万人。")
    assert [(r[0], r[1], r[3]) for r in rows] == [("50岁以上网民", 1120.0, date(2022, 6, 30))]


# ------------------------------------------------------------------------------------------ policy items


def test_counts_of_a_policys_items_are_no_figures() -> None:
    assert not _rows("2024年，全省部署12项任务，提出5项措施，出台3个文件。")
    assert not _rows("《方案》从直播电商、县域物流等方面明确了18项重点任务。")
    rows = _rows("2023年，全市智能手机销量达到12.5万部。")
    assert [(r[1]) for r in rows] == [12.5]


# ------------------------------------------------------------------------------------------ turnarounds


def test_the_subject_of_a_turnaround_takes_the_rate_after_it() -> None:
    assert _rows("3月份，全市社零额止跌回升，同比增长2.1%。") == [
        ("社零额", 2.1, date(2024, 3, 1), date(2024, 3, 31), 2.1)
    ]
    rows = _rows("二季度，全省限额以上单位消费品零售额由降转升，同比增长1.7%。")
    assert [(r[0], r[4]) for r in rows] == [("限额以上单位消费品零售额", 1.7)]
    rows = _rows("5月份，全市网上零售额增长8%，餐饮收入由负转正，同比增长0.6%。")
    assert [(r[0], r[4]) for r in rows] == [("网上零售额", 8.0), ("餐饮收入", 0.6)]


def test_holiday_spellings_and_a_year_written_apart() -> None:
    rows = _rows("2023年“五一”国际劳动节期间，全市快递揽收量为1.2亿件。", date(2024, 2, 1))
    assert [(r[2], r[3]) for r in rows] == [(date(2023, 4, 29), date(2023, 5, 3))]
    rows = _rows("2023年中秋、国庆双节期间，全市快递揽收量为3.4亿件。", date(2024, 2, 1))
    assert [(r[2], r[3]) for r in rows] == [(date(2023, 9, 29), date(2023, 10, 6))]
    # a holiday compared with is no period of the figure
    rows = _rows("今年五一假期，全市快递揽收量为1.3亿件，比去年五一假期增长12%。", date(2022, 5, 6))
    assert rows == [("快递揽收量", 1.3, date(2022, 4, 30), date(2022, 5, 4), 12.0)]


def test_an_age_range_with_a_dash_is_one_name() -> None:
    rows = _rows("截至2023年12月，我国20—29岁网民规模达1.7亿，30-39岁网民规模达2.1亿。")
    assert [(r[0], r[1]) for r in rows] == [("20—29岁网民规模", 1.7), ("30-39岁网民规模", 2.1)]


def test_a_rate_of_the_place_named_after_qizhong_is_that_places() -> None:
    rows = _rows("一季度，江苏快递业务量达到3.4亿件，比去年同期增长27%，其中南京增长12%。")
    assert [(r[0], r[1], r[4]) for r in rows] == [("快递业务量", 3.4, 27.0), ("快递业务量", 12.0, 12.0)]
    assert [f.region for f in extract_figures("一季度，江苏快递业务量达到3.4亿件，其中南京增长12%。", date(2024, 7, 1))] == [
        "江苏",
        "南京",
    ]
    # the whole's rate was over another base (the 五一 days' daily average): the part's is too — none
    rows = _rows("端午节期间，长三角地区快递业务量达到3.4亿件，比五一放假期间日均业务量增长27%，其中上海增长近4倍。")
    assert [(r[0], r[1], r[4]) for r in rows] == [("快递业务量", 3.4, None)]


def test_may_day_golden_weeks_before_2008() -> None:
    rows = _rows("2006年五一黄金周期间，全市重点商贸企业销售额达到12.4亿元。", date(2006, 5, 9))
    assert [(r[2], r[3]) for r in rows] == [(date(2006, 5, 1), date(2006, 5, 7))]
