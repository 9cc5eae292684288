"""The delivery sender: drains the outbox (bot/services/outbox.py) towards Telegram.

Contract used by bot/app.py (PTB's Application lifecycle hooks):
    start(application) -> Sender       # from post_init: the sender runs from then on
    await stop(application)            # from post_stop (and post_shutdown, for a start-up that failed): graceful

* **Pipeline** — up to ``settings.send_window`` outbox rows in flight at once (claimed, waiting for the rate
  limiter, on the wire, or being marked sent), so a 50–150 ms round trip to Telegram does not cap the rate: the one
  overall budget (≈30 msg/s, the limiter's broadcast lane) does. Rows are *claimed* (status ``sending``, with this
  process's claimant id and a lease renewed every ``lease/3`` s); only the first unsent row of a chat is ever
  claimed, so one chat never has two messages in flight and the parts of a digest go out strictly in order. Each row
  is marked sent (with Telegram's message id) right after Telegram accepted it — only while this process still holds
  the claim. 429 pauses the whole limiter (every message in flight waits, then retries; never dropped); network
  errors and 5xx → retry with exponential backoff; 403 → the chat and its subscriptions are deactivated and its
  unsent rows cancelled; ChatMigrated → the chat id is rewritten everywhere and the row resent; any other 400 →
  failed, with the error. A chat the limiter holds back for a while (a group at 20 messages a minute) is left
  unclaimed meanwhile, so it never blocks the window.
* **Several processes** (PostgreSQL) — one sender at a time: the process holding a PostgreSQL advisory lock sends,
  the others stand by and try to take over every ``STANDBY_POLL`` s (the lock goes with its connection, so a dead
  sender's lock is free at once). One budget across processes, and claims use ``FOR UPDATE SKIP LOCKED`` anyway.
  A claim whose lease ran out (its sender died) goes back to pending. On SQLite (one process) the sender claims
  everything left ``sending`` at start-up at once.
* **Stopping** — on SIGTERM PTB stops the application, then calls post_stop: messages already on the wire finish
  and are marked sent; claimed rows only waiting for the limiter are given back (pending). Zero duplicates, zero
  losses. After a hard kill (SIGKILL, power loss) the messages that were on the wire but not yet marked are sent
  again: at most ``send_window`` (measured in `make bench`). The sender starts in post_init, before polling: if
  start-up fails after that (a webhook port already taken), PTB calls only post_shutdown, after the bot's HTTP
  client is closed; the few rows in flight then stay claimed and are recovered as after a hard kill.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import time
import uuid
import zlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.config import Settings
from bot.context import ENGINE_KEY, SETTINGS_KEY
from bot.db.engine import session_scope
from bot.db.models import utcnow
from bot.ratelimit import BROADCAST, retry_after_of
from bot.services import outbox

log = logging.getLogger(__name__)

SENDER_KEY = "delivery"
IDLE_POLL = 1.0
STANDBY_POLL = 2.0
#: a sender taking over waits one rate window: the sender before it may have spent this second's 30 messages
HANDOVER_PAUSE = 1.0
MAX_BACKOFF = 300.0
#: pause after a database error in the sender loop
ERROR_PAUSE = 5.0
#: a chat the limiter holds back longer than this is not claimed meanwhile
COOLING = 1.0
#: the PostgreSQL advisory lock key of "the sender"
SENDER_LOCK = zlib.crc32(b"dongtai:sender")


@dataclass
class SenderStats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    blocked: int = 0
    migrated: int = 0
    lost_claims: int = 0
    released: int = 0
    recovered: int = 0


def backoff(attempts: int) -> float:
    """Seconds before retry number `attempts` (1, 2, 4 … capped at 5 minutes, with jitter)."""
    return min(MAX_BACKOFF, 2.0 ** max(0, attempts - 1)) * random.uniform(0.8, 1.2)


def claimant_id() -> str:
    """This process's name on its claims: host, pid and a random suffix (pids repeat across restarts)."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class SenderLock:
    """Who sends: on PostgreSQL the holder of a session advisory lock (kept on a connection of its own), so exactly
    one process of a deployment sends; on SQLite (one process) always this one. Blocking: call in a thread."""

    def __init__(self, engine: Engine, key: int = SENDER_LOCK) -> None:
        self.engine = engine
        self.key = key
        self.shared = engine.dialect.name == "postgresql"
        self._conn: Connection | None = None

    @property
    def held(self) -> bool:
        return not self.shared or self._conn is not None

    def acquire(self) -> bool:
        """Try to become the sender (no waiting); True if this process is (or already was) the sender."""
        if not self.shared:
            return True
        if self._conn is not None:
            return self.check()
        conn = self.engine.connect()
        try:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}).scalar())
            conn.commit()  # a session lock outlives the transaction; don't sit idle in one
        except Exception:
            conn.close()
            raise
        if got:
            self._conn = conn
        else:
            conn.close()
        return got

    def check(self) -> bool:
        """Still the sender? (the lock lives as long as its connection)"""
        if self._conn is None:
            return not self.shared
        try:
            self._conn.execute(text("SELECT 1"))
            self._conn.commit()
            return True
        except Exception:  # noqa: BLE001 - the connection is gone, and the lock with it
            log.warning("lost the sender lock (database connection gone)")
            self._drop()
            return False

    def release(self) -> None:
        if self._conn is None:
            return
        with suppress(Exception):
            self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
            self._conn.commit()
        self._drop()

    def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with suppress(Exception):
                conn.invalidate()
                conn.close()


