"""The delivery outbox: the tick that fills it and the claims the sender drains it with.

The tick: `enqueue_due` finds active subscriptions whose `next_due_at` has come, composes each one's digest
(`bot.services.digest`) for the window (covered_until, until], writes one `Delivery` row per message part with the
unique key (subscription_id, slot, part) and advances `next_due_at`/`covered_until` in the same transaction. The
advance is a conditional UPDATE on the values read, and rows are inserted only when it succeeded, so a tick that
runs twice (or two processes ticking at once, or a restart) never creates a second digest. Nothing new → no rows,
but the subscription still advances. Metric alerts (`bot.services.watches`) share `fetch_due` (SKIP LOCKED on
PostgreSQL), `advance_then_insert` and `chat_languages`.

The outbox: the sender (bot/delivery.py) drains pending rows through `claim_pending` (a lease held by a claimant
id, renewed with `renew_leases`, recovered by `recover_stale`) and the `release`/`mark_*` functions, which act
only while the claimant still holds the claim; `deactivate_chat` and `migrate_chat` follow Telegram's 403 and
ChatMigrated answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, Select, Table, and_, bindparam, func, update
from sqlalchemy import select as sa_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from bot.db.models import Chat, Delivery, Subscription, UserPref, utcnow
from bot.services.digest import Composer, Digest, format_ids, parse_ids
from bot.services.subscriptions import as_utc, next_slot, split_excludes
from bot.services.topics import ArticleTextCache, resolve_topic

# --------------------------------------------------------------------------------------------------- the tick


#: renders a digest for a chat language → message parts (HTML)
Renderer = Callable[[Digest, str | None], list[str]]


@dataclass(slots=True)
class TickResult:
    due: int = 0
    digests: int = 0
    messages: int = 0
    empty: int = 0

    def add(self, other: TickResult) -> None:
        self.due += other.due
        self.digests += other.digests
        self.messages += other.messages
        self.empty += other.empty


def fetch_due(conn: Connection, stmt: Select[Any], of: Table) -> Sequence[Row[Any]]:
    """The rows `stmt` selects; on PostgreSQL with their `of` rows locked (SKIP LOCKED), so that two ticks or two
    senders share the work instead of colliding."""
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=of)
    return conn.execute(stmt).all()


def insert_outbox_rows(session: Session, rows: list[dict[str, Any]], *,
                       constraint: str = "uq_delivery_slot_part") -> None:
    """Insert outbox rows, skipping those whose unique key (`constraint`) is already there: a repeated tick adds
    nothing."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    table = Delivery.__table__  # type: ignore[attr-defined]
    if dialect == "postgresql":
        stmt: Any = postgresql.insert(table).on_conflict_do_nothing(constraint=constraint)
    elif dialect == "sqlite":
        stmt = sqlite.insert(table).on_conflict_do_nothing()
    else:  # pragma: no cover - other back ends rely on the unique constraint raising
        stmt = table.insert()
    session.execute(stmt, rows)


def message_rows(parts: Sequence[str], **columns: Any) -> list[dict[str, Any]]:
    """A message's outbox rows: one pending delivery per part, each with `columns` (chat, slot, subscription or
    watch, next attempt, creation time)."""
    return [{**columns, "part": n, "text": text, "status": "pending", "attempts": 0} for n, text in enumerate(parts)]


def advance_then_insert(session: Session, advance: Any, advances: list[dict[str, Any]], rows: list[dict[str, Any]],
                        conflict: type[Exception], what: str, *, constraint: str = "uq_delivery_slot_part") -> None:
    """A tick's write: the conditional UPDATEs `advance` (one executemany over `advances`), then the outbox rows.
    If any UPDATE matched no row, another tick got there first: `conflict` is raised before a single row is
    written (the caller rolls back)."""
    advanced = session.connection().execute(advance, advances).rowcount
    if advanced != len(advances):
        raise conflict(f"{len(advances) - advanced} of {len(advances)} {what} advanced by another tick")
    insert_outbox_rows(session, rows, constraint=constraint)
    session.expire_all()


def chat_languages(session: Session, chat_ids: set[int]) -> dict[int, str | None]:
    """Each chat's language: the chat's own (set when it subscribed), overridden by a user's /lang choice."""
    out: dict[int, str | None] = {}
    if not chat_ids:
        return out
    ids = list(chat_ids)
    for i in range(0, len(ids), 5000):
        chunk = ids[i : i + 5000]
        # the chat's language (set when it subscribed), overridden by a user's explicit /lang choice
        for cid, lang in session.exec(select(Chat.id, Chat.language).where(col(Chat.id).in_(chunk))):
            out[cid] = lang
        for uid, lang in session.exec(select(UserPref.id, UserPref.language).where(col(UserPref.id).in_(chunk))):
            if lang:
                out[uid] = lang
    return out


