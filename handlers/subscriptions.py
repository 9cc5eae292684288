"""/subscribe, /unsubscribe, /subscriptions (with remove / change-time buttons) and /digest.

Private chats and groups alike; in groups only the chat's administrators may change subscriptions (checked with
getChatMember). Callback data: `sub|rm|<id>`, `sub|time|<id>`, `sub|set|<id>|<minute>`.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from telegram import Chat as TgChat
from telegram import ChatFullInfo, ChatMember, ChatMemberAdministrator, InlineKeyboardButton, Update
from telegram.error import BadRequest, Forbidden

from bot.context import BotContext
from bot.errors import N_, UserError
from bot.i18n import Translator
from bot.render import esc
from bot.render.digest import digest_parts
from bot.services import digest as digests
from bot.services import subscriptions as subs
from bot.services.subscriptions import Schedule, as_utc
from bot.services.topics import Topic, resolve_topic
from handlers.analyst import watch_section
from handlers.common import chunk, edit_or_reply, keyboard, reply

TIME_CHOICES = (7 * 60, 8 * 60, 9 * 60, 12 * 60, 18 * 60, 21 * 60)
PREVIEW_ITEMS = 10
_ADMIN_STATUSES = {ChatMember.ADMINISTRATOR, ChatMember.OWNER}
_WEEKDAY_MSGIDS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
                   N_("Sunday"))


def describe(t: Translator, schedule: Schedule) -> str:
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


def _chat_kind(chat: TgChat | ChatFullInfo) -> str:
    return chat.type if chat.type in ("private", "group", "supergroup", "channel") else "private"


# ---------------------------------------------------------------------------------------------- commands


@dataclass(frozen=True, slots=True)
class Target:
    """The chat a command acts on: this chat, or a channel/group named by @username or id."""

    chat_id: int
    kind: str
    title: str
    #: shown in replies when the target is not this chat ("@channel" or its title)
    label: str = ""


def _member_may_post(member: ChatMember, kind: str) -> bool:
    if member.status == ChatMember.OWNER:
        return True
    if member.status != ChatMember.ADMINISTRATOR:
        return False
    if kind == "channel":
        return bool(isinstance(member, ChatMemberAdministrator) and member.can_post_messages)
    return True


async def _channel_target(update: Update, context: BotContext, name: str) -> Target | None:
    """The channel (or group) `name` (@username or -100… id) when both this user and the bot may post there;
    otherwise replies with what is missing and returns None."""
    t = context.i18n
    user = update.effective_user
    assert user is not None
    chat_ref: str | int = int(name) if name.lstrip("-").isdigit() else name
    try:
        chat = await context.bot.get_chat(chat_ref)
        label = f"@{chat.username}" if chat.username else (chat.title or name)
        bot_member = await context.bot.get_chat_member(chat.id, context.bot.id)
    except (BadRequest, Forbidden):
        await reply(update, context, esc(t._(
            "I cannot see {channel}. Add this bot to it as an administrator allowed to post messages, then try "
            "again.").format(channel=name)))
        return None
    if chat.type not in (TgChat.CHANNEL, TgChat.GROUP, TgChat.SUPERGROUP):
        await reply(update, context, esc(t._("{channel} is not a channel or group.").format(channel=name)))
        return None
    try:
        user_member = await context.bot.get_chat_member(chat.id, user.id)
    except (BadRequest, Forbidden):
        user_member = None
    if user_member is None or not _member_may_post(user_member, chat.type):
        await reply(update, context, esc(t._(
            "Only administrators of {channel} who may post there can manage its digests.").format(channel=label)))
        return None
    if not _member_may_post(bot_member, chat.type) and not (
            chat.type != TgChat.CHANNEL and bot_member.status == ChatMember.MEMBER):
        await reply(update, context, esc(t._(
            "I may not post in {channel}: make this bot an administrator with the right to post messages, then try "
            "again.").format(channel=label)))
        return None
    return Target(chat.id, _chat_kind(chat), chat.title or "", label)


async def _target(update: Update, context: BotContext, name: str | None) -> Target | None:
    """This chat (its administrators only, in a group) or the channel `name`; None after replying why not."""
    chat = update.effective_chat
    assert chat is not None
    if name is not None:
        return await _channel_target(update, context, name)
    if not await _may_manage(update, context):
        await _refuse(update, context)
        return None
    return Target(chat.id, _chat_kind(chat), chat.title or "")


def _split_target(context: BotContext) -> tuple[str | None, list[str]]:
    """A leading @channel (or -100… id) argument, and the other arguments."""
    args = [a for a in (context.args or []) if a.strip()]
    if args and (args[0].startswith("@") or args[0].startswith("-100")):
        return args[0], args[1:]
    return None, args


def _for(t: Translator, target: Target, text: str) -> str:
    """Prefix a reply about another chat with its name."""
    return t._("{channel}: {text}").format(channel=target.label, text=text) if target.label else text


async def subscribe(update: Update, context: BotContext) -> None:
    """/subscribe [@channel] <topic> [-excluded words] [HH:MM] [daily|weekly <weekday>]."""
    t = context.i18n
    user = update.effective_user
    try:
        request = subs.parse_subscribe(context.args or [])
    except UserError as err:
        await reply(update, context, esc(err.localized(t)))
        return
    target = await _target(update, context, request.target)
    if target is None:
        return
    topic, schedule = request.topic, request.schedule
    tz = context.settings.bot_timezone
    with context.session() as s:
        sub = subs.subscribe(
            s, chat_id=target.chat_id, topic=topic, schedule=schedule, timezone=tz,
            created_by=user.id if user else None, chat_kind=target.kind, chat_title=target.title,
            language=context.language, exclude=request.exclude,
        )
        key, custom, next_due = sub.topic, sub.is_custom, sub.next_due_at
        excluded = subs.split_excludes(sub.exclude)
        paused = subs.is_paused(s, target.chat_id)
    lines = [_for(t, target, t._("Subscribed to {topic}: {schedule} ({timezone}).").format(
        topic=f"<b>{esc(topic_name(t, key))}</b>", schedule=esc(describe(t, schedule)), timezone=esc(tz)))]
    if custom:
        lines.append(esc(t._("Custom topic: articles whose title or text contains “{keyword}”.").format(keyword=key)))
    if excluded:
        lines.append(esc(t._("Leaving out articles that mention {words}.").format(
            words=t.join(excluded, style="or"))))
    if paused:
        lines.append(esc(t._("Digests here are paused: send /resume to receive them.")))
    else:
        lines.append(esc(t._("Next digest: {when}. It lists the articles added from now on.").format(
            when=when(t, next_due, tz))))
    await reply(update, context, "\n".join(lines))


async def unsubscribe(update: Update, context: BotContext) -> None:
    """/unsubscribe [@channel] <topic>."""
    t = context.i18n
    name, args = _split_target(context)
    topic = " ".join(args).strip()
    if not topic:
        await reply(update, context, esc(t._("Usage: /unsubscribe <topic> — see /subscriptions for yours.")))
        return
    target = await _target(update, context, name)
    if target is None:
        return
    with context.session() as s:
        sub = subs.unsubscribe(s, chat_id=target.chat_id, topic=topic)
        key = sub.topic if sub else resolve_topic(topic).key
    if sub is None:
        await reply(update, context, esc(_for(t, target, t._("No subscription to {topic} here.").format(
            topic=topic_name(t, key)))))
        return
    await reply(update, context, esc(_for(t, target, t._("Unsubscribed from {topic}.").format(
        topic=topic_name(t, key)))))


async def _only_target(update: Update, context: BotContext, usage: str) -> Target | None:
    """The target of a command that takes nothing but an optional @channel; None after replying `usage` (other
    arguments) or why not (see `_target`)."""
    name, rest = _split_target(context)
    if rest:
        await reply(update, context, esc(usage))
        return None
    return await _target(update, context, name)


async def pause(update: Update, context: BotContext) -> None:
    """/pause [@channel]: no digests for any of the chat's subscriptions until /resume."""
    t = context.i18n
    target = await _only_target(update, context, t._("Usage: /pause, or /pause @channel for a channel you administer."))
    if target is None:
        return
    with context.session() as s:
        count = subs.pause(s, target.chat_id)
    if count is None:
        text = t._("Digests here are already paused. /resume starts them again.")
    else:
        text = t.ngettext("Paused {count} subscription. /resume starts it again; nothing is lost meanwhile.",
                          "Paused {count} subscriptions. /resume starts them again; nothing is lost meanwhile.",
                          count).format(count=t.number(count))
    await reply(update, context, esc(_for(t, target, text)))


