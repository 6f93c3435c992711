"""The local feed server and fake Bot API behave like the real things, over real loopback HTTP."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import unicodedata
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import feedparser
import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Update
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
)

from tests.servers.botapi import FakeBotApi
from tests.servers.feeds import FeedServer, huge_chunks
from tests.servers.rss import FeedItem, atom, rss

TOKEN = "123456:TEST-token"
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
        started = time.monotonic()
        assert (await client.get("/fast.xml")).status_code == 200
        assert time.monotonic() - started < 0.2
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


async def test_a_thousand_feeds_answer_within_a_second(feed_server: FeedServer) -> None:
    # aiohttp as the client here: httpx costs ~2 ms a request on its own and would hide the server.
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
        started = time.monotonic()
        answers = await asyncio.gather(*(fetch(n, etags[n]) for n in range(1000)))
        elapsed = time.monotonic() - started
    assert [status for status, _ in answers].count(304) == 950
    assert elapsed < 1.0, f"1,000 conditional feed requests took {elapsed:.2f} s"


# -- fake Bot API with the real PTB client ---------------------------------------------------------


@pytest.fixture
async def bot(bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=bot_api.base_url, base_file_url=bot_api.base_file_url) as bot:
        yield bot


async def test_get_me_names_the_bot_and_the_token_is_seen(bot: Bot, bot_api: FakeBotApi) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (1000, "drawdown_watch_bot", True)
    assert {call.token for call in bot_api.calls("getMe")} == {TOKEN}


async def test_send_message_returns_a_message_and_is_recorded(
    bot: Bot, bot_api: FakeBotApi
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Stop", callback_data="stop")]])
    first = await bot.send_message(
        42,
        "<b>2,500</b> troops &amp; counting",
        parse_mode="HTML",
        reply_markup=markup,
        link_preview_options=LinkPreviewOptions(is_disabled=True),
        message_thread_id=7,
    )
    second = await bot.send_message(42, "123")
    assert (first.message_id, second.message_id) == (1, 2)
    assert first.chat.id == 42
    assert first.text == "2,500 troops & counting"
    assert first.reply_markup == markup
    assert second.text == "123"
    sent = bot_api.sent(42)
    assert [m.text for m in sent] == ["<b>2,500</b> troops &amp; counting", "123"]
    assert sent[0].parse_mode == "HTML"
    assert sent[0].reply_markup == markup.to_dict()
    assert sent[0].preview_disabled
    assert sent[0].thread_id == 7
    assert (sent[0].token, sent[1].parse_mode) == (TOKEN, None)


async def test_telegram_errors_map_to_ptb_exceptions(bot: Bot, bot_api: FakeBotApi) -> None:
    bot_api.block(1)
    bot_api.flood(2, retry_after=3)
    bot_api.not_found(3)
    bot_api.migrate(-4, -1004)
    bot_api.fail("sendMessage", status=502)
    with pytest.raises(NetworkError):
        await bot.send_message(5, "first call fails")
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(1, "hi")
    with pytest.raises(RetryAfter) as flood:
        await bot.send_message(2, "hi")
    assert flood.value.retry_after == timedelta(seconds=3)
    await bot.send_message(2, "the flood was for one request")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(3, "hi")
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(-4, "hi")
    assert migrated.value.new_chat_id == -1004
    assert [c.status for c in bot_api.calls("sendMessage")] == [502, 403, 429, 200, 400, 400]
    assert [m.chat_id for m in bot_api.sent()] == [2]


async def test_malformed_html_and_long_text_are_bad_requests(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.send_message(1, "US troops <leave> Iraq", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Can't parse entities"):
        await bot.send_message(1, "<b>unclosed", parse_mode="HTML")
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(1, "x" * 4097)
    await bot.send_message(1, "<b>ok</b>" + "x" * 4094, parse_mode="HTML")


async def test_edit_is_recorded_and_an_identical_edit_is_refused(
    bot: Bot, bot_api: FakeBotApi
) -> None:
    message = await bot.send_message(9, "2,000 troops")
    edited = await bot.edit_message_text("2,500 troops", chat_id=9, message_id=message.message_id)
    assert isinstance(edited, type(message))
    assert edited.text == "2,500 troops"
    assert [(e.message_id, e.text) for e in bot_api.edits(9)] == [(1, "2,500 troops")]
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("2,500 troops", chat_id=9, message_id=1)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("x", chat_id=9, message_id=99)


async def test_parameters_arrive_as_json_form_or_multipart(bot_api: FakeBotApi) -> None:
    url = f"{bot_api.base_url}{TOKEN}/sendMessage"
    async with httpx.AsyncClient() as client:
        await client.post(url, json={"chat_id": 1, "text": "json"})
        await client.post(url, data={"chat_id": "2", "text": "123"})
        await client.post(url, data={"chat_id": "3", "text": "multi"}, files={"f": b"bytes"})
        unknown = await client.post(f"{bot_api.base_url}{TOKEN}/setChatTitle", json={})
    assert [(m.chat_id, m.text) for m in bot_api.sent()] == [(1, "json"), (2, "123"), (3, "multi")]
    assert bot_api.calls("sendMessage")[2].params["f"] == b"bytes"
    assert unknown.json() == {"ok": True, "result": True}


async def test_get_updates_returns_as_soon_as_a_user_writes(bot_api: FakeBotApi) -> None:
    url = f"{bot_api.base_url}{TOKEN}/getUpdates"
    async with httpx.AsyncClient(timeout=10) as client:
        poll = asyncio.create_task(client.post(url, data={"timeout": "5"}))
        await bot_api.await_calls("getUpdates")
        started = time.monotonic()
        bot_api.user_sends(77, "/start")
        updates = (await poll).json()["result"]
        assert time.monotonic() - started < 1.0
        assert updates[0]["message"]["entities"][0] == {
            "type": "bot_command",
            "offset": 0,
            "length": 6,
        }
        assert bot_api.pending_updates() == 1
        again = await client.post(url, data={"offset": str(updates[0]["update_id"] + 1)})
    assert again.json()["result"] == []
    assert bot_api.pending_updates() == 0


async def test_a_second_poller_ends_the_first_with_409(bot_api: FakeBotApi) -> None:
    url = f"{bot_api.base_url}{TOKEN}/getUpdates"
    async with httpx.AsyncClient(timeout=10) as client:
        first = asyncio.create_task(client.post(url, data={"timeout": "5"}))
        await bot_api.await_calls("getUpdates")
        second = await client.post(url, data={"timeout": "0"})
        assert (await first).status_code == 409
    assert second.json() == {"ok": True, "result": []}


async def test_application_answers_start_and_button_presses(bot_api: FakeBotApi) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        markup = InlineKeyboardMarkup([[InlineKeyboardButton("Stop", callback_data="stop")]])
        await context.bot.send_message(update.effective_chat.id, "Subscribed", reply_markup=markup)

    async def pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer("Stopped")
        await update.callback_query.edit_message_text("Unsubscribed")

    app: Application = (  # type: ignore[type-arg]
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(bot_api.base_url)
        .base_file_url(bot_api.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            bot_api.user_sends(501, "/start")
            [reply] = await bot_api.await_messages(1, chat_id=501)
            assert reply.text == "Subscribed"
            bot_api.user_presses(501, reply.message_id, "stop")
            [edit] = await bot_api.await_edits(1, chat_id=501)
        finally:
            await app.updater.stop()
            await app.stop()
    assert edit.text == "Unsubscribed"
    assert bot_api.calls("answerCallbackQuery")[0].params["text"] == "Stopped"
    assert bot_api.tokens() == {TOKEN}


async def test_send_delay_slows_each_answer(bot: Bot, bot_api: FakeBotApi) -> None:
    bot_api.set_send_delay(0.2)
    started = time.monotonic()
    await bot.send_message(1, "late")
    assert time.monotonic() - started >= 0.2


def test_bot_api_goes_away_and_comes_back_on_the_same_port(bot_api: FakeBotApi) -> None:
    url = f"{bot_api.base_url}{TOKEN}/getMe"
    with httpx.Client() as client:
        assert client.get(url).json()["result"]["id"] == 1000
        bot_api.pause(0.3)
        with pytest.raises(httpx.ConnectError):
            client.get(url)
        deadline = time.monotonic() + 5
        while not bot_api.running and time.monotonic() < deadline:
            time.sleep(0.05)  # waiting for the pause to end is the point
        assert client.get(url).status_code == 200


def test_waiting_for_messages_that_never_come_fails_clearly(bot_api: FakeBotApi) -> None:
    with pytest.raises(AssertionError, match="expected 1 messages to chat 5, got 0"):
        bot_api.wait_for_messages(1, chat_id=5, timeout=0.1)
