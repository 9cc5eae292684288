"""Grammar found in the dev documents added in session 13 (tests/corpus/dev/*_s13d*, *_s13e*): each rule as a
reader would state it."""

from __future__ import annotations

from datetime import date

from bot.services.figures import article_region, extract_figures


def test_listed_years_date_their_levels_in_order() -> None:
    # (dev corpus, wire_s13d_b) a list of years before a 分别-list of as many levels: each level its own year
    figs = extract_figures("其中，郑州市跨境电商交易额在2023年、2024年分别达到1261亿元、1458.8亿元。", date(2025, 2, 26))
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [
        (1261.0, date(2023, 1, 1), date(2023, 12, 31)),
        (1458.8, date(2024, 1, 1), date(2024, 12, 31)),
    ]


def test_share_of_a_whole_is_never_the_whole() -> None:
    # `占全国5.38亿网民的39%`: 39% is a share, not 网民; 5.38亿 is the whole's own level
    figs = extract_figures("目前全国网络购物用户规模已达2.1亿，占全国5.38亿网民的39%。", date(2012, 9, 10))
    assert [(f.metric, f.value) for f in figs] == [
        ("网络购物用户规模", 2.1),
        ("网民", 5.38),
        ("网络购物用户规模占全国网民的比重", 39.0),
    ]


def test_district_title_gives_its_region() -> None:
    assert article_region("2015年3月龙岗区社会消费品零售总额") == "龙岗"
    assert article_region("全区网络零售额增长") == ""
    assert article_region("贫困县网络零售额") == ""
