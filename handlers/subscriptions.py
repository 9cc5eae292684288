"""/subscribe, /unsubscribe, /subscriptions (with remove / change-time buttons) and /digest.

Private chats and groups alike; in groups only the chat's administrators may change subscriptions (checked with
getChatMember). Callback data: `sub|rm|<id>`, `sub|time|<id>`, `sub|set|<id>|<minute>`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Chat as TgChat
from telegram import ChatMember, InlineKeyboardButton, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.db.models import Subscription
from bot.errors import N_, UserError
from bot.i18n import Translator
from bot.render import esc
from bot.render_digest import digest_parts
from bot.services import digest as digests
from bot.services import subscriptions as subs
from bot.services.subscriptions import Schedule, as_utc
from bot.services.topics import Topic, resolve_topic
from handlers.analyst import watch_section
from handlers.common import args_text, chunk, edit_or_reply, keyboard, reply

COMMANDS: list[tuple[str, str]] = [
    ("subscribe", N_("Daily digest of a topic: /subscribe 跨境电商 [08:00]")),
    ("subscriptions", N_("Your subscriptions")),
    ("unsubscribe", N_("Stop a digest: /unsubscribe 跨境电商")),
    ("digest", N_("Preview your digest now")),
]

TIME_CHOICES = (7 * 60, 8 * 60, 9 * 60, 12 * 60, 18 * 60, 21 * 60)
PREVIEW_ITEMS = 10
_ADMIN_STATUSES = {ChatMember.ADMINISTRATOR, ChatMember.OWNER}
_WEEKDAY_MSGIDS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
                   N_("Sunday"))


def describe(t: Translator, sub: Subscription | Schedule) -> str:
    schedule = Schedule.of(sub) if isinstance(sub, Subscription) else sub
    if schedule.frequency == "weekly" and schedule.weekday is not None:
        return t._("weekly on {weekday} at {time}").format(weekday=t._(_WEEKDAY_MSGIDS[schedule.weekday]),
                                                           time=schedule.hhmm)
    return t._("daily at {time}").format(time=schedule.hhmm)


def when(t: Translator, moment: datetime, tz: str) -> str:
    local = as_utc(moment).astimezone(ZoneInfo(tz))
    return f"{t.date(local.date())} {local:%H:%M}"


def topic_name(t: Translator, key: str) -> str:
    return resolve_topic(key).name(t.language)


async def _may_manage(update: Update, context: BotContext) -> bool:
    """Private chats: yes. Groups: only the chat's administrators (asked from Telegram, not cached)."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return False
    if chat.type == TgChat.PRIVATE:
        return True
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in _ADMIN_STATUSES


async def _refuse(update: Update, context: BotContext) -> None:
    t = context.i18n
    text = t._("Only this group's administrators can change its subscriptions.")
    if update.callback_query is not None:
        await update.callback_query.answer(text, show_alert=True)
    else:
        await reply(update, context, esc(text))


def _chat_kind(chat: TgChat) -> str:
    return chat.type if chat.type in ("private", "group", "supergroup", "channel") else "private"


# ---------------------------------------------------------------------------------------------- commands


async def subscribe(update: Update, context: BotContext) -> None:
    """/subscribe <topic> [HH:MM] [daily|weekly <weekday>]."""
    t = context.i18n
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None
    try:
        topic, schedule = subs.parse_subscribe_args(context.args or [])
    except UserError as err:
        await reply(update, context, esc(err.localized(t)))
        return
    if not await _may_manage(update, context):
        await _refuse(update, context)
        return
    tz = context.settings.bot_timezone
    with context.session() as s:
        sub = subs.subscribe(
            s, chat_id=chat.id, topic=topic, schedule=schedule, timezone=tz,
            created_by=user.id if user else None, chat_kind=_chat_kind(chat), chat_title=chat.title or "",
            language=context.language,
        )
        key, custom, next_due = sub.topic, sub.is_custom, sub.next_due_at
    lines = [t._("Subscribed to {topic}: {schedule} ({timezone}).").format(
        topic=f"<b>{esc(topic_name(t, key))}</b>", schedule=esc(describe(t, schedule)), timezone=esc(tz))]
    if custom:
        lines.append(esc(t._("Custom topic: articles whose title or text contains “{keyword}”.").format(keyword=key)))
    lines.append(esc(t._("Next digest: {when}. It lists the articles added from now on.").format(
        when=when(t, next_due, tz))))
    await reply(update, context, "\n".join(lines))


async def unsubscribe(update: Update, context: BotContext) -> None:
    """/unsubscribe <topic>."""
    t = context.i18n
    chat = update.effective_chat
    assert chat is not None
    topic = args_text(context)
    if not topic:
        await reply(update, context, esc(t._("Usage: /unsubscribe <topic> — see /subscriptions for yours.")))
        return
    if not await _may_manage(update, context):
        await _refuse(update, context)
        return
    with context.session() as s:
        sub = subs.unsubscribe(s, chat_id=chat.id, topic=topic)
        key = sub.topic if sub else resolve_topic(topic).key
    if sub is None:
        await reply(update, context, esc(t._("No subscription to {topic} here.").format(topic=topic_name(t, key))))
        return
    await reply(update, context, esc(t._("Unsubscribed from {topic}.").format(topic=topic_name(t, key))))


