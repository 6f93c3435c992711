"""Alerts: one row per alert and one pending delivery row per active subscriber, and what a
stored alert's payload says.

Functions on a connection, shared by one batch's transaction (``storage.batch``) and the
store's own methods.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast, get_args

import sqlalchemy as sa

from storage.deliveries import STORY_PRIORITY
from storage.ledger_types import FigureChange
from storage.models import UTCDateTime
from storage.tables import alerts, deliveries, subscribers
from storage.types import AlertIntent, AlertKind, StoredAlert

ALERT_KINDS = frozenset(get_args(AlertKind))


def enqueue_alert(
    conn: sa.Connection,
    intent: AlertIntent,
    now: datetime,
    *,
    recipients: Sequence[int] | None = None,
) -> int:
    """Store the alert and one pending delivery per active subscriber (or per chat of
    ``recipients``) in ``conn``'s transaction; the alert's id."""
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
    if intent.news:
        payload["news"] = list(intent.news)
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
    columns = ["alert_id", "chat_id", "priority", "status", "attempts", "next_attempt_at"]
    if recipients is not None:  # these chats only (a notice to the administrators)
        rows = [dict(zip(columns, (alert_id, c, intent.priority, "pending", 0, now), strict=True))
                for c in sorted(set(recipients))]  # fmt: skip
        conn.execute(deliveries.insert(), rows)
        return int(alert_id)
    everyone = sa.select(
        sa.literal(alert_id),
        subscribers.c.chat_id,
        sa.literal(intent.priority),
        sa.literal("pending"),
        sa.literal(0),
        sa.literal(now, UTCDateTime()),
    ).where(subscribers.c.active)
    conn.execute(deliveries.insert().from_select(columns, everyone))
    return int(alert_id)


def story_alert(
    title: str,
    outlet: str,
    url: str | None,
    published_at: datetime | None,
    matched: tuple[str, ...],
    *,
    article_id: int | None = None,
    story_id: int | None = None,
) -> AlertIntent:
    """The alert a story's first report sends (ids filled in once stored, when not known)."""
    return AlertIntent(
        kind="story",
        priority=STORY_PRIORITY,
        article_id=article_id,
        title=title,
        outlet=outlet,
        url=url,
        published_at=published_at,
        matched=matched,
        story_id=story_id,
    )


def stored_alert(row: Any) -> StoredAlert:
    return alert_from_payload(row.id, row.kind, json.loads(row.payload), row.created_at)


def alert_from_payload(
    alert_id: int, kind: str, payload: dict[str, Any], created_at: datetime
) -> StoredAlert:
    published = payload.get("published")
    if kind not in ALERT_KINDS:
        raise ValueError(f"alert {alert_id} has an unknown kind {kind!r}")
    return StoredAlert(
        id=alert_id,
        kind=cast(AlertKind, kind),
        title=payload["title"],
        outlet=payload["outlet"],
        url=payload.get("url"),
        published_at=datetime.fromisoformat(published) if published else None,
        matched=tuple(payload.get("matched", ())),
        created_at=created_at,
        items=tuple(
            alert_from_payload(0, "story", item, created_at) for item in payload.get("items", ())
        ),
        figure=FigureChange.from_json(payload["figure"]) if payload.get("figure") else None,
        story_id=payload.get("story"),
        news=tuple(payload.get("news", ())),
    )
