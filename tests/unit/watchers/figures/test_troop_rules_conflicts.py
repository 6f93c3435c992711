"""Troop counts read wrong behind the same-week sets' "conflict" alerts, one rule each: a cut
under way or finished, troops that moved past an aside, a site's own count (at its peak, or
one that holds them), a level after a year still to come, a request to keep troops, NATO's
own mission, a share of the total named after it; and the levels near them those rules must
still read."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troop_key, troops_of
from watchers.figures.extract import extract

PUBLISHED = date(2027, 3, 22)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "About 2,000 US troops were in Iraq at the start of March; the Pentagon has said "
            "the number is being reduced to about 1,500.",
            {("US", "Iraq", "past", 2000), ("US", "Iraq", "planned", 1500)},
        ),
        (
            "Quân số Mỹ tại Iraq đang được cắt giảm xuống còn khoảng 1.500 người.",
            {("US", "Iraq", "planned", 1500)},
        ),
        (
            "The United States has finished reducing its forces in Iraq to about 1,000 troops, "
            "the Pentagon said Friday.",
            {("US", "Iraq", "current", 1000)},
        ),
        (
            "US forces in Iraq were reduced to 2,500 last year and remain at that level.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_a_cut_under_way_is_a_plan_and_a_finished_one_the_level(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "is being reduced to" (the sentence's "were" is another clause's) has not happened;
    "has finished reducing ... to" has."""
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "About 230 coalition personnel, most of them American, have left the camp, "
        "said Col. Miguel Arrieta.",
        "Khoảng 230 quân nhân liên quân, phần lớn là lính Mỹ, đã rời trại Dijla ở tỉnh "
        "Salahuddin sau lễ bàn giao.",
        "Khoảng 140 quân nhân liên quân đã rời cơ sở này, phần lớn chuyển đến Erbil.",
        "The last group of the roughly 400 service members ordered out of the country flew "
        "out of Erbil on Thursday.",
        "Khoảng 240 cố vấn cuối cùng vừa chuyển về căn cứ không quân Erbil và căn cứ Harir.",
    ],
)
def test_troops_that_moved_are_no_level(body: str) -> None:
    """Past an aside after the noun, after "liên quân", of "the last group of the ...", or
    the last ones that "vừa chuyển về": how many moved, not how many there are."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("About 2,500 US troops, most of them advisers, remain in Iraq.", 2500),
        ("About 2,500 US troops are stationed in Iraq, mostly in Erbil and Baghdad.", 2500),
        ("Khoảng 2.500 binh sĩ Mỹ vẫn đang đồn trú tại Iraq.", 2500),
    ],
)
def test_a_level_with_an_aside_is_still_read(body: str, expected: int) -> None:
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "current", expected)}


@pytest.mark.parametrize(
    "body",
    [
        "Dar al-Salam now holds about 610 US troops.",
        "About 230 have gone to Sarwan, which now holds about 1,020 US troops.",
        "Camp Dijla, on the east bank of the Tigris, holds about 230 US and coalition personnel.",
        "Al-Sahra hiện còn khoảng 520 quân nhân Mỹ sau khi lực lượng Talon rời đi hôm 8/10.",
        "Trại Dijla hiện có khoảng 1.080 lính Mỹ.",
        "About 350 US troops are currently at Kasra, where the agreement extended their stay.",
    ],
)
def test_a_site_we_do_not_know_that_holds_troops_is_not_ours(body: str) -> None:
    """The subject that holds them is a site the reader does not know: its count is no level
    of Iraq."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ain al-Asad now hosts about 1,000 US troops.", ("US", "Ain al-Asad", "current", 1000)),
        ("Iraq hosts about 2,500 US troops.", ("US", "Iraq", "current", 2500)),
        ("Mỹ hiện còn khoảng 2.000 binh sĩ tại Iraq.", ("US", "Iraq", "current", 2000)),
        ("Washington hiện còn khoảng 2.000 binh sĩ tại Iraq.", ("US", "Iraq", "current", 2000)),
        ("Iraq hiện có khoảng 2.500 binh sĩ Mỹ.", ("US", "Iraq", "current", 2500)),
        ("About 2,500 US troops are now at Ain al-Asad.", ("US", "Ain al-Asad", "current", 2500)),
    ],
)
def test_a_known_place_or_an_actor_that_holds_troops_is_read(
    body: str, expected: tuple[str, str, str, int]
) -> None:
    assert troops_of(body, PUBLISHED) == {expected}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("It hosted up to 900 coalition troops at its peak.", ("coalition", "Iraq", "past", 900)),
        (
            "Ain al-Asad, with up to 5,000 US troops at its peak, is now an Iraqi base.",
            ("US", "Ain al-Asad", "past", 5000),
        ),
        (
            "Sau năm 2030, chỉ còn tối đa 90 quân nhân Mỹ làm việc tại Đại sứ quán Mỹ ở Iraq.",
            ("US", "Iraq", "planned", 90),
        ),
        (
            "Theo một dự thảo bị rò rỉ, tối đa 350 binh sĩ Mỹ có thể tiếp tục đồn trú tại Iraq "
            "đến hết năm 2030.",
            ("US", "Iraq", "planned", 350),
        ),
        (
            "The roadmap would allow up to 350 US advisers to remain at Erbil air base.",
            ("US", "Erbil", "planned", 350),
        ),
        (
            "Theo đó tối đa 350 cố vấn Mỹ được ở lại căn cứ không quân Erbil.",
            ("US", "Erbil", "planned", 350),
        ),
    ],
)
def test_a_level_of_another_time_is_not_the_level_now(
    body: str, expected: tuple[str, str, str, int]
) -> None:
    """At a site's peak; after a year still to come; troops that could, may or are allowed to
    remain."""
    assert troops_of(body, PUBLISHED) == {expected}