async def resume(update: Update, context: BotContext) -> None:
    """/resume [@channel]: digests again, the next one covering what arrived while paused."""
    t = context.i18n
    target = await _only_target(update, context, t._("Usage: /resume, or /resume @channel for a channel you administer."))
    if target is None:
        return
    with context.session() as s:
        resumed = subs.resume(s, target.chat_id)
        first = min((x.next_due_at for x in resumed or []), default=None)
        tz = resumed[0].timezone if resumed else context.settings.bot_timezone
    if resumed is None:
        text = t._("Digests here are not paused.")
    else:
        text = t.ngettext("Resumed {count} subscription.", "Resumed {count} subscriptions.",
                          len(resumed)).format(count=t.number(len(resumed)))
        if first is not None:
            text += ("" if t.language == "zh" else " ") + t._(
                "Next digest: {when}; it includes the articles added while paused.").format(
                when=when(t, first, tz))
    await reply(update, context, esc(_for(t, target, text)))


def _list_text_and_buttons(context: BotContext, chat_id: int,
                           label: str = "") -> tuple[str, list[list[InlineKeyboardButton]]]:
    t = context.i18n
    with context.session() as s:
        rows = [(x.id, x.topic, Schedule.of(x), x.next_due_at, x.timezone, subs.split_excludes(x.exclude))
                for x in subs.list_subscriptions(s, chat_id)]
        paused = subs.is_paused(s, chat_id)
    watches, watch_buttons = watch_section(context, chat_id)  # metric alerts (/watch)
    if not rows:
        if watches:
            return watches, watch_buttons
        empty = t._("No subscriptions yet. Try /subscribe 跨境电商 or see /topics.")
        return esc(t._("{channel}: {text}").format(channel=label, text=empty) if label else empty), []
    title = t._("Subscriptions") + (f" · {label}" if label else "")
    lines = [f"<b>{esc(title)}</b>"]
    if paused:
        lines.append(esc(t._("Paused: no digests until /resume.")))
    buttons = []
    for sid, key, schedule, next_due, tz, exclude in rows:
        name = topic_name(t, key)
        line = f"• <b>{esc(name)}</b> — {esc(describe(t, schedule))}"
        if not paused:
            line += "; " + esc(t._("next: {when}").format(when=when(t, next_due, tz)))
        if exclude:
            line += "; " + esc(t._("without: {words}").format(words=t.join(exclude, style="or")))
        lines.append(line)
        buttons.append([
            InlineKeyboardButton(t._("Remove {topic}").format(topic=name)[:60], callback_data=f"sub|rm|{sid}"),
            InlineKeyboardButton(t._("Change time"), callback_data=f"sub|time|{sid}"),
        ])
    if watches:
        return "\n".join(lines) + "\n\n" + watches, buttons + watch_buttons
    return "\n".join(lines), buttons


