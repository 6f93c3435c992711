"""Deadlines put off or brought forward: which date a move goes to, and what it is said of.
Pure: no I/O; used by ``deadlines`` ("which was to end in September 2025, has been extended
until the end of 2026": the second date stands, the first is replaced)."""

from __future__ import annotations

import re

from watchers.figures.lexicon import HOAN

__all__ = [
    "came_from", "moved_to", "moves_to", "now_said", "of_deadline", "put_off", "replaced", "stands",
]  # fmt: skip

# The words of a deadline put off or brought forward, as said of it: "extended", "đã được lùi"
_MOVED = (
    r"extended|postponed|delayed|pushed back|moved (?:back|up|forward)|brought forward|"
    rf"put off|lui|gia han|{HOAN}(?: lai)?|keo dai|doi lai"
)
# A deadline put off (or brought forward) to the date that follows, said of the date before
# it (only auxiliaries, or the deadline itself, between): ", has been extended until the",
# "postponed to", "pushed back from September 2025 to", ", đã được lùi đến", "bị hoãn lại
# tới", "kéo dài đến". Not "the US presence will be extended to", "NATO's mission extended".
_MOVE = (
    rf"(?:{_MOVED}|doi(?= sang))\s+"
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
_FROM_TO = re.compile(r"^\s*(?:to|den|sang|toi|len)\s*(?:the\s+)?$")  # "lên": brought forward
# ... and the date before it came after a move and "from": "pushed back from", "lùi từ" (not
# "withdraw in two phases, from September 2025 to September 2026", a span); up to 24 words
# after the move, Vietnamese words being syllables ("lùi thời hạn quân Mỹ rời trại Ferrand ở
# Baghdad và phần còn lại của Iraq liên bang từ")
_FROM_MOVE = re.compile(
    rf"\b(?:{_MOVED}|extend(?:s|ing)?|postpon\w*|delay(?:s|ing)?|push(?:es|ing)? back|"
    r"mov(?:e|es|ing) (?:back|up|forward)|bring(?:s|ing)? forward|(?<!quan )doi|"
    # "moved the date for leaving federal Iraq from", "changed the US withdrawal deadline from"
    r"(?:mov|chang|shift|push|revis)(?:e|es|ed|ing|s)?"
    r"(?=\s+(?:the|its|their)\s+(?:[\w'’]+\s+){0,3}?(?:date|deadline)\b)|"
    r"(?:dua|dieu chinh|chuyen) (?:han chot|thoi han)|day som)\s+(?:\S+\s+){0,24}?"
    r"(?:from|tu)\s*$"
)
# The date before was said as the deadline ("hạn chót tháng 9/2025", "the September 2025
# deadline"): a move in the words after it is of that date
_DEADLINE_BEFORE = re.compile(r"\b(?:han chot|thoi han|deadline of|deadline)\s*$")
_DEADLINE_AFTER = re.compile(r"\s*(?:deadline|target date)\b")
# A date said as the one first set: "originally due in", "planned for", "vốn dự kiến vào"
_ORIGINAL = re.compile(
    r"\b(?:originally|initially|was to|were to|had been set to|due|set for|planned for|"
    r"scheduled for|du kien|von|ban dau|truoc do)\b[^,;]{0,40}$"
)
# ... said so at first, in a sentence that moves a date: "vốn cho phép … tới", "originally"
_AT_FIRST = re.compile(
    r"\b(?:(?:originally|initially) (?:allowed|due|set|scheduled|planned|agreed)|von (?:cho phep|"
    r"du kien|quy dinh|an dinh|la (?:ngay|moc|thoi han))|ban dau (?:du kien|quy dinh))\b"
    r"[^,;]{0,140}$"
)  # not "troops originally based in Baghdad"
# ...or the former one, whatever comes after it
_FORMER = re.compile(  # (not "the rest by the original date of 30 September")
    r"\b(?:(?:thoi han|han chot|moc)\s+(?:truoc do|cu|ban dau)|(?:previous|earlier|original|old|"
    r"former)\s+(?:deadline|date|target date))\s+(?:was|had been|la)\b[^,;]{0,20}$"
)
# ... and put off right after it, with no new date: ", was postponed by a year", ", đã bị hoãn"
_PUT_OFF_AFTER = re.compile(
    r"\s*,\s*(?:(?:was|were|is|are|has been|have been|had been)\s+(?:now\s+|since\s+)?|"
    rf"(?:(?:da|vua)\s+)?(?:duoc|bi)\s+)(?:{_MOVED})\b"
)
# What is moved is not the withdrawal: "talks on the withdrawal have been postponed until March"
_NOT_MOVED = re.compile(
    r"\b(?:talks|negotiations?|debate|meeting|vote|decision|hearing|dam phan|thao luan|"
    r"cuoc hop|phien hop|hoi dam|bo phieu|quyet dinh)\b"
)
# A date said to stand, right before it ("the date … remains 30 June", "vẫn là ngày 31/12")
# or right after it ("31 December 2059, was not changed", "cuối năm 2055, giữ
# nguyên"); not troops that remain until it ("will remain at Sarkan until 30 September")
_STANDS_BEFORE = re.compile(
    r"\b(?:(?:deadline|date)\b[^.;,]{0,60}?\b(?:remains|stays|is still)|van la|van con la|"
    # "remain on course to leave by", "remains set for"
    r"remains? (?:on course|on track|set)(?: to \w+(?: \w+)?)?(?: by| for| until)?)"
    r"\s+(?:ngay\s+)?$"
)
_STANDS_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:is|was|were|has|have|had|been|did|does|still|van|duoc)\s+)*"
    r"(?:unchanged|not (?:been )?chang\w*|giu nguyen|khong (?:thay )?doi|as scheduled|"
    r"khong nam trong chuong trinh nghi su)\b"
    # "leaves the 30 September 2114 date for the Kurdistan region unchanged"
    r"|\s+(?:date|deadline)\b[^.;,]{0,40}?\bunchanged\b"
    # "\"31 March 2119 is the date\"", "31/3/2119 vẫn là thời hạn"
    r"|\s*(?:is|remains|van la|van con la) (?:still )?(?:the (?:date|deadline)|thoi han|moc)\b"
)
# A date said "now" in its own clause: "troops will now leave by", "is now due by"
_NOW_SAID = re.compile(
    r"\b(?:(?:will|would|is|are|was|were)\s+now|now\s+(?:due|set|expected|scheduled|plans?))\b"
    r"[^,;]*$"
)


