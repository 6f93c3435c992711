"""What extraction reads a sentence with: the sentence, its places and actors, and what the
sentences before it named. Pure: no I/O."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from watchers.figures import lexicon as lx
from watchers.figures.actors import WHO_RE
from watchers.figures.allies import ALLY_ACTS, partners
from watchers.figures.dates import DateMention
from watchers.figures.places import Place, PlaceIndex, country_of, followed, said_federal
from watchers.figures.spans import Folded

__all__ = ["OURS", "Article", "Sentence"]

# The actors whose figures are the topic's: a clause naming one of them is not another's
OURS = frozenset({"US", "coalition", "foreign"})
# Vietnamese tense words: folded, "đã" (done) is "da" like "đa" (many), so each is checked
# against the original text.
_VI_TENSE = {"đã": "past", "sẽ": "future", "sắp": "future"}
# Vietnamese names of countries that are ordinary words in lower case: "đức" (virtue), "úc",
# "pháp" (law), "ba lần" (three times), "na uy", "hà lan"...
_CAPITALISED_ONLY = frozenset(
    {"duc", "uc", "phap", "ba lan", "ha lan", "na uy", "dan mach", "nhat ban", "tay ban nha"}
)
_BEFORE = re.compile(r"(\w+)(\W*)$")
_AFTER = re.compile(r"[ \t]+(\w+)")
# "tiếng Anh" (English), "báo chí Anh", "hãng tin Anh": a language or a country's press
_NOT_BRITAIN_AFTER = frozenset({"tieng", "chi", "tin", "bao"})


def britain(doc: Folded, at: int) -> bool:
    """Whether "anh" at ``at`` is Anh (Britain): in capitals, and not part of a name ("Tuấn
    Anh", "Anh Thư") nor a language ("tiếng Anh")."""
    if not doc.capitalised(at):
        return False
    after = _AFTER.match(doc.text, at + 3)
    if after is not None and doc.capitalised(after.start(1)) and after.group(1) != "quoc":
        return False  # a given name: "Anh Thư" (but "Anh Quốc" is Britain)
    before = _BEFORE.search(doc.text, max(0, at - 20), at)
    if before is None or re.search(r"[^\w\s]", before.group(2)):
        return True  # it opens a sentence or a clause: "Theo Reuters, Anh sẽ rút"
    return not (doc.capitalised(before.start(1)) or before.group(1) in _NOT_BRITAIN_AFTER)


_VI_TENSE_FOLDED = re.compile(r"\b(?:da|se|sap)\b")
# Written without diacritics, "da", "se", "sap" are "đã", "sẽ", "sắp" but in the words they
# also make, after ("tối đa", "tiếp đà", "chia sẻ", "bị sập") or before them ("đa số", "dã
# chiến", "sắp xếp", "sáp nhập"; not "đã sơ tán", "đã tiến hành", "đã diễn ra")
_BARE_TENSE = {"da": "past", "se": "future", "sap": "future"}
_NOT_TENSE = {
    "da": (
        re.compile(r"\b(?:toi|phan|tiep|tren|giu|theo|thuan|cuc)\s+$"),
        re.compile(
            r"\s+(?:so(?! tan)|dang|phuong|quoc|chien|phan|sac|chieu|muc|linh|tang|cuc|"
            r"nguyen|khoa|nghia)\b"
        ),
    ),
    "se": (re.compile(r"\b(?:chia|san)\s+$"), re.compile(r"\s+lanh\b")),
    "sap": (
        re.compile(r"\b(?:bi|do|lam)\s+$"),
        re.compile(r"\s+(?:xep|nhap|do|mai|ham|bay|dat)\b"),
    ),
}


def _marked(text: str) -> bool:
    """Whether ``text`` has a letter with a diacritic (or "đ")."""
    decomposed = unicodedata.normalize("NFD", text)
    return "đ" in text.lower() or any(unicodedata.combining(c) for c in decomposed)


class Article:
    """What the whole article says that single sentences lean on."""

    def __init__(self, docs: list[Folded], lang: str, published: date | None) -> None:
        self.lang = lang
        self.published = published
        # Vietnamese written without diacritics: its words of tense are read folded
        self.bare = lang == "vi" and not any(_marked(d.original) for d in docs)
        self.combat = any(lx.COMBAT_CONTEXT.search(d.text) for d in docs)
        # A headline that says a deadline moved ("Mỹ lùi thời hạn rút quân") backs the dates
        # the article gives.
        self.title = docs[0] if len(docs) > 1 else None
        headline = self.title.text if self.title is not None else ""
        self.moved = lx.MOVED.search(headline) is not None
        # The country the article is about: a base or city counts for the country it is in
        # (an article about Ain al-Asad is about Iraq); the title counts double.
        self.indexes = {id(doc): PlaceIndex(doc) for doc in docs}
        weights: dict[str, int] = {}
        for i, doc in enumerate(docs):
            for place in self.indexes[id(doc)].places:
                name = country_of(place.name)
                weights[name] = weights.get(name, 0) + (2 if i == 0 and len(docs) > 1 else 1)
        ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0] not in lx.PLACES))
        self.place = ranked[0][0] if ranked else "Iraq"
        # the bases it names with a word of a base whose names are no place we know ("Umm
        # Nakhla Air Base", "Camp Sabreen", "căn cứ Umm Nakhla"), folded: a later "leave Umm
        # Nakhla by 31 December" names that base (``not_levels.unknown_base``)
        bodies = docs[1:] or docs  # not a headline In Title Case
        self.bases = frozenset(
            d.text[i:j] for d in bodies for i, j in _base_names(d) if not self.who_in(d, i, j)
        )
        self.seen: dict[tuple[str, int], str] = {}  # (who, value) -> where, for repeated figures
        self.last_place: str | None = None  # the last place the previous sentences named
        self.last_federal = False  # ... is an Iraq said federal ("lãnh thổ liên bang Iraq")
        self.last_who: str | None = None  # "coalition" when the previous sentence named only it

    def remember(self, sentence: Sentence) -> None:
        """Keep what this sentence named last, for the sentences after it."""
        places = followed(sentence.doc, sentence.places, sentence.start)  # not "moved to Kuwait"
        if places:
            last = places[-1]
            self.last_place = last.name
            self.last_federal = last.name == "Iraq" and said_federal(
                sentence.doc.text, last.start, last.end
            )
        actors = {k for _, k in self.who_in(sentence.doc, sentence.start, sentence.end)}
        actors.discard("other")
        self.last_who = actors.pop() if len(actors) == 1 and actors <= {"coalition"} else None

    def who_in(self, doc: Folded, start: int, end: int) -> list[tuple[int, str]]:
        """Actors named in ``doc.text[start:end]``: (offset, "US" | "coalition" | ...)."""
        found = []
        for m in WHO_RE[self.lang].finditer(doc.text, start, end):
            kind = m.lastgroup or ""
            if kind == "US" and m.group() == "us" and not doc.capitalised(m.start() + 1):
                continue  # the pronoun "us", not "US"
            if kind == "other" and m.group() == "anh" and not britain(doc, m.start()):
                continue  # "anh" (he, you), "Tuấn Anh", "tiếng Anh": not Britain
            found.append((m.start(), kind))
        return found


