"""The delivery pipeline in a real PTB Application (job queue tick + sender + two-lane limiter) over the in-process
fake Bot API: exactly once, 403 / migration / 5xx handling, a stop in the middle and a restart."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from bot import delivery
from bot.app import build_application
from bot.config import Settings
from bot.db.engine import session_scope
from bot.db.models import Chat, Delivery, Subscription, utcnow
from bot.db.store import open_store
from bot.services import subscriptions as subs
from bot.services.ingest import ingest_file
from tests.fakeapi import TOKEN, Call, FakeBotAPI, RecordingRequest, Reply
from tests.fakeapi.limits import TelegramLimits
from tests.lifecycle import start, stop

BULLETIN = """电子商务动态
2026年第3期（总320期）
上海市电子商务和消费促进中心 2026年3月5日

【行业资讯】

跨境电商海外仓建设提速

商务部消息，今年前两个月我国跨境电商进出口2.38万亿元，同比增长15.6%。海外仓数量超过2500个。
来源:新华网 编选:《电子商务动态》编辑部 2026 年 03 月 05 日
"""


def setup_store(tmp_path: Path, chat_ids: list[int], *, topic: str = "跨境电商") -> Engine:
    engine = open_store(f"sqlite:///{tmp_path / 'bot.db'}")
    created = utcnow() - timedelta(minutes=5)
    with session_scope(engine) as s:
        for cid in chat_ids:
            sub = subs.subscribe(s, chat_id=cid, topic=topic, timezone="Asia/Shanghai", now=created,
                                 chat_kind="private" if cid > 0 else "group")
            sub.next_due_at = utcnow() + timedelta(seconds=1)
    path = tmp_path / "bulletin.txt"
    path.write_text(BULLETIN, encoding="utf-8")
    with session_scope(engine) as s:
        ingest_file(s, path)
    # the article must be older than the tick's settle lag
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE article SET created_at = datetime('now', '-2 minutes')")
    return engine


def settings(tmp_path: Path) -> Settings:
    return Settings(telegram_bot_token=TOKEN, database_url=f"sqlite:///{tmp_path / 'bot.db'}", tick_seconds=0.3,
                    load_seeds=False, send_rate_per_second=60)


def digests_to(api: FakeBotAPI) -> Counter[int]:
    return Counter(int(c.chat_id) for c in api.calls if c.method == "sendMessage" and c.ok and "/article" in (c.text or ""))


async def wait_until(predicate: Any, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


def pending(engine: Engine) -> int:
    """Rows not sent yet: pending, or claimed by a sender (`sending`)."""
    with session_scope(engine) as s:
        return len(s.exec(select(Delivery).where(col(Delivery.status).in_(("pending", "sending")))).all())


async def test_blocked_migrated_and_flaky_chats(tmp_path: Path) -> None:
    chats = list(range(1, 21)) + [-500]
    engine = setup_store(tmp_path, chats)
    api = FakeBotAPI()
    TelegramLimits(overall=60).install(api)
    api.blocked.update({3, 7})
    api.migrated[-500] = -1000500
    failures = {"left": 2}

    def flaky(api_: FakeBotAPI, call: Call) -> Reply | None:  # chat 11: two 502s, then fine
        if call.chat_id == 11 and failures["left"] > 0:
            failures["left"] -= 1
            return Reply.error(502, "Bad Gateway")
        return None

    api.responders["sendMessage"] = flaky
    delivery.MAX_BACKOFF = 0.5  # keep the retry quick in the test
    app = build_application(settings(tmp_path), engine=engine, request=RecordingRequest(api))
    await start(app)
    try:
        await wait_until(lambda: len(digests_to(api)) == 19 and pending(engine) == 0, timeout=20)
    finally:
        await stop(app)
        delivery.MAX_BACKOFF = 300.0
    got = digests_to(api)
    assert set(got) == (set(range(1, 21)) - {3, 7}) | {-1000500}
    assert set(got.values()) == {1}  # exactly once each
    with session_scope(engine) as s:
        for cid in (3, 7):
            assert s.get(Chat, cid).active is False  # type: ignore[union-attr]
            assert all(not x.active for x in s.exec(select(Subscription).where(Subscription.chat_id == cid)))
        assert s.exec(select(Subscription).where(Subscription.chat_id == -1000500)).one().active
        statuses = Counter(d.status for d in s.exec(select(Delivery)))
        assert statuses == {"sent": 19, "cancelled": 2}
        flaky_row = s.exec(select(Delivery).where(Delivery.chat_id == 11)).one()
        assert flaky_row.attempts == 3 and flaky_row.telegram_message_id is not None


async def test_stop_mid_delivery_then_restart_sends_each_once(tmp_path: Path) -> None:
    chats = list(range(100, 160))
    engine = setup_store(tmp_path, chats)
    api = FakeBotAPI()
    limits = TelegramLimits(overall=30).install(api)
    cfg = settings(tmp_path).model_copy(update={"send_rate_per_second": 30.0})
    app = build_application(cfg, engine=engine, request=RecordingRequest(api, delay=0.01))
    await start(app)
    await wait_until(lambda: len(digests_to(api)) >= 15)
    await stop(app)
    first = digests_to(api)
    with session_scope(engine) as s:
        sent = s.exec(select(Delivery).where(Delivery.status == "sent")).all()
        assert {d.chat_id for d in sent} == set(first)  # every accepted message is marked, nothing more
    assert 15 <= len(first) < 60 and pending(engine) == 60 - len(first)

    app2 = build_application(cfg, engine=engine, request=RecordingRequest(api))
    await start(app2)
    try:
        await wait_until(lambda: pending(engine) == 0, timeout=20)
    finally:
        await stop(app2)
    got = digests_to(api)
    assert set(got) == set(chats) and set(got.values()) == {1}
    assert limits.early_retries() == []


async def test_pipeline_keeps_each_chats_parts_in_order_and_never_overlapping(tmp_path: Path) -> None:
    """20 chats × a 3-part digest at a 50 ms round trip: several messages in flight at once, but one chat's parts
    go out strictly in order, each only after Telegram answered the one before (≥ one round trip apart), and every
    part exactly once."""
    chats = list(range(300, 320))
    engine = setup_store(tmp_path, [])
    now = utcnow()
    with session_scope(engine) as s:
        for cid in chats:
            sub = subs.subscribe(s, chat_id=cid, topic="跨境电商", timezone="Asia/Shanghai", now=now)
            for part in range(3):
                s.add(Delivery(subscription_id=sub.id, chat_id=cid, slot=now, part=part, text=f"part {part} of {cid}",
                               next_attempt_at=now))
    api = FakeBotAPI()
    limits = TelegramLimits(overall=30).install(api)
    cfg = settings(tmp_path).model_copy(update={"send_rate_per_second": 30.0, "tick_seconds": 60.0})
    app = build_application(cfg, engine=engine, request=RecordingRequest(api, delay=0.05))
    await start(app)
    try:
        await wait_until(lambda: pending(engine) == 0, timeout=30)
    finally:
        await stop(app)
    sender = delivery.get_sender(app)
    assert sender is not None and sender.max_inflight > 1  # pipelined
    for cid in chats:
        calls = [c for c in api.calls if c.method == "sendMessage" and c.ok and int(c.chat_id) == cid]
        assert [c.text for c in calls] == [f"part {p} of {cid}" for p in range(3)]
        assert all(b.at - a.at >= 0.05 for a, b in zip(calls, calls[1:], strict=False))
    assert limits.rate_429() == 0 and limits.early_retries() == []
    with session_scope(engine) as s:
        assert Counter(d.status for d in s.exec(select(Delivery))) == {"sent": 60}


async def test_a_429_pauses_the_whole_pipeline(tmp_path: Path) -> None:
    """Telegram answers one message with 429 retry_after=1 while others are in flight: nothing new is dispatched
    for that second (only what was already on the wire arrives), then everything — the refused one included — goes
    out exactly once."""
    chats = list(range(400, 440))
    engine = setup_store(tmp_path, chats)
    api = FakeBotAPI()
    seen = {"n": 0, "at": 0.0}

    def flood_once(api_: FakeBotAPI, call: Call) -> Reply | None:
        if call.method != "sendMessage":
            return None
        seen["n"] += 1
        if seen["n"] == 15:
            seen["at"] = call.at
            return Reply.error(429, "Too Many Requests: retry after 1", retry_after=1)
        return None

    api.middlewares.append(flood_once)
    delay = 0.03
    cfg = settings(tmp_path).model_copy(update={"send_rate_per_second": 30.0})
    app = build_application(cfg, engine=engine, request=RecordingRequest(api, delay=delay))
    await start(app)
    try:
        await wait_until(lambda: len(digests_to(api)) == 40 and pending(engine) == 0, timeout=30)
    finally:
        await stop(app)
    assert seen["at"]
    during = [c for c in api.calls if c.method == "sendMessage" and seen["at"] + delay + 0.02 < c.at < seen["at"] + 1.0]
    assert during == []
    got = digests_to(api)
    assert set(got) == set(chats) and set(got.values()) == {1}


async def test_sender_survives_a_database_error(tmp_path: Path, monkeypatch: Any) -> None:
    """The database fails the sender's claim once (a restart, a dropped connection): the sender logs it, waits and
    carries on; every digest still goes out once."""
    from sqlalchemy.exc import OperationalError

    from bot.services import outbox

    chats = list(range(500, 510))
    engine = setup_store(tmp_path, chats)
    api = FakeBotAPI()
    real = outbox.claim_pending
    failures = {"left": 1}

    def flaky_claim(*args: Any, **kwargs: Any) -> Any:
        if failures["left"]:
            failures["left"] -= 1
            raise OperationalError("SELECT …", {}, Exception("server closed the connection unexpectedly"))
        return real(*args, **kwargs)

    monkeypatch.setattr(outbox, "claim_pending", flaky_claim)
    monkeypatch.setattr(delivery, "ERROR_PAUSE", 0.2)
    app = build_application(settings(tmp_path), engine=engine, request=RecordingRequest(api))
    await start(app)
    try:
        await wait_until(lambda: len(digests_to(api)) == 10 and pending(engine) == 0, timeout=20)
    finally:
        await stop(app)
    assert failures["left"] == 0
    assert set(digests_to(api).values()) == {1}
