"""The topic's own terms in both languages, as shared concepts. Pure: no I/O.

Texts in two languages share no words, but a Vietnamese rewrite of an English wire report
names the same things: a base (căn cứ), the coalition (liên quân), a handover (bàn giao), the
Pentagon (Lầu Năm Góc). ``concepts(tokens)`` finds them in an article's folded tokens and
``evidence`` adds them to its terms, so the term overlap of two articles in different
languages counts them (with the numbers, which both languages write alike).

``ACTIONS`` are the concepts that say what happened: two reports that each name actions and
none in common (a handover and a vote) are about different events.
"""

from __future__ import annotations

import re

from watchers.stories.similar.minhash import hash64

__all__ = ["ACTIONS", "CONCEPTS", "action_terms", "concept_hash", "concepts", "month_terms"]

# concept -> (English pattern, Vietnamese pattern), both over folded tokens joined by spaces
CONCEPTS: dict[str, tuple[str, str]] = {
    "base": (r"bases?", r"can cu"),
    "coalition": (r"coalition", r"lien quan|lien minh quoc te"),
    "pentagon": (r"pentagon", r"lau nam goc"),
    "defence_chief": (r"defen[cs]e (?:secretary|minister)", r"bo truong quoc phong"),
    "prime_minister": (r"prime minister|premier", r"thu tuong"),
    "parliament": (r"parliament|lawmakers|legislators", r"quoc hoi|nghi si"),
    "embassy": (r"embassy", r"dai su quan"),
    "committee": (r"committee|commission", r"uy ban"),
    "advisers": (r"advis[eo]rs?|advisory", r"co van"),
    "combat": (r"combat", r"chien dau"),
    "mission": (r"mission", r"su menh|nhiem vu"),
    "phase": (r"phases?|phased", r"giai doan"),
    "statement": (r"joint statement", r"tuyen bo chung"),
    "interview": (r"interview", r"phong van"),
    "letter": (r"letter", r"buc thu|thu gui"),
    "handover": (r"hand(?:ed|ing|s)? over|handover|transferr?(?:ed|ing)?", r"ban giao|chuyen giao"),
    "complete": (r"complet(?:e|ed|es|ion)|finish(?:ed)?", r"hoan tat|hoan thanh"),
    "talks": (r"talks|negotiat\w*|dialogue", r"dam phan|doi thoai"),
    "agree": (r"agree(?:d|s|ment)?|deal", r"thoa thuan|nhat tri|dong y"),
    "vote": (r"vot(?:e|ed|es|ing)|resolution", r"bo phieu|nghi quyet"),
    "attack": (r"attack\w*|rockets?|drones?|strikes?", r"tan cong|rocket|khong kich|uav"),
    "killed": (r"killed|dead|deaths?", r"thiet mang|tu vong|thuong vong"),
    "reduce": (r"reduc\w*|cut(?:s|ting)?|drawdown", r"cat giam|giam quan|thu hep"),
    "plan": (r"plans?|planned", r"ke hoach"),
    "expel": (r"expel\w*|expulsion|oust\w*", r"truc xuat"),
    "end": (r"end(?:s|ed|ing)?", r"cham dut|ket thuc"),
    **{
        f"month_{n}": (name, rf"thang {n}")
        for n, name in enumerate(
            (
                "january|jan",
                "february|feb",
                "march",
                "april",
                "(?!)",  # "may" is a verb as often as a month
                "june",
                "july",
                "august|aug",
                "september|sept?",
                "october|oct",
                "november|nov",
                "december|dec",
            ),
            start=1,
        )
    },
}
ACTIONS = frozenset(
    {"handover", "complete", "talks", "agree", "vote", "attack", "reduce", "expel", "interview"}
)

_PATTERNS = {
    lang: [(name, re.compile(rf"(?<!\S)(?:{pair[i]})(?!\S)")) for name, pair in CONCEPTS.items()]
    for i, lang in enumerate(("en", "vi"))
}


def concept_hash(name: str) -> int:
    """The 32-bit term of a concept, as ``evidence.term_hashes`` makes terms."""
    return hash64(f"concept:{name}") >> 32


_ACTION_HASHES = frozenset(concept_hash(a) for a in ACTIONS)
_MONTH_HASHES = frozenset(concept_hash(f"month_{n}") for n in range(1, 13))


def concepts(words: list[str], lang: str) -> set[str]:
    """The concepts named in one line's folded tokens."""
    text = " ".join(words)
    return {
        name for name, pattern in _PATTERNS["vi" if lang == "vi" else "en"] if pattern.search(text)
    }


def action_terms(terms: frozenset[int]) -> frozenset[int]:
    """The action concepts among an article's terms."""
    return terms & _ACTION_HASHES


def month_terms(terms: frozenset[int]) -> frozenset[int]:
    """The months an article names, as concepts among its terms."""
    return terms & _MONTH_HASHES
