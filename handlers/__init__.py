"""Telegram routing. `register(app)` is the one ordered list of handlers; only `bot/app.py` imports this package.

Groups: -10 is middleware (user tracking) and runs for every update; 0 holds the commands, buttons, inline mode
and documents. Callback data prefixes: `m|` metric page, `s|` search page, `lang|`, `topic|`, `del|` (admin
delete confirm); subscriptions (engineer E) use their own prefixes in `handlers.subscriptions`.
"""

from __future__ import annotations

from typing import Any

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

from handlers import admin, ask, basic, lookup, subscriptions
from handlers.common import track_user
from handlers.errors import error_handler


def commands() -> list[tuple[str, str]]:
    """(command, description msgid) for everyone, in menu order: ours, then the subscription commands."""
    return basic.COMMANDS[:-2] + list(getattr(subscriptions, "COMMANDS", [])) + basic.COMMANDS[-2:]


def admin_commands() -> list[tuple[str, str]]:
    return commands() + basic.ADMIN_COMMANDS


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every handler in order."""
    # middleware: remember users (for /stats and their language)
    app.add_handler(TypeHandler(Update, track_user), group=-10)

    # everyone
    app.add_handler(CommandHandler("start", basic.start))
    app.add_handler(CommandHandler("help", basic.help_command))
    app.add_handler(CommandHandler("lang", basic.lang))
    app.add_handler(CommandHandler("topics", basic.topics))
    app.add_handler(CommandHandler("metric", lookup.metric))
    app.add_handler(CommandHandler("search", lookup.search_command))
    app.add_handler(CommandHandler("article", lookup.article))
    app.add_handler(CommandHandler("latest", lookup.latest))
    app.add_handler(InlineQueryHandler(lookup.inline_query))

    # buttons
    app.add_handler(CallbackQueryHandler(lookup.page_pressed, pattern=r"^[ms]\|"))
    app.add_handler(CallbackQueryHandler(basic.lang_chosen, pattern=r"^lang\|"))
    app.add_handler(CallbackQueryHandler(basic.topic_chosen, pattern=r"^topic\|"))

    # admins (the handlers refuse everyone else politely)
    app.add_handler(CommandHandler("stats", admin.stats))
    app.add_handler(CommandHandler("delete_bulletin", admin.delete_bulletin))
    app.add_handler(CallbackQueryHandler(admin.delete_confirmed, pattern=r"^del\|"))
    # uploads run as their own task so a long ingest never holds up other users' updates
    app.add_handler(MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE, admin.document, block=False))

    # subscriptions, digests (engineer E)
    subscriptions.register(app)

    # last in group 0: unknown commands in private chats get the help text; plain text is a question (in groups
    # only when the bot is mentioned or replied to: checked in the handler)
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, basic.unknown_command))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT,
                                   ask.plain_text))

    app.add_error_handler(error_handler)
