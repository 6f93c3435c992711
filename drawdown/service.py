"""The service: wires storage, the watchers and the Telegram side, and runs until told to stop.

With ``TELEGRAM_BOT_TOKEN`` it runs the bot (commands by long polling, or by webhook with
``[telegram] webhook_url``; alerts through the outbox); without it, it says so once and prints
alerts to the terminal. SIGTERM or SIGINT stops it cleanly: no new check or send starts, the
ones in flight finish, exit code 0.

Several instances may share one PostgreSQL database: feeds and deliveries are claimed, one
instance at a time polls Telegram (drawdown/ops/poller.py) and the live ones share the
sending rate (drawdown/ops/peers.py). On SQLite one instance runs per database file.

Only Telegram refusing the token stops the start (and a getMe answer that is not a bot, which
means ``api_base_url`` is not a Bot API). getMe is retried until Telegram answers; the calls
that only polish — the command menus, the webhook removal before polling — are retried in the
background and never stop the service.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
from collections.abc import Awaitable, Callable, Collection
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Application

from bot.commands.admin import AdminCommands, set_admin_commands
from bot.commands.answered import told
from bot.commands.rights import Rights
from bot.commands.settings import SettingsCommands
from bot.commands.subscriber import Commands, set_commands
from bot.commands.why import ReadingCommands
from bot.delivery.outbox import Outbox
from bot.delivery.terminal import TerminalOutbox
from bot.i18n.catalog import DEFAULT
from bot.i18n.language import Languages
from bot.render.feeds import gone_notice
from drawdown.bots import build_application, build_outbox_bot, polling_switch, webhook_switch
from drawdown.config import Config
from drawdown.errors import DrawdownError
from drawdown.ops.health import TelegramStatus
from drawdown.ops.metrics import Metrics
from drawdown.ops.operations import Operations
from drawdown.ops.peers import Peers
from drawdown.ops.poller import Poller
from storage.db import create_engine, hold_sqlite, redacted, require_existing, upgrade
from storage.instances import POLLER_LOCK, Instances, SessionLock
from storage.preferences import Preferences
from storage.store import Store
from storage.types import FeedSpec
from watchers.feeds.fetch import make_session
from watchers.feeds.guard import make_guarded_session
from watchers.feeds.probe import probe
from watchers.feeds.tick import Tick, worker_id
from watchers.ingest import CommitPoint, Ingest
from watchers.pipeline import FeedReport, Pipeline
from watchers.topic.match import Matcher, Topic
from watchers.worker import Preparer

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
DRAIN_SECONDS = 10.0
POLISH_RETRY_FIRST = 1.0  # seconds before the command menus are tried again; doubles
POLISH_RETRY_LONGEST = 300.0
REFUSED_TOKEN = "Telegram refused the bot token (TELEGRAM_BOT_TOKEN): check it with @BotFather"


def crash_at() -> Callable[[CommitPoint], None]:
    """A fault for tests: ``DRAWDOWN_CRASH_AT=read|applied|committed`` kills the process
    (SIGKILL, no clean-up) when a batch with alerts reaches that commit point; unset, nothing."""
    wanted = os.environ.get("DRAWDOWN_CRASH_AT")
    if not wanted:
        return lambda point: None

    def crash(point: CommitPoint) -> None:
        if point == wanted:
            log.warning("fault.crash point=%s", point)
            os.kill(os.getpid(), signal.SIGKILL)

    return crash


def utcnow() -> datetime:
    return datetime.now(UTC)


def topic_of(config: Config) -> Topic:
    topic = config.topic
    return Topic(groups=dict(topic.terms), required=topic.required, exclude=topic.exclude)


def matcher_for(config: Config) -> Matcher:
    return Matcher(topic_of(config))


def feed_specs(config: Config) -> list[FeedSpec]:
    return [
        FeedSpec(url=f.url, name=f.name, lang=f.lang, interval_s=config.interval_of(f))
        for f in config.feeds
    ]


def open_store(config: Config, clock: Clock = utcnow) -> Store:
    """Create the database if needed, apply migrations, and load the configured feeds."""
    engine = create_engine(config.storage.url)
    require_existing(engine)  # a database deleted while running is not silently started anew
    upgrade(engine)
    store = Store(engine)
    store.sync_feeds(feed_specs(config), clock())
    return store


class Service:
    """One running instance of Drawdown Watch."""

    def __init__(
        self,
        config: Config,
        *,
        token: str | None,
        clock: Clock = utcnow,
        config_file: Path | None = None,
    ) -> None:
        self.config = config
        self.token = token
        self.clock = clock
        self.config_file = config_file  # re-read on SIGHUP when given
        self.metrics = Metrics()
        self.ops: Operations | None = None
        self.pipeline: Pipeline | None = None  # set when it runs; /feeds add reads through it

    async def run(self, stop: asyncio.Event) -> None:
        """Run until ``stop`` is set; raise DrawdownError for what prevents starting."""
        config = self.config
        held = hold_sqlite(create_engine(config.storage.url))  # SQLite: one instance per file
        try:
            await self._run(stop)
        finally:
            if held is not None:
                held.close()

    async def _run(self, stop: asyncio.Event) -> None:
        config = self.config
        store = await asyncio.to_thread(open_store, config, self.clock)
        log.info(
            "service.starting db=%s feeds=%d telegram=%s",
            redacted(config.storage.url), len(config.feeds), "on" if self.token else "off",
        )  # fmt: skip
        client = make_session(
            max_connections=config.schedule.concurrency, per_host=config.schedule.per_host
        )
        telegram = TelegramStatus(clock=self.clock, secrets=[self.token]) if self.token else None
        app = build_application(config, self.token, telegram) if self.token else None
        outbox: Outbox | TerminalOutbox
        if self.token is None:
            log.warning(
                "telegram.disabled reason=TELEGRAM_BOT_TOKEN is not set: alerts are printed to "
                "this terminal"
            )
            outbox = TerminalOutbox(store, clock=self.clock)
        else:
            bot = build_outbox_bot(config, self.token, telegram)
            outbox = Outbox(
                store, bot, config.delivery, clock=self.clock, metrics=self.metrics,
                worker=worker_id(), admins=config.telegram.admins,
            )  # fmt: skip
        preparer = Preparer(topic_of(config), time_limit=config.schedule.read_timeout)
        ingest = Ingest(store, edit_interval=config.delivery.edit_interval, crash=crash_at())
        pipeline = Pipeline(
            store, preparer, config.schedule, client=client, clock=self.clock,
            on_alert=outbox.wake, observer=self.metrics, ingest=ingest,
            on_gone=self._tell_admins_gone(store, outbox.wake),
        )  # fmt: skip
        tick = Tick(store, pipeline, config.schedule, clock=self.clock)
        self.pipeline = pipeline
        ops = Operations(
            config, store=store, tick=tick, pipeline=pipeline, outbox=outbox,
            metrics=self.metrics, telegram=telegram, clock=self.clock,
            config_file=self.config_file, specs=feed_specs, topic=topic_of,
        )  # fmt: skip
        try:
            await ops.start()
            self.ops = ops
            if app is None or not isinstance(outbox, Outbox):
                scheduler = AsyncIOScheduler(timezone=UTC)
                scheduler.start()
                await self._serve(tick, outbox, scheduler, stop)
                scheduler.shutdown(wait=False)
            else:
                await self._run_bot(app, store, tick, outbox, stop)
        finally:
            await ops.stop()
            await client.close()
            pipeline.prepare.close()  # the one in use: a reload may have replaced the first
            store.engine.dispose()
        log.info("service.stopped")

    async def _run_bot(
        self,
        app: Application,  # type: ignore[type-arg]
        store: Store,
        tick: Tick,
        outbox: Outbox,
        stop: asyncio.Event,
    ) -> None:
        rights = Rights()  # who administers which group, asked once a minute at most
        Commands(store, clock=self.clock, rights=rights).install(app)
        AdminCommands(
            store, self.config.telegram.admins, clock=self.clock, check_feed=self._check_feed,
            interval_s=round(self.config.schedule.default_interval),
            edit_interval=self.config.delivery.edit_interval, on_alert=outbox.wake,
        ).install(app)  # fmt: skip
        settings = SettingsCommands(store, clock=self.clock, rights=rights)
        settings.install(app)
        ReadingCommands(store, clock=self.clock).install(app)
        settings.install_last(app)
        app.add_error_handler(told(Languages(Preferences(store.engine))))
        if not await _initialize(app.initialize, stop):
            return
        background: list[asyncio.Task[object]] = []
        try:
            if not await _initialize(outbox.bot.initialize, stop):
                return
            admins = self.config.telegram.admins
            background.append(asyncio.create_task(_polish(app, admins, stop), name="menus"))
            await app.start()
            assert app.job_queue is not None
            stopping = asyncio.Event()
            background.append(asyncio.create_task(self._updates(app, store, stopping)))
            log.info("telegram.started bot=@%s", app.bot.username)
            await self._serve(tick, outbox, app.job_queue.scheduler, stop, stopping)
            stopping.set()
            for task in background[1:]:
                await task  # the poller stops polling, then lets its lock go
            background[0].cancel()
            await asyncio.gather(*background, return_exceptions=True)
            await app.stop()
        finally:
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)  # the poller lets go
            # a crash skipped the orderly stop: stop here, or shutting down raises "still
            # running" over the crash's own error (the poller's cancelled task left the
            # Updater polling)
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            await outbox.bot.shutdown()
            await app.shutdown()

    async def _updates(
        self,
        app: Application,  # type: ignore[type-arg]
        store: Store,
        stopping: asyncio.Event,
    ) -> None:
        """Take updates until ``stopping``: by webhook on every instance, or by long polling
        on the one instance holding the poller lock."""
        settings = self.config.telegram
        if not settings.webhook_url:
            lock = SessionLock(store.engine, POLLER_LOCK)
            poller = Poller(lock, *polling_switch(app), on_change=self.metrics.polling.set)
            await poller.run(stopping)
            return
        assert self.token is not None
        start, stop = webhook_switch(app, settings, self.token)
        self.metrics.polling.set(1)  # every instance takes updates
        log.info("telegram.webhook listen=%s:%d", settings.webhook_listen, settings.webhook_port)
        await start()
        try:
            await stopping.wait()
        finally:
            await stop()

    def _tell_admins_gone(
        self, store: Store, wake: Callable[[], None]
    ) -> Callable[[str, str], Awaitable[None]]:
        """What to do when a feed answers 410 Gone: tell the administrators (polling stopped)."""

        async def gone(name: str, url: str) -> None:
            text = gone_notice(name, url, DEFAULT)
            admins = self.config.telegram.admins
            try:
                told = await asyncio.to_thread(store.notify, admins, text, self.clock())
            except Exception:  # the feed is paused all the same, and /feeds shows it
                log.exception("feed.gone_untold feed=%s", url)
                return
            if told is not None:
                wake()

        return gone

    async def _check_feed(self, name: str, url: str) -> FeedReport:
        """Fetch a feed once without storing anything (/feeds add validates a feed so): only
        from public addresses (unless ``allow_private_feeds``), read in the worker process,
        and never echoing what the page said."""
        schedule = self.config.schedule
        client = make_guarded_session(allow_private=schedule.allow_private_feeds)
        survey = self.pipeline.prepare.survey if self.pipeline is not None else None
        try:
            return await probe(
                client, name, url, schedule, matcher_for(self.config), survey=survey, echo=False
            )
        finally:
            await client.close()

    async def _serve(
        self,
        tick: Tick,
        outbox: Outbox | TerminalOutbox,
        scheduler: AsyncIOScheduler,
        stop: asyncio.Event,
        stopping: asyncio.Event | None = None,
    ) -> None:
        await tick.release_stale_claims()

        def count(live: int) -> None:
            self.metrics.instances.set(live)
            if isinstance(outbox, Outbox):
                outbox.share_with(live)

        peers = Peers(
            Instances(tick.store.engine), tick.worker, clock=self.clock, on_count=count,
            alone=not tick.store.shared,
        )  # fmt: skip
        await peers.join(stop)
        beating = asyncio.create_task(peers.run(), name="heartbeat")
        job = tick.install(scheduler)
        sender = asyncio.create_task(outbox.run(), name="outbox")
        log.info("service.started tick_s=%g", self.config.schedule.tick)
        if self.ops is not None:
            self.ops.started(scheduler)
        stopped = asyncio.create_task(stop.wait())
        await asyncio.wait({sender, stopped}, return_when=asyncio.FIRST_COMPLETED)
        log.info("service.stopping")
        if stopping is not None:
            stopping.set()  # another instance may take the polling over while this one drains
        if self.ops is not None:
            self.ops.stopping()
        job.remove()
        outbox.stop()
        # A feed in the reading worker is dropped, not waited for: its claim is freed when the
        # service starts again (the same host), and it is checked then.
        tick.pipeline.prepare.close()
        await tick.drain(DRAIN_SECONDS)
        stopped.cancel()
        try:
            await sender  # finishes the sends in flight; re-raises if the sender crashed
        finally:
            beating.cancel()
            await asyncio.gather(beating, return_exceptions=True)
            await peers.leave()


async def _initialize(initialize: Callable[[], Awaitable[None]], stop: asyncio.Event) -> bool:
    """getMe until Telegram answers (the network may be down at boot); False if stopped first.
    A refused token, or an answer that is not a bot user, is a DrawdownError (one line)."""
    delay = 1.0
    while not stop.is_set():
        try:
            await initialize()
            return True
        except InvalidToken:
            raise DrawdownError(REFUSED_TOKEN) from None
        except (NetworkError, TelegramError) as e:
            log.warning("telegram.unreachable retry_in_s=%.0f error=%s", delay, e)
        except (TypeError, KeyError, ValueError, AttributeError) as e:  # PTB reading getMe's answer
            raise DrawdownError(not_a_bot(e)) from None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, 60.0)
    return False


def not_a_bot(error: Exception) -> str:
    """The line for a getMe answer python-telegram-bot cannot read as a bot user."""
    detail = " ".join(str(error).split())[:200]
    return (
        f"Telegram's answer to getMe is not a bot user ({type(error).__name__}: {detail}): "
        "check that [telegram] api_base_url is a Bot API server"
    )


async def _polish(
    app: Application,  # type: ignore[type-arg]  # PTB's generics
    admins: Collection[int],
    stop: asyncio.Event,
) -> None:
    """Set the command menus, trying again with backoff until Telegram takes them. A menu is
    a nicety: its failure is logged and never stops the service."""
    delay = POLISH_RETRY_FIRST
    while not stop.is_set():
        try:
            await set_commands(app)
            await set_admin_commands(app, admins)
        except Exception as e:  # any failure of a nicety is retried, never fatal
            log.warning("telegram.menu_failed retry_in_s=%.0f error=%s", delay, e)
        else:
            log.info("telegram.menu_set")
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, POLISH_RETRY_LONGEST)


def install_signal_handlers(stop: asyncio.Event) -> None:
    """SIGTERM and SIGINT set ``stop``; a second one is ignored (the stop is under way)."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
