"""Edited copies: store a re-posted article whose text changed as a new version of it.

An item whose GUID or canonical URL is stored but whose content hash is not the stored
text's (``story_decide.edited_versions``) is kept as a new version of the same article: it
starts no story and sends no story alert. Its figures are read again and judged as a report
made when the edit was seen; a figure it changes alerts like any figure change.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from storage.ledger import Ledger
from storage.store import Store
from storage.stories import Stories
from storage.story_types import NewVersion
from storage.types import FeedToCheck
from watchers.figures.track import change_alert, track_figures
from watchers.identity.triage import Decision
from watchers.stories.choose import edited_versions

log = logging.getLogger(__name__)

__all__ = ["store_versions"]

_REPOSTS = ("duplicate_guid", "duplicate_url")


def store_versions(
    stories: Stories,
    store: Store,
    ledger: Ledger,
    feed: FeedToCheck,
    decisions: Sequence[Decision],
    now: datetime,
) -> int:
    """Store the edited copies among ``decisions``; returns the figure alerts enqueued."""
    reposts = [d for d in decisions if d.reason in _REPOSTS]
    if not reposts:
        return 0
    current = stories.current_versions(
        (d.article.guid for d in reposts if d.article.guid),
        (d.article.canonical_url for d in reposts if d.article.canonical_url),
    )
    edited = edited_versions(reposts, current)
    if not edited:
        return 0
    numbers = stories.add_versions(
        [
            NewVersion(
                article_id=stored.article_id,
                content_hash=d.article.content_hash,
                title=d.article.title,
                summary=d.article.summary,
                published_at=d.article.published_at,
            )
            for d, stored in edited
        ],
        now,
    )
    alerts = 0
    for (decision, stored), number in zip(edited, numbers, strict=True):
        log.info(
            "article.edited article=%d version=%d feed=%s", stored.article_id, number, feed.url
        )
        if stored.relevant and decision.article.relevant:
            alerts += _figure_alerts(store, ledger, feed, decision, stored.article_id, now)
    return alerts


def _figure_alerts(
    store: Store,
    ledger: Ledger,
    feed: FeedToCheck,
    decision: Decision,
    article_id: int,
    now: datetime,
) -> int:
    article = decision.article
    try:
        report = track_figures(
            ledger,
            article_id=article_id,
            title=article.title,
            summary=article.summary,
            published=now,
            outlet=feed.name,
            url=article.url,
            now=now,
        )
    except Exception:  # a bug in reading figures must not stop the feed
        log.exception("figures.crashed article=%d feed=%s", article_id, feed.url)
        return 0
    for change in report.changes:
        store.enqueue_alert(
            change_alert(
                change,
                report,
                article_id=article_id,
                title=article.title,
                outlet=feed.name,
                url=article.url,
                published=now,
            ),
            now,
        )
        log.info(
            "alert.enqueued kind=figure figure=%r change=%s article=%d edited=true",
            change.key, change.kind, article_id,
        )  # fmt: skip
    return len(report.changes)
