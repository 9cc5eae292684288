"""Digests: composition (the delivery outbox and the tick are in `bot.services.outbox`; rendering in `bot.render.digest`).

Composition (`compose`) is plain data; `bot.render.digest` turns it into message parts for a reader's language
(the tick takes that renderer as an argument: services never import the render, i18n or Telegram layers).

`upcoming` is what a subscription's next digest holds right now: the window and exclusions the tick uses
(`parse_ids`/`format_ids` read and write `Subscription.recent_ids`).
"""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from bot.db.models import Article, ArticleSearch, Bulletin, Figure, Subscription, utcnow
from bot.services.entries import figure_entry
from bot.services.lookup import FigureEntry
from bot.services.subscriptions import as_utc, split_excludes
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


