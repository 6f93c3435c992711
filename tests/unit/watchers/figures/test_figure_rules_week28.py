"""Figures whose misreading gave a wrong "figure changed" alert in the twenty-eighth same-week
set (our own writing, written blind): a plan said as "is planning to", "is supposed to", "the
accord foresees"; a floor someone wants or blocks; a request to come ("dự kiến đề nghị phía
Mỹ", "will ask the United States on Monday to"); a member's own date said by its minister
("… cho biết nước này sẽ rút"); and the readings beside them those rules must keep."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2064, 6, 10)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Pentagon is planning to keep about 1,400 US troops in Iraq once American forces "
            "leave Baghdad, two US officials said.",
            {("US", "Iraq", "planned", 1400)},
        ),
        (
            "Iraq, meanwhile, is supposed to keep about 2,200 US troops through the second phase.",
            {("US", "Iraq", "planned", 2200)},
        ),
        (
            "The accord foresees about 2,200 US troops remaining in Iraq after the first phase.",
            {("US", "Iraq", "planned", 2200)},
        ),
        # a floor, wanted or blocked, is no level
        ("The senators who want a floor of 2,200 US troops in Iraq are wrong.", set()),
        ("Hai thượng nghị sĩ muốn đặt mức sàn 2.200 binh sĩ Mỹ tại Iraq.", set()),
        ("Hai thượng nghị sĩ Mỹ muốn chặn việc giảm quân tại Iraq xuống dưới 2.200.", set()),
        ("Dự luật ngăn chặn việc cắt giảm quân Mỹ tại Iraq xuống dưới 2.200 người.", set()),
        # ... but a fall below a number, to come or done, is one
        (
            "Chắc chắn quân Mỹ tại Iraq sẽ giảm xuống dưới 2.200 người.",
            {("US", "Iraq", "planned", 2200)},
        ),
        ("Quân Mỹ tại Iraq đã giảm xuống dưới 2.200 người.", {("US", "Iraq", "current", 2200)}),
        ("About 2,500 US troops remain in Iraq.", {("US", "Iraq", "current", 2500)}),
    ],
)
def test_plans_and_floors(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a request to come is no deadline
        (
            "Chính phủ Iraq dự kiến đề nghị phía Mỹ hoàn tất việc rút quân khỏi toàn bộ lãnh thổ "
            "Iraq vào cuối tháng 8 thay vì cuối tháng 9, theo hai quan chức Iraq.",
            set(),
        ),
        (
            "Iraq will ask the United States on Monday to complete its withdrawal from Iraq by "
            "the end of August instead of the end of September.",
            set(),
        ),
        # a member's own date, said by its minister, is not the coalition's
        (
            "Bộ trưởng Quốc phòng Hà Lan Jorien Blaauwbroek hôm thứ Ba (10/6) cho biết nước này "
            "sẽ rút 140 huấn luyện viên quân sự khỏi Iraq trước ngày 31/10/2064.",
            set(),
        ),
        # what was agreed stays a deadline
        (
            "The United States agreed to leave Iraq by the end of August.",
            {("deadline/coalition leaves Iraq", "2064-08", "month")},
        ),
    ],
)
def test_requests_and_members_dates(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "fallen", "shrunk" are change language as "fell", "shrank" are
        (
            "The number of US troops in Iraq has fallen from about 3,150 to about 2,500.",
            {("US", "Iraq", "past", 3150), ("US", "Iraq", "current", 2500)},
        ),
        ("The US force in Iraq has shrunk to about 2,500.", {("US", "Iraq", "current", 2500)}),
        # a cap at most only as a limit set, not what is kept now (a review)
        ("Mỹ hiện giữ tối đa 2.500 binh sĩ tại Iraq.", {("US", "Iraq", "current", 2500)}),
        ("Mỹ hiện chỉ giữ tối đa 2.500 binh sĩ tại Iraq.", {("US", "Iraq", "current", 2500)}),
        ("My hien giu lai toi da 2.500 binh si tai Iraq.", {("US", "Iraq", "current", 2500)}),
        (
            "Lực lượng Mỹ tại Iraq hiện ở mức tối đa 2.500 binh sĩ.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Lực lượng Mỹ tại Iraq hiện được duy trì ở mức tối đa 2.500 binh sĩ.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_change_words_and_caps(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        # a floor proposed: barring, banning cutting below (the twenty-ninth set)
        "Two US senators on Thursday proposed barring the Pentagon from cutting the US force in "
        "Iraq below 2,500 troops until its mission ends.",
        "A bill banning cuts of US troops in Iraq below 2,500 passed the committee.",
    ],
)
def test_a_floor_proposed_is_no_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the count of attacks on troops is no level of the troops
        ("Attacks on US troops in Iraq fell to 12 a month.", set()),
        ("Rocket attacks against US troops in Iraq have fallen to about 20 since March.", set()),
        ("Số vụ tấn công nhằm vào lính Mỹ tại Iraq đã giảm xuống còn 12.", set()),
        # ... but the force named in the number's clause, or another clause's, still is
        (
            "Despite attacks on US forces, the US has cut its force in Iraq to 2,500.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Attacks on US troops in Iraq fell after the US cut its force to 2,500.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Two rockets hit a base housing 2,500 US troops in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_attacks_counted(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected
