"""Suggestions ("did you mean …") for a metric name without figures: resembling names are listed, never answered.

    suggest(name, catalog) -> list[str]      at most MAX_SUGGESTIONS stored names, best first
    similarity(query, name) -> float         0..1 over jieba tokens, character bigrams and containment
    overlap(query, name) -> int              shared meaningful text (0: unrelated however similar they look)

A figure of another metric shown as the one asked for is the worst answer (`/metric 直播电商` must not answer with
阿联酋电商), so fuzzy matching over jieba tokens and character bigrams against the distinct stored metric names (and
alias names) only suggests. Names containing the query come first, then those close enough (at least FUZZY_MATCH
and within FUZZY_BAND of the best), then by meaningful overlap (`overlap`: a shared bigram without stop characters
(的, 和, 与 …) that is not a generic head (指标, 规模 …), or shared Latin text). Candidates come from the catalog's
bigram/token index: only names sharing something with the query are scored.

Used by resolve.py when neither the name, its synonyms nor a region prefix has figures; `_bigrams` by catalog.py.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.services.lookup.aliases import synonyms
from bot.text.tokenize import cut_for_search

if TYPE_CHECKING:
    from bot.services.lookup.catalog import _Catalog

#: fuzzy score at or above which a stored name is a close suggestion (listed before looser ones; never an answer)
FUZZY_MATCH = 0.6
#: close suggestions: those within this distance of the best one
FUZZY_BAND = 0.15
MAX_SUGGESTIONS = 5


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or {text}


def similarity(query: str, name: str, *, query_tokens: frozenset[str] | None = None,
               name_tokens: frozenset[str] | None = None, query_bigrams: frozenset[str] | None = None,
               name_bigrams: frozenset[str] | None = None) -> float:
    """0..1: how close a stored metric name is to the query (jieba tokens, character bigrams, containment)."""
    if not query or not name:
        return 0.0
    if query == name:
        return 1.0
    qt = query_tokens if query_tokens is not None else frozenset(cut_for_search(query))
    nt = name_tokens if name_tokens is not None else frozenset(cut_for_search(name))
    score = 2 * len(qt & nt) / (len(qt) + len(nt)) if qt and nt else 0.0
    qb = query_bigrams if query_bigrams is not None else _bigrams(query)
    nb = name_bigrams if name_bigrams is not None else _bigrams(name)
    score = max(score, 2 * len(qb & nb) / (len(qb) + len(nb)))
    if query in name or name in query:
        score = max(score, 0.5 + 0.5 * min(len(query), len(name)) / max(len(query), len(name)))
    return min(score, 0.99)


#: characters that carry no meaning of their own in a metric name: a bigram containing one is no evidence
_STOP_CHARS = frozenset("的和与及等之其或在了是对为以并各该此")
#: generic heads shared by unrelated indicators (三级指标 and 不存在的指标 share only 指标)
_GENERIC_BIGRAMS = frozenset({
    "指标", "规模", "数量", "总额", "总量", "数据", "金额", "比重", "比例", "情况", "水平", "人数", "增长", "同比",
    "增速", "累计", "全国", "我国", "全年", "年度", "同期", "总计", "合计",
})
_LATIN_RUN = re.compile(r"[a-z0-9]{4,}")


def overlap(query: str, name: str, *, query_bigrams: frozenset[str] | None = None,
            name_bigrams: frozenset[str] | None = None) -> int:
    """How much meaningful text a name shares with the query: the shared character bigrams that contain no stop
    character (的, 和, 与 …) and are not a generic head (指标, 规模 …), plus shared 4-letter runs of Latin text
    ("onli", "nlin", …). 0 means the names are unrelated however similar they look."""
    qb = query_bigrams if query_bigrams is not None else frozenset(_bigrams(query))
    nb = name_bigrams if name_bigrams is not None else frozenset(_bigrams(name))
    score = 0
    for bigram in qb & nb:
        if len(bigram) == 2 and not bigram.isascii() and bigram not in _GENERIC_BIGRAMS \
                and not (_STOP_CHARS & set(bigram)):
            score += 1
    if _LATIN_RUN.search(query) and _LATIN_RUN.search(name):
        score += len(_latin_grams(query) & _latin_grams(name))
    return score


def _latin_grams(text: str) -> set[str]:
    return {run[i : i + 4] for run in _LATIN_RUN.findall(text) for i in range(len(run) - 3)}


def _rank_names(query: str, catalog: _Catalog) -> list[tuple[float, int, str]]:
    """(similarity, overlap, name) of every name related to the query (overlap ≥ 1), most similar first."""
    qt, qb = frozenset(cut_for_search(query)), frozenset(_bigrams(query))
    # a name scores above 0 only if it shares a token or a bigram with the query, or one contains the other
    candidates: set[str] = set()
    if len(query) == 1:
        candidates |= catalog.by_char.get(query, set())
    for key in {"b" + b for b in qb} | {"t" + t for t in qt} | {"c" + ch for ch in query}:
        candidates |= catalog.by_key.get(key, set())
    scored = []
    for name in candidates:
        nt, nb = catalog.features[name]
        shared = overlap(query, name, query_bigrams=qb, name_bigrams=nb)
        if not shared:
            continue
        score = similarity(query, name, query_tokens=qt, name_tokens=nt, query_bigrams=qb, name_bigrams=nb)
        if score > 0:
            scored.append((score, shared, name))
    return sorted(scored, key=lambda s: (-s[0], len(s[2]), s[2]))


def suggest(name: str, catalog: _Catalog) -> list[str]:
    """Stored names resembling `name` (normalised), best first, at most MAX_SUGGESTIONS: "did you mean …"."""
    stored = catalog.stored
    # A suggestion, never an answer: a name that merely resembles the query (`/metric 直播电商`
    # against 阿联酋电商, 直播电商交易规模) is another metric, and a figure of another metric presented as the one
    # asked for is the worst answer there is. Names containing the query first (直播电商交易规模), then those close
    # enough to have been answers before (the fuzzy band), then those sharing the most meaningful text.
    ranked = _rank_names(name, catalog)
    best = ranked[0][0] if ranked else 0.0

    def rank(r: tuple[float, int, str]) -> tuple[bool, bool, int, float, int, str]:
        score, shared, cand = r
        contains = name in cand
        close = score >= max(FUZZY_MATCH, best - FUZZY_BAND)
        return (not contains, not close, -shared if not close else 0, -score, len(cand), cand)

    suggestions: list[str] = []
    for _score, _shared, cand in sorted(ranked, key=rank):
        # an alias (or English name) that is not stored itself suggests the stored name of its group
        shown = cand if cand in stored else next((n for n in synonyms(cand) if n in stored), None)
        if shown and shown not in suggestions:
            suggestions.append(shown)
        if len(suggestions) >= MAX_SUGGESTIONS:
            break
    return suggestions
