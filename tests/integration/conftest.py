"""Databases for the storage suite: every test runs on a SQLite file and on PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from storage.db import create_engine, upgrade
from storage.store import Store

POSTGRES_ADMIN = os.environ.get(
    "DRAWDOWN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A freshly created PostgreSQL database, dropped after the test."""
    name = f"drawdown_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as e:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_ADMIN}: {e}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            url = sa.make_url(POSTGRES_ADMIN).set(database=name)
            yield url.render_as_string(hide_password=False)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
