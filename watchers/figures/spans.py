"""Folded text that remembers where each character came from, so matches map back to quotes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from watchers.topic.text import fold, nfc

__all__ = ["Folded"]

_THEN = re.compile(r"(?<!\w)[Rr]ồi(?!\w)")


@dataclass(frozen=True, slots=True)
class Folded:
    """``text`` folded character by character (``watchers.topic.text.fold``), with a way back.

    ``origin[i]`` is the offset in ``original`` of the character that produced ``text[i]``
    (None when that is ``i`` itself). Folding drops combining marks (so decomposed
    Vietnamese shrinks) and may expand a character ("ß" -> "ss"), so offsets are kept
    explicitly unless every character folds to exactly one.
    """

    original: str
    text: str
    origin: tuple[int, ...] | None

    @classmethod
    def of(cls, original: str) -> Folded:
        if all(len(fold(ch)) == 1 for ch in set(original)):
            return cls(original, fold(original), None)  # NFC text: one for one
        pieces: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(original):
            f = fold(ch)
            pieces.append(f)
            origin.extend([i] * len(f))
        return cls(original, "".join(pieces), tuple(origin))

    def _at(self, i: int) -> int:
        return i if self.origin is None else self.origin[i]

    def source(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that folded ``text[start:end]`` came from."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        first = self._at(start)
        last = self._at(end - 1) + 1 if end > start else first
        # take the combining marks that were folded away along with their base letter
        while last < len(self.original) and _is_mark(self.original[last]):
            last += 1
        return first, last

    def quote(self, start: int, end: int) -> str:
        """The original text behind ``text[start:end]``."""
        a, b = self.source(start, end)
        return self.original[a:b]

    def capitalised(self, i: int) -> bool:
        """Whether the character behind ``text[i]`` is upper case in the original."""
        return 0 <= i < len(self.text) and self.original[self._at(i)].isupper()

    def written(self, start: int, end: int) -> str:
        """The original text behind ``text[start:end]`` in lower case and composed (NFC): for
        words that folding makes alike ("nếu" and "nêu", "rời" and "rồi", "sẽ" and "sẻ")."""
        return nfc(self.quote(start, end)).lower()

    def then_apart(self) -> Folded:
        """This text with "rồi" (then, already), written with its marks, folded to "rxi" and
        not "roi", which the figures read as "rời" (leave): "tới Baghdad rồi sân bay Erbil" is
        no leaving of the airfield. Text without marks keeps "roi", which may be either."""
        if self.origin is not None or "ồ" not in self.original.lower():
            return self  # (decomposed text folds one character to several: left as it is)
        text = list(self.text)
        for m in _THEN.finditer(self.original):
            text[m.start() + 1] = "x"
        return Folded(self.original, "".join(text), None)


def _is_mark(ch: str) -> bool:
    return unicodedata.combining(ch) != 0
