"""Metric lookup on real stores (SQLite and PostgreSQL): ordering, merging, aliases, fuzzy, periods, suggestions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import Session

from bot.db.engine import make_engine, session_scope
from bot.db.migrate import upgrade
from bot.db.models import Article, Bulletin, Figure
from bot.i18n import Translator
from bot.render.lookup import lookup_text
from bot.services.figures import normalise_metric
from bot.services.lookup import (
    COUNT_UP_TO,
    MAX_SOURCES,
    PeriodFilter,
    alias_groups,
    english_name,
    lookup,
    normalise_query,
    overlap,
    parse_query,
    similarity,
    synonyms,
)

ROOT = Path(__file__).resolve().parents[2]

YI = 100_000_000
WANYI = 10_000 * YI

ZH = Translator("zh")


def add_article(session: Session, *, title: str, outlet: str = "人民日报", published: date = date(2023, 9, 5),
                publication: str = "电子商务动态", issue_no: str | None = "2023年第17期", body: str = "") -> Article:
    bulletin = Bulletin(publication=publication, issue_no=issue_no, published=published,
                        file_name=f"{uuid.uuid4().hex}.txt", content_hash=uuid.uuid4().hex)
    session.add(bulletin)
    session.flush()
    assert bulletin.id is not None
    article = Article(bulletin_id=bulletin.id, title=title, outlet=outlet, published=published, body=body or title)
    session.add(article)
    session.flush()
    return article


def add_figure(session: Session, article: Article, metric: str, value: float, unit: str, base: float,
               base_unit: str, start: date | None, end: date | None, label: str = "", *, region: str = "全国",
               growth_pct: float | None = None, forecast: bool = False, quote: str = "",
               qualifier: str = "exact") -> Figure:
    assert article.id is not None
    fig = Figure(article_id=article.id, metric=metric, metric_norm=normalise_metric(metric), region=region,
                 value=value, unit=unit, value_base=base, base_unit=base_unit, qualifier=qualifier,
                 period_start=start, period_end=end, period_label=label, growth_pct=growth_pct,
                 is_forecast=forecast, quote=quote or f"{region}{metric}{value}{unit}")
    session.add(fig)
    session.flush()
    return fig


@pytest.fixture
def store(session: Session) -> dict[str, Article]:
    """A small store: the same figure from two outlets, two different 2022 values, alias, region, as-of, forecast."""
    a1 = add_article(session, title="上半年网上零售额增长13.1%", outlet="人民日报")
    a2 = add_article(session, title="网络消费持续回暖", outlet="经济日报", published=date(2023, 9, 6),
                     publication="电子商务动态", issue_no="2023年第18期")
    a3 = add_article(session, title="2022年电子商务发展报告", outlet="商务部", published=date(2023, 6, 5),
                     issue_no="2023年第11期")
    a4 = add_article(session, title="网络零售市场回顾", outlet="网经社", published=date(2023, 6, 6), issue_no=None,
                     publication="中国贸易报")
    a5 = add_article(session, title="网民规模达10.79亿", outlet="中国互联网络信息中心", published=date(2023, 9, 1))
    a6 = add_article(session, title="展望全年", outlet="第一财经", published=date(2023, 9, 10))
    h1 = (date(2023, 1, 1), date(2023, 6, 30))
    add_figure(session, a1, "网上零售额", 7.16, "万亿元", 7.16 * WANYI, "元", *h1, "2023年上半年", growth_pct=13.1,
               quote="上半年,全国网上零售额7.16万亿元,同比增长13.1%。")
    add_figure(session, a2, "网上零售额", 7.16, "万亿元", 7.16 * WANYI, "元", *h1, "2023年上半年",
               quote="今年上半年全国网上零售额达7.16万亿元。")
    add_figure(session, a1, "实物商品网上零售额", 6.06, "万亿元", 6.06 * WANYI, "元", *h1, "2023年上半年",
               growth_pct=10.8)
    add_figure(session, a1, "网上零售额", 8000, "亿元", 8000 * YI, "元", *h1, "2023年上半年", region="上海")
    add_figure(session, a3, "网上零售额", 13.8, "万亿元", 13.8 * WANYI, "元", date(2022, 1, 1), date(2022, 12, 31),
               "2022年", growth_pct=4.0, quote="2022年全国网上零售额13.8万亿元,比上年增长4.0%。")
    add_figure(session, a4, "网络零售额", 13.79, "万亿元", 13.79 * WANYI, "元", date(2022, 1, 1),
               date(2022, 12, 31), "2022年", quote="2022年全国网络零售额达13.79万亿元。")
    add_figure(session, a5, "网民规模", 10.79, "亿人", 10.79 * YI, "人", None, date(2023, 6, 30), "截至2023年6月",
               quote="截至2023年6月,我国网民规模达10.79亿人。")
    add_figure(session, a6, "网上零售额", 15, "万亿元", 15 * WANYI, "元", date(2023, 1, 1), date(2023, 12, 31),
               "2023年", forecast=True, qualifier="approx", quote="预计全年网上零售额约15万亿元。")
    add_figure(session, a6, "网上零售额", 3, "万亿元", 3 * WANYI, "元", None, None, "", quote="网上零售额3万亿元")
    add_figure(session, a3, "农村网络零售额", 2.17, "万亿元", 2.17 * WANYI, "元", date(2022, 1, 1),
               date(2022, 12, 31), "2022年", growth_pct=3.6)
    session.commit()
    return {"a1": a1, "a2": a2, "a3": a3, "a4": a4, "a5": a5, "a6": a6}


def values(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(e.region, e.value, e.period_end) for e in result.entries]


# ------------------------------------------------------------------------------------------ pure parsing


@pytest.mark.parametrize(
    ("query", "metric", "year", "months"),
    [
        ("网上零售额", "网上零售额", None, None),
        ("网上零售额 2023", "网上零售额", 2023, None),
        ("网上零售额2023年", "网上零售额", 2023, None),
        ("网上零售额 上半年", "网上零售额", None, (1, 6)),
        ("网上零售额 2023年上半年", "网上零售额", 2023, (1, 6)),
        ("2023年上半年网上零售额", "网上零售额", 2023, (1, 6)),
        ("网上零售额 2023 H1", "网上零售额", 2023, (1, 6)),
        ("网上零售额 h2 2022", "网上零售额", 2022, (7, 12)),
        ("网上零售额 前三季度", "网上零售额", None, (1, 9)),
        ("网上零售额 一季度", "网上零售额", None, (1, 3)),
        ("网上零售额 2023 Q2", "网上零售额", 2023, (4, 6)),
        ("网上零售额 2023年1-7月", "网上零售额", 2023, (1, 7)),
        ("网上零售额 1月至7月", "网上零售额", None, (1, 7)),
        ("网上零售额 前7个月", "网上零售额", None, (1, 7)),
        ("网上零售额 前七个月", "网上零售额", None, (1, 7)),
        ("网上零售额 8月份", "网上零售额", None, (8, 8)),
        ("网上零售额 2023年6月", "网上零售额", 2023, (6, 6)),
        ("网上零售额 全年", "网上零售额", None, (1, 12)),
        ("网上零售额　２０２３", "网上零售额", 2023, None),  # full-width digits and space
        ("5G用户", "5G用户", None, None),
    ],
)
def test_parse_query(query: str, metric: str, year: int | None, months: tuple[int, int] | None) -> None:
    got_metric, period = parse_query(query)
    assert got_metric.replace(" ", "") == metric
    if year is None and months is None:
        assert period is None
    else:
        assert period is not None and (period.year, period.months) == (year, months)


def test_period_filter_matches() -> None:
    h1 = PeriodFilter(months=(1, 6))
    assert h1.matches(date(2023, 1, 1), date(2023, 6, 30))
    assert h1.matches(None, date(2022, 6, 30))  # stock as of the end of June
    assert not h1.matches(date(2023, 4, 1), date(2023, 6, 30))  # Q2 is not H1
    assert not h1.matches(date(2023, 1, 1), date(2023, 7, 31))
    assert PeriodFilter(year=2023).matches(date(2023, 1, 1), date(2023, 3, 31))
    assert not PeriodFilter(year=2023).matches(None, None)


def test_alias_table_and_similarity() -> None:
    groups = alias_groups()
    assert groups["网零"][0] == "网上零售额"
    assert "网络零售额" in synonyms("网上零售额") and "网上零售额" in synonyms("网络零售额")
    assert synonyms("不存在的指标率") == ("不存在的指标率",)
    # a count is found with or without its counting word (`网商` / `网商数量` / `网商数`), nothing else is added
    assert synonyms("不存在的店铺") == ("不存在的店铺", "不存在的店铺数量", "不存在的店铺数", "不存在的店铺总数")
    assert synonyms("店铺数量")[:2] == ("店铺数量", "店铺") and "指" not in synonyms("电子商务发展指数")
    seen: dict[str, str] = {}
    for name, group in groups.items():  # groups are disjoint
        assert seen.setdefault(name, group[0]) == group[0]
    assert similarity("网上零售", "网上零售额") > similarity("网上零售", "实物商品网上零售额") >= 0.6
    assert similarity("网民规模", "快递业务量") < 0.3


# ------------------------------------------------------------------------------------------ lookups on the store


def test_newest_period_first_nulls_last(session: Session, store: dict[str, Article]) -> None:
    result = lookup(session, "网上零售额")
    assert result.match == "exact"
    ends = [e.period_end for e in result.entries]
    assert ends[-1] is None
    dated = [d for d in ends if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert ends[0] == date(2023, 12, 31) and result.entries[0].is_forecast
    assert result.entries[0].qualifier == "approx"


def test_same_value_from_two_sources_is_one_entry(session: Session, store: dict[str, Article]) -> None:
    result = lookup(session, "网上零售额")
    h1 = [e for e in result.entries if e.value == 7.16]
    assert len(h1) == 1
    entry = h1[0]
    assert [s.article_id for s in entry.sources] == [store["a1"].id, store["a2"].id]
    assert [s.outlet for s in entry.sources] == ["人民日报", "经济日报"]
    assert [s.bulletin for s in entry.sources] == ["电子商务动态 2023年第17期", "电子商务动态 2023年第18期"]
    assert entry.growth_pct == 13.1
    assert entry.sources[0].quote.startswith("上半年,全国网上零售额7.16万亿元")
    assert entry.sources[1].published == date(2023, 9, 6)


def test_rounded_values_from_several_sources_are_one_entry(session: Session, store: dict[str, Article]) -> None:
    """13.8 (商务部) and 13.79万亿元 (网经社) for 2022 are one figure rounded differently: one entry, the precise
    value, both sources each with the value it reported."""
    result = lookup(session, "网上零售额")
    y2022 = [e for e in result.entries if e.period_end == date(2022, 12, 31)]
    assert len(y2022) == 1
    [entry] = y2022
    assert entry.value == 13.79 and entry.source_count == 2 and entry.growth_pct == 4.0
    by_article = {s.article_id: s for s in entry.sources}
    assert by_article[store["a3"].id].value == 13.8 and by_article[store["a3"].id].bulletin == "电子商务动态 2023年第11期"
    assert by_article[store["a4"].id].value == 13.79 and by_article[store["a4"].id].bulletin == "中国贸易报"
    assert entry.growth_basis == "yoy"  # the 13.8 source says 比上年增长
    # region is part of the key: 上海's H1 figure is its own entry
    assert ("上海", 8000, date(2023, 6, 30)) in values(result)


def test_real_disagreements_stay_separate(session: Session, store: dict[str, Article]) -> None:
    a7 = add_article(session, title="网络零售另一口径", outlet="某研究院", published=date(2023, 7, 1))
    add_figure(session, a7, "网上零售额", 14.1, "万亿元", 14.1 * WANYI, "元", date(2022, 1, 1), date(2022, 12, 31),
               "2022年", quote="2022年网上零售额14.1万亿元。")
    session.commit()
    y2022 = [e for e in lookup(session, "网上零售额").entries if e.period_end == date(2022, 12, 31)]
    assert sorted(e.value for e in y2022) == [13.79, 14.1]


def test_lower_bound_and_undated_reports_join_the_dated_figure(session: Session) -> None:
    a = add_article(session, title="跨境电商进出口首破2万亿", outlet="光明日报")
    b = add_article(session, title="跨境电商回顾", outlet="人民网", published=date(2023, 9, 8))
    year = (date(2022, 1, 1), date(2022, 12, 31))
    add_figure(session, a, "跨境电商进出口额", 2.1, "万亿元", 2.1 * WANYI, "元", *year, "2022年",
               quote="2022年跨境电商进出口额首次突破2万亿元关口、达2.1万亿元。")
    add_figure(session, a, "跨境电商进出口额", 2, "万亿元", 2 * WANYI, "元", *year, "2022年",
               qualifier="lower_bound", quote="2022年跨境电商进出口额首次突破2万亿元关口、达2.1万亿元。")
    add_figure(session, b, "跨境电商进出口额", 2.11, "万亿元", 2.11 * WANYI, "元", None, None, "",
               quote="跨境电商进出口额2.11万亿元。")
    add_figure(session, b, "跨境电商进出口额", 2.4, "万亿元", 2.4 * WANYI, "元", *year, "2022年",
               quote="跨境电商进出口额2.4万亿元。")
    session.commit()
    entries = lookup(session, "跨境电商进出口额").entries
    # 2 (突破) and 2.1 are one figure; 2.1 is the undated 2.11 rounded: it joins as well;
    # 2.4 is another figure
    assert sorted((e.value, e.qualifier, e.source_count) for e in entries) == [(2.11, "exact", 3), (2.4, "exact", 1)]
    merged = next(e for e in entries if e.source_count == 3)
    assert merged.period_end == date(2022, 12, 31) and [s.outlet for s in merged.sources] == ["光明日报", "人民网"]


@pytest.mark.parametrize("query", ["网零", "网络零售额", "网上零售额"])
def test_aliases_find_each_other(session: Session, store: dict[str, Article], query: str) -> None:
    result = lookup(session, query)
    vals = {e.value for e in result.entries}
    assert {7.16, 13.79} <= vals  # 13.8 is 13.79 rounded: one entry
    assert 6.06 not in vals and 2.17 not in vals  # 实物商品/农村 are other metrics
    assert result.match == ("alias" if query == "网零" else "exact")


@pytest.mark.parametrize("query", ["  网上 零售额 ", "网上零售额\u3000", "\u3000网上\u3000零售额"])
def test_query_normalisation(session: Session, store: dict[str, Article], query: str) -> None:
    assert {7.16, 13.79} <= {e.value for e in lookup(session, query).entries}


def test_national_prefix_limits_to_national(session: Session, store: dict[str, Article]) -> None:
    for query in ("全国网上零售额", "我国网上零售额"):
        result = lookup(session, query)
        assert result.entries and all(e.region == "全国" for e in result.entries)


def test_region_prefix(session: Session, store: dict[str, Article]) -> None:
    result = lookup(session, "上海网上零售额")
    assert values(result) == [("上海", 8000, date(2023, 6, 30))]
    assert result.region == "上海"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("网上零售额 2023", {7.16, 8000, 15}),
        ("网上零售额 2022", {13.79}),
        ("网上零售额 上半年", {7.16, 8000}),
        ("网上零售额 2023年上半年", {7.16, 8000}),
        ("网上零售额 2023 H1", {7.16, 8000}),
        ("网上零售额 2022年上半年", set()),
        ("网民规模 上半年", {10.79}),  # as-of end of June counts for H1
        ("网民规模 2023年6月", {10.79}),
    ],
)
def test_period_narrows(session: Session, store: dict[str, Article], query: str, expected: set[float]) -> None:
    result = lookup(session, query)
    assert {e.value for e in result.entries} == expected
    if not expected:
        assert "网上零售额" in result.matched and result.suggestions == []
        assert "没有找到" in lookup_text(ZH, result)


def test_partial_or_fuzzy_names_are_suggestions_not_answers(session: Session, store: dict[str, Article]) -> None:
    """Issue 9: a name that only resembles the query is another metric: shown as "did you mean", never answered."""
    result = lookup(session, "实物商品零售额")
    assert result.entries == [] and result.match == "none" and result.matched == []
    assert result.suggestions[0] == "实物商品网上零售额"
    assert "没有找到" in lookup_text(ZH, result) and "您是不是要找" in lookup_text(ZH, result)
    partial = lookup(session, "农村网络")  # a part of a stored name
    assert partial.entries == [] and partial.suggestions[0] == "农村网络零售额"
    # exact names and aliases (the alias table lists common short forms) are answers
    assert lookup(session, "网上零售").match == "alias" and {7.16, 13.79} <= {e.value for e in lookup(session, "网上零售").entries}  # 13.8 merged into 13.79
    assert lookup(session, "网民").match == "alias" and {e.value for e in lookup(session, "网民").entries} == {10.79}


def test_a_resembling_metric_is_never_listed_first(session: Session) -> None:
    """`/metric 直播电商` once listed 阿联酋电商's figures first: now nothing is answered, and the suggestions put the
    names containing the query first."""
    a = add_article(session, title="阿联酋电商")
    add_figure(session, a, "阿联酋电商", 120, "亿美元", 120 * YI, "美元", None, None)
    add_figure(session, a, "直播电商交易规模", 4.9, "万亿元", 4.9 * WANYI, "元", date(2023, 1, 1), date(2023, 12, 31))
    add_figure(session, a, "直播电商用户规模", 5.4, "亿人", 5.4 * YI, "人", date(2023, 1, 1), date(2023, 12, 31))
    session.commit()
    result = lookup(session, "直播电商")
    assert result.entries == [] and result.total == 0 and result.match == "none"
    assert set(result.suggestions[:2]) == {"直播电商交易规模", "直播电商用户规模"}
    assert "阿联酋电商" not in result.suggestions[:2]
    assert lookup(session, "直播电商交易规模").match == "exact"


def test_no_match_suggests_closest(session: Session, store: dict[str, Article]) -> None:
    result = lookup(session, "零售价格指数")
    assert result.entries == [] and result.match == "none"
    assert result.suggestions and result.suggestions[0] in {"网上零售额", "网络零售额", "农村网络零售额"}
    assert all(s in {"网上零售额", "网络零售额", "实物商品网上零售额", "农村网络零售额", "网民规模"}
               for s in result.suggestions)
    assert "没有找到" in lookup_text(ZH, result) and result.suggestions[0] in lookup_text(ZH, result)
    assert result.to_json() == []
    nothing = lookup(session, "GDP")
    assert nothing.entries == [] and nothing.suggestions == []
    assert lookup(session, "   ").entries == []


def test_json_fields(session: Session, store: dict[str, Article]) -> None:
    rows = lookup(session, "网上零售额").to_json()
    json.dumps(rows, ensure_ascii=False)  # serialisable as is
    required = {"metric", "region", "value", "unit", "value_base", "base_unit", "period_start", "period_end",
                "period_label", "growth_pct", "is_forecast", "quote", "article_id", "article_title", "outlet",
                "bulletin", "published", "sources"}
    assert all(required <= set(r) for r in rows)
    h1 = next(r for r in rows if r["value"] == 7.16)
    assert h1["period_start"] == "2023-01-01" and h1["period_end"] == "2023-06-30"
    assert h1["article_id"] == store["a1"].id and h1["published"] == "2023-09-05"
    assert h1["bulletin"] == "电子商务动态 2023年第17期" and h1["unit"] == "万亿元" and h1["base_unit"] == "元"
    assert h1["value_base"] == pytest.approx(7.16e12)
    assert [s["article_id"] for s in h1["sources"]] == [store["a1"].id, store["a2"].id]
    assert {"article_id", "article_title", "outlet", "bulletin", "bulletin_id", "published", "quote"} <= set(
        h1["sources"][0])
    asof = lookup(session, "网民规模").to_json()[0]
    assert asof["period_start"] is None and asof["period_end"] == "2023-06-30"


def test_text_output(session: Session, store: dict[str, Article]) -> None:
    text = lookup_text(ZH, lookup(session, "网上零售额"))
    assert "7.16万亿元" in text and "同比增长13.1%" in text and "经济日报" in text and "/article" in text
    assert "约15万亿元" in text and "预测" in text and "<" not in text
    english = lookup_text(Translator("en"), lookup(session, "网上零售额"))
    assert "Online retail sales (网上零售额): 7.16 trillion yuan (H1 2023), up 13.1% year on year" in english


def test_many_reports_of_one_value(session: Session) -> None:
    """Thirty reports of one value are one entry: all counted, the newest MAX_SOURCES listed (oldest first)."""
    for i in range(30):
        art = add_article(session, title=f"报道{i}", outlet=f"媒体{i}")
        add_figure(session, art, "快递业务量", 1100, "亿件", 1100 * YI, "件", date(2022, 1, 1), date(2022, 12, 31))
    old = add_article(session, title="旧数据")
    add_figure(session, old, "快递业务量", 1083, "亿件", 1083 * YI, "件", date(2021, 1, 1), date(2021, 12, 31))
    session.commit()
    result = lookup(session, "快递业务量", limit=1)
    entry = result.entries[0]
    assert len(result.entries) == 1 and entry.source_count == 30 and len(entry.sources) == MAX_SOURCES == 20
    assert [s.outlet for s in entry.sources] == [f"媒体{i}" for i in range(10, 30)]
    assert entry.to_json()["source_count"] == 30
    assert [e.value for e in lookup(session, "快递量", limit=5).entries] == [1100, 1083]


def test_cli_metric_json(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    engine = make_engine(url)
    upgrade(engine)
    with session_scope(engine) as session:
        art = add_article(session, title="上半年网上零售额增长13.1%")
        add_figure(session, art, "网上零售额", 7.16, "万亿元", 7.16 * WANYI, "元", date(2023, 1, 1),
                   date(2023, 6, 30), "2023年上半年", growth_pct=13.1, quote="上半年,全国网上零售额7.16万亿元")
    engine.dispose()
    env = {**os.environ, "DATABASE_URL": url}
    out = subprocess.run([sys.executable, "-m", "bot", "metric", "网上零售额", "--json"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) == 1 and rows[0]["value"] == 7.16 and rows[0]["period_start"] == "2023-01-01"
    assert rows[0]["bulletin"] == "电子商务动态 2023年第17期" and rows[0]["quote"] == "上半年,全国网上零售额7.16万亿元"
    out = subprocess.run([sys.executable, "-m", "bot", "metric", "没有的指标"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "没有找到" in out.stdout


def test_cached_results_follow_the_data(session: Session, store: dict[str, Article]) -> None:
    """Results are cached per data version: a repeat is served from the cache, new figures (also a metric name
    never seen before) and a deleted bulletin show up at once."""
    from bot.services import articles
    from bot.services.lookup import resolve

    first = lookup(session, "网上零售额")
    hits = resolve.cache_stats["hits"]
    again = lookup(session, "网上零售额")
    assert resolve.cache_stats["hits"] == hits + 1 and values(again) == values(first)
    again.entries.clear()  # callers get their own lists
    assert values(lookup(session, "网上零售额")) == values(first)

    art = add_article(session, title="前三季度网上零售额", published=date(2023, 10, 20))
    add_figure(session, art, "网上零售额", 10.8, "万亿元", 10.8 * WANYI, "元", date(2023, 1, 1), date(2023, 9, 30),
               "2023年前三季度")
    add_figure(session, art, "银发网购规模", 1.2, "万亿元", 1.2 * WANYI, "元", date(2023, 1, 1), date(2023, 9, 30))
    session.commit()
    assert 10.8 in [e.value for e in lookup(session, "网上零售额").entries]
    assert [e.value for e in lookup(session, "银发网购规模").entries] == [1.2]

    assert art.bulletin_id is not None
    articles.delete_bulletin(session, art.bulletin_id)
    session.commit()
    assert values(lookup(session, "网上零售额")) == values(first)
    assert lookup(session, "银发网购规模").entries == []


def test_month_range_without_year_spans_years(session: Session) -> None:
    """`上半年` alone matches every year's first half, newest first, also when the newest year has none."""
    art = add_article(session, title="历年上半年")
    for year, value in ((2019, 4.82), (2021, 6.11), (2023, 7.16)):
        add_figure(session, art, "网上零售额", value, "万亿元", value * WANYI, "元", date(year, 1, 1),
                   date(year, 6, 30), f"{year}年上半年")
    add_figure(session, art, "网上零售额", 15.4, "万亿元", 15.4 * WANYI, "元", date(2024, 1, 1), date(2024, 12, 31))
    add_figure(session, art, "网上零售额", 9.9, "万亿元", 9.9 * WANYI, "元", date(2024, 1, 1), date(2024, 9, 30))
    session.commit()
    assert [e.value for e in lookup(session, "网上零售额 上半年").entries] == [7.16, 6.11, 4.82]
    assert [e.value for e in lookup(session, "网上零售额 上半年", limit=2).entries] == [7.16, 6.11]
    assert [e.value for e in lookup(session, "网上零售额 前三季度").entries] == [9.9]
    assert lookup(session, "网上零售额 一季度").entries == []


