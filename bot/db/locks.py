"""Locks between processes sharing one database.

* `advisory_lock(engine, name)` — a blocking, scoped lock: PostgreSQL session advisory lock on a connection of its
  own (start-up steps several processes may run at once: migrations, seeds). A no-op elsewhere (SQLite serialises
  writers itself, and runs one process).
* `try_hold(engine, name)` — a lock held for the life of the process, taken without waiting: PostgreSQL advisory
  lock; on SQLite an exclusive `flock` on a file next to the database. None when another process holds it. The
  operating system / PostgreSQL frees it when the process dies, however it dies.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine


def lock_key(name: str) -> int:
    """A stable 32-bit advisory lock key for `name` (PostgreSQL takes a bigint)."""
    return zlib.crc32(name.encode("utf-8"))


@contextmanager
def advisory_lock(engine: Engine, name: str) -> Iterator[None]:
    if engine.dialect.name != "postgresql":
        yield
        return
    key = lock_key(name)
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
        conn.commit()
        try:
            yield
        finally:
            with suppress(Exception):
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()


class HeldLock:
    """A lock this process holds until `release()` (or its exit)."""

    def __init__(self, *, conn: Connection | None = None, key: int = 0, fh: IO[Any] | None = None) -> None:
        self._conn = conn
        self._key = key
        self._fh = fh

    def release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            with suppress(Exception):
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
                conn.commit()
            with suppress(Exception):
                conn.close()
        fh, self._fh = self._fh, None
        if fh is not None:
            with suppress(Exception):
                fh.close()  # closing the descriptor drops the flock


def try_hold(engine: Engine, name: str) -> HeldLock | None:
    """Take `name` for the life of this process, without waiting. None: another process holds it."""
    if engine.dialect.name == "postgresql":
        key = lock_key(name)
        conn = engine.connect()
        try:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())
            conn.commit()
        except Exception:
            conn.close()
            raise
        if not got:
            conn.close()
            return None
        return HeldLock(conn=conn, key=key)
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return HeldLock()
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no file locks, one process assumed
        return HeldLock()
    path = Path(f"{database}.{name.replace(':', '-')}.lock")
    fh = path.open("a+")
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        return None
    return HeldLock(fh=fh)
