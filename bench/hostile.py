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

from bench.bigfeed import feed_body
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


# Different developments, each its own story (a canary that repeated itself would join its
# first story and send edits, not alerts).
_EVENTS = [
    (
        "Iraq và Mỹ lập ủy ban bàn về việc rút quân của liên minh",
        "Ủy ban song phương họp lần đầu tại Baghdad.",
    ),
    (
        "Lầu Năm Góc nói chưa có kế hoạch rút quân khỏi Iraq",
        "Người phát ngôn Bộ Quốc phòng Mỹ trả lời báo chí ở Washington.",
    ),
    (
        "Mỹ bàn giao căn cứ Ain al-Asad, rút quân khỏi miền tây Iraq",
        "Quân đội Iraq tiếp quản căn cứ ở tỉnh Anbar.",
    ),
    (
        "Thủ tướng Iraq đòi liên minh rút quân trước cuối năm",
        "Phát biểu tại diễn đàn Davos, ông nêu thời hạn cho lực lượng nước ngoài.",
    ),
    (
        "Liên minh rút quân khỏi Baghdad theo giai đoạn một",
        "Sân bay quốc tế Baghdad không còn binh sĩ liên minh đồn trú.",
    ),
    (
        "Quốc hội Iraq bỏ phiếu yêu cầu quân đội nước ngoài rút đi",
        "Nghị quyết được thông qua với đa số phiếu ở Baghdad.",
    ),
    (
        "Mỹ giảm quân tại Iraq xuống còn 2.000 binh sĩ",
        "Số binh sĩ còn lại tập trung ở vùng Kurdistan.",
    ),
    (
        "Binh sĩ Mỹ rời Erbil, hoàn tất rút quân khỏi Kurdistan Iraq",
        "Lễ bàn giao diễn ra tại Erbil với sự có mặt của quan chức Kurdistan.",
    ),
    (
        "Iraq và Mỹ ra tuyên bố chung về thời hạn rút quân tháng 9",
        "Tuyên bố nêu hai giai đoạn chuyển giao nhiệm vụ.",
    ),
    ("Tây Ban Nha rút binh sĩ cuối cùng khỏi Iraq", "Madrid nói nhiệm vụ huấn luyện đã kết thúc."),
    (
        "Bộ trưởng Quốc phòng Iraq: liên minh rút quân xong vào năm sau",
        "Ông Thabet al-Abbasi trả lời phỏng vấn đài truyền hình.",
    ),
    (
        "Mỹ công bố lịch rút thêm 500 binh sĩ khỏi Iraq trong tháng tới",
        "Thông báo được đưa ra sau cuộc họp ở Washington.",
    ),
    (
        "NATO mở rộng nhiệm vụ cố vấn khi Mỹ rút quân khỏi Iraq",
        "Tổng thư ký NATO thông báo tại Brussels.",
    ),
    (
        "Iraq tiếp nhận căn cứ Victory gần sân bay khi Mỹ rút quân",
        "Lực lượng Iraq thượng cờ tại căn cứ sáng nay.",
    ),
]


def _canary(n: int, published: datetime) -> FeedItem:
    title, body = _EVENTS[(n - 1) % len(_EVENTS)]
    return FeedItem(
        guid=f"canary-{n}",
        link=f"https://canary.example.test/{n}",
        title=title,
        description=body,
        published=published,
    )


def _memory_mb(pid: int) -> tuple[float, float]:
    """(resident now, peak so far) of a process and its children alive now (the reading
    worker), in MB. The sum of the two peaks is an upper bound; the largest sum of the two
    resident sizes, sampled every half second, is the pair's real peak."""
    now = peak = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        status = Path(f"/proc/{p}/status")
        if not status.exists():
            continue
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                now += int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak += int(line.split()[1]) / 1024
    return now, peak


def bench_hostile() -> dict[str, float]:
    seconds = float(os.environ.get("BENCH_CANARY_SECONDS", "120"))
    with tempfile.TemporaryDirectory() as tmp, FeedServer() as feeds, FakeBotApi() as api:
        directory = Path(tmp)
        feeds.set_feed("/huge.rss", _huge_titles())
        feeds.set_feed("/big.rss", feed_body(BIG_ITEMS), etag=False)
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
            peak = upper = 0.0
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
                    now, highest = _memory_mb(service.process.pid if service.process else 0)
                    peak, upper = max(peak, now), max(upper, highest)
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
        "peak_rss_mb_upper_bound": upper,
        "sigterm_exit_code": code,
    }


if __name__ == "__main__":
    print(bench_hostile())
