"""What the reading step made of each item of a fetch, kept for /why. Pure: storage records
them with the rest of the batch (``storage.batch``) and never fails the batch for them (a
trace is an explanation, not data the service runs on)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from storage.preference_types import NewTrace
from storage.types import KnownIdentities
from watchers.identity.triage import Decision

log = logging.getLogger(__name__)


def traces_of(
    feed_id: int,
    decisions: Sequence[Decision],
    kept: Sequence[Decision],
    ids: Sequence[int | None],
    known: KnownIdentities,
) -> list[NewTrace]:
    """A trace for each stored article (``kept`` and their ``ids``, None when another writer
    stored it first), and for each re-publication under a link not stored yet (the same GUID
    at another URL). Re-listings of stored links are left out: /why finds those by their
    article. Does no I/O."""
    found: list[NewTrace] = []
    stored_urls = set(known.urls)
    for decision, article_id in zip(kept, ids, strict=True):
        if article_id is not None and (trace := _trace(feed_id, decision, article_id)):
            found.append(trace)
        if decision.article.canonical_url:
            stored_urls.add(decision.article.canonical_url)
    for decision in decisions:
        url = decision.article.canonical_url
        repeated = decision.reason.startswith("duplicate") and url and url not in stored_urls
        if repeated and (trace := _trace(feed_id, decision, None)):
            found.append(trace)
            stored_urls.add(url or "")
    return found


def _trace(feed_id: int, decision: Decision, article_id: int | None) -> NewTrace | None:
    article = decision.article
    link = article.canonical_url or (f"guid:{article.guid}" if article.guid else None)
    if link is None:
        return None
    return NewTrace(
        link=link,
        feed_id=feed_id,
        article_id=article_id,
        url=article.url,
        guid=article.guid,
        canonical_url=article.canonical_url,
        reason=decision.reason,
        relevance=article.relevance or None,
    )
