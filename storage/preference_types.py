"""What a subscriber asked for, as it crosses the storage boundary: settings, filters, the rules
the outbox applies at send time, and what /why finds about a link."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, TypeGuard, get_args

from storage.ledger_types import FigureEntry
from storage.types import AlertKind

# What a chat receives: every alert, figure changes only, or the figures it chose.
Receive = Literal["all", "figures", "chosen"]
# Alerts as they come, or stories gathered and sent at the chat's digest hours.
DeliveryMode = Literal["instant", "digest"]
FilterKind = Literal["include", "exclude"]
# What became of a stored article (watchers.identity.triage), and of a link that re-published one.
ArticleReason = Literal["new", "not_relevant", "backlog"]
DuplicateReason = Literal["duplicate_guid", "duplicate_url"]

FILTER_KINDS: tuple[FilterKind, ...] = get_args(FilterKind)
# A new chat's time zone, from its language: Vietnamese readers start on Vietnam's time.
ZONE_OF_LANGUAGE = {"vi": "Asia/Ho_Chi_Minh"}


def zone_for(language: str) -> str:
    """The time zone a chat starts with when it speaks ``language`` (UTC unless known)."""
    return ZONE_OF_LANGUAGE.get(language, "UTC")


def is_filter_kind(value: str) -> TypeGuard[FilterKind]:
    return value in FILTER_KINDS


@dataclass(frozen=True, slots=True)
class Settings:
    """A chat's settings (the defaults for a chat the bot has never stored)."""

    chat_id: int
    active: bool = False
    language: str = "en"
    language_chosen: bool = False
    receive: Receive = "all"
    chosen: tuple[str, ...] = ()  # figure keys; a key ending in "/" is a whole family
    mode: DeliveryMode = "instant"
    digest_hours: str = ""
    quiet_hours: str = ""
    timezone: str = "UTC"
    outlets_off: frozenset[int] = frozenset()  # feed ids whose stories are not sent
    languages_off: frozenset[str] = frozenset()  # outlet languages whose stories are not sent


@dataclass(frozen=True, slots=True)
class Filter:
    """One of a chat's own words or phrases: a story must contain an include one (if the chat
    has any) and no exclude one."""

    id: int
    kind: FilterKind
    phrase: str


@dataclass(frozen=True, slots=True)
class Muted:
    """A story the chat muted: its article and headline, for /settings."""

    article_id: int
    title: str


@dataclass(frozen=True, slots=True)
class ChatRules:
    """What the outbox needs to know of a chat at send time, beyond its delivery row."""

    receive: Receive = "all"
    chosen: tuple[str, ...] = ()
    filters: tuple[Filter, ...] = ()
    muted: frozenset[int] = field(default_factory=frozenset)  # article ids
    muted_stories: frozenset[int] = field(default_factory=frozenset)  # those articles' stories
    outlets_off: frozenset[int] = frozenset()  # feed ids
    languages_off: frozenset[str] = frozenset()  # outlet languages


@dataclass(frozen=True, slots=True)
class AlertArticle:
    """The article an alert is about, for filters, mutes and the reader's outlets."""

    article_id: int
    title: str
    summary: str
    feed_id: int | None = None
    lang: str = ""  # its outlet's language
    story_id: int | None = None  # the story it belongs to (a mute holds back the whole story)


@dataclass(frozen=True, slots=True)
class NewTrace:
    """What the pipeline made of one item, for /why."""

    link: str  # the canonical URL, or "guid:<guid>"
    feed_id: int
    article_id: int | None  # None for a re-publication (not stored again)
    url: str | None
    guid: str | None
    canonical_url: str | None
    reason: str  # watchers.identity.triage.Decision.reason
    relevance: str | None


@dataclass(frozen=True, slots=True)
class SeenArticle:
    """A stored article as /why tells it."""

    id: int
    title: str
    outlet: str
    url: str | None
    published_at: datetime | None
    seen_at: datetime
    relevant: bool
    matched: tuple[str, ...]
    reason: ArticleReason
    relevance: str | None  # the judge's reason, when it was recorded


@dataclass(frozen=True, slots=True)
class Sighting:
    """A link seen as a re-publication of a stored article."""

    outlet: str
    seen_at: datetime
    reason: DuplicateReason


@dataclass(frozen=True, slots=True)
class SentTo:
    """One alert about the article and what became of it for the asking chat."""

    alert_id: int
    kind: AlertKind
    figure_key: str | None
    created_at: datetime
    status: str | None  # the chat's delivery status; None: the chat was not a recipient
    sent_at: datetime | None
    next_attempt_at: datetime | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class JoinedStory:
    """The story an article belongs to, as /why tells it: its first report and its alert."""

    story_id: int
    first_article_id: int | None
    title: str  # the first report's headline
    outlet: str
    articles: int
    alert_at: datetime | None  # when the story's alert was sent (None: it sent none)


@dataclass(frozen=True, slots=True)
class SplitFrom:
    """The story an administrator took the article out of (/split), and when."""

    title: str  # that story's first headline
    outlet: str
    at: datetime


@dataclass(frozen=True, slots=True)
class Explanation:
    """Everything /why knows about a link."""

    article: SeenArticle  # the article the link is, or the one it re-published
    duplicate: Sighting | None
    figures: tuple[FigureEntry, ...]
    alerts: tuple[SentTo, ...]
    story: JoinedStory | None = None  # the story it joined, when it is not its first report
    split: SplitFrom | None = None  # the story it was split out of, if it was
