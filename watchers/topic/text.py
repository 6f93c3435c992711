"""Text normalisation shared by matching, duplicate detection and figure extraction.

Vietnamese arrives composed (NFC) or decomposed (NFD), with or without diacritics
("rút quân" / "rut quan"), and with "đ" which Unicode does not decompose. Every
comparison in the watchers goes through these functions so that they all agree.
"""

from __future__ import annotations

import html
import re
import unicodedata

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_BLOCK = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|/?blockquote|/?tr)\b[^>]*>", re.IGNORECASE)
_LINE_SPACE = re.compile(r"[^\S\n]+")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
# A word: letters and digits with the marks that belong to them; hyphens and
# apostrophes split words ("I-rắc" -> "i", "rắc"; "al-Asad" -> "al", "asad").
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# a line that points at another article, on folded text: "Related: …", "Read more: …", "Xem
# thêm: …", "Tin liên quan: …"; a label alone on its line points at the next line
_LINK = re.compile(
    r"\s*(?:related(?: stories| articles| news| coverage)?|read (?:more|also)|see also|also read"
    r"|more on this|xem them|doc them|tin lien quan|bai lien quan|tin cung chu de)\s*:(.*)"
)


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
    force to 2,000 by March", "Xem thêm:" and the headline under it): a page's links tell
    other stories, whose figures and words are not the article's."""
    kept: list[str] = []
    pointed = False  # the line before was a label alone: this one is its link
    for line in text.split("\n"):
        link = _LINK.fullmatch(fold(line))
        if link is None and not pointed:
            kept.append(line)
        pointed = link is not None and not link.group(1).strip()
    return "\n".join(kept)


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
