"""Stories: every article belongs to one; their evidence, article versions, /latest and edits.

Like ``storage.store``, every method is synchronous, opens its own transaction and takes or
returns dataclasses (``storage.story_types``): rows never leave storage. Storage applies no
matching rule: which story an article joins is decided in ``watchers`` and arrives here as
a ``Placement``.

Placing articles happens in a batch's transaction (``storage.batch``), which holds the
story lock. The functions below that take a connection are shared by that transaction and
these methods.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta

import sqlalchemy as sa

from storage.db import redacted
from storage.deliveries import ROUTINE_PRIORITY
from storage.story_types import (
    IndexRows,
    NewVersion,
    StoredVersion,
    StorySummary,
)
from storage.story_writer import ROWS_SINCE
from storage.tables import (
    alerts,
    articles,
    deliveries,
    feeds,
    stories,
    subscribers,
    versions,
)

_CHUNK = 500
EDIT = "edit"
PENDING = 0  # an edit's message id while the story alert is not confirmed yet


class Stories:
    """The story queries, on the service's engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"Stories({redacted(str(self.engine.url))})"

    def index_rows(self, after: int, chunk: int = 50_000) -> Iterator[list[IndexRows]]:
        """Every stored index row after article ``after``, oldest first, in chunks (for an
        index warming up; no lock is needed, see the module docstring)."""
        last = after
        query = ROWS_SINCE.limit(chunk)
        while True:
            with self.engine.connect() as conn:
                found = conn.execute(query, {"after": last})
                rows = [IndexRows(row[0], bytes(row[1])) for row in found]
            if not rows:
                return
            yield rows
            last = rows[-1].article_id

    # --- identity: versions of one article ----------------------------------------------------

    def current_versions(
        self, guids: Iterable[str], urls: Iterable[str]
    ) -> dict[tuple[str, str], StoredVersion]:
        """The current text of the stored articles with these GUIDs or canonical URLs, keyed
        ("guid", guid) and ("url", canonical url)."""
        with self.engine.connect() as conn:
            return current_versions(conn, guids, urls)

    def add_versions(self, new: Sequence[NewVersion], now: datetime) -> list[int]:
        """Store later texts of articles; each one's version number (2, 3, ...)."""
        with self.engine.begin() as conn:
            return add_versions(conn, new, now)

    # --- what subscribers see -------------------------------------------------------------------

    def latest(self, limit: int = 10) -> list[StorySummary]:
        """The relevant stories most recently reported, newest first."""
        published = (
            sa.select(sa.func.max(articles.c.published_at))
            .where(articles.c.story_id == stories.c.id)
            .scalar_subquery()
        )
        query = (
            sa.select(stories, published.label("published"))
            .where(stories.c.relevant)
            .order_by(stories.c.latest_at.desc(), stories.c.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [
                StorySummary(
                    id=row.id,
                    title=row.title,
                    url=row.url,
                    outlet=row.outlet,
                    first_seen_at=row.first_seen_at,
                    latest_at=row.latest_at,
                    articles=row.articles,
                    outlets=row.outlets,
                    published_at=row.published,
                )
                for row in conn.execute(query)
            ]

    def outlets(self, story_id: int) -> list[str]:
        """The outlets that carried a story, the first reporter first."""
        first = sa.func.min(articles.c.id).label("first")
        query = (
            sa.select(feeds.c.name, first)
            .join(feeds, feeds.c.id == articles.c.feed_id)
            .where(articles.c.story_id == story_id)
            .group_by(feeds.c.name)
            .order_by(first)
        )
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(query)]

    def story_message(self, story_id: int, chat_id: int) -> tuple[str, int | None] | None:
        """The status and message id of the story alert sent to a chat, if it has one."""
        query = (
            sa.select(deliveries.c.status, deliveries.c.message_id)
            .join(alerts, alerts.c.id == deliveries.c.alert_id)
            .where(
                alerts.c.story_id == story_id,
                alerts.c.kind == "story",
                deliveries.c.chat_id == chat_id,
            )
            .order_by(deliveries.c.id)
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (row[0], row[1])

    def story_of(self, article_id: int) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(articles.c.story_id).where(articles.c.id == article_id)
            ).scalar_one_or_none()

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(stories)).scalar_one())

    # --- edits of a story's alert ---------------------------------------------------------------

    def enqueue_edits(self, story_id: int, now: datetime, *, interval_s: float) -> int | None:
        """Schedule an edit of every message that announced the story (see
        :func:`enqueue_edits`); None if it has none."""
        with self.engine.begin() as conn:
            return enqueue_edits(conn, story_id, now, interval_s=interval_s)


