"""Digests and the outbox tick on a real store (SQLite and PostgreSQL): composition, splitting, escaping, the
exactly-once tick, and the outbox operations the sender uses."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.db.engine import session_scope
from bot.db.models import Article, Bulletin, Chat, Delivery, Figure, Subscription
from bot.render.digest import digest_parts, digest_text
from bot.services import digest as dg
from bot.services import outbox
from bot.services import subscriptions as subs
from bot.services.subscriptions import Schedule, as_utc

SH = "Asia/Shanghai"


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def add_bulletin(session: Session, *, published: date, created: datetime, articles: list[dict],
                 name: str = "电子商务动态") -> list[Article]:
    b = Bulletin(publication=name, published=published, file_name=f"{name}-{published}.txt",
                 content_hash=uuid.uuid4().hex,
                 loaded_at=created)
    session.add(b)
    session.flush()
    out = []
    for seq, spec in enumerate(articles):
        figures = spec.pop("figures", [])
        a = Article(bulletin_id=b.id, seq=seq, published=published, created_at=created, outlet="新华网", **spec)  # type: ignore[arg-type]
        session.add(a)
        session.flush()
        for f in figures:
            session.add(Figure(article_id=a.id, metric_norm=f["metric"], value_base=f["value"] * 1e12, base_unit="元", quote="q", **f))  # type: ignore[arg-type]
        out.append(a)
    session.flush()
    return out


CROSS = {"title": "跨境电商综试区扩容", "body": "商务部表示，跨境电商进出口规模持续扩大。\n第二段。",
         "figures": [{"metric": "跨境电商进出口额", "value": 2.38, "unit": "万亿元", "growth_pct": 15.6}]}
LIVE = {"title": "直播带货新规", "body": "主播须如实介绍商品。", "section": "政策法规"}
RURAL = {"title": "农产品上行", "body": "全国农村网络零售额达到2.17万亿元。"}


def test_compose_matches_orders_and_skips_duplicates(session: Session) -> None:
    t0 = at(2026, 5, 1)
    old = add_bulletin(session, published=date(2026, 4, 1), created=t0 + timedelta(hours=1),
                       articles=[dict(CROSS), dict(RURAL)])
    new = add_bulletin(session, published=date(2026, 4, 20), created=t0 + timedelta(hours=2),
                       articles=[{"title": "海外仓<建设>&提速", "body": "跨境 物流 海外仓 建设加快。"}, dict(LIVE)])
    # the same story again in a third bulletin, marked as a duplicate by ingestion
    dup = add_bulletin(session, published=date(2026, 4, 21), created=t0 + timedelta(hours=3),
                       articles=[{"title": "跨境电商综试区扩容", "body": "商务部表示，跨境电商进出口规模持续扩大。"}])
    dup[0].duplicate_of_id = old[0].id
    session.commit()

    d = dg.compose(session, "跨境电商", since=t0, until=t0 + timedelta(days=1))
    assert [i.title for i in d.items] == ["海外仓<建设>&提速", "跨境电商综试区扩容"]  # newest bulletin first, dup once
    assert d.items[1].line == "商务部表示，跨境电商进出口规模持续扩大。" and d.items[1].outlet == "新华网"
    assert [h.figure.metric for h in d.figures] == ["跨境电商进出口额"]
    # the window is (since, until]
    assert dg.compose(session, "跨境电商", since=t0 + timedelta(hours=2), until=t0 + timedelta(days=1)).items == []
    assert [i.title for i in dg.compose(session, "跨境电商", since=t0, until=t0 + timedelta(hours=1)).items] == [
        "跨境电商综试区扩容"]
    # sections match; custom keyword topics match on tokens
    assert [i.title for i in dg.compose(session, "政策法规", since=t0, until=t0 + timedelta(days=1)).items] == [
        "直播带货新规"]
    assert [i.article_id for i in dg.compose(session, "农产品", since=t0, until=t0 + timedelta(days=1)).items] == [
        old[1].id]
    assert not dg.compose(session, "元宇宙", since=t0, until=t0 + timedelta(days=1))
    assert new[0].id is not None

    html_parts = digest_parts(d, "zh")
    assert len(html_parts) == 1
    assert "海外仓&lt;建设&gt;&amp;提速" in html_parts[0] and "<建设>" not in html_parts[0]
    assert f"/article {new[0].id}" in html_parts[0] and f"/article {old[0].id}" in html_parts[0]
    assert "2.38万亿元" in html_parts[0]
    en = digest_parts(d, "en")[0]
    assert "Cross-border e-commerce" in en and "trillion" in en


def test_long_digests_split_below_4096(session: Session) -> None:
    t0 = at(2026, 5, 1)
    arts = [{"title": f"跨境电商第{i}篇" + "很长的标题" * 20, "body": "跨境电商" + "长句" * 200 + "。"} for i in range(40)]
    add_bulletin(session, published=date(2026, 4, 1), created=t0 + timedelta(minutes=1), articles=arts)
    session.commit()
    d = dg.compose(session, "跨境电商", since=t0, until=t0 + timedelta(days=1))
    parts = digest_parts(d, "zh")
    assert len(parts) > 1 and all(len(p) < 4096 for p in parts)
    assert sum(p.count("/article ") for p in parts) == 40


def test_preview_text_is_plain(session: Session) -> None:
    add_bulletin(session, published=date(2026, 4, 1), created=at(2026, 5, 1), articles=[dict(CROSS)])
    session.commit()
    since = datetime(1970, 1, 1, tzinfo=UTC)
    text = digest_text(dg.compose(session, "跨境电商", since=since), None)
    assert "跨境电商综试区扩容" in text and "<b>" not in text and "/article" in text
    assert "No new articles" in digest_text(dg.compose(session, "元宇宙", since=since), "en")
    assert "暂无新文章" in digest_text(dg.compose(session, "元宇宙", since=since), None)


def _subscribe(session: Session, chat_id: int, topic: str, *, now: datetime, minute: int = 480) -> Subscription:
    sub = subs.subscribe(session, chat_id=chat_id, topic=topic, schedule=Schedule(minute), timezone=SH, now=now)
    session.commit()
    return sub


def _tick(engine: Engine, now: datetime) -> outbox.TickResult:
    with session_scope(engine) as s:
        return outbox.enqueue_due(s, now, render=digest_parts)


def test_tick_is_exactly_once_and_advances_without_news(engine: Engine) -> None:
    t0 = at(2026, 5, 1, 1, 0)  # 09:00 Shanghai
    with session_scope(engine) as s:
        for cid in (1, 2, 3):
            _subscribe(s, cid, "跨境电商", now=t0)
        _subscribe(s, 4, "元宇宙", now=t0)
        add_bulletin(s, published=date(2026, 4, 30), created=t0 + timedelta(hours=1), articles=[dict(CROSS)])
    due = at(2026, 5, 2, 0, 0)  # 08:00 Shanghai next day
    assert _tick(engine, due - timedelta(seconds=1)).due == 0
    first = _tick(engine, due)
    assert (first.due, first.digests, first.messages, first.empty) == (4, 3, 3, 1)
    again = _tick(engine, due)  # a second tick (or a restart) in the same minute: nothing new
    assert again.due == 0
    with session_scope(engine) as s:
        rows = s.exec(select(Delivery).order_by(col(Delivery.chat_id))).all()
        assert [(r.chat_id, r.part, r.status) for r in rows] == [(1, 0, "pending"), (2, 0, "pending"), (3, 0, "pending")]
        assert all(as_utc(r.slot) == due for r in rows)
        for sub in s.exec(select(Subscription)).all():
            assert as_utc(sub.next_due_at) == at(2026, 5, 3, 0, 0)
            assert as_utc(sub.covered_until) == due
    # next day: nothing new for anybody → no rows, still advanced
    r = _tick(engine, at(2026, 5, 3, 0, 0))
    assert (r.due, r.digests) == (4, 0)
    with session_scope(engine) as s:
        assert len(s.exec(select(Delivery)).all()) == 3
        assert {as_utc(x.next_due_at) for x in s.exec(select(Subscription)).all()} == {at(2026, 5, 4, 0, 0)}


def test_a_stale_tick_loses_the_race_and_writes_nothing(engine: Engine) -> None:
    t0 = at(2026, 5, 1, 1, 0)
    with session_scope(engine) as s:
        _subscribe(s, 1, "跨境电商", now=t0)
        add_bulletin(s, published=date(2026, 4, 30), created=t0 + timedelta(hours=1), articles=[dict(CROSS)])
    due = at(2026, 5, 2, 0, 0)
    with session_scope(engine) as stale:
        # this session read the subscription before another process ticked…
        stale.exec(select(Subscription)).all()
        assert _tick(engine, due).digests == 1
        # …its own tick now finds the row already advanced
        result = outbox.enqueue_due(stale, due, render=digest_parts)
        assert result.digests == 0
    with session_scope(engine) as s:
        assert len(s.exec(select(Delivery)).all()) == 1


def test_tick_across_midnight_in_shanghai(engine: Engine) -> None:
    """A 00:30 Shanghai subscription is due at 16:30 UTC of the previous UTC date; the tick at 23:59 local sends
    nothing, the one at 00:30 local sends, the window covers articles up to then."""
    created = at(2026, 12, 31, 10, 0)  # 18:00 Shanghai on 31 Dec
    with session_scope(engine) as s:
        sub = _subscribe(s, 9, "跨境电商", now=created, minute=30)
        assert as_utc(sub.next_due_at) == at(2026, 12, 31, 16, 30)
        add_bulletin(s, published=date(2026, 12, 31), created=at(2026, 12, 31, 15, 0), articles=[dict(CROSS)])
    assert _tick(engine, at(2026, 12, 31, 15, 59)).due == 0  # 23:59 local
    r = _tick(engine, at(2026, 12, 31, 16, 30, 20))  # 00:30:20 local, 1 Jan
    assert (r.due, r.digests) == (1, 1)
    with session_scope(engine) as s:
        sub2 = s.exec(select(Subscription)).one()
        assert as_utc(sub2.next_due_at) == at(2027, 1, 1, 16, 30)
        row = s.exec(select(Delivery)).one()
        assert as_utc(row.slot) == at(2026, 12, 31, 16, 30)


def test_overdue_subscription_gets_one_digest_for_the_gap(engine: Engine) -> None:
    t0 = at(2026, 5, 1, 1, 0)
    with session_scope(engine) as s:
        _subscribe(s, 1, "跨境电商", now=t0)
        add_bulletin(s, published=date(2026, 5, 1), created=t0 + timedelta(hours=1), articles=[dict(CROSS)])
        add_bulletin(s, published=date(2026, 5, 3), created=t0 + timedelta(days=2),
                     articles=[{"title": "跨境电商新政", "body": "跨境电商。"}])
    r = _tick(engine, at(2026, 5, 5, 3, 0))  # bot was down for three slots
    assert (r.due, r.digests, r.messages) == (1, 1, 1)
    with session_scope(engine) as s:
        row = s.exec(select(Delivery)).one()
        assert "跨境电商新政" in row.text and "跨境电商综试区扩容" in row.text
        assert as_utc(s.exec(select(Subscription)).one().next_due_at) == at(2026, 5, 6, 0, 0)


def test_outbox_order_retry_block_and_migration(engine: Engine) -> None:
    now = at(2026, 5, 1)
    with session_scope(engine) as s:
        a = _subscribe(s, 100, "跨境电商", now=now)
        b = _subscribe(s, -200, "跨境电商", now=now)
        c = _subscribe(s, 300, "AI", now=now)
        for sub, parts in ((a, 2), (b, 2), (c, 1)):
            for p in range(parts):
                s.add(Delivery(subscription_id=sub.id, chat_id=sub.chat_id, slot=now, part=p, text=f"{sub.chat_id}/{p}",  # type: ignore[arg-type]
                               next_attempt_at=now))
    with session_scope(engine) as s:
        claimed = outbox.claim_pending(s, now)
        assert [(r.chat_id, r.part) for r in claimed] == [(100, 0), (-200, 0), (300, 0)]  # first per chat
        outbox.mark_sent(s, claimed[0].id, 11, now=now)
        outbox.mark_retry(s, claimed[2].id, "network", at=now + timedelta(seconds=30))
        outbox.deactivate_chat(s, -200, "forbidden: kicked")
    with session_scope(engine) as s:
        claimed = outbox.claim_pending(s, now)
        assert [(r.chat_id, r.part) for r in claimed] == [(100, 1)]
        assert outbox.claim_pending(s, now + timedelta(seconds=31))[-1].chat_id == 300
        assert s.get(Chat, -200).active is False  # type: ignore[union-attr]
        assert s.get(Subscription, b.id).active is False  # type: ignore[union-attr]
        # the two rows just claimed are held (`sending`) until marked, released or their lease runs out
        assert outbox.outbox_counts(s) == {"sent": 1, "sending": 2, "cancelled": 2}
        outbox.migrate_chat(s, 100, -100100)
    with session_scope(engine) as s:
        assert s.get(Subscription, a.id).chat_id == -100100  # type: ignore[union-attr]
        moved = outbox.claim_pending(s, now)
        assert [r.chat_id for r in moved] == [-100100]
        assert s.get(Chat, -100100) is not None
        assert outbox.claim_pending(s, now) == []  # claimed: not handed out twice
        outbox.mark_failed(s, moved[0].id, "bad request: message is too long")
    with session_scope(engine) as s:
        assert outbox.outbox_counts(s)["failed"] == 1


def test_concurrent_tick_conflict_writes_nothing(sqlite_engine: Engine) -> None:
    """Another tick commits between this tick's read and its advance: the whole batch is refused (TickConflict),
    no outbox row is written, and the winner's digest is the only one."""
    import pytest

    t0 = at(2026, 5, 1, 1, 0)
    with session_scope(sqlite_engine) as s:
        _subscribe(s, 1, "跨境电商", now=t0)
        _subscribe(s, 2, "跨境电商", now=t0)
        add_bulletin(s, published=date(2026, 4, 30), created=t0 + timedelta(hours=1), articles=[dict(CROSS)])
    due = at(2026, 5, 2, 0, 0)

    class Interleaved(dg.Composer):
        def prefetch(self, since: datetime, until: datetime) -> None:
            assert _tick(sqlite_engine, due).digests == 2  # the other tick runs to completion in between
            super().prefetch(since, until)

    with pytest.raises(outbox.TickConflict), session_scope(sqlite_engine) as s:
        outbox.enqueue_due(s, due, render=digest_parts, composer=Interleaved(s))
    with session_scope(sqlite_engine) as s:
        assert sorted(d.chat_id for d in s.exec(select(Delivery)).all()) == [1, 2]


def test_headline_figure_prefers_growth_then_amounts_never_bare_counts() -> None:
    from bot.db.models import Figure
    from bot.services.digest import headline_figure

    def fig(metric: str, unit: str, base_unit: str, growth: float | None = None) -> Figure:
        return Figure(article_id=1, metric=metric, metric_norm=metric, value=3, unit=unit, value_base=3,
                      base_unit=base_unit, growth_pct=growth, quote="…")

    count = fig("重点任务", "项", "项")
    amount = fig("交易额", "亿元", "元")
    growing = fig("网上零售额", "万亿元", "元", growth=11.0)
    assert headline_figure([count, amount, growing]) is growing
    assert headline_figure([count, amount]) is amount
    assert headline_figure([count]) is None
    assert headline_figure([]) is None
