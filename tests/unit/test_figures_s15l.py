"""Session 15l rules (issue 9), each on an invented sentence: growth rates named only as 增长率 after absolute
increments, a channel word compounding with the next word in a shared-head list, `发展到` as a link verb, and a quoted
name after its kind (`域名“.XX”数量`)."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures

PUB = date(2025, 8, 20)


def _got(text: str) -> list[tuple[str, float | None, float | None, date | None, date | None]]:
    return [(f.metric, f.value, f.growth_pct, f.period_start, f.period_end) for f in extract_figures(text, PUB)]


def test_rates_after_increments_are_the_growth_of_the_subject_listed_before() -> None:
    got = _got(
        "截至2025年6月，在线教育、网络音乐用户规模增长较快，较2024年12月分别增加3120万人、2210万人，"
        "增长率分别为8.4%、6.1%。"
    )
    end = date(2025, 6, 30)
    assert ("在线教育用户规模", 8.4, 8.4, None, end) in got
    assert ("网络音乐用户规模", 6.1, 6.1, None, end) in got
    # the increments are no figures
    assert not [g for g in got if g[1] in (3120.0, 2210.0)]


def test_rates_without_a_subject_to_match_stay_unstored() -> None:
    # three rates, two items: which is which cannot be told
    got = _got("截至2025年6月，在线教育、网络音乐用户规模较2024年12月分别增加3120万人、2210万人，增长率分别为8.4%、6.1%、3.0%。")
    assert not [g for g in got if g[2] == 3.0]


def test_a_channel_word_compounds_with_the_word_after_it_in_a_list() -> None:
    got = _got("截至2025年6月，短视频、互联网医疗用户规模分别达9.3亿人和3.1亿人。")
    names = {g[0] for g in got}
    assert "短视频用户规模" in names
    assert "互联网医疗用户规模" in names
    # `城镇和乡村消费品零售额` still shares everything after the parallel word
    got = _got("7月份，城镇和乡村消费品零售额分别为3.2万亿元和0.5万亿元。")
    assert {g[0] for g in got} == {"城镇消费品零售额", "乡村消费品零售额"}


def test_developed_to_is_a_link_verb_not_part_of_the_name() -> None:
    got = _got("截至2025年6月，全国充电桩保有量发展到1024万台。")
    assert [g[0] for g in got] == ["充电桩保有量"]


def test_a_quoted_name_after_its_kind_is_counted_as_that_kind() -> None:
    got = _got("截至2025年6月，地区顶级域名“.ABC”数量为512万个。")
    assert [(g[0], g[1]) for g in got] == [(".ABC域名数量", 512.0)]


def test_shared_is_part_of_a_name_not_the_word_for_in_total() -> None:
    got = _got("截至2025年6月，共享充电宝用户规模达3.6亿。")
    assert [g[0] for g in got] == ["共享充电宝用户规模"]
    # `共` alone still means in total
    got = _got("今年上半年，全市共处理快件3.2亿件。")
    assert [g[0] for g in got] == ["快件处理量"]
