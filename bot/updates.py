"""Concurrent update processing with per-chat order, and flood control for incoming updates.

`ChatOrderedProcessor` is the Application's `BaseUpdateProcessor` (`ApplicationBuilder.concurrent_updates`):

* **Per-chat order, chats in parallel** — updates of one chat (or, without a chat, of one user: inline queries) are
  processed one after another in the order they arrived; updates of different chats run concurrently, at most
  `workers` at a time. One chat's backlog (a flood, or replies waiting for Telegram's ~1 message/s per chat limit)
  never delays another chat's answer.
* **Flood control** — each chat has an allowance of `flood_burst` updates that cost a reply (messages in private
  chats, commands in groups, button presses; admins are exempt), refilled at `flood_rate` per second. Updates beyond it are dropped
  when they arrive (never processed, never queued). The first dropped update of an episode is kept instead, to
  let the `flood_gate` middleware (handlers.common) send the chat ONE polite notice, in order after the updates
  already accepted; the episode ends once the chat has been quiet long enough for its allowance to refill.

Decisions are taken when an update arrives (PTB starts one task per update, in arrival order), not when its turn
comes, so a flood is cut off at once rather than trickling through at the reply rate.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)

#: updates processed at the same time (across chats)
WORKERS = 32
#: updates PTB may hand over before the processor applies back-pressure (waiting updates are cheap)
QUEUE_BOUND = 100_000
#: a chat may send this many reply-costing updates at once …
FLOOD_BURST = 6
#: … and then this many per second
FLOOD_RATE = 1.0

ACCEPT, NOTICE, DROP = "accept", "notice", "drop"


@dataclass
class ProcessorStats:
    processed: int = 0
    dropped: int = 0
    notices: int = 0


class _Allowance:
    __slots__ = ("tokens", "stamp", "noticed")

    def __init__(self, tokens: float, stamp: float) -> None:
        self.tokens = tokens
        self.stamp = stamp
        self.noticed = False


def order_key(update: object) -> Hashable | None:
    """What an update is ordered by: its chat, else its user (inline queries), else nothing."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None


def costs_a_reply(update: object) -> bool:
    """Updates that count against a chat's flood allowance: button presses, messages in private chats, commands
    (or documents) in groups. Group chatter, edits, inline queries and membership changes are never throttled."""
    if not isinstance(update, Update) or update.effective_chat is None:
        return False
    if update.callback_query is not None:
        return True
    message = update.message
    if message is None:
        return False
    if update.effective_chat.type == ChatType.PRIVATE:
        return True
    return bool(message.text and message.text.startswith("/")) or message.document is not None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """See the module docstring."""

    def __init__(self, workers: int = WORKERS, *, flood_burst: int = FLOOD_BURST, flood_rate: float = FLOOD_RATE,
                 exempt_users: frozenset[int] = frozenset(), clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(max_concurrent_updates=QUEUE_BOUND)
        self.workers = workers
        self.flood_burst = flood_burst
        self.flood_rate = flood_rate
        #: never throttled (the admins: an upload of many bulletins at once is not a flood)
        self.exempt_users = exempt_users
        self.clock = clock
        self.stats = ProcessorStats()
        self._slots: asyncio.Semaphore | None = None
        self._chains: dict[Hashable, tuple[asyncio.Lock, list[int]]] = {}
        self._allowances: dict[Hashable, _Allowance] = {}
        self._notices: set[int] = set()

    async def initialize(self) -> None:
        self._slots = asyncio.Semaphore(self.workers)

    async def shutdown(self) -> None:
        self._allowances.clear()
        self._notices.clear()

    # ---------------------------------------------------------------------------------------------- flood control

    def admit(self, key: Hashable, now: float) -> str:
        """ACCEPT, NOTICE (first refusal of an episode) or DROP for one reply-costing update of `key`."""
        allowance = self._allowances.get(key)
        if allowance is None:
            if len(self._allowances) > 50_000:
                self._forget_quiet(now)
            allowance = self._allowances[key] = _Allowance(float(self.flood_burst), now)
        allowance.tokens = min(float(self.flood_burst),
                               allowance.tokens + (now - allowance.stamp) * self.flood_rate)
        allowance.stamp = now
        if allowance.tokens >= self.flood_burst:  # quiet long enough: a new flood gets a new notice
            allowance.noticed = False
        if allowance.tokens >= 1.0:
            allowance.tokens -= 1.0
            return ACCEPT
        if allowance.noticed:
            return DROP
        allowance.noticed = True
        return NOTICE

    def _forget_quiet(self, now: float) -> None:
        full_after = self.flood_burst / self.flood_rate if self.flood_rate > 0 else float("inf")
        for key in [k for k, a in self._allowances.items() if now - a.stamp > full_after]:
            del self._allowances[key]

    def _exempt(self, update: object) -> bool:
        user = update.effective_user if isinstance(update, Update) else None
        return user is not None and user.id in self.exempt_users

    def take_notice(self, update: object) -> bool:
        """True (once) when `update` is the one a flooding chat gets its notice for: the caller sends the notice
        and processes nothing else of this update."""
        if not isinstance(update, Update) or update.update_id not in self._notices:
            return False
        self._notices.discard(update.update_id)
        self.stats.notices += 1
        return True

    # ---------------------------------------------------------------------------------------------- processing

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = order_key(update)
        if key is not None and costs_a_reply(update) and not self._exempt(update):
            verdict = self.admit(key, self.clock())
            if verdict == DROP:
                self.stats.dropped += 1
                close = getattr(coroutine, "close", None)
                if close is not None:
                    close()  # never awaited: nothing of this update runs
                return
            if verdict == NOTICE:
                assert isinstance(update, Update)
                self._notices.add(update.update_id)
                log.info("chat %s is flooding: throttled", key)
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.workers)
        if key is None:
            async with self._slots:
                await coroutine
            self.stats.processed += 1
            return
        lock, waiting = self._chains.get(key) or self._chains.setdefault(key, (asyncio.Lock(), [0]))
        waiting[0] += 1
        try:
            async with lock:  # FIFO: this chat's updates one at a time, in arrival order
                async with self._slots:
                    await coroutine
            self.stats.processed += 1
        finally:
            waiting[0] -= 1
            if waiting[0] == 0:
                self._chains.pop(key, None)
            if isinstance(update, Update):
                self._notices.discard(update.update_id)

    def backlog(self, key: Hashable) -> int:
        """Updates of `key` waiting or running now."""
        entry = self._chains.get(key)
        return entry[1][0] if entry else 0
