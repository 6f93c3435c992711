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
   the days differ (in one language; by ``NAMED_APART_ACROSS`` days or more across
   languages, where a report dated by Washington's day and one dated by Hanoi's often differ
   by one): the leads report different events, the next day's development that restates
   yesterday's in its second paragraph.

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
from datetime import date
from typing import Literal

from watchers.stories.similar import weights
from watchers.stories.similar.evidence import Evidence
from watchers.stories.similar.features import ACROSS, WITHIN, Common, across, common, within
from watchers.stories.similar.rarity import Rarity

__all__ = [
    "NAMED_APART_ACROSS",
    "WINDOW_DAYS",
    "Reason",
    "Verdict",
    "copy_threshold",
    "ruled",
    "same_story",
]

WINDOW_DAYS = 3
NAMED_APART_ACROSS = 2
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


def ruled(a: Evidence, b: Evidence, pair: Common | None = None) -> bool | None:
    """What the rules decide (an empty text, a near copy, days far apart, another day
    named), or None (``pair``: the two articles' ``common``, when the caller has it)."""
    if a.signature.size == 0 or b.signature.size == 0:
        return False
    if a.lang == b.lang:
        pair = pair or common(a, b)
        size = min(a.signature.size, b.signature.size)
        if pair.containment >= (0.9 if pair.conflict else copy_threshold(size)):
            return True
    days = _days_apart(a.published, b.published)
    if days is not None and (days > WINDOW_DAYS or _other_day(a, b, days)):
        return False
    return None


def _other_day(a: Evidence, b: Evidence, days: int) -> bool:
    """Whether both leads name the event's day and the days differ (across languages, by
    ``NAMED_APART_ACROSS`` days or more)."""
    return bool(a.dated and b.dated) and days >= (1 if a.lang == b.lang else NAMED_APART_ACROSS)


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


def _days_apart(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)
