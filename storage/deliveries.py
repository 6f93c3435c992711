"""The delivery outbox's queries: what is due, and what happened to each send."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from storage.db import claimable
from storage.tables import alerts, articles, deliveries, subscribers
from storage.types import DueDelivery, StoredAlert

STORY_PRIORITY = 1  # a new story, after figure changes (0)
ROUTINE_PRIORITY = 2  # edits and digests, after figure changes (0) and new stories (1)
DEFAULT_LEASE = timedelta(seconds=30)  # [delivery] lease


class OutboxQueries:
    """Mixed into Store: the queries of bot/delivery/outbox.py."""

    engine: sa.Engine

    def _alert_of(self, row: Any) -> StoredAlert:
        raise NotImplementedError  # Store renders its alert payloads

    def claim_due_deliveries(
        self,
        now: datetime,
        limit: int,
        *,
        worker: str = "outbox",
        lease: timedelta = DEFAULT_LEASE,
        per_chat: int = 3,
        held: Collection[int] = (),
    ) -> list[DueDelivery]:
        """Claim pending deliveries whose time has come for ``worker`` until ``now + lease``,
        most important first, then oldest; rows ``worker`` holds already are claimed again,
        and those the caller names in ``held`` (it has them in memory) are not read again.

        At most ``per_chat`` per chat, so one chat with a long queue (a flood wait, a slow
        group) never fills the sender's view and starves the others. A chat another instance
        holds a claim in (a row it is sending, or one it sent within the chat's pace) is left
        to it, so one chat is paced by one instance. The claim is one UPDATE whose WHERE clause
        re-checks the claim, over rows locked with ``SKIP LOCKED`` on PostgreSQL (the way feeds
        are claimed): two instances never send the same row, unless a lease runs out. On SQLite
        the due rows are read first and nothing is written when none is due, so an idle sender
        never waits for (or holds) the database's one write lock.
        """
        mine = sa.or_(
            deliveries.c.claimed_until.is_(None),
            deliveries.c.claimed_until <= now,
            deliveries.c.claimed_by == worker,
        )
        other = deliveries.alias("other")
        held_elsewhere = sa.exists().where(
            other.c.chat_id == deliveries.c.chat_id,
            other.c.claimed_until > now,
            other.c.claimed_by != worker,
        )
        ranked = (
            sa.select(
                deliveries.c.id,
                deliveries.c.priority,
                sa.func.row_number()
                .over(
                    partition_by=deliveries.c.chat_id,
                    order_by=(deliveries.c.priority, deliveries.c.id),
                )
                .label("rank"),
            )
            .where(
                deliveries.c.status == "pending",
                deliveries.c.next_attempt_at <= now,
                mine,
                sa.not_(held_elsewhere),
            )
            .subquery()
        )
        picked = (
            sa.select(ranked.c.id)
            .where(ranked.c.rank <= per_chat)
            .order_by(ranked.c.priority, ranked.c.id)
            .limit(limit)
        )
        # the window function's subquery cannot be locked itself: its rows are, by id
        lockable = sa.select(deliveries.c.id).where(deliveries.c.id.in_(picked.scalar_subquery()))
        free = claimable(self.engine, lockable)
        if isinstance(free, list) and not free:
            return []
        claim = (
            deliveries.update()
            .where(deliveries.c.id.in_(free), deliveries.c.status == "pending")
            .where(mine)
            .values(claimed_by=worker, claimed_until=now + lease)
            .returning(deliveries.c.id)
        )
        with self.engine.begin() as conn:
            claimed = [row[0] for row in conn.execute(claim) if row[0] not in held]
        if not claimed:
            return []
        query = (
            sa.select(
                deliveries.c.id,
                deliveries.c.alert_id,
                deliveries.c.chat_id,
                deliveries.c.attempts,
                deliveries.c.priority,
                deliveries.c.edit_message_id,
                subscribers.c.language,
                subscribers.c.chat_type,
                subscribers.c.thread_id,
                subscribers.c.mode,
                subscribers.c.timezone,
                subscribers.c.quiet_hours,
                articles.c.seen_at.label("article_seen_at"),
            )
            .join(subscribers, subscribers.c.chat_id == deliveries.c.chat_id)
            .join(alerts, alerts.c.id == deliveries.c.alert_id)
            .outerjoin(articles, articles.c.id == alerts.c.article_id)
            .where(deliveries.c.id.in_(claimed))
            .order_by(deliveries.c.priority, deliveries.c.id)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            wanted = sorted({row.alert_id for row in rows})
            alert_of = {
                row.id: self._alert_of(row)
                for row in conn.execute(sa.select(alerts).where(alerts.c.id.in_(wanted)))
            }  # each alert read and rendered once, however many recipients
        return [
            DueDelivery(
                id=row.id,
                chat_id=row.chat_id,
                language=row.language,
                attempts=row.attempts,
                alert=alert_of[row.alert_id],
                priority=row.priority,
                chat_type=row.chat_type,
                thread_id=row.thread_id,
                mode=row.mode,
                timezone=row.timezone,
                quiet_hours=row.quiet_hours,
                seen_at=row.article_seen_at,
                edit_message_id=row.edit_message_id,
            )
            for row in rows
        ]

    def mark_sent(
        self, sent: Sequence[tuple[int, int]], now: datetime, *, pace: timedelta = timedelta(0)
    ) -> None:
        """Record Telegram's confirmations, ``(delivery id, message id)``, in one transaction.
        The sender keeps its claim on each chat for ``pace`` more (the chat's gap)."""
        if not sent:
            return
        b = sa.bindparam
        statement = (
            deliveries.update()
            .where(deliveries.c.id == b("b_id"))
            .values(
                status="sent",
                sent_at=now,
                message_id=b("b_message"),
                attempts=deliveries.c.attempts + 1,
                last_error=None,  # an earlier failure's reason no longer applies
                claimed_until=now + pace,
            )
        )
        with self.engine.begin() as conn:
            conn.execute(statement, [{"b_id": d, "b_message": m} for d, m in sent])

    def mark_unconfirmed(self, delivery_id: int, error: str, now: datetime) -> None:
        """Telegram accepted the message but its answer could not be read: sent, without a
        message id, the reason kept (it is never sent again)."""
        with self.engine.begin() as conn:
            conn.execute(
                deliveries.update()
                .where(deliveries.c.id == delivery_id)
                .values(
                    status="sent",
                    sent_at=now,
                    message_id=None,
                    last_error=error,
                    attempts=deliveries.c.attempts + 1,
                )
            )

    def mark_retry(self, delivery_id: int, error: str, at: datetime, *, count: bool = True) -> None:
        """Try again at ``at``; ``count`` says whether this was a failed attempt (a flood wait
        or quiet hours are not)."""
        values: dict[str, Any] = {"last_error": error, "next_attempt_at": at, "claimed_by": None}
        values["claimed_until"] = None  # due again at ``at``, for whichever instance is free
        if count:
            values["attempts"] = deliveries.c.attempts + 1
        with self.engine.begin() as conn:
            conn.execute(deliveries.update().where(deliveries.c.id == delivery_id).values(**values))

    def mark_failed(self, delivery_id: int, error: str) -> None:
        """Give up on a delivery, keeping the reason (nothing is dropped silently)."""
        with self.engine.begin() as conn:
            conn.execute(
                deliveries.update()
                .where(deliveries.c.id == delivery_id)
                .values(status="failed", last_error=error, attempts=deliveries.c.attempts + 1)
            )

    def renew_delivery_claims(self, worker: str, now: datetime, lease: timedelta) -> int:
        """Extend ``worker``'s claims on pending rows to ``now + lease``; how many it holds."""
        with self.engine.begin() as conn:
            return conn.execute(
                deliveries.update()
                .where(deliveries.c.status == "pending", deliveries.c.claimed_by == worker)
                .values(claimed_until=now + lease)
            ).rowcount

    def release_delivery_claims(self, worker: str) -> int:
        """Free ``worker``'s claims on pending rows (it stops): others send them at once."""
        with self.engine.begin() as conn:
            return conn.execute(
                deliveries.update()
                .where(deliveries.c.status == "pending", deliveries.c.claimed_by == worker)
                .values(claimed_by=None, claimed_until=None)
            ).rowcount

    def hold(self, delivery_id: int) -> None:
        """Keep a story for the subscriber's next digest instead of sending it now."""
        with self.engine.begin() as conn:
            conn.execute(
                deliveries.update().where(deliveries.c.id == delivery_id).values(status="held")
            )

    def due_digests(self, now: datetime) -> list[tuple[int, str, str, datetime | None]]:
        """Digest subscribers whose digest time has come (or was never set):
        (chat id, digest hours, timezone, next digest time)."""
        query = sa.select(
            subscribers.c.chat_id,
            subscribers.c.digest_hours,
            subscribers.c.timezone,
            subscribers.c.next_digest_at,
        ).where(
            subscribers.c.active,
            subscribers.c.mode == "digest",
            sa.or_(subscribers.c.next_digest_at.is_(None), subscribers.c.next_digest_at <= now),
        )
        with self.engine.connect() as conn:
            return [(row[0], row[1], row[2], row[3]) for row in conn.execute(query)]

    def make_digest(
        self, chat_id: int, now: datetime, next_at: datetime | None, *, send: bool = True
    ) -> int | None:
        """Gather the chat's held stories into one digest alert for it alone; set its next
        digest time. Returns the digest's alert id, or None when nothing was held (or another
        instance made this digest already: its next time is no longer due)."""
        with self.engine.begin() as conn:
            moved = conn.execute(  # the row's lock: another instance's digest waits, then skips
                subscribers.update()
                .where(
                    subscribers.c.chat_id == chat_id,
                    sa.or_(
                        subscribers.c.next_digest_at.is_(None),
                        subscribers.c.next_digest_at <= now,
                    ),
                )
                .values(next_digest_at=next_at)
            ).rowcount
            if not send or not moved:
                return None
            held = conn.execute(
                sa.select(deliveries.c.id, alerts.c.payload)
                .join(alerts, alerts.c.id == deliveries.c.alert_id)
                .where(deliveries.c.chat_id == chat_id, deliveries.c.status == "held")
                .order_by(deliveries.c.id)
            ).all()
            if not held:
                return None
            payload = {
                "title": "",
                "outlet": "",
                "url": None,
                "published": None,
                "matched": [],
                "items": [json.loads(row.payload) for row in held],
            }
            alert_id = conn.execute(
                alerts.insert()
                .values(
                    kind="digest",
                    priority=ROUTINE_PRIORITY,
                    payload=json.dumps(payload, ensure_ascii=False),
                    created_at=now,
                )
                .returning(alerts.c.id)
            ).scalar_one()
            conn.execute(
                deliveries.insert().values(
                    alert_id=alert_id,
                    chat_id=chat_id,
                    priority=ROUTINE_PRIORITY,
                    status="pending",
                    attempts=0,
                    next_attempt_at=now,
                )
            )
            conn.execute(
                deliveries.update()
                .where(deliveries.c.id.in_([row.id for row in held]))
                .values(status="digested")
            )
        return int(alert_id)

    def delivery_counts(self) -> dict[str, int]:
        """How many outbox rows are in each status."""
        query = sa.select(deliveries.c.status, sa.func.count()).group_by(deliveries.c.status)
        with self.engine.connect() as conn:
            return {row[0]: row[1] for row in conn.execute(query)}

    def queue_depth(self) -> dict[int, int]:
        """Pending deliveries per priority lane (0 figure changes, 1 stories, 2 edits, digests)."""
        query = (
            sa.select(deliveries.c.priority, sa.func.count())
            .where(deliveries.c.status == "pending")
            .group_by(deliveries.c.priority)
        )
        with self.engine.connect() as conn:
            return {row[0]: row[1] for row in conn.execute(query)}

    def failed_deliveries(self, limit: int = 10) -> list[tuple[int, int, str]]:
        """The latest failures: (alert id, chat id, reason), newest first (for /stats)."""
        query = (
            sa.select(deliveries.c.alert_id, deliveries.c.chat_id, deliveries.c.last_error)
            .where(deliveries.c.status == "failed")
            .order_by(deliveries.c.id.desc())
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [(row[0], row[1], row[2] or "") for row in conn.execute(query)]
