"""Admin uploads: a document gets a preview of what was read (nothing stored), with buttons Confirm / Cancel /
Set date / Set name; a typed reply gives the date or name. The logic is `bot.services.ingest.preview`.

Callback data: `up|<action>|<token>|<version>` with action c (confirm), x (cancel), d (set date), n (set name).
"""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from bot.errors import UserError
from bot.i18n import Translator
from bot.render import esc
from bot.render.preview import render_preview, render_stored
from bot.services.ingest.pending import PendingStore
from bot.services.ingest.preview import (
    Outcome,
    Preview,
    ask_for,
    cancel_upload,
    caption_name,
    confirm_upload,
    parse_date_text,
    preview_upload,
    set_value,
)
from handlers.common import answer, keep_typing, keyboard, reply

log = logging.getLogger(__name__)

PREFIX = "up"


def _safe_name(name: str | None) -> str:
    base = Path(name or "bulletin.txt").name.strip() or "bulletin.txt"
    return re.sub(r"[\x00-\x1f/\\]", "_", base)[:200]


def _store(context: BotContext) -> PendingStore:
    return PendingStore(context.settings.pending_uploads_dir)


def _buttons(t: Translator, preview: Preview) -> InlineKeyboardMarkup | None:
    def data(action: str) -> str:
        return f"{PREFIX}|{action}|{preview.token}|{preview.version}"

    first = [] if preview.needs_name else [InlineKeyboardButton(t._("✅ Confirm"), callback_data=data("c"))]
    first.append(InlineKeyboardButton(t._("❌ Cancel"), callback_data=data("x")))
    second = [InlineKeyboardButton(t._("📅 Set date"), callback_data=data("d")),
              InlineKeyboardButton(t._("✏️ Set name"), callback_data=data("n"))]
    return keyboard([first, second])


async def _show_preview(update: Update, context: BotContext, store: PendingStore, token: str) -> None:
    """Parse the pending upload and send its preview with buttons (or the one-line reason it is refused)."""
    t = context.i18n
    pending = store.get(token)
    if pending is None:
        await reply(update, context, t._("This upload has expired or is unknown; send the file again."))
        return
    try:
        preview = await asyncio.to_thread(preview_upload, context.engine, store, pending,
                                          max_bytes=context.settings.max_upload_bytes)
    except UserError as exc:
        store.discard(token)
        await reply(update, context, esc(exc.localized(t)))
        return
    except Exception:
        store.discard(token)
        raise
    log.info("upload %s previewed for %s: %s articles, %s figures, warnings %s", token, pending.user_id,
             len(preview.articles), preview.figures, [w.code for w in preview.warnings])
    sent = await reply(update, context, render_preview(t, preview), _buttons(t, preview))
    previous = store.remember_message(token, sent[-1].message_id)
    if previous is not None:  # an older preview of this upload: its buttons would only say "out of date"
        try:
            await context.bot.edit_message_reply_markup(sent[-1].chat_id, previous, reply_markup=None)
        except TelegramError as exc:
            log.debug("old preview buttons not removed: %s", exc)


async def document(update: Update, context: BotContext) -> None:
    """An uploaded bulletin (admins only: others were refused by `admin.refuse`): a preview to confirm."""
    message = update.effective_message
    user = update.effective_user
    chat = update.effective_chat
    assert message is not None and message.document is not None and user is not None and chat is not None
    t = context.i18n
    doc = message.document
    name = _safe_name(doc.file_name)
    limit = context.settings.max_upload_bytes
    if doc.file_size is not None and doc.file_size > limit:
        await reply(update, context, t._("“{file}” is {size} MB; the limit is {limit} MB.").format(
            file=esc(name), size=t.number(doc.file_size / 1024 / 1024, digits=1),
            limit=t.number(limit / 1024 / 1024, digits=1)))
        return
    store = _store(context)
    async with keep_typing(update, context):
        pending = store.new(file_name=name, user_id=user.id, chat_id=chat.id,
                            published=parse_date_text(message.caption), publication=caption_name(message.caption))
        try:
            tg_file = await context.bot.get_file(doc.file_id)
            await tg_file.download_to_drive(pending.file_path)
        except Exception:
            store.discard(pending.token)
            raise
        await _show_preview(update, context, store, pending.token)