# a clause of what was given up: "Úc sẽ giữ 120 huấn luyện viên …, thay vì rút về vào cuối tháng 6"
_SUBORDINATE = re.compile(r"\b(?:though|although|while|whereas|even as|with|trong khi|du)\s+$")
_CONTRAST = re.compile(r"\s*(?:con|but|while|whereas|nhung)\b")  # "…, còn binh sĩ sẽ rời"
_INSTEAD = re.compile(r"\s*(?:thay vi|instead of|rather than)\b")
# one country, unnamed, that leaves: "cho biết nước này sẽ rút", "said his country would
# withdraw its troops" (the country named before it, in the sentence or the one before)
_ONE_COUNTRY = re.compile(
    r"\b(?:nuoc nay|quoc gia nay|(?:his|her|their) country(?:'s|’s)?)\s+(?:[^\s,;.]+\s+){0,3}?"
    r"(?:withdraw|pull|leave|bring|end|rut|roi|dua|ket thuc)"
)
_SENTENCE_END = re.compile(r"[.!?]\s")
# the member's troops serving in the coalition, folded: "its 85 troops serving in the US-led
# coalition", "85 binh sĩ đang phục vụ trong liên quân do Mỹ dẫn đầu" name no other actor
_SERVING_IN = re.compile(
    r"\b(?:serving|deployed|(?:dang )?phuc vu)\s+(?:in|with|trong)\s+(?:the\s+)?"
    r"(?:(?:us|u\.s\.|american)[- ]led\s+)?(?:coalition|lien quan)"
    r"(?:\s+do\s+(?:my|hoa ky)\s+dan dau)?"
)
_COUNTERPART = re.compile(r"\S+ counterparts?|(?:người )?đồng cấp(?: \S+){1,2}")
# whom the speaker met, up to a comma: "met Britain's defence secretary", "tiếp Thủ tướng Anh"
_MET = re.compile(
    r"\b(?:met|meets|meeting|hosted|hosts|received|receives|alongside|with|tiếp|gặp|"
    r"hội đàm với|điện đàm với)\s+[^,.;:]{0,45}",
    re.IGNORECASE,
)


