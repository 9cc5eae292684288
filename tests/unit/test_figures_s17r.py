"""Session 17 (r): amounts in Chinese numerals with a multiplier and a unit; the unit 部; a year before a holiday."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str, published: date = date(2022, 12, 5)) -> list[tuple[str, float | None, str]]:
    return [(f.metric, f.value, f.unit) for f in extract_figures(text, published)]


def test_an_amount_in_chinese_numerals_with_a_multiplier_is_read() -> None:
    rows = _rows("2021年，全省快递业务量达到一百二十亿件，网络零售额突破三点二万亿元。")
    assert any(r[1] == 120.0 and "亿件" in r[2] for r in rows)
    assert any(r[1] == 3.2 and "万亿元" in r[2] for r in rows)
    rows = _rows("2021年，全市电商从业人员达六百万人。")
    assert any(r[1] == 600.0 and "万人" in r[2] for r in rows)


def test_vague_or_malformed_chinese_numerals_are_not_read() -> None:
    assert not _rows("2021年，全市电商带动数十万人就业。")
    assert not any(r[1] == 10.0 for r in _rows("2021年，全国十亿人民共同努力。"))


def test_handsets_counted_in_bu_are_read_but_bu_inside_a_word_is_no_unit() -> None:
    rows = _rows("前三季度，全省智能手机销量达到12.5万部，同比增长8.1%。")
    assert any(r[1] == 12.5 and r[2] == "万部" for r in rows)
    rows = _rows("2022年，4部门联合印发通知，6部委部分负责人出席。")
    assert not any("部" in r[2] for r in rows)
    assert not any(r[2] == "部" for r in _rows("2022年，全市出版新书3部。"))


def test_a_year_written_without_nian_before_a_holiday_names_that_holidays_year() -> None:
    text = "2016春节假期（2月7日至13日），全市重点商贸企业实现销售额12.3亿元。"
    rows = [(f.value, f.period_start, f.period_end) for f in extract_figures(text, date(2018, 12, 5))]
    assert rows == [(12.3, date(2016, 2, 7), date(2016, 2, 13))]
    # the year is a period, never a figure, and the holiday's own days are not the whole year
    rows = [(f.value, f.period_start) for f in extract_figures("2019国庆期间，全县接待游客45万人次。", date(2019, 12, 5))]
    assert all(r[0] != 2019.0 and r[1] != date(2019, 1, 1) for r in rows)
