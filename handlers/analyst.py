"""/chart, /export, /watch, /unwatch, the chart button under /metric answers, and the watch list in /subscriptions.

Callback data: `c|1|<query>` draws the chart of a query; `w|rm|<id>` stops a watch.
"""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Chat as TgChat
from telegram import InlineKeyboardButton, InputFile, Update
from telegram.constants import ChatAction

from bot.context import BotContext
from bot.errors import UserError
from bot.i18n import Translator
from bot.render import esc, figure_name, regional_name
from bot.render.charts import chart_caption, chart_labels
from bot.services import watches as watch_service
from bot.services.charts import MAX_ENTRIES, ChartSeries, chart_series, render_png
from bot.services.export import export_figures
from bot.services.lookup import LookupResult, lookup
from handlers.common import answer, args_text, edit_or_reply, keyboard, pack, pressed, reply

#: longest argument accepted (a metric name and a period)
MAX_QUERY = 60
CHART_PREFIX = "c"


def _usage(t: Translator, command: str) -> str:
    examples = {
        "chart": (t._("Usage: /chart <metric> [period]"), ["/chart 网上零售额", "/chart 网上零售额 上半年"]),
        "export": (t._("Usage: /export <metric> [period]"), ["/export 网上零售额", "/export 快递业务量 2023"]),
        "watch": (t._("Usage: /watch <metric>"), ["/watch 网上零售额", "/watch 快递业务量"]),
        "unwatch": (t._("Usage: /unwatch <metric>"), ["/unwatch 网上零售额"]),
    }
    head, lines = examples[command]
    return "\n".join([esc(head), t._("Examples:"), *lines])


async def _query_or_usage(update: Update, context: BotContext, command: str) -> str | None:
    """The command's argument, or None after replying with the usage (missing) or a one-line error (too long)."""
    query = args_text(context)
    t = context.i18n
    if not query:
        await reply(update, context, _usage(t, command))
        return None
    if len(query) > MAX_QUERY:
        await reply(update, context, esc(t._("That is too long ({count} characters, at most {limit}).").format(
            count=len(query), limit=MAX_QUERY)))
        return None
    return query


def _not_found(t: Translator, query: str, suggestions: list[str], command: str) -> str:
    lines = [esc(t._("No figures found for “{query}”.").format(query=query))]
    if suggestions:
        lines.append(esc(t._("Did you mean one of these?")))
        lines += [f"/{command} {esc(s)}" for s in suggestions[:6]]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------- /chart


#: entries the button under /metric looks at (the chart itself looks at MAX_ENTRIES): a bounded, cached lookup
BUTTON_ENTRIES = 50


def _series(context: BotContext, query: str, limit: int = MAX_ENTRIES) -> tuple[LookupResult, ChartSeries | None]:
    with context.session() as s:
        found = lookup(s, query, limit=limit)
    if found.match == "fuzzy" or not found.entries:
        return found, None
    return found, chart_series(found.entries, region=found.region)


def chart_buttons(context: BotContext, query: str) -> list[list[InlineKeyboardButton]]:
    """The chart button under a /metric answer, when the metric has at least two comparable periods."""
    _found, series = _series(context, query, BUTTON_ENTRIES)
    if series is None:
        return []
    return [[InlineKeyboardButton(context.i18n._("📈 Chart"), callback_data=pack(context, CHART_PREFIX, 1, query))]]


async def _send_chart(update: Update, context: BotContext, query: str) -> None:
    t = context.i18n
    chat = update.effective_chat
    assert chat is not None
    found, series = _series(context, query)
    if series is None:
        if found.match == "fuzzy" or not found.matched:
            suggestions = list(dict.fromkeys([*(found.matched if found.match == "fuzzy" else []),
                                              *found.suggestions]))
            await reply(update, context, _not_found(t, query, suggestions, "chart"))
            return
        await reply(update, context, esc(t._(
            "Not enough comparable figures for a chart of “{query}”: it needs the same span (full years, or the "
            "same months) in one unit for at least two periods.").format(query=query)) + "\n"
            + t._("All figures: {command}").format(command=f"/metric {esc(query)}"))
        return
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_PHOTO)
    labels = chart_labels(t, series)
    png = await asyncio.to_thread(render_png, series, labels)  # ~0.2 s of matplotlib: off the event loop
    caption, follow = chart_caption(t, series, query)
    name = f"chart_{figure_name(t, series)}.png"
    await context.bot.send_photo(chat.id, InputFile(png, filename=name), caption=caption)
    if follow:
        await reply(update, context, follow)


async def chart(update: Update, context: BotContext) -> None:
    """A PNG time series of a metric: comparable periods only, growth as a second series, sources in the caption."""
    query = await _query_or_usage(update, context, "chart")
    if query is not None:
        await _send_chart(update, context, query)


async def chart_pressed(update: Update, context: BotContext) -> None:
    """`c|1|query`: the chart button under a /metric answer."""
    found = await pressed(update, context, in_place=False)
    if found is not None:
        await _send_chart(update, context, found[2])


# ---------------------------------------------------------------------------------------------- /export


