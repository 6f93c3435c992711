"""One batch in one transaction: read what is known about it, then apply its intents.

The pipeline reads a fetched batch against storage and applies every decision the reading
step made (``watchers.process``) inside one transaction that holds the story lock
(``batch_transaction`` below): the new articles, their stories and story evidence,
the document frequencies of their words, names and numbers, the new versions of edited
articles, the ledger's entries, every alert with one delivery row
per active subscriber, the edits of story alerts, and the traces /why reads. A process killed
at any point leaves all of it or none of it: an article is never stored without its alerts.

Rows never leave storage: the intents are the watchers' frozen dataclasses, and what comes
back is :class:`Applied` (ids by the batch's refs).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa

from storage import alerts, articles, ledger, stories, term_frequency, traces
from storage.ledger_types import FigureEntry
from storage.story_types import Placed, Placement, StoredVersion
from storage.story_writer import StoryWriter
from storage.tables import stories as story_rows
from storage.types import KnownIdentities

if TYPE_CHECKING:  # the intents' types; storage never runs watchers' code
    from watchers.process import Intents

log = logging.getLogger(__name__)

__all__ = ["Applied", "BatchTransaction"]


@dataclass(frozen=True, slots=True)
class Applied:
    """What one batch's intents became: each new article's id and story (by ref; None if an
    equal GUID or URL was stored first), the version numbers, the alerts by kind."""

    ids: tuple[int | None, ...]
    stories: tuple[int | None, ...]
    versions: tuple[int, ...] = ()
    alerts: tuple[tuple[str, int], ...] = ()  # (kind, alert id), in the order enqueued
    edits: tuple[tuple[int, int | None], ...] = ()  # (story, edit rows scheduled)

    @property
    def new(self) -> int:
        return sum(1 for i in self.ids if i is not None)


LOCK_KEY = 4242004  # PostgreSQL's advisory lock for the story lock
_ADVISORY_LOCK = sa.text(f"SELECT pg_advisory_xact_lock({LOCK_KEY})")
# SQLite: a write that changes nothing takes the database's write lock
_WRITE_LOCK = story_rows.update().where(sa.false()).values(id=story_rows.c.id)


@contextlib.contextmanager
def batch_transaction(engine: sa.Engine) -> Iterator[BatchTransaction]:
    """One transaction that holds the **story lock** from its first statement (a write, so
    SQLite takes its write lock at once; on PostgreSQL an advisory transaction lock).

    Processes sharing the database read and apply batches one at a time, so two reports of
    one story can never both start a story, and article ids become visible in increasing
    order — which is what lets an in-memory story index catch up by reading the rows after
    the last id it has (``rows_since``).
    """
    with engine.begin() as conn:
        conn.execute(_ADVISORY_LOCK if conn.dialect.name == "postgresql" else _WRITE_LOCK)
        yield BatchTransaction(conn)


class BatchTransaction(StoryWriter):
    """The reads and writes of one batch's transaction (:func:`batch_transaction`); the
    story queries are ``StoryWriter``'s."""

    # --- what is known ----------------------------------------------------------------------

    def known_identities(self, guids: Iterable[str], urls: Iterable[str]) -> KnownIdentities:
        return articles.known_identities(self.conn, guids, urls)

    def current_versions(
        self, guids: Iterable[str], urls: Iterable[str]
    ) -> dict[tuple[str, str], StoredVersion]:
        return stories.current_versions(self.conn, guids, urls)

    def timelines(self, keys: Iterable[str]) -> dict[str, tuple[FigureEntry, ...]]:
        return ledger.read_timelines(self.conn, keys)

    def term_counts(self, keys: Iterable[int]) -> tuple[int, dict[int, int]]:
        """Document frequencies: the relevant articles stored, and how many have each key."""
        return term_frequency.read_counts(self.conn, keys)

    # --- applying the intents -----------------------------------------------------------------

    def apply(self, intents: Intents, now: datetime, *, edit_interval: float) -> Applied:
        """Write every intent of one batch (see the module docstring); nothing is committed
        until the story lock's transaction ends."""
        conn = self.conn
        ids = self.insert_articles(intents.articles, now)
        placed = self._place(intents, ids, now)
        story_of = [p.story_id if p is not None else None for p in placed]
        term_frequency.count_articles(
            conn, [p.keys for p in intents.placements if p.keys and ids[p.article] is not None]
        )
        numbers = stories.add_versions(conn, [v.version for v in intents.versions], now)
        entries = [
            replace(f.entry, article_id=ids[f.article]) if f.article is not None else f.entry
            for f in intents.figures
            if f.article is None or ids[f.article] is not None
        ]
        ledger.record_entries(conn, entries, now)
        enqueued: list[tuple[str, int]] = []
        for plan in intents.alerts:
            alert = plan.alert
            if plan.article is not None:
                if ids[plan.article] is None:
                    continue
                story = story_of[plan.article] if alert.kind == "story" else None
                alert = replace(alert, article_id=ids[plan.article], story_id=story)
            enqueued.append((alert.kind, alerts.enqueue_alert(conn, alert, now)))
        edits = [
            (story, stories.enqueue_edits(conn, story, now, interval_s=edit_interval))
            for story in intents.edits
        ]
        self._traces(intents, ids, now)
        return Applied(tuple(ids), tuple(story_of), tuple(numbers), tuple(enqueued), tuple(edits))

    def _place(
        self, intents: Intents, ids: Sequence[int | None], now: datetime
    ) -> list[Placed | None]:
        """New stories first (one statement for all), then the joins in batch order: a join
        names a stored story or the story of an earlier article of the batch."""
        placed: list[Placed | None] = [None] * len(intents.articles)
        starting = [
            Placement(ids[p.article] or 0, None, p.evidence, p.slots, p.announces, p.lang)
            for p in intents.placements
            if p.story is None and p.joins is None and ids[p.article] is not None
        ]
        refs = [
            p.article
            for p in intents.placements
            if p.story is None and p.joins is None and ids[p.article] is not None
        ]
        for ref, done in zip(refs, self.place(starting, now), strict=True):
            placed[ref] = done
        joining: list[Placement] = []
        joined_refs: list[int] = []
        for p in intents.placements:
            if (p.story is None and p.joins is None) or ids[p.article] is None:
                continue
            story = p.story
            if p.joins is not None:
                first = placed[p.joins]
                story = first.story_id if first is not None else None
            article_id = ids[p.article] or 0
            joining.append(Placement(article_id, story, p.evidence, p.slots, p.announces, p.lang))
            joined_refs.append(p.article)
        for ref, done in zip(joined_refs, self.place(joining, now), strict=True):
            placed[ref] = done
        return placed

    def _traces(self, intents: Intents, ids: Sequence[int | None], now: datetime) -> None:
        """Store the traces; a failure is logged and rolled back alone, never the batch's
        (a trace is an explanation, not data the service runs on)."""
        found = [
            replace(t.trace, article_id=ids[t.article]) if t.article is not None else t.trace
            for t in intents.traces
            if t.article is None or ids[t.article] is not None
        ]
        try:
            with self.conn.begin_nested():
                traces.record_traces(self.conn, found, now)
        except sa.exc.SQLAlchemyError:
            log.exception("trace.failed traces=%d", len(found))
