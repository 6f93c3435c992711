"""Are two articles one story? A pure decision on two ``Evidence`` values. Does no I/O.

A false merge costs far more than a false split: a split sends one more alert, a merge hides
news. So two articles are one story only on evidence that pins the same event:

1. **Near copy** — the estimated containment of word pairs (shared shingles over the shorter
   text's) is at least ``copy_threshold(size)``: a re-post, an edited or shortened copy, the
   same wire text. Short texts need more overlap: 0.8 at 20 shingles, down to 0.5 from 200
   on. A conflicting figure raises the bar to 0.9, and so does a preview beside the act it
   awaits (``other_day``): the act's report may reuse half the preview's words. A text a
   third as long as the other or less whose lead the other barely shares is not its copy but
   restated in it (``restated``: a brief of last week's news in a later report's background
   paragraph).
   Nothing else stops a near copy, however far apart in time.
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
   probability reaches the threshold chosen on the training folds for precision, unless
   their leads (title and first line) share less than ``LEAD_APART`` of the shorter one's
   words (``other_lead``): whatever background paragraphs two texts share (the accord, the
   bases, the standing numbers), leads that share nothing report other events. Shared
   topic vocabulary (Iraq, troops, coalition, the standing 2,500) is in every report, so its
   rarity weight is about nothing. Nor when one's title names other members of the
   coalition none of which the other text names (``other_partner``): "Phần Lan sẽ rút 110 huấn
   luyện viên khỏi Iraq trước ngày 15/12" is Finland's decision, whatever date and background
   it shares with the same day's report of a US base's handover moved to 15 December.
   Nor when one lead tells a scoop (unnamed sources, people familiar, a leak) and
   the other what was announced or confirmed (``other_source``, ``telling``): the plan
   confirmed is news, though the scoop told it all days before. Nor when one title has the
   US's body act and the other Iraq's (``other_actor``): "Pentagon to pull 600 troops from
   Al-Sahab" and "Iraq's cabinet approves takeover of Al-Sahab", the same day, are two acts.
   Nor when one is a round-up of the day's news (``digest``): it tells several events.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from watchers.stories.similar import weights
from watchers.stories.similar.evidence import Evidence
from watchers.stories.similar.features import (
    ACROSS,
    WITHIN,
    Common,
    across,
    common,
    lead_share,
    within,
)
from watchers.stories.similar.rarity import Rarity

__all__ = [
    "EAST",
    "WINDOW_DAYS",
    "Reason",
    "Verdict",
    "Veto",
    "copy_threshold",
    "digest",
    "other_actor",
    "other_day",
    "other_lead",
    "other_partner",
    "other_source",
    "restated",
    "ruled",
    "same_story",
    "vetoed",
]

WINDOW_DAYS = 3
RESTATED, LEAD_SHARED = 3, 0.25  # a text a third of the other's, sharing a quarter of its lead
LEAD_APART = 0.04  # leads that share less of the shorter one than this report other events
EAST = "vi"  # the language written east of the events: its day is theirs or the next
# Two texts in one language sharing less of the shorter one's content words than this are
# never weighed: the model never accepts them (the least the accepted labelled rewrites share
# is about 0.2), and most candidates the index finds are such texts.
MIN_SHARED = 0.12
_SHORT, _LONG = 20, 200
_NO_STORE = Rarity()

# the rules that keep two reports the model would join apart (``vetoed``)
Veto = Literal["other_partner", "other_source", "other_actor", "other_act", "digest"]
Reason = Literal[
    "near_copy", "rewrite", "far_apart", "other_day", "other_lead", Veto, "different_text",
    "other_language", "empty",
]  # fmt: skip


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
    rule = _rule(a, b, pair, named_days)
    return None if rule is None else rule == "near_copy"


def _rule(a: Evidence, b: Evidence, pair: Common | None, named_days: bool) -> Reason | None:
    """The rule that decides the pair ("near_copy" joins, the others split), or None."""
    if a.signature.size == 0 or b.signature.size == 0:
        return "empty"
    if a.lang == b.lang:
        pair = pair or common(a, b)
        size = min(a.signature.size, b.signature.size)
        awaited = _awaited(a, b) or _awaited(b, a)  # a preview's words reused by the act's report
        bar = 0.9 if pair.conflict or awaited else copy_threshold(size)
        if pair.containment >= bar and not restated(a, b):
            return "near_copy"
    if a.published is None or b.published is None:
        return None
    later = (b.published - a.published).days  # how many days b's event is after a's
    if abs(later) > WINDOW_DAYS:
        return "far_apart"
    if named_days and other_day(a, b):
        return "other_day"
    return None


def restated(a: Evidence, b: Evidence) -> bool:
    """Whether the shorter text is restated in a far longer one, not copied: it has a
    ``RESTATED``-th of its shingles or fewer and shares little of its lead (title and first
    line: ``LEAD_SHARED``). A brief of last week's news is often all in a later report's
    background paragraph; a shortened copy keeps the lead."""
    small, large = sorted((a.signature.size, b.signature.size))
    if large < RESTATED * small or not a.lead or not b.lead:
        return False
    return lead_share(a, b) < LEAD_SHARED


def other_lead(a: Evidence, b: Evidence) -> bool:
    """Whether two leads (title and first line) that are both there share almost nothing."""
    return bool(a.lead and b.lead) and lead_share(a, b) < LEAD_APART


def other_partner(a: Evidence, b: Evidence) -> bool:
    """Whether one's title names members of the coalition (other than the US) none of which
    the other text names: those members' own decision, not the other's event (both must be
    known; "Portuguese and Czech units leave" and "Czech crews leave" may be one event)."""
    if a.partners is None or a.head_partners is None:
        return False
    if b.partners is None or b.head_partners is None:
        return False
    return bool(a.head_partners and not a.head_partners & b.partners) or bool(
        b.head_partners and not b.head_partners & a.partners
    )


def other_source(a: Evidence, b: Evidence) -> bool:
    """Whether one lead tells a scoop and the other what was said officially (``telling``;
    both must be known)."""
    return {a.told, b.told} == {"scoop", "official"}


def digest(a: Evidence, b: Evidence) -> bool:
    """Whether one is a round-up of the day's news (``telling``: "Tổng hợp tin quốc tế ngày
    6/5: Mỹ trao thêm một căn cứ cho Iraq, Séc định ngày rút quân"): it tells several events
    and joins none of their stories but as a copy."""
    return "digest" in (a.told, b.told)


def other_actor(a: Evidence, b: Evidence) -> bool:
    """Whether one title has the US's body act and the other Iraq's (``telling.actor``; both
    must be known): the Pentagon's cut and the Iraqi cabinet's decision are two acts."""
    return {a.actor, b.actor} == {"US", "Iraq"}


def other_act(a: Evidence, b: Evidence) -> bool:
    """Whether one title tells an attack that happened and the other names no attack nor
    casualty (``telling.act``; both must be known): a bomb on the road out and the departure
    it followed, told the same day over the same background, are two events."""
    return {a.act, b.act} == {"attack", "other"}


def vetoed(a: Evidence, b: Evidence) -> Veto | None:
    """The rule that keeps two reports the model would join apart (``other_partner``,
    ``other_source``, ``other_actor``, ``other_act``, ``digest``), or None."""
    if digest(a, b):
        return "digest"
    if other_partner(a, b):
        return "other_partner"
    if other_source(a, b):
        return "other_source"
    if other_actor(a, b):
        return "other_actor"
    if other_act(a, b):
        return "other_act"
    return None


def other_day(a: Evidence, b: Evidence) -> bool:
    """Whether both leads name the event's day and the days differ (but for ``EAST``'s
    lead naming the day after the other language's), or one lead awaits a day (``awaits``:
    "Iraq will ask the United States on Monday") on or before the day the other names for
    its event: a preview and the act it awaits, or what came after it, are two events."""
    if _awaited(a, b) or _awaited(b, a):
        return True
    if not (a.dated and b.dated and a.published and b.published):
        return False
    later = (b.published - a.published).days  # how many days b's event is after a's
    return bool(later) and not _east_next_day(a, b, later)


def _awaited(a: Evidence, b: Evidence) -> bool:
    """Whether ``a``'s lead awaits a day on or before the day ``b``'s lead names (but for
    ``EAST``'s lead naming the day after the other language's: a Vietnamese report of an
    evening in Washington may name the next day, which the English report awaits), or, when
    ``b``'s lead names no day, before the day ``b`` was published, ``b`` awaiting none."""
    if a.awaits is None or b.published is None:
        return False
    if not b.dated:  # published after the awaited day, awaiting nothing itself: what came of it
        return b.awaits is None and b.published > a.awaits
    east = b.lang == EAST and a.lang != EAST
    return (b.published - a.awaits).days >= (1 if east else 0)