_WORDS = re.compile(r"\w[\w-]*")
# a name of one or two words after a word of a base, or before one (folded)
_NAME2 = r"\b(\w[\w-]*(?: \w[\w-]*)?)"
_NOT_BASES = frozenset({"iraqi", "american", "coalition", "my", "hoa ky", "us", "u.s", "the"})
_NAMED_AFTER = re.compile(rf"\b(?:camp|trai|can cu(?: khong quan)?|san bay) {_NAME2}")
_NAMED_BEFORE = re.compile(rf"{_NAME2} (?:air base|airbase|airfield|air station)\b")


def _base_names(doc: Folded) -> list[tuple[int, int]]:
    """Where ``doc`` names bases with a word of a base: capitalised words, no place we know
    ("Ain al-Asad Air Base" is Ain al-Asad's) nor a nation's ("a US air base", "căn cứ Mỹ",
    "an Iraqi Air Base"), the second word kept when capitalised."""
    found = []
    for pattern in (_NAMED_AFTER, _NAMED_BEFORE):
        for m in pattern.finditer(doc.text):
            start, end = m.span(1)
            words = [w for w in _WORDS.finditer(doc.text, start, end) if doc.capitalised(w.start())]
            if not words or lx.PLACE_RE.match(doc.text, words[0].start()):
                continue
            if doc.text[words[0].start() : words[-1].end()] in _NOT_BASES:
                continue
            if pattern is _NAMED_BEFORE:
                words = words[-2:] if words[-1].end() == end else []
            elif words[0].start() != start:
                continue
            if words:
                found.append((words[0].start(), words[-1].end()))
    return found


# a plan said as one of the past ("were due to", "the original plan", "lẽ ra", "ban đầu",
# "despite a pledge", "should have", "has passed", "đã trôi qua")
_WAS_DUE = re.compile(
    r"\b(?:(?:was|were|had been)\s+(?:due|supposed|scheduled|set|expected|meant|planned|to)|"
    r"(?:original|initial) (?:plan|date|deadline|timetable|schedule|target)|"
    r"(?:originally|initially) (?:planned|due|set|scheduled|agreed|allowed|expected|meant)|"
    r"le ra|ban dau|truoc day|despite|should have|"
    r"(?:has|had|have) (?:passed|expired|lapsed)|troi qua|het han)\b"
)
# ... and one to come needs a word of the future or of duty ("must", "phải", "có thời hạn")
_BOUND = re.compile(r"\b(?:must|have to|has to|phai|can phai|co thoi han|thoi han)\b")
_IN = re.compile(r"\b(?:in|vao|trong)\s*$")  # "will leave Baghdad in September": when
_WILL = re.compile(r"\b(?:will|shall|sẽ)\b")  # as written: folded, "chia sẻ" is "se" too


