"""The real-document corpus (tests/corpus/, issue 9): its gold labels are well formed, and reading it does not get
worse. Every document is ingested with the real service into a fresh SQLite store and scored by
benchmarks/bench_corpus.py; the floors below sit a little under what the code reaches today, so a regression
fails. Raise them as reading improves (one block, per split)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.bench_corpus import (
    CORPUS,
    SPLITS,
    SplitScore,
    base_value,
    documents,
    figure_found,
    fold,
    score_splits,
)

# ---------------------------------------------------------------------------------------------------- floors
# Floors a little under what the reader reaches (before/after issue 9 below): see the README of tests/corpus/ and
# `python -m benchmarks corpus`. title/date/figure are fractions; merged/wrong are maximum counts.
FLOORS: dict[str, dict[str, float]] = {
    # before issue 9: titles 5/56 8.9%, merged 31, dates 0.0%, figures 77/269 28.6%, wrong 90
    # after (tuned on dev): titles 56/56, merged 0, dates 100%, figures 262/269 97.4%, wrong 0
    # session 13 added 8 dev documents (wire, newspaper, numbered digests, stats, ASCII, TOC, PDF wraps), before fixes:
    # titles 70/73 95.9%, merged 0, dates 95.9%, figures 342/376 91.0%, wrong 0
    # + 4 more dev documents (wire, newspaper, numbered digest), before fixes: titles 79/83 95.2%, merged 1,
    # dates 89.2%, figures 366/420 87.1%, wrong 0; after the figure fixes (hard wraps, period/number/table/list
    # grammar): figures 410/420 97.6%, wrong 0; after the layout fixes (release lines in any bracket style, title
    # blocks, sub-heads, closing datelines): titles 83/83 100%, merged 0, split 0, dates 100%
    # + 8 more dev documents (wire, newspaper, numbered/dated digests, a district table), before fixes: titles 93/100
    # 93.0%, merged 0, split 1, dates 94.0%, figures 436/521 83.7%, wrong 1; after the layout fixes (ordinal item
    # headers, bullet-marked release lines and date headers, sub-heads without blank lines, news-app datelines, an
    # item's issuer as its 全省 context): titles 100/100, merged 0, split 0, dates 100%, figures 440/521 84.5%, wrong 1
    # + a dev document in traditional characters (dated_digest_traditional, 0/25 before the reading step); after the
    # figure fixes (traditional characters, shares `占…的N%`, unit columns `计算单位`, a district title's region,
    # listed years before 分别, a bare 业务收入 after an activity, ordinal tables `一、…`/`1、…`/`在总额中：`, a level
    # after 翻两番, forecasts of a year's flow, a breakdown of a provincial whole, 同城/异地 scopes of an activity):
    # titles 102/102, merged 0, split 0, dates 100%, figures 512/546 93.8%, wrong 0
    # session 14: 26 dev documents added by six branches (wire s14a/s14e, newspaper s14b/s14f, digests s14c/s14f,
    # other layouts s14d), each scored before its fixes (per-branch numbers in the session notes), e.g. s14a wire
    # 108/131 → 122/131, s14b newspaper 64/90 → 86/90, s14c numbered digests 106/158 → 158/158, s14d 550/597 →
    # 565/597, s14e wire 133/152 → 137/152, s14f 768/792 → 775/792; merged, 71 documents: titles 145/145, merged 0,
    # split 0, dates 100%, figures 780/803 97.1%, wrong 0
    # session 15 (branch numbered): 4 dev documents (2 stats_table, 2 numbered_digest: NBS 2012/2013/2024 releases
    # with 本月/累计 tables, categories without 类, 限额以上企业（单位）, a postal 单位 table, a provincial postal item),
    # before fixes: titles 150/151, figures 847/947 89.4%, wrong 1; after: titles 151/151, figures 924/947 97.6%,
    # wrong 0
    # session 15 (paper): 4 dev documents (newspaper pages under provincial mastheads, an ASCII release), before
    # fixes: titles 149/150, split 1, figures 808/836 96.7%, wrong 0; after: titles 150/150, split 0, dates 100%,
    # figures 813/836 97.2%, wrong 0
    # session 15 (branch wire): 4 dev wire documents added, before fixes 805/836 96.3% (wire 162/185); after the
    # fixes (list units, 分别 trade flows, listed quarters, 其中 paragraphs, …): 815/837 97.4% (one label added), wrong 0
    # session 15 (digest): 4 dev documents (dated digests with `YYYY-MM-DD 标题` headers and dates after titles,
    # bulletins with 本期要目/目录 and 来源 lines), before fixes: titles 157/158, dates 99.4%, figures 826/860 96.0%,
    # wrong 3; after: titles 158/158, merged 0, split 0, dates 100%, figures 837/860 97.3%, wrong 0
    # with the 8 documents moved from blind (read before any dev fix for them: 1153/1199 96.2%, wrong 2; after two
    # rules and one documented label, 1158/1200 96.5%, wrong 0)
    # session 15 (wire2): 4 dev wire documents (portal reposts with 来源/责任编辑 lines, two stories on one page, a
    # question-headline Q&A, a 新华社 story), before fixes: titles 160/161, figures 968/999 96.9% (wire 148/171),
    # wrong 0; after: titles 161/161, figures 979/999 98.0% (wire 159/171), wrong 0
    # session 15i (genC): 4 fresh dev documents (2 stats_table: a city and a provincial 统计局 table; 2 bulletin_toc),
    # labelled and committed before scoring: dev 1191/1270 93.8% (the four 33/70 47%); after the fixes (a release
    # from an unnamed local office, a row-name unit carried down, `本月止累计`, a table's population, parts of a
    # retail total, `份` counts, aliases): 1226/1270 96.5% (the four 68/70), wrong 0; after a day alone before a figure
    # clause (`5月6日，全行业…揽收量…`) and day-on-day changes kept out of growth: 1228/1270 96.7% (70/70), wrong 0
    # session 15 (genA): 4 fresh dev documents (2 dated_digest, 2 newspaper: postal releases, holiday sales by the
    # lunar calendar, a 年货节 page, an NBS release under a masthead), labelled and committed before scoring: alone
    # 34/56, titles 6/7, wrong 2; all dev 1192/1256 94.9%, titles 207/208, wrong 2; after the rules (noted spans of
    # days, base-year lists, 除夕至正月初N, a sentence's own holiday span, 全行业, …): 55/56, all dev 1213/1256
    # 96.6%, titles 208/208, wrong 0
    # session 18g: 5 fresh dev documents (2 stats_table: a yearbook table with year columns, a quarterly 本季/1-本季
    # table; 3 pdf_wrap: a 2016 postal bulletin, a press-conference summary among shares and city-cluster rates, a
    # 中国邮政报 page), labelled before scoring, each scored on its first run 9/70 (the first three: dev 1981/2118
    # 93.5%, from 1977/2059); after the fixes (year and quarter columns, a measure row heading its parts, 【原标题】
    # lines, an undated report's 全年, slashed scopes, cities after their province, places' rates after a share,
    # wrapped sentences, space-set tables): 2042/2126 96.0% (the five 65/67 after one label change recorded in the
    # corpus README), wrong 0; blind 599/830 → 607/830, wrong 14 → 14
    # session 18c (wire): 3 fresh dev wire documents (trade by quarter, holiday sales by day, postal 前5个月/上半年),
    # labelled before scoring: the three 25/54 (wrong 2), all dev 2002/2113 94.7%, wrong 2; after the rules (first
    # days of a fixed-date holiday, a base dated by its own day, surveyed/monitored businesses, goods within goods
    # exported, 此外 items, 进、出口, 去年同期 values, …): the three 53/54, all dev 2033/2113 96.2%, wrong 0
    # session 18a: 3 dev dated digests (holiday sales and parcels, 烟台 postal H1/June, 淘宝村/沧州, forecasts), labelled
    # and committed before scoring: all dev 2002/2099 95.4%, titles 332/333, wrong 3; after the rules (province+city
    # regions, an unnamed whole after a place, counted days of a span, comparison parties, undated flows, …): 2021/2104
    # 96.1%, titles 336/336, wrong 0
    "dev": {"title_recall": 0.99, "date_accuracy": 0.99, "figure_recall": 0.96, "max_merged": 0, "max_wrong": 0},
    # before issue 9: titles 5/24 20.8%, merged 8, dates 8.3%, figures 32/103 31.1%, wrong 51
    # after (never tuned on): titles 23/24 95.8%, merged 0, dates 100%, figures 80/103 77.7%, wrong 2
    # session 13 added 4 blind documents, before fixes: titles 30/32 93.8%, merged 1, dates 100%,
    # figures 133/178 74.7%, wrong 4; after the dev figure fixes: figures 137/178 77.0%, wrong 4; after the
    # traditional-character / follow-on-indicator / share / ordinal-table / activity-scope fixes: figures 142/178
    # 79.8%, wrong 4
    # after the layout fixes: titles 31/32 96.9%, merged 0 (2 split)
    # session 14 added 9 blind documents (wire 3, dated_digest 2, newspaper, numbered_digest, ascii_punct,
    # stats_table 1 each), placed in blind/ by the branch that labelled them before anything was scored and never
    # read again; blind totals as the branches added them and fixed dev: 142/178 → 145/193 (s14a docs) → 162/216
    # (s14c docs) → 212/272 after the first merge (wrong 4 → 2) → 226/285 79.3% after all merges; titles 45/46,
    # merged 0 (3 split), dates 97.8%, wrong 2
    # session 15 (paper) placed 2 blind documents (newspaper, ascii_punct) before any scoring: 228/288 79.2%,
    # titles 47/48, 3 split, wrong 2; after its dev fixes: 228/288 79.2%, titles 47/48, 1 split, wrong 2
    # session 15, all branches merged (numbered, audit, tidy, paper, speed, wire, digest, mixed): 303/376 80.6%, wrong
    # 3; then 8 blind documents sharing a source page with a dev document moved to dev (README: contaminated, not
    # blind): 254/311 81.7%, titles 43/45, dates 95.6%, wrong 2; then 11 fresh blind documents from pages used
    # nowhere else, labelled by branches that ran no code (blindA/B/C; one went to dev, sharing a page): 352/486
    # 72.4%, titles 61/63, merged 0, split 1, dates 96.8%, wrong 4 — the fresh documents alone read 98/175 56%.
    # The floors below are re-based on this set (what the reader reaches, a little under), not lowered for a change
    # of code.
    # session 15 (wire2) placed 1 blind wire document before any scoring: 269/328 82.0%, titles 50/52, wrong 1;
    # after its dev fixes: 270/328 82.3%, wrong 1; blind dates 50/52 96.2%, under the 0.97 floor (left as it is:
    # blind floors are not lowered, and no code changes for a blind number)
    # then 4 more fresh blind documents (blindD) and one blind document moved to dev (it shared a page with the
    # wire2 branch's dev document): 378/521 72.6%, titles 67/71 94.4%, split 1, dates 95.8%, wrong 4
    # after the last branches of session 15 (genA–F, perturb3/4; 3 more blind documents written before any code
    # ran): 418/559 74.8%, titles 73/76 96.1%, split 1, dates 96.1%, wrong 4 (the 27 earlier documents 262/312 84.0%,
    # the 17 fresh ones 156/247 63.2%)
    # then a last round (genG/H/I) placed 3 more fresh blind documents before running any code: 441/594 74.2%,
    # titles 80/84 95.2%, split 1, dates 91.7% (one four-story wire page with its stories' own dates), wrong 5 (one
    # new, in a new document; blind totals were identical before and after those branches' code)
    # session 17: this session's code on those 47 documents: 453/594 76.3%, titles 80/84, wrong 2 (was 5). 18 fresh
    # blind documents were added, each placed before any code ran on it (12 by fix branches, 5 by a branch that ran
    # no code, 1 by a titles branch): they read 126/210 60.0%, titles 32/34, wrong 12. All 65: 579/804 72.0%, titles
    # 112/118 94.9%, split 1, dates 93.2%, wrong 14. The floors below are re-based on this set (the figure floor from
    # 0.72 to 0.70, max wrong from 5 to 16: the fresh documents' wrong answers are what unseen wording costs today),
    # not lowered for a change of code; rules that raised blind wrong answers (branches s17b, s17p, s17n) were
    # reverted or not merged.
    # session 18: on the 65 blind documents of its start, this session's code reads 585/804 72.8% (was 579/804),
    # titles 113/118, wrong 12 (was 14); 8 fresh blind documents were placed by fix branches before any code ran on
    # them and one went to dev (it shared a page with a dev document written in parallel): the 7 read 56/84, titles
    # 11/11, wrong 2. All 72: 641/888 72.2%, titles 124/129 96.1%, merged 0, split 1, dates 93.8%, wrong 14 (floors
    # unchanged)
    "blind": {"title_recall": 0.94, "date_accuracy": 0.90, "figure_recall": 0.70, "max_merged": 0, "max_wrong": 16},
}
MIN_DOCUMENTS = 30
MIN_LAYOUTS = 8


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


ALL_DOCS = [(split, path, gold) for split in SPLITS for path, gold in documents(split)]


def test_corpus_size_and_layouts() -> None:
    assert len(ALL_DOCS) >= MIN_DOCUMENTS
    layouts = {split: {g["layout"] for s, _p, g in ALL_DOCS if s == split} for split in SPLITS}
    assert len(layouts["dev"]) >= MIN_LAYOUTS
    assert layouts["dev"] == layouts["blind"], "every layout needs documents in both splits"
    dev = sum(1 for s, _p, _g in ALL_DOCS if s == "dev")
    assert 0.55 <= dev / len(ALL_DOCS) <= 0.75


def test_every_document_has_its_source_in_the_readme() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for split, path, _gold in ALL_DOCS:
        assert f"{split}/{path.name}" in readme


def test_no_source_page_is_in_both_splits() -> None:
    # a blind document sharing a page with a dev one is scored on facts and constructions tuned on (README)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    splits_of: dict[str, set[str]] = {}
    for row in readme.splitlines():
        m = re.match(r"\|\s*(dev|blind)/\S+\s*\|", row)
        if m:
            for url in re.findall(r"https?://[^\s|）)\\]+", row):
                splits_of.setdefault(url.rstrip("/"), set()).add(m.group(1))
    assert splits_of, "no source rows found"
    assert [url for url, s in splits_of.items() if len(s) > 1] == []


@pytest.mark.parametrize(("split", "path", "gold"), ALL_DOCS, ids=[f"{s}/{p.stem}" for s, p, _g in ALL_DOCS])
def test_gold_is_well_formed(split: str, path: Path, gold: dict[str, Any]) -> None:
    text = _squeeze(path.read_text(encoding="utf-8"))
    assert gold["bulletin"].keys() >= {"name", "date"}
    for value in [gold["bulletin"]["date"]] + [a["date"] for a in gold["articles"]]:
        if value is not None:
            date.fromisoformat(value)
    assert gold["articles"]
    for art in gold["articles"]:
        assert _squeeze(art["title"]) in text, art["title"]
        for f in art["figures"]:
            assert f["quote"] and _squeeze(f["quote"]) in text, f["quote"]
            assert f["region"] and f["metric"]
            assert f["value"] is not None or f["growth_pct"] is not None or f["growth_multiple"] is not None
            if f["value"] is not None:
                assert f["unit"] is not None
            for key in ("period_start", "period_end"):
                if f[key] is not None:
                    date.fromisoformat(f[key])
            if f["period_start"] and f["period_end"]:
                assert f["period_start"] <= f["period_end"]


def test_scorer_matches_values_in_base_units_and_growth_only_figures() -> None:
    gold = {"region": "全国", "value": 1.22, "unit": "万亿元", "period_start": "2024-01-01",
            "period_end": "2024-06-30", "growth_pct": 10.5, "growth_multiple": None}
    entry = {"region": "全国", "value": 12200.0, "unit": "亿元", "value_base": 1.22e12, "period_start": "2024-01-01",
             "period_end": "2024-06-30", "growth_pct": 10.5, "growth_pp": None}
    assert base_value(1.22, "万亿元") == pytest.approx(1.22e12)
    assert figure_found(gold, entry)
    assert not figure_found(gold, {**entry, "region": "上海"})
    assert not figure_found(gold, {**entry, "value_base": 1.2e12, "value": 12000.0})
    assert not figure_found(gold, {**entry, "period_start": None})
    # a growth-only gold figure is found only as a growth-only entry, never as a level of 8.4
    growth = {**gold, "value": None, "unit": None, "growth_pct": 8.4}
    assert figure_found(growth, {**entry, "value": 8.4, "unit": "%", "value_base": 8.4, "growth_pct": 8.4})
    assert not figure_found(growth, {**entry, "value": 8.4, "unit": "亿元", "value_base": 8.4e8, "growth_pct": 8.4})
    # multi-year growth: the span and the multiple (or the same change in percent)
    multiple = {**gold, "value": None, "unit": None, "growth_pct": None, "growth_multiple": 1.2,
                "period_start": "2018-01-01", "period_end": "2023-12-31"}
    span = {**entry, "value": 120.0, "unit": "%", "value_base": 120.0, "growth_pct": 120.0,
            "period_start": "2018-01-01", "period_end": "2023-12-31"}
    assert figure_found(multiple, span)
    assert not figure_found(multiple, {**span, "period_start": "2023-01-01"})
    assert fold("２０２２年 邮政，公报") == fold("2022年邮政公报")


@pytest.fixture(scope="module")
def scores() -> dict[str, SplitScore]:
    return score_splits()


@pytest.mark.parametrize("split", SPLITS)
def test_reading_does_not_regress(scores: dict[str, SplitScore], split: str) -> None:
    total = scores[split].total
    floor = FLOORS[split]
    assert total.errors == 0, [d.name for d in scores[split].docs if d.error]
    assert total.title_recall >= floor["title_recall"]
    assert total.date_accuracy >= floor["date_accuracy"]
    assert total.figure_recall >= floor["figure_recall"]
    assert total.merged <= floor["max_merged"]
    assert total.wrong <= floor["max_wrong"]


def test_scorer_counts_titles_merged_split_and_dates(tmp_path: Path) -> None:
    from benchmarks.bench_corpus import DocScore, _score_articles
    from bot.db.models import Article

    doc = tmp_path / "d.txt"
    doc.write_text("甲标题\n网上零售额1万亿元。\n乙标题\n快递业务量2亿件，快递业务收入3亿元。\n", encoding="utf-8")
    gold = {"articles": [
        {"title": "甲标题", "date": "2024-01-02", "figures": [{"quote": "网上零售额1万亿元"}]},
        {"title": "乙标题", "date": "2024-01-03", "figures": [{"quote": "快递业务量2亿件"}, {"quote": "快递业务收入3亿元"}]},
    ]}

    def run(stored: list[Article]) -> DocScore:
        score = DocScore(name="d", split="dev", layout="x")
        _score_articles(score, gold, doc, stored, date(2024, 1, 2))
        return score

    one = run([Article(bulletin_id=1, title="合刊", body="甲标题 网上零售额1万亿元。乙标题 快递业务量2亿件，快递业务收入3亿元。")])
    assert (one.titles_found, one.merged, one.split_articles, one.dates_ok) == (0, 1, 0, 1)
    two = run([Article(bulletin_id=1, title="甲标题", body="网上零售额1万亿元。"),
               Article(bulletin_id=1, title="乙标题", body="快递业务量2亿件，快递业务收入3亿元。",
                       published=date(2024, 1, 3))])
    assert (two.titles_found, two.merged, two.split_articles, two.dates_ok) == (2, 0, 0, 2)
    three = run([Article(bulletin_id=1, title="甲标题", body="网上零售额1万亿元。"),
                 Article(bulletin_id=1, title="乙标题", body="快递业务量2亿件，"),
                 Article(bulletin_id=1, title="快递业务收入", body="快递业务收入3亿元。")])
    assert (three.titles_found, three.merged, three.split_articles) == (2, 0, 1)
