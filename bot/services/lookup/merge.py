"""One figure, several sources: values reported at different precision become one entry; and what a growth is
measured against.

    merge_close(keyed, limit=) -> keyed       join entries of one period whose values are one figure rounded differently
    same_figure(a, b) -> bool                 two base values (as in merge keys) are one figure
    precision_step(text) -> Decimal           the place of the last significant digit
    growth_basis(quote, span_start, span_end) -> "yoy" | "mom" | None    同比 / 环比 as the source says, else None

Outlets round: one reports 13.79万亿元, another 13.8万亿元, a third "突破2万亿元" for 2.1万亿元. Such figures are
one entry with all their sources. Two values are the same figure when the coarser one is the finer one rounded to
the coarser one's precision (its last significant digit) and they differ by at most MERGE_TOLERANCE; 13.8 vs 14.1
stay two entries (a real disagreement, which the bot shows side by side). An undated figure joins a dated entry
only when exactly one dated entry of the same region and unit matches it.

Used by sql.py (grouping and details of lookup entries); growth_basis also by bot/render.py and digest.py, through
the package. No database access.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

#: one grouped entry: (merge key, figure ids as "1,2,3", figure count, newest figure id)
_Keyed = tuple[tuple[Any, ...], str, int, int]

#: largest relative difference between two values read as the same figure rounded differently
MERGE_TOLERANCE = 0.05


def _is_low(value: Any) -> bool:
    return value is None or value == "" or value == date.min


def _decimal(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal(0)


@lru_cache(maxsize=8192)
def precision_step(text: str) -> Decimal:
    """The place of the last significant digit: `1.38e+13` → 1E+11, `2e+12` → 1E+12."""
    d = _decimal(text).normalize()
    if not d:
        return Decimal(0)
    return Decimal(1).scaleb(d.as_tuple().exponent)  # type: ignore[arg-type]


def same_figure(a: str, b: str) -> bool:
    """Whether two base values (as stored in merge keys) are one figure reported at different precision."""
    try:  # most pairs differ by far more than the tolerance: decided on floats, no Decimal arithmetic
        fa, fb = float(a), float(b)
    except ValueError:
        return False
    if fa != fb and abs(fa - fb) > MERGE_TOLERANCE * max(abs(fa), abs(fb)) * 1.000001:
        return False
    x, y = _decimal(a), _decimal(b)
    if x == y:
        return True
    if not x or not y or (x > 0) != (y > 0):
        return False
    diff = abs(x - y)
    if diff > Decimal(str(MERGE_TOLERANCE)) * max(abs(x), abs(y)):
        return False
    return diff <= max(precision_step(a), precision_step(b)) / 2


def merge_close(keyed: list[_Keyed], *, limit: int | None = None) -> list[_Keyed]:
    """Join entries of one period, region and unit whose values are the same figure rounded differently (see
    above); the order of first appearance is kept. The finest value stands for the merged entry in its key. At
    most `limit` entries are returned: the input is read only until the entry after them starts. Most entries are
    alone in their period: one dict probe each (~1 µs)."""
    head = keyed[:limit] if limit is not None else keyed
    if len({(k[0], k[1], k[2], k[4], k[5]) for k, _i, _n, _t in head}) == len(head) \
            and not any(_is_low(k[0]) for k, _i, _n, _t in head):
        return head  # no two entries share a period and nothing is undated: nothing to merge (~15 µs)
    out: list[list[Any]] = []
    values: list[float] = []
    by_cluster: dict[tuple[Any, ...], list[int]] = {}
    dated: dict[tuple[Any, ...], list[int]] = {}
    tol = MERGE_TOLERANCE * 1.000001
    for item in keyed:
        key = item[0]
        end = key[0]
        cluster = (end, key[1], key[2], key[4], key[5])
        same = by_cluster.get(cluster)
        target: int | None = None
        value: float | None = None
        if same is not None:
            value = _float(key[3])
            for i in same:
                w = values[i]
                if abs(value - w) <= tol * max(abs(value), abs(w)) and same_figure(out[i][0][3], key[3]):
                    target = i
                    break
        undated = _is_low(end)
        if target is None and undated and dated:
            value = _float(key[3]) if value is None else value
            found = [i for i in dated.get((key[2], key[4], key[5]), ())
                     if abs(value - values[i]) <= tol * max(abs(value), abs(values[i]))
                     and same_figure(out[i][0][3], key[3])]
            if len(found) == 1:
                target = found[0]
        if target is None:
            if limit is not None and len(out) >= limit:
                break
            index = len(out)
            out.append(list(item))
            values.append(_float(key[3]) if value is None else value)
            if same is None:
                by_cluster[cluster] = [index]
            else:
                same.append(index)
            if not undated:
                dated.setdefault((key[2], key[4], key[5]), []).append(index)
            continue
        entry = out[target]
        if precision_step(key[3]) < precision_step(entry[0][3]):
            entry[0] = (*entry[0][:3], key[3], *entry[0][4:])
            values[target] = _float(key[3])
        entry[1] = f"{entry[1]},{item[1]}"
        entry[2] += item[2]
        entry[3] = max(entry[3], item[3])
    return [(k, ids, n, top) for k, ids, n, top in out]


def _float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return 0.0


_YOY = re.compile(r"同比|比上年|较上年|比去年|较去年|年同比|year[- ]on[- ]year|\byoy\b", re.IGNORECASE)
_MOM = re.compile(r"环比|比上月|较上月|month[- ]on[- ]month|\bmom\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[。；;！!？?]")
_CLAUSE_START = re.compile(r"[，,。；;：:、]")


def growth_basis(quote: str, span_start: int, span_end: int) -> str | None:
    """"yoy" when the source compares with the same period a year earlier (同比, 比上年 …), "mom" for the previous
    month (环比), else None (the wording stays neutral). Read from the figure's clause: from the comma before the
    figure up to the first percent sign (or the clause end) after it."""
    if not quote:
        return None
    start = max(0, min(span_start, len(quote)))
    end = max(start, min(span_end, len(quote)))
    before = quote[:start]
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(before)), default=0)
    after = quote[end:]
    stop = _CLAUSE_END.search(after)
    tail = after[: stop.start()] if stop else after
    pct = re.search(r"[%％]|百分点", tail)
    window = quote[clause_start:start] + quote[start:end] + (tail[: pct.end()] if pct else tail)
    yoy, mom = _YOY.search(window), _MOM.search(window)
    if yoy and mom:
        return "yoy" if yoy.start() > mom.start() else "mom"
    return "yoy" if yoy else "mom" if mom else None
