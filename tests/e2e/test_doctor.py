"""``drawdown doctor`` as an operator runs it: what is wrong, and a fix for each problem."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from storage.db import head_revision
from tests.e2e.commands import drawdown
from tests.e2e.service import TOKEN, write_config
from tests.servers import FakeBotApi, FeedServer, rss

pytestmark = pytest.mark.slow


def test_doctor_finds_nothing_wrong_with_a_working_setup(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    assert drawdown("db", "upgrade", "--config", str(config)).returncode == 0

    result = drawdown("doctor", "--config", str(config))

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines[:5]] == [
        ["ok", "config"],
        ["ok", "telegram"],
        ["ok", "database"],
        ["ok", "health"],
        ["ok", "feed"],
    ]
    assert "getMe answered: the bot is @drawdown_watch_bot" in result.stdout
    assert f"at migration {head_revision()} (latest)" in result.stdout
    assert lines[-1] == "Everything is in order."
    assert TOKEN not in result.stdout + result.stderr


def test_doctor_names_each_problem_and_its_fix(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.set_feed("/ok", rss([]))
    feed_server.set_status("/gone", 404)
    with FakeBotApi(token="987654321:AAOtherTokenNotOurs") as refusing, socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))  # bound, not answering
        port = taken.getsockname()[1]
        config = write_config(
            tmp_path,
            feeds=[("Fine", feed_server.url("/ok")), ("Gone", feed_server.url("/gone"))],
            api_base_url=refusing.url,
            extra=f"[health]\nport = {port}",
        )
        result = drawdown("doctor", "--config", str(config))

    assert result.returncode == 1
    out = result.stdout
    assert "FAIL  telegram" in out
    assert "refused the bot token (getMe)" in out
    assert "fix: copy the token again from @BotFather" in out
    assert "warn  database" in out
    assert f"{tmp_path / 'drawdown.db'} does not exist yet" in out
    assert "fix: `drawdown db upgrade` creates it" in out
    assert f"FAIL  health    cannot listen on 127.0.0.1:{port}" in out
    assert "fix: another program uses the port" in out
    assert "ok    feed      Fine: 0 items" in out
    assert "FAIL  feed      feeds[1] Gone: cannot fetch" in out
    assert "HTTP 404" in out
    assert out.splitlines()[-1] == "3 problem(s) to fix, 1 warning(s)."
    assert not (tmp_path / "drawdown.db").exists()  # the doctor creates nothing


def test_doctor_says_when_the_database_server_does_not_answer(tmp_path: Path) -> None:
    config = write_config(tmp_path, feeds=[])
    url = "postgresql://drawdown:secret@127.0.0.1:1/drawdown"  # nothing listens on port 1

    result = drawdown(
        "doctor", "--config", str(config), token=None, env={"DRAWDOWN_DATABASE_URL": url}
    )

    assert result.returncode == 1
    assert "FAIL  database  postgresql://drawdown:***@127.0.0.1:1/drawdown does not answer" in (
        result.stdout
    )
    assert "fix: check that the database server runs" in result.stdout
    assert "secret" not in result.stdout
    assert "warn  telegram  TELEGRAM_BOT_TOKEN is not set" in result.stdout
    assert "warn  feeds     no [[feeds]] configured" in result.stdout


def test_doctor_reports_a_broken_config_with_its_key(tmp_path: Path) -> None:
    config = write_config(tmp_path, feeds=[("A", "https://a.example/rss")])
    config.write_text(config.read_text().replace('tick = "200ms"', 'tick = "often"'))

    result = drawdown("doctor", "--config", str(config), token=None)

    assert result.returncode == 2
    assert f"FAIL  config    {config}: schedule.tick: 'often' is not a duration" in result.stdout
    assert "fix: edit the file" in result.stdout


def test_doctor_says_what_the_service_would_do_when_telegram_answers_oddly(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    bot_api.fail("getMyCommands", status=500, times=1)
    result = drawdown("doctor", "--config", str(config))
    assert "warn  telegram  the command menus cannot be read (getMyCommands)" in result.stdout
    assert "the service starts anyway" in result.stdout

    bot_api.set_me(is_bot=None)
    result = drawdown("doctor", "--config", str(config))
    assert result.returncode == 1
    assert "FAIL  telegram  Telegram's answer to getMe is not a bot user" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_doctor_says_the_machine_is_offline_when_no_feed_host_resolves(tmp_path: Path) -> None:
    feeds = [(f"F{n}", f"https://feed{n}.drawdown-test.invalid/rss") for n in range(12)]
    config = write_config(tmp_path, feeds=feeds)
    result = drawdown("doctor", "--config", str(config), token=None)
    assert "this machine seems offline" in result.stdout
    assert "feeds[" not in result.stdout  # not twelve URLs to fix