# ------------------------------------------------------------------------------------------ paging


def _yearly(session: Session, n: int, metric: str = "网上零售额") -> None:
    art = add_article(session, title=f"历年{metric}")
    for i in range(n):
        year = 1990 + i
        add_figure(session, art, metric, 1.0 + i, "万亿元", (1.0 + i) * WANYI, "元", date(year, 1, 1),
                   date(year, 12, 31), f"{year}年")
    session.commit()


def test_pages_fetch_their_entries_and_count_all(session: Session) -> None:
    """`offset` pages through the same order as one big call; `total` counts every page."""
    _yearly(session, 12)
    everything = [e.value for e in lookup(session, "网上零售额").entries]
    assert len(everything) == 12 and everything == sorted(everything, reverse=True)
    pages = [lookup(session, "网上零售额", limit=5, offset=o) for o in (0, 5, 10)]
    assert [len(p.entries) for p in pages] == [5, 5, 2]
    assert [e.value for p in pages for e in p.entries] == everything
    assert all(p.total == 12 and not p.total_capped and p.match == "exact" for p in pages)
    assert pages[2].offset == 10
    past = lookup(session, "网上零售额", limit=5, offset=20)  # past the end: no entries, still the total
    assert past.entries == [] and past.total == 12 and past.suggestions == []
    # the alias path pages the same way
    assert [e.value for e in lookup(session, "网零", limit=5, offset=5).entries] == everything[5:10]
    alias = lookup(session, "网上零售", limit=5, offset=10)
    assert alias.match == "alias" and alias.total == 12 and [e.value for e in alias.entries] == everything[10:]


