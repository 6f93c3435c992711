"""The outbox when Telegram's answers cannot be trusted: answers no client can read, errors that
are not Telegram's, redirect loops whose text holds the token, and links Telegram refuses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from telegram import Bot

from bot.delivery.circuit import Circuit
from bot.delivery.outbox import Outbox
from bot.delivery.pacing import concurrency_for
from bot.delivery.sender import AlertSender
from bot.delivery.transport import AiohttpRequest
from drawdown.config import DeliveryConfig
from storage.db import create_engine, upgrade
from storage.store import Store
from storage.tables import deliveries
from storage.types import AlertIntent
from tests.servers import FakeBotApi
from tests.waiting import run_until

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def story(url: str = "https://vnexpress.net/a.html", title: str = "US troops leave") -> AlertIntent:
    return AlertIntent(
        kind="story",
        priority=1,
        article_id=None,
        title=title,
        outlet="VnExpress",
        url=url,
        published_at=datetime.now(UTC),
        matched=("troops",),
    )


class JumpingClock:
    """Ten minutes pass between two readings: every retry is due at the next look."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=10)
        return self.now


@dataclass
class Harness:
    store: Store
    db: Path
    make: Callable[..., Awaitable[Outbox]]

    def subscribe(self, chats: list[int]) -> None:
        for chat in chats:
            self.store.subscribe(
                chat, chat_type="private", name="", language="en", now=datetime.now(UTC)
            )

    def rows(self) -> list[Any]:
        query = sa.select(
            deliveries.c.chat_id,
            deliveries.c.status,
            deliveries.c.attempts,
            deliveries.c.last_error,
            deliveries.c.message_id,
        ).order_by(deliveries.c.id)
        with self.store.engine.connect() as conn:
            return list(conn.execute(query).all())

    def pending(self) -> int:
        return sum(1 for row in self.rows() if row.status == "pending")


@pytest.fixture
async def harness(tmp_path: Path, bot_api: FakeBotApi) -> AsyncIterator[Harness]:
    db = tmp_path / "outbox.db"
    engine = create_engine(f"sqlite:///{db}")
    upgrade(engine)
    store = Store(engine)
    bots: list[Bot] = []

    async def make(settings: DeliveryConfig, clock: Callable[[], datetime] | None = None) -> Outbox:
        request = AiohttpRequest(connections=concurrency_for(settings.rate), timeout=10)
        bot = Bot(TOKEN, base_url=bot_api.base_url, request=request)
        await bot.initialize()
        bots.append(bot)
        circuit = Circuit(first=0.01, longest=0.04)
        return Outbox(
            store, bot, settings, clock=clock or (lambda: datetime.now(UTC)), circuit=circuit
        )

    yield Harness(store, db, make)
    for bot in bots:
        await bot.shutdown()
    engine.dispose()


@pytest.mark.parametrize("how", ["shape", "json"])
async def test_an_answer_no_client_can_read_is_delivered_unconfirmed_and_never_sent_again(
    harness: Harness, bot_api: FakeBotApi, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    harness.subscribe([1, 2, 3])
    bot_api.garble("sendMessage", "shape" if how == "shape" else "json")
    harness.store.enqueue_alert(story(title="First"), datetime.now(UTC))
    harness.store.enqueue_alert(story(title="Second"), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30, max_attempts=3), JumpingClock())
    await run_until(outbox, lambda: harness.pending() == 0, seconds=15)
    for chat in (1, 2, 3):
        assert len([c for c in bot_api.calls("sendMessage") if c.params["chat_id"] == chat]) == 2
    rows = harness.rows()
    assert {row.status for row in rows} == {"sent"}
    assert all(row.message_id is None and row.attempts == 1 for row in rows)
    assert all((row.last_error or "").startswith("delivered, unconfirmed") for row in rows)
    assert "delivery.unconfirmed" in caplog.text
    assert "was never retrieved" not in caplog.text

    bot_api.heal()  # readable again: nothing is lost afterwards
    harness.store.enqueue_alert(story(title="Third"), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30, max_attempts=3))
    await run_until(outbox, lambda: harness.pending() == 0, seconds=15)
    assert [m.chat_id for m in bot_api.sent() if "Third" in m.text] == [1, 2, 3]
    assert all(row.message_id for row in harness.rows()[-3:])


async def test_an_error_that_is_not_telegrams_counts_attempts_up_to_max_attempts(
    harness: Harness, bot_api: FakeBotApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []

    async def broken(self: AlertSender, delivery: object, *, paid: bool = False) -> int:
        calls.append(1)
        raise ValueError("cannot render")

    monkeypatch.setattr(AlertSender, "send_text", broken)
    harness.subscribe([1])
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30, max_attempts=3), JumpingClock())
    await run_until(outbox, lambda: harness.pending() == 0, seconds=15)
    [row] = harness.rows()
    assert (row.status, row.attempts) == ("failed", 3)
    assert row.last_error == "ValueError: cannot render (after 3 attempts)"
    assert len(calls) == 3


async def test_the_token_never_reaches_the_database_after_a_redirect_loop(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe([1])
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    bot_api.redirect_loop("sendMessage")
    outbox = await harness.make(DeliveryConfig(rate=30, max_attempts=2), JumpingClock())
    await run_until(outbox, lambda: harness.pending() == 0, seconds=15)
    [row] = harness.rows()
    assert row.status == "failed"
    assert "TooManyRedirects" in (row.last_error or "")
    assert "<redacted>" in (row.last_error or "")
    harness.store.engine.dispose()  # everything written to the file itself
    stored = b"".join(p.read_bytes() for p in harness.db.parent.glob("outbox.db*"))
    assert TOKEN.encode() not in stored
    assert TOKEN.split(":")[1].encode() not in stored


async def test_a_link_telegram_refuses_is_sent_again_once_without_links(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe([1, 2])
    bot_api.refuse_links()
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: harness.pending() == 0, seconds=15)
    assert {row.status for row in harness.rows()} == {"sent"}
    for message in bot_api.sent():
        assert "<a href" not in message.text
        assert "US troops leave" in message.text
        urls = [b for row in (message.reply_markup or {}).get("inline_keyboard", []) for b in row]
        assert all("url" not in button for button in urls)
    assert len(bot_api.calls("sendMessage")) == 4  # one refused and one plain per chat


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,hi", "vbscript:msgbox", "JavaScript:x"]
)
async def test_only_web_links_become_link_targets(
    harness: Harness, bot_api: FakeBotApi, url: str
) -> None:
    harness.subscribe([1])
    harness.store.enqueue_alert(story(url=url), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: harness.pending() == 0, seconds=15)
    [message] = bot_api.sent()
    assert "href" not in message.text
    buttons = [b for row in (message.reply_markup or {}).get("inline_keyboard", []) for b in row]
    assert all("url" not in button for button in buttons)
