"""A systemd unit as systemd would read it, under a fake root: the settings, how its main
process starts (ExecStart, Environment, EnvironmentFile, StateDirectory, WorkingDirectory),
and a bare root to start it in. tests/e2e/fake_systemd.py runs what this describes.
"""

from __future__ import annotations

import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

WORKTREE = Path(__file__).resolve().parents[2]
UNIT_FILE = WORKTREE / "deploy" / "drawdown.service"


def parse_unit(text: str) -> dict[str, list[tuple[str, str]]]:
    """Sections of ``KEY=value`` lines, in order (a key may repeat); comments left out."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current: list[tuple[str, str]] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None, f"a setting outside a section: {line!r}"
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def setting(unit: dict[str, list[tuple[str, str]]], section: str, key: str) -> str | None:
    """The last value of ``key`` in ``section`` (as systemd reads a repeated scalar)."""
    found = [v for k, v in unit.get(section, []) if k == key]
    return found[-1] if found else None


def rooted(root: Path, path: str) -> Path:
    return root / path.lstrip("/")


def read_environment_file(path: Path) -> dict[str, str]:
    """``KEY=value`` lines; comments and blank lines skipped, surrounding quotes removed."""
    env = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        key, _, value = line.partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        env[key.strip()] = value
    return env


@dataclass(frozen=True, slots=True)
class Launch:
    """How systemd would start the unit's main process."""

    argv: list[str]
    env: dict[str, str]
    cwd: Path


def launch(unit: dict[str, list[tuple[str, str]]], root: Path, base: dict[str, str]) -> Launch:
    """ExecStart, its environment and working directory, with every path under ``root``."""
    exec_start = setting(unit, "Service", "ExecStart")
    assert exec_start, "the unit has no ExecStart"
    argv = [str(rooted(root, a)) if a.startswith("/") else a for a in shlex.split(exec_start)]
    env = dict(base)
    for _, assignments in (kv for kv in unit["Service"] if kv[0] == "Environment"):
        for assignment in shlex.split(assignments):
            key, _, value = assignment.partition("=")
            env[key] = value
    for _, name in (kv for kv in unit["Service"] if kv[0] == "EnvironmentFile"):
        optional = name.startswith("-")
        file = rooted(root, name.removeprefix("-"))
        if file.exists() or not optional:
            env.update(read_environment_file(file))
    if state := setting(unit, "Service", "StateDirectory"):
        directory = rooted(root, f"/var/lib/{state}")
        directory.mkdir(parents=True, exist_ok=True)
        env["STATE_DIRECTORY"] = str(directory)
    working = setting(unit, "Service", "WorkingDirectory")
    cwd = rooted(root, working) if working else root
    return Launch(argv=argv, env=env, cwd=cwd)


def make_root(root: Path) -> Path:
    """A bare Debian-like tree: systemd's own units (for ``verify``), /bin/kill (the unit's
    ExecReload), and the folders the README writes to."""
    system_units = Path("/usr/lib/systemd/system")
    if not system_units.is_dir():
        system_units = Path("/lib/systemd/system")
    shutil.copytree(system_units, root / "usr" / "lib" / "systemd" / "system", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True, exist_ok=True)
    shutil.copy2(Path("/bin/kill").resolve(), root / "usr" / "bin" / "kill")
    (root / "bin").symlink_to("usr/bin")
    for folder in ("etc/systemd/system", "etc/cron.d", "var/lib", "var/backups", "var/log", "run"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    return root
