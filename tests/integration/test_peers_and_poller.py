"""Instances side by side on a real database: heartbeats share the rate, one of them polls."""

from __future__ import annotations

import asyncio
import socket
from datetime import UTC, datetime, timedelta
from typing import ClassVar

import pytest
import sqlalchemy as sa

from drawdown.ops.peers import Peers
from drawdown.ops.poller import Poller
from storage.db import create_engine, upgrade
from storage.instances import POLLER_LOCK, Instances, SessionLock
from storage.store import Store
from tests.waiting import until_async

T0 = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


async def test_live_instances_share_the_rate_and_one_that_leaves_gives_its_share_back(
    store: Store,
) -> None:
    clock = Clock()
    counts: dict[str, list[int]] = {"a": [], "b": []}
    instances = Instances(store.engine)
    here = socket.gethostname()
    dead = f"{here}:999999:old"  # an earlier life on this host, whose process is gone
    instances.beat(dead, T0, gone_after=timedelta(seconds=5))
    stop = asyncio.Event()
    stop.set()  # join does not wait for the others to see it
    a = Peers(instances, f"{here}:1:a", clock=clock, on_count=counts["a"].append)
    await a.join(stop)
    assert counts["a"] == [1]  # the dead life's row was removed, not counted
    b = Peers(instances, "elsewhere:2:b", clock=clock, on_count=counts["b"].append)
    await b.join(stop)
    await a.beat()
    assert (counts["a"][-1], counts["b"][-1]) == (2, 2)
    await b.leave()
    await a.beat()
    assert counts["a"][-1] == 1
    clock.now += timedelta(seconds=6)  # a silent instance is gone
    await b.beat()
    assert counts["b"][-1] == 1


async def test_a_new_instance_waits_until_the_others_have_seen_it(store: Store) -> None:
    instances = Instances(store.engine)
    clock = Clock()
    await Peers(instances, "elsewhere:1:a", clock=clock, on_count=lambda n: None).join(
        asyncio.Event()
    )
    stop = asyncio.Event()
    b = Peers(instances, "elsewhere:2:b", clock=clock, on_count=lambda n: None, every=30)
    joining = asyncio.create_task(b.join(stop))
    await until_async("b sees a", lambda: len(b.live) == 2, seconds=10)
    assert not joining.done()  # waits two beats for a to slow down
    stop.set()
    await joining


class Switch:
    """What the poller turns on and off: counts the pollers on at once."""

    on: ClassVar[set[str]] = set()
    most = 0

    def __init__(self, name: str) -> None:
        self.name = name

    async def start(self) -> None:
        Switch.on.add(self.name)
        Switch.most = max(Switch.most, len(Switch.on))

    async def stop(self) -> None:
        Switch.on.discard(self.name)


@pytest.mark.postgres
async def test_one_instance_polls_and_another_takes_over_when_it_stops_or_dies(
    postgres_url: str,
) -> None:
    engine = create_engine(postgres_url)
    upgrade(engine)
    Switch.on, Switch.most = set(), 0
    locks = {name: SessionLock(engine, POLLER_LOCK) for name in "abc"}
    stops = {name: asyncio.Event() for name in "abc"}
    runs = {
        name: asyncio.create_task(
            Poller(locks[name], Switch(name).start, Switch(name).stop, every=0.05).run(stops[name])
        )
        for name in "abc"
    }
    await until_async("one polls", lambda: len(Switch.on) == 1, seconds=10)
    (first,) = Switch.on
    stops[first].set()  # it stops: polling ends, then the lock goes
    await runs[first]
    await until_async("another polls", lambda: len(Switch.on) == 1, seconds=10)
    (second,) = Switch.on
    with engine.begin() as admin:  # its session ends, as when the process is killed
        # (found from outside: its poller uses the lock's own connection in a thread of its own)
        pid = admin.execute(
            sa.text(
                "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND objid = :k AND database ="
                " (SELECT oid FROM pg_database WHERE datname = current_database())"
            ),
            {"k": POLLER_LOCK},
        ).scalar_one()
        admin.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    await until_async(
        "the last", lambda: Switch.on == {({"a", "b", "c"} - {first, second}).pop()}, seconds=10
    )
    for name in "abc":
        stops[name].set()
    await asyncio.gather(*runs.values())
    assert Switch.most == 1  # never two at once
    engine.dispose()


async def test_on_sqlite_the_one_instance_polls() -> None:
    engine = create_engine("sqlite://")
    Switch.on, Switch.most = set(), 0
    stop = asyncio.Event()
    run = asyncio.create_task(
        Poller(SessionLock(engine, POLLER_LOCK), Switch("a").start, Switch("a").stop).run(stop)
    )
    await until_async("it polls", lambda: Switch.on == {"a"}, seconds=10)
    stop.set()
    await run
    assert Switch.on == set()


class AwayInstances(Instances):
    """The database is away for the next ``times`` heartbeats."""

    def __init__(self, engine: sa.Engine, times: int) -> None:
        super().__init__(engine)
        self.times = times

    def beat(self, name: str, now: datetime, *, gone_after: timedelta) -> list[str]:
        if self.times > 0:
            self.times -= 1
            raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))
        return super().beat(name, now, gone_after=gone_after)


async def test_a_heartbeat_that_fails_keeps_the_count_and_the_next_one_goes_on(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    counts: list[int] = []
    instances = AwayInstances(store.engine, times=0)
    peers = Peers(instances, "elsewhere:1:a", clock=Clock(), on_count=counts.append)
    await peers.beat()
    instances.times = 1
    await peers.beat()
    assert counts == [1]  # the share stays as it was
    assert "instance.beat_failed" in caplog.text
    await peers.beat()
    assert counts == [1, 1]


class AwayLock(SessionLock):
    """A lock whose database is away for the next ``times`` tries."""

    def __init__(self, engine: sa.Engine, times: int) -> None:
        super().__init__(engine, POLLER_LOCK)
        self.times = times

    def acquire(self) -> bool:
        if self.times > 0:
            self.times -= 1
            raise sa.exc.OperationalError("SELECT 1", {}, Exception("connection refused"))
        return super().acquire()


async def test_the_poller_tries_again_when_the_database_is_away(
    caplog: pytest.LogCaptureFixture,
) -> None:
    engine = create_engine("sqlite://")
    Switch.on, Switch.most = set(), 0
    stop = asyncio.Event()
    lock = AwayLock(engine, times=2)
    run = asyncio.create_task(
        Poller(lock, Switch("a").start, Switch("a").stop, every=0.01).run(stop)
    )
    await until_async("it polls once the database answers", lambda: Switch.on == {"a"}, seconds=10)
    assert lock.times == 0
    assert caplog.text.count("telegram.poller_lock_failed") == 2
    stop.set()
    await run
