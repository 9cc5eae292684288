"""Reading quality on the real-document corpus (tests/corpus/, issue 9): titles, merged/split articles, article
dates, figures returned by the metric lookup, and wrong answers, per split and per layout.

Every document is ingested with the real service (`ingest_file`) into a fresh SQLite store (a copy of one migrated
template), then scored against its gold labels (`NAME.json` beside `NAME.txt`, written by reading; conventions in
tests/corpus/README.md):

* titles — gold titles found among the stored article titles (compared on letters and digits only, width folded);
* merged — gold articles stored inside another gold article's stored article (seven items in one stored article
  count 6); split — gold articles whose quotes spread over several stored articles (an article is located by its
  quotes and title, those that occur once in the document);
* dates — the stored article holding a gold article shows the gold date (its own date, else its bulletin's, as
  the lookup's sources do);
* figures — for each gold figure, `lookup` (what `python -m bot metric NAME --json` prints) asked the gold metric
  (region-prefixed when not 全国) returns an entry with the right value (in base units, exact to the source's
  digits), period start and end, growth and region; a growth-only gold figure (value null) needs a growth-only entry;
* wrong — returned entries (not suggestions) whose metric is outside the asked metric's alias group, whose region
  is not the asked one, or whose value (growth, for growth-only entries) matches no gold figure of that metric and
  region in the document.

    python -m benchmarks corpus                              # both splits, per layout
    BENCH_CORPUS_VERBOSE=1 python -m benchmarks corpus       # plus, for dev only, every missed title/figure and
                                                             # wrong answer (blind details stay hidden: don't tune on them)
    BENCH_CORPUS_SPLITS=dev python -m benchmarks corpus      # one split
    BENCH_CORPUS_PERTURB=1 python -m benchmarks corpus       # dev documents with layout noise (corpus_perturb.py)
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import select

from bot.config import PROJECT_ROOT
from bot.db.engine import make_engine, session_scope
from bot.db.migrate import upgrade
from bot.db.models import Article, Bulletin
from bot.services.ingest import IngestError, ingest_file
from bot.services.lookup import clear_cache, lookup, normalise_query, synonyms

CORPUS = PROJECT_ROOT / "tests" / "corpus"
SPLITS = ("dev", "blind")

_MULTIPLIERS = (("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6), ("万", 1e4),
                ("千", 1e3))


def fold(text: str) -> str:
    """Letters and digits only, width folded: titles and quotes compare on their words, not their punctuation."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN").lower()


def base_value(value: float, unit: str | None) -> float:
    unit = unit or ""
    for prefix, mult in _MULTIPLIERS:
        if unit.startswith(prefix):
            return value * mult
    return value


def _close(a: float | None, b: float | None, rel: float = 1e-9) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(1.0, abs(a), abs(b))


def _growth_only(entry: dict[str, Any]) -> bool:
    value, pct = entry.get("value"), entry.get("growth_pct")
    if value is None:
        return True
    return entry.get("unit") == "%" and pct is not None and entry.get("growth_pp") is None and _close(value, pct)


def _value_ok(gold: dict[str, Any], entry: dict[str, Any]) -> bool:
    if gold["value"] is None:
        return _growth_only(entry)
    if _growth_only(entry) and gold.get("unit") != "%":
        return False
    want = base_value(gold["value"], gold["unit"])
    got = entry.get("value_base")
    if got is not None and _close(want, float(got)):
        return True
    if entry.get("value") is not None and entry.get("unit") == gold["unit"] and _close(gold["value"], entry["value"]):
        return True
    # one figure reported by several sources is one entry (issue 11): the value a source gave (`237.5亿件` beside the
    # table's `2374636.3万件`) is returned with that source
    return any(src.get("value") is not None and src.get("unit") == gold["unit"] and _close(gold["value"], src["value"])
               for src in entry.get("sources") or [])


def _growth_ok(gold: dict[str, Any], entry: dict[str, Any]) -> bool:
    if gold.get("growth_multiple") is not None:
        mult = gold["growth_multiple"]
        if entry.get("growth_multiple") is not None:
            return _close(mult, float(entry["growth_multiple"]))
        return entry.get("growth_pct") is not None and _close(mult * 100, float(entry["growth_pct"]), 1e-6)
    want = gold.get("growth_pct")
    got = entry.get("growth_pct")
    if want is None:
        return got is None
    return got is not None and abs(float(got) - want) < 1e-6


