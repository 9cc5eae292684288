"""Health: the tick's heartbeat and the checks behind `python -m bot health` (and the Docker HEALTHCHECK).

* `record_tick(session, now, detail)` — the tick upserts its `heartbeat` row after every run (any process).
* `check(session, now, …)` — the store answers, the tick ran recently, and the outbox is not stuck (its oldest
  message due for sending has not been waiting longer than allowed). A large backlog alone is not unhealthy:
  a fan-out to many subscribers drains at Telegram's ~30 messages per second.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError
from sqlmodel import Session, col

from bot.db.models import Delivery, Heartbeat

TICK = "tick"
#: outbox rows still to be sent (the sender may add a transient "sending" state for rows it holds)
UNSENT = ("pending", "sending")


def record_tick(session: Session, now: datetime, detail: str = "") -> None:
    """Upsert the `tick` heartbeat in one statement (concurrent processes simply overwrite each other)."""
    detail = detail[:500]
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    stmt = insert(Heartbeat).values(name=TICK, at=now, detail=detail)
    session.execute(stmt.on_conflict_do_update(index_elements=["name"], set_={"at": now, "detail": detail}))


@dataclass
class Check:
    ok: bool
    message: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class HealthReport:
    checks: dict[str, Check]

    @property
    def healthy(self) -> bool:
        return all(c.ok for c in self.checks.values())

    def to_json(self) -> dict[str, Any]:
        return {"healthy": self.healthy, "checks": {name: asdict(c) for name, c in self.checks.items()}}

    def to_text(self) -> str:
        lines = [f"{'ok' if c.ok else 'FAIL':<5} {name:<9} {c.message}" for name, c in self.checks.items()]
        lines.append("healthy" if self.healthy else "unhealthy")
        return "\n".join(lines)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes: every stored datetime is UTC."""
    if value is None:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def check_tick(session: Session, now: datetime, max_age: float) -> Check:
    row = session.get(Heartbeat, TICK)
    if row is None:
        return Check(False, "the tick has never run (is the bot running?)", {"last_tick_at": None, "age_seconds": None,
                                                                             "max_age_seconds": max_age})
    at = _aware(row.at)
    assert at is not None
    age = max(0.0, (now - at).total_seconds())
    data = {"last_tick_at": at.isoformat(), "age_seconds": round(age, 1), "max_age_seconds": max_age,
            "detail": row.detail}
    if age > max_age:
        return Check(False, f"last tick {age:.0f} s ago (limit {max_age:.0f} s)", data)
    return Check(True, f"last tick {age:.0f} s ago (limit {max_age:.0f} s)", data)


def check_outbox(session: Session, now: datetime, max_wait: float) -> Check:
    unsent = col(Delivery.status).in_(UNSENT)
    backlog = int(session.execute(select(func.count()).select_from(Delivery).where(unsent)).scalar_one())
    oldest = _aware(session.execute(
        select(func.min(Delivery.next_attempt_at)).where(unsent, col(Delivery.next_attempt_at) <= now)
    ).scalar_one())
    wait = max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0
    data = {"backlog": backlog, "oldest_due_seconds": round(wait, 1), "max_wait_seconds": max_wait}
    message = f"{backlog} unsent, oldest due {wait:.0f} s ago (limit {max_wait:.0f} s)"
    return Check(wait <= max_wait, message, data)


def check(engine: Engine, now: datetime, *, max_tick_age: float, max_outbox_wait: float,
          where: str = "") -> HealthReport:
    """Every check; a store that does not answer (or is not migrated) fails `database` and skips the others."""
    started = time.perf_counter()
    try:
        with Session(engine) as session:
            session.execute(text("SELECT 1"))
            ms = (time.perf_counter() - started) * 1000
            database = Check(True, f"{where} answers ({ms:.0f} ms)".strip(), {"latency_ms": round(ms, 1)})
            return HealthReport({"database": database, "tick": check_tick(session, now, max_tick_age),
                                 "outbox": check_outbox(session, now, max_outbox_wait)})
    except SQLAlchemyError as exc:  # unreachable, refused, or reachable without our tables
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
        if isinstance(exc, ProgrammingError | OperationalError) and ("heartbeat" in reason or "delivery" in reason):
            reason = f"not migrated ({reason}): run `python -m bot migrate` or start the bot once"
        return HealthReport({"database": Check(False, f"{where}: {reason}" if where else reason, {"error": reason})})
