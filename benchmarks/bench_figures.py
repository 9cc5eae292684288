"""Figure extraction: precision/recall on labelled seed sentences and throughput on all seed text.

Two labelled sets are scored separately:

* `figures_labelled.json` (engineer B's table, partly drafted from the extractor's own output: optimistic);
* `figures_heldout.json` (labelled blind from the seeds, then used for tuning: no longer blind);
* `figures_unseen.json` (phrasing that is not in the seeds: NBS/MOFCOM/CNNIC/post bureau/customs releases, provinces
  and cities, forecasts, traps; labelled blind, then used for the fixes: its baseline was the generalisation number);
* `figures_unseen2.json` (a second blind set of the same kinds, written after those fixes and not tuned on: the
  check that they generalise).

A predicted figure is correct when its metric (after `normalise_metric`), value_base (within 1e-6 relative) and
period (start, end) equal those of a labelled figure of the same sentence; each labelled figure matches at most once.
Errors are classified by pairing the leftovers of a sentence on value_base: same value but another metric →
*metric wrong* (*boundary* when one name contains the other), same value but another period → *period wrong*, both
→ *metric+period wrong*; unpaired labels are *missed*, unpaired predictions *spurious*.

Throughput is measured on the seed bulletins with lines joined into paragraphs, and compared with jieba segmentation
of the same text. `python -m benchmarks.bench_figures --details` lists every held-out and unseen error.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import PROJECT_ROOT
from bot.services.figures import ExtractedFigure, extract_figures, normalise_metric
from bot.text.tokenize import cut

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "figures_labelled.json"
HELDOUT = PROJECT_ROOT / "tests" / "fixtures" / "figures_heldout.json"
UNSEEN = PROJECT_ROOT / "tests" / "fixtures" / "figures_unseen.json"
UNSEEN2 = PROJECT_ROOT / "tests" / "fixtures" / "figures_unseen2.json"
SEEDS = PROJECT_ROOT / "seeds"

ERROR_CLASSES = ("metric wrong", "period wrong", "metric+period wrong", "missed", "spurious")


@dataclass(frozen=True, slots=True)
class Item:
    """The scored fields of one figure (label or prediction)."""

    metric: str
    value_base: float
    start: str | None
    end: str | None

    def same_value(self, other: Item) -> bool:
        a, b = self.value_base, other.value_base
        return abs(a - b) <= 1e-6 * max(abs(a), abs(b)) or a == b

    def matches(self, other: Item) -> bool:
        return (
            self.metric == other.metric
            and self.same_value(other)
            and (self.start, self.end) == (other.start, other.end)
        )

    def show(self) -> str:
        return f"{self.metric} {self.value_base:.6g} [{self.start} .. {self.end}]"


@dataclass(slots=True)
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    boundary: int = 0  # metric wrong where one name contains the other
    details: list[tuple[str, str, str]] = field(default_factory=list)  # (case id, class, text)

    @property
    def precision(self) -> float:
        return self.tp / max(self.n_pred, 1)

    @property
    def recall(self) -> float:
        return self.tp / max(self.n_gold, 1)

    def line(self, name: str) -> str:
        return (
            f"{name}: precision {self.precision:.3f} ({self.tp}/{self.n_pred}), "
            f"recall {self.recall:.3f} ({self.tp}/{self.n_gold})"
        )

    def error_line(self) -> str:
        parts = [f"{k} {self.errors[k]}" for k in ERROR_CLASSES]
        return "  errors: " + ", ".join(parts) + f" (metric boundary-only: {self.boundary})"


def gold_items(case: dict[str, Any]) -> list[Item]:
    return [Item(normalise_metric(f[0]), float(f[4]), f[5], f[6]) for f in case["figures"]]


def pred_items(figs: list[ExtractedFigure]) -> list[Item]:
    return [
        Item(
            normalise_metric(f.metric),
            f.value_base,
            f.period_start and f.period_start.isoformat(),
            f.period_end and f.period_end.isoformat(),
        )
        for f in figs
    ]


def extract_case(case: dict[str, Any]) -> list[ExtractedFigure]:
    pub = date.fromisoformat(case["published"]) if case.get("published") else None
    return extract_figures(case["quote"], pub)


def score_case(case: dict[str, Any], score: Score) -> None:
    gold = gold_items(case)
    pred = pred_items(extract_case(case))
    score.n_gold += len(gold)
    score.n_pred += len(pred)
    left_g: list[Item] = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if p.matches(g)), None)
        if hit is None:
            left_g.append(g)
        else:
            pred.pop(hit)
            score.tp += 1
    for g in left_g:
        hit = next((i for i, p in enumerate(pred) if p.same_value(g)), None)
        if hit is None:
            score.errors["missed"] += 1
            score.details.append((case["id"], "missed", g.show()))
            continue
        p = pred.pop(hit)
        metric_ok = p.metric == g.metric
        period_ok = (p.start, p.end) == (g.start, g.end)
        cls = "period wrong" if metric_ok else "metric wrong" if period_ok else "metric+period wrong"
        score.errors[cls] += 1
        if not metric_ok and (p.metric in g.metric or g.metric in p.metric):
            score.boundary += 1
        score.details.append((case["id"], cls, f"want {g.show()} | got {p.show()}"))
    for p in pred:
        score.errors["spurious"] += 1
        score.details.append((case["id"], "spurious", p.show()))


def evaluate(path: Path) -> Score:
    score = Score()
    for case in json.loads(path.read_text(encoding="utf-8")):
        score_case(case, score)
    return score


def precision_recall() -> tuple[float, float, int, int, int]:
    """B's labelled set (kept for callers of the old API)."""
    s = evaluate(FIXTURE)
    return s.precision, s.recall, s.tp, s.n_pred, s.n_gold


