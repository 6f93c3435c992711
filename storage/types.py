"""The plain frozen dataclasses that cross the storage boundary, named for their direction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from storage.ledger_types import FigureChange


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """A feed as the configuration declares it (synchronised into the feed table at start-up)."""

    url: str
    name: str
    lang: str
    interval_s: int


@dataclass(frozen=True, slots=True)
class FeedToCheck:
    """A claimed, due feed: everything the fetcher needs, validators included."""

    id: int
    url: str
    name: str
    lang: str
    interval_s: int
    etag: str | None
    last_modified: str | None
    error_count: int
    backlog_done: bool


CheckStatus = Literal["ok", "not_modified", "error", "gone"]


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    """What one check of a feed came to, for its row; the caller decides the next check time."""

    feed_id: int
    status: CheckStatus
    checked_at: datetime
    next_check_at: datetime
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    items: int = 0
    moved_to: str | None = None  # "ok" after permanent redirects: the feed's new URL


@dataclass(frozen=True, slots=True)
class NewArticle:
    """A parsed, matched item ready to be stored."""

    feed_id: int
    guid: str | None
    url: str | None
    canonical_url: str | None
    content_hash: str
    title: str
    summary: str
    published_at: datetime | None
    relevant: bool
    matched: tuple[str, ...]
    relevance: str = ""  # the judge's reason (watchers.topic.relevance.Verdict.reason), for /why


@dataclass(frozen=True, slots=True)
class KnownIdentities:
    """Which of the asked GUIDs and canonical URLs the store already holds."""

    guids: frozenset[str]
    urls: frozenset[str]


AlertKind = Literal["story", "update", "figure", "edit", "digest", "broadcast"]


@dataclass(frozen=True, slots=True)
class AlertIntent:
    """What the outbox receives: one alert for every active subscriber."""

    kind: AlertKind
    priority: int
    article_id: int | None
    title: str
    outlet: str
    url: str | None
    published_at: datetime | None
    matched: tuple[str, ...]
    figure: FigureChange | None = None  # for kind "figure": what changed
    story_id: int | None = None  # for kind "story": the story it announces
    news: tuple[str, ...] = ()  # for kind "update": what the report brings its story


@dataclass(frozen=True, slots=True)
class StoredAlert:
    """An alert as stored, for rendering."""

    id: int
    kind: AlertKind
    title: str
    outlet: str
    url: str | None
    published_at: datetime | None
    matched: tuple[str, ...]
    created_at: datetime
    items: tuple[StoredAlert, ...] = ()  # a digest's stories
    figure: FigureChange | None = None  # for kind "figure": what changed
    story_id: int | None = None  # for kinds "story" and "edit": the story
    news: tuple[str, ...] = ()  # for kind "update": what the report brings its story


@dataclass(frozen=True, slots=True)
class DueDelivery:
    """One outbox row to send now, with what is needed to render it."""

    id: int
    chat_id: int
    language: str
    attempts: int
    alert: StoredAlert
    priority: int = 1
    chat_type: str = "private"
    thread_id: int | None = None
    mode: str = "instant"
    timezone: str = "UTC"
    quiet_hours: str = ""
    seen_at: datetime | None = None  # when the alert's article first appeared in a feed
    edit_message_id: int | None = None  # kind "edit": the message to rewrite


@dataclass(frozen=True, slots=True)
class FeedStatus:
    """A feed's health, for /status and check-feeds."""

    name: str
    url: str
    last_checked_at: datetime | None
    last_status: str | None
    error_count: int
    last_error: str | None
    next_check_at: datetime


@dataclass(frozen=True, slots=True)
class Overview:
    """What /status shows."""

    feeds: tuple[FeedStatus, ...]
    articles: int
    relevant: int  # stories on the topic, as /latest counts them
    subscribers: int
    pending_deliveries: int
