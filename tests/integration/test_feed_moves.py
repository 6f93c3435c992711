"""Feeds that moved or died: a permanent redirect moves the feed's row to the new URL (the old
one kept, and still matched to the configuration), and 410 Gone stops polling and tells the
administrators."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from drawdown.config import ScheduleConfig
from storage.types import FeedSpec
from tests.integration.pipeline import check_all, config_for, running_tick
from tests.servers import FeedItem, FeedServer, rss

NOW = datetime.now(UTC)
SCHEDULE = ScheduleConfig(default_interval=60, jitter=0)
ITEM = FeedItem(guid="g-1", link="https://news.example/1", title="Mỹ rút quân khỏi Iraq")


async def test_a_permanent_redirect_moves_the_feed_and_the_configuration_still_finds_it(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/new.rss", rss([ITEM]))
    feed_server.set_redirect("/old.rss", "/new.rss", status=301)
    old, new = feed_server.url("/old.rss"), feed_server.url("/new.rss")
    config = config_for(tmp_path / "drawdown.db", SCHEDULE)
    async with running_tick(config, lambda: NOW) as (store, tick):
        store.sync_feeds([FeedSpec(old, "Moved", "vi", 60)], NOW)
        (report,) = await check_all(store, tick)
        assert report.status == "ok"
        with store.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT url, moved_from, enabled FROM feed")).one()
        assert tuple(row) == (new, old, True)
        store.sync_feeds([FeedSpec(old, "Moved", "vi", 60)], NOW)  # a restart, same config
        await check_all(store, tick)
    assert len(feed_server.requests("/old.rss")) == 1  # polled at the new URL since
    assert len(feed_server.requests("/new.rss")) == 2
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM feed")).scalar_one() == 1


async def test_a_temporary_redirect_moves_nothing(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.set_feed("/new.rss", rss([ITEM]))
    feed_server.set_redirect("/old.rss", "/new.rss", status=302)
    config = config_for(tmp_path / "drawdown.db", SCHEDULE)
    async with running_tick(config, lambda: NOW) as (store, tick):
        store.sync_feeds([FeedSpec(feed_server.url("/old.rss"), "Moved", "vi", 60)], NOW)
        await check_all(store, tick)
        with store.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT url, moved_from FROM feed")).one()
    assert tuple(row) == (feed_server.url("/old.rss"), None)


async def test_410_gone_stops_polling_and_tells_the_administrators(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set_status("/dead.rss", 410)
    config = config_for(tmp_path / "drawdown.db", SCHEDULE)
    told: list[tuple[str, str]] = []
    async with running_tick(config, lambda: NOW) as (store, tick):

        async def tell(name: str, url: str) -> None:
            told.append((name, url))

        tick.pipeline.on_gone = tell
        store.sync_feeds([FeedSpec(feed_server.url("/dead.rss"), "Dead", "vi", 60)], NOW)
        (report,) = await check_all(store, tick)
        assert report.status == "gone"
        assert await check_all(store, tick) == []  # paused: not claimed again
        (status,) = store.feed_statuses()
        assert status.last_status == "gone"
        assert status.last_error is not None
        assert "HTTP 410" in status.last_error
        notice = store.notify([7, 8], "Feed “Dead” answered 410 Gone", NOW)
        assert notice is not None
        with store.engine.connect() as conn:
            chats = conn.execute(
                sa.text("SELECT chat_id FROM delivery WHERE alert_id = :a ORDER BY chat_id"),
                {"a": notice},
            ).scalars()
            assert list(chats) == [7, 8]
    assert told == [("Dead", feed_server.url("/dead.rss"))]
    assert len(feed_server.requests("/dead.rss")) == 1
