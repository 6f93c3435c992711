"""Check a feed once without storing anything (``drawdown check-feeds``, feed validation)."""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable, Mapping

import aiohttp

from drawdown.config import ScheduleConfig
from drawdown.errors import FeedError
from watchers.feeds.fetch import NotModified, fetch
from watchers.pipeline import FeedReport
from watchers.topic.match import Matcher
from watchers.worker import prepare

Survey = Callable[..., Awaitable[tuple[int, int]]]  # (body, url=, headers=) -> (items, on topic)

_ECHO = re.compile(r" \(.*\)$")  # what a page said, quoted at the end of an error


async def probe(
    client: aiohttp.ClientSession,
    name: str,
    url: str,
    settings: ScheduleConfig,
    matcher: Matcher,
    *,
    survey: Survey | None = None,
    echo: bool = True,
) -> FeedReport:
    """Fetch and parse ``url`` and count the items on the topic; never raises for a bad feed.

    ``survey`` reads the body elsewhere (the service's worker process: a huge feed being
    added must not stall the event loop); without it the body is read here. With ``echo``
    False, an error never repeats what the fetched page said (a feed added from the chat
    must not become a way to read pages the service can reach).
    """
    started = time.monotonic()
    try:
        result = await fetch(
            client, url, max_bytes=settings.max_body, time_limit=settings.fetch_timeout
        )
        if isinstance(result, NotModified):  # we sent no validators; a server may still say so
            return FeedReport(name, url, "not_modified", seconds=time.monotonic() - started)
        if survey is not None:
            items, matched = await survey(result.body, url=result.url, headers=result.headers)
        else:
            items, matched = _survey(result.body, result.url, result.headers, matcher)
    except FeedError as e:
        error = str(e) if echo else _ECHO.sub("", str(e))
        return FeedReport(name, url, "error", seconds=time.monotonic() - started, error=error)
    return FeedReport(
        name, url, "ok", items=items, matched=matched, seconds=time.monotonic() - started
    )


def _survey(body: bytes, url: str, headers: Mapping[str, str], matcher: Matcher) -> tuple[int, int]:
    articles = prepare(body, url=url, headers=headers, feed_id=0, matcher=matcher)
    return len(articles), sum(1 for a in articles if a.relevant)
