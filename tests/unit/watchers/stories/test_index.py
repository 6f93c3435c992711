"""The in-memory story index answers exactly as a plain table of its rows would."""

from __future__ import annotations

import heapq
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from watchers.stories.similar import index
from watchers.stories.similar.index import (
    ANCHOR_BAND,
    BAND_WEIGHT,
    MAX_PER_KEY,
    TERM_BAND,
    StoryIndex,
    slot,
)

Row = tuple[int, int]  # (band, key)

BANDS = st.sampled_from([0, 1, 15, TERM_BAND, ANCHOR_BAND])
ROWS = st.lists(st.tuples(BANDS, st.integers(0, 5)), min_size=1, max_size=6)
ARTICLES = st.lists(ROWS, min_size=1, max_size=250)
QUERY = st.lists(st.tuples(BANDS, st.integers(0, 6)), min_size=1, max_size=30)


def _hits(stored: list[tuple[int, list[Row]]], band: int, key: int) -> list[int]:
    """What a plain table answers for one query row (the 32-bit slot is what is compared)."""
    wanted = slot(band, key)
    hits = [a for a, rows in stored for b, k in rows if slot(b, k) == wanted]
    if band >= TERM_BAND and len(hits) > MAX_PER_KEY:
        hits = heapq.nlargest(MAX_PER_KEY, hits)
    return hits


def _ranked(stored: list[tuple[int, list[Row]]], query: list[Row], limit: int) -> list[int]:
    counts: dict[int, int] = {}
    for band, key in query:
        weight = 1 if band >= TERM_BAND else BAND_WEIGHT
        for hit in set(_hits(stored, band, key)):
            counts[hit] = counts.get(hit, 0) + weight
    return sorted(counts, key=lambda i: (-counts[i], -i))[:limit]


def _packed(rows: list[Row]) -> bytes:
    return struct.pack(f"<{len(rows)}I", *(slot(b, k) for b, k in rows))


@settings(max_examples=60, deadline=None)
@given(ARTICLES, QUERY, st.integers(0, 200), st.integers(1, 80))
def test_ranked_and_lookup_answer_as_the_table_does(
    articles: list[list[Row]], query: list[Row], bulk: int, limit: int
) -> None:
    """Rows loaded in bulk (sorted into the shards' arrays), then one article at a time
    (a dict, merged into the arrays when it fills up; the larger arrays memory maps): a key
    shared by more than
    ``MAX_PER_KEY`` articles, an article with a row twice, ids out of order."""
    stored = [(7 * n % 1009 + 1, rows) for n, rows in enumerate(articles)]
    idx = StoryIndex()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "_BUFFER", 16)
        patch.setattr(index, "_MAPPED", 40)  # larger arrays are memory maps
        idx.insert_packed([(a, _packed(rows)) for a, rows in stored[:bulk]])
        for a, rows in stored[bulk:]:
            idx.insert_keys(a, rows)
    assert idx.rows == sum(len(rows) for _, rows in stored)
    assert idx.ranked_keys(query, limit) == _ranked(stored, query, limit)
    expected = {a for band, key in query for a in _hits(stored, band, key)}
    assert idx.lookup_keys(query) == expected


def test_an_empty_index_finds_nothing() -> None:
    assert StoryIndex().ranked_keys([(0, 1), (TERM_BAND, 2)], 10) == []
    assert StoryIndex().lookup_keys([(0, 1)]) == set()


@pytest.mark.parametrize("bulk", [True, False])
def test_slots_at_both_ends_of_the_range_are_found(bulk: bool) -> None:
    """The first and last slot of the 32-bit range (band 0's slot of a 32-bit key is the
    key), and the highest article id."""
    low, high = 0, 2**32 - 1
    assert (slot(0, low), slot(0, high)) == (low, high)
    idx = StoryIndex()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index, "_BUFFER", 1 if bulk else 100)
        idx.insert_packed([(2**32 - 1, _packed([(0, high)])), (5, _packed([(0, low)]))])
    assert idx.lookup_keys([(0, high)]) == {2**32 - 1}
    assert idx.lookup_keys([(0, low), (0, 1)]) == {5}
    assert idx.ranked_keys([(0, high), (0, low)], 5) == [2**32 - 1, 5]
