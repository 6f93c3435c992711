"""Drawdown targets: the date by which a troop level is due. Pure: no I/O.

"US cutting troops in Iraq to 3,000 this month", "the drawdown will be completed by January
15", "giảm xuống còn 3.000 binh sĩ trong tháng 9": a date still ahead, in a sentence that
cuts (or raises) the size of a force, and that is not already a deadline of leaving or of a
mission's end. Its key is "deadline/US troop cut due in <country>", its own milestone
(``watchers.figures.milestones``): a moved target ("by the end of September" → "by January
15") is a changed deadline. Not targets: dates in the past tense ("đã giảm ... ngày 15/1"),
election and meeting dates, "at least" and "since" dates, datelines in brackets, a floor's date
("barred … from cutting … below 2,500 before 30 September", ``unsaid.threshold_date``), and
cuts elsewhere (Afghanistan).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from watchers.figures import lexicon as lx
from watchers.figures.dates import DateMention
from watchers.figures.model import Deadline
from watchers.figures.not_levels import nato_only
from watchers.figures.places import country_of
from watchers.figures.sentence import Sentence
from watchers.figures.unsaid import threshold_date

__all__ = ["read_targets"]

_CUT = re.compile(
    r"\b(?:reduc\w*|cut(?:s|ting)?|drop(?:s|ping)?|draw(?:s|ing)? down|drawdown|decreas\w*|"
    r"lower(?:s|ing)?|trim\w*|giam|cat giam|rut bot|xuong con)\b"
)
# Withdrawing a number of troops, not all of them: "withdraw 2,200 troops", "rút 2.200 quân".
_SOME_WITHDRAWN = re.compile(
    r"\b(?:withdraw\w*|pull\w* out|rut)\s+(?:(?:about|some|around|khoang)\s+)?"
    r"(?<![\d.,])\d[\d.,]*\s+(?:\w+\s+)?(?:troops|soldiers|forces|binh si|binh sy|quan|linh)\b"
)
_SIZE = re.compile(r"\b(?:troop|force|presence|footprint|quan so|quan luc|binh si|binh sy)\b")


def read_targets(
    sentence: Sentence, dates: list[DateMention], taken: set[str]
) -> Iterator[Deadline]:
    """The drawdown targets among ``dates`` (``taken``: dates already read as deadlines)."""
    text = sentence.doc.text
    for d in dates:
        if d.date in taken or not _upcoming(sentence, d):
            continue
        before = text[max(sentence.start, d.start - 120) : d.start]
        opened = text[sentence.start : d.start]
        if opened.count("(") > opened.count(")"):
            continue  # "(Sputnik - 28th August, 2020)": a dateline, not a target
        window = before + text[d.end : min(sentence.end, d.end + 40)]
        cut = _CUT.search(window) and (lx.TROOP_NOUN.search(window) or _SIZE.search(window))
        if not (cut or _SOME_WITHDRAWN.search(window)):
            continue
        if lx.NOT_DEADLINE.search(before) or lx.AT_LEAST.search(before) or lx.SINCE.search(before):
            continue
        if threshold_date(text, sentence.start, d.start):
            continue  # "barred the Pentagon from cutting ... below 2,500 before 30 September"
        if sentence.tense(sentence.start, d.start) == "past":
            continue
        if sentence.allies_only(sentence.start, d.start):
            continue  # "Anh sẽ rút 400 binh sĩ khỏi Iraq trước cuối năm 2025": Britain's
        if nato_only(sentence, d.start, sentence.end) and not _ours(sentence, d.start):
            continue  # "NATO … sẽ giảm quân số phái bộ cố vấn … trước ngày 31/1": NATO's
        country = _country(sentence, d)
        if country is None:
            continue
        firm = sentence.article.moved or bool(
            lx.OFFICIAL.search(sentence.text) or lx.MOVED.search(sentence.text)
        )
        yield Deadline(f"US troop cut due in {country}", d.date, d.precision, sentence.quote, firm)


_NATO = re.compile(r"\bnato\b")  # read as the coalition by ``who_in``, not ours here


def _ours(sentence: Sentence, at: int) -> bool:
    """Whether the sentence names the US, the coalition or foreign forces after NATO's mission
    and before ``at`` ("As NATO expands its mission, the US will cut its troops …"; not the
    speaker before it: "US Defense Secretary … said NATO's mission would be cut")."""
    text = sentence.doc.text
    nato = lx.NATO_MISSION.search(text, sentence.start, at)
    begin = nato.end() if nato else sentence.start
    return sentence.ours_named(begin, at, [m.span() for m in _NATO.finditer(text, begin, at)])


def _upcoming(sentence: Sentence, d: DateMention) -> bool:
    published = sentence.article.published
    if published is None:
        return True
    return d.date >= published.isoformat()[: len(d.date)]


def _country(sentence: Sentence, d: DateMention) -> str | None:
    """The country whose troops are cut: one we follow named in the sentence, else the
    article's; None when the sentence names only places we do not follow."""
    names = [country_of(p.name) for p in sentence.places_in(sentence.start, sentence.end)]
    ours = [n for n in names if n in lx.PLACES]
    if ours:
        return ours[0]
    if names:
        return None
    place = sentence.article.place
    return place if place in lx.PLACES else None
