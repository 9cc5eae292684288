"""Helpers shared by the handlers: replying with split HTML, user tracking, callback data, page buttons."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager, suppress
from datetime import UTC, datetime
from typing import Any

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from bot.render import esc, split_blocks
from bot.services import users
from bot.updates import ChatOrderedProcessor

#: Telegram's limit on callback_data
CALLBACK_MAX_BYTES = 64
#: bot_data key of {short hash: query} for queries too long for callback_data
_QUERY_CACHE = "callback_queries"


async def reply(update: Update, context: BotContext, blocks: str | Sequence[str],
                reply_markup: InlineKeyboardMarkup | ForceReply | None = None) -> list[Message]:
    """Send HTML (one string or blocks), split below 4096 characters; the keyboard goes on the last part."""
    parts = split_blocks([blocks] if isinstance(blocks, str) else blocks)
    chat = update.effective_chat
    assert chat is not None
    sent = []
    for i, part in enumerate(parts):
        markup = reply_markup if i == len(parts) - 1 else None
        sent.append(await context.bot.send_message(chat.id, part, reply_markup=markup))
    return sent


async def edit_or_reply(update: Update, context: BotContext, text: str,
                        reply_markup: InlineKeyboardMarkup | None = None) -> None:
    """For button presses: replace the pressed message's text (it must fit one message)."""
    query = update.callback_query
    if query is not None and query.message is not None:
        parts = split_blocks([text])
        if len(parts) == 1:
            try:
                await query.edit_message_text(parts[0], reply_markup=reply_markup)
            except BadRequest as exc:
                if "not modified" not in exc.message:  # a double tap shows the same page: nothing to do
                    raise
            return
    await reply(update, context, text, reply_markup)


async def answer(update: Update, text: str | None = None, *, show_alert: bool = False) -> None:
    """Answer a button press; a press Telegram no longer accepts (too old, already answered) is not an error."""
    query = update.callback_query
    if query is None:
        return
    try:
        await query.answer(text, show_alert=show_alert)
    except BadRequest as exc:
        if "query is too old" not in exc.message and "query id is invalid" not in exc.message:
            raise


async def typing(update: Update, context: BotContext) -> None:
    if update.effective_chat is not None:
        await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)


@asynccontextmanager
async def keep_typing(update: Update, context: BotContext, every: float = 4.5) -> AsyncIterator[None]:
    """Show "typing…" now and keep it up (Telegram clears it after ~5 s) until the block finishes."""
    await typing(update, context)

    async def repeat() -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await typing(update, context)
            except TelegramError:
                return

    task = asyncio.create_task(repeat())
    try:
        yield
    finally:
        task.cancel()
        with suppress(asyncio.CancelledError):
            await task


async def flood_gate(update: Update, context: BotContext) -> None:
    """Middleware (group -20): a chat that sends faster than the bot may answer gets one polite notice; the update
    that triggered it is not processed further (the ones after it were dropped by the update processor)."""
    processor = context.application.update_processor
    if not isinstance(processor, ChatOrderedProcessor) or not processor.take_notice(update):
        return
    chat = update.effective_chat
    if chat is not None:
        text = context.i18n._("You are sending messages faster than I can answer. I will skip the next ones for a "
                              "few seconds, then answer again.")
        with suppress(TelegramError):
            await context.bot.send_message(chat.id, esc(text))
    raise ApplicationHandlerStop


async def track_user(update: Update, context: BotContext) -> None:
    """Middleware (group -10): remember the user (for /stats and their language). Writes at most every 10 min."""
    user = update.effective_user
    if user is None or user.is_bot:
        return
    seen = context.user_data.get("_seen_at") if context.user_data is not None else None
    now = datetime.now(UTC)
    if seen is not None and (now - seen).total_seconds() < 600:
        return
    with context.session() as s:
        language = users.touch_user(s, user.id, now)
    if language and context.user_data is not None:
        context.user_data["language"] = language
    if context.user_data is not None:
        context.user_data["_seen_at"] = now


