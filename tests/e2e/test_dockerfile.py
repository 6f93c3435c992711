"""The Dockerfile, checked without an engine: the install `make install` does, a non-root user,
the data in a volume, and a HEALTHCHECK that really fails when /healthz does."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.http import wait_for_status
from tests.e2e.service import ROOT, ServiceProcess, write_config
from tests.e2e.systemd_unit import UNIT_FILE, parse_unit, setting
from tests.servers import FeedServer, rss

pytestmark = pytest.mark.slow

DEFAULT_PORT = 9847


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments left out."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n\s*", " ", "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("#")
    ))  # fmt: skip
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line else "")
        for line in joined.splitlines()
        if line.strip()
    ]


def only(name: str) -> str:
    (value,) = [args for instruction, args in instructions() if instruction == name]
    return value


def test_the_image_installs_what_make_install_installs() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (make_install,) = [line.strip() for line in makefile.splitlines() if "pip install" in line]
    (docker_install,) = [a for i, a in instructions() if i == "RUN" and "pip install" in a]
    pip = docker_install.split("&&")[-1].strip()
    # The same command, the same pins; only the development tools and the editable link go.
    expected = make_install.replace("$(BIN)", ".venv/bin").replace("-e '.[dev]'", ".")
    assert pip == expected
    assert "python3 -m venv .venv" in docker_install
    assert "COPY" in dict(instructions())
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert ".venv" in ignored  # the host's venv never lands in the image


def test_it_runs_as_a_user_with_its_data_in_a_volume() -> None:
    user = only("USER")
    assert user not in ("root", "0")
    assert json.loads(only("VOLUME")) == ["/data"]
    assert "DRAWDOWN_DATABASE_URL=sqlite:////data/drawdown.db" in only("ENV")
    command = json.loads(only("CMD"))
    exec_start = setting(parse_unit(UNIT_FILE.read_text(encoding="utf-8")), "Service", "ExecStart")
    assert exec_start is not None
    assert command[:3] == ["drawdown", "run", "--config"]
    assert shlex.split(exec_start)[1:3] == ["run", "--config"]  # started as the unit starts it


def test_the_healthcheck_fails_exactly_when_healthz_does(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    healthcheck = only("HEALTHCHECK")
    assert "--start-period" in healthcheck
    probe = json.loads(healthcheck.split("CMD", 1)[1])
    assert probe[0] == "python"
    assert f"http://127.0.0.1:{DEFAULT_PORT}/healthz" in probe[-1]

    feed_server.set_feed("/f", rss([]))
    config = write_config(
        tmp_path, feeds=[("A", feed_server.url("/f"))], interval=3600, extra="[health]\nport = 0"
    )
    with ServiceProcess(tmp_path, config, token=None) as service:
        url = service.health_url()
        wait_for_status(url + "/healthz", 200)
        code = probe[-1].replace(f"http://127.0.0.1:{DEFAULT_PORT}", url)
        assert subprocess.run([sys.executable, *probe[1:-1], code], check=False).returncode == 0
        (tmp_path / "drawdown.db").rename(tmp_path / "away.db")
        try:
            wait_for_status(url + "/healthz", 503)
            failing = subprocess.run(
                [sys.executable, *probe[1:-1], code], capture_output=True, check=False
            )
        finally:
            (tmp_path / "away.db").rename(tmp_path / "drawdown.db")
        assert failing.returncode != 0
        assert b"503" in failing.stderr
        assert service.stop() == 0
