"""Every query the service makes; the only place that opens a database transaction.

Methods are synchronous and short; the async service calls them through ``asyncio.to_thread``.
They take and return the dataclasses of ``storage.types`` — rows never leave this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from drawdown.errors import StorageError
from storage.db import redacted
from storage.deliveries import OutboxQueries
from storage.ledger_types import FigureChange
from storage.models import UTCDateTime
from storage.tables import alerts, articles, deliveries, feeds, subscribers
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

# SQLite allows 32,766 bound parameters per statement; an article row binds 12.
_INSERT_CHUNK = 1000


class Store(OutboxQueries):
    """The service's storage, on one SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def _alert_of(self, row: Any) -> StoredAlert:
        return _stored_alert(row)

    def __repr__(self) -> str:
        return f"Store({redacted(str(self.engine.url))})"

    def ping(self) -> None:
        """Raise StorageError unless the database answers."""
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as e:
            url = redacted(str(self.engine.url))
            raise StorageError(f"database {url} does not answer: {e}") from None

    # --- feeds -------------------------------------------------------------------------------

    def sync_feeds(self, specs: Sequence[FeedSpec], now: datetime) -> None:
        """Make the feed table match the configuration: add, update, and disable what is gone.

        Feeds added at runtime (/feeds, ``origin`` "runtime") are left alone unless the
        configuration now lists them, which makes them configured feeds.
        """
        wanted = {spec.url: spec for spec in specs}
        with self.engine.begin() as conn:
            existing = {
                row.url: row for row in conn.execute(sa.select(feeds.c.url, feeds.c.origin))
            }
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

        The claim is one UPDATE whose WHERE clause re-checks that the feed is unclaimed, so
        two processes sharing the database never fetch the same feed at once.
        """
        free = sa.or_(feeds.c.claimed_until.is_(None), feeds.c.claimed_until < now)
        due = (
            sa.select(feeds.c.id)
            .where(feeds.c.enabled, sa.not_(feeds.c.paused), feeds.c.next_check_at <= now, free)
            .order_by(feeds.c.next_check_at)
            .limit(limit)
        )
        if self.engine.dialect.name == "postgresql":
            due = due.with_for_update(skip_locked=True)
        claim = (
            feeds.update()
            .where(feeds.c.id.in_(due.scalar_subquery()), free)
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

    def finish_checks(self, outcomes: Sequence[CheckOutcome]) -> None:
        """Record checks' outcomes on their feeds' rows and release the claims, in one transaction.

        Each kind of outcome is one UPDATE executed for many rows, which is what makes a poll
        cycle of a thousand mostly-unchanged feeds cheap.
        """
        by_status: dict[str, list[dict[str, Any]]] = {"ok": [], "not_modified": [], "error": []}
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
                    conn.execute(_FINISH[status], params)

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
        guid_list, url_list = sorted(set(guids)), sorted(set(urls))
        found_guids: set[str] = set()
        found_urls: set[str] = set()
        with self.engine.connect() as conn:
            for start in range(0, max(len(guid_list), len(url_list)), _INSERT_CHUNK):
                some_guids = guid_list[start : start + _INSERT_CHUNK]
                some_urls = url_list[start : start + _INSERT_CHUNK]
                query = sa.select(articles.c.guid, articles.c.canonical_url).where(
                    sa.or_(articles.c.guid.in_(some_guids), articles.c.canonical_url.in_(some_urls))
                )
                for guid, url in conn.execute(query):
                    if guid in some_guids:
                        found_guids.add(guid)
                    if url in some_urls:
                        found_urls.add(url)
        return KnownIdentities(guids=frozenset(found_guids), urls=frozenset(found_urls))

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
            if active is None:
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
        payload: dict[str, Any] = {
            "title": intent.title,
            "outlet": intent.outlet,
            "url": intent.url,
            "published": intent.published_at.isoformat() if intent.published_at else None,
            "matched": list(intent.matched),
        }
        if intent.figure is not None:
            payload["figure"] = intent.figure.to_json()
        if intent.story_id is not None:
            payload["story"] = intent.story_id
        with self.engine.begin() as conn:
            alert_id = conn.execute(
                alerts.insert()
                .values(
                    kind=intent.kind,
                    priority=intent.priority,
                    article_id=intent.article_id,
                    payload=json.dumps(payload, ensure_ascii=False),
                    created_at=now,
                    story_id=intent.story_id,
                )
                .returning(alerts.c.id)
            ).scalar_one()
            recipients = sa.select(
                sa.literal(alert_id),
                subscribers.c.chat_id,
                sa.literal(intent.priority),
                sa.literal("pending"),
                sa.literal(0),
                sa.literal(now, UTCDateTime()),
            ).where(subscribers.c.active)
            conn.execute(
                deliveries.insert().from_select(
                    ["alert_id", "chat_id", "priority", "status", "attempts", "next_attempt_at"],
                    recipients,
                )
            )
        return int(alert_id)

    def alerts_after(self, alert_id: int, limit: int = 100) -> list[StoredAlert]:
        """Alerts newer than ``alert_id``, oldest first (the terminal sink reads these)."""
        query = sa.select(alerts).where(alerts.c.id > alert_id).order_by(alerts.c.id).limit(limit)
        with self.engine.connect() as conn:
            return [_stored_alert(row) for row in conn.execute(query)]

    def last_alert_id(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(sa.select(sa.func.coalesce(sa.func.max(alerts.c.id), 0))).scalar_one()
            )

    def overview(self) -> Overview:
        total, relevant = self.count_articles()
        with self.engine.connect() as conn:
            active = conn.execute(
                sa.select(sa.func.count()).select_from(subscribers).where(subscribers.c.active)
            ).scalar_one()
        return Overview(
            feeds=tuple(self.feed_statuses()),
            articles=total,
            relevant=relevant,
            subscribers=active,
            pending_deliveries=self.delivery_counts().get("pending", 0),
        )


def _finish_statement(status: str) -> sa.Update:
    """The UPDATE recording one kind of check outcome (parameters prefixed ``b_``)."""
    b = sa.bindparam
    values: dict[str, Any] = {
        "last_checked_at": b("b_at", type_=UTCDateTime()),
        "last_status": status,
        "next_check_at": b("b_next", type_=UTCDateTime()),
        "claimed_by": None,
        "claimed_until": None,
    }
    if status == "error":
        values.update(error_count=feeds.c.error_count + 1, last_error=b("b_error"))
    else:
        values.update(error_count=0, last_error=None, backlog_done=True)
    if status == "ok":
        values.update(
            etag=b("b_etag"),
            last_modified=b("b_modified"),
            items_seen=feeds.c.items_seen + b("b_items", type_=sa.Integer()),
        )
    return feeds.update().where(feeds.c.id == b("b_id")).values(**values)


_FINISH = {status: _finish_statement(status) for status in ("ok", "not_modified", "error")}


def insert_article_rows(
    conn: sa.Connection, new: Sequence[NewArticle], now: datetime
) -> list[int | None]:
    """Insert articles; for each, its new id, or None if an equal GUID or URL was stored first.

    "Equal" is decided by the unique constraints, so a concurrent writer cannot make the
    same article new twice. One statement, executed for many rows.
    """
    if not new:
        return []
    rows = [
        {
            "feed_id": a.feed_id,
            "guid": a.guid,
            "url": a.url,
            "canonical_url": a.canonical_url,
            "content_hash": a.content_hash,
            "title": a.title,
            "summary": a.summary,
            "published_at": a.published_at,
            "seen_at": now,
            "relevant": a.relevant,
            "matched": "\n".join(a.matched),
        }
        for a in new
    ]
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(articles)
        .on_conflict_do_nothing()
        .returning(articles.c.id, articles.c.guid, articles.c.canonical_url)
    )
    ids = {_identity(r.guid, r.canonical_url): r.id for r in conn.execute(statement, rows)}
    return [ids.get(_identity(a.guid, a.canonical_url)) for a in new]


def _identity(guid: str | None, canonical_url: str | None) -> tuple[str, str]:
    return ("guid", guid) if guid else ("url", canonical_url or "")


def _stored_alert(row: Any) -> StoredAlert:
    return _alert_from_payload(row.id, row.kind, json.loads(row.payload), row.created_at)


def _alert_from_payload(
    alert_id: int, kind: str, payload: dict[str, Any], created_at: datetime
) -> StoredAlert:
    published = payload.get("published")
    return StoredAlert(
        id=alert_id,
        kind=kind,
        title=payload["title"],
        outlet=payload["outlet"],
        url=payload.get("url"),
        published_at=datetime.fromisoformat(published) if published else None,
        matched=tuple(payload.get("matched", ())),
        created_at=created_at,
        items=tuple(
            _alert_from_payload(0, "story", item, created_at) for item in payload.get("items", ())
        ),
        figure=FigureChange.from_json(payload["figure"]) if payload.get("figure") else None,
        story_id=payload.get("story"),
    )
