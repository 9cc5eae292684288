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

    find_tables(lines, is_period) -> list[Table]   the cells read
    _table_figures(table, published, title, region, out)   appends the table's figures (periods resolved against
                                                          the article's date and the caption's year; a row the text
                                                          states already is not added twice)

Used by extract (and `split_glued_rows` for rows a reader glued together). Pure Python, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bot.services.figures.model import ExtractedFigure, is_growth_only, normalise_metric
from bot.services.figures.numbers import fold, parse_number
from bot.services.figures.periods import PeriodMention, find_periods
from bot.services.figures.regions import split_region

_NUM = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$")
_MISSING = re.compile(r"^(?:—+|－+|-+|–|/|…|\.\.\.)?$")
#: a column holding a change on the period before, an average over years or a share: neither a level nor the growth
_NOT_A_FIGURE_HEAD = re.compile(r"环比|(?:比|较)上(?:个)?(?:月|周|季度?)|平均(?:增长|增速)|年均|比重|占比|结构|份额|贡献")

#: a column saying it holds a growth rate: `同比增长（%）`, `比上年增长(%)`, `增速(%)`
_GROWTH_HEAD = re.compile(r"增长|增速|增幅|下降|同比|比上年|±")
#: `绝对量（亿元）`, `（亿元）`: the unit of a level column
_UNIT_IN = re.compile(r"[（(]\s*(?P<u>[^()（）]{1,8}?)\s*[)）]")
_NAME_PREFIX = re.compile(r"^(?:其中|内)\s*[:：]\s*|^[#*]+\s*")


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
    full_name: str = ""  # the indicator with what the table implies (`快递业务` in 万件 → 快递业务量)


@dataclass(slots=True)
class Table:
    start_index: int  # line index of the table's first line
    header_index: int  # line index of the period header
    end_index: int  # one past the last line of the table
    caption: str  # the line before the header (`2020年11月份社会消费品零售总额主要数据`), or ""
    #: the header or caption names a reporting population (`社会消费品零售总额中限上企业`)
    population: bool = False
    cells: list[TableCell] = field(default_factory=list)
    #: a month heading the `累计`/`当月` columns under it (`| 6月份 | |` over `| 累计 | 当月 |`): the table's own month
    header_month: str = ""


def is_table_line(line: str) -> bool:
    return line.count("|") >= 2


def _cells(line: str, framed: bool = False) -> list[str]:
    s = fold(line).strip()
    if s.endswith("|"):
        s = s[:-1]
    if framed and s.startswith("|"):
        s = s[1:]
    return [c.strip() for c in s.split("|")]


def _framed(lines: list[str]) -> bool:
    """A table drawn with a bar at both ends of every row (`| 城镇 | 52046 | 9.6 |`, as web pages are copied): the
    first bar opens the row, it leaves no empty first column."""
    return all(fold(x).strip().startswith("|") and fold(x).strip().endswith("|") for x in lines)


def _lead(line: str, framed: bool) -> str:
    """What comes before a row's first value: its indentation and name (`　　其中：同城`)."""
    if framed:
        line = line.strip().lstrip("|")
    return line.split("|", 1)[0]


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


#: an ordinal before an indicator (`一、`, `1、`, `（一）`, `2.`)
_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、.．]|[0-9]+\s*[、.．]|[（(][一二三四五六七八九十0-9]+[)）])\s*"
)
_UNIT_HEAD = re.compile(r"^(?:计量|计算)?单\s*位$")
_COUNT_UNITS = ("件", "个", "人", "户", "家", "次", "票", "单", "吨", "笔")
_MONEY_UNITS = ("元", "美元", "欧元")
_HEADLESS = re.compile(r"(?:额|量|收入|总值|产值|增加值|数|率|规模|指数|价格)$")


def _indent(line: str) -> int:
    s = line.replace("\u3000", "  ")
    return len(s) - len(s.lstrip(" "))


def _fill(cells: list[str], width: int) -> list[str]:
    """A header row with spanning cells repeated to the right (`11月 | |` → 11月, 11月)."""
    out = list(cells) + [""] * (width - len(cells))
    for c in range(2, width):
        if not out[c].strip() and out[c - 1].strip():
            out[c] = out[c - 1]
    return out


