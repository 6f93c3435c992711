"""Keeping the database for months: online backups, pruning, and "does it answer?".

- :func:`backup` copies a SQLite database while the service writes to it (SQLite's online
  backup API, through the engine's raw connection), into one self-contained file. PostgreSQL
  is backed up with its own tools: :data:`PG_DUMP_ADVICE`.
- :func:`prune` empties old article bodies and deletes delivered outbox rows; it never
  touches article identities and titles (stories), alerts, the figure ledger or subscribers.
- :func:`reindex` writes every stored article's story index rows again, after an upgrade
  that changes how they are made (the service loads them at start).
- :class:`DatabaseProbe` answers /healthz's question. For a SQLite file it looks at the file
  itself, so a missing or replaced file is seen even though the pool's open connections
  still read and write the old one. A replaced file is not reopened: the old file's
  write-ahead log, still at the path, would be replayed into it (the README's restore stops
  the service and removes the log first). Moving the same file back is a recovery.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlalchemy as sa

from drawdown.errors import StorageError
from storage.db import redacted, sqlite_file
from storage.instances import PRUNE_LOCK, exclusive
from storage.tables import articles, deliveries, evidences

PRUNE_CHUNK = 5000  # rows per transaction, so the write lock is never held for long
REINDEX_CHUNK = 1000  # articles read and rewritten per transaction
PG_DUMP_ADVICE = (
    "PostgreSQL is backed up with its own tools, while the service runs:\n"
    "  pg_dump --format=custom --file={path} '{url}'\n"
    "and restored into an empty database with:\n"
    "  pg_restore --dbname='{url}' {path}"
)


@dataclass(frozen=True, slots=True)
class BackupReport:
    """What a backup holds: the file, its size, and the rows of the tables that matter."""

    path: Path
    bytes: int
    rows: dict[str, int]


@dataclass(frozen=True, slots=True)
class PruneReport:
    """How many article bodies were emptied and outbox rows deleted; ``skipped`` when another
    instance was pruning the same database."""

    bodies: int
    deliveries: int
    skipped: bool = False


def backup(engine: sa.Engine, destination: Path, *, now: datetime | None = None) -> BackupReport:
    """Copy a SQLite database, consistent and while in use, to ``destination``.

    A directory gets a file named after the time (``drawdown-20261122T090500Z.db``). The copy
    is written beside its destination and renamed into place, so a backup interrupted half-way
    never replaces a good one, and it is a single file (no -wal) that passes integrity_check.
    """
    source = sqlite_file(engine)
    if source is None:
        url = redacted(str(engine.url))
        raise StorageError(
            f"{url} is not a SQLite file; "
            + PG_DUMP_ADVICE.format(path=destination, url=url).replace("\n", " ")
        )
    if destination.is_dir():
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
        destination = destination / f"drawdown-{stamp}.db"
    if not destination.parent.is_dir():
        raise StorageError(
            f"cannot back up to {destination}: folder {destination.parent} does not exist"
        )
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        target = sqlite3.connect(partial)
        try:
            source_connection = raw.driver_connection
            assert isinstance(source_connection, sqlite3.Connection)
            source_connection.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
            (verdict,) = target.execute("PRAGMA integrity_check").fetchone()
            if verdict != "ok":
                raise StorageError(f"the backup of {source} is damaged: {verdict}")
            rows = {
                table: target.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                for table in ("feed", "article", "subscriber", "alert", "delivery", "ledger_entry")
                if target.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
                ).fetchone()
            }
        finally:
            target.close()
    except sqlite3.Error as e:
        partial.unlink(missing_ok=True)
        raise StorageError(f"cannot back up {source} to {destination}: {e}") from None
    finally:
        raw.close()
    with partial.open("rb") as written:
        os.fsync(written.fileno())
    partial.replace(destination)
    return BackupReport(destination, destination.stat().st_size, rows)


def prune(
    engine: sa.Engine,
    now: datetime,
    *,
    article_bodies: timedelta,
    sent_deliveries: timedelta,
) -> PruneReport:
    """Empty the bodies of articles first seen before ``now - article_bodies`` and delete
    outbox rows delivered before ``now - sent_deliveries`` (sent, or gathered into a digest).

    Articles keep their row — identity (GUID, canonical URL, content hash), title, link,
    relevance — so an old story is still recognised when a feed lists it again, and the
    ledger and alerts that point at it stay whole. Pending, held and failed rows are kept.
    One instance prunes at a time (``PRUNE_LOCK``); the others skip.
    """
    with exclusive(engine, PRUNE_LOCK) as mine:
        if not mine:
            return PruneReport(bodies=0, deliveries=0, skipped=True)
        return _prune(engine, now, article_bodies=article_bodies, sent_deliveries=sent_deliveries)


def _prune(
    engine: sa.Engine, now: datetime, *, article_bodies: timedelta, sent_deliveries: timedelta
) -> PruneReport:
    body_cutoff = now - article_bodies
    delivery_cutoff = now - sent_deliveries
    old_bodies = sa.select(articles.c.id).where(
        articles.c.seen_at < body_cutoff, articles.c.summary != ""
    )
    delivered = sa.select(deliveries.c.id).where(
        sa.or_(
            sa.and_(deliveries.c.status == "sent", deliveries.c.sent_at < delivery_cutoff),
            sa.and_(
                deliveries.c.status == "digested", deliveries.c.next_attempt_at < delivery_cutoff
            ),
        )
    )

    def empty_bodies(ids: list[int]) -> sa.Executable:
        return articles.update().where(articles.c.id.in_(ids)).values(summary="")

    def delete_rows(ids: list[int]) -> sa.Executable:
        return deliveries.delete().where(deliveries.c.id.in_(ids))

    bodies = _in_chunks(engine, old_bodies, empty_bodies)
    removed = _in_chunks(engine, delivered, delete_rows)
    return PruneReport(bodies=bodies, deliveries=removed)


def _in_chunks(
    engine: sa.Engine,
    select: sa.Select[Any],
    statement: Callable[[list[int]], sa.Executable],
) -> int:
    """Apply ``statement(ids)`` to the rows ``select`` finds, PRUNE_CHUNK per transaction."""
    total = 0
    while True:
        with engine.begin() as conn:
            ids = [int(i) for i in conn.execute(select.limit(PRUNE_CHUNK)).scalars()]
            if not ids:
                return total
            conn.execute(statement(ids))
        total += len(ids)
        if len(ids) < PRUNE_CHUNK:
            return total


@dataclass(frozen=True, slots=True)
class ReindexReport:
    read: int  # stored articles
    written: int  # whose index rows changed
    unreadable: int  # whose evidence could not be read: their rows are kept


def reindex(engine: sa.Engine, slots_of: Callable[[bytes], bytes]) -> ReindexReport:
    """Write each stored article's index rows again as ``slots_of(its evidence)`` gives them
    (``watchers.stories.similar.codec``), oldest first, ``REINDEX_CHUNK`` articles at a time,
    each chunk's writes in one transaction. Rows already current are left, so a second run
    writes nothing; so is a row whose evidence ``slots_of`` cannot read (ValueError: a later
    format, or damaged), and counted. A running service keeps the rows it loaded until it
    restarts, and one still running an older version stores new articles' rows its way:
    the README's order is to reindex once every instance runs this version, then restart.
    """
    read = written = unreadable = 0
    last = -1
    while True:
        with engine.begin() as conn:
            rows = conn.execute(_OLDEST_EVIDENCE.limit(REINDEX_CHUNK), {"after": last}).all()
            if not rows:
                return ReindexReport(read, written, unreadable)
            stale, cannot = _behind(rows, slots_of)
            if stale:
                conn.execute(_SET_SLOTS, stale)
        read += len(rows)
        written += len(stale)
        unreadable += cannot
        last = int(rows[-1][0])


def index_behind(
    engine: sa.Engine, slots_of: Callable[[bytes], bytes], *, sample: int = 50
) -> tuple[int, int]:
    """Of the ``sample`` oldest stored articles (the likeliest to have been stored by an older
    version), how many were read, and how many have index rows other than ``slots_of`` gives:
    what ``drawdown doctor`` reports, for ``reindex`` to mend."""
    with engine.connect() as conn:
        rows = conn.execute(_OLDEST_EVIDENCE.limit(sample), {"after": -1}).all()
    return len(rows), len(_behind(rows, slots_of)[0])


_OLDEST_EVIDENCE = (
    sa.select(evidences.c.article_id, evidences.c.evidence, evidences.c.slots)
    .where(evidences.c.article_id > sa.bindparam("after"))
    .order_by(evidences.c.article_id)
)
_SET_SLOTS = (
    evidences.update()
    .where(evidences.c.article_id == sa.bindparam("b_id"))
    .values(slots=sa.bindparam("b_slots"))
)


def _behind(
    rows: Sequence[sa.Row[Any, Any, Any]], slots_of: Callable[[bytes], bytes]
) -> tuple[list[dict[str, object]], int]:
    """The rows whose index rows ``slots_of`` gives otherwise, as ``_SET_SLOTS`` parameters,
    and how many rows' evidence it could not read (ValueError)."""
    stale: list[dict[str, object]] = []
    unreadable = 0
    for article_id, evidence, stored in rows:
        try:
            slots = slots_of(bytes(evidence))
        except ValueError:
            unreadable += 1
            continue
        if slots != bytes(stored):
            stale.append({"b_id": article_id, "b_slots": slots})
    return stale, unreadable


