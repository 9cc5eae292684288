"""A round milestone in Chinese numerals before the exact level, old names of the internet-user counts, and a
site's Latin name after a page's date (session 17i, wire stories), on text written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.layout import evidence as ev
from bot.services.ingest.readers import RawDocument, RawLine
from bot.services.lookup import synonyms


def _named(text: str) -> dict[str, float]:
    return {f.metric: f.value for f in extract_figures(text, date(2009, 2, 1))}


def test_a_milestone_in_chinese_numerals_names_the_level_after_it() -> None:
    got = _named("截至2008年底，我国上网用户总数突破三亿，达3.04亿人。")
    assert got == {"上网用户总数": 3.04}
    figs = extract_figures("2008年，浙江省网络零售额首次迈上两千亿元大关，达到2087亿元。", date(2009, 2, 1))
    assert [(f.region, f.metric, f.value) for f in figs] == [("浙江", "网络零售额", 2087)]


def test_a_milestone_tail_needs_no_digit_subject() -> None:
    # an amount in digits before the level is read as a figure of its own, not as a milestone
    got = _named("2008年，全国快递业务量突破15亿件，达15.1亿件。")
    assert got.get("快递业务量") == 15.1


def test_old_names_of_internet_user_counts_are_aliases() -> None:
    assert "上网用户总数" in synonyms("网民规模")
    assert "上网人数" in synonyms("网民规模")
    assert "网上购物人群" in synonyms("网络购物用户规模")


def _parse(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def test_a_latin_site_name_after_the_date_is_no_headline() -> None:
    assert ev.header_date("2006年03月02日 09:40　TechWeb") is None
    parsed = _parse(
        "某省网购用户首次超过五百万\n\n2006年03月02日 09:40　TechWeb\n\n"
        "本网3月2日消息，某省互联网协会发布报告显示，截至2005年底，全省网民规模为812万人。\n"
    )
    assert [a.title for a in parsed.articles] == ["某省网购用户首次超过五百万"]


def test_the_first_half_written_as_qianbannian() -> None:
    figs = extract_figures("2006前半年，全国网上零售额为312亿元。", date(2007, 1, 5))
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [(312, date(2006, 1, 1), date(2006, 6, 30))]
    figs = extract_figures("据统计，今年前半年全省快递业务量达到1.6亿件。", date(2007, 8, 5))
    assert [(f.value, f.period_start, f.period_end) for f in figs] == [(1.6, date(2007, 1, 1), date(2007, 6, 30))]


def test_a_comparing_aside_between_a_change_and_the_level() -> None:
    figs = extract_figures("2007年，全国快递业务量快速增长，首次超过日本，达到12亿件，增长率为25%。", date(2008, 1, 20))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("快递业务量", 12, 25)]


def test_a_time_word_in_a_later_clause_keeps_the_report_date_for_an_earlier_stock() -> None:
    text = "截至2007年12月31日，我国网民规模为2.1亿人。\n另据调查，我国网购用户规模达到4640万人，全年累计网购金额为594亿元。"
    figs = extract_figures(text, date(2008, 1, 17))
    got = {f.value: (f.period_start, f.period_end) for f in figs}
    assert got[4640] == (None, date(2007, 12, 31))


def test_a_rate_said_to_be_only_so_much() -> None:
    figs = extract_figures("截至2009年6月底，我国网民规模达到3.38亿，比2008年底增加4000万人，增幅只有13.4%。", date(2009, 7, 16))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("网民规模", 3.38, 13.4)]
    figs = extract_figures("今年1-5月，全省网络零售额为820亿元，增幅仅为3.2%。", date(2019, 6, 20))
    assert [(f.value, f.growth_pct) for f in figs] == [(820, 3.2)]
