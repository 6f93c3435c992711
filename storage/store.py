"""Every query the service makes; the only place that opens a database transaction.

Methods are synchronous and short; the async service calls them through ``asyncio.to_thread``.
They take and return the dataclasses of ``storage.types`` — rows never leave this module.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from storage import stories
from storage.alerts import enqueue_alert, stored_alert
from storage.articles import insert_article_rows, known_identities
from storage.batch import BatchTransaction, batch_transaction
from storage.db import claimable, redacted
from storage.deliveries import OutboxQueries
from storage.outcomes import FINISH, move
from storage.preference_types import zone_for
from storage.tables import alerts, articles, deliveries, feeds, subscribers
from storage.tables import stories as story_rows
from storage.types import (
    AlertIntent,
    CheckOutcome,
    FeedSpec,
    FeedStatus,
    FeedToCheck,
    KnownIdentities,
    NewArticle,
    Overview,
    StoredAlert,
)

log = logging.getLogger(__name__)


class Store(OutboxQueries):
    """The service's storage, on one SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def _alert_of(self, row: Any) -> StoredAlert:
        return stored_alert(row)

    def __repr__(self) -> str:
        return f"Store({redacted(str(self.engine.url))})"

    @property
    def shared(self) -> bool:
        """Whether several instances may share the database (PostgreSQL). A SQLite file serves
        one service (``storage.db.hold_sqlite``), whose claims nobody else can take."""
        return self.engine.dialect.name == "postgresql"

    def batch(self) -> contextlib.AbstractContextManager[BatchTransaction]:
        """One batch's transaction, holding the story lock (``storage.batch``)."""
        return batch_transaction(self.engine)

    # --- feeds -------------------------------------------------------------------------------

    def sync_feeds(self, specs: Sequence[FeedSpec], now: datetime) -> None:
        """Make the feed table match the configuration: add, update, and disable what is gone.

        Feeds added at runtime (/feeds, ``origin`` "runtime") are left alone unless the
        configuration now lists them, which makes them configured feeds.
        """
        with self.engine.begin() as conn:
            rows = conn.execute(sa.select(feeds.c.url, feeds.c.origin, feeds.c.moved_from)).all()
            existing = {row.url: row for row in rows}
            moved = {row.moved_from: row.url for row in rows if row.moved_from}
            # a feed that moved for good keeps its row: the configuration's old URL is the new one
            specs = [replace(s, url=moved.get(s.url, s.url)) for s in specs]
            wanted = {spec.url: spec for spec in specs}
            for spec in specs:
                values = {"name": spec.name, "lang": spec.lang, "interval_s": spec.interval_s}
                if spec.url in existing:
                    conn.execute(
                        feeds.update()
                        .where(feeds.c.url == spec.url)
                        .values(**values, enabled=True, origin="config")
                    )
                else:
                    conn.execute(feeds.insert().values(url=spec.url, next_check_at=now, **values))
            gone = [u for u, row in existing.items() if u not in wanted and row.origin == "config"]
            if gone:
                conn.execute(feeds.update().where(feeds.c.url.in_(gone)).values(enabled=False))

    def claim_due_feeds(
        self, now: datetime, *, worker: str, lease: timedelta, limit: int
    ) -> list[FeedToCheck]:
        """Claim up to ``limit`` due feeds for ``worker`` until ``now + lease``.

        The claim is one UPDATE whose WHERE clause re-checks that the feed is due and
        unclaimed, so two processes sharing the database never fetch the same feed at once, and
        a feed paused or removed meanwhile is not fetched. On SQLite, where
        any write waits for the one write lock, the due feeds are read first, and nothing is
        written when none is due (most ticks).
        """
        free = sa.or_(feeds.c.claimed_until.is_(None), feeds.c.claimed_until < now)
        ready = (feeds.c.enabled, sa.not_(feeds.c.paused), feeds.c.next_check_at <= now, free)
        due = sa.select(feeds.c.id).where(*ready).order_by(feeds.c.next_check_at).limit(limit)
        picked = claimable(self.engine, due)
        if isinstance(picked, list) and not picked:
            return []
        claim = (
            feeds.update()  # due-ness again: a pause or removal may land between read and write
            .where(feeds.c.id.in_(picked), *ready)
            .values(claimed_by=worker, claimed_until=now + lease)
            .returning(
                feeds.c.id,
                feeds.c.url,
                feeds.c.name,
                feeds.c.lang,
                feeds.c.interval_s,
                feeds.c.etag,
                feeds.c.last_modified,
                feeds.c.error_count,
                feeds.c.backlog_done,
            )
        )
        with self.engine.begin() as conn:
            rows = conn.execute(claim).all()
        return [FeedToCheck(**row._asdict()) for row in rows]

    def claimants(self, now: datetime) -> list[str]:
        """Who holds a claim on a feed or a pending delivery that has not expired."""
        query = sa.union(
            sa.select(feeds.c.claimed_by).where(
                feeds.c.claimed_until > now, feeds.c.claimed_by.is_not(None)
            ),
            sa.select(deliveries.c.claimed_by).where(
                deliveries.c.status == "pending",
                deliveries.c.claimed_until > now,
                deliveries.c.claimed_by.is_not(None),
            ),
        )
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(query)]

    def release_claims(self, claimants: Sequence[str]) -> int:
        """End these claimants' claims at once (they are gone); how many feeds were freed
        (their deliveries are freed too)."""
        free, gone = {"claimed_by": None, "claimed_until": None}, list(claimants)
        held = deliveries.update().where(deliveries.c.claimed_by.in_(gone))
        with self.engine.begin() as conn:
            conn.execute(held.where(deliveries.c.status == "pending").values(**free))
            feed_claims = feeds.update().where(feeds.c.claimed_by.in_(gone))
            return conn.execute(feed_claims.values(**free)).rowcount

    def finish_checks(self, outcomes: Sequence[CheckOutcome]) -> None:
        """Record checks' outcomes on their feeds' rows and release the claims, in one transaction.

        Each kind of outcome is one UPDATE executed for many rows, which is what makes a poll
        cycle of a thousand mostly-unchanged feeds cheap.
        """
        by_status: dict[str, list[dict[str, Any]]] = {status: [] for status in FINISH}
        for o in outcomes:
            by_status[o.status].append(
                {
                    "b_id": o.feed_id,
                    "b_at": o.checked_at,
                    "b_next": o.next_check_at,
                    "b_etag": o.etag,
                    "b_modified": o.last_modified,
                    "b_error": o.error,
                    "b_items": o.items,
                }
            )
        with self.engine.begin() as conn:
            for status, params in by_status.items():
                if params:
                    conn.execute(FINISH[status], params)
            for o in outcomes:
                if o.moved_to is not None:
                    move(conn, o.feed_id, o.moved_to)

    def feed_statuses(self) -> list[FeedStatus]:
        """Every enabled feed's health, by name."""
        query = (
            sa.select(
                feeds.c.name,
                feeds.c.url,
                feeds.c.last_checked_at,
                feeds.c.last_status,
                feeds.c.error_count,
                feeds.c.last_error,
                feeds.c.next_check_at,
            )
            .where(feeds.c.enabled)
            .order_by(feeds.c.name)
        )
        with self.engine.connect() as conn:
            return [FeedStatus(**row._asdict()) for row in conn.execute(query)]

    # --- articles ----------------------------------------------------------------------------

    def known_identities(self, guids: Iterable[str], urls: Iterable[str]) -> KnownIdentities:
        """Which of these GUIDs and canonical URLs are already stored."""
        with self.engine.connect() as conn:
            return known_identities(conn, guids, urls)

    def unchanged(self, keys: Sequence[tuple[str | None, str | None, str]]) -> list[bool]:
        """For each (GUID, canonical URL, content hash): whether the store holds that article as
        it is — every identity it has is stored, with this text as its current version — so
        that reading it again could change nothing."""
        guids = [g for g, _, _ in keys if g]
        urls = [u for _, u, _ in keys if u]
        if not guids and not urls:
            return [False] * len(keys)
        with self.engine.connect() as conn:
            current = stories.current_versions(conn, guids, urls)

        def same(guid: str | None, url: str | None, text: str) -> bool:
            found = [current.get((kind, v)) for kind, v in (("guid", guid), ("url", url)) if v]
            return bool(found) and all(f is not None and f.content_hash == text for f in found)

        return [same(*key) for key in keys]

    def insert_articles(self, new: Sequence[NewArticle], now: datetime) -> list[int | None]:
        """Insert articles in a transaction of their own (see :func:`insert_article_rows`)."""
        with self.engine.begin() as conn:
            return insert_article_rows(conn, new, now)

    def count_articles(self) -> tuple[int, int]:
        """(all articles, relevant articles)."""
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
            relevant = conn.execute(
                sa.select(sa.func.count()).select_from(articles).where(articles.c.relevant)
            ).scalar_one()
        return total, relevant

    # --- subscribers -------------------------------------------------------------------------

    def subscribe(
        self,
        chat_id: int,
        *,
        chat_type: str,
        name: str,
        language: str,
        now: datetime,
        thread_id: int | None = None,
    ) -> bool:
        """Make the chat an active subscriber; False if it already was one."""
        with self.engine.begin() as conn:
            active = conn.execute(
                sa.select(subscribers.c.active).where(subscribers.c.chat_id == chat_id)
            ).scalar_one_or_none()
            if active:
                return False
            values = {
                "chat_type": chat_type,
                "name": name,
                "language": language,
                "active": True,
                "subscribed_at": now,
                "inactive_reason": None,
                "thread_id": thread_id,
            }
            if active is None:  # a new chat starts on its language's time zone
                values["timezone"] = zone_for(language)
                conn.execute(subscribers.insert().values(chat_id=chat_id, **values))
            else:
                conn.execute(
                    subscribers.update().where(subscribers.c.chat_id == chat_id).values(**values)
                )
            return True

    def deactivate(self, chat_id: int, reason: str) -> bool:
        """Stop sending to a chat (unsubscribed, or refused by Telegram); False if already inactive.

        Its pending deliveries are marked failed with the same reason, so nothing waits forever.
        """
        with self.engine.begin() as conn:
            changed = conn.execute(
                subscribers.update()
                .where(subscribers.c.chat_id == chat_id, subscribers.c.active)
                .values(active=False, inactive_reason=reason)
            ).rowcount
            conn.execute(
                deliveries.update()
                .where(deliveries.c.chat_id == chat_id, deliveries.c.status == "pending")
                .values(status="failed", last_error=reason)
            )
        return bool(changed)

    def migrate_chat(self, old_chat_id: int, new_chat_id: int) -> None:
        """A group became a supergroup: move the subscription and its pending deliveries."""
        with self.engine.begin() as conn:
            taken = conn.execute(
                sa.select(subscribers.c.chat_id).where(subscribers.c.chat_id == new_chat_id)
            ).first()
            if taken:
                conn.execute(
                    subscribers.update()
                    .where(subscribers.c.chat_id == new_chat_id)
                    .values(active=True, inactive_reason=None)
                )
            else:
                conn.execute(
                    subscribers.update()
                    .where(subscribers.c.chat_id == old_chat_id)
                    .values(chat_id=new_chat_id)
                )
            pending = sa.and_(deliveries.c.chat_id == old_chat_id, deliveries.c.status == "pending")
            already = sa.select(deliveries.c.alert_id).where(deliveries.c.chat_id == new_chat_id)
            conn.execute(
                deliveries.update()
                .where(pending, deliveries.c.alert_id.not_in(already))
                .values(chat_id=new_chat_id)
            )
            conn.execute(
                deliveries.update().where(pending).values(status="failed", last_error="migrated")
            )
            if taken:
                conn.execute(
                    subscribers.update()
                    .where(subscribers.c.chat_id == old_chat_id)
                    .values(active=False, inactive_reason=f"migrated to {new_chat_id}")
                )

    def is_subscribed(self, chat_id: int) -> bool:
        with self.engine.connect() as conn:
            active = conn.execute(
                sa.select(subscribers.c.active).where(subscribers.c.chat_id == chat_id)
            ).scalar_one_or_none()
        return bool(active)

    # --- alerts and the outbox ---------------------------------------------------------------

    def enqueue_alert(self, intent: AlertIntent, now: datetime) -> int:
        """Store the alert and one pending delivery per active subscriber, in one transaction."""
        with self.engine.begin() as conn:
            return enqueue_alert(conn, intent, now)

    def notify(self, chat_ids: Sequence[int], text: str, now: datetime) -> int | None:
        """A notice (rendered like /broadcast) to these chats only, e.g. the administrators;
        its alert id, or None when there is nobody to tell."""
        if not chat_ids:
            return None
        notice = AlertIntent(
            kind="broadcast", priority=0, article_id=None, title=text, outlet="", url=None,
            published_at=now, matched=(),
        )  # fmt: skip
        with self.engine.begin() as conn:
            alert_id = enqueue_alert(conn, notice, now, recipients=chat_ids)
        return alert_id

    def alerts_after(self, alert_id: int, limit: int = 100) -> list[StoredAlert]:
        """Alerts newer than ``alert_id``, oldest first (the terminal sink reads these)."""
        query = sa.select(alerts).where(alerts.c.id > alert_id).order_by(alerts.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [stored_alert(row) for row in conn.execute(query)]

    def last_alert_id(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(sa.select(sa.func.coalesce(sa.func.max(alerts.c.id), 0))).scalar_one()
            )

    def overview(self) -> Overview:
        with self.engine.connect() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one()
            active = conn.execute(
                sa.select(sa.func.count()).select_from(subscribers).where(subscribers.c.active)
            ).scalar_one()
            told = sa.select(sa.func.count()).where(story_rows.c.relevant)
            relevant = conn.execute(told.select_from(story_rows)).scalar_one()
        return Overview(
            feeds=tuple(self.feed_statuses()),
            articles=total,
            relevant=relevant,
            subscribers=active,
            pending_deliveries=self.delivery_counts().get("pending", 0),
        )
