"""All tables in one place. Alembic (migrations/) owns the schema; these classes mirror it."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import BigInteger, Boolean, Column, Index, Text, UniqueConstraint, false, text
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Aware UTC now; every datetime column stores aware UTC datetimes."""
    return datetime.now(UTC)


class Bulletin(SQLModel, table=True):
    """One ingested file: a bulletin issue or a newspaper page."""

    id: int | None = Field(default=None, primary_key=True)
    publication: str = Field(default="", max_length=200)
    issue_no: str | None = Field(default=None, max_length=100)
    published: date | None = Field(default=None, index=True)
    file_name: str = Field(max_length=500)
    file_format: str = Field(default="txt", max_length=10)
    size_bytes: int = 0
    #: hash of the normalised text (encoding, line endings and PDF-vs-text independent)
    content_hash: str = Field(max_length=64, unique=True)
    loaded_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    loaded_at: datetime = Field(default_factory=utcnow, index=True)


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    bulletin_id: int = Field(foreign_key="bulletin.id", index=True, ondelete="CASCADE")
    seq: int = 0
    section: str = Field(default="", max_length=100)
    title: str = Field(max_length=500)
    outlet: str = Field(default="", max_length=200)
    published: date | None = Field(default=None, index=True)
    #: normalised body (lines joined, furniture removed); paragraphs separated by "\n"
    body: str = Field(sa_column=Column(Text, nullable=False))
    #: 64-bit SimHash of the normalised text (signed), for near-duplicate detection
    fingerprint: int = Field(default=0, sa_column=Column(BigInteger, nullable=False, default=0))
    #: earlier article carrying the same story (another bulletin), if any
    duplicate_of_id: int | None = Field(default=None, foreign_key="article.id", index=True, ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow, index=True)


class Figure(SQLModel, table=True):
    """One statistic, traceable to its article and the sentence it came from."""

    #: covering index for metric lookups (revision 0002): newest figures per name and their merge key, no table reads;
    #: on PostgreSQL it also carries `id` (revision 0004; SQLite index entries end with the rowid anyway)
    __table_args__ = (
        Index("ix_figure_metric_period", "metric_norm", "period_end", "region", "period_start", "value_base",
              "base_unit", "is_forecast", postgresql_include=["id"]),
        # ids never reused (revision 0010): a watch's watermark is a figure id
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    metric: str = Field(max_length=200)
    #: normalised metric name used for lookup (width-folded, no spaces, region stripped)
    metric_norm: str = Field(max_length=200)
    region: str = Field(default="全国", max_length=100)
    value: float
    unit: str = Field(default="", max_length=20)
    value_base: float
    base_unit: str = Field(default="", max_length=20)
    #: exact | approx | lower_bound | upper_bound
    qualifier: str = Field(default="exact", max_length=20)
    period_start: date | None = None
    period_end: date | None = None
    period_label: str = Field(default="", max_length=100)
    growth_pct: float | None = None
    growth_pp: float | None = None
    is_forecast: bool = False
    quote: str = Field(sa_column=Column(Text, nullable=False))
    #: character offsets of the figure in the quote
    span_start: int = 0
    span_end: int = 0
    #: decimals the source wrote (`4.0%` → 1, `13.80` → 2; revision 0008): the render layer keeps them.
    #: None for rows stored before (shown with trailing zeros dropped)
    value_decimals: int | None = None
    growth_decimals: int | None = None


class ArticleSearch(SQLModel, table=True):
    """Pre-segmented (jieba, search mode) text per article. The FTS index (SQLite FTS5 `article_fts`, or a
    PostgreSQL tsvector column on this table) is maintained by the search service and created by migrations."""

    __tablename__ = "article_search"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    title_tokens: str = Field(sa_column=Column(Text, nullable=False))
    body_tokens: str = Field(sa_column=Column(Text, nullable=False))


class Chat(SQLModel, table=True):
    """A private chat or group the bot talks to; the delivery target of subscriptions."""

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    kind: str = Field(default="private", max_length=20)
    title: str = Field(default="", max_length=300)
    language: str | None = Field(default=None, max_length=10)
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow)
    deactivated_reason: str | None = Field(default=None, max_length=200)
    #: /pause: no digests for any of the chat's subscriptions until /resume (revision 0007)
    paused: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()))


