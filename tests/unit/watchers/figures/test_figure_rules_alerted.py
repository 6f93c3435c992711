"""Figures alerted wrong on the same-week sets: a floor set on the force and a forecast of a bound
read as levels ("Senate moves to keep at least 2,500 US troops in Iraq", "nominee expects fewer
than 1,000 US troops in Iraq"), a unit's size or a site's read as the force's, a member's date
told as "nước này sẽ rút" read as ours, demands read as deadlines, a level's date read as a
place's, "the Baghdad withdrawal date" read as Iraq's, a former deadline read as one (each case
here was read wrong by the code before it, or is one the rule must leave alone)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troop_key
from watchers.figures import Deadline
from watchers.figures.extract import extract

PUBLISHED = date(2081, 10, 9)


def _dates(body: str, title: str = "") -> set[tuple[str, str]]:
    stated = extract(title, body, published=PUBLISHED).stated
    return {(d.key, d.date) for d in stated if isinstance(d, Deadline)}


def _counts(title: str, body: str) -> set[tuple[str, str, str, int]]:
    return {troop_key(t) for t in extract(title, body, published=PUBLISHED).troop_counts}


@pytest.mark.parametrize(
    "title",
    [
        "Senate moves to keep at least 2,500 US troops in Iraq until mid-2062",
        "Lawmakers want to maintain no fewer than 2,000 US troops in Iraq",
        "CENTCOM nominee expects fewer than 1,000 US troops in Iraq by end of 2082",
        "General expected under 1,500 US troops in Iraq by next summer",
    ],
)
def test_a_floor_or_a_forecast_of_a_bound_is_no_level(title: str) -> None:
    assert _counts(title, "") == set()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (  # a plan, its bound told after its verb
            "Pentagon expects to cut US troops in Iraq to fewer than 2,000 by March",
            {("US", "Iraq", "planned", 2000)},
        ),
        (  # a level, its bound no floor
            "At least 2,500 US troops remain in Iraq, Pentagon says",
            {("US", "Iraq", "current", 2500)},
        ),
        (  # a level kept so far, not a floor set
            "Washington has maintained at least 2,500 troops in Iraq since the end of 2080",
            {("US", "Iraq", "current", 2500)},
        ),
        (  # a plan, not a bill's floor
            "The Pentagon said it would retain at least 2,500 troops in Iraq through 2082",
            {("US", "Iraq", "planned", 2500)},
        ),
    ],
)
def test_a_bound_told_otherwise_is_still_read(
    title: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert _counts(title, "") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ngày 12/5, Bộ trưởng Quốc phòng Đan Mạch Anders Rønholt cho biết nước này sẽ rút 140 "
            "binh sĩ khỏi trại Tamarisk ở Iraq trước ngày 31/10.",
            set(),
        ),
        ("Đan Mạch cho biết họ sẽ rút 140 binh sĩ khỏi Iraq trước ngày 31/10/2082.", set()),
        (  # "nước này" is the speaker's: the member is met, not the one who says it
            "Bộ trưởng Hegseth gặp người đồng cấp Anh hôm thứ Hai và cho biết nước này sẽ rút quân "
            "khỏi Iraq trước tháng 9/2082.",
            {("deadline/coalition leaves Iraq", "2082-09")},
        ),
        (  # ours: the member is not the one leaving
            "Bộ trưởng Quốc phòng Đan Mạch cho biết quân Mỹ sẽ rút khỏi Iraq trước ngày 31/10.",
            {("deadline/coalition leaves Iraq", "2081-10-31")},
        ),
    ],
)
def test_a_member_saying_it_will_leave_owns_its_date(
    body: str, expected: set[tuple[str, str]]
) -> None:
    assert _dates(body) == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Thêm 370 lính Mỹ rời Iraq",
            "Một tiểu đoàn trực thăng Mỹ với khoảng 370 binh sĩ và 24 trực thăng đã rời trại Dar "
            "al-Salam gần Baghdad sang Kuwait.",
            set(),
        ),
        (
            "More US troops leave Iraq",
            "A US helicopter battalion with about 370 soldiers and 24 helicopters left Camp Dar "
            "al-Salam near Baghdad for Kuwait on Monday.",
            set(),
        ),
        (
            "Tiểu đoàn rời Baghdad",
            "Tiểu đoàn trực thăng Mỹ, với khoảng 370 binh sĩ, đã rời trại Dar al-Salam.",
            set(),
        ),
        (  # "with" after what the unit did is no size of it
            "Brigade leaves",
            "The last US combat brigade left Baghdad with 2,500 US troops remaining in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (  # the force's size, a unit named after it
            "US force in Iraq",
            "The United States has about 2,500 troops in Iraq, including a battalion of the 101st.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_a_units_size_is_not_the_forces(
    title: str, body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert _counts(title, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The United States has agreed to keep about 640 troops at a logistics base near the "
            "Iraqi port city of Basra for six weeks longer than planned.",
            set(),
        ),
        (
            "Lầu Năm Góc cho biết Mỹ đã đồng ý giữ khoảng 640 binh sĩ tại một căn cứ hậu cần gần "
            "thành phố cảng Basra của Iraq lâu hơn dự kiến.",
            set(),
        ),
        ("Khoảng 640 binh sĩ Mỹ sẽ ở lại trại.", set()),
        ("Khoảng 640 binh sĩ Mỹ sẽ ở lại Umm Nakhla thêm sáu tuần.", set()),
        (  # "there" is Iraq
            "Quân đội Mỹ đã hiện diện ở Iraq từ năm 2003. Hiện Mỹ có khoảng 2.500 binh sĩ ở đó.",
            {("US", "Iraq", "current", 2500)},
        ),
        # the country's: a place we know
        ("Khoảng 2.500 binh sĩ Mỹ vẫn ở lại Iraq.", {("US", "Iraq", "current", 2500)}),
        ("Mỹ hiện còn khoảng 2.500 binh sĩ tại Iraq.", {("US", "Iraq", "current", 2500)}),
        (
            "About 2,500 US troops remain in Iraq at bases in Baghdad and Erbil.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_troops_at_a_site_we_do_not_know_are_no_level(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert _counts("", body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the schedule agreed is another one: nothing accepted the demand
            "The United States said on Thursday that a resolution by Iraq's parliament demanding "
            "that foreign troops leave by the end of 2087 did not alter the withdrawal schedule "
            "agreed with the Iraqi government in March.",
            set(),
        ),
        (  # "đòi" after a comma
            "Liên minh Watan đã trao cho thủ tướng bản kiến nghị có 171 chữ ký, đòi toàn bộ quân "
            "nước ngoài rời Iraq trước cuối năm 2087.",
            set(),
        ),
        (  # "đổi" (to trade) folds like "đòi"
            "Iraq đã nhượng bộ, đổi Mỹ rút khỏi Baghdad trước tháng 9/2082 lấy việc giữ quân ở "
            "Erbil.",
            {("deadline/coalition leaves Baghdad", "2082-09")},
        ),
        (  # a date agreed by the other side: the demand was met
            "Baghdad demanded that coalition troops leave Iraq by September 2082, a date agreed "
            "by Washington on Friday.",
            {("deadline/coalition leaves Iraq", "2082-09")},
        ),
        (  # "đội quân" (an army) after a comma is no demand
            "Theo kế hoạch, đội quân Mỹ cuối cùng sẽ rời Iraq trước cuối năm 2087.",
            {("deadline/coalition leaves Iraq", "2087")},
        ),
        (
            "Parliament demanded that US troops leave Iraq by the end of 2087, and Washington "
            "agreed.",
            {("deadline/coalition leaves Iraq", "2087")},
        ),
    ],
)
def test_a_demand_is_no_deadline_unless_it_was_met(
    body: str, expected: set[tuple[str, str]]
) -> None:
    assert _dates(body) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (  # a level right before a date owns it
            "US agrees to leave Baghdad three months early, cut force to 2,000 by year-end",
            {("deadline/US troop cut due in Iraq", "2081")},
        ),
        (
            "Mỹ đồng ý rời Baghdad sớm ba tháng, giảm quân số xuống còn 2.000 trước cuối năm",
            {("deadline/US troop cut due in Iraq", "2081")},
        ),
        (  # down to none is leaving
            "Mỹ sẽ rút quân khỏi Iraq, giảm từ 2.500 xuống 0 trước cuối năm 2082",
            {("deadline/coalition leaves Iraq", "2082")},
        ),
        (  # the date right after the place is the place's
            "US will cut its force to 2,000 and leave Baghdad by June 2082",
            {("deadline/coalition leaves Baghdad", "2082-06")},
        ),
        (  # "the Baghdad withdrawal date" is a place's
            "Iraq and US bring forward Baghdad withdrawal date to April 2082",
            {("deadline/coalition leaves Baghdad", "2082-04")},
        ),
        ("Baghdad wants the withdrawal to be complete by September 2082", set()),  # a government
        ("The previous deadline was 30 September 2082.", set()),
        ("Thời hạn trước đó là ngày 30/9/2082.", set()),
        (  # an original date that still holds
            "US troops will leave Erbil by the original date of 30 September 2083.",
            {("deadline/coalition leaves Erbil", "2083-09-30")},
        ),
    ],
)
def test_which_place_and_which_date_a_title_gives(
    title: str, expected: set[tuple[str, str]]
) -> None:
    """A level right before a date owns it; a leaving named after Baghdad is Baghdad's; the
    former deadline is one no longer."""
    assert _dates("", title) == expected
