"""Holiday stories (session 17n, fresh 黄金周 retail wires): a year naming a quoted holiday (`今年“十一”假期`), a span
of days without its month (`3—6日，…`), a year in a clause closing on 以来, and `第一次` before a milestone — on
sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _figs(text: str, published: date = date(2019, 10, 9)) -> dict[str, tuple[float | None, date | None, date | None]]:
    return {f.metric: (f.value, f.period_start, f.period_end) for f in extract_figures(text, published)}


def test_a_year_naming_a_quoted_holiday_is_not_the_figures_period() -> None:
    got = _figs("10月1日至7日，全省餐饮企业营业额约85亿元。今年“十一”假期，某市重点商圈销售额同比增长9.5%。")
    periods = {(s, e) for _, s, e in got.values()}
    assert (date(2019, 1, 1), date(2019, 12, 31)) not in periods


def test_a_span_of_days_without_its_month_takes_the_month_just_named() -> None:
    got = _figs("10月1日至6日，全市家电销售额为12.4亿元。另外，3—6日，全市餐饮营业额为8.8亿元，同比增长5.1%。")
    assert got.get("全市餐饮营业额", got.get("餐饮营业额")) == (8.8, date(2019, 10, 3), date(2019, 10, 6))


def test_a_year_in_a_clause_closing_on_yilai_is_no_period() -> None:
    got = _figs("这是2003年举办展会以来，展会成交额第一次突破500亿元大关。")
    for metric, (_, start, _) in got.items():
        assert start != date(2003, 1, 1), metric
    assert not any("第一次" in m for m in got)


def test_a_holiday_named_by_its_year_takes_no_period_carried_from_another_year() -> None:
    text = "2018年全年，全市商品零售额增长6.5%。另外，今年春节全市共接待游客520万人次，同比增长8.2%。"
    got = _figs(text, date(2019, 2, 12))
    assert all(start is None for m, (_, start, _) in got.items() if "游客" in m)


def test_renminbi_after_an_approximate_word_is_no_part_of_the_name() -> None:
    got = _figs("10月1日至7日，全省重点商贸企业实现销售额约人民币320亿元，同比增长6.6%。")
    assert any(m.endswith("重点商贸企业销售额") for m in got), got


def test_a_growth_rate_that_moved_with_an_adverb_is_the_growth() -> None:
    got = {f.metric: f.growth_pct for f in extract_figures("9月份，全县网上零售额同比增速明显回落至7.3%。", date(2019, 10, 20))}
    assert got.get("网上零售额") == 7.3
    got = {f.metric: f.growth_pct for f in extract_figures("前三季度，全县快递业务量增速有所加快至15.1%。", date(2019, 10, 20))}
    assert got.get("快递业务量") == 15.1
