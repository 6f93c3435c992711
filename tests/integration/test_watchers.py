"""The watchers against the local feed server and a real SQLite file: conditional GET, backlog,
re-publications, and every kind of bad feed — one feed's failure never stops the others."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from drawdown.config import ScheduleConfig
from storage.store import Store
from storage.tables import articles
from storage.types import FeedSpec
from tests.integration.pipeline import check_all, config_for, running_tick
from tests.servers import FeedItem, FeedServer, rss
from watchers.feeds.tick import Tick

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime.now(UTC)

RELEVANT = FeedItem(
    guid="vnx-4790001",
    link="https://vnexpress.net/my-iraq-rut-quan-4790001.html",
    title="Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân",
    description=(
        "Hàng trăm binh sĩ Mỹ sẽ rời đi vào tháng 9-2025, số còn lại rời Iraq cuối năm 2026."
    ),
    published=NOW - timedelta(minutes=5),
)
UNRELATED = FeedItem(
    guid="vnx-4790002",
    link="https://vnexpress.net/bau-cu-4790002.html",
    title="Iraq công bố kết quả bầu cử quốc hội",
    description="Ủy ban bầu cử Iraq công bố kết quả sơ bộ.",
    published=NOW - timedelta(minutes=4),
)


class Harness:
    """A store, a pipeline and a tick on one SQLite file, checking the local feed server."""

    def __init__(self, store: Store, tick: Tick, server: FeedServer) -> None:
        self.store = store
        self.tick = tick
        self.server = server

    def add_feeds(self, *paths: str) -> None:
        specs = [FeedSpec(self.server.url(p), p.strip("/"), "vi", 1) for p in paths]
        self.store.sync_feeds(specs, datetime.now(UTC))

    async def cycle(self) -> dict[str, str]:
        """Make every feed due, check them all, and give each one's status by path."""
        return {r.name: r.status for r in await check_all(self.store, self.tick)}

    def stored(self) -> int:
        return self.store.count_articles()[0]

    def alerts(self) -> int:
        return self.store.last_alert_id()


@pytest.fixture
async def harness(tmp_path: Path, feed_server: FeedServer) -> AsyncIterator[Harness]:
    config = config_for(tmp_path / "d.db", ScheduleConfig(fetch_timeout=1.0, max_body=1_000_000))
    async with running_tick(config, lambda: datetime.now(UTC)) as (store, tick):
        yield Harness(store, tick, feed_server)