_SUB = Subscription.__table__  # type: ignore[attr-defined]
#: the advance, conditional on the values this tick read (a concurrent tick that got there first wins)
_ADVANCE = (
    _SUB.update()
    .where(and_(_SUB.c.id == bindparam("sid"), _SUB.c.next_due_at == bindparam("old_due"),
                _SUB.c.covered_until == bindparam("old_cov")))
    .values(next_due_at=bindparam("new_due"), covered_until=bindparam("new_cov"),
            followup_until=bindparam("new_followup"), recent_ids=bindparam("new_recent"))
)


class TickConflict(Exception):
    """Another tick advanced some of this batch's subscriptions first; the caller rolls back and ticks again."""


def enqueue_due(
    session: Session,
    now: datetime,
    *,
    render: Renderer,
    settle: timedelta = timedelta(0),
    limit: int = 1000,
    composer: Composer | None = None,
    text_cache: ArticleTextCache | None = None,
) -> TickResult:
    """One batch of the tick (at most `limit` due subscriptions; call again while `due == limit`). Does not commit:
    the caller's transaction makes the rows and the advance atomic.

    No silent skips: a slot's digest covers every article created up to the tick (`now`), so an article stored
    before the slot is in it. An ingest still committing during the tick (its articles carry a created_at before
    the commit) is caught by the follow-up: with `settle` > 0 the subscription is due again at `now + settle`, and
    that follow-up carries the articles created up to the slot's tick that the slot's digest did not (usually none:
    then it sends nothing). `covered_until` keeps only up to `now - settle` and `recent_ids` the articles after it
    a digest already carried, so nothing is repeated. With `settle` = 0 there is no follow-up.

    The advance is one executemany of UPDATEs conditional on the values read; if any of them matched no row,
    another tick got there first and `TickConflict` is raised before a single outbox row is written (the caller
    rolls back; the next tick sees the new state). On PostgreSQL the due rows are also locked (SKIP LOCKED), so
    two ticks share the work instead of colliding."""
    until = now
    result = TickResult()
    sub_t = _SUB
    chat_t = Chat.__table__  # type: ignore[attr-defined]
    stmt = (
        sa_select(sub_t.c.id, sub_t.c.chat_id, sub_t.c.topic, sub_t.c.frequency, sub_t.c.weekday,
                  sub_t.c.minute_of_day, sub_t.c.timezone, sub_t.c.next_due_at, sub_t.c.covered_until,
                  sub_t.c.followup_until, sub_t.c.recent_ids, sub_t.c.exclude)
        .select_from(sub_t.outerjoin(chat_t, chat_t.c.id == sub_t.c.chat_id))
        .where(sub_t.c.active.is_(True), sub_t.c.next_due_at <= now)
        # a paused chat (/pause) is not due: its windows stay where they are until /resume
        .where((chat_t.c.active.is_(True) & chat_t.c.paused.is_(False)) | chat_t.c.id.is_(None))
        .order_by(sub_t.c.next_due_at, sub_t.c.id)
        .limit(limit)
    )
    subs = fetch_due(session.connection(), stmt, sub_t)
    result.due = len(subs)
    if not subs:
        return result
    composer = composer or Composer(session, text_cache=text_cache)
    earliest = min(as_utc(s.covered_until) for s in subs)
    composer.prefetch(min(earliest, until), until)
    languages = chat_languages(session, {s.chat_id for s in subs})
    rendered: dict[tuple[str, tuple[int, ...], str | None], list[str]] = {}
    advances: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    created = utcnow()
    for sub in subs:
        slot = as_utc(sub.next_due_at)
        covered = as_utc(sub.covered_until)
        recent = parse_ids(sub.recent_ids)
        schedule = {"minute_of_day": sub.minute_of_day, "timezone": sub.timezone, "frequency": sub.frequency,
                    "weekday": sub.weekday}
        followup = as_utc(sub.followup_until) if sub.followup_until is not None else None
        topic = resolve_topic(sub.topic)
        words = split_excludes(sub.exclude)
        if followup is not None and next_slot(followup, **schedule) > now:
            # the follow-up of the slot ticked at `followup`: what was created up to then and is not out yet
            window_end = max(followup, covered)
            digest = composer.compose(topic, covered, window_end, exclude=recent, exclude_words=words)
            new_cov, new_recent, new_followup = window_end, None, None
            new_due = next_slot(followup, **schedule)
        else:
            window_end = max(until, covered)  # never move the window backwards
            digest = composer.compose(topic, covered, window_end, exclude=recent, exclude_words=words)
            if settle > timedelta(0):
                new_cov = max(covered, window_end - settle)
                carried = recent | {i.article_id for i in digest.items}
                new_recent = format_ids(i for i in carried if composer.created_at(i, new_cov) > new_cov)
                new_followup, new_due = window_end, now + settle
            else:
                new_cov, new_recent, new_followup = window_end, None, None
                new_due = next_slot(max(now, slot), **schedule)
        advances.append({"sid": sub.id, "old_due": sub.next_due_at, "old_cov": sub.covered_until,
                         "new_due": new_due, "new_cov": new_cov, "new_followup": new_followup,
                         "new_recent": new_recent})
        if not digest:
            result.empty += 1
            continue
        lang = languages.get(sub.chat_id)
        key = (topic.key, digest.article_ids, lang)
        parts = rendered.get(key)
        if parts is None:
            parts = rendered[key] = render(digest, lang)
        result.digests += 1
        rows += message_rows(parts, subscription_id=sub.id, chat_id=sub.chat_id, slot=slot, next_attempt_at=now,
                             created_at=created)
        result.messages += len(parts)
    advance_then_insert(session, _ADVANCE, advances, rows, TickConflict, "subscriptions")
    return result


