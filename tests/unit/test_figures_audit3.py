"""Precision rules from round 3 of the audit of fresh pages (tests/corpus/AUDIT.md): each on an invented sentence.

A pinyin reading printed after a character (`增長(zhǎng)`) does not split the word, so a growth rate is never read as a
level of the amount it follows; traditional characters of goods and telecom words (纖, 娛, 飾) are read as simplified."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.normalise import clean_line


def _rows(text: str, **kw: object) -> list[tuple[str, str, float, float | None]]:
    return [
        (f.metric, f.region, f.value, f.growth_pct)
        for f in extract_figures(text, date(2022, 8, 16), **kw)  # type: ignore[arg-type]
    ]


def test_pinyin_gloss_after_a_character_is_dropped_from_the_line() -> None:
    line = "6月份，全國網(wǎng)上零售額9876億元，同比增長(zhǎng)4.2%。"
    assert clean_line(line) == "6月份，全國網上零售額9876億元，同比增長4.2%。"
    # a bracketed word in pinyin of two syllables, or Latin text, is no gloss
    assert clean_line("商標(biāo)名為“拼音(pīnyīn)”") == "商標名為“拼音(pīnyīn)”"
    assert clean_line("Lin (lín) said") == "Lin (lín) said"


def test_growth_after_a_gloss_is_a_growth_not_a_level() -> None:
    rows = _rows(clean_line("6月份，全國網(wǎng)上零售額9876億元，同比增長(zhǎng)4.2%。"))
    assert rows == [("网上零售额", "全国", 9876.0, 4.2)]


def test_goods_and_telecom_words_in_traditional_are_simplified() -> None:
    rows = _rows("截至6月底，全省光纖寬帶用戶達2310萬戶。1—6月份，限額以上單位體育娛樂用品類零售額增長12.5%。")
    assert [m for m, _, _, _ in rows] == ["光纤宽带用户", "体育娱乐用品类零售额"]


def test_city_named_by_its_customs_or_office_reporting_on_the_province_is_not_the_region() -> None:
    from bot.services.figures import article_region

    # a customs district covers more than the city it is named after
    assert article_region("", "据宁波海关统计，上半年外贸进出口增长6%。") == ""
    # an office of a city that speaks of 我省 reports on the province
    assert article_region("温州市商务局负责人介绍，今年我省网络零售额增长8%", "") == ""
    # a city's own office on its own figures stays the city's
    assert article_region("温州市商务局：今年全市网络零售额增长8%", "") == "温州"
    rows = _rows("上半年，机电产品出口增长9.5%。", title="宁波海关相关负责人介绍，上半年我省外贸出口稳中有进——")
    assert [r for _, r, _, _ in rows] != ["宁波"]


def test_trade_partner_preposition_and_trade_flow_are_every_items() -> None:
    rows = _rows("1—5月，我国对拉美、非洲、中东分别进出口4100亿元、3200亿元、2900亿元。")
    assert [m for m, _, _, _ in rows] == ["对拉美进出口", "对非洲进出口", "对中东进出口"]
    rows = _rows("上半年，陶瓷、玩具、灯具出口分别增长12%、7.5%、3.1%。")
    assert [m for m, _, _, _ in rows] == ["陶瓷出口", "玩具出口", "灯具出口"]


def test_a_list_read_as_one_name_with_several_values_is_not_stored() -> None:
    assert _rows("上半年，华东、华南和华北地区快递业务量占全国比重分别为45.2%、30.1%和10.4%。") == []


def test_shares_and_investments_whose_subject_the_name_lost_are_not_stored() -> None:
    rows = _rows("上半年，跨境电商出口额在全省外贸出口中的比重达12.6%，较上年同期提升1.1个百分点。")
    assert [m for m, _, _, _ in rows] == []
    rows = _rows("上半年，全省服装出口增长6.2%，占21.3%。")
    assert [m for m, _, _, _ in rows] == ["服装出口"]
    assert [m for m, _, _, _ in _rows("全省在建物流园区18个，总投资320亿元。")] == ["在建物流园区"]


def test_a_part_behind_a_threshold_is_not_stored_as_the_whole() -> None:
    rows = _rows("截至6月底，全省使用1000Mbps及以上速率的宽带用户达820万户，占全部宽带用户的28.4%。")
    assert rows == []
    assert _rows("截至6月底，全省宽带用户达2890万户。") == [("宽带用户", "全省", 2890.0, None)]


def test_a_bare_subject_parallel_to_the_one_just_measured_is_measured_alike() -> None:
    rows = _rows("今年，规上企业数字化普及率约81%，小微企业超46%。")
    assert [m for m, _, _, _ in rows] == ["规上企业数字化普及率", "小微企业数字化普及率"]
    rows = _rows("南部和北部地区客流量分别增长5.1%和3.2%，东部和西部分别下降1.2%和0.4%。")
    assert [m for m, _, _, _ in rows][-1] == "西部地区客流量"


def test_figures_of_an_example_are_the_examples_not_the_regions() -> None:
    rows = _rows("全省直播电商发展迅速，如某某服饰开通直播间，半年时间，线上销售额就达15亿元。")
    assert rows == []
    rows = _rows("今年以来各地网络零售增长较快，如嘉兴网络零售额达820亿元。")
    assert [(m, r) for m, r, _, _ in rows] == [("网络零售额", "嘉兴")]


def test_a_rate_against_other_base_years_is_not_the_periods_growth_rate() -> None:
    text = "与疫情前相比，比如2018、2019年同期，今年1—7月全国快递业务量增速仍有25%左右。"
    assert [m for m, _, _, _ in _rows(text)] == []


def test_container_throughput_keeps_its_unit() -> None:
    from bot.services.figures import extract_figures as ef

    (f,) = ef("上半年，宁波舟山港集装箱吞吐量达到1800万标箱，同比增长5%。", date(2022, 8, 16))
    assert (f.value, f.unit, f.growth_pct) == (1800.0, "万标箱", 5.0)