async def export(update: Update, context: BotContext) -> None:
    """Every stored figure of a metric as a CSV file (UTF-8 with BOM: Excel opens it as is)."""
    t = context.i18n
    chat = update.effective_chat
    assert chat is not None
    query = await _query_or_usage(update, context, "export")
    if query is None:
        return
    await context.bot.send_chat_action(chat.id, ChatAction.UPLOAD_DOCUMENT)

    def build() -> Any:
        with context.session() as s:
            return export_figures(s, query)

    result = await asyncio.to_thread(build)
    if not result.rows:
        if result.matched:
            await reply(update, context, esc(t._("No figures of {metric} match “{query}”.").format(
                metric=result.metric, query=query)))
            return
        await reply(update, context, _not_found(t, query, result.suggestions, "export"))
        return
    caption = t.ngettext("{metric}: {count} figure (CSV, UTF-8)", "{metric}: {count} figures (CSV, UTF-8)",
                         len(result.rows)).format(metric=esc(result.metric), count=t.number(len(result.rows)))
    if result.truncated:
        caption += "\n" + esc(t._("Only the first {count} rows: narrow the query with a period.").format(
            count=t.number(len(result.rows))))
    await context.bot.send_document(chat.id, InputFile(result.to_csv(), filename=result.file_name()),
                                    caption=caption)


# ---------------------------------------------------------------------------------------------- /watch


def _chat_kind(chat: TgChat) -> str:
    return chat.type if chat.type in ("private", "group", "supergroup", "channel") else "private"


async def _may_manage(update: Update, context: BotContext) -> bool:
    from handlers.subscriptions import _may_manage as may_manage

    return await may_manage(update, context)


async def _managed_query(update: Update, context: BotContext, command: str) -> str | None:
    """/watch's and /unwatch's argument, from someone who may change the chat's alerts; None after replying with
    the usage or the refusal."""
    query = await _query_or_usage(update, context, command)
    if query is None:
        return None
    if not await _may_manage(update, context):
        await reply(update, context, esc(context.i18n._("Only this group's administrators can change its alerts.")))
        return None
    return query


async def watch(update: Update, context: BotContext) -> None:
    """/watch <metric>: a message in this chat whenever a new figure of the metric is stored."""
    t = context.i18n
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    query = await _managed_query(update, context, "watch")
    if query is None:
        return
    try:
        with context.session() as s:
            resolved = watch_service.resolve(s, query)
            w, created = watch_service.watch(
                s, chat_id=chat.id, resolved=resolved, created_by=user.id if user else None,
                chat_kind=_chat_kind(chat), chat_title=chat.title or "", language=context.language)
            name = regional_name(w.metric, w.region)
    except watch_service.UnknownMetric as err:
        lines = [esc(err.localized(t))]
        if err.suggestions:
            lines.append(esc(t._("Did you mean one of these?")))
            lines += [f"/watch {esc(x)}" for x in err.suggestions]
        await reply(update, context, "\n".join(lines))
        return
    except UserError as err:
        await reply(update, context, esc(err.localized(t)))
        return
    if not created:
        await reply(update, context, esc(t._("You already watch {metric}. /subscriptions lists your alerts.").format(
            metric=name)))
        return
    await reply(update, context, "\n".join([
        t._("Watching {metric}: you get a message as soon as a new figure is stored.").format(
            metric=f"<b>{esc(name)}</b>"),
        esc(t._("Stop with /unwatch {metric}.").format(metric=name)),
    ]))


async def unwatch(update: Update, context: BotContext) -> None:
    """/unwatch <metric>."""
    t = context.i18n
    chat = update.effective_chat
    assert chat is not None
    query = await _managed_query(update, context, "unwatch")
    if query is None:
        return
    with context.session() as s:
        w = watch_service.unwatch(s, chat_id=chat.id, text=query)
        name = regional_name(w.metric, w.region) if w else query
    if w is None:
        await reply(update, context, esc(t._("No alert for {metric} here. /subscriptions lists your alerts.").format(
            metric=query)))
        return
    await reply(update, context, esc(t._("Alert for {metric} stopped.").format(metric=name)))


def watch_section(context: BotContext, chat_id: int) -> tuple[str, list[list[InlineKeyboardButton]]]:
    """The chat's metric alerts for /subscriptions (HTML, remove buttons); ("", []) when it has none."""
    t = context.i18n
    with context.session() as s:
        rows = [(w.id, regional_name(w.metric, w.region))
                for w in watch_service.list_watches(s, chat_id)]
    if not rows:
        return "", []
    title = t._("Metric alerts")
    lines = [f"<b>{esc(title)}</b>"]
    buttons = []
    for wid, name in rows:
        lines.append(f"• <b>{esc(name)}</b> — " + esc(t._("a message for every new figure")))
        buttons.append([InlineKeyboardButton(t._("Stop alert: {metric}").format(metric=name)[:60],
                                             callback_data=f"w|rm|{wid}")])
    return "\n".join(lines), buttons


async def watch_button(update: Update, context: BotContext) -> None:
    """`w|rm|id`: stop a watch from the /subscriptions list."""
    cq = update.callback_query
    chat = update.effective_chat
    assert cq is not None and cq.data is not None and chat is not None
    t = context.i18n
    parts = cq.data.split("|")
    if len(parts) != 3 or parts[1] != "rm" or not parts[2].isdigit():
        await answer(update)
        return
    if not await _may_manage(update, context):
        await answer(update, t._("Only this group's administrators can change its alerts."), show_alert=True)
        return
    with context.session() as s:
        done = watch_service.unwatch_id(s, chat_id=chat.id, watch_id=int(parts[2])) is not None
    await answer(update, t._("Done.") if done else t._("That alert no longer exists."))
    from handlers.subscriptions import _list_text_and_buttons

    text, buttons = _list_text_and_buttons(context, chat.id)
    await edit_or_reply(update, context, text, keyboard(buttons))
