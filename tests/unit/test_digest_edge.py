"""No silent skips: the edge of a digest slot (SQLite and PostgreSQL). An article stored shortly before a slot is in
that slot's digest; one whose ingest was still committing while the slot's tick ran (created before the tick,
visible only after it) is in the follow-up a minute later — never a day later; nothing is sent twice; `/digest`'s
preview (`digest.upcoming`) shows what the scheduled digest then sends."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from bot.db.engine import session_scope
from bot.db.models import Delivery, Subscription
from bot.render.digest import digest_parts
from bot.services import digest as dg
from bot.services import outbox
from bot.services.subscriptions import as_utc
from tests.unit.test_digest import CROSS, _subscribe, add_bulletin, at

SETTLE = timedelta(seconds=60)


def tick(engine: Engine, now):  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        return outbox.enqueue_due(s, now, render=digest_parts, settle=SETTLE)


def story(title: str) -> dict:
    return {"title": title, "body": "跨境电商进出口规模持续扩大。"}


def titles_sent(engine: Engine) -> list[list[str]]:
    """The article titles of each digest in the outbox, in slot order."""
    out = []
    with session_scope(engine) as s:
        for row in s.exec(select(Delivery).order_by(col(Delivery.slot), col(Delivery.part))).all():
            out.append(sorted(t for t in ("跨境电商综试区扩容", "海外仓提速", "晚到的稿件", "刚过点的稿件", "次日新闻")
                              if t in row.text))
    return out


def preview_titles(engine: Engine, now) -> list[str]:  # type: ignore[no-untyped-def]
    with session_scope(engine) as s:
        sub = s.exec(select(Subscription)).one()
        return sorted(i.title for i in dg.upcoming(dg.Composer(s), sub, now).items)


def test_article_stored_28s_before_the_slot_is_in_that_slots_digest(engine: Engine) -> None:
    t0 = at(2026, 5, 1, 1, 0)
    slot = at(2026, 5, 2, 0, 0)  # 08:00 Shanghai
    with session_scope(engine) as s:
        _subscribe(s, 1, "跨境电商", now=t0)
        add_bulletin(s, published=date(2026, 5, 1), created=slot - timedelta(seconds=28), articles=[dict(CROSS)])
    # /digest just before the slot shows it …
    assert preview_titles(engine, slot - timedelta(seconds=5)) == ["跨境电商综试区扩容"]
    # … and the slot's tick (a few seconds late, as ticks are) sends it: not a day later
    r = tick(engine, slot + timedelta(seconds=3))
    assert (r.due, r.digests) == (1, 1)
    assert titles_sent(engine) == [["跨境电商综试区扩容"]]
    # the preview right after the tick: nothing left for the next digest
    assert preview_titles(engine, slot + timedelta(seconds=4)) == []


def test_article_committed_during_the_tick_goes_out_minutes_later(engine: Engine) -> None:
    t0 = at(2026, 5, 1, 1, 0)
    slot = at(2026, 5, 2, 0, 0)
    ticked = slot + timedelta(seconds=2)
    with session_scope(engine) as s:
        _subscribe(s, 1, "跨境电商", now=t0)
        add_bulletin(s, published=date(2026, 5, 1), created=slot - timedelta(seconds=30),
                     articles=[story("海外仓提速")])
    assert tick(engine, ticked).digests == 1
    with session_scope(engine) as s:
        sub = s.exec(select(Subscription)).one()
        followup_at = as_utc(sub.next_due_at)
        assert followup_at == ticked + SETTLE  # the follow-up: a minute later
    # an ingest that was still committing during the tick: created before it, visible only now
    with session_scope(engine) as s:
        add_bulletin(s, published=date(2026, 5, 1), created=ticked - timedelta(seconds=1),
                     articles=[story("晚到的稿件")], name="另一份")
        # and one stored just after the tick: that belongs to the next slot
        add_bulletin(s, published=date(2026, 5, 1), created=ticked + timedelta(seconds=20),
                     articles=[story("刚过点的稿件")], name="第三份")
    # the preview shows what is still to come: the straggler and the later one, not what went out already
    assert preview_titles(engine, ticked + timedelta(seconds=30)) == ["刚过点的稿件", "晚到的稿件"]
    assert tick(engine, followup_at - timedelta(seconds=1)).due == 0
    r = tick(engine, followup_at + timedelta(seconds=1))
    assert (r.due, r.digests) == (1, 1)
    assert titles_sent(engine) == [["海外仓提速"], ["晚到的稿件"]]  # the straggler, once; nothing repeated
    with session_scope(engine) as s:
        sub = s.exec(select(Subscription)).one()
        assert as_utc(sub.next_due_at) == at(2026, 5, 3, 0, 0) and sub.followup_until is None
        assert as_utc(sub.covered_until) == ticked
    # the next day: the article stored after the tick, and only it
    with session_scope(engine) as s:
        add_bulletin(s, published=date(2026, 5, 2), created=at(2026, 5, 2, 12, 0), articles=[story("次日新闻")],
                     name="次日")
    assert preview_titles(engine, at(2026, 5, 2, 23, 59)) == ["刚过点的稿件", "次日新闻"]
    r = tick(engine, at(2026, 5, 3, 0, 0, 1))
    assert r.digests == 1
    assert titles_sent(engine) == [["海外仓提速"], ["晚到的稿件"], ["刚过点的稿件", "次日新闻"]]
    # an empty follow-up sends nothing and moves on to the next slot
    with session_scope(engine) as s:
        followup_at = as_utc(s.exec(select(Subscription)).one().next_due_at)
    r = tick(engine, followup_at)
    assert (r.due, r.digests) == (1, 0)
    with session_scope(engine) as s:
        assert as_utc(s.exec(select(Subscription)).one().next_due_at) == at(2026, 5, 4, 0, 0)
    assert len(titles_sent(engine)) == 3


def test_follow_up_missed_by_downtime_is_folded_into_the_next_digest(engine: Engine) -> None:
    """The bot was down between a slot's tick and its follow-up for longer than a day: the next tick sends one
    digest with everything not sent yet — the straggler included, what went out at the slot excluded."""
    t0 = at(2026, 5, 1, 1, 0)
    slot = at(2026, 5, 2, 0, 0)
    with session_scope(engine) as s:
        _subscribe(s, 1, "跨境电商", now=t0)
        add_bulletin(s, published=date(2026, 5, 1), created=slot - timedelta(seconds=10), articles=[story("海外仓提速")])
    tick(engine, slot)
    with session_scope(engine) as s:
        add_bulletin(s, published=date(2026, 5, 1), created=slot - timedelta(seconds=1), articles=[story("晚到的稿件")],
                     name="另一份")
        add_bulletin(s, published=date(2026, 5, 2), created=at(2026, 5, 2, 12, 0), articles=[story("次日新闻")],
                     name="次日")
    r = tick(engine, at(2026, 5, 3, 6, 0))  # down until after the next slot
    assert (r.due, r.digests) == (1, 1)
    assert titles_sent(engine) == [["海外仓提速"], ["晚到的稿件", "次日新闻"]]
