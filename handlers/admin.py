"""Admin features: bulletin uploads (documents), /stats, /delete_bulletin with a confirm button."""

from __future__ import annotations

import asyncio
import logging
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import select
from telegram import InlineKeyboardButton, Update

from bot.context import BotContext
from bot.db.engine import session_scope
from bot.db.models import Article, Bulletin
from bot.errors import UserError
from bot.render import esc
from bot.services import articles as articles_service
from handlers.common import answer, args_text, edit_or_reply, keep_typing, keyboard, reply
from handlers.lookup import bulletin_name

log = logging.getLogger(__name__)


def _safe_name(name: str | None) -> str:
    base = Path(name or "bulletin.txt").name.strip() or "bulletin.txt"
    return re.sub(r"[\x00-\x1f/\\]", "_", base)[:200]


def _caption_date(caption: str | None) -> date | None:
    """An upload's caption may give the publication date (`2024-03-01`) for files that do not say."""
    m = re.search(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})", caption or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _ingest(engine: Engine, path: Path, user_id: int, display_name: str, max_bytes: int,
            published: date | None) -> Any:
    """Runs in a worker thread with its own session (commit on success, nothing stored on error)."""
    from bot.services.ingest import ingest_file

    with session_scope(engine) as session:
        return ingest_file(session, path, published=published, loaded_by=user_id, display_name=display_name,
                           max_bytes=max_bytes)


async def document(update: Update, context: BotContext) -> None:
    """An uploaded bulletin: admins get it ingested and a summary; anyone else a polite refusal."""
    message = update.effective_message
    user = update.effective_user
    assert message is not None and message.document is not None and user is not None
    t = context.i18n
    doc = message.document
    name = _safe_name(doc.file_name)
    if not context.is_admin:
        await reply(update, context, t._("Sorry, only the bot's administrators can add bulletins. "
                                         "You can look things up with /metric and /search."))
        return
    limit = context.settings.max_upload_bytes
    if doc.file_size is not None and doc.file_size > limit:
        await reply(update, context, t._("“{file}” is {size} MB; the limit is {limit} MB.").format(
            file=esc(name), size=t.number(doc.file_size / 1024 / 1024, digits=1),
            limit=t.number(limit / 1024 / 1024, digits=1)))
        return
    published = _caption_date(message.caption)
    async with keep_typing(update, context):
        tg_file = await context.bot.get_file(doc.file_id)
        with tempfile.TemporaryDirectory(prefix="dongtai-upload-") as tmp:
            path = Path(tmp) / name
            await tg_file.download_to_drive(path)
            try:
                result = await asyncio.to_thread(_ingest, context.engine, path, user.id, name, limit, published)
            except UserError as exc:
                await reply(update, context, esc(exc.localized(t)))
                return
    if result.duplicate_of is not None:
        await reply(update, context, t._("“{file}” is already stored (bulletin {id}); nothing was added.").format(
            file=esc(name), id=result.duplicate_of))
        return
    log.info("upload by %s: %s", user.id, result.summary())
    await reply(update, context, "\n".join([
        t._("Added “{file}” as bulletin {id}.").format(file=esc(name), id=result.bulletin_id),
        t._("Articles: {articles}, figures: {figures}, duplicate articles skipped: {duplicates}.").format(
            articles=t.number(result.articles_added), figures=t.number(result.figures_added),
            duplicates=t.number(result.duplicates_skipped)),
        t._("Took {seconds} s.").format(seconds=t.number(result.seconds, digits=1)),
    ]))


async def _refuse(update: Update, context: BotContext) -> bool:
    if context.is_admin:
        return False
    await reply(update, context, context.i18n._("This command is for the bot's administrators."))
    return True


async def stats(update: Update, context: BotContext) -> None:
    """Counts of bulletins, articles, figures, users (and deliveries)."""
    if await _refuse(update, context):
        return
    t = context.i18n
    with context.session() as s:
        st = articles_service.store_stats(s)
    labels = [
        ("bulletins", t._("Bulletins")), ("articles", t._("Articles")), ("figures", t._("Figures")),
        ("users", t._("Users")), ("chats", t._("Chats")), ("subscriptions", t._("Active subscriptions")),
        ("deliveries_pending", t._("Deliveries pending")), ("deliveries_sent", t._("Deliveries sent")),
        ("deliveries_failed", t._("Deliveries failed")),
    ]
    lines = [t._("<b>Statistics</b>")]
    lines += [f"{esc(label)}: {t.number(st[key])}" for key, label in labels if key in st]
    await reply(update, context, "\n".join(lines))


async def delete_bulletin(update: Update, context: BotContext) -> None:
    """Ask for confirmation before deleting a bulletin and everything from it."""
    if await _refuse(update, context):
        return
    t = context.i18n
    arg = args_text(context).lstrip("#")
    if not arg.isdigit():
        await reply(update, context, esc(t._("Usage: /delete_bulletin <id> (the id is shown after an upload and in "
                                             "/stats)")))
        return
    bulletin_id = int(arg)
    with context.session() as s:
        bulletin = s.get(Bulletin, bulletin_id)
        if bulletin is None:
            await reply(update, context, t._("There is no bulletin {id}.").format(id=bulletin_id))
            return
        count = len(list(s.exec(select(Article.id).where(Article.bulletin_id == bulletin_id))))
        name = bulletin_name(bulletin)
    text = t.ngettext("Delete bulletin {id} “{name}” and its {count} article and its figures?",
                      "Delete bulletin {id} “{name}” and its {count} articles and their figures?", count).format(
        id=bulletin_id, name=esc(name), count=t.number(count))
    buttons = [InlineKeyboardButton(t._("Delete"), callback_data=f"del|{bulletin_id}"),
               InlineKeyboardButton(t._("Cancel"), callback_data="del|cancel")]
    await reply(update, context, text, keyboard([buttons]))


async def delete_confirmed(update: Update, context: BotContext) -> None:
    """The confirm / cancel button of /delete_bulletin."""
    query = update.callback_query
    assert query is not None and query.data is not None
    t = context.i18n
    if not context.is_admin:
        await answer(update, t._("This command is for the bot's administrators."), show_alert=True)
        return
    await answer(update)
    arg = query.data.split("|", 1)[1]
    if not arg.isdigit():
        await edit_or_reply(update, context, t._("Nothing was deleted."))
        return
    bulletin_id = int(arg)
    with context.session() as s:
        removed = articles_service.delete_bulletin(s, bulletin_id)
    if removed is None:
        await edit_or_reply(update, context, t._("There is no bulletin {id}.").format(id=bulletin_id))
        return
    log.info("bulletin %s deleted by %s (%s articles)", bulletin_id, update.effective_user and
             update.effective_user.id, removed)
    await edit_or_reply(update, context, t.ngettext("Bulletin {id} deleted with {count} article.",
                                                    "Bulletin {id} deleted with {count} articles.", removed).format(
        id=bulletin_id, count=t.number(removed)))
