"""The health probe fails a database the service cannot write to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from drawdown.errors import StorageError
from storage.db import create_engine, upgrade
from storage.maintenance import DatabaseProbe


@pytest.mark.postgres
def test_a_read_only_postgresql_database_fails_the_probe(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    upgrade(engine)
    probe = DatabaseProbe(engine)
    assert probe.check()
    name = sa.make_url(postgres_url).database
    with engine.connect() as conn:
        conn.execute(sa.text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        conn.commit()
    engine.dispose()  # new connections read the setting
    with pytest.raises(StorageError, match="cannot be written"):
        DatabaseProbe(engine).check()
    engine.dispose()


def test_a_sqlite_file_locked_by_a_writer_is_still_writable(tmp_path: Path) -> None:
    path = tmp_path / "drawdown.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    locker = sqlite3.connect(path, timeout=1)
    locker.execute("BEGIN IMMEDIATE")
    try:
        assert DatabaseProbe(engine).check()  # a writer at work is not a broken database
    finally:
        locker.rollback()
        locker.close()
        engine.dispose()
