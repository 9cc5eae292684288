"""Dated digests and bulletins (session 15): a clause opening on a day, a scale after a share, a period's change
after `；` — on sentences written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str, published: date = date(2022, 12, 5)) -> list[tuple[str, float | None, date | None, date | None]]:
    return [(f.metric, f.value, f.period_start, f.period_end) for f in extract_figures(text, published)]


def test_a_clause_opening_on_a_day_is_that_days_figure_not_the_span_before() -> None:
    rows = _rows("11月1日至11日，全市共揽收快递包裹3.2亿件。其中，11月3日快递业务量达4200万件，创单日新高。")
    day = [r for r in rows if r[0] == "快递业务量"]
    assert [(r[2], r[3]) for r in day] == [(date(2022, 11, 3), date(2022, 11, 3))]


def test_a_day_opening_a_clause_that_reports_an_event_is_no_period() -> None:
    rows = _rows("6月18日，商务部发布数据，1-5月全国网上零售额5.2万亿元。")
    assert any(r[0] == "网上零售额" and r[2] == date(2022, 1, 1) and r[3] == date(2022, 5, 31) for r in rows)


def test_a_scale_after_a_share_is_the_scale_of_what_the_share_was_of() -> None:
    rows = _rows("截至9月，全省手机网民规模达5100万。全省网民中老年网民占比为14.6%，规模达820万。")
    assert any(r[0] == "老年网民规模" and r[1] == 820 for r in rows)
    assert not any(r[0] == "手机网民规模" and r[1] == 820 for r in rows)


def test_a_change_after_a_semicolon_with_only_its_period_keeps_the_indicator_before() -> None:
    rows = _rows("10月份，全市餐饮收入同比增长6.2%；1-10月份增长9.8%。")
    assert ("餐饮收入", 9.8, date(2022, 1, 1), date(2022, 10, 31)) in rows
    assert ("餐饮收入", 6.2, date(2022, 10, 1), date(2022, 10, 31)) in rows


def test_a_milestone_written_as_a_word_after_a_bound_is_read() -> None:
    rows = _rows("截至11月20日，今年全省快递业务收入已突破千亿元。")
    assert any(r[0] == "快递业务收入" and r[1] == 1.0 and r[3] == date(2022, 11, 20) for r in rows)
    # a count of those past a threshold is no level
    assert not any(r[1] == 1.0 for r in _rows("今年有5家企业营业收入超千亿元。"))


def test_a_threshold_held_over_a_run_of_years_is_no_level() -> None:
    rows = _rows("2022年，全市网络零售额达1180亿元，已连续3年超过1000亿元。")
    assert [r[1] for r in rows if r[0].startswith("网络零售额")] == [1180.0]


def test_a_kind_after_its_population_whole_in_the_sentence_before_is_that_populations() -> None:
    rows = _rows("前三季度，全县农村网络零售额8.6亿元。其中，服务型网络零售额2.3亿元。")
    assert any(r[0] == "农村服务型网络零售额" and r[1] == 2.3 for r in rows)
    # a breakdown (`分类别看`) is not `其中`: the kind keeps its own name
    rows = _rows("前三季度，全县农村网络零售额8.6亿元。分类别看，服务型网络零售额2.3亿元。")
    assert any(r[0] == "服务型网络零售额" and r[1] == 2.3 for r in rows)


def test_a_bare_amount_after_what_thrives_is_that_things_amount() -> None:
    rows = _rows("乡村民宿预订持续火爆，前三季度网络零售额达12.4亿元。")
    assert any(r[0] == "乡村民宿预订网络零售额" and r[1] == 12.4 for r in rows)
    assert not any(r[0] == "网络零售额" for r in rows)


def test_a_part_of_the_period_just_stated_keeps_the_wholes_indicator() -> None:
    rows = _rows("1-9月，全市快递业务量累计完成18.6亿件，同比增长12%。其中，9月份完成2.3亿件。")
    assert ("快递业务量", 2.3, date(2022, 9, 1), date(2022, 9, 30)) in rows
    # an amount in another unit is not the whole's part
    rows = _rows("1-9月，全市快递业务量累计完成18.6亿件，同比增长12%。其中，9月份完成投资2.3亿元。")
    assert not any(r[0] == "快递业务量" and r[1] == 2.3 for r in rows)


def test_a_full_width_full_stop_after_text_ends_a_sentence() -> None:
    rows = _rows("１-６月,全市网络零售额达５．２亿元．根据海关数据,１-５月,全市跨境电商进出口额达３．１亿元;其中进口１．２亿元.")
    assert ("跨境电商进口额", 1.2, date(2022, 1, 1), date(2022, 5, 31)) in rows