class DatabaseProbe:
    """Does the service's database answer? Raises StorageError with the reason if not."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.path = sqlite_file(engine)
        self._identity = _identity(self.path) if self.path else None

    def check(self, timeout: float = 5.0) -> str:
        """Check the database; returns its migration revision."""
        if self.path is not None:
            revision = self._check_file(self.path, timeout)
        else:
            revision = self._check_server()
        return revision

    def _check_file(self, path: Path, timeout: float) -> str:
        identity = _identity(path)
        if identity is None:
            raise StorageError(
                f"database file {path} is missing: move it back, or restore a backup "
                "(README: Backups) and restart"
            )
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=timeout)
            try:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            finally:
                connection.close()
        except sqlite3.Error as e:
            raise StorageError(f"database file {path} does not answer: {e}") from None
        if row is None:
            raise StorageError(f"database file {path} has no migration revision")
        if identity != self._identity:
            raise StorageError(
                f"database file {path} was replaced while the service runs (it still writes to "
                "the old one): restart the service"
            )
        self._ping()
        self._writable(path)
        return str(row[0])

    def _writable(self, path: Path) -> None:
        """Try to take the write lock and give it back at once: a read-only file or file
        system cannot store alerts. A lock held by another writer means writing works (it is
        the scheduler check's business if the writer never lets go)."""
        uri = f"file:{quote(str(path.resolve()))}?mode=rw"
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
            finally:
                connection.close()
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                return
            raise StorageError(f"database file {path} cannot be written: {e}") from None
        except sqlite3.Error as e:
            raise StorageError(f"database file {path} cannot be written: {e}") from None

    def _check_server(self) -> str:
        try:
            with self.engine.connect() as conn:
                revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        except sa.exc.SQLAlchemyError as e:
            url = redacted(str(self.engine.url))
            raise StorageError(f"database {url} does not answer: {_first_line(e)}") from None
        if revision is None:
            raise StorageError(f"database {redacted(str(self.engine.url))} has no revision")
        with self.engine.connect() as conn:
            read_only = conn.execute(sa.text("SHOW transaction_read_only")).scalar()
        if read_only == "on":
            raise StorageError(f"database {redacted(str(self.engine.url))} cannot be written")
        return str(revision)

    def _ping(self) -> None:
        try:
            with self.engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        except sa.exc.SQLAlchemyError as e:
            url = redacted(str(self.engine.url))
            raise StorageError(f"database {url} does not answer: {_first_line(e)}") from None


def _identity(path: Path | None) -> tuple[int, int] | None:
    if path is None:
        return None
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino)


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__
