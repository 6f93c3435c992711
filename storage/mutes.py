"""Mutes: a chat's "mute this story", kept against the article whose alert it was pressed on.

Mixed into ``storage.preferences.Preferences`` (every method opens its own transaction); the
outbox reads the mutes with the rest of a chat's rules (``Preferences.rules_for``). A mute
silences the article's whole story, whichever of its articles it names; an administrator's
/split (``storage.splits``) hands the mutes of the articles it moves on to the story they
leave (``hand_on``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa

from storage.preference_types import Muted
from storage.tables import alerts, articles, deliveries, mutes

__all__ = ["MuteQueries", "hand_on"]


class MuteQueries:
    """Mixed into Preferences: the mutes of a chat."""

    engine: sa.Engine

    def mute(self, chat_id: int, alert_id: int, now: datetime) -> int | None:
        """Mute the story of an alert's article for the chat; the article's id, or None if
        the alert has no article.

        The chat's messages about the story (any of its articles) still waiting (pending or
        held for a digest) are marked filtered at once; the outbox's rules keep out the ones
        that come later.
        """
        with self.engine.begin() as conn:
            row = conn.execute(
                sa.select(alerts.c.article_id, articles.c.story_id)
                .join(articles, articles.c.id == alerts.c.article_id)
                .where(alerts.c.id == alert_id)
            ).first()
            if row is None:
                return None
            article_id, story_id = row
            muted = conn.execute(
                sa.select(mutes.c.id).where(
                    mutes.c.chat_id == chat_id, mutes.c.article_id == article_id
                )
            ).first()
            if muted is None:
                conn.execute(mutes.insert().values(chat_id=chat_id, article_id=article_id,
                                                   alert_id=alert_id, created_at=now))  # fmt: skip
            about = _alerts_about(article_id, story_id)
            conn.execute(
                deliveries.update()
                .where(
                    deliveries.c.chat_id == chat_id,
                    deliveries.c.status.in_(("pending", "held")),
                    deliveries.c.alert_id.in_(about.scalar_subquery()),
                )
                .values(status="filtered", last_error="muted")
            )
        return int(article_id)

    def unmute(self, chat_id: int, article_id: int) -> bool:
        """Undo a mute: the story's alerts reach the chat again, the ones kept back by the
        mute and not yet sent among them (unless the chat muted the story from another of its
        articles too). False if the chat had not muted it."""
        with self.engine.begin() as conn:
            gone = conn.execute(
                mutes.delete().where(mutes.c.chat_id == chat_id, mutes.c.article_id == article_id)
            ).rowcount
            story_id = conn.execute(
                sa.select(articles.c.story_id).where(articles.c.id == article_id)
            ).scalar_one_or_none()
            others = sa.select(mutes.c.id).join(articles, articles.c.id == mutes.c.article_id)
            others = others.where(mutes.c.chat_id == chat_id, articles.c.story_id == story_id)
            if story_id is not None and conn.execute(others).first():
                return bool(gone)  # still muted from another of its articles
            about = _alerts_about(article_id, story_id)
            conn.execute(
                deliveries.update()
                .where(
                    deliveries.c.chat_id == chat_id,
                    deliveries.c.status == "filtered",
                    deliveries.c.last_error == "muted",
                    deliveries.c.alert_id.in_(about.scalar_subquery()),
                )
                .values(status="pending", last_error=None)
            )
        return bool(gone)

    def unmute_alert(self, chat_id: int, alert_id: int) -> int | None:
        """Undo the mute pressed on an alert (its button); the muted article's id, or None if
        the alert has no article. The mute may name another article of the story by now."""
        pressed = sa.select(mutes.c.article_id).where(mutes.c.alert_id == alert_id)
        about = sa.select(alerts.c.article_id).where(alerts.c.id == alert_id)
        with self.engine.connect() as conn:  # a /split hands an article's mutes on
            article_id = conn.execute(pressed.where(mutes.c.chat_id == chat_id)).scalar()
            article_id = article_id or conn.execute(about).scalar_one_or_none()
        if article_id is None:
            return None
        self.unmute(chat_id, int(article_id))
        return int(article_id)

    def mutes(self, chat_id: int) -> list[Muted]:
        """The stories the chat muted, the latest first."""
        query = (
            sa.select(articles.c.id, articles.c.title)
            .join(mutes, mutes.c.article_id == articles.c.id)
            .where(mutes.c.chat_id == chat_id)
            .order_by(mutes.c.id.desc())
        )
        with self.engine.connect() as conn:
            return [Muted(row.id, row.title) for row in conn.execute(query)]


def hand_on(conn: sa.Connection, moved: Sequence[int], first: int | None) -> None:
    """A mute pressed on one of the moved articles' alerts muted the story, not the article:
    it is the story's first report's now, still with the alert it was pressed on (which
    ``unmute_alert`` looks for); a chat that had muted the first report too keeps that mute
    alone, and one that muted several of the moved articles keeps its earliest. The new
    story's alert reaches the chat."""
    if first is None:
        return
    already = sa.select(mutes.c.chat_id).where(mutes.c.article_id == first)
    earliest = (
        sa.select(sa.func.min(mutes.c.id))
        .where(mutes.c.article_id.in_(moved))
        .group_by(mutes.c.chat_id)
    )
    conn.execute(
        mutes.delete().where(
            mutes.c.article_id.in_(moved),
            sa.or_(mutes.c.chat_id.in_(already), mutes.c.id.not_in(earliest)),
        )
    )
    conn.execute(mutes.update().where(mutes.c.article_id.in_(moved)).values(article_id=first))


def _alerts_about(article_id: int, story_id: int | None) -> sa.Select[tuple[int]]:
    """The alerts about an article's story (about the article alone if it has none)."""
    if story_id is None:
        return sa.select(alerts.c.id).where(alerts.c.article_id == article_id)
    of_story = sa.select(articles.c.id).where(articles.c.story_id == story_id)
    return sa.select(alerts.c.id).where(alerts.c.article_id.in_(of_story.scalar_subquery()))
