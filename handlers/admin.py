"""Admin features: /stats, /delete_bulletin with a confirm button (uploads: `handlers.upload`)."""

from __future__ import annotations

import logging

from sqlmodel import select
from telegram import InlineKeyboardButton, Update

from bot.context import BotContext
from bot.db.models import Article, Bulletin
from bot.render import esc
from bot.services import articles as articles_service
from handlers.common import answer, args_text, edit_or_reply, keyboard, reply
from handlers.lookup import bulletin_name

log = logging.getLogger(__name__)


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
        name = bulletin_name(bulletin, file_fallback=True)
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
