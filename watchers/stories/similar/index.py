"""Candidate lookup by shared keys: an in-memory form of the (band, key) -> article table.

Pure: no I/O. ``index_keys(evidence)`` are the rows to store for an article and
``query_keys(evidence)`` the rows to look up for a new one; both are (band, key) pairs of
non-negative 63-bit integers, so storage can keep them in a table
``story_key(band INTEGER, key INTEGER, article_id INTEGER)`` indexed on (band, key), and
``StoryIndex`` keeps the same rows in memory (the service's index, and ``drawdown analyze``'s).

Three kinds of rows:

* bands ``0 .. BANDS-1``: the LSH band keys of the signature (``minhash.band_keys``), for
  near copies at any distance in time: two texts of Jaccard similarity 0.6 (a re-post that
  keeps three quarters of the text and replaces the rest with its own) share a band 94% of
  the time, 0.5 72%;
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

import mmap
import struct
import sys
from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

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
# An article stores few keys (each is a row of the index's memory at 1M articles), and a
# report of its event is found when it has one of them: six anchors rather than three, and
# nine words rather than twelve, found 25 more same-event pairs within a language and 67
# across on the same-week sets, for one row an article more (design.md, "a fourteenth stop").
MIN_STORED_TERMS, MAX_STORED_TERMS, STORED_SHARE = 4, 9, 0.1
MIN_QUERY_TERMS, MAX_QUERY_TERMS, QUERY_SHARE = 32, 80, 0.4
STORED_ANCHORS, QUERY_ANCHORS = 6, 8
MAX_PER_KEY = 64
BAND_WEIGHT = 4  # a shared LSH band ranks a candidate like this many shared words
_BUCKET_DAYS = 4
_MASK32 = (1 << 32) - 1
_SHARDS = 16
_SHARD_SHIFT = 28  # a shard holds the slots of one sixteenth of the 32-bit range
_SHARD_SLOTS = np.array([s << _SHARD_SHIFT for s in range(_SHARDS)], np.uint64)
_BUFFER = 1 << 14  # rows a shard keeps in a dict before merging them into its array
_MAPPED = 1 << 16  # rows from which a shard's array is a memory map of its own
_DIRECTORY_BITS = 16  # a shard's directory: where each of 65,536 slot ranges begins
_RANGE_SHIFT = 32 + _SHARD_SHIFT - _DIRECTORY_BITS  # a row's range: its bits from here up

Ids = NDArray[np.uint64]
_ID_BITS = np.uint64(_MASK32)  # a row's article id


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
        anchors = _lowest_anchors(evidence, QUERY_ANCHORS)
        for bucket in range(first, last + 1):
            rows += [(TERM_BAND, _bucket_key(TERM_BAND, bucket, t)) for t in terms]
            rows += [(ANCHOR_BAND, _bucket_key(ANCHOR_BAND, bucket, a)) for a in anchors]
    return rows


class _Shard:
    """Rows ``slot << 32 | article_id``: one sorted array, plus a dict of the rows added since.

    When the dict holds ``_BUFFER`` rows they are merged into the array, so a lookup reads
    one array and the dict; a merge copies the shard, a sixteenth of the index, once every
    ``_BUFFER`` rows it receives (or once for a bulk load: ``StoryIndex.insert_packed``).
    ``starts`` is a directory of the array: where the rows of each of the
    ``2**_DIRECTORY_BITS`` slot ranges of the shard begin, so that a lookup reads a few rows
    near each other instead of bisecting the whole array.
    """

    __slots__ = ("buffer", "buffered", "first", "run", "stale", "starts")

    def __init__(self, number: int) -> None:
        self.buffer: dict[int, list[int]] = {}
        self.buffered = 0
        self.run: Ids = np.empty(0, np.uint64)
        self.first = number << (_SHARD_SHIFT + 32)  # the lowest row the shard can hold
        self.starts: NDArray[np.int32] = np.zeros(0, np.int32)  # built with the first array
        self.stale = False

    def add(self, slot: int, article_id: int) -> None:
        self.buffer.setdefault(slot, []).append(article_id)
        self.buffered += 1
        if self.buffered >= _BUFFER:
            rows = [s << 32 | a for s, ids in self.buffer.items() for a in ids]
            self.buffer.clear()
            self.buffered = 0
            self.merge(np.array(rows, np.uint64))

    def merge(self, rows: Ids) -> None:
        """Merge rows (in any order) into the sorted array: each new row goes where it
        belongs, the old ones fill the rest in order (no copy of the old array but the new)."""
        rows = np.sort(rows)
        at = self.run.searchsorted(rows) + np.arange(len(rows))
        merged = _rows(len(self.run) + len(rows))
        merged[at] = rows
        old = np.ones(len(merged), bool)
        old[at] = False
        merged[old] = self.run
        self.run = merged
        self.stale = True

    def index(self) -> None:
        """The directory of the array as merged last (once for many merges: a bulk load
        indexes each shard at its end, rows added one at a time at the next lookup)."""
        ranges = np.arange(1 << _DIRECTORY_BITS, dtype=np.uint64) << np.uint64(_RANGE_SHIFT)
        starts = np.empty((1 << _DIRECTORY_BITS) + 1, np.int32)
        starts[:-1] = self.run.searchsorted(np.uint64(self.first) + ranges)
        starts[-1] = len(self.run)
        self.starts = starts
        self.stale = False

    def find(self, slots: Ids, positions: NDArray[np.intp]) -> tuple[NDArray[np.intp], Ids]:
        """(position, article id) of the array's rows with these slots (at these positions)."""
        if self.stale:
            self.index()
        where = (slots >> np.uint64(_RANGE_SHIFT - 32)) & np.uint64((1 << _DIRECTORY_BITS) - 1)
        start = self.starts[where]
        sizes = self.starts[where + 1] - start
        total = int(sizes.sum())
        if not total:
            return positions[:0], slots[:0]
        skip = np.repeat(start - (np.cumsum(sizes) - sizes), sizes)
        rows = self.run[skip + np.arange(total)]
        same = (rows >> np.uint64(32)) == np.repeat(slots, sizes)
        return np.repeat(positions, sizes)[same], rows[same] & _ID_BITS


