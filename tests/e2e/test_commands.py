"""The commands a newcomer types: `drawdown run` on the shipped config, check-feeds, db upgrade,
and `make demo`'s replay of the seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import shared
from tests.e2e.service import ROOT, ServiceProcess, shipped_config, write_config
from tests.servers import FeedItem, FeedServer, rss

pytestmark = pytest.mark.slow


def env(**extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DRAWDOWN_", "TELEGRAM_"))}
    return {**clean, "PYTHONUNBUFFERED": "1", **extra}


def test_run_on_the_shipped_config_without_a_token_prints_to_the_terminal_and_stops_cleanly(
    tmp_path: Path,
) -> None:
    shipped_config(tmp_path)  # ./config.toml, where `drawdown run` looks; health on a free port
    with ServiceProcess(tmp_path, None, token=None) as service:
        service.wait_for_log("service.started", timeout=30)  # fails with the log if it exits
        assert "alerts are printed to this terminal" in service.stderr()
        assert service.stop(timeout=30) == 0, service.stderr()[-3000:]
    assert "service.stopped" in service.stderr()
    assert (tmp_path / "data" / "drawdown.db").exists()


def test_check_feeds_prints_a_table_and_names_what_failed(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    item = FeedItem(guid="1", link="https://vov.vn/1", title="Mỹ rút quân khỏi Iraq")
    feed_server.set_feed("/ok", rss([item, FeedItem(guid="2", link="https://vov.vn/2", title="x")]))
    feed_server.set_status("/down", 503)
    config = write_config(
        tmp_path, feeds=[("VOV", feed_server.url("/ok")), ("Down", feed_server.url("/down"))]
    )
    result = subprocess.run(
        [sys.executable, "-m", "drawdown", "check-feeds", "--config", str(config)],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    header, vov, down = result.stdout.splitlines()[:3]
    assert header.split() == ["FEED", "STATUS", "ITEMS", "MATCHES", "TIME", "ERROR"]
    assert vov.split()[:4] == ["VOV", "ok", "2", "1"]
    assert down.split()[:2] == ["Down", "error"]
    assert "HTTP 503" in down
    assert "1 of 2 feeds answered." in result.stdout


def test_db_upgrade_creates_the_database(tmp_path: Path) -> None:
    config = write_config(tmp_path, feeds=[])
    result = subprocess.run(
        [sys.executable, "-m", "drawdown", "db", "upgrade", "--config", str(config)],
        env=env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "is at migration" in result.stdout
    assert (tmp_path / "drawdown.db").exists()


def test_the_demo_replays_the_five_seeds_offline() -> None:
    folder = shared.seeds()  # skipped where the seeds are absent
    result = subprocess.run(
        [sys.executable, "-m", "tests.demo"],
        cwd=ROOT,
        env=env(**{shared.ENV: str(folder.parent)}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("📰 ") >= 5
    assert "Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân" in result.stdout


def test_the_demo_says_where_the_seeds_are_expected_when_they_are_absent(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.demo"],
        cwd=ROOT,
        env=env(**{shared.ENV: str(tmp_path / "nowhere")}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "nowhere not found: the labelled real articles live outside" in result.stdout
