"""Admin features: /stats, /delete_bulletin with a confirm button (uploads: `handlers.upload`), and `refuse`, the
one answer everyone else gets for the admin commands, buttons and uploads.

These handlers are registered for admins only (`filters.User(ADMIN_IDS)` in `handlers.register`); they do not
check again."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, Update
from telegram.ext import ApplicationHandlerStop

from bot.context import BotContext
from bot.render import esc
from bot.services import articles as articles_service
from handlers.common import answer, args_text, edit_or_reply, keyboard, reply

log = logging.getLogger(__name__)


async def refuse(update: Update, context: BotContext) -> None:
    """Gate (group -5) for admin-only updates from anyone else: one polite refusal, and the update goes no further.
    A button is registered for everyone (Telegram says nothing about who pressed it to a message filter): an
    admin's press passes on."""
    t = context.i18n
    if update.callback_query is not None:
        if context.is_admin:
            return
        await answer(update, t._("This command is for the bot's administrators."), show_alert=True)
    elif update.effective_message is not None and update.effective_message.document is not None:
        await reply(update, context, t._("Sorry, only the bot's administrators can add bulletins. "
                                         "You can look things up with /metric and /search."))
    else:
        await reply(update, context, t._("This command is for the bot's administrators."))
    raise ApplicationHandlerStop


async def stats(update: Update, context: BotContext) -> None:
    """Counts of bulletins, articles, figures, users (and deliveries)."""
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
    t = context.i18n
    arg = args_text(context).lstrip("#")
    if not arg.isdigit():
        await reply(update, context, esc(t._("Usage: /delete_bulletin <id> (the id is shown after an upload and in "
                                             "/stats)")))
        return
    bulletin_id = int(arg)
    with context.session() as s:
        found = articles_service.bulletin_summary(s, bulletin_id)
    if found is None:
        await reply(update, context, t._("There is no bulletin {id}.").format(id=bulletin_id))
        return
    name, count = found
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