def _rows(n: int) -> Ids:
    """An array for ``n`` rows. A large one is its own anonymous memory map, given back to
    the system as soon as it is replaced: kept in the allocator's heap, the arrays that merges
    replace would leave holes there that the process keeps (about a quarter of the index at
    a million articles)."""
    if n < _MAPPED:
        return np.empty(n, np.uint64)
    return np.frombuffer(mmap.mmap(-1, n * 8, flags=mmap.MAP_PRIVATE), np.uint64)


class StoryIndex:
    """The (band, key) -> article rows in memory, about 8 bytes a row.

    A row is kept as a 32-bit slot (band and key hashed together; a false match costs one
    extra candidate, which the verdict then rejects) and a 32-bit article id, in sixteen
    shards so that merging never copies more than a sixteenth of the index at once. A
    lookup searches every shard's array for all the query's slots at once (numpy).
    Article ids must be below 2**32.
    """

    def __init__(self) -> None:
        self._shards = [_Shard(n) for n in range(_SHARDS)]
        self.rows = 0

    def insert(self, article_id: int, evidence: Evidence) -> None:
        """Add an article's rows (``index_keys``)."""
        self.insert_keys(article_id, index_keys(evidence))

    def insert_keys(self, article_id: int, rows: Iterable[tuple[int, int]]) -> None:
        self.insert_slots(article_id, (_slot(band, key) for band, key in rows))

    def insert_slots(self, article_id: int, slots: Iterable[int]) -> None:
        """Add an article's rows given as slots (``slot(band, key)``, as the story table
        keeps them)."""
        for s in slots:
            self._shards[s >> _SHARD_SHIFT].add(s, article_id)
            self.rows += 1

    def insert_packed(self, articles: Sequence[tuple[int, bytes]], *, load: bool = False) -> None:
        """Add articles' rows given as packed slots (little-endian 32-bit, as
        ``codec.slots`` writes them): (article id, slots) each. Many rows at once — an index
        loading the store (``load``), or rows many compared with the index — are sorted into
        the shards' arrays without a dict; a batch's rows on a large index go through the
        dicts (merging them at once would copy every shard)."""
        sizes = [len(packed) // 4 for _, packed in articles]
        total = sum(sizes)
        if total < _BUFFER or not (load or 4 * total >= self.rows):  # a merge copies all shards
            for (article_id, packed), size in zip(articles, sizes, strict=True):
                self.insert_slots(article_id, struct.unpack(f"<{size}I", packed))
            return
        rows = np.empty(total, np.uint64)  # written as two 32-bit halves: no 64-bit temporaries
        halves = rows.view(np.uint32).reshape(total, 2)
        slot_half = 1 if sys.byteorder == "little" else 0
        halves[:, slot_half] = np.frombuffer(b"".join(p for _, p in articles), "<u4")
        halves[:, 1 - slot_half] = np.repeat(np.array([a for a, _ in articles], np.uint32), sizes)
        rows.sort()
        bounds = [*np.searchsorted(rows, _SHARD_SLOTS << 32).tolist(), len(rows)]
        for s, shard in enumerate(self._shards):
            if bounds[s] < bounds[s + 1]:
                shard.merge(rows[bounds[s] : bounds[s + 1]])
                shard.index()
        self.rows += total

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
        return self.ranked_keys(query_keys(evidence), limit) if self.rows else []

    def ranked_keys(self, rows: Sequence[tuple[int, int]], limit: int) -> list[int]:
        """``ranked`` for these query rows."""
        if not self.rows:
            return []
        position, found = self._found(rows)
        if not len(found):
            return []
        weights = np.array([1 if band >= TERM_BAND else BAND_WEIGHT for band, _ in rows])
        ids, first = np.unique(found, return_inverse=True)
        counts = np.bincount(first, weights=weights[position])
        best = np.lexsort((-ids.astype(np.int64), -counts))[:limit]
        return [int(i) for i in ids[best]]

    def lookup_keys(self, rows: Iterable[tuple[int, int]]) -> set[int]:
        if not self.rows:
            return set()
        _, found = self._found(list(rows))
        return {int(i) for i in found}

    def _found(self, rows: Sequence[tuple[int, int]]) -> tuple[NDArray[np.intp], Ids]:
        """Every (query row, article) pair: the position in ``rows`` and the article id of
        each stored row sharing that row's slot, an article once per query row and, for a
        time-bucketed row (band ``TERM_BAND`` and above), only its ``MAX_PER_KEY`` most
        recent (highest ids) articles."""
        slots = [_slot(band, key) for band, key in rows]
        position, found = self._hits(slots)
        if not len(found):
            return position, found
        # sort by query row, then most recent first; rank each hit within its row
        order = np.lexsort((-found.astype(np.int64), position))
        position, found = position[order], found[order]
        new_row = np.empty(len(found), bool)
        new_row[0] = True
        np.not_equal(position[1:], position[:-1], out=new_row[1:])
        starts = np.flatnonzero(new_row)
        rank = np.arange(len(found)) - np.repeat(starts, np.diff(np.append(starts, len(found))))
        bounded = np.array([band >= TERM_BAND for band, _ in rows])
        keep = (rank < MAX_PER_KEY) | ~bounded[position]
        keep[1:] &= new_row[1:] | (found[1:] != found[:-1])  # an article once per row
        return position[keep], found[keep]

    def _hits(self, slots: list[int]) -> tuple[NDArray[np.intp], Ids]:
        """(position in ``slots``, article id) of every stored row with one of these slots."""
        query = np.array(slots, np.uint64)
        order = np.argsort(query)
        bounds = [*np.searchsorted(query[order], _SHARD_SLOTS).tolist(), len(query)]
        positions: list[NDArray[np.intp]] = []
        found: list[Ids] = []
        loose_positions: list[int] = []
        loose: list[int] = []
        for s, shard in enumerate(self._shards):
            if bounds[s] == bounds[s + 1]:
                continue
            picked = order[bounds[s] : bounds[s + 1]]
            if shard.buffer:
                for p in picked.tolist():
                    recent = shard.buffer.get(slots[p], ())
                    loose += recent
                    loose_positions += [p] * len(recent)
            if len(shard.run):
                position, ids = shard.find(query[picked], picked)
                positions.append(position)
                found.append(ids)
        if loose:
            found.append(np.array(loose, np.uint64))
            positions.append(np.array(loose_positions, np.intp))
        if not found:
            return np.empty(0, np.intp), np.empty(0, np.uint64)
        return np.concatenate(positions), np.concatenate(found)


def _slot(band: int, key: int) -> int:
    return (key ^ (key >> 32) ^ (band * 0x9E3779B1)) & _MASK32


def slot(band: int, key: int) -> int:
    """The 32-bit slot ``StoryIndex`` keeps for a (band, key) row."""
    return _slot(band, key)
