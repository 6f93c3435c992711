"""A crash in the middle of a broadcast loses no alert and repeats at most what was in flight."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from drawdown.config import load_config
from drawdown.service import open_store
from tests.e2e.service import (
    ServiceProcess,
    delivery_counts,
    until_each_chat_has,
    write_config,
)
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

SUBSCRIBERS = range(1, 201)
STORY = FeedItem(
    guid="tn-185240",
    link="https://thanhnien.vn/my-rut-quan-khoi-iraq-185240.htm",
    title="Liên minh do Mỹ dẫn đầu sẽ rút quân khỏi Iraq vào tháng 9-2025",
    published=datetime.now(UTC),
)


def test_sigkill_mid_broadcast_then_restart_reaches_everyone(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(
        tmp_path, feeds=[("Thanh Niên", feed_server.url("/f"))], api_base_url=bot_api.url, rate=60
    )
    store = open_store(load_config(config))
    for chat in SUBSCRIBERS:
        store.subscribe(chat, chat_type="private", name="", language="vi", now=datetime.now(UTC))
    store.engine.dispose()
    bot_api.set_send_delay(0.05)

    with ServiceProcess(tmp_path, config) as service:
        feed_server.wait_for_requests(1, "/f", timeout=20)
        feed_server.set_feed("/f", rss([STORY]))
        bot_api.wait_for_messages(60, timeout=20)
        service.kill()
    # requests already on the wire when it died still reach the server, until it has seen
    # every connection of the dead process close
    until("the dead service's connections close", lambda: not bot_api.connections(), 10)
    received_before = len(bot_api.sent())
    confirmed = delivery_counts(config).get("sent", 0)
    in_flight = received_before - confirmed
    assert 0 <= in_flight < 200
    assert received_before < 200, "the broadcast finished before the crash; nothing was tested"

    with ServiceProcess(tmp_path, config) as service:
        counts = until_each_chat_has(bot_api, SUBSCRIBERS)
        until("all 200 are confirmed", lambda: delivery_counts(config).get("sent", 0) >= 200, 20)
        assert service.stop() == 0
        counts = Counter(m.chat_id for m in bot_api.sent())

    twice = sum(n - 1 for n in counts.values())
    assert set(counts) == set(SUBSCRIBERS)
    assert twice <= in_flight
    assert delivery_counts(config).get("sent", 0) == 200
