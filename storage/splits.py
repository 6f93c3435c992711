"""An administrator's /split: an article taken out of the story it joined, to be its own.

Story matching may merge a new development into an older story, the worst failure the
service can have: the development is never alerted. An administrator who sees it (in
/latest, or told by a reader) sends ``/split <link>``; in one transaction that holds the
story lock (``storage.batch.batch_transaction``), like the batches that place articles:

* the article starts a story of its own (from its own row: title, link, outlet), whose
  story alert is queued for every active subscriber (their settings apply at send time, as
  for any alert);
* its exact copies in the story (the same text from other outlets) go with it, and the
  evidence of each, so later reports of the development join the new story;
* the story it left is recounted (articles, outlets; not when it was last reported: a split
  is not a report, and the new story is as recent as its own reports) and every message
  that announced it is edited: "Also reported by" is its remaining reports' outlets;
* a chat that muted the story from the article's own alert (a figure change it reported)
  muted the story: the mute stays with the story it left;
* a ``story_split`` row records it: each process's story index reads the rows after the
  last it saw before placing a batch (``StoryWriter.splits_since``) and forgets what it
  cached of the article's story, and /why can tell.

A story's first report is the story: it has nothing to leave (nor has the report whose
alert announced it, when the first was backlog, nor a copy of either). Storage applies no
matching rule here: which article to split is the administrator's call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

import sqlalchemy as sa

from storage import alerts, stories
from storage.articles import matched_of
from storage.batch import batch_transaction
from storage.db import redacted
from storage.mutes import hand_on
from storage.story_types import Placement
from storage.story_writer import COUNTS
from storage.tables import alerts as alert_rows
from storage.tables import articles, evidences, feeds, splits, subscribers
from storage.tables import stories as story_rows
from storage.traces import find_article

__all__ = ["Split", "SplitOutcome", "Splits"]

SplitOutcome = Literal["split", "unknown", "already", "first", "announced", "copy", "off_topic"]

_COUNT_AGAIN = (  # a story's counts after a split; when it was last reported does not change
    story_rows.update().where(story_rows.c.id == sa.bindparam("b_story")).values(**COUNTS)
)
_COUNT_NEW = _COUNT_AGAIN.values(  # a split is not a report: as recent as its reports
    latest_at=sa.select(sa.func.max(articles.c.seen_at))
    .where(articles.c.story_id == sa.bindparam("b_story"))
    .scalar_subquery()
)


@dataclass(frozen=True, slots=True)
class Split:
    """What a /split did: ``outcome`` "split" (``story_id``: the new story, ``from_story``:
    the one it left, ``left_title``: that story's headline, ``subscribers``: the active chats
    its alert is queued for), or why not: "unknown" (no stored article has that link, or it
    is in no story),
    "already" (an administrator split it out before: it is the first report of its own), "first"
    (it is its story's first report, alone in it or not), "announced" (its alert announced
    the story: the first report was backlog), "copy" (the same text as one of those two),
    "off_topic" (it is not on the topic: nobody would be alerted)."""

    outcome: SplitOutcome
    title: str = ""
    outlet: str = ""
    story_id: int | None = None
    from_story: int | None = None
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
        """Take the article stored under one of ``links`` (canonical first; as /why finds
        it) out of its story (see the module docstring); ``interval_s``: the least time
        between two edits of one message (``[delivery] edit_interval``)."""
        return self._split(lambda conn: find_article(conn, links)[1], chat_id, now, interval_s)

    def split_alert(
        self, alert_id: int, chat_id: int, now: datetime, *, interval_s: float
    ) -> Split:
        """``split`` for the article an alert is about (the "✂️" button of an update)."""
        about = sa.select(alert_rows.c.article_id).where(alert_rows.c.id == alert_id)
        return self._split(
            lambda conn: conn.execute(about).scalar_one_or_none(), chat_id, now, interval_s
        )

    def _split(
        self,
        find: Callable[[sa.Connection], int | None],
        chat_id: int,
        now: datetime,
        interval_s: float,
    ) -> Split:
        with batch_transaction(self.engine) as tx:
            conn = tx.conn
            article_id = find(conn)
            row = None if article_id is None else _article(conn, article_id)
            if row is None or row.story_id is None:
                return Split("unknown")
            story = conn.execute(
                sa.select(story_rows.c.first_article_id, story_rows.c.title)
                .where(story_rows.c.id == row.story_id)
            ).one()  # fmt: skip
            announced = conn.execute(stories.STORY_ALERT, {"story": row.story_id}).first()
            announcer = None if announced is None else announced.article_id
            # the article and its exact copies in the story (one text, one development)
            moved = conn.execute(
                sa.select(articles.c.id)
                .where(
                    articles.c.story_id == row.story_id,
                    articles.c.content_hash == row.content_hash,
                )
                .order_by(articles.c.id)
            ).scalars().all()  # fmt: skip
            refused = _refusal(conn, row, story.first_article_id, announcer, moved)
            if refused is not None:
                return Split(refused, row.title, row.outlet)
            (placed,) = tx.place([Placement(row.id, None, announces=True)], now)
            new = placed.story_id
            conn.execute(
                articles.update().where(articles.c.id.in_(moved)).values(story_id=new)
            )  # fmt: skip
            conn.execute(
                evidences.update().where(evidences.c.article_id.in_(moved)).values(story_id=new)
            )
            conn.execute(_COUNT_AGAIN, {"b_story": row.story_id})
            conn.execute(_COUNT_NEW, {"b_story": new})
            hand_on(conn, moved, story.first_article_id)
            alert = alerts.story_alert(
                row.title, row.outlet, row.url, row.published_at, matched_of(row.matched),
                article_id=row.id, story_id=new,
            )  # fmt: skip
            alerts.enqueue_alert(conn, alert, now)
            stories.enqueue_edits(conn, row.story_id, now, interval_s=interval_s)
            conn.execute(
                splits.insert(),
                [
                    {"article_id": a, "from_story_id": row.story_id, "to_story_id": new,
                     "chat_id": chat_id, "at": now}
                    for a in moved
                ],
            )  # fmt: skip
            active = conn.execute(
                sa.select(sa.func.count()).select_from(subscribers).where(subscribers.c.active)
            ).scalar_one()
        return Split(
            "split",
            row.title,
            row.outlet,
            story_id=new,
            from_story=row.story_id,
            left_title=story.title,
            subscribers=int(active),
        )


def _article(conn: sa.Connection, article_id: int) -> Any:
    """The article's row, with its outlet."""
    return conn.execute(
        sa.select(
            articles.c.id,
            articles.c.story_id,
            articles.c.title,
            articles.c.url,
            articles.c.published_at,
            articles.c.matched,
            articles.c.content_hash,
            articles.c.relevant,
            feeds.c.name.label("outlet"),
        )
        .join(feeds, feeds.c.id == articles.c.feed_id)
        .where(articles.c.id == article_id)
    ).first()


def _refusal(
    conn: sa.Connection, row: Any, first: int | None, announcer: int | None, same: Sequence[int]
) -> SplitOutcome | None:
    """Why the article cannot leave its story, or None (``same``: the story's articles with
    its text)."""
    if not row.relevant:
        return "off_topic"
    if row.id == first:
        before = sa.select(splits.c.id).where(
            splits.c.article_id == row.id, splits.c.to_story_id == row.story_id
        )
        return "already" if conn.execute(before).first() else "first"
    if row.id == announcer:
        return "announced"
    return "copy" if first in same or announcer in same else None
