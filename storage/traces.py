"""What the pipeline made of each link, and what /why tells a chat about one.

A trace is written for every stored article (kept as new, as backlog, or as not relevant)
and for a re-publication under a link of its own (the same GUID at another URL), so
/why can name the article it repeated. /why also names the story an article joined (its
first report's headline, and when the story's alert was sent). Re-listings of a link
already traced cost nothing: the insert ignores links it already holds.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

import sqlalchemy as sa

from storage.articles import matched_of
from storage.db import insert_for, redacted
from storage.ledger import Ledger
from storage.preference_types import (
    Explanation,
    JoinedStory,
    NewTrace,
    SeenArticle,
    SentTo,
    Sighting,
    SplitFrom,
)
from storage.tables import alerts, articles, deliveries, feeds, splits, traces
from storage.tables import stories as story_rows

_CHUNK = 500


class Traces:
    """The article traces, on the service's engine."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"Traces({redacted(str(self.engine.url))})"

    def record(self, new: Sequence[NewTrace], now: datetime) -> None:
        """Store traces; a link already traced keeps its first trace."""
        with self.engine.begin() as conn:
            record_traces(conn, new, now)

    def explain(self, links: Sequence[str], chat_id: int) -> Explanation | None:
        """What became of the first of ``links`` (canonical URL first, then as given) the
        service has seen, and of its alerts for ``chat_id``; None if none was seen."""
        with self.engine.connect() as conn:
            trace, article_id = find_article(conn, links)
            duplicate = None
            if trace is not None and trace.article_id is None:
                duplicate = Sighting(trace.outlet, trace.seen_at, trace.reason)
            if article_id is None:
                return None
            article = _seen(conn, article_id)
            sent = conn.execute(
                sa.select(
                    alerts.c.id,
                    alerts.c.kind,
                    alerts.c.payload,
                    alerts.c.created_at,
                    deliveries.c.status,
                    deliveries.c.sent_at,
                    deliveries.c.next_attempt_at,
                    deliveries.c.last_error,
                )
                .outerjoin(
                    deliveries,
                    sa.and_(deliveries.c.alert_id == alerts.c.id, deliveries.c.chat_id == chat_id),
                )
                .where(alerts.c.article_id == article_id)
                .order_by(alerts.c.priority, alerts.c.id)
            ).all()
            story = _joined(conn, article_id, chat_id)
            split = _split_from(conn, article_id)
        return Explanation(
            article=article,
            duplicate=duplicate,
            figures=tuple(Ledger(self.engine).of_article(article_id)),
            alerts=tuple(_sent_to(row) for row in sent),
            story=story,
            split=split,
        )


def find_article(conn: sa.Connection, links: Sequence[str]) -> tuple[Any, int | None]:
    """The trace of the first of ``links`` (canonical URL first, then as given) the service
    has seen, with its outlet (None if none), and the article the link names: the article
    itself, or the one it re-published; without a trace, the first article stored under one
    of them (canonical URL, URL or GUID)."""
    trace = conn.execute(
        sa.select(traces, feeds.c.name.label("outlet"))
        .join(feeds, feeds.c.id == traces.c.feed_id)
        .where(traces.c.link.in_(list(links) + [f"guid:{link}" for link in links]))
        .order_by(traces.c.id)
        .limit(1)
    ).first()
    if trace is not None:
        return trace, trace.duplicate_of if trace.article_id is None else trace.article_id
    article_id = conn.execute(
        sa.select(articles.c.id)
        .where(
            sa.or_(
                articles.c.canonical_url.in_(links),
                articles.c.url.in_(links),
                articles.c.guid.in_(links),
            )
        )
        .order_by(articles.c.id)
        .limit(1)
    ).scalar_one_or_none()
    return None, article_id


def _originals(conn: sa.Connection, duplicates: Sequence[NewTrace]) -> dict[str, int]:
    """link -> the stored article each re-publication repeats (by GUID, else by URL)."""
    found: dict[str, int] = {}
    guids = sorted({t.guid for t in duplicates if t.guid})
    urls = sorted({t.canonical_url for t in duplicates if t.canonical_url})
    by_guid: dict[str, int] = {}
    by_url: dict[str, int] = {}
    for start in range(0, max(len(guids), len(urls)), _CHUNK):
        query = sa.select(articles.c.id, articles.c.guid, articles.c.canonical_url).where(
            sa.or_(
                articles.c.guid.in_(guids[start : start + _CHUNK]),
                articles.c.canonical_url.in_(urls[start : start + _CHUNK]),
            )
        )
        for row in conn.execute(query):
            if row.guid:
                by_guid[row.guid] = row.id
            if row.canonical_url:
                by_url[row.canonical_url] = row.id
    for t in duplicates:
        original = by_guid.get(t.guid or "") or by_url.get(t.canonical_url or "")
        if original is not None:
            found[t.link] = original
    return found


