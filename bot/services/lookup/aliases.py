"""Metric synonyms from `seeds/metric_aliases.toml`: the Chinese aliases and English names of an indicator.

    synonyms(name) -> (name, *aliases)        normalised; the name itself first; a count with and without 数量/数, a
                                              commodity category's sales with and without 商品
    alias_groups() -> {name: group}           every normalised name → its synonym group, canonical first
    english_name(metric) -> str | None        the English name, for English readers (网络零售额 → Online retail sales)

The table is read once per process. Used by resolve.py (a query finds the figures stored under any synonym),
catalog.py and fuzzy.py (alias names are suggestion candidates), and through the package by render.py
(english_name), export.py and watches.py (synonyms, alias_groups).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from bot.config import PROJECT_ROOT
from bot.services.lookup.query import normalise_query

ALIASES_FILE = PROJECT_ROOT / "seeds" / "metric_aliases.toml"

_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9 ,'’&/()-]*")


@lru_cache(maxsize=4)
def _alias_table(path: Path = ALIASES_FILE) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """(normalised name → its synonym group, canonical first; canonical → English display name)."""
    if not path.exists():
        return {}, {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    index: dict[str, tuple[str, ...]] = {}
    english: dict[str, str] = {}
    for canonical, aliases in data.items():
        names = [normalise_query(canonical)]
        for alias in aliases if isinstance(aliases, list) else []:
            alias = str(alias).strip()
            if names[0] not in english and _LATIN_NAME.fullmatch(alias):
                english[names[0]] = alias  # the first Latin-letter alias is the English name
            norm = normalise_query(alias)
            if norm and norm not in names:
                names.append(norm)
        group = tuple(names)
        for name in group:
            index.setdefault(name, group)
    return index, english


def alias_groups(path: Path = ALIASES_FILE) -> dict[str, tuple[str, ...]]:
    """normalised name → its synonym group (normalised, canonical first), from the TOML alias table."""
    return _alias_table(path)[0]


def synonyms(name: str) -> tuple[str, ...]:
    """The name and its aliases (normalised); the name itself first. A count is one indicator with or without its
    counting word (`网商` / `网商数量` / `网商数`, as papers write it): those spellings are in the group too; so are
    the spellings of one surveyed population (`限额以上企业…` = `限额以上单位…` = `限上…`, see population_spellings)
    and of a commodity's retail sales with and without 商品 (`通讯器材类零售额` = `通讯器材类商品零售额`), and of a
    population with and without 规模 (`短视频用户` = `短视频用户规模`)."""
    groups = alias_groups()
    out = [name]
    for spelling in (name, *population_spellings(name)):
        for n in (
            spelling,
            *(groups.get(spelling) or ()),
            *goods_spellings(spelling),
            *count_spellings(spelling),
            *scale_spellings(spelling),
            *flow_spellings(spelling),
        ):
            if n not in out:
                out.append(n)
    for n in list(out):  # the group's own names under the population's other spellings (`限额以上商品零售`)
        for p in population_spellings(n):
            if p not in out:
                out.append(p)
    return tuple(out)


#: the population a retail statistic is surveyed on, as papers write it: `限额以上企业（单位）`, `限额以上单位`,
#: `限额以上`, `限上单位`, `限上企业`, `限上` — one population (enterprises above the designated size); longest first
_POPULATIONS = ("限额以上单位", "限额以上企业", "限上单位", "限上企业", "限额以上", "限上")


def population_spellings(name: str) -> tuple[str, ...]:
    """`限额以上企业消费品零售额` → (限额以上单位消费品零售额, 限上单位消费品零售额, …): the other spellings of the
    surveyed population a name opens with (only before a Chinese name of at least two characters)."""
    lead = next((p for p in _POPULATIONS if name.startswith(p)), "")
    rest = name[len(lead) :]
    if not lead or len(rest) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in rest[:2]):
        return ()
    return tuple(p + rest for p in _POPULATIONS if p != lead)


#: the stem of a commodity's retail sales (`通讯器材类`, `新能源汽车`) — not a population, a channel, a format or an
#: aggregate (`限额以上单位商品零售额`, `实物商品网上零售额`, `社会消费品零售额`, `…实现的零售额`, `即时零售` differ from
#: their other spellings)
_NOT_GOODS_STEM = re.compile(
    r"(?:单位|企业|以上|以下|限上|限下|实物|网上|网络|线上|社会|消费品|城镇|乡村|农村|批发业|零售业|"
    r"的|商品|类商品|业|地区|即时|新|社区|实体|无人|智慧|数字|直播)$|^[\u4e00-\u9fff]?$"
)
#: how a commodity's retail sales are written after it (longest first): `…商品零售额`, `…零售额`, `…商品零售`, `…零售`
_GOODS_FORMS = ("商品零售额", "零售额", "商品零售", "零售")


def goods_spellings(name: str) -> tuple[str, ...]:
    """`通讯器材类零售额` ↔ `通讯器材类商品零售额` ↔ `通讯器材类零售`: a commodity's retail sales are written with and
    without 商品 and 额 (`智能手机零售增长27.5%`; the README's `饮料类商品零售额` and `通讯器材类零售额` are both gold
    names)."""
    form = next((f for f in _GOODS_FORMS if name.endswith(f)), "")
    stem = name[: -len(form)] if form else ""
    if not form or _NOT_GOODS_STEM.search(stem):
        return ()
    return tuple(stem + f for f in _GOODS_FORMS if f != form)


def scale_spellings(name: str) -> tuple[str, ...]:
    """`短视频用户` ↔ `短视频用户规模`, `手机网民` ↔ `手机网民规模`: a population is one indicator with or without 规模
    (reports write `短视频用户达8.88亿人` and `短视频用户规模达8.88亿`)."""
    if name.endswith(("用户规模", "网民规模")) and len(name) > 4:
        return (name[:-2],)
    if name.endswith(("用户", "网民")) and len(name) > 2:
        return (name + "规模",)
    return ()


def flow_spellings(name: str) -> tuple[str, ...]:
    """`外商投资企业进出口` ↔ `外商投资企业进出口额`, `机电产品出口` ↔ `机电产品出口额`: a trade flow of a named
    trader, partner or goods is one indicator with or without 额 (reports write both)."""
    for flow in ("进出口", "出口", "进口"):
        if name.endswith(flow + "额") and len(name) - len(flow) - 1 >= 2:
            return (name[:-1],)
        if name.endswith(flow) and len(name) - len(flow) >= 2:
            return (name + "额",)
    return ()


def count_spellings(name: str) -> tuple[str, ...]:
    """`网商` → (网商数量, 网商数, 网商总数); `网商数量`/`网商数`/`网商总数` → (网商, …): the spellings of a count with
    and without 数量/数/总数 (`5G基站总数达455万个` is the count of 5G基站)."""
    if name.endswith(("数量", "总数")):
        base = name[:-2]
    else:
        base = name[:-1] if name.endswith("数") and not name.endswith("指数") else name
    if len(base) < 2 or not "\u4e00" <= base[-1] <= "\u9fff" or base.endswith(("数", "量", "额", "率")):
        return ()
    return tuple(n for n in (base, base + "数量", base + "数", base + "总数") if n != name)


def english_name(metric: str) -> str | None:
    """The English name of a (Chinese) metric from the alias table, e.g. 网络零售额 → "Online retail sales";
    None when the table has none. A name that is itself English is returned as is."""
    if not metric:
        return None
    index, english = _alias_table()
    group = index.get(normalise_query(metric))
    if group:
        return english.get(group[0])
    return metric if _LATIN_NAME.fullmatch(metric.strip()) else None
