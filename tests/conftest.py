"""Fixtures shared by every test suite; the servers themselves live in tests/servers."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

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