#: the head of a column of places (`单位`, `地区`, `省份`, `省（区、市）`): each row is one place's
_PLACE_HEAD = re.compile(r"^(?:单位|地区|地区名称|省份|省市|省区市|省[（(]区、?市[)）]|城市|地市)$")
#: a column of one indicator to date or for the month (`快递业务量累计(万件)`, `快递收入当月（万元）`)
_INDICATOR_HEAD = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,16}?)(?P<rel>累计|当月|本月)$")


def _read_places(lines: list[str], block: list[int], rows: list[list[str]]) -> Table | None:
    """A table of places by indicator (`单位 | 快递业务量累计(万件) | 同比增长(%) | 快递收入累计(万元) | 同比增长(%) |`,
    then `北京 | 87438.7 | 42.3 | …`): each place's level of each indicator, with the growth column after it. The
    period is the table's own (`累计`: to date, `当月`), resolved like a `累计`/`当月` column; rows naming no known
    place are left out."""
    cols: dict[int, tuple[str, str, str]] = {}  # column → (indicator, 累计/当月, unit) of a level column
    growth_of: dict[int, int] = {}  # growth column → its level column
    for c, head in enumerate(rows[0][1:], start=1):
        text = re.sub(r"\s+", "", head)
        if _GROWTH_HEAD.search(text) and c - 1 in cols:
            growth_of[c] = c - 1
            continue
        um = _UNIT_IN.search(text)
        unit = um.group("u").strip() if um else ""
        im = _INDICATOR_HEAD.match(text[: um.start()] + text[um.end() :] if um else text)
        if im and unit and "%" not in unit:
            cols[c] = (im.group("name"), im.group("rel"), unit)
    if not cols:
        return None
    table = Table(start_index=block[0], header_index=block[0], end_index=block[-1] + 1, caption="")
    for k, cells in zip(block[1:], rows[1:], strict=True):
        place = re.sub(r"\s+", "", cells[0]) if cells else ""
        for c, (name, rel, unit) in cols.items():
            region, rest = split_region(place + name)
            if region != place or rest != name or c >= len(cells) or not _is_number(cells[c].replace(" ", "")):
                continue
            g = next((cells[x] for x, lc in growth_of.items() if lc == c and x < len(cells)), "").replace(" ", "")
            table.cells.append(
                TableCell(name, "", rel, cells[c].replace(" ", ""), unit, g if _is_number(g) else None,
                          lines[k].strip(), k, full_name=place + name)
            )
    return table if table.cells else None


#: a bare year heading a column of a yearbook table (`2007`, `2011年`)
_YEAR_CELL = re.compile(r"^((?:19|20)\d{2})年?$")


def _yearly_change(head: str, years: list[int]) -> bool:
    """A change column of a yearbook table measuring the last year on the one before (`增长(%)`, `2023年比2022年增长%`,
    `2023年比上年增长(%)`)."""
    named = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年?", head)]
    if not named:
        return True
    last = max(years)
    return named[0] == last and (len(named) == 1 or named[1:] == [last - 1])


def _year_header(row: list[str]) -> list[str] | None:
    """A header row of years (`| 指　标 | 2007 | 2008 | … | 2011 |`), its cells rewritten as periods (`2007年`), or
    None. The years must run one way (a row of values that happen to look like years does not)."""
    cells = [x.replace(" ", "") for x in row[1:]]
    years = [int(m.group(1)) for x in cells if x and (m := _YEAR_CELL.match(x))]
    # besides the years: a unit column (`| 单位 |`) and, after them, the change of the last year (`| 增长(%) |`)
    others = [x for x in cells if x and not _YEAR_CELL.match(x)]
    last_year = max((k for k, x in enumerate(cells) if _YEAR_CELL.match(x)), default=-1)
    if (
        len(years) < 2
        or any(not (_UNIT_HEAD.match(x) or _GROWTH_HEAD.search(x)) for x in others)
        or any(_GROWTH_HEAD.search(x) and k < last_year for k, x in enumerate(cells))
        or _YEAR_CELL.match(row[0].replace(" ", ""))
        # (`2023年比2010年增长%`: a change over more than the year before is no yearly growth)
        or any(_GROWTH_HEAD.search(x) and not _yearly_change(x, years) for x in others)
    ):
        return None
    steps = {b > a for a, b in zip(years, years[1:], strict=False)}
    if len(steps) != 1 or len(set(years)) != len(years):
        return None
    return [row[0]] + [f"{m.group(1)}年" if (m := _YEAR_CELL.match(x)) else x for x in cells]