class UserPref(SQLModel, table=True):
    """Telegram user and their chosen language."""

    __tablename__ = "user_pref"

    id: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    language: str | None = Field(default=None, max_length=10)
    first_seen: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)


class Subscription(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("chat_id", "topic", name="uq_subscription_chat_topic"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    #: a curated topic key (seeds/topics.toml) or a custom keyword
    topic: str = Field(max_length=100)
    is_custom: bool = False
    #: daily | weekly
    frequency: str = Field(default="daily", max_length=10)
    #: 0 = Monday … 6 = Sunday (ISO - 1), weekly only
    weekday: int | None = None
    #: local time of day, minutes after midnight in `timezone`
    minute_of_day: int = 8 * 60
    timezone: str = Field(default="Asia/Shanghai", max_length=64)
    active: bool = True
    created_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    #: the digest window's lower bound: articles created after this are new for this subscription
    covered_until: datetime = Field(default_factory=utcnow)
    #: next slot (aware UTC) at which a digest is due; the tick selects on this
    next_due_at: datetime = Field(index=True)
    #: set between a slot's digest and its follow-up (due at next_due_at): the slot's tick time. The follow-up
    #: carries articles created up to then whose ingest was still committing while the slot's digest was composed
    followup_until: datetime | None = None
    #: ids (comma-separated) of articles created after covered_until that a digest already carried
    recent_ids: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    #: space-separated words: articles containing any of them are left out of the digest (revision 0007)
    exclude: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))


_UNSENT = "status IN ('pending', 'sending')"


class Watch(SQLModel, table=True):
    """A metric alert (/watch): the chat gets a message for every new figure of the metric (revision 0006).
    `last_figure_id` is the watermark: figures with a higher id have not been considered for this watch yet."""

    __table_args__ = (UniqueConstraint("chat_id", "metric_norm", "region", name="uq_watch_chat_metric_region"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    #: normalised metric name (the canonical one of its alias group); figures under any synonym match
    metric_norm: str = Field(max_length=200)
    #: the name as shown to the reader
    metric: str = Field(max_length=200)
    #: "" = any region, else only figures of this region (`/watch 上海网上零售额`)
    region: str = Field(default="", max_length=100)
    last_figure_id: int = 0
    active: bool = True
    created_by: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)


class Delivery(SQLModel, table=True):
    """Outbox: one row per message of a digest or a metric alert. A digest row is unique on (subscription, slot,
    part), an alert row on (watch, figure, part) — `figure_id` is the newest figure the alert reports — so a
    repeated tick or a restart never creates a second digest or alert."""

    __table_args__ = (
        UniqueConstraint("subscription_id", "slot", "part", name="uq_delivery_slot_part"),
        UniqueConstraint("watch_id", "figure_id", "part", name="uq_delivery_watch_figure"),
        Index("ix_delivery_status_next", "status", "next_attempt_at"),
        #: a chat's unsent rows (the claim checks that no earlier part of the chat is still unsent)
        Index("ix_delivery_chat_unsent", "chat_id", "id", sqlite_where=text(_UNSENT), postgresql_where=text(_UNSENT)),
    )

    id: int | None = Field(default=None, primary_key=True)
    #: the digest's subscription (None for a metric alert)
    subscription_id: int | None = Field(default=None, foreign_key="subscription.id", index=True, ondelete="CASCADE")
    #: the metric alert's watch (None for a digest)
    watch_id: int | None = Field(default=None, foreign_key="watch.id", index=True, ondelete="CASCADE")
    figure_id: int | None = None
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False, index=True))
    slot: datetime
    part: int = 0
    text: str = Field(sa_column=Column(Text, nullable=False))
    #: pending | sending (claimed by `claimed_by` until `lease_until`) | sent | failed | cancelled
    status: str = Field(default="pending", max_length=12)
    claimed_by: str | None = Field(default=None, max_length=64)
    lease_until: datetime | None = None
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    last_error: str | None = Field(default=None, max_length=500)
    telegram_message_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    created_at: datetime = Field(default_factory=utcnow)
    sent_at: datetime | None = None


class Heartbeat(SQLModel, table=True):
    """When a periodic job last ran (`tick`), upserted by whichever process ran it; read by `python -m bot health`."""

    name: str = Field(primary_key=True, max_length=50)
    at: datetime = Field(default_factory=utcnow)
    detail: str = Field(default="", max_length=500, sa_column_kwargs={"server_default": ""})
