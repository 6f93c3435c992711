"""Evidence as bytes, for the story tables, and the index rows as 32-bit slots. Pure: no I/O.

``encode(evidence)`` packs the signature and the content-word hashes as little-endian 32-bit
integers (they are most of it) and the rest — language, names, years, figures, the lead's
terms, the passages' hashes (packed the same way, in base64), the places of the lead — as a
short JSON tail;
``decode`` is its inverse (a Hypothesis test checks the round trip). A blob starts with a
format byte, so a later format can still read the rows written by this one. A key added to
the tail keeps the format: a row written before it reads without it ("lead", "passages"),
and an instance that does not know it yet (during a rolling upgrade) reads the row as
before. A row written before "places" reads with places None (not known, not none), one
written before "dated" with dated None, one written before "partners" with both sets of
partners None, one written before "told" with told None, one written before "actor" or "act"
with those None (no veto), and one written before "awaits" with awaits None (as one whose lead
awaits no day: no story stored before is kept apart by it).

``slots(evidence)`` are the article's index rows (``index.index_keys``) as ``StoryIndex``
keeps them, packed the same way: an index loads a stored article with
``StoryIndex.insert_slots`` without decoding its evidence.
"""

from __future__ import annotations

import base64
import json
import struct
from array import array
from datetime import date
from typing import TypeVar, get_args

from watchers.stories.similar.evidence import Evidence
from watchers.stories.similar.index import index_keys, slot
from watchers.stories.similar.minhash import Signature
from watchers.stories.similar.telling import Act, Actor, Told

_T = TypeVar("_T")

__all__ = ["decode", "encode", "slots", "stored_slots"]

_FORMAT = 1
_HEAD = struct.Struct("<BiIHH")  # format, published ordinal (0: none), size, values, terms


def encode(evidence: Evidence) -> bytes:
    """The evidence as bytes (see the module docstring)."""
    values = array("I", evidence.signature.values)
    terms = array("I", sorted(evidence.terms))
    tail: dict[str, object] = {
        "lang": evidence.lang,
        "anchors": sorted(evidence.anchors),
        "years": sorted(evidence.years),
        "troops": sorted([k, v] for k, v in evidence.troop_counts),
        "deadlines": sorted([k, d.isoformat()] for k, d in evidence.deadlines),
        "lead": sorted(evidence.lead),
    }
    if evidence.places is not None:
        tail["places"] = sorted(evidence.places)
    if evidence.dated is not None:
        tail["dated"] = evidence.dated
    if evidence.partners is not None and evidence.head_partners is not None:
        tail["partners"] = sorted(evidence.partners)
        tail["head_partners"] = sorted(evidence.head_partners)
    if evidence.told is not None:
        tail["told"] = evidence.told
    if evidence.awaits is not None:
        tail["awaits"] = evidence.awaits.isoformat()
    if evidence.actor is not None:
        tail["actor"] = evidence.actor
    if evidence.act is not None:
        tail["act"] = evidence.act
    if evidence.passages:
        packed = _little(array("I", sorted(evidence.passages))).tobytes()
        tail["passages"] = base64.b64encode(packed).decode("ascii")
    published = evidence.published.toordinal() if evidence.published else 0
    head = _HEAD.pack(_FORMAT, published, evidence.signature.size, len(values), len(terms))
    text = json.dumps(tail, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return head + _little(values).tobytes() + _little(terms).tobytes() + text


def decode(data: bytes) -> Evidence:
    """The evidence ``encode`` packed; ValueError for bytes it did not write (another
    format, or a row cut short or damaged)."""
    if len(data) < _HEAD.size or data[0] != _FORMAT:
        raise ValueError("not story evidence of a known format")
    try:
        return _decode(data)
    except (
        ValueError, KeyError, TypeError, AttributeError, OverflowError, RecursionError, struct.error
    ) as e:  # fmt: skip
        raise ValueError(f"damaged story evidence: {e!r}") from e


def _decode(data: bytes) -> Evidence:
    _, published, size, n_values, n_terms = _HEAD.unpack_from(data)
    start = _HEAD.size
    values = _ints(data[start : start + 4 * n_values])
    start += 4 * n_values
    terms = _ints(data[start : start + 4 * n_terms])
    tail = json.loads(data[start + 4 * n_terms :].decode("utf-8"))
    return Evidence(
        lang=tail["lang"],
        published=date.fromordinal(published) if published else None,
        signature=Signature(tuple(values), size),
        anchors=frozenset(tail["anchors"]),
        terms=frozenset(terms),
        years=frozenset(tail["years"]),
        troop_counts=frozenset((k, int(v)) for k, v in tail["troops"]),
        deadlines=frozenset((k, date.fromisoformat(d)) for k, d in tail["deadlines"]),
        lead=frozenset(tail.get("lead", ())),  # rows written before leads were kept have none
        passages=frozenset(_ints(base64.b64decode(tail.get("passages", "")))),
        places=None if "places" not in tail else frozenset(map(str, tail["places"])),
        dated=None if "dated" not in tail else bool(tail["dated"]),
        partners=None if "partners" not in tail else frozenset(map(str, tail["partners"])),
        head_partners=(
            None if "head_partners" not in tail else frozenset(map(str, tail["head_partners"]))
        ),
        told=_one_of(tail.get("told"), get_args(Told), "a telling"),
        awaits=date.fromisoformat(str(tail["awaits"])) if "awaits" in tail else None,
        actor=_one_of(tail.get("actor"), get_args(Actor), "an actor"),
        act=_one_of(tail.get("act"), get_args(Act), "an act"),
    )


def _one_of(value: object, allowed: tuple[_T, ...], what: str) -> _T | None:
    """A stored reading of the title, one of ``allowed`` (None: a row written before it was
    kept); ValueError for anything else."""
    if value is None:
        return None
    for choice in allowed:
        if value == choice:
            return choice
    raise ValueError(f"not {what}: {value!r}")


def slots(evidence: Evidence) -> bytes:
    """The article's index rows as ``StoryIndex`` slots, packed."""
    return _little(array("I", (slot(band, key) for band, key in index_keys(evidence)))).tobytes()


def stored_slots(data: bytes) -> bytes:
    """The index rows this version makes for stored evidence (``decode``'s ValueError for
    bytes it cannot read): what ``drawdown db reindex`` writes and ``doctor`` compares."""
    return slots(decode(data))


def _ints(data: bytes) -> list[int]:
    ints = array("I")
    ints.frombytes(data)
    return _little(ints).tolist()


def _little(ints: array[int]) -> array[int]:
    """``ints`` in little-endian order (a no-op on the machines we run on)."""
    if struct.pack("=I", 1) != struct.pack("<I", 1):
        ints = array("I", ints)
        ints.byteswap()
    return ints
