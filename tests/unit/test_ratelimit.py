"""The two-lane rate limiter through a real PTB `ExtBot`, against the fake Bot API with Telegram-like limits."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import warnings
from collections.abc import AsyncIterator

import pytest
from telegram.error import RetryAfter
from telegram.ext import ExtBot

from bot.config import Settings
from bot.ratelimit import BROADCAST, TwoLaneRateLimiter, build_rate_limiter, is_message_endpoint, retry_after_of
from tests.fakeapi import TOKEN, FakeBotAPI, RecordingRequest
from tests.fakeapi.limits import TelegramLimits


async def _bot(api: FakeBotAPI, limiter: TwoLaneRateLimiter) -> ExtBot:
    bot = ExtBot(TOKEN, request=RecordingRequest(api), get_updates_request=RecordingRequest(api),
                 rate_limiter=limiter)
    await bot.initialize()
    return bot


@pytest.fixture
def api() -> FakeBotAPI:
    return FakeBotAPI()


@pytest.fixture
async def fast(api: FakeBotAPI) -> AsyncIterator[tuple[ExtBot, TwoLaneRateLimiter, TelegramLimits]]:
    """Limits scaled up (60/s overall, 5/s per chat) so the tests are quick; the rules are the same."""
    limits = TelegramLimits(overall=60, chat_rate=5.0).install(api)
    limiter = TwoLaneRateLimiter(overall_per_second=60, chat_per_second=5.0)
    bot = await _bot(api, limiter)
    yield bot, limiter, limits
    await bot.shutdown()


def test_message_endpoints() -> None:
    assert is_message_endpoint("sendMessage") and is_message_endpoint("sendDocument")
    assert not is_message_endpoint("sendChatAction") and not is_message_endpoint("getUpdates")
    assert isinstance(build_rate_limiter(Settings()), TwoLaneRateLimiter)


async def test_broadcast_stays_under_the_overall_limit(fast: tuple[ExtBot, TwoLaneRateLimiter, TelegramLimits]) -> None:
    bot, limiter, limits = fast
    started = time.monotonic()
    await asyncio.gather(*(bot.send_message(1000 + i, f"m{i}", rate_limit_args={"lane": BROADCAST})
                           for i in range(90)))
    elapsed = time.monotonic() - started
    assert limits.summary()["429"] == 0 and len(limits.accepted()) == 90
    assert elapsed > 89 / 60  # evenly spaced, never faster than the budget
    assert limiter.stats.sent[BROADCAST] == 90


async def test_per_chat_burst_then_spacing(fast: tuple[ExtBot, TwoLaneRateLimiter, TelegramLimits]) -> None:
    bot, _, limits = fast
    for i in range(7):
        await bot.send_message(5, f"part {i}")
    ats = [a.at for a in limits.accepted()]
    assert limits.rate_429() == 0
    assert ats[2] - ats[0] < 0.15  # a burst of three goes out at once
    assert all(b - a >= 0.2 for a, b in zip(ats[3:], ats[4:], strict=False))  # then 5/s


async def test_replies_do_not_queue_behind_a_broadcast(
    fast: tuple[ExtBot, TwoLaneRateLimiter, TelegramLimits],
) -> None:
    bot, _, limits = fast
    broadcast = asyncio.gather(*(bot.send_message(2000 + i, "digest", rate_limit_args={"lane": BROADCAST})
                                 for i in range(150)))  # 2.5 s of broadcast at 60/s
    await asyncio.sleep(0.3)
    latencies = []
    for i in range(8):
        t = time.monotonic()
        await bot.send_message(77 + i, "reply")
        latencies.append(time.monotonic() - t)
        await asyncio.sleep(0.05)
    still_running = not broadcast.done()
    await broadcast
    assert still_running
    assert max(latencies) < 0.15, latencies  # a slot or two, not the ~2 s queue ahead
    assert limits.rate_429() == 0 and len(limits.accepted()) == 158


async def test_retry_after_is_honoured_and_nothing_is_dropped(api: FakeBotAPI) -> None:
    """The server is stricter than the limiter thinks (5/s): every 429 pauses all sending for retry_after, no
    attempt arrives inside the window, and every message is delivered exactly once."""
    limits = TelegramLimits(overall=5).install(api)
    limiter = TwoLaneRateLimiter(overall_per_second=100)
    bot = await _bot(api, limiter)
    try:
        await asyncio.gather(*(bot.send_message(3000 + i, f"m{i}", rate_limit_args={"lane": BROADCAST})
                               for i in range(12)))
    finally:
        await bot.shutdown()
    assert limits.rate_429() >= 1 and limiter.stats.retry_after >= 1
    assert limits.early_retries() == []
    accepted = sorted(a.chat_id for a in limits.accepted())
    assert accepted == list(range(3000, 3012))


async def test_max_retries_lets_a_caller_give_up(api: FakeBotAPI) -> None:
    from telegram.error import RetryAfter

    TelegramLimits(overall=1).install(api)
    bot = await _bot(api, TwoLaneRateLimiter(overall_per_second=100))
    try:
        await bot.send_message(1, "ok")
        with pytest.raises(RetryAfter):
            await bot.send_message(2, "refused", rate_limit_args={"max_retries": 0})
    finally:
        await bot.shutdown()


def test_group_limit_twenty_per_minute() -> None:
    clock = [0.0]
    limiter = TwoLaneRateLimiter(clock=lambda: clock[0])
    for _ in range(20):
        assert limiter._chat_wait(-5, clock[0]) == 0
        limiter._chat_take(-5, clock[0])
        clock[0] += 1.2
    wait = limiter._chat_wait(-5, clock[0])
    assert wait > 30  # the 21st message in a minute waits for the oldest to age out
    assert limiter._chat_wait(5, clock[0]) == 0  # other chats are unaffected


@pytest.mark.parametrize("timedelta_mode", ["", "1"])
def test_retry_after_read_through_the_public_attribute(monkeypatch: pytest.MonkeyPatch, timedelta_mode: str) -> None:
    """PTB 22 gives int seconds (PTB_TIMEDELTA unset) or a timedelta (PTB_TIMEDELTA=1, PTB 23): both are seconds
    here, and no deprecation warning reaches the log."""
    monkeypatch.setenv("PTB_TIMEDELTA", timedelta_mode)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # PTB's own constructor reads the attribute too
        whole, fraction = RetryAfter(7), RetryAfter(dt.timedelta(seconds=2.5))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert retry_after_of(whole) == 7.0
        assert retry_after_of(fraction) == 2.5
