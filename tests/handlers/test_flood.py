"""Concurrent updates through the real Application's update queue (the path polling and webhooks use): one chat's
flood never delays another chat's answer, a chat's own updates stay in order, and a flooding chat gets exactly one
polite notice."""

from __future__ import annotations

import asyncio
import random

from telegram import Update

from bot.i18n import get_translator
from bot.ratelimit import CHAT_BURST
from bot.render import esc
from bot.updates import FLOOD_BURST, ChatOrderedProcessor
from tests.handlers.conftest import Harness, sent

FLOODER, OTHER = 3001, 3002
NOTICE = esc(get_translator("zh")._(
    "You are sending messages faster than I can answer. I will skip the next ones for a few seconds, then answer "
    "again."))


async def _enqueue(h: Harness, update: dict) -> None:  # type: ignore[type-arg]
    await h.app.update_queue.put(Update.de_json(update, h.app.bot))


async def test_a_flood_from_one_chat_never_delays_another_chat(harness: Harness) -> None:
    h = harness
    for _ in range(200):
        await _enqueue(h, h.updates.command("/subscribe 跨境电商", user_id=FLOODER))
    await _enqueue(h, h.updates.command("/start", user_id=OTHER))
    await asyncio.wait_for(h.app.update_queue.join(), timeout=120)

    messages = sent(h.api.calls)
    flooder = [c for c in messages if c.chat_id == FLOODER]
    other = [c for c in messages if c.chat_id == OTHER]
    notices = [c for c in flooder if c.text == NOTICE]
    # exactly one notice, after the updates accepted before the flood was cut off; the rest were dropped
    assert len(notices) == 1 and flooder[-1] is notices[0]
    answers = flooder[:-1]
    # the allowance (refilled at 1/s while the 200 arrive: one more on a slow machine at most)
    assert FLOOD_BURST <= len(answers) <= FLOOD_BURST + 1
    assert all("跨境电商" in (c.text or "") for c in answers)
    processor = h.app.update_processor
    assert isinstance(processor, ChatOrderedProcessor)
    assert processor.stats.dropped == 200 - len(answers) - 1 and processor.stats.notices == 1
    # the other chat was answered while the flooder's answers were still queued behind Telegram's per-chat limit
    # (beyond its burst, each of them waits ~1 s): not after the flooder's backlog
    [welcome] = other
    assert "Dongtai" in (welcome.text or "") or "动态" in (welcome.text or "")
    position = messages.index(welcome)
    assert position < messages.index(answers[CHAT_BURST])
    assert position < messages.index(notices[0])


async def test_a_chat_that_calms_down_is_answered_again_with_a_new_notice_per_flood() -> None:
    clock = [0.0]
    p = ChatOrderedProcessor(flood_burst=3, flood_rate=1.0, clock=lambda: clock[0])
    verdicts = [p.admit(7, clock[0]) for _ in range(6)]
    assert verdicts == ["accept", "accept", "accept", "notice", "drop", "drop"]
    clock[0] += 1.0  # one more allowed after a second, still the same episode
    assert [p.admit(7, clock[0]) for _ in range(2)] == ["accept", "drop"]
    assert p.admit(8, clock[0]) == "accept"  # another chat is unaffected
    clock[0] += 10.0  # quiet: the allowance is full again, a new flood gets a new notice
    assert [p.admit(7, clock[0]) for _ in range(5)] == ["accept", "accept", "accept", "notice", "drop"]


async def test_each_chat_in_order_chats_in_parallel() -> None:
    """Random processing times: every chat's updates finish in arrival order; chats overlap."""
    from tests.fakeapi import FakeBotAPI, Updates

    updates = Updates(FakeBotAPI())
    processor = ChatOrderedProcessor(workers=8, flood_burst=10_000)
    await processor.initialize()
    rng = random.Random(5)
    done: list[tuple[int, int]] = []
    running = {"now": 0, "peak": 0}

    async def work(chat: int, n: int) -> None:
        running["now"] += 1
        running["peak"] = max(running["peak"], running["now"])
        await asyncio.sleep(rng.uniform(0, 0.01))
        running["now"] -= 1
        done.append((chat, n))

    tasks = []
    for n in range(40):
        for chat in (11, 12, 13, 14):
            update = Update.de_json(updates.command(f"/metric {n}", user_id=chat), None)
            tasks.append(asyncio.ensure_future(processor.process_update(update, work(chat, n))))
    await asyncio.gather(*tasks)
    for chat in (11, 12, 13, 14):
        assert [n for c, n in done if c == chat] == list(range(40))
    assert running["peak"] > 1
    await processor.shutdown()


async def test_admins_are_never_throttled(harness: Harness) -> None:
    """An admin sending a dozen bulletins (or commands) at once is not a flood."""
    from tests.handlers.conftest import ADMIN

    h = harness
    for _ in range(FLOOD_BURST + 1):
        await _enqueue(h, h.updates.command("/topics", user_id=ADMIN))
    await asyncio.wait_for(h.app.update_queue.join(), timeout=60)
    replies = [c for c in sent(h.api.calls) if c.chat_id == ADMIN]
    assert len(replies) == FLOOD_BURST + 1 and NOTICE not in [c.text for c in replies]
    assert h.app.update_processor.stats.dropped == 0
