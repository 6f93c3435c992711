"""Several services on one database: who is alive, and who alone does a thing.

- :class:`Instances`: every running service writes its heartbeat into ``instance``
  ("host:pid:life", the claimant name of its feed and delivery claims); the live ones share
  the bot's sending rate.
- :class:`SessionLock`: a PostgreSQL session-level advisory lock held on a connection of its
  own, for as long as the process (and that connection) lives: one Telegram poller at a time.
  PostgreSQL ends the session of a process that dies, and the lock with it.
- :func:`exclusive`: the same lock for the length of one job (pruning); the instances that do
  not get it skip the job.

On SQLite the service is one instance (``storage.db.hold_sqlite``): every lock is its own.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta

import sqlalchemy as sa

from storage.db import insert_for, redacted
from storage.tables import instances

log = logging.getLogger(__name__)

POLLER_LOCK = 4242005  # the instance holding it runs getUpdates
PRUNE_LOCK = 4242006  # the instance holding it prunes


class Instances:
    """The heartbeats of the services sharing the database."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"Instances({redacted(str(self.engine.url))})"

    def beat(self, name: str, now: datetime, *, gone_after: timedelta) -> list[str]:
        """Record that ``name`` is alive at ``now``; every instance seen within ``gone_after``
        (``name`` included), oldest first. Rows silent for ten times as long are deleted."""
        upsert = (
            insert_for(self.engine.dialect.name, instances)
            .values(name=name, started_at=now, seen_at=now)
            .on_conflict_do_update(index_elements=[instances.c.name], set_={"seen_at": now})
        )
        with self.engine.begin() as conn:
            conn.execute(upsert)
            conn.execute(instances.delete().where(instances.c.seen_at < now - 10 * gone_after))
            rows = conn.execute(
                sa.select(instances.c.name)
                .where(instances.c.seen_at >= now - gone_after)
                .order_by(instances.c.started_at, instances.c.name)
            )
            return [row[0] for row in rows]

    def names(self) -> list[str]:
        """Every instance with a heartbeat row, live or not."""
        with self.engine.connect() as conn:
            return [row[0] for row in conn.execute(sa.select(instances.c.name))]

    def leave(self, names: list[str]) -> None:
        """Delete these instances' rows (they stopped, or they are known dead)."""
        with self.engine.begin() as conn:
            conn.execute(instances.delete().where(instances.c.name.in_(names)))


class SessionLock:
    """A session-level advisory lock on a connection of its own (PostgreSQL); on SQLite, always
    held. Methods are blocking: the async service calls them through ``asyncio.to_thread``."""

    def __init__(self, engine: sa.Engine, key: int) -> None:
        self.engine = engine
        self.key = key
        self.shared = engine.dialect.name == "postgresql"
        self._conn: sa.Connection | None = None

    def acquire(self) -> bool:
        """Take the lock if nobody holds it; True if this process holds it now."""
        if not self.shared:
            return True
        if self._conn is not None:
            return self.held()
        conn = self.engine.connect()
        try:
            got = conn.execute(sa.text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key})
            if got.scalar():
                conn.commit()
                self._conn = conn
                return True
            conn.rollback()
        except Exception:
            conn.invalidate()
            conn.close()
            raise
        conn.close()
        return False

    def held(self) -> bool:
        """Whether the lock's connection still answers (False, and let go, if it broke)."""
        if not self.shared:
            return True
        if self._conn is None:
            return False
        try:
            self._conn.execute(sa.text("SELECT 1")).scalar()
            self._conn.commit()
            return True
        except sa.exc.SQLAlchemyError as e:
            log.warning("db.lock_lost key=%d error=%s", self.key, " ".join(str(e).split())[:200])
            self._drop()
            return False

    def release(self) -> None:
        """Let the lock go (nothing if not held)."""
        if self._conn is None:
            return
        try:
            self._conn.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
            self._conn.commit()
            self._conn.close()
        except sa.exc.SQLAlchemyError:
            self._drop()  # the session is gone, and the lock with it
        self._conn = None

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(sa.exc.SQLAlchemyError):
                self._conn.invalidate()
                self._conn.close()
        self._conn = None


@contextlib.contextmanager
def exclusive(engine: sa.Engine, key: int) -> Iterator[bool]:
    """Hold the lock ``key`` while the block runs, if nobody else does: yields whether it is
    held (the caller skips its job when not)."""
    lock = SessionLock(engine, key)
    got = lock.acquire()
    try:
        yield got
    finally:
        lock.release()
