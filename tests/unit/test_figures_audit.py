"""Precision rules from the audit of fresh pages (tests/corpus/AUDIT.md): each on an invented sentence.

A figure whose region, metric or scope the text does not give is not presented as another one: a local scope named
anywhere in the sentence or in the article's title is never 全国; a list's shared rate head stays whole; a bare rate
after a group's users is the group's; clauses that name no indicator (`…以来`, `较上年分别加快`) give no figure; an
upload's article naming neither a place nor the nation stores no regional-account aggregate as the nation's."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.extract import figure_values
from bot.services.lookup import synonyms


def _rows(text: str, **kw: object) -> list[tuple[str, str, float]]:
    return [(f.metric, f.region, f.value) for f in extract_figures(text, date(2021, 3, 2), **kw)]  # type: ignore[arg-type]


def test_local_scope_opening_the_sentence_is_not_national() -> None:
    rows = _rows("2020年，我市商贸运行平稳，实现网络零售额52.3亿元，同比增长9.1%，高出全省平均增幅2个百分点。")
    assert rows == [("网络零售额", "我市", 52.3)]


def test_local_scope_after_the_metric_is_no_part_of_its_name() -> None:
    assert _rows("2020年，快递业务量全省完成8.6亿件，增长21%。") == [("快递业务量", "全省", 8.6)]


def test_local_scope_with_the_nation_named_stays_each_its_own() -> None:
    rows = _rows("2020年，全国网络零售额11.76万亿元，全省网络零售额3100亿元。")
    assert rows == [("网络零售额", "全国", 11.76), ("网络零售额", "全省", 3100.0)]


def test_local_scope_of_the_title_reaches_figures_naming_none() -> None:
    text = "2020年，网络零售额52.3亿元，同比增长9.1%。"
    assert _rows(text, title="去年我市电商发展情况") == [("网络零售额", "我市", 52.3)]


def test_shared_usage_rate_head_and_the_list_after_it() -> None:
    rows = _rows("截至2020年12月，网络购物、网上外卖、在线旅游用户使用率分别为79.1%、43.1%和34.2%，"
                 "用户规模分别达7.82亿、4.19亿和3.42亿。")
    assert [m for m, _, _ in rows] == [
        "网络购物用户使用率", "网上外卖用户使用率", "在线旅游用户使用率",
        "网络购物用户规模", "网上外卖用户规模", "在线旅游用户规模",
    ]


def test_bare_rate_after_a_groups_users_is_the_groups() -> None:
    rows = _rows("截至2020年12月，我国城镇青年网民规模达2.1亿，互联网普及率达88.5%。")
    assert rows == [("城镇青年网民规模", "全国", 2.1), ("城镇青年互联网普及率", "全国", 88.5)]
    # the nation's netizens are no group: a bare 普及率 after them is the nation's 互联网普及率 (session 16)
    assert _rows("截至2020年12月，我国网民规模达9.89亿，普及率70.4%。")[1][0] == "互联网普及率"


def test_clauses_naming_no_indicator_give_no_figure() -> None:
    assert _rows("自2019年首次突破5000亿元以来，我省电商交易额保持较快增长。") == []
    assert _rows("其中，移动用户3.2亿，增长率连续两年超过8%。") == [("移动用户", "全国", 3.2)]
    rows = _rows("2020年，服装类、家电类零售额同比分别增长6%、9%，较上年分别加快2.1个和3.4个百分点。")
    assert [m for m, _, _ in rows] == ["服装类零售额", "家电类零售额"]


def test_article_naming_no_place_nor_nation_stores_no_national_aggregate() -> None:
    body = "市场销售稳中有升。全年商品零售额4321.5亿元，比上年增长8.8%。某平台入驻商家超过2万家。"
    assert [r["metric"] for r in figure_values(body, date(2021, 3, 2), title="消费市场", scope="")] == ["某平台入驻商家"]
    # the upload naming the issuer places it; without an upload's context (scope None) nothing changes
    assert len(figure_values(body, date(2021, 3, 2), title="消费市场", scope="国家统计局")) == 2
    assert len(figure_values(body, date(2021, 3, 2), title="消费市场")) == 2
    assert len(figure_values("全年全国商品零售额4321.5亿元。", date(2021, 3, 2), title="消费市场", scope="")) == 1


def test_abbreviation_of_total_retail_sales_is_an_alias() -> None:
    assert "社会消费品零售总额" in synonyms("社消零")


def test_bare_kind_after_a_list_of_one_measure_takes_it() -> None:
    rows = _rows("上半年，仓储店、折扣店和会员店零售额同比分别增长7.2%、5.1%和3.0%，百货店同比下降1.4%。")
    assert [m for m, _, _ in rows] == ["仓储店零售额", "折扣店零售额", "会员店零售额", "百货店零售额"]
    # two separate indicators before it are no list: the bare name stays as written
    rows = _rows("上半年，农村网络零售额增长10%，农产品网络零售额增长8%，直播电商增长5%。")
    assert rows[-1][0] == "直播电商"
