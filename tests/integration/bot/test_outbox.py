"""The outbox against the fake Bot API enforcing Telegram's limits: pace, lanes, flood waits,
refusals, outages — with the real python-telegram-bot client and a real SQLite file."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from telegram import Bot

from bot.delivery.circuit import Circuit
from bot.delivery.digests import make_digests
from bot.delivery.outbox import Outbox
from bot.delivery.pacing import concurrency_for
from bot.delivery.transport import AiohttpRequest
from drawdown.config import DeliveryConfig
from storage.db import create_engine, upgrade
from storage.store import Store
from storage.types import AlertIntent
from tests.servers import FakeBotApi
from tests.waiting import run_until

TOKEN = "42:outbox-test-token"


def story(title: str = "Mỹ rút quân khỏi Iraq", priority: int = 1) -> AlertIntent:
    return AlertIntent(
        kind="story",
        priority=priority,
        article_id=None,
        title=title,
        outlet="VnExpress",
        url="https://vnexpress.net/a.html",
        published_at=datetime.now(UTC),
        matched=("rút quân",),
    )


@dataclass
class Harness:
    store: Store
    api: FakeBotApi
    make: Callable[..., Awaitable[Outbox]]

    def subscribe(self, chats: range | list[int], chat_type: str = "private") -> None:
        for chat in chats:
            self.store.subscribe(
                chat, chat_type=chat_type, name="", language="en", now=datetime.now(UTC)
            )


@pytest.fixture
async def harness(tmp_path: Path, bot_api: FakeBotApi) -> AsyncIterator[Harness]:
    engine = create_engine(f"sqlite:///{tmp_path / 'outbox.db'}")
    upgrade(engine)
    store = Store(engine)
    bots: list[Bot] = []

    async def make(
        settings: DeliveryConfig,
        circuit: Circuit | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> Outbox:
        request = AiohttpRequest(connections=concurrency_for(settings.rate), timeout=10)
        bot = Bot(TOKEN, base_url=bot_api.base_url, request=request)
        await bot.initialize()
        bots.append(bot)
        return Outbox(
            store,
            bot,
            settings,
            clock=lambda: datetime.now(UTC),
            monotonic=monotonic,
            circuit=circuit,
        )

    yield Harness(store, bot_api, make)
    for bot in bots:
        await bot.shutdown()
    engine.dispose()


async def test_private_chats_get_one_message_a_second_and_groups_twenty_a_minute(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    bot_api.enforce_limits(per_second=30)
    harness.subscribe([1, 2])
    harness.subscribe([-100], chat_type="supergroup")
    for n in range(3):
        harness.store.enqueue_alert(story(f"Story {n}"), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: len(bot_api.sent()) >= 9, seconds=20)
    assert bot_api.too_many_requests() == 0
    for chat, gap in ((1, 0.95), (2, 0.95), (-100, 2.9)):
        times = [m.time for m in bot_api.sent(chat)]
        assert all(b - a >= gap for a, b in itertools.pairwise(times)), (chat, times)
        assert [m.text.splitlines()[0] for m in bot_api.sent(chat)] == [
            f"📰 <b>Story {n}</b>" for n in range(3)
        ]


async def test_a_message_that_arrives_late_keeps_the_next_one_to_its_chat_a_second_behind(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    """Telegram counts a chat's second from when a message arrives: the next one goes a
    second after the answer, not after the first was handed to the network."""
    bot_api.enforce_limits(per_second=30)
    bot_api.hold_next_send(0.4)
    harness.subscribe([1])
    for n in range(2):
        harness.store.enqueue_alert(story(f"Story {n}"), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: len(bot_api.sent()) >= 2, seconds=20)
    assert bot_api.too_many_requests() == 0


async def test_a_flood_wait_for_one_chat_delays_only_that_chat(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe(range(1, 51))
    bot_api.flood(7, retry_after=30)
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    started = time.monotonic()
    await run_until(outbox, lambda: len(bot_api.sent()) >= 49, seconds=10)
    assert time.monotonic() - started < 5  # 49 messages at 30/s, not 30 s of waiting
    assert 7 not in {m.chat_id for m in bot_api.sent()}
    (waiting,) = harness.store.claim_due_deliveries(datetime(2100, 1, 1, tzinfo=UTC), 10)
    assert waiting.chat_id == 7
    assert waiting.attempts == 0  # a flood wait is not a failure
    assert not harness.store.claim_due_deliveries(datetime.now(UTC), 10)


async def test_the_outbox_forgets_the_pace_of_chats_that_are_free_again(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe(range(1, 51))
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    skew = [0.0]
    outbox = await harness.make(
        DeliveryConfig(rate=30), monotonic=lambda: time.monotonic() + skew[0]
    )

    def paced() -> int:  # chats the outbox still holds a pacing time for
        return sum(1 for chat in range(1, 51) if outbox.chats.ready_at(chat) != 0.0)

    def forgotten() -> bool:
        if len(bot_api.sent()) < 50:
            return False
        if not skew[0]:
            assert paced() > 0  # the chats sent to in the last second are still paced
            skew[0] = 60.0  # longer than any pacing window: every chat is free again
            outbox.wake()
        return paced() == 0

    await run_until(outbox, forgotten, seconds=10)


async def test_refusals_are_handled_by_kind_and_nothing_is_dropped_silently(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe([1, 2, 3, 4, 5])
    harness.subscribe([-10], chat_type="group")
    bot_api.block(1)
    bot_api.not_found(2)
    bot_api.migrate(-10, -1000010)
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: {3, 4, 5, -1000010} <= {m.chat_id for m in bot_api.sent()}, 15)
    assert not harness.store.is_subscribed(1)
    assert not harness.store.is_subscribed(2)
    assert harness.store.is_subscribed(-1000010)
    reasons = {chat: reason for _, chat, reason in harness.store.failed_deliveries()}
    assert reasons[1] == "forbidden: Forbidden: bot was blocked by the user"
    assert reasons[2] == "chat not found"
    assert harness.store.delivery_counts() == {"sent": 4, "failed": 2}


async def test_an_outage_pauses_sending_without_using_up_attempts(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe(range(1, 31))
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    bot_api.fail("sendMessage", status=502, times=4)
    circuit = Circuit(first=0.01, longest=0.04)  # the real pauses are 1 s doubling to 30 s
    outbox = await harness.make(DeliveryConfig(rate=30, max_attempts=2), circuit)
    await run_until(outbox, lambda: len(bot_api.sent()) >= 30, seconds=20)
    assert harness.store.delivery_counts() == {"sent": 30}  # four failures, two attempts allowed
    failed_calls = [c for c in bot_api.calls("sendMessage") if c.status == 502]
    assert len(failed_calls) == 4
    assert not circuit.is_open


async def test_a_message_too_long_for_telegram_is_split(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe([1])
    harness.store.enqueue_alert(story("x" * 5000), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: len(bot_api.sent()) >= 1, seconds=10)
    assert len(bot_api.sent(1)[0].text) <= 4096


async def test_a_forum_topic_subscription_posts_into_its_topic(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.store.subscribe(
        -1005, chat_type="supergroup", name="", language="vi", now=datetime.now(UTC), thread_id=77
    )
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: len(bot_api.sent()) >= 1, seconds=10)
    (message,) = bot_api.sent(-1005)
    assert message.thread_id == 77
    assert "Đọc bài" in message.text


async def test_quiet_hours_hold_messages_until_they_end(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe([1, 2])
    hour = datetime.now(UTC).hour
    with harness.store.engine.begin() as conn:
        conn.execute(
            sa.text("UPDATE subscriber SET quiet_hours = :q WHERE chat_id = 1"),
            {"q": f"{hour}-{(hour + 2) % 24}"},
        )
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    await run_until(outbox, lambda: len(bot_api.sent()) >= 1, seconds=10)
    assert [m.chat_id for m in bot_api.sent()] == [2]
    (waiting,) = harness.store.claim_due_deliveries(datetime(2100, 1, 1, tzinfo=UTC), 10)
    assert (waiting.chat_id, waiting.attempts) == (1, 0)
    assert waiting.quiet_hours


async def test_a_digest_subscriber_gets_the_stories_together_at_its_hour(
    harness: Harness, bot_api: FakeBotApi
) -> None:
    harness.subscribe([1, 2])
    with harness.store.engine.begin() as conn:
        conn.execute(
            sa.text(
                "UPDATE subscriber SET mode = 'digest', digest_hours = '8,20', "
                "next_digest_at = '2000-01-01 00:00:00' WHERE chat_id = 1"
            )
        )
    for title in ("Story one", "Story two"):
        harness.store.enqueue_alert(story(title), datetime.now(UTC))
    figure = dataclasses.replace(story("Deadline changed", priority=0), kind="figure")
    harness.store.enqueue_alert(figure, datetime.now(UTC))
    outbox = await harness.make(DeliveryConfig(rate=30))
    task = asyncio.create_task(outbox.run())
    await bot_api.await_messages(4, timeout=10)  # the figure change to both, stories to chat 2
    assert harness.store.delivery_counts()["held"] == 2
    assert await make_digests(harness.store, datetime.now(UTC)) == 1  # the outbox's, every 30 s
    outbox.wake()
    await bot_api.await_messages(2, 1, timeout=10)
    outbox.stop()
    await task
    first, digest = bot_api.sent(1)
    assert "Deadline changed" in first.text  # figure changes stay instant
    assert digest.text.splitlines() == [
        "🗞 <b>Digest: 2 new stories</b>",
        '• <a href="https://vnexpress.net/a.html">Story one</a> — VnExpress, '
        + digest.text.splitlines()[1].split("VnExpress, ")[1],
        '• <a href="https://vnexpress.net/a.html">Story two</a> — VnExpress, '
        + digest.text.splitlines()[2].split("VnExpress, ")[1],
    ]
    assert harness.store.delivery_counts()["digested"] == 2


async def test_a_stop_while_confirmations_are_written_waits_for_the_write(
    harness: Harness, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    harness.subscribe([1])
    harness.store.enqueue_alert(story(), datetime.now(UTC))
    writing, release = threading.Event(), threading.Event()
    write = harness.store.mark_sent

    def slow_write(*args: Any, **kwargs: Any) -> None:  # a busy database, until released
        writing.set()
        assert release.wait(10), "the test never let the confirmation be written"
        write(*args, **kwargs)

    monkeypatch.setattr(harness.store, "mark_sent", slow_write)
    outbox = await harness.make(DeliveryConfig(rate=30))
    task = asyncio.create_task(outbox.run())
    assert await asyncio.to_thread(writing.wait, 10), "the confirmation was never written"
    named = {t.get_name(): t for t in asyncio.all_tasks()}
    flushing = named["outbox-flush"]
    # the claims' renewal has ended already where the outbox runs alone (SQLite)
    helpers = [
        named["outbox-digests"],
        *([named["outbox-claims"]] if "outbox-claims" in named else []),
    ]
    outbox.stop()
    try:  # the stop is taken in: the helpers end, the write in progress is not cut off
        _, running = await asyncio.wait(helpers, timeout=10)
        assert not running, "the outbox did not stop its helpers"
        assert not flushing.done(), "the confirmation's write was cut off"
        assert not task.done(), "the outbox stopped before its confirmation was written"
    finally:
        release.set()
    await task
    assert harness.store.delivery_counts() == {"sent": 1}
    assert "delivery.claims_released" not in caplog.text  # nothing was left pending to free