async def list_subscriptions(update: Update, context: BotContext) -> None:
    """/subscriptions [@channel]: each with buttons to remove it or change its time (this chat's only)."""
    chat = update.effective_chat
    assert chat is not None
    name, _rest = _split_target(context)
    if name is not None:
        target = await _channel_target(update, context, name)
        if target is None:
            return
        text, _buttons = _list_text_and_buttons(context, target.chat_id, target.label)
        await reply(update, context, text)
        return
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
    exclude_words: tuple[str, ...] = (),
) -> list[str]:
    """HTML parts previewing `topic`'s newest matching articles in (since, now], or a one-line 'nothing new'."""
    d = composer.compose(topic, since, max(since, now), exclude=exclude, exclude_words=exclude_words)
    d.items = d.items[:PREVIEW_ITEMS]
    if d:
        return digest_parts(d, context.language)
    return [esc(context.i18n._("No new articles for {topic}.").format(topic=topic.name(context.i18n.language)))]


def _digest_preview(context: BotContext, chat_id: int, wanted: str, now: datetime) -> list[str]:
    """/digest's parts (runs in a worker thread): `wanted` topic's newest articles — since the chat's last digest of
    it when subscribed, else over `PREVIEW_WINDOW` — or, without a topic, every subscription's next digest."""
    t = context.i18n
    parts: list[str] = []
    with context.session() as s:
        composer = digests.Composer(s)
        if wanted:
            topic = resolve_topic(wanted)
            sub = subs.get_by_topic(s, chat_id, topic.key)
            mine_too = sub is not None and sub.active
            since = as_utc(sub.covered_until) if sub is not None and mine_too else now - digests.PREVIEW_WINDOW
            exclude = digests.parse_ids(sub.recent_ids) if sub is not None and mine_too else frozenset()
            words = subs.split_excludes(sub.exclude) if sub is not None and mine_too else ()
            parts = topic_preview_parts(context, composer, topic, since, now, exclude, words)
        else:
            mine = subs.list_subscriptions(s, chat_id)
            if not mine:
                parts = [esc(t._("No subscriptions yet. Try /subscribe 跨境电商 or see /topics."))]
            for sub in mine:
                d = digests.upcoming(composer, sub, now)  # the tick's window: preview and digest agree
                if d:
                    parts += digest_parts(d, context.language)
            if mine and not parts:
                parts = [esc(t._("Nothing new since your last digest. /digest <topic> shows a topic's newest "
                                 "articles."))]
    return parts


async def digest(update: Update, context: BotContext) -> None:
    """/digest [@channel] [topic]: what the next digest holds right now (or the newest articles of a topic)."""
    chat = update.effective_chat
    assert chat is not None
    name, args = _split_target(context)
    chat_id = chat.id
    if name is not None:  # a channel's next digest, for its administrators
        target = await _channel_target(update, context, name)
        if target is None:
            return
        chat_id = target.chat_id
    wanted = " ".join(args).strip()
    _ = context.language  # resolved here: the digests are composed in a worker thread (matching must not hold the loop)
    parts = await asyncio.to_thread(_digest_preview, context, chat_id, wanted, datetime.now(UTC))
    await reply(update, context, parts)