# --------------------------------------------------------------------------------------------------- the outbox

#: the claimant id of a single process that does not care (tests, the CLI)
LOCAL = "local"


@dataclass(frozen=True, slots=True)
class PendingDelivery:
    id: int
    chat_id: int
    subscription_id: int | None
    part: int
    text: str
    attempts: int


_D = Delivery.__table__  # type: ignore[attr-defined]


def claim_pending(session: Session, now: datetime, *, limit: int = 200, exclude_chats: Iterable[int] = (),
                  claimant: str = LOCAL, lease: timedelta = timedelta(seconds=60)) -> list[PendingDelivery]:
    """Claim pending rows due now, in outbox order: each becomes `sending`, held by `claimant` until `now + lease`
    (renew with `renew_leases`). Only the first unsent row of each chat is eligible — a chat whose earlier row is
    still pending (waiting for a retry) or being sent is skipped — so the parts of one digest go out strictly in
    order and never two at once. On PostgreSQL the rows are locked with SKIP LOCKED: concurrent claimants get
    disjoint rows. Does not commit (the caller's transaction makes the claim)."""
    earlier = _D.alias("earlier")
    stmt = (
        sa_select(_D.c.id, _D.c.chat_id, _D.c.subscription_id, _D.c.part, _D.c.text, _D.c.attempts)
        .where(_D.c.status == "pending", _D.c.next_attempt_at <= now)
        .where(~sa_select(earlier.c.id).where(
            earlier.c.chat_id == _D.c.chat_id, earlier.c.id < _D.c.id,
            earlier.c.status.in_(("pending", "sending")),
        ).exists())
        .order_by(_D.c.next_attempt_at, _D.c.id)
        .limit(limit)
    )
    excluded = list(set(exclude_chats))
    if excluded:
        stmt = stmt.where(_D.c.chat_id.not_in(excluded))
    conn = session.connection()
    rows = fetch_due(conn, stmt, _D)
    if not rows:
        return []
    conn.execute(
        update(_D)
        .where(_D.c.id.in_([r.id for r in rows]), _D.c.status == "pending")
        .values(status="sending", claimed_by=claimant, lease_until=now + lease)
    )
    session.expire_all()
    return [PendingDelivery(r.id, r.chat_id, r.subscription_id, r.part, r.text, r.attempts) for r in rows]


