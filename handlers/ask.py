"""Plain text: a message that is not a command gets an answer — figures when it names a metric, else matching
articles, else a short hint. In groups only when the bot is mentioned or the message replies to the bot."""

from __future__ import annotations

from telegram import InlineKeyboardButton, Message, MessageEntity, Update
from telegram.constants import ChatType

from bot.context import BotContext
from bot.render import esc
from bot.services.ask import understand
from handlers.common import chunk, keyboard, pack, reply, typing
from handlers.lookup import metric_page, search_page


def addressed_to_bot(message: Message, bot_id: int, username: str | None) -> bool:
    """Private chat: always. Groups: a mention of the bot (@name or a text mention) or a reply to its message."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    if message.reply_to_message is not None and message.reply_to_message.from_user is not None \
            and message.reply_to_message.from_user.id == bot_id:
        return True
    wanted = f"@{username}".lower() if username else None
    for entity, text in message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]).items():
        if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None and entity.user.id == bot_id:
            return True
        if wanted and text.lower() == wanted:
            return True
    return False


async def plain_text(update: Update, context: BotContext) -> None:
    """A question in words: `2023年上半年网上零售额是多少`, `跨境电商`, `live streaming`."""
    message = update.effective_message
    if message is None or not message.text or message.via_bot is not None:
        return
    if not addressed_to_bot(message, context.bot.id, context.bot.username):
        return
    t = context.i18n
    await typing(update, context)
    with context.session() as s:
        understood = understand(s, message.text)
    if understood.kind == "metric":
        text, markup = metric_page(context, understood.query, 1)
        if understood.period:
            text = esc(t._("No figures for {period}; every period instead:").format(period=understood.period)) \
                + "\n\n" + text
        await reply(update, context, text, markup)
        return
    if understood.kind == "search":
        text, markup = search_page(context, understood.query, 1)
        rows = [list(r) for r in markup.inline_keyboard] if markup is not None else []
        if understood.suggestions:  # figures of a metric close to the words: one tap away
            rows += chunk([InlineKeyboardButton(t._("Figures: {metric}").format(metric=name)[:60],
                                                callback_data=pack(context, "m", 1, name))
                           for name in understood.suggestions], 2)
        await reply(update, context, text, keyboard(rows))
        return
    lines = []
    if understood.query:
        shown = understood.query if len(understood.query) <= 40 else understood.query[:39] + "…"
        lines.append(t._("I found no figures or articles for “{query}”.").format(query=esc(shown)))
    buttons: list[InlineKeyboardButton] = []
    if understood.suggestions:
        lines.append(t._("Did you mean one of these?"))
        buttons = [InlineKeyboardButton(name, callback_data=pack(context, "m", 1, name))
                   for name in understood.suggestions]
    lines.append(t._("Ask for a figure or a subject, e.g. {metric} or {topic}; /help lists the commands.").format(
        metric="<code>2023年上半年网上零售额</code>", topic="<code>跨境电商</code>"))
    await reply(update, context, "\n".join(lines), keyboard(chunk(buttons, 2)))
