"""Figure extraction: precision/recall on the labelled seed sentences and throughput on all seed text.

A figure counts as correct when metric, value_base and period (start, end) match a labelled figure of the same
sentence (each labelled figure matches at most once). Throughput is measured on the seed bulletins with lines
joined into paragraphs, and compared with jieba segmentation of the same text.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from datetime import date

from bot.config import PROJECT_ROOT
from bot.services.figures import extract_figures
from bot.text.segment import cut

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "figures_labelled.json"
SEEDS = PROJECT_ROOT / "seeds"


def _key(metric: str, value_base: float, start: str | None, end: str | None) -> tuple[str, str, str | None, str | None]:
    return (metric, f"{value_base:.6g}", start, end)


def precision_recall() -> tuple[float, float, int, int, int]:
    cases = json.loads(FIXTURE.read_text(encoding="utf-8"))
    tp = n_pred = n_gold = 0
    for c in cases:
        gold = Counter(_key(f[0], f[4], f[5], f[6]) for f in c["figures"])
        pred = Counter(
            _key(
                f.metric,
                f.value_base,
                f.period_start and f.period_start.isoformat(),
                f.period_end and f.period_end.isoformat(),
            )
            for f in extract_figures(c["quote"], date.fromisoformat(c["published"]))
        )
        tp += sum((gold & pred).values())
        n_pred += sum(pred.values())
        n_gold += sum(gold.values())
    return tp / max(n_pred, 1), tp / max(n_gold, 1), tp, n_pred, n_gold


def seed_text() -> str:
    """All seed bulletins, hard-wrapped lines joined into paragraphs (a stand-in for ingest's normaliser)."""
    paras: list[str] = []
    for p in sorted(SEEDS.glob("*.txt")):
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


def run() -> None:
    p, r, tp, n_pred, n_gold = precision_recall()
    print(f"labelled set: precision {p:.3f} ({tp}/{n_pred}), recall {r:.3f} ({tp}/{n_gold})")
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
    run()
