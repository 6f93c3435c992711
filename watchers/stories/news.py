"""What a report brings that its story did not have. Pure: no I/O.

An article that joins a story is usually one more outlet telling the same event: its alert is
an edit ("also reported by"). But a report can join a story and still carry news — a troop
count or a deadline none of the story's reports gave (a new figure, or another value for
one), or a milestone reached that none of them named (a base handed over, a drawdown
completed). Such an article is never silent: it sends an update alert that says what is new
(``watchers.process``). ``news`` lists those items, each a short code the bot renders in the
reader's language:

* ``troops:<value>`` — a troop count the story did not report;
* ``deadline:<YYYY-MM-DD>`` — a deadline (its last day) the story did not report;
* ``milestone:<concept>`` — ``handover`` or ``complete`` (``lexicon``), named by none of them;
* ``place:<name>`` — a place where troops are (``PLACES``: Ain al-Asad, Erbil, Kurdistan)
  that the lead names (``Evidence.places``) and no report's lead named, nor a place within it
  or around it (Erbil after Kurdistan is not news). Baghdad is left out (its officials speak
  in every report), and so is Syria (named beside Iraq as the other theatre). Only when every
  report's places are known: a report stored before places were kept might have named it.
"""

from __future__ import annotations

from collections.abc import Iterable

from watchers.figures.places import inside
from watchers.stories.similar import Evidence
from watchers.stories.similar.lexicon import concept_hash

__all__ = ["MILESTONES", "PLACES", "news"]

MILESTONES = ("handover", "complete")
PLACES = ("Ain al-Asad", "Erbil", "Kurdistan")
_HASHES = {concept_hash(m): m for m in MILESTONES}


def news(new: Evidence, story: Iterable[Evidence]) -> tuple[str, ...]:
    """What ``new`` reports that none of the story's known reports (``story``) did."""
    troops: set[tuple[str, int]] = set()
    deadlines: set[str] = set()
    terms: set[int] = set()
    for known in story:
        troops |= known.troop_counts
        deadlines |= {d.isoformat() for _, d in known.deadlines}
        terms |= known.terms
    values = {v for _, v in troops}
    found = [f"troops:{v}" for v in sorted({v for k, v in new.troop_counts} - values)]
    found += [
        f"deadline:{d}" for d in sorted({d.isoformat() for _, d in new.deadlines} - deadlines)
    ]
    found += [f"milestone:{_HASHES[t]}" for t in sorted(new.terms & _HASHES.keys() - terms)]
    found += [f"place:{p}" for p in _new_places(new, story)]
    return tuple(found)


def _new_places(new: Evidence, story: Iterable[Evidence]) -> list[str]:
    named: set[str] = set()
    for known in story:
        if known.places is None:
            return []  # stored before places were kept: it may have named any
        named |= known.places

    def related(p: str, n: str) -> bool:  # the same place, or one within the other
        return p == n or inside(p, n) or inside(n, p)

    fresh = (p for p in new.places or () if p in PLACES)
    return sorted(p for p in fresh if not any(related(p, n) for n in named))