class Sender:
    """The sender of one application. Kept in ``application.bot_data["delivery"]``; set `wake` after writing rows."""

    def __init__(self, bot: Any, engine: Engine, settings: Settings) -> None:
        self.bot = bot
        self.engine = engine
        self.settings = settings
        self.stats = SenderStats()
        self.wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self.window = max(1, int(settings.send_window))
        self.lease = timedelta(seconds=max(3.0, float(settings.send_lease_seconds)))
        self.claimant = claimant_id()
        self.lock = SenderLock(engine)
        self.inflight: dict[int, asyncio.Task[None]] = {}
        self._chats: set[int] = set()
        self._cooling: dict[int, float] = {}
        self.max_inflight = 0
        self._leading = False
        self._next_beat = 0.0

    def should_run(self) -> bool:
        return not self._stopping

    def start(self) -> asyncio.Task[None]:
        """Run the sender in a task of its own (idempotent); `stop` ends it."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self.run_sender(), name="delivery-sender")
        return self._task

    async def stop(self) -> None:
        """Stop after the messages on the wire (idempotent)."""
        self._stopping = True
        self.wake.set()
        if self._task is not None and not self._task.done():
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            except Exception:  # never raised by run_sender's loop; logged rather than break PTB's shutdown
                log.exception("delivery sender failed")

    async def run_sender(self) -> None:
        log.info("delivery sender started (%s, window %d)", self.claimant, self.window)
        try:
            while self.should_run():
                try:
                    await self._step()
                except Exception:  # the database went away for a moment: keep what is in flight, try again
                    log.exception("delivery sender: retrying in %.0f s", ERROR_PAUSE)
                    self._next_beat = 0.0  # renew the claims and re-check the sender lock first thing
                    self.wake.clear()
                    await self._idle(ERROR_PAUSE)
        finally:
            await self._drain()
            with suppress(Exception):
                await asyncio.to_thread(self.lock.release)
            log.info("delivery sender stopped (%d sent)", self.stats.sent)

    async def _step(self) -> None:
        """One turn of the sender: be the sender (or stand by), keep the claims alive, claim what fits the window."""
        loop = asyncio.get_running_loop()
        if not self._leading:
            self._leading = await asyncio.to_thread(self.lock.acquire)
            if not self._leading:
                self.wake.clear()
                await self._idle(STANDBY_POLL)
                return
            log.info("delivery sender active (%s)", self.claimant)
            if self.lock.shared:  # another process may have been sending until a moment ago
                await asyncio.sleep(HANDOVER_PAUSE)
            await asyncio.to_thread(self._recover, True)
            self._next_beat = loop.time() + self.lease.total_seconds() / 3
        if loop.time() >= self._next_beat:  # heartbeat: renew our claims, free dead senders' ones, still leader?
            self._next_beat = loop.time() + self.lease.total_seconds() / 3
            await asyncio.to_thread(self._heartbeat)
            if self.lock.shared and not await asyncio.to_thread(self.lock.check):
                self._leading = False
                await self._drain()
                return
        free = self.window - len(self.inflight)
        if free < max(1, self.window // 3):
            await self._wait_for_slot()
            return
        self.wake.clear()  # before the claim: a message finishing meanwhile wakes the idle wait below
        rows = await asyncio.to_thread(self._claim, free)
        if not rows:
            await self._idle(IDLE_POLL)
            return
        for row in rows:
            self._chats.add(row.chat_id)
            self.inflight[row.id] = asyncio.ensure_future(self._run_one(row))
        self.max_inflight = max(self.max_inflight, len(self.inflight))

    async def _drain(self) -> None:
        """Wait for every message in flight (those on the wire finish; the others give their rows back)."""
        while self.inflight:
            await asyncio.gather(*list(self.inflight.values()), return_exceptions=True)

    async def _wait_for_slot(self) -> None:
        tasks = list(self.inflight.values())
        if tasks:
            await asyncio.wait(tasks, timeout=0.5, return_when=asyncio.FIRST_COMPLETED)

    async def _run_one(self, row: outbox.PendingDelivery) -> None:
        try:
            await self.send_one(row)
        except Exception:  # the row stays claimed; its lease runs out and it is sent again
            log.exception("delivery %s to %s: unexpected error", row.id, row.chat_id)
        finally:
            self.inflight.pop(row.id, None)
            self._chats.discard(row.chat_id)
            self._cool(row.chat_id)
            self.wake.set()

    def _cool(self, chat_id: int) -> None:
        chat_wait = getattr(getattr(self.bot, "rate_limiter", None), "chat_wait", None)
        wait = float(chat_wait(chat_id)) if callable(chat_wait) else 0.0
        if wait > COOLING:
            self._cooling[chat_id] = time.monotonic() + wait

    def _claim(self, limit: int) -> list[outbox.PendingDelivery]:
        mono = time.monotonic()
        for chat, until in list(self._cooling.items()):
            if until <= mono:
                self._cooling.pop(chat, None)
        exclude = set(self._chats) | set(self._cooling)
        with session_scope(self.engine) as session:
            return outbox.claim_pending(session, utcnow(), limit=limit, exclude_chats=exclude,
                                        claimant=self.claimant, lease=self.lease)

    def _recover(self, starting: bool) -> None:
        with session_scope(self.engine) as session:
            # a single-process store: anything left `sending` belongs to a process that is gone
            mine = self.claimant if (starting and not self.lock.shared) else None
            n = outbox.recover_stale(session, utcnow(), claimant=mine)
        if n:
            self.stats.recovered += n
            log.warning("%d outbox rows claimed by a sender that is gone are pending again (those already on the "
                        "wire when it died are sent again)", n)

    def _heartbeat(self) -> None:
        with session_scope(self.engine) as session:
            outbox.renew_leases(session, self.claimant, utcnow() + self.lease)
        self._recover(False)

    async def _idle(self, seconds: float) -> None:
        """Wait up to `seconds`, or until woken (a tick wrote rows, a message finished, stopping)."""
        deadline = asyncio.get_running_loop().time() + seconds
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
                task.cancel()  # only waiting for the limiter: nothing sent, the row goes back to pending
                with suppress(asyncio.CancelledError, TelegramError):
                    await task
                if not state["dispatched"]:
                    self.stats.released += 1
                    await asyncio.to_thread(self._db, outbox.release, [row.id], claimant=self.claimant)
                    return
                break
        me = self.claimant
        try:
            message = task.result()
        except asyncio.CancelledError:
            await asyncio.to_thread(self._db, outbox.release, [row.id], claimant=me)
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
            await self._retry(row, f"retry_after: {exc.message}", retry_after_of(exc))
        except BadRequest as exc:
            await self._fail(row, f"bad request: {exc.message}")
            log.warning("delivery %s to %s failed: %s", row.id, row.chat_id, exc.message)
        except NetworkError as exc:  # timeouts, connection errors, 5xx
            await self._retry(row, f"network: {exc.message}", backoff(row.attempts + 1))
        except TelegramError as exc:
            await self._fail(row, f"{type(exc).__name__}: {exc.message}")
        else:
            self.stats.sent += 1
            if not await asyncio.to_thread(self._db, outbox.mark_sent, row.id, getattr(message, "message_id", None),
                                           claimant=me):
                self.stats.lost_claims += 1
                log.warning("delivery %s to %s was sent after its claim was lost (its lease ran out): it may be "
                            "sent twice", row.id, row.chat_id)

    async def _retry(self, row: outbox.PendingDelivery, error: str, delay: float) -> None:
        """The row goes back to pending, to be sent again in `delay` seconds; `error` is kept."""
        self.stats.retried += 1
        at = utcnow() + timedelta(seconds=delay)
        await asyncio.to_thread(self._db, outbox.mark_retry, row.id, error, at=at, claimant=self.claimant)

    async def _fail(self, row: outbox.PendingDelivery, error: str) -> None:
        """The row is given up on (`error` kept): it is not sent again."""
        self.stats.failed += 1
        await asyncio.to_thread(self._db, outbox.mark_failed, row.id, error, claimant=self.claimant)

    def _db(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        with session_scope(self.engine) as session:
            return fn(session, *args, **kwargs)


# -------------------------------------------------------------------------------------------------- PTB wiring


def get_sender(application: Any) -> Sender | None:
    return application.bot_data.get(SENDER_KEY)  # type: ignore[no-any-return]


def start(application: Any) -> Sender:
    """Create the sender of `application` and start it (from post_init; the bot is initialised by then)."""
    sender = get_sender(application)
    if sender is None:
        sender = Sender(application.bot, application.bot_data[ENGINE_KEY], application.bot_data[SETTINGS_KEY])
        application.bot_data[SENDER_KEY] = sender
    sender.start()
    return sender


async def stop(application: Any) -> None:
    """Stop the sender after the messages on the wire (from post_stop and post_shutdown; idempotent)."""
    sender = get_sender(application)
    if sender is not None:
        await sender.stop()
