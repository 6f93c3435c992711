"""The local feed server behaves like a real one, over real loopback HTTP."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import unicodedata
from datetime import UTC, datetime

import aiohttp
import feedparser
import httpx
import pytest

from tests.servers.feeds import FeedServer, huge_chunks
from tests.servers.rss import FeedItem, atom, rss

VIETNAMESE = "Quân đội Mỹ rút khỏi Iraq: ặ ừ ữ ớ ỵ Ỹ ĐƯỜNG"
STORY = FeedItem(
    guid="story-1",
    link="https://news.example.test/a?x=1&y=2",
    title="Troops <leave> Ain al-Asad & Baghdad",
    description="<p>2,500 troops</p>",
    published=datetime(2025, 6, 2, 8, 0, tzinfo=UTC),
)


# -- feed bytes ------------------------------------------------------------------------------------


def test_rss_escapes_text_and_dates_items_in_rfc_822() -> None:
    body = rss([STORY])
    assert b"<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate>" in body
    entry = feedparser.parse(body).entries[0]
    assert (entry.title, entry.link, entry.id) == (STORY.title, STORY.link, "story-1")
    assert entry.published_parsed[:5] == (2025, 6, 2, 8, 0)


def test_atom_dates_entries_in_rfc_3339() -> None:
    body = atom([STORY])
    assert b"<published>2025-06-02T08:00:00Z</published>" in body
    parsed = feedparser.parse(body)
    assert not parsed.bozo
    entry = parsed.entries[0]
    assert (entry.title, entry.link, entry.id) == (STORY.title, STORY.link, "story-1")


def test_windows_1258_feed_represents_every_vietnamese_letter() -> None:
    body = rss([FeedItem(title=VIETNAMESE)], encoding="windows-1258")
    assert body.startswith(b'<?xml version="1.0" encoding="windows-1258"?>')
    assert b"&#" not in body
    title = feedparser.parse(body).entries[0].title
    assert unicodedata.normalize("NFC", title) == VIETNAMESE


def test_feed_can_lie_about_its_encoding() -> None:
    body = rss([FeedItem(title=VIETNAMESE)], encoding="cp1258", declared_encoding="utf-8")
    assert body.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")


# -- feed server -----------------------------------------------------------------------------------


def test_feed_answers_304_to_its_own_validators(feed_server: FeedServer) -> None:
    feed_server.set_feed("/feed.xml", rss([STORY]))
    with httpx.Client() as client:
        first = client.get(feed_server.url("/feed.xml"))
        etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
        by_etag = client.get(feed_server.url("/feed.xml"), headers={"If-None-Match": etag})
        by_date = client.get(feed_server.url("/feed.xml"), headers={"If-Modified-Since": modified})
        wrong = client.get(feed_server.url("/feed.xml"), headers={"If-None-Match": etag[1:-1]})

    assert first.status_code == 200
    assert first.content == rss([STORY])
    assert (by_etag.status_code, by_etag.content, by_etag.headers["ETag"]) == (304, b"", etag)
    assert (by_date.status_code, by_date.content) == (304, b"")
    assert wrong.status_code == 200
    assert [r.status for r in feed_server.requests("/feed.xml")] == [200, 304, 304, 200]
    assert feed_server.requests("/feed.xml")[1].headers["if-none-match"] == etag


def test_changed_feed_gets_new_validators(feed_server: FeedServer) -> None:
    feed_server.set_feed("/feed.xml", rss([STORY]))
    with httpx.Client(base_url=feed_server.base_url) as client:
        old = client.get("/feed.xml").headers
        feed_server.set_feed("/feed.xml", rss([STORY]))  # same body: same validators
        assert client.get("/feed.xml").headers["ETag"] == old["ETag"]
        feed_server.set_feed("/feed.xml", rss([STORY, FeedItem(guid="2", title="Second")]))
        new = client.get(
            "/feed.xml",
            headers={"If-None-Match": old["ETag"], "If-Modified-Since": old["Last-Modified"]},
        )
    assert new.status_code == 200
    assert new.headers["ETag"] != old["ETag"]
    assert new.headers["Last-Modified"] != old["Last-Modified"]


def test_feed_is_gzipped_when_the_client_accepts_it(feed_server: FeedServer) -> None:
    body = rss([STORY] * 50)
    feed_server.set_feed("/feed.xml", body)
    with httpx.Client() as client:
        zipped = client.get(feed_server.url("/feed.xml"))  # httpx accepts gzip by default
        plain = client.get(feed_server.url("/feed.xml"), headers={"Accept-Encoding": "identity"})
    assert zipped.headers["Content-Encoding"] == "gzip"
    assert int(zipped.headers["Content-Length"]) < len(body)
    assert zipped.content == body
    assert "Content-Encoding" not in plain.headers
    assert plain.content == body


def test_injected_statuses_then_recovery(feed_server: FeedServer) -> None:
    feed_server.set_feed("/feed.xml", rss([STORY]))
    feed_server.set_status("/feed.xml", 500, times=1)
    feed_server.set_status("/limited.xml", 429, headers={"Retry-After": "120"})
    with httpx.Client(base_url=feed_server.base_url) as client:
        assert client.get("/feed.xml").status_code == 500
        assert client.get("/feed.xml").status_code == 200
        limited = client.get("/limited.xml")
        assert client.get("/nothing.xml").status_code == 404
    assert (limited.status_code, limited.headers["Retry-After"]) == (429, "120")
    assert feed_server.request_count() == 4


def test_redirect_is_followed_to_the_feed(feed_server: FeedServer) -> None:
    feed_server.set_feed("/new.xml", rss([STORY]))
    feed_server.set_redirect("/old.xml", "/new.xml", status=308)
    with httpx.Client(follow_redirects=True) as client:
        response = client.get(feed_server.url("/old.xml"))
    assert response.status_code == 200
    assert response.url == feed_server.url("/new.xml")
    assert response.history[0].status_code == 308


async def test_delay_times_out_the_client_without_stalling_other_feeds(
    feed_server: FeedServer,
) -> None:
    feed_server.set_feed("/slow.xml", rss([STORY]))
    feed_server.set_feed("/fast.xml", rss([STORY]))
    feed_server.set_delay("/slow.xml", 5.0)
    async with httpx.AsyncClient(base_url=feed_server.base_url, timeout=0.3) as client:
        slow = asyncio.create_task(client.get("/slow.xml"))
        await feed_server.await_requests(1, "/slow.xml")
        started = time.monotonic()  # served while the slow feed still waits (its delay: 5 s)
        assert (await client.get("/fast.xml", timeout=5.0)).status_code == 200
        assert time.monotonic() - started < 2.5
        with pytest.raises(httpx.ReadTimeout):
            await slow


async def test_huge_body_streams_until_the_client_stops(feed_server: FeedServer) -> None:
    size = 50 * 1024 * 1024
    feed_server.set_huge("/huge.xml", size)
    feed_server.set_huge("/chunked.xml", size, declare_length=False)
    async with httpx.AsyncClient(base_url=feed_server.base_url) as client:
        async with client.stream("GET", "/huge.xml") as response:
            assert response.headers["Content-Length"] == str(size)
        received = 0
        async with client.stream("GET", "/chunked.xml") as response:
            assert "Content-Length" not in response.headers
            async for chunk in response.aiter_raw():
                received += len(chunk)
                if received > 1024 * 1024:
                    break
    assert received > 1024 * 1024


def test_huge_body_is_exactly_the_size_asked_for() -> None:
    for size in (0, 10, 70_000, 1_000_001):
        assert sum(len(chunk) for chunk in huge_chunks(size)) == size
    assert b"".join(huge_chunks(500)).startswith(b"<?xml")


def test_feed_server_restarts_on_the_same_port(feed_server: FeedServer) -> None:
    feed_server.set_feed("/feed.xml", rss([STORY]))
    url = feed_server.url("/feed.xml")
    with httpx.Client() as client:
        assert client.get(url).status_code == 200
        feed_server.stop()
        with pytest.raises(httpx.ConnectError):
            client.get(url)
        feed_server.start()
        assert client.get(url).status_code == 200


def test_another_process_can_fetch_a_feed(feed_server: FeedServer) -> None:
    feed_server.set_feed("/feed.xml", rss([STORY]))
    script = "import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).status)"
    done = subprocess.run(
        [sys.executable, "-c", script, feed_server.url("/feed.xml")],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert done.stdout.strip() == "200"


async def test_a_thousand_feeds_answer_conditional_requests_at_once(
    feed_server: FeedServer,
) -> None:
    """1,000 feeds polled at once, 5% of them changed: 950 answer 304 and 50 the new feed.
    How fast is for ``make bench`` (the poll cycle), never a timed test: this machine's speed
    varies by half from one run to the next."""
    # aiohttp as the client here, as the bench's poller is
    for n in range(1000):
        feed_server.set_feed(f"/feeds/{n}.xml", rss([FeedItem(guid=str(n), title=f"Story {n}")]))
    async with aiohttp.ClientSession(feed_server.base_url) as session:

        async def fetch(n: int, etag: str = "") -> tuple[int, str]:
            async with session.get(f"/feeds/{n}.xml", headers={"If-None-Match": etag}) as answer:
                await answer.read()
                return answer.status, answer.headers["ETag"]

        etags = dict(enumerate([etag for _, etag in [await fetch(n) for n in range(1000)]]))
        for n in range(0, 1000, 20):  # 5% changed since the last poll
            feed_server.set_feed(f"/feeds/{n}.xml", rss([FeedItem(title=f"New {n}")]))
        answers = await asyncio.gather(*(fetch(n, etags[n]) for n in range(1000)))
    statuses = [status for status, _ in answers]
    assert (statuses.count(304), statuses.count(200)) == (950, 50)


async def test_a_feed_fetched_twice_at_once_is_counted(feed_server: FeedServer) -> None:
    feed_server.set_feed("/a", rss([STORY]))
    feed_server.set_delay("/a", 0.3)
    async with httpx.AsyncClient(timeout=5) as client:
        await client.get(feed_server.url("/a"))
        await client.get(feed_server.url("/a"))
        assert feed_server.overlaps("/a") == 0  # one after the other
        await asyncio.gather(*(client.get(feed_server.url("/a")) for _ in range(2)))
    assert feed_server.overlaps("/a") == 1
    assert feed_server.overlaps() == 1
