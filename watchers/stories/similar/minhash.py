"""MinHash signatures and LSH band keys for shingle sets. Pure: no I/O, stable across processes.

The signature is one-permutation MinHash with optimal densification (Li, Owen & Zhang 2012;
Shrivastava 2017): each shingle is hashed once to 64 bits, the top 7 bits pick one of
``NUM_BINS`` bins and the bin keeps the smallest of the remaining bits (cut to 32). An empty
bin borrows the value of the first non-empty bin on a fixed pseudo-random path that depends
only on the empty bin's number, so two texts borrow alike. Two signatures agree in a bin
with probability close to the Jaccard similarity of the shingle sets, as with 128 separate
permutations, but computing one costs one hash per shingle (about 0.1 ms for an article)
instead of 128 — so no numpy is needed.

Hashes are CRC-32 based with a multiplicative mix: Python's ``hash`` is salted per process,
and signatures and band keys are stored.

``band_keys`` cuts the signature into ``BANDS`` bands of ``ROWS`` values; two texts whose
Jaccard similarity is J share at least one band key with probability 1 - (1 - J^ROWS)^BANDS.
"""

from __future__ import annotations

import operator
import zlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "BANDS",
    "NUM_BINS",
    "ROWS",
    "Signature",
    "band_keys",
    "hash64",
    "minhash",
]

NUM_BINS = 128
BANDS = 20
ROWS = 4  # BANDS * ROWS of the NUM_BINS values make the band keys
_BIN_BITS = 7
_MASK64 = (1 << 64) - 1
_MASK32 = (1 << 32) - 1
_MIX = 0x9E3779B97F4A7C15  # 2^64 / golden ratio, odd
_EMPTY = _MASK32 + 1  # larger than any value a bin can hold
_SEED = 0x5BD1E995


def hash64(text: str) -> int:
    """A stable, well-mixed 64-bit hash of a string."""
    data = text.encode("utf-8")
    h = (zlib.crc32(data) << 32) | zlib.crc32(data, _SEED)
    h = (h * _MIX) & _MASK64
    return h ^ (h >> 31)


def _borrow_paths() -> tuple[tuple[int, ...], ...]:
    """For each bin, the bins it tries in turn when it is empty (every other bin, once)."""
    paths = []
    for b in range(NUM_BINS):
        order = sorted(
            (c for c in range(NUM_BINS) if c != b), key=lambda c: hash64(f"borrow {b} {c}")
        )
        paths.append(tuple(order))
    return tuple(paths)


_PATHS = _borrow_paths()


@dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash signature: ``NUM_BINS`` 32-bit values, and how many shingles it summarises.

    ``size`` lets two signatures estimate the overlap relative to the shorter text
    (containment), which is what tells a summary from the full article it summarises.
    An empty text has ``size`` 0 and no values.
    """

    values: tuple[int, ...]
    size: int

    def to_bytes(self) -> bytes:
        """The values as 4-byte little-endian integers, for a BLOB column."""
        return array("I", self.values).tobytes() if self.values else b""

    @classmethod
    def from_bytes(cls, data: bytes, size: int) -> Signature:
        values = array("I")
        values.frombytes(data)
        return cls(tuple(values), size)

    def agreement(self, other: Signature) -> float:
        """The fraction of bins where the two signatures agree: an estimate of Jaccard."""
        if not self.values or not other.values:
            return 0.0
        if len(self.values) != len(other.values):
            raise ValueError("signatures of different lengths")
        same: int = sum(map(operator.eq, self.values, other.values))
        return same / NUM_BINS

    def overlap(self, other: Signature) -> tuple[float, float]:
        """Estimated (Jaccard, containment): shared shingles over all, and over the smaller set."""
        jaccard = self.agreement(other)
        if jaccard == 0.0:
            return 0.0, 0.0
        shared = jaccard / (1.0 + jaccard) * (self.size + other.size)
        return jaccard, min(1.0, shared / min(self.size, other.size))


def minhash(hashes: Iterable[int]) -> Signature:
    """The signature of a set of 64-bit shingle hashes."""
    bins = [_EMPTY] * NUM_BINS
    size = 0
    shift = 64 - _BIN_BITS
    for h in set(hashes):
        size += 1
        b = h >> shift
        v = h & _MASK32
        if v < bins[b]:
            bins[b] = v
    if size == 0:
        return Signature((), 0)
    values = list(bins)
    for b, v in enumerate(bins):
        if v == _EMPTY:
            for c in _PATHS[b]:
                if bins[c] != _EMPTY:
                    values[b] = bins[c]
                    break
    return Signature(tuple(values), size)


def band_keys(signature: Signature) -> list[int]:
    """One key per band (``BANDS`` of them), each a non-negative 63-bit integer.

    The band number is mixed into the key, so keys of different bands never collide and
    the list can be stored as (band, key) rows or as plain keys. An empty signature has
    no keys.
    """
    if not signature.values:
        return []
    keys = []
    for band in range(BANDS):
        rows = signature.values[band * ROWS : (band + 1) * ROWS]
        h = band
        for v in rows:
            h = ((h ^ v) * _MIX) & _MASK64
            h ^= h >> 29
        keys.append(h >> 1)
    return keys
