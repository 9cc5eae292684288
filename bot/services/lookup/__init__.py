"""Figure lookup (`/metric 网上零售额`): every stored figure for an indicator, newest period first, each traceable to
its sources. The public API is re-exported here; the modules, by job:

    query.py     the query taken apart: metric text, 全国/我国 prefix, period (parse_query, normalise_query, PeriodFilter)
    aliases.py   synonyms and English names from seeds/metric_aliases.toml (synonyms, alias_groups, english_name)
    resolve.py   lookup(): resolution order (name + synonyms, region prefix, else suggestions), paging, result cache
    sql.py       the two index-ordered statements (grouping, then details for one page) and the entries they build
    merge.py     one figure reported at different precision by several sources; the growth basis (同比/环比)
    catalog.py   distinct stored names and regions per database, and data_version (when caches go stale)
    fuzzy.py     "did you mean …" suggestions for names without figures (never answers)
    result.py    LookupResult, FigureEntry, FigureSource

Used by handlers/lookup.py and handlers/analyst.py, services ask.py, export.py, watches.py and charts.py,
bot/render/ (figures, lookup), entries.py (growth_basis), the CLI (`python -m bot metric`) and benchmarks.
Underscore names in the modules are internal to the package. The result cache's size is
`resolve.RESULT_CACHE_SIZE` (assign it there, not on the package).
"""

from bot.services.lookup.aliases import alias_groups, english_name, synonyms
from bot.services.lookup.catalog import data_version
from bot.services.lookup.fuzzy import overlap, similarity, suggest
from bot.services.lookup.merge import MERGE_TOLERANCE, growth_basis, merge_close, precision_step, same_figure
from bot.services.lookup.query import PeriodFilter, normalise_query, parse_query
from bot.services.lookup.resolve import cache_stats, clear_cache, lookup
from bot.services.lookup.result import FigureEntry, FigureSource, LookupResult
from bot.services.lookup.sql import COUNT_UP_TO, MAX_SOURCES

__all__ = [
    "COUNT_UP_TO",
    "MAX_SOURCES",
    "MERGE_TOLERANCE",
    "FigureEntry",
    "FigureSource",
    "LookupResult",
    "PeriodFilter",
    "alias_groups",
    "cache_stats",
    "clear_cache",
    "data_version",
    "english_name",
    "growth_basis",
    "lookup",
    "merge_close",
    "normalise_query",
    "overlap",
    "parse_query",
    "precision_step",
    "same_figure",
    "similarity",
    "suggest",
    "synonyms",
]
