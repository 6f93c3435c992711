"""This process's story index: the stored articles a new one may join, kept up to date with the
database.

The lookup path the service uses (and ``make bench`` measures): candidates come from an
in-memory ``StoryIndex`` (about 8 bytes a row, about a millisecond a lookup at a million
articles), their evidence from the ``story_evidence`` table by primary key (the latest ones
decoded stay in memory). The decision is the reading step's (``watchers.process``).

Several processes may share one database. Each keeps its own index and, inside the story
lock and before reading candidates, loads the index rows stored after the last article it
knows (a ``WHERE article_id > watermark`` on the primary key: nothing to read in the usual
case). The lock makes evidence rows appear in increasing article order, so no row is ever
behind the watermark. A process starting on a large store loads every row once, before it
first takes the lock (``warm_up``). The rows a batch stores are added once its transaction
has committed (``remember``): a batch rolled back leaves the index as it was.

A placed article changes story only by an administrator's /split (``storage.splits``): the
same catch-up reads the splits after the last one seen and forgets the decoded candidates
they moved, so their story is read again with their evidence.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Iterable, Sequence

from storage.batch import BatchTransaction
from storage.stories import Stories
from watchers.stories.choose import Candidate
from watchers.stories.similar import Evidence, StoryIndex
from watchers.stories.similar.codec import decode

log = logging.getLogger(__name__)

KEPT = 4_000  # decoded evidence kept in memory: the latest articles are the usual candidates

__all__ = ["KEPT", "StoryMatcher"]


class StoryMatcher:
    """One process's story index. Not thread-safe: the ingest step serialises its use."""

    def __init__(self, stories: Stories) -> None:
        self.stories = stories
        self.index = StoryIndex()
        self.watermark = 0  # the last article whose index rows are in ``index``
        self.split_watermark = 0  # the last /split whose article's story is known here
        self._warm = False
        self._decoded: OrderedDict[int, Candidate] = OrderedDict()

    def warm_up(self) -> int:
        """Load every stored index row (once; without the story lock). Returns rows loaded."""
        if self._warm:
            return 0
        started = time.monotonic()
        loaded = 0
        for rows in self.stories.index_rows(self.watermark):
            self.index.insert_packed([(row.article_id, row.slots) for row in rows], load=True)
            self.watermark = max([self.watermark, *(row.article_id for row in rows)])
            loaded += len(rows)
        self._warm = True
        log.info(
            "stories.index_loaded articles=%d rows=%d s=%.1f",
            loaded, self.index.rows, time.monotonic() - started,
        )  # fmt: skip
        return loaded

    def catch_up(self, tx: BatchTransaction) -> None:
        """Load the rows other processes stored since the watermark, and forget the stories of
        articles split out of theirs since (inside the story lock)."""
        for split_id, article_id in tx.splits_since(self.split_watermark):
            self._decoded.pop(article_id, None)
            self.split_watermark = split_id
            log.debug("stories.split_seen article=%d", article_id)
        rows = tx.rows_since(self.watermark)
        self.index.insert_packed([(row.article_id, row.slots) for row in rows])
        top = max([self.watermark, *(row.article_id for row in rows)])
        if top > self.watermark:
            log.debug("stories.caught_up from=%d to=%d", self.watermark, top)
        self.watermark = top

    def candidates(
        self, tx: BatchTransaction, evidence: Iterable[tuple[int, Evidence]], limit: int
    ) -> dict[int, tuple[Candidate, ...]]:
        """For each (position, evidence), the ``limit`` stored articles the index ranks best,
        with their story and evidence."""
        ranked = {position: self.index.ranked(ev, limit) for position, ev in evidence}
        known: dict[int, Candidate] = {}
        for found in ranked.values():
            known.update((i, self._decoded[i]) for i in found if i in self._decoded)
        wanted = {i for found in ranked.values() for i in found if i not in known}
        for row in tx.evidence_of(wanted):
            known[row.article_id] = Candidate(row.article_id, row.story_id, decode(row.evidence))
            self._keep(known[row.article_id])
        return {
            position: tuple(known[i] for i in found if i in known)
            for position, found in ranked.items()
        }

    def remember(self, placed: Sequence[tuple[int, int, bytes, Evidence]]) -> None:
        """Add committed articles: (article id, story id, index slots, evidence) each."""
        self.index.insert_packed([(article_id, packed) for article_id, _, packed, _ in placed])
        for article_id, story_id, _, ev in placed:
            self._keep(Candidate(article_id, story_id, ev))
            self.watermark = max(self.watermark, article_id)

    def _keep(self, candidate: Candidate) -> None:
        """Remember a decoded candidate (its story changes only by a /split: ``catch_up``)."""
        self._decoded[candidate.article_id] = candidate
        self._decoded.move_to_end(candidate.article_id)
        if len(self._decoded) > KEPT:
            self._decoded.popitem(last=False)
