"""Lookups: /metric, /search, /article, /latest, their page buttons, and inline mode."""

from __future__ import annotations

import re
from typing import Any

from telegram import InlineKeyboardButton, InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.context import BotContext
from bot.i18n import Translator
from bot.render import esc, esc_arg, render_article, render_figures, render_hit
from bot.render.lookup import inline_figure, metric_head, no_figures
from bot.services import articles as articles_service
from bot.services.entries import article_entries
from bot.services.lookup import lookup
from bot.services.search import search
from handlers.analyst import chart_buttons
from handlers.common import (
    args_text,
    chunk,
    edit_or_reply,
    keyboard,
    pack,
    page_buttons,
    pressed,
    reply,
    typing,
)

METRIC_PAGE = 5
SEARCH_PAGE = 5
#: entries /metric pages through at most (10 pages); the header says "50+" when there are more
METRIC_LIMIT = 50
MAX_METRIC_PAGES = (METRIC_LIMIT + METRIC_PAGE - 1) // METRIC_PAGE
INLINE_FIGURES = 5
INLINE_ARTICLES = 5


def _gap(t: Translator) -> str:
    """Chinese full-width brackets carry their own spacing."""
    return "" if t.language == "zh" else " "


# ---------------------------------------------------------------------------------------------- /metric


def metric_page(context: BotContext, query: str, page: int) -> tuple[str, Any]:
    """The text and keyboard of one page of a metric lookup (details are fetched for that page only)."""
    t = context.i18n
    page = min(max(1, page), MAX_METRIC_PAGES)
    with context.session() as s:
        result = lookup(s, query, limit=METRIC_PAGE, offset=(page - 1) * METRIC_PAGE)
        if not result.entries and result.total:  # a page past the end (the data changed): show the last one
            page = (result.total + METRIC_PAGE - 1) // METRIC_PAGE
            result = lookup(s, query, limit=METRIC_PAGE, offset=(page - 1) * METRIC_PAGE)
    if not result.entries:
        buttons = chunk([InlineKeyboardButton(s, callback_data=_metric_data(context, s))
                         for s in result.suggestions[:6]], 2)
        return "\n".join(no_figures(t, query, result.suggestions)), keyboard(buttons)
    total = min(result.total, METRIC_LIMIT)
    pages = (total + METRIC_PAGE - 1) // METRIC_PAGE
    head = metric_head(t, query, total=total, more=result.total_capped or result.total > METRIC_LIMIT, page=page,
                       pages=pages)
    blocks = [head] + render_figures(t, result.entries)
    markup = keyboard([page_buttons(context, "m", query, page, page < pages), *chart_buttons(context, query)])
    return "\n\n".join(blocks), markup


def _metric_data(context: BotContext, query: str) -> str:
    return pack(context, "m", 1, query)


def metric_usage(t: Translator) -> str:
    return "\n".join([
        t._("Usage: /metric <name> [period]").replace("<", "&lt;").replace(">", "&gt;"),
        t._("Examples:"),
        "/metric 网上零售额",
        "/metric 实物商品网上零售额 2023",
        "/metric 快递业务量",
    ])


async def metric(update: Update, context: BotContext) -> None:
    """Figures for a metric, newest first, paginated; suggestions when nothing matches."""
    query = args_text(context)
    if not query:
        await reply(update, context, metric_usage(context.i18n))
        return
    await typing(update, context)
    text, markup = metric_page(context, query, 1)
    await reply(update, context, text, markup)


# ---------------------------------------------------------------------------------------------- /search


def search_page(context: BotContext, query: str, page: int) -> tuple[str, Any]:
    t = context.i18n
    with context.session() as s:
        hits = search(s, query, limit=SEARCH_PAGE + 1, offset=(page - 1) * SEARCH_PAGE)
    has_next = len(hits) > SEARCH_PAGE
    hits = hits[:SEARCH_PAGE]
    if not hits:
        if page > 1:
            return t._("No more results for “{query}”.").format(query=esc_arg(query)), None
        return t._("No articles found for “{query}”.").format(query=esc_arg(query)), None
    head = t._("<b>Search</b>: {query}").format(query=esc_arg(query))
    if page > 1 or has_next:
        head += _gap(t) + t._("(page {page})").format(page=page)
    start = (page - 1) * SEARCH_PAGE
    blocks = [head] + [render_hit(t, start + i + 1, h) for i, h in enumerate(hits)]
    return "\n\n".join(blocks), keyboard([page_buttons(context, "s", query, page, has_next)])


