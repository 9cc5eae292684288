"""The lookup statements: plain SQL strings (cached per shape), run straight on the session's DBAPI cursor.

    _newest_keyed(session, names, region=, period=, limit=, years=)   phase 1: the newest entries as grouped ids
    _page(session, keyed, limit=, offset=) -> _Page                    phase 2: full entries for one page only
    _fetch(session, sql, params) -> rows                               one statement on the session's connection
    _autocommit_reads(session)                                         PostgreSQL: reads without BEGIN/COMMIT

Two phases keep the hot path short: phase 1 groups the newest figures of each name by merge key straight from the
covering index `ix_figure_metric_period` (metric_norm, period_end, region, period_start, value_base, base_unit,
is_forecast) — one index-ordered UNION ALL arm per stored synonym, GROUP BY in index order, LIMIT `limit` groups,
no table reads, complete groups by construction, no ORM objects; phase 2 fetches quotes, articles and bulletins for
the figures of the entries on the page (at most MAX_SOURCES per entry): a /metric page of 5 reads ~11 sources
instead of ~110 for 50 entries.

Used by resolve.py (`lookup`) and catalog.py (`_fetch`, `_to_date` for `data_version` and the catalog). The
underscore names are internal to the package.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from sqlmodel import Session

from bot.services.articles import masthead
from bot.services.lookup.merge import _Keyed, growth_basis, merge_close, precision_step
from bot.services.lookup.query import PeriodFilter, _month_end
from bot.services.lookup.result import FigureEntry, FigureSource

#: sources listed per entry (the count of all of them is kept in `source_count`)
MAX_SOURCES = 20
#: `LookupResult.total` counts entries up to at least this many (more: `total_capped`). Counting every entry of a
#: popular metric would read tens of thousands of index entries; 50 is what /metric pages through (10 pages of 5).
COUNT_UP_TO = 50
_GROUP_COLS = "period_end, region, period_start, value_base, base_unit, is_forecast"
_GROUP_ORDER = ", ".join(f"{c.strip()} DESC" for c in _GROUP_COLS.split(","))


#: run the lookup statements on the DBAPI cursor (False: through SQLAlchemy's `exec_driver_sql`)
RAW_CURSOR = True


def _fetch(session: Session, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    """Rows of a plain statement, run on the session's connection (inside its transaction). Straight on the DBAPI
    cursor: SQLAlchemy's result set-up (column metadata, description parsing) costs more per statement than
    the index seeks these statements do."""
    conn = session.connection()
    if not RAW_CURSOR:
        return list(conn.exec_driver_sql(sql, params or {}).fetchall())
    cursor = conn.connection.cursor()
    try:
        if params:
            cursor.execute(sql, params)
        else:
            cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _ph(dialect: str, name: str) -> str:
    return f":{name}" if dialect == "sqlite" else f"%({name})s"


def _to_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _param_date(dialect: str, value: date) -> Any:
    return value.isoformat() if dialect == "sqlite" else value


@lru_cache(maxsize=256)
def _groups_sql(dialect: str, n_names: int, dated: bool, region: bool, period_kind: str, n_years: int) -> str:
    """One index-ordered arm per name (and per year for a month range: `e{j}`/`s{j}`), UNION ALL."""
    ph = functools.partial(_ph, dialect)
    ids = "group_concat(id)" if dialect == "sqlite" else "string_agg(CAST(id AS TEXT), ',')"
    arms = []
    for j in range(max(1, n_years)):
        for i in range(n_names):
            conds = [f"metric_norm = {ph(f'n{i}')}", "period_end IS NOT NULL" if dated else "period_end IS NULL"]
            if region:  # SQLite: unary + keeps the planner on the index order (no temp B-tree for the GROUP BY)
                conds.append(f"{'+' if dialect == 'sqlite' else ''}region = {ph('region')}")
            if period_kind == "year":
                conds.append(f"period_end >= {ph('y0')} AND period_end <= {ph('y1')}")
            elif period_kind == "months":
                conds.append(f"period_end = {ph(f'e{j}')} AND (period_start IS NULL OR period_start = {ph(f's{j}')})")
            arms.append(
                f"SELECT * FROM (SELECT {_GROUP_COLS}, {ids} AS ids, count(*) AS n, max(id) AS top FROM figure "
                f"WHERE {' AND '.join(conds)} GROUP BY {_GROUP_COLS} ORDER BY {_GROUP_ORDER} "
                f"LIMIT {ph('lim')}) AS a{j}_{i}"
            )
    return " UNION ALL ".join(arms)


def _newest_keyed(session: Session, names: list[str], *, region: str | None, period: PeriodFilter | None,
                  limit: int, years: tuple[int, int] | None = None) -> list[_Keyed]:
    """The `limit` newest entries (grouped figure ids), newest period first; undated figures last.

    Every filter is an index range on (metric_norm, period_end): a year is `period_end BETWEEN`, a month range
    without a year is one equality per year (newest year first, only years that have figures, stopping as soon
    as `limit` entries are found) rather than an IN list over decades, which would have to sort every match.
    The SQL conditions are exactly `PeriodFilter.matches`. Rows stay raw (ISO strings on SQLite, dates on
    PostgreSQL: both sort right): only the page's entries are converted, by `_entries`."""
    conn = session.connection()
    dialect = conn.dialect.name
    base: dict[str, Any] = {f"n{i}": n for i, n in enumerate(names)}
    base["lim"] = limit
    if region is not None:
        base["region"] = region
    # (dated, period kind, extra parameters) per statement, in output order
    passes: list[tuple[bool, str, dict[str, Any]]] = []
    if period is None:
        passes = [(True, "", {}), (False, "", {})]
    elif period.months is None and period.year is not None:
        passes = [(True, "year", {"y0": _param_date(dialect, date(period.year, 1, 1)),
                                  "y1": _param_date(dialect, date(period.year, 12, 31))})]
    elif period.months is not None:
        m1, m2 = period.months
        if period.year is not None:
            year_list = [period.year]
        elif years is not None:
            year_list = list(range(years[1], years[0] - 1, -1))
        else:
            year_list = list(range(date.today().year + 2, 1989, -1))
        # the newest year alone (usually enough), then every older year in one statement (one round trip)
        for chunk in (year_list[:1], year_list[1:]):
            if chunk:
                passes.append((True, "months", {
                    **{f"e{j}": _param_date(dialect, _month_end(y, m2)) for j, y in enumerate(chunk)},
                    **{f"s{j}": _param_date(dialect, date(y, m1, 1)) for j, y in enumerate(chunk)}}))
    low: Any = "" if dialect == "sqlite" else date.min  # sorts below every stored date
    merged: dict[tuple[Any, ...], list[Any]] = {}
    for dated, kind, extra in passes:
        n_years = sum(k.startswith("e") for k in extra) if kind == "months" else 0
        sql = _groups_sql(dialect, len(names), dated, region is not None, kind, n_years)
        for end, reg, start, base_value, base_unit, forecast, ids, n, top in _fetch(session, sql, {**base, **extra}):
            key = (end or low, start or low, reg, f"{base_value:.10g}", base_unit, bool(forecast))
            old = merged.get(key)
            if old is None:
                merged[key] = [str(ids), int(n), int(top)]
            else:
                old[0] = f"{old[0]},{ids}"
                old[1] += int(n)
                old[2] = max(old[2], int(top))
        if len(merged) >= limit:
            break
    ordered = sorted(merged.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[1][2]), reverse=True)
    return merge_close([(k, v[0], v[1], v[2]) for k, v in ordered], limit=limit)


