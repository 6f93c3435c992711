"""The day of the event an article reports, read from its lead. Pure: no I/O.

An article is dated by the event its lead reports, not by when it was (re)posted: a repost
published on Tuesday of "President Trump met ... on Thursday" reports Thursday's meeting,
five days earlier, and a Vietnamese report of "ngày 28/1" published on the 29th reports
the 28th. Story matching compares these days (``Evidence.published``), so two reports of
one event agree on their day even when one outlet posts a day or a week later, and a later
article that only mentions an earlier event in passing is not pulled into its news cycle.

The lead is the title and the first two cleaned lines, read line by line; in a line, an
English weekday, else a day and month, else a Vietnamese weekday:

* English: "on/late/early/last <weekday>", and in wire style after a verb of saying ("said
  Tuesday", "told reporters Tuesday") — the most recent such weekday on or before the
  publication day ("on Monday" in a Monday article is that day), but not one in a clause of
  what is to come ("are expected to agree on Tuesday", "will meet on Monday");
* Vietnamese: "ngày/hôm D/M", "D-M" or "D.M" (also "sáng/trưa/chiều/tối/đêm D/M", "hôm thứ
  Hai (26/7)"; with or without diacritics, but "sáng" and "tối" only with them) — that day of the
  publication's year, or of the year before when it would fall after the publication; with a
  year ("D/M/YYYY"), that day; else "hôm thứ Hai" — the most recent Monday on or before the
  publication day, as in English (not "thứ Hai tới", next Monday, nor "thứ Hai tuần trước").
  "Hôm qua" (yesterday) alone is not read: measured, it cost precision (design.md); with its
  day in brackets ("hôm qua (6/3, giờ Mỹ)", "Sáng nay (13/3)") it is that day.

The publication day is the day where the article's language is written
(``watchers.figures.publication_day``).

A date more than ``MAX_DAYS_BACK`` before publication is ignored (a lead recalling an old
event), and so is a lead with no date: the publication day stands. ``EventDay.named`` says
whether the lead named the day: two leads that name different days report different events
(``verdict.ruled``), a day that only stands for the publication says nothing of the event.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from watchers.figures import VI_DAY_WORDS
from watchers.stories.similar.shingle import clean_lines
from watchers.topic.text import fold, nfc

__all__ = ["MAX_DAYS_AHEAD", "MAX_DAYS_BACK", "EventDay", "awaited_day", "event_day"]

MAX_DAYS_BACK = 7
MAX_DAYS_AHEAD = 7
_LEAD_LINES = 2
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_WEEKDAY = re.compile(
    r"\b(?:on|late|early|last|said|says|announced|confirmed|reported|added|stated|declared"
    r"|told \w+) (" + "|".join(_WEEKDAYS) + r")\b(?!['’]s)(?! (?:would|will|is|was|as)\b)"
)  # wire style ("the Pentagon said Tuesday"); not "said Tuesday's vote", "said Friday would"
# Vietnamese weekdays are read with their diacritics: folded, "tới" (next) is "tối" (evening)
_VI_WEEKDAYS = ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật")
_VI_WEEKDAY = re.compile(
    r"\bhôm (" + "|".join(_VI_WEEKDAYS) + r")\b(?! (?:tới|tuần tới|tuần sau|tuần trước|sau|này))"
)  # "hôm thứ Hai", not "thứ Hai tới" (next Monday) nor "thứ Hai tuần trước" (a week before)
_VI_FOLDED = tuple(fold(d) for d in _VI_WEEKDAYS)
# without diacritics "sang" is "moved to" ("hoãn sang 6/2") and "toi" is "tôi" (I)
_DAY_WORDS = (*VI_DAY_WORDS, *(w for w in map(fold, VI_DAY_WORDS) if w not in ("sang", "toi")))
# after "D/M", a unit or a month says it is a count or a range, not a day ("tấn công" is not
# tons); "giờ" is hours unless a zone follows ("6/2 giờ Mỹ")
_UNITS = (
    *("lần", "lan", "tháng", "thang", "tấn(?! công)", "tan(?! cong)", "triệu", "trieu"),
    *("tỷ", "ty", "nghìn", "nghin", "ngàn", "ngan", "người", "nguoi", "binh", "chiếc"),
    *("chiec", "km", "phút", "phut"),
)
_ZONE = "mỹ|my|địa phương|dia phuong|việt nam|viet nam|hà nội|ha noi"
_VI_DAY = re.compile(  # over lower-case text, with or without diacritics
    r"(?<!mỗi )(?<!moi )\b(?:(?:" + "|".join(_DAY_WORDS) + r") "
    r"|(?:hôm|hom|sáng|chiều|tối|đêm|trưa|chieu|dem|trua) (?:"
    + "|".join(_VI_WEEKDAYS + _VI_FOLDED)
    + r") \("  # "Tối thứ Năm (14/7, giờ Washington)"
    # "hôm qua (6/3, giờ Mỹ)", "Sáng nay (13/3, giờ địa phương)": the day in brackets
    r"|(?:hôm|hom|sáng|sang|chiều|chieu|tối|toi|đêm|dem) (?:qua|nay) \()"
    r"(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?(?![/.-]?\d)"
    r"(?! ?(?:(?:" + "|".join(_UNITS) + r")(?!\w)|(?:giờ|gio)(?! (?:" + _ZONE + r"))|%))"
)  # not "mỗi ngày 2-3 lần" (a count) nor "ngày 5-6 tháng 10" (a range of days)


class EventDay(NamedTuple):
    """The day of the event (None: no publication day either) and whether the lead named it."""

    day: date | None
    named: bool


def event_day(title: str, body: str, published: date | None) -> EventDay:
    """The day of the event the lead reports; ``published`` when the lead names no day."""
    if published is None:
        return EventDay(None, False)
    for n, line in enumerate([title, *clean_lines(body)[:_LEAD_LINES]]):
        lower = nfc(line).lower()
        found = _weekday(_past_weekday(fold(lower), headline=n == 0), _WEEKDAYS, published)
        to_come = False
        if found is None:
            found, to_come = _day_month(lower, published)
        found = found or _weekday(_VI_WEEKDAY.search(lower), _VI_WEEKDAYS, published)
        if found is not None:
            return EventDay(found, True)
        if to_come:
            break  # the lead's news is still to come: a day further down is background
    return EventDay(published, False)


# what is to come on a weekday: "are expected to agree on Tuesday", "will meet on Monday"
_AHEAD = re.compile(
    r"\b(?:will|would|shall|expected to|set to|due to|scheduled to|plans? to|are to|is to|to be)\b"
    r"(?:\s+(?:(?:be|been|being)\s+[^\s,;.]+|(?!(?!united\b)[^\s,;.-]*ed\b)[^\s,;.]+)){0,6}\s+$"
)  # "will hold talks with President Joe Biden on Monday"; not "will not be drawn into the cut
# announced in Washington on Monday" (Monday's cut), "would expel US troops passed parliament
# on Sunday" (a verb of the past closes what was to come)
# a headline's infinitive: "Iraq to ask US on Tuesday", "Austin to travel to Baghdad on
# Tuesday" (not "Parliament votes to expel US troops on Sunday", "Troops begin to leave …",
# "US hands base to Iraqi forces", "Iraq summons US envoy to protest strike")
_HEADLINE_AHEAD = re.compile(
    r"^\W*(?:[^\s,;.:]+\s+){0,3}(?!(?:votes?|voted|begins?|began|start(?:s|ed)?|wants?|vows?|"
    r"plans?|agrees?|agreed|threatens?|refuses?|seeks?|needs?|has|have|had|is|are|was|were|sets?|"
    r"ready|orders?|urges?|asks?|tells?|hands?|summons|returns?|moves?|heads?|continues?|fails?|"
    r"decides?|prepares?|going|used|able|due|expected|likely|about)\s)[^\s,;.:]+(?<!ed)\s+to\s+"
    r"(?:\w+ly\s+)?(?:ask|meet|hold|discuss|decide|announce|sign|visit|debate|consider|seek|"
    r"request|unveil|present|vote|resume|host|review|brief|testify|name|set|travel|convene|"
    r"launch|leave|withdraw|hand|end|begin|start|open|close|pull|cut|receive|welcome|talk|"
    r"confirm|approve|reveal|outline|submit)\b(?:\s+[^\s,;.:]+){0,6}\s+$"
)


def _past_weekday(folded: str, *, headline: bool = False) -> re.Match[str] | None:
    """The first English weekday that dates what happened, not what is to come (in a
    ``headline``, not after its infinitive either)."""
    return next(
        (
            m
            for m in _EN_WEEKDAY.finditer(folded)
            if not _AHEAD.search(folded, 0, m.start())
            and not (headline and _HEADLINE_AHEAD.match(folded, 0, m.start()))
        ),
        None,
    )


def _weekday(m: re.Match[str] | None, names: tuple[str, ...], published: date) -> date | None:
    """The most recent day on or before ``published`` of the weekday ``m`` names (one of
    ``names``, Monday first)."""
    if m is None:
        return None
    return published - timedelta(days=(published.weekday() - names.index(m.group(1))) % 7)


def awaited_day(title: str, body: str, published: date | None) -> date | None:
    """The day after the publication day (by ``MAX_DAYS_AHEAD`` at most) that the lead (the
    title and the first two cleaned lines) names for what is still to come: an English weekday
    in a clause of the future ("Iraq will ask the United States on Monday", in a Sunday
    article), a Vietnamese day and month ("… diễn ra tại Baghdad vào thứ Hai (9/6)", "ngày
    9/6"), a weekday of this week or the next ("vào thứ Năm tuần này", "thứ Hai tuần tới") or
    tomorrow ("ngày mai"); None if it names none. Such a lead awaits an act: a report
    whose lead names that day or a later one for its own event tells what came after it
    (``verdict.other_day``)."""
    if published is None:
        return None
    for n, line in enumerate([title, *clean_lines(body)[:_LEAD_LINES]]):
        folded = fold(nfc(line).lower())
        ahead = [
            published + timedelta(days=(_WEEKDAYS.index(m.group(1)) - published.weekday()) % 7)
            for m in _EN_AHEAD_DAY.finditer(folded)
            if m.group(0).startswith("next")
            or (_AHEAD.search(folded, 0, m.start()) and not _DONE_ON.search(folded, 0, m.start()))
            or (n == 0 and _HEADLINE_AHEAD.match(folded, 0, m.start()))
        ]
        ahead += [published + timedelta(days=1)] * len(_VI_TOMORROW.findall(folded))
        ahead += [_vi_weekday_ahead(m, published) for m in _VI_WEEKDAY_AHEAD.finditer(folded)]
        today = False  # a meeting later on the day of publication, said to come
        for m in _VI_AHEAD_DAY.finditer(folded):
            year = int(m.group(3)) if m.group(3) else published.year
            try:
                ahead.append(date(year, int(m.group(2)), int(m.group(1))))
            except ValueError:
                continue
            today = today or (
                ahead[-1] == published
                and (_VI_FUTURE.search(folded, 0, m.start()) is not None or _later_today(folded, m))
            )
        found = [d for d in ahead if 0 < (d - published).days <= MAX_DAYS_AHEAD]
        found += [published] if today else []
        if found:
            return min(found)
    return None


# folded: "vào thứ Năm tuần này", "thứ Hai tuần tới" (not "hôm thứ Năm", "từ thứ Hai tới thứ Sáu")
_VI_WEEKDAY_AHEAD = re.compile(
    r"(?<!\bhom )(?<!\btu )\b(" + "|".join(_VI_FOLDED) + r") (tuan nay|tuan toi|tuan sau)\b"
)


def _vi_weekday_ahead(m: re.Match[str], published: date) -> date:
    """The day a Vietnamese weekday of this week or the next names (one before ``published``
    when this week's is past: not ahead)."""
    days = _VI_FOLDED.index(m.group(1)) - published.weekday()
    if m.group(2) != "tuan nay":
        days += 7
    return published + timedelta(days=days)


_EN_AHEAD_DAY = re.compile(r"\b(?:on|next) (" + "|".join(_WEEKDAYS) + r")\b")
# what was done on the day: "would reject the cut announced on Monday", "left on Monday"
_DONE_ON = re.compile(r"\b(?:\w+ed|left|held|made|took|met|said|told|began|came|went)\s+$")
# folded: "vào thứ Hai (9/6)", "ngày 9/6", "sáng 9/6"; not "2/3 số quân" (no word of a day)
_VI_AHEAD_DAY = re.compile(
    r"\b(?:ngay|vao|sang|chieu|toi|dem|(?:thu (?:hai|ba|tu|nam|sau|bay)|chu nhat) \(|"
    r"(?:hom|sang|chieu|toi|dem) nay \()"
    r" ?(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?(?![/.-]?\d)(?! ?(?:so|phan|%))"
)  # not "cắt giảm vào 2/3 số quân" (a share)
# what is to come later in the sentence: "hôm nay (12/3) nhóm họp …, … được cho là sẽ đề nghị"
_VI_FUTURE_AFTER = re.compile(
    r"[^.]*?(?<!tuyen bo )(?<!cho biet )(?<!thong bao )(?<!khang dinh )(?<!noi )(?<!cam ket )"
    r"\b(?:se|du kien|sap)\b"
)  # not "tuyên bố sẽ ngừng …": a statement made, of what is to come
_VI_TOMORROW = re.compile(r"\b(?:vao )?ngay mai\b")
_NAY = ("hom nay", "sang nay", "chieu nay", "toi nay", "dem nay")
# a word of the future before a date in its clause, folded: "Iraq sẽ đề nghị Mỹ trong phiên họp
# ngày 9/6", "dự kiến diễn ra ngày 9/6": the day of what is to come, not of the event
_VI_FUTURE = re.compile(r"\b(?:se|du kien|sap)\b[^.;,]{0,60}$")


# a word of the future earlier in the sentence: "Iraq sẽ đề nghị Mỹ …, tại cuộc họp … diễn ra
# hôm nay (11/5)" (not "Mỹ sẽ rút 500 quân, Lầu Năm Góc cho biết hôm nay": ``_VI_STATED``)
_VI_FUTURE_BEFORE = re.compile(  # not "chia sẻ", "như / hơn / so với dự kiến" (as expected)
    r"(?<!chia )(?<!nhu )(?<!hon )(?<!voi )\b(?:se|du kien|sap)\b(?=[^.]*$)"
)
# a statement right before the day: "…, Lầu Năm Góc cho hay hôm nay (11/5)", "theo thông cáo
# … phát đi hôm nay" (not "bài phát biểu về lộ trình … trước Quốc hội, vào chiều nay")
_VI_STATED = re.compile(
    r"\b(?:tuyen bo|cho biet|cho hay|thong bao|thong cao|khang dinh|nhan manh|noi|cong bo|"
    r"xac nhan|phat bieu|tiet lo|dan loi|phat di)(?:\s+\S+){0,4}\s+(?:vao\s+)?$"
)
_VI_DONE = re.compile(r"\bda\b")  # "đã" after the day: what the sentence tells is done


# before a day in its sentence, folded: yesterday said without a date ("tối qua", not "hôm qua
# (6/3)"): the lead's own day, unread, and the day after it another act's
_VI_ANOTHER_DAY = re.compile(  # not "hôm qua, ngày 10/5", "tối qua (giờ Mỹ), tức sáng nay (11/5)"
    r"\b(?:hom|sang|chieu|toi|dem) qua\b(?! \(\d)(?!,?\s*(?:ngay\s*)?$)[^.]*(?<!tuc )(?<!tuc la )$"
)


def _later_today(folded: str, m: re.Match[str]) -> bool:
    """Whether the day ``m`` found in ``folded`` (a line, folded) is said as today ("hôm nay
    (12/3)") with what is still to come in its sentence: after it (``_VI_FUTURE_AFTER``), or
    before it, not a statement made right before the day (``_VI_FUTURE_BEFORE``,
    ``_VI_STATED``), nothing told as done after it (``_VI_DONE``)."""
    if not folded.startswith(_NAY, m.start()):
        return False
    if _VI_FUTURE_AFTER.match(folded, m.end()) is not None:
        return True
    before = _VI_FUTURE_BEFORE.search(folded, 0, m.start())
    if before is None or _VI_STATED.search(folded, before.end(), m.start()):
        return False
    end = folded.find(".", m.end())
    return not _VI_DONE.search(folded, m.end(), end if end > 0 else len(folded))


def _day_month(lower: str, published: date) -> tuple[date | None, bool]:
    """The day a Vietnamese day and month in the line (lower case) names for its event, and
    whether the line names today for what is still to come (``_later_today``: "cuộc họp … diễn
    ra hôm nay (11/5)"; not a deadline to come, "sẽ rút trước ngày 30/9")."""
    folded = fold(lower)  # as long as ``lower``: a letter folds to one letter
    to_come = False
    for m in _VI_DAY.finditer(lower):
        if _later_today(folded, m):
            to_come = True
            continue  # today, what is to come: "hôm nay (12/3) nhóm họp, … sẽ đề nghị"
        if _VI_FUTURE.search(folded, 0, m.start()):
            continue  # the day of what is to come ("sẽ … trong phiên họp ngày 9/6")
        if _VI_ANOTHER_DAY.search(folded, 0, m.start()):
            continue  # another event's day: "Tối qua, … mở đầu đợt giảm quân mà Lầu Năm Góc
            # công bố hôm 6/10" (the lead's own day is yesterday, said without a date)
        day, month = int(m.group(1)), int(m.group(3))
        years = (int(m.group(4)),) if m.group(4) else (published.year, published.year - 1)
        for year in years:
            try:
                found = date(year, month, day)
            except ValueError:
                break
            if found <= published:
                if (published - found).days <= MAX_DAYS_BACK:
                    return found, to_come
                break
    return None, to_come
