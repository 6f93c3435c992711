"""What is known about one article for story matching: its signature, names, numbers and figures.

Pure: no I/O. ``evidence(title, body, published=..., lang=...)`` gathers:

* the MinHash ``signature`` of its shingles (``shingle``, ``minhash``);
* ``anchors``: what pins a report to one event in any language — numbers of three or more
  digits that are not years ("2500", "5200"), and names: capitalised words that do not open
  a sentence and are not among the words every article on the topic capitalises (Iraq, Mỹ,
  Pentagon, Thủ tướng...), folded ("sudani", "mckenzie", "soleimani"), except in a headline
  in title case;
* ``terms``: hashes of its content words (folded, no function words, no words every article
  on the topic uses), at most ``MAX_TERMS``, the lowest hashes kept: a rewrite by another
  outlet shares few word pairs with the original but many of its words. A Vietnamese word
  is usually two syllables, and single syllables ("tấn", "công", "khu", "vực") are shared
  by any two texts on the topic, so in Vietnamese a term is a pair of neighbouring
  syllables (not both function words), plus the numbers;
  plus the topic's concepts the text names in either language (``lexicon``: "căn cứ" and
  "base" are one term), which is what a rewrite in the other language shares;
* ``years`` mentioned (1990–2049), which tell the 2021 "end of combat mission" from the 2024
  "end of the coalition's mission";
* ``figures``: troop counts and deadlines from ``watchers.figures`` (pass them in when the
  pipeline already extracted them, which saves ~10 ms per article);
* ``lead``: the terms of the title and the first line, where a report says what happened;
* ``passages``: hashes of the runs of ``PASSAGE_WORDS`` words (within a line) of its title
  and first ``PASSAGE_LINES`` lines, at most ``MAX_PASSAGES`` (the lowest): two reports of
  one event quote the same statement or take a sentence from the same wire text, which a
  rewrite keeps and a report of another event does not; the lead paragraphs tell the
  event, and an outlet's background paragraph, which its reports of other events repeat,
  comes later;
* ``published``: the day of the event the lead reports (``eventday``), which is the
  publication day unless the lead names another ("on Thursday", "ngày 28/1"); ``dated``:
  whether the lead named it (None for a row stored before this was kept: not known);
* ``places``: the topic's places other than Iraq itself that the lead names (a base, Erbil,
  Baghdad as a place, Kurdistan, Syria; ``watchers.figures.places``): a report that joins a
  story and names one none of its reports named brings news (``watchers.stories.news``).
  None for a row stored before places were kept: not known;
* ``told``: whether the lead tells a scoop or what was said officially (``telling``), None
  for a row stored before it was kept; ``actor`` and ``act``: who acts in the title, and
  whether it tells an attack (``telling``; None likewise);
* ``awaits``: the day after its publication that the lead names for what is still to come
  ("Iraq will ask the United States on Monday", in a Sunday article; ``eventday.awaited_day``),
  or None: a preview, which a report of that day's act is not (``verdict.other_day``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from watchers.figures import Figures, detect_lang, extract
from watchers.figures.allies import partners
from watchers.figures.extract import LANGS, Lang, is_lang
from watchers.figures.places import find_places
from watchers.figures.spans import Folded
from watchers.stories.similar.eventday import awaited_day, event_day
from watchers.stories.similar.lexicon import concept_hash, concepts
from watchers.stories.similar.minhash import Signature, hash64, minhash
from watchers.stories.similar.shingle import clean_lines, normalise_numbers, shingle_texts, tokens
from watchers.stories.similar.telling import Act, Actor, Told, act, actor, told
from watchers.topic.text import fold, nfc

__all__ = [
    "MAX_PASSAGES",
    "MAX_TERMS",
    "PASSAGE_LINES",
    "PASSAGE_WORDS",
    "Evidence",
    "evidence",
    "lead_places",
    "passage_hashes",
    "signature",
    "term_hashes",
]

MAX_TERMS = 512
PASSAGE_WORDS = 6
PASSAGE_LINES = 5
MAX_PASSAGES = 1024


def _word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text (word lists read better as prose)."""
    return frozenset(text.split())


