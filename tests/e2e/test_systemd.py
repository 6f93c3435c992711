"""deploy/drawdown.service: systemd accepts it, and the service started as it starts it speaks
the notify protocol — READY=1, WATCHDOG=1 while it ticks, RELOADING=1 on SIGHUP, STOPPING=1."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.fake_systemd import make
from tests.e2e.service import TOKEN, write_config
from tests.e2e.systemd_unit import UNIT_FILE, launch, make_root, parse_unit, setting
from tests.servers import FakeBotApi, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow


def systemd_analyze() -> str:
    """The systemd-analyze binary; installed from Debian's packages if it is missing."""
    found = shutil.which("systemd-analyze")
    if found is None and shutil.which("apt-get") and os.geteuid() == 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True, timeout=300)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "systemd"],
            check=True,
            timeout=600,
        )
        found = shutil.which("systemd-analyze")
    if found is None:
        pytest.fail("systemd-analyze is missing and cannot be installed (apt-get, as root)")
    return found


def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    root = make_root(tmp_path / "root")
    shutil.copy(UNIT_FILE, root / "etc" / "systemd" / "system" / "drawdown.service")
    make(["-C", str(root / "opt" / "drawdown"), "install"])  # the ExecStart it points at

    result = subprocess.run(
        [systemd_analyze(), "verify", f"--root={root}", "/etc/systemd/system/drawdown.service"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout + result.stderr == ""  # not even a warning about an unknown key


def test_the_unit_asks_for_notify_restarts_a_token_file_state_and_hardening() -> None:
    unit = parse_unit(UNIT_FILE.read_text(encoding="utf-8"))
    expected = {
        "Type": "notify",
        "Restart": "on-failure",
        "EnvironmentFile": "/etc/drawdown/drawdown.env",
        "StateDirectory": "drawdown",
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "ExecStart": "/opt/drawdown/.venv/bin/drawdown run --config /etc/drawdown/config.toml",
    }
    assert {key: setting(unit, "Service", key) for key in expected} == expected
    assert setting(unit, "Service", "WatchdogSec")
    assert setting(unit, "Install", "WantedBy") == "multi-user.target"


class NotifySocket:
    """A datagram socket standing in for systemd's /run/systemd/notify."""

    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="notify-", dir="/tmp")  # AF_UNIX: ≤ 108 bytes
        self.path = os.path.join(self.folder, "notify.sock")
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(self.path)
        self.received: list[tuple[float, str]] = []

    def wait_for(self, field: str, timeout: float = 30, after: float = 0.0) -> float:
        """When ``field`` (e.g. "READY=1") arrived after ``after`` (time.monotonic())."""
        deadline = time.monotonic() + timeout
        while True:
            for at, line in self.received:
                if line == field and at > after:
                    return at
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{field} never came; got {[f for _, f in self.received]}")
            self.sock.settimeout(left)
            try:
                data = self.sock.recv(4096)
            except TimeoutError:
                continue
            now = time.monotonic()
            self.received += [(now, line) for line in data.decode().splitlines()]

    def close(self) -> None:
        self.sock.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def notify_socket() -> Iterator[NotifySocket]:
    sock = NotifySocket()
    yield sock
    sock.close()


def test_the_service_started_as_the_unit_starts_it_speaks_the_notify_protocol(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi, notify_socket: NotifySocket
) -> None:
    root = make_root(tmp_path / "root")
    shutil.copy(UNIT_FILE, root / "etc" / "systemd" / "system" / "drawdown.service")
    make(["-C", str(root / "opt" / "drawdown"), "install"])
    etc = root / "etc" / "drawdown"
    etc.mkdir()
    feed_server.set_feed("/f", rss([]))
    config = write_config(
        etc,
        feeds=[("A", feed_server.url("/f"))],
        api_base_url=bot_api.url,
        extra='[health]\nport = 0\nstale_tick = "1s"',
    )
    database = root / "var" / "lib" / "drawdown" / "drawdown.db"
    config.write_text(
        config.read_text().replace(str(etc / "drawdown.db"), str(database)), encoding="utf-8"
    )
    (etc / "drawdown.env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n")
    os.chmod(etc / "drawdown.env", 0o600)

    base = {k: v for k, v in os.environ.items() if not k.startswith(("DRAWDOWN_", "TELEGRAM_"))}
    how = launch(parse_unit(UNIT_FILE.read_text(encoding="utf-8")), root, base)
    assert how.argv[0] == str(root / "opt/drawdown/.venv/bin/drawdown")
    assert how.env["TELEGRAM_BOT_TOKEN"] == TOKEN
    how.env.update(NOTIFY_SOCKET=notify_socket.path, WATCHDOG_USEC="600000")  # a ping each 0.3 s
    log = tmp_path / "journal.log"
    with log.open("wb") as journal:
        process = subprocess.Popen(
            how.argv, env=how.env, cwd=how.cwd, stdout=journal, stderr=journal
        )
    try:
        ready = notify_socket.wait_for("READY=1")
        assert "STATUS=watching 1 feeds" in [f for _, f in notify_socket.received]
        assert database.exists()  # the StateDirectory holds the database
        notify_socket.wait_for("WATCHDOG=1", after=ready)

        # A scheduler that stops ticking (here: the database locked for writes) gets no pings.
        locker = sqlite3.connect(database, timeout=10)
        locker.execute("BEGIN IMMEDIATE")
        try:
            until("a ping is withheld", lambda: withheld_pings(log), timeout=15)
            notify_socket.sock.settimeout(0.01)
            drain(notify_socket)  # the pings sent before the stall was noticed
            withheld = time.monotonic()
            seen = withheld_pings(log)  # each watchdog turn pings or logs that it withholds
            until("three more turns withhold", lambda: withheld_pings(log) >= seen + 3, 15)
            pings = [at for at, f in drain(notify_socket) if f == "WATCHDOG=1" and at > withheld]
            assert pings == []
        finally:
            locker.rollback()
            locker.close()
        notify_socket.wait_for("WATCHDOG=1", after=time.monotonic(), timeout=10)

        sent_hup = time.monotonic()
        process.send_signal(signal.SIGHUP)
        reloading = notify_socket.wait_for("RELOADING=1", after=sent_hup)
        notify_socket.wait_for("READY=1", after=reloading)

        process.send_signal(signal.SIGTERM)
        assert process.wait(20) == 0
        notify_socket.wait_for("STOPPING=1")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert TOKEN not in log.read_text(errors="replace")


def withheld_pings(log: Path) -> int:
    """Watchdog turns that sent no ping, from the service's log."""
    return log.read_text(errors="replace").count("systemd.watchdog_withheld")


def drain(sock: NotifySocket) -> list[tuple[float, str]]:
    """Everything received so far, including what is still queued on the socket."""
    while True:
        try:
            data = sock.sock.recv(4096)
        except (TimeoutError, BlockingIOError):
            return sock.received
        now = time.monotonic()
        sock.received += [(now, line) for line in data.decode().splitlines()]
