"""The fake Bot API behaves like Telegram to the real python-telegram-bot client, over loopback."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from datetime import timedelta

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
from tests.waiting import until_async

TOKEN = "123456:TEST-token"


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
        assert time.monotonic() - started < 2.5  # not the long poll's 5 s
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
    assert bot_api.conflicts() == 1


async def test_a_poll_whose_client_went_away_is_no_conflict(bot_api: FakeBotApi) -> None:
    url = f"{bot_api.base_url}{TOKEN}/getUpdates"
    async with httpx.AsyncClient(timeout=10) as gone:
        first = asyncio.create_task(gone.post(url, data={"timeout": "5"}))
        await bot_api.await_calls("getUpdates")
        first.cancel()  # the poller stopped (or died): its connection closes
        with pytest.raises(asyncio.CancelledError):
            await first
    # the server sees the connection close
    await until_async("the server sees the poller go", lambda: not bot_api.polling(), seconds=5)
    async with httpx.AsyncClient(timeout=10) as client:
        second = await client.post(url, data={"timeout": "0"})
    assert second.json() == {"ok": True, "result": []}
    assert bot_api.conflicts() == 0


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
        bot_api.wait_until_running(timeout=5)  # waiting for the pause to end is the point
        assert client.get(url).status_code == 200


def test_waiting_for_messages_that_never_come_fails_clearly(bot_api: FakeBotApi) -> None:
    with pytest.raises(AssertionError, match="expected 1 messages to chat 5, got 0"):
        bot_api.wait_for_messages(1, chat_id=5, timeout=0.1)
