"""How rare each word, name and number is in the store: document frequencies. Pure: no I/O.

A word, name or number shared by every report of the month ("Iraq", "coalition", the
standing "2,500") says nothing about whether two reports tell one event; one shared by two
reports says a lot. Storage counts, for every key, how many stored relevant articles have it
(``storage.term_frequency``), updated in the transaction that stores them; the reading step
gets the counts of the keys it compares (``rarity_keys``) as a ``Rarity``.

Keys are 64-bit integers: an article's term hashes as they are (32-bit), and its anchors
(names and numbers) hashed above them (``anchor_key``), so one table holds both.

The weight of a key is its inverse document frequency, ``log((N + PRIOR) / (df + 1))``,
where ``N`` counts the stored articles and ``df`` those that have the key, including the
article being placed. ``PRIOR`` stands for the articles a young store has not seen yet: with
few stored, every key is about as rare as it can be, and the weights say little either way.
"""

from __future__ import annotations

import math
from collections import ChainMap
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from watchers.stories.similar.evidence import Evidence
from watchers.stories.similar.minhash import hash64

__all__ = ["NEUTRAL", "PRIOR", "YOUNG", "Rarity", "anchor_key", "count", "rarity_keys"]

PRIOR = 20
YOUNG = 50
NEUTRAL = 0.5
_ANCHOR_BASE = 1 << 32
_COPIED = 4  # counts up to this many times the article's keys are copied, not chained


@lru_cache(maxsize=1 << 16)
def anchor_key(anchor: str) -> int:
    """The key of a name or number (above every term hash)."""
    return _ANCHOR_BASE + (hash64(f"anchor:{anchor}") >> 32)


def rarity_keys(ev: Evidence) -> set[int]:
    """The keys an article counts once in the document frequencies."""
    return set(ev.terms) | {anchor_key(a) for a in ev.anchors}


@dataclass(frozen=True, slots=True)
class Rarity:
    """Document frequencies of some keys: ``articles`` stored, ``counts`` by key (a key not
    in ``counts`` is in no stored article)."""

    articles: int = 0
    counts: Mapping[int, int] = field(default_factory=dict)
    # weights already computed: the new article is compared with every candidate
    _terms: dict[frozenset[int], tuple[dict[int, float], float]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _anchors: dict[str, float] = field(default_factory=dict, compare=False, repr=False)

    @property
    def ceiling(self) -> float:
        """The weight of a key only the article itself has."""
        return math.log(self.articles + PRIOR)

    def weight(self, key: int) -> float:
        return max(0.0, math.log((self.articles + PRIOR) / (self.counts.get(key, 0) + 1)))

    def term(self, term: int) -> float:
        """A term's weight over the ceiling: 1 for a term no other article has, 0 for one
        every article has — drawn towards ``NEUTRAL`` while the store is young (with
        ``YOUNG`` articles, halfway): a few stored articles cannot tell a rare word from one
        every report of the month has."""
        n = self.articles
        return (n * self.weight(term) / self.ceiling + YOUNG * NEUTRAL) / (n + YOUNG)

    def anchor(self, anchor: str) -> float:
        found = self._anchors.get(anchor)
        if found is None:
            found = self._anchors[anchor] = self.term(anchor_key(anchor))
        return found

    def profile(self, terms: frozenset[int]) -> tuple[dict[int, float], float]:
        """Each term's weight (``term``) and the sum of their squares, computed once for an
        article's terms."""
        found = self._terms.get(terms)
        if found is None:
            weights = {t: self.term(t) for t in terms}
            found = self._terms[terms] = (weights, sum(w * w for w in weights.values()))
        return found

    def including(self, keys: Iterable[int]) -> Rarity:
        """These frequencies with one more article, which has ``keys`` (the one placed)."""
        bumped = {key: self.counts.get(key, 0) + 1 for key in keys}
        if len(self.counts) <= _COPIED * max(len(bumped), 1):  # one article's: a plain dict
            return Rarity(self.articles + 1, {**self.counts, **bumped})
        # a view, not a copy: a large batch's counts are large, the article's keys a few hundred
        stored = cast(MutableMapping[int, int], self.counts)  # ChainMap writes to bumped only
        return Rarity(self.articles + 1, ChainMap(bumped, stored))


def count(evidences: Iterable[Evidence]) -> Rarity:
    """The document frequencies of some articles (the labelled sets, a test's store)."""
    counts: dict[int, int] = {}
    n = 0
    for ev in evidences:
        n += 1
        for key in rarity_keys(ev):
            counts[key] = counts.get(key, 0) + 1
    return Rarity(n, counts)
