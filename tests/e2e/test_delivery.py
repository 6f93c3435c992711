"""Delivery at Telegram's limits, end to end: the service process broadcasting to thousands of
subscribers through the fake Bot API that answers 429 when the bot goes too fast, a crash and an
outage in the middle of a broadcast."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from drawdown.config import load_config
from drawdown.service import open_store
from storage.types import AlertIntent
from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow


def intent(title: str, priority: int) -> AlertIntent:
    return AlertIntent(
        kind="story",
        priority=priority,
        article_id=None,
        title=title,
        outlet="Tuổi Trẻ",
        url="https://tuoitre.vn/a.htm",
        published_at=datetime.now(UTC),
        matched=("rút quân",),
    )


def prepare(config: Path, chats: range, alerts: list[AlertIntent]) -> None:
    """Subscribers and alerts stored before the service starts, as if it had crashed."""
    store = open_store(load_config(config))
    now = datetime.now(UTC)
    for chat in chats:
        store.subscribe(chat, chat_type="private", name="", language="vi", now=now)
    for alert in alerts:
        store.enqueue_alert(alert, now)
    store.engine.dispose()


def counts(config: Path) -> dict[str, int]:
    store = open_store(load_config(config))
    try:
        return store.delivery_counts()
    finally:
        store.engine.dispose()


def wait_for_sent(config: Path, total: int, seconds: float) -> None:
    until(
        lambda: f"{total} sent (now {counts(config)})",
        lambda: counts(config).get("sent", 0) >= total,
        timeout=seconds,
    )


@pytest.fixture
def no_collector_pauses() -> Iterator[None]:
    """The fake Bot API runs in this process, which by now holds a whole test session's
    objects: a full garbage collection stalls it long enough to bunch arrivals into a false
    "too fast" (the service itself is another process)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.mark.usefixtures("no_collector_pauses")
def test_2000_subscribers_at_500_per_second_get_no_429_and_figure_changes_go_first(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(
        tmp_path, feeds=[("F", feed_server.url("/f"))], api_base_url=bot_api.url, rate=500
    )
    prepare(
        config,
        range(1, 2001),
        [intent("Routine story", priority=1), intent("Deadline changed", priority=0)],
    )
    bot_api.enforce_limits(per_second=500 * 1.05)
    with ServiceProcess(tmp_path, config) as service:
        bot_api.wait_for_messages(4000, timeout=60)
        wait_for_sent(config, 4000, 10)
        assert service.stop() == 0
    sent = bot_api.sent()
    assert bot_api.too_many_requests() == 0
    per_chat = Counter(m.chat_id for m in sent)
    assert set(per_chat.values()) == {2}  # every subscriber, each alert exactly once
    first_lines: dict[int | str, list[str]] = {}
    for message in sent:
        first_lines.setdefault(message.chat_id, []).append(message.text.splitlines()[0])
    assert {tuple(lines) for lines in first_lines.values()} == {
        ("📰 <b>Deadline changed</b>", "📰 <b>Routine story</b>")
    }  # each chat: the figure change first
    # Every figure change is dispatched before any routine message. When the first routine one
    # leaves, at most the 50 messages in flight have not arrived yet; a slow request can then
    # be overtaken, but no routine message can arrive before 1,950 figure changes have.
    kinds = ["figure" if "Deadline changed" in m.text else "story" for m in sent]
    assert kinds.index("story") >= 2000 - 50


def test_telegram_away_mid_broadcast_then_everyone_has_everything(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(
        tmp_path, feeds=[("F", feed_server.url("/f"))], api_base_url=bot_api.url, rate=300,
        outage_backoff="250ms",  # 30 s when shipped: the same doubling, over in a second
    )  # fmt: skip
    prepare(config, range(1, 301), [intent("Mỹ rút quân", 1), intent("Hạn chót thay đổi", 0)])
    with ServiceProcess(tmp_path, config) as service:
        bot_api.wait_for_messages(100, timeout=30)
        bot_api.stop()
        # Away until sending has paused at the longest backoff three times, probing in between.
        service.wait_for_log("pause_s=0.25 ", timeout=30, count=3)
        in_flight = len(bot_api.sent()) - counts(config).get("sent", 0)
        bot_api.start()
        wait_for_sent(config, 600, 120)
        assert service.stop() == 0
    per_chat = Counter(m.chat_id for m in bot_api.sent())
    assert set(per_chat) == set(range(1, 301))
    twice = sum(n - 2 for n in per_chat.values())
    assert 0 <= twice <= max(in_flight, 0)
    assert counts(config) == {"sent": 600}
    assert "delivery.retry" in service.stderr()
