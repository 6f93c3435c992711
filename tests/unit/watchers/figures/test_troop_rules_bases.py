"""Troop counts and deadlines at bases: a base the reader does not know is its own count
and its own date, wherever it lies (a province or the country only locates it); one we know,
or one a city we know holds, is read; and the plans and units near them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2027, 3, 22)


@pytest.mark.parametrize(
    "body",
    [
        "The two leaders agreed to reduce the US footprint at Camp Kasra to around 200 "
        "personnel by mid-April.",
        "The United States will reduce its troops at Camp Kasra in Anbar province to 200 by "
        "15 April.",
        "Washington sẽ giảm số quân tại căn cứ Kasra ở tỉnh Anbar từ khoảng 350 xuống 200 người.",
    ],
)
def test_a_base_we_do_not_know_is_its_own_count_wherever_it_lies(body: str) -> None:
    """Camp Kasra's troops, though Anbar (which stands for Ain al-Asad) locates it."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Khoảng 2.500 binh sĩ Mỹ đang ở Căn cứ Không quân Ain al-Asad.",
            ("US", "Ain al-Asad", "current", 2500),
        ),
        (
            "Mỹ sẽ giảm quân tại Căn cứ Không quân Ain al-Asad xuống 1.000 người.",
            ("US", "Ain al-Asad", "planned", 1000),
        ),
        (
            "The US will cut its troops at Ain al-Asad air base in Anbar to 1,000.",
            ("US", "Ain al-Asad", "planned", 1000),
        ),
        ("US troops at the base in Baghdad will drop to 500.", ("US", "Baghdad", "planned", 500)),
        ("About 900 US troops are at Al-Harir air base in Erbil.", ("US", "Erbil", "current", 900)),
        ("US Will Cut Iraq Force To 1,500, Officials Say", ("US", "Iraq", "planned", 1500)),
        (
            "The US will reduce its troops at Camp Victory in Baghdad to about 500.",
            ("US", "Baghdad", "planned", 500),
        ),
        (
            "The US will cut its presence at Al Asad air base to about 500 troops.",
            ("US", "Ain al-Asad", "planned", 500),
        ),
        (
            "The US will reduce its presence at Al-Asad Airbase in Anbar province to about 500 "
            "troops.",
            ("US", "Ain al-Asad", "planned", 500),
        ),
        (
            "The US will cut its troops at Al-Harir air base in Erbil to about 500.",
            ("US", "Erbil", "planned", 500),
        ),
        (
            "Officials said the Marine force in Iraq will shrink to about 2,000 troops.",
            ("US", "Iraq", "planned", 2000),
        ),
        (
            "Residual force in Iraq will number about 2,000 US troops, officials said.",
            ("US", "Iraq", "planned", 2000),
        ),
        ("Pentagon hiện có khoảng 2.500 binh sĩ tại Iraq.", ("US", "Iraq", "current", 2500)),
        ("Pentagon to cut US force in Iraq to 2,000", ("US", "Iraq", "planned", 2000)),
    ],
)
def test_a_base_we_know_or_a_force_named_for_its_country_is_read(
    body: str, expected: tuple[str, str, str, int]
) -> None:
    assert troops_of(body, PUBLISHED) == {expected}


def test_another_member_bringing_home_its_troops_sets_no_deadline_of_ours() -> None:
    """ "bring home its 110-strong task group" (the verb before "home" with nothing between)
    is another member's leaving, as "bring its advisers home" is."""
    body = "Australia will bring home its 110-strong training task group from Iraq by 30 June."
    assert deadlines_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Under the agreement, the US force was to fall from about 4,200 at the signing to "
            "about 2,500 by 31 March.",
            {("US", "Iraq", "past", 4200), ("US", "Iraq", "planned", 2500)},
        ),
        ("Lực lượng Đặc nhiệm Kestrel, gồm khoảng 400 binh sĩ, đã rời Iraq.", set()),
        ("About 300 US troops are at Camp Kasra in western Iraq.", set()),
        ("Khoảng 300 lính Mỹ đóng tại sân bay Zerinbar.", set()),  # an airfield we do not know
        ("Khoảng 1.100 lính Mỹ đóng tại sân bay Erbil.", {("US", "Erbil", "current", 1100)}),
        (
            "US troops in Iraq were reduced to about 2,500 last year.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "About 1,000 US troops are at Ain al-Asad air base in western Iraq.",
            {("US", "Ain al-Asad", "current", 1000)},
        ),
    ],
)
def test_a_plan_said_then_a_unit_and_a_base_in_the_country(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "was to fall ... to 2,500" is the plan, not the level reached; a task force's size is
    no level; a base we do not know in "western Iraq" is its own count, one we know is read."""
    assert troops_of(body, PUBLISHED) == expected


def test_leaving_a_base_we_do_not_know_is_no_deadline_of_the_country() -> None:
    day = date(2048, 11, 13)
    base = "US forces will leave Al-Khudair Air Base in western Iraq by the end of January."
    assert deadlines_of(base, day) == set()
    staying = (
        "The statement said coalition trainers at Camp Zerinbar would stay until 30 June 2049."
    )
    assert deadlines_of(staying, day) == set()  # no place named: the base is the date's
    known = "US forces will leave Ain al-Asad air base in western Iraq by the end of January."
    assert deadlines_of(known, day) == {
        ("deadline/coalition leaves Ain al-Asad", "2049-01", "month")
    }
    assert deadlines_of("US forces will leave Iraq by the end of January.", day) == {
        ("deadline/coalition leaves Iraq", "2049-01", "month")
    }


@pytest.mark.parametrize(
    "body",
    [
        "Ông khuyến nghị không nên giảm quân Mỹ tại Iraq xuống dưới khoảng 1.500 người.",
        "The general said the US should not cut its force in Iraq below about 1,500 troops.",
        "Thượng viện đã bỏ phiếu cấm Lầu Năm Góc cắt giảm số binh sĩ Mỹ tại Iraq xuống dưới "
        "2.500 người.",
        "Khoảng 700 lính Mỹ từ Umm Rabia đã rời Iraq, 250 người chuyển tới Kani Sard.",
        "About 700 US troops from Umm Rabia have left Iraq.",
        "Hiện có khoảng 900 lính Mỹ tại trạm không quân này.",
    ],
)
def test_advice_a_move_from_a_base_and_this_air_station_are_no_level(body: str) -> None:
    """A level someone advises not to go below; troops that left from a base; troops "tại
    trạm không quân này" (at this air station)."""
    assert troops_of(body, PUBLISHED) == set()


def test_troops_from_the_united_states_that_remain_are_the_level() -> None:
    body = "About 2,500 troops from the United States remain in Iraq."
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "current", 2500)}


