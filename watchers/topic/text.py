"""Text normalisation shared by matching, duplicate detection and figure extraction.

Vietnamese arrives composed (NFC) or decomposed (NFD), with or without diacritics
("rút quân" / "rut quan"), and with "đ" which Unicode does not decompose. Every
comparison in the watchers goes through these functions so that they all agree.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_BLOCK = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>", re.IGNORECASE)
_LINE_SPACE = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
# A word: letters and digits with the marks that belong to them; hyphens and
# apostrophes split words ("I-rắc" -> "i", "rắc"; "al-Asad" -> "al", "asad").
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# a label of links to other articles, on folded text: "Related: …", "Read more: …", ">> Xem
# thêm:", "Tin liên quan", "Bài viết liên quan:" (with a colon, or alone on its line)
_LINK_LABEL = (
    r"related(?: stories| articles| news| coverage| content)?|read (?:more|also|next)"
    r"|see (?:also|more)|also read|more on this|more|recommended|xem them|doc them|doc tiep"
    r"|tin lien quan|bai lien quan|bai viet lien quan|tin khac|tin cung (?:chu de|chuyen muc)"
)
_LINK = re.compile(
    rf"[\s>»\-–•*(\[]*(?:{_LINK_LABEL})\s*[>»]*\s*(?:[:：]\s*(?P<link>.*?)[)\]]?\s*)?"
)
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")
_HEADLINE_WORDS = 25  # a link under a label is a headline: short, and no sentence's end


def nfc(text: str) -> str:
    """The composed (NFC) form, which is what we store, hash and match."""
    return unicodedata.normalize("NFC", text)


def strip_html(markup: str, *, lines: bool = False) -> str:
    """Plain text from an HTML fragment: tags dropped, entities decoded, spaces collapsed;
    ``lines``: one line a paragraph (a block's tags and line breaks end a line), as the
    readers take a text's first line for its lead and its lines for its sentences."""
    if not lines:
        return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup))).strip()
    text = html.unescape(_TAG.sub(" ", _BLOCK.sub("\n", markup)))
    return _LINE_BREAKS.sub("\n", _LINE_SPACE.sub(" ", text)).strip()


def _fold_char_input(text: str) -> str:
    return text.replace("đ", "d").replace("Đ", "D")


def _fold_char(ch: str) -> str:
    """The reference definition of folding, for one character (or a whole text)."""
    decomposed = unicodedata.normalize("NFD", _fold_char_input(ch))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


# Folding has two fast paths, both equal to ``_fold_char`` (Hypothesis checks it in
# tests/unit/watchers/topic/test_match.py):
# 1. Text made only of ASCII and of Latin letters and marks that decompose to ASCII plus
#    combining marks (all of Vietnamese): NFD, then drop every non-ASCII character.
#    About 4 times faster than the reference on Vietnamese text (translate: 1.5-2x).
# 2. Anything else: ``str.translate`` with a table that folds each code point the first
#    time it is seen. Every step of ``_fold_char`` works character by character (NFD
#    decomposes each character on its own; the combining marks that canonical reordering
#    would move are the ones dropped), so the result is the same. The table stops
#    growing at ``_FOLD_CACHE_LIMIT`` code points so hostile input cannot bloat it.
def _not_ascii_foldable() -> re.Pattern[str]:
    """A pattern for one character that path 1 cannot fold."""
    candidates = [*range(0x80, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00)]
    ranges: list[list[int]] = []
    for code_point in candidates:
        decomposed = unicodedata.normalize("NFD", _fold_char_input(chr(code_point)))
        if all(c.isascii() or unicodedata.combining(c) for c in decomposed):
            if ranges and ranges[-1][1] == code_point - 1:
                ranges[-1][1] = code_point
            else:
                ranges.append([code_point, code_point])
    allowed = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in ranges)
    return re.compile(f"[^\\x00-\\x7f{allowed}]")


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each code point the first time it is seen."""

    def __missing__(self, code_point: int) -> str:
        folded = _fold_char(chr(code_point))
        if len(self) < _FOLD_CACHE_LIMIT:
            self[code_point] = folded
        return folded


_NOT_ASCII_FOLDABLE = _not_ascii_foldable()
_FOLD_CACHE_LIMIT = 65_536
_FOLD_TABLE = _FoldTable()
_ASCII_WORD = re.compile(r"[a-z0-9]+")


def without_links(text: str) -> str:
    """The text without the lines that point at other articles ("Related: US to shrink Iraq
    force to 2,000 by March"; "Xem thêm:" or "Tin liên quan" alone on a line, and the
    headlines under it, up to the first line that ends as a sentence does or is long): a
    page's links tell other stories, whose figures and words are not the article's. A
    label's text needs its colon: "More than 2,000 troops…" is no link."""
    kept: list[str] = []
    listing = False  # the lines after a label alone: its headlines
    for line in text.split("\n"):
        link = _LINK.fullmatch(fold(line))
        if link is not None:
            listing = not (link.group("link") or "").strip()
            continue
        if listing and not line.strip():
            continue  # blank lines between a label and its headlines
        if listing and _headline(line):
            continue
        listing = False
        kept.append(line)
    return "\n".join(kept)


