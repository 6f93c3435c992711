"""Quiet hours and digest hours in the subscriber's own timezone."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.delivery.hours import next_digest_at, parse_hours, parse_quiet_hours, quiet_until

# 23:30 in Hanoi (UTC+7) is 16:30 UTC.
HANOI_LATE = datetime(2026, 11, 22, 16, 30, tzinfo=UTC)


def test_quiet_hours_over_midnight_end_the_next_morning_local_time() -> None:
    assert quiet_until(HANOI_LATE, "22-7", "Asia/Ho_Chi_Minh") == datetime(
        2026, 11, 23, 0, 0, tzinfo=UTC
    )  # 07:00 in Hanoi


def test_outside_quiet_hours_nothing_waits() -> None:
    assert quiet_until(HANOI_LATE, "1-6", "Asia/Ho_Chi_Minh") is None
    assert quiet_until(HANOI_LATE, "", "Asia/Ho_Chi_Minh") is None


def test_the_next_digest_is_the_next_listed_local_hour() -> None:
    assert next_digest_at(HANOI_LATE, "8,20", "Asia/Ho_Chi_Minh") == datetime(
        2026, 11, 23, 1, 0, tzinfo=UTC
    )  # 08:00 in Hanoi tomorrow
    assert next_digest_at(HANOI_LATE, "", "UTC") is None


def test_an_unknown_timezone_is_taken_as_utc() -> None:
    assert quiet_until(HANOI_LATE, "16-17", "Mars/Olympus") == datetime(
        2026, 11, 22, 17, 0, tzinfo=UTC
    )


@pytest.mark.parametrize("spec", ["22", "7-7", "25-3", "a-b"])
def test_bad_quiet_hours_are_refused(spec: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        parse_quiet_hours(spec)


def test_hours_are_sorted_and_checked() -> None:
    assert parse_hours("20, 8") == (8, 20)
    with pytest.raises(ValueError, match="0 to 23"):
        parse_hours("24")


@given(
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
    ),
    st.sampled_from(["UTC", "Asia/Ho_Chi_Minh", "America/New_York", "Europe/Berlin"]),
)
def test_a_digest_always_comes_within_a_day(now: datetime, zone: str) -> None:
    following = next_digest_at(now, "9", zone)
    assert following is not None
    assert 0 < (following - now).total_seconds() <= 25 * 3600
