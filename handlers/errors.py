"""The one error handler: log every exception with its update, tell the admins briefly, apologise to the user.

A `UserError` that escapes a handler is shown to the user as its translated message (no apology, no admin note).
"""

from __future__ import annotations

import html
import json
import logging
import traceback

from telegram import Update
from telegram.error import Conflict, Forbidden, NetworkError, TelegramError

from bot.context import BotContext
from bot.errors import UserError

log = logging.getLogger("bot.errors")

#: admin notes are brief: the exception and the end of its traceback (the log has everything)
ADMIN_NOTE_LIMIT = 1500


def _describe(update: object) -> str:
    if isinstance(update, Update):
        return json.dumps(update.to_dict(), ensure_ascii=False)[:2000]
    return repr(update)[:2000]


async def error_handler(update: object, context: BotContext) -> None:
    """Log first, then apologise to the user and notify the admins; never raises."""
    error = context.error
    if isinstance(error, UserError) and isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(update.effective_chat.id, html.escape(error.localized(context.i18n)))
        except TelegramError:
            log.warning("could not send a user error to chat %s", update.effective_chat.id, exc_info=True)
        return
    if update is None and isinstance(error, Conflict):
        return  # another poller with this token: bot.app has said so in one line and is stopping
    log.error("exception while handling update %s", _describe(update), exc_info=error)
    if update is None and isinstance(error, NetworkError):
        return  # transient polling/network trouble: logged, PTB retries

    if isinstance(update, Update) and not isinstance(error, Forbidden):
        try:
            await _apologise(update, context)
        except Exception:  # noqa: BLE001 - the error handler itself must not fail
            log.warning("could not apologise for update %s", update.update_id, exc_info=True)

    await _notify_admins(update, context)


async def _apologise(update: Update, context: BotContext) -> None:
    t = context.i18n
    text = t._("Sorry, something went wrong on our side. Please try again in a moment.")
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(text, show_alert=True)
            return
        except TelegramError:
            pass
    if update.inline_query is not None:
        return  # there is no chat to write to; Telegram shows no results
    if update.effective_chat is not None:
        await context.bot.send_message(update.effective_chat.id, html.escape(text))


async def _notify_admins(update: object, context: BotContext) -> None:
    admins = context.settings.admin_id_set if context.bot_data else frozenset()
    if not admins:
        return
    error = context.error
    tb = "".join(traceback.format_exception(type(error), error, error.__traceback__)) if error else ""
    where = ""
    if isinstance(update, Update):
        user = update.effective_user
        chat = update.effective_chat
        what = (update.effective_message.text if update.effective_message and update.effective_message.text
                else "callback" if update.callback_query else "inline" if update.inline_query else "update")
        where = f"update {update.update_id} from user {user.id if user else '-'} in chat " \
                f"{chat.id if chat else '-'}: {what[:200]}"
    head = f"⚠️ {type(error).__name__}: {str(error)[:300]}"
    tail = html.escape(tb)
    budget = ADMIN_NOTE_LIMIT - len(html.escape(head)) - len(html.escape(where)) - 20
    if len(tail) > budget:  # keep the end of the traceback, cut at a line start (never inside an entity)
        tail = tail[-budget:]
        tail = tail[tail.find("\n") + 1:]
    note = f"<b>{html.escape(head)}</b>\n{html.escape(where)}\n<pre>{tail}</pre>"
    for admin_id in sorted(admins):
        try:
            await context.bot.send_message(admin_id, note)
        except Exception:  # noqa: BLE001
            log.warning("could not notify admin %s", admin_id, exc_info=True)
