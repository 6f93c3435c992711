"""What a review of the thirteenth stop's figure rules found (probe sentences run through the
code before and after them): rises read with the dead and wounded, "remained …, down from" of a
past time, an official's expectation of a plan, "fallen" beside the level, a drone ban, "hiện
là" and a move said as standing, a rise "from 2,500 to 2,800" read as a range, and the readings
those rules must keep. Each case was read wrongly by the rules' first version."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of
from watchers.figures import extract

PUBLISHED = date(2026, 3, 1)

NO_LEVELS = [
    # the dead and wounded counted, their count rising
    "The number of US troops injured in the attack has risen to 34.",
    "Số binh sĩ Mỹ bị thương trong vụ tấn công đã tăng lên 34 người.",
    "Số lính Mỹ thiệt mạng tại Iraq kể từ 2003 đã tăng lên 4.500.",
    "The number of US troops treated for brain injuries after the strike has risen to 109.",
    "Three more US soldiers were killed in Iraq, bringing the total to 4,492.",
    "In 2014 Obama sent 450 more advisers, bringing the total number of US troops in Iraq to "
    "3,100.",
]

LEVELS = [
    # a past time before "remained/were …, down from" keeps the count in the past
    (
        "When the drawdown began in 2024, 2,500 US troops remained in Iraq, down from 5,200 in "
        "2020.",
        ("US", "Iraq", "past", 2500),
    ),
    (
        "At the end of the Obama administration, about 5,000 US troops were in Iraq, up from "
        "fewer than 50 in 2014.",
        ("US", "Iraq", "past", 5000),
    ),
    (
        "Last year about 3,000 US troops were stationed in Iraq, up from 2,500.",
        ("US", "Iraq", "past", 3000),
    ),
    # ... and without one, a level a change left is the level
    (
        "About 2,000 US troops remained in Iraq after Sunday's departure, down from 2,500.",
        ("US", "Iraq", "current", 2000),
    ),
    # an official's expectation under a plan stays a plan
    (
        "Pentagon officials expect the number of US troops in Iraq to fall below 2,000 by "
        "September under the drawdown plan.",
        ("US", "Iraq", "planned", 2000),
    ),
    (
        "The Pentagon expected the drawdown to go smoothly, and US troop numbers in Iraq will fall "
        "below 2,000 by September.",
        ("US", "Iraq", "planned", 2000),
    ),
    (
        "Họ dự kiến rút bớt quân, và quân số Mỹ tại Iraq đã giảm xuống dưới 2.000.",
        ("US", "Iraq", "current", 2000),
    ),
    # "fallen" beside the level, in another clause
    (
        "At a ceremony honouring fallen US soldiers, the Pentagon said about 2,500 US troops "
        "remain in Iraq.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Hegseth laid a wreath for fallen troops on Monday and said the 2,500 US troops in Iraq "
        "would be cut to 2,000 by September.",
        ("US", "Iraq", "planned", 2000),
    ),
    # a ban on drones, not on funds
    (
        "Lầu Năm Góc cấm dùng drone thương mại tại các căn cứ đang duy trì hơn 2.000 binh sĩ Mỹ "
        "ở Iraq.",
        ("US", "Iraq", "current", 2000),
    ),
    # a rise: its simple past is done, "from 2,500 to 2,800" two numbers, its perfect done
    ("US troop numbers in Iraq rose to about 2,800 last week.", ("US", "Iraq", "current", 2800)),
    (
        "US troops in Iraq rose from 2,500 to 2,800 after the attack.",
        ("US", "Iraq", "current", 2800),
    ),
    ("US troops in Iraq rose from 2,500 to 2,800 after the attack.", ("US", "Iraq", "past", 2500)),
    (
        "The number of US troops in Iraq has risen to about 2,800.",
        ("US", "Iraq", "current", 2800),
    ),
]


@pytest.mark.parametrize("body", NO_LEVELS)
def test_no_level(body: str) -> None:
    assert {t for t in troops_of(body, published=PUBLISHED) if t[:2] == ("US", "Iraq")} == set()


@pytest.mark.parametrize(("body", "count"), LEVELS)
def test_level(body: str, count: tuple[str, str, str, int]) -> None:
    assert count in troops_of(body, published=PUBLISHED)


def test_a_range_stays_a_range() -> None:
    assert troops_of("The US has 250 to 350 advisers in Erbil.", published=PUBLISHED) == {
        ("US", "Erbil", "current", 350)
    }


@pytest.mark.parametrize(
    "body",
    [
        "Hạn chót để quân Mỹ rời Baghdad hiện là 31/12/2026, sau khi được lùi ba tháng.",
        "The Pentagon said the deadline for US forces to leave Baghdad now stands at 31 December "
        "2026 after a three-month extension.",
        "Lầu Năm Góc cho biết thời hạn mới để quân Mỹ rời Baghdad hiện là tháng 12/2026.",
        "Theo thỏa thuận sửa đổi, thời hạn để quân Mỹ rời Baghdad hiện là 31/12/2026 thay vì "
        "30/9/2026.",
    ],
)
def test_a_date_moved_or_new_does_not_stand(body: str) -> None:
    deadlines = extract("Iraq", body, published=PUBLISHED).deadlines
    assert deadlines
    assert not any(d.stands for d in deadlines)


@pytest.mark.parametrize(
    "body",
    [
        "Mỹ chưa cam kết với thời hạn tháng 1/2027 để rút quân khỏi Baghdad.",
        "The Pentagon must submit by 1 March 2027 a plan for the withdrawal of US troops from "
        "Iraq.",
    ],
)
def test_no_deadline(body: str) -> None:
    assert extract("Iraq", body, published=PUBLISHED).deadlines == ()
