"""A level after a clause saying how its subject changed, buyers of a product, copies counted in 份, postal
aliases and a report's stock date after a half-year (session 15h, fresh wire and PDF documents), on sentences
written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import ExtractedFigure, extract_figures
from bot.services.lookup import synonyms


def _figs(text: str) -> dict[str, ExtractedFigure]:
    return {f.metric: f for f in extract_figures(text, date(2021, 2, 1))}


def test_a_level_after_a_clause_on_how_its_subject_changed_is_that_subjects() -> None:
    got = _figs("其中，在线医疗用户规模增长迅速，达2.15亿人，年增长率为8.2%。")
    assert got["在线医疗用户规模"].value == 2.15
    assert got["在线医疗用户规模"].growth_pct == 8.2
    got = _figs("全年，全市跨境电商交易额保持较快增长，达到86.4亿元。")
    assert got["跨境电商交易额"].value == 86.4


def test_buyers_of_a_product_are_its_users_not_the_netizens() -> None:
    got = _figs("截至2020年12月，购买互联网保险产品的网民规模达到1.05亿。")
    assert "网民规模" not in got  # the whole population would answer `/metric 网民规模` with 1.05亿
    assert got["互联网保险用户规模"].value == 1.05


def test_copies_in_fen_are_a_volume_and_a_bare_count_of_forms_is_no_figure() -> None:
    got = _figs("去年，全省报纸业务累计完成3.6亿份，同比下降2.5%。")
    assert got["报纸业务量"].value == 3.6 and got["报纸业务量"].unit == "亿份"
    assert not extract_figures("这次活动共发放问卷1200份，收回1100份。", date(2021, 2, 1))


def test_postal_business_volumes_are_found_under_their_short_names() -> None:
    assert "邮政函件业务量" in synonyms("函件业务量")
    assert "函件业务量" in synonyms("邮政函件业务量")
    assert "互联网理财网民规模" in synonyms("互联网理财用户规模")


def test_a_user_count_after_a_half_year_ending_on_the_report_date_is_dated_by_the_report() -> None:
    text = (
        "截至2020年12月，我国在线音乐用户规模达6.58亿。"
        "短视频是2020年下半年用户增长最快的应用之一。"
        "在线健身用户规模达到1.2亿，较2019年底增加3000万。"
    )
    fit = _figs(text)["在线健身用户规模"]
    assert (fit.period_start, fit.period_end) == (None, date(2020, 12, 31))


def test_a_user_count_after_a_later_half_year_takes_no_report_date() -> None:
    text = "截至2020年12月，我国在线音乐用户规模达6.58亿。2021年上半年，网上零售额6.1万亿元。在线健身用户规模达到1.2亿。"
    fit = _figs(text)["在线健身用户规模"]
    assert fit.period_end != date(2020, 12, 31)
