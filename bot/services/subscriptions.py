"""Subscriptions: who gets which topic when, and the schedule arithmetic.

A subscription is daily (``minute_of_day`` local time) or weekly (plus ``weekday``, 0 = Monday) in its own time
zone (default ``settings.bot_timezone``). ``next_slot`` turns that into the next due instant in aware UTC; it is
DST-safe (a wall time that does not exist is taken in the offset before the change, an ambiguous one at its first
occurrence, so a day never fires twice) and only ever moves forward. The tick (``bot.services.outbox``) selects on
``next_due_at``; nothing here talks to Telegram.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select, update

from bot.db.models import Chat, Delivery, Subscription, Watch, utcnow
from bot.errors import N_, UserError
from bot.services.topics import MAX_TOPIC_LENGTH, resolve_topic

DEFAULT_MINUTE = 8 * 60

USAGE = N_(
    "Usage: /subscribe <topic> [HH:MM] [daily|weekly <weekday>]\n"
    "Examples: /subscribe 跨境电商 · /subscribe 直播电商 20:30 · /subscribe 海外市场 09:00 weekly mon\n"
    "A topic from /topics, or any word or phrase as a keyword."
)

_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")
_TIMEISH_RE = re.compile(r"^\d{1,2}[:：]\d{1,2}$")  # looks like a time (maybe invalid): starts the schedule

_WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("mon", "monday", "周一", "星期一", "礼拜一"),
        ("tue", "tuesday", "tues", "周二", "星期二", "礼拜二"),
        ("wed", "wednesday", "周三", "星期三", "礼拜三"),
        ("thu", "thursday", "thur", "thurs", "周四", "星期四", "礼拜四"),
        ("fri", "friday", "周五", "星期五", "礼拜五"),
        ("sat", "saturday", "周六", "星期六", "礼拜六"),
        ("sun", "sunday", "周日", "周天", "星期日", "星期天", "礼拜日", "礼拜天"),
    ]
):
    for _n in _names:
        _WEEKDAYS[_n] = _i
    _WEEKDAYS[str(_i + 1)] = _i  # ISO numbering 1 = Monday … 7 = Sunday

_DAILY = {"daily", "everyday", "每天", "每日"}
_WEEKLY = {"weekly", "每周", "每星期"}


@dataclass(frozen=True, slots=True)
class Schedule:
    minute_of_day: int = DEFAULT_MINUTE
    frequency: str = "daily"  # daily | weekly
    weekday: int | None = None  # 0 = Monday, weekly only

    def __post_init__(self) -> None:
        if not 0 <= self.minute_of_day < 24 * 60:
            raise ValueError("minute_of_day out of range")
        if self.frequency not in ("daily", "weekly"):
            raise ValueError("frequency must be daily or weekly")
        if (self.frequency == "weekly") != (self.weekday is not None):
            raise ValueError("weekday is required for weekly and only for weekly")

    @property
    def hhmm(self) -> str:
        return f"{self.minute_of_day // 60:02d}:{self.minute_of_day % 60:02d}"

    @classmethod
    def of(cls, sub: Subscription) -> Schedule:
        return cls(sub.minute_of_day, sub.frequency, sub.weekday if sub.frequency == "weekly" else None)


def parse_weekday(word: str) -> int | None:
    return _WEEKDAYS.get(word.strip().lower())


def parse_time(word: str) -> int | None:
    """`HH:MM` (full-width colon accepted) → minutes after midnight, or None."""
    m = _TIME_RE.match(word.strip())
    return int(m.group(1)) * 60 + int(m.group(2)) if m else None


def parse_schedule_words(words: Sequence[str]) -> Schedule:
    """`[HH:MM] [daily|weekly <weekday>]` in any order; raises UserError(USAGE) on anything else."""
    minute: int | None = None
    frequency: str | None = None
    weekday: int | None = None
    i = 0
    words = [w for w in words if w.strip()]
    while i < len(words):
        w = words[i].strip().lower()
        if (t := parse_time(w)) is not None and minute is None:
            minute = t
        elif w in _DAILY and frequency is None:
            frequency = "daily"
        elif w in _WEEKLY and frequency is None:
            frequency = "weekly"
            if i + 1 < len(words) and (wd := parse_weekday(words[i + 1])) is not None:
                weekday = wd
                i += 1
            else:
                raise UserError(USAGE)
        elif (wd := parse_weekday(w)) is not None and weekday is None and not w.isdigit():
            # "周一" / "monday" alone means weekly on that day
            frequency, weekday = "weekly", wd
        else:
            raise UserError(USAGE)
        i += 1
    if frequency == "weekly" and weekday is None:
        raise UserError(USAGE)
    return Schedule(minute if minute is not None else DEFAULT_MINUTE, frequency or "daily", weekday)


def _is_schedule_word(word: str) -> bool:
    w = word.strip().lower()
    return (
        _TIMEISH_RE.match(w) is not None
        or w in _DAILY
        or w in _WEEKLY
        or (parse_weekday(w) is not None and not w.isdigit())
        or looks_like_time(w)
    )


BAD_TIME = N_("“{word}” is not a valid time: hours run from 00 to 23 and minutes from 00 to 59. "
              "Example: /subscribe {topic} {example}")
UNREADABLE_TIME = N_("“{word}” is not a time I can read: write it as HH:MM on the 24-hour clock. "
                     "Example: /subscribe {topic} {example}")
BAD_EXCLUDE = N_("Write the words to leave out after a minus sign, e.g. /subscribe {topic} -阿联酋 "
                 "(at most {max} words).")
BAD_TARGET = N_("“{target}” is not a channel: write its public username (@name) or its numeric id (-100…).")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_CN_NUMBER = r"[零〇一二两三四五六七八九十\d]{1,3}"
#: a time of day in words: 明早八点, 晚上9点半, 下午3时15分, 早上, 今晚 (read as a schedule, never as the topic)
_CN_TIME_RE = re.compile(
    r"^(?:每天|每日|今天|明天|后天|今|明|后)?(?P<part>早上|早晨|早|上午|中午|下午|傍晚|晚上|晚|夜里|夜间|凌晨)?"
    r"(?:(?P<hour>" + _CN_NUMBER + r")[点點时時](?:(?P<half>半)|(?P<minute>" + _CN_NUMBER + r")分?|整|钟)?)?$"
)
_EN_TIME_RE = re.compile(r"^(?P<hour>\d{1,2})(?:[:.：](?P<minute>\d{1,2}))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)$|"
                         r"^(?:noon|midnight|tonight|tomorrow|morning|evening)$")
_DOTTED_TIME_RE = re.compile(r"^\d{1,2}[.．]\d{2}$")
_CHANNEL_RE = re.compile(r"^@[A-Za-z][A-Za-z0-9_]{3,31}$|^-100\d{5,15}$")
_EXCLUDE_PREFIXES = ("-", "－", "—")
MAX_EXCLUDES = 10
MAX_EXCLUDE_LENGTH = 30


def _cn_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, 1) if tens else 1
        o = _CN_DIGITS.get(ones, 0) if ones else 0
        return t * 10 + o
    if len(text) == 1 and text in _CN_DIGITS:
        return _CN_DIGITS[text]
    return None


def looks_like_time(word: str) -> bool:
    """A time written some other way than HH:MM (`明早八点`, `8pm`, `8.30`): meant as the schedule."""
    w = word.strip().lower()
    if not w:
        return False
    m = _CN_TIME_RE.match(w)
    if m and (m.group("part") or m.group("hour")):
        return True
    return _EN_TIME_RE.match(w) is not None or _DOTTED_TIME_RE.match(w) is not None


def suggest_time(word: str) -> str:
    """The HH:MM a time in words most likely means (`明早八点` → 08:00, `晚上9点半` → 21:30); 08:00 when unknown."""
    w = word.strip().lower()
    hour: int | None = None
    minute = 0
    part = ""
    if (m := _CN_TIME_RE.match(w)) and m.group("hour"):
        hour = _cn_number(m.group("hour"))
        part = m.group("part") or ""
        if m.group("half"):
            minute = 30
        elif m.group("minute"):
            minute = _cn_number(m.group("minute")) or 0
        if hour is not None and part in ("下午", "傍晚", "晚上", "晚", "夜里", "夜间") and hour < 12:
            hour += 12
        elif hour is not None and part == "中午" and hour < 6:
            hour += 12
    elif (m := _EN_TIME_RE.match(w)) and m.group("hour"):
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        ampm = (m.group("ampm") or "").replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    elif (m := re.match(r"^(\d{1,2})[.．:：](\d{1,2})$", w)):
        hour, minute = int(m.group(1)), int(m.group(2))
    if hour is None or not 0 <= hour <= 23 or not 0 <= minute <= 59:
        return "08:00"
    return f"{hour:02d}:{minute:02d}"


@dataclass(frozen=True, slots=True)
class SubscribeRequest:
    """What `/subscribe [@channel] <topic words…> [-excluded …] [HH:MM] [daily|weekly <weekday>]` asks for."""

    topic: str
    schedule: Schedule
    exclude: tuple[str, ...] = ()
    #: a channel named by @username or -100… id, when the subscription is for it rather than this chat
    target: str | None = None


def parse_target(word: str) -> str | None:
    """`@channel` or `-100…` → the target as Telegram takes it (username with @, or the id as text)."""
    w = word.strip()
    return w if _CHANNEL_RE.match(w) else None


def parse_subscribe(args: Sequence[str], *, allow_target: bool = True) -> SubscribeRequest:
    """Parse `/subscribe` arguments. Raises UserError with what is wrong (a bad time, a time in words, …)."""
    words = [a.strip() for a in args if a.strip()]
    target: str | None = None
    if allow_target and words and (words[0].startswith("@") or words[0].startswith("-100")):
        target = parse_target(words[0])
        if target is None:
            raise UserError(BAD_TARGET, target=words[0])
        words = words[1:]
    exclude: list[str] = []
    rest: list[str] = []
    for w in words:
        if w.startswith(_EXCLUDE_PREFIXES) and not _TIMEISH_RE.match(w):
            word = w.lstrip("".join(_EXCLUDE_PREFIXES)).strip()
            if not word or len(word) > MAX_EXCLUDE_LENGTH:
                raise UserError(BAD_EXCLUDE, topic=" ".join(rest) or "直播电商", max=MAX_EXCLUDES)
            if word.casefold() not in (e.casefold() for e in exclude):
                exclude.append(word)
        else:
            rest.append(w)
    if len(exclude) > MAX_EXCLUDES:
        raise UserError(BAD_EXCLUDE, topic=" ".join(rest) or "直播电商", max=MAX_EXCLUDES)
    cut = next((i for i, w in enumerate(rest) if _is_schedule_word(w)), len(rest))
    topic = " ".join(rest[:cut]).strip()
    if not topic or len(topic) > MAX_TOPIC_LENGTH:
        raise UserError(USAGE)
    for w in rest[cut:]:
        lw = w.lower()
        if _TIMEISH_RE.match(lw) and parse_time(lw) is None:
            raise UserError(BAD_TIME, word=w, topic=topic, example="08:30")
        if looks_like_time(lw) and parse_time(lw) is None:
            raise UserError(UNREADABLE_TIME, word=w, topic=topic, example=suggest_time(lw))
    return SubscribeRequest(topic, parse_schedule_words(rest[cut:]), tuple(exclude), target)


def parse_subscribe_args(args: Sequence[str]) -> tuple[str, Schedule]:
    """`/subscribe <topic words…> [HH:MM] [daily|weekly <weekday>]` → (topic, schedule). Raises UserError."""
    request = parse_subscribe(args, allow_target=False)
    return request.topic, request.schedule


# --------------------------------------------------------------------------------------------------- schedule math


def next_slot(
    after: datetime,
    *,
    minute_of_day: int,
    timezone: str | ZoneInfo,
    frequency: str = "daily",
    weekday: int | None = None,
) -> datetime:
    """The first scheduled instant strictly after `after` (aware), as aware UTC."""
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    zone = timezone if isinstance(timezone, ZoneInfo) else ZoneInfo(timezone)
    hour, minute = divmod(minute_of_day, 60)
    start: date = after.astimezone(zone).date() - timedelta(days=1)
    for i in range(0, 10):
        day = start + timedelta(days=i)
        if frequency == "weekly" and day.weekday() != weekday:
            continue
        # fold=0: an ambiguous wall time is its first occurrence; a non-existent one (spring forward) is read with
        # the offset before the change, i.e. it lands just after the gap. Either way one instant per local day.
        local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        slot = local.astimezone(UTC)
        if slot > after:
            return slot
    raise AssertionError("unreachable: a slot exists within 8 days")  # pragma: no cover


def next_slot_for(sub: Subscription, after: datetime) -> datetime:
    return next_slot(
        after, minute_of_day=sub.minute_of_day, timezone=sub.timezone, frequency=sub.frequency, weekday=sub.weekday
    )


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes for aware columns; every stored datetime is UTC."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# --------------------------------------------------------------------------------------------------- CRUD


def ensure_chat(
    session: Session, chat_id: int, *, kind: str = "private", title: str = "", language: str | None = None
) -> Chat:
    """The chat row (created if new, re-activated if it had blocked the bot and now talks to us again)."""
    chat = session.get(Chat, chat_id)
    if chat is None:
        chat = Chat(id=chat_id, kind=kind, title=title[:300], language=language)
        session.add(chat)
    else:
        if not chat.active:
            chat.active = True
            chat.deactivated_reason = None
        if title:
            chat.title = title[:300]
        if kind:
            chat.kind = kind
        if language:
            chat.language = language
    session.flush()
    return chat


def get_by_topic(session: Session, chat_id: int, topic: str) -> Subscription | None:
    return session.exec(
        select(Subscription).where(Subscription.chat_id == chat_id, Subscription.topic == topic)
    ).first()


def subscribe(
    session: Session,
    *,
    chat_id: int,
    topic: str,
    schedule: Schedule | None = None,
    timezone: str = "Asia/Shanghai",
    created_by: int | None = None,
    chat_kind: str = "private",
    chat_title: str = "",
    language: str | None = None,
    now: datetime | None = None,
    exclude: Sequence[str] = (),
) -> Subscription:
    """Create (or re-activate, or re-time) the chat's subscription to `topic`. A new or re-activated subscription
    covers articles ingested from now on. Words in `exclude` replace those the digest leaves out; none given keeps
    an active subscription's words (re-timing does not lose them). Does not commit."""
    now = now or utcnow()
    schedule = schedule or Schedule()
    resolved = resolve_topic(topic)
    ensure_chat(session, chat_id, kind=chat_kind, title=chat_title, language=language)
    sub = get_by_topic(session, chat_id, resolved.key)
    if sub is None:
        sub = Subscription(
            chat_id=chat_id, topic=resolved.key, is_custom=resolved.custom, created_by=created_by, created_at=now,
            covered_until=now, timezone=timezone, next_due_at=now,
        )
        session.add(sub)
    elif not sub.active:
        sub.exclude = ""
        sub.active = True
        sub.covered_until = now
        sub.recent_ids = None
        sub.followup_until = None
        sub.created_by = created_by or sub.created_by
        sub.timezone = timezone
    sub.minute_of_day = schedule.minute_of_day
    sub.frequency = schedule.frequency
    sub.weekday = schedule.weekday
    if exclude:
        sub.exclude = join_excludes(exclude)
    sub.next_due_at = next_slot_for(sub, now)
    session.flush()
    return sub