def current_versions(
    conn: sa.Connection, guids: Iterable[str], urls: Iterable[str]
) -> dict[tuple[str, str], StoredVersion]:
    """The current text of the stored articles with these GUIDs or canonical URLs, keyed
    ("guid", guid) and ("url", canonical url)."""
    guid_list, url_list = sorted(set(guids)), sorted(set(urls))
    # each article's last version, looked up by its own id (an index search, not a scan of
    # every version stored)
    newest = versions.alias("newest")
    latest = (
        sa.select(sa.func.max(newest.c.version))
        .where(newest.c.article_id == articles.c.id)
        .scalar_subquery()
        .correlate(articles)
    )
    found: dict[tuple[str, str], StoredVersion] = {}
    for start in range(0, max(len(guid_list), len(url_list)), _CHUNK):
        some_guids = guid_list[start : start + _CHUNK]
        some_urls = url_list[start : start + _CHUNK]
        query = (
            sa.select(
                articles.c.id,
                articles.c.guid,
                articles.c.canonical_url,
                articles.c.story_id,
                articles.c.content_hash,
                articles.c.relevant,
                versions.c.version,
                versions.c.content_hash.label("version_hash"),
            )
            .select_from(articles)
            .outerjoin(
                versions,
                sa.and_(versions.c.article_id == articles.c.id, versions.c.version == latest),
            )
            .where(
                sa.or_(
                    articles.c.guid.in_(some_guids),
                    articles.c.canonical_url.in_(some_urls),
                )
            )
        )
        for row in conn.execute(query):
            version = StoredVersion(
                article_id=row.id,
                story_id=row.story_id,
                version=row.version or 1,
                content_hash=row.version_hash or row.content_hash,
                relevant=row.relevant,
            )
            if row.guid in some_guids:
                found[("guid", row.guid)] = version
            if row.canonical_url in some_urls:
                found[("url", row.canonical_url)] = version
    return found


def add_versions(conn: sa.Connection, new: Sequence[NewVersion], now: datetime) -> list[int]:
    """Store later texts of articles; each one's version number (2, 3, ...)."""
    numbers = []
    for v in new:
        last = conn.execute(
            sa.select(sa.func.max(versions.c.version)).where(versions.c.article_id == v.article_id)
        ).scalar_one_or_none()
        number = (last or 1) + 1
        conn.execute(
            versions.insert().values(
                article_id=v.article_id,
                version=number,
                content_hash=v.content_hash,
                title=v.title,
                summary=v.summary,
                published_at=v.published_at,
                seen_at=now,
            )
        )
        numbers.append(number)
    return numbers


# built once: the first two queries run for every article that joins an announced story
STORY_ALERT = (  # the alert that announced a story
    sa.select(alerts.c.id, alerts.c.payload, alerts.c.created_at, alerts.c.article_id)
    .where(alerts.c.story_id == sa.bindparam("story"), alerts.c.kind == "story")
    .order_by(alerts.c.id)
    .limit(1)
)
_ANNOUNCED = (
    sa.select(deliveries.c.chat_id, deliveries.c.message_id)
    .join(subscribers, subscribers.c.chat_id == deliveries.c.chat_id)
    .where(
        deliveries.c.alert_id == sa.bindparam("alert"),
        deliveries.c.status.in_(sa.bindparam("statuses", expanding=True)),
        subscribers.c.active,
    )
)


def enqueue_edits(
    conn: sa.Connection, story_id: int, now: datetime, *, interval_s: float
) -> int | None:
    """Schedule an edit of every message that announced the story; None if it has none.

    One edit row per message at a time, and never sooner than ``interval_s`` after the
    previous edit of that message: a pending edit not yet due is left alone (it renders
    the story as it stands when it is sent); otherwise a new one is due at the later of
    now and the last edit plus the interval. The edits take the outbox's routine lane.
    """
    story_alert = conn.execute(STORY_ALERT, {"story": story_id}).first()
    if story_alert is None:
        return None
    # A story alert not confirmed yet may be in flight, rendered before this report:
    # its edit names message 0, "the story alert's message, once Telegram confirmed it".
    # One stored at this very moment (the same fetch) has not been rendered yet.
    statuses = ("sent", "pending") if story_alert.created_at < now else ("sent",)
    announced = conn.execute(_ANNOUNCED, {"alert": story_alert.id, "statuses": statuses}).all()
    sent = [(chat_id, message_id or PENDING) for chat_id, message_id in announced]
    if not sent:
        return 0
    edit_alerts = sa.select(alerts.c.id).where(alerts.c.story_id == story_id, alerts.c.kind == EDIT)
    earlier = conn.execute(
        sa.select(
            deliveries.c.edit_message_id,
            deliveries.c.chat_id,
            deliveries.c.status,
            deliveries.c.next_attempt_at,
            deliveries.c.sent_at,
        ).where(deliveries.c.alert_id.in_(edit_alerts))
    ).all()
    waiting: set[tuple[int, int]] = set()
    last: dict[tuple[int, int], datetime] = {}
    for row in earlier:
        message = (row.chat_id, row.edit_message_id)
        if row.status == "pending" and row.next_attempt_at >= now:
            waiting.add(message)
        when_ = row.sent_at if row.status == "sent" else row.next_attempt_at
        if row.status in ("sent", "pending") and when_ is not None:
            last[message] = max(last.get(message, when_), when_)
    rows = []
    for chat_id, message_id in sent:
        if (chat_id, message_id) in waiting:
            continue
        previous = last.get((chat_id, message_id))
        due = now
        if previous is not None:
            due = max(now, previous + timedelta(seconds=interval_s))
        rows.append((chat_id, message_id, due))
    if not rows:
        return 0
    alert_id = conn.execute(
        alerts.insert()
        .values(
            kind=EDIT,
            priority=ROUTINE_PRIORITY,
            article_id=story_alert.article_id,  # so a mute of the story covers it
            payload=story_alert.payload,
            created_at=now,
            story_id=story_id,
        )
        .returning(alerts.c.id)
    ).scalar_one()
    conn.execute(
        deliveries.insert(),
        [
            {
                "alert_id": alert_id,
                "chat_id": chat_id,
                "priority": ROUTINE_PRIORITY,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": due,
                "edit_message_id": message_id,
            }
            for chat_id, message_id, due in rows
        ],
    )
    return len(rows)
