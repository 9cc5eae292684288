"""/start, /help, /lang, /topics and their buttons."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, Update

from bot.context import BotContext
from bot.i18n import SUPPORTED, get_translator
from bot.render import esc
from bot.services import users
from bot.services.digest import PREVIEW_WINDOW, Composer
from bot.services.topics import load_topics, resolve_topic
from handlers.common import answer, chunk, edit_or_reply, keyboard, pack, reply
from handlers.subscriptions import topic_preview_parts

EXAMPLE_METRIC = "网上零售额"
EXAMPLE_SEARCH = "直播电商"
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


def _topic_buttons(context: BotContext) -> list[list[InlineKeyboardButton]]:
    lang = context.language
    buttons = [InlineKeyboardButton(t.name(lang), callback_data=f"topic|{t.key}") for t in load_topics()]
    return chunk(buttons, 2)


async def start(update: Update, context: BotContext) -> None:
    """Welcome, two example lookups and the topics as buttons."""
    t = context.i18n
    text = "\n".join([
        t._("Welcome to <b>Dongtai</b> (动态)! I read Chinese e-commerce bulletins and keep every article and "
            "statistic, with its source."),
        "",
        t._("Try:"),
        t._("{command} — online retail sales, newest first").format(command=f"/metric {EXAMPLE_METRIC}"),
        t._("{command} — articles about live-streaming e-commerce").format(command=f"/search {EXAMPLE_SEARCH}"),
        "",
        t._("Topics you can follow (press one for a preview):"),
    ])
    examples = [
        InlineKeyboardButton(f"📊 {EXAMPLE_METRIC}", callback_data=pack(context, "m", 1, EXAMPLE_METRIC)),
        InlineKeyboardButton(f"🔎 {EXAMPLE_SEARCH}", callback_data=pack(context, "s", 1, EXAMPLE_SEARCH)),
    ]
    await reply(update, context, text, keyboard([examples, *_topic_buttons(context)]))


def help_text(context: BotContext) -> str:
    t = context.i18n
    from handlers import ADMIN_COMMANDS, COMMANDS  # the registration list (it imports this module)

    lines = [t._("<b>Commands</b>")]
    lines += [f"/{c.name} — {esc(t._(c.description))}" for c in COMMANDS]
    if context.is_admin:
        lines += ["", t._("<b>Admin</b>")]
        lines += [f"/{c.name} — {esc(t._(c.description))}" for c in ADMIN_COMMANDS]
        lines.append(t._("Send a bulletin file (.txt, .pdf, .docx, up to 20 MB) to add it."))
    lines += ["", t._("Or just ask, without a command: {example}").format(example="2023年上半年网上零售额是多少"),
              esc(t._("Channels you administer: {example} in this private chat; {exclude} leaves out articles "
                      "mentioning a word.").format(example="/subscribe @channel 跨境电商 08:30",
                                                   exclude="/subscribe 直播电商 -阿联酋"))]
    lines += ["", t._("Inline: type {example} in any chat.").format(
        example=f"@{esc(context.bot.username)} {EXAMPLE_METRIC}")]
    return "\n".join(lines)


async def help_command(update: Update, context: BotContext) -> None:
    """The command list (admin commands for admins)."""
    await reply(update, context, help_text(context))


async def lang(update: Update, context: BotContext) -> None:
    """Language choice buttons."""
    t = context.i18n
    buttons = [InlineKeyboardButton(("✓ " if code == context.language else "") + LANGUAGE_NAMES[code],
                                    callback_data=f"lang|{code}") for code in SUPPORTED]
    await reply(update, context, t._("Choose your language:"), keyboard([buttons]))


async def lang_chosen(update: Update, context: BotContext) -> None:
    """Store the chosen language for the user (and their private chat) and confirm in it."""
    query = update.callback_query
    assert query is not None and query.data is not None and update.effective_user is not None
    code = query.data.split("|", 1)[1]
    if code not in SUPPORTED:
        await answer(update)
        return
    with context.session() as s:
        users.set_language(s, update.effective_user.id, code)
    context.language = code
    t = get_translator(code)
    await answer(update)
    await edit_or_reply(update, context, t._("Language set to English.") if code == "en"
                        else t._("Language set to Chinese."))


async def topics(update: Update, context: BotContext) -> None:
    """The curated topics, as buttons."""
    t = context.i18n
    lang_code = context.language
    lines = [t._("<b>Topics</b>")]
    for topic in load_topics():
        name = topic.name(lang_code)
        extra = f" ({esc(topic.key)})" if lang_code != "zh" else ""
        lines.append(f"• {esc(name)}{extra}")
    lines += ["", t._("Subscribe with {example}; any other word works as a custom topic.").format(
        example="/subscribe 跨境电商")]
    await reply(update, context, "\n".join(lines), keyboard(_topic_buttons(context)))


async def topic_chosen(update: Update, context: BotContext) -> None:
    """A topic button: a preview of what its digest holds now, and how to subscribe."""
    query = update.callback_query
    assert query is not None and query.data is not None
    key = query.data.split("|", 1)[1]
    t = context.i18n
    await answer(update)
    topic = resolve_topic(key)
    now = datetime.now(UTC)
    _ = context.language  # resolved here: the preview is built in a worker thread (matching must not hold the loop)

    def build() -> list[str]:
        with context.session() as s:
            return topic_preview_parts(context, Composer(s), topic, now - PREVIEW_WINDOW, now)

    preview = await asyncio.to_thread(build)
    blocks = [f"<b>{esc(topic.name(context.language))}</b>", *preview]
    blocks.append(t._("Subscribe: {command}").format(command=f"/subscribe {esc(key)}"))
    await reply(update, context, blocks)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command this bot does not have: say so and show the help."""
    t = context.i18n
    await reply(update, context, t._("I don't know that command.") + "\n\n" + help_text(context))
