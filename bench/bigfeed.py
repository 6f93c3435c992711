"""A feed of 10,000 items on the topic: its first check, and its steady polls.

The feed server runs in a child process and serves one RSS feed of ``ITEMS`` items, all on the
topic, and every poll goes without validators, so it downloads and parses the whole body. The
first check reads every item (topic, figures, story evidence) and stores them a chunk to a
transaction (at most ``INGEST_CHUNK``; on SQLite about a second's worth); a steady poll
parses the body, finds every item stored as it is, and reads nothing. Peak memory counts the
service's process and its reading worker.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import resource
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from bench.poll import _proc_peak_rss_mb
from drawdown.config import ScheduleConfig, StorageConfig, load_config
from drawdown.service import open_store, topic_of
from storage.types import FeedSpec
from watchers.feeds.fetch import make_session
from watchers.feeds.tick import Tick
from watchers.pipeline import Pipeline
from watchers.worker import Preparer

ROOT = Path(__file__).resolve().parents[1]
ITEMS = 10_000
STEADY_POLLS = 3
_DUE = "UPDATE feed SET next_check_at = :t, etag = NULL, last_modified = NULL"


def feed_body(items: int = ITEMS) -> bytes:
    """An RSS feed of ``items`` items on the topic, each its own base, all days old."""
    from tests.servers import FeedItem, rss

    start = datetime(2026, 11, 1, tzinfo=UTC)
    return rss(
        [
            FeedItem(
                guid=f"big-{n}",
                link=f"https://big.example.test/tin-{n}.html",
                title=f"Mỹ rút thêm binh sĩ khỏi căn cứ số {n} ở Iraq",
                description=f"Liên minh do Mỹ dẫn đầu bàn giao căn cứ số {n} cho quân đội Iraq.",
                published=start - timedelta(minutes=n),
            )
            for n in range(items)
        ]
    )


def _serve(conn: multiprocessing.connection.Connection) -> None:
    from tests.servers import FeedServer

    with FeedServer() as server:
        server.set_feed("/big.xml", feed_body(), etag=False)
        conn.send(server.url("/big.xml"))
        conn.recv()


async def _run(url: str, db: Path) -> dict[str, float]:
    shipped = load_config(ROOT / "config.toml")
    schedule = ScheduleConfig(fetch_timeout=60, read_timeout=600)
    config = shipped.model_copy(
        update={"schedule": schedule, "feeds": (), "storage": StorageConfig(url=f"sqlite:///{db}")}
    )
    store = open_store(config)
    store.sync_feeds([FeedSpec(url, "Big", "vi", 60)], datetime.now(UTC))
    times: list[float] = []
    async with make_session() as client:
        now = lambda: datetime.now(UTC)  # noqa: E731 -- the clock the service uses
        preparer = Preparer(topic_of(config), time_limit=schedule.read_timeout)
        pipeline = Pipeline(store, preparer, schedule, client=client, clock=now)
        tick = Tick(store, pipeline, schedule, clock=now)
        for _ in range(1 + STEADY_POLLS):
            with store.engine.begin() as conn:
                conn.execute(  # due now, and without validators: every poll downloads it all
                    sa.text(_DUE), {"t": "2000-01-01"}
                )
            started = time.perf_counter()
            (report,) = await tick.run_cycle()
            times.append(time.perf_counter() - started)
            assert report.status == "ok", report
        worker = sum(_proc_peak_rss_mb(pid) for pid in preparer.worker_pids())
        preparer.close()
    store.engine.dispose()
    service = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "items": ITEMS,
        "first_check_s": times[0],
        "steady_poll_s": statistics.median(times[1:]),
        "peak_rss_mb_service": service,
        "peak_rss_mb_worker": worker,
        "peak_rss_mb_total": service + worker,
    }


def _measure() -> dict[str, float]:
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("fork").Process(target=_serve, args=(child,))
    server.start()
    try:
        url = parent.recv()
        with tempfile.TemporaryDirectory() as tmp:
            return asyncio.run(_run(url, Path(tmp) / "bench.db"))
    finally:
        parent.send("stop")
        server.join(10)


def bench_big_feed() -> dict[str, float]:
    """Measured in a process of its own, so the peak memory is this run's alone."""
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(
        target=lambda: child.send(_measure()), daemon=False
    )
    process.start()
    figures: dict[str, float] = parent.recv()
    process.join()
    return figures


if __name__ == "__main__":
    print(bench_big_feed())
