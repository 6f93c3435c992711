"""sd_notify: datagrams to NOTIFY_SOCKET (a local socket, no network), the watchdog interval."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator

import pytest

from drawdown.ops import systemd


@pytest.fixture
def notify_socket(monkeypatch: pytest.MonkeyPatch) -> Iterator[socket.socket]:
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        path = os.path.join(folder, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        sock.settimeout(2)
        monkeypatch.setenv("NOTIFY_SOCKET", path)
        yield sock
        sock.close()


def test_ready_sends_ready_and_a_status(notify_socket: socket.socket) -> None:
    assert systemd.ready("watching 12 feeds")
    assert notify_socket.recv(4096) == b"READY=1\nSTATUS=watching 12 feeds"


def test_reloading_carries_the_monotonic_time(notify_socket: socket.socket) -> None:
    assert systemd.reloading()
    first, second = notify_socket.recv(4096).decode().split("\n")
    assert first == "RELOADING=1"
    assert second.startswith("MONOTONIC_USEC=")
    assert int(second.split("=")[1]) > 0


def test_an_abstract_socket_name_starts_with_an_at(monkeypatch: pytest.MonkeyPatch) -> None:
    name = f"drawdown-test-{os.getpid()}"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind("\0" + name)
        sock.settimeout(2)
        monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
        assert systemd.watchdog()
        assert sock.recv(4096) == b"WATCHDOG=1"


def test_without_systemd_nothing_is_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not systemd.ready("x")


def test_a_vanished_socket_is_logged_not_raised(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("NOTIFY_SOCKET", "/nonexistent/notify")
    assert not systemd.stopping()
    assert "systemd.notify_failed" in caplog.text


def test_the_watchdog_pings_at_half_its_interval_and_only_for_its_process() -> None:
    assert systemd.watchdog_interval({"WATCHDOG_USEC": "120000000"}) == 60.0
    mine = {"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": str(os.getpid())}
    assert systemd.watchdog_interval(mine) == 1.0
    assert systemd.watchdog_interval({"WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "1"}) is None
    assert systemd.watchdog_interval({}) is None
    assert systemd.watchdog_interval({"WATCHDOG_USEC": "0"}) is None
