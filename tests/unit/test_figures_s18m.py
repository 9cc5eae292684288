"""Session 18m (issue 9): regions a story about a city leaves to its counties and districts."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.regions import split_region

_D = date(2025, 3, 10)


def _regions(text: str, title: str = "") -> list[tuple[str, str, float]]:
    return [(f.metric, f.region, f.value) for f in extract_figures(text, _D, title=title)]


def test_a_county_named_with_its_suffix_keeps_its_figure() -> None:
    got = _regions(
        "据宿迁海关统计，2024年全市进出口总额达到520亿元，同比增长8.1%。其中，沭阳县进出口额为130亿元，同比增长12.5%。",
        title="宿迁外贸稳步增长",
    )
    assert [r for _m, r, _v in got] == ["宿迁", "沭阳"]


def test_a_district_and_its_part_but_the_whole_city_stays_the_city() -> None:
    got = _regions(
        "2024年，川汇区港口完成货物吞吐量800万吨，其中进港量为450万吨。全市快递业务量达到2.1亿件。",
        title="周口港口吞吐量稳步增长",
    )
    assert [(r, v) for _m, r, v in got] == [("川汇", 800.0), ("川汇", 450.0), ("周口", 2.1)]


def test_zones_and_words_ending_in_a_county_suffix_are_no_places() -> None:
    for phrase in ("高新区进出口额", "冰雪景区交易额", "产业园区网络零售额", "老城区客流量", "产粮大县农产品网络零售额",
                   "其他地区网络零售额", "边远地区快递业务量", "革命老区网络零售额", "度假区接待游客"):
        assert split_region(phrase) == ("", phrase)
    assert split_region("沭阳县网络零售额") == ("沭阳", "网络零售额")


def test_a_district_as_the_part_of_a_city_total_is_the_totals_measure_of_it() -> None:
    got = _regions("2024年，全市快递业务量达到2.1亿件。其中，川汇区9500万件，同比增长20%。", title="周口快递业务量")
    assert got == [("快递业务量", "周口", 2.1), ("快递业务量", "川汇", 9500.0)]


def test_a_sentence_opening_in_a_county_is_that_countys() -> None:
    got = _regions("2024年宿迁全市进出口额520亿元。在沭阳县，进出口额达到130亿元。", title="宿迁外贸")
    assert [(r, v) for _m, r, v in got] == [("宿迁", 520.0), ("沭阳", 130.0)]


def test_a_city_named_only_in_the_opening_scene_is_the_storys_place() -> None:
    scene = "在福州街头，市民们排队领取消费券。\n"
    got = _regions(scene + "据统计，春节期间消费券核销金额达到3.2亿元，同比增长15%。", title="消费券带动节日消费")
    assert [(m, r) for m, r, _v in got] == [("消费券核销金额", "福州")]
    # a national body named: its figures are the nation's, whatever city the scene opened in
    got = _regions(scene + "商务部数据显示，春节期间重点零售企业销售额同比增长4.1%。", title="消费券带动节日消费")
    assert {r for _m, r, _v in got} == {"全国"}
    # a city that is only an event's venue, or a story speaking of a province's office: the scene does not decide
    got = _regions("在杭州举行的新闻发布会上，省商务厅介绍了有关情况。\n1-9月，网络零售额达到1.8万亿元。", title="网络零售增长")
    assert {r for _m, r, _v in got} != {"杭州"}
    # another place named: the scene does not decide
    got = _regions(scene + "据统计，春节期间消费券核销金额达到3.2亿元，厦门也在发放。", title="消费券带动节日消费")
    assert {r for _m, r, _v in got} != {"福州"}


def test_whole_city_in_a_digest_item_is_the_city_of_its_dateline() -> None:
    body = " 1-2月，全市实现网络零售额210亿元，同比增长10.2%。"
    assert [r for _m, r, _v in _regions("本报泉州3月5日讯" + body, title="1-2月网络零售额增长10%")] == ["泉州"]
    assert [r for _m, r, _v in _regions(body, title="泉州1-2月网络零售额增长10%")] == ["泉州"]
    assert [r for _m, r, _v in _regions("据泉州晚报报道，" + body, title="1-2月网络零售额增长10%")] == ["泉州"]
    # no city named anywhere (a province's paper names none): the word stays as written
    assert [r for _m, r, _v in _regions("据浙江日报报道，" + body, title="1-2月网络零售额增长10%")] == ["全市"]
    assert [r for _m, r, _v in _regions(body, title="1-2月网络零售额增长10%")] == ["全市"]
    # the dateline's city is no guide when the item names the nation
    got = _regions("本报北京3月5日讯 1-2月，全国网络零售额2.1万亿元。全市网络零售额210亿元。", title="网络零售额增长")
    assert [r for _m, r, _v in got] == ["全国", "全市"]


def test_county_level_cities_and_listed_counties_keep_their_amounts() -> None:
    got = _regions("2024年，全市进出口额1200亿元。其中，邳州市150亿元，新沂市80亿元。", title="徐州外贸")
    assert [(m, r, v) for m, r, v in got] == [
        ("进出口额", "徐州", 1200.0),
        ("进出口额", "邳州", 150.0),
        ("进出口额", "新沂", 80.0),
    ]
    got = _regions("2024年，全市快递业务量2.1亿件，川汇区、沈丘县分别完成9500万件、3000万件。", title="周口快递")
    assert [(m, r) for m, r, _v in got] == [("快递业务量", "周口"), ("快递业务量", "川汇"), ("快递业务量", "沈丘")]
    for phrase in ("连锁超市销售额", "二手车市场交易额", "地级市网络零售额", "省会城市网络零售额", "上市公司营业收入"):
        assert split_region(phrase) == ("", phrase)


def test_whole_county_after_a_named_county_in_a_city_story_is_that_county() -> None:
    got = _regions("前三季度，宿迁全市网络零售额600亿元。沭阳县网络零售额210亿元，全县快递业务量3亿件。", title="宿迁电商")
    assert [r for _m, r, _v in got] == ["宿迁", "沭阳", "沭阳"]
