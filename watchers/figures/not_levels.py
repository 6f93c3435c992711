"""Numbers beside a troop noun that are no level of ours, whatever the words around them say
of time: a wish or a threshold, a unit's size, a headline's list, words quoted for effect,
NATO's own mission, a site the reader does not know. Pure: no I/O."""

from __future__ import annotations

import re

from watchers.figures import lexicon as lx
from watchers.figures import tenses as tw
from watchers.figures.sentence import Sentence

__all__ = ["nato_only", "not_a_level", "site_holds"]

_WITH_END = re.compile(r",\s*(?:with|voi)\s*$")
_LIST_START = re.compile(r"(?:^|[:\-–—]\s)\W*$")
_LIST_NEXT = re.compile(r"\s*[,:]")
_QUOTE_OPENS = re.compile(r"\W*[\"“”«]\s*$")  # a quotation that opens the sentence


def not_a_level(s: Sentence, a: int, b: int, noun_end: int, core_left: str) -> bool:
    """Whether the number at ``a:b`` (its noun ending at ``noun_end``; ``core_left`` the
    sentence before it, hedges taken off) counts no troops that are there or will be."""
    text = s.doc.text
    if tw.ASKED_TO_KEEP.search(core_left) or tw.THRESHOLD.search(core_left):
        return True  # "asked the United States to keep 450", "before ... drops below 1,000"
    if _WITH_END.search(core_left) and not (s.who_in(s.start, a) or s.places_in(s.start, a)):
        return True  # "Task Force Talon, with about 380 soldiers": the size of a unit
    if _QUOTE_OPENS.fullmatch(text, s.start, a) and not any(c.isdigit() for c in text[a:b]):
        return True  # '"One thousand soldiers is not a withdrawal," said ...': a figure of speech
    # a headline that lists a number among others ("400 troops, 10 days: inside ...", "Thỏa
    # thuận an ninh: 150 quân nhân, không căn cứ"): nothing says what it is
    return (
        s.doc is s.article.title
        and _LIST_START.search(core_left) is not None
        and _LIST_NEXT.match(text, noun_end) is not None
    )


def nato_only(s: Sentence) -> bool:
    """The sentence is about NATO's mission and names no coalition: "NATO giảm phái bộ cố vấn
    tại Iraq xuống còn 300 người"."""
    return bool(lx.NATO_MISSION.search(s.text)) and not lx.COALITION_NAMED.search(s.text)


def site_holds(s: Sentence, a: int, core_left: str) -> bool:
    """A site that holds the troops is the subject ("Dar al-Salam now holds about 610 US
    troops", "Al-Sahra hiện còn khoảng 520"): with no place we know before the number, a site
    we do not know."""
    clause = tw.last_clause(core_left)
    if lx.SITE_HOLDS.search(clause):
        return True
    has = lx.SITE_STILL_HAS.match(clause)  # a capitalised name that is no actor
    at = s.start + len(core_left) - len(clause) + (has.start("name") if has else 0)
    return has is not None and s.doc.capitalised(at) and not s.who_in(at, a)
