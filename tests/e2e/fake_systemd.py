"""Just enough of systemd to follow deploy/drawdown.service in a container, under a fake root.

No systemd runs here, and tests must not touch the real /etc, /opt or /var. So a temporary
directory stands for ``/`` (``FAKE_ROOT``): the unit's paths are read under it
(tests/e2e/systemd_unit.py), and ExecStart starts as systemd would start it — the
EnvironmentFile's variables, the StateDirectory created and exported, the WorkingDirectory, a
NOTIFY_SOCKET. The user is not switched (that needs real root and a real ``drawdown`` user).

Run as ``python -m tests.e2e.fake_systemd TOOL ARGS…``, it stands in for the commands of the
README's "Run it as a service" that would change the machine (tests/e2e/test_readme_service.py
puts one small script per tool first in PATH):

- ``systemctl daemon-reload | enable [--now] | start | stop | reload | status UNIT``: verifies
  the units with the real ``systemd-analyze verify``, starts ExecStart and waits for READY=1
  (Type=notify), runs ExecReload and waits for the next READY=1, stops with SIGTERM;
- ``journalctl -u UNIT [-n N]``: the service's stdout and stderr;
- ``git clone URL DIR``: a copy of this working tree; ``make -C DIR install``: a venv in DIR
  whose commands run this working tree's; ``apt-get``, ``useradd``, ``chown``: nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

from tests.e2e.systemd_unit import WORKTREE, launch, parse_unit, setting
from tests.waiting import within

READY_TIMEOUT = 60.0


# --- systemctl and journalctl ----------------------------------------------------------------


class FakeSystem:
    """The state of the fake machine under ``root``: pid files, notify log, journal."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.units = root / "etc" / "systemd" / "system"
        self.run = root / "run" / "fake-systemd"
        self.journal = root / "var" / "log" / "journal"

    def unit(self, name: str) -> dict[str, list[tuple[str, str]]]:
        return parse_unit((self.units / f"{_name(name)}.service").read_text(encoding="utf-8"))

    def log(self, name: str) -> Path:
        return self.journal / f"{_name(name)}.log"

    def notifications(self, name: str) -> list[str]:
        path = self.run / f"{_name(name)}.notify"
        return path.read_text(encoding="utf-8").splitlines() if path.exists() else []

    def pid(self, name: str, kind: str = "main") -> int | None:
        path = self.run / f"{_name(name)}.{kind}.pid"
        if not path.exists():
            return None
        pid = int(path.read_text())
        return pid if _alive(pid) else None

    def socket_path(self, name: str) -> str:
        # AF_UNIX paths are limited to 108 bytes: keep it short, and unique per root.
        digest = hashlib.sha1(f"{self.root}:{name}".encode()).hexdigest()[:12]
        return f"/tmp/fake-systemd-{digest}.sock"

    def daemon_reload(self) -> int:
        failed = 0
        for unit in sorted(self.units.glob("*.service")):
            result = subprocess.run(
                [
                    "systemd-analyze",
                    "verify",
                    f"--root={self.root}",
                    f"/{unit.relative_to(self.root)}",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            output = (result.stdout + result.stderr).strip()
            if result.returncode != 0 or output:
                print(output or f"systemd-analyze verify failed for {unit.name}", file=sys.stderr)
                failed += 1
        return 1 if failed else 0

    def enable(self, name: str) -> None:
        wants = self.units / "multi-user.target.wants"
        wants.mkdir(parents=True, exist_ok=True)
        link = wants / f"{_name(name)}.service"
        if not link.is_symlink():
            link.symlink_to(f"../{_name(name)}.service")
            print(
                f"Created symlink /{link.relative_to(self.root)} → /etc/systemd/system/{link.name}."
            )

    def start(self, name: str) -> int:
        name = _name(name)
        if self.pid(name) is not None:
            return 0
        self.run.mkdir(parents=True, exist_ok=True)
        self.journal.mkdir(parents=True, exist_ok=True)
        notify_log = self.run / f"{name}.notify"
        notify_log.write_text("", encoding="utf-8")
        address = self.socket_path(name)
        listener = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.fake_systemd", "_listen", address, str(notify_log)],
            cwd=WORKTREE,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        (self.run / f"{name}.listener.pid").write_text(str(listener.pid))
        within(10, lambda: os.path.exists(address))
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DRAWDOWN_", "TELEGRAM_"))}
        how = launch(self.unit(name), self.root, base)
        how.env["NOTIFY_SOCKET"] = address
        with self.log(name).open("ab") as journal:
            service = subprocess.Popen(
                how.argv,
                cwd=how.cwd,
                env=how.env,
                stdin=subprocess.DEVNULL,
                stdout=journal,
                stderr=journal,
                start_new_session=True,
            )
        (self.run / f"{name}.main.pid").write_text(str(service.pid))
        if self._wait_ready(name, 1, service):
            return 0
        print(
            f"Job for {name}.service failed: no READY=1 (see journalctl -u {name})", file=sys.stderr
        )
        return 1

    def stop(self, name: str) -> int:
        name = _name(name)
        pid = self.pid(name)
        if pid is not None:
            os.kill(pid, signal.SIGTERM)
            if not within(30, lambda: self.pid(name) is None):
                os.kill(pid, signal.SIGKILL)
        listener = self.pid(name, "listener")
        if listener is not None:
            os.kill(listener, signal.SIGTERM)
        for kind in ("main", "listener"):
            (self.run / f"{name}.{kind}.pid").unlink(missing_ok=True)
        return 0

    def reload(self, name: str) -> int:
        name = _name(name)
        pid = self.pid(name)
        if pid is None:
            print(f"{name}.service is not active, cannot reload.", file=sys.stderr)
            return 1
        command = setting(self.unit(name), "Service", "ExecReload")
        assert command, "the unit has no ExecReload"
        readies = self.notifications(name).count("READY=1")
        subprocess.run(shlex.split(command.replace("$MAINPID", str(pid))), check=True)
        return 0 if self._wait_ready(name, readies + 1, None) else 1

    def status(self, name: str) -> int:
        name = _name(name)
        description = setting(self.unit(name), "Unit", "Description") or name
        pid = self.pid(name)
        statuses = [
            n.removeprefix("STATUS=") for n in self.notifications(name) if n.startswith("STATUS=")
        ]
        print(f"● {name}.service - {description}")
        print(f"     Loaded: loaded (/etc/systemd/system/{name}.service)")
        if pid is None:
            print("     Active: inactive (dead)")
            return 3
        print("     Active: active (running)")
        if statuses:
            print(f'     Status: "{statuses[-1]}"')
        print(f"   Main PID: {pid}")
        return 0

    def journalctl(self, name: str, lines: int) -> int:
        path = self.log(_name(name))
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]:
                print(line)
        return 0

    def _wait_ready(self, name: str, count: int, process: subprocess.Popen[bytes] | None) -> bool:
        return within(
            READY_TIMEOUT,
            lambda: self.notifications(name).count("READY=1") >= count,
            unless=lambda: process is not None and process.poll() is not None,
        )


def _name(unit: str) -> str:
    return unit.removesuffix(".service")


def _alive(pid: int) -> bool:
    """Running, and not a zombie waiting for a parent that may never reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def listen(address: str, log: Path) -> None:
    """Receive sd_notify datagrams and append each field as a line to ``log``."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(address)  # left by a killed listener
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(address)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            while True:
                data = sock.recv(4096)
                with log.open("a", encoding="utf-8") as out:
                    out.write(data.decode() + "\n")
        finally:
            os.unlink(address)


# --- the other tools -------------------------------------------------------------------------


def git(args: list[str]) -> int:
    """``git clone URL DIR``: copy this working tree (tracked and new files) to DIR."""
    if args[:1] != ["clone"] or len(args) != 3:
        raise SystemExit(f"git {' '.join(args)} is not faked")
    target = Path(args[2])
    real_git = shutil.which("git", path=os.environ.get("FAKE_REAL_PATH")) or "/usr/bin/git"
    listed = subprocess.run(
        [
            real_git,
            "-C",
            str(WORKTREE),
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for relative in filter(None, listed.split("\0")):
        source = WORKTREE / relative
        if source.is_file():
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)
    print(f"Cloning into '{target}'... (a copy of {WORKTREE})")
    return 0


def make(args: list[str]) -> int:
    """``make -C DIR install``: DIR/.venv/bin/{drawdown,python} run this working tree's venv
    (a real install is a minute of pip; ``make install`` itself is what every test run uses)."""
    if args[:1] != ["-C"] or args[2:] != ["install"]:
        raise SystemExit(f"make {' '.join(args)} is not faked")
    bin_dir = Path(args[1]) / ".venv" / "bin"
    bin_dir.mkdir(parents=True, exist_ok=True)
    for command in ("drawdown", "python"):
        script = bin_dir / command
        script.write_text(f'#!/bin/sh\nexec {WORKTREE / ".venv" / "bin" / command} "$@"\n')
        script.chmod(0o755)
    return 0


def main(argv: list[str]) -> int:
    tool, args = argv[0], argv[1:]
    if tool == "_listen":
        listen(args[0], Path(args[1]))
        return 0
    if tool in ("apt-get", "useradd", "chown"):
        print(f"({tool} {' '.join(args)}: skipped in the fake root)")
        return 0
    if tool == "git":
        return git(args)
    if tool == "make":
        return make(args)
    system = FakeSystem(Path(os.environ["FAKE_ROOT"]))
    if tool == "journalctl":
        unit = args[args.index("-u") + 1]
        lines = int(args[args.index("-n") + 1]) if "-n" in args else 10
        return system.journalctl(unit, lines)
    assert tool == "systemctl", f"{tool} is not faked"
    command, rest = args[0], [a for a in args[1:] if not a.startswith("--")]
    if command == "daemon-reload":
        return system.daemon_reload()
    if command == "enable":
        system.enable(rest[0])
        return system.start(rest[0]) if "--now" in args else 0
    actions = {
        "start": system.start,
        "stop": system.stop,
        "reload": system.reload,
        "status": system.status,
    }
    return actions[command](rest[0])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