def join_excludes(words: Sequence[str]) -> str:
    return " ".join(w.strip() for w in words if w.strip())


def split_excludes(text: str | None) -> tuple[str, ...]:
    return tuple(w for w in (text or "").split(" ") if w)


def is_paused(session: Session, chat_id: int) -> bool:
    chat = session.get(Chat, chat_id)
    return bool(chat is not None and chat.paused)


#: unsent messages of a paused chat wait until this instant (any sender honours `next_attempt_at`); /resume puts
#: them back to now, so nothing composed before the pause is lost or sent while paused
PAUSED_UNTIL = datetime(2999, 1, 1, tzinfo=UTC)


def pause(session: Session, chat_id: int) -> int | None:
    """Stop every digest of the chat until `resume`: the tick skips the chat and its unsent messages are held.
    Returns the number of active subscriptions, or None when the chat was already paused."""
    chat = session.get(Chat, chat_id)
    if chat is not None and chat.paused:
        return None
    chat = chat or ensure_chat(session, chat_id)
    chat.paused = True
    session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.chat_id) == chat_id, col(Delivery.status) == "pending")
        .values(next_attempt_at=PAUSED_UNTIL)
    )
    session.flush()
    return len(list_subscriptions(session, chat_id))


def resume(session: Session, chat_id: int, *, now: datetime | None = None) -> list[Subscription] | None:
    """Send digests again. Each subscription's next digest is its next slot from now and covers what arrived while
    paused (its window was kept). None when the chat was not paused."""
    chat = session.get(Chat, chat_id)
    if chat is None or not chat.paused:
        return None
    chat.paused = False
    now = now or utcnow()
    session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(col(Delivery.chat_id) == chat_id, col(Delivery.status) == "pending",
               col(Delivery.next_attempt_at) >= PAUSED_UNTIL)
        .values(next_attempt_at=now)
    )
    subs = list_subscriptions(session, chat_id)
    for sub in subs:
        sub.next_due_at = next_slot_for(sub, now)
    session.flush()
    return subs


