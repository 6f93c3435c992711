"""Read one batch against storage, decide, and apply — the one path every batch takes.

Inside one transaction holding the story lock (``storage.batch``): catch the story index up,
ask storage what is known about the batch (identities, current texts, exact copies, story
candidates and the document frequencies of what they compare, the ledger's timelines), call
the pure reading step (``watchers.process``), and apply its intents. After the commit the new
articles join this process's story index. The service's pipeline calls it for each fetched
feed and ``drawdown analyze`` for each file, so what is measured is what runs.

``crash`` is called at the commit points of a batch that alerts — ``"read"`` (decided,
nothing written), ``"applied"`` (everything written, not committed) and ``"committed"`` — so
that a test can kill the process there (``DRAWDOWN_CRASH_AT``); it does nothing otherwise.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from storage.batch import Applied, BatchTransaction
from storage.store import Store
from storage.stories import Stories
from watchers.process import JUDGED, Batch, Intents, Known, figure_keys_to_read, process
from watchers.stories.matcher import StoryMatcher
from watchers.stories.similar import Rarity
from watchers.stories.similar.rarity import anchor_key, rarity_keys

log = logging.getLogger(__name__)

__all__ = ["CommitPoint", "Ingest", "Ingested"]

CommitPoint = Literal["read", "applied", "committed"]


def _no_crash(point: CommitPoint) -> None:
    pass


@dataclass(frozen=True, slots=True)
class Ingested:
    """A batch's intents, what storage made of them, and how long its transaction took (not
    counting the wait for another feed's batch: on SQLite, how long it held the write lock)."""

    intents: Intents
    applied: Applied
    seconds: float


class Ingest:
    """One process's path from a read batch to committed rows (thread-safe: one batch at a
    time, as the story lock makes it anyway)."""

    def __init__(
        self,
        store: Store,
        *,
        edit_interval: float = 60.0,
        matcher: StoryMatcher | None = None,
        crash: Callable[[CommitPoint], None] = _no_crash,
    ) -> None:
        self.store = store
        self.edit_interval = edit_interval
        self.matcher = matcher or StoryMatcher(Stories(store.engine))
        self.crash = crash
        self._lock = threading.Lock()

    def __call__(self, batch: Batch, now: datetime, *, backlog_window: timedelta) -> Ingested:
        """Decide and store one batch; ``backlog_window``: on a feed's first fetch, how recent
        an item must be to alert."""
        with self._lock:
            self.matcher.warm_up()
            began = time.monotonic()
            with self.store.batch() as tx:
                self.matcher.catch_up(tx)
                known = self.known(tx, batch, now)
                intents = process(batch, known, now=now, backlog_window=backlog_window)
                crash = self.crash if intents.alerts else _no_crash
                crash("read")
                applied = tx.apply(intents, now, edit_interval=self.edit_interval)
                crash("applied")
            crash("committed")
            seconds = time.monotonic() - began
            self.matcher.remember(
                [
                    (article_id, story_id, placement.slots, evidence)
                    for placement, position, article_id, story_id in zip(
                        intents.placements,
                        intents.positions,
                        applied.ids,
                        applied.stories,
                        strict=True,
                    )
                    if article_id is not None
                    and story_id is not None
                    and placement.slots
                    and (evidence := batch.items[position].evidence) is not None
                ]
            )
        return Ingested(intents, applied, seconds)

    def known(self, tx: BatchTransaction, batch: Batch, now: datetime) -> Known:
        """What storage holds about the batch, read inside its transaction."""
        articles = [p.article for p in batch.items]
        identities = tx.known_identities(
            (a.guid for a in articles if a.guid),
            (a.canonical_url for a in articles if a.canonical_url),
        )

        def stored(guid: str | None, url: str | None) -> bool:
            return bool(guid and guid in identities.guids) or bool(url and url in identities.urls)

        reposts = [a for a in articles if stored(a.guid, a.canonical_url)]
        versions = (
            tx.current_versions(
                (a.guid for a in reposts if a.guid),
                (a.canonical_url for a in reposts if a.canonical_url),
            )
            if reposts
            else {}
        )
        fresh = [
            (i, p)
            for i, p in enumerate(batch.items)
            if not stored(p.article.guid, p.article.canonical_url)
        ]
        copies = tx.stories_of_hashes(p.article.content_hash for _, p in fresh)
        looked_up = [
            (i, p.evidence)
            for i, p in fresh
            if p.article.relevant
            and p.evidence is not None
            and p.article.content_hash not in copies
        ]
        candidates = self.matcher.candidates(tx, looked_up, JUDGED) if looked_up else {}
        named = set(copies.values()) | {c.story_id for found in candidates.values() for c in found}
        keys = figure_keys_to_read(batch, identities, versions, now=now)
        compared = {k for _, ev in looked_up for k in rarity_keys(ev)}
        anchors = set().union(*(c.evidence.anchors for found in candidates.values() for c in found))
        compared |= {anchor_key(a) for a in anchors}
        counted, counts = tx.term_counts(compared) if compared else (0, {})
        return Known(
            identities=identities,
            versions=versions,
            copies=copies,
            candidates=candidates,
            stories=tx.states_of(named) if named else {},
            timelines=tx.timelines(keys) if keys else {},
            rarity=Rarity(counted, counts),
        )
