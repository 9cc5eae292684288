"""lookup(): every stored figure for an indicator, newest period first, each traceable to its sources.

    lookup(session, query, *, limit=50, offset=0) -> LookupResult
    clear_cache()                        forget cached results and catalogs (tests, benchmarks, manual data edits)
    RESULT_CACHE_SIZE, cache_stats       the per-process result cache (set `resolve.RESULT_CACHE_SIZE` to change it)

Resolution order for the metric part of the query (after width folding, space removal and a 全国/我国 prefix):
1. the exact normalised name (`Figure.metric_norm`), together with its synonyms from `seeds/metric_aliases.toml`
   (Chinese aliases and English names: `online retail sales`, `Internet users` …);
2. a stored region prefix (`上海网上零售额` → region 上海, metric 网上零售额), again with synonyms;
3. otherwise no entries: the closest stored names become `suggestions` (fuzzy.py), never an answer.

Paging: `offset` skips that many entries; `total` counts the entries of all pages, exactly up to
`max(offset + limit, COUNT_UP_TO)` (`total_capped` says there are more). The grouping statement (index order, no
quotes) finds the page and the count; details are fetched for the page's entries only (sql.py).

Speed: every call first reads `data_version` (index seeks only); a repeated query at the same version is answered
from a per-process LRU of results. Otherwise one grouping statement and one details statement run (sql.py); the
distinct stored names are cached per database (catalog.py).

Used through the package by handlers/lookup.py and handlers/analyst.py (/metric, inline queries, page buttons),
ask.py, export.py, watches.py, the CLI (`python -m bot metric`) and benchmarks.
"""

from __future__ import annotations

import threading
import unicodedata
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from sqlmodel import Session

from bot.services.lookup.aliases import synonyms
from bot.services.lookup.catalog import _Catalog, _catalog, _db_key, clear_catalogs, data_version
from bot.services.lookup.fuzzy import suggest
from bot.services.lookup.query import NATIONAL_PREFIXES, PeriodFilter, normalise_query, parse_query
from bot.services.lookup.result import LookupResult
from bot.services.lookup.sql import _autocommit_reads, _newest_keyed, _Page, _page, _window


def _figures(session: Session, names: list[str], *, region: str | None, period: PeriodFilter | None,
             limit: int, offset: int = 0, catalog: _Catalog | None = None) -> _Page:
    """One page of entries for `names` (sql.py, both phases); names the catalog has never stored are skipped."""
    if catalog is not None:  # names never stored cannot have figures: no statement arm for them
        names = [n for n in names if n in catalog.stored]
        if not names:
            return _Page([], 0, False)
    years = catalog.years if catalog is not None else None
    keyed = _newest_keyed(session, names, region=region, period=period, limit=_window(limit, offset) + 1,
                          years=years)
    return _page(session, keyed, limit=limit, offset=offset)


# --------------------------------------------------------------------------------------------------- result cache
#
# Lookups repeat (the same popular metrics, page buttons re-running the query), and the data changes only at
# ingest or deletion. Results are cached per process, keyed by (database, `data_version`, query, limit): the
# version statement runs on every call, so a cached result is never served after the figures changed — also when
# another process (the CLI) ingested. Only figures added or bulletins deleted through the services are covered:
# editing the `figure` table by hand does not change the version (call `clear_cache()`).

#: entries kept; 0 turns the cache off (the benchmark reports both)
RESULT_CACHE_SIZE = 256
_results: OrderedDict[tuple[Any, ...], LookupResult] = OrderedDict()
_results_lock = threading.Lock()
cache_stats = {"hits": 0, "misses": 0}


def clear_cache() -> None:
    """Forget cached lookup results and metric catalogs (tests, benchmarks, manual edits of the data)."""
    with _results_lock:
        _results.clear()
    clear_catalogs()


def _copy(result: LookupResult) -> LookupResult:
    """A result callers may modify (lists copied; entries are shared and must be treated as read-only)."""
    return replace(result, entries=list(result.entries), suggestions=list(result.suggestions),
                   matched=list(result.matched))


def lookup(session: Session, query: str, *, limit: int = 50, offset: int = 0) -> LookupResult:
    """Stored figures for the metric in `query` (newest period first), merged across sources: the `limit`
    entries from `offset` on, with `total` counting the entries of all pages (up to a bound, see `total`)."""
    with _autocommit_reads(session):
        return _cached_lookup(session, query, limit=limit, offset=offset)


def _cached_lookup(session: Session, query: str, *, limit: int, offset: int) -> LookupResult:
    limit, offset = max(1, limit), max(0, offset)
    version = data_version(session)
    key = (_db_key(session), version, query, limit, offset)
    if RESULT_CACHE_SIZE > 0:
        with _results_lock:
            cached = _results.get(key)
            if cached is not None:
                _results.move_to_end(key)
                cache_stats["hits"] += 1
                return _copy(cached)
    cache_stats["misses"] += 1
    result = _lookup(session, query, limit=limit, offset=offset, version=version)
    if RESULT_CACHE_SIZE > 0:
        with _results_lock:
            _results[key] = _copy(result)
            while len(_results) > RESULT_CACHE_SIZE:
                _results.popitem(last=False)
    return result


def _lookup(session: Session, query: str, *, limit: int, offset: int, version: Any) -> LookupResult:
    metric_text, period = parse_query(query)
    raw = unicodedata.normalize("NFKC", metric_text).replace(" ", "")
    region = "全国" if raw.startswith(NATIONAL_PREFIXES) else None
    name = normalise_query(metric_text)
    result = LookupResult(query=query, metric=name, period=period, region=region, offset=offset)
    if not name:
        return result

    def found(page: _Page) -> None:
        result.entries, result.total, result.total_capped = page.entries, page.total, page.capped

    catalog = _catalog(session, version)
    names = list(synonyms(name))
    page = _figures(session, names, region=region, period=period, limit=limit, offset=offset, catalog=catalog)
    if page.total:
        found(page)
        result.matched = [name]
        result.match = "exact" if name in catalog.stored else "alias"
        return result

    if region is None:
        for reg in catalog.regions:
            if reg != "全国" and name.startswith(reg) and len(name) > len(reg):
                rest = normalise_query(name[len(reg) :])
                if any(n in catalog.features for n in synonyms(rest)):
                    page = _figures(session, list(synonyms(rest)), region=reg, period=period, limit=limit,
                                    offset=offset, catalog=catalog)
                    if page.total:
                        found(page)
                        result.matched, result.region = [rest], reg
                        result.match = "exact"
                        return result
                break

    stored = catalog.stored
    if any(n in stored for n in names):
        # the metric exists, only the period (or region) filter left nothing
        result.matched = [n for n in names if n in stored]
        return result

    result.suggestions = suggest(name, catalog)
    return result
