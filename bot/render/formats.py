"""Numbers, dates and durations as the reader's language writes them. Pure.

Numbers and dates are conventions rather than phrases, so each language's are written here
(:data:`CONVENTIONS`) and not in the catalogs: 2.500 and 22/11/2026 in Vietnamese, 2,500 and
22 Nov 2026 in English, each moment in the reader's time zone ("09:05 UTC", "16:05 +07").
Durations ("3 min ago") are phrases, from the catalogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import DEFAULT, tr

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Convention:
    """How one language writes numbers and dates. The patterns are ``str.format`` strings
    with the fields ``d``, ``m``, ``y`` (numbers), ``mon`` ("Nov") and ``month`` ("November")."""

    thousands: str
    day: str  # a moment's day: 22/11/2026, 22 Nov 2026
    date: str  # a day a figure names: 07/09/2024, 7 September 2024
    month: str  # a month a figure names: tháng 9/2025, September 2025
    year: str  # a year a figure names: năm 2027, 2027


CONVENTIONS = {
    "vi": Convention(".", "{d:02d}/{m:02d}/{y}", "{d:02d}/{m:02d}/{y}", "tháng {m}/{y}", "năm {y}"),
    "en": Convention(",", "{d} {mon} {y}", "{d} {month} {y}", "{month} {y}", "{y}"),
}


def convention(language: str) -> Convention:
    return CONVENTIONS.get(language) or CONVENTIONS[DEFAULT]


def _date(pattern: str, y: int | str, m: int = 1, d: int = 1) -> str:
    return pattern.format(y=y, m=m, d=d, mon=_MONTHS[m - 1], month=_MONTH_NAMES[m - 1])


def number(value: int, language: str) -> str:
    """2.500 in Vietnamese, 2,500 in English."""
    return f"{value:,}".replace(",", convention(language).thousands)


@lru_cache(maxsize=64)
def time_zone(name: str) -> tzinfo:
    """The IANA zone ``name`` ("Asia/Ho_Chi_Minh"); UTC for a name this system does not know."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def local(moment: datetime, zone: str) -> datetime:
    """``moment`` on the clocks of ``zone``."""
    return moment.astimezone(time_zone(zone))


def day(moment: datetime | None, language: str, zone: str = "UTC") -> str:
    """22/11/2026 in Vietnamese, 22 Nov 2026 in English (the day in ``zone``)."""
    if moment is None:
        return "—"
    moment = local(moment, zone)
    return _date(convention(language).day, moment.year, moment.month, moment.day)


def when(moment: datetime | None, language: str, zone: str = "UTC") -> str:
    """22/11/2026 09:05 UTC in Vietnamese, 22 Nov 2026 09:05 UTC in English; in another zone
    its abbreviation or offset as the zone database names it: 22/11/2026 16:05 +07."""
    if moment is None:
        return "—"
    moment = local(moment, zone)
    return f"{day(moment, language, zone)} {moment:%H:%M} {moment.tzname() or 'UTC'}"


def year_of(year: str, language: str) -> str:
    """A year as a figure gives it: "năm 2027" / "2027"."""
    return _date(convention(language).year, year)


def month_of(year: str, month: int, language: str) -> str:
    """A month as a figure gives it: "tháng 9/2025" / "September 2025"."""
    return _date(convention(language).month, year, month)


def date_of(year: str, month: int, day_: int, language: str) -> str:
    """A day as a figure gives it: "07/09/2024" / "7 September 2024"."""
    return _date(convention(language).date, year, month, day_)


def ago(delta: timedelta, language: str) -> str:
    """ "3 min ago" / "3 phút trước"."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 60:
        return tr("ago.seconds", language, count=seconds)
    if seconds < 3600:
        return tr("ago.minutes", language, count=seconds // 60)
    if seconds < 86400:
        return tr("ago.hours", language, count=seconds // 3600)
    return tr("ago.days", language, count=seconds // 86400)


def every(seconds: int, language: str) -> str:
    """ "every 5 min" / "mỗi 5 phút"."""
    if seconds % 3600 == 0:
        return tr("every.hours", language, count=seconds // 3600)
    if seconds % 60 == 0:
        return tr("every.minutes", language, count=seconds // 60)
    return tr("every.seconds", language, count=seconds)
