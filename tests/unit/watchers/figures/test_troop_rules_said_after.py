"""Troop counts read wrong in the same-week sets' change alerts, one rule each: movements
(rotations, the last group leaving, troops that must leave), numbers of other things after a
cut, whose troops an owner named after the noun makes them, a site the reader does not know,
a cap; and the levels near them those rules must still read."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of

PUBLISHED = date(2024, 9, 30)


@pytest.mark.parametrize(
    "body",
    [
        "The US will cut its 2,200 troops to about 1,100, according to three US officials.",
        "The US will cut its 2,200 troops to about 1,100 by leaving two bases in Anbar.",
        "The US will cut its 2,200 troops to about 1,100, according to three people familiar.",
    ],
)
def test_a_number_of_other_things_after_a_cut_is_not_a_level(body: str) -> None:
    """ "according to three US officials", "by leaving two bases": "to" and "leaving" before
    a number of officials or bases do not make it the level the troops are cut to."""
    assert {value for *_, value in troops_of(body, PUBLISHED)} == {2200, 1100}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mỹ sẽ giảm quân số tại Iraq xuống 2.000 tính đến cuối năm.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "The US will cut troops in Iraq to 2,000 at bases in Erbil and Baghdad.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "About 2,500 US troops are deployed in Operation Inherent Resolve.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Despite the rotation of units, about 2,500 US troops remain in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        ("About 2,500 US troops rotate in and out of Iraq.", {("US", "Iraq", "current", 2500)}),
        (
            "About 2,500 troops from the United States remain in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Khoảng 2.500 lính Mỹ cuối cùng vẫn đóng quân tại Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Mỹ sẽ giữ 2.500 binh sĩ cuối cùng ở Iraq đến tháng 9/2026.",
            {("US", "Iraq", "planned", 2500)},
        ),
        (
            "The last contingent of about 2,500 US troops remains in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "About 2,500 US troops rotate into Iraq on nine-month deployments.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "In 2011, Washington set a ceiling of 50,000 US troops in Iraq.",
            {("US", "Iraq", "past", 50000)},
        ),
        (
            "Dù bị áp mức trần, Mỹ vẫn còn 3.000 binh sĩ tại Iraq.",
            {("US", "Iraq", "current", 3000)},
        ),
        (
            "About 900 US troops are stationed in Iraqi Kurdistan.",
            {("US", "Kurdistan", "current", 900)},
        ),
        (
            "About 2,500 US troops remain at U.S. and coalition bases in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "About 900 US troops are at Al-Harir air base in Erbil.",
            {("US", "Erbil", "current", 900)},
        ),
        (
            "Khoảng 2.500 binh sĩ Mỹ đang ở Căn cứ Không quân Ain al-Asad.",
            {("US", "Ain al-Asad", "current", 2500)},
        ),
        (
            "Mỹ duy trì khoảng 2.500 binh sĩ ở Iraq từ khi liên quân được thành lập.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "About 2,500 soldiers of the US Army remain in Iraq, other than the Marines.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_levels_near_those_other_things_are_still_read(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """What the rules for other things, movements and owners must not take: "tính đến"
    (as of), bases after a preposition, an operation's name, a rotation said apart from the
    number, the US named after "from"."""
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "About 800 US troops are at Al-Safra, 450 at Bab al-Nahr and 950 at Gird Sor.",
        "Khoảng 800 binh sĩ Mỹ đang ở Al-Safra.",
    ],
)
def test_a_count_at_a_site_not_known_is_not_the_country_s(body: str) -> None:
    """A count said to be at a place the reader does not know is that place's, not Iraq's:
    read as Iraq's, "800" would be a level that changed."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon confirmed that about 1,200 soldiers will rotate into Iraq in January.",
        "The Pentagon will rotate about 1,200 soldiers into Iraq in January.",
        "The January rotation of about 1,200 soldiers into Iraq is a unit for a unit.",
        "Khoảng 900 binh sĩ chiến đấu Mỹ đã rời Iraq từ tháng 10.",
        "Pentagon: no plans to withdraw from Iraq, 1,200 troops to rotate in",
        "Mỹ vẫn điều 1.200 lính sang Iraq.",
        "Then the last group of about 90 US soldiers walked up the ramp and was gone.",
        "Rồi khoảng 90 lính Mỹ cuối cùng lên máy bay.",
        "Ông lên máy bay cùng nhóm khoảng 90 binh sĩ Mỹ cuối cùng rời Iraq.",
    ],
)
def test_troops_that_rotate_or_left_are_not_a_level(body: str) -> None:
    """Troops rotating in, and combat troops that left, are how many move, not how many are
    there."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "About 600 troops from other coalition nations are also in Iraq.",
        "Khoảng 600 binh sĩ của các nước khác trong liên quân vẫn ở lại Iraq.",
    ],
)
def test_troops_of_the_coalition_said_after_the_noun_are_the_coalitions(body: str) -> None:
    assert {who for who, *_ in troops_of(body, PUBLISHED)} == {"coalition"}


@pytest.mark.parametrize(
    "body",
    [
        "About 3,000 troops from the US-backed Syrian Democratic Forces guard the camps in Iraq.",
        "2,000 soldiers of the US-trained Iraqi Counter-Terrorism Service took part in Iraq.",
        "Khoảng 2.000 binh sĩ của lực lượng chống khủng bố do Mỹ huấn luyện tham gia ở Iraq.",
        "The US will reduce its military footprint in Iraq to two main bases.",
        "Mỹ sẽ giảm quân số ở Iraq xuống còn 2 nhóm cố vấn.",
        "The Army will rotate in about 1,200 soldiers to Iraq in January.",
        "Mỹ điều động 1.200 binh sĩ sang Iraq theo chế độ luân phiên.",
        "A US unit left Iraq's western base, leaving about 520 US personnel at the base.",
        "About 300 troops from countries other than the United States are still in Iraq.",
        "Hiện còn khoảng 300 binh sĩ từ các nước ngoài Mỹ tại Iraq.",
        "The Army moved 380 soldiers and 18 helicopters out of the same base in Iraq.",
        "A 1,500 cap means about 600 US service members have to leave Iraq in 12 weeks.",
        "About 120 of the 180 personnel at al-Buhaira moved north.",
        "About 310 troops had flown out of Iraq since May 29, the Pentagon said.",
        "The spokesman said 340 personnel had worked at the hub.",
        "About 600 US service members will have to leave Iraq by April.",
        "Khoảng 600 lính Mỹ sẽ phải rút khỏi Iraq.",
        "About 300 troops from countries besides the United States are in Iraq.",
        "Khoảng 300 binh sĩ từ các nước trừ Mỹ đang ở Iraq.",
        "About 310 troops had flown home from Iraq.",
    ],
)
def test_troops_of_another_force_a_site_or_a_move_are_no_us_level(body: str) -> None:
    """A force the US backs or trains is not the US's; a site not known is not Iraq;
    "two main bases", "2 nhóm" count other things; troops rotated in or dispatched move."""
    assert troops_of(body, PUBLISHED) == set()


def test_a_count_at_a_site_not_known_leaves_the_level_beside_it() -> None:
    body = "About 2,500 US troops are in Iraq. Another 900 US troops are based in Hasakah."
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "current", 2500)}


def test_a_vietnamese_name_is_no_english_number_word() -> None:
    """ "đổi tên binh lính thành cố vấn" (to rename soldiers advisers): "tên" folds to "ten"."""
    assert (
        troops_of("Nhóm vũ trang gọi đó là đổi tên binh lính Mỹ thành cố vấn ở Iraq.", PUBLISHED)
        == set()
    )


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon set a ceiling of 1,500 US troops in Iraq by April 30.",
        "Lầu Năm Góc công bố mức trần quân số mới tại Iraq là 1.500 người.",
        "The new cap is 1,500 US troops in Iraq.",
        "Mỹ áp trần 1.500 binh sĩ tại Iraq.",
    ],
)
def test_a_cap_set_on_the_force_is_a_plan(body: str) -> None:
    """A ceiling is the level the force is to be held to, not the level it is at."""
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "planned", 1500)}
