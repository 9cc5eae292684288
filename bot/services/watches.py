"""Metric alerts: `/watch 网上零售额` → a message whenever a new figure of that metric is stored.

    resolve(session, text) -> Resolved                 what a /watch argument names (or why it names nothing)
    watch(session, chat_id=…, resolved=…) -> (Watch, created)
    unwatch(session, chat_id=…, text=…) / unwatch_id(…) / list_watches(session, chat_id)
    enqueue_alerts(session, now, *, render, settle, limit) -> TickResult     one batch of the tick
    tick(engine, now, *, render, settle) -> TickResult                      every batch, each its own transaction

The database is the truth, so alerts also follow ingests made by another process (the CLI). Each watch keeps a
watermark, `last_figure_id`: the tick takes the figures above it, up to a *ceiling* — the highest figure id below
which every figure's article was created at least `settle` ago (an ingest still committing is left to the next
tick, as for digests) — and writes one outbox row per alert message with the unique key (watch, newest figure,
part), then moves the watermark to the ceiling with an UPDATE conditional on the value it read. Rows are only
written when every advance succeeded, so a repeated tick, two processes ticking, or a restart never alert twice.

What counts as new: a figure above the watermark whose value was not already stored for that period (another
outlet repeating a known number is not news). An alert lists the new figures (merged across sources, newest period
first) and compares each with the previous figure of the same span (2023年上半年 with 2022年上半年; a stock with the
previous stock): the change in %, computed from the stored values. Watches of chats that blocked the bot advance
without alerts, so unblocking does not bring a backlog.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from bot.db.engine import session_scope
from bot.db.models import Article, Bulletin, Chat, Figure, Watch, utcnow
from bot.errors import N_, UserError
from bot.services.articles import masthead
from bot.services.entries import figure_entry
from bot.services.figures import is_growth_only
from bot.services.lookup import FigureEntry, FigureSource, alias_groups, lookup, normalise_query, synonyms
from bot.services.outbox import TickResult, advance_then_insert, chat_languages, fetch_due, message_rows
from bot.services.subscriptions import PAUSED_UNTIL, deactivate, ensure_chat

log = logging.getLogger(__name__)

MAX_WATCHES = 50
MAX_NAME = 60
#: figures listed in one alert (more: "and N more", with /metric)
MAX_ITEMS = 8
TICK_BATCH = 1000

USAGE = N_("Usage: /watch <metric> — e.g. /watch 网上零售额. You get a message whenever a new figure of it is stored.")


@dataclass(slots=True)
class Resolved:
    metric_norm: str
    metric: str
    region: str


class UnknownMetric(UserError):
    """The text names no stored or known metric; `suggestions` are the closest stored names."""

    def __init__(self, msgid: str, suggestions: Sequence[str] = (), **params: Any) -> None:
        super().__init__(msgid, **params)
        self.suggestions = list(suggestions)


def resolve(session: Session, text: str) -> Resolved:
    """The metric a /watch argument names: a stored name or alias (with an optional region prefix), or a metric of
    the alias table that has no figures yet. Raises UserError (usage, too long, a period given) or UnknownMetric."""
    text = " ".join(text.split())
    if not text:
        raise UserError(USAGE)
    if len(text) > MAX_NAME:
        raise UserError(N_("That metric name is too long ({count} characters, at most {limit})."),
                        count=len(text), limit=MAX_NAME)
    found = lookup(session, text, limit=1)
    if found.period is not None:
        raise UserError(N_("A watch is for a metric, without a period: /watch {metric}"),
                        metric=found.metric or text)
    if found.matched and found.match != "fuzzy":
        name = canonical(found.matched[0])
        label = found.entries[0].metric if found.entries else name
        region = found.region or ""
        if region and label.startswith(region):
            label = label[len(region):]
        return Resolved(metric_norm=name, metric=label, region=region)
    name = normalise_query(text)
    if name in alias_groups():  # a known indicator with no figures yet: worth waiting for
        return Resolved(metric_norm=canonical(name), metric=canonical(name), region="")
    suggestions = list(dict.fromkeys([*(found.matched if found.match == "fuzzy" else []), *found.suggestions]))
    raise UnknownMetric(N_("No metric named “{metric}” is stored."), suggestions[:6], metric=text)


def canonical(name: str) -> str:
    """The first name of `name`'s alias group (so 网络零售额 and 网上零售额 are one watch), else `name`."""
    group = alias_groups().get(name)
    return group[0] if group else name


def _max_figure_id(session: Session) -> int:
    return int(session.exec(select(func.max(Figure.id))).one() or 0)