@lru_cache(maxsize=64)
def _details_sql(dialect: str, n_ids: int) -> str:
    ph = functools.partial(_ph, dialect)
    where = (f"f.id IN ({', '.join(ph(f'i{j}') for j in range(n_ids))})" if dialect == "sqlite"
             else "f.id = ANY(%(ids)s)")  # one array parameter: no per-id parsing or planning on PostgreSQL
    return (
        "SELECT f.id, f.metric, f.metric_norm, f.region, f.value, f.unit, f.value_base, f.base_unit, f.qualifier, "
        "f.period_start, f.period_end, f.period_label, f.growth_pct, f.growth_pp, f.is_forecast, f.quote, "
        "a.id, a.title, a.outlet, a.published, b.id, b.publication, b.issue_no, b.published, "
        "f.value_decimals, f.growth_decimals, f.span_start, f.span_end "
        "FROM figure f JOIN article a ON a.id = f.article_id JOIN bulletin b ON b.id = a.bulletin_id "
        f"WHERE {where}"
    )


def _entries(session: Session, groups: list[tuple[list[int], int]]) -> list[FigureEntry]:
    """Phase 2: full entries (details; sources oldest first) for grouped figure ids, in the given order."""
    # the newest MAX_SOURCES figures of each group (ids grow with ingestion)
    picked = [sorted(ids, reverse=True)[:MAX_SOURCES] for ids, _n in groups]
    ids = [i for g in picked for i in g]
    if not ids:
        return []
    conn = session.connection()
    dialect = conn.dialect.name
    if dialect == "sqlite":
        size = 1 << max(4, (len(ids) - 1).bit_length())  # few distinct statement shapes
        padded = ids + [ids[-1]] * (size - len(ids))
        rows = _fetch(session, _details_sql(dialect, size), {f"i{j}": v for j, v in enumerate(padded)})
    else:
        rows = _fetch(session, _details_sql(dialect, 0), {"ids": ids})
    details: dict[int, list[Any]] = {}
    for row in rows:
        r = list(row)
        r[9], r[10], r[19], r[23] = _to_date(r[9]), _to_date(r[10]), _to_date(r[19]), _to_date(r[23])
        details[r[0]] = r
    entries = []
    for group, (_all_ids, count) in zip(picked, groups, strict=True):
        rows_ = sorted((details[i] for i in group if i in details),
                       key=lambda r: (r[19] or r[23] or date.max, r[0]))
        if not rows_:
            continue
        # the value of the most precise exact report stands for the entry; the period of a dated one
        if len(rows_) == 1:
            head = when = rows_[0]
        else:
            head = min(rows_, key=lambda r: (r[8] != "exact", precision_step(f"{r[6]:.10g}"), r[10] is None))
            when = next((r for r in rows_ if r[10] is not None), head)
        entry = FigureEntry(
            metric=head[1], region=head[3], value=head[4], unit=head[5], value_base=head[6],
            base_unit=head[7], qualifier=head[8], period_start=when[9], period_end=when[10],
            period_label=when[11], growth_pct=head[12], growth_pp=head[13], is_forecast=bool(head[14]),
            source_count=count, value_decimals=head[24], growth_decimals=head[25],
        )
        seen: set[int] = set()
        for r in [head] + [r for r in rows_ if r is not head]:
            entry.figure_ids.append(r[0])
            entry.metric_norms.add(r[2])
            if entry.growth_pct is None and entry.growth_pp is None and (r[12] is not None or r[13] is not None):
                entry.growth_pct, entry.growth_pp = r[12], r[13]
                entry.growth_decimals = r[25]
            if entry.growth_basis is None and (r[12] is not None or r[13] is not None) \
                    and (r[12], r[13]) == (entry.growth_pct, entry.growth_pp):
                entry.growth_basis = growth_basis(r[15], r[26] or 0, r[27] or 0)
            if not entry.period_label:
                entry.period_label = r[11]
        for r in rows_:
            if r[16] in seen:
                continue
            seen.add(r[16])
            entry.sources.append(FigureSource(
                article_id=r[16], article_title=r[17], outlet=r[18] or "", bulletin=masthead(r[21], r[22]),
                bulletin_id=r[20], published=r[19] or r[23], quote=r[15],
                value=r[4], unit=r[5], value_base=r[6], qualifier=r[8],
            ))
        entries.append(entry)
    return entries


