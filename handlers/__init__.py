"""Telegram routing. `register(app)` is the one ordered list of handlers; only `bot/app.py` imports this package.

Groups: -20 and -10 are middleware (flood gate, user tracking) and run for every update; -1 holds the admin's typed
reply to an upload preview (date or name), which stops the update there; 0 holds the commands, buttons, inline mode
and documents. Callback data prefixes: `m|` metric page, `s|` search page, `lang|`, `topic|`, `del|` (admin delete
confirm), `up|` (upload preview: confirm, cancel, set date, set name), `c|` chart, `w|` watch; subscriptions use
their own prefixes in `handlers.subscriptions`.
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

from handlers import admin, analyst, ask, basic, lookup, subscriptions, upload
from handlers.common import flood_gate, track_user
from handlers.errors import error_handler


def commands() -> list[tuple[str, str]]:
    """(command, description msgid) for everyone, in menu order: ours, then the subscription commands."""
    return (basic.COMMANDS[:-2] + list(getattr(subscriptions, "COMMANDS", [])) + analyst.COMMANDS
            + basic.COMMANDS[-2:])


def admin_commands() -> list[tuple[str, str]]:
    return commands() + basic.ADMIN_COMMANDS


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add every handler in order."""
    # middleware: a flooding chat gets one notice and nothing else (bot/updates.py decides who floods)
    app.add_handler(TypeHandler(Update, flood_gate), group=-20)
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
    # uploads: a preview first (nothing stored), then the buttons; both run as their own task so a long parse or
    # ingest never holds up other users' updates
    app.add_handler(MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE, upload.document, block=False))
    app.add_handler(CallbackQueryHandler(upload.pressed, pattern=r"^up\|", block=False))
    # an admin's typed date or name for a pending upload (before any other text handler; stops the update there)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, upload.typed_reply),
                    group=-1)

    # subscriptions, digests (engineer E)
    subscriptions.register(app)

    # analysts: charts (and the chart button under /metric), CSV export, metric alerts
    app.add_handler(CommandHandler("chart", analyst.chart))
    app.add_handler(CommandHandler("export", analyst.export))
    app.add_handler(CommandHandler("watch", analyst.watch))
    app.add_handler(CommandHandler("unwatch", analyst.unwatch))
    app.add_handler(CallbackQueryHandler(analyst.chart_pressed, pattern=r"^c\|"))
    app.add_handler(CallbackQueryHandler(analyst.watch_button, pattern=r"^w\|"))

    # last in group 0: unknown commands in private chats get the help text; plain text is a question (in groups
    # only when the bot is mentioned or replied to: checked in the handler)
    app.add_handler(MessageHandler(filters.COMMAND & filters.ChatType.PRIVATE, basic.unknown_command))
    app.add_handler(MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT,
                                   ask.plain_text))

    app.add_error_handler(error_handler)
