"""The README's "Run it as a service", followed word for word under a fake root.

Every ``sh`` block of that section runs in bash (``set -euo pipefail``), in order, as written,
with only these substitutions — this container has no systemd and no engine for Docker, and
a test must not change the machine:

- the paths ``/opt/drawdown``, ``/etc/drawdown``, ``/etc/systemd/system``, ``/etc/cron.d``,
  ``/var/lib/drawdown`` and ``/var/backups/drawdown`` are under a temporary root;
- ``apt-get``, ``git clone``, ``make -C … install``, ``useradd``, ``chown``, ``systemctl`` and
  ``journalctl`` are the stand-ins of tests/e2e/fake_systemd.py, first in PATH (systemctl
  verifies the unit with the real systemd-analyze, starts ExecStart as the unit says and
  waits for READY=1; the user is not switched);
- the example token ``123456789:AA…`` is the fake Bot API's, and the port 9847 the one the
  service listens on: the cloned config.toml asks for a free one (``port = 0``), and the
  service's ``health.listening`` event in the journal says which it got;
- what the reader does by hand between blocks: pointing the cloned config.toml at the local
  feed server and Bot API (choosing feeds), and adding a feed before the reload.

The Docker blocks are not run (tests/e2e/test_dockerfile.py checks the Dockerfile instead).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.fake_systemd import FakeSystem
from tests.e2e.http import wait_for_status
from tests.e2e.service import TOKEN
from tests.e2e.systemd_unit import WORKTREE, make_root
from tests.servers import FakeBotApi, FeedServer, rss

pytestmark = pytest.mark.slow

README = WORKTREE / "README.md"
SECTION = "## Run it as a service"
NOT_RUN = "### With Docker"
ROOTED = ("/opt/drawdown", "/etc/drawdown", "/etc/systemd/system", "/etc/cron.d",
          "/var/lib/drawdown", "/var/backups/drawdown")  # fmt: skip
FAKED = ("apt-get", "git", "make", "useradd", "chown", "systemctl", "journalctl")
EXAMPLE_TOKEN = "123456789:AA…"
PORT = 9847
CHAT = 31337


def blocks() -> list[tuple[str, str]]:
    """(the ### heading above it, the commands) for each ``sh`` block of the section."""
    text = README.read_text(encoding="utf-8")
    start = text.index(f"\n{SECTION}\n")
    end = text.find("\n## ", start + 1)
    found: list[tuple[str, str]] = []
    heading, indent = "", ""
    code: list[str] | None = None
    for line in text[start:end].splitlines():
        if code is None and line.startswith("### "):
            heading = line
        elif code is None and line.strip() == "```sh":
            code, indent = [], line[: len(line) - len(line.lstrip())]
        elif code is not None and line.strip() == "```":
            found.append((heading, "\n".join(code) + "\n"))
            code = None
        elif code is not None:
            code.append(line.removeprefix(indent))
    return found


def listening(system: FakeSystem) -> str:
    """``127.0.0.1:PORT`` of /healthz, from the last ``health.listening`` event in the journal."""
    journal = system.log("drawdown").read_text(encoding="utf-8")
    found = re.findall(r"health\.listening url=http://(127\.0\.0\.1:\d+)/healthz", journal)
    assert found, f"the service never listened for /healthz:\n{journal[-3000:]}"
    return str(found[-1])


@pytest.fixture
def root(tmp_path: Path) -> Iterator[Path]:
    root = make_root(tmp_path / "root")
    yield root
    FakeSystem(root).stop("drawdown")  # whatever happened, no service is left running


def test_the_readme_installs_and_operates_the_service_as_written(
    root: Path, tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/a.rss", rss([]))
    feed_server.set_feed("/b.rss", rss([]))
    shims = tmp_path / "shims"
    shims.mkdir()
    for tool in FAKED:
        shim = shims / tool
        shim.write_text(f'#!/bin/sh\nexec {sys.executable} -m tests.e2e.fake_systemd {tool} "$@"\n')
        shim.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DRAWDOWN_", "TELEGRAM_"))}
    env.update(
        PATH=f"{shims}:{env['PATH']}",
        FAKE_REAL_PATH=env["PATH"],
        FAKE_ROOT=str(root),
        PYTHONPATH=str(WORKTREE),
    )
    rooted = re.compile("|".join(re.escape(p) for p in ROOTED))
    system = FakeSystem(root)

    def run(code: str) -> str:
        script = rooted.sub(lambda m: f"{root}{m.group(0)}", code)
        script = script.replace(EXAMPLE_TOKEN, TOKEN)
        if f"127.0.0.1:{PORT}" in script:
            script = script.replace(f"127.0.0.1:{PORT}", listening(system))
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script], env=env, cwd=tmp_path,
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"{code}\nexited {result.returncode}:\n{output}"
        return output

    ran, skipped = [], []
    for heading, code in blocks():
        if heading == NOT_RUN:
            skipped.append(code)
            continue
        if "systemctl reload drawdown" in code:  # "Edit /etc/drawdown/config.toml, then:"
            with (root / "etc/drawdown/config.toml").open("a", encoding="utf-8") as config:
                config.write(
                    f'\n[[feeds]]\nname = "B"\nurl = "{feed_server.url("/b.rss")}"\nlang = "en"\n'
                )
        if "drawdown db backup" in code:  # something worth restoring
            bot_api.user_sends(CHAT, "/subscribe")
            bot_api.wait_for_messages(1, CHAT, timeout=20)

        output = run(code)
        ran.append(code)

        if "git clone" in code:  # the reader chooses feeds; here, the local servers
            clone = root / "opt/drawdown/config.toml"
            text = clone.read_text(encoding="utf-8")
            text = text[: text.index("[[feeds]]")] + (
                f'[[feeds]]\nname = "A"\nurl = "{feed_server.url("/a.rss")}"\nlang = "vi"\n'
            )
            text = text.replace('"https://api.telegram.org"', f'"{bot_api.url}"')
            assert f"\nport = {PORT}\n" in text, "the shipped config.toml no longer has this port"
            text = text.replace(f"port = {PORT}", "port = 0").replace('tick = "5s"', 'tick = "1s"')
            clone.write_text(text, encoding="utf-8")
        if "drawdown doctor" in code:
            assert "ok    telegram  getMe answered: the bot is @drawdown_watch_bot" in output
            assert "warn  database" in output  # not created yet: the service will
            assert "ok    feed      A: 0 items" in output
        if "systemctl status" in code:
            assert "Active: active (running)" in output
            assert 'Status: "watching 1 feeds"' in output
            assert "\nok\nscheduler ok" in output  # curl -fsS …/healthz
            assert '"event": "service.started"' in output  # the journal, in JSON lines
            assert (root / "etc/systemd/system/multi-user.target.wants/drawdown.service").exists()
            assert (root / "var/lib/drawdown/drawdown.db").exists()
        if "systemctl reload drawdown" in code:
            assert "config.reloaded" in output
            feed_server.wait_for_requests(1, "/b.rss", timeout=10)
        if "drawdown db backup" in code:
            assert f"backed up to {root}/var/backups/drawdown/drawdown-" in output
            assert (root / "etc/cron.d/drawdown-backup").read_text().startswith("17 3 * * * root ")
        if "systemctl start drawdown" in code:  # the restore
            wait_for_status(f"http://{listening(system)}/healthz", 200)
            bot_api.user_sends(CHAT, "/status", language_code="en")
            assert "Subscribers: 1" in bot_api.wait_for_messages(2, CHAT, timeout=20)[1].text

    assert len(ran) == 8
    assert len(skipped) == 1
    assert all("docker" in line for line in skipped[0].splitlines())
    journal = system.log("drawdown").read_text(encoding="utf-8")
    assert TOKEN not in journal
    assert journal.count('"event": "service.started"') == 2  # started, and after the restore
    assert journal.count('"event": "service.stopped"') == 1
    assert system.notifications("drawdown")[:2] == ["READY=1", "STATUS=watching 2 feeds"]