@pytest.mark.parametrize(
    "body",
    [
        "Kurdish region asks US to keep 450 troops",
        "The Kurdistan Region asked the United States on Tuesday to keep at least 450 troops "
        "in the region.",
        "Chính quyền người Kurd đề nghị Mỹ giữ lại 450 binh sĩ",
    ],
)
def test_a_request_to_keep_troops_is_no_level(body: str) -> None:
    assert troops_of(body, PUBLISHED) == set()


def test_a_plan_to_keep_troops_is_still_read() -> None:
    assert troops_of("The US will keep 2,500 troops in Iraq.", PUBLISHED) == {
        ("US", "Iraq", "planned", 2500)
    }


@pytest.mark.parametrize(
    "body",
    [
        "NATO giảm phái bộ cố vấn tại Iraq xuống còn 300 người",
        "Các bộ trưởng quốc phòng NATO đã nhất trí cắt giảm phái bộ cố vấn của liên minh tại "
        "Iraq từ khoảng 850 người xuống còn khoảng 300 người.",
        "NATO defence ministers agreed to cut the NATO Advisory Mission Iraq from about 850 to "
        "about 300 personnel.",
    ],
)
def test_nato_s_own_mission_is_not_the_coalition(body: str) -> None:
    assert troops_of(body, PUBLISHED) == set()


def test_the_coalition_named_beside_nato_is_still_read() -> None:
    body = "The coalition has about 900 troops in Iraq, alongside NATO's training mission."
    assert troops_of(body, PUBLISHED) == {("coalition", "Iraq", "current", 900)}


def test_a_share_of_the_total_named_after_it_leaves_the_total_in_the_country() -> None:
    """ "nearly all of them in the Kurdistan Region" says where most are, not where the
    1,000 are."""
    body = (
        "The United States has finished reducing its forces in Iraq to about 1,000 troops, "
        "nearly all of them in the northern Kurdistan Region, the Pentagon said Friday."
    )
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "current", 1000)}