def test_total_is_counted_up_to_a_bound(session: Session) -> None:
    """Counting every entry of a popular metric would read its whole index range: the total is exact up to
    COUNT_UP_TO entries (or the page's end, when further), `total_capped` beyond."""
    _yearly(session, COUNT_UP_TO + 10)
    page = lookup(session, "网上零售额", limit=5)
    assert len(page.entries) == 5 and page.total == COUNT_UP_TO and page.total_capped
    deep = lookup(session, "网上零售额", limit=5, offset=COUNT_UP_TO + 5)
    assert len(deep.entries) == 5 and deep.total == COUNT_UP_TO + 10 and not deep.total_capped
    assert lookup(session, "网上零售额", limit=100).total == COUNT_UP_TO + 10
    # the CLI default is unchanged: the newest 50
    default = lookup(session, "网上零售额")
    assert len(default.entries) == 50 and default.entries[0].value == COUNT_UP_TO + 10


def test_pages_with_region_and_period(session: Session, store: dict[str, Article]) -> None:
    first = lookup(session, "网上零售额 2023", limit=1)
    second = lookup(session, "网上零售额 2023", limit=1, offset=1)
    assert first.total == second.total == 3
    assert {first.entries[0].value, second.entries[0].value} <= {7.16, 8000, 15}
    shanghai = lookup(session, "上海网上零售额", limit=5)
    assert shanghai.total == 1 and shanghai.region == "上海"


