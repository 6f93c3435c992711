"""Candidate lookup by shared keys: an in-memory form of the (band, key) -> article table.

Pure: no I/O. ``index_keys(evidence)`` are the rows to store for an article and
``query_keys(evidence)`` the rows to look up for a new one; both are (band, key) pairs of
non-negative 63-bit integers, so storage can keep them in a table
``story_key(band INTEGER, key INTEGER, article_id INTEGER)`` indexed on (band, key), and
``StoryIndex`` keeps the same rows in memory for ``drawdown analyze``.

Three kinds of rows:

* bands ``0 .. BANDS-1``: the LSH band keys of the signature (``minhash.band_keys``), for
  near copies at any distance in time (Jaccard 0.7 is found 99% of the time);
* band ``TERM_BAND``: (four-day bucket of the publication date, term) for a sample of its
  content words: those whose hash falls in the lowest 10% of the range, and at least its
  ``MIN_STORED_TERMS`` lowest, at most ``MAX_STORED_TERMS``. A query looks up a larger
  sample — the lowest 40% and at least its ``MIN_QUERY_TERMS`` lowest, at most
  ``MAX_QUERY_TERMS`` — in the buckets within ``WINDOW_DAYS``. Because the samples are cut
  at the same hash values, a stored article is found whenever one of its sampled words is
  in the new one: a rewrite by another outlet (many shared words, few shared word pairs),
  or the full text of a summary stored before it;
* band ``ANCHOR_BAND``: the same for anchors (names and numbers), ``STORED_ANCHORS`` stored
  and ``QUERY_ANCHORS`` looked up: reports in another language share those.

Articles without a date get band rows only. How many articles share a time-bucketed key
depends on how many articles a day the feeds bring, not on the size of the store, and
``StoryIndex`` reads at most ``MAX_PER_KEY`` (the most recent) articles per such key.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left
from collections.abc import Iterable

from watchers.stories.similar.evidence import Evidence
from watchers.stories.similar.minhash import band_keys, hash64
from watchers.stories.similar.verdict import WINDOW_DAYS

__all__ = [
    "ANCHOR_BAND",
    "TERM_BAND",
    "StoryIndex",
    "index_keys",
    "query_keys",
    "slot",
]

TERM_BAND = 100
ANCHOR_BAND = 101
MIN_STORED_TERMS, MAX_STORED_TERMS, STORED_SHARE = 4, 12, 0.1
MIN_QUERY_TERMS, MAX_QUERY_TERMS, QUERY_SHARE = 32, 80, 0.4
STORED_ANCHORS, QUERY_ANCHORS = 3, 8
MAX_PER_KEY = 64
BAND_WEIGHT = 4  # a shared LSH band ranks a candidate like this many shared words
_BUCKET_DAYS = 4
_MASK32 = (1 << 32) - 1
_SHARDS = 16
_BUFFER = 1 << 14  # rows a shard keeps in a dict before sorting them into a run


def _bucket_key(band: int, bucket: int, item: int | str) -> int:
    return hash64(f"{band} {bucket} {item}") >> 1


def _sampled_terms(evidence: Evidence, share: float, least: int, most: int) -> list[int]:
    """Terms (32-bit hashes) below ``share`` of the range, and at least the ``least`` lowest."""
    ranked = sorted(evidence.terms)
    below = sum(1 for t in ranked[:most] if t < share * (1 << 32))
    return ranked[: max(least, below)]


def _lowest_anchors(evidence: Evidence, n: int) -> list[str]:
    return sorted(evidence.anchors, key=hash64)[:n]


def index_keys(evidence: Evidence) -> list[tuple[int, int]]:
    """The (band, key) rows to store for an article."""
    rows = list(enumerate(band_keys(evidence.signature)))
    if evidence.published is not None:
        bucket = evidence.published.toordinal() // _BUCKET_DAYS
        rows += [
            (TERM_BAND, _bucket_key(TERM_BAND, bucket, t))
            for t in _sampled_terms(evidence, STORED_SHARE, MIN_STORED_TERMS, MAX_STORED_TERMS)
        ]
        rows += [
            (ANCHOR_BAND, _bucket_key(ANCHOR_BAND, bucket, a))
            for a in _lowest_anchors(evidence, STORED_ANCHORS)
        ]
    return rows


def query_keys(evidence: Evidence) -> list[tuple[int, int]]:
    """The (band, key) rows to look up for a new article: its band keys, and its lowest terms
    and anchors in every bucket within ``WINDOW_DAYS`` of its date."""
    rows = list(enumerate(band_keys(evidence.signature)))
    if evidence.published is not None:
        day = evidence.published.toordinal()
        first, last = (day - WINDOW_DAYS) // _BUCKET_DAYS, (day + WINDOW_DAYS) // _BUCKET_DAYS
        terms = _sampled_terms(evidence, QUERY_SHARE, MIN_QUERY_TERMS, MAX_QUERY_TERMS)
        for bucket in range(first, last + 1):
            rows += [(TERM_BAND, _bucket_key(TERM_BAND, bucket, t)) for t in terms]
            rows += [
                (ANCHOR_BAND, _bucket_key(ANCHOR_BAND, bucket, a))
                for a in _lowest_anchors(evidence, QUERY_ANCHORS)
            ]
    return rows


class _Shard:
    """Rows ``slot << 32 | article_id`` in sorted ``array`` runs, plus a dict of new rows.

    Runs of similar size are merged (a binary counter), so a shard has at most
    log2(rows / _BUFFER) + 1 runs and an insert costs O(log n) amortised.
    """

    __slots__ = ("buffer", "buffered", "runs")

    def __init__(self) -> None:
        self.buffer: dict[int, list[int]] = {}
        self.buffered = 0
        self.runs: list[array[int]] = []

    def add(self, slot: int, article_id: int) -> None:
        self.buffer.setdefault(slot, []).append(article_id)
        self.buffered += 1
        if self.buffered >= _BUFFER:
            run = array("Q", sorted(s << 32 | a for s, ids in self.buffer.items() for a in ids))
            self.buffer.clear()
            self.buffered = 0
            while self.runs and len(self.runs[-1]) <= len(run):
                run = array("Q", heapq.merge(self.runs.pop(), run))
            self.runs.append(run)

    def get(self, slot: int) -> list[int]:
        hits = list(self.buffer.get(slot, ()))
        low = slot << 32
        for run in self.runs:
            start = end = bisect_left(run, low)
            while end < len(run) and run[end] >> 32 == slot:
                end += 1
            hits.extend(row & _MASK32 for row in run[start:end])
        return hits


class StoryIndex:
    """The (band, key) -> article rows in memory, about 8 bytes a row.

    A row is kept as a 32-bit slot (band and key hashed together; a false match costs one
    extra candidate, which the verdict then rejects) and a 32-bit article id, in sixteen
    shards so that merging runs never copies more than a sixteenth of the index at once.
    Article ids must be below 2**32.
    """

    def __init__(self) -> None:
        self._shards = [_Shard() for _ in range(_SHARDS)]
        self.rows = 0

    def insert(self, article_id: int, evidence: Evidence) -> None:
        """Add an article's rows (``index_keys``)."""
        self.insert_keys(article_id, index_keys(evidence))

    def insert_keys(self, article_id: int, rows: Iterable[tuple[int, int]]) -> None:
        for band, key in rows:
            slot = _slot(band, key)
            self._shards[slot % _SHARDS].add(slot, article_id)
            self.rows += 1

    def insert_slots(self, article_id: int, slots: Iterable[int]) -> None:
        """Add an article's rows given as slots (``slot(band, key)``, as the story table
        keeps them)."""
        for s in slots:
            self._shards[s % _SHARDS].add(s, article_id)
            self.rows += 1

    def candidates(self, evidence: Evidence) -> set[int]:
        """The ids of stored articles sharing at least one row with ``query_keys(evidence)``."""
        return self.lookup_keys(query_keys(evidence))

    def ranked(self, evidence: Evidence, limit: int) -> list[int]:
        """The ``limit`` candidates sharing the most rows with ``query_keys(evidence)``, most
        first (a shared LSH band counts ``BAND_WEIGHT`` rows), then the most recent.

        On a large store a new article shares a content word or a name with hundreds of
        stored ones; its own story's reports share many. Judging only the best-ranked keeps
        the cost of a lookup flat as the store grows.
        """
        counts: dict[int, int] = {}
        for band, key in query_keys(evidence):
            s = _slot(band, key)
            hits = self._shards[s % _SHARDS].get(s)
            if band >= TERM_BAND and len(hits) > MAX_PER_KEY:
                hits = heapq.nlargest(MAX_PER_KEY, hits)
            weight = 1 if band >= TERM_BAND else BAND_WEIGHT
            for hit in set(hits):
                counts[hit] = counts.get(hit, 0) + weight
        return sorted(counts, key=lambda i: (-counts[i], -i))[:limit]

    def lookup_keys(self, rows: Iterable[tuple[int, int]]) -> set[int]:
        found: set[int] = set()
        for band, key in rows:
            slot = _slot(band, key)
            hits = self._shards[slot % _SHARDS].get(slot)
            if band >= TERM_BAND and len(hits) > MAX_PER_KEY:
                hits = sorted(hits)[-MAX_PER_KEY:]
            found.update(hits)
        return found


def _slot(band: int, key: int) -> int:
    return (key ^ (key >> 32) ^ (band * 0x9E3779B1)) & _MASK32


def slot(band: int, key: int) -> int:
    """The 32-bit slot ``StoryIndex`` keeps for a (band, key) row."""
    return _slot(band, key)
