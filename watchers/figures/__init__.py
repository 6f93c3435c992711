"""Troop counts and withdrawal deadlines read from news articles, each with its exact quote.

``extract(title, body, published=...)`` returns ``Figures``: ``TroopCount`` (who, where,
status, value, approx, quote; ``key`` "troops/US/Iraq", or "troops/US/Iraq/planned" for a
status other than current) and ``Deadline`` (what, date, precision, quote; ``key``
"deadline/<what>", with ``what`` from a small vocabulary, ``model.DEADLINE_KINDS``, so the
same deadline from two outlets gets the same key) and ``Reached`` (a step of the withdrawal
done: what, date, precision, quote; ``key`` "reached/<what>"). Rules are in ``extract``; number and
date reading in ``numbers`` and ``dates``, the word lists in ``lexicon``.
"""

from watchers.figures.dates import parse_date
from watchers.figures.extract import (
    VI_DAY_WORDS,
    detect_lang,
    extract,
    publication_day,
    reading_day,
)
from watchers.figures.model import (
    DEADLINE_KINDS,
    PLACES,
    STATUSES,
    WHO,
    Deadline,
    Figures,
    Reached,
    TroopCount,
)
from watchers.figures.numbers import Quantity, parse_number

__all__ = [
    "DEADLINE_KINDS",
    "PLACES",
    "STATUSES",
    "VI_DAY_WORDS",
    "WHO",
    "Deadline",
    "Figures",
    "Quantity",
    "Reached",
    "TroopCount",
    "detect_lang",
    "extract",
    "parse_date",
    "parse_number",
    "publication_day",
    "reading_day",
]
