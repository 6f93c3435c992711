"""The outlets as subscribers and administrators see them: health and counts (/sources), and
feeds added, removed or paused at runtime (/feeds).

A feed added with /feeds has ``origin`` "runtime": ``Store.sync_feeds`` (the configuration,
at every start) leaves it alone, so it survives restarts. A configured feed can be paused
here but only removed from config.toml. Removing a runtime feed disables its row (its
articles keep their feed); adding the same URL again brings it back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import sqlalchemy as sa

from storage.db import redacted
from storage.tables import articles, feeds

FeedOrigin = Literal["config", "runtime"]  # from config.toml, or added with /feeds


@dataclass(frozen=True, slots=True)
class Source:
    """One feed with its health and what it brought."""

    id: int
    name: str
    url: str
    lang: str
    origin: FeedOrigin
    paused: bool
    interval_s: int
    last_checked_at: datetime | None
    last_status: str | None
    error_count: int
    last_error: str | None
    articles: int
    relevant: int


class Sources:
    """Feeds for /sources and /feeds, on the service's engine."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"Sources({redacted(str(self.engine.url))})"

    def listing(self) -> list[Source]:
        """Every enabled feed, in the order they were added, with its article counts."""
        counts = (
            sa.select(
                articles.c.feed_id,
                sa.func.count().label("articles"),
                sa.func.sum(sa.case((articles.c.relevant, 1), else_=0)).label("relevant"),
            )
            .group_by(articles.c.feed_id)
            .subquery()
        )
        query = (
            sa.select(
                feeds.c.id,
                feeds.c.name,
                feeds.c.url,
                feeds.c.lang,
                feeds.c.origin,
                feeds.c.paused,
                feeds.c.interval_s,
                feeds.c.last_checked_at,
                feeds.c.last_status,
                feeds.c.error_count,
                feeds.c.last_error,
                sa.func.coalesce(counts.c.articles, 0).label("articles"),
                sa.func.coalesce(counts.c.relevant, 0).label("relevant"),
            )
            .outerjoin(counts, counts.c.feed_id == feeds.c.id)
            .where(feeds.c.enabled)
            .order_by(feeds.c.id)
        )
        with self.engine.connect() as conn:
            return [
                Source(**{**row._asdict(), "paused": bool(row.paused)})
                for row in conn.execute(query)
            ]

    def add(self, url: str, name: str, lang: str, interval_s: int, now: datetime) -> str:
        """Add a runtime feed, due at once: "added", "restored" (it had been removed) or
        "exists" (nothing changed)."""
        with self.engine.begin() as conn:
            row = conn.execute(sa.select(feeds.c.id, feeds.c.enabled).where(feeds.c.url == url))
            found = row.first()
            if found is not None and found.enabled:
                return "exists"
            values = {
                "name": name,
                "lang": lang,
                "interval_s": interval_s,
                "origin": "runtime",
                "paused": False,
                "enabled": True,
                "next_check_at": now,
            }
            if found is None:
                conn.execute(feeds.insert().values(url=url, **values))
                return "added"
            conn.execute(feeds.update().where(feeds.c.id == found.id).values(**values))
            return "restored"

    def remove(self, feed_id: int) -> str:
        """Remove a runtime feed: "removed", "config" (refused: it is configured) or "unknown"."""
        with self.engine.begin() as conn:
            origin = conn.execute(
                sa.select(feeds.c.origin).where(feeds.c.id == feed_id, feeds.c.enabled)
            ).scalar_one_or_none()
            if origin is None:
                return "unknown"
            if origin != "runtime":
                return "config"
            conn.execute(feeds.update().where(feeds.c.id == feed_id).values(enabled=False))
        return "removed"

    def pause(self, feed_id: int, paused: bool, now: datetime) -> bool:
        """Pause or resume a feed (a resumed feed is checked at once); False if unknown."""
        values: dict[str, object] = {"paused": paused}
        if not paused:
            values["next_check_at"] = now
        with self.engine.begin() as conn:
            changed = conn.execute(
                feeds.update().where(feeds.c.id == feed_id, feeds.c.enabled).values(**values)
            ).rowcount
        return bool(changed)