def moves_to(segment: str, came_from: bool, of_deadline: bool = False) -> bool:
    """Whether the date after ``segment`` is where the deadline of the date before it is moved
    to: ", has been extended until", "from September 2025 to" (``came_from``: the date before
    came after "from"), "hạn chót tháng 9/2025 … đã được lùi đến" (``of_deadline``: the date
    before was said as the deadline); not when talks or a vote are what is moved."""
    if _NOT_MOVED.search(segment):
        return False
    if _MOVED_ON.search(segment) or (came_from and _FROM_TO.match(segment)):
        return True
    return of_deadline and _MOVED_TO.search(segment) is not None


def of_deadline(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is said as the deadline ("hạn chót tháng
    9/2025", "the September 2025 deadline")."""
    return bool(_DEADLINE_BEFORE.search(text, 0, start) or _DEADLINE_AFTER.match(text, end))


def put_off(text: str, segment: str, end: int, after_end: int, moves: bool = False) -> bool:
    """Whether the date ending at ``end`` was the one first set and is said put off right
    after it, with no new date ("originally due in September 2025, was postponed by a year",
    "dự kiến vào tháng 9/2025, đã bị hoãn"), or is said to be the former one ("The previous
    deadline was 30 September", "Thời hạn trước đó là ngày 30/9"), or its sentence ``moves``
    a date and says this one was so at first ("đẩy sớm cột mốc …, vốn cho phép quân Mỹ ở lại
    … tới ngày 31/12/2052"): it is a deadline no longer."""
    if _FORMER.search(segment) or (moves and _AT_FIRST.search(segment)):
        return True
    return (
        bool(_ORIGINAL.search(segment)) and _PUT_OFF_AFTER.match(text, end, after_end) is not None
    )


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


def stands(text: str, segment: str, end: int, after_end: int) -> bool:
    """Whether the date ending at ``end`` is said to stand (``_STANDS_BEFORE`` at the end of
    ``segment``, ``_STANDS_AFTER`` right after it): a date restated, never moved."""
    return bool(_STANDS_BEFORE.search(segment) or _STANDS_AFTER.match(text, end, after_end))


# The date another replaces or is compared with, said before it: "so với 30/9", "instead of",
# "rather than", "earlier than the agreed date of" (not "no later than": by then), "sớm hơn
# thời hạn" (not "không muộn hơn")
_REPLACED = re.compile(
    r"\b(?:so voi|thay vi|instead of|rather than|(?<!no )(?<!not )(?:earlier|later|sooner) than|"
    r"(?<!khong )(?:som|muon|tre) hon)(?:\s+(?:the|agreed|original|previous|date|deadline|of|"
    r"thoi han|han chot|han|moc|ngay))*\s*$"
)


def replaced(segment: str) -> bool:
    """Whether the words before a date (folded) say it is the date replaced or compared with."""
    return _REPLACED.search(segment) is not None