def watch(session: Session, *, chat_id: int, resolved: Resolved, created_by: int | None = None,
          chat_kind: str = "private", chat_title: str = "", language: str | None = None) -> tuple[Watch, bool]:
    """Create (or re-activate) the chat's watch; it reports figures stored from now on. Returns (watch, created);
    created is False when the chat already watched the metric. Does not commit."""
    ensure_chat(session, chat_id, kind=chat_kind, title=chat_title, language=language)
    existing = session.exec(select(Watch).where(
        Watch.chat_id == chat_id, Watch.metric_norm == resolved.metric_norm, Watch.region == resolved.region)).first()
    if existing is not None and existing.active:
        return existing, False
    active = session.exec(select(func.count()).select_from(Watch).where(
        Watch.chat_id == chat_id, col(Watch.active).is_(True))).one()
    if active >= MAX_WATCHES:
        raise UserError(N_("This chat already watches {count} metrics, the most it can; /unwatch one first."),
                        count=MAX_WATCHES)
    if existing is None:
        existing = Watch(chat_id=chat_id, metric_norm=resolved.metric_norm, metric=resolved.metric[:200],
                         region=resolved.region, created_by=created_by)
        session.add(existing)
    existing.active = True
    existing.metric = resolved.metric[:200]
    existing.last_figure_id = _max_figure_id(session)
    existing.created_at = utcnow()
    session.flush()
    return existing, True


def list_watches(session: Session, chat_id: int) -> list[Watch]:
    return list(session.exec(
        select(Watch).where(Watch.chat_id == chat_id, col(Watch.active).is_(True)).order_by(col(Watch.id))))


def unwatch(session: Session, *, chat_id: int, text: str) -> Watch | None:
    """Stop the chat's watch named by `text` (its name, an alias, or region + name); None if there is none."""
    key = normalise_query(" ".join(text.split()))
    if not key:
        return None
    for w in list_watches(session, chat_id):
        names = {normalise_query(w.region + w.metric_norm), normalise_query(w.region + w.metric)}
        if not w.region:
            names |= set(synonyms(w.metric_norm)) | set(alias_groups().get(w.metric_norm, ()))
        if key in names:
            return deactivate(session, w, "unwatched")
    return None


def unwatch_id(session: Session, *, chat_id: int, watch_id: int) -> Watch | None:
    w = session.get(Watch, watch_id)
    if w is None or w.chat_id != chat_id or not w.active:
        return None
    return deactivate(session, w, "unwatched")


# --------------------------------------------------------------------------------------------------- alerts


@dataclass(slots=True)
class AlertItem:
    entry: FigureEntry
    #: the previous figure of the same span (None: the first of its kind)
    previous: FigureEntry | None = None
    #: change from `previous` in %, computed from the stored values (levels of one unit only)
    change_pct: float | None = None


@dataclass(slots=True)
class Alert:
    metric: str
    region: str
    items: list[AlertItem] = field(default_factory=list)
    #: new figures not listed (beyond MAX_ITEMS)
    more: int = 0


#: renders an alert for a chat language → message parts (HTML)
AlertRenderer = Callable[[Alert, str | None], list[str]]

_Row = tuple[Figure, Article, Bulletin]


def _source(f: Figure, a: Article, b: Bulletin) -> FigureSource:
    return FigureSource(article_id=a.id or 0, article_title=a.title, outlet=a.outlet or "",
                        bulletin=masthead(b.publication, b.issue_no), bulletin_id=b.id or 0, published=a.published or b.published,
                        quote=f.quote)


def _key(f: Figure) -> tuple[Any, ...]:
    return (f.region, f.period_start, f.period_end, f"{f.value_base:.10g}", f.base_unit, bool(f.is_forecast))


def _span(start: date | None, end: date | None) -> tuple[Any, ...] | None:
    if end is None:
        return None
    if start is None:
        return ("stock",)
    return (start.month, start.day, end.month, end.day, end.year - start.year)


def _entries(rows: Sequence[_Row]) -> list[FigureEntry]:
    """Figures merged by (region, period, value, unit, forecast), sources oldest first; newest period first."""
    groups: dict[tuple[Any, ...], list[_Row]] = defaultdict(list)
    for row in rows:
        groups[_key(row[0])].append(row)
    entries = []
    for members in groups.values():
        members.sort(key=lambda r: r[0].id or 0)
        f = members[0][0]
        e = figure_entry(f)
        e.source_count = len(members)
        seen: set[int] = set()
        for g, a, b in members:
            if g is not f:
                e.figure_ids.append(g.id or 0)
                e.metric_norms.add(g.metric_norm)
            e.growth_pct = e.growth_pct if e.growth_pct is not None else g.growth_pct
            e.growth_pp = e.growth_pp if e.growth_pp is not None else g.growth_pp
            if a.id not in seen:
                seen.add(a.id or 0)
                e.sources.append(_source(g, a, b))
        entries.append(e)
    entries.sort(key=lambda e: (e.period_end or date.min, e.period_start or date.min, max(e.figure_ids)),
                 reverse=True)
    return entries


