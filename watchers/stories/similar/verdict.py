"""Are two articles one story? A pure decision on two ``Evidence`` values. Does no I/O.

The text decides first, the rest argues for or against:

1. **Near copy** — the estimated containment of word pairs (shared shingles over the shorter
   text's) is at least ``copy_threshold(size)``: a re-post, an edited or shortened copy, the
   same wire text. Short texts need more overlap (a title and two sentences share phrases by
   chance more easily): 0.8 at 20 shingles, down to 0.5 from 200 on. A conflicting figure
   raises the bar to 0.9. Nothing else stops a near copy, however far apart in time.
2. **Far apart** — both dates known and more than ``WINDOW_DAYS`` apart: different stories.
   The same event is reported within a few days; a later report on the topic is news.
3. **Rewrite** — another outlet's own words share few word pairs but many words: the score is
   the containment of content words (``Evidence.terms``), plus 0.03 for each shared anchor (a
   name or a number such as "mckenzie" or "5200", up to five), plus 0.1 for each figure
   both report alike (up to two), minus 0.15 for each figure they report differently (a
   different troop count or deadline for the same key), minus 0.1 when the years they
   mention are disjoint, minus 0.1 when the latest years they mention differ (a 2026 report
   that recalls the 2024 agreement is not the 2024 report), minus 0.05 when both name
   numbers of their own and share none (``event_numbers``: "below 2,000" and "5,200" are two
   events; the standing "2,500" of the topic says nothing), minus 0.05 when both name bases
   or towns of the troops and none in common (Ain al-Asad and Harir). It must reach
   ``rewrite_threshold(terms)``: 0.4 for texts of ten content words or fewer (a title and a
   sentence share topic words by chance), down to 0.2 from forty on; 0.15 more when a date
   is unknown.
4. **Another language** — texts share no words across languages, so the score is the number
   of shared anchors and agreeing figures, and needs dates within the window: at least
   three, and no conflicting figure. Names alone (no shared number, no agreeing figure)
   need four: the leaders of the day are named in every report for weeks ("Trump",
   "Mustafa al-Kadhimi"), while a number pins one event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from watchers.stories.similar.evidence import Evidence

__all__ = [
    "WINDOW_DAYS",
    "Verdict",
    "copy_threshold",
    "event_numbers",
    "rewrite_threshold",
    "same_story",
]

WINDOW_DAYS = 3
_SHORT, _LONG = 20, 200
_FEW_TERMS, _MANY_TERMS = 10, 40
_ANCHOR_BONUS, _MAX_ANCHORS = 0.03, 5
_FIGURE_BONUS, _MAX_FIGURES = 0.1, 2
_CONFLICT_PENALTY = 0.15
_YEARS_PENALTY = 0.1
_LATEST_YEAR_PENALTY = 0.1
_NUMBERS_PENALTY = 0.05
_PLACES_PENALTY = 0.05
# Bases and towns where the troops are, attacked or handed over: two reports that each name
# some of them and none in common are about different events. Capitals and regions named by
# every report (Baghdad, Erbil, Anbar) are not among them.
_PLACES = frozenset(
    [
        "asad",
        "assad",
        "ayn",
        "taji",
        "harir",
        "victory",
        "balad",
        "bashur",
        "qayyarah",
        "kirkuk",
        "mosul",
        "basra",
        "besmaya",
        "tanf",
        "deir",
        "zor",
        "hasakah",
        "rumeilan",
        "shaddadi",
        "sulaymaniyah",
    ]
)
# Numbers every report on the topic repeats whatever its event: the standing US force.
_TOPIC_NUMBERS = frozenset({"2500"})
_UNDATED_PENALTY = 0.15
_CROSS_MIN_SHARED = 3
_CROSS_MIN_NAMES = 4  # when no number or figure is shared


@dataclass(frozen=True, slots=True)
class Verdict:
    """``same``: one story; ``score``: the evidence summed up; ``reason``: one word for logs."""

    same: bool
    score: float
    reason: str  # near_copy | rewrite | far_apart | different_text | other_language | empty


def _between(size: int, short: float, long: float) -> float:
    if size <= _SHORT:
        return short
    if size >= _LONG:
        return long
    return short + (long - short) * (size - _SHORT) / (_LONG - _SHORT)


def copy_threshold(size: int) -> float:
    """The containment a near copy needs, for the shorter text's number of shingles."""
    return _between(size, 0.8, 0.5)


