"""Reload without restart: SIGHUP re-reads config.toml and the running service takes it up.

The file is read and validated exactly as at start-up (drawdown.config.load_config). A
config with a mistake is refused with one log line (``config.reload_refused path=… error=…``)
and the one in force stays. A valid one is applied:

- feeds: synchronised into the feed table (added, changed, disabled when gone), so the next
  tick claims the new ones and no longer sees the removed ones;
- ``[schedule]`` intervals, jitter, backoff, timeouts, body cap and backlog window,
  ``[delivery]`` attempts and batch, ``[health]`` thresholds, ``[retention]``: read by the
  running components at their next use;
- ``[topic]``: a new parse worker with the new terms; the old one finishes what it holds.

What is bound when the service starts (the database URL, Telegram, the tick, concurrency,
the delivery rate and lease, the listener's address) is logged as needing a restart and left as is.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel

from bot.delivery.outbox import Outbox
from bot.delivery.terminal import TerminalOutbox
from drawdown.config import Config, load_config
from drawdown.errors import ConfigError
from drawdown.ops import systemd
from drawdown.ops.health import Health, HealthServer
from drawdown.ops.metrics import Metrics
from storage.store import Store
from storage.types import FeedSpec
from watchers.feeds.tick import Tick
from watchers.pipeline import Pipeline
from watchers.topic.match import Topic
from watchers.worker import Preparer

log = logging.getLogger(__name__)

# Keys read once at start-up (None: the whole section).
RESTART_KEYS: dict[str, frozenset[str] | None] = {
    "storage": None,
    "telegram": None,
    "schedule": frozenset({"tick", "concurrency", "per_host"}),
    "delivery": frozenset({"rate", "outage_backoff", "lease"}),
    "health": frozenset({"enabled", "host", "port"}),
}


def needs_restart(old: Config, new: Config) -> list[str]:
    """The changed keys that only take effect after a restart, as ``section.key``."""
    changed = []
    for section, keys in RESTART_KEYS.items():
        before: BaseModel = getattr(old, section)
        after: BaseModel = getattr(new, section)
        for name in type(before).model_fields:
            if (keys is None or name in keys) and getattr(before, name) != getattr(after, name):
                changed.append(f"{section}.{name}")
    return changed


class Reloader:
    """Applies a re-read configuration to the running parts of one service."""

    def __init__(
        self,
        path: Path,
        config: Config,
        *,
        store: Store,
        tick: Tick,
        pipeline: Pipeline,
        outbox: Outbox | TerminalOutbox,
        health: Health,
        server: HealthServer | None,
        metrics: Metrics,
        clock: Callable[[], datetime],
        specs: Callable[[Config], Sequence[FeedSpec]],
        topic: Callable[[Config], Topic],
    ) -> None:
        self.path = path
        self.config = config
        self.store = store
        self.tick = tick
        self.pipeline = pipeline
        self.outbox = outbox
        self.health = health
        self.server = server
        self.metrics = metrics
        self.clock = clock
        self.specs = specs
        self.topic = topic
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task[object]] = set()

    def install(self) -> None:
        """Reload on SIGHUP (the unit's ExecReload sends it)."""
        asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.request)

    def uninstall(self) -> None:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)

    def request(self) -> None:
        task: asyncio.Task[object] = asyncio.create_task(self.reload(), name="config-reload")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def reload(self) -> bool:
        """Re-read the file and apply it; False (the old config kept) if it was refused."""
        async with self._lock:
            systemd.reloading()
            try:
                return await self._reload()
            finally:
                systemd.ready(f"watching {len(self.config.feeds)} feeds")

    async def _reload(self) -> bool:
        log.info("config.reloading path=%s", self.path)
        try:
            new = await asyncio.to_thread(load_config, self.path)
        except ConfigError as e:
            error = "; ".join(str(e).splitlines())
            log.error("config.reload_refused path=%s error=%s", self.path, error)
            return False
        old = self.config
        before = {f.url: f for f in old.feeds}
        after = {f.url: f for f in new.feeds}
        try:
            await asyncio.to_thread(self.store.sync_feeds, self.specs(new), self.clock())
        except Exception as e:
            log.exception("config.reload_failed path=%s error=%s", self.path, e)
            return False
        self._apply(old, new)
        for url in before.keys() - after.keys():
            self.metrics.forget_feed(url)
        added = len(after.keys() - before.keys())
        removed = len(before.keys() - after.keys())
        changed = sum(1 for url in before.keys() & after.keys() if before[url] != after[url])
        log.info(
            "config.reloaded path=%s feeds=%d added=%d removed=%d changed=%d",
            self.path, len(new.feeds), added, removed, changed,
        )  # fmt: skip
        if keys := needs_restart(old, new):
            log.warning("config.restart_needed keys=%s", ",".join(keys))
        return True

    def _apply(self, old: Config, new: Config) -> None:
        self.config = new
        self.tick.settings = new.schedule
        self.pipeline.settings = new.schedule
        if isinstance(self.outbox, Outbox):
            self.outbox.settings = new.delivery
        self.health.settings = new.health
        if self.server is not None:
            self.server.settings = new.health
        if new.topic != old.topic:
            retired = self.pipeline.prepare
            self.pipeline.prepare = Preparer(self.topic(new), time_limit=new.schedule.read_timeout)
            task: asyncio.Task[object] = asyncio.create_task(
                asyncio.to_thread(retired.retire), name="retire-preparer"
            )
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            log.info("config.topic_changed groups=%d", len(new.topic.terms))
