"""/healthz and /metrics on a small HTTP listener (aiohttp.web), loopback by default.

``GET /healthz`` answers 200 while all of these hold, and 503 otherwise, one line per check
in the body so the reason is readable with curl:

- the scheduler ticked within ``[health] stale_tick`` (a hung tick, a locked database);
- the database answers and can be written (storage.maintenance.DatabaseProbe: for SQLite,
  the file itself);
- Telegram calls have not been failing for longer than ``[health] telegram_down``
  (:class:`TelegramStatus`, fed by every Bot API request through :class:`TrackedRequest`);
- a feed was checked successfully within ``[health] feeds_silent`` and the reading worker is
  not stuck in a job — otherwise the service runs but sends nothing new: "degraded".

``GET /metrics`` is drawdown/ops/metrics.py in the Prometheus text format.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST
from telegram.error import TelegramError
from telegram.request import BaseRequest, RequestData

from drawdown.config import HealthConfig
from drawdown.errors import DrawdownError
from drawdown.ops.logs import redact
from drawdown.ops.metrics import Metrics
from storage.maintenance import DatabaseProbe
from storage.store import Store

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class TelegramStatus:
    """Since when Telegram calls have been failing (None while the last one succeeded)."""

    def __init__(self, *, clock: Clock, secrets: Iterable[str] = ()) -> None:
        self.clock = clock
        self.secrets = tuple(s for s in secrets if s)
        self.failing_since: datetime | None = None
        self.last_error: str | None = None

    def ok(self) -> None:
        self.failing_since = None
        self.last_error = None

    def failed(self, error: str) -> None:
        error = redact(error, self.secrets)
        if self.failing_since is None:
            self.failing_since = self.clock()
        self.last_error = error

    def failing_for(self) -> float:
        """Seconds since the calls started failing; 0 while they succeed."""
        if self.failing_since is None:
            return 0.0
        return max(0.0, (self.clock() - self.failing_since).total_seconds())


class TrackedRequest(BaseRequest):
    """Wraps a python-telegram-bot transport and tells a TelegramStatus how each call went.

    Any answer below 500 (429 and 403 included) means Telegram is reachable; a network
    error, a timeout or a 5xx means it is not. Used around both transports: PTB's own for
    the Application, and the outbox's (bot/delivery/transport.py).
    """

    def __init__(self, status: TelegramStatus | None, inner: BaseRequest) -> None:
        self.status = status
        self.inner = inner

    @property
    def read_timeout(self) -> float | None:
        return self.inner.read_timeout

    async def initialize(self) -> None:
        await self.inner.initialize()

    async def shutdown(self) -> None:
        await self.inner.shutdown()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        try:
            code, payload = await self.inner.do_request(
                url,
                method,
                request_data=request_data,
                read_timeout=read_timeout,
                write_timeout=write_timeout,
                connect_timeout=connect_timeout,
                pool_timeout=pool_timeout,
            )
        except TelegramError as e:
            if self.status is not None:
                self.status.failed(f"{type(e).__name__}: {e.message}")
            raise
        if self.status is not None:
            if code >= 500:
                self.status.failed(f"HTTP {code}")
            else:
                self.status.ok()
        return code, payload


class Health:
    """The three checks of /healthz, against the running service's parts."""

    def __init__(
        self,
        settings: HealthConfig,
        *,
        probe: DatabaseProbe,
        last_tick: Callable[[], datetime],
        telegram: TelegramStatus | None,
        clock: Clock,
        last_feed_ok: Callable[[], datetime] | None = None,
        worker_busy: Callable[[], tuple[float, float]] | None = None,
    ) -> None:
        self.settings = settings
        self.probe = probe
        self.last_tick = last_tick
        self.last_feed_ok = last_feed_ok
        self.worker_busy = worker_busy  # (seconds the running job has taken, its budget)
        self.telegram = telegram
        self.clock = clock
        self.started = False  # set once the scheduler runs
        self._db_check: asyncio.Future[str] | None = None

    def tick_problem(self) -> str | None:
        """Why the scheduler is not healthy, or None (also used by the systemd watchdog)."""
        if not self.started:
            return "not started yet (waiting for Telegram or the database)"
        age = (self.clock() - self.last_tick()).total_seconds()
        if age > self.settings.stale_tick:
            return f"no tick for {age:.1f} s (stale_tick is {self.settings.stale_tick:g} s)"
        return None

    def degraded(self) -> list[str]:
        """Why the service runs but brings nothing new: no feed checked successfully for too
        long, or a reading worker stuck past its budget (also used by the systemd watchdog)."""
        problems = []
        if self.last_feed_ok is not None and self.started:
            silent = (self.clock() - self.last_feed_ok()).total_seconds()
            if silent > self.settings.feeds_silent:
                problems.append(
                    f"feeds FAIL: degraded: no feed checked successfully for {silent:.0f} s "
                    f"(feeds_silent is {self.settings.feeds_silent:g} s)"
                )
        if self.worker_busy is not None:
            busy, budget = self.worker_busy()
            if busy > 2 * budget:
                problems.append(
                    f"worker FAIL: degraded: the reading worker has been in one job for "
                    f"{busy:.0f} s (its budget is {budget:g} s)"
                )
        return problems

    def problem(self) -> str | None:
        """The scheduler's problem, else the first reason the service is degraded, else None."""
        return self.tick_problem() or next(iter(self.degraded()), None)

    async def check(self) -> tuple[bool, list[str]]:
        """(healthy, one line per check)."""
        lines: list[str] = []
        healthy = True

        problem = self.tick_problem()
        if problem is None:
            age = (self.clock() - self.last_tick()).total_seconds()
            lines.append(f"scheduler ok: ticked {age:.1f} s ago")
        else:
            healthy = False
            lines.append(f"scheduler FAIL: {problem}")

        try:
            revision = await self._database()
        except DrawdownError as e:
            healthy = False
            lines.append(f"database FAIL: {e}")
        else:
            lines.append(f"database ok: answers (migration {revision})")

        if self.telegram is None:
            lines.append("telegram ok: not used (no TELEGRAM_BOT_TOKEN)")
        else:
            failing = self.telegram.failing_for()
            if failing > self.settings.telegram_down:
                healthy = False
                lines.append(
                    f"telegram FAIL: calls failing for {failing:.0f} s "
                    f"(telegram_down is {self.settings.telegram_down:g} s): "
                    f"{self.telegram.last_error}"
                )
            elif failing > 0:
                lines.append(f"telegram ok: calls failing for {failing:.0f} s, within the limit")
            else:
                lines.append("telegram ok: the last call succeeded")

        degraded = self.degraded()
        lines += degraded
        healthy = healthy and not degraded
        if self.last_feed_ok is not None and not any(d.startswith("feeds") for d in degraded):
            silent = (self.clock() - self.last_feed_ok()).total_seconds()
            lines.append(f"feeds ok: a feed was checked successfully {silent:.0f} s ago")
        return healthy, lines

    async def _database(self) -> str:
        """The probe in a worker thread, at most one at a time, within ``db_timeout``."""
        timeout = self.settings.db_timeout
        running = self._db_check
        if running is not None and not running.done():
            raise DrawdownError(f"the database has not answered the previous check ({timeout:g} s)")
        task = asyncio.ensure_future(asyncio.to_thread(self.probe.check, timeout))
        task.add_done_callback(_retrieve)  # a late failure is not "never retrieved"
        self._db_check = task
        try:
            return await asyncio.wait_for(asyncio.shield(task), timeout)
        except TimeoutError:
            raise DrawdownError(f"the database did not answer within {timeout:g} s") from None


