"""Backups, pruning, reindexing and the health probe, on a real SQLite file (and PostgreSQL
for pruning and reindexing)."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from drawdown.errors import StorageError
from storage import maintenance
from storage.db import create_engine, head_revision, upgrade
from storage.instances import PRUNE_LOCK, exclusive
from storage.ledger import Ledger
from storage.ledger_types import NewFigureEntry
from storage.maintenance import (
    DatabaseProbe,
    ReindexReport,
    backup,
    index_behind,
    prune,
    reindex,
)
from storage.store import Store
from storage.story_types import Placement
from storage.tables import articles, deliveries, evidences
from storage.types import AlertIntent, FeedSpec, NewArticle

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def article(n: int, *, relevant: bool = True) -> NewArticle:
    return NewArticle(
        feed_id=1,
        guid=f"vnx-{n}",
        url=f"https://vnexpress.net/tin-{n}.html",
        canonical_url=f"https://vnexpress.net/tin-{n}.html",
        content_hash=f"hash-{n}",
        title=f"Mỹ rút quân khỏi Iraq ({n})",
        summary=f"Khoảng 2.500 binh sĩ Mỹ sẽ rời Iraq ({n}).",
        published_at=NOW - 100 * DAY,
        relevant=relevant,
        matched=("Iraq", "rút quân"),
    )


def figure(article_id: int) -> NewFigureEntry:
    return NewFigureEntry(
        key="troops/US/Iraq",
        value="2500",
        precision="approx",
        level="2500",
        kind="new",
        article_id=article_id,
        outlet="VnExpress",
        source=None,
        url="https://vnexpress.net/tin-1.html",
        published_at=NOW - 100 * DAY,
        quote="Khoảng 2.500 binh sĩ Mỹ",
    )


def story(article_id: int) -> AlertIntent:
    return AlertIntent(
        kind="story",
        priority=1,
        article_id=article_id,
        title="Mỹ rút quân khỏi Iraq",
        outlet="VnExpress",
        url="https://vnexpress.net/tin-1.html",
        published_at=NOW - 100 * DAY,
        matched=("Iraq",),
    )


def fill(store: Store) -> dict[str, int]:
    """A database that has run for months: old and new articles, figures, alerts, deliveries."""
    store.sync_feeds(
        [FeedSpec("https://vnexpress.net/rss/the-gioi.rss", "VnExpress", "vi", 300)], NOW
    )
    for chat in (1, 2):
        store.subscribe(
            chat, chat_type="private", name=f"c{chat}", language="vi", now=NOW - 200 * DAY
        )
    (old,) = store.insert_articles([article(1)], NOW - 100 * DAY)
    (recent,) = store.insert_articles([article(2)], NOW - 10 * DAY)
    assert old is not None
    assert recent is not None
    Ledger(store.engine).record([figure(old)], NOW - 100 * DAY)
    old_alert = store.enqueue_alert(story(old), NOW - 100 * DAY)
    recent_alert = store.enqueue_alert(story(recent), NOW - 10 * DAY)
    with store.engine.connect() as conn:
        ids = dict(
            conn.execute(
                sa.select(deliveries.c.alert_id * 10 + deliveries.c.chat_id, deliveries.c.id)
            ).all()
        )
    old_1, old_2 = ids[old_alert * 10 + 1], ids[old_alert * 10 + 2]
    recent_1, recent_2 = ids[recent_alert * 10 + 1], ids[recent_alert * 10 + 2]
    store.mark_sent([(old_1, 11)], NOW - 100 * DAY)  # delivered long ago: pruned
    store.mark_failed(old_2, "forbidden: bot was blocked by the user")  # kept: the reason
    store.mark_sent([(recent_1, 12)], NOW - 10 * DAY)  # delivered recently: kept
    return {"old": old, "recent": recent, "old_sent": old_1, "old_failed": old_2,
            "recent_sent": recent_1, "recent_pending": recent_2}  # fmt: skip


def everything(engine: sa.Engine) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in primary-key order."""
    with engine.connect() as conn:
        return {
            table.name: [
                tuple(row) for row in conn.execute(table.select().order_by(*table.primary_key))
            ]
            for table in SQLModel.metadata.sorted_tables
        }


def test_pruning_empties_old_bodies_and_delivered_rows_and_keeps_stories_and_figures(
    store: Store,
) -> None:
    ids = fill(store)
    before = everything(store.engine)

    report = prune(store.engine, NOW, article_bodies=90 * DAY, sent_deliveries=30 * DAY)

    assert dataclasses.astuple(report) == (1, 1, False)
    after = everything(store.engine)
    for kept in ("feed", "subscriber", "alert", "ledger_entry"):
        assert after.get(kept) == before.get(kept), kept
    with store.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(articles))}
        remaining = set(conn.execute(sa.select(deliveries.c.id)).scalars())
    assert rows[ids["old"]].summary == ""
    assert rows[ids["old"]].title == "Mỹ rút quân khỏi Iraq (1)"
    assert rows[ids["old"]].relevant
    assert rows[ids["recent"]].summary == "Khoảng 2.500 binh sĩ Mỹ sẽ rời Iraq (2)."
    assert remaining == {ids["old_failed"], ids["recent_sent"], ids["recent_pending"]}
    known = store.known_identities(["vnx-1"], ["https://vnexpress.net/tin-1.html"])
    assert known.guids == {"vnx-1"}  # an old story is still recognised when listed again
    assert Ledger(store.engine).history("troops/US/Iraq")[0].article_id == ids["old"]

    again = prune(store.engine, NOW, article_bodies=90 * DAY, sent_deliveries=30 * DAY)
    assert dataclasses.astuple(again) == (0, 0, False)