def _read_block(lines: list[str], block: list[int], is_period: object) -> Table | None:
    check = is_period if callable(is_period) else (lambda _c: False)
    framed = _framed([lines[k] for k in block])
    rows = [_cells(lines[k], framed) for k in block]
    width = max(len(r) for r in rows)
    for r, row in enumerate(rows[:3]):
        years = _year_header(row)
        if years:
            rows[r] = years  # `| 指　标 | 2007 | 2008 |`: the header of a yearbook table, a year a column
            break
        if any(x.strip() for x in row[1:]):
            break  # (only caption rows, with nothing beyond their first cell, come above a header of years)
    if rows[0] and _PLACE_HEAD.match(re.sub(r"\s+", "", rows[0][0])):
        return _read_places(lines, block, rows)
    # header rows: the rows before the first row with a number, at most three
    n_head = 0
    while n_head < min(3, len(rows)) and not any(_is_number(x.replace(" ", "")) for x in rows[n_head][1:]):
        n_head += 1
    if n_head == 0 or n_head == len(rows):
        return None
    heads = [_fill(r, width) for r in rows[:n_head]]
    cols: dict[int, tuple[str, str, str]] = {}  # column → (kind, period text, unit)
    unit_col = None
    header_month = ""
    for c in range(1, width):
        texts = [h[c].replace(" ", "") for h in heads if h[c].strip()]
        if any(_UNIT_HEAD.match(x) for x in texts):
            unit_col = c
            continue
        if any(_NOT_A_FIGURE_HEAD.search(x) for x in texts):
            continue  # `环比增长(%)`, `两年平均增长(%)`, `占全国比重(%)`: no level and no year-on-year growth of the row
        period = next((x for x in reversed(texts) if check(x)), "")
        if period in _REL_CURRENT or period in _REL_TO_DATE:
            # `| 6月份 | |` over `| 累计 | 当月 |`: the month the relative columns are of
            heading = next((x for x in texts if x != period and check(x) and x not in _REL_CURRENT
                            and x not in _REL_TO_DATE), "")
            header_month = header_month or heading
        is_growth = any(_GROWTH_HEAD.search(x) for x in texts)
        if not period and is_growth and c - 1 in cols and cols[c - 1][0] == "level":
            # `1-10月累计 | 累计比上年同期增长(%)`: a growth column naming no period is the change of the level
            # column before it
            period = cols[c - 1][1]
        if not period:
            continue
        unit = ""
        for x in texts:
            um = _UNIT_IN.search(x)
            if um and "%" not in um.group("u") and not is_growth:
                unit = um.group("u").strip()
        cols[c] = ("growth" if is_growth else "level", period, unit)
    if not cols:
        return None
    # a period spanning two columns without a second header row: a level, then its growth
    if n_head == 1:
        seen: dict[str, int] = {}
        for c in sorted(cols):
            kind, period, unit = cols[c]
            seen[period] = seen.get(period, 0) + 1
            if seen[period] == 2 and kind == "level":
                cols[c] = ("growth", period, "")
    caption = ""
    if block[0] > 0 and not is_table_line(lines[block[0] - 1]):
        caption = lines[block[0] - 1].strip()
    table = Table(start_index=block[0], header_index=block[0], end_index=block[-1] + 1, caption=caption,
                  header_month=header_month)
    table.population = bool(_POPULATION.search("".join(h for r in rows[:n_head] for h in r) + caption))
    periods = list(dict.fromkeys(p for _k, p, _u in (cols[c] for c in sorted(cols))))
    parents: list[tuple[int, str]] = []  # (indent, name) of the rows above, for sub-items
    # `一、社会消费品零售总额` / `1、批发零售贸易业` / `在总额中：` with no indentation: the ordinals give the depth
    ranked = not any(_indent(_lead(lines[k], framed)) for k in block[n_head:]) and {
        _rank(c[0]) for c in rows[n_head:] if c
    } >= {0, 2}
    goods_row = False  # a row of goods retail sales (`商品零售`) came before: `…类` rows are its categories
    goods_list: bool | None = False  # in the commodity list right under a goods retail row (None: not known yet)
    goods_indent = 0
    section = ""  # a row naming a measure without values (`邮政业务量`): the rows below are its parts
    sales_total = ""  # the first row is a sales total (`商品销售总额(亿元)`): industries below are its parts
    total_row = False  # the first row is a retail total (`社会消费品零售总额(亿元)`): parts below are its 零售额
    carried_unit = ""  # a unit written in a row name (`社会消费品零售总额(亿元)`) holds for the rows below naming none
    whole = ""  # the ordinal whole a row is part of (ranked tables)
    under_ordinal = False  # a row with a top ordinal (`一、`) came before
    list_indent: int | None = None  # the indent of the `其中：` list under that whole, while it goes on
    in_whole = False  # after `在总额中：`, rows without an ordinal are parts of that whole
    for k, cells in zip(block[n_head:], rows[n_head:], strict=True):
        raw = cells[0] if cells else ""
        # display columns before the name (`　　其中：同城` and `　　　　　异地` are siblings)
        lead = _lead(lines[k], framed)
        opens_list = re.match(r"^[\s\u3000]*其中\s*[:：]", lead) is not None
        indent = _indent(lead) + (6 if opens_list else 0)
        name = _NAME_PREFIX.sub("", raw.replace("\u3000", "").strip())
        rank = _rank(name)
        if rank == 0:
            under_ordinal, list_indent = True, None
        elif opens_list and under_ordinal:
            list_indent = indent
        elif list_indent is not None and rank is None and _indent(lead) == 0:
            # `二、邮政行业业务总量` / `其中：函件` / `包裹` / `快递`: unindented rows after a `其中：` row under an
            # ordinal whole go on with its list (siblings of 函件), up to the next ordinal
            indent = list_indent
        name = _ORDINAL.sub("", name)
        if ranked:
            if _IN_WHOLE.match(name):
                in_whole = True
                continue
            if rank == 0:
                whole, in_whole = re.sub(r"\s+", "", name), False
            elif rank is None and not in_whole:
                whole = ""
        row_unit = ""
        um = _UNIT_IN.search(name)
        if um:
            row_unit = um.group("u").strip()
            name = (name[: um.start()] + name[um.end() :]).strip()
        name = re.sub(r"\s+", "", name)
        if unit_col is not None and unit_col < len(cells) and cells[unit_col].strip():
            row_unit = cells[unit_col].replace(" ", "")
        elif row_unit:
            carried_unit = row_unit if unit_col is None else ""
        elif carried_unit and not _UNITLESS_ROW.search(name):
            row_unit = carried_unit
        while parents and parents[-1][0] >= indent:
            parents.pop()
        ancestors = [n for _i, n in parents]
        has_values = any(_is_number(x.replace(" ", "")) for x in cells[1:])
        if not has_values and not ranked:
            # `| 邮政业务量 | | |` over `| 函件（亿件） | 69.5 |` and `| 快递（万件） | … |` at the same depth: a row naming
            # a measure without values heads the rows below it, up to the next row without values
            section = name if len(name) >= 3 and _HEADLESS.search(name) else ""
        elif not ancestors and section:
            ancestors = [section]
        if name:
            parents.append((indent, name))
        # the commodity categories listed after the goods retail row (`其中：限额以上单位商品零售 | 21762 |` then
        # `粮油、食品类 | 2473 |`): each is that category's 商品零售额 (the reporting population is no part of it)
        cat = _CATEGORY_ROW.match(name)
        retail = cat.group(1).replace("、", "") if cat and goods_row and not (ranked and whole) else ""
        bare = bool(_GOODS_NAME.fullmatch(name)) and not _HEADLESS.search(name) and not _GOODS_RETAIL.search(name)
        if goods_list is None and has_values:
            # the row right under the goods retail row opens its commodity list when it is one of its parts
            # (`其中：粮油食品、饮料烟酒`, or indented under it)
            goods_list = bare and (raw.replace("\u3000", "").strip().startswith("其中") or indent > goods_indent)
        elif goods_list and (has_values and not bare or not has_values and len(name) >= 2):
            goods_list = False  # an indicator or a section row ends the list
        if not retail and goods_list and bare and not cat and not (ranked and whole):
            retail = name.replace("、", "")  # `化妆品 | 140 | 14.4 |` under the goods retail row: 化妆品商品零售额
        if _GOODS_RETAIL.search(name):
            goods_row = True
            goods_list, goods_indent = None, indent
        if len(name) < 2 or not any(_is_number(x.replace(" ", "")) for x in cells[1:]):
            continue  # a section row (`按经营地分`) or a blank one
        if not table.cells and not ranked:
            total_row = bool(_RETAIL_TOTAL.search(name))
            sales_total = name if _SALES_TOTAL.search(name) else ""
        full = (
            _part_of(name, whole)
            if ranked and whole and rank != 0
            else retail + "商品零售额"
            if retail
            else _full_name(name, ancestors, unit_of_row(cols, row_unit))
        )
        if (

            total_row
            and table.cells
            and full == name
            and len(name) >= 4
            and not _HEADLESS.search(name)
            and not name.endswith(("零售", "销售"))
        ):
            full = name + "零售额"  # `# 批发零售业 | 1299.92 |` under the retail total: 批发零售业零售额
        elif sales_total and table.cells and full == name and name.endswith("业") and not _HEADLESS.search(name):
            full = _part_of(name, sales_total)  # `# 批发业 | 34166.23 |` under 商品销售总额: 批发业商品销售额
        for period in periods:
            level: str | None = None
            unit = ""
            growth: str | None = None
            for c in sorted(cols):
                kind, cp, cunit = cols[c]
                if cp != period or c >= len(cells):
                    continue
                x = cells[c].replace(" ", "")
                if _is_missing(x) or not _is_number(x):
                    continue
                if kind == "growth" and growth is None:
                    growth = x
                elif kind == "level" and level is None:
                    level, unit = x, cunit
            if level is None and growth is None:
                continue
            table.cells.append(
                TableCell(
                    name,
                    row_unit,
                    period,
                    level,
                    unit,
                    growth,
                    lines[k].strip(),
                    k,
                    full_name=full if full != name or not (unit or row_unit) else _full_name(
                        name, ancestors, unit or row_unit
                    ),
                )
            )
    return table