@dataclass(slots=True)
class _Page:
    entries: list[FigureEntry]
    total: int
    capped: bool


def _window(limit: int, offset: int) -> int:
    """Entries the grouping statement looks at: the page, and at least COUNT_UP_TO for the total."""
    return max(offset + limit, COUNT_UP_TO)


def _page(session: Session, keyed: list[_Keyed], *, limit: int, offset: int) -> _Page:
    """Details only for the entries on the page; `keyed` (newest first) holds up to window + 1 groups."""
    window = _window(limit, offset)
    page = [([int(x) for x in ids.split(",")], n) for _k, ids, n, _top in keyed[offset : offset + limit]]
    return _Page(_entries(session, page), min(len(keyed), window), len(keyed) > window)


@contextmanager
def _autocommit_reads(session: Session) -> Iterator[None]:
    """PostgreSQL: run the lookup's read-only statements in autocommit when the session's connection has no open
    transaction yet (a fresh session, as in a handler), which saves the BEGIN and COMMIT round trips (psycopg sends
    neither when the connection is idle; ~0.1 ms of a ~1 ms lookup). A session that already wrote or read stays in
    its transaction (it sees its own changes). Each statement then reads its own snapshot: an ingest committed
    between the data-version statement and the figure statements is cached under the old version, which no later
    call asks for; a bulletin deleted between grouping and details drops its entries from this one result."""
    conn = session.connection()
    dbapi = conn.connection.dbapi_connection
    info = getattr(dbapi, "info", None)
    if conn.dialect.name != "postgresql" or dbapi is None or getattr(dbapi, "autocommit", True) \
            or getattr(info, "transaction_status", None) != 0:  # 0: psycopg TransactionStatus.IDLE
        yield
        return
    dbapi.autocommit = True
    try:
        yield
    finally:
        try:
            dbapi.autocommit = False
        except Exception:  # a broken connection: SQLAlchemy invalidates it on its next use
            pass
