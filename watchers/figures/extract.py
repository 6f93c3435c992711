"""Rule-based extraction of troop counts and deadlines from one article. Pure: no I/O.

Sentence by sentence, on folded text (``watchers.text.fold``):

* a troop count is a number followed by a troop noun ("2.500 binh sĩ Mỹ", "5,200 U.S.
  troops"), or the target/source of a change in size after one ("troops in Iraq will drop
  from about 5,200 to 3,000"), or a figure elided after one ("2,500 troops in Iraq and 900
  in Syria"). Who comes from the nationality next to the noun, else the nearest actor to
  the left; where from the nearest place to the right, else to the left, else the place
  the article is mostly about. Casualties, numbers of troops sent or withdrawn ("rút
  1.000 binh sĩ" — unless it is all of them), vague amounts and figures elsewhere
  (Afghanistan, Niger, Germany...) are not counts.
* a deadline is a date (see ``dates``) that closes a stretch of sentence containing a verb
  of leaving or ending ("rút", "rời khỏi", "kết thúc", "withdraw", "leave", "end",
  "continue until"), no later than the publication date. Election and meeting dates,
  "at least" dates and dates already past when the article was published are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from watchers.figures import lexicon as lx
from watchers.figures.dates import DateMention, find_dates
from watchers.figures.model import Deadline, Figures, TroopCount
from watchers.figures.numbers import Quantity, approx_before, find_quantities
from watchers.figures.spans import Folded

__all__ = ["detect_lang", "extract"]

_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỵỷỹ]", re.I)
_EN_WORDS = re.compile(r"\b(?:the|and|of|to|in|is|that|with|for)\b", re.I)
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:u\.s|mr|mrs|dr|gen|lt|col|sgt|capt|maj|adm|st|jr|no|vs|jan|feb|mar|apr|jun|"
    r"jul|aug|sep|sept|oct|nov|dec|d\.c|a\.m|p\.m|inc|co|corp|ltd|govt|rep|sen|gov)|\b[a-z])$"
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n+")
_HEDGE_TAIL = re.compile(
    r"(?:\b(?:about|around|approximately|roughly|some|nearly|almost|an estimated|estimated|"
    r"more than|over|fewer than|less than|under|up to|close to|just over|a little over|"
    r"khoang tu|khoang|chung|gan|hon|tren|duoi|uoc tinh|xap xi|it nhat)\s*)+$"
)
_ELLIPSIS = re.compile(r"^\s*(?:troops\s+)?(?:in|at|o|tai)\s+(?:(?:neighbou?ring|lang gieng)\s+)?$")
_PREPOSITION = re.compile(
    r"[,.;:()]|\b(?:o|tai|khoi|den|toi|tren|trong|vao|duoc|in|at|from|to|into|of|are|is|were|was)\b"
)
# a quoted phrase is someone's words about something else: "developments in Syria"
_QUOTED = re.compile(r"\"[^\"]{1,60}\"|“[^”]{1,60}”")
# what a change of size is about when no troop noun follows the number
_FORCE_SIZE = re.compile(r"\b(?:troop|force|presence|footprint|quan so|quan luc|su hien dien)\b")
_CONTINUATION = re.compile(
    r"^\W*(?:(?:and|or|va|hoac)\s+)?"
    r"(?:(?:the rest|the remainder|so con lai|phan con lai)\b.{0,25})?$"
)


def detect_lang(text: str) -> str:
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
    article = _Article(docs, lang, published)
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
            sentence = _Sentence(doc, start, end, article)
            for count in sentence.troop_counts([n for n in numbers if start <= n[0] < end]):
                troops.setdefault((count.who, count.where, count.status, count.value), count)
            for deadline in sentence.deadlines([d for d in dates if start <= d.start < end]):
                deadlines.setdefault((deadline.what, deadline.date, deadline.precision), deadline)
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


def _places(text: str, offset: int, doc: Folded) -> list[tuple[int, int, str]]:
    """Places named in ``text`` (a slice of ``doc.text`` starting at ``offset``)."""
    found = []
    for m in lx.PLACE_RE.finditer(text):
        name = lx.PLACE_NAMES[int(next(k for k, v in m.groupdict().items() if v)[1:])]
        if name == "Baghdad":
            before = doc.text[max(0, offset + m.start() - 40) : offset + m.start()]
            if not lx.LOCATIVE_BEFORE.search(before):
                continue
        found.append((m.start(), m.end(), name))
    return found


def _specific(names: list[str]) -> list[str]:
    """Drop places that contain another one named with them: "Irbil, Kurdistan" is Erbil."""
    unique = list(dict.fromkeys(names))
    return [n for n in unique if not any(_inside(other, n) for other in unique if other != n)]


def _inside(inner: str, outer: str) -> bool:
    while inner in lx.WITHIN:
        inner = lx.WITHIN[inner]
        if inner == outer:
            return True
    return False


class _Article:
    """What the whole article says that single sentences lean on."""

    def __init__(self, docs: list[Folded], lang: str, published: date | None) -> None:
        self.lang = lang
        self.published = published
        self.combat = any(lx.COMBAT_CONTEXT.search(d.text) for d in docs)
        weights: dict[str, int] = {}
        for i, doc in enumerate(docs):
            for _, _, name in _places(doc.text, 0, doc):
                weights[name] = weights.get(name, 0) + (2 if i == 0 and len(docs) > 1 else 1)
        ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0] not in lx.PLACES))
        self.place = ranked[0][0] if ranked else "Iraq"
        self.seen: dict[tuple[str, int], str] = {}  # (who, value) -> where, for repeated figures

    def who_in(self, text: str, doc: Folded, offset: int) -> list[tuple[int, str]]:
        found = []
        for m in lx.WHO_RE[self.lang].finditer(text):
            kind = m.lastgroup or ""
            if kind == "US" and m.group() == "us" and not doc.capitalised(offset + m.start() + 1):
                continue  # the pronoun "us", not "US"
            found.append((m.start(), kind))
        return found


class _Sentence:
    def __init__(self, doc: Folded, start: int, end: int, article: _Article) -> None:
        self.doc, self.start, self.end, self.article = doc, start, end, article
        self.text = doc.text[start:end]
        self.quote = doc.quote(start, end).strip()

    # --- troop counts ---------------------------------------------------------------------
    def troop_counts(self, numbers: list[tuple[int, int, Quantity]]) -> Iterator[TroopCount]:
        previous_who: str | None = None
        for i, (a, b, q) in enumerate(numbers):
            if q.vague:
                continue
            next_start = numbers[i + 1][0] if i + 1 < len(numbers) else self.end
            count = self._count(a, b, q, next_start, previous_who)
            if count is not None:
                previous_who = count.who
                yield count

    def _count(
        self, a: int, b: int, q: Quantity, next_start: int, previous_who: str | None
    ) -> TroopCount | None:
        text, s0 = self.doc.text, self.start
        left = text[s0:a]
        core_left = _HEDGE_TAIL.sub("", left)
        after = text[b:next_start]
        noun = lx.TROOP_NOUN.search(after)
        noun_end = b
        change_target = lx.CHANGE_TARGET.search(core_left) is not None
        change_source = lx.CHANGE_SOURCE.search(core_left) is not None
        if noun and lx.NOUN_GAP.match(after[: noun.start()]):
            noun_end = b + noun.end()
        elif (previous_who is not None and _ellipsis(after)) or (
            (change_target or change_source)
            and lx.CHANGE_VERB.search(core_left)
            and (lx.TROOP_NOUN.search(core_left) or _FORCE_SIZE.search(core_left))
        ):
            noun = None
        else:
            return None
        near_left = left[-30:]
        near_right = text[noun_end : min(next_start, noun_end + 40)]
        if lx.CASUALTY.search(near_left) or lx.CASUALTY.search(near_right.split(",")[0]):
            return None
        if (
            not (change_target or change_source)
            and self._is_delta(core_left)
            and not lx.EXISTING_FORCE.match(text[noun_end:next_start])
        ):
            return None
        who = self._who(a, b, noun_end, previous_who)
        if who is None:
            return None
        where = self._where(noun_end, next_start, left, who, q.value)
        if where is None:
            return None
        status = self._status(core_left, change_target, after)
        self.article.seen.setdefault((who, q.value), where)
        return TroopCount(
            who=who,
            where=where,
            status=status,
            value=q.value,
            approx=q.approx or approx_before(left),
            quote=self.quote,
            low=q.low,
        )

    def _is_delta(self, core_left: str) -> bool:
        window = core_left[-60:]
        verbs = list(lx.DELTA_VERB.finditer(window))
        if not verbs:
            return False
        verb = verbs[-1]
        if lx.WHOLE_FORCE.search(" " + window[verb.end() :]):
            return False
        return not lx.NEGATION.search(window[: verb.start()][-40:])

    def _who(self, a: int, b: int, noun_end: int, previous_who: str | None) -> str | None:
        doc, s0 = self.doc, self.start
        # the nationality next to the noun: "2,500 U.S. troops", "2.500 binh sĩ Mỹ"
        tail = _PREPOSITION.split(doc.text[noun_end : noun_end + 16], maxsplit=1)[0]
        beside = doc.text[b:noun_end] + " " + tail
        near = self.article.who_in(beside, doc, b)
        if near:
            kinds = {k for _, k in near}
            if "other" in kinds and len(kinds) == 1:
                return None
            if "coalition" in kinds:
                return "coalition"
            return next(k for _, k in near if k != "other")
        if noun_end == b and previous_who is not None:
            return previous_who
        left = self.article.who_in(doc.text[s0:a], doc, s0)
        if left:
            kind = left[-1][1]
            return None if kind == "other" else kind  # "the Iraqi army has 300,000 soldiers"
        return previous_who or "US"

    def _where(self, noun_end: int, next_start: int, left: str, who: str, value: int) -> str | None:
        doc = self.doc
        right = doc.text[noun_end:next_start]
        places = _places(right, noun_end, doc)
        if places:
            p_start, p_end, name = places[0]
            if self.article.lang == "vi" and not right[:p_start].strip():
                return None  # "binh sĩ Iraq": a nationality, not a location
            tail = right[p_end:]
            if len(places) > 1 and re.match(
                r"^\s*(?:,|and|va|hoac|or)\s*$", tail[: places[1][0] - p_end]
            ):
                return None  # "ở Syria và Iraq": one figure for two places
            return name if name in lx.PLACES else None
        before = _places(_QUOTED.sub(lambda m: " " * len(m.group()), left), self.start, doc)
        if before:
            name = before[-1][2]
            return name if name in lx.PLACES else None
        if (who, value) in self.article.seen:
            return self.article.seen[(who, value)]
        return self.article.place if self.article.place in lx.PLACES else None

    def _status(self, core_left: str, change_target: bool, after: str) -> str:
        future = lx.FUTURE.search(self.text) is not None
        past = lx.PAST.search(self.text) is not None and not future
        if change_target:
            return "current" if past else "planned"
        if re.match(r"^\s*(?:to|den|xuong con|xuong)\s+\S*\d", after):
            return "past" if past else "current"  # "from 5,200 to 3,000": 5,200 is the level now
        clause = re.split(r"[,;:]", core_left)[-1]
        if lx.PAST.search(clause) and not lx.CURRENT.search(clause):
            return "past"
        return "current"

    # --- deadlines ------------------------------------------------------------------------
    def deadlines(self, dates: list[DateMention]) -> Iterator[Deadline]:
        text = self.doc.text
        seg_start = self.start
        previous: tuple[str, bool] | None = None
        for d in dates:
            segment = text[seg_start : d.start]
            seg_offset = seg_start
            seg_start = d.end
            kind = self._kind(segment, previous)
            previous = kind
            if kind is None or not self._upcoming(d):
                continue
            if lx.NOT_DEADLINE.search(segment) or lx.AT_LEAST.search(_strip_preposition(segment)):
                continue
            what = self._what(kind, segment, seg_offset)
            for item in what:
                yield Deadline(what=item, date=d.date, precision=d.precision, quote=self.quote)

    def _kind(self, segment: str, previous: tuple[str, bool] | None) -> tuple[str, bool] | None:
        """("combat" | "mission" | "leave", partial) for a stretch of sentence, or None."""
        combat = lx.COMBAT.search(segment) is not None
        end = lx.END.search(segment) is not None
        leave = lx.LEAVE.search(segment) is not None or lx.DEADLINE_NOUN.search(segment) is not None
        mission = lx.MISSION.search(segment) is not None
        partial = lx.PARTIAL.search(segment) is not None and lx.REST.search(segment) is None
        if not (end or leave):
            if previous is not None and _CONTINUATION.match(segment):
                return previous[0], previous[1] and lx.REST.search(segment) is None
            return None
        if combat:
            return "combat", False
        if mission and end:
            who = {k for _, k in self.article.who_in(segment, self.doc, 0)}
            if self.article.combat and "US" in who and "coalition" not in who:
                return "combat", False
            return "mission", False
        if leave or end:
            return (
                ("leave", partial) if leave or re.search(r"withdrawal|rut quan", segment) else None
            )
        return None

    def _upcoming(self, d: DateMention) -> bool:
        published = self.article.published
        if published is None:
            return True
        parts = [int(p) for p in d.date.split("-")]
        if d.precision == "day":
            return date(*parts) >= published
        if d.precision == "month":
            return (parts[0], parts[1]) >= (published.year, published.month)
        return parts[0] >= published.year

    def _what(self, kind: tuple[str, bool], segment: str, offset: int) -> list[str]:
        name, partial = kind
        anchor_re = lx.MISSION if name == "mission" else lx.LEAVE
        anchors = list(anchor_re.finditer(segment))
        scope = segment[anchors[-1].start() :] if anchors else segment
        scope_offset = offset + (anchors[-1].start() if anchors else 0)
        change = lx.CHANGE_VERB.search(scope)
        if change:
            scope = scope[: change.start()]
        names = [n for _, _, n in _places(scope, scope_offset, self.doc)]
        if not names:
            names = [n for _, _, n in _places(segment, offset, self.doc)]
        if not names:
            names = [self.article.place]
        if any(n not in lx.PLACES for n in names):
            return []
        if name == "combat":
            return ["US combat mission ends in Iraq"]
        places = _specific(names)
        if name == "mission":
            return [f"coalition mission ends in {p}" for p in places]
        if partial:
            return [f"first coalition troops leave {p}" for p in places]
        return [f"coalition leaves {p}" for p in places]


def _ellipsis(after: str) -> bool:
    """ "... and 900 in neighbouring Syria": a count whose troop noun was left out."""
    m = lx.PLACE_RE.search(after)
    return m is not None and _ELLIPSIS.match(after[: m.start()]) is not None


def _strip_preposition(segment: str) -> str:
    return re.sub(
        r"\b(?:vao|den|cho den|toi|by|until|till|through|before|truoc|in)\s*$", "", segment.rstrip()
    )
