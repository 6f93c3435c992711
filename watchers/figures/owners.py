"""Whose troops a count is, in one sentence. Pure: no I/O; used by ``troops``.

The nationality next to the noun ("2,500 U.S. troops", "2.500 binh sĩ Mỹ"), else the actor
the noun comes from ("troops from other coalition nations"), else the nearest actor to the
left that owns troops ("U.S. forces", "the coalition partners' 1,020 soldiers") or changes
the force's size in the number's own clause, else the last actor of the sentence before
(the coalition or foreign forces), else the US.
"""

from __future__ import annotations

import re

from watchers.figures import counted as cx
from watchers.figures import lexicon as lx
from watchers.figures import not_levels as nl
from watchers.figures.actors import WHO_RE
from watchers.figures.allies import ALLIES_EN, ALLIES_VI
from watchers.figures.sentence import Sentence

__all__ = ["owner"]

_PREPOSITION = re.compile(
    r"[,.;:()]|\b(?:o|tai|khoi|den|toi|tren|trong|vao|duoc|in|at|from|to|into|of|are|is|were|was)\b"
)
# Ours and a member's together: "60 US and French advisers", "60 cố vấn Mỹ và Pháp" are
# neither the US's level nor the partners'
_WITH_A_MEMBER = re.compile(
    rf"\b(?:u\.\s?s\.?|us|american|my|hoa ky)\s+(?:and|va|,)\s+(?:{ALLIES_EN}|{ALLIES_VI})\b"
)
# An actor right before a troop noun owns them ("U.S. forces in Syria", "the coalition
# partners' 1,020 soldiers"), not across a comma
_OWNER = re.compile(r"[^\w,;]{0,3}(?:(?:troops?|forces|soldiers|personnel|binh s[iy]|quan|linh)\b|"
    r"partners['’])")  # fmt: skip


def owner(s: Sentence, a: int, b: int, noun_end: int, previous_who: str | None) -> str | None:
    """Whose troops the count at ``a``..``b`` (its noun ending at ``noun_end``) is, None when
    another's ("the Iraqi army has 300,000 soldiers"); ``previous_who``: the owner of the
    count before it in the sentence."""
    # the nationality next to the noun: "2,500 U.S. troops", "2.500 binh sĩ Mỹ" (not "ngoài Mỹ")
    tail = _PREPOSITION.split(s.doc.text[noun_end : noun_end + 16], maxsplit=1)[0]
    after = s.who_in(noun_end, noun_end + len(tail))
    after = [(at, k) for at, k in after if not nl.aside(s, at, k, _actor_end(s, at))]
    near = s.who_in(b, noun_end) + after
    source = None if near else cx.FROM_OWNER.match(s.doc.text, noun_end)
    if source:  # "troops from other coalition nations", "binh sĩ của các nước khác"
        end = min(source.end() + 30, s.end)
        comma = lx.CLAUSE_END.search(s.doc.text, source.end(), s.end)
        stop = min(source.end() + 50, comma.start() if comma else s.end)
        if cx.NOT_OWNER.search(s.doc.text, source.end(), stop):
            return None  # "troops from the US-backed Syrian Democratic Forces": theirs
        near = s.who_in(source.end(), end)
    if near and _WITH_A_MEMBER.search(s.doc.text, b, noun_end + len(tail)):
        return None
    if near:
        kinds = {k for _, k in near}
        if "other" in kinds and len(kinds) == 1:
            return None
        if "coalition" in kinds:
            return "coalition"
        return next(k for _, k in near if k != "other")
    if noun_end == b and previous_who is not None:
        return previous_who
    left = [  # not "Iraq's Umm Rabia base", "đồng minh của Mỹ": no owner of troops
        (at, k) for at, k in s.who_in(s.start, a) if not nl.aside(s, at, k, _actor_end(s, at))
    ]
    # the actor changing the force's size in the number's own clause owns it before forces
    # of an earlier one ("the Iraqi forces have made, the United States has decided to
    # reduce ... to 3,000"); one that only speaks ("the U.S. estimates 2,000") does not
    clause = max((m.end() for m in lx.CLAUSE_END.finditer(s.doc.text, s.start, a)), default=0)
    if lx.CHANGE_VERB.search(s.doc.text, clause, a):
        left = [(at, k) for at, k in left if at >= clause] or left
    if left:
        owners = [k for at, k in left if _OWNER.match(s.doc.text, _actor_end(s, at))]
        kind = owners[-1] if owners else left[-1][1]
        return None if kind == "other" else kind  # "the Iraqi army has 300,000 soldiers"
    if previous_who is not None:
        return previous_who
    # a sentence that names nobody continues the one before, when that one named only
    # the coalition: "... forces leave Coalition headquarters. The second stage ...
    # cutting troop levels to 500"
    if s.previous_who is not None:
        return s.previous_who
    return "US"


def _actor_end(s: Sentence, at: int) -> int:
    m = WHO_RE[s.article.lang].match(s.doc.text, at)
    return m.end() if m else at
