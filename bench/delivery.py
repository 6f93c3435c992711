"""Sends per second against the configured rate, and alert → last subscriber time.

The fake Bot API runs in a child process and answers 429 like Telegram when the bot goes
faster than the configured rate (5% tolerance, as Telegram's limits are approximate). The
outbox is the service's own, with the real python-telegram-bot client and a SQLite store.
Rates are measured on the server's clock, from the first message received to the last.
"""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import multiprocessing.connection
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from telegram import Bot

from bot.delivery.outbox import Outbox
from bot.delivery.pacing import concurrency_for
from bot.delivery.transport import AiohttpRequest
from drawdown.config import DeliveryConfig
from storage.db import create_engine, upgrade
from storage.store import Store
from storage.types import AlertIntent

TOKEN = "1:bench"
CASES = ((30.0, 300), (500.0, 10_000))  # (messages per second, subscribers)


def _serve(conn: multiprocessing.connection.Connection, rate: float) -> None:
    from tests.servers import FakeBotApi

    # The fake keeps every message it receives; with tens of thousands of them the collector's
    # full passes stall it long enough to bunch arrivals into a false "too fast".
    gc.disable()
    with FakeBotApi() as api:
        api.enforce_limits(per_second=rate * 1.05)
        conn.send(api.base_url)
        while conn.recv() == "stats":
            sent = api.sent()
            conn.send(
                (len(sent), sent[0].time if sent else 0.0, sent[-1].time if sent else 0.0,
                 api.too_many_requests())
            )  # fmt: skip


async def _broadcast(base_url: str, rate: float, subscribers: int, db: Path) -> float:
    """Enqueue one alert for everyone and send it; returns the monotonic time it was stored."""
    engine = create_engine(f"sqlite:///{db}")
    upgrade(engine)
    store = Store(engine)
    now = datetime.now(UTC)
    for chat in range(1, subscribers + 1):
        store.subscribe(chat, chat_type="private", name="", language="en", now=now)
    request = AiohttpRequest(connections=concurrency_for(rate), timeout=20)
    bot = Bot(TOKEN, base_url=base_url, request=request)
    await bot.initialize()
    settings = DeliveryConfig(rate=rate, allow_paid_broadcast=rate > 30, batch=1000)
    outbox = Outbox(store, bot, settings, clock=lambda: datetime.now(UTC))
    task = asyncio.create_task(outbox.run())
    decided = time.monotonic()
    store.enqueue_alert(
        AlertIntent("figure", 0, None, "Deadline changed", "VnExpress", None, now, ()), now
    )
    outbox.wake()
    while outbox.sent_count < subscribers:  # noqa: ASYNC110 -- polling a counter is the point
        await asyncio.sleep(0.05)
    outbox.stop()
    await task
    await bot.shutdown()
    engine.dispose()
    return decided


def _case(rate: float, subscribers: int) -> dict[str, float]:
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("fork").Process(
        target=_serve, args=(child, rate), daemon=True
    )
    server.start()
    try:
        base_url = parent.recv()
        with tempfile.TemporaryDirectory() as tmp:
            decided = asyncio.run(_broadcast(base_url, rate, subscribers, Path(tmp) / "d.db"))
        parent.send("stats")
        count, first, last, floods = parent.recv()
    finally:
        parent.send("stop")
        server.join(10)
    achieved = (count - 1) / (last - first) if count > 1 else 0.0
    return {
        "subscribers": subscribers,
        "achieved_per_s": achieved,
        "share_of_rate": achieved / rate,
        "429s": floods,
        "alert_to_last_subscriber_s": last - decided,
    }


def bench_delivery() -> dict[str, object]:
    """One broadcast per configured rate."""
    return {f"rate {rate:g}/s": _case(rate, subscribers) for rate, subscribers in CASES}


if __name__ == "__main__":
    for name, figures in bench_delivery().items():
        print(name, figures)