def _previous(session: Session, names: list[str], entry: FigureEntry, ceiling: int) -> FigureEntry | None:
    """The newest earlier figure of the same metric, region, unit and span (the most reported value of that
    period when several were)."""
    span = _span(entry.period_start, entry.period_end)
    if span is None:
        return None
    growth_only = is_growth_only(entry)
    stmt = (
        select(Figure, Article, Bulletin)
        .join(Article, col(Article.id) == col(Figure.article_id))
        .join(Bulletin, col(Bulletin.id) == col(Article.bulletin_id))
        .where(col(Figure.metric_norm).in_(names), col(Figure.region) == entry.region,
               col(Figure.base_unit) == entry.base_unit, col(Figure.is_forecast).is_(False),
               col(Figure.period_end) < entry.period_end, col(Figure.id) <= ceiling)
        .order_by(col(Figure.period_end).desc(), col(Figure.id).desc())
        .limit(200)
    )
    if span == ("stock",):
        stmt = stmt.where(col(Figure.period_start).is_(None))
    else:
        stmt = stmt.where(col(Figure.period_start).is_not(None))
    best_end: date | None = None
    rows: list[_Row] = []
    for f, a, b in session.exec(stmt):
        if _span(f.period_start, f.period_end) != span or is_growth_only(f) != growth_only:
            continue
        if best_end is None:
            best_end = f.period_end
        elif f.period_end != best_end:
            break
        rows.append((f, a, b))
    if not rows:
        return None
    entries = _entries(rows)
    counts = Counter({i: e.source_count for i, e in enumerate(entries)})
    return entries[counts.most_common(1)[0][0]]


def _change(new: FigureEntry, old: FigureEntry | None) -> float | None:
    if old is None or is_growth_only(new) or new.base_unit != old.base_unit or not old.value_base:
        return None
    if new.base_unit in ("%", "个百分点"):
        return None  # a change of a rate is in points, not %; the renderer shows both values
    return (new.value_base - old.value_base) / abs(old.value_base) * 100.0


def _ceiling(session: Session, until: datetime) -> int:
    """The highest figure id below which every figure's article was created at or before `until`."""
    top = _max_figure_id(session)
    unsettled = session.exec(
        select(func.min(Figure.id)).join(Article, col(Article.id) == col(Figure.article_id))
        .where(col(Article.created_at) > until)
    ).one()
    return min(top, int(unsettled) - 1) if unsettled is not None else top


_WATCH = Watch.__table__  # type: ignore[attr-defined]
_ADVANCE = (
    _WATCH.update()
    .where(and_(_WATCH.c.id == bindparam("wid"), _WATCH.c.last_figure_id == bindparam("old")))
    .values(last_figure_id=bindparam("new"))
)


class AlertConflict(Exception):
    """Another tick advanced some of this batch's watches first; the caller rolls back."""


def names_of(metric_norm: str) -> list[str]:
    """Every stored name a watch of `metric_norm` matches: the name and its alias group."""
    return list(dict.fromkeys([*synonyms(metric_norm), *alias_groups().get(metric_norm, ())]))


@dataclass(slots=True)
class AlertResult:
    #: watches considered (behind the ceiling)
    watches: int = 0
    alerts: int = 0
    messages: int = 0


