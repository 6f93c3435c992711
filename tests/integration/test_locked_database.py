"""A SQLite file whose write lock another connection holds (``BEGIN IMMEDIATE``) past a short
busy timeout: the tick, the pipeline and the outbox say so and try again later, nothing raises
out of them, nothing is lost — and on SQLite an idle tick or sender writes nothing at all."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from telegram import Bot

from bot.delivery.claims import Claims
from bot.delivery.outbox import Outbox
from drawdown.cli import main
from drawdown.config import DeliveryConfig, ScheduleConfig
from drawdown.ops.peers import Peers
from storage import db
from storage.db import create_engine, upgrade
from storage.instances import Instances
from storage.store import Store
from storage.types import AlertIntent, FeedSpec, NewArticle
from tests.integration.pipeline import config_for, running_tick
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss
from tests.waiting import until_async
from watchers.feeds.tick import Tick
from watchers.pipeline import INGEST_CHUNK, SQLITE_FIRST_CHUNK, SQLITE_SMALLEST_CHUNK, sqlite_chunk

NOW = datetime.now(UTC)
TOPIC = '[topic]\nrequired = ["iraq"]\n[topic.terms]\niraq = ["Iraq"]\n'
ITEM = FeedItem(
    guid="vnx-4790001",
    link="https://vnexpress.net/my-iraq-rut-quan-4790001.html",
    title="Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân",
    description="Hàng trăm binh sĩ Mỹ sẽ rời Iraq vào tháng 9-2025.",
    published=NOW - timedelta(minutes=5),
)


@contextmanager
def write_locked(database: Path) -> Iterator[None]:
    """Another connection holds the database's write lock while the block runs."""
    other = sqlite3.connect(database, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
        other.execute("ROLLBACK")
    finally:
        other.close()


def short_busy_timeout(store: Store) -> None:
    """Give up on a held lock after 50 ms instead of the service's 10 s (new connections)."""

    def pragma(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=50")

    sa.event.listen(store.engine, "connect", pragma)
    store.engine.dispose()


@pytest.fixture
async def ticking(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[tuple[Store, Tick]]:
    feed_server.set_feed("/vnx.rss", rss([ITEM]))
    config = config_for(tmp_path / "d.db", ScheduleConfig(fetch_timeout=5.0))
    async with running_tick(config, lambda: datetime.now(UTC)) as (store, tick):
        store.sync_feeds([FeedSpec(feed_server.url("/vnx.rss"), "VnExpress", "vi", 60)], NOW)
        short_busy_timeout(store)
        yield store, tick


LEASE = timedelta(minutes=2)


@pytest.fixture
def store_file(tmp_path: Path) -> Iterator[Store]:
    engine = create_engine(f"sqlite:///{tmp_path / 's.db'}")
    upgrade(engine)
    store = Store(engine)
    short_busy_timeout(store)
    yield store
    engine.dispose()


def status(store: Store) -> str | None:
    (feed,) = store.feed_statuses()
    return feed.last_status


async def test_a_tick_that_meets_a_locked_database_warns_and_the_next_tick_claims_the_feed(
    ticking: tuple[Store, Tick], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, tick = ticking
    with write_locked(tmp_path / "d.db"):
        assert await tick.tick() == 0  # no exception out of the scheduler's job
    assert "feed.claim_delayed reason=database is locked" in caplog.text
    assert await tick.tick() == 1  # still due: claimed now
    await tick.drain(30)
    assert status(store) == "ok"
    assert store.count_articles() == (1, 1)


async def test_a_batch_that_cannot_commit_is_read_again_at_the_next_check(
    ticking: tuple[Store, Tick], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, tick = ticking
    (feed,) = store.claim_due_feeds(NOW, worker=tick.worker, lease=timedelta(minutes=2), limit=1)
    with write_locked(tmp_path / "d.db"):
        report, outcome = await tick.pipeline.check(feed)
    assert report.status == "error"
    assert "database is locked" in (report.error or "")
    assert "feed.crashed" not in caplog.text  # a warning (feed.failed), not a traceback
    store.finish_checks([outcome])
    assert store.count_articles() == (0, 0)
    with store.engine.begin() as conn:  # the next check is due (instead of after its backoff)
        conn.execute(sa.text("UPDATE feed SET next_check_at = '2000-01-01 00:00:00'"))
    (again,) = await tick.run_cycle()
    assert again.status == "ok"
    assert again.new == 1
    assert store.count_articles() == (1, 1)


async def test_outcomes_that_meet_a_locked_database_are_written_at_the_next_tick(
    ticking: tuple[Store, Tick], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store, tick = ticking
    assert await tick.tick() == 1
    await asyncio.wait(set(tick._running))  # checked; its outcome waits for the next tick
    with write_locked(tmp_path / "d.db"):
        await tick.flush()
    assert "feed.record_delayed feeds=1 reason=database is locked" in caplog.text
    assert status(store) is None
    await tick.tick()
    assert status(store) == "ok"


def test_on_sqlite_nothing_due_means_no_write(store_file: Store, tmp_path: Path) -> None:
    """Claims that find nothing due never ask for the write lock: they pass a held one."""
    store_file.subscribe(7, chat_type="private", name="", language="vi", now=NOW)
    store_file.sync_feeds([FeedSpec("https://example.test/rss", "Example", "vi", 60)], NOW)
    with write_locked(tmp_path / "s.db"):
        earlier = NOW - timedelta(hours=1)  # the feed is not due yet, nor is any delivery
        assert store_file.claim_due_feeds(earlier, worker="a", lease=LEASE, limit=5) == []
        assert store_file.claim_due_deliveries(NOW, 10, worker="a") == []


async def test_a_sender_whose_refill_meets_a_locked_database_sends_once_it_is_free(
    store_file: Store, tmp_path: Path, bot_api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    store_file.subscribe(7, chat_type="private", name="", language="vi", now=NOW)
    bot = Bot("42:locked-test-token", base_url=bot_api.base_url)
    await bot.initialize()
    outbox = Outbox(store_file, bot, DeliveryConfig(rate=30), clock=lambda: datetime.now(UTC))
    try:
        store_file.enqueue_alert(
            AlertIntent(
                kind="story", priority=1, article_id=None, title="Mỹ rút quân khỏi Iraq",
                outlet="VnExpress", url="https://vnexpress.net/a.html", published_at=NOW,
                matched=("rút quân",),
            ),
            NOW,
        )  # fmt: skip
        sender = asyncio.create_task(outbox.run())
        with write_locked(tmp_path / "s.db"):
            await until_async(
                "the refill meets the lock",
                lambda: "delivery.refill_delayed" in caplog.text or sender.done(),
            )
            assert not sender.done(), sender.exception()
        await asyncio.to_thread(bot_api.wait_for_messages, 1, 7, timeout=10)
        assert not sender.done()
        outbox.stop()
        await sender
    finally:
        await bot.shutdown()


async def test_alone_the_claims_are_never_renewed_nor_lost_and_there_is_no_heartbeat(
    store_file: Store,
) -> None:
    claims = Claims(
        store_file, "a:1:x", lease=6.0, clock=lambda: NOW, monotonic=lambda: 1e9, alone=True
    )
    assert claims.holding(1e9)  # long past any lease: nobody else can have taken the rows
    await asyncio.wait_for(claims.renew_forever(), 1)  # returns at once: nothing to renew
    counts: list[int] = []
    peers = Peers(
        Instances(store_file.engine), "a:1:x", clock=lambda: NOW, on_count=counts.append,
        alone=True,
    )  # fmt: skip
    await peers.join(asyncio.Event())
    await asyncio.wait_for(peers.run(), 1)  # no beat after the one that joined
    assert counts == [1]
    assert Outbox(store_file, Bot("42:t"), DeliveryConfig(), clock=lambda: NOW).claims.alone


def test_sqlite_chunks_aim_at_a_second_of_the_write_lock() -> None:
    assert sqlite_chunk(50, 50, 0.25) == 100  # fast: at most doubles
    assert sqlite_chunk(200, 200, 4.0) == 50  # 20 ms an item: a second's worth
    assert sqlite_chunk(50, 50, 60.0) == SQLITE_SMALLEST_CHUNK
    assert sqlite_chunk(400, 400, 0.01) == INGEST_CHUNK
    assert sqlite_chunk(50, 50, 0.0) == 100


async def test_on_sqlite_a_big_fetch_is_stored_in_chunks_starting_small(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    items = [
        FeedItem(
            guid=f"vnx-{n}",
            link=f"https://vnexpress.net/tin-{n}.html",
            title=f"Bản tin số {n} về thời tiết Hà Nội",
            published=NOW - timedelta(minutes=n),
        )
        for n in range(120)
    ]
    feed_server.set_feed("/big.rss", rss(items))
    config = config_for(tmp_path / "d.db", ScheduleConfig(fetch_timeout=5.0))
    async with running_tick(config, lambda: datetime.now(UTC)) as (store, tick):
        store.sync_feeds([FeedSpec(feed_server.url("/big.rss"), "VnExpress", "vi", 60)], NOW)
        ingest = tick.pipeline.ingest
        sizes: list[int] = []

        def counted(batch: Any, now: datetime, **kwargs: Any) -> Any:
            sizes.append(len(batch.items))  # the real ingest stores it
            return ingest(batch, now, **kwargs)

        tick.pipeline.ingest = counted  # type: ignore[assignment]
        (report,) = await tick.run_cycle()
    assert report.status == "ok"
    assert report.new == 120
    assert sizes[0] == SQLITE_FIRST_CHUNK
    assert len(sizes) > 1
    assert sum(sizes) == 120


def test_a_db_command_that_meets_a_locked_database_says_so_and_runs_once_it_is_free(
    store_file: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    database = tmp_path / "s.db"
    store_file.sync_feeds([FeedSpec("https://vnexpress.net/rss", "VnExpress", "vi", 300)], NOW)
    long_ago = NOW - timedelta(days=400)
    old = NewArticle(
        1, "g", ITEM.link, ITEM.link, "h", ITEM.title, ITEM.description, None, True, ()
    )
    with store_file.batch() as tx:  # a body old enough to be emptied: prune has a write to do
        tx.insert_articles([old], long_ago)
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{database}"\n{TOPIC}', encoding="utf-8")
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)  # the command's own engine gives up soon

    with write_locked(database):
        assert main(["db", "prune", "--config", str(config)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: sqlite:///{database} stayed locked by another writer")
    assert line.endswith("run the command again")

    assert main(["db", "prune", "--config", str(config)]) == 0
    assert capsys.readouterr().out.startswith("emptied 1 article bodies")


def test_db_upgrade_that_meets_a_locked_database_says_so_and_is_no_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    database = tmp_path / "new.db"
    sqlite3.connect(database).close()  # a file not yet migrated: upgrade has tables to write
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{database}"\n{TOPIC}', encoding="utf-8")
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    with write_locked(database):
        assert main(["db", "upgrade", "--config", str(config)]) == 1  # not 2: the URL is fine
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(f"error: sqlite:///{database} stayed locked by another writer")
    assert main(["db", "upgrade", "--config", str(config)]) == 0
