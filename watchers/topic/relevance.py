"""Whether an item is about troops leaving Iraq, beyond having the topic's words. Pure: no I/O.

``Matcher`` (``watchers.topic.match``) says an item has a term of every required group: Iraq
and leaving. Words overlap between stories, though: an item about US troops leaving Syria
says they cross into Iraq, an attack on Ain al-Asad recalls the vote to expel US troops.
``judge`` keeps the matcher's verdict and adds two rules a reader applies, both driven by
optional groups of the same configured topic:

* **focus** (group ``elsewhere``: other theatres, "Syria", "Afghanistan", "Niger"...): an
  item whose title names another theatre and not Iraq, or whose summary names another
  theatre in more sentences than Iraq, is about that theatre.
* **attack stories** (group ``attack``: "rocket", "drone", "tấn công"...): an item whose
  title is about an attack and says nothing of leaving, or whose summary speaks of attacks
  in more sentences than of leaving, is about the attack — unless its lead (the summary's
  first sentence that names leaving or an attack) is about leaving and names no attack:
  "Iraq's prime minister demanded a swift end to the coalition's mission" stays on topic
  even when the same weeks' strikes fill the rest of the story.

Without a title only the sentence counts apply. Without the optional groups ``judge`` says
what the matcher says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from watchers.topic.match import Matcher

__all__ = ["Groups", "RelevanceReason", "Verdict", "judge"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n+")


@dataclass(frozen=True, slots=True)
class Groups:
    """The names of the topic's groups the rules use."""

    place: str = "iraq"
    leaving: str = "withdrawal"
    elsewhere: str = "elsewhere"
    attack: str = "attack"


RelevanceReason = Literal["on topic", "missing terms", "about elsewhere", "attack story"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether the item is relevant, and the rule that decided."""

    relevant: bool
    reason: RelevanceReason
    matched: tuple[str, ...] = ()  # the terms of the required groups found (what alerts show)


def judge(matcher: Matcher, title: str, summary: str, groups: Groups = Groups()) -> Verdict:
    """The verdict on one item: the matcher's, unless its focus is elsewhere or on an attack."""
    match = matcher.match(title, summary)
    topic = matcher.topic
    shown = {term for group in topic.required or topic.groups for term in topic.groups[group]}
    keywords = tuple(term for term in match.matched if term in shown)
    if not match.relevant:
        return Verdict(False, "missing terms", keywords)
    terms = {name: frozenset(spellings) for name, spellings in matcher.topic.groups.items()}
    sentences = [s for s in _SENTENCE_END.split(summary) if s.strip()]
    head = set(matcher.find(title))
    found = [set(matcher.find(s)) for s in sentences]

    def in_head(group: str) -> bool:
        return bool(head & terms.get(group, frozenset()))

    def mentions(group: str) -> int:
        """How many sentences of the summary name a term of ``group``."""
        wanted = terms.get(group, frozenset())
        return sum(1 for s in found if s & wanted)

    if (
        groups.elsewhere in terms
        and not in_head(groups.place)
        and (in_head(groups.elsewhere) or mentions(groups.elsewhere) > mentions(groups.place))
    ):
        return Verdict(False, "about elsewhere", keywords)

    def lead_is(group: str, unless: str) -> bool:
        """Whether the summary's first sentence naming either group names ``group`` only."""
        wanted, other = terms.get(group, frozenset()), terms.get(unless, frozenset())
        lead = next((s for s in found if s & (wanted | other)), set())
        return bool(lead & wanted) and not lead & other

    if (
        groups.attack in terms
        and not in_head(groups.leaving)
        and not lead_is(groups.leaving, groups.attack)
        and (in_head(groups.attack) or mentions(groups.attack) > mentions(groups.leaving))
    ):
        return Verdict(False, "attack story", keywords)
    return Verdict(True, "on topic", keywords)
