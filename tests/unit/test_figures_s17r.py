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
