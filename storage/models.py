"""The database rows. They never leave storage/: queries return the dataclasses in storage.types.

A column with a fixed set of values is ``str`` here (SQLModel maps no ``Literal``); its comment
names the ``Literal`` alias the dataclasses crossing the boundary use.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite keeps no offset)."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


def _when(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


class Feed(SQLModel, table=True):
    """One polled feed and its schedule: the row is the feed's whole state (miniflux style)."""

    __table_args__ = (sa.Index("uq_feed_moved_from", "moved_from", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)
    name: str
    lang: str
    interval_s: int
    enabled: bool = True
    # Validators sent back verbatim on the next request.
    etag: str | None = None
    last_modified: str | None = None
    next_check_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    last_checked_at: datetime | None = _when()
    last_status: str | None = None
    error_count: int = 0
    last_error: str | None = None
    # A claim is a lease: whoever holds it fetches the feed; an expired lease is free again.
    claimed_by: str | None = None
    claimed_until: datetime | None = _when()
    # False until the first successful fetch: that backlog is stored, not alerted.
    backlog_done: bool = False
    items_seen: int = 0
    # "config" (config.toml owns it) or "runtime" (added with /feeds; config sync leaves it alone).
    origin: str = "config"  # FeedOrigin (storage.sources)
    paused: bool = False  # /feeds pause: kept, not checked (also after 410 Gone)
    # The URL the feed had before a permanent redirect moved it (config.toml may still say it).
    moved_from: str | None = None


class Article(SQLModel, table=True):
    """One feed item kept for identity (GUID, canonical URL, content hash) and for reading."""

    __table_args__ = (
        sa.UniqueConstraint("guid", name="uq_article_guid"),
        sa.UniqueConstraint("canonical_url", name="uq_article_canonical_url"),
    )

    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(foreign_key="feed.id", index=True)
    guid: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    content_hash: str = Field(index=True)
    title: str
    summary: str
    published_at: datetime | None = _when()
    seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    relevant: bool = False
    matched: str = ""  # the matched keywords, joined with "\n"
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)


