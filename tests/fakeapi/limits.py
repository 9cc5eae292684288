"""Telegram-like flood control for the fake Bot API (engineer E's section; installs as a middleware + hook).

    limits = TelegramLimits().install(api)

* more than `overall` messages in any 1-second window → 429 with `retry_after` (whole seconds, ≥ 1);
* a chat whose bucket (`chat_burst` messages, refilled at `chat_rate`/s) is empty → 429 for that chat;
* a group (negative id) with `group_per_minute` messages in the last 60 s → 429 for that group.

It runs after the built-in blocked (403) and migration (400) middlewares, counts only the message endpoints the
bot's limiter counts (`bot.ratelimit.is_message_endpoint`), and records every message attempt with its arrival
time, so tests can check `early_retries()`: attempts that arrived inside a `retry_after` window announced before
(any chat for an overall 429, the same chat for a per-chat one). `tolerance` forgives clock granularity.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from bot.ratelimit import is_message_endpoint
from tests.fakeapi.core import Call, FakeBotAPI, Reply, _as_int


@dataclass(frozen=True)
class FloodWindow:
    at: float
    until: float
    chat_id: int | None  # None: the overall limit


@dataclass
class Attempt:
    at: float
    chat_id: int
    accepted: bool


@dataclass
class TelegramLimits:
    overall: int = 30
    chat_rate: float = 1.0
    chat_burst: int = 3
    group_per_minute: int = 20
    tolerance: float = 0.002
    attempts: list[Attempt] = field(default_factory=list)
    windows: list[FloodWindow] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _recent: deque[float] = field(default_factory=deque)
    _buckets: dict[int, tuple[float, float]] = field(default_factory=dict)
    _groups: dict[int, deque[float]] = field(default_factory=dict)

    def install(self, api: FakeBotAPI) -> TelegramLimits:
        api.middlewares.append(self)
        return self

    def __call__(self, api: FakeBotAPI, call: Call) -> Reply | None:
        if not is_message_endpoint(call.method):
            return None
        chat = _as_int(call.params.get("chat_id"))
        with self._lock:
            now = time.monotonic()
            reply = self._check(now, chat)
            self.attempts.append(Attempt(now, chat, reply is None))
            if reply is None:
                self._book(now, chat)
            return reply

    def _check(self, now: float, chat: int) -> Reply | None:
        recent = self._recent
        while recent and recent[0] <= now - 1.0:
            recent.popleft()
        if len(recent) >= self.overall:
            return self._flood(now, recent[0] + 1.0 - now, None)
        tokens, stamp = self._buckets.get(chat, (float(self.chat_burst), now))
        tokens = min(float(self.chat_burst), tokens + (now - stamp) * self.chat_rate)
        if tokens < 1.0:
            return self._flood(now, (1.0 - tokens) / self.chat_rate, chat)
        if chat < 0:
            group = self._groups.setdefault(chat, deque())
            while group and group[0] <= now - 60.0:
                group.popleft()
            if len(group) >= self.group_per_minute:
                return self._flood(now, group[0] + 60.0 - now, chat)
        return None

    def _book(self, now: float, chat: int) -> None:
        self._recent.append(now)
        tokens, stamp = self._buckets.get(chat, (float(self.chat_burst), now))
        tokens = min(float(self.chat_burst), tokens + (now - stamp) * self.chat_rate)
        self._buckets[chat] = (tokens - 1.0, now)
        if chat < 0:
            self._groups.setdefault(chat, deque()).append(now)

    def _flood(self, now: float, needed: float, chat: int | None) -> Reply:
        retry_after = max(1, math.ceil(needed))
        self.windows.append(FloodWindow(now, now + retry_after, chat))
        return Reply.error(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)

    # ------------------------------------------------------------------ assertions
    def early_retries(self) -> list[Attempt]:
        """Message attempts that arrived inside an announced retry_after window."""
        bad = []
        for a in self.attempts:
            for w in self.windows:
                if w.at + self.tolerance < a.at < w.until - self.tolerance and (w.chat_id is None or w.chat_id == a.chat_id):
                    bad.append(a)
                    break
        return bad

    def accepted(self) -> list[Attempt]:
        return [a for a in self.attempts if a.accepted]

    def rate_429(self) -> int:
        return len(self.windows)

    def summary(self) -> dict[str, Any]:
        acc = self.accepted()
        span = (acc[-1].at - acc[0].at) if len(acc) > 1 else 0.0
        return {
            "attempts": len(self.attempts), "accepted": len(acc), "429": len(self.windows),
            "early_retries": len(self.early_retries()),
            "rate_per_s": (len(acc) - 1) / span if span else 0.0,
        }
