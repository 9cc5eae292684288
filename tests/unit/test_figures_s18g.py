"""Tables with year or quarter columns, and wrapped PDF reports (session 18g): a yearbook's header of years, a
measure row heading its parts, `本季`/`1-本季` columns, the industries of a sales total, a reprint's `【原标题】` line,
an undated report's `全年`, a slashed scope's revenue and a bare `收入` — on tables and sentences written for these
tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.services.figures import extract_figures, figure_values
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine


def _rows(text: str, published: date | None = None, title: str = "") -> set[tuple[str, str, float, date | None, date | None, float | None]]:
    return {(f.metric, f.region, f.value, f.period_start, f.period_end, f.growth_pct)
            for f in extract_figures(text, published, title=title)}


def _parse(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


YEARS = """| 项　目 | 2019 | 2020 | 2021 |
| 快递业务收入（亿元） | 52.1 | 60.4 | 71.8 |
| 寄递业务量 | | | |
| 快递（万件） | 8120.5 | 9300.2 | 11021.7 |
| 函件（万件） | 310.2 | 290.8 | 260.1 |"""


def test_a_header_of_years_dates_each_column() -> None:
    got = _rows(YEARS)
    assert ("快递业务收入", "全国", 52.1, date(2019, 1, 1), date(2019, 12, 31), None) in got
    assert ("快递业务收入", "全国", 71.8, date(2021, 1, 1), date(2021, 12, 31), None) in got


def test_a_measure_row_without_values_heads_the_rows_under_it() -> None:
    got = _rows(YEARS)
    assert ("快递业务量", "全国", 9300.2, date(2020, 1, 1), date(2020, 12, 31), None) in got
    assert ("函件业务量", "全国", 260.1, date(2021, 1, 1), date(2021, 12, 31), None) in got


def test_values_that_look_like_years_are_no_header() -> None:
    table = "| 指标 | 一月 | 二月 |\n| 网店数量（个） | 2018 | 2020 |\n| 快递业务量（万件） | 15.2 | 16.8 |"
    assert not any(r[3] is not None and r[3].month == 1 and r[3].day == 1 and r[4] is not None
                   and r[4].month == 12 for r in _rows(table))


QUARTER = """2021年2季度批发零售业商品销售
| 指标 | 本季 | 比去年同季增长(%) | 1-本季 | 比去年同期增长(%) |
| 商品销售总额(亿元) | 2410.55 | 6.2 | 4580.12 | 8.9 |
| # 批发业 | 2001.30 | 5.1 | 3802.64 | 7.7 |
| 零售业 | 409.25 | 11.4 | 777.48 | 15.0 |"""


def test_quarter_columns_are_the_quarter_and_the_year_to_its_end() -> None:
    got = _rows(QUARTER, date(2021, 7, 20))
    assert ("商品销售总额", "全国", 2410.55, date(2021, 4, 1), date(2021, 6, 30), 6.2) in got
    assert ("商品销售总额", "全国", 4580.12, date(2021, 1, 1), date(2021, 6, 30), 8.9) in got


def test_industries_under_a_sales_total_are_its_parts() -> None:
    got = _rows(QUARTER, date(2021, 7, 20))
    assert ("批发业商品销售额", "全国", 2001.30, date(2021, 4, 1), date(2021, 6, 30), 5.1) in got
    assert ("零售业商品销售额", "全国", 777.48, date(2021, 1, 1), date(2021, 6, 30), 15.0) in got


def test_a_yearbook_running_head_names_the_container_and_its_scope() -> None:
    page = "中国统计年鉴—2021　　　　　　　　　　国内贸易\n\n12-4　邮政业务情况\n\n" + YEARS
    parsed = _parse(page)
    assert parsed.publication == "中国统计年鉴"
    art = parsed.articles[0]
    scope = " ".join(x for x in (art.outlet, parsed.publication, parsed.issuer) if x)
    rows = figure_values(art.body, None, title=art.title, scope=scope)
    assert any(r["metric"] == "快递业务量" and r["value"] == 9300.2 and r["region"] == "全国" for r in rows)


def test_an_original_headline_line_is_no_text_and_the_title_stands_alone() -> None:
    page = (
        "某某资料汇编　　　　　　　　　　　第三辑\n\n"
        "2019年某地电商持续快速发展 网络零售额破300亿\n"
        "【原标题】2019年某地电子商务持续快速发展 全年\n"
        "网络零售额突破300亿元\n"
        "　　据统计，2019年全市网络零售额完成312.4亿元，\n"
        "同比增长21.5%，继续保持较快增长势头。其中，农村网\n"
        "络零售额完成80.6亿元，同比增长25.1%，增速高于全\n"
        "市平均水平。实物商品网络零售额完成255.3亿元，同\n"
        "比增长19.8%。\n\n— 1 —\n"
    )
    parsed = _parse(page)
    assert [a.title for a in parsed.articles] == ["2019年某地电商持续快速发展 网络零售额破300亿"]
    assert "原标题" not in parsed.articles[0].body and "突破300亿元" not in parsed.articles[0].body


def test_an_undated_report_dates_its_years_amount_by_the_year_it_states() -> None:
    text = "2018年，全市寄递行业保持平稳发展。\n全年快递业务量完成5.6亿件，同比增长12.3%。"
    # (全市: the article speaks only of its unnamed city, never of the nation — session 18 _sole_scope)
    assert ("快递业务量", "全市", 5.6, date(2018, 1, 1), date(2018, 12, 31), 12.3) in _rows(text)


def test_a_dated_article_still_resolves_a_years_amount_by_its_date() -> None:
    text = "2018年，全市寄递行业保持平稳发展。\n全年快递业务量完成5.6亿件，同比增长12.3%。"
    dated = _rows(text, date(2020, 6, 1))  # (a year not over yet: the one before, as without the earlier year)
    assert {r[2:] for r in dated} == {r[2:] for r in _rows(text.split("\n")[1], date(2020, 6, 1))}
    assert not any(r[3] == date(2018, 1, 1) for r in dated)


def test_a_bare_revenue_after_a_slashed_scope_is_that_scopes() -> None:
    text = ("2020年，同城快递业务量完成15.2亿件；实现业务收入150.1亿元。"
            "国际/港澳台快递业务量完成1.3亿件，同比增长9.9%；实现业务收入88.6亿元，同比增长5.2%。")
    got = _rows(text, date(2021, 3, 1))
    assert ("国际/港澳台快递业务收入", "全国", 88.6, date(2020, 1, 1), date(2020, 12, 31), 5.2) in got
    assert not any(r[0] == "同城快递业务收入" and r[2] == 88.6 for r in got)


def test_a_bare_revenue_after_an_activitys_volume_is_its_revenue() -> None:
    got = _rows("2019年，全省快递业务量完成12.5亿件，收入完成150.3亿元。", date(2020, 1, 10))
    assert {r[0] for r in got} == {"快递业务量", "快递业务收入"}


def test_a_city_written_after_its_province_is_the_region() -> None:
    got = _rows("一季度，福建泉州和江西赣州快递业务量增速分别为31.2%和28.4%。", date(2023, 4, 28))
    assert ("快递业务量", "泉州", 31.2, date(2023, 1, 1), date(2023, 3, 31), 31.2) in got
    assert ("快递业务量", "赣州", 28.4, date(2023, 1, 1), date(2023, 3, 31), 28.4) in got
    assert not any(r[1] in ("福建", "江西") for r in got)


def test_rates_named_as_such_go_on_with_the_paragraphs_period() -> None:
    text = "一季度，全市快递业务量同比增长11.2%。部分县区增速较高，甲县和乙县快递业务量增速分别为40.5%和35.1%。"
    got = _rows(text, date(2023, 4, 28))
    assert all(r[3] == date(2023, 1, 1) and r[4] == date(2023, 3, 31) for r in got if r[5] in (40.5, 35.1))


def test_a_macro_region_or_a_list_remnant_is_no_indicator() -> None:
    text = ("一季度，从快递业务量占比看，东部降低1.2个百分点，中部和西部分别提升0.8和0.4个百分点。"
            "西部地区四川以21.5%的增速领跑，云南、贵州等省份增速超过15%。")
    got = _rows(text, date(2023, 4, 28))
    assert not any(r[0] in ("东部", "中部和西部", "西部地区四川", "等省份") for r in got)
    assert ("中部地区网络零售额", "全国", 12.1, date(2023, 1, 1), date(2023, 3, 31), 12.1) in _rows(
        "一季度，中部地区网络零售额同比增长12.1%。", date(2023, 4, 28))


def test_places_listed_without_an_indicator_go_on_with_the_activity_measured() -> None:
    text = ("上半年，东、中、西部网络零售额比重分别为80.1%、12.4%和7.5%。东部带动明显，江苏和福建同比分别增长12.6%和9.8%。")
    got = _rows(text, date(2022, 7, 20))
    assert ("网络零售额", "江苏", 12.6, date(2022, 1, 1), date(2022, 6, 30), 12.6) in got
    assert ("网络零售额", "福建", 9.8, date(2022, 1, 1), date(2022, 6, 30), 9.8) in got
    # a population's count is no activity: its places' changes stay unnamed
    assert {r[1] for r in _rows("上半年，全国网民规模达10亿人。江苏和福建同比分别增长3.8%和3.9%。", date(2022, 7, 20))} == {"全国"}


def test_a_sentence_ending_at_a_full_lines_end_does_not_end_the_paragraph() -> None:
    page = (
        "某省电商简报　　　　　　　　　　　　2022年第7期\n\n"
        "上半年全省电子商务运行情况\n\n"
        "　　日前，某省商务厅通报了上半年全省电子\n"
        "商务运行情况。上半年，全省电子商务保持平\n"
        "稳较快增长，线上消费持续活跃，为稳定经济\n"
        "运行作出了积极贡献。\n"
        "　　上半年，全省网络零售额和农村网络零售\n"
        "额完成1815.4亿元和279.3亿元，\n"
        "分别增长19.3%和18.7%。\n"
        "　　区域结构继续优化，山区电商发展势头不\n"
        "减。上半年，东、中、西部网络零售额比重\n"
        "分别为68.3%、24.3%和7.4%。\n"
        "山区县网络零售额比重的提升幅度为近年最\n"
        "高。沿海带动作用明显，甲市和乙市同比分别\n"
        "增长17.8%和15.9%。\n\n- 1 -\n"
    )
    parsed = _parse(page)
    assert len(parsed.articles) == 1
    body = parsed.articles[0].body
    assert "和7.4%。山区县网络零售额" in body
    assert body.count("\n") == 2  # the indented paragraphs still open their own


def test_a_header_of_years_with_a_unit_column_and_the_last_years_change() -> None:
    table = ("| 指标 | 单位 | 2020 | 2021 | 2021年比上年增长(%) |\n"
             "| 快递业务量 | 万件 | 7430.2 | 8802.7 | 18.5 |\n| 快递业务收入 | 亿元 | 6.04 | 7.18 | 18.9 |")
    got = _rows(table)
    assert ("快递业务量", "全国", 7430.2, date(2020, 1, 1), date(2020, 12, 31), None) in got
    assert ("快递业务收入", "全国", 7.18, date(2021, 1, 1), date(2021, 12, 31), 18.9) in got


def test_a_change_over_more_than_a_year_is_no_yearly_growth() -> None:
    table = "| 指标 | 2010 | 2021 | 2021年比2010年增长(%) |\n| 快递业务量（万件） | 930.2 | 8802.7 | 846.3 |"
    assert not any(r[5] == 846.3 for r in _rows(table))


def test_scopes_of_the_whole_just_stated_in_a_story_of_several_activities() -> None:
    text = ("1-5月份，全市邮政行业业务收入累计完成8.21亿元；邮政行业业务总量累计完成9.02亿元。\n"
            "1-5月份，全市快递服务企业业务收入累计完成4.36亿元，同比增长15.2%。其中，同城业务收入累计完成0.52亿元，"
            "同比增长9.9%；异地业务收入累计完成3.01亿元；国际及港澳台业务收入累计完成0.21亿元。")
    names = {r[0] for r in _rows(text, date(2020, 6, 20))}
    assert {"同城快递业务收入", "异地快递业务收入", "国际及港澳台快递业务收入"} <= names
    assert not names & {"同城业务收入", "异地业务收入", "国际及港澳台业务收入"}


def test_revenue_scopes_are_one_metric_with_their_short_names() -> None:
    from bot.services.figures.model import normalise_metric
    from bot.services.lookup import alias_groups
    groups = alias_groups()
    for a, b in (("国际及港澳台快递业务收入", "国际/港澳台快递业务收入"), ("同城业务收入", "同城快递业务收入"),
                 ("异地业务收入", "异地快递业务收入")):
        assert groups[normalise_metric(a)] == groups[normalise_metric(b)]


def test_a_masthead_set_out_in_parts_does_not_run_on_into_the_title() -> None:
    page = (
        "某某市商务局　　　　　　　　　　　　电商运行简报\n"
        "某某市1-8月份电子商务运行情况\n"
        "发布日期：2021-09-18\n"
        "　　1-8月份，全市网络零售额累计完成62.35亿元，同比\n"
        "增长14.21%；其中，实物商品网络零售额累计完成51.0\n"
        "7亿元，同比增长12.96%，占全市网络零售额的81.9%。\n"
        "　　8月份，全市网络零售额完成8.12亿元，同比增长10.0\n"
        "3%，增速比上月加快1.2个百分点，继续保持平稳增长。\n"
        "— 1 —\n"
    )
    parsed = _parse(page)
    assert [a.title for a in parsed.articles] == ["某某市1-8月份电子商务运行情况"]


ALIGNED = """某市统计局

