"""A database the configuration names but the service cannot use is one line and exit 2: a bad
URL, a corrupt file, a migration this version does not know, a folder that does not exist."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.e2e.commands import drawdown

pytestmark = pytest.mark.slow

TOPIC = '[topic]\nrequired = ["iraq"]\n[topic.terms]\niraq = ["Iraq"]\n'


def config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f'[storage]\nurl = "{url}"\n{TOPIC}', encoding="utf-8")
    return path


def one_line_and_exit_2(path: Path, *command: str) -> str:
    result = drawdown("--config", str(path), *command, token=None)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {path}: storage.url: ")
    return errors[0]


def test_a_corrupt_database_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "x.db").write_bytes(b"not a database " * 200)
    line = one_line_and_exit_2(config(tmp_path, f"sqlite:///{tmp_path / 'x.db'}"), "run")
    assert "file is not a database" in line


def test_a_migration_this_version_does_not_know_is_one_line(tmp_path: Path) -> None:
    path = config(tmp_path, f"sqlite:///{tmp_path / 'x.db'}")
    assert drawdown("--config", str(path), "db", "upgrade", token=None).returncode == 0
    with sqlite3.connect(tmp_path / "x.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dfeed9999'")
    line = one_line_and_exit_2(path, "db", "upgrade")
    assert "is at migration 'f00dfeed9999', which this version does not know" in line


def test_a_database_in_folders_that_do_not_exist_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    line = one_line_and_exit_2(config(tmp_path, f"sqlite:///{missing / 'x.db'}"), "db", "upgrade")
    assert f"the folder {tmp_path / 'nonexistent'} does not exist" in line
    assert not (tmp_path / "nonexistent").exists()


def test_a_database_deleted_after_the_first_start_is_not_started_anew(tmp_path: Path) -> None:
    path = config(tmp_path, f"sqlite:///{tmp_path / 'x.db'}")
    assert drawdown("--config", str(path), "db", "upgrade", token=None).returncode == 0
    (tmp_path / "x.db").unlink()
    line = one_line_and_exit_2(path, "run")
    missing = tmp_path / "x.db"
    assert f"the database file {missing} is missing, and this installation had one" in line
    assert not missing.exists()
    upgrade = drawdown("--config", str(path), "db", "upgrade", token=None)
    assert upgrade.returncode == 0  # an empty database started on purpose