def figure_found(gold: dict[str, Any], entry: dict[str, Any]) -> bool:
    return (
        entry.get("region") == gold["region"]
        and entry.get("period_start") == gold["period_start"]
        and entry.get("period_end") == gold["period_end"]
        and _value_ok(gold, entry)
        and _growth_ok(gold, entry)
    )


def query_for(metric: str, region: str) -> str:
    return metric if region == "全国" else f"{region}{metric}"


def metric_group(name: str) -> set[str]:
    norm = normalise_query(name)
    return set(synonyms(norm)) | {norm}


# ------------------------------------------------------------------------------------------------------- scores


@dataclass
class DocScore:
    name: str
    split: str
    layout: str
    titles_gold: int = 0
    titles_found: int = 0
    merged: int = 0
    split_articles: int = 0
    dates_gold: int = 0
    dates_ok: int = 0
    figures_gold: int = 0
    figures_found: int = 0
    wrong: int = 0
    forecast_wrong: int = 0
    stored_articles: int = 0
    bulletin_name_ok: bool = False
    bulletin_date_ok: bool = False
    error: str | None = None
    seconds: float = 0.0
    missed: list[str] = field(default_factory=list)
    wrong_list: list[str] = field(default_factory=list)
    titles_missed: list[str] = field(default_factory=list)
    dates_missed: list[str] = field(default_factory=list)


@dataclass
class Totals:
    docs: int = 0
    titles_gold: int = 0
    titles_found: int = 0
    merged: int = 0
    split_articles: int = 0
    dates_gold: int = 0
    dates_ok: int = 0
    figures_gold: int = 0
    figures_found: int = 0
    wrong: int = 0
    errors: int = 0
    bulletin_names_ok: int = 0
    bulletin_dates_ok: int = 0
    forecast_wrong: int = 0

    def add(self, s: DocScore) -> None:
        self.docs += 1
        self.titles_gold += s.titles_gold
        self.titles_found += s.titles_found
        self.merged += s.merged
        self.split_articles += s.split_articles
        self.dates_gold += s.dates_gold
        self.dates_ok += s.dates_ok
        self.figures_gold += s.figures_gold
        self.figures_found += s.figures_found
        self.wrong += s.wrong
        self.errors += 1 if s.error else 0
        self.bulletin_names_ok += s.bulletin_name_ok
        self.bulletin_dates_ok += s.bulletin_date_ok
        self.forecast_wrong += s.forecast_wrong

    @property
    def title_recall(self) -> float:
        return self.titles_found / self.titles_gold if self.titles_gold else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.dates_ok / self.dates_gold if self.dates_gold else 1.0

    @property
    def figure_recall(self) -> float:
        return self.figures_found / self.figures_gold if self.figures_gold else 1.0


@dataclass
class SplitScore:
    split: str
    total: Totals
    by_layout: dict[str, Totals]
    docs: list[DocScore]


def documents(split: str) -> list[tuple[Path, dict[str, Any]]]:
    folder = CORPUS / split
    out = []
    for gold_path in sorted(folder.glob("*.json")):
        txt = gold_path.with_suffix(".txt")
        if txt.exists():
            out.append((txt, json.loads(gold_path.read_text(encoding="utf-8"))))
    return out


def _anchors(gold: dict[str, Any], doc_folded: str) -> list[tuple[list[str], list[str]]]:
    """Per gold article: (its title, its quotes), folded, keeping those that occur exactly once in the document."""
    out = []
    for art in gold["articles"]:
        title = [t for t in [fold(art["title"])] if t and doc_folded.count(t) == 1]
        quotes = [q for q in dict.fromkeys(fold(f["quote"]) for f in art["figures"]) if q and doc_folded.count(q) == 1]
        out.append((title, quotes))
    return out


