"""Outbox claims with a lease (SQLite and PostgreSQL): disjoint claims, one row per chat in flight, mark only while
still claimed, stale leases recovered; on PostgreSQL concurrent claimants (SKIP LOCKED), the sender election and
migrations started by two processes at once on an empty database."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import make_engine, session_scope
from bot.db.models import Delivery
from bot.delivery import SenderLock
from bot.services import outbox
from tests.conftest import ROOT
from tests.unit.test_digest import _subscribe, at

NOW = at(2026, 5, 1)


def fill(engine: Engine, chats: dict[int, int]) -> None:
    """`chats`: chat id → number of parts of its digest."""
    with session_scope(engine) as s:
        for cid, parts in chats.items():
            sub = _subscribe(s, cid, "跨境电商", now=NOW)
            for p in range(parts):
                s.add(Delivery(subscription_id=sub.id, chat_id=cid, slot=NOW, part=p, text=f"{cid}/{p}",
                               next_attempt_at=NOW))


def claim(engine: Engine, who: str, limit: int = 100, now=NOW, lease: float = 30.0):  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        return outbox.claim_pending(s, now, limit=limit, claimant=who, lease=timedelta(seconds=lease))


def statuses(engine: Engine) -> Counter[str]:
    with session_scope(engine) as s:
        return Counter(d.status for d in s.exec(select(Delivery)))


def test_claims_are_disjoint_ordered_and_held_until_marked(engine: Engine) -> None:
    fill(engine, {1: 3, 2: 1, 3: 2})
    a = claim(engine, "A", limit=2)
    b = claim(engine, "B")
    assert [(r.chat_id, r.part) for r in a] == [(1, 0), (2, 0)]
    assert [(r.chat_id, r.part) for r in b] == [(3, 0)]  # chat 1's part 1 waits for part 0
    assert claim(engine, "C") == []
    with session_scope(engine) as s:
        assert not outbox.mark_sent(s, a[0].id, 10, claimant="B")  # not B's claim
        assert outbox.mark_sent(s, a[0].id, 10, claimant="A")
        assert not outbox.mark_sent(s, a[0].id, 10, claimant="A")  # already sent
    assert [(r.chat_id, r.part) for r in claim(engine, "C")] == [(1, 1)]
    with session_scope(engine) as s:
        assert outbox.release(s, [b[0].id], claimant="B") == 1  # B stops before sending: back to pending
    assert [(r.chat_id, r.part) for r in claim(engine, "A")] == [(3, 0)]
    assert statuses(engine) == {"sending": 3, "sent": 1, "pending": 2}


def test_stale_lease_is_recovered_and_the_late_owner_cannot_mark(engine: Engine) -> None:
    fill(engine, {1: 1, 2: 1})
    a = claim(engine, "A", lease=5)
    assert len(a) == 2
    with session_scope(engine) as s:
        assert outbox.renew_leases(s, "A", NOW + timedelta(seconds=60)) == 2
        assert outbox.recover_stale(s, NOW + timedelta(seconds=30)) == 0  # renewed: still A's
    with session_scope(engine) as s:
        assert outbox.recover_stale(s, NOW + timedelta(seconds=61)) == 2  # A died: its lease ran out
    b = claim(engine, "B", now=NOW + timedelta(seconds=62))
    assert {r.id for r in b} == {r.id for r in a}
    with session_scope(engine) as s:
        assert not outbox.mark_sent(s, a[0].id, 1, claimant="A")  # A's late answer: B holds it now
        assert not outbox.mark_retry(s, a[1].id, "network", at=NOW, claimant="A")
        assert outbox.mark_sent(s, b[0].id, 2, claimant="B")
        # a single-process store at start-up: everything claimed by anybody else is pending again at once
        assert outbox.recover_stale(s, NOW, claimant="C") == 1
    assert statuses(engine) == {"sent": 1, "pending": 1}


@pytest.fixture
def pg_engine(postgres_url: str):  # type: ignore[no-untyped-def]
    from bot.db.migrate import upgrade

    eng = make_engine(postgres_url)
    upgrade(eng)
    yield eng
    eng.dispose()


def test_postgres_concurrent_claims_skip_locked_rows(pg_engine: Engine) -> None:
    fill(pg_engine, {cid: 1 for cid in range(1, 11)})
    with Session(pg_engine) as first, Session(pg_engine) as second:
        a = outbox.claim_pending(first, NOW, limit=4, claimant="A")  # not committed yet: rows locked
        b = outbox.claim_pending(second, NOW, limit=100, claimant="B")  # skips them instead of waiting
        assert len(a) == 4 and len(b) == 6 and not {r.id for r in a} & {r.id for r in b}
        first.commit()
        second.commit()
    with session_scope(pg_engine) as s:
        owners = Counter(d.claimed_by for d in s.exec(select(Delivery)))
    assert owners == {"A": 4, "B": 6}


def test_postgres_one_sender_at_a_time(pg_engine: Engine) -> None:
    one, two = SenderLock(pg_engine), SenderLock(pg_engine)
    assert one.acquire() and one.check()
    assert not two.acquire()
    one.release()
    assert two.acquire()
    two.release()


def test_postgres_two_processes_migrate_an_empty_database_at_once(postgres_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    env = {**os.environ, "DATABASE_URL": postgres_url}
    procs = [subprocess.Popen([sys.executable, "-m", "bot", "migrate"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert all("migrations applied" in o and "Traceback" not in o for o in outputs), outputs
