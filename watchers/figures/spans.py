"""Folded text that remembers where each character came from, so matches map back to quotes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from watchers.text import fold

__all__ = ["Folded"]


@dataclass(frozen=True, slots=True)
class Folded:
    """``text`` folded character by character (``watchers.text.fold``), with a way back.

    ``origin[i]`` is the offset in ``original`` of the character that produced
    ``text[i]``; ``upper[i]`` tells whether it was upper case. Folding drops combining
    marks (so decomposed Vietnamese shrinks) and may expand a character ("ß" -> "ss"),
    so offsets are kept explicitly rather than assumed equal.
    """

    original: str
    text: str
    origin: tuple[int, ...]
    upper: tuple[bool, ...]

    @classmethod
    def of(cls, original: str) -> Folded:
        if original.isascii():
            n = len(original)
            return cls(
                original, original.casefold(), tuple(range(n)), tuple(c.isupper() for c in original)
            )
        pieces: list[str] = []
        origin: list[int] = []
        upper: list[bool] = []
        for i, ch in enumerate(original):
            f = fold(ch)
            pieces.append(f)
            origin.extend([i] * len(f))
            upper.extend([ch.isupper()] * len(f))
        return cls(original, "".join(pieces), tuple(origin), tuple(upper))

    def source(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``original`` that folded ``text[start:end]`` came from."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        # take the combining marks that were folded away along with their base letter
        while last < len(self.original) and _is_mark(self.original[last]):
            last += 1
        return first, last

    def quote(self, start: int, end: int) -> str:
        """The original text behind ``text[start:end]``."""
        a, b = self.source(start, end)
        return self.original[a:b]

    def capitalised(self, i: int) -> bool:
        return 0 <= i < len(self.upper) and self.upper[i]


def _is_mark(ch: str) -> bool:
    return unicodedata.combining(ch) != 0
