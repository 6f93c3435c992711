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
# A word: letters and digits with the marks that belong to them; hyphens and
# apostrophes split words ("I-rắc" -> "i", "rắc"; "al-Asad" -> "al", "asad").
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def nfc(text: str) -> str:
    """The composed (NFC) form, which is what we store, hash and match."""
    return unicodedata.normalize("NFC", text)


def strip_html(markup: str) -> str:
    """Plain text from an HTML fragment: tags dropped, entities decoded, spaces collapsed."""
    text = _TAG.sub(" ", markup)
    text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


def _fold_char(ch: str) -> str:
    """The reference definition of folding, for one character (or a whole text)."""
    decomposed = unicodedata.normalize("NFD", ch.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each code point the first time it is seen.

    Every step of ``_fold_char`` works character by character (NFD decomposes each
    character on its own, and the combining marks that canonical reordering would move
    are the ones dropped), so translating with this table gives the same result as
    folding the whole text, about 2.5 times faster on Vietnamese text. The table stops
    growing at ``_FOLD_CACHE_LIMIT`` code points so hostile input cannot bloat it.
    """

    def __missing__(self, code_point: int) -> str:
        folded = _fold_char(chr(code_point))
        if len(self) < _FOLD_CACHE_LIMIT:
            self[code_point] = folded
        return folded


_FOLD_CACHE_LIMIT = 65_536
_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case without diacritics: "Rút quân khỏi I-rắc" -> "rut quan khoi i-rac".

    "đ"/"Đ" become "d". The result is ASCII for Vietnamese and English text, and
    keeps one character per input character position only for ASCII input.
    """
    if text.isascii():
        return text.casefold()
    return text.translate(_FOLD_TABLE)


def words(text: str) -> list[str]:
    """The folded words of a text, in order: "I-rắc rút quân" -> ["i", "rac", "rut", "quan"]."""
    return _WORD.findall(fold(text))
