"""Figures through the real pipeline: local feed server, SQLite file, ledger and outbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from drawdown.config import ScheduleConfig
from storage.ledger import Ledger
from storage.store import Store
from storage.types import FeedSpec
from tests.integration.pipeline import check_all, config_for, running_tick
from tests.servers import FeedItem, FeedServer, rss
from watchers.feeds.tick import Tick

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.now(UTC)
YEAR = NOW.year


def story(n: int, title: str, body: str, *, age: timedelta) -> FeedItem:
    return FeedItem(
        guid=f"vne-{n}",
        link=f"https://vnexpress.net/tin-{n}.html",
        title=title,
        description=body,
        published=NOW - age,
    )


FIRST_TIMETABLE = story(
    1,
    "Mỹ cam kết rút quân khỏi Iraq",
    f"Mỹ sẽ rút toàn bộ binh sĩ khỏi Iraq vào cuối năm {YEAR + 1}.",
    age=timedelta(days=40),
)
TIMETABLE_PUSHED_BACK = story(
    2,
    "Mỹ lùi thời hạn rút quân khỏi Iraq",
    f"Theo Reuters, liên minh do Mỹ dẫn đầu sẽ rời khỏi Iraq vào cuối năm {YEAR + 2}.",
    age=timedelta(hours=1),
)
SAME_TIMETABLE_ELSEWHERE = story(
    3,
    "Liên minh rút quân khỏi Iraq",
    f"Liên minh do Mỹ dẫn đầu sẽ rút toàn bộ binh sĩ khỏi Iraq vào cuối năm {YEAR + 2}.",
    age=timedelta(minutes=30),
)


@dataclass
class Harness:
    store: Store
    ledger: Ledger
    tick: Tick
    server: FeedServer

    def add_feed(self, path: str) -> None:
        self.store.sync_feeds([FeedSpec(self.server.url(path), "VnExpress", "vi", 1)], NOW)

    async def cycle(self) -> None:
        await check_all(self.store, self.tick)

    def alert_kinds(self) -> list[str]:
        return [a.kind for a in self.store.alerts_after(0)]


@pytest.fixture
async def harness(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[Harness]:
    config = config_for(tmp_path / "d.db", ScheduleConfig(fetch_timeout=2.0))
    async with running_tick(config, lambda: NOW) as (store, tick):
        store.subscribe(7, chat_type="private", name="", language="vi", now=NOW)
        yield Harness(store, Ledger(store.engine), tick, feed_server)


async def test_a_changed_deadline_is_alerted_ahead_of_the_stories_that_brought_it(
    harness: Harness, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/vne", rss([]))
    harness.add_feed("/vne")
    await harness.cycle()
    feed_server.set_feed("/vne", rss([FIRST_TIMETABLE]))
    await harness.cycle()
    assert harness.alert_kinds() == ["story"]  # a first deadline is news, not a change

    feed_server.set_feed("/vne", rss([SAME_TIMETABLE_ELSEWHERE, TIMETABLE_PUSHED_BACK]))
    await harness.cycle()
    # the two reports of the new timetable, half an hour apart, are one story: one alert
    assert harness.alert_kinds() == ["story", "figure", "story"]
    figure = harness.store.alerts_after(0)[1]
    assert figure.figure is not None
    assert (figure.figure.kind, figure.figure.value, figure.figure.old_value) == (
        "changed",
        str(YEAR + 2),
        str(YEAR + 1),
    )
    assert figure.figure.source == "Reuters"
    assert figure.title == TIMETABLE_PUSHED_BACK.title  # the older of the two new stories
    due = harness.store.claim_due_deliveries(NOW, 10, per_chat=10)
    assert [d.alert.kind for d in due] == ["figure", "story", "story"]

    (timeline,) = harness.ledger.timelines(["deadline/coalition leaves Iraq"]).values()
    assert [(e.value, e.kind) for e in timeline] == [
        (str(YEAR + 1), "new"),
        (str(YEAR + 2), "changed"),
        (str(YEAR + 2), "confirmed"),
    ]
    (now,) = harness.ledger.current()
    assert (now.entry.value, now.sources) == (str(YEAR + 2), 2)  # Reuters, and VnExpress


async def test_a_feeds_backlog_fills_the_ledger_without_alerts(
    harness: Harness, feed_server: FeedServer
) -> None:
    old = story(
        9,
        TIMETABLE_PUSHED_BACK.title,
        str(TIMETABLE_PUSHED_BACK.description),
        age=timedelta(days=3),
    )
    feed_server.set_feed("/vne", rss([old, FIRST_TIMETABLE]))
    harness.add_feed("/vne")
    await harness.cycle()
    assert harness.alert_kinds() == []
    assert [e.kind for e in harness.ledger.history("deadline/coalition leaves Iraq")] == [
        "new",
        "changed",
    ]
