"""Subscriptions: argument parsing, the schedule arithmetic (fixed clocks, DST, midnight in Asia/Shanghai), CRUD."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from bot.db.models import Chat, Delivery, Subscription
from bot.errors import UserError
from bot.services import subscriptions as subs
from bot.services.subscriptions import Schedule, next_slot, parse_subscribe_args

SH = "Asia/Shanghai"


# ----------------------------------------------------------------------------------------------- parsing


@pytest.mark.parametrize(
    ("args", "topic", "schedule"),
    [
        (["跨境电商"], "跨境电商", Schedule()),
        (["直播电商", "20:30"], "直播电商", Schedule(20 * 60 + 30)),
        (["直播电商", "7：05"], "直播电商", Schedule(7 * 60 + 5)),
        (["海外市场", "09:00", "weekly", "mon"], "海外市场", Schedule(9 * 60, "weekly", 0)),
        (["海外市场", "weekly", "周日", "21:00"], "海外市场", Schedule(21 * 60, "weekly", 6)),
        (["数字", "人民币", "daily", "00:10"], "数字 人民币", Schedule(10)),
        (["AI", "friday"], "AI", Schedule(8 * 60, "weekly", 4)),
        (["农村电商", "每周", "星期三"], "农村电商", Schedule(8 * 60, "weekly", 2)),
        (["物流", "weekly", "7"], "物流", Schedule(8 * 60, "weekly", 6)),
    ],
)
def test_parse_subscribe_args(args: list[str], topic: str, schedule: Schedule) -> None:
    assert parse_subscribe_args(args) == (topic, schedule)


@pytest.mark.parametrize(
    "args",
    [[], ["20:30"], ["跨境电商", "25:00"], ["跨境电商", "weekly"], ["跨境电商", "08:00", "09:00"],
     ["跨境电商", "weekly", "someday"], ["跨境电商", "08:00", "banana"], ["x" * 101]],
)
def test_bad_arguments_get_usage(args: list[str]) -> None:
    with pytest.raises(UserError) as err:
        parse_subscribe_args(args)
    assert "/subscribe" in err.value.msgid


# ----------------------------------------------------------------------------------------------- schedule math


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_daily_slot_later_today_and_tomorrow() -> None:
    # 08:00 Shanghai = 00:00 UTC
    assert next_slot(at(2026, 5, 1, 23, 0), minute_of_day=480, timezone=SH) == at(2026, 5, 2, 0, 0)
    assert next_slot(at(2026, 5, 2, 0, 0), minute_of_day=480, timezone=SH) == at(2026, 5, 3, 0, 0)  # strictly after
    assert next_slot(at(2026, 5, 2, 0, 0, 1), minute_of_day=480, timezone=SH) == at(2026, 5, 3, 0, 0)


def test_schedule_crossing_midnight_in_shanghai() -> None:
    """00:30 Shanghai is 16:30 UTC of the *previous* UTC day; 23:50 Shanghai is 15:50 UTC the same day."""
    # 23:40 local on 31 Dec (15:40 UTC) → 00:30 local on 1 Jan = 16:30 UTC on 31 Dec
    assert next_slot(at(2026, 12, 31, 15, 40), minute_of_day=30, timezone=SH) == at(2026, 12, 31, 16, 30)
    # just after it → the next local day (1 Jan 16:30 UTC)
    assert next_slot(at(2026, 12, 31, 16, 31), minute_of_day=30, timezone=SH) == at(2027, 1, 1, 16, 30)
    # 23:50 local, evaluated at 00:05 local of the same UTC day (16:05 UTC): tomorrow local 23:50 = 15:50 UTC
    assert next_slot(at(2026, 12, 31, 16, 5), minute_of_day=23 * 60 + 50, timezone=SH) == at(2027, 1, 1, 15, 50)
    # weekly Monday 00:30 Shanghai = Sunday 16:30 UTC
    slot = next_slot(at(2026, 11, 18, 0, 0), minute_of_day=30, timezone=SH, frequency="weekly", weekday=0)
    assert slot == at(2026, 11, 22, 16, 30)
    assert slot.astimezone(subs.ZoneInfo(SH)).weekday() == 0


def test_weekly_slots_are_seven_days_apart() -> None:
    s = at(2026, 1, 1)
    seen = []
    for _ in range(5):
        s = next_slot(s, minute_of_day=9 * 60, timezone=SH, frequency="weekly", weekday=2)
        seen.append(s)
    assert all(b - a == timedelta(days=7) for a, b in zip(seen, seen[1:], strict=False))
    assert all(x.astimezone(subs.ZoneInfo(SH)).weekday() == 2 for x in seen)


def test_dst_gap_and_fold_fire_once_per_day() -> None:
    ny = "America/New_York"
    # 2026-03-08 02:30 does not exist in New York: it fires once, just after the gap (03:30 EDT = 07:30 UTC)
    assert next_slot(at(2026, 3, 8, 5, 0), minute_of_day=150, timezone=ny) == at(2026, 3, 8, 7, 30)
    # 2026-11-01 01:30 happens twice: the first (EDT, 05:30 UTC) only, then the next day
    first = next_slot(at(2026, 11, 1, 4, 0), minute_of_day=90, timezone=ny)
    assert first == at(2026, 11, 1, 5, 30)
    assert next_slot(first, minute_of_day=90, timezone=ny) == at(2026, 11, 2, 6, 30)
    # a year of daily slots: strictly increasing, one per local day
    s, days = at(2026, 1, 1), set()
    for _ in range(366):
        nxt = next_slot(s, minute_of_day=150, timezone=ny)
        assert nxt > s
        days.add(nxt.astimezone(subs.ZoneInfo(ny)).date())
        s = nxt
    assert len(days) == 366


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        next_slot(datetime(2026, 1, 1), minute_of_day=0, timezone=SH)


# ----------------------------------------------------------------------------------------------- CRUD


def test_subscribe_unsubscribe_and_retime(session: Session) -> None:
    now = at(2026, 5, 1, 11, 0)
    sub = subs.subscribe(session, chat_id=42, topic="跨境电商", schedule=Schedule(20 * 60), timezone=SH,
                         created_by=42, now=now)
    session.commit()
    assert sub.next_due_at == at(2026, 5, 1, 12, 0)  # 20:00 Shanghai
    assert sub.covered_until == now and not sub.is_custom
    assert session.get(Chat, 42) is not None
    # English topic name resolves to the curated key; subscribing again re-times, keeps the window
    again = subs.subscribe(session, chat_id=42, topic="cross-border e-commerce", schedule=Schedule(7 * 60),
                           timezone=SH, now=now + timedelta(hours=2))
    assert again.id == sub.id and again.topic == "跨境电商"
    assert subs.as_utc(again.covered_until) == now
    assert subs.as_utc(again.next_due_at) == at(2026, 5, 1, 23, 0)
    custom = subs.subscribe(session, chat_id=42, topic="数字人民币", timezone=SH, now=now)
    assert custom.is_custom
    assert [s.topic for s in subs.list_subscriptions(session, 42)] == ["跨境电商", "数字人民币"]

    session.add(Delivery(subscription_id=custom.id, chat_id=42, slot=now, part=0, text="x"))  # type: ignore[arg-type]
    session.commit()
    assert subs.unsubscribe(session, chat_id=42, topic="数字人民币") is not None
    assert subs.unsubscribe(session, chat_id=42, topic="数字人民币") is None
    session.commit()
    assert session.exec(select(Delivery.status)).all() == ["cancelled"]
    assert [s.topic for s in subs.list_subscriptions(session, 42)] == ["跨境电商"]

    changed = subs.change_schedule(session, chat_id=42, subscription_id=sub.id,  # type: ignore[arg-type]
                                   schedule=Schedule(9 * 60, "weekly", 0), now=now)
    assert changed is not None and changed.frequency == "weekly"
    assert subs.as_utc(changed.next_due_at) == at(2026, 5, 4, 1, 0)  # Monday 09:00 Shanghai
    # another chat cannot touch it
    assert subs.change_schedule(session, chat_id=7, subscription_id=sub.id, schedule=Schedule(),  # type: ignore[arg-type]
                                now=now) is None
    assert subs.unsubscribe_id(session, chat_id=7, subscription_id=sub.id) is None  # type: ignore[arg-type]


def test_resubscribe_after_unsubscribe_starts_a_new_window(session: Session) -> None:
    t0 = at(2026, 5, 1, 0, 0)
    subs.subscribe(session, chat_id=5, topic="AI", timezone=SH, now=t0)
    subs.unsubscribe(session, chat_id=5, topic="AI")
    t1 = t0 + timedelta(days=3)
    sub = subs.subscribe(session, chat_id=5, topic="AI", timezone=SH, now=t1)
    session.commit()
    assert sub.active and subs.as_utc(sub.covered_until) == t1
    assert len(session.exec(select(Subscription)).all()) == 1


# ----------------------------------------------------------------------------------------------- issue 11: channels,
# exclusions, times written some other way


@pytest.mark.parametrize(
    ("args", "topic", "exclude", "target", "minute"),
    [
        (["@ecnews", "跨境电商", "08:30"], "跨境电商", (), "@ecnews", 8 * 60 + 30),
        (["-1001234567", "直播电商"], "直播电商", (), "-1001234567", 8 * 60),
        (["直播电商", "-阿联酋", "－迪拜", "20:00"], "直播电商", ("阿联酋", "迪拜"), None, 20 * 60),
        (["-阿联酋", "直播电商"], "直播电商", ("阿联酋",), None, 8 * 60),
        (["live-streaming", "e-commerce"], "live-streaming e-commerce", (), None, 8 * 60),
    ],
)
def test_parse_subscribe_targets_and_exclusions(args: list[str], topic: str, exclude: tuple[str, ...],
                                                target: str | None, minute: int) -> None:
    from bot.services.subscriptions import parse_subscribe

    request = parse_subscribe(args)
    assert (request.topic, request.exclude, request.target, request.schedule.minute_of_day) == (
        topic, exclude, target, minute)


@pytest.mark.parametrize(
    ("word", "example", "msgid_start"),
    [
        ("25:99", "08:30", "“{word}” is not a valid time"),
        ("24:00", "08:30", "“{word}” is not a valid time"),
        ("明早八点", "08:00", "“{word}” is not a time I can read"),
        ("晚上9点半", "21:30", "“{word}” is not a time I can read"),
        ("下午3点15分", "15:15", "“{word}” is not a time I can read"),
        ("中午12点", "12:00", "“{word}” is not a time I can read"),
        ("8pm", "20:00", "“{word}” is not a time I can read"),
        ("7.30", "07:30", "“{word}” is not a time I can read"),
        ("今晚", "08:00", "“{word}” is not a time I can read"),
    ],
)
def test_times_in_other_forms_say_what_is_wrong(word: str, example: str, msgid_start: str) -> None:
    with pytest.raises(UserError) as err:
        parse_subscribe_args(["跨境电商", word])
    assert err.value.msgid.startswith(msgid_start)
    assert err.value.params == {"word": word, "topic": "跨境电商", "example": example}


def test_bad_targets_and_exclusions() -> None:
    from bot.services.subscriptions import parse_subscribe

    for args in (["@x", "跨境电商"], ["-100", "跨境电商"], ["直播电商", "-"], ["直播电商", "-" + "长" * 31],
                 ["直播电商", *[f"-词{i}" for i in range(11)]]):
        with pytest.raises(UserError):
            parse_subscribe(args)
    # a topic that merely contains 618 or a hyphen is not a time or an exclusion
    assert parse_subscribe(["618", "大促"]).topic == "618 大促"