def renew_leases(session: Session, claimant: str, until: datetime) -> int:
    """Extend every claim `claimant` still holds to `until` (the sender's heartbeat). Returns the rows renewed."""
    result = session.execute(
        update(_D).where(_D.c.status == "sending", _D.c.claimed_by == claimant).values(lease_until=until)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def recover_stale(session: Session, now: datetime, *, claimant: str | None = None) -> int:
    """Hand claims back to `pending`: those whose lease ran out before `now` (their sender died), and — with
    `claimant` — every claim not held by `claimant` (a single-process store at start-up: whoever claimed them is
    gone). A recovered row may have reached its chat before its sender died: that is the at-most-the-window repeat
    a hard kill can cause. Returns the rows recovered."""
    cond = _D.c.lease_until < now
    if claimant is not None:
        cond = cond | (_D.c.claimed_by != claimant) | _D.c.claimed_by.is_(None)
    result = session.execute(
        update(_D).where(_D.c.status == "sending", cond).values(status="pending", claimed_by=None, lease_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def release(session: Session, ids: Iterable[int], *, claimant: str = LOCAL) -> int:
    """Give claims back unsent (a sender stopping before they went out)."""
    ids = list(ids)
    if not ids:
        return 0
    result = session.execute(
        update(_D).where(_D.c.id.in_(ids), _D.c.status == "sending", _D.c.claimed_by == claimant)
        .values(status="pending", claimed_by=None, lease_until=None)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _held(delivery_id: int, claimant: str) -> Any:
    """The row, while `claimant` still holds its claim (a plain pending row counts too: tests and the CLI mark rows
    they read without claiming)."""
    return and_(_D.c.id == delivery_id,
                ((_D.c.status == "sending") & (_D.c.claimed_by == claimant)) | (_D.c.status == "pending"))


def mark_sent(session: Session, delivery_id: int, message_id: int | None, *, now: datetime | None = None,
              claimant: str = LOCAL) -> bool:
    """Sent — only where `claimant` still holds the claim. False: the claim was lost (its lease ran out and the row
    went back to pending): the caller logs it; the row may be sent again (a repeat, never a loss)."""
    result = session.execute(
        update(_D).where(_held(delivery_id, claimant))
        .values(status="sent", telegram_message_id=message_id, sent_at=now or utcnow(),
                attempts=_D.c.attempts + 1, last_error=None, claimed_by=None, lease_until=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def mark_retry(session: Session, delivery_id: int, error: str, *, at: datetime, claimant: str = LOCAL) -> bool:
    """Back to pending, tried again at `at`; later pending rows of the same chat wait at least as long (part order is
    kept). Only while `claimant` holds the claim."""
    row = session.get(Delivery, delivery_id)
    if row is None:
        return False
    result = session.execute(
        update(_D).where(_held(delivery_id, claimant))
        .values(status="pending", attempts=_D.c.attempts + 1, last_error=error[:500], next_attempt_at=at,
                claimed_by=None, lease_until=None)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        return False
    session.execute(
        update(Delivery)
        .where(col(Delivery.chat_id) == row.chat_id, col(Delivery.status) == "pending",
               col(Delivery.id) > delivery_id, col(Delivery.next_attempt_at) < at)
        .values(next_attempt_at=at)
    )
    session.expire_all()
    return True


def mark_failed(session: Session, delivery_id: int, error: str, *, claimant: str = LOCAL) -> bool:
    result = session.execute(
        update(_D).where(_held(delivery_id, claimant))
        .values(status="failed", last_error=error[:500], attempts=_D.c.attempts + 1, claimed_by=None,
                lease_until=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def deactivate_chat(session: Session, chat_id: int, reason: str) -> int:
    """The bot was blocked or removed: the chat and its subscriptions go inactive, unsent rows are cancelled.
    Returns the number of cancelled rows."""
    chat = session.get(Chat, chat_id)
    if chat is None:
        session.add(Chat(id=chat_id, active=False, deactivated_reason=reason[:200]))
    else:
        chat.active = False
        chat.deactivated_reason = reason[:200]
    session.execute(update(Subscription).where(col(Subscription.chat_id) == chat_id).values(active=False))
    cancelled = session.execute(
        update(Delivery)
        .where(col(Delivery.chat_id) == chat_id, col(Delivery.status).in_(("pending", "sending")))
        .values(status="cancelled", last_error=reason[:500], claimed_by=None, lease_until=None)
    )
    session.flush()
    return int(cancelled.rowcount)  # type: ignore[attr-defined]


def migrate_chat(session: Session, old_id: int, new_id: int) -> None:
    """A group became a supergroup: move the chat, its subscriptions and its pending rows to the new id."""
    old = session.get(Chat, old_id)
    new = session.get(Chat, new_id)
    if new is None:
        session.add(Chat(id=new_id, kind="supergroup", title=old.title if old else "",
                         language=old.language if old else None))
    if old is not None:
        old.active = False
        old.deactivated_reason = f"migrated to {new_id}"
    session.flush()
    taken = set(session.exec(select(Subscription.topic).where(Subscription.chat_id == new_id)))
    for sub in session.exec(select(Subscription).where(Subscription.chat_id == old_id)).all():
        if sub.topic in taken:  # the supergroup already has this topic: keep that one
            sub.active = False
            session.execute(
                update(Delivery).where(col(Delivery.subscription_id) == sub.id,
                                       col(Delivery.status).in_(("pending", "sending")))
                .values(status="cancelled", last_error=f"migrated to {new_id}", claimed_by=None, lease_until=None)
            )
        else:
            sub.chat_id = new_id
    session.flush()
    session.execute(
        update(Delivery).where(col(Delivery.chat_id) == old_id, col(Delivery.status).in_(("pending", "sending")))
        .values(chat_id=new_id, status="pending", claimed_by=None, lease_until=None)
    )
    session.flush()


def outbox_counts(session: Session) -> dict[str, int]:
    return {status: int(n) for status, n in session.exec(
        select(Delivery.status, func.count()).group_by(col(Delivery.status))
    )}
