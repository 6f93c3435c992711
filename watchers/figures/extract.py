"""Rule-based extraction of troop counts and deadlines from one article. Pure: no I/O.

Sentence by sentence, on folded text (``watchers.topic.text.fold``); the rules for each figure
are in ``troops`` and ``deadlines``, the word classes in ``lexicon``:

* a troop count is a number with a troop noun ("2.500 binh sĩ Mỹ", "5,200 U.S. troops"),
  the target or source of a change in size ("will drop from about 5,200 to 3,000"), a level
  ("troop presence has stood at about 2,500") or a figure whose noun was left out ("2,500
  troops in Iraq and 900 in Syria"). Casualties, numbers of troops sent or withdrawn, vague
  amounts and figures for other countries are not counts.
* a deadline is a date with a verb of leaving or ending in its clause ("rút", "kết thúc",
  "withdraw", "end", "continue until"), still ahead at publication. Election and meeting
  dates, "at least" and "since" dates and dates of past events are not.

A sentence leans on the one before it the way readers do: "there" and "tại đây" are the
place just named, and a figure with no place of its own about a place we do not follow
(Afghanistan, Germany...) is dropped rather than moved to the article's country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Literal, TypeGuard, get_args

from watchers.figures.dates import find_dates
from watchers.figures.deadlines import read_deadlines
from watchers.figures.model import Deadline, Figures, TroopCount
from watchers.figures.numbers import find_quantities
from watchers.figures.sentence import Article, Sentence
from watchers.figures.spans import Folded
from watchers.figures.troops import read_troop_counts

__all__ = ["LANGS", "Lang", "detect_lang", "extract", "is_lang"]

Lang = Literal["vi", "en"]  # the languages articles are read in
LANGS: tuple[Lang, ...] = get_args(Lang)

_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]", re.I)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|with|for)\b", re.I)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:u\.s|mr|mrs|dr|gen|lt|col|sgt|capt|maj|adm|st|jr|no|vs|jan|feb|mar|apr|jun|"
    r"jul|aug|sep|sept|oct|nov|dec|d\.c|a\.m|p\.m|inc|co|corp|ltd|govt|rep|sen|gov)|\b[a-z])$"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n+")


def is_lang(value: str) -> TypeGuard[Lang]:
    return value in LANGS


def detect_lang(text: str) -> Lang:
    """ "vi" when the text has Vietnamese letters, else "en"."""
    sample = text[:4000]
    vi = len(_VI_LETTERS.findall(sample))
    if vi >= 3 and vi * 4 >= len(_EN_WORDS.findall(sample)):
        return "vi"
    return "en"


def extract(title: str, body: str, *, published: date | None, lang: str | None = None) -> Figures:
    """The troop counts and deadlines of one article, each with the sentence it came from.

    ``published`` resolves relative dates ("cuối năm nay", "next September") and drops
    deadlines that had already passed; without it those are not reported. ``lang`` ("vi" or
    "en") is detected when not given. The same figure stated twice is reported once, with
    its first quote.
    """
    lang = lang or detect_lang(f"{title}\n{body}")
    docs = [Folded.of(t) for t in (title, body) if t.strip()]
    article = Article(docs, lang, published)
    troops: dict[tuple[str, str, str, int], TroopCount] = {}
    deadlines: dict[tuple[str, str, str], Deadline] = {}
    for doc in docs:
        dates = find_dates(doc.text, published, capitalised=doc.capitalised)
        numbers = [
            (a, b, q)
            for a, b, q in find_quantities(doc.text)
            if not any(a < d.end and d.start < b for d in dates)
        ]
        for start, end in _sentences(doc.text):
            sentence = Sentence(doc, start, end, article)
            for count in read_troop_counts(sentence, [n for n in numbers if start <= n[0] < end]):
                troops.setdefault((count.who, count.where, count.status, count.value), count)
            for deadline in read_deadlines(sentence, [d for d in dates if start <= d.start < end]):
                deadlines.setdefault((deadline.what, deadline.date, deadline.precision), deadline)
            article.remember(sentence)
    return Figures(tuple(troops.values()), tuple(deadlines.values()))


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans: split at . ! ? before an upper-case start, and at line breaks."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        if "\n" not in m.group() and _ABBREVIATIONS.search(text[max(0, m.start() - 5) : m.start()]):
            continue
        if "\n" not in m.group() and m.end() < len(text) and text[m.end()].isdigit():
            continue
        yield start, m.start() + len(m.group().rstrip())
        start = m.end()
    if start < len(text):
        yield start, len(text)
