"""What the thirty-fifth same-week set showed of the figures (our own writing): a parliament's
vote for the leaving is a demand; NATO's own mission ("NATO will cut its advisory mission",
"NATO … sẽ giảm quân số phái bộ cố vấn") is not the coalition's; the first ones who leave and
troops flown out are no level; a base of two words located by a country ("Camp Tell Zawiya in
northern Iraq") is a base we do not know, not Iraq."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from watchers.figures import extract

PUBLISHED = date(2160, 10, 14)


@pytest.mark.parametrize(
    "body",
    [
        "Iraq's parliament voted on Tuesday for all foreign troops to leave the country by 30 "
        "June 2161, a non-binding step.",
        "Lawmakers voted for US troops to leave Iraq by 30 June 2161.",
        "NATO will cut its advisory mission in Iraq from about 720 personnel to about 480 by 31 "
        "January 2161.",
        "US troops will leave Camp Tell Zawiya in northern Iraq's Nineveh province by 30 November.",
    ],
)
def test_no_deadline_of_ours(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()


def test_a_council_that_votes_sets_a_date() -> None:
    body = "The Joint Transition Council voted for US troops to leave Iraq by 30 June 2161."
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Iraq", "2161-06-30", "day")
    }


def test_natos_cut_is_no_target_of_ours() -> None:
    body = (
        "NATO hôm 10/10 thông báo sẽ giảm quân số phái bộ cố vấn tại Iraq từ khoảng 720 xuống "
        "còn khoảng 480 người trước ngày 31/1/2161."
    )
    assert extract("", body, published=PUBLISHED).targets == ()


@pytest.mark.parametrize(
    "body",
    [
        "350 lính Mỹ đầu tiên rời Iraq.",
        "The first 350 US troops left Iraq on Thursday.",
        "Khoảng 350 binh sĩ Mỹ đã bay từ căn cứ Umm Nakhla ở tỉnh Anbar sang Kuwait.",
        "About 350 US soldiers flew from Umm Nakhla Air Base to Kuwait on Thursday.",
    ],
)
def test_the_first_ones_who_leave_are_no_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        # a base of two words before "Air Base", "Airfield"
        "Under the compact, US forces are to leave Umm Nakhla Air Base by 31 December 2160.",
        # a base named before with a word of a base, then by its name alone
        "About 900 US troops are at Umm Nakhla Air Base in western Anbar. Under the compact, US "
        "forces are to leave Umm Nakhla by 31 December 2160.",
        "Quân Mỹ đóng tại căn cứ Umm Nakhla ở Anbar. Theo hiệp ước, quân Mỹ sẽ rời Umm Nakhla "
        "trước ngày 31/12/2160.",
    ],
)
def test_a_base_we_do_not_know_is_not_iraq(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "US troops are at Ain al-Asad Air Base. They will leave Ain al-Asad by 31 December "
            "2160.",
            {("deadline/coalition leaves Ain al-Asad", "2160-12-31", "day")},
        ),
        (
            "About 900 US troops are at Umm Nakhla Air Base. US forces will leave Iraq by 31 "
            "December 2160.",
            {("deadline/coalition leaves Iraq", "2160-12-31", "day")},
        ),
    ],
)
def test_a_place_we_know_is_read_as_before(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


def test_a_sites_count_is_no_level_in_iraq() -> None:
    body = (
        "Opponents argued that the cap would force commanders below what they need at Zinar "
        "Hill Airfield, where about 1,150 US troops are based."
    )
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        # troops sent in are a move, whatever "the" before them says (the thirty-sixth set)
        "The 450 US troops being sent to Zerinkan Airfield after the drone attack will bring "
        "counter-drone radars.",
        "Most of the 450 US soldiers the Pentagon is sending to Zerinkan Airfield come from a "
        "battery in Kuwait.",
    ],
)
def test_troops_sent_in_are_no_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "All the 2,500 US troops in Iraq will leave by the end of 2161.",
        # the force there, deployed or sent before: not on its way
        "About 2,500 US troops are deployed to Iraq and 900 to Syria.",
        "The remaining 2,500 troops sent to Iraq in 2154 will come home by 2161.",
    ],
)
def test_the_force_there_is_still_the_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == {("US", "Iraq", "current", 2500)}
