"""Lookups → Telegram HTML: /metric lists (one unit scale per metric, disagreeing sources side by side), a figure's
sources, inline results, search hits and whole articles; and the same lookup as plain text for `python -m bot
metric`. Figures are worded by `bot.render.figures.figure_parts`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from bot.i18n import Translator
from bot.render.common import MESSAGE_LIMIT, esc, esc_arg, highlight, plain, split_plain
from bot.render.figures import (
    _QUALIFIERS,
    FigureData,
    Scale,
    figure_line,
    figure_parts,
    format_value,
    list_scales,
)
from bot.services.figures import is_growth_only
from bot.services.lookup import FigureEntry, FigureSource, LookupResult
from bot.services.search import SearchHit

#: sources listed under a figure; the rest are counted
SHOWN_SOURCES = 3


def render_figure(t: Translator, entry: FigureEntry, *, with_source: bool = True, scale: Scale | None = None) -> str:
    """One figure entry as a short HTML block: the value (in the list's `scale`), its period and growth, and its
    sources — each with the value it reported when that was rounded differently."""
    lines = [figure_line(t, figure_parts(t, entry, scale=scale))]
    if with_source:
        lines.extend(_source_lines(t, entry, scale))
    return "\n".join(lines)


def _source_lines(t: Translator, entry: FigureEntry, scale: Scale | None) -> list[str]:
    lines = [render_source(t, src, shown=entry) for src in entry.sources[:SHOWN_SOURCES]]
    more = len(entry.sources) - SHOWN_SOURCES
    if more > 0:
        lines.append("<i>" + esc(t.ngettext("and {count} more source", "and {count} more sources", more).format(
            count=t.number(more))) + "</i>")
    return lines


def _same_period(entry: FigureEntry) -> tuple[object, ...] | None:
    if entry.period_end is None or is_growth_only(entry):
        return None
    return (entry.metric, entry.region, entry.period_start, entry.period_end, bool(entry.is_forecast),
            entry.base_unit)


def render_figures(t: Translator, entries: Sequence[FigureEntry]) -> list[str]:
    """A list of figure entries as HTML blocks in one unit scale per metric; entries that report different values
    for the same metric, region and period (a real disagreement between sources) are one block, side by side."""
    scales = list_scales(entries)
    groups: dict[tuple[object, ...], list[FigureEntry]] = {}
    for e in entries:
        key = _same_period(e)
        if key is not None:
            groups.setdefault(key, []).append(e)
    blocks: list[str] = []
    done: set[tuple[object, ...]] = set()
    for e in entries:
        scale = scales.get((e.metric, e.base_unit))
        key = _same_period(e)
        if key is None or len(groups[key]) < 2:
            blocks.append(render_figure(t, e, scale=scale))
            continue
        if key in done:
            continue
        done.add(key)
        head_parts = figure_parts(t, e, scale=scale)
        head = t._("{name} ({period}): the sources differ").format(name=f"<b>{esc(head_parts.name)}</b>",
                                                                   period=esc(head_parts.period))
        if e.is_forecast:
            head += " " + t._("[forecast]")
        lines = [head]
        for other in groups[key]:
            parts = figure_parts(t, other, scale=scale)
            lines.append("• " + esc(parts.value) + (t._(", ") + esc(parts.growth) if parts.growth else ""))
            lines.extend("  " + line for line in _source_lines(t, other, scale))
        blocks.append("\n".join(lines))
    return blocks


def render_source(t: Translator, src: FigureSource, *, shown: FigureData | None = None) -> str:
    """`— 中国商务新闻网 · 电商周报 第12期 · 2024年3月1日 · /article 12`, plus `报道为13.8万亿元` when this source
    reported the value `shown` for it rounded differently."""
    outlet, bulletin = src.outlet or "", src.bulletin or ""
    if outlet and bulletin.startswith(outlet):  # the bulletin's own item: name it once
        outlet = ""
    bits = [b for b in (outlet, bulletin) if b]
    if src.published:
        bits.append(t.date(src.published))
    if shown is not None and src.value is not None and (src.value, src.unit, src.qualifier) != (
            shown.value, shown.unit, shown.qualifier):
        value = format_value(t, src.value, src.unit, src.value_base, shown.base_unit)
        if src.qualifier in _QUALIFIERS:
            value = t._(_QUALIFIERS[src.qualifier]).format(value=value)
        bits.append(t._("reported as {value}").format(value=value))
    text = " · ".join(esc(b) for b in bits)
    link = f"/article {int(src.article_id)}"
    return f"<i>— {text}</i> · {link}" if text else f"<i>—</i> {link}"


@dataclass(frozen=True, slots=True)
class InlineFigure:
    """An inline query result for one figure: its title and description (plain) and the message it sends (HTML)."""

    title: str
    description: str
    message: str


def inline_figure(t: Translator, entry: FigureEntry) -> InlineFigure:
    """`网上零售额 7.16万亿元 · 2023年上半年` over `同比增长13.1% · 人民网 · 2023-08-29`; the message is the /metric block."""
    parts = figure_parts(t, entry)
    title = f"{parts.name} {parts.value}" + (f" · {parts.period}" if parts.period else "")
    desc = parts.growth
    if entry.sources:
        src = entry.sources[0]
        desc = " · ".join(p for p in (desc, src.outlet, src.published.isoformat() if src.published else "") if p)
    return InlineFigure(title=title, description=desc, message=render_figure(t, entry))


def metric_head(t: Translator, query: str, *, total: int, more: bool, page: int = 1, pages: int = 1) -> str:
    """`<b>网上零售额</b>：共 12 条数据，最新在前（第 1/3 页）` (`more`: there are more than `total`)."""
    count = t.number(total) + ("+" if more else "")
    head = t.ngettext("<b>{query}</b>: {count} figure", "<b>{query}</b>: {count} figures, newest first",
                      total).format(query=esc_arg(query), count=count)
    if pages > 1:
        head += ("" if t.language == "zh" else " ") + t._("(page {page} of {pages})").format(page=page, pages=pages)
    return head


def no_figures(t: Translator, query: str, suggestions: Sequence[str]) -> list[str]:
    """The lines of a lookup that found nothing: what was asked, then "did you mean" (the names follow as buttons or
    lines) or the hint to search."""
    lines = [t._("No figures found for “{query}”.").format(query=esc_arg(query))]
    if suggestions:
        lines.append(t._("Did you mean one of these?"))
    else:
        lines.append(t._("Try a full-text search: {command}").format(command=f"/search {esc_arg(query)}"))
    return lines


def lookup_text(t: Translator, result: LookupResult) -> str:
    """A whole lookup as plain text for the command line: what /metric answers, every entry on one page."""
    if not result.entries:
        return plain("\n".join([*no_figures(t, result.query, result.suggestions), *result.suggestions]))
    head = metric_head(t, result.query, total=len(result.entries), more=False)
    return plain("\n\n".join([head, *render_figures(t, result.entries)]))


# ---------------------------------------------------------------------------------------------- search


def render_hit(t: Translator, rank: int, hit: SearchHit) -> str:
    date_text = f" · {esc(t.date(hit.published))}" if hit.published else ""
    snippet = highlight(hit.snippet or "", hit.highlights or [])
    return f"{rank}. <b>{esc(hit.title)}</b>{date_text}\n{snippet}\n/article {int(hit.article_id)}"


# ---------------------------------------------------------------------------------------------- articles


class StoredArticle(Protocol):
    """What `render_article` reads of a stored article."""

    @property
    def title(self) -> str: ...
    @property
    def outlet(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def published(self) -> date | None: ...
    @property
    def duplicate_of_id(self) -> int | None: ...


def render_article(t: Translator, article: StoredArticle, *, bulletin_name: str = "",
                   figures: Sequence[FigureEntry] = ()) -> list[str]:
    """A whole article as HTML blocks (title, source line, paragraphs, its figures) ready for `split_blocks`."""
    meta = [b for b in (article.outlet, bulletin_name, t.date(article.published) if article.published else "",
                        article.section) if b]
    blocks = [f"<b>{esc(article.title)}</b>"]
    if meta:
        blocks.append("<i>" + " · ".join(esc(m) for m in meta) + "</i>")
    for para in (article.body or "").split("\n"):
        para = para.strip()
        if para:
            blocks.extend(esc(chunk) for chunk in split_plain(para, MESSAGE_LIMIT // 2))
    if article.duplicate_of_id:
        blocks.append(t._("The same story appeared earlier: {command}").format(
            command=f"/article {article.duplicate_of_id}"))
    if figures:
        heading = t._("Figures in this article")
        lines = [f"<b>{esc(heading)}</b>"]
        scales = list_scales(figures)
        lines.extend("• " + render_figure(t, f, with_source=False, scale=scales.get((f.metric, f.base_unit)))
                     for f in figures)
        blocks.append("\n".join(lines))
    return blocks