async def test_a_relevant_item_is_stored_and_alerted_once(
    harness: Harness, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/vne", rss([RELEVANT, UNRELATED]))
    harness.add_feeds("/vne")
    assert await harness.cycle() == {"vne": "ok"}
    assert (harness.stored(), harness.alerts()) == (2, 1)
    (alert,) = harness.store.alerts_after(0)
    assert alert.title == RELEVANT.title
    assert alert.outlet == "vne"
    assert "rút quân" in alert.matched


async def test_an_unchanged_feed_answers_304_with_our_validators(
    harness: Harness, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/vne", rss([RELEVANT]))
    harness.add_feeds("/vne")
    await harness.cycle()
    assert await harness.cycle() == {"vne": "not_modified"}
    first, second = feed_server.requests("/vne")
    assert "if-none-match" not in {k.lower() for k in first.headers}
    headers = {k.lower(): v for k, v in second.headers.items()}
    sent = {k.lower(): v for k, v in feed_server.requests("/vne")[0].headers.items()}
    assert headers["if-none-match"].startswith('"')
    assert "if-modified-since" in headers
    assert sent.get("accept-encoding", "").startswith("gzip")


async def test_republished_items_send_nothing(harness: Harness, feed_server: FeedServer) -> None:
    feed_server.set_feed("/vne", rss([RELEVANT]))
    feed_server.set_feed("/tt", rss([]))
    harness.add_feeds("/vne", "/tt")
    await harness.cycle()
    moved = "https://vnexpress.net/other-path.html"
    same_guid = FeedItem(guid=RELEVANT.guid, link=moved, title=RELEVANT.title, published=NOW)
    tracked = f"{RELEVANT.link}?utm_source=rss&utm_medium=feed#top"
    same_url = FeedItem(guid="tt-1", link=tracked, title=RELEVANT.title, published=NOW)
    feed_server.set_feed("/vne", rss([same_guid, RELEVANT]))
    feed_server.set_feed("/tt", rss([same_url]))
    await harness.cycle()
    assert (harness.stored(), harness.alerts()) == (1, 1)


async def test_the_first_fetch_stores_the_backlog_but_alerts_only_the_last_day(
    harness: Harness, feed_server: FeedServer
) -> None:
    old = FeedItem(
        guid="old",
        link="https://vnexpress.net/old.html",
        title="Mỹ rút quân khỏi Iraq vào cuối năm 2021",
        published=NOW - timedelta(days=400),
    )
    feed_server.set_feed("/vne", rss([old, RELEVANT]))
    harness.add_feeds("/vne")
    await harness.cycle()
    assert (harness.stored(), harness.alerts()) == (2, 1)


def cp1258_mislabelled() -> bytes:
    """A windows-1258 feed whose XML declaration and Content-Type both claim UTF-8."""
    return rss([RELEVANT], encoding="cp1258", declared_encoding="utf-8")


async def test_bad_feeds_fail_alone_with_clear_errors_and_lose_nothing(
    harness: Harness, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    feed_server.set_feed("/good", rss([UNRELATED]))
    harness.add_feeds("/good")
    await harness.cycle()
    assert harness.stored() == 1

    feed_server.set_feed("/good", rss([UNRELATED, RELEVANT]))
    feed_server.set_feed(
        "/malformed", b'<?xml version="1.0"?><rss><channel><title>x</title><item><title>a</ti'
    )
    error_page = b"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"
    feed_server.set_feed("/html", error_page, content_type="text/html")
    feed_server.set_status("/500", 500)
    feed_server.set_feed("/slow", rss([RELEVANT]))
    feed_server.set_delay("/slow", 5)
    feed_server.set_huge("/huge", 50_000_000, declare_length=False)
    feed_server.set_feed("/legacy", cp1258_mislabelled())
    harness.add_feeds("/good", "/malformed", "/html", "/500", "/slow", "/huge", "/legacy")
    with caplog.at_level(logging.WARNING):
        statuses = await harness.cycle()
    assert statuses == {
        "good": "ok", "malformed": "error", "html": "error", "500": "error", "slow": "error",
        "huge": "error", "legacy": "ok",
    }  # fmt: skip
    errors = {s.name: s.last_error or "" for s in harness.store.feed_statuses()}
    assert "HTTP 500" in errors["500"]
    assert "timed out" in errors["slow"]
    assert "cap" in errors["huge"]
    assert "HTML" in errors["html"]
    assert errors["malformed"].startswith("cannot parse")
    assert errors["good"] == errors["legacy"] == ""
    for name in ("500", "slow", "huge", "html", "malformed"):
        assert any(
            f"/{name}" in r.getMessage() and "feed.failed" in r.getMessage() for r in caplog.records
        )
    with harness.store.engine.connect() as conn:
        titles = set(conn.execute(sa.select(articles.c.title)).scalars())
    assert UNRELATED.title in titles  # what was stored before is still there
    assert unicodedata.normalize("NFC", RELEVANT.title) in titles  # the legacy feed read correctly


async def test_a_failing_feed_backs_off_and_recovers(
    harness: Harness, feed_server: FeedServer
) -> None:
    feed_server.set_status("/flaky", 503, headers={"Retry-After": "120"}, times=1)
    feed_server.set_feed("/flaky", rss([RELEVANT]))
    harness.add_feeds("/flaky")
    assert await harness.cycle() == {"flaky": "error"}
    (status,) = harness.store.feed_statuses()
    assert status.error_count == 1
    assert status.next_check_at - datetime.now(UTC) > timedelta(seconds=100)
    assert await harness.cycle() == {"flaky": "ok"}
    (status,) = harness.store.feed_statuses()
    assert (status.error_count, status.last_error) == (0, None)