# ------------------------------------------------------------------------------------------ English

ALL_RETAIL = {7.16, 8000, 13.79, 15, 3}  # every 网上零售额/网络零售额 entry of the store fixture (13.8 = 13.79 rounded)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("online retail sales", ALL_RETAIL),
        ("Online Retail Sales", ALL_RETAIL),
        ("  online   retail-sales ", ALL_RETAIL),
        ("online retail sales 2022", {13.79}),
        ("online retail sales H1 2023", {7.16, 8000}),
        ("online retail sales first half", {7.16, 8000}),
        ("online retail sales for the first half of 2023", {7.16, 8000}),
        ("internet users 2023", {10.79}),
        ("Internet users as of June 2023", {10.79}),
        ("netizens", {10.79}),
        ("online retail sales of physical goods", {6.06}),
        ("rural online retail sales", {2.17}),
    ],
)
def test_english_queries_find_chinese_metrics(session: Session, store: dict[str, Article], query: str,
                                              expected: set[float]) -> None:
    result = lookup(session, query)
    assert {e.value for e in result.entries} == expected
    assert result.match == "alias"


def test_english_fuzzy_and_names(session: Session, store: dict[str, Article]) -> None:
    near = lookup(session, "online retail sale")  # singular: close to an English alias, suggested (not answered)
    assert near.entries == [] and near.suggestions[0] == "网上零售额"
    assert normalise_query("E-Commerce  Logistics Index") == normalise_query("ecommerce logistics index")
    assert "电商物流指数" in synonyms(normalise_query("e-commerce logistics index"))
    assert "快递业务量" in synonyms(normalise_query("Express delivery volume"))
    assert english_name("网上零售额") == english_name("网络零售额") == "Online retail sales"
    assert english_name("网民规模") == "Internet users"
    assert english_name("快递业务量") == "Express delivery volume"
    assert english_name("互联网普及率") == "Internet penetration rate"
    assert english_name("三级指标") is None and english_name("") is None


