"""A crash at any commit point of a batch loses no alert and repeats none.

The batch places a new story and changes a deadline. The service is killed (SIGKILL) when the
batch is decided but nothing is written, when everything is written but not committed, and
right after the commit; restarted, every subscriber gets the story alert and the figure alert
exactly once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from drawdown.config import load_config
from drawdown.service import open_store
from tests.e2e.service import ServiceProcess, delivery_counts, until_each_chat_has, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)
YEAR = NOW.year
CHATS = (7001, 7002, 7003)
FEED = "/the-gioi.rss"

FIRST_TIMETABLE = FeedItem(
    guid="vne-1",
    link="https://vnexpress.net/tin-1.html",
    title="Mỹ cam kết rút quân khỏi Iraq",
    description=f"Mỹ sẽ rút toàn bộ binh sĩ khỏi Iraq vào cuối năm {YEAR + 1}.",
    published=NOW - timedelta(days=40),
)
PUSHED_BACK = FeedItem(
    guid="vne-2",
    link="https://vnexpress.net/tin-2.html",
    title="Mỹ lùi thời hạn rút quân khỏi Iraq",
    description=f"Theo Reuters, liên minh do Mỹ dẫn đầu sẽ rời khỏi Iraq vào cuối năm {YEAR + 2}.",
    published=NOW - timedelta(hours=1),
)


def configured(directory: Path, feed_server: FeedServer, bot_api: FakeBotApi) -> Path:
    config = write_config(
        directory,
        feeds=[("VnExpress", feed_server.url(FEED))],
        api_base_url=bot_api.url,
        # a claim left by a killed process expires in a second, not the default two minutes
        schedule="lease = 1",
    )
    store = open_store(load_config(config))
    try:
        for chat in CHATS:
            store.subscribe(chat, chat_type="private", name="", language="vi", now=NOW)
    finally:
        store.engine.dispose()
    return config


@pytest.mark.parametrize("point", ["read", "applied", "committed"])
def test_a_crash_at_a_commit_point_loses_no_alert_and_repeats_none(
    point: str, tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed(FEED, rss([]))
    config = configured(tmp_path, feed_server, bot_api)

    with ServiceProcess(tmp_path, config) as service:  # the first timetable: a story alert
        feed_server.wait_for_requests(1, FEED, timeout=20)
        feed_server.set_feed(FEED, rss([FIRST_TIMETABLE]))
        until_each_chat_has(bot_api, CHATS, 1)
        assert service.stop() == 0

    feed_server.set_feed(FEED, rss([PUSHED_BACK, FIRST_TIMETABLE]))
    with ServiceProcess(tmp_path, config, env={"DRAWDOWN_CRASH_AT": point}) as service:
        assert service.wait(timeout=30) < 0, "the service was to be killed at the commit point"
        assert f"fault.crash point={point}" in service.stderr()
    assert [m.chat_id for m in bot_api.sent()].count(CHATS[0]) == 1  # nothing sent before

    with ServiceProcess(tmp_path, config) as service:
        until_each_chat_has(bot_api, CHATS, 3)
        until(
            lambda: f"no delivery pending: {delivery_counts(config)}",
            lambda: not delivery_counts(config).get("pending", 0),
            timeout=20,
        )
        assert service.stop() == 0

    for chat in CHATS:
        texts = [m.text.splitlines()[0] for m in bot_api.sent(chat)]
        assert len(texts) == 3, texts
        assert texts[0] == f"📰 <b>{FIRST_TIMETABLE.title}</b>"
        changes = [t for t in texts if t.startswith("⚠️")]
        assert len(changes) == 1, texts
        assert f"cuối năm {YEAR + 2}" in changes[0], texts
        assert texts.count(f"📰 <b>{PUSHED_BACK.title}</b>") == 1, texts
    assert delivery_counts(config) == {"sent": 3 * len(CHATS)}
