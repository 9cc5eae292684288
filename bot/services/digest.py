"""Digests: composition and rendering (the delivery outbox and the tick are in `bot.services.outbox`).

Composition (`compose`) is plain data; `render_digest` turns it into message parts below Telegram's 4096-character
cap — HTML with every piece of article text passed through `html.escape` (or plain text for the CLI preview).
Translation is injected (a `Translator`-like object with `gettext`, `number`, `date`): services never import the
i18n or Telegram layers.

`upcoming` is what a subscription's next digest holds right now: the window and exclusions the tick uses
(`parse_ids`/`format_ids` read and write `Subscription.recent_ids`).
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol

from sqlmodel import Session, col, select

from bot.db.models import Article, ArticleSearch, Bulletin, Figure, Subscription, utcnow
from bot.errors import N_
from bot.services.figures import is_growth_only
from bot.services.lookup import growth_basis
from bot.services.subscriptions import as_utc, split_excludes
from bot.services.topics import (
    ArticleTextCache,
    Topic,
    article_text_from_tokens,
    compact,
    matches,
    resolve_topic,
)
from bot.text.split import split_blocks

#: Telegram's cap is 4096 characters; leave room for entities and the part marker.
MESSAGE_LIMIT = 4000
LINE_CHARS = 90
MAX_FIGURES = 6
MAX_ITEMS = 60

_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


class Tr(Protocol):
    """The part of `bot.i18n.Translator` rendering needs."""

    def gettext(self, message: str) -> str: ...
    def ngettext(self, singular: str, plural: str, n: int) -> str: ...
    def number(self, value: float, *, digits: int | None = None) -> str: ...
    def date(self, value: date, *, fmt: str = "medium") -> str: ...


class _English:
    """Fallback when no translator is given: msgids as they are, ISO dates."""

    def gettext(self, message: str) -> str:
        return message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return singular if n == 1 else plural

    def number(self, value: float, *, digits: int | None = None) -> str:
        text = f"{value:,.{digits if digits is not None else 6}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def date(self, value: date, *, fmt: str = "medium") -> str:
        return value.isoformat()


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
    article_id: int
    metric: str
    region: str
    value: float
    unit: str
    value_base: float
    base_unit: str
    period_label: str
    period_start: date | None
    period_end: date | None
    growth_pct: float | None
    growth_pp: float | None
    is_forecast: bool
    #: decimals the source wrote (`4.0%`), for the render layer; None for figures stored before revision 0008
    value_decimals: int | None = None
    growth_decimals: int | None = None
    #: "yoy" / "mom" when the source says 同比 / 环比 (see bot.services.lookup.growth_basis)
    growth_basis: str | None = None


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
                digest.figures.append(
                    HeadlineFigure(a.id, f.metric, f.region, f.value, f.unit, f.value_base, f.base_unit,
                                   f.period_label, f.period_start, f.period_end, f.growth_pct, f.growth_pp,
                                   f.is_forecast, f.value_decimals, f.growth_decimals,
                                   growth_basis(f.quote, f.span_start, f.span_end))
                )
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


# --------------------------------------------------------------------------------------------------- rendering


def _growth(tr: Tr, f: HeadlineFigure) -> str:
    if f.growth_pct is not None:
        sign = "+" if f.growth_pct >= 0 else ""
        return f"{sign}{tr.number(f.growth_pct)}%"
    if f.growth_pp is not None:
        sign = "+" if f.growth_pp >= 0 else ""
        return sign + tr.gettext(N_("{value} pp")).format(value=tr.number(f.growth_pp))
    return ""


def render_digest(digest: Digest, tr: Tr | None = None, *, html_mode: bool = True, limit: int = MESSAGE_LIMIT,
                  figure_text: Callable[[HeadlineFigure], str] | None = None) -> list[str]:
    """Message parts (each ≤ `limit` characters). HTML mode escapes every piece of article text. `figure_text`
    formats one headline figure as plain text (the bot passes the locale-aware formatter of bot.render)."""
    tr = tr or _English()
    esc: Callable[[str], str] = html.escape if html_mode else (lambda s: s)

    def bold(s: str) -> str:
        return f"<b>{s}</b>" if html_mode else s

    language = getattr(tr, "language", "zh")
    header = bold(esc(tr.gettext(N_("Digest: {topic}")).format(topic=digest.topic.name(language))))
    header += "\n" + esc(tr.ngettext("{count} new article", "{count} new articles", len(digest.items)).format(
        count=tr.number(len(digest.items))))
    blocks: list[str] = []
    for n, item in enumerate(digest.items, 1):
        meta = " · ".join(
            p for p in (item.outlet, tr.date(item.published) if item.published else "") if p
        )
        lines = [bold(f"{n}. {esc(item.title)}")]
        if meta:
            lines.append(esc(meta))
        if item.line:
            lines.append(esc(item.line))
        lines.append(f"/article {item.article_id}")
        blocks.append("\n".join(lines))
    if digest.figures:
        fig_lines = [bold(esc(tr.gettext(N_("Headline figures"))))]
        for f in digest.figures:
            text = figure_text(f) if figure_text is not None else default_figure_text(tr, f)
            fig_lines.append(f"• {esc(text)} — /article {f.article_id}")
        blocks.append("\n".join(fig_lines))
    return split_blocks([header, *blocks], limit)


def default_figure_text(tr: Tr, f: HeadlineFigure) -> str:
    name = f.metric if f.region in ("", "全国") else f"{f.region}{f.metric}"
    growth = _growth(tr, f)
    if is_growth_only(f):  # a change without a level: shown as the change, not as an amount
        value, growth = growth, ""
    else:
        value = f"{tr.number(f.value)}{f.unit}"  # every digit the source gave
    extra = ", ".join(p for p in (f.period_label, growth) if p)
    forecast = " " + tr.gettext(N_("(forecast)")) if f.is_forecast else ""
    return f"{name}: {value}" + (f" ({extra})" if extra else "") + forecast


def preview_text(
    session: Session, topic: str, *, since: date | None = None, language: str = "zh", translator: Tr | None = None
) -> str:
    """Plain-text preview of the digest `topic` would get for articles ingested since `since` (default: all)."""
    start = datetime(since.year, since.month, since.day, tzinfo=UTC) if since else datetime(1970, 1, 1, tzinfo=UTC)
    digest = compose(session, topic, since=start, until=utcnow())
    if not digest:
        return (translator or _English()).gettext(N_("No new articles for {topic}.")).format(
            topic=digest.topic.name(language)
        )
    return "\n\n".join(render_digest(digest, translator, html_mode=False))