def _list_text_and_buttons(context: BotContext, chat_id: int) -> tuple[str, list[list[InlineKeyboardButton]]]:
    t = context.i18n
    with context.session() as s:
        rows = [(x.id, x.topic, Schedule.of(x), x.next_due_at, x.timezone)
                for x in subs.list_subscriptions(s, chat_id)]
    watches, watch_buttons = watch_section(context, chat_id)  # metric alerts (/watch)
    if not rows:
        if watches:
            return watches, watch_buttons
        return esc(t._("No subscriptions yet. Try /subscribe 跨境电商 or see /topics.")), []
    title = t._("Subscriptions")
    lines = [f"<b>{esc(title)}</b>"]
    buttons = []
    for sid, key, schedule, next_due, tz in rows:
        name = topic_name(t, key)
        lines.append(f"• <b>{esc(name)}</b> — {esc(describe(t, schedule))}; "
                     + esc(t._("next: {when}").format(when=when(t, next_due, tz))))
        buttons.append([
            InlineKeyboardButton(t._("Remove {topic}").format(topic=name)[:60], callback_data=f"sub|rm|{sid}"),
            InlineKeyboardButton(t._("Change time"), callback_data=f"sub|time|{sid}"),
        ])
    if watches:
        return "\n".join(lines) + "\n\n" + watches, buttons + watch_buttons
    return "\n".join(lines), buttons


async def list_subscriptions(update: Update, context: BotContext) -> None:
    """/subscriptions: each with buttons to remove it or change its time."""
    chat = update.effective_chat
    assert chat is not None
    text, buttons = _list_text_and_buttons(context, chat.id)
    await reply(update, context, text, keyboard(buttons))


async def button(update: Update, context: BotContext) -> None:
    """`sub|rm|id`, `sub|time|id`, `sub|set|id|minute`."""
    query = update.callback_query
    chat = update.effective_chat
    assert query is not None and query.data is not None and chat is not None
    t = context.i18n
    parts = query.data.split("|")
    if len(parts) < 3 or not parts[2].isdigit():
        await query.answer()
        return
    if not await _may_manage(update, context):
        await _refuse(update, context)
        return
    action, sid = parts[1], int(parts[2])
    if action == "time":
        with context.session() as s:
            sub = subs.get_subscription(s, chat_id=chat.id, subscription_id=sid)
            name = topic_name(t, sub.topic) if sub else None
        await query.answer()
        if name is None:
            text, buttons = _list_text_and_buttons(context, chat.id)
            await edit_or_reply(update, context, text, keyboard(buttons))
            return
        choices = [InlineKeyboardButton(f"{m // 60:02d}:{m % 60:02d}", callback_data=f"sub|set|{sid}|{m}")
                   for m in TIME_CHOICES]
        text = esc(t._("New time for {topic}? Or send /subscribe {topic} HH:MM.").format(topic=name))
        await edit_or_reply(update, context, text, keyboard(chunk(choices, 3)))
        return
    with context.session() as s:
        if action == "rm":
            done = subs.unsubscribe_id(s, chat_id=chat.id, subscription_id=sid) is not None
        elif action == "set" and len(parts) == 4 and parts[3].isdigit() and int(parts[3]) < 24 * 60:
            current = subs.get_subscription(s, chat_id=chat.id, subscription_id=sid)
            schedule = Schedule(int(parts[3]), current.frequency, current.weekday) if current else Schedule()
            done = subs.change_schedule(s, chat_id=chat.id, subscription_id=sid, schedule=schedule) is not None
        else:
            done = False
    await query.answer(t._("Done.") if done else t._("That subscription no longer exists."))
    text, buttons = _list_text_and_buttons(context, chat.id)
    await edit_or_reply(update, context, text, keyboard(buttons))


def topic_preview_parts(
    context: BotContext, composer: digests.Composer, topic: Topic, since: datetime, now: datetime,
    exclude: frozenset[int] = frozenset(),
) -> list[str]:
    """HTML parts previewing `topic`'s newest matching articles in (since, now], or a one-line 'nothing new'."""
    d = composer.compose(topic, since, max(since, now), exclude=exclude)
    d.items = d.items[:PREVIEW_ITEMS]
    if d:
        return digest_parts(d, context.language)
    return [esc(context.i18n._("No new articles for {topic}.").format(topic=topic.name(context.i18n.language)))]


async def digest(update: Update, context: BotContext) -> None:
    """/digest [topic]: what the next digest holds right now (or the newest articles of a topic)."""
    t = context.i18n
    chat = update.effective_chat
    assert chat is not None
    wanted = args_text(context)
    now = datetime.now(UTC)
    parts: list[str] = []
    with context.session() as s:
        composer = digests.Composer(s)
        if wanted:
            topic = resolve_topic(wanted)
            sub = subs.get_by_topic(s, chat.id, topic.key)
            mine_too = sub is not None and sub.active
            since = as_utc(sub.covered_until) if sub is not None and mine_too else now - timedelta(days=3650)
            exclude = digests.parse_ids(sub.recent_ids) if sub is not None and mine_too else frozenset()
            parts = topic_preview_parts(context, composer, topic, since, now, exclude)
        else:
            mine = subs.list_subscriptions(s, chat.id)
            if not mine:
                parts = [esc(t._("No subscriptions yet. Try /subscribe 跨境电商 or see /topics."))]
            for sub in mine:
                d = digests.upcoming(composer, sub, now)  # the tick's window: preview and digest agree
                if d:
                    parts += digest_parts(d, context.language)
            if mine and not parts:
                parts = [esc(t._("Nothing new since your last digest. /digest <topic> shows a topic's newest "
                                 "articles."))]
    await reply(update, context, parts)


def register(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add the subscription handlers to `app`."""
    app.add_handler(CommandHandler("subscribe", subscribe))
    app.add_handler(CommandHandler("unsubscribe", unsubscribe))
    app.add_handler(CommandHandler("subscriptions", list_subscriptions))
    app.add_handler(CommandHandler("digest", digest))
    app.add_handler(CallbackQueryHandler(button, pattern=r"^sub\|"))
