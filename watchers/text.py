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


def fold(text: str) -> str:
    """Lower case without diacritics: "Rút quân khỏi I-rắc" -> "rut quan khoi i-rac".

    "đ"/"Đ" become "d". The result is ASCII for Vietnamese and English text, and
    keeps one character per input character position only for ASCII input.
    """
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def words(text: str) -> list[str]:
    """The folded words of a text, in order: "I-rắc rút quân" -> ["i", "rac", "rut", "quan"]."""
    return _WORD.findall(fold(text))