def unsubscribe(session: Session, *, chat_id: int, topic: str) -> Subscription | None:
    """Deactivate the chat's subscription to `topic` and cancel its unsent messages; None if it had none."""
    sub = get_by_topic(session, chat_id, resolve_topic(topic).key)
    if sub is None or not sub.active:
        return None
    return deactivate(session, sub, "unsubscribed")


def unsubscribe_id(session: Session, *, chat_id: int, subscription_id: int) -> Subscription | None:
    sub = session.get(Subscription, subscription_id)
    if sub is None or sub.chat_id != chat_id or not sub.active:
        return None
    return deactivate(session, sub, "unsubscribed")


_Owner = TypeVar("_Owner", Subscription, Watch)


def deactivate(session: Session, owner: _Owner, reason: str) -> _Owner:
    """Stop a subscription or a watch: inactive, and its unsent deliveries cancelled (`reason` their last error)."""
    owner.active = False
    key = col(Delivery.subscription_id) if isinstance(owner, Subscription) else col(Delivery.watch_id)
    session.exec(  # type: ignore[call-overload]
        update(Delivery)
        .where(key == owner.id, col(Delivery.status) == "pending")
        .values(status="cancelled", last_error=reason)
    )
    session.flush()
    return owner


def list_subscriptions(session: Session, chat_id: int) -> list[Subscription]:
    return list(
        session.exec(
            select(Subscription)
            .where(Subscription.chat_id == chat_id, col(Subscription.active).is_(True))
            .order_by(col(Subscription.id))
        )
    )


def get_subscription(session: Session, *, chat_id: int, subscription_id: int) -> Subscription | None:
    sub = session.get(Subscription, subscription_id)
    return sub if sub is not None and sub.chat_id == chat_id and sub.active else None


def change_schedule(
    session: Session, *, chat_id: int, subscription_id: int, schedule: Schedule, now: datetime | None = None
) -> Subscription | None:
    """Re-time a subscription; its window (covered_until) is kept, so nothing is skipped or repeated."""
    sub = get_subscription(session, chat_id=chat_id, subscription_id=subscription_id)
    if sub is None:
        return None
    sub.minute_of_day = schedule.minute_of_day
    sub.frequency = schedule.frequency
    sub.weekday = schedule.weekday
    sub.next_due_at = next_slot_for(sub, now or utcnow())
    session.flush()
    return sub