def enqueue_alerts(session: Session, now: datetime, *, render: AlertRenderer, settle: timedelta = timedelta(0),
                   limit: int = TICK_BATCH) -> AlertResult:
    """One batch: at most `limit` watches behind the ceiling. Does not commit (the caller's transaction makes the
    rows and the advance atomic); raises AlertConflict when another tick advanced a watch first."""
    result = AlertResult()
    ceiling = _ceiling(session, now - settle)
    chat_t = Chat.__table__  # type: ignore[attr-defined]
    stmt = (
        sa_select(_WATCH.c.id, _WATCH.c.chat_id, _WATCH.c.metric_norm, _WATCH.c.metric, _WATCH.c.region,
                  _WATCH.c.last_figure_id, chat_t.c.active, chat_t.c.paused)
        .select_from(_WATCH.outerjoin(chat_t, chat_t.c.id == _WATCH.c.chat_id))
        .where(_WATCH.c.active.is_(True), _WATCH.c.last_figure_id < ceiling)
        .order_by(_WATCH.c.id)
        .limit(limit)
    )
    watches = fetch_due(session.connection(), stmt, _WATCH)
    result.watches = len(watches)
    if not watches:
        return result
    # the new figures of every watched metric in one statement per metric
    by_metric: dict[str, list[Any]] = defaultdict(list)
    for w in watches:
        by_metric[w.metric_norm].append(w)
    new_rows: dict[str, list[_Row]] = {}
    for metric_norm, ws in by_metric.items():
        low = min(w.last_figure_id for w in ws)
        new_rows[metric_norm] = list(session.exec(
            select(Figure, Article, Bulletin)
            .join(Article, col(Article.id) == col(Figure.article_id))
            .join(Bulletin, col(Bulletin.id) == col(Article.bulletin_id))
            .where(col(Figure.metric_norm).in_(names_of(metric_norm)), col(Figure.id) > low,
                   col(Figure.id) <= ceiling)
            .order_by(col(Figure.id))
        ).all())
    languages = chat_languages(session, {w.chat_id for w in watches})
    rendered: dict[tuple[Any, ...], list[str]] = {}
    composed: dict[tuple[Any, ...], Alert | None] = {}
    advances: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    created = utcnow()
    for w in watches:
        advances.append({"wid": w.id, "old": w.last_figure_id, "new": ceiling})
        if w.active is False:  # the chat blocked the bot: move on without a backlog
            continue
        mine = [r for r in new_rows[w.metric_norm]
                if (r[0].id or 0) > w.last_figure_id and (not w.region or r[0].region == w.region)]
        if not mine:
            continue
        same = (w.metric_norm, w.region, w.last_figure_id)  # watchers of one metric usually share a watermark
        if same not in composed:
            composed[same] = _alert(session, w, mine, ceiling)
        alert = composed[same]
        if alert is None:
            continue
        newest = max(r[0].id or 0 for r in mine)
        lang = languages.get(w.chat_id)
        key = (*same, lang)
        parts = rendered.get(key)
        if parts is None:
            parts = rendered[key] = render(alert, lang)
        result.alerts += 1
        rows += message_rows(
            parts, subscription_id=None, watch_id=w.id, figure_id=newest, chat_id=w.chat_id, slot=now,
            # a paused chat (/pause) gets its alerts held with its digests; /resume releases them
            next_attempt_at=PAUSED_UNTIL if w.paused else now, created_at=created,
        )
        result.messages += len(parts)
    advance_then_insert(session, _ADVANCE, advances, rows, AlertConflict, "watches",
                        constraint="uq_delivery_watch_figure")
    return result


def _alert(session: Session, w: Any, rows: list[_Row], ceiling: int) -> Alert | None:
    """The alert for one watch's new figure rows: values already stored for their period (below the watermark)
    are not news."""
    names = names_of(w.metric_norm)
    periods = {r[0].period_end for r in rows}
    dated = [p for p in periods if p is not None]
    conds = []
    if dated:
        conds.append(col(Figure.period_end).in_(dated))
    if None in periods:
        conds.append(col(Figure.period_end).is_(None))
    known = {_key(f) for f in session.exec(
        select(Figure).where(col(Figure.metric_norm).in_(names), col(Figure.id) <= w.last_figure_id, or_(*conds)))}
    fresh = [r for r in rows if _key(r[0]) not in known]
    if not fresh:
        return None
    entries = _entries(fresh)
    alert = Alert(metric=w.metric, region=w.region, more=max(0, len(entries) - MAX_ITEMS))
    for e in entries[:MAX_ITEMS]:
        prev = _previous(session, names, e, ceiling)
        alert.items.append(AlertItem(entry=e, previous=prev, change_pct=_change(e, prev)))
    return alert


def tick(engine: Engine, now: datetime | None = None, *, render: AlertRenderer,
         settle: timedelta = timedelta(0)) -> TickResult:
    """Every watch behind the ceiling, batch by batch, each batch one transaction (blocking: run it in a thread).
    Returned as the digest tick's `TickResult`: `digests` counts alerts, `messages` outbox rows, `due` stays 0."""
    now = now or utcnow()
    total = TickResult()
    while True:
        try:
            with session_scope(engine) as session:
                result = enqueue_alerts(session, now, render=render, settle=settle, limit=TICK_BATCH)
        except AlertConflict as exc:  # another process ticked the same watches: leave them to it
            log.warning("alert batch rolled back: %s", exc)
            return total
        total.digests += result.alerts
        total.messages += result.messages
        if result.alerts:
            log.info("alerts: %d enqueued (%d messages)", result.alerts, result.messages)
        if result.watches < TICK_BATCH:
            return total