def args_text(context: BotContext) -> str:
    return " ".join(context.args or []).strip()


# ---------------------------------------------------------------------------------------------- callback data
#
# Buttons carry short strings, `prefix|…` (the prefixes are listed in handlers/__init__.py), not PTB's
# `arbitrary_callback_data`. That option is all or nothing: once on, PTB swaps *every* button's data for a key into
# an in-memory LRU cache (1024 keyboards), so every button would die at each restart, after enough newer keyboards,
# and on another worker process (webhook workers may be many). Most of ours must outlive that: `lang|`, `topic|`,
# `sub|…|<id>`, `w|rm|<id>`, `del|<id>` name rows or constants and work for as long as the message exists, and the
# upload preview's `up|` buttons are meant to survive restarts for a day (pending uploads are kept on disk).
# Persisting the cache would need a table of its own and still expire old keyboards. Only page and chart buttons
# carry free text; `pack` keeps those in bot_data when they exceed Telegram's 64 bytes, and a press after a restart
# gets "This list has expired", as does a button no handler knows (`expired_button`).


async def expired_button(update: Update, context: BotContext) -> None:
    """Last button handler: data no other handler takes (a button from an older version of the bot) gets an
    answer, never silence."""
    await answer(update, context.i18n._("This button has expired; please send the command again."), show_alert=True)


def pack(context: BotContext, prefix: str, page: int, query: str) -> str:
    """`prefix|page|query`, or `prefix|page|#hash` with the query kept in bot_data when it would not fit."""
    data = f"{prefix}|{page}|{query}"
    if len(data.encode("utf-8")) <= CALLBACK_MAX_BYTES:
        return data
    key = hashlib.sha1(query.encode("utf-8")).hexdigest()[:12]
    context.bot_data.setdefault(_QUERY_CACHE, {})[key] = query
    return f"{prefix}|{page}|#{key}"


def unpack(context: BotContext, data: str) -> tuple[str, int, str | None]:
    """Inverse of `pack`; the query is None when it was cached by an earlier process (restart)."""
    prefix, page, query = (data.split("|", 2) + ["", ""])[:3]
    try:
        page_no = max(1, int(page))
    except ValueError:
        page_no = 1
    if query.startswith("#"):
        return prefix, page_no, context.bot_data.get(_QUERY_CACHE, {}).get(query[1:])
    return prefix, page_no, query


async def pressed(update: Update, context: BotContext, *, in_place: bool) -> tuple[str, int, str] | None:
    """A pressed page or chart button's (prefix, page, query), the press answered; None after saying the list has
    expired (a query `pack` kept in an earlier process): in place of the message, or as a new one."""
    cq = update.callback_query
    assert cq is not None and cq.data is not None
    prefix, page, query = unpack(context, cq.data)
    await answer(update)
    if query is None:
        expired = esc(context.i18n._("This list has expired; please send the command again."))
        if in_place:
            await edit_or_reply(update, context, expired)
        else:
            await reply(update, context, expired)
        return None
    return prefix, page, query


def page_buttons(context: BotContext, prefix: str, query: str, page: int, has_next: bool) -> list[
        InlineKeyboardButton]:
    t = context.i18n
    row = []
    if page > 1:
        row.append(InlineKeyboardButton(t._("« Previous"), callback_data=pack(context, prefix, page - 1, query)))
    if has_next:
        row.append(InlineKeyboardButton(t._("Next »"), callback_data=pack(context, prefix, page + 1, query)))
    return row


def keyboard(rows: Sequence[Sequence[InlineKeyboardButton]]) -> InlineKeyboardMarkup | None:
    rows = [list(r) for r in rows if r]
    return InlineKeyboardMarkup(rows) if rows else None


def chunk(items: Sequence[Any], size: int) -> list[list[Any]]:
    return [list(items[i:i + size]) for i in range(0, len(items), size)]
