"""/healthz of a running service: 503 with the reason while something is wrong, 200 again after."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from storage.db import head_revision
from tests.e2e.http import get, wait_for_status
from tests.e2e.service import TOKEN, ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedServer, rss

pytestmark = pytest.mark.slow

HEALTH = '[health]\nport = 0\nstale_tick = "1s"\ntelegram_down = "1s"\ndb_timeout = "2s"'


def test_healthz_turns_503_when_the_tick_stalls_the_database_goes_or_telegram_fails(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(
        tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url,
        interval=3600, extra=HEALTH,
    )  # fmt: skip
    database = tmp_path / "drawdown.db"
    with ServiceProcess(tmp_path, config) as service:
        healthz = service.health_url() + "/healthz"
        body = wait_for_status(healthz, 200)
        assert body.splitlines()[0] == "ok"
        assert f"database ok: answers (migration {head_revision()})" in body
        assert "telegram ok: the last call succeeded" in body

        # The tick hangs: another process holds the database's write lock.
        locker = sqlite3.connect(database, timeout=10)
        locker.execute("BEGIN IMMEDIATE")
        try:
            body = wait_for_status(healthz, 503)
            assert body.splitlines()[0] == "unhealthy"
            assert "scheduler FAIL: no tick for " in body
            assert "(stale_tick is 1 s)" in body
            assert "database ok" in body  # readers still get through
        finally:
            locker.rollback()
            locker.close()
        wait_for_status(healthz, 200)

        # The database file goes away, and comes back.
        database.rename(tmp_path / "moved-away.db")
        try:
            body = wait_for_status(healthz, 503)
            assert f"database FAIL: database file {database} is missing" in body
            assert "scheduler ok" in body
        finally:
            (tmp_path / "moved-away.db").rename(database)
        wait_for_status(healthz, 200)

        # Telegram stops answering for longer than telegram_down.
        bot_api.stop()
        try:
            body = wait_for_status(healthz, 503)
            assert "telegram FAIL: calls failing for " in body
            assert "(telegram_down is 1 s)" in body
        finally:
            bot_api.start()
        bot_api.user_sends(7, "/help")  # the next long poll returns at once
        wait_for_status(healthz, 200, timeout=30)

        assert get(service.health_url() + "/nothing-here")[0] == 404
        assert service.stop() == 0
    assert TOKEN not in service.stderr()
    assert "health.failing reasons=scheduler FAIL" in service.stderr()


def test_the_listener_is_loopback_only_by_default(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))])
    with ServiceProcess(tmp_path, config, token=None) as service:
        assert service.health_url().startswith("http://127.0.0.1:")
        body = wait_for_status(service.health_url() + "/healthz", 200)
        assert "telegram ok: not used (no TELEGRAM_BOT_TOKEN)" in body
        assert service.stop() == 0


def test_a_port_in_use_stops_the_start_with_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        config = write_config(
            tmp_path, feeds=[("A", "http://127.0.0.1:9/f")], extra=f"[health]\nport = {port}"
        )
        service = ServiceProcess(tmp_path, config, token=None).start()
        assert service.wait() == 1
    assert f"cannot listen on 127.0.0.1:{port} for /healthz" in service.stderr()
    assert "set [health] port" in service.stderr()
