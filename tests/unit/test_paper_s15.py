"""Newspaper pages and ASCII-punctuated releases (session 15): a predicate subtitle under a headline, the lead under
it, sub-heads glued to their paragraphs, bare 同城/异地 scopes of a story's one activity, decimals broken at a
line end. Short synthetic texts written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.figures.regions import article_region
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.normalise import join_lines
from bot.services.ingest.readers import RawDocument, RawLine
from bot.services.lookup import normalise_query, synonyms


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


PREDICATE_SUBTITLE = """江城晚报
2022年8月3日　星期三　第6版

上半年我市跨境电商零售进出口额突破85.6亿元
同比增21.07%

近日,江城市商务局发布上半年全市跨境电商运行情况,上半年,跨境电商零售进出口额85.6亿元,同比增长21.07%。
"""


def test_a_line_opening_on_its_predicate_under_a_long_headline_is_its_subtitle() -> None:
    parsed = parse_text(PREDICATE_SUBTITLE)
    assert [a.title for a in parsed.articles] == ["上半年我市跨境电商零售进出口额突破85.6亿元"]


def test_the_lead_is_read_below_subtitle_lines_left_over_the_text() -> None:
    body = "同比增21.07%\n近日,浙江省商务厅发布上半年全省跨境电商运行情况。跨境电商零售进出口额85.6亿元。"
    assert article_region("上半年我省跨境电商零售进出口额突破85亿元", body) == "浙江"
    # a sentence opening the body is still the lead (not skipped for being short)
    assert article_region("上半年我省跨境电商零售进出口额突破85亿元", "浙江省商务厅称,增长两成。") == "浙江"


SUBHEADS_GLUED = """东岭日报
2021年6月9日　星期三　第3版　经济

前5月全市快递业务量增长三成

本报东岭6月8日讯（记者　李　想）记者从市邮政管理局获悉,5月份,全市快递服务企业业务量完成812.5万件,同比增长31.2%。

同城业务量回落
5月份,同城业务量完成101.3万件,同比下降4.6%;异地业务量完成703.9万件,同比增长38.8%。

累计收入超5亿元
1—5月份,全市快递服务企业业务收入累计完成5.17亿元,同比增长22.4%。
"""


def test_sub_heads_glued_to_their_paragraphs_stay_in_a_story_set_apart_from_its_headline() -> None:
    parsed = parse_text(SUBHEADS_GLUED)
    assert [a.title for a in parsed.articles] == ["前5月全市快递业务量增长三成"]
    assert "1—5月份" in parsed.articles[0].body


TWO_STORIES_GLUED = """东岭日报
2021年6月9日　星期三　第3版　经济

前5月全市快递业务量增长三成

本报东岭6月8日讯（记者　李　想）5月份,全市快递服务企业业务量完成812.5万件,同比增长31.2%。

全省网购用户突破两千万
本报讯　省通信管理局日前发布,全省网络购物用户规模达2013万人。
"""


def test_a_headline_over_a_story_opening_of_its_own_still_starts_an_article() -> None:
    parsed = parse_text(TWO_STORIES_GLUED)
    assert [a.title for a in parsed.articles] == ["前5月全市快递业务量增长三成", "全省网购用户突破两千万"]


def _named(text: str) -> list[tuple[str, float | None]]:
    return [(f.metric, f.value) for f in extract_figures(text, date(2021, 6, 9))]


def test_a_bare_scope_of_the_one_activity_measured_in_the_story_is_of_that_activity() -> None:
    text = (
        "5月份,全市快递服务企业业务量完成812.5万件,同比增长31.2%。\n"
        "5月份,同城业务量完成101.3万件,同比下降4.6%;国际/港澳台业务量完成2.2万件,同比增长9.1%。"
    )
    rows = _named(text)
    assert ("同城快递业务量", 101.3) in rows
    assert ("国际/港澳台快递业务量", 2.2) in rows


def test_a_bare_scope_stays_bare_when_the_story_measures_two_activities() -> None:
    text = (
        "5月份,全市邮政寄递服务业务量完成96.4万件;快递服务企业业务量完成812.5万件。\n"
        "5月份,同城业务量完成101.3万件,同比下降4.6%。"
    )
    assert ("同城业务量", 101.3) in _named(text)


def test_international_and_hong_kong_macao_taiwan_volumes_are_one_metric_however_joined() -> None:
    group = synonyms(normalise_query("国际/港澳台快递业务量"))
    assert normalise_query("国际及港澳台快递业务量") in group
    assert normalise_query("国际和港澳台快递业务量") in group


def test_a_decimal_broken_at_its_point_by_the_wrap_is_joined_whole() -> None:
    assert join_lines(["同比增长３  ", "．６％；异地业务量"]) == "同比增长３.６％；异地业务量"
    assert join_lines(["同比增长2．", "7%,业务收入"]) == "同比增长2.7%,业务收入"
    # an English number at a line end is no decimal of a Chinese sentence's figure
    assert join_lines(["Top 5  ", ".9 rating"]) == "Top 5 .9 rating"


def test_a_full_width_full_stop_typed_after_a_sentence_ends_it() -> None:
    text = "1-5月,全市社会消费品零售总额612.4亿元,同比增长6.1%．据市商务局监测,1-5月,120家重点商贸企业销售额同比增长4.2%．"
    rows = [(f.metric, f.value, f.unit) for f in extract_figures(text, date(2021, 6, 20))]
    assert ("社会消费品零售总额", 612.4, "亿元") in rows
    assert not any(unit == "家" for _m, _v, unit in rows)  # 120家 is no level of the total before it
    assert all(not m.startswith(".") and not m.startswith("．") for m, _v, _u in rows)


def test_a_bullet_opening_a_data_box_line_is_no_part_of_the_metric() -> None:
    text = "■ 1—10月,全省快递业务量18.6亿件,同比增长9.8%\n■ 跨境电商进出口额402.5亿元,同比增长21.3%\n◆ 网络零售额2456.3亿元"
    metrics = [f.metric for f in extract_figures(text, date(2022, 11, 18))]
    assert metrics == ["快递业务量", "跨境电商进出口额", "网络零售额"]
