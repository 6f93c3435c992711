"""Are two articles one story? A pure decision on two ``Evidence`` values. Does no I/O.

A false merge costs far more than a false split: a split sends one more alert, a merge hides
news. So two articles are one story only on evidence that pins the same event:

1. **Near copy** — the estimated containment of word pairs (shared shingles over the shorter
   text's) is at least ``copy_threshold(size)``: a re-post, an edited or shortened copy, the
   same wire text. Short texts need more overlap: 0.8 at 20 shingles, down to 0.5 from 200
   on. A conflicting figure raises the bar to 0.9. Nothing else stops a near copy, however
   far apart in time.
2. **Far apart** — both event days known and more than ``WINDOW_DAYS`` apart: different
   stories. The same event is reported within a few days; a later report on the topic is news.
   **Another day named** — both leads name the event's day ("on Thursday", "ngày 11/3") and
   the days differ: the leads report different events, the next day's development that
   restates yesterday's in its second paragraph. Across languages, a Vietnamese lead may
   name the day after an English one (``EAST``: Hanoi's day of an evening in Washington or
   Baghdad), never the day before.

3. **The model** — otherwise the signals of ``features`` (word overlap, the overlap of words,
   names and numbers weighted by their rarity in the store, event-day distance, figures that
   agree (by their rarity within a language; and conflict, across), years, actions) are
   combined by a logistic regression fitted on labelled pairs (``weights``, written by
   ``tests/story_model.py``), one model for a pair in one language and one for a pair
   across languages; the pair is one story when its
   probability reaches the threshold chosen on the training folds for precision. Shared
   topic vocabulary (Iraq, troops, coalition, the standing 2,500) is in every report, so its
   rarity weight is about nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from watchers.stories.similar import weights
from watchers.stories.similar.evidence import Evidence
from watchers.stories.similar.features import ACROSS, WITHIN, Common, across, common, within
from watchers.stories.similar.rarity import Rarity

__all__ = [
    "EAST",
    "WINDOW_DAYS",
    "Reason",
    "Verdict",
    "copy_threshold",
    "ruled",
    "same_story",
]

WINDOW_DAYS = 3
EAST = "vi"  # the language written east of the events: its day is theirs or the next
# Two texts in one language sharing less of the shorter one's content words than this are
# never weighed: the model never accepts them (the least the accepted labelled rewrites share
# is about 0.2), and most candidates the index finds are such texts.
MIN_SHARED = 0.12
_SHORT, _LONG = 20, 200
_NO_STORE = Rarity()

Reason = Literal[
    "near_copy", "rewrite", "far_apart", "other_day", "different_text", "other_language", "empty"
]


@dataclass(frozen=True, slots=True)
class Verdict:
    """``same``: one story; ``score``: the containment of a near copy, else the model's
    probability; ``reason``: one word for logs and /why."""

    same: bool
    score: float
    reason: Reason


def copy_threshold(size: int) -> float:
    """The containment a near copy needs, for the shorter text's number of shingles."""
    if size <= _SHORT:
        return 0.8
    if size >= _LONG:
        return 0.5
    return 0.8 - 0.3 * (size - _SHORT) / (_LONG - _SHORT)


def ruled(
    a: Evidence, b: Evidence, pair: Common | None = None, *, named_days: bool = True
) -> bool | None:
    """What the rules decide (an empty text, a near copy, days far apart, another day
    named), or None (``pair``: the two articles' ``common``, when the caller has it;
    ``named_days``: False leaves out the rule of named days, a veto on top of the model,
    which is fitted on the pairs it splits too)."""
    if a.signature.size == 0 or b.signature.size == 0:
        return False
    if a.lang == b.lang:
        pair = pair or common(a, b)
        size = min(a.signature.size, b.signature.size)
        if pair.containment >= (0.9 if pair.conflict else copy_threshold(size)):
            return True
    days = _days_apart(a.published, b.published)
    if days is not None and (days > WINDOW_DAYS or (named_days and _other_day(a, b, days))):
        return False
    return None


def _other_day(a: Evidence, b: Evidence, days: int) -> bool:
    """Whether both leads name the event's day and the days differ, but for a report in
    ``EAST``'s language dated the day after one in the other language."""
    if not (a.dated and b.dated) or days == 0:
        return False
    if a.lang == b.lang:
        return True
    east, west = (a, b) if a.lang == EAST else (b, a)
    return east.published != _next_day(west.published)


def same_story(a: Evidence, b: Evidence, rarity: Rarity = _NO_STORE) -> Verdict:
    """Whether ``a`` and ``b`` report the same story, ``rarity`` being the store's document
    frequencies of their keys; symmetric in its arguments."""
    if a.signature.size == 0 or b.signature.size == 0:
        return Verdict(False, 0.0, "empty")
    cross = a.lang != b.lang
    shared = a.terms & b.terms
    if not cross and len(shared) < MIN_SHARED * min(len(a.terms), len(b.terms)):
        return Verdict(False, 0.0, "different_text")  # not worth weighing: see ``MIN_SHARED``
    pair = common(a, b, shared)
    rule = ruled(a, b, pair)
    if rule is True:
        return Verdict(True, round(pair.containment, 4), "near_copy")
    if rule is False:
        days = _days_apart(a.published, b.published) or 0
        reason: Reason = "far_apart" if days > WINDOW_DAYS else "other_day"
        return Verdict(False, 0.0, "other_language" if cross else reason)
    if cross:
        p = _probability(across(a, b, rarity, pair), _ACROSS, weights.ACROSS_INTERCEPT)
        return Verdict(p >= weights.ACROSS_THRESHOLD, round(p, 4), "other_language")
    p = _probability(within(a, b, rarity, pair), _WITHIN, weights.WITHIN_INTERCEPT)
    same = p >= weights.WITHIN_THRESHOLD
    return Verdict(same, round(p, 4), "rewrite" if same else "different_text")


# the fitted weights in the order of the signals
_WITHIN = tuple(weights.WITHIN_WEIGHTS.get(n, 0.0) for n in WITHIN)
_ACROSS = tuple(weights.ACROSS_WEIGHTS.get(n, 0.0) for n in ACROSS)


def _probability(x: tuple[float, ...], w: tuple[float, ...], intercept: float) -> float:
    z = intercept + sum(a * b for a, b in zip(w, x, strict=True))
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def _next_day(day: date | None) -> date | None:
    return None if day is None else day + timedelta(days=1)


def _days_apart(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)
