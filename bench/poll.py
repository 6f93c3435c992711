"""One poll cycle over 1,000 feeds on the local feed server: wall time, CPU seconds, peak memory.

The feed server runs in a child process, serving 1,000 RSS feeds of 20 items each. The first
cycle finds 20,000 new items; then 5% of the feeds gain new items before each steady cycle and
the other 95% answer 304. The tick is the service's own (claims, pipeline, parse worker,
SQLite store). CPU seconds and memory count the service's process and its parse worker, not
the feed server. The per-host limit is raised to the overall concurrency because every feed
here lives on one host, which real feeds do not.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import os
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from drawdown.config import Config, ScheduleConfig, StorageConfig, load_config
from drawdown.service import open_store, topic_of
from storage.types import FeedSpec
from watchers.feeds.fetch import make_session
from watchers.feeds.tick import Tick
from watchers.pipeline import Pipeline
from watchers.worker import Preparer

ROOT = Path(__file__).resolve().parents[1]
FEEDS = 1000
ITEMS = 20
CHANGED_SHARE = 20  # one feed in 20 (5%) has new items in each steady cycle
NEW_PER_CHANGE = 3
STEADY_CYCLES = 5


def _feed_body(feed: int, generation: int, on_topic_every: int) -> bytes:
    from tests.servers import FeedItem, rss

    newest = ITEMS + generation * NEW_PER_CHANGE
    start = datetime(2026, 11, 1, tzinfo=UTC)
    items = []
    for n in range(newest, newest - ITEMS, -1):
        title = f"Tin {n} của nguồn {feed}: " + (
            "Mỹ rút quân khỏi Iraq theo lộ trình"
            if n % on_topic_every == 0
            else "Tin thế giới trong ngày"
        )
        items.append(
            FeedItem(
                guid=f"feed-{feed}-item-{n}",
                link=f"https://news{feed % 7}.example.test/{feed}/bai-viet-{n}.html",
                title=title,
                description="Binh sĩ, căn cứ, liên minh, thỏa thuận an ninh. " * 6,
                published=start + timedelta(minutes=n),
            )
        )
    return rss(items, title=f"Nguồn {feed}")


def _serve(conn: multiprocessing.connection.Connection, on_topic_every: int) -> None:
    """The child process: serve the feeds; on "advance", 5% of them gain new items."""
    from tests.servers import FeedServer

    generations = [0] * FEEDS
    with FeedServer() as server:
        for feed in range(FEEDS):
            server.set_feed(f"/feeds/{feed}.xml", _feed_body(feed, 0, on_topic_every))
        conn.send(server.base_url)
        cycle = 0
        while (command := conn.recv()) != "stop":
            assert command == "advance"
            cycle += 1
            for feed in range(cycle % CHANGED_SHARE, FEEDS, CHANGED_SHARE):
                generations[feed] += 1
                body = _feed_body(feed, generations[feed], on_topic_every)
                server.set_feed(f"/feeds/{feed}.xml", body)
            conn.send("ok")


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) a live process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _proc_peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu(workers: list[int]) -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime + sum(_proc_cpu(pid) for pid in workers)


@dataclass(frozen=True, slots=True)
class Cycle:
    seconds: float
    cpu: float
    statuses: dict[str, int]
    new: int


async def _cycle(tick: Tick, engine: sa.Engine, workers: list[int]) -> Cycle:
    with engine.begin() as db:
        db.execute(sa.text("UPDATE feed SET next_check_at = :t"), {"t": "2000-01-01 00:00:00"})
    cpu = _cpu(workers)
    started = time.perf_counter()
    reports = await tick.run_cycle()
    seconds = time.perf_counter() - started
    cpu = _cpu(workers) - cpu
    statuses: dict[str, int] = {}
    for report in reports:
        statuses[report.status] = statuses.get(report.status, 0) + 1
    return Cycle(seconds, cpu, statuses, sum(r.new for r in reports))


async def _run(
    base_url: str, conn: multiprocessing.connection.Connection, db: Path
) -> tuple[list[Cycle], float]:
    shipped = load_config(ROOT / "config.toml")
    schedule = ScheduleConfig(concurrency=50, per_host=50, fetch_timeout=30)
    config: Config = shipped.model_copy(
        update={"schedule": schedule, "feeds": (), "storage": StorageConfig(url=f"sqlite:///{db}")}
    )
    store = open_store(config)
    specs = [FeedSpec(f"{base_url}/feeds/{i}.xml", f"Nguồn {i}", "vi", 60) for i in range(FEEDS)]
    store.sync_feeds(specs, datetime.now(UTC))
    cycles = []
    async with make_session(
        max_connections=schedule.concurrency, per_host=schedule.per_host
    ) as client:
        now = lambda: datetime.now(UTC)  # noqa: E731 -- the clock the service uses
        preparer = Preparer(topic_of(config))
        pipeline = Pipeline(store, preparer, schedule, client=client, clock=now)
        tick = Tick(store, pipeline, schedule, clock=now)
        await preparer(b"<rss><channel></channel></rss>", url="warm-up", headers={}, feed_id=0)
        workers = preparer.worker_pids()
        cycles.append(await _cycle(tick, store.engine, workers))
        for _ in range(STEADY_CYCLES):
            conn.send("advance")
            conn.recv()
            cycles.append(await _cycle(tick, store.engine, workers))
        worker_rss = sum(_proc_peak_rss_mb(pid) for pid in workers)
        preparer.close()
    store.engine.dispose()
    return cycles, worker_rss


def bench_poll() -> dict[str, object]:
    """Two runs, each in a process of its own (so each peak memory is its own): one item in a
    hundred on the topic (a world-news feed, still generous), and one in ten (the worst case:
    every one of them read for figures and placed in a story)."""
    return {
        "1% of items on the topic": _in_child(100),
        "10% of items on the topic": _in_child(10),
    }


def _in_child(on_topic_every: int) -> dict[str, float]:
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.get_context("fork").Process(
        target=lambda: child.send(_poll(on_topic_every)), daemon=False
    )
    process.start()
    figures: dict[str, float] = parent.recv()
    process.join()
    return figures


def _poll(on_topic_every: int) -> dict[str, float]:
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("fork").Process(
        target=_serve, args=(child, on_topic_every), daemon=True
    )
    server.start()
    try:
        base_url = parent.recv()
        with tempfile.TemporaryDirectory() as tmp:
            cycles, worker_rss = asyncio.run(_run(base_url, parent, Path(tmp) / "bench.db"))
    finally:
        parent.send("stop")
        server.join(10)
    first, steady = cycles[0], cycles[1:]
    assert first.new == FEEDS * ITEMS, first
    assert all(c.statuses.get("error", 0) == 0 for c in cycles), cycles
    return {
        "first_cycle_s": first.seconds,
        "first_cycle_cpu_s": first.cpu,
        "first_cycle_new_items": first.new,
        "steady_cycle_s": statistics.median(c.seconds for c in steady),
        "steady_cycle_cpu_s": statistics.median(c.cpu for c in steady),
        "steady_not_modified": statistics.median(c.statuses.get("not_modified", 0) for c in steady),
        "steady_new_items": statistics.median(c.new for c in steady),
        "peak_rss_mb_service": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_rss_mb_parse_worker": worker_rss,
        "peak_rss_mb_total": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + worker_rss,
    }


if __name__ == "__main__":
    for name, figures in bench_poll().items():
        print(name, figures)
