"""Whether an item is about troops leaving Iraq, beyond having the topic's words. Pure: no I/O.

``Matcher`` (``watchers.topic.match``) says an item has a term of every required group: Iraq
and leaving. Words overlap between stories, though: an item about US troops leaving Syria
says they cross into Iraq, an attack on Ain al-Asad recalls the vote to expel US troops.
``judge`` keeps the matcher's verdict and adds three rules a reader applies, all driven by
optional groups of the same configured topic:

* **said of foreign forces** (groups ``leaving`` and ``forces``): a word of leaving that is
  also said of other things ("withdraw", "depart", "hand over", "rút khỏi", "rời Iraq") is
  the topic's leaving only in a sentence, or a title, that names the US, the coalition or
  foreign forces ("US" only in capitals): "US troops withdraw from Iraqi bases" is on topic,
  "Iraq withdraws from the West Asian Championship", "the Iraqi army withdraws from Sinjar",
  "Đức Giáo hoàng rời Iraq" are not, nor is a sentence that calls something unrelated to
  them ("The army's pullback from Basra is unrelated to the departure of US and coalition
  forces", "không liên quan đến"). The required leaving group (``Groups.leaving``) holds
  the words that say it on their own ("troop cuts", "combat mission", "liên quân rời"); the
  others are the group ``Groups.said_of``. Plainer words said of anyone ("leave", "quit",
  "reduce", "rời": group ``Groups.departing``) need a word of soldiers too (group
  ``Groups.troops``: "troops", "personnel", "coalition", "binh sĩ"...) in that sentence:
  "US-led coalition forces will leave Camp Nakhla" is on topic, "the US ambassador leaves
  Baghdad" and "Iraqi troops leave Sinjar" are not.

* **troop numbers**: an item that lacks only a word of leaving, whose title gives the US's
  or the coalition's troop level in Iraq, now or to come (``watchers.figures``: "US force
  in Iraq will be about 1,600 by end of June"), or forecasts its fall ("could shrink"), is on
  the topic; its title counts as one that leaves for the attack rule below, unless it names
  an attack ("Rocket attack on Iraq base housing 2,500 US troops").

* **someone else leaves**: an item whose title has a company, its staff, diplomats, a party
  or a minister leave (``cues.OTHER_LEAVER``, ``cues.POLITICAL_EXIT``: "quits governing bloc")
  and names no foreign forces nor soldiers is about that departure, unless the summary's
  first sentence of leaving says it of our forces (not of a party alliance it names): "Corvane
  Petroleum to withdraw from Basra's field, 340 foreign staff to leave" is not, though its
  fifth sentence recalls the US troops' withdrawal from Baghdad.
* **focus** (group ``elsewhere``: other theatres, "Syria", "Afghanistan", "Niger"...): an
  item whose title names another theatre and not Iraq (but as what it is not tied to: "says
  cut not tied to Iraq", ``watchers.topic.focus``), or has troops leave another theatre
  for Iraq ("Mỹ rút quân khỏi Syria, chuyển sang Iraq"), or whose summary names another
  theatre in more sentences than Iraq, is about that theatre; so is one whose title names no
  place of Iraq and cuts or pulls troops in or from a country that hosts US garrisons ("US
  to trim Kuwait garrison", "Mỹ rút bớt quân khỏi Kuwait": ``cues.GARRISON_ABROAD``).
* **attack stories** (group ``attack``: "rocket", "drone", "tấn công"...): an item whose
  title is about an attack and says nothing of leaving, or whose summary speaks of attacks
  in more sentences than of leaving, is about the attack — unless its lead (the summary's
  first sentence that names leaving or an attack) is about leaving and names no attack:
  "Iraq's prime minister demanded a swift end to the coalition's mission" stays on topic
  even when the same weeks' strikes fill the rest of the story; and unless its title halts
  attacks and its lead ties the truce to our troops' leaving, by a figure or until a day
  that their departure is said of (``cues``); and unless its title has troops sent after an
  attack, the attack its cause ("Pentagon sends 450 troops to Iraq's Kurdistan region after
  drone attack", ``cues.AFTER_ATTACK``), and its lead gives our level to come or changed, or
  its title our level ("…, raising force in Iraq to about 2,270").

Without a title only the sentence counts apply. Without the optional groups ``judge`` says
what the matcher says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Literal

from watchers.topic import cues, figured, focus
from watchers.topic.match import NUMBER, Matcher
from watchers.topic.text import fold

__all__ = ["Groups", "RelevanceReason", "Verdict", "judge"]

_SENTENCE_END = figured.SENTENCE_END


@dataclass(frozen=True, slots=True)
class Groups:
    """The names of the topic's groups the rules use."""

    place: str = "iraq"
    leaving: str = "withdrawal"  # words that say foreign forces leave on their own
    elsewhere: str = "elsewhere"
    attack: str = "attack"
    said_of: str = "leaving"  # words of leaving that count only with ``forces``
    forces: str = "forces"
    departing: str = "departing"  # words of leaving that count only with ``forces`` and ``troops``
    troops: str = "troops"


