"""Steps of the withdrawal reported done: "US forces have left Ain al-Asad". Pure: no I/O.

A sentence reports a step done when it says a withdrawal was completed or troops have left
or handed over a place ("completed", "fully withdrew", "have left", "handed over",
"hoàn tất", "đã rút toàn bộ", "đã bàn giao") with no word putting it ahead ("will",
"expected", "sẽ", "dự kiến"), and names a place we follow right after the step (left, from,
khỏi). The step is "coalition leaves <place>" (the deadline it fulfils; "combat troops have
left Iraq" is the end of the combat mission); its date is the one the sentence gives, else the day
the article reports on. Only news counts: a step done more than ``RECENT`` before the
article is history ("the US completed its withdrawal in 2011"), and so is one whose
actors are only other countries' troops (in the sentence, or before the place left: "The last
Portuguese and Czech troops have left Iraq, bringing the coalition's …"); a unit or some
troops leaving a country is a cut, not the step ("a helicopter unit has left Iraq").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from watchers.figures import lexicon as lx
from watchers.figures.dates import DateMention, Precision, last_day
from watchers.figures.model import Reached
from watchers.figures.places import specific
from watchers.figures.sentence import Sentence

__all__ = ["RECENT", "read_reached"]

RECENT = timedelta(days=45)
# What the done step is: troops leaving or handing over the place.
_STEP = re.compile(
    r"\b(?:withdr[ae]w\w*|withdrawal|left|leav\w+|pull\w* out|handed over|handover|hand over|"
    r"depart\w*|rut\w*|roi khoi|roi di|ban giao|chuyen giao|ra khoi)\b"
)
# The place left comes right after the step: "withdrawal from the Ain al-Asad air base",
# "đã rời khỏi căn cứ không quân Ain al-Asad"; a whole country right after its preposition
# ("rút quân hoàn toàn khỏi Iraq"), not "rút khỏi trụ sở Bộ Quốc phòng Iraq".
_FROM = r"(?:from|out of|left|leave|leaving|khoi|ban giao|handed over)"
_BASE_AFTER = re.compile(rf"\b{_FROM}\s+(?:\S+\s+){{0,4}}$")
_COUNTRY_AFTER = re.compile(rf"\b{_FROM}\s+(?:the\s+)?$")
_COUNTRIES = ("Iraq", "Syria")
# A part of the force, not all of it, leaving a country: "a helicopter unit has left Iraq",
# "about 300 soldiers left Iraq", "một tiểu đoàn đã rời Iraq" (not "the last 300 troops")
_PART = re.compile(  # (not "the last 2,500", "the remaining", "Combined Joint Task Force")
    r"\b(?<!last )(?<!final )(?<!remaining )(?<!last of the )(?<!all )(?<!toan bo )"
    r"(?:unit|(?<!joint )task force|battalion|brigade|squadron|company|detachment|battery|"
    r"(?:(?<![\d/.,-])\d[\d.,]*|hundreds of) (?:more )?(?:us |american )?(?:troops|soldiers|"
    r"personnel)|don vi|luc luong dac nhiem|tieu doan|lu doan|dai doi|phi doi|khau doi|"
    r"(?<![\d/.,-])\d[\d.,]* (?:binh si|quan|linh)(?! cuoi cung| con lai))\b"
    r"(?:(?!\b(?:said|says|told|cho biet|noi|last|cuoi cung|con lai)\b)[^,;]){0,60}$"
)


def read_reached(sentence: Sentence, dates: list[DateMention]) -> Iterator[Reached]:
    """The steps ``sentence`` reports done (``dates``: the sentence's, folded offsets)."""
    published = sentence.article.published
    if published is None:
        return
    text = sentence.text
    done = lx.COMPLETED.search(text)
    if done is None or lx.COMPLETION_AHEAD.search(text[: done.start()][-60:]):
        return
    if lx.COMPLETION_AHEAD.search(text[done.end() : done.end() + 30]):
        return  # "completed ... will be"
    if not _STEP.search(text):
        return
    who = {k for _, k in sentence.who_in(sentence.start, sentence.end)}
    if who and who <= {"other"}:
        return  # "Spain has completed its withdrawal"
    doc = sentence.doc.text
    names = []
    for p in sentence.places_in(sentence.start, sentence.end):
        before = doc[max(sentence.start, p.start - 60) : p.start]
        after = _COUNTRY_AFTER if p.name in _COUNTRIES else _BASE_AFTER
        part = p.name in _COUNTRIES and _PART.search(doc, sentence.start, p.start)
        whose = {k for _, k in sentence.who_in(sentence.start, p.start)}  # who left it
        if after.search(before) and not part and not (whose and whose <= {"other"}):
            names.append(p.name)
    places = [n for n in specific(names) if n in lx.PLACES]
    if not places:
        return
    when = _when(dates, published)
    if when is None:
        return
    day, precision = when
    combat = lx.COMBAT.search(text) is not None and places[0] == "Iraq"
    what = "US combat mission ends in Iraq" if combat else f"coalition leaves {places[0]}"
    firm = lx.OFFICIAL.search(text) is not None
    yield Reached(what, day, precision, sentence.quote, firm)


def _when(dates: list[DateMention], published: date) -> tuple[str, Precision] | None:
    """The date the step was done: the sentence's last date not after publication, else
    the publication day; None when that date is history."""
    past = [d for d in dates if last_day(d.date, d.precision) <= published]
    if not past and dates:
        return None  # only dates ahead: not a step done
    if past:
        d = past[-1]
        if last_day(d.date, d.precision) < published - RECENT:
            return None
        return d.date, d.precision
    return published.isoformat(), "day"
