"""Place new articles in stories: this process's story index, kept up to date with the database.

The lookup path the service uses (and ``make bench`` measures): candidates come from an
in-memory ``StoryIndex`` (about 8 bytes a row, p95 well under a millisecond at a million
articles), their evidence from the ``story_evidence`` table by primary key, the decision
from ``watchers.stories.choose``; the article, its story and its evidence are written in one
story-lock transaction (``storage.stories.Stories.writing``).

Several processes may share one database. Each keeps its own index and, inside the story
lock and before placing anything, loads the index rows stored after the last article it
knows (a ``WHERE article_id > watermark`` on the primary key: nothing to read in the usual
case). The lock makes evidence rows appear in increasing article order, so no row is ever
behind the watermark. A process starting on a large store loads every row once, before it
first takes the lock (``warm_up``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime

from storage.stories import Stories
from storage.story_types import Placed, Placement
from storage.story_writer import StoryWriter
from storage.types import NewArticle
from watchers.stories.choose import Candidate, best_story, join_alert
from watchers.stories.similar import Evidence, StoryIndex
from watchers.stories.similar.codec import decode, decode_slots, encode, slots

log = logging.getLogger(__name__)

JUDGED = 64  # the best-ranked candidates judged for each new article
KEPT = 4_000  # decoded evidence kept in memory: the latest articles are the usual candidates

__all__ = ["StoryMatcher"]


class StoryMatcher:
    """One process's story index and the placing of new articles (thread-safe)."""

    def __init__(self, stories: Stories) -> None:
        self.stories = stories
        self.index = StoryIndex()
        self.watermark = 0  # the last article whose index rows are in ``index``
        self._lock = threading.Lock()
        self._warm = False
        self._decoded: OrderedDict[int, Candidate] = OrderedDict()

    def warm_up(self) -> int:
        """Load every stored index row (once; without the story lock). Returns rows loaded."""
        with self._lock:
            return self._warm_up()

    def _warm_up(self) -> int:
        if self._warm:
            return 0
        started = time.monotonic()
        loaded = 0
        for rows in self.stories.index_rows(self.watermark):
            for row in rows:
                self.index.insert_slots(row.article_id, decode_slots(row.slots))
                self.watermark = max(self.watermark, row.article_id)
                loaded += 1
        self._warm = True
        log.info(
            "stories.index_loaded articles=%d rows=%d s=%.1f",
            loaded, self.index.rows, time.monotonic() - started,
        )  # fmt: skip
        return loaded

    def store(
        self,
        new: Sequence[NewArticle],
        evidence: Sequence[Evidence | None],
        now: datetime,
        alerting: Sequence[bool] | None = None,
    ) -> list[Placed | None]:
        """Insert the articles and place each in a story; None for one already stored.

        ``evidence`` is given for the relevant articles (None for the others, which start
        stories of their own). Articles are placed in the order given, so a later one may
        join the story an earlier one of the same batch started. ``alerting`` says which
        articles may alert; the one that sends its story's alert is decided here, under the
        story lock (``Placed.announces``), so two processes never both announce a story.
        """
        may_alert = list(alerting) if alerting is not None else [False] * len(new)
        with self._lock:
            self._warm_up()
            top = self.watermark
            with self.stories.writing() as tx:
                ids = tx.insert_articles(new, now)
                top = max(top, self._catch_up(tx))
                placed = self._place(tx, new, evidence, ids, may_alert, now)
            self.watermark = max(top, *(p.article_id for p in placed if p is not None), 0)
        return placed

    def _catch_up(self, tx: StoryWriter) -> int:
        """Load the rows other processes stored since the watermark; the new watermark."""
        top = self.watermark
        for row in tx.rows_since(self.watermark):
            self.index.insert_slots(row.article_id, decode_slots(row.slots))
            top = max(top, row.article_id)
        if top > self.watermark:
            log.debug("stories.caught_up from=%d to=%d", self.watermark, top)
        self.watermark = top
        return top

    def _place(
        self,
        tx: StoryWriter,
        new: Sequence[NewArticle],
        evidence: Sequence[Evidence | None],
        ids: Sequence[int | None],
        may_alert: Sequence[bool],
        now: datetime,
    ) -> list[Placed | None]:
        copies = tx.stories_of_hashes(a.content_hash for a, i in zip(new, ids, strict=True) if i)
        placed: dict[int, Placed] = {}
        alone: list[Placement] = []
        local: dict[int, Candidate] = {}  # placed in this batch, evidence in hand
        for article, article_id, ev, alerts in zip(new, ids, evidence, may_alert, strict=True):
            if article_id is None:
                continue
            story = copies.get(article.content_hash)
            if ev is None and story is None:
                alone.append(Placement(article_id, None, announces=alerts))
                continue
            if story is None and ev is not None:
                story = self._match(tx, ev, local)
            alerted = story is not None and tx.announced(story)
            send = join_alert(new_story=story is None, may_alert=alerts, story_alerted=alerted)
            announces = send == "story"
            if ev is None:
                (done,) = tx.place([Placement(article_id, story, announces=announces)], now)
                placed[article_id] = done
                continue
            packed = slots(ev)
            placement = Placement(article_id, story, encode(ev), packed, announces)
            (done,) = tx.place([placement], now)
            placed[article_id] = done
            copies.setdefault(article.content_hash, done.story_id)
            local[article_id] = Candidate(article_id, done.story_id, ev)
            self._keep(local[article_id])
            self.index.insert_slots(article_id, decode_slots(packed))
        for done in tx.place(alone, now):
            placed[done.article_id] = done
        return [placed.get(i) if i is not None else None for i in ids]

    def _match(self, tx: StoryWriter, ev: Evidence, local: dict[int, Candidate]) -> int | None:
        found = self.index.ranked(ev, JUDGED)
        candidates = []
        missing = []
        for i in found:
            known = local.get(i) or self._decoded.get(i)
            if known is None:
                missing.append(i)
            else:
                candidates.append(known)
        for row in tx.evidence_of(missing):
            candidate = Candidate(row.article_id, row.story_id, decode(row.evidence))
            candidates.append(candidate)
            self._keep(candidate)
        choice = best_story(ev, candidates)
        if choice.verdict is not None:
            log.debug(
                "stories.matched article=%s reason=%s score=%s",
                choice.article_id, choice.verdict.reason, choice.verdict.score,
            )  # fmt: skip
        return choice.story_id

    def _keep(self, candidate: Candidate) -> None:
        """Remember a decoded candidate (a story id never changes once placed)."""
        self._decoded[candidate.article_id] = candidate
        self._decoded.move_to_end(candidate.article_id)
        if len(self._decoded) > KEPT:
            self._decoded.popitem(last=False)
