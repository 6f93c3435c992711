"""Check one claimed feed: fetch → read (the worker: parse, match, figures, story evidence) →
decide and store, alerts included, in one transaction (``watchers.ingest``), in that order."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

import aiohttp

from drawdown.config import ScheduleConfig
from drawdown.errors import FeedError
from storage.db import database_locked
from storage.store import Store
from storage.types import CheckOutcome, CheckStatus, FeedToCheck
from watchers.feeds.fetch import NotModified, fetch
from watchers.ingest import Ingest
from watchers.observe import NO_OBSERVER, PipelineObserver
from watchers.process import Batch
from watchers.worker import Prepared, Preparer

log = logging.getLogger(__name__)


async def _nobody(name: str, url: str) -> None:
    """Nobody to tell that a feed is gone."""


# New items of one fetch read and stored together, in one transaction: a first fetch of a huge
# feed goes in chunks of at most this size, so memory stays bounded, no other writer waits long
# for the database, and other feeds' reading goes between the chunks.
INGEST_CHUNK = 500
# On SQLite a chunk's transaction holds the one write lock from its start, and every other
# write of the service waits for it (up to the busy timeout, storage/db.py): the chunks start
# small and are sized from the last one's transaction time per item (not counting its wait
# for other feeds' batches), to take about this long.
SQLITE_CHUNK_SECONDS = 1.0
SQLITE_FIRST_CHUNK = 50
SQLITE_SMALLEST_CHUNK = 10
GONE = 410  # the server says the feed was removed for good: polling stops

Clock = Callable[[], datetime]


class Stored(NamedTuple):
    """What one stored chunk of a feed came to."""

    matched: int  # items on the topic
    new: int  # articles stored
    alerts: int  # alerts enqueued
    seconds: float  # how long its transaction took


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one check of one feed found (for logs, check-feeds and benchmarks)."""

    name: str
    url: str
    status: CheckStatus
    items: int = 0
    matched: int = 0
    new: int = 0
    alerts: int = 0
    seconds: float = 0.0
    error: str | None = None


def next_check_at(
    now: datetime,
    *,
    interval_s: float,
    failures: int,
    jitter: float,
    max_backoff_s: float,
    retry_after_s: float | None = None,
    rand: float = 0.0,
) -> datetime:
    """When to check a feed again.

    After a success: the interval plus up to ``jitter`` of it (``rand`` in [0, 1)), so feeds
    with the same interval spread out. After the n-th failure in a row: the interval doubled
    n times, capped at ``max_backoff_s`` (never below the interval), and never sooner than
    the server's Retry-After. There is no last retry: a failing feed is tried forever.
    """
    delay = interval_s
    if failures > 0:
        delay = min(interval_s * 2.0 ** min(failures, 32), max(max_backoff_s, interval_s))
    if retry_after_s is not None:
        delay = max(delay, retry_after_s)
    return now + timedelta(seconds=delay * (1.0 + jitter * rand))


def sqlite_chunk(size: int, stored: int, seconds: float) -> int:
    """The next chunk's size on SQLite, after ``stored`` items took ``seconds``: about
    SQLITE_CHUNK_SECONDS' worth at that pace, at most twice ``size``, within the bounds."""
    fitting = int(SQLITE_CHUNK_SECONDS * stored / seconds) if seconds > 0 else INGEST_CHUNK
    return max(SQLITE_SMALLEST_CHUNK, min(fitting, 2 * size, INGEST_CHUNK))


