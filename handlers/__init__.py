"""Telegram routing. `register(app, admin_ids=...)` is the one ordered list of handlers, and `COMMANDS` /
`ADMIN_COMMANDS` the one list of commands: their CommandHandlers, the command menus (`bot.app.set_commands`) and
/help are all built from it. Only `bot/app.py` imports this package.

Groups: -20 and -10 are middleware (flood gate, user tracking) and run for every update; -5 is the admin gate
(`admin.refuse`: admin-only commands, buttons and uploads from anyone else get one polite refusal and go no
further); -1 holds the admin's typed reply to an upload preview (date or name), which stops the update there; 0
holds the commands, buttons, inline mode and documents. Callback data prefixes: `m|` metric page, `s|` search page,
`lang|`, `topic|`, `del|` (admin delete confirm), `up|` (upload preview: confirm, cancel, set date, set name), `c|`
chart, `w|` watch, `sub|` subscription buttons (plain strings, not PTB's arbitrary_callback_data: see
handlers/common.py); any other data is answered by `common.expired_button`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Coroutine
from typing import Any, NamedTuple

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.context import BotContext
from bot.errors import N_
from handlers import admin, analyst, ask, basic, lookup, subscriptions, upload
from handlers.common import expired_button, flood_gate, track_user
from handlers.errors import error_handler


class Command(NamedTuple):
    name: str
    callback: Callable[[Update, BotContext], Coroutine[Any, Any, None]]
    #: msgid shown in the command menus and /help
    description: str


#: every user's commands, in menu and /help order
COMMANDS: list[Command] = [
    Command("start", basic.start, N_("Welcome and examples")),
    Command("metric", lookup.metric, N_("Figures for a metric: /metric 网上零售额 [period]")),
    Command("search", lookup.search_command, N_("Search articles: /search 直播电商")),
    Command("article", lookup.article, N_("Read an article: /article 12")),
    Command("latest", lookup.latest, N_("The newest bulletin's contents")),
    Command("topics", basic.topics, N_("Topics you can follow")),
    # subscriptions, digests
    Command("subscribe", subscriptions.subscribe, N_("Daily digest of a topic: /subscribe 跨境电商 [08:00]")),
    Command("subscriptions", subscriptions.list_subscriptions, N_("Your subscriptions")),
    Command("unsubscribe", subscriptions.unsubscribe, N_("Stop a digest: /unsubscribe 跨境电商")),
    Command("digest", subscriptions.digest, N_("Preview your digest now")),
    Command("pause", subscriptions.pause, N_("Pause all digests of this chat")),
    Command("resume", subscriptions.resume, N_("Resume the digests of this chat")),
    # analysts: charts, CSV export, metric alerts
    Command("chart", analyst.chart, N_("Chart of a metric over time: /chart 网上零售额")),
    Command("export", analyst.export, N_("All figures of a metric as CSV: /export 网上零售额")),
    Command("watch", analyst.watch, N_("Alert me on new figures: /watch 网上零售额")),
    Command("unwatch", analyst.unwatch, N_("Stop an alert: /unwatch 网上零售额")),
    Command("lang", basic.lang, N_("Language / 语言")),
    Command("help", basic.help_command, N_("How to use this bot")),
]
#: the admins' commands (their menu and /help add these after COMMANDS)
ADMIN_COMMANDS: list[Command] = [
    Command("stats", admin.stats, N_("Counts of bulletins, articles, figures, users")),
    Command("delete_bulletin", admin.delete_bulletin, N_("Delete a bulletin: /delete_bulletin 3")),
]
#: buttons only admins may press (`admin.refuse` answers anyone else)
ADMIN_BUTTONS = r"^(del|up)\|"


def commands() -> list[tuple[str, str]]:
    """(command, description msgid) for everyone, in menu order."""
    return [(c.name, c.description) for c in COMMANDS]


def admin_commands() -> list[tuple[str, str]]:
    """The admins' menu: everyone's commands, then theirs."""
    return commands() + [(c.name, c.description) for c in ADMIN_COMMANDS]


def register(app: Application[Any, Any, Any, Any, Any, Any], *, admin_ids: Collection[int]) -> None:
    """Add every handler in order; `admin_ids` (ADMIN_IDS) may use the admin commands, buttons and uploads."""
    # nobody when ADMIN_IDS is empty (allow_empty=False)
    admins = filters.User(user_id=list(admin_ids))
    private_document = filters.Document.ALL & filters.ChatType.PRIVATE

    # middleware: a flooding chat gets one notice and nothing else (bot/updates.py decides who floods)
    app.add_handler(TypeHandler(Update, flood_gate), group=-20)
    # middleware: remember users (for /stats and their language)
    app.add_handler(TypeHandler(Update, track_user), group=-10)
    # the admin gate: everyone else's admin commands, uploads and admin-button presses get one polite refusal
    app.add_handler(CommandHandler([c.name for c in ADMIN_COMMANDS], admin.refuse, filters=~admins), group=-5)
    app.add_handler(MessageHandler(private_document & ~admins, admin.refuse), group=-5)
    app.add_handler(CallbackQueryHandler(admin.refuse, pattern=ADMIN_BUTTONS), group=-5)
    # an admin's typed date or name for a pending upload (before any other text handler; stops the update there)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & admins,
                                   upload.typed_reply), group=-1)

    # commands (the menus and /help list the same)
    for command in COMMANDS:
        app.add_handler(CommandHandler(command.name, command.callback))
    for command in ADMIN_COMMANDS:
        app.add_handler(CommandHandler(command.name, command.callback, filters=admins))
    app.add_handler(InlineQueryHandler(lookup.inline_query))

    # buttons
    app.add_handler(CallbackQueryHandler(lookup.page_pressed, pattern=r"^[ms]\|"))
    app.add_handler(CallbackQueryHandler(basic.lang_chosen, pattern=r"^lang\|"))
    app.add_handler(CallbackQueryHandler(basic.topic_chosen, pattern=r"^topic\|"))
    app.add_handler(CallbackQueryHandler(subscriptions.button, pattern=r"^sub\|"))
    app.add_handler(CallbackQueryHandler(analyst.chart_pressed, pattern=r"^c\|"))
    app.add_handler(CallbackQueryHandler(analyst.watch_button, pattern=r"^w\|"))
    # admins' buttons (others were refused at the gate)
    app.add_handler(CallbackQueryHandler(admin.delete_confirmed, pattern=r"^del\|"))
    # uploads: a preview first (nothing stored), then the buttons; both run as their own task so a long parse or
    # ingest never holds up other users' updates
    app.add_handler(MessageHandler(private_document & admins, upload.document, block=False))
    app.add_handler(CallbackQueryHandler(upload.pressed, pattern=r"^up\|", block=False))
    # any other button (data from an older version of the bot): a clear "expired", never silence
    app.add_handler(CallbackQueryHandler(expired_button))

    # last in group 0: unknown commands in private chats get the help text; plain text is a question (in groups
    # only when the bot is mentioned or replied to: checked in the handler)
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, basic.unknown_command))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT,
                                   ask.plain_text))

    app.add_error_handler(error_handler)
