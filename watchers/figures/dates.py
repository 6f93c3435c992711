"""Time expressions in Vietnamese and English news, resolved against the publication date.

"cuối năm 2021" / "by the end of 2021" -> ("2021", "year-end"); "tháng 9-2025", "tháng 9/2025",
"September 2025" -> ("2025-09", "month"); "giữa năm 2025" -> ("2025-06", "month");
"ngày 31-12-2021", "Dec. 31, 2021" -> ("2021-12-31", "day"); "năm 2021" / "in 2021" -> ("2021",
"year"). Relative forms ("cuối năm nay", "ngày 31-12
năm nay", "tháng Chín tới", "next September", "September next year", "the end of next year",
"by end of year", "by year's end", "this month", "over the next month", "tháng tới") need the
publication date; a month or day named without a
year is taken at its occurrence nearest to it, and ``DateMention.relative`` says so.

Like ``numbers``, the finder works on folded text (lower case, no diacritics).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal, get_args

__all__ = [
    "PRECISIONS", "YEAR_NUMBER", "DateMention", "Precision", "find_dates", "last_day",
    "parse_date", "told_part",
]  # fmt: skip

Precision = Literal["day", "month", "year", "year-end"]
PRECISIONS: tuple[Precision, ...] = get_args(Precision)


@dataclass(frozen=True, slots=True)
class DateMention:
    """One time expression: where it is in the folded text and what it means."""

    start: int
    end: int
    date: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    precision: Precision
    relative: bool = False  # the year was not written: "tháng Giêng", "by the end of the year"


_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_VI_MONTHS = {
    "gieng": 1, "mot": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6, "bay": 7,
    "tam": 8, "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12, "chap": 12,
}  # fmt: skip
_EN_MONTH = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_VI_MONTH = r"\d{1,2}|" + "|".join(sorted(_VI_MONTHS, key=len, reverse=True))
# a year (not a clock's "2100 GMT", "by 2130 on Monday")
_YEAR = r"(?:19\d{2}|20\d{2}|21\d{2}(?!\s*(?:gmt|utc|local|hours?|hrs|h\b|z\b|on\b|gio\b)))"
YEAR_NUMBER = re.compile(rf"(?<!\d){_YEAR}(?!\d)")  # a year written alone
_REL_VI = r"nam nay|nam sau|nam toi|nam ngoai|sap toi|toi|nay|sau"
_REL_EN = r"this|next|last|the same|that"

_D = r"(?P<d>\d{1,2})"
_M2 = r"(?P<m>\d{1,2})"
_VM = rf"(?P<m>{_VI_MONTH})"
_EM = rf"(?P<mn>{_EN_MONTH})"
_Y = rf"(?P<y>{_YEAR})"
_NOT_NUMBER = r"(?<![\d.,/])"

# Order matters: earlier patterns win where spans overlap.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # the middle of a year, by the end of its June: "giữa năm 2192" (read as its year before;
    # English "mid-2025" stays unread: read, it brought dates of other things into a fold)
    ("mid_year", re.compile(rf"\bgiua\s+nam\s+{_Y}\b(?!\s*(?:va|den|toi|-)\s)")),  # not "between"
    # --- Vietnamese -----------------------------------------------------------------
    ("vi_dmy", re.compile(rf"{_NOT_NUMBER}(?:ngay\s+)?{_D}[-/.]{_M2}[-/.]{_Y}(?!\d)")),
    (
        "vi_day_words",
        re.compile(
            rf"ngay\s+{_D}\s+thang\s+{_VM}"
            rf"(?:,?\s+(?:nam\s+)?{_Y}|\s+(?P<rel>{_REL_VI}))?\b"
        ),
    ),
    (
        "vi_dm",
        re.compile(
            rf"{_NOT_NUMBER}(?:(?P<p>ngay|hom|dem|sang|chieu|toi)\s+)?{_D}(?P<sep>[-/.]){_M2}"
            r"(?![\d/]|[-.]\d)(?:\s+(?P<rel>nam nay|nam sau|nam toi|nam ngoai))?"
        ),
    ),
    (
        "vi_month_end",
        re.compile(
            rf"cuoi\s+thang\s+{_VM}"
            rf"(?:\s*(?:[-/.]\s*|\s+nam\s+|\s+){_Y}|\s+(?P<rel>{_REL_VI}))?\b"
        ),
    ),
    ("vi_my", re.compile(rf"thang\s+{_VM}\s*(?:[-/.]\s*|,?\s+nam\s+|\s+){_Y}(?!\d)")),
    ("vi_m", re.compile(rf"thang\s+{_VM}(?:\s+(?P<rel>{_REL_VI}))?\b")),
    (
        "vi_year_end",
        re.compile(rf"(?:cuoi|het)\s+nam(?:\s+{_Y}|\s+(?P<rel>nay|sau|toi|ngoai))?\b"),
    ),
    ("vi_year", re.compile(rf"\bnam\s+{_Y}(?!\d)")),
    # --- English --------------------------------------------------------------------
    (
        "en_mdy",
        re.compile(rf"\b{_EM}\.?\s+{_D}(?:st|nd|rd|th)?(?:,?\s+{_Y})?(?![\d,]\d)"),
    ),
    (
        "en_dmy",
        re.compile(rf"\b{_D}(?:st|nd|rd|th)?\s+(?:of\s+)?{_EM}\b\.?(?:,?\s+{_Y})?"),
    ),
    (
        "en_my",
        re.compile(
            r"\b(?:(?:the\s+)?(?:end|close|beginning|start|middle)\s+of\s+|(?:late|early|mid)[- ])?"
            rf"{_EM}\b\.?,?\s+(?:of\s+)?{_Y}(?!\d)"
        ),
    ),
    ("en_m_rel_year", re.compile(rf"\b{_EM}\b\.?\s+(?:of\s+)?(?P<rel>{_REL_EN})\s+year\b")),
    (
        "en_year_end",
        re.compile(
            r"\b(?:(?:the\s+)?(?:end|close)\s+of\s+"
            rf"(?:{_Y}|(?:(?P<rel>the following|the|this|next|that)\s+)?year)"
            rf"|late[- ](?P<y2>{_YEAR})|(?P<ye>year[- ]end|year['’]s\s+end)\b)"
        ),
    ),
    ("en_m", re.compile(rf"\b(?:(?P<rel>{_REL_EN}|late|early|mid)[- ])?{_EM}\b(?!\.?\s*\d)")),
    ("en_year", re.compile(rf"\b(?:in|by|until|before|through|during|for)\s+{_Y}(?!\d)")),
    (
        "en_rel_year",
        re.compile(r"\b(?:in|by|until|before|during)\s+(?P<rel>next|this|last)\s+year\b"),
    ),
    # "this month", "over the next month", "trong tháng này", "tháng tới"
    (
        "rel_month",
        re.compile(
            r"\b(?:(?P<rel>this|next|the next|the coming|coming)\s+month"
            r"|(?<!nhung )(?<!\d )(?<!vai )(?<!cac )(?<!may )(?<!mot )(?<!hai )(?<!ba )(?<!bon )"
            r"(?<!nam )(?<!sau )(?<!bay )(?<!tam )(?<!chin )(?<!muoi )"  # "chín tháng sau": later
            r"thang\s+(?P<relvi>nay|toi|sau))\b"
            r"(?!\s*(?:[-/.]\s*)?\d)"
        ),
    ),
]


def _month(token: str) -> int | None:
    token = token.strip()
    if token.isdigit():
        month = int(token)
        return month if 1 <= month <= 12 else None
    return _EN_MONTHS.get(token, _VI_MONTHS.get(token))


def _nearest(month: int, published: date, rel: str | None) -> int:
    """The year of ``month`` nearest to ``published``, or the next/last one when told so."""
    here = published.year * 12 + published.month - 1
    if rel in ("toi", "sap toi", "next"):
        year = published.year if month > published.month else published.year + 1
        return year
    if rel == "last":
        return published.year if month < published.month else published.year - 1
    if rel in ("nay", "nam nay", "this"):
        return published.year
    candidates = [(published.year + dy) for dy in (0, 1, -1)]
    return min(candidates, key=lambda y: (abs(y * 12 + month - 1 - here), y < published.year))


def _relative_year(rel: str | None, published: date | None) -> int | None:
    if published is None:
        return None
    if rel in (None, "nay", "nam nay", "the", "this", "that"):
        return published.year
    if rel in ("sau", "toi", "nam sau", "nam toi", "next"):
        return published.year + 1
    if rel in ("ngoai", "nam ngoai", "last"):
        return published.year - 1
    return None


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _resolve(
    kind: str, m: re.Match[str], published: date | None, last_year: int | None
) -> tuple[str, Precision] | None:
    g = m.groupdict()
    rel = g.get("rel")
    if kind in ("vi_year", "en_year"):
        return g["y"], "year"
    if kind == "mid_year":
        return f"{g['y']}-06", "month"
    if kind == "rel_month":
        if published is None:
            return None
        ahead = (g.get("rel") or g.get("relvi")) not in ("this", "nay")
        index = published.year * 12 + published.month - 1 + int(ahead)
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    if kind == "en_rel_year":
        year = _relative_year(rel, published)
        return (str(year), "year") if year is not None else None
    if kind in ("vi_year_end", "en_year_end"):
        year_text = g.get("y") or g.get("y2")
        if year_text:
            return year_text, "year-end"
        if rel == "the following":  # "by September 2025, the rest by the end of the following year"
            base = last_year or (published.year if published else None)
            return (str(base + 1), "year-end") if base is not None else None
        year = _relative_year(rel, published)
        return (str(year), "year-end") if year is not None else None
    month = _month(g.get("m") or g.get("mn") or "")
    if month is None:
        return None
    year_text = g.get("y")
    if year_text:
        year = int(year_text)
    elif kind == "en_m_rel_year" and rel == "the same":
        if last_year is None:
            return None
        year = last_year
    elif published is None:
        return None
    elif rel in ("nam nay", "nam sau", "nam toi", "nam ngoai"):
        year = _relative_year(rel.removeprefix("nam "), published) or published.year
    elif kind == "en_m_rel_year":
        year = _relative_year(rel, published) or published.year
    else:
        year = _nearest(month, published, rel)
    if kind == "en_m" and rel == "mid":
        return f"{year:04d}-{month:02d}-15", "day"  # "by mid-January": the 15th
    if "d" in g and g["d"] is not None:
        day = int(g["d"])
        if not _valid_day(year, month, day):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    return f"{year:04d}-{month:02d}", "month"


def find_dates(
    folded: str,
    published: date | None,
    *,
    capitalised: Callable[[int], bool] | None = None,
    quote: Callable[[int, int], str] | None = None,
) -> list[DateMention]:
    """Every time expression in a folded text, earliest first, without overlaps.

    ``capitalised(i)`` tells whether the character at folded offset ``i`` was upper case in
    the original; English month names standing alone ("May", "March") count only then.
    ``quote(i, j)`` gives the original of ``folded[i:j]``: "tháng sau" (next month, or after:
    "chín tháng sau hội đàm") is June only written "tháng sáu".
    """
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    following: set[int] = set()  # where "the end of the following year" starts
    years = [(m.start(), int(m.group())) for m in YEAR_NUMBER.finditer(folded)]
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            start, end = m.span()
            if any(start < b and a < end for a, b in taken):
                continue
            if kind == "vi_dm" and m["sep"] == "." and m["p"] is None:
                continue  # "2.5" is a number; "ngày 31.8" is a date
            if quote and m.groupdict().get("m") == "sau" and _after_not_june(m, quote):
                continue  # written with its marks, "sau" is after, not June ("sáu")
            if kind in ("en_m", "en_mdy", "en_dmy", "en_m_rel_year"):
                month_at = m.start("mn")
                bare = kind == "en_m" and m["rel"] is None
                if (bare or m["mn"] in ("may", "mar")) and (
                    capitalised is None or not capitalised(month_at)
                ):
                    continue
            last_year = next((y for pos, y in reversed(years) if pos < start), None)
            if kind == "en_year_end" and m["rel"] == "the following":
                following.add(start)
            resolved = _resolve(kind, m, published, last_year)
            if resolved is None:
                continue
            taken.append((start, end))
            written = any(m.groupdict().get(g) for g in ("y", "y2"))
            found.append(DateMention(start, end, resolved[0], resolved[1], relative=not written))
    found.sort(key=lambda d: d.start)
    for i, mention in enumerate(found):
        # "by next September, ... by the end of the following year": the year after the date
        # just named, written out or not
        if mention.start in following and i > 0 and found[i - 1].start > mention.start - 300:
            year = int(found[i - 1].date[:4]) + 1
            found[i] = replace(mention, date=str(year))
    return found


def _after_not_june(m: re.Match[str], quote: Callable[[int, int], str]) -> bool:
    """Whether "tháng sau" at ``m`` is written with the marks of "tháng" but none on "sau"."""
    month = m.start("m")
    return quote(month, m.end("m")).isascii() and not quote(month - 6, month - 1).isascii()


def parse_date(text: str, published: date | None = None) -> tuple[str, Precision] | None:
    """Read one whole time expression: ("2021", "year-end"), ("2025-09", "month"), ...

    Returns None unless a single expression covers the text (surrounding "vào", "by",
    "before" and spaces allowed).
    """
    from watchers.figures.spans import Folded

    span = Folded.of(" ".join(text.split()))
    folded = span.text
    mentions = find_dates(folded, published, capitalised=span.capitalised, quote=span.quote)
    if len(mentions) != 1:
        return None
    mention = mentions[0]
    rest = (folded[: mention.start] + " " + folded[mention.end :]).split()
    if any(
        w not in ("vao", "by", "before", "truoc", "den", "until", "in", "the", "han", "chot")
        for w in rest
    ):
        return None
    return mention.date, mention.precision


def last_day(when: str, precision: Precision) -> date:
    """The last day a deadline allows: ("2021", "year-end") and ("2021-12-31", "day") agree."""
    parts = [int(p) for p in when.split("-")]
    if precision == "day":
        return date(parts[0], parts[1], parts[2])
    if precision == "month":
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


# a part of a year or of a month named with it ("đầu năm 2027", "late in 2083"; "the end of
# September", "giữa tháng 9", "before September"), in a report's own words
_PART_OF_YEAR = re.compile(
    r"(?i)(?:early|mid|late|đầu|giữa|cuối)(?:[\s-]+(?:in|năm|of))?[\s-]+(\d{4})"
)
_PART_OF_MONTH = re.compile(  # any word of a part, or of before, anywhere in the quote
    r"(?i)\b(?:end|beginning|start|middle|mid|early|late|last|first|second|half|close|final|week"
    r"|before|prior|cuối|cuoi|đầu|dau|giữa|giua|tuần|tuan|hết|het|trước|truoc)\b"
)


def told_part(value: str, precision: str, quote: str) -> int:
    """How much of a deadline's level (a day, ISO) a report tells: its year alone 4 ("in
    2083", not a part of it: "đầu năm 2083", "late in 2083"), its month alone 7 ("by
    September 2181", not "by the end of September"), else all of it, 10."""
    if precision == "year" and value not in _PART_OF_YEAR.findall(quote):
        return 4
    if precision == "month" and not _PART_OF_MONTH.search(quote):
        return 7
    return 10
