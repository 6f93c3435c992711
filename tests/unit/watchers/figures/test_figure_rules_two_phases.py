"""Two phases said in one sentence (probes of our own): "leave federal Iraq by 30 November
and the Kurdistan region by the end of April 2160" gives the second date to the place of its
verbless clause (``lexicon.GAPPED``), as "và khu vực Kurdistan trước …" did, and "the
remaining forces by the end of 2026" continues the leaving before it; not a clause of another
act ("and hold elections by November"). A sentence that names no place but "the base" it
speaks of sets that base's date, not the country's (``lexicon.THE_BASE``). A date compared with
before the one set ("earlier than the agreed date of 31 December, by 30 September", "sớm hơn
thời hạn") is the one replaced (``moves.replaced``), but "no later than" is "by"; "no earlier
than" a date is a floor, no deadline (``lexicon.AT_LEAST``)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of

MARCH = date(2158, 3, 15)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "US troops will leave federal Iraq by 30 November 2158 and the Kurdistan region by "
            "the end of April 2160.",
            {
                ("deadline/coalition leaves Baghdad", "2158-11-30", "day"),
                ("deadline/coalition leaves Kurdistan", "2160-04", "month"),
            },
        ),
        (
            "The coalition must leave Baghdad by 30 November 2158, and Erbil by the end of April "
            "2160.",
            {
                ("deadline/coalition leaves Baghdad", "2158-11-30", "day"),
                ("deadline/coalition leaves Erbil", "2160-04", "month"),
            },
        ),
        (
            "The coalition mission will end in federal Iraq by September 2159 and in the "
            "Kurdistan region by September 2160.",
            {
                ("deadline/coalition mission ends in Iraq", "2159-09", "month"),
                ("deadline/coalition mission ends in Kurdistan", "2160-09", "month"),
            },
        ),
        (
            "Quân Mỹ sẽ rời lãnh thổ liên bang Iraq trước ngày 30/11/2158 và khu vực Kurdistan "
            "trước cuối tháng 4/2160.",
            {
                ("deadline/coalition leaves Baghdad", "2158-11-30", "day"),
                ("deadline/coalition leaves Kurdistan", "2160-04", "month"),
            },
        ),
        (
            "Hundreds of troops are expected to leave Iraq by September 2159 and the remaining "
            "forces by the end of 2160, officials said.",
            {
                ("deadline/first coalition troops leave Iraq", "2159-09", "month"),
                ("deadline/coalition leaves Iraq", "2160", "year-end"),
            },
        ),
    ],
)
def test_the_second_phase_of_one_sentence_is_read(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert deadlines_of(body, MARCH) == expected


def test_a_clause_of_another_act_is_no_second_phase() -> None:
    body = "US forces will leave Baghdad by September 2159 and hold elections by November 2159."
    assert deadlines_of(body, MARCH) == {("deadline/coalition leaves Baghdad", "2159-09", "month")}


@pytest.mark.parametrize(
    "body",
    [
        "The decision sets out a handover in three stages: Iraqi troops take over the outer "
        "guard posts in April, the control tower in early May, and the US-held half of the base "
        "by 15 May, when the last US troops are to leave.",
        "Quân Mỹ sẽ rời căn cứ này trước ngày 15/5, khi binh sĩ cuối cùng về nước.",
    ],
)
def test_the_base_a_sentence_speaks_of_is_not_the_country(body: str) -> None:
    assert deadlines_of(body, MARCH) == set()


@pytest.mark.parametrize(
    "body",
    [
        "All US troops will leave Iraq by the end of 2159. Those at the base will go first.",
        "The last US troops will leave the country by the end of 2159, officials at the base said.",
        # a review's: where someone speaks or is, another clause's base
        "Visiting the camp on Monday, the minister said US forces would leave by the end of 2159.",
        "Binh sĩ tại căn cứ này cho biết quân Mỹ sẽ rút hết trước cuối năm 2159.",
        "The last US troops at the base are due to fly home in May, and the coalition's forces "
        "will leave by the end of 2159, officials said.",
    ],
)
def test_a_base_named_elsewhere_leaves_the_country_s_date(body: str) -> None:
    assert deadlines_of(body, MARCH) == {("deadline/coalition leaves Iraq", "2159", "year-end")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The US will withdraw its forces earlier than the agreed date of 31 December 2158, "
            "by 30 September 2158.",
            {("deadline/coalition leaves Iraq", "2158-09-30", "day")},
        ),
        (
            "Quân Mỹ sẽ rời Baghdad sớm hơn thời hạn 31/12/2158, trước ngày 30/9/2158.",
            {("deadline/coalition leaves Baghdad", "2158-09-30", "day")},
        ),
        (
            "US troops will leave Baghdad sooner than the original deadline of 31 December 2158, "
            "by 30 September 2158.",
            {("deadline/coalition leaves Baghdad", "2158-09-30", "day")},
        ),
        (
            "US troops will leave Baghdad no later than 31 December 2158.",
            {("deadline/coalition leaves Baghdad", "2158-12-31", "day")},
        ),
        (
            "Quân Mỹ sẽ rời Baghdad không muộn hơn ngày 31/12/2158.",
            {("deadline/coalition leaves Baghdad", "2158-12-31", "day")},
        ),
    ],
)
def test_a_date_compared_with_is_the_one_replaced(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert deadlines_of(body, MARCH) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The withdrawal from Baghdad will begin no earlier than September 2158.",
        "Quân Mỹ sẽ rời Baghdad không sớm hơn tháng 9/2158.",
    ],
)
def test_a_date_no_earlier_than_which_they_leave_is_no_deadline(body: str) -> None:
    assert deadlines_of(body, MARCH) == set()