def _retrieve(task: asyncio.Future[str]) -> None:
    if not task.cancelled():
        task.exception()


class HealthServer:
    """The listener: /healthz, /metrics, and / (a line saying what is here)."""

    def __init__(
        self,
        settings: HealthConfig,
        health: Health,
        metrics: Metrics,
        *,
        store: Store,
    ) -> None:
        self.settings = settings
        self.health = health
        self.metrics = metrics
        self.store = store
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> str:
        """Listen; returns the base URL (the real port when ``port = 0``)."""
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        app.router.add_get("/", self._index)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.host, self.settings.port)
        try:
            await site.start()
        except OSError as e:
            await runner.cleanup()
            raise DrawdownError(
                f"cannot listen on {self.settings.host}:{self.settings.port} for /healthz: "
                f"{e.strerror or e}; set [health] port (or enabled = false)"
            ) from None
        self._runner = runner
        host, port = runner.addresses[0][:2]
        host = f"[{host}]" if ":" in host else host
        self.url = f"http://{host}:{port}"
        log.info("health.listening url=%s metrics=%s", f"{self.url}/healthz", f"{self.url}/metrics")
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _healthz(self, _request: web.Request) -> web.Response:
        healthy, lines = await self.health.check()
        failing = [line for line in lines if " FAIL: " in line]
        state = "ok" if healthy else "unhealthy"
        if failing and all(" FAIL: degraded: " in line for line in failing):
            state = "degraded"
        body = state + "\n" + "\n".join(lines) + "\n"
        if not healthy:
            log.warning("health.failing reasons=%s state=%s", "; ".join(failing), state)
        return web.Response(text=body, status=200 if healthy else 503)

    async def _metrics(self, _request: web.Request) -> web.Response:
        await self.refresh()
        body = self.metrics.render()
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def _index(self, _request: web.Request) -> web.Response:
        return web.Response(text="Drawdown Watch: /healthz, /metrics\n")

    async def refresh(self) -> None:
        """Set the gauges that are read rather than counted."""
        metrics = self.metrics
        metrics.last_tick.set(self.health.last_tick().timestamp())
        if self.health.telegram is not None:
            metrics.telegram_failing.set(self.health.telegram.failing_for())
        try:
            pending = await asyncio.wait_for(
                asyncio.to_thread(self.store.queue_depth), self.settings.db_timeout
            )
        except Exception as e:  # the scrape still shows the counters
            log.debug("metrics.outbox_depth_unknown error=%r", e)
        else:
            metrics.set_outbox_depth(pending)