def test_things_that_leave_set_no_deadline() -> None:
    """ "Every truck that leaves in May": a truck, not forces; troops and their equipment
    leaving by a date is a deadline."""
    day = date(2051, 5, 14)
    truck = '"Every truck that leaves in May is a truck we don\'t have to move in March," he said.'
    assert deadlines_of(truck, day) == set()
    assert (
        deadlines_of("Mỗi chiếc xe rời đi trong tháng 5 là một chiếc xe ít hơn ở Iraq.", day)
        == set()
    )
    both = "The last US troops and their equipment will leave Iraq by September 2052."
    assert deadlines_of(both, day) == {("deadline/coalition leaves Iraq", "2052-09", "month")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "About 700 of the roughly 950 US troops at the base have left Iraq and about 250 "
            "have moved to Kani Sard.",
            set(),
        ),
        ("US troops at the base in Baghdad will drop to 500.", {("US", "Baghdad", "planned", 500)}),
        ("About 900 US troops are at the base in Erbil.", {("US", "Erbil", "current", 900)}),
        ("US troops in Iraq down to 2,300", {("US", "Iraq", "current", 2300)}),
        (
            "US troops in Iraq will be down to 2,000 by March.",
            {("US", "Iraq", "planned", 2000)},
        ),
    ],
)
def test_at_the_base_unless_a_place_locates_it_and_down_to_a_level(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "at the base" is a site's count, though the sentence goes on to name Iraq ("have left
    Iraq"), unless the place locates the base ("at the base in Baghdad"); "down to 2,300"
    with no verb is a level reached."""
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "US leaves Iraq's Umm Rabia base early, troop count down to 2,300.",
            {("US", "Iraq", "current", 2300)},
        ),
        ("Iraq's army has 300,000 soldiers.", set()),
        ("Iraq's 300,000 soldiers guard the border.", set()),
    ],
)
def test_iraq_s_base_names_a_place_not_the_troops_owner(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


def test_closing_a_base_we_do_not_know_is_no_deadline_of_the_country() -> None:
    day = date(2046, 3, 7)
    body = (
        "Iraq và Mỹ nhất trí lùi thời hạn đóng cửa trại Kasra, gần biên giới Syria, từ ngày "
        "30/4/2046 sang ngày 31/10/2046."
    )
    assert deadlines_of(body, day) == set()
    assert deadlines_of("US forces will leave Iraq by October 31, 2046.", day) == {
        ("deadline/coalition leaves Iraq", "2046-10-31", "day")
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Quân số các nước đồng minh của Mỹ tại Iraq giảm còn khoảng 600.",
            {("coalition", "Iraq", "planned", 600)},
        ),
        (
            "Quân số các nước đối tác của Mỹ tại Iraq giảm còn khoảng 900.",
            {("coalition", "Iraq", "planned", 900)},
        ),
        (
            "Các nước trong liên quân do Mỹ dẫn đầu, không tính Mỹ, hiện chỉ còn khoảng 600 binh "
            "sĩ tại Iraq.",
            {("coalition", "Iraq", "current", 600)},
        ),
        (
            "The number of troops from coalition nations other than the US in Iraq is expected "
            "to fall below 500.",
            {("coalition", "Iraq", "planned", 500)},
        ),
        (
            "The US-led coalition has about 3,000 troops in Iraq.",
            {("coalition", "Iraq", "current", 3000)},
        ),
        ("The US has about 2,500 troops in Iraq.", {("US", "Iraq", "current", 2500)}),
    ],
)
def test_the_us_named_beside_others_troops_is_not_their_owner(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """The allies of the US, the coalition other than or not counting the US, the US-led
    coalition: the coalition's troops."""
    assert troops_of(body, PUBLISHED) == expected


def test_another_member_that_said_it_will_leave_sets_no_deadline_of_ours() -> None:
    day = date(2053, 9, 18)
    for body in (
        "Đan Mạch hôm thứ Năm (18/9) cho biết sẽ rút toàn bộ 120 huấn luyện viên quân sự khỏi "
        "Iraq trước ngày 31/3/2054.",
        "Denmark said on Thursday it will withdraw its 120 trainers from Iraq by March 31, 2054.",
    ):
        assert deadlines_of(body, day) == set()
    ours = "Britain said the coalition will withdraw from Iraq by March 31, 2054."
    assert deadlines_of(ours, day) == {("deadline/coalition leaves Iraq", "2054-03-31", "day")}
