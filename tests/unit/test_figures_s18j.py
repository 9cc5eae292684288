"""Session 18 (j): holiday payment reposts — a bare 金额 after a count of trades, a bare amount never named by an
indicator written after it, a rate written `涨幅均超`, the bare `“双节”` of an autumn story, and a portal's date
line closed by its font-size toggle."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import evidence as ev

Row = tuple[str, float | None, str, date | None, date | None, float | None]


def _rows(text: str, published: date = date(2022, 10, 12)) -> list[Row]:
    return [
        (f.metric, f.value, f.unit, f.period_start, f.period_end, f.growth_pct) for f in extract_figures(text, published)
    ]


def test_a_count_of_trades_then_their_amount() -> None:
    rows = _rows("10月1日至7日，某支付平台共处理网络支付交易52.6亿笔、金额3.18万亿元。")
    assert rows == [
        ("某支付平台网络支付交易笔数", 52.6, "亿笔", date(2022, 10, 1), date(2022, 10, 7), None),
        ("某支付平台网络支付交易金额", 3.18, "万亿元", date(2022, 10, 1), date(2022, 10, 7), None),
    ]


def test_a_bare_amount_is_not_named_by_an_indicator_after_it() -> None:
    rows = _rows("10月1日至7日，某支付平台共处理网络支付交易52.6亿笔、金额3.18万亿元，日均交易金额比去年同期增长12%。")
    assert [r[0] for r in rows if r[1] == 3.18] == ["某支付平台网络支付交易金额"]
    assert not any(r[0] == "日均交易金额" and r[1] == 3.18 for r in rows)


def test_the_amount_after_a_days_count_is_no_average_named_before() -> None:
    text = "某平台日均交易金额比去年同期增长12%。交易最多的是10月2日，当天处理交易7.4亿笔，金额超过3120.5亿元。"
    rows = _rows(text)
    assert [r[0] for r in rows if r[1] == 3120.5] == ["交易金额"]


def test_a_rise_written_zhangfu_jun_chao_is_a_growth() -> None:
    rows = _rows("前三季度，全市快递业务量同比增速为11.2%，快递业务收入同比涨幅均超9%。")
    assert ("快递业务收入", 9.0) in [(r[0], r[5]) for r in rows]
    assert not any("涨幅" in r[0] for r in rows)


def test_a_bare_shuangjie_of_an_autumn_story_is_the_mid_autumn_national_day_span() -> None:
    rows = _rows("今年“双节”期间，全市商品零售额同比增长6.4%。", date(2023, 10, 9))
    assert rows == [("商品零售额", 6.4, "%", date(2023, 9, 29), date(2023, 10, 6), 6.4)]
    rows = _rows("国庆中秋“双节”期间，全市商品零售额同比增长6.4%。", date(2023, 10, 9))
    assert rows == [("商品零售额", 6.4, "%", date(2023, 9, 29), date(2023, 10, 6), 6.4)]


def test_a_bare_shuangjie_of_a_winter_story_is_not_dated() -> None:
    rows = _rows("“双节”期间，全市商品零售额同比增长6.4%。", date(2024, 2, 20))
    assert [(r[3], r[4]) for r in rows] == [(None, None)]
    rows = _rows("今年“双节”期间，全市商品零售额同比增长6.4%。", date(2024, 10, 9))  # 2024: two holidays, no one span
    assert [(r[3], r[4]) for r in rows] != [(date(2024, 1, 1), date(2024, 12, 31))]


def test_a_date_line_closed_by_a_font_size_toggle() -> None:
    assert ev.is_meta("某某晚报 2022-10-12 08:47 大字")
    assert ev.name_date("某某晚报 2022-10-12 08:47 大字") == "某某晚报"
    assert not ev.is_meta("大字")


def test_two_platforms_joint_amount_of_trades_handled() -> None:
    rows = _rows("国庆假期，甲联、乙联共处理网络支付交易约8.6万亿元。")
    assert [(r[0], r[1], r[2]) for r in rows] == [("甲联乙联网络支付交易金额", 8.6, "万亿元")]
    rows = _rows("2月1日至7日，甲联、乙联共处理交易95.2亿笔、金额4.1万亿元。")
    assert [(r[0], r[1]) for r in rows] == [("甲联乙联交易笔数", 95.2), ("甲联乙联交易金额", 4.1)]


def test_a_demonstrative_names_again_the_span_just_stated() -> None:
    text = "国庆假期（10月1日至7日），全市商品零售额同比增长8.1%。\n\n在这个黄金周里，全市网络零售额达到12.4亿元。"
    rows = _rows(text)
    assert ("网络零售额", 12.4, "亿元", date(2022, 10, 1), date(2022, 10, 7), None) in rows
    text = "国庆假期（10月1日至7日），全市商品零售额同比增长8.1%。\n\n春节期间，全市网络零售额达到12.4亿元。"
    # (another holiday is not the span just stated: 春节 takes its own statutory days since session 18i)
    assert [(r[3], r[4]) for r in _rows(text) if r[1] == 12.4] == [(date(2022, 1, 31), date(2022, 2, 6))]


def test_a_platforms_figure_after_a_semicolon_is_no_place_figure() -> None:
    text = "国庆假期（10月1日至7日），某岛免税店销售额8.1亿元，增长5%；支付宝线下交易笔数同比增长20%。"
    rows = [(f.metric, f.region) for f in extract_figures(text, date(2022, 10, 9))]
    assert ("支付宝线下交易笔数", "全国") in rows
    text = "国庆假期（10月1日至7日），海南免税店销售额8.1亿元，增长5%；快递业务量同比增长20%。"
    rows = [(f.metric, f.region) for f in extract_figures(text, date(2022, 10, 9))]
    assert ("快递业务量", "海南") in rows


def test_one_days_trades_are_the_platforms_just_measured() -> None:
    text = "10月1日至7日，某支付平台共处理网络支付交易52.6亿笔、金额3.18万亿元。其中10月1日交易最多，当天单日处理交易9.4亿笔，金额超过5120.5亿元。"
    rows = [(r[0], r[1], r[3], r[4]) for r in _rows(text)]
    assert ("某支付平台网络支付交易笔数", 9.4, date(2022, 10, 1), date(2022, 10, 1)) in rows
    assert ("某支付平台网络支付交易金额", 5120.5, date(2022, 10, 1), date(2022, 10, 1)) in rows


def test_the_peak_day_named_before_its_that_day_clause_dates_the_figure() -> None:
    text = "10月1日至7日，某平台共处理网络支付交易52.6亿笔。其中10月3日交易最多，当天处理交易9.4亿笔。"
    rows = [(r[1], r[3], r[4]) for r in _rows(text)]
    assert (9.4, date(2022, 10, 3), date(2022, 10, 3)) in rows
