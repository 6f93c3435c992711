"""The signals a story verdict weighs, for one pair of articles. Pure: no I/O.

Every signal is a number between 0 and 1 (``WITHIN`` names those of two articles in one
language, ``ACROSS`` those of two in different languages); ``verdict`` combines them with
weights fitted on labelled pairs (``weights``). Shared evidence counts by its rarity in the
store (``rarity``): a shared word that every report has adds nothing, a shared name or
number that only these two have adds the most.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from watchers.stories.similar.evidence import Evidence
from watchers.stories.similar.lexicon import action_terms, month_terms
from watchers.stories.similar.rarity import Rarity

__all__ = ["ACROSS", "WITHIN", "Common", "across", "common", "figures", "lead_share", "within"]

# The signals of both kinds about the event: when and which figures alike, then which years
# and actions (figures unlike, "figures_conflict", only across languages: see ``_event``).
_DAY_FIGURES = ("days", "undated", "figures_agree")
_YEARS_ACTIONS = (
    "years_disjoint",
    "latest_year",
    "months_disjoint",
    "actions_shared",
    "other_actions",
)
WITHIN = (
    "copy",
    "terms",
    "rare_terms",
    "cosine",
    "rare_mass",
    "lead",
    "rare_lead",
    "passages",
    "passage_share",
    "rare_names",
    "rare_numbers",
    "other_numbers",
    "other_names",
    *_DAY_FIGURES,
    *_YEARS_ACTIONS,
    "short",
)
ACROSS = (
    "concepts",
    "rare_names",
    "rare_numbers",
    "other_numbers",
    *_DAY_FIGURES,
    "figures_conflict",
    *_YEARS_ACTIONS,
)
_RARE = 0.5  # a name or number rarer than this (weight over the ceiling) can pin an event
_DAYS = 4
_SHORT = 15


@dataclass(frozen=True, slots=True)
class Common:
    """What the verdict's rules and the signals both use, computed once for a pair: the
    estimated containment of the shorter text's shingles (in one language; 0 across), the
    figures the two report alike and how many differently (``figures``), and the terms both
    have."""

    containment: float
    agreed: frozenset[tuple[str, object]]
    conflict: int
    shared: frozenset[int]


def common(a: Evidence, b: Evidence, shared: frozenset[int] | None = None) -> Common:
    """The pair's ``Common`` (``shared``: ``a.terms & b.terms``, when the caller has it)."""
    containment = a.signature.overlap(b.signature)[1] if a.lang == b.lang else 0.0
    shared = a.terms & b.terms if shared is None else shared
    return Common(containment, *figures(a, b), shared)


def within(
    a: Evidence, b: Evidence, rarity: Rarity, pair: Common | None = None
) -> tuple[float, ...]:
    """The ``WITHIN`` signals of two articles in one language (``pair``: their ``common``,
    when the caller has it)."""
    pair = pair or common(a, b)
    shared = pair.shared
    fewer = min(len(a.terms), len(b.terms)) or 1
    weight, mass_a = rarity.profile(a.terms)
    weights = list(map(weight.__getitem__, shared))
    rare = sum(weights)
    return (
        pair.containment,
        len(shared) / fewer,
        rare / fewer,
        _cosine(a, b, weights, mass_a),
        min(rare / 10, 1.0),
        *_lead(a, b, weight, rarity),
        *_passages(a, b),
        *_anchors(a, b, rarity),
        *_event(a, b, pair, rarity),
        1.0 if fewer < _SHORT else 0.0,
    )


def across(
    a: Evidence, b: Evidence, rarity: Rarity, pair: Common | None = None
) -> tuple[float, ...]:
    """The ``ACROSS`` signals of two articles in different languages: the concepts of the
    topic both name (``lexicon``), names, numbers, figures and dates."""
    pair = pair or common(a, b)
    rare_names, rare_numbers, other_numbers, _ = _anchors(a, b, rarity)
    return (
        min(sum(map(rarity.profile(a.terms)[0].__getitem__, pair.shared)) / 6, 1.0),
        rare_names,
        rare_numbers,
        other_numbers,
        *_event(a, b, pair, None),
    )


def _event(a: Evidence, b: Evidence, pair: Common, rarity: Rarity | None) -> tuple[float, ...]:
    """The signals about the event: event-day distance, figures alike (and unlike), years,
    actions. Within a language (``rarity`` given) figures alike weigh by their rarity (a
    deadline every report restates counts for little) and figures unlike are left out: the
    fit gave them a weight for the merge, as reports of one event that read a figure
    differently share its key and reports of other events seldom do, which is no evidence of
    one event (a conflicting figure raises a near copy's bar instead). Across languages
    (None) figures alike count one each, as they are most of what two reports share: weighed
    there too, recall across languages fell from 0.46 to 0.34 and held-out recall to nothing
    (design.md, "Standing figures")."""
    told: tuple[float, ...]
    if rarity is not None:
        told = (min(sum(rarity.figure(k, v) for k, v in pair.agreed), 2) / 2,)
    else:
        told = (min(len(pair.agreed), 2) / 2, min(pair.conflict, 2) / 2)
    return (*_days(a.published, b.published), *told, *_years(a, b), *_actions(a, b))


