"""Rules of session 15j, each on a sentence written for these tests: a nameless `分别` list going on with the names of
the list just stated, and a count of trades named by the market the sentence names."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def test_nameless_list_after_a_list_keeps_its_names_in_order() -> None:
    figs = extract_figures(
        "10月份，快递业务量和快递业务收入同比分别增长16.2%和9.8%，9月份分别为增长12.4%和7.5%。", date(2023, 11, 20)
    )
    got = [(f.metric, f.period_start, f.growth_pct) for f in figs]
    assert got == [
        ("快递业务量", date(2023, 10, 1), 16.2),
        ("快递业务收入", date(2023, 10, 1), 9.8),
        ("快递业务量", date(2023, 9, 1), 12.4),
        ("快递业务收入", date(2023, 9, 1), 7.5),
    ]


def test_regions_of_a_list_carry_to_the_next_nameless_list() -> None:
    figs = extract_figures(
        "二季度，浙江和江苏跨境电商出口额同比分别增长12.5%和8.4%，一季度分别为增长3.1%和2.2%。", date(2021, 7, 20)
    )
    got = [(f.region, f.period_start, f.growth_pct) for f in figs]
    assert got == [
        ("浙江", date(2021, 4, 1), 12.5),
        ("江苏", date(2021, 4, 1), 8.4),
        ("浙江", date(2021, 1, 1), 3.1),
        ("江苏", date(2021, 1, 1), 2.2),
    ]


def test_bare_trade_count_takes_the_market_the_sentence_names() -> None:
    figs = extract_figures("据监测，我国二手电商市场持续升温，2022年交易笔数达48亿笔，同比增长12%。", date(2023, 3, 1))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("二手电商交易笔数", 48.0, 12.0)]


def test_trade_count_without_a_market_is_left_as_written() -> None:
    figs = extract_figures("2022年，该平台交易笔数达48亿笔。", date(2023, 3, 1))
    assert len(figs) == 1 and figs[0].metric.endswith("交易笔数") and "市场" not in figs[0].metric
