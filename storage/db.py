"""Engines and migrations: SQLite (WAL) by default, PostgreSQL by URL."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import parse_qs, unquote, urlsplit

import sqlalchemy as sa
from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url

from drawdown.errors import StorageError

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return url


def redacted(url: str) -> str:
    """The URL with its password hidden, for logs and errors."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<invalid database URL>"


BUSY_TIMEOUT_MS = 10_000  # how long a SQLite write waits for another connection's lock


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint every 4,000 pages (16 MB of log) rather than SQLite's 1,000: a placing batch
    # rewrites the same pages (document frequencies, index tails) and each checkpoint copies
    # them back once, so fewer checkpoints copy less in all (and stall fewer commits).
    cursor.execute("PRAGMA wal_autocheckpoint=4000")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def database_locked(error: BaseException) -> bool:
    """Whether ``error`` is SQLite's "database is locked": another connection held the write
    lock past the busy timeout. The statement that met it wrote nothing (earlier ones of the
    same job may have committed); the same write can simply be tried later."""
    return isinstance(error, sa.exc.OperationalError) and "is locked" in str(error.orig)


def insert_for(dialect: str, table: sa.Table) -> postgresql.Insert | sqlite.Insert:
    """An INSERT into ``table`` that can take ``ON CONFLICT`` (both databases spell it alike)."""
    return postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)


def claimable(engine: sa.Engine, due: sa.Select[Any]) -> sa.ScalarSelect[Any] | list[int]:
    """The ids of rows to claim, for an UPDATE's ``id IN (...)``: on PostgreSQL ``due`` locked
    ``FOR UPDATE SKIP LOCKED`` (so it must select rows of one table), evaluated inside the
    UPDATE so instances never share a row; on SQLite, one service per file, the ids ``due``
    selects, read now (an empty list: nothing to write, and the one write lock is not taken)."""
    if engine.dialect.name == "postgresql":
        return due.with_for_update(skip_locked=True).scalar_subquery()
    with engine.connect() as conn:
        return list(conn.execute(due).scalars())


@contextlib.contextmanager
def later_if_locked(logger: logging.Logger, event: str) -> Iterator[None]:
    """Run the block; if it meets a locked SQLite database, log ``event`` as a warning instead
    of raising (for a repeating job whose next run tries the same write again)."""
    try:
        yield
    except sa.exc.OperationalError as e:
        if not database_locked(e):
            raise
        logger.warning("%s reason=database is locked, tried again on the next run", event)


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url``, and WAL switched on for SQLite. A SQLite file's own folder is
    created when the folder above it exists (``data/`` beside the config); a path whose
    folders are missing further up is a mistake in the URL, not folders to invent."""
    try:
        url = normalise_url(url)
        parsed = make_url(url)
    except (sa.exc.ArgumentError, ValueError):
        raise StorageError(f"not a database URL: {redacted(url)}") from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            folder = Path(database).parent
            if not folder.parent.is_dir():
                raise StorageError(
                    f"the folder {folder.parent} does not exist: create it, or point "
                    "[storage] url at a file in a folder that does"
                )
            try:
                folder.mkdir(exist_ok=True)
            except OSError as e:
                raise StorageError(f"cannot create the folder {folder}: {e.strerror}") from None
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


CREATED_SUFFIX = ".created"  # beside a SQLite file the service created: "this installation has one"


def sqlite_file(engine: sa.Engine) -> Path | None:
    """The database file of a SQLite engine; None for PostgreSQL or an in-memory database."""
    url = engine.url
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or not database or database == ":memory:":
        return None
    if not database.startswith("file:"):
        return Path(database)
    uri = urlsplit(database)  # sqlite:///file:/srv/x.db?mode=rwc&uri=true
    memory = "memory" in (url.query.get("mode"), *parse_qs(uri.query).get("mode", ()))
    return None if memory or not uri.path else Path(unquote(uri.path))


def require_existing(engine: sa.Engine) -> None:
    """Refuse to start on a new, empty SQLite file where this installation had a database (its
    ``.created`` note is there, the file is not: deleted or moved while the service ran). A
    first start, or ``drawdown db upgrade`` run on purpose, creates the file."""
    path = sqlite_file(engine)
    if path is None or path.exists():
        return
    note = path.with_name(path.name + CREATED_SUFFIX)
    if note.exists():
        raise StorageError(
            f"the database file {path} is missing, and this installation had one ({note} "
            "says so): move it back or restore a backup (README: Backups); `drawdown db "
            "upgrade` starts an empty one on purpose"
        )


def note_created(engine: sa.Engine) -> None:
    """Write the ``.created`` note beside a SQLite file (see :func:`require_existing`)."""
    path = sqlite_file(engine)
    if path is None or not path.exists():
        return
    note = path.with_name(path.name + CREATED_SUFFIX)
    if not note.exists():
        try:
            note.write_text(
                "drawdown: the database beside this file exists; if it goes missing, the "
                "service refuses to start on a new empty one.\n",
                encoding="utf-8",
            )
        except OSError as e:  # a read-only folder: the check is lost, nothing else
            log.warning("db.note_failed path=%s error=%s", note, e.strerror)


LOCK_SUFFIX = ".lock"  # beside a SQLite file: held by the one service running on it


def hold_sqlite(engine: sa.Engine) -> IO[str] | None:
    """On a SQLite file, hold its ``.lock`` beside it for as long as the service runs (the
    kernel lets go when the process ends, however it ends); None for PostgreSQL. A second
    service on the same file is a StorageError: SQLite serves one instance."""
    path = sqlite_file(engine)
    if path is None:
        return None
    lock_path = path.with_name(path.name + LOCK_SUFFIX)
    try:
        handle = lock_path.open("a+", encoding="utf-8")
    except OSError as e:
        raise StorageError(f"cannot open {lock_path}: {e.strerror}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StorageError(
            f"another instance of the service ({holder}) runs on {path}: a SQLite database "
            "serves one instance; stop it, or move to PostgreSQL to run several (README: "
            "Scale out)"
        ) from None
    handle.truncate(0)
    handle.write(f"pid {os.getpid()}\n")
    handle.flush()
    return handle


def _alembic_config(engine: sa.Engine | None = None) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: sa.Engine) -> None:
    """Apply every migration not yet applied (``drawdown db upgrade``). A file that is not a
    database, or one at a migration this version does not know, is a StorageError (one line)."""
    shown = redacted(str(engine.url))
    try:
        command.upgrade(_alembic_config(engine), "head")
    except sa.exc.DatabaseError as e:  # OperationalError included: unreadable, corrupt
        if database_locked(e):
            raise  # not the URL's fault: another writer holds the file (``database_locked``)
        reason = " ".join(str(e.orig).split())
        raise StorageError(f"cannot open or migrate {shown}: {reason}") from None
    except CommandError as e:
        current = _stored_revision(engine)
        if current is not None:
            raise StorageError(
                f"{shown} is at migration {current!r}, which this version does not know (a newer "
                "version wrote it): install that version again, or restore a backup made by "
                "this one"
            ) from None
        raise StorageError(f"cannot migrate {shown}: {' '.join(str(e).split())}") from None
    note_created(engine)
    log.info("db.upgraded url=%s", shown)


def _stored_revision(engine: sa.Engine) -> str | None:
    try:
        return current_revision(engine)
    except sa.exc.SQLAlchemyError:
        return None


def head_revision() -> str:
    """The newest migration this version of the code knows."""
    head = ScriptDirectory.from_config(
        _alembic_config(sa.create_engine("sqlite://"))
    ).get_current_head()
    assert head is not None
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """The migration the database is at, or None for an empty database."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