def _seen(conn: sa.Connection, article_id: int) -> SeenArticle:
    row = conn.execute(
        sa.select(
            articles,
            feeds.c.name.label("outlet"),
            traces.c.reason.label("trace_reason"),
            traces.c.relevance,
        )
        .join(feeds, feeds.c.id == articles.c.feed_id)
        .outerjoin(traces, traces.c.article_id == articles.c.id)
        .where(articles.c.id == article_id)
        .limit(1)
    ).one()
    reason = row.trace_reason
    if reason is None:  # stored before traces were kept: tell what the row itself says
        if not row.relevant:
            reason = "not_relevant"
        else:
            alerted = conn.execute(
                sa.select(alerts.c.id).where(
                    alerts.c.article_id == article_id, alerts.c.kind == "story"
                )
            ).first()
            reason = "new" if alerted else "backlog"
    return SeenArticle(
        id=row.id,
        title=row.title,
        outlet=row.outlet,
        url=row.url,
        published_at=row.published_at,
        seen_at=row.seen_at,
        relevant=bool(row.relevant),
        matched=matched_of(row.matched),
        reason=reason,
        relevance=row.relevance,
    )


def _joined(conn: sa.Connection, article_id: int, chat_id: int) -> JoinedStory | None:
    """The story the article joined (None when it is the story's first report or in none),
    with when its alert was sent: to ``chat_id``, else when it was written to the outbox."""
    row = conn.execute(
        sa.select(story_rows)
        .join(articles, articles.c.story_id == story_rows.c.id)
        .where(articles.c.id == article_id)
    ).first()
    if row is None or row.first_article_id in (None, article_id):
        return None
    alert = conn.execute(
        sa.select(alerts.c.created_at, deliveries.c.sent_at)
        .outerjoin(
            deliveries,
            sa.and_(deliveries.c.alert_id == alerts.c.id, deliveries.c.chat_id == chat_id),
        )
        .where(alerts.c.story_id == row.id, alerts.c.kind == "story")
        .order_by(alerts.c.id)
        .limit(1)
    ).first()
    return JoinedStory(
        story_id=row.id,
        first_article_id=row.first_article_id,
        title=row.title,
        outlet=row.outlet,
        articles=row.articles,
        alert_at=None if alert is None else (alert.sent_at or alert.created_at),
    )


def _split_from(conn: sa.Connection, article_id: int) -> SplitFrom | None:
    """The story an administrator split the article out of (the latest split), if any."""
    row = conn.execute(
        sa.select(story_rows.c.title, story_rows.c.outlet, splits.c.at)
        .join(story_rows, story_rows.c.id == splits.c.from_story_id)
        .where(splits.c.article_id == article_id)
        .order_by(splits.c.id.desc())
        .limit(1)
    ).first()
    return None if row is None else SplitFrom(row.title, row.outlet, row.at)


def _sent_to(row: Any) -> SentTo:
    figure = json.loads(row.payload).get("figure") or {}
    return SentTo(
        alert_id=row.id,
        kind=row.kind,
        figure_key=figure.get("key"),
        created_at=row.created_at,
        status=row.status,
        sent_at=row.sent_at,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
    )


def record_traces(conn: sa.Connection, new: Sequence[NewTrace], now: datetime) -> None:
    """Store traces in ``conn``'s transaction; a link already traced keeps its first trace."""
    if not new:
        return
    originals = _originals(conn, [t for t in new if t.article_id is None])
    rows = [
        {
            "link": t.link,
            "feed_id": t.feed_id,
            "article_id": t.article_id,
            "url": t.url,
            "guid": t.guid,
            "reason": t.reason,
            "duplicate_of": originals.get(t.link) if t.article_id is None else None,
            "relevance": t.relevance,
            "seen_at": now,
        }
        for t in new
    ]
    conn.execute(_insert(conn.dialect.name), rows)


@cache
def _insert(dialect: str) -> sa.Executable:
    """A trace unless its link has one (built once: building costs as much as running it)."""
    return insert_for(dialect, traces).on_conflict_do_nothing()
