"""A sender that crashes stops the service with its own error: the log names what broke,
not a second error from shutting down the Telegram application while it still runs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedServer, rss

pytestmark = pytest.mark.slow


def test_the_outbox_losing_its_table_exits_1_naming_it(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("F", feed_server.url("/f"))], api_base_url=bot_api.url)
    with ServiceProcess(tmp_path, config) as service:
        service.wait_for_log("service.started")
        with sqlite3.connect(tmp_path / "drawdown.db") as db:
            db.execute("DROP TABLE delivery")  # what no release would do: the sender's rows gone
        assert service.wait() == 1
    log = service.stderr()
    assert "service.crashed" in log
    assert "no such table: delivery" in log
    assert "still running" not in log
