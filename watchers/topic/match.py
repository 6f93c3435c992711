"""Decide whether an item is on topic: configured keywords, whole words, with or without
Vietnamese diacritics.

A topic is a few named groups of terms (``"iraq"``, ``"withdrawal"``, ...); an item is
relevant when every required group has at least one term in its title or summary and no
exclude term occurs.

Term syntax. A term is compared as a sequence of whole words after folding with
``watchers.topic.text.words`` (lower case, no diacritics, "đ" -> "d", punctuation and hyphens
split words). So "rút quân" matches "Rut quan", "RÚT QUÂN", "rút   quân" and decomposed
(NFD) input, and "I-rắc" matches "I-rắc", "I rắc" and "i-rac". A text word written with
diacritics must carry the term word's own, wherever the tone sits ("hoà", "hòa"): "Ba Lan"
does not match "ba lần", nor "rời" "rồi" (``text.marks``). Without a marker a term
never matches inside a longer word: "Iran" does not match "Iranian", "US" does not match
"bus". A trailing ``*`` makes the last word a prefix, for English derived forms: "Iraq*"
matches "Iraqi", "withdraw*" matches "withdrawal" and "withdrawing".

Design. ``Matcher`` compiles a topic once into two dicts: exact first word -> the terms
starting with it, and, for one-word ``*`` terms, the first ``k`` letters -> those terms
(``k`` being the shortest such prefix). A memo maps each distinct text word to the terms
that may start there (computed from the two dicts on first sight), so a text is folded
once and its word list walked once with one dict look-up per word; the rest of a term's
words are compared only on a hit. The cost grows with the length of the text, not with
the number of terms. Title and summary are scanned separately, so a phrase never spans
the two. Measured: about 40,000 items/s for a 38-term topic on Vietnamese items (120
character title, 400 character summary), half of it spent folding text. A text with a hit
is also read as written (``text.written_words``) to compare diacritics: the shipped topic
on the same-week sets' items (title and 400 characters) went from about 13,000 items/s to
7,000-8,000.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from watchers.topic.text import marked_alike, word_marks, words, written_words

__all__ = ["NUMBER", "Match", "Matcher", "Topic"]

_PREFIX_MARKER = "*"
NUMBER = "#"  # in a term, a number ("rút # binh sĩ": "rút 2.200 binh sĩ", "rút khoảng 850 binh sĩ")
# words that may hedge a term's number, folded ("khoảng", "thêm", "hơn", "gần", "about", ...)
_HEDGES = frozenset(
    {"khoang", "them", "bot", "hon", "gan", "chung", "toi", "about", "some", "nearly"}
    | {"another", "around", "roughly", "almost", "over", "additional", "further"}
)
_NONE: list[_Term] = []
_MEMO_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Topic:
    """What the service watches for: named groups of terms, and what rules an item out."""

    groups: Mapping[str, tuple[str, ...]]
    """Concept -> terms, e.g. {"iraq": ("Iraq*", "I-rắc", "Baghdad"), ...}."""
    required: tuple[str, ...]
    """Groups that must each match for an item to be relevant; empty means any group."""
    exclude: tuple[str, ...] = ()
    """Terms whose presence makes an item irrelevant."""


@dataclass(frozen=True, slots=True)
class Match:
    """The verdict on one item and the terms behind it."""

    relevant: bool
    matched: tuple[str, ...]
    """Configured terms found (exclude terms too), as configured, in order of first
    occurrence (title before summary), without repeats."""


@dataclass(frozen=True, slots=True)
class _Term:
    spelling: str
    words: tuple[str, ...]
    prefix: bool
    order: int
    marks: tuple[str, ...]  # each word's diacritics as the term writes them (``text.marks``)


class Matcher:
    """A topic compiled for fast matching; build it once and reuse it for every item."""

    def __init__(self, topic: Topic) -> None:
        unknown = [name for name in topic.required if name not in topic.groups]
        if unknown:
            raise ValueError(f"required groups not defined in the topic: {', '.join(unknown)}")
        self.topic = topic
        self._groups_of: dict[str, set[str]] = {}
        spellings: list[str] = []
        for group, terms in topic.groups.items():
            for spelling in terms:
                if spelling not in self._groups_of:
                    spellings.append(spelling)
                    self._groups_of[spelling] = set()
                self._groups_of[spelling].add(group)
        self._excluded = frozenset(topic.exclude)
        spellings += [term for term in dict.fromkeys(topic.exclude) if term not in spellings]
        self._terms = tuple(_compile(spelling, order) for order, spelling in enumerate(spellings))
        self._exact: dict[str, list[_Term]] = {}
        self._by_prefix: dict[str, list[_Term]] = {}
        one_word_prefixes = {t.order: t for t in self._terms if t.prefix and len(t.words) == 1}
        self._prefix_length = min((len(t.words[0]) for t in one_word_prefixes.values()), default=0)
        for term in self._terms:
            if term.order in one_word_prefixes:
                key = term.words[0][: self._prefix_length]
                self._by_prefix.setdefault(key, []).append(term)
            else:
                self._exact.setdefault(term.words[0], []).append(term)
        self._candidates = _Candidates(self._candidates_for)
        # each group's spellings, and those of the required groups (all if none is): what
        # ``watchers.topic.relevance`` reads for every item
        self.group_terms = {name: frozenset(terms) for name, terms in topic.groups.items()}
        self.shown = frozenset(
            term for group in topic.required or topic.groups for term in topic.groups[group]
        )

    def find(self, text: str) -> tuple[str, ...]:
        """Every configured term that occurs in the text, in order of first occurrence."""
        found: list[_Term] = []
        self._scan(text, set(), found)
        return tuple(term.spelling for term in found)

    def match(self, title: str, summary: str) -> Match:
        """Whether an item with this title and summary is on topic, and why."""
        found: list[_Term] = []
        seen: set[int] = set()
        self._scan(title, seen, found)
        self._scan(summary, seen, found)
        matched = tuple(term.spelling for term in found)
        return Match(relevant=self._relevant(matched), matched=matched)

    def missing(self, matched: tuple[str, ...]) -> tuple[str, ...] | None:
        """The required groups none of ``matched`` belongs to, in the topic's order; None
        when an exclude term is among them (nothing can make the item relevant)."""
        if any(spelling in self._excluded for spelling in matched):
            return None
        hit = self._hit(matched)
        return tuple(group for group in self.topic.required if group not in hit)

    def _relevant(self, matched: tuple[str, ...]) -> bool:
        missing = self.missing(matched)
        if missing is None:
            return False
        return not missing if self.topic.required else bool(self._hit(matched))

    def _hit(self, matched: tuple[str, ...]) -> set[str]:
        """The groups the matched spellings belong to."""
        hit: set[str] = set()
        for spelling in matched:
            hit.update(self._groups_of.get(spelling, ()))
        return hit

    def _scan(self, text: str, seen: set[int], found: list[_Term]) -> None:
        """Append to ``found`` the terms not in ``seen`` that occur in ``text``."""
        text_words = words(text)
        count = len(text_words)
        written: list[str] | None = None  # the words as written, read on the first hit
        for index, candidates in enumerate(map(self._candidates.__getitem__, text_words)):
            if candidates:
                for term in candidates:
                    if term.order in seen:
                        continue
                    if NUMBER in term.words:
                        at: Sequence[int] | None = _numbered_at(term, text_words, index, count)
                    else:
                        at = _occurs_at(term, text_words, index, count)
                    if at is None:
                        continue
                    if written is None:
                        written = written_words(text, text_words) or []
                    if written and not _marked_alike(term, written, text_words, at):
                        continue
                    seen.add(term.order)
                    found.append(term)

    def _candidates_for(self, word: str) -> tuple[_Term, ...]:
        """The terms that may start at this word, in configuration order."""
        exact = self._exact.get(word, _NONE)
        prefixed = (
            self._by_prefix.get(word[: self._prefix_length], _NONE) if self._by_prefix else _NONE
        )
        if not prefixed:
            return tuple(exact)
        return tuple(sorted(exact + prefixed, key=lambda term: term.order))


class _Candidates(dict[str, tuple["_Term", ...]]):
    """Memo of word -> terms that may start there, so each distinct word is looked up once.

    A slice shorter than the prefix length is never a key, so short words need no check.
    It stops growing at ``_MEMO_LIMIT`` words; past that, look-ups are computed each time.
    """

    def __init__(self, compute: Callable[[str], tuple[_Term, ...]]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, word: str) -> tuple[_Term, ...]:
        candidates = self._compute(word)
        if len(self) < _MEMO_LIMIT:
            self[word] = candidates
        return candidates


def _compile(spelling: str, order: int) -> _Term:
    core = spelling.strip()
    prefix = core.endswith(_PREFIX_MARKER)
    term_words: list[str] = []
    term_marks: list[str] = []
    for n, part in enumerate(core.rstrip(_PREFIX_MARKER).split(NUMBER)):
        if n:  # a number stood between the parts
            term_words.append(NUMBER)
            term_marks.append("")
        folded = words(part)
        term_words += folded
        term_marks += word_marks(part, folded) or [""] * len(folded)
    if not any(w != NUMBER for w in term_words):
        raise ValueError(f"topic term {spelling!r} has no letters or digits")
    if term_words[0] == NUMBER:
        raise ValueError(f"topic term {spelling!r} must begin with a word, not a number")
    return _Term(spelling, tuple(term_words), prefix, order, tuple(term_marks))


def _marked_alike(term: _Term, written: list[str], folded: list[str], at: Sequence[int]) -> bool:
    """Whether the text's words where ``term`` occurs (``at``: the text's index of each of its
    words) carry its diacritics, or none (a text typed without them): "Ba Lan" is not "ba
    lần", "rời" not "rồi", "Úc" not "ký ức"."""
    return all(
        marked_alike(written[i], folded[i], mark)
        for i, mark, word in zip(at, term.marks, term.words, strict=True)
        if word != NUMBER
    )


