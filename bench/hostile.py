"""Hostile feeds beside a canary, measured from outside the service.

The real service (``python -m drawdown run``, its own process) watches three feeds on the local
feed server: one whose two items have 1 MB titles, one of 10,000 items on the topic, and a
canary that publishes a new item on the topic every ``CANARY_EVERY`` seconds. A subscriber
talks to it through the fake Bot API. Reported: how long each canary item took from being
published to reaching the subscriber (the worst and the median), how many never arrived, the
peak memory of the service and its reading worker, and the exit code after SIGTERM.
``BENCH_CANARY_SECONDS`` sets how long the canary publishes (default 120).
"""

from __future__ import annotations

import os
import signal
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss

CANARY_EVERY = 10.0
CHAT = 4242
BIG_ITEMS = 10_000


def _huge_titles() -> bytes:
    return rss(
        [
            FeedItem(
                guid=f"huge-{n}",
                link=f"https://huge.example.test/{n}",
                title="Iraq " + "Căn Cứ Ain Al-Asad Rút Quân " * 36_000,
                description="Mỹ rút quân khỏi Iraq.",
                published=datetime.now(UTC) - timedelta(hours=1),
            )
            for n in range(2)
        ]
    )


def _big() -> bytes:
    start = datetime.now(UTC) - timedelta(days=2)
    return rss(
        [
            FeedItem(
                guid=f"big-{n}",
                link=f"https://big.example.test/tin-{n}.html",
                title=f"Mỹ rút thêm binh sĩ khỏi căn cứ số {n} ở Iraq",
                description=f"Liên minh do Mỹ dẫn đầu bàn giao căn cứ số {n} cho quân đội Iraq.",
                published=start - timedelta(minutes=n),
            )
            for n in range(BIG_ITEMS)
        ]
    )


def _canary(n: int, published: datetime) -> FeedItem:
    return FeedItem(
        guid=f"canary-{n}",
        link=f"https://canary.example.test/{n}",
        title=f"Quân đội Mỹ rút khỏi căn cứ thứ {n} ở Iraq, bàn giao cho Iraq",
        description=f"Mỹ hoàn tất rút quân khỏi căn cứ thứ {n} ở Iraq theo thỏa thuận.",
        published=published,
    )


def _peak_mb(pid: int) -> float:
    """Peak resident memory of a process and its children alive now (the reading worker)."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        status = Path(f"/proc/{p}/status")
        if status.exists():
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
    return total


def bench_hostile() -> dict[str, float]:
    seconds = float(os.environ.get("BENCH_CANARY_SECONDS", "120"))
    with tempfile.TemporaryDirectory() as tmp, FeedServer() as feeds, FakeBotApi() as api:
        directory = Path(tmp)
        feeds.set_feed("/huge.rss", _huge_titles())
        feeds.set_feed("/big.rss", _big(), etag=False)
        feeds.set_feed("/canary.rss", rss([]))
        config = write_config(
            directory,
            feeds=[
                ("Huge", feeds.url("/huge.rss")),
                ("Big", feeds.url("/big.rss")),
                ("Canary", feeds.url("/canary.rss")),
            ],
            api_base_url=api.url,
            interval=2,
        )
        published: dict[str, float] = {}
        with ServiceProcess(directory, config) as service:
            api.user_sends(CHAT, "/subscribe", language_code="vi")
            api.wait_for_messages(1, CHAT, timeout=60)
            feeds.wait_for_requests(1, "/canary.rss", timeout=60)
            items: list[FeedItem] = []
            peak = 0.0
            started = time.monotonic()
            n = 0
            while time.monotonic() - started < seconds:
                n += 1
                item = _canary(n, datetime.now(UTC))
                items.insert(0, item)
                feeds.set_feed("/canary.rss", rss(items[:20]))
                published[item.title] = time.monotonic()
                deadline = time.monotonic() + CANARY_EVERY
                while time.monotonic() < deadline:
                    peak = max(peak, _peak_mb(service.process.pid if service.process else 0))
                    time.sleep(0.5)
            time.sleep(20)  # the last canary item's 20 seconds
            arrived: dict[str, float] = {}
            for message in api.sent(CHAT):
                for title in published:
                    if title in message.text and title not in arrived:
                        arrived[title] = message.time
            service.signal(signal.SIGTERM)
            code = service.wait(timeout=60)
    delays = [arrived[t] - published[t] for t in published if t in arrived]
    return {
        "canary_items": len(published),
        "canary_missed": len(published) - len(delays),
        "canary_delay_max_s": max(delays, default=float("nan")),
        "canary_delay_median_s": statistics.median(delays) if delays else float("nan"),
        "peak_rss_mb_service_and_worker": peak,
        "sigterm_exit_code": code,
    }


if __name__ == "__main__":
    print(bench_hostile())
