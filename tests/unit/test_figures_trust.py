"""Issue 9 item 4, figures a reader can trust: every example the issue names, on the seeds through real ingest where
the example is a seed, on the extractor where it is not.

* a regional figure is never national (region from the sentence, else the article's title/lead);
* a period is carried to another sentence only when it refers back (其中, 同期, 同比 …);
* 分别 gives each metric its own value; changes over several years record their span or are not stored;
* indicator tables become figures with their periods; headline restatements merge into the exact figure;
* the source's precision is kept (stored decimals, rendered); lookup answers exact/alias names only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.models import Article, Figure
from bot.i18n import get_translator
from bot.render import format_growth, format_value, render_figure
from bot.services.entries import figure_entry
from bot.services.figures import (
    FIGURE_FIELDS,
    ExtractedFigure,
    article_region,
    extract_figures,
    figure_values,
    is_growth_only,
)
from bot.services.ingest import load_seeds
from bot.services.lookup import FigureEntry, lookup


def _entry(f: ExtractedFigure) -> FigureEntry:
    """An extracted figure as the entry it becomes once stored (what the render layer formats)."""
    return figure_entry(Figure(**{k: getattr(f, k) for k in FIGURE_FIELDS}, metric_norm=""))


ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """The four seed bulletins ingested into a real SQLite store through the real ingest path."""
    from bot.db.engine import make_engine
    from bot.db.migrate import upgrade

    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    load_seeds(engine, SEEDS)
    return engine


def figures_quoting(session: Session, text: str) -> list[Figure]:
    return list(session.exec(select(Figure).where(Figure.quote.contains(text))))  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------------------------ region


def test_seed_shanghai_express_volume_is_shanghai_not_national(seeded: Engine) -> None:
    """Article 2022年上海市快递业务量完成28.6亿件, sentence `其中，快递业务量完成28.6亿件`: stored as 上海."""
    with Session(seeded) as s:
        (fig,) = [f for f in figures_quoting(s, "快递业务量完成") if f.value == 28.6]
        article = s.get(Article, fig.article_id)
        assert article is not None and "上海市快递业务量" in article.title
        assert (fig.region, fig.metric, fig.period_end, fig.growth_pct) == ("上海", "快递业务量", date(2022, 12, 31),
                                                                            -23.6)
        national = lookup(s, "快递业务量")
        assert all(not (e.value == 28.6 and e.region == "全国") for e in national.entries)
        shanghai = lookup(s, "上海快递业务量")
        assert [(e.region, e.value) for e in shanghai.entries] == [("上海", 28.6)]


def test_region_from_title_or_lead_and_never_over_the_sentence() -> None:
    assert article_region("2022 年上海市快递业务量完成 28.6 亿件") == "上海"
    assert article_region("今年前7个月上海浦东机场口岸跨境电商出口货值增长2.7倍") == "上海"
    assert article_region("2022年福建农村网络零售额居全国第三") == "福建"  # 全国 as the field of a rank
    assert article_region("全国唯一一站式平台在上海上线") == ""  # national and local: no single region
    assert article_region("中美电商合作") == ""
    assert article_region("邮政行业运行情况", "5月31日，上海市邮政管理局发布统计公报。数据显示……") == "上海"
    assert article_region("邮政行业运行情况", "国家邮政局发布统计公报。") == ""
    text = "其中，快递业务量完成28.6亿件。\n全国快递业务量完成1105.8亿件。\n全市网络零售额达100亿元。"
    figs = extract_figures(text, date(2023, 5, 31), title="2022年上海市快递业务量完成28.6亿件")
    assert [(f.region, f.metric) for f in figs] == [("上海", "快递业务量"), ("全国", "快递业务量"),
                                                   ("上海", "网络零售额")]
    # without a regional title the same sentence is national, as before
    assert extract_figures("其中，快递业务量完成28.6亿件。", None)[0].region == "全国"


def test_ingest_passes_the_title_to_the_extractor() -> None:
    rows = figure_values("其中，快递业务量完成28.6亿件。", date(2023, 5, 31), title="上海市快递业务量")
    assert rows[0]["region"] == "上海"


# ------------------------------------------------------------------------------------------------------ periods


def test_seed_year_does_not_leak_into_a_later_sentence(seeded: Engine) -> None:
    """`目前,我国已设立165个跨境电商综试区` came out 截至2030年12月 (a forecast year two sentences earlier)."""
    with Session(seeded) as s:
        (fig,) = [f for f in figures_quoting(s, "已设立 165 个") if f.value == 165]
        assert (fig.period_start, fig.period_end, fig.period_label) == (None, None, "")
        # `未来10年`: not the previous sentence's 截至5月 (undated beside the dated 185个盒马村, it is not stored)
        assert all(f.period_end is None for f in figures_quoting(s, "建立 1000 个盒马村"))


def test_period_carried_only_when_the_sentence_refers_back() -> None:
    pub = date(2023, 9, 5)
    text = ("2022年邮政行业寄递业务量完成1390.9亿件。其中，快递业务量完成1105.8亿件。"
            "目前，全国已建成快递网点10万个。快递业务收入完成10566.7亿元，同比增长2.3%。")
    got = {f.metric: (f.period_start, f.period_end) for f in extract_figures(text, pub)}
    year = (date(2022, 1, 1), date(2022, 12, 31))
    assert got["邮政行业寄递业务量"] == year
    assert got["快递业务量"] == year  # 其中
    assert got["快递网点"] == (None, None)  # 目前: no period of its own, none carried
    assert got["快递业务收入"] == year  # 同比 = against the same period a year before: refers back
    # a report's stock date holds for the stocks after it; a forecast's 到2030年 never does
    cnnic = "截至2023年6月，我国网民规模达10.79亿人。网络购物用户规模达8.84亿人。"
    assert [f.period_end for f in extract_figures(cnnic, pub)] == [date(2023, 6, 30)] * 2
    wto = "预计到2030年全球贸易规模将达30万亿美元。我国已设立165个跨境电商综试区。"
    assert [f.period_end for f in extract_figures(wto, pub)] == [date(2030, 12, 31), None]


# ------------------------------------------------------------------------------------------------------ 分别


def test_fenbie_gives_each_metric_its_own_value() -> None:
    figs = extract_figures("2023年，农村和农产品网络零售额分别达2.49万亿元和0.59万亿元。", date(2024, 1, 20))
    assert [(f.metric, f.value, f.unit, f.period_end) for f in figs] == [
        ("农村网络零售额", 2.49, "万亿元", date(2023, 12, 31)),
        ("农产品网络零售额", 0.59, "万亿元", date(2023, 12, 31)),
    ]
    figs = extract_figures("上半年，城镇和乡村消费品零售额分别为1.2万亿元和0.2万亿元。", date(2023, 7, 15))
    assert [f.metric for f in figs] == ["城镇消费品零售额", "乡村消费品零售额"]


# ------------------------------------------------------------------------------------------------------ growth


def test_seed_growth_over_five_years_is_not_a_one_period_growth(seeded: Engine) -> None:
    """`过去5年,跨境电商进出口额增长了将近10倍` was shown as `约增长1,000%` with no period."""
    with Session(seeded) as s:
        figs = figures_quoting(s, "增长了将近 10 倍")
        assert figs and all(f.growth_pct != 1000 and f.value != 1000 for f in figs)
        assert ("跨境电商进出口额", 2.1, date(2022, 12, 31)) in [(f.metric, f.value, f.period_end) for f in figs]
        assert all(not (f.growth_pct == 1000) for f in lookup(s, "跨境电商进出口额").entries)


def test_multi_year_growth_records_its_span_or_is_not_stored() -> None:
    pub = date(2024, 8, 2)
    start, end, span = extract_figures(
        "从2018年的1.06万亿元到2023年的2.38万亿元，5年间，我国跨境电商进出口增长了1.2倍。", pub)
    assert (span.metric, span.growth_pct, span.period_start, span.period_end) == (
        "跨境电商进出口", 120.0, date(2018, 1, 1), date(2023, 12, 31))
    # each end of the span is a level of its own year (never the whole span, never the other end's year)
    assert [(f.metric, f.value, f.period_start, f.period_end) for f in (start, end)] == [
        ("跨境电商进出口", 1.06, date(2018, 1, 1), date(2018, 12, 31)),
        ("跨境电商进出口", 2.38, date(2023, 1, 1), date(2023, 12, 31)),
    ]
    yw = extract_figures("2013年至2019年，义乌快递业务量从1.8亿件增长至49.91亿件。", pub)
    assert [(f.value, f.period_end) for f in yw] == [(1.8, date(2013, 12, 31)), (49.91, date(2019, 12, 31))]
    undated_end = extract_figures("网络购物交易额由2008年的1257亿元增至2586亿元。", pub)
    assert [(f.value, f.period_end) for f in undated_end] == [(1257, date(2008, 12, 31)), (2586, None)]
    assert extract_figures("5年间，跨境电商进出口额增长了1.2倍。", pub) == []
    assert extract_figures("过去5年，跨境电商进出口额增长近10倍。", pub) == []
    (ranged,) = extract_figures("2012—2022年，网上零售额增长了10倍。", pub)
    assert (ranged.period_start, ranged.period_end, ranged.growth_pct) == (date(2012, 1, 1), date(2022, 12, 31), 1000)
    # a period after the span dates the change again
    (dated,) = extract_figures("过去5年发展迅速，2023年网上零售额增长11%。", pub)
    assert (dated.growth_pct, dated.period_end) == (11.0, date(2023, 12, 31))


def test_growth_alone_is_a_growth_never_a_level() -> None:
    (g,) = extract_figures("2023年，社会消费品零售总额比上年增长8.4%。", date(2024, 1, 20))
    assert is_growth_only(g) and g.growth_pct == 8.4 and g.metric == "社会消费品零售总额"
    t = get_translator("zh")
    shown = render_figure(t, _entry(g), with_source=False)
    assert "增长8.4%" in shown and "：8.4%" not in shown


# ------------------------------------------------------------------------------------------------------ tables

TABLE = """11月份，社会消费品零售总额为39514亿元，同比增长5.0%。
2020年11月份社会消费品零售总额主要数据
指　标 | 11月 | | 1—11月 |
| 绝对量（亿元） | 同比增长（%） | 绝对量（亿元） | 同比增长（%） |
社会消费品零售总额 | 39514 | 5.0 | 351415 | -4.8
其中：限额以上单位消费品零售额 | 15190 | 8.3 | 127124 | -2.8
其中：实物商品网上零售额 | — | — | 87792 | 15.7
按经营地分 | | | |
城镇 | 34072 | 4.9 | 304413 | -4.9
附注
1．指标解释
限额以上单位是指年主营业务收入2000万元及以上的批发业企业。"""


def test_indicator_table_becomes_figures_with_the_tables_periods() -> None:
    figs = extract_figures(TABLE, date(2020, 12, 15), title="2020年11月份社会消费品零售总额增长5.0%")
    got = {(f.metric, f.period_start, f.period_end): (f.value, f.unit, f.growth_pct) for f in figs}
    nov, ytd = (date(2020, 11, 1), date(2020, 11, 30)), (date(2020, 1, 1), date(2020, 11, 30))
    assert got[("社会消费品零售总额", *nov)] == (39514, "亿元", 5.0)  # the text's figure, stated once
    assert got[("社会消费品零售总额", *ytd)] == (351415, "亿元", -4.8)  # negative growth from the table
    assert got[("限额以上单位消费品零售额", *nov)] == (15190, "亿元", 8.3)
    assert got[("限额以上单位消费品零售额", *ytd)] == (127124, "亿元", -2.8)
    assert got[("实物商品网上零售额", *ytd)] == (87792, "亿元", 15.7)
    assert ("实物商品网上零售额", *nov) not in got  # `—`: no value for the month
    assert len([f for f in figs if f.value == 39514]) == 1
    assert not any(f.metric == "城镇" for f in figs)  # a row name that is no metric of its own
    assert not any(f.value == 2000 for f in figs)  # 附注: definitions, not figures
    # month columns resolve against the article's date when no year is written
    bare = "指　标 | 3月 | | 1—3月 |\n网上零售额（亿元） | 9000 | 10.1 | 30000 | 8.0"
    got2 = {(f.period_start, f.period_end): f.value for f in extract_figures(bare, date(2024, 4, 16))}
    assert got2 == {(date(2024, 3, 1), date(2024, 3, 31)): 9000, (date(2024, 1, 1), date(2024, 3, 31)): 30000}


# ------------------------------------------------------------------------------------------------------ restatements


def test_headline_restatements_merge_into_the_exact_figure() -> None:
    text = "我国网民规模突破9亿。\n截至2020年3月，我国网民规模达9.04亿人，互联网普及率达64.5%。"
    figs = extract_figures(text, date(2020, 4, 28))
    assert [(f.metric, f.value, f.qualifier) for f in figs] == [("网民规模", 9.04, "exact"),
                                                               ("互联网普及率", 64.5, "exact")]
    text = "前7个月网上零售额超8万亿元\n1至7月，全国网上零售额8.38万亿元，增长9.5%。"
    figs = extract_figures(text, date(2024, 8, 23))
    assert [(f.value, f.growth_pct) for f in figs] == [(8.38, 9.5)]
    # a growth headline over the body's level with that growth
    text = "11月份社会消费品零售总额增长5.0%\n11月份，社会消费品零售总额为39514亿元，同比增长5.0%。"
    assert [f.value for f in extract_figures(text, date(2020, 12, 15))] == [39514]
    # in one sentence a milestone and a level are both stated
    both = extract_figures("2022年，跨境电商进出口额首次突破2万亿元关口、达2.1万亿元。", date(2023, 6, 1))
    assert [(f.value, f.qualifier) for f in both] == [(2.0, "lower_bound"), (2.1, "exact")]
    # a bound far from the exact figure is another statement
    far = extract_figures("网民规模超过5亿。\n截至2020年3月，我国网民规模达9.04亿人。", date(2020, 4, 28))
    assert sorted(f.value for f in far) == [5, 9.04]


# ------------------------------------------------------------------------------------------------------ precision


def test_source_precision_is_stored_and_rendered(seeded: Engine) -> None:
    (f,) = extract_figures("2022年，全国网上零售额13.80万亿元，比上年增长4.0%。", date(2023, 1, 20))
    assert (f.value, f.value_decimals, f.growth_pct, f.growth_decimals) == (13.8, 2, 4.0, 1)
    zh, en = get_translator("zh"), get_translator("en")
    assert format_value(zh, 13.8, "万亿元", 13.8e12, "元", 2) == "13.80万亿元"
    assert format_value(en, 13.8, "万亿元", 13.8e12, "元", 2) == "13.80 trillion yuan"
    assert format_value(zh, 4.0, "%", 4.0, "%", 1) == "4.0%"
    assert format_growth(zh, 4.0, None, decimals=1) == "增长4.0%"
    assert format_value(zh, 4.0, "%", 4.0, "%") == "4%"  # rows stored before the precision was kept
    assert "13.80万亿元" in render_figure(zh, _entry(f), with_source=False)
    with Session(seeded) as s:
        rows = [r for r in figures_quoting(s, "同比增长 8.5%") if r.growth_pct == 8.5]
        assert rows and rows[0].growth_decimals == 1
        six = [r for r in figures_quoting(s, "6.0 亿件") if r.value == 6.0]
        assert six and six[0].value_decimals == 1
        entry = next(e for e in lookup(s, "同城快递业务量").entries if e.value == 6.0)
        assert entry.value_decimals == 1
        assert "6.0亿件" in render_figure(zh, entry, with_source=False)


# ------------------------------------------------------------------------------------------------------ lookup


def test_seed_lookup_never_lists_another_metric_first(seeded: Engine) -> None:
    """`/metric 直播电商` listed 阿联酋电商 first: a partial name now gets suggestions, never another metric."""
    with Session(seeded) as s:
        result = lookup(s, "直播电商")
        assert result.entries == [] and result.match == "none"
        assert result.suggestions and all("直播电商" in x for x in result.suggestions[:3])
        assert "阿联酋" not in result.suggestions[0]
        exact = lookup(s, "直播电商交易规模")
        assert exact.match == "exact" and exact.entries
        assert all(e.metric == "直播电商交易规模" for e in exact.entries)


def test_spans_of_days_and_one_day_are_periods() -> None:
    (f,) = extract_figures("2023年11月1日至11日，全国邮政快递企业共揽收快递包裹52.64亿件，同比增长23.22%。",
                           date(2023, 11, 12))
    assert (f.period_start, f.period_end, f.growth_pct, f.growth_decimals) == (
        date(2023, 11, 1), date(2023, 11, 11), 23.22, 2)
    (d,) = extract_figures("11月11日当天处理快件5080.86万件，同比增长36.8%。", date(2020, 11, 12))
    assert (d.metric, d.period_start, d.period_end) == ("快件处理量", date(2020, 11, 11), date(2020, 11, 11))
    # an event's date is not the period of the figures reported on it
    (e,) = extract_figures("5月31日，邮政管理局发布数据，快递业务量完成28.6亿件。", date(2023, 6, 1))
    assert (e.period_start, e.period_end) == (None, None)


POSTAL = """全国邮政行业发展情况表（2018年12月份）
指标名称 | 单位 | 累计 | 当月 | 比去年同期增长（%） |
| | | | 累计 | 当月
一、邮政行业业务收入 | 亿元 | 7904.7 | 763.0 | 19.4 | 16.7
　2、快递业务 | 亿元 | 6038.4 | 609.6 | 21.8 | 17.3
二、邮政行业业务总量 | 亿元 | 12345.2 | 1279.6 | 26.4 | 26.2
　1、邮政寄递服务 | 万件 | 2374636.3 | 204064.6 | 0.5 | -1.1
　　其中：函件 | 万件 | 267660.0 | 18560.0 | -15.0 | -28.1
　2、快递业务 | 万件 | 5071042.8 | 541822.2 | 26.6 | 29.0
　　其中：同城 | 万件 | 1141328.5 | 117491.1 | 23.1 | 20.7
　　　　　异地 | 万件 | 3819104.7 | 413934.1 | 27.5 | 32.0"""


def test_table_with_unit_column_cumulative_and_month_columns_and_sub_items() -> None:
    figs = extract_figures(POSTAL, date(2019, 1, 16))
    got = {(f.metric, f.period_start): (f.value, f.unit, f.growth_pct) for f in figs}
    year, dec = date(2018, 1, 1), date(2018, 12, 1)
    assert got[("邮政行业业务收入", year)] == (7904.7, "亿元", 19.4)
    assert got[("邮政行业业务收入", dec)] == (763.0, "亿元", 16.7)
    assert got[("快递业务收入", year)] == (6038.4, "亿元", 21.8)  # 快递业务 in 亿元: the revenue
    assert got[("快递业务量", year)] == (5071042.8, "万件", 26.6)  # 快递业务 in 万件: the volume
    assert got[("函件业务量", dec)] == (18560.0, "万件", -28.1)
    assert got[("同城快递业务量", year)] == (1141328.5, "万件", 23.1)
    assert got[("异地快递业务量", dec)] == (413934.1, "万件", 32.0)  # a sibling of 同城 under 快递业务
    assert all(f.period_end in (date(2018, 12, 31),) for f in figs)


def test_undated_headline_pronouns_and_thresholds() -> None:
    text = "我国网民规模达10.79亿人\n报告显示，截至2023年6月，我国网民规模达10.79亿人。"
    assert [(f.value, f.period_end) for f in extract_figures(text, date(2023, 8, 28))] == [
        (10.79, date(2023, 6, 30))]
    figs = extract_figures("2016年义乌市电商发展总指数为732.8。2015年，义乌该指数为586.9。", date(2017, 3, 1))
    assert [(f.metric, f.value) for f in figs] == [("电商发展总指数", 732.8), ("电商发展总指数", 586.9)]
    assert extract_figures("2015年至2023年，这一指标年均增速达71.4%。", date(2024, 1, 1)) == []
    (town,) = extract_figures("全省已有年交易额超过3000万元的“淘宝镇”204个。", date(2017, 3, 1), title="浙江电商")
    assert (town.region, town.metric, town.value) == ("浙江", "淘宝镇", 204)


def test_region_lists_with_fenbie_and_breakdowns_of_the_paragraphs_subject() -> None:
    figs = extract_figures("2016年杭州、金华电商发展指数分别为327.55和251，位列前两名。", date(2017, 3, 1))
    assert [(f.region, f.metric, f.value) for f in figs] == [("杭州", "电商发展指数", 327.55),
                                                           ("金华", "电商发展指数", 251)]
    text = "2017年上半年，全国农村实现网络零售额5376.2亿元，同比增长38.1%。分季度看，二季度同比增长39.2%。"
    level, quarter = extract_figures(text, date(2017, 8, 1))
    assert (level.metric, level.value, level.growth_pct) == ("农村网络零售额", 5376.2, 38.1)
    assert (quarter.metric, quarter.growth_pct, quarter.period_start, quarter.period_end) == (
        "农村网络零售额", 39.2, date(2017, 4, 1), date(2017, 6, 30))
    assert is_growth_only(quarter)


def test_generic_heads_take_the_name_stated_before_and_business_lines_their_kind() -> None:
    (f,) = extract_figures("我国电子商务交易额在2008、2009两年连创新高，2009年交易额达3.8万亿元，同比增长21.7%。",
                           date(2010, 8, 30))
    assert (f.metric, f.value, f.period_end, f.growth_pct) == ("电子商务交易额", 3.8, date(2009, 12, 31), 21.7)
    (p,) = extract_figures("2018年，包裹业务累计完成2407万件，同比下降9.4%。", date(2019, 1, 16))
    assert (p.metric, p.growth_pct) == ("包裹业务量", -9.4)


def test_one_rate_after_a_fenbie_list_and_annual_growth() -> None:
    figs = extract_figures("快递业务量、业务收入分别完成1425亿件和1.3万亿元，增速8%左右。", date(2024, 1, 10))
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("快递业务量", 1425, 8.0), ("快递业务收入", 1.3, 8.0)]
    (users, rate) = extract_figures("2009年网络购物用户规模达1.08亿人，年增长45.9%，网络购物使用率升至28.1%。",
                                    date(2010, 8, 30))
    assert (users.metric, users.growth_pct, rate.growth_pct) == ("网络购物用户规模", 45.9, None)


def test_table_rows_glued_by_lost_line_breaks_are_read() -> None:
    glued = ("指 标 | 11月 | | 1—11月 |\n"
             "| 绝对量（亿元） | 同比增长（%） | 绝对量（亿元） | 同比增长（%） |社会消费品零售总额 | 39514 | 5.0 | 351415 | -4.8\n"
             "其中：除汽车以外的消费品零售额 | 35497 | 4.2 | 316884 | -5.0其中：限额以上单位消费品零售额 | 15190 | 8.3 | 127124 | -2.8\n"
             "城镇 | 34072 | 4.9 | 304413 | -4.9")
    got = {(f.metric, f.period_start): (f.value, f.growth_pct) for f in extract_figures(glued, date(2020, 12, 15))}
    nov, ytd = date(2020, 11, 1), date(2020, 1, 1)
    assert got[("社会消费品零售总额", nov)] == (39514, 5.0)
    assert got[("社会消费品零售总额", ytd)] == (351415, -4.8)
    assert got[("除汽车以外的消费品零售额", ytd)] == (316884, -5.0)
    assert got[("限额以上单位消费品零售额", nov)] == (15190, 8.3)
    assert got[("限额以上单位消费品零售额", ytd)] == (127124, -2.8)


def test_average_yearly_rates_are_not_growth_and_driven_totals_are_not_the_total() -> None:
    assert extract_figures("2015年至2023年，跨境电商进出口额年均增速达71.4%。", date(2024, 1, 1)) == []
    assert extract_figures("近5年，我国算力产业规模年均增长超过30%。", date(2023, 9, 5)) == []
    # the sales a festival drove are not the nation's 网络零售额 (a lookup of 网络零售额 must not answer with them)
    (f,) = extract_figures('第二届"双品网购节"带动同期全国网络零售额超4300亿元。', date(2020, 7, 30))
    assert f.value == 4300 and f.metric != "网络零售额" and "带动" in f.metric


def test_a_masthead_or_dateline_is_not_the_articles_region() -> None:
    assert article_region("台州日报　2024年04月22日　第3版") == ""
    assert article_region("新华社北京4月21日电") == ""
    figs = extract_figures("一季度快递业务量累计完成371.1亿件，同比增长25.2%。", date(2024, 4, 22),
                           title="台州日报　2024年04月22日　第3版")
    assert figs[0].region == "全国"


def test_a_round_number_restated_in_its_own_sentence_merges_a_milestone_does_not() -> None:
    figs = extract_figures("去年全国电子商务交易总额超过20万亿元，达到20.8万亿元，同比增长27%。", date(2016, 5, 18))
    assert [(f.value, f.qualifier, f.growth_pct) for f in figs] == [(20.8, "exact", 27.0)]
    kept = extract_figures("2022年，跨境电商进出口额首次突破2万亿元关口、达2.1万亿元。", date(2023, 6, 1))
    assert len(kept) == 2


def test_a_leading_forecast_verb_governs_its_sentence() -> None:
    figs = extract_figures("国家邮政局预计，2024年行业仍将继续保持稳步上升态势，快递业务量、业务收入分别完成1425亿件和"
                           "1.3万亿元，增速8%左右。", date(2024, 3, 23))
    assert [(f.metric, f.is_forecast) for f in figs] == [("快递业务量", True), ("快递业务收入", True)]
    (past,) = extract_figures("2023年快递业务量完成1320亿件，预计，今年将继续增长。", date(2024, 1, 9))
    assert not past.is_forecast


def test_average_rates_years_named_festivals_and_single_quoted_terms() -> None:
    # a growth rate averaged over years, written as a level, is no figure
    assert extract_figures("3月份，全国餐饮收入同比增速两年平均为5.2%。", date(2021, 4, 16)) == []
    # `2018年的‘双11’`: the year names the festival, not a year-to-date period of the figure
    (f,) = extract_figures("据第三方机构统计，2018年的‘双11’全网销售额已超过3000亿元。", date(2018, 11, 20))
    assert (f.metric, f.value, f.period_start, f.period_end) == ("双11全网销售额", 3000, None, None)
    # a term in single quotes inside a quotation is part of the name, as in double quotes
    (g,) = extract_figures("他说：“今年‘年货节’期间重点平台销售额超过500亿元。”", date(2022, 2, 10))
    assert "‘" not in g.metric and "’" not in g.metric


def test_a_per_day_average_change_is_not_the_totals_growth() -> None:
    text = "春节假期（2月10日至16日），全省网络零售额达到85.3亿元，快递包裹2.6亿件，日均较去年春节假期分别增长12.4%和8.8%。"
    figs = extract_figures(text, date(2024, 2, 18), title="示例省春节消费")
    assert [(f.metric, f.value, f.growth_pct) for f in figs] == [("网络零售额", 85.3, None), ("快递包裹", 2.6, None)]


def test_a_milestone_with_its_own_level_survives_a_recap_of_that_level() -> None:
    text = ("2023年，全省快递业务量首次突破50亿件，达51.3亿件，比上年增长18%。"
            "全年快递业务量和业务收入分别为51.3亿件和402.6亿元，分别增长18%和12%。")
    figs = [(f.metric, f.value, f.qualifier) for f in extract_figures(text, date(2024, 1, 25), title="示例省邮政")]
    assert ("快递业务量", 50, "lower_bound") in figs and ("快递业务量", 51.3, "exact") in figs


def test_the_size_of_a_fall_is_a_negative_growth_and_a_rate_rising_to_is_a_growth() -> None:
    figs = extract_figures("3月份，全省网络零售额同比下降4.2%，4月份降幅收窄至0.8%。", date(2023, 5, 20), title="示例省商务")
    assert [(f.metric, f.growth_pct, f.period_end) for f in figs] == [
        ("网络零售额", -4.2, date(2023, 3, 31)), ("网络零售额", -0.8, date(2023, 4, 30))]
    (fall,) = extract_figures("4月份，全省网络零售额降幅为0.8%。", date(2023, 5, 20), title="示例省商务")
    assert fall.growth_pct == -0.8
    (rise,) = extract_figures("1—4月，全省网络零售额增速回升至2.6%。", date(2023, 5, 20), title="示例省商务")
    assert (rise.metric, rise.growth_pct) == ("网络零售额", 2.6)


def test_a_market_expectation_is_no_figure() -> None:
    figs = extract_figures("5月份，全省网络零售额同比增长6.2%，低于市场预期的7.5%。", date(2023, 6, 16), title="示例省商务")
    assert [(f.metric, f.growth_pct) for f in figs] == [("网络零售额", 6.2)]


def test_gai_shi_is_the_city_the_paragraph_just_named() -> None:
    text = "一季度，温州市网络零售额512.3亿元，同比增长9.6%。该市农产品网络零售额同比增长18.2%。"
    figs = extract_figures(text, date(2024, 4, 20), title="浙江一季度电商运行")
    assert [(f.region, f.metric) for f in figs] == [("温州", "网络零售额"), ("温州", "农产品网络零售额")]


def test_a_paragraph_giving_a_places_part_of_the_whole_before_takes_its_period() -> None:
    text = ("一季度，全省实现快递业务量18.6亿件，同比增长21.3%。\n"
            "嘉兴市实现快递业务量3.1亿件，同比增长17.9%。\n"
            "湖州市快递业务量1.2亿件，增长15.0%。")
    figs = extract_figures(text, date(2024, 4, 18), title="浙江一季度邮政运行")
    assert [(f.region, f.value, f.period_start, f.period_end) for f in figs] == [
        ("浙江", 18.6, date(2024, 1, 1), date(2024, 3, 31)),
        ("嘉兴", 3.1, date(2024, 1, 1), date(2024, 3, 31)),
        ("湖州", 1.2, date(2024, 1, 1), date(2024, 3, 31)),
    ]


def test_a_month_and_a_month_span_listed_before_fenbie_date_the_rates_in_order() -> None:
    figs = extract_figures("8月份和1—8月份，全省网络零售额同比分别增长5.6%和7.9%。", date(2024, 9, 20), title="示例省商务")
    assert [(f.growth_pct, f.period_start, f.period_end) for f in figs] == [
        (5.6, date(2024, 8, 1), date(2024, 8, 31)), (7.9, date(2024, 1, 1), date(2024, 8, 31))]


def test_shang_yue_is_the_month_before_the_story() -> None:
    (f,) = extract_figures("上月，全省网络零售额同比增长6.4%。", date(2024, 3, 12), title="示例省商务")
    assert (f.growth_pct, f.period_start, f.period_end) == (6.4, date(2024, 2, 1), date(2024, 2, 29))
    (g,) = extract_figures("3月份，全省网络零售额215.3亿元，比上月增长9.8%。", date(2024, 4, 16), title="示例省商务")
    assert (g.period_start, g.growth_pct) == (date(2024, 3, 1), None)  # `比上月`: a base, and no year-on-year growth


def test_a_rate_then_the_level_it_reached_is_no_range() -> None:
    (f,) = extract_figures("前三季度，全省快递业务量同比增长14.8%至26.7亿件。", date(2024, 10, 22), title="示例省邮政")
    assert (f.metric, f.value, f.unit, f.growth_pct) == ("快递业务量", 26.7, "亿件", 14.8)
    assert extract_figures("预计全年快递业务量增速在8%至10%之间。", date(2024, 10, 22), title="示例省邮政") == []