def _numbered_at(term: _Term, text_words: list[str], index: int, count: int) -> list[int] | None:
    """Where the words of a term with a number (``NUMBER``) occur from ``text_words[index]``
    (whose first word is a hit): the text's index of each, or None. A number is one to three
    words of digits ("2.200" is two), after at most two words that hedge it ("khoảng", "thêm",
    "about", "another")."""
    at = [index]
    i = index + 1
    last = len(term.words) - 1
    for k, word in enumerate(term.words[1:], start=1):
        if word == NUMBER:
            hedges = 0
            while i < count and hedges < 2 and text_words[i] in _HEDGES:
                i, hedges = i + 1, hedges + 1
            start = i
            while i < count and i - start < 3 and text_words[i].isdigit():
                i += 1
            if i == start:
                return None
            at.append(start)
            continue
        if i >= count:
            return None
        found = text_words[i]
        if not (found == word or (k == last and term.prefix and found.startswith(word))):
            return None
        at.append(i)
        i += 1
    return at


def _occurs_at(term: _Term, text_words: list[str], index: int, count: int) -> range | None:
    """Where the term's words occur if they start at ``text_words[index]`` (whose first word
    is a hit), else None."""
    term_words = term.words
    size = len(term_words)
    at = range(index, index + size)
    if size == 1:
        return at if not term.prefix or text_words[index].startswith(term_words[0]) else None
    last = index + size - 1
    if last >= count:
        return None
    for offset in range(1, size - 1):
        if text_words[index + offset] != term_words[offset]:
            return None
    if term.prefix:
        return at if text_words[last].startswith(term_words[-1]) else None
    return at if text_words[last] == term_words[-1] else None
