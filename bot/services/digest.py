"""Digests and the delivery outbox.

Composition (`compose`) is plain data; `bot.render.digest` turns it into message parts for a reader's language
(the tick takes that renderer as an argument: services never import the render, i18n or Telegram layers).

The outbox: `enqueue_due` (the tick) finds active subscriptions whose `next_due_at` has come, composes each one's
digest for the window (covered_until, until], writes one `Delivery` row per message part with the unique key
(subscription_id, slot, part) and advances `next_due_at`/`covered_until` in the same transaction. The advance is a
conditional UPDATE on the values read, and rows are inserted only when it succeeded, so a tick that runs twice
(or two processes ticking at once, or a restart) never creates a second digest. Nothing new → no rows, but the
subscription still advances. The sender (bot/scheduling.py) drains pending rows through the `claim`/`mark_*`
functions below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, func, update
from sqlalchemy import select as sa_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from bot.db.models import Article, ArticleSearch, Bulletin, Chat, Delivery, Figure, Subscription, UserPref, utcnow
from bot.services.entries import figure_entry
from bot.services.metrics import FigureEntry
from bot.services.subscriptions import as_utc, next_slot, split_excludes
from bot.services.topics import (
    ArticleTextCache,
    Topic,
    article_text_from_tokens,
    compact,
    matches,
    resolve_topic,
)

LINE_CHARS = 90
MAX_FIGURES = 6
MAX_ITEMS = 60

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


# --------------------------------------------------------------------------------------------------- composition


@dataclass(frozen=True, slots=True)
class DigestItem:
    article_id: int
    title: str
    outlet: str
    published: date | None
    line: str
    bulletin_id: int
    #: when the article was stored (the digest window is on this)
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class HeadlineFigure:
    """The figure that best summarises one article of the digest."""

    article_id: int
    figure: FigureEntry


@dataclass(slots=True)
class Digest:
    topic: Topic
    items: list[DigestItem] = field(default_factory=list)
    figures: list[HeadlineFigure] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def article_ids(self) -> tuple[int, ...]:
        return tuple(i.article_id for i in self.items)


def _clip(text: str, limit: int = LINE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def lead_line(body: str) -> str:
    """The article's lead: its first sentence (or the start of its first paragraph), clipped."""
    for para in body.split("\n"):
        para = para.strip()
        if para:
            first = _SENTENCE_END.split(para, maxsplit=1)[0]
            return _clip(first)
    return ""


@dataclass(slots=True)
class _Candidate:
    article: Article
    bulletin_published: date | None
    bulletin_loaded: datetime
    created_at: datetime


class Composer:
    """Composes digests for many subscriptions in one tick: candidate articles are loaded once per window start,
    their token sets read from the search index (`ArticleSearch`, stored at ingest; an article without one is
    segmented) and cached across ticks, and matched once per (topic, article)."""

    def __init__(self, session: Session, *, text_cache: ArticleTextCache | None = None) -> None:
        self.session = session
        self.text_cache = text_cache if text_cache is not None else ArticleTextCache()
        self._candidates: list[_Candidate] | None = None
        self._loaded_since: datetime | None = None
        self._loaded_until: datetime | None = None
        self._match: dict[tuple[str, int], bool] = {}
        self._figures: dict[int, list[Figure]] = {}
        self._created: dict[int, datetime] = {}

    def created_at(self, article_id: int, default: datetime) -> datetime:
        """When a loaded candidate was stored (`default` for one outside the loaded windows)."""
        return self._created.get(article_id, default)

    def _load(self, since: datetime, until: datetime) -> list[_Candidate]:
        if (
            self._candidates is not None
            and self._loaded_since is not None
            and self._loaded_since <= since
            and self._loaded_until is not None
            and self._loaded_until >= until
        ):
            return self._candidates
        stmt = (
            select(Article, col(Bulletin.published), col(Bulletin.loaded_at))  # type: ignore[call-overload]
            .join(Bulletin, col(Bulletin.id) == col(Article.bulletin_id))
            .where(col(Article.created_at) > since, col(Article.created_at) <= until)
            .where(col(Article.duplicate_of_id).is_(None))
            .order_by(
                col(Bulletin.published).desc().nulls_last(), col(Bulletin.loaded_at).desc(),
                col(Bulletin.id).desc(), col(Article.seq), col(Article.id),
            )
        )
        self._candidates = [
            _Candidate(a, bp, as_utc(bl), as_utc(a.created_at)) for a, bp, bl in self.session.exec(stmt)
        ]
        self._created.update((c.article.id, c.created_at) for c in self._candidates)  # type: ignore[misc]
        self._loaded_since, self._loaded_until = since, until
        self._load_texts([c.article for c in self._candidates])
        ids = [c.article.id for c in self._candidates if c.article.id not in self._figures]
        if ids:
            for fig in self.session.exec(
                select(Figure).where(col(Figure.article_id).in_(ids)).order_by(col(Figure.id))
            ):
                self._figures.setdefault(fig.article_id, []).append(fig)
            for i in ids:
                self._figures.setdefault(i, [])  # type: ignore[arg-type]
        return self._candidates

    def _load_texts(self, articles: Sequence[Article]) -> None:
        """Token sets of articles not cached yet, from the tokens the search index stored (no jieba here)."""
        wanted = {a.id: a for a in articles if a.id is not None and a.id not in self.text_cache}
        ids = list(wanted)
        for i in range(0, len(ids), 500):  # bounded IN lists
            for row in self.session.exec(select(ArticleSearch).where(col(ArticleSearch.article_id).in_(ids[i:i + 500]))):
                a = wanted[row.article_id]
                self.text_cache.put(row.article_id, article_text_from_tokens(row.title_tokens, row.body_tokens,
                                                                             a.title, a.body, a.section))

    def prefetch(self, since: datetime, until: datetime) -> None:
        """Load every candidate for windows starting at or after `since` (call with the earliest window start)."""
        self._load(since, until)

    def compose(self, topic: Topic, since: datetime, until: datetime, *, exclude: Collection[int] = (),
                exclude_words: Sequence[str] = ()) -> Digest:
        """The digest of `topic` for articles created in (since, until], except the ids in `exclude` (articles an
        earlier digest of the same window already carried) and articles whose title or text contains one of the
        `exclude_words` (case-folded, spaces ignored)."""
        digest = Digest(topic=topic)
        seen_titles: set[str] = set()
        excluded = [w for w in (compact(x) for x in exclude_words) if w]
        for cand in self._load(since, until):
            if cand.created_at <= since or cand.created_at > until or cand.article.id in exclude:
                continue
            a = cand.article
            assert a.id is not None
            key = (topic.key, a.id)
            hit = self._match.get(key)
            if hit is None:
                text = self.text_cache.get(a.id, a.title, a.body, a.section)
                hit = self._match[key] = matches(topic, text)
            if not hit:
                continue
            if excluded:
                text = self.text_cache.get(a.id, a.title, a.body, a.section)
                if any(w in text.title or w in text.body for w in excluded):
                    continue
            title_key = "".join(a.title.split())
            if title_key in seen_titles:  # the same story twice in one batch (dedup missed it): once
                continue
            seen_titles.add(title_key)
            figs = self._figures.get(a.id, [])
            line = lead_line(a.body) or (_clip(figs[0].quote) if figs else "")
            digest.items.append(
                DigestItem(a.id, a.title, a.outlet, a.published or cand.bulletin_published, line, a.bulletin_id,
                           cand.created_at)
            )
            f = headline_figure(figs) if len(digest.figures) < MAX_FIGURES else None
            if f is not None:
                digest.figures.append(HeadlineFigure(a.id, figure_entry(f)))
            if len(digest.items) >= MAX_ITEMS:
                break
        return digest


