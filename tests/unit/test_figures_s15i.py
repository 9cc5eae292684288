"""Statistics tables and releases read as a user would ask for them (session 15i, stats_table / bulletin_toc): the
unit of a row name holding for the rows below, `本月止累计` columns, a table's reporting population, parts of a
retail total, a release issued by an unnamed local office, and `份` counts — on tables and sentences written for
these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.extract import figure_values
from bot.services.lookup import synonyms

_TABLE = """2019年5月消费品市场
| 指标 | 本月 | 比去年同月增长(%) | 1-本月 | 比去年同期增长(%) |
| 社会消费品零售总额(亿元) | 120.50 | 4.1 | 560.25 | 5.3 |
| # 住宿餐饮业 | 15.75 | 2.2 | 70.10 | -1.4 |
| 穿的商品 | 20.30 | -0.6 | 95.45 | 3.8 |"""


def _figs(text: str, title: str = "", home: str = "", outlet: str = "") -> list[tuple[str, str, float, str]]:
    return [
        (f.metric, f.region, f.value, f"{f.period_start}..{f.period_end}")
        for f in extract_figures(text, date(2019, 6, 20), title=title, home=home, outlet=outlet)
    ]


def test_a_unit_in_the_first_row_name_holds_for_the_rows_below() -> None:
    got = _figs(_TABLE)
    assert ("住宿餐饮业零售额", "全国", 15.75, "2019-05-01..2019-05-31") in got
    assert ("穿的商品零售额", "全国", 95.45, "2019-01-01..2019-05-31") in got
    assert not any(unit_row[2] in (2.2, -0.6) for unit_row in got)  # no growth stored as a level


def test_a_release_from_an_unnamed_local_office_is_its_sites_place() -> None:
    got = _figs(_TABLE, outlet="市统计局", home="杭州")
    assert ("社会消费品零售总额", "杭州", 120.5, "2019-05-01..2019-05-31") in got
    # the office's kind must fit the place: a 省 office on a city's site names no place
    assert all(r[1] == "全国" for r in _figs(_TABLE, outlet="省统计局", home="杭州"))
    assert all(r[1] == "全国" for r in _figs(_TABLE, outlet="国家统计局", home=""))


def test_a_release_line_in_the_body_names_the_local_office_too() -> None:
    rows = figure_values("2019-06-20　来源：省统计局\n" + _TABLE, date(2019, 6, 20), title="消费品市场", home="湖南")
    assert {r["region"] for r in rows} == {"湖南"}


def test_a_to_date_column_headed_this_month_cumulative_and_a_population_table() -> None:
    text = """| 指标名称 | 本月 | 本月±% | 本月止累计 | 累计±% |
| 消费品零售额(亿元) | 88.20 | 3.3 | 401.60 | 7.7 |
| 餐饮收入 | 9.10 | 5.0 | 40.20 | 9.9 |
| 商品零售 | 79.10 | 3.1 | 361.40 | 7.5 |"""
    got = _figs(text, title="社会消费品零售总额中限上企业（2019年5月）")
    assert ("限额以上单位消费品零售额", "全国", 401.6, "2019-01-01..2019-05-31") in got
    assert ("限额以上单位餐饮收入", "全国", 9.1, "2019-05-01..2019-05-31") in got
    assert ("限额以上单位商品零售", "全国", 361.4, "2019-01-01..2019-05-31") in got
    # without a population named, the rows keep their own names
    plain = _figs(text, title="社会消费品零售总额（2019年5月）")
    assert ("餐饮收入", "全国", 9.1, "2019-05-01..2019-05-31") in plain


def test_counts_in_copies_are_a_business_volume() -> None:
    got = {f.metric: (f.value, f.unit) for f in extract_figures("一季度，期刊业务累计完成1.8亿份，同比下降2.5%。", date(2019, 4, 20))}
    assert got.get("期刊业务量") == (1.8, "亿份")


def test_goods_retail_and_letter_mail_names_are_one_metric_each() -> None:
    assert "商品零售" in synonyms("商品零售额")
    assert "限额以上单位商品零售" in synonyms("限额以上商品零售额")
    assert "函件业务量" in synonyms("邮政函件业务量")


def test_a_change_on_the_day_before_is_not_a_growth() -> None:
    figs = extract_figures("据监测，3月2日全网快递揽收量为2.4亿件，比前一日上升4.6%。", date(2019, 3, 3))
    assert [f.value for f in figs if f.metric.endswith("快递揽收量")] == [2.4]
    assert all(f.growth_pct != 4.6 for f in figs)


def test_a_day_alone_before_a_figure_clause_is_that_days_period() -> None:
    figs = extract_figures("监测显示，9月3日，全行业邮快件揽收量约2.7亿件；投递量约2.5亿件。", date(2020, 9, 4))
    got = {f.metric: (f.value, str(f.period_start), str(f.period_end)) for f in figs}
    assert got.get("邮快件揽收量") == (2.7, "2020-09-03", "2020-09-03")  # 全行业: the scope, not the name
    assert "快递揽收量" in synonyms("邮快件揽收量")
    # a day dating an event, or followed by a clause with no figure, dates no figure
    figs = extract_figures("9月3日，市统计局发布数据，今年1-8月全市网络零售额120亿元。", date(2020, 9, 4))
    assert [(str(f.period_start), str(f.period_end)) for f in figs] == [("2020-01-01", "2020-08-31")]
    figs = extract_figures("9月3日，记者从商务部门获悉，全市网络零售额120亿元。", date(2020, 9, 4))
    assert all(f.period_start != date(2020, 9, 3) for f in figs)


def test_a_day_before_a_venue_dates_no_figure() -> None:
    figs = extract_figures("6月5日，在2021数字商务论坛上，主办方宣布新增12家示范企业。", date(2021, 6, 6))
    assert all(f.period_start is None for f in figs)