RelevanceReason = Literal[
    "on topic", "missing terms", "other departure", "about elsewhere", "attack story"
]


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether the item is relevant, and the rule that decided."""

    relevant: bool
    reason: RelevanceReason
    matched: tuple[str, ...] = ()  # the terms of the required groups found (what alerts show)


def judge(
    matcher: Matcher,
    title: str,
    summary: str,
    groups: Groups = Groups(),
    published: datetime | None = None,
) -> Verdict:
    """The verdict on one item: the matcher's, with leaving said of foreign forces, unless its
    focus is elsewhere or on an attack."""
    title, summary = _EMBASSY.sub(r"\1 Hoa Kỳ", title), _EMBASSY.sub(r"\1 Hoa Kỳ", summary)
    match = matcher.match(title, summary)
    terms, shown = matcher.group_terms, matcher.shown
    strong = terms.get(groups.leaving, frozenset())
    weak, forces = terms.get(groups.said_of, frozenset()), terms.get(groups.forces, frozenset())
    plain, troops = (terms.get(g, frozenset()) for g in (groups.departing, groups.troops))
    # an item the matcher turned down for lacking only a word of leaving (``Matcher.missing``)
    # may still say it: with its troop numbers or its figures, or with words said of forces
    lacks_leaving = not match.relevant and matcher.missing(match.matched) == (groups.leaving,)
    folded_title = fold(title)
    counted = lacks_leaving and (  # our level in the title, or a forecast of our force's fall
        figured.counts_our_troops(title, published) or bool(cues.MAY_FALL.search(folded_title))
    )

    @cache
    def figures_leave() -> bool:  # read once: the attack rule asks again
        return figured.figures_say_leaving(title, summary, published)

    @cache
    def levels_said() -> bool:  # read once: the attack rule asks again
        return figured.levels_said(title, summary, published)

    leaving_figured = lacks_leaving and not counted and figures_leave()
    by_figures = counted or leaving_figured or (lacks_leaving and levels_said())
    may_be = lacks_leaving and _may_be_said_of_forces(matcher, match.matched, groups)
    if not (match.relevant or by_figures or may_be):
        # most items off the topic end here, before their sentences are read
        return Verdict(False, "missing terms", tuple(t for t in match.matched if t in shown))
    sentences = [s for s in _SENTENCE_END.split(summary) if s.strip()]
    head = _unpolitical(set(matcher.find(title)), title)
    found = [_unpolitical(set(matcher.find(s)), s) for s in sentences]
    named = (head, *found)  # the title's words found, then each sentence's

    def denies(text: str, folded: str) -> bool:
        """Whether ``text`` (``folded``) calls something unrelated to foreign forces leaving,
        or says what it tells is not their leaving (``cues.NOT_OURS_LEAVING``)."""
        if cues.NOT_OURS_LEAVING.search(folded):
            return True
        unrelated = cues.UNRELATED.search(text)
        if unrelated is None:
            return False
        end = _CLAUSE_END.search(text, unrelated.end())
        what = text[unrelated.end() : end.start() if end else len(text)]
        ws = set(matcher.find(what))
        return _names_forces(ws & forces, what) and bool(ws & (strong | weak | plain))

    # the title's and each sentence's words of leaving said of forces, and those that say
    # foreign forces leave on their own (empty: none): none in a sentence that calls something
    # unrelated to the forces leaving ("The army's pullback is unrelated to the departure of
    # US forces"); none of the latter in one that names Iraq's own forces and no foreign ones
    # ("Quân đội Iraq đã rút binh sĩ khỏi trung tâm Basra"); none of the former said of staff
    # and no soldiers ("Mỹ rút bớt nhân viên Đại sứ quán", "US pulls non-emergency staff")
    said_in: list[set[str]] = []
    strong_in: list[set[str]] = []
    places = terms.get(groups.place, frozenset())
    for found_in, text in zip(named, (title, *sentences), strict=True):
        # a number of troops leaving counts where Iraq is named ("Mỹ rút 2.200 binh sĩ khỏi
        # Iraq"; not "Ý rút 400 binh sĩ về nước" over a report from Lebanon)
        ws = found_in if found_in & places else {t for t in found_in if NUMBER not in t}
        folded = fold(text)
        of_forces = _names_forces(ws & forces, text, soldiers=bool(ws & troops))
        denied = denies(text, folded)
        staff = not ws & troops and cues.STAFF.search(folded) is not None
        said_in.append(
            ws & weak | (ws & plain if ws & troops else set())
            if of_forces and not denied and not staff
            else set()
        )
        own_only = not of_forces and cues.IRAQI_FORCES.search(folded) is not None
        strong_in.append(set() if denied or own_only else ws & strong)
    said = [ws for ws in said_in if ws]

    def leaves(n: int) -> bool:
        """Whether the title (0) or sentence ``n`` says something leaves: on its own, or of
        forces."""
        return bool(strong_in[n]) or bool(said_in[n])

    keywords = _outer(t for t in match.matched if t in shown or any(t in ws for ws in said))
    # the matcher's verdict stands but when its words of leaving are all Iraq's forces'
    if not ((match.relevant and (any(strong_in) or not strong)) or by_figures or said):
        return Verdict(False, "missing terms", keywords)

    def in_head(group: str) -> bool:
        return bool(head & terms.get(group, frozenset()))

    def mentions(group: str) -> int:
        """How many sentences of the summary name a term of ``group``."""
        wanted = terms.get(group, frozenset())
        return sum(1 for s in found if s & wanted)

    lead_names_iraq = bool(found and found[0] & terms.get(groups.place, frozenset()))
    # another army's troops in the title, ours not named: "Turkey to pull 1,200 troops out of"
    theirs = bool(head & troops) and bool(
        cues.OTHER_ARMY.search(folded_title) and not cues.OUR_TROOPS.search(folded_title)
    )
    soldiers = head & troops and not cues.IRAQI_FORCES.search(folded_title) and not theirs
    leaving_terms = strong | weak | plain
    political = _political_exit(matcher, folded_title, leaving_terms)
    ours = head & forces and not cues.party_alliance(title, head & forces)  # not a party's
    company = cues.COMPANY_LEAVES.search(folded_title) and not soldiers  # "US firm to withdraw"
    other = cues.OTHER_LEAVER.search(folded_title) or political or theirs
    if company or (other and not (ours or soldiers or (leaves(0) and not political))):
        # someone else leaves in the title: unless the summary's first word of leaving is
        # said of our forces, the item is about that departure ("Corvane Petroleum to
        # withdraw from Basra's field", with US troops' withdrawal in its fifth sentence); a
        # party's alliance in the title is the one the summary names ("rút khỏi Liên minh …")
        first = next((n for n, ws in enumerate(found) if ws & leaving_terms), None)
        party = first is not None and cues.party_alliance(sentences[first], found[first] & forces)
        alone = company and first is not None and not found[first] & troops  # "(Mỹ)": its home
        if first is None or not leaves(first + 1) or (political and party) or alone:
            return Verdict(False, "other departure", keywords)
    if groups.elsewhere in terms and (
        (
            not focus.names_place(matcher, folded_title, terms.get(groups.place, frozenset()))
            and (
                in_head(groups.elsewhere)
                or mentions(groups.elsewhere) > mentions(groups.place)
                or cues.GARRISON_ABROAD.search(folded_title) is not None
                # a host country's base left, the lead not naming Iraq ("US troops leave
                # Jordan's Harrat al-Nimr base"; not the last troops out of Iraq flying home)
                or (cues.LEAVES_HOST.search(folded_title) is not None and not lead_names_iraq)
            )
        )
        or focus.leaves_from(matcher, title, terms[groups.elsewhere], terms.get(groups.place))
    ):
        return Verdict(False, "about elsewhere", keywords)

    attack = terms.get(groups.attack, frozenset())
    leaving = [leaves(n) for n in range(1, len(said_in))]
    # the summary's first sentence that names leaving or an attack: about leaving only?
    lead = next((n for n, ws in enumerate(found) if leaving[n] or ws & attack), None)
    lead_leaves = lead is not None and leaving[lead] and not found[lead] & attack

    def truce_leaves() -> bool:
        """Whether the lead ties a truce to our troops' leaving, in no other country's story
        (``_truce_leaves``)."""
        if lead is None or not leaving[lead]:
            return False
        elsewhere = found[lead] & terms.get(groups.elsewhere, frozenset())
        return not elsewhere and _truce_leaves(folded_title, fold(sentences[lead]))

    if (
        attack
        # a title that leaves, or that counts our troops there and names no attack
        and not (leaves(0) or (counted and not head & attack))
        and not lead_leaves
        and (head & attack or sum(1 for s in found if s & attack) > sum(leaving))
        # a truce tied to our troops' date for leaving, in the lead ("suspending attacks ...
        # until 30 April, the new date by which US troops are to leave Baghdad"; not "Rockets
        # hit the base, which coalition forces are due to leave by September 2025")
        and not (cues.TRUCE.search(folded_title) and (truce_leaves() or figures_leave()))
        # troops sent after an attack, the level they bring said ("Pentagon sends 450 troops to
        # Iraq's Kurdistan region after drone attack", "raising the number … to about 3,550"),
        # in the lead or the title ("…, raising force in Iraq to about 2,270")
        and not (
            cues.AFTER_ATTACK.search(folded_title)
            and (levels_said() or figured.counts_our_troops(title, published))
        )
    ):
        return Verdict(False, "attack story", keywords)
    return Verdict(True, "on topic", keywords)


def _truce_leaves(title: str, lead: str) -> bool:
    """Whether a lead (``lead`` and ``title`` folded) ties a truce to our troops' leaving: a
    truce until a day, our troops, their departure said as such ("would suspend attacks on US
    forces ... until the 31st of March, a day after Iraq and the United States agreed to bring
    forward the departure of US troops"); not a truce that ends, one about another country
    ("from Jordan's Tower 22 base"), "no plans to withdraw" (``cues``)."""
    wanted = (cues.TRUCE, cues.UNTIL_DATE, cues.OUR_TROOPS, cues.TROOPS_LEAVE)
    return (
        not cues.ELSEWHERE_PLACE.search(lead)
        and all(p.search(lead) for p in wanted)
        and not cues.NO_TRUCE.search(f"{title} {lead}")
    )


# the US embassy or consulate ("Đại sứ quán Mỹ", "lãnh sự quán Mỹ", "su quan My"), which
# folded is the topic's "quân Mỹ"
_EMBASSY = re.compile(r"(?i)\b(s[ứựưu]\s+qu[áa]n)\s+M[ỹy]\b")
_CLAUSE_END = re.compile(r"[,;:]")


def _outer(terms: Iterable[str]) -> tuple[str, ...]:
    """The terms but those that are words of a longer one found ("rời" beside "rời Iraq")."""
    found = list(terms)
    padded = [f" {t.casefold()} " for t in found]
    return tuple(
        t for t, p in zip(found, padded, strict=True) if not any(o != p and p in o for o in padded)
    )


def _names_forces(found: set[str], text: str, *, soldiers: bool = False) -> bool:
    """Whether the words of forces found in ``text`` name forces: "US", "Polish", "Ba Lan"
    and "Úc" only as written so (``cues.AS_WRITTEN``), and,
    in a text that names no soldiers (``soldiers``), not a country named only as a diplomat's
    or an embassy's ("Iraq expels Danish ambassador", "đại sứ Ba Lan rời khỏi Iraq"; not "The
    U.S. Embassy said the troops will leave")."""
    if found and not soldiers:
        folded = fold(text)
        found = {t for t in found if not cues.diplomatic(fold(t).rstrip("*"), folded)}
    return any(t not in cues.AS_WRITTEN or cues.AS_WRITTEN[t].search(text) for t in found)


def _political_exit(matcher: Matcher, folded_title: str, leaving: frozenset[str]) -> bool:
    """Whether the title (folded) has a party or a minister leave a government or a political
    alliance, or resign (``cues.POLITICAL_EXIT``), and says nothing else leaves ("Defence
    minister resigns over withdrawal deal" does)."""
    rest = cues.POLITICAL_EXIT.sub(" ", folded_title)
    return rest != folded_title and not set(matcher.find(rest)) & leaving


def _unpolitical(found: set[str], text: str) -> set[str]:
    """The terms found in ``text`` but an alliance or coalition it names only as a government's
    or parties' ("pulls his bloc out of governing coalition", "rút khỏi liên minh tranh cử")."""
    folded = fold(text)
    return {t for t in found if not (cues.ALLIANCE.match(t) and cues.political(fold(t), folded))}


def _may_be_said_of_forces(matcher: Matcher, matched: tuple[str, ...], groups: Groups) -> bool:
    """Whether the words ``matched`` have words of ``said_of`` and of ``forces``, or of
    ``departing``, ``forces`` and ``troops`` (whether in one sentence is for ``judge`` to
    read)."""
    found = set(matched)
    return any(
        all(found & matcher.group_terms.get(g, frozenset()) for g in needed)
        for needed in (
            (groups.said_of, groups.forces),
            (groups.departing, groups.forces, groups.troops),
        )
    )