@pytest.mark.parametrize(
    ("query", "metric", "year", "months"),
    [
        ("internet users 2023", "internet users", 2023, None),
        ("online retail sales H1 2023", "online retail sales", 2023, (1, 6)),
        ("online retail sales first half", "online retail sales", None, (1, 6)),
        ("online retail sales second half of 2022", "online retail sales", 2022, (7, 12)),
        ("express delivery volume Q1", "express delivery volume", None, (1, 3)),
        ("express delivery volume first quarter 2024", "express delivery volume", 2024, (1, 3)),
        ("online retail sales Jan-Jul", "online retail sales", None, (1, 7)),
        ("online retail sales January to July 2023", "online retail sales", 2023, (1, 7)),
        ("online retail sales first 7 months", "online retail sales", None, (1, 7)),
        ("online retail sales first three quarters", "online retail sales", None, (1, 9)),
        ("internet users as of June 2023", "internet users", 2023, (6, 6)),
        ("网上零售额 Jan-Jul", "网上零售额", None, (1, 7)),
        ("market size", "market size", None, None),  # "mar" inside a word is no month
        ("5G users", "5G users", None, None),
    ],
)
def test_parse_english_periods(query: str, metric: str, year: int | None, months: tuple[int, int] | None) -> None:
    got_metric, period = parse_query(query)
    assert got_metric == metric
    if year is None and months is None:
        assert period is None
    else:
        assert period is not None and (period.year, period.months) == (year, months)


