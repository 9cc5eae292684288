"""The periodic tick, wired to PTB's JobQueue; the sender that drains what it writes is bot/delivery.py.

Contract used by bot/app.py:
    setup(application, on_messages=...) -> Ticker   # from post_init: one repeating tick job (runs once the app
                                                    # is started; PTB's JobQueue stops it in Application.stop)

* **Tick** — one `run_repeating` job (every ``settings.tick_seconds``), not one job per subscriber: it calls
  `bot.services.outbox.enqueue_due` in a worker thread, batch by batch, each batch one transaction (outbox rows +
  the subscriptions' advance), and metric alerts (`bot.services.watches.tick`) before it. The subscriptions table is
  the truth, so a missed tick (bot down) is caught up by the next one: a subscription overdue by days gets one digest
  covering the whole gap, not a backlog. A slot's digest covers everything stored up to the tick; a follow-up
  ``settle`` seconds later (≤ 60 s) carries what an ingest still committing during the tick stored (see
  `enqueue_due`). Every process ticks; ticks never collide. A tick that wrote messages calls `on_messages` (the
  sender's wake-up).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine

from bot.config import Settings
from bot.context import ENGINE_KEY, SETTINGS_KEY
from bot.db.engine import session_scope
from bot.db.models import utcnow
from bot.render.alerts import alert_parts
from bot.render.digest import digest_parts
from bot.services import health, outbox, watches
from bot.services.topics import ArticleTextCache

log = logging.getLogger(__name__)

TICKER_KEY = "tick"
TICK_JOB = "digest-tick"
TICK_BATCH = 1000


class Ticker:
    """The tick of one application. Kept in ``application.bot_data["tick"]``."""

    def __init__(self, engine: Engine, settings: Settings, *, on_messages: Callable[[], None] | None = None) -> None:
        self.engine = engine
        self.settings = settings
        self.on_messages = on_messages
        self.text_cache = ArticleTextCache()
        self._lock = asyncio.Lock()
        #: a slot's follow-up comes this long after its tick (an ingest committing during the tick is in it)
        self.settle = timedelta(seconds=min(60.0, max(0.0, settings.tick_seconds)))
        self.ticks = 0
        self.last_tick_seconds = 0.0

    def tick_sync(self, now: datetime | None = None) -> outbox.TickResult:
        """All due subscriptions → outbox rows, batch by batch (blocking; run it in a thread)."""
        now = now or utcnow()
        total = outbox.TickResult()
        total.add(watches.tick(self.engine, now, render=alert_parts, settle=self.settle))  # metric alerts (/watch)
        while True:
            try:
                with session_scope(self.engine) as session:
                    result = outbox.enqueue_due(session, now, render=digest_parts, settle=self.settle,
                                                limit=TICK_BATCH, text_cache=self.text_cache)
            except outbox.TickConflict as exc:  # another process ticked the same rows: leave them to it
                log.warning("tick batch rolled back: %s", exc)
                return total
            total.add(result)
            if result.due < TICK_BATCH:
                return total

    async def tick(self, now: datetime | None = None) -> outbox.TickResult:
        async with self._lock:
            started = asyncio.get_running_loop().time()
            result = await asyncio.to_thread(self.tick_sync, now)
            self.ticks += 1
            self.last_tick_seconds = asyncio.get_running_loop().time() - started
        if result.digests:
            log.info("tick: %d due, %d digests (%d messages), %d with nothing new", result.due, result.digests,
                     result.messages, result.empty)
        elif result.due:
            log.debug("tick: %d due, nothing new", result.due)
        if result.messages and self.on_messages is not None:
            self.on_messages()
        return result


# -------------------------------------------------------------------------------------------------- PTB wiring


async def _tick_job(context: Any) -> None:
    ticker: Ticker = context.application.bot_data[TICKER_KEY]
    result = await ticker.tick()
    await asyncio.to_thread(_record_tick, ticker.engine, result)


def _record_tick(engine: Engine, result: outbox.TickResult) -> None:
    """The heartbeat `python -m bot health` reads (after a tick that completed)."""
    detail = f"{result.due} due, {result.messages} messages"
    with session_scope(engine) as session:
        health.record_tick(session, utcnow(), detail)


def setup(application: Any, *, on_messages: Callable[[], None] | None = None) -> Ticker:
    """Create the ticker and schedule the tick (one job; a repeated setup replaces it)."""
    settings: Settings = application.bot_data[SETTINGS_KEY]
    ticker = Ticker(application.bot_data[ENGINE_KEY], settings, on_messages=on_messages)
    application.bot_data[TICKER_KEY] = ticker
    jq = application.job_queue
    if jq is None:  # pragma: no cover - PTB installed without the job-queue extra
        raise RuntimeError("python-telegram-bot[job-queue] is required for scheduled digests")
    for job in jq.get_jobs_by_name(TICK_JOB):
        job.schedule_removal()
    jq.run_repeating(
        _tick_job, interval=settings.tick_seconds, first=min(1.0, settings.tick_seconds), name=TICK_JOB,
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
    )
    return ticker
