"""Open the store: engine + migrations applied (the start of run, ingest, and every test)."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from bot.db.engine import make_engine
from bot.db.migrate import upgrade


def open_store(url: str, *, migrate: bool = True) -> Engine:
    engine = make_engine(url)
    if migrate:
        upgrade(engine)
    return engine