def seed_text() -> str:
    """All seed bulletins, hard-wrapped lines joined into paragraphs (a stand-in for ingest's normaliser)."""
    paras: list[str] = []
    for p in sorted(SEEDS.glob("[0-9]*.txt")):
        cur = ""
        for line in p.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or re.fullmatch(r"-\s*\d+\s*-", line):
                continue
            cur += line
            if cur[-1] in "。！？!?":
                paras.append(cur)
                cur = ""
        if cur:
            paras.append(cur)
    return "\n".join(paras)


def run(details: bool = False) -> None:
    labelled = evaluate(FIXTURE)
    print(labelled.line("labelled set (B, partly drafted from extractor output)"))
    print(labelled.error_line())
    held = evaluate(HELDOUT)
    print(held.line("held-out set (blind labels)"))
    print(held.error_line())
    unseen = evaluate(UNSEEN)
    print(unseen.line("unseen set (blind labels, phrasing not in the seeds)"))
    print(unseen.error_line())
    unseen2 = evaluate(UNSEEN2)
    print(unseen2.line("unseen set 2 (blind, written after the unseen-set fixes)"))
    print(unseen2.error_line())
    if details:
        for cid, cls, text in held.details + unseen.details + unseen2.details:
            print(f"  {cid} {cls:20} {text}")
    text = seed_text()
    size_mb = len(text.encode("utf-8")) / 1e6
    sentences = sum(1 for s in re.split(r"[。！？!?；;\n]", text) if s.strip())
    extract_figures(text, date(2023, 9, 5))  # warm-up (regex compilation, regions file)
    rounds = 20
    t0 = time.perf_counter()
    for _ in range(rounds):
        figs = extract_figures(text, date(2023, 9, 5))
    dt = (time.perf_counter() - t0) / rounds
    cut(text[:100])  # load the dictionary
    t0 = time.perf_counter()
    for _ in range(3):
        cut(text)
    seg = (time.perf_counter() - t0) / 3
    print(f"seed text: {size_mb:.3f} MB, {sentences} sentences, {len(figs)} figures per pass")
    print(f"extraction: {dt * 1000:.1f} ms/pass, {sentences / dt:,.0f} sentences/s, {size_mb / dt:.2f} MB/s")
    print(f"jieba cut of the same text: {seg * 1000:.1f} ms ({dt / seg:.2f}x of segmentation time)")


if __name__ == "__main__":
    run(details="--details" in sys.argv[1:])