def _east_next_day(a: Evidence, b: Evidence, later: int) -> bool:
    """Whether one of the two is in ``EAST``'s language and dated the day after the other,
    in the other language."""
    if a.lang == b.lang:
        return False
    return later == (1 if b.lang == EAST else -1)


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
    rule = _rule(a, b, pair, True)
    if rule == "near_copy":
        return Verdict(True, round(pair.containment, 4), rule)
    if rule is not None:
        return Verdict(False, 0.0, "other_language" if cross else rule)
    if cross:
        p = _probability(across(a, b, rarity, pair), _ACROSS, weights.ACROSS_INTERCEPT)
        threshold = weights.ACROSS_THRESHOLD
    else:
        p = _probability(within(a, b, rarity, pair), _WITHIN, weights.WITHIN_INTERCEPT)
        threshold = weights.WITHIN_THRESHOLD
    if p >= threshold and (veto := vetoed(a, b)):
        return Verdict(False, round(p, 4), veto)
    if cross:
        return Verdict(p >= threshold, round(p, 4), "other_language")
    if p >= threshold and other_lead(a, b):
        return Verdict(False, round(p, 4), "other_lead")
    same = p >= threshold
    return Verdict(same, round(p, 4), "rewrite" if same else "different_text")


# the fitted weights in the order of the signals
_WITHIN = tuple(weights.WITHIN_WEIGHTS.get(n, 0.0) for n in WITHIN)
_ACROSS = tuple(weights.ACROSS_WEIGHTS.get(n, 0.0) for n in ACROSS)


def _probability(x: tuple[float, ...], w: tuple[float, ...], intercept: float) -> float:
    z = intercept + sum(a * b for a, b in zip(w, x, strict=True))
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))
