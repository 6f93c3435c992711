"""The plain frozen dataclasses that cross the storage boundary for stories."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """The current text of a stored article, for telling a re-post from an edit."""

    article_id: int
    story_id: int | None
    version: int  # 1 for the article as first stored
    content_hash: str
    relevant: bool


@dataclass(frozen=True, slots=True)
class NewVersion:
    """A later text of a stored article (same GUID or URL, another content hash)."""

    article_id: int
    content_hash: str
    title: str
    summary: str
    published_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredEvidence:
    """A relevant article's matching evidence as stored (``watchers.stories.similar.codec``)."""

    article_id: int
    story_id: int
    evidence: bytes


@dataclass(frozen=True, slots=True)
class StoryState:
    """What placing an article needs of a stored story: whether it sent its alert, and how
    many reports with evidence it has in each language ("": stored before languages were)."""

    announced: bool
    reports: dict[str, int]


@dataclass(frozen=True, slots=True)
class IndexRows:
    """A relevant article's index rows (32-bit slots), for an in-memory index to load."""

    article_id: int
    slots: bytes


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a newly stored article goes: an existing story, or (``story_id`` None) a new one.

    ``evidence``, ``slots`` and ``lang`` are stored for relevant articles only (empty
    otherwise).
    """

    article_id: int
    story_id: int | None
    evidence: bytes = b""
    slots: bytes = b""
    announces: bool = False  # this article sends its story's alert
    lang: str = ""


@dataclass(frozen=True, slots=True)
class Placed:
    """Where an article went: its story, whether the article started it, whether it sends
    the story's alert."""

    article_id: int
    story_id: int
    new: bool
    announces: bool = False


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story for /latest: its first report, when it was last reported, by how many outlets."""

    id: int
    title: str
    url: str | None
    outlet: str
    first_seen_at: datetime
    latest_at: datetime
    articles: int
    outlets: int
    published_at: datetime | None = None  # its latest report's publication (None: undated)
