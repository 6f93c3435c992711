"""A subscriber's hours: quiet hours and digest hours in their own timezone. Pure functions.

Quiet hours are written "22-7" (from 22:00 to 07:00 local time; nothing is sent in between)
and digest hours "8,20" (a digest of the stories held since the last one, at 08:00 and 20:00).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str) -> ZoneInfo:
    """The IANA timezone ``name``, or UTC if it is unknown."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def parse_quiet_hours(spec: str) -> tuple[int, int] | None:
    """ "22-7" -> (22, 7); "" -> None. Raises ValueError for anything else."""
    if not spec.strip():
        return None
    start, sep, end = spec.partition("-")
    if not sep:
        raise ValueError(f"quiet hours look like '22-7', not {spec!r}")
    hours = (int(start), int(end))
    if not all(0 <= h <= 23 for h in hours) or hours[0] == hours[1]:
        raise ValueError(f"quiet hours are two different hours from 0 to 23, not {spec!r}")
    return hours


def parse_hours(spec: str) -> tuple[int, ...]:
    """ "8,20" -> (8, 20); "" -> (). Raises ValueError for anything else."""
    hours = tuple(sorted({int(part) for part in spec.replace(" ", "").split(",") if part}))
    if not all(0 <= h <= 23 for h in hours):
        raise ValueError(f"hours go from 0 to 23, not {spec!r}")
    return hours


def quiet_until(now: datetime, spec: str, timezone: str) -> datetime | None:
    """When the quiet hours around ``now`` end (UTC), or None if ``now`` is not in them."""
    hours = parse_quiet_hours(spec)
    if hours is None:
        return None
    start, end = hours
    local = now.astimezone(zone(timezone))
    hour = local.hour
    inside = start <= hour < end if start < end else hour >= start or hour < end
    if not inside:
        return None
    ends = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if ends <= local:
        ends += timedelta(days=1)
    return ends.astimezone(UTC)


def next_digest_at(now: datetime, spec: str, timezone: str) -> datetime | None:
    """The first digest hour strictly after ``now`` (UTC), or None without digest hours."""
    hours = parse_hours(spec)
    if not hours:
        return None
    local = now.astimezone(zone(timezone))
    for days in (0, 1):
        day = local + timedelta(days=days)
        for hour in hours:
            candidate = day.replace(hour=hour, minute=0, second=0, microsecond=0)
            if candidate > local:
                return candidate.astimezone(UTC)
    raise AssertionError("a digest hour always comes within a day")
