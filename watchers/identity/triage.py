"""The triage: which parsed items are new, and which of those deserve an alert. Does no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from storage.types import KnownIdentities, NewArticle

CLOCK_SKEW = timedelta(hours=1)  # how far ahead of our clock a feed's dates may honestly be

Reason = Literal["new", "not_relevant", "backlog", "duplicate_guid", "duplicate_url"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with one item; ``reason`` explains it in a word for logs and /why."""

    article: NewArticle
    store: bool
    alert: bool
    reason: Reason


def triage(
    items: Sequence[NewArticle],
    known: KnownIdentities,
    *,
    first_fetch: bool,
    now: datetime,
    backlog_window: timedelta,
) -> list[Decision]:
    """Decide each item's fate, identity first: GUID, then canonical URL.

    An item whose GUID or canonical URL is already stored — or appeared earlier in the same
    batch — is a re-publication: not stored again, no alert. A new item is stored; it alerts
    when it is relevant, except on a feed's first fetch, where only items published within
    ``backlog_window`` of ``now`` alert (the rest is backlog, kept without a flood of alerts).
    """
    guids = set(known.guids)
    urls = set(known.urls)
    decisions = []
    for item in items:
        if item.guid and item.guid in guids:
            decisions.append(Decision(item, store=False, alert=False, reason="duplicate_guid"))
            continue
        if item.canonical_url and item.canonical_url in urls:
            decisions.append(Decision(item, store=False, alert=False, reason="duplicate_url"))
            continue
        if item.guid:
            guids.add(item.guid)
        if item.canonical_url:
            urls.add(item.canonical_url)
        reason: Reason
        if not item.relevant:
            reason = "not_relevant"
        elif first_fetch and not _recent(item.published_at, now, backlog_window):
            reason = "backlog"
        else:
            reason = "new"
        decisions.append(Decision(item, store=True, alert=reason == "new", reason=reason))
    return decisions


def _recent(published: datetime | None, now: datetime, window: timedelta) -> bool:
    """Published within ``window`` before ``now``. A date further ahead than ``CLOCK_SKEW``
    says nothing about when the item appeared (a broken or hostile feed), so it is no
    reason to alert from a backlog."""
    if published is None or published > now + CLOCK_SKEW:
        return False
    return now - published <= window
