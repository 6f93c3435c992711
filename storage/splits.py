"""An administrator's /split: an article taken out of the story it joined, to be its own.

Story matching may merge a new development into an older story, the worst failure the
service can have: the development is never alerted. An administrator who sees it (in
/latest, or told by a reader) sends ``/split <link>``; in one transaction that holds the
story lock (``storage.batch.batch_transaction``), like the batches that place articles:

* the article starts a story of its own (from its own row: title, link, outlet), which sends
  its story alert to every active subscriber (their settings apply at send time, as for any
  alert);
* its story evidence follows it, so later reports of the development join the new story;
* the story it left is recounted (articles, outlets; not when it was last reported) and
  every message that announced it is edited, so "Also reported by" no longer names it;
* a ``story_split`` row records it: each process's story index reads the rows after the
  last it saw before placing a batch (``StoryWriter.splits_since``) and forgets what it
  cached of the article's story, and /why can tell.

A story's first report is the story: it has nothing to leave (nor has the report whose
alert announced it, when the first was backlog). Storage applies no matching rule here:
which article to split is the administrator's call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa

from storage import alerts, stories
from storage.batch import batch_transaction
from storage.db import redacted
from storage.deliveries import STORY_PRIORITY
from storage.story_types import Placement
from storage.tables import alerts as alert_rows
from storage.tables import articles, evidences, feeds, splits, subscribers
from storage.tables import stories as story_rows
from storage.types import AlertIntent

__all__ = ["Split", "SplitOutcome", "Splits"]

SplitOutcome = Literal["split", "unknown", "first"]

_members = articles.c.story_id == sa.bindparam("b_story")
_RECOUNT = (  # a story's counts after a split; when it was last reported does not change
    story_rows.update()
    .where(story_rows.c.id == sa.bindparam("b_story"))
    .values(
        articles=sa.select(sa.func.count()).select_from(articles).where(_members).scalar_subquery(),
        outlets=sa.select(sa.func.count(sa.distinct(feeds.c.name)))
        .select_from(articles)
        .join(feeds, feeds.c.id == articles.c.feed_id)
        .where(_members)
        .scalar_subquery(),
    )
)


@dataclass(frozen=True, slots=True)
class Split:
    """What a /split did: ``outcome`` "split" (``story_id``: the new story, ``left``: the
    one it left, ``left_title``: that story's headline, ``subscribers``: the active chats
    its alert goes to), "unknown" (no stored article has that link) or "first" (it is its
    story's first report, alone in it or not, or its alert announced the story)."""

    outcome: SplitOutcome
    title: str = ""
    outlet: str = ""
    story_id: int | None = None
    left: int | None = None
    left_title: str = ""
    subscribers: int = 0


class Splits:
    """/split, on the service's engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"Splits({redacted(str(self.engine.url))})"

    def split(
        self, links: Sequence[str], chat_id: int, now: datetime, *, interval_s: float
    ) -> Split:
        """Take the article stored under one of ``links`` (canonical first) out of its story
        (see the module docstring); ``interval_s``: the least time between two edits of one
        message (``[delivery] edit_interval``)."""
        with batch_transaction(self.engine) as tx:
            conn = tx.conn
            row = _article(conn, links)
            if row is None or row.story_id is None:
                return Split("unknown")
            story = conn.execute(
                sa.select(story_rows.c.first_article_id, story_rows.c.title)
                .where(story_rows.c.id == row.story_id)
            ).one()  # fmt: skip
            announcer = conn.execute(
                sa.select(alert_rows.c.article_id)
                .where(alert_rows.c.story_id == row.story_id, alert_rows.c.kind == "story")
                .order_by(alert_rows.c.id)
                .limit(1)
            ).scalar_one_or_none()
            if row.id in (story.first_article_id, announcer):
                return Split("first", row.title, row.outlet)
            (placed,) = tx.place([Placement(row.id, None, announces=True)], now)
            conn.execute(
                evidences.update()
                .where(evidences.c.article_id == row.id)
                .values(story_id=placed.story_id)
            )
            conn.execute(_RECOUNT, {"b_story": row.story_id})
            alerts.enqueue_alert(conn, _story_alert(row, placed.story_id), now)
            stories.enqueue_edits(conn, row.story_id, now, interval_s=interval_s)
            conn.execute(
                splits.insert().values(
                    article_id=row.id,
                    from_story_id=row.story_id,
                    to_story_id=placed.story_id,
                    chat_id=chat_id,
                    at=now,
                )
            )
            active = conn.execute(
                sa.select(sa.func.count()).select_from(subscribers).where(subscribers.c.active)
            ).scalar_one()
        return Split(
            "split",
            row.title,
            row.outlet,
            story_id=placed.story_id,
            left=row.story_id,
            left_title=story.title,
            subscribers=int(active),
        )


def _article(conn: sa.Connection, links: Sequence[str]) -> Any:
    """The stored article under the first of ``links`` that names one, with its outlet."""
    query = (
        sa.select(
            articles.c.id,
            articles.c.story_id,
            articles.c.title,
            articles.c.url,
            articles.c.published_at,
            articles.c.matched,
            feeds.c.name.label("outlet"),
        )
        .join(feeds, feeds.c.id == articles.c.feed_id)
        .limit(1)
    )
    for link in links:
        for column in (articles.c.canonical_url, articles.c.url):
            found = conn.execute(query.where(column == link)).first()
            if found is not None:
                return found
    return None


def _story_alert(row: Any, story_id: int) -> AlertIntent:
    """The story alert of the article's own story, as the first report of a story sends it."""
    return AlertIntent(
        kind="story",
        priority=STORY_PRIORITY,
        article_id=row.id,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published_at=row.published_at,
        matched=tuple(m for m in row.matched.split("\n") if m),
        story_id=story_id,
    )
