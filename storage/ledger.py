"""The figure ledger: one timeline per figure key (troop count or deadline), each report sourced.

Like ``storage.store``, every method is synchronous and short, opens its own transaction,
and takes or returns the dataclasses of ``storage.ledger_types``: rows never leave storage.
A timeline is ordered by publication time, then by the order reports were recorded, so
the last entry is the figure's current value. Storage applies no figure rules: whether a
report confirms, changes or contradicts a figure is decided in ``watchers.figures.judge``
and arrives here as the entry's ``kind``; equal reports share a ``level``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from storage.db import redacted
from storage.ledger_types import FigureEntry, FigureNow, NewFigureEntry
from storage.tables import entries

_CHUNK = 500
# Reports the figure decider keeps in the history but never as the current value.
HISTORY_ONLY = ("stale", "unconfirmed")
_ORDER = (entries.c.published_at, entries.c.id)


class Ledger:
    """The figure timelines, on the service's engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def __repr__(self) -> str:
        return f"Ledger({redacted(str(self.engine.url))})"

    def record(self, new: Sequence[NewFigureEntry], now: datetime) -> list[int]:
        """Add reports to their timelines in one transaction; their ids, in the given order."""
        with self.engine.begin() as conn:
            return record_entries(conn, new, now)

    def timelines(self, keys: Iterable[str]) -> dict[str, tuple[FigureEntry, ...]]:
        """The timelines of these keys, oldest report first; keys never reported are absent."""
        with self.engine.connect() as conn:
            return read_timelines(conn, keys)

    def current(self) -> list[FigureNow]:
        """Every figure's current value, by key, with its source count.

        The current value is the most recent report the decider let stand: "stale" and
        "unconfirmed" reports are history only (a key with nothing else shows its latest).
        The count is of distinct reporters (the cited source, else the outlet) that gave
        the same value for that figure at any time.
        """
        held = sa.case((entries.c.kind.in_(HISTORY_ONLY), 1), else_=0)
        rank = (
            sa.func.row_number()
            .over(partition_by=entries.c.key, order_by=[held, *[c.desc() for c in _ORDER]])
            .label("rank")
        )
        ranked = sa.select(entries, rank).subquery()
        latest = sa.select(ranked).where(ranked.c.rank == 1).order_by(ranked.c.key)
        reporter = sa.func.coalesce(entries.c.source, entries.c.outlet)
        counts = sa.select(
            entries.c.key, entries.c.level, sa.func.count(sa.distinct(reporter))
        ).group_by(entries.c.key, entries.c.level)
        with self.engine.connect() as conn:
            sources = {(row[0], row[1]): int(row[2]) for row in conn.execute(counts)}
            return [
                FigureNow(_entry(row), sources.get((row.key, row.level), 1))
                for row in conn.execute(latest)
            ]

    def history(self, key: str, limit: int = 20) -> list[FigureEntry]:
        """The last ``limit`` reports of one figure, oldest first."""
        query = (
            sa.select(entries)
            .where(entries.c.key == key)
            .order_by(*[c.desc() for c in _ORDER])
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [_entry(row) for row in reversed(conn.execute(query).all())]

    def numbers(self) -> dict[str, int]:
        """Each figure's stable number: the id of its first report (it never changes as other
        figures come and go, so "/history 12" always means the same figure)."""
        query = sa.select(entries.c.key, sa.func.min(entries.c.id)).group_by(entries.c.key)
        with self.engine.connect() as conn:
            return {row[0]: int(row[1]) for row in conn.execute(query)}

    def of_article(self, article_id: int) -> list[FigureEntry]:
        """The reports one article gave, in the order they were recorded (for /why)."""
        query = sa.select(entries).where(entries.c.article_id == article_id).order_by(entries.c.id)
        with self.engine.connect() as conn:
            return [_entry(row) for row in conn.execute(query)]

    def count(self) -> int:
        """How many reports the ledger holds."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(entries)).scalar_one())


def _entry(row: Any) -> FigureEntry:
    return FigureEntry(
        id=row.id,
        key=row.key,
        value=row.value,
        precision=row.precision,
        level=row.level,
        kind=row.kind,
        article_id=row.article_id,
        outlet=row.outlet,
        source=row.source,
        url=row.url,
        published_at=row.published_at,
        quote=row.quote,
        recorded_at=row.recorded_at,
    )


def record_entries(conn: sa.Connection, new: Sequence[NewFigureEntry], now: datetime) -> list[int]:
    """Add reports to their timelines in ``conn``'s transaction; their ids, in the given order."""
    rows = [
        {
            "key": e.key,
            "value": e.value,
            "precision": e.precision,
            "level": e.level,
            "kind": e.kind,
            "article_id": e.article_id,
            "outlet": e.outlet,
            "source": e.source,
            "url": e.url,
            "published_at": e.published_at,
            "quote": e.quote,
            "recorded_at": now,
        }
        for e in new
    ]
    # One INSERT per row: RETURNING of a multi-row INSERT has no guaranteed order.
    return [
        int(conn.execute(entries.insert().values(row).returning(entries.c.id)).scalar_one())
        for row in rows
    ]


def read_timelines(conn: sa.Connection, keys: Iterable[str]) -> dict[str, tuple[FigureEntry, ...]]:
    """The timelines of these keys, oldest report first; keys never reported are absent."""
    wanted = sorted(set(keys))
    found: dict[str, list[FigureEntry]] = {}
    for start in range(0, len(wanted), _CHUNK):
        query = (
            sa.select(entries)
            .where(entries.c.key.in_(wanted[start : start + _CHUNK]))
            .order_by(*_ORDER)
        )
        for row in conn.execute(query):
            found.setdefault(row.key, []).append(_entry(row))
    return {key: tuple(timeline) for key, timeline in found.items()}