#: rows measuring something a money or count unit does not fit (`…企业数`, `…比重`, `…指数`): no carried unit
_UNITLESS_ROW = re.compile(r"(?:数|率|比重|占比|指数|价格|面积)$")

#: a header or caption naming the reporting population (`…中限上企业`, `限额以上单位…`)
_POPULATION = re.compile(r"限上企业|限上单位|限额以上(?:企业|单位)")
#: the aggregates of a retail table a population applies to
_POPULATION_AGGREGATES = frozenset({"消费品零售额", "餐饮收入", "商品零售", "商品零售额"})
_RETAIL_TOTAL = re.compile(r"(?:消费品)?零售(?:总)?额$")
_SALES_TOTAL = re.compile(r"商品销售总额$")


def unit_of_row(cols: dict[int, tuple[str, str, str]], row_unit: str) -> str:
    """The unit a row's levels are in: its own, else the first level column's."""
    return row_unit or next((u for k, _p, u in cols.values() if k == "level" and u), "")


_CATEGORY_ROW = re.compile(r"^([\u4e00-\u9fff、]{1,16}?类)$")
#: a commodity named without `类` (`化妆品`, `粮油食品、饮料烟酒`, `石油及制品`)
_GOODS_NAME = re.compile(r"[\u4e00-\u9fff、]{2,16}")
_GOODS_RETAIL = re.compile(r"商品零售额?$")
_IN_WHOLE = re.compile(r"^在[\u4e00-\u9fff]{1,12}中\s*[:：]?$")
#: what a whole measures (`…零售总额`, `…商品销售总额`, `…营业收入`, `…企业数`), after the population it is of
_WHOLE_TAIL = re.compile(r"(?:(?:商品)?(?:销售|零售|批发)?总额|(?:营业)?收入|企业数)$")
_SCOPE_HEAD = re.compile(r"^(?:限额以上|规模以上|限上|规上)")


