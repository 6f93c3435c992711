"""Databases for the storage suite: every test runs on a SQLite file and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage.db import create_engine, upgrade
from storage.store import Store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated-from-nothing database URL of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'drawdown.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A Store on a migrated, empty database of each kind."""
    engine = create_engine(database_url)
    upgrade(engine)
    yield Store(engine)
    engine.dispose()
