"""Fixtures shared by every test suite; the servers themselves live in tests/servers."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest
import sqlalchemy as sa

from tests import shared
from tests.servers.botapi import FakeBotApi
from tests.servers.feeds import FeedServer

# PTB 22 warns (an error under filterwarnings=error) unless durations such as RetryAfter.retry_after
# are timedeltas. Set here, at import, so that services started as subprocesses inherit it too.
os.environ["PTB_TIMEDELTA"] = "1"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--shared",
        metavar="PATH",
        help=f"the folder of labelled real articles (default: ${shared.ENV} or ../shared)",
    )


def pytest_configure(config: pytest.Config) -> None:
    shared.use(config.getoption("shared"))


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A feed server on a free loopback port, stopped after the test."""
    with FeedServer() as server:
        yield server


@pytest.fixture
def bot_api() -> Iterator[FakeBotApi]:
    """A fake Telegram Bot API on a free loopback port, stopped after the test."""
    with FakeBotApi() as api:
        yield api


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
