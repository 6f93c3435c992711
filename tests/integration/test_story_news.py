"""A report joining a story through the real pipeline: an update when it brings news, and /why
names the story it joined."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from drawdown.config import ScheduleConfig
from storage.store import Store
from storage.traces import Traces
from storage.types import FeedSpec
from tests.integration.pipeline import check_all, config_for, running_tick
from tests.integration.test_stories import DANTRI, GIALAI, NOW
from tests.servers import FeedServer, rss
from watchers.feeds.tick import Tick

NEW_FIGURE = replace(
    GIALAI,
    description=GIALAI.description + "\n\nHiện còn khoảng 1.800 binh sĩ Mỹ ở Iraq.",
)


@pytest.fixture
async def running(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[tuple[Store, Tick]]:
    config = config_for(tmp_path / "d.db", ScheduleConfig(fetch_timeout=2.0))
    async with running_tick(config, lambda: NOW) as (store, tick):
        store.subscribe(7, chat_type="private", name="", language="vi", now=NOW)
        store.sync_feeds([FeedSpec(feed_server.url(f"/{n}"), n, "vi", 1) for n in "AB"], NOW)
        for n in "AB":
            feed_server.set_feed(f"/{n}", rss([]))
        await check_all(store, tick)  # first fetches: empty backlogs
        yield store, tick


async def test_a_report_joining_with_a_new_figure_sends_an_update_naming_it(
    running: tuple[Store, Tick], feed_server: FeedServer
) -> None:
    store, tick = running
    feed_server.set_feed("/A", rss([DANTRI]))
    await check_all(store, tick)
    (delivery,) = store.claim_due_deliveries(NOW, 10)
    store.mark_sent([(delivery.id, 555)], NOW)  # an edit rewrites a message that was sent
    feed_server.set_feed("/B", rss([NEW_FIGURE]))
    await check_all(store, tick)
    alerts = store.alerts_after(0)
    kinds = [a.kind for a in alerts]
    assert "edit" in kinds  # the outlet really joined: "also reported by" lists it
    (update,) = [a for a in alerts if a.kind == "update"]
    assert "troops:1800" in update.news
    assert update.title == NEW_FIGURE.title

    assert NEW_FIGURE.link is not None
    explained = Traces(store.engine).explain([NEW_FIGURE.link], chat_id=7)
    assert explained is not None
    assert explained.story is not None
    assert explained.story.title == DANTRI.title
    assert explained.story.alert_at is not None


async def test_the_same_report_without_news_only_edits_the_story_alert(
    running: tuple[Store, Tick], feed_server: FeedServer
) -> None:
    store, tick = running
    feed_server.set_feed("/A", rss([DANTRI]))
    await check_all(store, tick)
    (delivery,) = store.claim_due_deliveries(NOW, 10)
    store.mark_sent([(delivery.id, 555)], NOW)  # an edit rewrites a message that was sent
    feed_server.set_feed("/B", rss([GIALAI]))
    await check_all(store, tick)
    stories = [a.kind for a in store.alerts_after(0) if a.kind != "figure"]
    assert stories == ["story", "edit"]  # figure alerts are the ledger's, not the story's
    assert DANTRI.link is not None
    first = Traces(store.engine).explain([DANTRI.link], chat_id=7)
    assert first is not None
    assert first.story is None  # the story's own first report
