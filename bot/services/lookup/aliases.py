"""Metric synonyms from `seeds/metric_aliases.toml`: the Chinese aliases and English names of an indicator.

    synonyms(name) -> (name, *aliases)        normalised; the name itself first; a count with and without 数量/数
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
    counting word (`网商` / `网商数量` / `网商数`, as papers write it): those spellings are in the group too."""
    group = alias_groups().get(name)
    out = [name, *(n for n in group or () if n != name)]
    for n in count_spellings(name):
        if n not in out:
            out.append(n)
    return tuple(out)


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
