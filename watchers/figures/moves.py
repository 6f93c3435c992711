"""Deadlines put off or brought forward: which date a move goes to, and what it is said of.
Pure: no I/O; used by ``deadlines`` ("which was to end in September 2025, has been extended
until the end of 2026": the second date stands, the first is replaced)."""

from __future__ import annotations

import re

from watchers.figures.lexicon import HOAN

__all__ = ["came_from", "moved_to", "moves_to", "now_said"]

# A deadline put off (or brought forward) to the date that follows, said of the date before
# it (only auxiliaries, or the deadline itself, between): ", has been extended until the",
# "postponed to", "pushed back from September 2025 to", ", đã được lùi đến", "bị hoãn lại
# tới", "kéo dài đến". Not "the US presence will be extended to", "NATO's mission extended".
_MOVE = (
    r"(?:extended|postponed|delayed|pushed back|moved (?:back|up|forward)|brought forward|"
    rf"put off|lui|gia han|{HOAN}(?: lai)?|keo dai)\s+"
    r"(?:(?:again|once more|lai|them|by (?:a|one|two|six) (?:year|years|months?))\s*,?\s+)?"
    r"(?:until|till|to|through|into|den|toi|sang|cho den)\s*(?:the\s+)?$"
)
_MOVED_TO = re.compile(rf"\b{_MOVE}")
_MOVED_ON = re.compile(
    r"^\W*(?:(?:and|but|va|nhung)\s+)?(?:(?:the|this)\s+(?:deadline|withdrawal|date|pullout)\s+|"
    r"it\s+|thoi han(?: nay)?\s+|viec rut quan\s+)?"
    r"(?:(?:has|have|had|been|was|were|is|are|will|would|be|now|since|already|again|later|then|"
    rf"da|se|vua|duoc|bi)\s+)*{_MOVE}"
)
# "..., pushed back from September 2025 to": the date after "to" is the one it goes to
_FROM_TO = re.compile(r"^\s*(?:to|den|sang|toi)\s*(?:the\s+)?$")
# ... and the date before it came after a move and "from": "pushed back from", "lùi từ" (not
# "withdraw in two phases, from September 2025 to September 2026", a span)
_FROM_MOVE = re.compile(
    r"\b(?:extended|postponed|delayed|pushed back|moved (?:back|up|forward)|brought forward|"
    rf"put off|lui|gia han|{HOAN}(?: lai)?|keo dai)\s+(?:\S+\s+){{0,3}}?(?:from|tu)\s*$"
)
# What is moved is not the withdrawal: "talks on the withdrawal have been postponed until March"
_NOT_MOVED = re.compile(
    r"\b(?:talks|negotiations?|debate|meeting|vote|decision|hearing|dam phan|thao luan|"
    r"cuoc hop|phien hop|hoi dam|bo phieu|quyet dinh)\b"
)
# A date said "now" in its own clause: "troops will now leave by", "is now due by"
_NOW_SAID = re.compile(
    r"\b(?:(?:will|would|is|are|was|were)\s+now|now\s+(?:due|set|expected|scheduled|plans?))\b"
    r"[^,;]*$"
)


def moves_to(segment: str, came_from: bool) -> bool:
    """Whether the date after ``segment`` is where the deadline of the date before it is moved
    to: ", has been extended until", "from September 2025 to" (``came_from``: the date before
    came after "from"), not when talks or a vote are what is moved."""
    if _NOT_MOVED.search(segment):
        return False
    return _MOVED_ON.search(segment) is not None or (came_from and bool(_FROM_TO.match(segment)))


def came_from(text: str, previous_date: int) -> bool:
    """Whether the date at ``previous_date`` came after a move and "from" ("pushed back from")."""
    return _FROM_MOVE.search(text, 0, previous_date) is not None


def moved_to(segment: str) -> bool:
    """Whether ``segment`` ends by moving something (not talks or a vote) to the date after it,
    whoever says it ("việc rút quân đã được hoãn lại đến"): the move is past, the date is not."""
    return _MOVED_TO.search(segment) is not None and not _NOT_MOVED.search(segment)


def now_said(segment: str) -> bool:
    """Whether the date after ``segment`` is said "now" in its own clause ("will now leave by")."""
    return _NOW_SAID.search(segment) is not None
