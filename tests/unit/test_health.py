"""`python -m bot health`: the tick's heartbeat (written by the real tick job), and the checks' verdicts and exit
codes on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from bot.__main__ import main
from bot.app import build_application
from bot.config import Settings, get_settings
from bot.db.engine import session_scope
from bot.db.models import Delivery, Heartbeat, Subscription, utcnow
from bot.services import health
from tests.fakeapi import TOKEN, FakeBotAPI, RecordingRequest
from tests.lifecycle import start, stop


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str,
            *args: str) -> tuple[int, str]:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TICK_SECONDS", "60")
    get_settings.cache_clear()
    try:
        code = main(["health", *args])
    finally:
        get_settings.cache_clear()
    return code, capsys.readouterr().out


def test_heartbeat_upsert_and_verdicts(engine: Engine) -> None:
    now = utcnow()
    with session_scope(engine) as s:
        health.record_tick(s, now - timedelta(hours=1), "old")
    with session_scope(engine) as s:
        health.record_tick(s, now - timedelta(seconds=5), "3 due, 4 messages")  # the same row, overwritten
    with session_scope(engine) as s:
        rows = s.exec(select(Heartbeat)).all()
        assert [(r.name, r.detail) for r in rows] == [("tick", "3 due, 4 messages")]
    report = health.check(engine, now, max_tick_age=60, max_outbox_wait=900)
    assert report.healthy, report.to_text()
    assert report.checks["tick"].data["age_seconds"] == pytest.approx(5, abs=1)
    assert health.check(engine, now + timedelta(minutes=2), max_tick_age=60, max_outbox_wait=900).healthy is False

    # an outbox message due 20 minutes ago and still unsent: stuck
    with session_scope(engine) as s:
        sub = Subscription(chat_id=5, topic="跨境电商", next_due_at=now)
        s.add(sub)
        s.flush()
        s.add(Delivery(subscription_id=sub.id, chat_id=5, slot=now, text="x", next_attempt_at=now - timedelta(minutes=20)))
        s.add(Delivery(subscription_id=sub.id, chat_id=5, slot=now, part=1, text="y", next_attempt_at=now))
        s.add(Delivery(subscription_id=sub.id, chat_id=5, slot=now, part=2, text="z", status="sent",
                       next_attempt_at=now - timedelta(hours=3)))
    report = health.check(engine, now, max_tick_age=60, max_outbox_wait=900)
    assert not report.healthy and report.checks["tick"].ok and not report.checks["outbox"].ok
    assert report.checks["outbox"].data["backlog"] == 2
    assert report.checks["outbox"].data["oldest_due_seconds"] == pytest.approx(1200, abs=2)
    assert health.check(engine, now, max_tick_age=60, max_outbox_wait=3600).healthy


async def test_the_tick_job_writes_the_heartbeat_the_cli_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    code, out = run_cli(monkeypatch, capsys, url)
    assert code == 1 and "no database file" in out

    from bot.db.store import open_store

    engine = open_store(url)
    code, out = run_cli(monkeypatch, capsys, url, "--json")
    report = json.loads(out)
    assert code == 1 and report["healthy"] is False and report["checks"]["database"]["ok"] is True
    assert report["checks"]["tick"]["data"]["last_tick_at"] is None

    settings = Settings(_env_file=None, telegram_bot_token=TOKEN, database_url=url, tick_seconds=0.2,  # type: ignore[call-arg]
                        load_seeds=False)
    app = build_application(settings, engine=engine, request=RecordingRequest(FakeBotAPI()))
    await start(app)
    try:
        for _ in range(100):
            with session_scope(engine) as s:
                if s.get(Heartbeat, health.TICK) is not None:
                    break
            await asyncio.sleep(0.05)
    finally:
        await stop(app)
    code, out = run_cli(monkeypatch, capsys, url, "--json")
    report = json.loads(out)
    assert code == 0 and report["healthy"] is True, out
    assert report["checks"]["tick"]["data"]["age_seconds"] < 60
    assert report["checks"]["outbox"]["data"]["backlog"] == 0
    code, out = run_cli(monkeypatch, capsys, url, "--max-tick-age", "0")
    assert code == 1 and "FAIL  tick" in out and out.strip().endswith("unhealthy")
    engine.dispose()


def test_an_unreachable_database_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_cli(monkeypatch, capsys, "postgresql://nobody@127.0.0.1:1/none")
    assert code == 1
    assert out.splitlines()[0].startswith("FAIL  database  postgresql+psycopg://nobody@127.0.0.1:1/none: ")
    assert "Traceback" not in out


def test_a_database_without_the_schema_says_so(db_url: str) -> None:
    from bot.db.engine import make_engine

    engine = make_engine(db_url)
    with engine.begin() as conn:  # reachable, but nothing migrated
        conn.exec_driver_sql("CREATE TABLE unrelated (id INTEGER)")
    report = health.check(engine, utcnow(), max_tick_age=60, max_outbox_wait=900, where="db")
    engine.dispose()
    assert not report.healthy and list(report.checks) == ["database"]
    assert report.checks["database"].message.startswith("db: not migrated") and "bot migrate" in report.to_text()
