"""City-paper economy pages found in the dev documents of session 18i (tests/corpus/dev/newspaper_s18i_*): each rule
on sentences and pages written for these tests."""

from __future__ import annotations

from datetime import date

from bot.services.figures import extract_figures
from bot.services.ingest.layout import ParsedBulletin, parse_document
from bot.services.ingest.readers import RawDocument, RawLine
from bot.services.lookup import synonyms


def parse_text(text: str) -> ParsedBulletin:
    doc = RawDocument(name="t.txt", fmt="txt", size_bytes=len(text), lines=[RawLine(t) for t in text.split("\n")])
    return parse_document(doc)


def _page(*head: str) -> str:
    return "\n".join(
        [
            "江城日报",
            "2024年5月8日　星期三　第03版　经济",
            "",
            *head,
            "本报记者　陈　明",
            "",
            "　　本报讯　记者从市商务局获悉，一季度，全市外贸进出口总值212.4亿元，同比增长8.1%。其中出口140.2亿元，增长10.3%。",
            "　　市商务局有关负责人表示，下一步将继续帮助企业拓市场、抢订单。",
        ]
    )


def test_a_wide_column_kicker_over_a_headline_and_its_dashed_subtitle() -> None:
    # 引题 / 主题 / `——` 副题: the line over the dashed subtitle is the headline, the wider column kicker is not
    p = parse_text(_page("稳外贸 促发展 强信心·全力拼经济 奋战二季度", "一季度我市外贸稳步回升", "——出口增幅高于全省"))
    assert [a.title for a in p.articles] == ["一季度我市外贸稳步回升"]


def test_a_slogan_kicker_of_parallel_phrases_over_a_plain_headline() -> None:
    p = parse_text(_page("稳住外贸基本盘 奋力冲刺双过半", "我市外贸开局平稳"))
    assert [a.title for a in p.articles] == ["我市外贸开局平稳"]
    # a headline of two phrases stating its figure over a 副题 stays the headline
    p = parse_text(_page("去年江城外贸增幅　居全省第三位", "累计完成212.4亿元，同比增长8.1%"))
    assert [a.title for a in p.articles][0].startswith("去年江城外贸增幅")


def test_investment_subjects_commented_before_their_rates() -> None:
    figs = extract_figures(
        "1-4月，全市基础设施投资较快增长，同比增长12.4%。民间投资活力增强，同比增长7.7%。", date(2024, 5, 20)
    )
    assert [(f.metric, f.growth_pct) for f in figs] == [("基础设施投资", 12.4), ("民间投资", 7.7)]


def test_a_value_added_list_shares_its_measure() -> None:
    figs = extract_figures("1-4月，全市纺织服装业、食品加工业增加值同比分别增长6.1%、9.8%。", date(2024, 5, 20))
    assert [(f.metric, f.growth_pct) for f in figs] == [("纺织服装业增加值", 6.1), ("食品加工业增加值", 9.8)]


def test_a_bracketed_part_with_its_own_rate_is_read() -> None:
    figs = extract_figures(
        "1-4月，全市装备制造业增加值同比增长11.2%（其中，新能源电池制造业增加值增长30.5%），增速居全省前列。",
        date(2024, 5, 20),
    )
    assert [(f.metric, f.growth_pct) for f in figs] == [("装备制造业增加值", 11.2), ("新能源电池制造业增加值", 30.5)]


def test_spring_festival_and_national_day_holidays_take_their_statutory_days() -> None:
    figs = extract_figures("春节假期全市接待游客512.3万人次，实现旅游收入31.6亿元。", date(2024, 3, 1))
    assert {(f.period_start, f.period_end) for f in figs} == {(date(2024, 2, 10), date(2024, 2, 17))}
    figs = extract_figures("2019年“十一”黄金周，全省重点监测商贸企业销售额同比增长9.1%。", date(2019, 10, 9))
    assert [(f.period_start, f.period_end) for f in figs] == [(date(2019, 10, 1), date(2019, 10, 7))]
    # 2023's 国庆 joined 中秋: the joint span
    figs = extract_figures("今年国庆假期，全市重点商超销售额同比增长6.3%。", date(2023, 10, 9))
    assert [(f.period_start, f.period_end) for f in figs] == [(date(2023, 9, 29), date(2023, 10, 6))]
    # 双十一 is no holiday
    figs = extract_figures("今年双十一期间，全市快递业务量达2.1亿件。", date(2023, 11, 20))
    assert all(f.period_start is None or f.period_start.month == 11 for f in figs)


def test_tourist_arrivals_are_one_metric_with_receiving_tourists() -> None:
    assert "接待游客" in synonyms("游客接待量")


def test_a_demonstrative_is_no_part_of_the_metric() -> None:
    figs = extract_figures("2023年，该平台实现跨境电商交易额约36亿元，同比增长21.5%。", date(2024, 1, 20))
    assert [f.metric for f in figs] == ["平台跨境电商交易额"]
    # 该市 still names the city the text named before it
    figs = extract_figures("其中，温州市网络零售额1200亿元；该市跨境电商出口额300亿元。", date(2024, 1, 20))
    assert [f.region for f in figs] == ["温州", "温州"]


def test_national_day_itself() -> None:
    figs = extract_figures("国庆节当天，全市重点商超销售额同比增长6.3%。", date(2024, 10, 3))
    assert [(f.period_start, f.period_end) for f in figs] == [(date(2024, 10, 1), date(2024, 10, 1))]