def score_document(path: Path, gold: dict[str, Any], split: str, template_db: Path, workdir: Path) -> DocScore:
    score = DocScore(name=path.stem, split=split, layout=gold["layout"])
    arts = gold["articles"]
    score.titles_gold = len(arts)
    score.dates_gold = len(arts)
    score.figures_gold = sum(len(a["figures"]) for a in arts)
    db = workdir / f"{split}_{path.stem}.sqlite3"
    shutil.copyfile(template_db, db)
    engine = make_engine(f"sqlite:///{db}")
    clear_cache()
    started = time.perf_counter()
    try:
        try:
            with session_scope(engine) as session:
                ingest_file(session, path)
        except IngestError as exc:
            score.error = str(exc)
            score.missed = [f"{f['metric']} (document refused)" for a in arts for f in a["figures"]]
            return score
        with session_scope(engine) as session:
            bulletin = session.exec(select(Bulletin)).first()
            stored = list(session.exec(select(Article).order_by(Article.seq)))
            if bulletin is not None:
                want = gold["bulletin"]
                score.bulletin_name_ok = fold(bulletin.publication or "") == fold(want["name"] or "")
                score.bulletin_date_ok = (bulletin.published.isoformat() if bulletin.published else None) == want["date"]
            score.stored_articles = len(stored)
            _score_articles(score, gold, path, stored, bulletin.published if bulletin is not None else None)
            _score_figures(score, gold, session)
    finally:
        score.seconds = time.perf_counter() - started
        engine.dispose()
        clear_cache()
    return score


def _score_articles(score: DocScore, gold: dict[str, Any], path: Path, stored: list[Article],
                    bulletin_date: date | None) -> None:
    arts = gold["articles"]
    stored_titles = {fold(a.title) for a in stored}
    for art in arts:
        if fold(art["title"]) in stored_titles:
            score.titles_found += 1
        else:
            score.titles_missed.append(art["title"])
    texts = [fold(a.title) + fold(a.body) for a in stored]
    anchors = _anchors(gold, fold(path.read_text(encoding="utf-8")))
    holders: dict[int, set[int]] = defaultdict(set)  # stored index -> gold articles it holds
    for gi, (art, (title_anchor, quote_anchors)) in enumerate(zip(arts, anchors, strict=True)):
        hits: dict[int, int] = defaultdict(int)
        for a in title_anchor + quote_anchors:
            for si, text in enumerate(texts):
                if a in text:
                    hits[si] += 1
        # quotes of the same gold article in different stored articles: the article was split
        quote_hits = {si for si, text in enumerate(texts) for a in quote_anchors if a in text}
        if len(quote_hits) > 1:
            score.split_articles += 1
        for si in hits:
            holders[si].add(gi)
        home: int | None = max(hits, key=lambda si: (hits[si], -si)) if hits else None
        if home is None:  # no unique quote or title (a title repeated by a table of contents): the stored title
            home = next((si for si, a in enumerate(stored) if fold(a.title) == fold(art["title"])), None)
        if home is not None:
            # the date a reader is shown: the article's own, else its bulletin's (as the lookup's sources do)
            shown = stored[home].published or bulletin_date
            got = shown.isoformat() if shown else None
            if got == art["date"]:
                score.dates_ok += 1
            else:
                score.dates_missed.append(f"{art['title']}: {got} (gold {art['date']})")
        else:
            score.dates_missed.append(f"{art['title']}: not located (gold {art['date']})")
    # gold articles that share a stored article with an earlier gold article (7 items in one article: 6 merged)
    score.merged = sum(len(held) - 1 for held in holders.values() if len(held) > 1)


def _score_figures(score: DocScore, gold: dict[str, Any], session: Any) -> None:
    golds = [f for a in gold["articles"] for f in a["figures"]]
    by_query: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for f in golds:
        by_query[(f["metric"], f["region"])].append(f)
    answers: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for metric, region in by_query:
        result = lookup(session, query_for(metric, region), limit=500)
        data = result.to_json()
        answers[(metric, region)] = data.get("entries", []) if isinstance(data, dict) else data
    for f in golds:
        entries = answers[(f["metric"], f["region"])]
        match = next((e for e in entries if figure_found(f, e)), None)
        if match is not None:
            score.figures_found += 1
            if bool(match.get("is_forecast")) != bool(f.get("is_forecast")):
                score.forecast_wrong += 1
        else:
            score.missed.append(f"{f['region']}/{f['metric']} {f['value']}{f['unit'] or ''} "
                                f"{f['period_start']}..{f['period_end']} g={f['growth_pct'] or f['growth_multiple']}")
    # wrong answers: every entry returned for every asked (metric, region)
    for (metric, region), entries in answers.items():
        group = metric_group(metric)
        same_metric = [f for f in golds if metric_group(f["metric"]) & group]
        for e in entries:
            label = f"asked {query_for(metric, region)} → {e.get('region')}/{e.get('metric')} {e.get('value')}" \
                    f"{e.get('unit')} {e.get('period_start')}..{e.get('period_end')} g={e.get('growth_pct')}"
            if not (metric_group(e.get("metric") or "") & group):
                score.wrong += 1
                score.wrong_list.append(label + " [other metric]")
            elif region != "全国" and e.get("region") != region:
                score.wrong += 1
                score.wrong_list.append(label + " [other region]")
            elif not any(f["region"] == e.get("region") and _matches_value(f, e) for f in same_metric):
                score.wrong += 1
                score.wrong_list.append(label + " [no such figure]")