async def search_command(update: Update, context: BotContext) -> None:
    """Ranked articles with highlighted snippets, paginated."""
    query = args_text(context)
    t = context.i18n
    if not query:
        await reply(update, context, "\n".join([
            t._("Usage: /search <words>").replace("<", "&lt;").replace(">", "&gt;"), t._("Examples:"),
            "/search 直播电商", "/search 跨境电商 海外仓"]))
        return
    await typing(update, context)
    text, markup = search_page(context, query, 1)
    await reply(update, context, text, markup)


# ---------------------------------------------------------------------------------------------- pages


async def page_pressed(update: Update, context: BotContext) -> None:
    """`m|page|query` and `s|page|query` buttons: show that page in place."""
    found = await pressed(update, context, in_place=True)
    if found is None:
        return
    prefix, page, text = found
    body, markup = (metric_page if prefix == "m" else search_page)(context, text, page)
    await edit_or_reply(update, context, body, markup)


# ---------------------------------------------------------------------------------------------- /article


_ID = re.compile(r"^#?(\d{1,12})$")


async def article(update: Update, context: BotContext) -> None:
    """One article in full (split if long) with its figures."""
    t = context.i18n
    arg = args_text(context)
    m = _ID.match(arg)
    if not m:
        await reply(update, context, "\n".join([
            t._("Usage: /article <number>").replace("<", "&lt;").replace(">", "&gt;"),
            t._("Article numbers appear in /metric, /search and /latest answers, e.g. {example}.").format(
                example="/article 1")]))
        return
    article_id = int(m.group(1))
    with context.session() as s:
        found = articles_service.get_article(s, article_id)
        if found is None:
            await reply(update, context, t._("There is no article {id}.").format(id=article_id))
            return
        figures = article_entries(s, article_id)
        name = articles_service.article_bulletin_name(s, found)
        blocks = render_article(t, found, bulletin_name=name, figures=figures)
    await reply(update, context, blocks)


# ---------------------------------------------------------------------------------------------- /latest


async def latest(update: Update, context: BotContext) -> None:
    """The newest bulletin's table of contents by section."""
    t = context.i18n
    with context.session() as s:
        found = articles_service.latest_bulletin(s)
        if found is None:
            await reply(update, context, t._("No bulletins are stored yet."))
            return
        bulletin, items = found
        name = articles_service.bulletin_name(bulletin) or t._("Bulletin {id}").format(id=bulletin.id)
        bits = [f"<b>{esc(name)}</b>"]
        if bulletin.published:
            bits.append(esc(t.date(bulletin.published)))
        head = " · ".join(bits)
        head += "\n" + t.ngettext("{count} article", "{count} articles", len(items)).format(
            count=t.number(len(items)))
        blocks = [head]
        section: str | None = None
        lines: list[str] = []
        for a in items:
            if a.section != section:
                if lines:
                    blocks.append("\n".join(lines))
                section = a.section
                heading = section or t._("Other")
                lines = [f"<b>{esc(heading)}</b>"]
            lines.append(f"/article {a.id} {esc(a.title)}")
        if lines:
            blocks.append("\n".join(lines))
    await reply(update, context, blocks)


# ---------------------------------------------------------------------------------------------- inline


async def inline_query(update: Update, context: BotContext) -> None:
    """`@bot 网上零售额`: figure results first, then matching articles."""
    query = update.inline_query
    assert query is not None
    text = query.query.strip()
    if not text:
        await query.answer([], cache_time=30)
        return
    t = context.i18n
    results: list[InlineQueryResultArticle] = []
    with context.session() as s:
        found = lookup(s, text, limit=INLINE_FIGURES)
        for i, entry in enumerate(found.entries[:INLINE_FIGURES]):
            shown = inline_figure(t, entry)
            results.append(InlineQueryResultArticle(
                id=f"f{i}", title=shown.title, description=shown.description or None,
                input_message_content=InputTextMessageContent(shown.message, parse_mode=ParseMode.HTML),
            ))
        for hit in search(s, text, limit=INLINE_ARTICLES):
            results.append(InlineQueryResultArticle(
                id=f"a{hit.article_id}", title=hit.title, description=hit.snippet[:120] or None,
                input_message_content=InputTextMessageContent(_article_message(t, hit),
                                                              parse_mode=ParseMode.HTML),
            ))
    await query.answer(results, cache_time=60)


def _article_message(t: Translator, hit: Any) -> str:
    date_text = f" · {esc(t.date(hit.published))}" if hit.published else ""
    return f"<b>{esc(hit.title)}</b>{date_text}\n{esc(hit.snippet)}\n/article {int(hit.article_id)}"