def rewrite_threshold(terms: int) -> float:
    """The score a rewrite by another outlet needs, for the shorter text's number of terms."""
    if terms <= _FEW_TERMS:
        return 0.4
    if terms >= _MANY_TERMS:
        return 0.2
    return 0.4 - 0.2 * (terms - _FEW_TERMS) / (_MANY_TERMS - _FEW_TERMS)


def event_numbers(anchors: frozenset[str]) -> frozenset[str]:
    """The numbers among an article's anchors that can pin an event (not the topic's own)."""
    return frozenset(x for x in anchors if x.isdigit() and x not in _TOPIC_NUMBERS)


def same_story(a: Evidence, b: Evidence) -> Verdict:
    """Whether ``a`` and ``b`` report the same story; symmetric in its arguments."""
    if a.signature.size == 0 or b.signature.size == 0:
        return Verdict(False, 0.0, "empty")
    agree, conflict = _figures(a, b)
    anchors = len(a.anchors & b.anchors)
    days = _days_apart(a.published, b.published)
    near = days is not None and days <= WINDOW_DAYS
    if a.lang != b.lang:
        shared = min(anchors, _MAX_ANCHORS) + min(agree, _MAX_FIGURES)
        pinned = agree > 0 or any(x.isdigit() for x in a.anchors & b.anchors)
        need = _CROSS_MIN_SHARED if pinned else _CROSS_MIN_NAMES
        same = near and conflict == 0 and shared >= need
        return Verdict(same, float(shared), "other_language")
    _, containment = a.signature.overlap(b.signature)
    size = min(a.signature.size, b.signature.size)
    if containment >= (0.9 if conflict else copy_threshold(size)):
        return Verdict(True, round(containment, 4), "near_copy")
    if days is not None and not near:
        return Verdict(False, round(containment, 4), "far_apart")
    shared_terms = len(a.terms & b.terms)
    fewer = min(len(a.terms), len(b.terms))
    score = (
        (shared_terms / fewer if fewer else 0.0)
        + _ANCHOR_BONUS * min(anchors, _MAX_ANCHORS)
        + _FIGURE_BONUS * min(agree, _MAX_FIGURES)
        - _CONFLICT_PENALTY * conflict
        - (_YEARS_PENALTY if a.years and b.years and not a.years & b.years else 0.0)
        - (_LATEST_YEAR_PENALTY if a.years and b.years and max(a.years) != max(b.years) else 0.0)
        - (_NUMBERS_PENALTY if _numbers_differ(a, b) else 0.0)
        - (_PLACES_PENALTY if _places_differ(a, b) else 0.0)
    )
    threshold = rewrite_threshold(fewer) + (0.0 if near else _UNDATED_PENALTY)
    same = score >= threshold
    return Verdict(same, round(score, 4), "rewrite" if same else "different_text")


def _numbers_differ(a: Evidence, b: Evidence) -> bool:
    """Both name numbers of their own (``event_numbers``) and share none."""
    mine, theirs = event_numbers(a.anchors), event_numbers(b.anchors)
    return bool(mine and theirs and not mine & theirs)


def _places_differ(a: Evidence, b: Evidence) -> bool:
    """Both name bases or towns of the troops (``_PLACES``) and none in common."""
    mine, theirs = a.anchors & _PLACES, b.anchors & _PLACES
    return bool(mine and theirs and not mine & theirs)


def _days_apart(a: date | None, b: date | None) -> int | None:
    return None if a is None or b is None else abs((a - b).days)


def _figures(a: Evidence, b: Evidence) -> tuple[int, int]:
    """How many figures the two report alike, and how many differently (same key, other value)."""
    agree = len(a.troop_counts & b.troop_counts) + len(a.deadlines & b.deadlines)
    conflict = 0
    for mine, theirs in ((a.troop_counts, b.troop_counts), (a.deadlines, b.deadlines)):
        keys_a: dict[str, set[object]] = {}
        keys_b: dict[str, set[object]] = {}
        for key, value in mine:
            keys_a.setdefault(key, set()).add(value)
        for key, value in theirs:
            keys_b.setdefault(key, set()).add(value)
        conflict += sum(1 for k in keys_a.keys() & keys_b.keys() if not keys_a[k] & keys_b[k])
    return agree, conflict
