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
* ``milestone:<concept>`` — ``handover`` or ``complete`` (``lexicon``), named by none of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from watchers.stories.similar import Evidence
from watchers.stories.similar.lexicon import concept_hash

__all__ = ["MILESTONES", "news"]

MILESTONES = ("handover", "complete")
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
    return tuple(found)
