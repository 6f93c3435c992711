"""Readings a review of the tenth stop's figure rules found changed for the worse (old and new
code side by side), kept as they were: options and weighing that are no one's plan only when
nothing decides them; NATO's own mission only with no coalition or US between; the first who
leave, not "lần đầu tiên"; a parliament's vote that ratifies an agreement."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from watchers.figures import extract

PUBLISHED = date(2026, 5, 11)
IRAQ = {("deadline/coalition leaves Iraq", "2026-09-30", "day")}
MISSION = {("deadline/coalition mission ends in Iraq", "2026-09-30", "day")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "After weeks of weighing options, the Pentagon announced on Monday that all US "
            "troops will leave Iraq by 30 September 2026.",
            IRAQ,
        ),
        (
            "Theo phương án được hai bên thống nhất, Mỹ sẽ rút toàn bộ quân khỏi Iraq trước "
            "ngày 30/9/2026.",
            IRAQ,
        ),
        (
            "Sau khi cân nhắc nhiều phương án, Lầu Năm Góc quyết định rút toàn bộ binh sĩ Mỹ "
            "khỏi Iraq trước ngày 30/9/2026.",
            IRAQ,
        ),
        (
            "Iraq's cabinet considered the withdrawal timetable on Monday and said US troops must "
            "leave the country by 30 September 2026.",
            IRAQ,
        ),
        (
            "Weighing in on the withdrawal, Iraq's foreign minister said US troops will leave "
            "the country by 30 September 2026 as agreed.",
            IRAQ,
        ),
        (
            "Sau nhiều tháng xem xét các phương án, Mỹ và Iraq tuyên bố liên quân sẽ kết thúc "
            "sứ mệnh trước ngày 30/9/2026.",
            MISSION,
        ),
        (
            "NATO said the US-led coalition would end its mission in Iraq by 30 September 2026.",
            MISSION,
        ),
        (
            "At NATO, Austin said the coalition will end its mission in Iraq by 30 September 2026.",
            MISSION,
        ),
    ],
)
def test_a_decision_is_read(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Sau khi cân nhắc nhiều phương án, Lầu Năm Góc quyết định giảm quân số Mỹ tại Iraq xuống "
        "còn khoảng 2.000 người.",
        "After reviewing several options, the Pentagon decided to cut US troops in Iraq to about "
        "2,000 by September.",
        "While Congress debates options for a residual force, the Pentagon will reduce US troops "
        "in Iraq to about 2,000 by September.",
    ],
)
def test_a_level_decided_is_a_plan(body: str) -> None:
    assert ("US", "Iraq", "planned", 2000) in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "As NATO expands its mission in Iraq, the US will cut its troops there to about 2,000 "
        "by 31 January 2027.",
        "Phái bộ NATO tại Iraq sẽ mở rộng khi Mỹ giảm quân số tại Iraq xuống còn khoảng 2.000 "
        "binh sĩ trước ngày 31/1/2027.",
    ],
)
def test_our_cut_beside_natos_mission_is_a_target(body: str) -> None:
    assert extract("", body, published=PUBLISHED).targets


def test_for_the_first_time_is_no_first_one_leaving() -> None:
    body = (
        "Hiện còn khoảng 2.500 lính Mỹ ở Iraq, lần đầu tiên con số này thấp như vậy kể từ khi "
        "Mỹ rút quân năm 2011."
    )
    assert troops_of(body, published=PUBLISHED) == {("US", "Iraq", "current", 2500)}


def test_a_vote_that_ratifies_an_agreement_sets_its_date() -> None:
    body = (
        "Iraq's parliament voted on Sunday for the withdrawal of US troops by 30 September "
        "2026, ratifying the security agreement signed with Washington."
    )
    assert deadlines_of(body, published=PUBLISHED) == IRAQ
