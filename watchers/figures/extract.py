"""Rule-based extraction of troop counts and deadlines from one article. Pure: no I/O.

Sentence by sentence, on folded text (``watchers.topic.text.fold``); the rules for each figure
are in ``troops`` and ``deadlines``, the word classes in ``lexicon``:

* a troop count is a number with a troop noun ("2.500 binh sĩ Mỹ", "5,200 U.S. troops"),
  the target or source of a change in size ("will drop from about 5,200 to 3,000"), a level
  ("troop presence has stood at about 2,500") or a figure whose noun was left out ("2,500
  troops in Iraq and 900 in Syria"). Casualties, numbers of troops sent or withdrawn, vague
  amounts and figures for other countries are not counts.
* a deadline is a date with a verb of leaving or ending in its clause ("rút", "kết thúc",
  "withdraw", "end", "continue until"), still ahead at publication (a target already passed,
  "by September 2025" said in 2026, is kept apart). Election and meeting dates, the day a
  page was published, when an announcement is expected, "since" dates, dates of past events
  and the day a withdrawal was completed are not.
* a drawdown target (``targets``) is the date a troop level is due ("cut to 3,000 this
  month"); a step done (``reached``) is a withdrawal reported completed ("US forces have
  left Ain al-Asad").

A sentence leans on the one before it the way readers do: "there" and "tại đây" are the
place just named, and a figure with no place of its own about a place we do not follow
(Afghanistan, Germany...) is dropped rather than moved to the article's country.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Literal, TypeGuard, get_args
from zoneinfo import ZoneInfo

from watchers.figures.dates import find_dates
from watchers.figures.deadlines import Reading, read_deadlines
from watchers.figures.model import Deadline, Figures, Reached, TroopCount
from watchers.figures.numbers import find_quantities
from watchers.figures.reached import read_reached
from watchers.figures.sentence import Article, Sentence
from watchers.figures.spans import Folded
from watchers.figures.targets import read_targets
from watchers.figures.troops import read_troop_counts
from watchers.topic.text import fold, without_links

__all__ = [
    "LANGS",
    "VI_DAY_WORDS",
    "Lang",
    "detect_lang",
    "extract",
    "is_lang",
    "publication_day",
    "reading_day",
]

Lang = Literal["vi", "en"]  # the languages articles are read in
LANGS: tuple[Lang, ...] = get_args(Lang)

_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]", re.I)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|with|for)\b", re.I)
# Vietnamese words written without diacritics that English text does not use
_VI_WORDS = re.compile(
    r"\b(?:cua|cac|nhung|duoc|khong|nguoi|voi|theo|trong|mot|nay|cho|tai|va|quan|binh|linh|"
    r"rut|khoi|nuoc|thang|ngay|cuoi|sau|truoc|hien|doi|lai|se|si|quoc|phong|nhieu|cung|"
    r"bo truong|thu tuong)\b"
)
_EN_LOWER = re.compile(_EN_WORDS.pattern)  # the same words, in lowercase only
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:u\.s|mr|mrs|dr|gen|lt|col|sgt|capt|maj|adm|st|jr|no|vs|jan|feb|mar|apr|jun|"
    r"jul|aug|sep|sept|oct|nov|dec|d\.c|a\.m|p\.m|inc|co|corp|ltd|govt|rep|sen|gov)|\b[a-z])$"
)
_LEAD = 200  # characters of the body a dateline is looked for in
_REPOST = timedelta(days=30)
# The words that put a day in a Vietnamese lead: "ngày 6/2", "hôm 6/2", "chiều 6/2".
VI_DAY_WORDS = ("ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm")
# Before a lead's date: nothing but a place, an agency or a label ("WASHINGTON, ", "Ngày ").
_DATELINE = re.compile(
    r"^[\W\d]*(?:[a-z .'-]{0,40}?[,(–—-]\s*)?(?:"
    + "|".join(sorted({fold(w) for w in VI_DAY_WORDS}))
    + r"|date[d]?:?)?\s*$"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n+")


def is_lang(value: str) -> TypeGuard[Lang]:
    return value in LANGS


def detect_lang(text: str) -> Lang:
    """ "vi" when the text has Vietnamese letters, or, written without diacritics, Vietnamese
    words (four, three of them different) three times as many as English ones ("Lien quan tai
    Iraq con khoang 980 binh si"), else "en"."""
    sample = text[:4000]
    en = len(_EN_WORDS.findall(sample))
    vi = len(_VI_LETTERS.findall(sample))
    if vi >= 3 and vi * 4 >= en:
        return "vi"
    # lowercase, so that names ("Sgt. Quan Nguyen") and "IS" (Islamic State) count for neither
    bare = _VI_WORDS.findall(sample)
    en_bare = len(_EN_LOWER.findall(sample))
    enough = len(bare) >= 4 and len(set(bare)) >= 3 and len(bare) >= 3 * en_bare
    return "vi" if not vi and enough else "en"


# Where a language's outlets count their days: a Vietnamese outlet's 06:00 is the day before
# in UTC, and its "ngày 6/10" is Hanoi's day. English outlets are in many zones: UTC.
_ZONES = {"vi": ZoneInfo("Asia/Ho_Chi_Minh")}


def publication_day(published: datetime, lang: str) -> date:
    """The day an article was published where its language is written (``_ZONES``; a naive
    time is UTC): the day its relative dates ("cuối năm nay", "hôm thứ Hai"), its lead's day
    and its deadlines already passed count from."""
    aware = published if published.tzinfo else published.replace(tzinfo=UTC)
    return aware.astimezone(_ZONES.get(lang, UTC)).date()


def reading_day(title: str, body: str, published: datetime | None) -> tuple[Lang, date | None]:
    """The language an article is read in (``detect_lang``) and its ``publication_day``
    there (None without a publication time)."""
    lang = detect_lang(f"{title}\n{body}")
    return lang, publication_day(published, lang) if published else None


def extract(title: str, body: str, *, published: date | None, lang: str | None = None) -> Figures:
    """The troop counts and deadlines of one article, each with the sentence it came from.

    ``published`` resolves relative dates ("cuối năm nay", "next September") — through the
    day the article reports on (``reported_on``: a re-post's dateline) — and sets deadlines
    already passed apart (``Figures.passed``); without it relative dates are not reported.
    ``lang`` ("vi" or "en") is detected when not given. The same figure stated twice is
    reported once, with its first quote.
    """
    body = without_links(body)  # a page's links to other stories are not its figures
    lang = lang or detect_lang(f"{title}\n{body}")
    docs = [Folded.of(t).then_apart() for t in (title, body) if t.strip()]
    published = reported_on(docs[-1], published) if docs else published
    article = Article(docs, lang, published)
    troops: dict[tuple[str, str, str, int], TroopCount] = {}
    deadlines: dict[tuple[str, str, str], Deadline] = {}
    reached: dict[str, Reached] = {}  # by what: the first date an article gives a step
    targets: dict[tuple[str, str, str], Deadline] = {}
    passed_deadlines: dict[tuple[str, str, str], Deadline] = {}
    readings: list[Reading] = []
    for doc in docs:
        dates = find_dates(doc.text, published, capitalised=doc.capitalised, quote=doc.quote)
        numbers = [
            (a, b, q)
            for a, b, q in find_quantities(doc.text, lang)
            if not any(a < d.end and d.start < b for d in dates)
        ]
        for start, end in _sentences(doc.text):
            sentence = Sentence(doc, start, end, article)
            for count in read_troop_counts(sentence, [n for n in numbers if start <= n[0] < end]):
                troops.setdefault((count.who, count.where, count.status, count.value), count)
            within = [d for d in dates if start <= d.start < end]
            here = list(read_deadlines(sentence, within))
            readings += here
            said = {r.deadline.date for r in here if r.state != "past"}
            for target in read_targets(sentence, within, said):
                targets.setdefault((target.what, target.date, target.precision), target)
            for step in read_reached(sentence, within):
                reached.setdefault(step.what, step)
            article.remember(sentence)
    for reading in _restated_apart(readings):
        deadline = reading.deadline
        found = passed_deadlines if reading.state == "passed" else deadlines
        found.setdefault((deadline.what, deadline.date, deadline.precision), deadline)
    return Figures(
        tuple(troops.values()),
        tuple(deadlines.values()),
        tuple(reached.values()),
        tuple(targets.values()),
        tuple(d for k, d in passed_deadlines.items() if k not in deadlines),
    )


def _restated_apart(readings: list[Reading]) -> Iterator[Reading]:
    """The deadlines to report, in order: those not "past" — but a deadline given with its
    year left to the reader ("cuối năm nay", "by the end of the year") in an article that
    also gives that deadline as precisely with another year written, ahead or as a past
    event's date, is that one restated, not a deadline of its own: a re-post of July 2021
    fetched in 2024 that says "kết thúc ... vào cuối năm 2021" and quotes "vào cuối năm nay"
    sets no deadline at the end of 2024. A plan said as passed ("had planned to withdraw by
    the end of 2025") or a sentence that moves a date ("will now leave by the end of this
    year", "postponed") is a deadline replaced: the new one stands."""
    written: dict[tuple[str, str], set[str]] = {}  # (what, precision) -> years written
    for reading in readings:
        if not reading.relative and reading.state != "passed":
            said = written.setdefault((reading.deadline.what, reading.deadline.precision), set())
            said.add(reading.deadline.date[:4])
    for reading in readings:
        years = written.get((reading.deadline.what, reading.deadline.precision), set())
        restated = reading.relative and not reading.moved and years
        if reading.state == "past" or (restated and reading.deadline.date[:4] not in years):
            continue
        yield reading


def reported_on(body: Folded, published: date | None) -> date | None:
    """The day the article reports on, which relative dates ("cuối năm nay", "next
    September") are resolved against: the full date its lead opens with when that is well
    before publication (a story re-posted later: "WASHINGTON, July 26, 2021 — ..." fetched in
    2024 still means 2021), else the publication day."""
    if published is None:
        return None
    lead = body.text[:_LEAD]
    for d in find_dates(lead, published, capitalised=body.capitalised):
        if d.precision != "day" or d.relative:
            continue
        day = date.fromisoformat(d.date)
        if day < published - _REPOST and _DATELINE.search(lead[: d.start]):
            return day
        break  # only the lead's first full date counts
    return published


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
