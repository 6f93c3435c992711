"""Check a feed once without storing anything (``drawdown check-feeds``, feed validation)."""

from __future__ import annotations

import time

import aiohttp

from drawdown.config import ScheduleConfig
from drawdown.errors import FeedError
from watchers.feeds.fetch import NotModified, fetch
from watchers.pipeline import FeedReport
from watchers.topic.match import Matcher
from watchers.worker import prepare


async def probe(
    client: aiohttp.ClientSession, name: str, url: str, settings: ScheduleConfig, matcher: Matcher
) -> FeedReport:
    """Fetch and parse ``url`` and count the items on the topic; never raises for a bad feed."""
    started = time.monotonic()
    try:
        result = await fetch(
            client, url, max_bytes=settings.max_body, time_limit=settings.fetch_timeout
        )
        if isinstance(result, NotModified):  # we sent no validators; a server may still say so
            return FeedReport(name, url, "not_modified", seconds=time.monotonic() - started)
        items = prepare(
            result.body, url=result.url, headers=result.headers, feed_id=0, matcher=matcher
        )
    except FeedError as e:
        return FeedReport(name, url, "error", seconds=time.monotonic() - started, error=str(e))
    matched = sum(1 for item in items if item.relevant)
    return FeedReport(
        name, url, "ok", items=len(items), matched=matched, seconds=time.monotonic() - started
    )
