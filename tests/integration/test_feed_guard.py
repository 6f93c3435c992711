"""A guarded fetch (a feed added from the chat) never reaches the service's own network:
not by an address, not by a name that resolves there, not through a redirect."""

from __future__ import annotations

import pytest

from drawdown.config import ScheduleConfig
from drawdown.errors import FetchError
from tests.servers import FeedItem, FeedServer, rss
from watchers.feeds.fetch import fetch
from watchers.feeds.guard import make_guarded_session
from watchers.feeds.probe import probe
from watchers.topic.match import Matcher, Topic

SCHEDULE = ScheduleConfig()
MATCHER = Matcher(Topic(groups={"iraq": ("Iraq",)}, required=("iraq",)))


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "0x7f000001"])
async def test_the_local_network_is_refused_by_address_and_by_name(
    feed_server: FeedServer, host: str
) -> None:
    feed_server.set_feed("/f", rss([FeedItem(guid="g", title="Iraq")]))
    url = feed_server.url("/f").replace("127.0.0.1", host)
    async with make_guarded_session() as client:
        with pytest.raises(FetchError, match="refused"):
            await fetch(client, url, max_bytes=10_000, time_limit=5)
    assert feed_server.requests("/f") == []


async def test_allowing_private_feeds_lifts_the_guard(feed_server: FeedServer) -> None:
    feed_server.set_feed("/f", rss([FeedItem(guid="g", title="Iraq")]))
    async with make_guarded_session(allow_private=True) as client:
        report = await probe(client, "F", feed_server.url("/f"), SCHEDULE, MATCHER, echo=False)
    assert (report.status, report.items, report.matched) == ("ok", 1, 1)


async def test_an_error_never_repeats_what_the_page_said(feed_server: FeedServer) -> None:
    page = b"<!doctype html><html><head><title>Internal admin panel</title></head></html>"
    feed_server.set_feed("/page", page, content_type="text/html")
    async with make_guarded_session(allow_private=True) as client:
        quiet = await probe(client, "P", feed_server.url("/page"), SCHEDULE, MATCHER, echo=False)
        told = await probe(client, "P", feed_server.url("/page"), SCHEDULE, MATCHER)
    assert quiet.error is not None
    assert "Internal admin panel" not in quiet.error
    assert told.error is not None
    assert "Internal admin panel" in told.error  # check-feeds, run by the operator, may say it
