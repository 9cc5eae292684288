"""Indicator tables in statistics releases, as plain text with `|` between cells:

    2020年11月份社会消费品零售总额主要数据
    指　标 | 11月 | | 1—11月 |
    | 绝对量（亿元） | 同比增长（%） | 绝对量（亿元） | 同比增长（%） |
    社会消费品零售总额 | 39514 | 5.0 | 351415 | -4.8
    其中：除汽车以外的消费品零售额 | 35497 | 4.2 | 316884 | -5.0
    按经营地分 | | | |
    城镇 | 34072 | 4.9 | 304413 | -4.9
    其中：实物商品网上零售额 | — | — | 87792 | 15.7

The header row names the periods (a period cell spans the empty cells after it); an optional second header row says
what each column holds (`绝对量（亿元）` a level in that unit, `同比增长（%）` a growth rate). Without it, a period
spanning two columns holds a level then its growth. Each indicator row then gives, per period, a level with its
growth. `—` is a missing value; `-4.8` a fall. Section rows (`按经营地分`) carry no values.

`find_tables(lines)` returns the cells read; `bot.services.figures` turns them into figures (periods resolved
against the article's date and the caption's year). Pure Python, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.services.figures_numbers import fold

_NUM = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$")
_MISSING = re.compile(r"^(?:—+|－+|-+|–|/|…|\.\.\.)?$")
#: a column saying it holds a growth rate: `同比增长（%）`, `比上年增长(%)`, `增速(%)`
_GROWTH_HEAD = re.compile(r"增长|增速|增幅|下降|同比|比上年|±")
#: `绝对量（亿元）`, `（亿元）`: the unit of a level column
_UNIT_IN = re.compile(r"[（(]\s*(?P<u>[^()（）]{1,8}?)\s*[)）]")
_NAME_PREFIX = re.compile(r"^(?:其中|内)\s*[:：]\s*|^[#*]+\s*")
_INDICATOR_HEAD = re.compile(r"^(?:指\s*标|项\s*目|指标名称|类\s*别)(?:名称)?$")


@dataclass(slots=True)
class TableCell:
    """One value of an indicator table: a level (with its growth, when the table gives one) or a growth alone."""

    row: str  # the indicator as written, `其中：` removed (`除汽车以外的消费品零售额`)
    row_unit: str  # a unit written in the row name (`网上零售额（亿元）` → 亿元), else ""
    period: str  # the header cell (`11月`, `1—11月`)
    value: str | None  # the level as written (`39514`), None when the table gives only the growth
    unit: str  # the level's unit from the column header (`亿元`), else ""
    growth: str | None  # the growth as written (`-4.8`), None when none
    line: str  # the row as written (the figure's quote)
    line_index: int


@dataclass(slots=True)
class Table:
    start_index: int  # line index of the table's first line
    header_index: int  # line index of the period header
    end_index: int  # one past the last line of the table
    caption: str  # the line before the header (`2020年11月份社会消费品零售总额主要数据`), or ""
    cells: list[TableCell] = field(default_factory=list)


def is_table_line(line: str) -> bool:
    return line.count("|") >= 2


def _cells(line: str) -> list[str]:
    s = fold(line).strip()
    if s.endswith("|"):
        s = s[:-1]
    return [c.strip() for c in s.split("|")]


def _is_number(cell: str) -> bool:
    return bool(_NUM.match(cell.replace(" ", "")))


def _is_missing(cell: str) -> bool:
    return bool(_MISSING.match(cell.replace(" ", "")))


def find_tables(lines: list[str], is_period: object) -> list[Table]:
    """Every indicator table in `lines`. `is_period(cell) -> bool` says whether a header cell is a period."""
    check = is_period if callable(is_period) else (lambda _c: False)
    tables: list[Table] = []
    i = 0
    while i < len(lines):
        if not is_table_line(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and is_table_line(lines[i]):
            i += 1
        block = list(range(start, i))
        table = _read_block(lines, block, check)
        if table is not None:
            tables.append(table)
    return tables


def _read_block(lines: list[str], block: list[int], is_period: object) -> Table | None:
    check = is_period if callable(is_period) else (lambda _c: False)
    header_at = None
    periods: list[tuple[int, str]] = []  # (column, period text)
    for k in block[:3]:
        cells = _cells(lines[k])
        found = [(c, x) for c, x in enumerate(cells) if c > 0 and x and check(x)]
        if found and (len(found) >= 1 and (not cells[0] or _INDICATOR_HEAD.match(cells[0].replace(" ", ""))
                                           or all(not x or check(x) for x in cells[1:]))):
            header_at, periods = k, found
            break
    if header_at is None:
        return None
    header = _cells(lines[header_at])
    # the columns each period spans: up to the next non-empty header cell (the last: to the widest row)
    width = max(len(_cells(lines[k])) for k in block)
    spans: list[tuple[str, list[int]]] = []
    for n, (col, text) in enumerate(periods):
        nxt = periods[n + 1][0] if n + 1 < len(periods) else width
        stop = nxt
        for c in range(col + 1, nxt):
            if c < len(header) and header[c] and not check(header[c]):
                stop = c
                break
        spans.append((text, list(range(col, max(stop, col + 1)))))
    # an optional row saying what each column holds
    kinds: dict[int, tuple[str, str]] = {}  # column → ("level", unit) | ("growth", "")
    body_from = header_at + 1
    if body_from in block:
        cells = _cells(lines[body_from])
        if not any(_is_number(x) for x in cells[1:]) and any(cells[1:]) and not cells[0]:
            for c, x in enumerate(cells):
                if c == 0 or not x:
                    continue
                if _GROWTH_HEAD.search(x):
                    kinds[c] = ("growth", "")
                else:
                    um = _UNIT_IN.search(x)
                    kinds[c] = ("level", um.group("u").strip() if um else "")
            body_from += 1
    for _text, cols in spans:
        if not any(c in kinds for c in cols):
            for n, c in enumerate(cols):
                kinds[c] = ("level", "") if n == 0 and len(cols) > 1 else ("growth", "") if n == 1 else ("level", "")
    caption = ""
    if block[0] > 0 and not is_table_line(lines[block[0] - 1]):
        caption = lines[block[0] - 1].strip()
    table = Table(start_index=block[0], header_index=header_at, end_index=block[-1] + 1, caption=caption)
    for k in block:
        if k < body_from:
            continue
        cells = _cells(lines[k])
        if not cells or not cells[0] or not any(_is_number(x) for x in cells[1:]):
            continue  # a section row (`按经营地分`) or a blank one
        name = _NAME_PREFIX.sub("", cells[0].replace("\u3000", "").strip())
        row_unit = ""
        um = _UNIT_IN.search(name)
        if um:
            row_unit = um.group("u").strip()
            name = (name[: um.start()] + name[um.end() :]).strip()
        name = re.sub(r"\s+", "", name)
        if len(name) < 2:
            continue
        for text, cols in spans:
            level: str | None = None
            unit = ""
            growth: str | None = None
            for c in cols:
                if c >= len(cells):
                    continue
                x = cells[c].replace(" ", "")
                if _is_missing(x) or not _is_number(x):
                    continue
                kind, cunit = kinds.get(c, ("level", ""))
                if kind == "growth" and growth is None:
                    growth = x
                elif kind == "level" and level is None:
                    level, unit = x, cunit
            if level is None and growth is None:
                continue
            table.cells.append(TableCell(name, row_unit, text, level, unit, growth, lines[k].strip(), k))
    return table
