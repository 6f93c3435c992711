"""Several instances on one database: claimed deliveries, heartbeats, locks, digests made once,
and one service per SQLite file — on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from drawdown.errors import StorageError
from storage.db import create_engine, hold_sqlite, sqlite_file, upgrade
from storage.instances import POLLER_LOCK, Instances, SessionLock, exclusive
from storage.store import Store
from storage.tables import subscribers
from storage.types import AlertIntent

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)
GONE = timedelta(seconds=5)


def alert(title: str = "Mỹ rút quân khỏi Iraq", priority: int = 1) -> AlertIntent:
    return AlertIntent(
        kind="story",
        priority=priority,
        article_id=None,
        title=title,
        outlet="VnExpress",
        url="https://vnexpress.net/a.html",
        published_at=NOW,
        matched=("rút quân",),
    )


def subscribe(store: Store, chats: range) -> None:
    for chat in chats:
        store.subscribe(chat, chat_type="private", name="", language="vi", now=NOW)


def claim(store: Store, worker: str, limit: int = 100, now: datetime = NOW) -> set[int]:
    due = store.claim_due_deliveries(now, limit, worker=worker, lease=LEASE, per_chat=3)
    return {d.id for d in due}


def test_a_row_is_claimed_by_one_instance_until_its_lease_runs_out(store: Store) -> None:
    subscribe(store, range(1, 11))
    store.enqueue_alert(alert(), NOW)
    first = claim(store, "a:1:x", limit=4)
    assert len(first) == 4
    second = claim(store, "b:2:y")
    assert len(second) == 6
    assert not first & second
    assert claim(store, "a:1:x") == first  # a holds its rows still
    assert claim(store, "c:3:z", now=NOW + LEASE + timedelta(seconds=1)) == first | second


def test_a_chat_another_instance_holds_is_left_to_it_until_its_pace_runs_out(
    store: Store,
) -> None:
    subscribe(store, range(1, 2))
    store.enqueue_alert(alert("first"), NOW)
    (sent,) = claim(store, "a:1:x")
    store.mark_sent([(sent, 10)], NOW, pace=timedelta(seconds=3))
    store.enqueue_alert(alert("second"), NOW)
    assert claim(store, "b:2:y") == set()  # a sent to the chat within its pace
    assert len(claim(store, "b:2:y", now=NOW + timedelta(seconds=4))) == 1


def test_claims_are_renewed_and_released_and_a_retry_frees_its_row(store: Store) -> None:
    subscribe(store, range(1, 4))
    store.enqueue_alert(alert(), NOW)
    mine = claim(store, "a:1:x")
    later = NOW + timedelta(seconds=20)
    assert store.renew_delivery_claims("a:1:x", later, LEASE) == 3
    assert claim(store, "b:2:y", now=NOW + LEASE + timedelta(seconds=1)) == set()  # renewed
    retried = min(mine)
    store.mark_retry(retried, "flood wait 1 s", NOW, count=False)
    assert claim(store, "b:2:y") == {retried}
    assert store.release_delivery_claims("a:1:x") == 2
    assert claim(store, "c:3:z") == mine - {retried}


def test_claims_of_a_process_that_is_gone_are_released_with_its_feed_claims(
    store: Store,
) -> None:
    subscribe(store, range(1, 3))
    store.enqueue_alert(alert(), NOW)
    claim(store, "host:99:old")
    assert store.claimants(NOW) == ["host:99:old"]
    store.release_claims(["host:99:old"])
    assert store.claimants(NOW) == []
    assert len(claim(store, "host:100:new")) == 2


def test_two_instances_claiming_at_once_never_share_a_row(store: Store) -> None:
    subscribe(store, range(1, 201))
    for n in range(3):
        store.enqueue_alert(alert(f"alert {n}"), NOW)
    got: dict[str, list[set[int]]] = {"a": [], "b": []}

    def sender(name: str) -> None:
        while store.delivery_counts().get("pending"):
            rows = claim(store, f"{name}:1:x", limit=50)
            got[name].append(rows)
            store.mark_sent([(row, 1) for row in rows], NOW)  # sent: the next claim goes on

    threads = [threading.Thread(target=sender, args=(name,)) for name in got]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    a, b = set().union(*got["a"]), set().union(*got["b"])
    assert not a & b
    assert len(a | b) == 600


def test_heartbeats_list_the_live_instances_and_forget_the_dead(store: Store) -> None:
    instances = Instances(store.engine)
    assert instances.beat("a:1:x", NOW, gone_after=GONE) == ["a:1:x"]
    later = NOW + timedelta(seconds=1)
    assert instances.beat("b:2:y", later, gone_after=GONE) == ["a:1:x", "b:2:y"]
    assert instances.beat("b:2:y", NOW + timedelta(seconds=7), gone_after=GONE) == ["b:2:y"]
    assert set(instances.names()) == {"a:1:x", "b:2:y"}
    instances.beat("b:2:y", NOW + timedelta(minutes=5), gone_after=GONE)
    assert instances.names() == ["b:2:y"]  # silent for ten times gone_after: deleted
    instances.leave(["b:2:y"])
    assert instances.names() == []


def test_a_digest_is_made_once_whichever_instances_make_it(store: Store) -> None:
    subscribe(store, range(1, 2))
    with store.engine.begin() as conn:
        conn.execute(subscribers.update().values(mode="digest", next_digest_at=NOW))
    store.enqueue_alert(alert(), NOW - timedelta(hours=1))
    for delivery in store.claim_due_deliveries(NOW, 10):
        store.hold(delivery.id)
    made = [store.make_digest(1, NOW, NOW + timedelta(hours=12)) for _ in range(2)]
    assert made[0] is not None
    assert made[1] is None
    assert store.delivery_counts() == {"digested": 1, "pending": 1}


@pytest.mark.postgres
def test_one_session_holds_the_poller_lock_until_it_lets_go_or_its_connection_ends(
    postgres_url: str,
) -> None:
    engine = create_engine(postgres_url)
    first, second = SessionLock(engine, POLLER_LOCK), SessionLock(engine, POLLER_LOCK)
    assert first.acquire()
    assert first.held()
    assert not second.acquire()
    with exclusive(engine, POLLER_LOCK) as got:
        assert not got
    first.release()
    assert second.acquire()
    assert second._conn is not None
    pid = second._conn.execute(sa.text("SELECT pg_backend_pid()")).scalar()
    second._conn.commit()
    with engine.begin() as conn:  # the session ends, as when its process is killed
        conn.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    assert not second.held()
    assert first.acquire()
    first.release()
    engine.dispose()


def test_on_sqlite_every_lock_is_the_one_instances(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'drawdown.db'}")
    upgrade(engine)
    lock = SessionLock(engine, POLLER_LOCK)
    assert lock.acquire()
    assert lock.held()
    with exclusive(engine, POLLER_LOCK) as got:
        assert got
    engine.dispose()


def test_a_second_service_on_one_sqlite_file_is_refused_with_a_clear_reason(
    tmp_path: Path,
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'drawdown.db'}")
    upgrade(engine)
    held = hold_sqlite(engine)
    assert held is not None
    with pytest.raises(StorageError, match=r"another instance of the service \(pid \d+\) runs on"):
        hold_sqlite(engine)
    held.close()
    again = hold_sqlite(engine)  # the first one ended: the file is free
    assert again is not None
    again.close()
    engine.dispose()


@pytest.mark.postgres
def test_postgresql_needs_no_file_lock(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    assert hold_sqlite(engine) is None
    engine.dispose()


def test_a_sqlite_uri_names_the_same_file_and_is_refused_alike(tmp_path: Path) -> None:
    path = tmp_path / "drawdown.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    held = hold_sqlite(engine)
    as_uri = create_engine(f"sqlite:///file:{path}?mode=rwc&uri=true")
    with pytest.raises(StorageError, match="another instance of the service"):
        hold_sqlite(as_uri)
    assert held is not None
    held.close()
    memory = sa.create_engine(
        "sqlite:///file:memdb?mode=memory&uri=true", poolclass=sa.pool.SingletonThreadPool
    )
    assert sqlite_file(memory) is None
    as_uri.dispose()
    engine.dispose()
