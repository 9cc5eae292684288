"""The periodic tick and the delivery worker, wired to PTB's JobQueue.

Contract used by bot/app.py:
    setup(application) -> None        # from post_init: one repeating tick job + the sender (started with the app)
    await shutdown(application)       # from post_shutdown: make sure the sender has stopped

* **Tick** — one `run_repeating` job (every ``settings.tick_seconds``), not one job per subscriber: it calls
  `bot.services.digest.enqueue_due` in a worker thread, batch by batch, each batch one transaction (outbox rows +
  the subscriptions' advance). The subscriptions table is the truth, so a missed tick (bot down) is caught up by
  the next one: a subscription overdue by days gets one digest covering the whole gap, not a backlog.
* **Sender** — a single task started with the application (`Application.create_task`, so `Application.stop`
  waits for it). It drains pending outbox rows in order, one message in flight at a time, through the rate
  limiter's broadcast lane, and marks each row sent (with Telegram's message id) right after Telegram accepted
  it. 429 is handled by the limiter (pause, then retry; never dropped); network errors and 5xx → retry with
  exponential backoff; 403 → the chat and its subscriptions are deactivated and its unsent rows cancelled;
  ChatMigrated → the chat id is rewritten everywhere and the row resent; any other 400 → failed, with the error.
* **Stopping** — on SIGTERM PTB stops the application: the sender finishes the message on the wire (and marks it
  sent), abandons one that is only waiting for the limiter (it stays pending), and exits. Zero duplicates, zero
  losses; after a hard kill at most that one in-flight message can repeat (sent but not yet marked).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.config import Settings
from bot.db.engine import session_scope
from bot.db.models import utcnow
from bot.ratelimit import BROADCAST, retry_after_of
from bot.render_charts import alert_parts
from bot.render_digest import digest_parts
from bot.services import digest as outbox
from bot.services import health, watches
from bot.services.topics import ArticleTextCache

log = logging.getLogger(__name__)

SERVICE_KEY = "delivery"
TICK_JOB = "digest-tick"
TICK_BATCH = 1000
CLAIM_BATCH = 100
IDLE_POLL = 1.0
MAX_BACKOFF = 300.0


@dataclass
class SenderStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    blocked: int = 0
    migrated: int = 0
    ticks: int = 0
    last_tick_seconds: float = 0.0


def backoff(attempts: int) -> float:
    """Seconds before retry number `attempts` (1, 2, 4 … capped at 5 minutes, with jitter)."""
    return min(MAX_BACKOFF, 2.0 ** max(0, attempts - 1)) * random.uniform(0.8, 1.2)


class DeliveryService:
    """The tick and the sender of one application. Kept in ``application.bot_data["delivery"]``."""

    def __init__(self, bot: Any, engine: Engine, settings: Settings, *,
                 running: Callable[[], bool] | None = None) -> None:
        self.bot = bot
        self.engine = engine
        self.settings = settings
        self._running = running or (lambda: True)
        self.stats = SenderStats()
        self.text_cache = ArticleTextCache()
        self.wake = asyncio.Event()
        self._tick_lock = asyncio.Lock()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        # the digest window lags the tick by one interval (≤ 60 s): an ingest still committing is not skipped
        self.settle = timedelta(seconds=min(60.0, max(0.0, settings.tick_seconds)))

    # ---------------------------------------------------------------------------------------------- tick

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
        async with self._tick_lock:
            started = asyncio.get_running_loop().time()
            result = await asyncio.to_thread(self.tick_sync, now)
            self.stats.ticks += 1
            self.stats.last_tick_seconds = asyncio.get_running_loop().time() - started
        if result.due:
            log.info("tick: %d due, %d digests (%d messages), %d with nothing new", result.due, result.digests,
                     result.messages, result.empty)
        if result.messages:
            self.wake.set()
        return result

    # ---------------------------------------------------------------------------------------------- sender

    def should_run(self) -> bool:
        return not self._stopping and self._running()

    def start(self) -> asyncio.Task[None]:
        self._task = asyncio.ensure_future(self.run_sender())
        return self._task

    async def stop(self) -> None:
        """Stop after the message in flight (idempotent)."""
        self._stopping = True
        self.wake.set()
        if self._task is not None:
            with suppress(asyncio.CancelledError):
                await self._task

    async def run_sender(self) -> None:
        log.info("delivery sender started")
        try:
            while self.should_run():
                rows = await asyncio.to_thread(self._claim)
                if not rows:
                    await self._idle()
                    continue
                for row in rows:
                    if not self.should_run():
                        break
                    await self.send_one(row)
        except Exception:  # never die silently: log, and let the next start resume the outbox
            log.exception("delivery sender crashed")
            raise
        finally:
            log.info("delivery sender stopped (%d sent)", self.stats.sent)

    def _claim(self) -> list[outbox.PendingDelivery]:
        with session_scope(self.engine) as session:
            return outbox.claim_pending(session, utcnow(), limit=CLAIM_BATCH)

    async def _idle(self) -> None:
        self.wake.clear()
        deadline = asyncio.get_running_loop().time() + IDLE_POLL
        while self.should_run():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return
            with suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=min(0.2, remaining))
                return

    async def send_one(self, row: outbox.PendingDelivery) -> None:
        state: dict[str, Any] = {"dispatched": False}
        task = asyncio.ensure_future(
            self.bot.send_message(
                row.chat_id, row.text, parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                rate_limit_args={"lane": BROADCAST, "state": state},
            )
        )
        while True:
            done, _ = await asyncio.wait({task}, timeout=0.2)
            if done:
                break
            if not self.should_run() and not state["dispatched"]:
                task.cancel()  # only waiting for the limiter: nothing sent, the row stays pending
                with suppress(asyncio.CancelledError, TelegramError):
                    await task
                if not state["dispatched"]:
                    return
                break
        try:
            message = task.result()
        except asyncio.CancelledError:
            return
        except Forbidden as exc:
            self.stats.blocked += 1
            await asyncio.to_thread(self._db, outbox.deactivate_chat, row.chat_id, f"forbidden: {exc.message}")
            log.info("chat %s blocked the bot: subscriptions deactivated", row.chat_id)
        except ChatMigrated as exc:
            self.stats.migrated += 1
            await asyncio.to_thread(self._db, outbox.migrate_chat, row.chat_id, int(exc.new_chat_id))
            log.info("chat %s migrated to %s", row.chat_id, exc.new_chat_id)
        except RetryAfter as exc:  # only if the limiter gave up (it normally waits and retries)
            self.stats.retried += 1
            at = utcnow() + timedelta(seconds=retry_after_of(exc))
            await asyncio.to_thread(self._db, outbox.mark_retry, row.id, f"retry_after: {exc.message}", at=at)
        except BadRequest as exc:
            self.stats.failed += 1
            await asyncio.to_thread(self._db, outbox.mark_failed, row.id, f"bad request: {exc.message}")
            log.warning("delivery %s to %s failed: %s", row.id, row.chat_id, exc.message)
        except NetworkError as exc:  # timeouts, connection errors, 5xx
            self.stats.retried += 1
            at = utcnow() + timedelta(seconds=backoff(row.attempts + 1))
            await asyncio.to_thread(self._db, outbox.mark_retry, row.id, f"network: {exc.message}", at=at)
        except TelegramError as exc:
            self.stats.failed += 1
            await asyncio.to_thread(self._db, outbox.mark_failed, row.id, f"{type(exc).__name__}: {exc.message}")
        else:
            self.stats.sent += 1
            await asyncio.to_thread(self._db, outbox.mark_sent, row.id, getattr(message, "message_id", None))

    def _db(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with session_scope(self.engine) as session:
            return fn(session, *args, **kwargs)


# -------------------------------------------------------------------------------------------------- PTB wiring


async def _tick_job(context: Any) -> None:
    service: DeliveryService = context.application.bot_data[SERVICE_KEY]
    result = await service.tick()
    await asyncio.to_thread(_record_tick, service.engine, result)


def _record_tick(engine: Engine, result: Any) -> None:
    """The heartbeat `python -m bot health` reads (after a tick that completed)."""
    detail = f"{getattr(result, 'due', 0)} due, {getattr(result, 'messages', 0)} messages"
    with session_scope(engine) as session:
        health.record_tick(session, utcnow(), detail)


async def _start_sender_job(context: Any) -> None:
    # runs once the application is running, so Application.stop() awaits the sender
    service: DeliveryService = context.application.bot_data[SERVICE_KEY]
    service._task = context.application.create_task(service.run_sender(), name="delivery-sender")


def get_service(application: Any) -> DeliveryService | None:
    return application.bot_data.get(SERVICE_KEY)  # type: ignore[no-any-return]


def setup(application: Any) -> None:
    """Create the delivery service, schedule the tick (one job) and the sender's start."""
    settings: Settings = application.bot_data["settings"]
    engine: Engine = application.bot_data["engine"]
    service = DeliveryService(application.bot, engine, settings, running=lambda: bool(application.running))
    application.bot_data[SERVICE_KEY] = service
    jq = application.job_queue
    if jq is None:  # pragma: no cover - PTB installed without the job-queue extra
        raise RuntimeError("python-telegram-bot[job-queue] is required for scheduled digests")
    for job in jq.get_jobs_by_name(TICK_JOB):
        job.schedule_removal()
    jq.run_repeating(
        _tick_job, interval=settings.tick_seconds, first=min(1.0, settings.tick_seconds), name=TICK_JOB,
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
    )
    jq.run_once(_start_sender_job, when=0, name="delivery-sender-start")


async def shutdown(application: Any) -> None:
    """Make sure the sender has stopped (normally `Application.stop` already waited for it)."""
    service = get_service(application)
    if service is not None:
        await service.stop()
