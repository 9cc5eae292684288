"""Precision rules of branch s18l (the error classes left by audit rounds 5 and 6, tests/corpus/AUDIT.md): each on an
invented sentence."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures


def _rows(text: str) -> list[tuple[str, str, float, str, float | None]]:
    return [(f.metric, f.region, f.value, f.unit, f.growth_pct) for f in extract_figures(text, date(2024, 3, 25))]


def test_a_rate_measured_against_the_nations_is_no_growth() -> None:
    assert _rows("1月份，四川出口增幅比全国高出1倍多。") == []
    rows = _rows("1月份，我省出口增长45.3%，比全国12.1%的平均增幅高出2.7倍。")
    assert [(r[0], r[4]) for r in rows] == [("出口", 45.3)]
    assert _rows("一季度，该市网络零售额增速较全省快1.5倍。") == []


def test_a_growth_against_last_year_is_still_read() -> None:
    rows = _rows("一季度，我省网络零售额比上年同期增长12.5%，同比增速高达12.5%。")
    assert rows and all(r[4] == 12.5 for r in rows)


def test_a_resumption_rate_without_whose_work_is_not_stored() -> None:
    rows = _rows("截至3月20日，湖北省快递企业复工率为76%，返岗率为68%，从业人员累计返岗2.1万人。")
    assert [(r[0], r[1], r[2]) for r in rows] == [("快递企业复工率", "湖北", 76.0)]
    assert _rows("截至2月底，全市整体复工率为83%。") == []


def test_the_rest_of_the_places_is_no_figure_of_the_whole() -> None:
    rows = _rows("全省寄递企业复工率为76%，其中武汉为62%，其余各市均在90%以上。")
    assert [(r[0], r[1], r[2]) for r in rows] == [("寄递企业复工率", "全省", 76.0), ("寄递企业复工率", "武汉", 62.0)]
    assert [r[2] for r in _rows("一季度全省快递业务量5亿件，其他城市合计完成1.2亿件。")] == [5.0]
    assert [r[2] for r in _rows("全省寄递企业复工率为76%，除武汉外其他市州复工率为95%。")] == [76.0]


def test_a_bare_amount_after_the_sibling_part_is_that_parts() -> None:
    rows = _rows("前三季度全市消费品零售总额800亿元，其中城镇实现零售额650亿元，乡村市场相对平淡，实现零售额150亿元。")
    assert [(r[0], r[2]) for r in rows] == [("消费品零售总额", 800.0), ("城镇零售额", 650.0), ("乡村零售额", 150.0)]


def test_a_ratio_to_last_year_and_a_cut_plan_share_are_not_stored() -> None:
    rows = _rows("一季度全县限上企业实现零售额32亿元，为去年同期的61.2%。")
    assert [r[2] for r in rows] == [32.0]
    rows = _rows("一季度，全县完成固定资产投资40亿元，占全县年度计划的22.5%。")
    assert [r[2] for r in rows] == [40.0]


def test_a_measure_of_businesses_the_sentence_opens_with_is_not_the_places() -> None:
    assert _rows("广州老字号茶楼企业国庆期间人气旺盛，早茶翻台率在2.5次以上。") == []
    assert _rows("苏州多家连锁餐厅假期客流明显回升，晚市翻台率达到4轮，客单价增长12%。") == []
    rows = _rows("据重点监测企业统计，春节期间全市餐饮企业营业额同比增长15%。")
    assert [r[4] for r in rows] == [15.0]


def test_a_city_named_in_the_opening_scene_is_the_paragraphs() -> None:
    rows = _rows("在厦门街头，不少市民拿着手机领取消费券。截至5月5日，消费券核销金额达0.8亿元，带动消费5.1亿元。")
    assert {r[1] for r in rows} == {"厦门"}
    rows = _rows("在北京举行的发布会上，有关负责人介绍，一季度网上零售额同比增长12%。")
    assert {r[1] for r in rows} == {"全国"}


def test_a_figure_after_a_places_part_named_without_a_number_is_not_the_wholes() -> None:
    rows = _rows("国庆期间，浙江全省A级景区接待游客900万人次，其中杭州西湖景区累计接待游客超百万人次，单日最高客流达9万人次。")
    assert [r[2] for r in rows] == [900.0]
    rows = _rows("一季度全省网络零售额120亿元，其中出口表现突出，出口额45亿元。")
    assert 45.0 in [r[2] for r in rows]


def test_a_city_set_as_the_storys_opening_scene_is_the_storys_place() -> None:
    text = "在厦门街头，不少市民拿着手机领取消费券。\n截至5月5日，消费券核销金额达0.8亿元，带动消费5.1亿元。"
    assert {r[1] for r in _rows(text)} == {"厦门"}
    text = "在北京举行的发布会上，商务部有关负责人介绍了情况。\n一季度，网上零售额同比增长12%。"
    assert {r[1] for r in _rows(text)} == {"全国"}


def test_a_level_against_a_base_periods_is_not_stored() -> None:
    assert _rows("全县重点商圈客流量恢复至去年同期的87%。") == []
    assert _rows("全县旅游收入恢复到2019年同期的103%。") == []


def test_the_places_outside_one_are_no_figure_of_it() -> None:
    assert [r[2] for r in _rows("全省网络零售额90亿元，西安以外地区实现30亿元。")] == [90.0]


def test_a_city_scene_opening_a_story_of_national_figures_stays_national() -> None:
    text = "在义乌街头，快递车辆穿梭不停。\n国家邮政局监测数据显示，11月11日当天共处理快件6.39亿件，同比增长12%。"
    assert {r[1] for r in _rows(text)} == {"全国"}


def test_a_scene_entered_in_a_city_names_the_storys_place() -> None:
    text = "走进苏州观前街步行街，人流如织。\n国庆期间，重点商圈客流量达到210万人次，同比增长9%。"
    assert {r[1] for r in _rows(text)} == {"苏州"}