def _rank(name: str) -> int | None:
    """The depth an ordinal gives a row: `一、` 0, `（一）` 1, `1、` 2; None without one."""
    if re.match(r"^[一二三四五六七八九十]+\s*[、.．]", name):
        return 0
    if re.match(r"^[（(][一二三四五六七八九十0-9]+[)）]", name):
        return 1
    return 2 if re.match(r"^[0-9]+\s*[、.．]", name) else None


def _part_of(part: str, whole: str) -> str:
    """A part named under its ordinal whole: `批发额` under 限额以上批零企业商品销售总额 → 限额以上批零企业批发额;
    `餐饮业` under 社会消费品零售总额 → 餐饮业零售额; `批发零售企业` under 限额以上商业企业数 → 限额以上批发零售企业数."""
    tail = _WHOLE_TAIL.search(whole)
    if not tail or part == whole:
        return part
    if tail.group() == "企业数":
        scope = _SCOPE_HEAD.match(whole)
        if part.endswith("企业"):
            return (scope.group() if scope and not part.startswith(scope.group()) else "") + part + "数"
        return part
    if _HEADLESS.search(part):
        return whole[: tail.start()] + part  # the whole's population, the part's measure
    return part + tail.group().replace("总额", "额")


def _full_name(name: str, ancestors: list[str], unit: str) -> str:
    """The indicator a row names, with what its table implies: `快递业务` in 亿元 → 快递业务收入, in 万件 → 快递业务量;
    `同城` under `快递业务` → 同城快递业务量; `函件` (万件) under `邮政寄递服务` under `邮政行业业务总量` → 函件业务量."""
    if _HEADLESS.search(name):
        return name
    counts = unit.endswith(_COUNT_UNITS)
    money = unit.endswith(_MONEY_UNITS)
    if not (counts or money):
        return name
    suffix = "量" if counts else "收入"
    if name.endswith("业务"):
        return name + suffix
    parent = ancestors[-1] if ancestors else ""
    if parent.endswith("业务"):
        return name + parent + suffix
    if any("业务" in a for a in ancestors):
        return name + "业务" + suffix
    return name


