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
    # (the second review) someone's expectation below a number, a ban on the funds
    "Analysts expect the number of US troops in Iraq to fall below 2,000 next year.",
    "Dự luật cấm dùng quỹ quốc phòng để duy trì hơn 1.500 quân Mỹ tại Iraq.",
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
    # (the second review) the Pentagon's expectation stays its plan; the dead in another clause;
    # a time inside the sentence, not opening it; troops sent, "bringing the total"; a floor of
    # the Senate
    (
        "The Pentagon has said it expects US troops in Iraq to fall below 2,000 by September as "
        "part of the agreed drawdown.",
        ("US", "Iraq", "planned", 2000),
    ),
    (
        "After two soldiers were killed, the number of US troops in Iraq rose to 2,800.",
        ("US", "Iraq", "current", 2800),
    ),
    (
        "Under the agreement signed in 2024, about 2,000 US troops remained in Iraq, down from "
        "2,500, the Pentagon said on Monday.",
        ("US", "Iraq", "current", 2000),
    ),
    (
        "The Pentagon sent 300 troops to Iraq after the drone attack, bringing the total in Iraq "
        "to about 2,800.",
        ("US", "Iraq", "planned", 2800),
    ),
    (
        "On the Senate floor - 2,500 US troops remain in Iraq, Reed reminded colleagues.",
        ("US", "Iraq", "current", 2500),
    ),
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


@pytest.mark.parametrize(
    "body",
    [
        # (the second review) said to stand, a move denied or elsewhere in the sentence
        "Thời hạn rút quân Mỹ khỏi Iraq không thay đổi, vẫn là ngày 30/9/2026.",
        "Despite reports of a delay, the deadline for US troops to leave Iraq remains 30 "
        "September 2026.",
    ],
)
def test_a_date_said_to_stand_despite_a_word_of_moving(body: str) -> None:
    (deadline,) = extract("Iraq", body, published=PUBLISHED).deadlines
    assert deadline.stands


@pytest.mark.parametrize(
    "body",
    [
        # (the second review) staff moved with the coalition or its advisers: a deadline
        "The coalition will cut its headquarters staff and leave Baghdad by 30 September 2026.",
        "Mỹ sẽ rút nhân viên và cố vấn khỏi Baghdad trước ngày 30/9/2026.",
    ],
)
def test_staff_with_our_forces_keep_the_deadline(body: str) -> None:
    (deadline,) = extract("Iraq", body, published=PUBLISHED).deadlines
    assert deadline.date == "2026-09-30"