class Subscriber(SQLModel, table=True):
    """A chat that asked for alerts; inactive when it unsubscribed or Telegram refused it, or
    when it only chose a language or settings before subscribing."""

    chat_id: int = Field(
        sa_type=sa.BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    chat_type: str = "private"
    name: str = ""
    language: str = "en"
    active: bool = True
    subscribed_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    inactive_reason: str | None = None
    thread_id: int | None = None  # a forum topic of a supergroup
    timezone: str = "UTC"  # IANA name, for quiet and digest hours
    mode: str = "instant"  # DeliveryMode (storage.preference_types)
    digest_hours: str = ""  # e.g. "8,20" (local hours)
    quiet_hours: str = ""  # e.g. "22-7" (local hours; nothing is sent in between)
    next_digest_at: datetime | None = _when()
    receive: str = "all"  # Receive (storage.preference_types)
    chosen: str = ""  # the chosen figure keys, joined with "\n" ("troops/" = every troop count)
    language_chosen: bool = False  # the language was picked in the bot, not taken from the client
    outlets_off: str = ""  # the feed ids whose stories the reader turned off, joined with "\n"
    languages_off: str = ""  # the outlet languages turned off ("en"), joined with "\n"


class Alert(SQLModel, table=True):
    """Something to tell every subscriber; its text is rendered per subscriber at send time."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str  # AlertIntent.kind (storage.types)
    priority: int = 1  # lower goes first
    article_id: int | None = Field(default=None, foreign_key="article.id")
    payload: str  # JSON: title, outlet, url, published, matched
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    story_id: int | None = Field(default=None, foreign_key="story.id", index=True)


class Delivery(SQLModel, table=True):
    """The outbox: one row per alert and recipient, written before anything is sent."""

    __table_args__ = (
        sa.UniqueConstraint("alert_id", "chat_id", name="uq_delivery_alert_chat"),
        sa.Index("ix_delivery_due", "status", "priority", "next_attempt_at"),
        sa.Index("ix_delivery_chat_claim", "chat_id", "claimed_until"),
    )

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    chat_id: int = Field(sa_type=sa.BigInteger)
    priority: int = 1
    status: str = "pending"  # pending -> sent | failed; held -> digested (digest subscribers)
    # or filtered: the subscriber's settings kept it (the reason in last_error, for /why)
    attempts: int = 0
    next_attempt_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    last_error: str | None = None
    sent_at: datetime | None = _when()
    message_id: int | None = None
    edit_message_id: int | None = None  # an edit: the message it rewrites
    # A claim is a lease, as a feed's: the instance that holds it sends the row; an expired
    # lease (its instance died) is free again. A sent row keeps a short claim on its chat, so
    # the chat's pace is kept by the one instance that sent to it last.
    claimed_by: str | None = None
    claimed_until: datetime | None = _when()


class Instance(SQLModel, table=True):
    """A running service on this database ("host:pid:life"), and when it was last seen alive:
    live instances share the bot's sending rate."""

    name: str = Field(primary_key=True)
    started_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class LedgerEntry(SQLModel, table=True):
    """One report of a figure (a troop count or a deadline): a point on that figure's timeline."""

    __tablename__ = "ledger_entry"
    __table_args__ = (sa.Index("ix_ledger_entry_key_published", "key", "published_at"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str  # "troops/US/Iraq", "deadline/coalition leaves Erbil"
    value: str  # "2500", "2026-09"
    precision: str  # FigurePrecision (watchers.figures.judge)
    level: str  # what equal reports share: the number, or the deadline's last day
    kind: str  # how it was judged: FigureKind (watchers.figures.judge)
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True)
    outlet: str
    source: str | None = None  # who the outlet cites ("Reuters"), if anyone
    url: str | None = None
    published_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    quote: str
    recorded_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class Story(SQLModel, table=True):
    """One news event however many outlets carry it: the articles whose ``story_id`` it is."""

    id: int | None = Field(default=None, primary_key=True)
    first_article_id: int | None = None
    title: str
    url: str | None = None
    outlet: str  # the outlet of the first report
    first_seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    latest_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    articles: int = 1
    outlets: int = 1
    relevant: bool = False
    announced: bool = False  # its story alert was stored


class ArticleVersion(SQLModel, table=True):
    """A later text of a stored article (same GUID or URL, another content hash)."""

    __tablename__ = "article_version"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    version: int  # 2, 3, ...: the article row itself is version 1
    content_hash: str
    title: str
    summary: str
    published_at: datetime | None = _when()
    seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class StoryEvidence(SQLModel, table=True):
    """What story matching knows of a relevant article: its evidence and its index rows."""

    __tablename__ = "story_evidence"
    __table_args__ = (sa.Index("ix_story_evidence_story_lang", "story_id", "lang"),)

    article_id: int = Field(
        foreign_key="article.id", primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    story_id: int = Field(foreign_key="story.id")
    evidence: bytes = Field(sa_type=sa.LargeBinary)  # watchers.stories.similar.codec
    slots: bytes = Field(sa_type=sa.LargeBinary)  # the index rows, 32-bit slots
    # the article's language ("" for rows stored before it was kept): a story's reports are
    # counted per language when a new article is judged against them
    lang: str = Field(default="", sa_column_kwargs={"server_default": ""})


class StorySplit(SQLModel, table=True):
    """An administrator's /split: an article taken out of the story it had joined, to be a
    story of its own (a development the matching had merged into an older one)."""

    __tablename__ = "story_split"

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    from_story_id: int = Field(foreign_key="story.id")
    to_story_id: int = Field(foreign_key="story.id")
    chat_id: int = Field(sa_type=sa.BigInteger)  # the administrator who asked
    at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class SubscriberFilter(SQLModel, table=True):
    """A chat's own include or exclude word or phrase, on top of the topic's keywords."""

    __tablename__ = "subscriber_filter"
    __table_args__ = (
        sa.UniqueConstraint("chat_id", "kind", "phrase", name="uq_subscriber_filter"),
    )

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=sa.BigInteger, index=True)
    kind: str  # FilterKind (storage.preference_types)
    phrase: str
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class Mute(SQLModel, table=True):
    """A chat pressed "mute this story": nothing more about that article, or about any other
    article of its story, reaches it."""

    __table_args__ = (sa.UniqueConstraint("chat_id", "article_id", name="uq_mute_chat_article"),)

    id: int | None = Field(default=None, primary_key=True)
    chat_id: int = Field(sa_type=sa.BigInteger, index=True)
    article_id: int | None = Field(default=None, foreign_key="article.id")
    story_id: int | None = None  # unused: the article's story is read from the article
    alert_id: int | None = Field(default=None, foreign_key="alert.id")
    created_at: datetime = Field(sa_type=UTCDateTime, nullable=False)


class ArticleTrace(SQLModel, table=True):
    """What the pipeline made of one link, for /why: kept or dropped, and by which stage.

    One row per stored article, and one per re-publication under another link (same GUID);
    ``link`` is the canonical URL (or ``guid:<guid>`` for an item without a link).
    """

    __tablename__ = "article_trace"
    __table_args__ = (sa.UniqueConstraint("link", name="uq_article_trace_link"),)

    id: int | None = Field(default=None, primary_key=True)
    link: str
    feed_id: int = Field(foreign_key="feed.id")
    article_id: int | None = Field(default=None, foreign_key="article.id", index=True)
    url: str | None = None
    guid: str | None = None
    reason: str  # watchers.identity.triage.Decision.reason
    duplicate_of: int | None = Field(default=None, foreign_key="article.id")
    relevance: str | None = None  # watchers.topic.relevance.Verdict.reason
    seen_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
