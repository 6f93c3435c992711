"""Which step of the timetable a deadline key is about. Pure: no I/O.

Outlets name the same step of the withdrawal in many ways: "the coalition's mission in
federal Iraq ends", "the first troops leave Baghdad", "forces leave Ain al-Asad" are all
the first phase (September 2025); "the rest leave Iraq", "forces stay in Erbil until",
"the Syria support mission ends" are all the second (September 2026, or "end of 2026" in
the first reports). The ledger keeps one key per wording (``watchers.figures.DEADLINE_KINDS``
with a place); the decider judges a deadline against every key of its milestone, so two
wordings of one step agree, and the two phases never "conflict" with each other.

* ``combat`` — the US combat mission ends (2021).
* ``phase1`` — the coalition's mission in federal Iraq ends, first troops leave, and
  troops leave Baghdad or Ain al-Asad.
* ``phase2`` — the coalition leaves Iraq altogether, or Erbil or Kurdistan, or its mission
  there or in Syria (the support mission run from Iraq) ends. Troops leaving Syria itself
  are no step of this timetable: those keys are judged each on their own.
* ``drawdown`` — a troop level is due ("cut to 3,000 by January 15").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, get_args

from storage.ledger_types import FigureEntry
from watchers.figures.model import PLACES

__all__ = ["MILESTONES", "Milestone", "deadline_keys", "milestone_of", "milestone_timeline"]

Milestone = Literal["combat", "phase1", "phase2", "drawdown"]
MILESTONES: tuple[Milestone, ...] = get_args(Milestone)

_PREFIX = "deadline/"
_FEDERAL = ("Iraq", "Baghdad", "Ain al-Asad")
_FIRST_PHASE_BASES = ("Baghdad", "Ain al-Asad")
_TEMPLATES = (
    "US combat mission ends in {place}",
    "coalition mission ends in {place}",
    "coalition leaves {place}",
    "first coalition troops leave {place}",
    "US troop cut due in {place}",
)


def milestone_timeline(
    key: str, timelines: Mapping[str, Sequence[FigureEntry]]
) -> list[FigureEntry]:
    """The reports a figure is judged against: its key's, or, for a deadline, those of every
    key of its milestone, in the ledger's order (publication time, then id)."""
    milestone = milestone_of(key)
    if milestone is None:
        return list(timelines.get(key, ()))
    merged = [e for k, t in timelines.items() if milestone_of(k) == milestone for e in t]
    return sorted(merged, key=lambda e: (e.published_at, e.id))


def deadline_keys() -> tuple[str, ...]:
    """Every deadline key the vocabulary can make."""
    return tuple(_PREFIX + t.format(place=p) for t in _TEMPLATES for p in PLACES)


def milestone_of(key: str) -> Milestone | None:
    """The milestone of a deadline key; None for a troop count, an unknown key, or troops
    leaving Syria."""
    if not key.startswith(_PREFIX):
        return None
    what = key.removeprefix(_PREFIX)
    for template in _TEMPLATES:
        head = template.removesuffix("{place}")
        if not what.startswith(head) or len(what) == len(head):
            continue
        place = what.removeprefix(head)
        if template.startswith("US combat"):
            return "combat"
        if template.startswith("US troop cut"):
            return "drawdown"
        if place == "Syria" and not template.startswith("coalition mission"):
            return None  # leaving Syria is its own story; only the Syria support mission ends
        if template.startswith("first"):
            return "phase1"
        if template.startswith("coalition mission"):
            return "phase1" if place in _FEDERAL else "phase2"
        return "phase1" if place in _FIRST_PHASE_BASES else "phase2"
    return None