class Sentence:
    """One sentence of a document, with what the sentences before it named."""

    def __init__(self, doc: Folded, start: int, end: int, article: Article) -> None:
        self.doc, self.start, self.end, self.article = doc, start, end, article
        self.text = doc.text[start:end]
        self.quote = doc.quote(start, end).strip()
        self.index = article.indexes[id(doc)]
        self.places: list[Place] = self.index.within(start, end)
        self.previous_place = article.last_place
        self.previous_federal = article.last_federal
        self.previous_who = article.last_who

    def who_in(self, start: int, end: int) -> list[tuple[int, str]]:
        return self.article.who_in(self.doc, start, end)

    def ours_named(self, start: int, end: int, apart: Sequence[tuple[int, int]] = ()) -> bool:
        """Whether ``text[start:end]`` names the US, the coalition or foreign forces, outside
        the spans ``apart`` (another member's "troops serving in the coalition", NATO's own
        mission)."""
        return any(
            kind in OURS and not any(a <= at < b for a, b in apart)
            for at, kind in self.who_in(start, end)
        )

    def allies_only(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` has another member of the coalition leave or cut
        (``allies.ALLY_ACTS``: "Britain will withdraw", "Anh sẽ rút"), or keep its troops in
        the same clause, and names neither the US, the coalition nor foreign forces: what it
        says is that country's; or one country, unnamed, leaves, a member's speaker's
        (``_ally_named``)."""
        doc = self.doc
        one = _ONE_COUNTRY.search(doc.text, start, end)
        if one is not None and self._ally_named(one.start()):
            return True
        serving = [m.span() for m in _SERVING_IN.finditer(doc.text, start, end)]  # its own
        if self.ours_named(start, end, serving):
            return False
        for m in ALLY_ACTS.finditer(doc.text, start, end):
            ally = m.group("ally")
            if ally == "anh" and not britain(doc, m.start()):
                continue
            if ally in _CAPITALISED_ONLY and not doc.capitalised(m.start()):
                continue
            if m.group("keep") and self._apart(m.start(), m.end(), end):
                continue  # "Though Britain will keep a team in Erbil, the troops will leave…"
            return True
        return False

    def _ally_named(self, at: int) -> bool:
        """Whether the one who speaks is another member's: the words before ``at`` in this
        sentence (in the one before, when these name no country: "He said", "Healey said",
        "Ông Trump cho biết") name such members, not the US, the coalition nor foreign forces,
        once counterparts and whom the speaker met are left out ("Bộ trưởng Quốc phòng Anh
        gặp người đồng cấp Pháp …"; not "Speaking alongside his French counterpart, Defense
        Secretary Lloyd Austin said …", "Tổng thống Donald Trump tiếp Thủ tướng Anh …")."""
        begin, doc = self.start, self.doc
        for _ in range(2):
            spoken = _MET.sub(" ", _COUNTERPART.sub(" ", doc.quote(begin, at)))
            folded = Folded.of(spoken)
            ours = {kind for _, kind in self.article.who_in(folded, 0, len(folded.text))} & OURS
            if ours or partners(spoken):
                return not ours
            before = doc.text[max(0, begin - 400) : max(0, begin - 1)]
            ends = [m.end() for m in _SENTENCE_END.finditer(before)]
            begin, at = max(0, begin - 400) + (ends[-1] if ends else 0), begin
        return False

    def _apart(self, start: int, end: int, until: int) -> bool:
        """Whether the ally's clause at ``start:end`` is set apart from what follows up to
        ``until``: it is subordinate ("Though Britain will keep…", "Trong khi Anh sẽ giữ…"),
        or a contrast follows ("…, còn binh sĩ sẽ rời"); not a clause of what is given up
        ("…, thay vì rút về")."""
        text = self.doc.text
        subordinate = _SUBORDINATE.search(text, max(0, start - 20), start) is not None
        return any(
            not _INSTEAD.match(text, b.end())
            and (subordinate or b.group().isalpha() or _CONTRAST.match(text, b.end()) is not None)
            for b in lx.CLAUSE_BREAK.finditer(text, end, until)
        )

    def places_in(self, start: int, end: int, *, unquoted: bool = False) -> list[Place]:
        """Places named in ``doc.text[start:end]`` (see ``places.find_places``)."""
        return self.index.within(start, end, unquoted=unquoted)

    def ahead(self, d: DateMention, target: bool) -> DateMention:
        """A day or a month with no year written that fell before publication, said as a
        target ("by", "trước") of what will or must happen (``_BOUND``; the future may follow a
        fronted "By 30 September,"), or as when what will happen does ("will leave Baghdad in
        September"), is the next one: "US forces are due to leave federal Iraq by 30 September"
        in February is this year's September, not last year's (the nearest); not in a plan of
        the past (``_WAS_DUE``)."""
        published = self.article.published
        if not (d.relative and d.precision in ("day", "month") and published):
            return d
        if d.date >= published.isoformat()[: len(d.date)]:
            return d
        tense = self.tense(self.start, d.start)
        if tense is None and _WILL.search(self.doc.written(d.end, self.end)):
            tense = "future"  # "By 30 September, all US troops will have withdrawn"
        when = tense == "future" and _IN.search(self.doc.text, self.start, d.start) is not None
        if not (target or when):
            return d
        bound = tense == "future" or (
            tense is None and _BOUND.search(self.text, 0, d.start - self.start)
        )
        if not bound or _WAS_DUE.search(self.text):
            return d  # "were due to leave by 30 September", "despite a pledge": of the past
        return replace(d, date=f"{int(d.date[:4]) + 1:04d}{d.date[4:]}")

    def tense(self, start: int, end: int) -> str | None:
        """ "past", "future" or None: the tense marker nearest the end of ``start:end``."""
        marks: list[tuple[int, str]] = [
            (m.end(), "future" if m.group("future") else "past")
            for m in lx.TENSE.finditer(self.doc.text, start, end)
        ]
        if self.article.lang == "vi":
            for m in _VI_TENSE_FOLDED.finditer(self.doc.text, start, end):
                word = self.doc.written(m.start(), m.end())
                if word in _VI_TENSE:  # not "sẽ không có … thay thế": no plan
                    if not lx.NOT_REPLACED.match(self.doc.text, m.end()):
                        marks.append((m.end(), _VI_TENSE[word]))
                elif self.article.bare and not self._other_word(m.group(), m.start(), m.end()):
                    marks.append((m.end(), _BARE_TENSE[m.group()]))
        return max(marks)[1] if marks else None

    def _other_word(self, word: str, start: int, end: int) -> bool:
        """Whether the folded "da", "se" or "sap" at ``start:end`` is part of another word
        (``_NOT_TENSE``), not a word of tense."""
        before, after = _NOT_TENSE[word]
        text = self.doc.text
        return bool(before.search(text, max(0, start - 8), start) or after.match(text, end))