def _matches_value(gold: dict[str, Any], entry: dict[str, Any]) -> bool:
    if _growth_only(entry):
        g = entry.get("growth_pct")
        return g is not None and (
            (gold.get("growth_pct") is not None and abs(gold["growth_pct"] - float(g)) < 1e-6)
            or (gold.get("growth_multiple") is not None and abs(gold["growth_multiple"] * 100 - float(g)) < 1e-6)
        )
    return gold["value"] is not None and _value_ok(gold, entry)


def _template(workdir: Path) -> Path:
    path = workdir / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def score_splits(splits: tuple[str, ...] = SPLITS) -> dict[str, SplitScore]:
    out: dict[str, SplitScore] = {}
    with tempfile.TemporaryDirectory(prefix="dongtai-corpus-") as tmp:
        workdir = Path(tmp)
        template = _template(workdir)
        for split in splits:
            docs = [score_document(p, g, split, template, workdir) for p, g in documents(split)]
            total, by_layout = Totals(), defaultdict(Totals)
            for d in docs:
                total.add(d)
                by_layout[d.layout].add(d)
            out[split] = SplitScore(split, total, dict(sorted(by_layout.items())), docs)
    return out


def _line(name: str, t: Totals) -> str:
    return (f"  {name:18} docs {t.docs:2}  titles {t.titles_found:3}/{t.titles_gold:<3} {t.title_recall:6.1%}"
            f"  merged {t.merged:2}  split {t.split_articles:2}  dates {t.date_accuracy:6.1%}"
            f"  figures {t.figures_found:3}/{t.figures_gold:<3} {t.figure_recall:6.1%}  wrong {t.wrong:3}"
            + (f"  refused {t.errors}" if t.errors else ""))


def report(scores: dict[str, SplitScore], *, verbose: bool = False) -> str:
    lines = []
    for split, s in scores.items():
        lines.append(f"{split}:")
        lines.append(_line("ALL", s.total))
        lines.append(f"  {'':18} bulletin name {s.total.bulletin_names_ok}/{s.total.docs}, "
                     f"bulletin date {s.total.bulletin_dates_ok}/{s.total.docs}, "
                     f"found figures with the wrong forecast flag {s.total.forecast_wrong}")
        for layout, t in s.by_layout.items():
            lines.append(_line(layout, t))
        if verbose and split != "blind":
            for d in s.docs:
                lines.append(f"    {d.name}: stored {d.stored_articles} articles, titles {d.titles_found}/"
                             f"{d.titles_gold}, merged {d.merged}, split {d.split_articles}, dates "
                             f"{d.dates_ok}/{d.dates_gold}, figures {d.figures_found}/{d.figures_gold}, wrong {d.wrong}"
                             f"{', refused: ' + d.error if d.error else ''}")
                lines += [f"      title missed: {t}" for t in d.titles_missed]
                lines += [f"      date missed: {t}" for t in d.dates_missed]
                lines += [f"      figure missed: {m}" for m in d.missed]
                lines += [f"      wrong: {w}" for w in d.wrong_list]
    return "\n".join(lines)


def run() -> None:
    if os.environ.get("BENCH_CORPUS_PERTURB"):  # layout-noise invariance on dev (benchmarks/corpus_perturb.py)
        from benchmarks.corpus_perturb import run as run_perturbed

        run_perturbed(os.environ["BENCH_CORPUS_PERTURB"], verbose=bool(os.environ.get("BENCH_CORPUS_VERBOSE")))
        return
    started = time.perf_counter()
    wanted = tuple(s for s in os.environ.get("BENCH_CORPUS_SPLITS", ",".join(SPLITS)).split(",") if s in SPLITS)
    scores = score_splits(wanted or SPLITS)
    print(report(scores, verbose=bool(os.environ.get("BENCH_CORPUS_VERBOSE"))))
    print(f"  ({sum(len(s.docs) for s in scores.values())} documents scored in {time.perf_counter() - started:.1f} s;"
          f" scored on {date.today().isoformat()})")


if __name__ == "__main__":
    run()