_NUMBER = re.compile(r"(?<![\w.,])\d{3,6}(?![\w])")
_YEAR = re.compile(r"(?<!\d)(?:199\d|2[01]\d\d)(?!\d)")  # as the figures read them, to 2199
# A sum of money is another anchor than a count: "$450 million" is not "450 soldiers"
_MONEY_BEFORE = re.compile(r"(?:\$|\bUSD|\bUS\$)\s*$")
_MONEY_AFTER = re.compile(r"\s*(?:million|billion|trillion|triệu|tỷ|tỉ|nghìn tỷ|USD|đô)\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
_PREPOSITIONS = _word_set("from with into over onto upon after amid than that about")
_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][\w'’]*", re.UNICODE)
_SENTENCE_MARKS = frozenset('.!?:;"“”«»()[]–—|/•')
# Words that nearly every article on the topic capitalises: countries, capitals, titles,
# institutions, agencies, days and months, and sentence-like openers of Vietnamese news.
_GENERIC = _word_set(
    """
    iraq iraqi iraqis irak i rac my hoa ky us u s usa america american americans united states
    washington baghdad bagdad syria syrian iran iranian israel gaza trung dong middle east
    kurdistan kurd kurdish erbil arbil irbil anbar afghanistan bac tay dong ha noi
    pentagon lau nam goc white house nha trang state department bo ngoai giao quoc phong
    defense defence ministry minister secretary president prime general gen lt col spokesman
    tong thong thu tuong bo truong nguoi phat ngon tuong dai su quan ngoai truong chinh phu
    quoc hoi parliament congress senate government official officials
    is isis isil daesh nha nuoc hoi giao coalition lien quan lien minh global international
    operation inherent resolve army military forces force troops quan doi
    reuters ap afp ttxvn vietnam vnexpress al jazeera cnn bbc ina anadolu xinhua sputnik
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec thang ngay nam
    the a an in on at of to and but for with by as it its this that these there they he she we
    theo ong ba cac nhung mot khi sau truoc tai trong ngay hom hien dong thoi tuy nhien
    anh nguon photo file
    """
)

# Function words of both languages (folded) and the words of the topic itself, which every
# article about troops leaving Iraq uses: they say nothing about which story it is.
_STOPWORDS = _word_set(
    """
    the and for with that this from have has had was were are been will would could should
    said says say its their they them his her who which what when where while also not but
    than then there these those into over after before about more most other some such only
    can may might just all any one two three four five new last first year years month
    months week day days time times per cent including under between during since against
    according told reported report reports statement
    iraq iraqi iraqis irak rac american america americans united states troops troop forces
    force military coalition withdrawal withdraw withdrawing pull pullout presence country
    cua cac nhung mot duoc trong khi chi cho voi tai theo nay den tu ve nhu thi con cung
    rang khong nhieu hon sau truoc tren duoi ong nguoi nam ngay thang vao lai dang van
    nuoc hai bay gio cung nhu neu vi tuy nhien dong thoi hien cho biet noi cuoc viec
    quan binh luc luong rut doi lien minh hoa quoc gia
    """
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Everything ``same_story`` compares; built by ``evidence`` and storable as it is."""

    lang: Lang
    published: date | None
    signature: Signature
    anchors: frozenset[str]
    terms: frozenset[int]  # 32-bit hashes of content words (``term_hashes``)
    years: frozenset[int]
    troop_counts: frozenset[tuple[str, int]]  # (TroopCount.key, value)
    deadlines: frozenset[tuple[str, date]]  # (Deadline.key, last day it allows)
    lead: frozenset[int] = frozenset()  # the terms of the title and the first line
    passages: frozenset[int] = frozenset()  # runs of words (``passage_hashes``)
    places: frozenset[str] | None = None  # named in the lead (None: not known)
    dated: bool | None = None  # whether the lead named the event's day (None: not known)
    # the coalition's other members named anywhere, and in the title (None: not known)
    partners: frozenset[str] | None = None
    head_partners: frozenset[str] | None = None
    told: Told | None = None  # how the lead tells its news (``telling``; None: not known)
    awaits: date | None = None  # the day its lead names for what is to come (``awaited_day``)
    actor: Actor | None = None  # the government whose body acts in its title (None: not known)
    act: Act | None = None  # whether its title tells an attack (``telling.act``; None: not known)


def signature(title: str, body: str) -> Signature:
    """The MinHash signature of an article's shingles (see ``shingle.shingle_texts``)."""
    return minhash(hash64(s) for s in shingle_texts(title, body))


def evidence(
    title: str,
    body: str,
    *,
    published: date | None = None,
    lang: str | None = None,
    figures: Figures | None = None,
) -> Evidence:
    """Gather the evidence of one article (title and summary, or title and full text)."""
    title, body = nfc(title), nfc(body)
    lang = lang or detect_lang(f"{title}\n{body}")
    if not is_lang(lang):
        raise ValueError(f"articles are read in {' or '.join(LANGS)}, not {lang!r}")
    if figures is None:
        figures = extract(title, body, published=published, lang=lang)
    lines = [title, *clean_lines(body)]
    day = event_day(title, body, published)
    return Evidence(
        lang=lang,
        published=day.day,
        dated=day.named,
        signature=signature(title, body),
        anchors=frozenset(_anchors(lines)),
        terms=term_hashes(lines, lang),
        years=frozenset(int(y) for line in lines for y in _YEAR.findall(line)),
        troop_counts=frozenset((t.key, t.value) for t in figures.troop_counts),
        deadlines=frozenset((d.key, d.last_day) for d in figures.deadlines),
        lead=term_hashes(lines[:2], lang),
        passages=passage_hashes(lines[: PASSAGE_LINES + 1]),
        places=lead_places(lines[:2]),
        partners=partners("\n".join(lines)),
        head_partners=partners(title),
        told=told(title, lines[1] if len(lines) > 1 else ""),
        actor=actor(title),
        act=act(title),
        awaits=awaited_day(title, body, published),
    )


def lead_places(lines: list[str]) -> frozenset[str]:
    """The topic's places other than Iraq named in the lines, outside short quotations and
    datelines (``watchers.figures.places``)."""
    doc = Folded.of("\n".join(lines))
    named = find_places(doc, 0, len(doc.text), unquoted=True, skip_datelines=True)
    return frozenset(p.name for p in named if p.ours and p.name != "Iraq")


def passage_hashes(lines: list[str]) -> frozenset[int]:
    """The 32-bit hashes of every run of ``PASSAGE_WORDS`` words within a line, at most
    ``MAX_PASSAGES`` (the lowest)."""
    found: set[int] = set()
    for line in lines:
        toks = tokens(line)
        runs = range(len(toks) - PASSAGE_WORDS + 1)
        found.update(hash64(" ".join(toks[i : i + PASSAGE_WORDS])) >> 32 for i in runs)
    return _lowest(found, MAX_PASSAGES)


def term_hashes(lines: list[str], lang: str = "en") -> frozenset[int]:
    """The 32-bit hashes of the content words of some lines, at most ``MAX_TERMS`` (the lowest);
    in Vietnamese, of neighbouring syllable pairs and numbers (see the module docstring)."""
    found: set[int] = set()
    named = {concept_hash(c) for line in lines for c in concepts(tokens(line), lang)}
    if lang == "vi":
        for line in lines:
            toks = tokens(line)
            found.update(
                hash64(f"{a} {b}") >> 32
                for a, b in pairwise(toks)
                if not (a in _STOPWORDS and b in _STOPWORDS)
                and not _YEAR.fullmatch(a)
                and not _YEAR.fullmatch(b)
            )
            found.update(
                hash64(t) >> 32 for t in toks if _NUMBER.fullmatch(t) and not _YEAR.fullmatch(t)
            )
    else:
        found.update(
            hash64(t) >> 32
            for line in lines
            for t in tokens(line)
            if len(t) > 2 and t not in _STOPWORDS and not _YEAR.fullmatch(t)
        )
    return _lowest(found, MAX_TERMS) | named


def _lowest(found: set[int], most: int) -> frozenset[int]:
    """``found``, or its ``most`` lowest hashes if it has more: an article's sample that
    another article's sample of the same text agrees with."""
    return frozenset(sorted(found)[:most] if len(found) > most else found)


def _anchors(lines: list[str]) -> set[str]:
    """The numbers and names of the lines; a headline (the first line) in title case gives
    its numbers only: its capitals are the outlet's style, not names."""
    found: set[str] = set()
    for n, line in enumerate(lines):
        normal = normalise_numbers(line)
        for m in _NUMBER.finditer(normal):
            if not _YEAR.fullmatch(m.group()):
                money = _MONEY_BEFORE.search(normal, 0, m.start()) or _MONEY_AFTER.match(
                    normal, m.end()
                )
                found.add("$" + m.group() if money else m.group())
        if n == 0 and _title_case(line):
            continue
        for m in _CAPITALISED.finditer(line):
            word = m.group()
            if not word[0].isupper() or _starts_sentence(line, m.start()):
                continue
            for part in re.split(r"[-'’]", fold(word)):
                if len(part) > 2 and part not in _GENERIC and not part.isdigit():
                    found.add(part)
    return found


def _title_case(line: str) -> bool:
    """Whether the line is in title case: its words of four letters or more are capitalised,
    but for prepositions ("US Announces the End of Its Mission", "Iraq Completes Withdrawal
    of US-Led Coalition from Federal Bases"); a verb in lower case ("Kadhimi meets Biden at
    White House") says the capitals are names."""
    long = [w for w in _LETTERS.findall(line) if len(w) >= 4]
    lower = [w for w in long if not w[0].isupper()]
    return len(long) >= 3 and all(fold(w) in _PREPOSITIONS for w in lower)


def _starts_sentence(line: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence: it starts the line, or only spaces
    separate it from a sentence mark. Looks back over the spaces alone, so a line is read once
    however many words it has (a regex over the whole prefix made long lines quadratic)."""
    if start == 0:
        return True
    i = start - 1
    while i >= 0 and line[i].isspace():
        i -= 1
    return i >= 0 and line[i] in _SENTENCE_MARKS
