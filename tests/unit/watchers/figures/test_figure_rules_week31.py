"""What the thirty-first same-week set showed of the figures (our own writing): a year after
2099 read as a year, a date said "for" a place ("30 September 2114 for the Kurdistan
region") being that place's, and the last ones who leave counted as leaving, not as the
force."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2113, 3, 7)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "US forces will leave Iraq by 30 September 2114.",
            {("deadline/coalition leaves Iraq", "2114-09-30", "day")},
        ),
        (
            "The accord sets 30 June for leaving Baghdad and 30 September 2114 for the Kurdistan "
            "region.",
            {("deadline/coalition leaves Kurdistan", "2114-09-30", "day")},
        ),
        (
            "The board's statement leaves the 30 September 2114 date for the Kurdistan region "
            "unchanged.",
            {("deadline/coalition leaves Kurdistan", "2114-09-30", "day")},
        ),
        # a list after "for" names no one place: as before
        (
            "The withdrawal will take place in two phases, the first ending in September 2113 "
            "for Baghdad and Anbar.",
            {("deadline/first coalition troops leave Iraq", "2113-09", "month")},
        ),
    ],
)
def test_whose_date(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The last 14 US military advisers at the Basra Operations Command in southern Iraq "
            "left on Sunday.",
            set(),
        ),
        (
            "14 cố vấn quân sự Mỹ cuối cùng làm việc tại Bộ Chỉ huy Tác chiến Basra ở miền nam "
            "Iraq đã rời trụ sở hôm Chủ nhật.",
            set(),
        ),
        ("The last 2,500 US troops will remain in Iraq.", {("US", "Iraq", "planned", 2500)}),
        (
            "The US has 2,500 troops in Iraq; the last of them will leave next year.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_the_last_who_leave(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        # what a committee recommends, or demanded on a day named, is no deadline (read while
        # measuring the alerts of the earlier sets)
        "Al-Bayati said his committee would discuss a recommendation that all foreign forces "
        "leave by the end of this year.",
        "Parliament's security committee recommended last Sunday that all foreign troops leave "
        "by the end of this year.",
        "The Watan Alliance had demanded last week that all foreign troops leave by the end of "
        "2113.",
        "Ủy ban khuyến nghị quân Mỹ rút khỏi Iraq trước cuối năm nay.",
    ],
)
def test_a_recommendation_is_no_deadline(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()


def test_what_an_agreement_recommends_is_read_as_before() -> None:
    body = "The agreement recommended that US troops leave by the end of 2114."
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Iraq", "2114", "year-end")
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # some who stay until a date leave last: the second phase's date, not the first's
        (
            "Trong giai đoạn hai, một số lực lượng Mỹ sẽ ở lại Iraq cho đến ít nhất tháng 9/2114.",
            {("deadline/coalition leaves Iraq", "2114-09", "month")},
        ),
        (
            "Some US troops will remain in Erbil until September 2114.",
            {("deadline/coalition leaves Erbil", "2114-09", "month")},
        ),
        # most who leave by a date, with a level that remains before it: the first ones
        (
            "About 3,300 US troops remain in Iraq under an agreement to withdraw most of them by "
            "the end of next year.",
            {("deadline/first coalition troops leave Iraq", "2114", "year-end")},
        ),
    ],
)
def test_some_who_stay_leave_last(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the thirty-second set: a list of sites and dates, a verb the reader does not know
        # before the first ("rời các địa điểm"): the next item's verb is not its
        (
            "Quân Mỹ phải rời các địa điểm ở Anbar và Nineveh trước ngày 31/3/2114, rời Baghdad "
            "trước ngày 31/12/2114.",
            {("deadline/coalition leaves Baghdad", "2114-12-31", "day")},
        ),
        # a request to come, its date after "tức" (that is)
        (
            "Iraq sẽ đề nghị Mỹ đưa thời hạn rút quân khỏi Baghdad lên sớm ba tháng, tức ngày "
            "30/9.",
            set(),
        ),
    ],
)
def test_lists_and_requests(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


def test_a_level_told_as_what_a_handover_brought_is_the_level_now() -> None:
    body = (
        "Ngày 6/3, lực lượng Mỹ bàn giao trại Redwater cho quân đội Iraq, qua đó giảm số binh "
        "sĩ Mỹ tại Iraq xuống còn khoảng 2.600 người."
    )
    assert troops_of(body, published=PUBLISHED) == {("US", "Iraq", "current", 2600)}
    planned = "Mỹ sẽ bàn giao trại Redwater cho quân đội Iraq, qua đó giảm số binh sĩ Mỹ tại Iraq "
    assert troops_of(planned + "xuống còn khoảng 2.600 người.", published=PUBLISHED) == {
        ("US", "Iraq", "planned", 2600)
    }


def test_until_a_date_to_leave_is_that_dates() -> None:
    """Each date is the place's left after it; federal Iraq is left in the first phase, with
    Baghdad (the forty-sixth set: read as Iraq, it "conflicted" with Kurdistan's date)."""
    body = (
        "The accord gives US forces until 30 September 2114 to leave federal Iraq and until 30 "
        "September 2115 to leave the Kurdistan region."
    )
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Baghdad", "2114-09-30", "day"),
        ("deadline/coalition leaves Kurdistan", "2115-09-30", "day"),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a number coordinated with one moved is moved too (the thirty-second set)
        (
            "The Pentagon has the plan to move the roughly 1,490 troops at Camp Stonebridge and "
            "about 140 advisers out of federal Iraq by the new date.",
            set(),
        ),
        ("Mỹ sẽ rút 500 binh sĩ và khoảng 40 cố vấn khỏi Iraq.", set()),
        # not troops that are there
        (
            "The US has 2,500 troops and 1,000 contractors in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_moved_together(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected
