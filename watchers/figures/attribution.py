"""Who an outlet credits for a story: "Theo Reuters, ...", "(AP) —", "according to AFP". No I/O.

Vietnamese outlets mostly retell wire copy, so "Reuters via VnExpress" says more than
"VnExpress", and two outlets retelling one Reuters story are one source, not two.
``cited_source`` looks for a known news agency or major outlet named as the source, in the
title first, then the body, and returns its usual name; None when the article credits no
one, or credits the outlet that published it.
"""

from __future__ import annotations

import re

from watchers.topic.text import fold

__all__ = ["AGENCIES", "cited_source"]

# Usual name -> spellings, as folded text (lower case, no diacritics).
AGENCIES: dict[str, str] = {
    "Reuters": r"reuters",
    "AP": r"ap|associated press",
    "AFP": r"afp|agence france-presse",
    "TTXVN": r"ttxvn|thong tan xa viet nam|vna",
    "Xinhua": r"xinhua|tan hoa xa",
    "Bloomberg": r"bloomberg",
    "CNN": r"cnn",
    "BBC": r"bbc",
    "Al Jazeera": r"al[- ]jazeera",
    "Al Arabiya": r"al[- ]arabiya",
    "Sputnik": r"sputnik",
    "TASS": r"tass",
    "RIA Novosti": r"ria novosti",
    "Anadolu": r"anadolu",
    "IRNA": r"irna",
    "Rudaw": r"rudaw",
    "Kurdistan24": r"kurdistan ?24",
    "Shafaq News": r"shafaq(?: news)?",
    "The New York Times": r"(?:the )?new york times|nyt",
    "The Washington Post": r"(?:the )?washington post",
    "The Wall Street Journal": r"(?:the )?wall street journal|wsj",
    "Politico": r"politico",
    "Axios": r"axios",
    "Military Times": r"military times",
    "Stars and Stripes": r"stars and stripes",
}
_NAMES = [(name, re.compile(rf"^(?:{spelling})$")) for name, spelling in AGENCIES.items()]
_ANY = "|".join(f"(?:{spelling})" for spelling in AGENCIES.values())
_WHO = rf"(?P<who>{_ANY})"
_MEDIUM = r"(?:hang tin |hang thong tan |thong tan xa |bao |trang |kenh |dai |tap chi )?"
_CREDITS = [
    re.compile(rf"\btheo {_MEDIUM}{_WHO}\b"),  # "Theo Reuters, ..."
    re.compile(rf"\b{_WHO} (?:dua tin|cho biet|bao cao|reported|reports|said)\b"),
    re.compile(rf"\baccording to (?:the )?{_WHO}\b"),
    re.compile(rf"\b(?:told|cited by|quoted by) (?:the )?{_WHO}\b"),
    re.compile(rf"\({_WHO}\)"),  # the wire dateline: "BAGHDAD (Reuters) -"
]


def cited_source(title: str, body: str, *, outlet: str | None = None) -> str | None:
    """The agency the article names as its source, or None (see the module docstring)."""
    for text in (title, body):
        folded = fold(text)
        found = [m for pattern in _CREDITS if (m := pattern.search(folded))]
        if not found:
            continue
        who = min(found, key=lambda m: m.start()).group("who")
        name = next(name for name, spelling in _NAMES if spelling.match(who))
        if outlet is not None and re.search(rf"\b(?:{AGENCIES[name]})\b", fold(outlet)):
            return None
        return name
    return None