def _headline(line: str) -> bool:
    """Whether a line under a label of links reads as a headline: short, no sentence's end."""
    return len(line.split()) <= _HEADLINE_WORDS and not _SENTENCE_END.search(line)


def fold(text: str) -> str:
    """Lower case without diacritics: "Rút quân khỏi I-rắc" -> "rut quan khoi i-rac".

    "đ"/"Đ" become "d". The result is ASCII for Vietnamese and English text, and
    keeps one character per input character position only for ASCII input.
    """
    if text.isascii():
        return text.casefold()
    if _NOT_ASCII_FOLDABLE.search(text) is None:
        decomposed = unicodedata.normalize("NFD", _fold_char_input(text))
        return decomposed.encode("ascii", "ignore").decode("ascii").casefold()
    return text.translate(_FOLD_TABLE)


def words(text: str) -> list[str]:
    """The folded words of a text, in order: "I-rắc rút quân" -> ["i", "rac", "rut", "quan"]."""
    folded = fold(text)
    # On folded ASCII text (lower case) the Unicode word pattern means exactly [a-z0-9].
    return _ASCII_WORD.findall(folded) if folded.isascii() else _WORD.findall(folded)


# Vietnamese's diacritics, decomposed: the tones (grave, acute, tilde, hook above, dot below)
# and the vowels' marks (circumflex, breve, horn); others ("Baghdād", "İstanbul") are no
# Vietnamese spelling and are not compared
_VIETNAMESE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
# the tones most often confused in writing (hook above and tilde, "hỏi" and "ngã": "Mỷ" for
# "Mỹ", "khõi" for "khỏi") are compared as one
_ALIKE = {"\u0303": "\u0309"}


@lru_cache(maxsize=1 << 16)
def marks(word: str) -> str:
    """A word's Vietnamese diacritics, wherever on the word they sit: "lần" -> "̂̀"
    (circumflex, grave), "hoà" and "hòa" alike, "Mỹ" and "Mỷ" alike, "đức" -> "đ̛́"; "" for
    a word without ("lan", "Iraq", "Baghdād")."""
    if word.isascii():
        return ""
    decomposed = unicodedata.normalize("NFD", word.lower())
    found = [_ALIKE.get(c, c) for c in decomposed if c in _VIETNAMESE_MARKS]
    return "".join(sorted(found + ["đ"] * decomposed.count("đ")))


def written_words(text: str, folded_words: list[str]) -> list[str] | None:
    """The words of ``text`` as written (lower case, with their Vietnamese diacritics only),
    one for each of ``folded_words`` (``words(text)``); None when the text has no diacritics,
    or when its words cannot be lined up with the folded ones."""
    if text.isascii():
        return None
    decomposed = unicodedata.normalize("NFD", text.lower())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in _VIETNAMESE_MARKS)
    written = _WORD.findall(unicodedata.normalize("NFC", kept))
    return written if len(written) == len(folded_words) else None


def word_marks(text: str, folded_words: list[str]) -> list[str] | None:
    """The diacritics (``marks``) of each of ``folded_words`` as ``text`` writes them; None
    as ``written_words``, or when a written word does not fold to its folded one."""
    written = written_words(text, folded_words)
    if written is None or any(_folded(w) != f for w, f in zip(written, folded_words, strict=True)):
        return None
    return [marks(w) for w in written]


@lru_cache(maxsize=1 << 16)
def _folded(word: str) -> str:
    return fold(word)


def marked_alike(written: str, folded: str, mark: str) -> bool:
    """Whether a text's ``written`` word (whose folded form the text lists as ``folded``)
    carries the diacritics ``mark``, or none (typed without them, or not the word folded)."""
    found = marks(written)
    return not found or found == mark or _folded(written) != folded
