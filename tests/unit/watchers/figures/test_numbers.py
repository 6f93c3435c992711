"""Reading numbers as Vietnamese and English news write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchers.figures import Quantity, parse_number
from watchers.figures.numbers import find_quantities
from watchers.topic.text import fold


def _grouped(n: int, separator: str) -> str:
    return f"{n:,}".replace(",", separator)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.500", 2500),
        ("2,500", 2500),
        ("5200", 5200),
        ("1.234.567", 1_234_567),
        ("2,5 nghìn", 2500),
        ("2.5 thousand", 2500),
        ("5 thousand", 5000),
        ("3,287 triệu", 3_287_000),
        ("hai nghìn rưỡi", 2500),
        ("hai nghìn năm trăm", 2500),
        ("ba trăm", 300),
        ("four", 4),
        ("two thousand five hundred", 2500),
    ],
)
def test_reads_digits_scales_and_words(text: str, value: int) -> None:
    """Both digit conventions, scale words and number words give the same integer."""
    q = parse_number(text)
    assert q is not None
    assert q.value == value


def test_a_hedge_word_makes_a_number_approximate() -> None:
    """'khoảng 2.500' and 'about 2,500' are 2500, approximately."""
    assert parse_number("khoảng 2.500") == Quantity(2500, approx=True)
    assert parse_number("about 2,500") == Quantity(2500, approx=True)


def test_a_range_keeps_both_bounds() -> None:
    """'2.000–2.500' is 2500 at most and 2000 at least, and approximate."""
    assert parse_number("2.000–2.500") == Quantity(2500, low=2000, approx=True)
    assert parse_number("250 to 350") == Quantity(350, low=250, approx=True)


def test_vague_amounts_are_marked_vague() -> None:
    """'a few hundred' and 'hàng trăm' are ranges marked vague, not figures."""
    few = parse_number("a few hundred")
    hundreds = parse_number("hàng trăm")
    assert few is not None
    assert few.vague
    assert few.approx
    assert few.low == 200
    assert hundreds is not None
    assert hundreds.vague
    assert hundreds.low == 100


@pytest.mark.parametrize("text", ["3,39", "2.5", "31-12", "hello"])
def test_rejects_what_is_not_a_whole_number(text: str) -> None:
    """Decimals without a scale word, dates and words are not numbers."""
    assert parse_number(text) is None


def test_a_decreasing_pair_is_two_numbers_not_a_range() -> None:
    """'from 5,200 to 3,000' yields 5200 and 3000 separately."""
    values = [q.value for _, _, q in find_quantities("from 5,200 to 3,000")]
    assert values == [5200, 3000]


def test_vietnamese_unit_words_alone_are_not_numbers_in_text() -> None:
    """'năm' (year/five) and 'ba' (three/father) alone are not read as numbers in running text."""
    assert find_quantities(fold("năm nay ông ba về")) == []


@given(st.integers(min_value=0, max_value=10_000_000))
def test_vietnamese_grouping_round_trips(n: int) -> None:
    """An integer written '2.500'-style reads back as itself."""
    q = parse_number(_grouped(n, "."))
    assert q is not None
    assert q.value == n


@given(st.integers(min_value=0, max_value=10_000_000))
def test_english_grouping_round_trips(n: int) -> None:
    """An integer written '2,500'-style reads back as itself."""
    q = parse_number(_grouped(n, ","))
    assert q is not None
    assert q.value == n


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=9))
def test_decimal_thousands_round_trip_in_both_languages(whole: int, tenth: int) -> None:
    """'2,5 nghìn' and '2.5 thousand' are the same integer."""
    expected = whole * 1000 + tenth * 100
    vi = parse_number(f"{whole},{tenth} nghìn")
    en = parse_number(f"{whole}.{tenth} thousand")
    assert vi is not None
    assert vi.value == expected
    assert en is not None
    assert en.value == expected


@given(st.integers(min_value=1, max_value=99_999), st.integers(min_value=1, max_value=99_999))
def test_ranges_round_trip(a: int, b: int) -> None:
    """'low–high' reads back both bounds whatever the grouping style."""
    low, high = sorted((a, b))
    if low == high:
        return
    q = parse_number(f"{_grouped(low, '.')}–{_grouped(high, '.')}")
    assert q is not None
    assert (q.low, q.value) == (low, high)


@pytest.mark.parametrize(
    "text",
    [
        "where roughly four in five u.s. troops in iraq now sit",
        "one out of three soldiers",
        "four of every five u.s. troops",
    ],
)
def test_a_share_is_no_number_of_anything(text: str) -> None:
    """ "four in five U.S. troops" is a share: reading "five" made a level of 5."""
    assert find_quantities(text) == []


def test_a_vietnamese_word_spelled_like_an_english_number_is_none() -> None:
    """ "tên" (a name) folds to "ten"; in Vietnamese text English number words are not read."""
    assert find_quantities(fold("đổi tên binh lính"), "vi") == []
    assert [q.value for *_, q in find_quantities("ten soldiers", "en")] == [10]
