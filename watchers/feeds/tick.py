"""The tick: ask storage which feeds are due, claim them, and check them concurrently.

Scheduling lives in the database (each feed's next check time and claim), not in one
APScheduler job per feed, so several processes can share one database: a short repeating
APScheduler job claims due feeds atomically and starts their checks without waiting for
them, so one slow feed never delays the others. Concurrency is capped overall and per host.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import timedelta
from urllib.parse import urlsplit

from apscheduler.job import Job
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from drawdown.config import ScheduleConfig
from storage.db import database_locked, later_if_locked
from storage.store import Store
from storage.types import CheckOutcome, FeedToCheck
from watchers.pipeline import Clock, FeedReport, Pipeline

log = logging.getLogger(__name__)

TICK_JOB_ID = "watchers.tick"
FLUSH_BATCH = 200  # outcomes written together; the rest wait for the next tick


_LIFE = secrets.token_hex(4)  # tells this process from an earlier one with the same pid


def worker_id() -> str:
    """Who holds a claim: host, process and this life of it ("host:pid:life"), so a claim can
    be traced to its holder, and a restart knows the claims its earlier life left."""
    return f"{socket.gethostname()}:{os.getpid()}:{_LIFE}"


def stale_claimants(claimants: Iterable[str], me: str, alive: Callable[[int], bool]) -> list[str]:
    """The claimants on this host that are not running any more: another life of this pid, or
    a pid that has exited. Claimants on other hosts are left to their leases. Pure."""
    host, my_pid, _ = me.rsplit(":", 2)
    stale = []
    for claimant in claimants:
        parts = claimant.rsplit(":", 2)
        if claimant == me or len(parts) != 3 or parts[0] != host or not parts[1].isdigit():
            continue
        if parts[1] == my_pid or not alive(int(parts[1])):
            stale.append(claimant)
    return stale


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Tick:
    """Claims due feeds and runs the pipeline on them, within the concurrency limits."""

    def __init__(
        self, store: Store, pipeline: Pipeline, settings: ScheduleConfig, *, clock: Clock
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.settings = settings
        self.clock = clock
        self.worker = worker_id()
        self._all = asyncio.Semaphore(settings.concurrency)
        self._hosts: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.per_host)
        )
        self._running: set[asyncio.Task[FeedReport]] = set()
        self._finished: list[CheckOutcome] = []
        self.last_tick_at = clock()
        self.last_success_at = clock()  # the last check of any feed that did not fail

    async def release_stale_claims(self) -> int:
        """Free the claims that earlier lives of this service on this host left behind (a
        crash, a kill): their feeds are checked at once, not when the lease runs out."""
        claimants = await asyncio.to_thread(self.store.claimants, self.clock())
        stale = stale_claimants(claimants, self.worker, process_alive)
        if not stale:
            return 0
        freed = await asyncio.to_thread(self.store.release_claims, stale)
        log.info("feed.claims_released feeds=%d holders=%s", freed, ",".join(stale))
        return freed

    async def tick(self) -> int:
        """Claim what is due (up to the free capacity) and start checking it; returns how many."""
        self.last_tick_at = self.clock()
        await self.flush()
        free = self.settings.concurrency * 4 - len(self._running)
        if free <= 0:
            return 0
        feeds: list[FeedToCheck] = []
        with later_if_locked(log, "feed.claim_delayed"):  # the feeds stay due
            feeds = await self._claim(free)
        for feed in feeds:
            task = asyncio.create_task(self._check(feed), name=f"check {feed.url}")
            self._running.add(task)
            task.add_done_callback(self._running.discard)
        return len(feeds)

    async def run_cycle(self, limit: int = 100_000) -> list[FeedReport]:
        """Claim every due feed and wait until all are checked (check-feeds, demo, benchmarks)."""
        feeds = await self._claim(limit)
        reports = list(await asyncio.gather(*(self._check(feed) for feed in feeds)))
        await self.flush()
        return reports

    async def drain(self, seconds: float) -> None:
        """Let checks in progress finish (up to ``seconds``); the rest keep their lease."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=seconds)
        await self.flush()

    async def flush(self) -> None:
        """Write the outcomes of finished checks to their feeds' rows, in one transaction.

        Until then a finished feed keeps its claim, so nobody checks it again early; if the
        write fails the outcomes are kept for the next try, and if the process dies the
        claims simply expire.
        """
        if not self._finished:
            return
        batch, self._finished = self._finished, []
        try:
            await asyncio.to_thread(self.store.finish_checks, batch)
        except Exception as e:
            if database_locked(e):
                log.warning("feed.record_delayed feeds=%d reason=database is locked", len(batch))
            else:
                log.exception("feed.record_failed feeds=%d", len(batch))
            self._finished[:0] = batch

    def install(self, scheduler: AsyncIOScheduler) -> Job:
        """Add the repeating tick to an APScheduler 3 scheduler (PTB's JobQueue's, or our own)."""
        tick = self.settings.tick
        return scheduler.add_job(
            self.tick,
            trigger="interval",
            seconds=tick,
            id=TICK_JOB_ID,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=max(30, int(tick * 10)),
            next_run_time=self.clock(),
        )

    async def _claim(self, limit: int) -> list[FeedToCheck]:
        return await asyncio.to_thread(
            self.store.claim_due_feeds,
            self.clock(),
            worker=self.worker,
            lease=timedelta(seconds=self.settings.lease),
            limit=limit,
        )

    async def _check(self, feed: FeedToCheck) -> FeedReport:
        host = urlsplit(feed.url).hostname or ""
        async with self._hosts[host], self._all:
            report, outcome = await self.pipeline.check(feed)
        if report.status != "error":
            self.last_success_at = self.clock()
        self._finished.append(outcome)
        if len(self._finished) >= FLUSH_BATCH:
            await self.flush()
        return report