class Pipeline:
    """Checks feeds against one store; every failure of a feed stays in that feed's row."""

    def __init__(
        self,
        store: Store,
        prepare: Preparer,
        settings: ScheduleConfig,
        *,
        client: aiohttp.ClientSession,
        clock: Clock,
        on_alert: Callable[[], None] = lambda: None,
        rand: Callable[[], float] = random.random,
        observer: PipelineObserver = NO_OBSERVER,
        ingest: Ingest | None = None,
        edit_interval: float = 60.0,
        on_gone: Callable[[str, str], Awaitable[None]] = _nobody,
    ) -> None:
        self.store = store
        self.prepare = prepare
        self.settings = settings
        self.client = client
        self.clock = clock
        self.on_alert = on_alert
        self.rand = rand
        self.observer = observer
        self.ingest = ingest or Ingest(store, edit_interval=edit_interval)
        self.on_gone = on_gone

    async def check(self, feed: FeedToCheck) -> tuple[FeedReport, CheckOutcome]:
        """Check one feed; never raises for a bad feed.

        Items and alerts are stored at once; the feed row's update (the returned outcome) is
        left to the caller, which writes many of them in one transaction.
        """
        started = time.monotonic()
        try:
            report, outcome = await self._check(feed)
        except FeedError as e:
            status: CheckStatus = "gone" if e.status == GONE else "error"
            report = FeedReport(feed.name, feed.url, status, error=str(e))
            outcome = self._outcome(feed, status, error=str(e), retry_after=e.retry_after)
            if status == "gone":
                log.warning("feed.gone feed=%s polling=stopped error=%s", feed.url, e)
                await self.on_gone(feed.name, feed.url)
        except Exception as e:  # a bug must not stop the other feeds
            error = f"internal error: {e!r}"
            if database_locked(e):  # the chunk was not stored: read again at the next check
                error = "database is locked, the items not stored are read again"
            else:
                log.exception("feed.crashed feed=%s", feed.url)
            report = FeedReport(feed.name, feed.url, "error", error=error)
            outcome = self._outcome(feed, "error", error=error)
        seconds = time.monotonic() - started
        failures = feed.error_count + 1 if report.status in ("error", "gone") else 0
        self.observer.feed_checked(feed.url, report.status, seconds, failures)
        if report.status in ("error", "gone"):
            log.warning(
                "feed.failed feed=%s failures=%d error=%s", feed.url, feed.error_count + 1,
                report.error,
            )  # fmt: skip
        else:
            log.info(
                "feed.checked feed=%s status=%s items=%d matched=%d new=%d alerts=%d ms=%.0f",
                feed.url, report.status, report.items, report.matched, report.new,
                report.alerts, seconds * 1000,
            )  # fmt: skip
        return dataclasses.replace(report, seconds=seconds), outcome

    async def _check(self, feed: FeedToCheck) -> tuple[FeedReport, CheckOutcome]:
        settings = self.settings
        result = await fetch(
            self.client,
            feed.url,
            etag=feed.etag,
            last_modified=feed.last_modified,
            max_bytes=settings.max_body,
            time_limit=settings.fetch_timeout,
        )
        if isinstance(result, NotModified):
            report = FeedReport(feed.name, feed.url, "not_modified")
            return report, self._outcome(feed, "not_modified")
        parsed = await self.prepare.parse(result.body, url=result.url, headers=result.headers)
        keys = [(p.item.guid, p.canonical_url, p.content_hash) for p in parsed]
        unchanged = await asyncio.to_thread(self.store.unchanged, keys)
        fresh = [p for p, same in zip(parsed, unchanged, strict=True) if not same]
        matched = new = alerts = start = 0
        size = INGEST_CHUNK if self.store.shared else SQLITE_FIRST_CHUNK
        while start < len(fresh):  # read and stored a chunk at a time
            chunk = fresh[start : start + size]
            prepared = await self.prepare.read(chunk, url=result.url, feed_id=feed.id)
            done = await asyncio.to_thread(self._store_chunk, feed, prepared)
            if not self.store.shared:  # sized by its own transaction, not others' turns
                size = sqlite_chunk(size, len(chunk), done.seconds)
            start += len(chunk)
            matched, new, alerts = matched + done.matched, new + done.new, alerts + done.alerts
            if done.alerts:
                self.on_alert()
        report = FeedReport(feed.name, feed.url, "ok", len(parsed), matched, new, alerts)
        outcome = self._outcome(
            feed, "ok", etag=result.etag, last_modified=result.last_modified, items=new,
            moved_to=result.moved_to,
        )  # fmt: skip
        if result.moved_to is not None:
            log.info("feed.moving feed=%s to=%s", feed.url, result.moved_to)
        return report, outcome

    def _store_chunk(self, feed: FeedToCheck, prepared: Sequence[Prepared]) -> Stored:
        """Read the batch against storage, decide, and store it with its alerts in one
        transaction."""
        now = self.clock()
        batch = Batch(feed.id, feed.name, not feed.backlog_done, prepared)
        window = timedelta(seconds=self.settings.backlog_window)
        done = self.ingest(batch, now, backlog_window=window)
        intents, applied = done.intents, done.applied
        self.observer.items_matched(
            sum(1 for a, i in zip(intents.articles, applied.ids, strict=True) if i and a.relevant)
        )
        for version, number in zip(intents.versions, applied.versions, strict=True):
            log.info(
                "article.edited article=%d version=%d feed=%s",
                version.version.article_id, number, feed.url,
            )  # fmt: skip
        for kind, alert_id in applied.alerts:
            self.observer.alert_enqueued(kind)
            log.info("alert.enqueued alert=%d kind=%s feed=%s", alert_id, kind, feed.url)
        for story, edits in applied.edits:
            log.info("story.joined story=%d edits=%s feed=%s", story, edits, feed.url)
        matched = sum(1 for p in prepared if p.article.relevant)
        return Stored(matched, applied.new, len(applied.alerts), done.seconds)

    def _outcome(
        self,
        feed: FeedToCheck,
        status: CheckStatus,
        *,
        error: str | None = None,
        retry_after: float | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        items: int = 0,
        moved_to: str | None = None,
    ) -> CheckOutcome:
        now = self.clock()
        failures = feed.error_count + 1 if status == "error" else 0
        return CheckOutcome(
            feed_id=feed.id,
            status=status,
            checked_at=now,
            next_check_at=next_check_at(
                now,
                interval_s=feed.interval_s,
                failures=failures,
                jitter=self.settings.jitter,
                max_backoff_s=self.settings.max_backoff,
                retry_after_s=retry_after,
                rand=self.rand(),
            ),
            etag=etag,
            last_modified=last_modified,
            error=error,
            items=items,
            moved_to=moved_to,
        )
