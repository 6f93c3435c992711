"""When a troop level holds, from the words around it: history, the level now, or a plan.
Pure: no I/O.

A level restated from a past year is history, not the level now: "At the end of 2019, the US
still had about 5,200 troops", "Cuối năm 2019, Mỹ còn khoảng 5.200", "In September 2020, the US
cut its troops to 3,000", in an article of 2024. A sentence opened by a time before the
publication's year (``fronted_past``: only words of time before the year, set off by a comma;
not "Since 2020,", "Under a deal from 2021,", "Tính từ năm 2021,") tells a level of that time,
unless a new clause or a word of now comes between ("In 2021, the US ended its combat
mission, but it still has about 2,500"), the words after the number say it still holds
(``still_so``: "…, where they remain", "mức hiện vẫn được duy trì"; not "more than it has
today", "still far below"), or a plan said then names a year not yet past (``ahead``).
"""

from __future__ import annotations

import re

__all__ = ["ahead", "fronted_past", "still_so"]


def still_so(text: str, b: int, next_start: int, end: int) -> bool:
    """The words after the number ending at ``b``, up to the next number (``next_start``), a
    new clause or a comparison (the sentence ends at ``end``), say the level still holds."""
    stop_at = next_start if next_start < end else end
    stop = _STILL_STOP.search(text, b, stop_at)
    if stop:
        stop_at = stop.start()
    m = _STILL_SO.search(text, b, stop_at)
    # "…xuống 3.000, và hiện nay con số này là khoảng 2.500": the now-word leads to the next
    # number, not back to this one
    if m and stop_at == next_start < end and "," not in text[m.end() : stop_at]:
        return False
    return m is not None


def ahead(sentence: str, year: int) -> bool:
    """Whether the sentence names a year from ``year`` on (not "next month": in a sentence
    that opens with a past year, that is next to the past year)."""
    return any(int(y) >= year for y in _YEAR.findall(sentence))


def fronted_past(left: str, year: int) -> bool:
    """Whether the sentence opens with a time before ``year`` ("In September 2020,", "Cuối năm
    2019,", "Tháng 9/2020,"; not "Since 2020,") that still governs the number's clause: no
    clause break ("; today", ", but") or word of now ("now", "has kept", "hiện") between them."""
    m = _FRONTED_TIME.match(left)
    if m is None or int(m["year"]) >= year:
        return False
    return not _NOW_BETWEEN.search(left, m.end())


# a time that opens the sentence, set off by a comma: "In September 2020,", "Tháng 9/2020,"
# only words of time before the year: not "Since 2020,", "Ever since", "Starting in", "Under a
# deal from 2021,", "Parliament voted in 2020,", "Tính từ năm 2021,", "Theo thỏa thuận năm 2021,"
_FRONTED_TIME = re.compile(
    r"\W*(?:(?:and|but|va|nhung)\s+)?"
    r"(?:(?:in|at|by|on|during|back|as of|until|till|through|throughout|around|the|its|of|"
    r"end|start|beginning|middle|height|peak|late|early|mid|mid-|fall|spring|summer|winter|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    r"july|august|september|october|november|december|"
    r"vao|hoi|trong|cuoi|dau|giua|nam|thang|ngay|luc|thoi diem|tinh den|den het)\.?,?\s+"
    r"(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?){0,5}?"
    r"(?:\d{1,2}/){0,2}(?P<year>(?:19|20|21)\d{2})\s*,"
)
# between the fronted time and the number: a new clause, or a word of now
_NOW_BETWEEN = re.compile(
    r";|\b(?:but|yet|while|whereas|although|though|nhung|trong khi|mac du|"
    r"now|today|currently|presently|hien|hien nay|hien tai|den nay|cho den nay|"
    r"(?:has|have)\s+(?:\S+\s+)?(?:kept|maintained|had|held|stayed|remained|been)|"
    r"still\s+(?:has|have|keeps?|maintains?|numbers?|is|are|stands?))\b"
)
# the level still holds, said after the number: "..., where they remain", "hiện vẫn" (not
# "more than it has today", "remain a target", "still far below", "so với hiện nay")
_STILL_SO = re.compile(
    r"\b(?:remains?(?!\s+(?:a|an|the|under|at risk|vulnerable|exposed|targets?|unclear|"
    r"uncertain|divided|wary|concerned)\b)|still(?!\s+(?:\S+\s+)?(?:below|above|under|over|"
    r"than|fewer|more|less|lower|higher|far)\b)|today|to this day|currently|now|hien nay|"
    r"hien van(?! bi\b)|van con|den nay|cho den nay|unchanged|since then|giu nguyen|"
    r"(?:has|have) (?:\S+ )?(?:maintained|kept|held) since)\b"
)
# where a tail after the number stops being about it: a new clause or a comparison
_STILL_STOP = re.compile(
    r";|\b(?:but|yet|while|whereas|although|though|than|compared|unlike|according to|"
    r"nhung|trong khi|mac du|so voi|gap|hon)\b"
)
_YEAR = re.compile(r"\b((?:19|20|21)\d{2})\b")
