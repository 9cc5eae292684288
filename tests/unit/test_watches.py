"""Metric alerts at the service level, on SQLite and PostgreSQL: what a /watch names, which figures are news, the
watermark and its ceiling, exactly one outbox row per (watch, figure), cancelling, blocked chats."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.db.engine import session_scope
from bot.db.models import Article, Bulletin, Chat, Delivery, Figure, Watch, utcnow
from bot.errors import UserError
from bot.services import watches
from bot.services.lookup import clear_cache
from bot.services.watches import Alert


def render(alert: Alert, language: str | None) -> list[str]:
    """A plain renderer: the new values and the comparison, so the tests see what the alert carries."""
    lines = [f"{language}:{alert.metric}"]
    for item in alert.items:
        prev = item.previous.value if item.previous else None
        change = round(item.change_pct, 2) if item.change_pct is not None else None
        lines.append(f"{item.entry.period_end}={item.entry.value}{item.entry.unit} prev={prev} change={change}")
    return ["\n".join(lines)]


def add(engine: Engine, figures: list[dict[str, Any]], *, outlet: str = "商务部", created: datetime | None = None,
        key: str = "") -> None:
    with session_scope(engine) as s:
        b = Bulletin(publication="电子商务动态", issue_no=key, published=date(2024, 1, 20), file_name="b.txt",
                     content_hash=f"h{key}{utcnow().timestamp()}")
        s.add(b)
        s.flush()
        a = Article(bulletin_id=b.id, title=f"标题{key}", outlet=outlet, body="……", published=date(2024, 1, 20),
                    created_at=created or utcnow() - timedelta(minutes=5))
        s.add(a)
        s.flush()
        for f in figures:
            s.add(Figure(article_id=a.id, **f))
    clear_cache()


def retail(value: float, y: int, **over: Any) -> dict[str, Any]:
    base = dict(metric="网上零售额", metric_norm="网上零售额", region="全国", value=value, unit="万亿元",
                value_base=value * 1e12, base_unit="元", period_start=date(y, 1, 1), period_end=date(y, 12, 31),
                period_label=f"{y}年", growth_pct=None, quote=f"{y}年网上零售额{value}万亿元。")
    base.update(over)
    return base


def tick(engine: Engine, now: datetime | None = None, settle: timedelta = timedelta(0)) -> int:
    return watches.tick(engine, now or utcnow(), render=render, settle=settle).messages


def outbox(session: Session) -> list[Delivery]:
    session.expire_all()
    return list(session.exec(select(Delivery).order_by(Delivery.id)))


def test_resolve_names_metrics_and_refuses_bad_input(engine: Engine, session: Session) -> None:
    add(engine, [retail(13.8, 2022), retail(1.2, 2022, metric="网上零售额", region="上海", value_base=1.2e12)])
    assert watches.resolve(session, "网上零售额").metric_norm == "网上零售额"
    assert watches.resolve(session, "网络零售额").metric_norm == "网上零售额"  # an alias: the same watch
    shanghai = watches.resolve(session, "上海网上零售额")
    assert (shanghai.metric_norm, shanghai.region) == ("网上零售额", "上海")
    assert watches.resolve(session, "快递业务量").metric_norm == "快递业务量"  # known, no figures yet: allowed
    with pytest.raises(watches.UnknownMetric) as unknown:
        watches.resolve(session, "网上零食额")
    assert "网上零售额" in unknown.value.suggestions
    for bad in ("", "   ", "网" * 61, "网上零售额 2023"):
        with pytest.raises(UserError):
            watches.resolve(session, bad)


def test_one_alert_per_watch_and_figure_with_the_previous_of_the_same_span(engine: Engine,
                                                                         session: Session) -> None:
    add(engine, [retail(13.8, 2022), retail(1.9, 2022, region="上海", value_base=1.9e12)], key="a")
    for chat in (1, 2):
        watches.watch(session, chat_id=chat, resolved=watches.resolve(session, "网上零售额"))
    watches.watch(session, chat_id=3, resolved=watches.resolve(session, "上海网上零售额"))
    session.commit()
    assert tick(engine) == 0  # nothing new since the watches began
    add(engine, [retail(15.42, 2023, growth_pct=11.0), retail(7.16, 2023, period_end=date(2023, 6, 30),
                                                              period_label="上半年")], key="b")
    assert tick(engine) == 2
    rows = outbox(session)
    assert sorted(d.chat_id for d in rows) == [1, 2]
    assert all(d.subscription_id is None and d.status == "pending" for d in rows)
    text = rows[0].text
    assert "2023-12-31=15.42万亿元 prev=13.8 change=11.74" in text
    assert "2023-06-30=7.16万亿元 prev=None" in text  # no earlier 1–6月 figure: nothing to compare with
    assert tick(engine) == 0 and len(outbox(session)) == 2  # a repeated tick adds nothing
    # the same value from another outlet is not news; a new value is
    add(engine, [retail(15.42, 2023)], outlet="新华网", key="c")
    assert tick(engine) == 0
    add(engine, [retail(2.1, 2023, region="上海", value_base=2.1e12)], key="d")
    assert tick(engine) == 3  # a watch without a region takes every region's figures; 上海's only 上海's
    assert sorted(d.chat_id for d in outbox(session)[-3:]) == [1, 2, 3]
    assert "prev=1.9 change=10.53" in outbox(session)[-1].text


def test_an_ingest_still_committing_is_left_to_the_next_tick(engine: Engine, session: Session) -> None:
    add(engine, [retail(13.8, 2022)], key="a")
    watches.watch(session, chat_id=1, resolved=watches.resolve(session, "网上零售额"))
    session.commit()
    now = utcnow()
    add(engine, [retail(15.42, 2023)], created=now - timedelta(seconds=5), key="late")  # lower id, not settled
    add(engine, [retail(16.1, 2024)], created=now - timedelta(minutes=3), key="early")
    assert tick(engine, now, settle=timedelta(seconds=60)) == 0  # the ceiling stops below the unsettled figure
    assert tick(engine, now + timedelta(minutes=2), settle=timedelta(seconds=60)) == 1
    [row] = outbox(session)
    assert "15.42" in row.text and "16.1" in row.text  # one alert with both, newest period first
    assert row.text.index("16.1") < row.text.index("15.42")


def test_unwatch_cancels_and_blocked_chats_advance_without_a_backlog(engine: Engine, session: Session) -> None:
    add(engine, [retail(13.8, 2022)], key="a")
    w1, created = watches.watch(session, chat_id=1, resolved=watches.resolve(session, "网上零售额"))
    assert created and watches.watch(session, chat_id=1, resolved=watches.resolve(session, "网零"))[1] is False
    watches.watch(session, chat_id=2, resolved=watches.resolve(session, "网上零售额"))
    session.exec(update(Chat).where(Chat.id == 2).values(active=False))  # type: ignore[call-overload]
    session.commit()
    add(engine, [retail(15.42, 2023)], key="b")
    assert tick(engine) == 1
    assert [d.chat_id for d in outbox(session)] == [1]
    assert watches.unwatch(session, chat_id=1, text="网络零售额") is not None  # by an alias
    session.commit()
    assert [d.status for d in outbox(session)] == ["cancelled"]
    assert watches.unwatch(session, chat_id=1, text="网上零售额") is None
    assert watches.list_watches(session, 1) == []
    session.expire_all()
    assert {w.last_figure_id for w in session.exec(select(Watch))} == {
        session.exec(select(Figure.id).order_by(Figure.id.desc())).first()}  # type: ignore[union-attr]
    # re-watching starts from now: no replay of what was missed
    watches.watch(session, chat_id=1, resolved=watches.resolve(session, "网上零售额"))
    session.commit()
    assert tick(engine) == 0


def test_a_paused_chat_gets_its_alerts_held_until_resume(engine: Engine, session: Session) -> None:
    """/pause holds alerts with the chat's digests (nothing lost, nothing sent while paused); /resume releases them."""
    from bot.services import subscriptions as subs

    add(engine, [retail(13.8, 2022)], key="a")
    watches.watch(session, chat_id=1, resolved=watches.resolve(session, "网上零售额"))
    assert subs.pause(session, 1) is not None
    session.commit()
    add(engine, [retail(15.42, 2023)], key="b")
    assert tick(engine) == 1
    [held] = outbox(session)
    assert held.status == "pending" and held.next_attempt_at.year == 2999
    assert subs.resume(session, 1) is not None
    session.commit()
    [released] = outbox(session)
    assert released.next_attempt_at.year < 2999


def test_a_deleted_newest_bulletin_does_not_hide_the_next_one_s_figures(engine: Engine, session: Session) -> None:
    """The watermark is a figure id: ids of deleted figures are never handed out again (revision 0010), so the
    bulletin an admin ingests after deleting the newest one still alerts."""
    from bot.services.articles import delete_bulletin

    watches.watch(session, chat_id=1, resolved=watches.resolve(session, "网上零售额"))
    session.commit()
    add(engine, [retail(13.8, 2022)], key="wrong")
    assert tick(engine) == 1
    with session_scope(engine) as s:
        newest = s.exec(select(Bulletin).where(Bulletin.issue_no == "wrong")).one()
        deleted_ids = set(s.exec(select(Figure.id)))
        assert delete_bulletin(s, newest.id) == 1
    add(engine, [retail(15.42, 2023)], key="right")
    with session_scope(engine) as s:
        assert not set(s.exec(select(Figure.id))) & deleted_ids
    assert tick(engine) == 1
    assert "2023-12-31=15.42万亿元" in outbox(session)[-1].text
