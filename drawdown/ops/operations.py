"""The operator's side of a running service: /healthz and /metrics, systemd's notifications
and watchdog, reload on SIGHUP, and pruning on a timer.

drawdown/service.py builds one :class:`Operations` with the parts it wired and calls it at three
moments: :meth:`~Operations.start` once storage is open (the listener answers from then on,
and reports "not started" until the scheduler runs), :meth:`~Operations.started` when the
scheduler ticks (READY=1), :meth:`~Operations.stopping` on SIGTERM (STOPPING=1).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path

from apscheduler.job import Job
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.delivery.outbox import Outbox
from bot.delivery.terminal import TerminalOutbox
from drawdown.config import Config
from drawdown.ops import systemd
from drawdown.ops.health import Health, HealthServer, TelegramStatus
from drawdown.ops.metrics import Metrics
from drawdown.ops.reload import Reloader
from storage.maintenance import DatabaseProbe, prune
from storage.store import Store
from storage.types import FeedSpec
from watchers.feeds.tick import Tick
from watchers.pipeline import Pipeline
from watchers.topic.match import Topic

log = logging.getLogger(__name__)

PRUNE_JOB_ID = "storage.prune"
FIRST_PRUNE_AFTER = 60.0  # seconds after start (or ``every``, if shorter): after the first poll


class Operations:
    """Health listener, systemd notifications and watchdog, SIGHUP reload, pruning."""

    def __init__(
        self,
        config: Config,
        *,
        store: Store,
        tick: Tick,
        pipeline: Pipeline,
        outbox: Outbox | TerminalOutbox,
        metrics: Metrics,
        telegram: TelegramStatus | None,
        clock: Callable[[], datetime],
        config_file: Path | None,
        specs: Callable[[Config], Sequence[FeedSpec]],
        topic: Callable[[Config], Topic],
    ) -> None:
        self.store = store
        self.clock = clock
        self.metrics = metrics
        self.health = Health(
            config.health,
            probe=DatabaseProbe(store.engine),
            last_tick=lambda: tick.last_tick_at,
            telegram=telegram,
            clock=clock,
            last_feed_ok=lambda: tick.last_success_at,
            worker_busy=lambda: (pipeline.prepare.busy_for(), pipeline.prepare.time_limit),
        )
        self.server = (
            HealthServer(config.health, self.health, metrics, store=store)
            if config.health.enabled
            else None
        )
        self.reloader = Reloader(
            config_file or Path("config.toml"),
            config,
            store=store,
            tick=tick,
            pipeline=pipeline,
            outbox=outbox,
            health=self.health,
            server=self.server,
            metrics=metrics,
            clock=clock,
            specs=specs,
            topic=topic,
        )
        self._reloads = config_file is not None
        self._tasks: list[asyncio.Task[None]] = []
        self._prune_job: Job | None = None

    @property
    def config(self) -> Config:
        """The configuration in force (the last one reloaded)."""
        return self.reloader.config

    async def start(self) -> None:
        """Open the listener, take SIGHUP, start the watchdog."""
        if self.server is not None:
            await self.server.start()
        if self._reloads:
            self.reloader.install()
        if (interval := systemd.watchdog_interval()) is not None:
            log.info("systemd.watchdog interval_s=%g", interval)
            self._tasks.append(asyncio.create_task(self._watchdog(interval), name="watchdog"))

    def started(self, scheduler: AsyncIOScheduler) -> None:
        """The scheduler runs: healthy from now on, prune on a timer, tell systemd."""
        self.health.started = True
        self._prune_job = scheduler.add_job(
            self.prune,
            trigger="interval",
            seconds=self.config.retention.every,
            id=PRUNE_JOB_ID,
            replace_existing=True,
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
            next_run_time=self.clock()
            + timedelta(seconds=min(FIRST_PRUNE_AFTER, self.config.retention.every)),
        )
        systemd.ready(f"watching {len(self.config.feeds)} feeds")

    def stopping(self) -> None:
        systemd.stopping()
        if self._prune_job is not None:
            with contextlib.suppress(JobLookupError):
                self._prune_job.remove()
            self._prune_job = None

    async def stop(self) -> None:
        if self._reloads:
            self.reloader.uninstall()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self.server is not None:
            await self.server.stop()

    async def prune(self) -> None:
        """Empty old article bodies and delete delivered outbox rows ([retention])."""
        retention = self.config.retention
        try:
            report = await asyncio.to_thread(
                prune,
                self.store.engine,
                self.clock(),
                article_bodies=timedelta(seconds=retention.article_bodies),
                sent_deliveries=timedelta(seconds=retention.sent_deliveries),
            )
        except Exception:
            log.exception("db.prune_failed")
            return
        if report.skipped:
            log.info("db.prune_skipped reason=another instance is pruning")
            return
        log.info("db.pruned bodies=%d deliveries=%d", report.bodies, report.deliveries)

    async def _watchdog(self, interval: float) -> None:
        """WATCHDOG=1 while the scheduler is alive and the service not degraded; withheld
        otherwise, so systemd restarts a service that stopped checking feeds."""
        while True:
            problem = self.health.problem() if self.health.started else None
            if problem is None:
                systemd.watchdog()
            else:
                log.warning("systemd.watchdog_withheld reason=%s", problem)
            await asyncio.sleep(interval)
