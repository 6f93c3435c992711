"""Scale out: the delivery rate of one, two and three service instances on one PostgreSQL
database, at ``rate = 500`` (paid broadcast) and at Telegram's free 30 messages a second.

Each case starts the real service (``drawdown run``) as that many processes against the fake
Bot API, which runs in a child process and answers 429 when the bot — all instances together —
goes faster than the rate (5% tolerance). Once every instance sees the others, one alert is
stored for ten seconds' worth of subscribers; the rate is measured on the server's clock,
from the first message received to the last. PostgreSQL is the local server
(``DRAWDOWN_TEST_POSTGRES``, as the tests); without it the section says so.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import psycopg
import sqlalchemy as sa

from bench.delivery import _serve
from drawdown.config import load_config
from drawdown.service import open_store
from storage.tables import subscribers
from storage.types import AlertIntent
from tests.e2e.service import ServiceProcess, write_config

POSTGRES_ADMIN = os.environ.get(
    "DRAWDOWN_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test"
)
RATES = (500.0, 30.0)
INSTANCES = (1, 2, 3)
SECONDS = 10  # of sending, at the full rate


@contextmanager
def _database() -> Iterator[str]:
    name = f"drawdown_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield sa.make_url(POSTGRES_ADMIN).set(database=name).render_as_string(False)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _prepare(config: Path, count: int) -> None:
    store = open_store(load_config(config))
    now = datetime.now(UTC)
    rows = [
        {"chat_id": chat, "chat_type": "private", "name": "", "language": "en", "active": True,
         "subscribed_at": now}
        for chat in range(1, count + 1)
    ]  # fmt: skip
    with store.engine.begin() as conn:
        conn.execute(subscribers.insert(), rows)
    store.engine.dispose()


def _alert(config: Path) -> None:
    store = open_store(load_config(config))
    now = datetime.now(UTC)
    store.enqueue_alert(
        AlertIntent("figure", 0, None, "Deadline changed", "VnExpress", None, now, ()), now
    )
    store.engine.dispose()


def _case(rate: float, instances: int) -> dict[str, float]:
    count = int(rate * SECONDS)
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("fork").Process(
        target=_serve, args=(child, rate), daemon=True
    )
    server.start()
    try:
        base_url = parent.recv().removesuffix("/bot")
        with _database() as url, tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            config = write_config(
                folder, feeds=[], api_base_url=base_url, rate=rate, database_url=url
            )
            _prepare(config, count)
            services = [ServiceProcess(folder / f"i{n}", config) for n in range(instances)]
            try:
                for service in services:
                    service.directory.mkdir()
                    service.start()
                for service in services:
                    service.wait_for_log(f"instance.peers live={instances}", timeout=60)
                _alert(config)
                sent, first, last, floods = 0, 0.0, 0.0, 0
                deadline = time.monotonic() + SECONDS * 6
                while sent < count and time.monotonic() < deadline:
                    time.sleep(0.5)
                    parent.send("stats")
                    sent, first, last, floods = parent.recv()
            finally:
                for service in services:
                    service.stop()
    finally:
        parent.send("stop")
        server.join(10)
    achieved = (sent - 1) / (last - first) if sent > 1 else 0.0
    return {"per_s": achieved, "share_of_rate": achieved / rate, "429s": floods, "sent": sent}


def bench_scale() -> dict[str, object]:
    """One broadcast per rate and number of instances."""
    try:
        psycopg.connect(POSTGRES_ADMIN, connect_timeout=5).close()
    except psycopg.OperationalError as e:
        return {"skipped": f"PostgreSQL is not reachable at {POSTGRES_ADMIN}: {e}"}
    return {
        f"rate {rate:g}/s, {n} instance{'s' if n > 1 else ''}": _case(rate, n)
        for rate in RATES
        for n in INSTANCES
    }


if __name__ == "__main__":
    for name, figures in bench_scale().items():
        print(name, figures)
