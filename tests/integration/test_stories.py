"""Stories through the real pipeline: the local feed server, a SQLite file, the outbox queries."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from drawdown.config import ScheduleConfig
from storage.store import Store
from storage.stories import Stories
from storage.types import FeedSpec
from tests.integration.pipeline import check_all, config_for, running_tick
from tests.servers import FeedItem, FeedServer, rss
from tests.story_quality import articles
from watchers.feeds.tick import Tick

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.now(UTC)


def report(name: str, link: str) -> FeedItem:
    text = articles()[name]
    return FeedItem(guid=link, link=link, title=text.title, description=text.body, published=NOW)


DANTRI = report("corpus/021_vi_dantri_rut_quan_hoan_toan.txt", "https://dantri.com.vn/1.htm")
GIALAI = report("corpus/022_vi_baogialai_hoan_tat_rut_quan.txt", "https://baogialai.vn/2")
OTHER_STORY = replace(  # another story, years earlier
    report("corpus/087_vi_vietnamnet_rut_luc_luong_chien_dau.txt", "https://vietnamnet.vn/3"),
    published=datetime(2021, 4, 8, tzinfo=UTC),
)
TROOPS = FeedItem(
    guid="vov-1",
    link="https://vov.vn/1.htm",
    title="Mỹ sẽ rút quân khỏi Iraq",
    description="Hiện có khoảng 2.500 binh sĩ Mỹ ở Iraq, Lầu Năm Góc cho biết hôm nay.",
    published=NOW,
)


@dataclass
class Harness:
    store: Store
    stories: Stories
    tick: Tick
    server: FeedServer

    async def cycle(self) -> None:
        await check_all(self.store, self.tick)

    def alert_kinds(self) -> list[str]:
        return [a.kind for a in self.store.alerts_after(0)]


@pytest.fixture
async def harness(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[Harness]:
    config = config_for(tmp_path / "d.db", ScheduleConfig(fetch_timeout=2.0))
    async with running_tick(config, lambda: NOW) as (store, tick):
        store.subscribe(7, chat_type="private", name="", language="vi", now=NOW)
        specs = [FeedSpec(feed_server.url(f"/{n}"), name, "vi", 1) for n, name in enumerate("ABC")]
        store.sync_feeds(specs, NOW)
        for n in range(3):
            feed_server.set_feed(f"/{n}", rss([]))
        h = Harness(store, Stories(store.engine), tick, feed_server)
        await h.cycle()  # first fetches: empty backlogs
        yield h


async def test_the_same_story_from_another_feed_joins_it_and_edits_its_alert(
    harness: Harness, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/0", rss([DANTRI]))
    await harness.cycle()
    assert harness.alert_kinds() == ["story"]
    (delivery,) = harness.store.claim_due_deliveries(NOW, 10)
    harness.store.mark_sent([(delivery.id, 555)], NOW)

    feed_server.set_feed("/1", rss([GIALAI, OTHER_STORY]))
    await harness.cycle()
    # (the base handed over is also a "milestone reached" figure alert)
    assert sorted(k for k in harness.alert_kinds() if k != "figure") == ["edit", "story", "story"]
    story = next(s for s in harness.stories.latest() if s.title == DANTRI.title)
    assert story.outlets == 2
    assert harness.stories.outlets(story.id) == ["A", "B"]
    edit = next(d for d in harness.store.claim_due_deliveries(NOW, 10) if d.alert.kind == "edit")
    assert (edit.chat_id, edit.edit_message_id, edit.priority) == (7, 555, 2)


async def test_a_story_in_one_fetch_from_two_outlets_is_one_alert(
    harness: Harness, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/0", rss([DANTRI]))
    feed_server.set_feed("/1", rss([GIALAI]))
    await harness.cycle()
    assert [k for k in harness.alert_kinds() if k != "figure"] == ["story"]
    (story,) = harness.stories.latest()
    assert story.outlets == 2


async def test_an_edited_article_alerts_only_when_its_figures_change(
    harness: Harness, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/2", rss([TROOPS]))
    await harness.cycle()
    assert harness.alert_kinds() == ["story"]
    reworded = replace(TROOPS, description=TROOPS.description + " Tin cập nhật.")
    feed_server.set_feed("/2", rss([reworded]))
    await harness.cycle()
    assert harness.alert_kinds() == ["story"]  # a new version, the same figures: nothing
    fewer = replace(TROOPS, description=TROOPS.description.replace("2.500", "2.000"))
    feed_server.set_feed("/2", rss([fewer]))
    await harness.cycle()
    assert harness.alert_kinds() == ["story", "figure"]
    figure = harness.store.alerts_after(0)[1].figure
    assert figure is not None
    assert (figure.kind, figure.old_value, figure.value) == ("changed", "2500", "2000")
    assert harness.stories.count() == 1
    with harness.store.engine.connect() as conn:
        versions = conn.execute(sa.text("SELECT version FROM article_version")).scalars().all()
    assert versions == [2, 3]
