"""The service's own tick on a SQLite file, for integration tests that poll the local feed
server: configuration from the shipped config.toml, store, parse worker, HTTP session."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from drawdown.config import Config, ScheduleConfig, StorageConfig, load_config
from drawdown.service import open_store, topic_of
from storage.store import Store
from watchers.feeds.fetch import make_session
from watchers.feeds.tick import Tick
from watchers.pipeline import FeedReport, Pipeline
from watchers.worker import Preparer

ROOT = Path(__file__).resolve().parents[2]


def config_for(database: Path, schedule: ScheduleConfig) -> Config:
    """The shipped topic with no feeds, ``schedule``, and a SQLite file at ``database``."""
    shipped = load_config(ROOT / "config.toml")
    storage = StorageConfig(url=f"sqlite:///{database}")
    return shipped.model_copy(update={"schedule": schedule, "feeds": (), "storage": storage})


@asynccontextmanager
async def running_tick(
    config: Config, clock: Callable[[], datetime]
) -> AsyncIterator[tuple[Store, Tick]]:
    """A migrated store and a tick checking feeds through the real pipeline."""
    store = open_store(config)
    preparer = Preparer(topic_of(config))
    try:
        async with make_session() as client:
            pipeline = Pipeline(store, preparer, config.schedule, client=client, clock=clock)
            yield store, Tick(store, pipeline, config.schedule, clock=clock)
    finally:
        preparer.close()
        store.engine.dispose()


async def check_all(store: Store, tick: Tick) -> list[FeedReport]:
    """Make every feed due and check them all."""
    with store.engine.begin() as conn:
        conn.execute(sa.text("UPDATE feed SET next_check_at = :t"), {"t": "2000-01-01 00:00:00"})
    return await tick.run_cycle()