def sqlite_store(path: Path) -> Store:
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    return Store(engine)


def test_a_backup_taken_while_a_writer_is_busy_restores_to_the_same_data(tmp_path: Path) -> None:
    store = sqlite_store(tmp_path / "live" / "drawdown.db")
    fill(store)
    committed = everything(store.engine)
    (tmp_path / "backups").mkdir()
    writer = sqlite3.connect(tmp_path / "live" / "drawdown.db")
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    writer.execute("UPDATE subscriber SET name = 'uncommitted'")
    try:
        result = backup(store.engine, tmp_path / "backups" / "drawdown.db")
    finally:
        writer.rollback()
        writer.close()
    store.engine.dispose()

    assert result.path == tmp_path / "backups" / "drawdown.db"
    assert result.rows["article"] == 2
    assert result.rows["ledger_entry"] == 1
    assert not list((tmp_path / "backups").glob("*.partial"))
    assert not list((tmp_path / "backups").glob("*-wal"))  # one self-contained file
    restored = tmp_path / "restored" / "drawdown.db"
    restored.parent.mkdir()
    shutil.copy(result.path, restored)
    engine = create_engine(f"sqlite:///{restored}")
    upgrade(engine)  # what `drawdown run` does to a restored file: nothing to do here
    assert everything(engine) == committed
    engine.dispose()


def test_a_backup_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    store = sqlite_store(tmp_path / "drawdown.db")
    with pytest.raises(StorageError, match=r"folder .*/nowhere does not exist"):
        backup(store.engine, tmp_path / "nowhere" / "drawdown.db")
    store.engine.dispose()


def test_a_backup_into_a_folder_is_named_after_the_time(tmp_path: Path) -> None:
    store = sqlite_store(tmp_path / "drawdown.db")
    folder = tmp_path / "backups"
    folder.mkdir()
    result = backup(store.engine, folder, now=NOW)
    store.engine.dispose()
    assert result.path == folder / "drawdown-20261122T090000Z.db"


@pytest.mark.postgres
def test_postgresql_is_backed_up_with_pg_dump(postgres_url: str, tmp_path: Path) -> None:
    engine = create_engine(postgres_url)
    with pytest.raises(StorageError, match="pg_dump --format=custom"):
        backup(engine, tmp_path / "x.db")
    engine.dispose()


def test_the_probe_sees_a_missing_file_and_its_return(tmp_path: Path) -> None:
    path = tmp_path / "drawdown.db"
    store = sqlite_store(path)
    probe = DatabaseProbe(store.engine)
    assert probe.check() == head_revision()

    path.rename(tmp_path / "elsewhere.db")
    with pytest.raises(StorageError, match=r"drawdown\.db is missing"):
        probe.check()
    (tmp_path / "elsewhere.db").rename(path)
    assert probe.check() == head_revision()

    path.unlink()
    path.write_bytes(b"")  # an empty file where the database was
    with pytest.raises(StorageError, match="does not answer: no such table: alembic_version"):
        probe.check()
    store.engine.dispose()


def test_a_file_replaced_while_running_asks_for_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "drawdown.db"
    store = sqlite_store(path)
    probe = DatabaseProbe(store.engine)
    copy = backup(store.engine, tmp_path / "backup.db").path

    path.unlink()
    shutil.copy(copy, tmp_path / "restoring.db")
    (tmp_path / "restoring.db").replace(path)

    with pytest.raises(StorageError, match=r"was replaced while the service runs.*: restart"):
        probe.check()
    store.engine.dispose()


@pytest.mark.postgres
def test_one_instance_prunes_at_a_time_the_others_skip(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    upgrade(engine)
    days = timedelta(days=30)
    with exclusive(engine, PRUNE_LOCK) as mine:  # another instance is pruning
        assert mine
        skipped = prune(engine, NOW, article_bodies=days, sent_deliveries=days)
    assert skipped.skipped
    assert not prune(engine, NOW, article_bodies=days, sent_deliveries=days).skipped
    engine.dispose()


def test_reindex_rewrites_stale_rows_chunk_by_chunk_once_and_keeps_what_it_cannot_read(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.sync_feeds([FeedSpec("https://vnexpress.net/rss", "VnExpress", "vi", 300)], NOW)
    stored = {  # evidence: stored slots
        b"stale-1": b"old",
        b"current": b"new:current",
        b"unreadable": b"kept",
        b"stale-2": b"",
        b"stale-3": b"old",
    }
    for n, (evidence, slots) in enumerate(stored.items()):
        with store.batch() as tx:
            (article_id,) = tx.insert_articles([article(n)], NOW)
            assert article_id is not None
            tx.place([Placement(article_id, None, evidence, slots)], NOW)

    def slots_of(evidence: bytes) -> bytes:
        if evidence == b"unreadable":
            raise ValueError("not story evidence of a known format")
        return b"new:" + evidence.removeprefix(b"stale-")

    assert index_behind(store.engine, slots_of, sample=2) == (2, 1)  # the two oldest
    assert index_behind(store.engine, slots_of) == (5, 3)
    monkeypatch.setattr(maintenance, "REINDEX_CHUNK", 2)
    assert reindex(store.engine, slots_of) == ReindexReport(read=5, written=3, unreadable=1)
    assert reindex(store.engine, slots_of) == ReindexReport(read=5, written=0, unreadable=1)
    assert index_behind(store.engine, slots_of) == (5, 0)
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(evidences.c.evidence, evidences.c.slots)).all()
    assert {bytes(e): bytes(s) for e, s in rows} == {
        b"stale-1": b"new:1",
        b"current": b"new:current",
        b"unreadable": b"kept",
        b"stale-2": b"new:2",
        b"stale-3": b"new:3",
    }