#: a value glued to the next row's indicator when line breaks were lost (`-5.0其中：限额以上单位消费品零售额`)
_GLUED = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?|—+|-+)\s*((?:其中\s*[:：]\s*)?[\u4e00-\u9fff].*)$")


def split_glued_rows(lines: list[str]) -> list[str]:
    """Table rows whose line breaks were lost (`…| 4.2 | 316884 | -5.0其中：限额以上… | 15190 | …`, `…（%） |社会消费品
    零售总额 | 39514 | …`) split back into rows of the table's usual width; other lines unchanged."""
    if not any(is_table_line(x) for x in lines):
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not is_table_line(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and is_table_line(lines[j]):
            j += 1
        rows = []
        for line in lines[i:j]:
            cells: list[str] = []
            for c in _cells(line):
                m = _GLUED.match(c.replace(" ", ""))
                cells.extend([m.group(1), m.group(2)] if m else [c])
            rows.append(cells)
        lengths = [len(r) for r in rows if any(_is_number(x.replace(" ", "")) for x in r[1:])]
        width = max(set(lengths), key=lambda n: (lengths.count(n), -n)) if lengths else 0
        for line, cells in zip(lines[i:j], rows, strict=True):
            if width >= 3 and len(cells) >= 2 * width and len(cells) % width == 0:
                out.extend(" | ".join(cells[k : k + width]) for k in range(0, len(cells), width))
            else:
                out.append(line)
        i = j
    return out


#: header cells naming a period relative to the table's own (`全国邮政行业发展情况表（2018年12月份）`)
_REL_CURRENT = frozenset({"当月", "本月", "当期", "本期"})

_REL_TO_DATE = frozenset(
    {"累计", "本年累计", "累计值", "年累计", "1-本月", "1至本月", "本月止累计", "1-本月累计", "1至本月累计", "年初至本月"}
)
#: the same of a quarterly table (`| 本季 | 比去年同季增长(%) | 1-本季 |` under `2020年3季度`)
_REL_QUARTER = frozenset({"本季", "当季", "本季度", "当季度"})
_REL_QUARTER_TO_DATE = frozenset({"1-本季", "1至本季", "1-本季度", "1至本季度", "本季止累计", "年初至本季"})


def _is_period_cell(cell: str) -> bool:
    """`11月`, `1—11月`, `1-11月份`, `2023年`, `上半年`, `一季度`, `当月`, `累计`: a header cell naming a period."""
    c = re.sub(r"\s+", "", fold(cell))
    if not c or len(c) > 16:
        return False
    # `1-10月累计`, `10月当月`: a period and the word saying which (to date, the month alone)
    c = re.sub(r"(?<=[月年度])(?:累计|合计|当月|止累计)$", "", c)
    if c in _REL_CURRENT or c in _REL_TO_DATE or c in _REL_QUARTER or c in _REL_QUARTER_TO_DATE:
        return True
    pms = find_periods(c, None)
    return len(pms) == 1 and pms[0].start == 0 and pms[0].end == len(c) and pms[0].kind != "now"


def _table_figures(tb: Table, published: date | None, title: str, region: str, out: list[ExtractedFigure]) -> None:
    """Figures of an indicator table: each row's level (unit from the column or the row) with its growth, for each
    period of the header, resolved against the caption's (else the title's) year and the article's date. A row
    value the text already stated (same value and period) is not added twice: the text's figure keeps its sentence
    and takes the table's growth if it had none."""
    year = None
    own: PeriodMention | None = None  # the table's own month or months (`（2018年12月份）`), for 当月/累计 columns
    quarter: PeriodMention | None = None  # the table's own quarter (`2020年3季度`), for 本季/1-本季 columns
    for src in (tb.header_month, tb.caption, title):
        for p in find_periods(fold(src), published):
            if p.comparison:
                continue
            if own is None and p.kind in ("month", "months", "half", "quarter", "q3") and not p.day:
                own = p
            if quarter is None and p.kind == "quarter" and not p.day:
                quarter = p
            if year is None and p.explicit_year and p.year is not None:
                year = p.year
        if year is not None:
            break
    stated = list(out)
    # a table of one reporting population (its header, caption or article title: `…中限上企业（2021年8月）`): its
    # aggregate rows (`消费品零售额`, `餐饮收入`, `商品零售`) are that population's, not the whole economy's
    population = tb.population or bool(_POPULATION.search(fold(title or "")))
    #: the text's name of a row it states in one column (`城镇消费品零售额15238亿元` for `城镇 | 15238 | … | 47894 |`)
    row_names: dict[int, str] = {}
    unnamed: list[tuple[TableCell, ExtractedFigure]] = []  # short rows' cells waiting for such a name
    for cell in tb.cells:
        start: date | None
        end: date | None
        written = re.sub(r"\s+", "", fold(cell.period))
        if written in _REL_QUARTER or written in _REL_QUARTER_TO_DATE:
            if quarter is None:
                continue
            q_start, q_end = quarter.resolve(published, year)
            if q_start is None or q_end is None:
                continue
            if written in _REL_QUARTER:
                start, end, label = q_start, q_end, quarter.label if quarter.explicit_year else f"{q_end.year}年{quarter.label}"
            else:
                start, end, label = date(q_end.year, 1, 1), q_end, f"{q_end.year}年1—{q_end.month}月"
        elif written in _REL_CURRENT or written in _REL_TO_DATE:
            if own is None:
                continue
            o_start, o_end = own.resolve(published, year)
            if o_end is None:
                continue
            if written in _REL_CURRENT:
                start, end = date(o_end.year, o_end.month, 1), o_end
                label = f"{o_end.year}年{o_end.month}月"
            else:
                start, end = date(o_end.year, 1, 1), o_end
                label = f"{o_end.year}年1—{o_end.month}月"
        else:
            pms = find_periods(written, published, year)
            if not pms:
                continue
            pm = pms[0]
            start, end = pm.resolve(published, year)
            label = pm.label if year is None or pm.explicit_year else f"{year}年{pm.label}"
        growth = float(cell.growth.replace(",", "")) if cell.growth is not None else None
        gdec = _decimals(cell.growth) if cell.growth is not None else None
        num = None
        if cell.value is not None and (cell.unit or cell.row_unit):
            num = parse_number(fold(cell.value.replace(",", "") + (cell.unit or cell.row_unit)))
            if num is not None and not num.unit:
                num = None
        if num is None and growth is None:
            continue
        named = cell.full_name or cell.row
        if population and named in _POPULATION_AGGREGATES:
            named = "限额以上单位" + named
        reg, metric = split_region(named)
        metric = metric if reg else named
        reg = reg or region or "全国"
        key = normalise_metric(metric)
        row_key = normalise_metric(cell.row)
        # the same figure in the text (`城镇消费品零售额34072亿元` for the row `城镇`): keep the text's
        twin = None
        for f in stated:
            if (f.period_start, f.period_end) != (start, end):
                continue
            fk = normalise_metric(f.metric)
            same_name = (
                fk == key or fk.endswith(key) or key.endswith(fk) or fk.startswith(key) or fk.startswith(row_key)
            )
            if num is not None and not is_growth_only(f):
                if same_name and _agrees(f, num.value_base, growth):
                    twin = f
                    break
            elif num is None and is_growth_only(f) and same_name and f.growth_pct == growth:
                twin = f
                break
        if twin is not None:
            if metric == cell.row and len(metric) <= 3:
                row_names.setdefault(cell.line_index, twin.metric)
            if twin.growth_pct is None and growth is not None:
                twin.growth_pct, twin.growth_decimals = growth, gdec
            tk = normalise_metric(twin.metric)
            if len(key) > len(tk) and key.endswith(tk):
                twin.metric = metric  # `业务总量` in the text is the table's `邮政行业业务总量`
            continue
        short = len(metric) <= 2 or metric == cell.row and len(metric) <= 3 and not _HEAD_ONLY.search(metric)
        pos = cell.line.find(cell.value if num is not None and cell.value else cell.growth or "")
        pos = max(pos, 0)
        vdec: int | None
        if num is not None:
            value, unit, value_base, base_unit, vdec = num.value, num.unit, num.value_base, num.base_unit, num.decimals
            pct = growth
        else:
            assert growth is not None
            value, unit, value_base, base_unit, vdec = growth, "%", growth, "%", gdec
            pct = growth
        fig = (
            ExtractedFigure(
                metric=metric,
                region=reg,
                value=value,
                unit=unit,
                value_base=value_base,
                base_unit=base_unit,
                qualifier="exact",
                period_start=start,
                period_end=end,
                period_label=label,
                growth_pct=pct,
                growth_pp=None,
                is_forecast=False,
                quote=cell.line,
                span_start=pos,
                span_end=pos + len(cell.value or cell.growth or ""),
                value_decimals=vdec,
                growth_decimals=gdec if pct is not None else None,
            )
        )
        if short:
            unnamed.append((cell, fig))  # `城镇` alone names no metric the text did not state…
        else:
            out.append(fig)
    for cell, fig in unnamed:
        if cell.line_index in row_names and fig.region == (region or "全国"):
            fig.metric = row_names[cell.line_index]  # …unless the text named the row in another column
            out.append(fig)


_HEAD_ONLY = re.compile(r"(?:额|量|收入|数|率|值)$")


def _agrees(stated: ExtractedFigure, table_base: float, table_growth: float | None) -> bool:
    """The text's figure restates the table's cell: equal, or equal to the text's own precision (`237.5亿件` for the
    cell `2374636.3` 万件) with the same growth."""
    if abs(stated.value_base - table_base) <= 1e-9 * max(abs(table_base), 1.0):
        return True
    if not stated.value or stated.value_decimals is None:
        return False
    if table_growth is None or stated.growth_pct is None or abs(table_growth - stated.growth_pct) > 1e-9:
        return False
    step = abs(stated.value_base / stated.value) * 10**-stated.value_decimals
    return abs(stated.value_base - table_base) <= step / 2 + 1e-9 * abs(table_base)


def _decimals(written: str) -> int:
    return len(written.rpartition(".")[2]) if "." in written else 0
