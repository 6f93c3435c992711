"""Check one claimed feed: fetch → parse → match → decide → store → enqueue, in that order."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import aiohttp

from drawdown.config import ScheduleConfig
from drawdown.errors import FeedError
from storage.ledger import Ledger
from storage.store import Store
from storage.stories import Stories
from storage.story_types import Placed
from storage.types import AlertIntent, CheckOutcome, FeedToCheck
from watchers import traces as trace
from watchers.feeds.fetch import NotModified, fetch
from watchers.figures import Figures
from watchers.figures.track import change_alert, track_figures
from watchers.identity.triage import Decision, decide
from watchers.observe import NO_OBSERVER, PipelineObserver
from watchers.stories.matcher import StoryMatcher
from watchers.stories.versions import store_versions
from watchers.worker import Prepared, Preparer

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

STORY_PRIORITY = 1


@dataclass(frozen=True, slots=True)
class FeedReport:
    """What one check of one feed found (for logs, check-feeds and benchmarks)."""

    name: str
    url: str
    status: str  # "ok" | "not_modified" | "error"
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
        matcher: StoryMatcher | None = None,
        edit_interval: float = 60.0,
    ) -> None:
        self.store = store
        self.prepare = prepare
        self.settings = settings
        self.client = client
        self.clock = clock
        self.on_alert = on_alert
        self.rand = rand
        self.observer = observer
        self.ledger = Ledger(store.engine)
        self.stories = Stories(store.engine)
        self.matcher = matcher or StoryMatcher(self.stories)
        self.edit_interval = edit_interval

    async def check(self, feed: FeedToCheck) -> tuple[FeedReport, CheckOutcome]:
        """Check one feed; never raises for a bad feed.

        Items and alerts are stored at once; the feed row's update (the returned outcome) is
        left to the caller, which writes many of them in one transaction.
        """
        started = time.monotonic()
        try:
            report, outcome = await self._check(feed)
        except FeedError as e:
            report = FeedReport(feed.name, feed.url, "error", error=str(e))
            outcome = self._outcome(feed, "error", error=str(e), retry_after=e.retry_after)
        except Exception as e:  # a bug must not stop the other feeds
            log.exception("feed.crashed feed=%s", feed.url)
            report = FeedReport(feed.name, feed.url, "error", error=f"internal error: {e!r}")
            outcome = self._outcome(feed, "error", error=report.error)
        seconds = time.monotonic() - started
        failures = feed.error_count + 1 if report.status == "error" else 0
        self.observer.feed_checked(feed.url, report.status, seconds, failures)
        if report.status == "error":
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
        candidates = await self.prepare(
            result.body, url=result.url, headers=result.headers, feed_id=feed.id
        )
        matched, new, alerts = await asyncio.to_thread(self._store_items, feed, candidates)
        if alerts:
            self.on_alert()
        report = FeedReport(feed.name, feed.url, "ok", len(candidates), matched, new, alerts)
        outcome = self._outcome(
            feed, "ok", etag=result.etag, last_modified=result.last_modified, items=new
        )
        return report, outcome

    def _store_items(self, feed: FeedToCheck, prepared: Sequence[Prepared]) -> tuple[int, int, int]:
        """Store what is new and enqueue alerts; returns (matched, new, alerts)."""
        now = self.clock()
        candidates = [p.article for p in prepared]
        known = self.store.known_identities(
            (a.guid for a in candidates if a.guid),
            (a.canonical_url for a in candidates if a.canonical_url),
        )
        decisions = decide(
            candidates,
            known,
            first_fetch=not feed.backlog_done,
            now=now,
            backlog_window=timedelta(seconds=self.settings.backlog_window),
        )
        alerts = store_versions(self.stories, self.store, self.ledger, feed, decisions, now)
        kept = [d for d in decisions if d.store]
        read = [p for p, d in zip(prepared, decisions, strict=True) if d.store]
        figures = [p.figures for p in read]
        evidences = [p.evidence for p in read]
        placed = self.matcher.store(
            [d.article for d in kept], evidences, now, [d.alert for d in kept]
        )
        ids = [p.article_id if p else None for p in placed]
        self.observer.items_matched(
            sum(1 for d, i in zip(kept, ids, strict=True) if i is not None and d.article.relevant)
        )
        alerts += self._track_figures(feed, kept, ids, now, figures)  # ahead of the stories
        for decision, done in zip(kept, placed, strict=True):
            if done is not None:
                alerts += self._story_alert(feed, decision, done, now)
        matched = sum(1 for a in candidates if a.relevant)
        trace.record_traces(self.store.engine, feed.id, decisions, kept, ids, known, now)
        return matched, sum(1 for i in ids if i is not None), alerts

    def _story_alert(
        self, feed: FeedToCheck, decision: Decision, done: Placed, now: datetime
    ) -> int:
        """The story alert of a story's first article, or an edit of it (see story_decide)."""
        send = "story" if done.announces else ("edit" if decision.alert else None)
        if send == "edit":
            edits = self.stories.enqueue_edits(done.story_id, now, interval_s=self.edit_interval)
            log.info(
                "story.joined article=%d story=%d edits=%s feed=%s",
                done.article_id, done.story_id, edits, feed.url,
            )  # fmt: skip
            return 0
        if send is None:
            return 0
        article = decision.article
        self.store.enqueue_alert(
            AlertIntent(
                kind="story",
                priority=STORY_PRIORITY,
                article_id=done.article_id,
                title=article.title,
                outlet=feed.name,
                url=article.url,
                published_at=article.published_at,
                matched=article.matched,
                story_id=done.story_id,
            ),
            now,
        )
        self.observer.alert_enqueued("story")
        log.info("alert.enqueued article=%d story=%d feed=%s", done.article_id, done.story_id,
                 feed.url)  # fmt: skip
        return 1

    def _track_figures(
        self,
        feed: FeedToCheck,
        kept: Sequence[Decision],
        ids: Sequence[int | None],
        now: datetime,
        figures: Sequence[Figures | None] | None = None,
    ) -> int:
        """Record the figures of each new relevant article, oldest first, and enqueue an alert
        for each change or conflict (not for backlog articles); returns the alerts enqueued."""
        read = list(figures) if figures is not None else [None] * len(kept)
        new = [
            (decision, article_id, found)
            for decision, article_id, found in zip(kept, ids, read, strict=True)
            if article_id is not None and decision.article.relevant
        ]
        new.sort(key=lambda entry: entry[0].article.published_at or now)
        alerts = 0
        for decision, article_id, found in new:
            article = decision.article
            try:
                report = track_figures(
                    self.ledger,
                    article_id=article_id,
                    title=article.title,
                    summary=article.summary,
                    published=article.published_at,
                    outlet=feed.name,
                    url=article.url,
                    now=now,
                    figures=found,
                )
            except Exception:  # a bug in reading figures must not cost the story alert
                log.exception("figures.crashed article=%d feed=%s", article_id, feed.url)
                continue
            if not report.decisions:
                continue
            log.info(
                "figures.recorded article=%d figures=%d changes=%d",
                article_id, len(report.decisions), len(report.changes),
            )  # fmt: skip
            if not decision.alert:
                continue
            for change in report.changes:
                intent = change_alert(
                    change,
                    report,
                    article_id=article_id,
                    title=article.title,
                    outlet=feed.name,
                    url=article.url,
                    published=article.published_at or now,
                )
                self.store.enqueue_alert(intent, now)
                alerts += 1
                self.observer.alert_enqueued("figure")
                log.info(
                    "alert.enqueued kind=figure figure=%r change=%s article=%d",
                    change.key, change.kind, article_id,
                )  # fmt: skip
        return alerts

    def _outcome(
        self,
        feed: FeedToCheck,
        status: str,
        *,
        error: str | None = None,
        retry_after: float | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        items: int = 0,
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
        )