#: counts of items (`13项指标`, `3个梯队`) say little on their own: not headline material without a growth rate
_MINOR_UNITS = frozenset({"项", "个", "条", "次", "名", "位", "款", "种", "类", "批"})


def headline_figure(figs: Sequence[Figure]) -> Figure | None:
    """The figure that best summarises an article: one with a growth rate, else an amount or share; never a bare
    count of items."""
    with_growth = [f for f in figs if f.growth_pct is not None or f.growth_pp is not None]
    substantive = [f for f in figs if f.base_unit not in _MINOR_UNITS and f.unit not in _MINOR_UNITS]
    return next(iter((*with_growth, *substantive)), None)


def compose(session: Session, topic: Topic | str, *, since: datetime, until: datetime | None = None) -> Digest:
    """The digest of `topic` for articles created in (since, until], newest bulletin first."""
    t = resolve_topic(topic) if isinstance(topic, str) else topic
    return Composer(session).compose(t, since, until or utcnow())


#: how far back a topic preview looks (a topic button, `/digest <topic>` for a topic the chat does not follow):
#: articles stored in the last year; matching reads stored tokens, so the cost is one pass over that window
PREVIEW_WINDOW = timedelta(days=365)


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


def parse_ids(text: str | None) -> frozenset[int]:
    """`recent_ids` as a set ("12,15" → {12, 15})."""
    return frozenset(int(p) for p in (text or "").split(",") if p.strip().isdigit())


def format_ids(ids: Iterable[int]) -> str | None:
    text = ",".join(str(i) for i in sorted(set(ids)))
    return text or None


def upcoming(composer: Composer, sub: Subscription, now: datetime) -> Digest:
    """What `sub`'s next digest holds right now (the `/digest` preview): the same window and exclusions the tick
    uses, so the preview and the scheduled digest agree."""
    return composer.compose(resolve_topic(sub.topic), as_utc(sub.covered_until), max(now, as_utc(sub.covered_until)),
                            exclude=parse_ids(sub.recent_ids), exclude_words=split_excludes(sub.exclude))


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
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=sub_t)
    subs = conn.execute(stmt).all()
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
        for n, text in enumerate(parts):
            rows.append({
                "subscription_id": sub.id, "chat_id": sub.chat_id, "slot": slot, "part": n, "text": text,
                "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": created,
            })
        result.messages += len(parts)
    advanced = conn.execute(_ADVANCE, advances).rowcount
    if advanced != len(advances):
        raise TickConflict(f"{len(advances) - advanced} of {len(advances)} subscriptions advanced by another tick")
    insert_outbox_rows(session, rows)
    session.expire_all()
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
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=_D)
    rows = conn.execute(stmt).all()
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