def _cosine(a: Evidence, b: Evidence, shared: list[float], mass_a: float) -> float:
    """The cosine of the two articles' terms weighted by rarity (``shared``: the weights of
    the terms both have; ``mass_a``: the sum of the squares of ``a``'s). Only ``a``'s terms
    need weights (the new article's: storage reads their counts); ``b``'s own terms are
    weighted like ``a``'s own, on average."""
    mass_shared = sum(w**2 for w in shared)
    own = len(a.terms) - len(shared)
    mean_own = (mass_a - mass_shared) / own if own else 0.0
    mass_b = mass_shared + mean_own * (len(b.terms) - len(shared))
    return mass_shared / math.sqrt(mass_a * mass_b) if mass_a and mass_b else 0.0


def _lead(
    a: Evidence, b: Evidence, weight: Mapping[int, float], rarity: Rarity
) -> tuple[float, float]:
    """How much of the shorter lead (title and first line) the other shares: in terms, and
    in terms weighted by rarity (``weight``: those of ``a``'s terms)."""
    if not a.lead or not b.lead:
        return 0.0, 0.0
    shared = a.lead & b.lead
    fewer = min(len(a.lead), len(b.lead))
    rare = sum(weight[t] if t in weight else rarity.term(t) for t in shared)
    return lead_share(a, b), rare / fewer


def lead_share(a: Evidence, b: Evidence) -> float:
    """How much of the shorter lead (title and first line) the other shares (0 without)."""
    if not a.lead or not b.lead:
        return 0.0
    return len(a.lead & b.lead) / min(len(a.lead), len(b.lead))


def _passages(a: Evidence, b: Evidence) -> tuple[float, float]:
    """The runs of words both have (a quoted statement, a sentence of one wire text): how
    many, up to ten, and their share of the fewer one has (five in a hundred are plenty)."""
    shared = len(a.passages & b.passages)
    fewer = min(len(a.passages), len(b.passages)) or 1
    return min(shared / 10, 1.0), min(shared / fewer * 5, 1.0)


def _anchors(a: Evidence, b: Evidence, rarity: Rarity) -> tuple[float, float, float, float]:
    """Rare names shared, rare numbers shared, whether both have rare numbers of their own and
    share none, and the rare names each has that the other lacks."""
    shared = a.anchors & b.anchors
    weight = rarity.anchor
    names = sum(weight(x) for x in shared if not _number(x))
    numbers = sum(weight(x) for x in shared if _number(x))
    rare_a = {x for x in a.anchors if _number(x) and weight(x) >= _RARE}
    rare_b = {x for x in b.anchors if _number(x) and weight(x) >= _RARE}
    other_numbers = 1.0 if rare_a and rare_b and not rare_a & rare_b else 0.0
    own_a = sum(w for x in a.anchors - shared if not _number(x) and (w := weight(x)) >= _RARE)
    own_b = sum(w for x in b.anchors - shared if not _number(x) and (w := weight(x)) >= _RARE)
    return min(names / 4, 1.0), min(numbers / 2, 1.0), other_numbers, min(own_a, own_b, 4) / 4


def _number(anchor: str) -> bool:
    """Whether an anchor is a number: a count, or a sum of money ("$450")."""
    return anchor.removeprefix("$").isdigit()


def _days(a: date | None, b: date | None) -> tuple[float, float]:
    if a is None or b is None:
        return 0.0, 1.0
    return min(abs((a - b).days), _DAYS) / _DAYS, 0.0


def _years(a: Evidence, b: Evidence) -> tuple[float, float, float]:
    """Years disjoint, latest years differ, months named (``lexicon``) disjoint."""
    both = bool(a.years and b.years)
    mine, theirs = month_terms(a.terms), month_terms(b.terms)
    return (
        1.0 if both and not a.years & b.years else 0.0,
        1.0 if both and max(a.years) != max(b.years) else 0.0,
        1.0 if mine and theirs and not mine & theirs else 0.0,
    )


def _actions(a: Evidence, b: Evidence) -> tuple[float, float]:
    mine, theirs = action_terms(a.terms), action_terms(b.terms)
    shared = len(mine & theirs)
    return min(shared, 2) / 2, 1.0 if mine and theirs and not shared else 0.0


def figures(a: Evidence, b: Evidence) -> tuple[frozenset[tuple[str, object]], int]:
    """The figures the two report alike, and how many differently (same key, other value)."""
    agreed = (a.troop_counts & b.troop_counts) | (a.deadlines & b.deadlines)
    conflict = _conflicts(a.troop_counts, b.troop_counts) + _conflicts(a.deadlines, b.deadlines)
    return agreed, conflict


def _conflicts(mine: frozenset[tuple[str, object]], theirs: frozenset[tuple[str, object]]) -> int:
    """How many keys both report, with no value in common."""
    if not mine or not theirs:
        return 0
    keys_a: dict[str, set[object]] = {}
    keys_b: dict[str, set[object]] = {}
    for key, value in mine:
        keys_a.setdefault(key, set()).add(value)
    for key, value in theirs:
        keys_b.setdefault(key, set()).add(value)
    return sum(1 for k in keys_a.keys() & keys_b.keys() if not keys_a[k] & keys_b[k])