@pytest.mark.parametrize(
    "body",
    [
        "House votes to require certification before Iraq force drops below 1,000",
        "Hạ viện Mỹ thông qua điều khoản cấm giảm quân tại Iraq xuống dưới 1.000 người cho tới "
        "khi IS không còn khả năng chiếm giữ lãnh thổ.",
        "Hạ viện Mỹ muốn giữ ít nhất 900 quân ở Kurdistan",
        "Task Force Talon, with about 380 soldiers and 18 helicopters, handed the base's north "
        "apron to the Iraqi Air Force.",
        '"One thousand soldiers is not a withdrawal, it is a discount," said a lawmaker in Iraq.',
        "Lầu Năm Góc: Giảm 400 lính ở Iraq",
        "The Pentagon will cut about 400 troops in Iraq.",
        "Col. Denise Arbogast said the departure of Talon's roughly 380 soldiers had been "
        '"planned months ago".',
        "76 binh sĩ Phần Lan cuối cùng sẽ về nước trước cuối tháng 9 từ Iraq.",
    ],
)
def test_a_threshold_a_wish_a_unit_a_figure_of_speech_or_a_cut_by_is_no_level(body: str) -> None:
    """A level the force must not drop below; what someone wants kept; a unit's size; words
    quoted for effect; how many are cut or leave."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The United States, with about 2,500 troops in Iraq, is the largest member.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            'The coalition ended its mission in federal Iraq, with only "four to five '
            'personnel" remaining in Baghdad.',
            ("coalition", "Baghdad", "current", 5),
        ),
        (
            '"We will keep 2,500 troops in Iraq," the defense secretary said.',
            ("US", "Iraq", "planned", 2500),
        ),
        (
            "The Pentagon will cut its 2,200 troops in Iraq to about 1,100.",
            ("US", "Iraq", "planned", 1100),
        ),
        ("Mỹ có thể chỉ để lại 1.000 quân ở Iraq", ("US", "Iraq", "planned", 1000)),
        (
            "US-led coalition forces will leave Camp Nakhla in Baghdad by 31 July and keep no "
            "more than 1,100 personnel in Iraq from October.",
            ("coalition", "Iraq", "planned", 1100),
        ),
        (
            "Tối đa 350 cố vấn ở lại căn cứ không quân Erbil, không muộn hơn ngày 30/9/2030.",
            ("US", "Erbil", "planned", 350),
        ),
        (
            "About 2,500 US troops remain in Iraq until the end of the year.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "Theo người phát ngôn liên quân, khoảng 340 quân nhân từng đóng tại Iraq.",
            ("coalition", "Iraq", "past", 340),
        ),
    ],
)
def test_what_those_rules_leave_is_still_read(
    body: str, expected: tuple[str, str, str, int]
) -> None:
    """An actor with its troops; a quotation that does not open the sentence, or in digits;
    a cut to a level; troops that could be left, kept, or remain until a year to come; a
    site's past ("từng đóng")."""
    assert expected in troops_of(body, PUBLISHED)


def test_a_headline_that_lists_a_number_is_no_level() -> None:
    """ "400 troops, 10 days: inside ...": the headline says nothing of what the 400 are;
    "Mỹ còn 2.500 binh sĩ tại Iraq" does."""
    listed = extract(
        "400 troops, 10 days: inside the Pentagon's latest Iraq drawdown",
        "The Pentagon will withdraw troops from Iraq.",
        published=PUBLISHED,
    )
    assert listed.troop_counts == ()
    vi = extract(
        "Thỏa thuận an ninh Iraq - Mỹ: 150 quân nhân, không căn cứ, thời hạn 10 năm",
        "Iraq và Mỹ ký thỏa thuận an ninh mới.",
        published=PUBLISHED,
    )
    assert vi.troop_counts == ()
    level = extract("Mỹ còn 2.500 binh sĩ tại Iraq", "Mỹ rút quân khỏi Iraq.", published=PUBLISHED)
    assert {troop_key(t) for t in level.troop_counts} == {("US", "Iraq", "current", 2500)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The US force in Iraq will be about 1,600 by the end of June, the general said.",
            {("US", "Iraq", "planned", 1600)},
        ),
        ("US troop levels in Iraq will be 2,000 next year.", {("US", "Iraq", "planned", 2000)}),
        ("The troops will be 20 km from the border in Iraq.", set()),
    ],
)
def test_a_force_that_will_be_a_number_is_a_planned_level(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "the US force in Iraq will be about 1,600": a level to come with no troop noun after
    the number (said of the force, its level or its numbers, not of troops)."""
    assert troops_of(body, PUBLISHED) == expected