# ------------------------------------------------------------------------------------------ suggestions


def test_suggestions_need_a_meaningful_overlap(session: Session, store: dict[str, Article]) -> None:
    """Extraction fragments and names sharing only 的 or a generic head (指标) are not suggested."""
    junk = add_article(session, title="碎片")
    for name in ("的阿", "三级指标", "二级指标", "和与规模"):
        add_figure(session, junk, name, 1, "个", 1, "个", date(2023, 1, 1), date(2023, 12, 31))
    session.commit()
    result = lookup(session, "不存在的指标")
    assert result.entries == [] and result.suggestions == []
    assert overlap("不存在的指标", "三级指标") == 0 and overlap("不存在的指标", "的阿") == 0
    assert overlap("农村零售价格", "农村网络零售额") == 2 and overlap("农村零售价格", "网上零售额") == 1


def test_suggestions_ranked_by_overlap(session: Session, store: dict[str, Article]) -> None:
    result = lookup(session, "农村零售价格")
    assert result.entries == [] and result.match == "none"
    assert result.suggestions[0] == "农村网络零售额"  # shares 农村 and 零售; the others only 零售
    assert set(result.suggestions) <= {"农村网络零售额", "网上零售额", "网络零售额", "实物商品网上零售额"}


def test_lookup_keeps_the_callers_transaction(engine, store: dict[str, Article]) -> None:  # type: ignore[no-untyped-def]
    """A fresh session's lookup runs outside a transaction on PostgreSQL (no BEGIN/COMMIT round trips), yet the
    session stays transactional: a lookup inside a transaction sees its uncommitted figures, and writes made after
    a lookup still roll back."""
    with Session(engine, expire_on_commit=False) as s:
        assert [e.value for e in lookup(s, "网民规模").entries] == [10.79]  # fresh session: autocommit reads
        art = add_article(s, title="银发网购", published=date(2023, 10, 20))
        add_figure(s, art, "银发网购规模", 1.2, "万亿元", 1.2 * WANYI, "元", date(2023, 1, 1), date(2023, 9, 30))
        assert [e.value for e in lookup(s, "银发网购规模").entries] == [1.2]  # own uncommitted figure
        s.rollback()
    with Session(engine, expire_on_commit=False) as s:
        assert lookup(s, "银发网购规模").entries == []
        s.commit()
    with session_scope(engine) as s:  # the handler's pattern: lookup, then nothing else; repeated on one pool
        for _ in range(3):
            assert lookup(s, "网上零售额").entries


def test_age_ranged_population_is_not_the_whole(session: Session, store: dict[str, Article]) -> None:
    """`60岁及以上网民规模达1.2亿` is a part of the net population: `/metric 网民规模` does not answer with it, and
    asking for the age range finds it."""
    add_figure(session, store["a5"], "60岁及以上网民规模", 1.2, "亿", 1.2 * YI, "", None, date(2023, 6, 30),
               "截至2023年6月", quote="截至2023年6月,60岁及以上网民规模达1.2亿。")
    session.commit()
    assert values(lookup(session, "网民规模")) == [("全国", 10.79, date(2023, 6, 30))]
    assert values(lookup(session, "60岁及以上网民规模")) == [("全国", 1.2, date(2023, 6, 30))]