async def _drop_buttons(update: Update) -> None:
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(reply_markup=None)
    except BadRequest as exc:  # already gone (a double tap), or the message is too old to edit
        log.debug("buttons not removed: %s", exc.message)


def _outcome_text(t: Translator, outcome: Outcome) -> str:
    file = esc(outcome.pending.file_name) if outcome.pending else ""
    if outcome.status == "stored" and outcome.result is not None:
        return render_stored(t, outcome.pending.file_name if outcome.pending else "", outcome.result)
    if outcome.status == "duplicate":
        return t._("“{file}” is already stored (bulletin {id}); nothing was added.").format(
            file=file, id=outcome.bulletin_id)
    if outcome.status == "already":
        return t._("“{file}” was already added as bulletin {id}; nothing more was stored.").format(
            file=file, id=outcome.bulletin_id)
    if outcome.status == "cancelled":
        return t._("Cancelled: nothing from “{file}” was stored.").format(file=file)
    if outcome.status == "stale":
        return t._("This preview is out of date: use the newest preview, or send the file again.")
    if outcome.status == "needs_name":
        return t._("Give the bulletin a name first (“Set name”).")
    if outcome.status == "busy":
        return t._("This upload is being stored right now.")
    return t._("This upload has expired or is unknown; send the file again.")


async def pressed(update: Update, context: BotContext) -> None:
    """The buttons under a preview: confirm, cancel, set date, set name."""
    query = update.callback_query
    assert query is not None and query.data is not None
    t = context.i18n
    await answer(update)
    _prefix, action, token, version_text = (query.data.split("|") + ["", "", "", ""])[:4]
    version = int(version_text) if version_text.isdigit() else -1
    store = _store(context)
    if action == "c":
        try:
            async with keep_typing(update, context):
                outcome = await asyncio.to_thread(confirm_upload, context.engine, store, token, version,
                                                  max_bytes=context.settings.max_upload_bytes)
        except UserError as exc:
            await reply(update, context, esc(exc.localized(t)))
            return
    elif action == "x":
        outcome = cancel_upload(store, token)
    elif action in ("d", "n"):
        outcome = ask_for(store, token, version, "date" if action == "d" else "name")
        if outcome.status == "waiting":
            prompt = (t._("Send the bulletin's date as YYYY-MM-DD, e.g. 2024-03-01.") if action == "d" else
                      t._("Send the publication's name as it should appear in sources, e.g. 中国贸易报."))
            await reply(update, context, prompt, ForceReply(selective=True))
            return
    else:
        return
    if outcome.status in ("stored", "duplicate", "already", "cancelled", "expired"):
        await _drop_buttons(update)
    await reply(update, context, _outcome_text(t, outcome))


async def typed_reply(update: Update, context: BotContext) -> None:
    """Middleware (group -1): an admin's text while an upload waits for a date or name answers it (and goes no
    further); any other text passes on to the other handlers."""
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None or not message.text:
        return
    store = _store(context)
    pending = store.awaiting_reply(user.id)
    if pending is None:
        return
    t = context.i18n
    outcome = set_value(store, pending, message.text)
    if outcome.status == "invalid" and outcome.error is not None:
        await reply(update, context, esc(outcome.error.localized(t)))
        raise ApplicationHandlerStop
    # the new preview is built in its own task: the update stops here at once and other chats are not held up
    context.application.create_task(_typed_preview(update, context, store, pending.token), update=update)
    raise ApplicationHandlerStop


async def _typed_preview(update: Update, context: BotContext, store: PendingStore, token: str) -> None:
    async with keep_typing(update, context):
        await _show_preview(update, context, store, token)
