"""SIGTERM stops the service within seconds while the reading worker is in the middle of a
huge feed, and a feed over its reading budget fails alone while a small feed keeps alerting."""

from __future__ import annotations

import signal
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)


def huge(n: int) -> bytes:
    return rss(
        [
            FeedItem(
                guid=f"big-{i}",
                link=f"https://big.example/{i}",
                title=f"Mỹ rút binh sĩ khỏi căn cứ số {i} ở Iraq",
                description=f"Liên minh do Mỹ dẫn đầu bàn giao căn cứ số {i} cho Iraq.",
                published=NOW - timedelta(days=3, minutes=i),
            )
            for i in range(n)
        ]
    )


def test_sigterm_while_the_worker_reads_a_huge_feed_exits_cleanly(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.set_feed("/big", huge(10_000))
    config = write_config(tmp_path, feeds=[("Big", feed_server.url("/big"))])
    with ServiceProcess(tmp_path, config, token=None) as service:
        feed_server.wait_for_requests(1, "/big", timeout=30)
        service.signal(signal.SIGTERM)
        assert service.wait(timeout=20) == 0
    assert "feed.checked" not in service.stderr()  # it was stopped in the middle of reading


def test_a_feed_over_its_reading_budget_fails_alone(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/big", huge(10_000))
    feed_server.set_feed("/small", rss([]))
    config = write_config(
        tmp_path,
        feeds=[("Big", feed_server.url("/big")), ("Small", feed_server.url("/small"))],
        api_base_url=bot_api.url,
        schedule='read_timeout = "1s"',
    )
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(11, "/subscribe", language_code="vi")
        bot_api.wait_for_messages(1, 11, timeout=20)
        service.wait_for_log("worker.over_budget", timeout=30)
        feed_server.set_feed(
            "/small",
            rss(
                [
                    FeedItem(
                        guid="small-1",
                        link="https://small.example/1",
                        title="Mỹ hoàn tất rút quân khỏi căn cứ Ain al-Asad ở Iraq",
                        description="Quân đội Mỹ đã rời căn cứ Ain al-Asad.",
                        published=NOW,
                    )
                ]
            ),
        )
        (_, alert) = bot_api.wait_for_messages(2, 11, timeout=30)
        assert "Ain al-Asad" in alert.text
        assert service.stop() == 0
    assert "feed.failed feed=" in service.stderr()
    assert "reading took longer than 1 s" in service.stderr()
