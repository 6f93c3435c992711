"""Reading time expressions and resolving them against the publication date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchers.figures import parse_date
from watchers.figures.dates import find_dates, last_day

PUBLISHED = date(2021, 11, 21)
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cuối năm 2021", ("2021", "year-end")),
        ("by the end of 2021", ("2021", "year-end")),
        ("late 2025", ("2025", "year-end")),
        ("tháng 9-2025", ("2025-09", "month")),
        ("tháng 9/2025", ("2025-09", "month")),
        ("September 2025", ("2025-09", "month")),
        ("the end of September 2025", ("2025-09", "month")),
        ("ngày 31-12-2021", ("2021-12-31", "day")),
        ("ngày 31 tháng 12 năm 2021", ("2021-12-31", "day")),
        ("Dec. 31, 2021", ("2021-12-31", "day")),
        ("31 December 2021", ("2021-12-31", "day")),
        ("năm 2026", ("2026", "year")),
        ("in 2026", ("2026", "year")),
    ],
)
def test_reads_absolute_dates_with_their_precision(text: str, expected: tuple[str, str]) -> None:
    """Vietnamese and English forms of the same date agree, precision included."""
    assert parse_date(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cuối năm nay", ("2021", "year-end")),
        ("the end of the year", ("2021", "year-end")),
        ("by the end of next year", ("2022", "year-end")),
        ("hạn chót vào ngày 31-12 năm nay", ("2021-12-31", "day")),
        ("tháng Chín tới", ("2022-09", "month")),
        ("next September", ("2022-09", "month")),
        ("cuối tháng Tám tới", ("2022-08", "month")),
        ("December", ("2021-12", "month")),
        ("tháng 7", ("2021-07", "month")),
        ("September next year", ("2022-09", "month")),
        ("by end of year", ("2021", "year-end")),
        ("by year’s end", ("2021", "year-end")),
    ],
)
def test_resolves_relative_dates_from_the_publication_date(
    text: str, expected: tuple[str, str]
) -> None:
    """'năm nay', 'next', 'tới' and bare months are resolved from the publication date."""
    assert parse_date(text, PUBLISHED) == expected


def test_a_date_knows_whether_its_year_was_written() -> None:
    """ "tháng Giêng" takes its year from the publication date; "tháng 1/2021" has it."""
    relative, written = find_dates("thang gieng va thang 1/2021", PUBLISHED)
    assert (relative.relative, written.relative) == (True, False)


def test_relative_dates_need_a_publication_date() -> None:
    """Without a publication date 'cuối năm nay' cannot be resolved."""
    assert parse_date("cuối năm nay", None) is None


def test_may_the_verb_is_not_a_month() -> None:
    """'may' in lower case is a verb; 'May 1' is a date."""
    assert parse_date("may", PUBLISHED) is None
    assert parse_date("May 1", PUBLISHED) == ("2021-05-01", "day")


def test_last_day_makes_year_end_and_december_31_agree() -> None:
    """'end of 2021' and '31-12-2021' allow the same last day."""
    assert last_day("2021", "year-end") == last_day("2021-12-31", "day") == date(2021, 12, 31)
    assert last_day("2024-02", "month") == date(2024, 2, 29)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_vietnamese_and_english_day_formats_agree(d: date) -> None:
    """Any day written 'ngày d-m-yyyy', 'ngày d/m/yyyy' or 'Month d, yyyy' reads back as itself."""
    expected = (d.isoformat(), "day")
    assert parse_date(f"ngày {d.day}-{d.month}-{d.year}") == expected
    assert parse_date(f"ngày {d.day}/{d.month}/{d.year}") == expected
    assert parse_date(f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}") == expected


@given(st.integers(min_value=2000, max_value=2099), st.integers(min_value=1, max_value=12))
def test_vietnamese_and_english_month_formats_agree(year: int, month: int) -> None:
    """'tháng m-yyyy', 'tháng m/yyyy', 'tháng m năm yyyy' and 'Month yyyy' read back alike."""
    expected = (f"{year}-{month:02d}", "month")
    for text in (
        f"tháng {month}-{year}",
        f"tháng {month}/{year}",
        f"tháng {month} năm {year}",
        f"{EN_MONTHS[month - 1]} {year}",
    ):
        assert parse_date(text) == expected, text


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2098, 12, 31)),
    st.integers(min_value=1, max_value=12),
)
def test_a_bare_month_lands_within_half_a_year_of_publication(published: date, month: int) -> None:
    """A month named without a year is its occurrence nearest to the publication date."""
    resolved = parse_date(f"tháng {month}", published)
    assert resolved is not None
    year, resolved_month = (int(p) for p in resolved[0].split("-"))
    distance = (year * 12 + resolved_month) - (published.year * 12 + published.month)
    assert resolved_month == month
    assert -6 <= distance <= 6
