"""Outgoing rate limiting: one overall budget, two lanes.

`build_rate_limiter(settings)` returns the `BaseRateLimiter` the Application uses. Rules (Telegram's, with a small
safety margin so network jitter on the way to the server never turns into a 429):

* overall: at most ``settings.send_rate_per_second`` messages per second (≈30), evenly spaced (no bursts);
* per chat: ≈1 message per second with a burst of 3 (a reply split in two parts goes out at once);
* per group (negative chat id): additionally at most 20 messages per minute.

Lanes: calls made with ``rate_limit_args={"lane": "broadcast"}`` (the digest sender) yield to every other call
(user replies, the default lane) whenever one is waiting for the overall budget, so a reply never queues behind a
broadcast; both lanes share the one overall budget.

429: a `RetryAfter` pauses *all* sending for `retry_after` seconds (nothing is sent inside the window) and the call
is retried after it — a message is never dropped because of flood control (unless the caller sets
``rate_limit_args={"max_retries": n}``). Other errors propagate unchanged (the caller decides).

Only calls that deliver a message to a chat are limited (``send*`` except ``sendChatAction``, ``copyMessage``,
``forwardMessage``; edits count against the overall budget only); getUpdates, getFile, answerCallbackQuery… pass.

``rate_limit_args={"state": {}}`` lets a caller see whether its request is on the wire (``state["dispatched"]``):
the delivery worker cancels a message on shutdown only while it has not been dispatched.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.config import Settings

log = logging.getLogger(__name__)

REPLY = "reply"
BROADCAST = "broadcast"

CHAT_RATE = 1.0  # messages per second per chat (sustained)
CHAT_BURST = 3
GROUP_PER_MINUTE = 20
#: spacing is stretched by this fraction: requests can arrive at the server closer together than they left
MARGIN = 0.03
CHAT_MARGIN = 0.10


def is_message_endpoint(endpoint: str) -> bool:
    """Calls that put a new message into a chat (what Telegram's per-chat and overall limits count)."""
    return (endpoint.startswith("send") and endpoint != "sendChatAction") or endpoint in (
        "copyMessage", "copyMessages", "forwardMessage", "forwardMessages",
    )


def is_limited_endpoint(endpoint: str) -> bool:
    return is_message_endpoint(endpoint) or endpoint.startswith("editMessage")


@dataclass
class LimiterStats:
    sent: dict[str, int] = field(default_factory=lambda: {REPLY: 0, BROADCAST: 0})
    retry_after: int = 0
    retry_after_seconds: float = 0.0
    waited: dict[str, float] = field(default_factory=lambda: {REPLY: 0.0, BROADCAST: 0.0})


class _ChatBucket:
    __slots__ = ("tokens", "stamp", "recent")

    def __init__(self, now: float, tokens: float) -> None:
        self.tokens = tokens
        self.stamp = now
        self.recent: deque[float] = deque()


class TwoLaneRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """See the module docstring."""

    def __init__(
        self,
        *,
        overall_per_second: float = 30.0,
        chat_per_second: float = CHAT_RATE,
        chat_burst: int = CHAT_BURST,
        group_per_minute: int = GROUP_PER_MINUTE,
        margin: float = MARGIN,
        chat_margin: float = CHAT_MARGIN,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = (1.0 + margin) / overall_per_second
        self.chat_interval = (1.0 + chat_margin) / chat_per_second
        self.chat_burst = chat_burst
        self.group_per_minute = group_per_minute
        self.group_window = 60.0 * (1.0 + chat_margin)
        self.clock = clock
        self.stats = LimiterStats()
        self._next_free = 0.0
        self._paused_until = 0.0
        self._replies_waiting = 0
        self._chats: dict[Any, _ChatBucket] = {}

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        self._chats.clear()

    # ---------------------------------------------------------------------------------------------- bookkeeping

    @property
    def paused_until(self) -> float:
        return self._paused_until

    def _chat_wait(self, chat_id: Any, now: float) -> float:
        """Seconds until `chat_id` may receive another message (0 = now)."""
        if chat_id is None:
            return 0.0
        bucket = self._chats.get(chat_id)
        if bucket is None:
            return 0.0
        tokens = min(float(self.chat_burst), bucket.tokens + (now - bucket.stamp) / self.chat_interval)
        wait = 0.0 if tokens >= 1.0 else (1.0 - tokens) * self.chat_interval
        if _is_group(chat_id):
            while bucket.recent and bucket.recent[0] <= now - self.group_window:
                bucket.recent.popleft()
            if len(bucket.recent) >= self.group_per_minute:
                wait = max(wait, bucket.recent[0] + self.group_window - now)
        return wait

    def _chat_take(self, chat_id: Any, now: float) -> None:
        if chat_id is None:
            return
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if len(self._chats) > 50_000:  # forget idle chats (their buckets are full again anyway)
                cutoff = now - self.group_window
                for key in [k for k, b in self._chats.items() if b.stamp < cutoff]:
                    del self._chats[key]
            bucket = self._chats[chat_id] = _ChatBucket(now, float(self.chat_burst))
        bucket.tokens = min(float(self.chat_burst), bucket.tokens + (now - bucket.stamp) / self.chat_interval) - 1
        bucket.stamp = now
        if _is_group(chat_id):
            bucket.recent.append(now)

    async def _acquire(self, lane: str, chat_id: Any, per_chat: bool) -> None:
        """Wait until a message of `lane` to `chat_id` may go out now, and book it."""
        started = self.clock()
        is_reply = lane != BROADCAST
        counted = False  # a reply counts as "waiting" only while the overall budget is what holds it back
        try:
            while True:
                now = self.clock()
                chat_wait = self._chat_wait(chat_id, now) if per_chat else 0.0
                wait = max(self._paused_until - now, self._next_free - now)
                if is_reply:
                    want = chat_wait <= max(wait, 0.0)
                    if want != counted:
                        counted = want
                        self._replies_waiting += 1 if counted else -1
                wait = max(wait, chat_wait)
                if not is_reply and self._replies_waiting > 0:
                    # a reply is waiting for the budget: it gets the next free slot, the broadcast a later one
                    wait = max(wait, self._next_free - now + self.interval, self.interval / 2)
                if wait <= 0:
                    self._next_free = max(now, self._next_free) + self.interval
                    if per_chat:
                        self._chat_take(chat_id, now)
                    self.stats.waited[lane] = self.stats.waited.get(lane, 0.0) + (now - started)
                    return
                await asyncio.sleep(wait)
        finally:
            if counted:
                self._replies_waiting -= 1

    def chat_wait(self, chat_id: Any) -> float:
        """Seconds until `chat_id` may receive another message by the per-chat and per-group limits (0 = now)."""
        return self._chat_wait(chat_id, self.clock())

    def pause(self, seconds: float) -> None:
        """Nothing goes out for `seconds` (a 429's retry_after)."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    # ---------------------------------------------------------------------------------------------- the hook

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if not is_limited_endpoint(endpoint):
            return await callback(*args, **kwargs)
        options = rate_limit_args or {}
        lane = BROADCAST if options.get("lane") == BROADCAST else REPLY
        max_retries: int | None = options.get("max_retries")
        state: dict[str, Any] | None = options.get("state")
        chat_id = data.get("chat_id")
        per_chat = is_message_endpoint(endpoint)
        attempt = 0
        while True:
            await self._acquire(lane, chat_id, per_chat)
            if state is not None:
                state["dispatched"] = True  # from here on the message may reach the chat
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as exc:
                if state is not None:
                    state["dispatched"] = False  # rejected: nothing was sent
                seconds = retry_after_of(exc)
                self.pause(seconds)
                self.stats.retry_after += 1
                self.stats.retry_after_seconds += seconds
                attempt += 1
                log.warning("flood control on %s to %s: paused %.1f s (attempt %d)", endpoint, chat_id, seconds,
                            attempt)
                if max_retries is not None and attempt > max_retries:
                    raise
                continue
            self.stats.sent[lane] = self.stats.sent.get(lane, 0) + 1
            return result


def retry_after_of(exc: RetryAfter) -> float:
    """Seconds to wait from a `RetryAfter`. Its public `retry_after` is int seconds in PTB 22 (with a deprecation
    warning announcing the change, silenced here: both forms are read) and a timedelta with PTB_TIMEDELTA=1 or in
    PTB 23."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return retry_after_seconds(value)


def retry_after_seconds(value: Any) -> float:
    """A retry_after (int seconds or a timedelta, by PTB version) as float seconds."""
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)


def _is_group(chat_id: Any) -> bool:
    return (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str)


def build_rate_limiter(settings: Settings) -> TwoLaneRateLimiter:
    return TwoLaneRateLimiter(overall_per_second=settings.send_rate_per_second)
