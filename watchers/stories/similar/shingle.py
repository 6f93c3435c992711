"""What an article's text is made of for near-duplicate detection: cleaned lines, tokens, shingles.

Pure: no I/O. Everything goes through ``watchers.topic.text`` (``nfc``, ``fold``, ``words``) so that
NFC and NFD, upper and lower case, and text with or without Vietnamese diacritics all give the
same tokens. On top of that:

* numbers are normalised: thousands separators are dropped, so "2.500" (Vietnamese), "2,500"
  (English) and "2 500" (with a no-break or thin space) are all the token "2500";
* links to other articles ("Related: ...", "Xem thêm: ..."), photo captions ("... Ảnh:
  Reuters", "(Nguồn: TTXVN)", "Photo: AP") and lines of fewer than
  four words (bylines, "Theo Reuters", "(TTXVN/Vietnam+)") are dropped, and a line repeated
  later in the article (a caption printed twice, seed 000) counts once;
* a shingle is a pair of consecutive folded syllables (Vietnamese) or words (English): a
  Vietnamese word is usually two syllables, so a shingle is about one word there and a
  phrase in English. A text of a single token has that token as its one shingle.
"""

from __future__ import annotations

import re
from itertools import pairwise

from watchers.topic.text import fold, nfc, without_links, words

__all__ = ["clean_lines", "normalise_numbers", "shingle_texts", "tokens"]

# "2.500", "2,500", "1.234.567" — thousands groups, not a decimal ("2,5", "2.5").
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)")
# "2 500" with a no-break or narrow no-break space, as some outlets typeset it.
_THOUSANDS_SPACED = re.compile(r"(?<!\d)\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)")
_SEPARATORS = re.compile(r"[.,\u00a0\u202f\u2009]")
# A caption or a credit, on folded text: "... anh: reuters", "(nguon: ttxvn)", "photo: ap".
_CAPTION = re.compile(
    r"(?:^|[\s.(\[|])(?:anh|anh minh hoa|nguon|photo|photograph|image|credit|file photo)"
    r"\s*:\s*[^.:]{0,60}[)\]]?\s*\.?\s*$"
)
_MIN_LINE_WORDS = 4


def normalise_numbers(text: str) -> str:
    """Drop thousands separators: "2.500", "2,500" and "2 500" all become "2500"."""
    text = _THOUSANDS.sub(lambda m: _SEPARATORS.sub("", m.group()), text)
    return _THOUSANDS_SPACED.sub(lambda m: _SEPARATORS.sub("", m.group()), text)


def clean_lines(body: str) -> list[str]:
    """The body's lines that carry the story: no captions, credits, bylines or repeats.

    Lines are NFC. A line is dropped when it points at another article ("Related: ...",
    ``text.without_links``), is a caption (ends with "Ảnh: ...", "Photo: ...", "(Nguồn:
    ...)"), has fewer than four words, or has the same words as a line kept before it.
    """
    kept: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for raw in without_links(nfc(body)).splitlines():
        line = raw.strip()
        key = tuple(words(line))
        if len(key) < _MIN_LINE_WORDS or key in seen or _CAPTION.search(fold(line)):
            continue
        seen.add(key)
        kept.append(line)
    return kept


def tokens(text: str) -> list[str]:
    """Folded words, numbers normalised: "Rút 2.500 binh sĩ" -> ["rut", "2500", "binh", "si"]."""
    return words(normalise_numbers(nfc(text)))


def shingle_texts(title: str, body: str) -> set[str]:
    """The shingles of an article: consecutive token pairs of the title and the cleaned body.

    Pairs never span the title and the body, nor two lines, so a changed headline or a
    dropped paragraph changes only its own shingles.
    """
    out: set[str] = set()
    for line in [title, *clean_lines(body)]:
        toks = tokens(line)
        if len(toks) == 1:
            out.add(toks[0])
        out.update(f"{a} {b}" for a, b in pairwise(toks))
    return out