2022年5月份全市消费品市场运行情况
发布时间：2022-06-20

　　5月份，全市消费品市场稳步恢复。

指标                          5月                      1-5月
                      绝对量(亿元)  同比增长(%)  绝对量(亿元)  同比增长(%)
社会消费品零售总额       152.31       3.2         701.45       4.9
其中：网上零售额           41.02       8.8         190.77       9.6
"""


def _article_figures(page: str) -> set[tuple[str, float, date | None, date | None, float | None]]:
    parsed = _parse(page)
    return {(r["metric"], r["value"], r["period_start"], r["period_end"], r["growth_pct"])
            for a in parsed.articles for r in figure_values(a.body, a.published, title=a.title)}


def test_a_table_set_out_with_spaces_is_read_by_its_columns() -> None:
    got = _article_figures(ALIGNED)
    assert ("社会消费品零售总额", 152.31, date(2022, 5, 1), date(2022, 5, 31), 3.2) in got
    assert ("社会消费品零售总额", 701.45, date(2022, 1, 1), date(2022, 5, 31), 4.9) in got
    assert ("网上零售额", 190.77, date(2022, 1, 1), date(2022, 5, 31), 9.6) in got


def test_a_header_standing_over_no_column_leaves_the_lines_as_text() -> None:
    shifted = ALIGNED.replace("指标                          5月                      1-5月",
                              "指标  5月  1-5月  累计  本月  增长")
    assert not any(r[4] is not None and r[1] == r[4] for r in _article_figures(shifted))
    assert not any(r[1] in (3.2, 8.8) for r in _article_figures(shifted))


_CAPTIONED = '寄递行业资料汇编\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000第六辑\r \t\n\r  \n2019年寄递业实现持续快速发展 收入破6000亿\r \t\n【原标题】2019年寄递业实现持续快速发展 \r  \n业务总量突破8000亿元，收入突破6000亿元\r \t\n\u3000\u3000某省寄递局日前公布的《2019年寄递行业发展\r  \n统计公报》显示，2019年，寄递行业保持持续快速\r \t\n发展。其中，寄递行业业务总量突破8000亿元，收\r  \n入突破6000亿元，快递业务量突破400亿件。\r \t\n点击查看大图\r  \n图为快递员在分拣中心整理包裹。（记者 李四 摄）\r \t\n\r  \n寄递业务总量同比增长31.2%\r \t\n\r  \n\u3000\u30002019年，寄递行业业务总量完成8512.6\r \t\n亿元，同比增长31.2%。全年寄递行业业务收入（\r  \n不包括寄递储蓄银行直接营业收入）完成6120.4\r \t\n亿元，同比增长24.6%。\r  \n\u3000\u3000快递业务增长迅速。全年快递服务企业业务量完成\r \t\n402.5亿件，同比增长28.3%；快递业务收入\r  \n完成4810.2亿元，同比增长22.1%。快递业\r \t\n\r  \n- 1 -\r \t\n\r  \n寄递行业资料汇编\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000第六辑\r \t\n\r  \n务收入占行业总收入的比重为73.9%，比上年提高\r \t\n5.3个百分点。其中，同城快递业务量完成74.1\r  \n亿件，同比增长37.2%；实现业务收入563.1\r \t\n亿元，同比增长40.5%。异地快递业务量完成23\r  \n2.5亿件，同比增长56.7%；实现业务收入20\r \t\n99.3亿元，同比增长38.8%。国际/港澳台快\r  \n递业务量完成6.2亿件，同比增长44.9%；实现\r \t\n业务收入429亿元，同比增长16.1%。\r  \n\u3000\u3000从地区看，东、中、西部地区各项快递业务都保持\r \t\n了较快的增长势头，中部和西部地区快递业务量、业务\r  \n收入的占比有所提升。\r \t\n\r  \n- 2 -\r \t\n\r  \n（完）\r \t\n责任编辑：王某\r  \n【纠错】\u3000分享到：\r \t\n打印本页\u3000关闭窗口\r  \n编辑：刘某\u3000审核：陈某\r \t\n'


def test_a_sub_head_under_a_photo_caption_inside_a_wrapped_story_opens_no_story(tmp_path: Path) -> None:
    # (a wrapped report copied from a web page, its lines ended `\\r`: the picture's caption sits inside the story and
    # the sub-head under it is the story's)
    from bot.services.ingest import pipeline

    path = tmp_path / "t.txt"
    path.write_bytes(_CAPTIONED.encode("utf-8"))
    doc = pipeline.read(path, name="t.txt")
    parsed = pipeline.split_articles(doc, pipeline.normalise(doc))
    assert [a.title for a in parsed.articles] == ["2019年寄递业实现持续快速发展 收入破6000亿"]


def test_short_items_share_what_follows_the_last_items_first_word() -> None:
    got = _rows("截至6月底，全省农邮、交邮合作站点分别达到2.3万和0.9万个。", date(2022, 7, 20))
    assert {r[0] for r in got} == {"农邮合作站点", "交邮合作站点"}
