"""How rare each word, name and number is in the store: document frequencies. Pure: no I/O.

A word, name or number shared by every report of the month ("Iraq", "coalition", the
standing "2,500") says nothing about whether two reports tell one event; one shared by two
reports says a lot. Storage counts, for every key, how many stored relevant articles have it
(``storage.term_frequency``), updated in the transaction that stores them; the reading step
gets the counts of the keys it compares (``rarity_keys``) as a ``Rarity``.

Keys are 64-bit integers: an article's term hashes as they are (32-bit), and its anchors
(names and numbers) and figures (a troop count's or deadline's key and value: the standing
"September 2025" of every report in 2025 says as little as the standing 2,500) hashed above
them (``anchor_key``, ``figure_key``), so one table holds them all. A store written before
figures were counted has none of their counts; a figure is weighed against the articles
counted since (``FIGURES_COUNTED``), so there every figure first weighs ``NEUTRAL``.

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

__all__ = [
    "FIGURES_COUNTED",
    "NEUTRAL",
    "PRIOR",
    "YOUNG",
    "Rarity",
    "anchor_key",
    "count",
    "figure_key",
    "rarity_keys",
]

PRIOR = 20
YOUNG = 50
NEUTRAL = 0.5
_ANCHOR_BASE = 1 << 32
_COPIED = 4  # counts up to this many times the article's keys are copied, not chained


@lru_cache(maxsize=1 << 16)
def anchor_key(anchor: str) -> int:
    """The key of a name or number (above every term hash)."""
    return _ANCHOR_BASE + (hash64(f"anchor:{anchor}") >> 32)


def figure_key(key: str, value: object) -> int:
    """The key of a figure (a troop count's or deadline's key and value), among the anchors'."""
    return anchor_key(f"figure:{key}={value}")


# Counted once for every article whose figures are counted: the stores of versions that did
# not count figures have articles but no figure counts, and a figure is weighed against the
# articles counted with figures, not against all (``Rarity.figure``).
FIGURES_COUNTED = anchor_key("figures counted")


def rarity_keys(ev: Evidence) -> set[int]:
    """The keys an article counts once in the document frequencies."""
    figures = {figure_key(k, v) for k, v in (*ev.troop_counts, *ev.deadlines)}
    return set(ev.terms) | {anchor_key(a) for a in ev.anchors} | figures | {FIGURES_COUNTED}


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

    def term(self, term: int) -> float:
        """A term's weight over the ceiling: 1 for a term no other article has, 0 for one
        every article has — drawn towards ``NEUTRAL`` while the store is young (with
        ``YOUNG`` articles, halfway): a few stored articles cannot tell a rare word from one
        every report of the month has."""
        return self._over_ceiling(self.counts.get(term, 0), self.articles)

    def figure(self, key: str, value: object) -> float:
        """A figure's weight, as a term's (``term``) among the articles whose figures were
        counted: in a store that counted none yet, every figure weighs ``NEUTRAL``."""
        n = self.counts.get(FIGURES_COUNTED, 0)
        return self._over_ceiling(self.counts.get(figure_key(key, value), 0), n)

    @staticmethod
    def _over_ceiling(df: int, n: int) -> float:
        """The weight of a key ``df`` of ``n`` articles have, over the weight of one only
        the article itself has (the ceiling), drawn towards ``NEUTRAL`` while ``n`` is small."""
        ceiling = math.log(n + PRIOR)
        weight = max(0.0, math.log((n + PRIOR) / (df + 1)))
        return (n * weight / ceiling + YOUNG * NEUTRAL) / (n + YOUNG)

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
