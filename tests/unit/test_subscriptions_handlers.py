"""/subscribe, /unsubscribe, /subscriptions (buttons), /digest through a real Application (recording fake API),
in a private chat and in a group (admins only)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.app import build_application
from bot.config import Settings
from bot.db.models import Subscription
from bot.services.subscriptions import as_utc
from tests.fakeapi import TOKEN, FakeBotAPI, RecordingRequest
from tests.handlers.conftest import Harness, add_bulletin, texts

USER = 1001
GROUP = -4242
ADMIN_IN_GROUP = 2002


@pytest.fixture
async def h(sqlite_url: str, sqlite_engine: Engine) -> AsyncIterator[Harness]:
    settings = Settings(_env_file=None, database_url=sqlite_url, telegram_bot_token=TOKEN,  # type: ignore[call-arg]
                        load_seeds=False, bot_timezone="Asia/Shanghai")
    api = FakeBotAPI()
    api.chat_admins[GROUP] = {ADMIN_IN_GROUP}
    app = build_application(settings, engine=sqlite_engine, request=RecordingRequest(api))
    await app.initialize()
    await app.start()
    api.clear_calls()
    try:
        yield Harness(api, app, sqlite_engine)
    finally:
        await app.stop()
        await app.shutdown()


def subs_of(h: Harness, chat_id: int) -> list[Subscription]:
    with Session(h.engine) as s:
        return list(s.exec(select(Subscription).where(Subscription.chat_id == chat_id,
                                                      Subscription.active == True)))  # noqa: E712


async def test_subscribe_confirms_with_next_delivery(h: Harness) -> None:
    out = texts(await h.command("/subscribe 跨境电商 20:30"))
    assert len(out) == 1 and "跨境电商" in out[0] and "20:30" in out[0] and "Asia/Shanghai" in out[0]
    [sub] = subs_of(h, USER)
    assert sub.minute_of_day == 20 * 60 + 30 and sub.frequency == "daily"
    local = as_utc(sub.next_due_at).astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
    assert (local.hour, local.minute) == (20, 30)
    assert f"{local:%H:%M}" in out[0]
    # English, weekly, custom keyword
    out = texts(await h.command("/subscribe 数字人民币 weekly fri 09:15", language_code="en"))
    assert "weekly on Friday at 09:15" in out[0] and "Custom topic" in out[0]


async def test_bad_arguments_get_usage(h: Harness) -> None:
    for text in ("/subscribe", "/subscribe 跨境电商 weekly"):
        out = texts(await h.command(text, language_code="en"))
        assert "Usage: /subscribe" in out[0], text
    # an impossible time says what is wrong (it is not read as part of the topic)
    out = texts(await h.command("/subscribe 跨境电商 25:99", language_code="en"))
    assert out == ["“25:99” is not a valid time: hours run from 00 to 23 and minutes from 00 to 59. "
                   "Example: /subscribe 跨境电商 08:30"]
    assert subs_of(h, USER) == []
    assert "Usage: /unsubscribe" in texts(await h.command("/unsubscribe", language_code="en"))[0]


async def test_list_remove_and_change_time_buttons(h: Harness) -> None:
    await h.command("/subscribe 跨境电商")
    await h.command("/subscribe 直播电商 21:00")
    [listing] = [c for c in await h.command("/subscriptions", language_code="en") if c.method == "sendMessage"]
    assert "Cross-border e-commerce" in listing.text and "daily at 08:00" in listing.text  # type: ignore[operator]
    # change time: 跨境电商 → 07:00
    calls = await h.press(listing, "Change time", language_code="en")
    [chooser] = [c for c in calls if c.method in ("editMessageText", "sendMessage")]
    await h.press(chooser, "07:00", language_code="en")
    times = {s.topic: s.minute_of_day for s in subs_of(h, USER)}
    assert times == {"跨境电商": 7 * 60, "直播电商": 21 * 60}
    # remove 直播电商 from the listing
    calls = await h.press(listing, "Remove Live-streaming", language_code="en")
    assert [s.topic for s in subs_of(h, USER)] == ["跨境电商"]
    assert any(c.method == "answerCallbackQuery" for c in calls)
    out = texts(await h.command("/unsubscribe 跨境电商", language_code="en"))
    assert "Unsubscribed" in out[0] and subs_of(h, USER) == []
    assert "No subscription" in texts(await h.command("/unsubscribe 跨境电商", language_code="en"))[0]


async def test_groups_only_admins_change_subscriptions(h: Harness) -> None:
    out = texts(await h.command("/subscribe 跨境电商", user_id=USER, chat_id=GROUP, language_code="en"))
    assert "administrators" in out[0] and subs_of(h, GROUP) == []
    calls = await h.command("/subscribe 跨境电商", user_id=ADMIN_IN_GROUP, chat_id=GROUP, language_code="en")
    assert any(c.method == "getChatMember" for c in calls)
    assert [s.topic for s in subs_of(h, GROUP)] == ["跨境电商"]
    # anyone may look
    assert "Cross-border" in texts(await h.command("/subscriptions", user_id=USER, chat_id=GROUP,
                                                   language_code="en"))[0]


async def test_digest_preview(h: Harness, tmp_path: Path) -> None:
    add_bulletin(h.engine, articles=[{"title": "跨境电商<新>规", "body": "跨境电商进口增长。", "outlet": "新华网"}])
    out = texts(await h.command("/digest 跨境电商"))
    assert "跨境电商&lt;新&gt;规" in out[0] and "/article" in out[0]
    await h.command("/subscribe 跨境电商")
    # the subscription's window starts now: nothing new yet
    assert "/article" not in texts(await h.command("/digest", language_code="en"))[0]
    with Session(h.engine) as s:
        sub = s.exec(select(Subscription)).one()
        sub.covered_until = datetime.now(UTC) - timedelta(days=1)
        s.add(sub)
        s.commit()
    assert "/article" in texts(await h.command("/digest"))[0]
