"""What an item's figures say of the topic (``relevance.judge``): our troops' level in Iraq in
its title, a figure of their leaving in its lead, their level changed or to come in its first
sentences. Pure: no I/O; reads figures with ``watchers.figures.extract``."""

from __future__ import annotations

import re
from datetime import datetime

from watchers.figures.extract import extract, reading_day
from watchers.figures.model import PLACES, Deadline, Reached, TroopCount
from watchers.figures.places import country_of
from watchers.figures.sentence import OURS
from watchers.topic import cues
from watchers.topic.text import fold

__all__ = ["SENTENCE_END", "counts_our_troops", "figures_say_leaving", "levels_said"]

SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


def counts_our_troops(title: str, published: datetime | None) -> bool:
    """Whether the title gives our troops' level in Iraq (``_our_level``): "US force in Iraq
    will be about 1,600 by end of June", "Mỹ dự kiến còn 1.600 quân ở Iraq", "US has about
    2,500 troops in Iraq, Pentagon says" (troop numbers in Iraq are the topic, said with no
    word of leaving); not a count told in passing ("Base housing 2,500 US troops in Iraq
    comes under fire", "2007 surge: 170,000 US troops in Iraq")."""
    lang, day = reading_day(title, "", published)
    return any(map(_our_level, extract(title, "", published=day, lang=lang).troop_counts))


def _our_level(t: TroopCount) -> bool:
    """The US's or the coalition's troop level in Iraq to come, or one now backed by change
    language or an official (``TroopCount.firm``)."""
    planned_or_firm = t.status == "planned" or (t.status == "current" and t.firm)
    return t.who in OURS and country_of(t.where) == "Iraq" and planned_or_firm


def _said_of_ours(quote: str) -> bool:
    """Whether a figure's sentence names our troops as such (``cues.OUR_TROOPS``: "US troops",
    "coalition forces", "quân Mỹ"; not "a US spokesman said", "US-hosted"), not NATO's nor
    Iraq's own forces, and calls nothing unrelated to them."""
    folded = fold(quote)
    others = (
        cues.NOT_OURS.search(folded)
        or cues.IRAQI_FORCES.search(folded)
        or cues.UNRELATED.search(quote)
    )
    return cues.OUR_TROOPS.search(folded) is not None and not others


def figures_say_leaving(title: str, summary: str, published: datetime | None) -> bool:
    """Whether the item's lead (title and first sentence: what it is about, not a date
    restated in a story of a budget or a visit) gives a figure the alerts are about, in a
    sentence said of our troops (``_said_of_ours``): a date for them to leave a place in Iraq
    or end their mission there, a step of it done, or the US's or the coalition's level to
    come in Iraq ("The Pentagon has agreed to pull US troops out of Baghdad by the end of
    June", "Quân Mỹ phải rời Baghdad trước ngày 31/3"); the first sentence also on its own (a
    figure told twice keeps the title's quote, "US to leave Baghdad by end of June")."""
    lang, day = reading_day(title, summary, published)
    first = next((s for s in SENTENCE_END.split(summary) if s.strip()), "")
    for head in (title, ""):
        figures = extract(head, first, published=day, lang=lang)
        dated: list[Deadline | Reached] = [*figures.deadlines, *figures.targets, *figures.reached]
        quotes = [d.quote for d in dated if any(d.what.endswith(p) for p in _IRAQ_PLACES)]
        quotes += [t.quote for t in figures.troop_counts if _our_level(t) and t.status == "planned"]
        if any(map(_said_of_ours, quotes)):
            return True
        if not (head.strip() and first and any(q in head for q in quotes)):
            return False  # no figure kept the title's quote: the sentence has been weighed
    return False


def levels_said(title: str, summary: str, published: datetime | None) -> bool:
    """Whether the title or one of the summary's first ``_LEVEL_SENTENCES`` sentences, said
    of our troops (``_said_of_ours``), gives their level in Iraq to come, or changes the level
    now (the sentence gives both ends: "the number of US troops in Iraq has fallen from about
    2,600 to about 1,900"): troop numbers in Iraq are the topic, said with no word of leaving
    (a partner's brief, a site-by-site count, a numbers piece). Not the level restated in a
    story of something else ("About 2,500 US troops remain in Iraq, the Pentagon said.")."""
    lang, day = reading_day(title, summary, published)
    lead = "\n".join([s for s in SENTENCE_END.split(summary) if s.strip()][:_LEVEL_SENTENCES])
    counts = extract(title, lead, published=day, lang=lang).troop_counts
    return any(
        t.status == "planned"
        or any(o.quote == t.quote and o.who == t.who and o.value != t.value for o in counts)
        for t in counts
        if _our_level(t) and _said_of_ours(t.quote)
    )


_LEVEL_SENTENCES = 4
_IRAQ_PLACES = tuple(p for p in PLACES if country_of(p) == "Iraq")
