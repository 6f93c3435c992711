"""One bad feed never silences the others: known items are not read again, reading has a time
budget, and a restart frees the claims its earlier life left behind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from drawdown.config import ScheduleConfig
from drawdown.errors import ParseError
from drawdown.service import topic_of
from storage.store import Store
from storage.types import FeedSpec
from tests.integration.pipeline import check_all, config_for, running_tick
from tests.servers import FeedItem, FeedServer, rss
from watchers.feeds.tick import stale_claimants, worker_id
from watchers.worker import Parsed, Preparer

NOW = datetime.now(UTC)
SCHEDULE = ScheduleConfig(default_interval=60, jitter=0)


def items(n: int) -> list[FeedItem]:
    return [
        FeedItem(
            guid=f"item-{i}",
            link=f"https://news.example/{i}",
            title=f"Mỹ rút thêm binh sĩ khỏi Iraq, đợt {i}",
            description=f"Liên minh do Mỹ dẫn đầu rút quân khỏi căn cứ số {i} ở Iraq.",
            published=NOW - timedelta(hours=2, minutes=i),
        )
        for i in range(n)
    ]


async def test_a_steady_poll_reads_only_what_is_new(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    config = config_for(tmp_path / "drawdown.db", SCHEDULE)
    async with running_tick(config, lambda: NOW) as (store, tick):
        read: list[int] = []
        reading = tick.pipeline.prepare.read

        async def counted(parsed: list[Parsed], *, url: str, feed_id: int) -> object:
            read.append(len(parsed))
            return await reading(parsed, url=url, feed_id=feed_id)

        tick.pipeline.prepare.read = counted  # type: ignore[method-assign,assignment]
        store.sync_feeds([FeedSpec(feed_server.url("/big"), "Big", "vi", 60)], NOW)
        feed_server.set_feed("/big", rss(items(40)), etag=False)
        await check_all(store, tick)
        feed_server.set_feed("/big", rss(items(41)), etag=False)  # one new item on top
        await check_all(store, tick)
        await check_all(store, tick)  # nothing new at all
    assert read == [40, 1]


async def test_a_feed_over_its_reading_budget_fails_alone_and_the_worker_is_replaced(
    tmp_path: Path,
) -> None:
    config = config_for(tmp_path / "drawdown.db", SCHEDULE)
    preparer = Preparer(topic_of(config), time_limit=0.000_1)
    try:
        with pytest.raises(ParseError, match="reading took longer than"):
            await preparer.parse(rss(items(400)), url="https://a.example/f", headers={})
        preparer.time_limit = 30
        parsed = await preparer.parse(rss(items(3)), url="https://a.example/f", headers={})
        assert len(parsed) == 3  # a new worker reads the next feed
    finally:
        preparer.close()


def test_a_restart_frees_the_claims_of_its_earlier_life_and_of_dead_processes() -> None:
    me = worker_id()
    host, pid, _ = me.rsplit(":", 2)
    claimants = [
        me,
        f"{host}:{pid}:00000000",  # this pid's earlier life
        f"{host}:999999999:1a2b3c4d",  # a process that is gone
        f"{host}:1:1a2b3c4d",  # a process still running
        "other-host:42:1a2b3c4d",  # another host: its lease decides
        f"{host}:12",  # an old-style claim: its lease decides
    ]
    stale = stale_claimants(claimants, me, alive=lambda p: p != 999999999)
    assert stale == [f"{host}:{pid}:00000000", f"{host}:999999999:1a2b3c4d"]


async def test_released_claims_are_checked_at_once(store: Store, feed_server: FeedServer) -> None:
    store.sync_feeds([FeedSpec(feed_server.url("/f"), "F", "vi", 60)], NOW)
    me = worker_id()
    host, pid, _ = me.rsplit(":", 2)
    earlier = f"{host}:{pid}:00000000"
    (claimed,) = store.claim_due_feeds(NOW, worker=earlier, lease=timedelta(minutes=2), limit=1)
    assert store.claimants(NOW) == [earlier]
    assert store.claim_due_feeds(NOW, worker=me, lease=timedelta(minutes=2), limit=1) == []
    assert store.release_claims([earlier]) == 1
    (again,) = store.claim_due_feeds(NOW, worker=me, lease=timedelta(minutes=2), limit=1)
    assert again.id == claimed.id


async def test_the_tick_frees_stale_claims_when_it_starts(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    config = config_for(tmp_path / "drawdown.db", SCHEDULE)
    async with running_tick(config, lambda: NOW) as (store, tick):
        store.sync_feeds([FeedSpec(feed_server.url("/f"), "F", "vi", 60)], NOW)
        host, pid, _ = tick.worker.rsplit(":", 2)
        store.claim_due_feeds(NOW, worker=f"{host}:{pid}:0", lease=timedelta(hours=1), limit=1)
        assert await tick.release_stale_claims() == 1
        assert store.claimants(NOW) == []
