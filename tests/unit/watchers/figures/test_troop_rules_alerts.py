"""Troop counts whose misreading gave a wrong "figure changed" alert in the same-week sets
(the twenty-fourth to the twenty-sixth): the partner nations "of the US", a task force's
size, a ceiling a committee voted, a Vietnamese count that fell with no word of tense; and the
readings beside them those rules must keep."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of

PUBLISHED = date(2076, 3, 14)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Người phát ngôn liên quân cho biết các nước đối tác của Mỹ hiện chỉ còn khoảng 950 "
            "binh sĩ tại Iraq, giảm khoảng 200 người so với trước.",
            {("coalition", "Iraq", "current", 950)},
        ),
        (
            "The partners are down to about 900 troops in Iraq.",
            {("coalition", "Iraq", "current", 900)},
        ),
    ],
)
def test_the_partners_of_the_us_are_the_coalition(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "các nước đối tác của Mỹ" (the US's partner nations) and "the partners" count the
    coalition's other members, not the US."""
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "A US Army aviation task force of about 300 soldiers and 24 helicopters at Camp Sarwan "
        "will leave Iraq in the coming days, three US officials said.",
        "Một lực lượng đặc nhiệm không quân lục quân Mỹ gồm khoảng 300 binh sĩ và 24 trực thăng "
        "tại trại Sarwan, khu vực Kurdistan của Iraq, sẽ rời đi trong những ngày tới.",
        "The Senate Armed Services Committee voted 15-11 on Thursday to bar the Pentagon from "
        "spending money to keep more than 1,500 US troops in Iraq after 30 September.",
        "The amendment would cap the US force in Iraq at 1,500 troops after September.",
    ],
)
def test_a_task_force_and_a_ceiling_are_no_level(body: str) -> None:
    """A task force not named, then its size; a ceiling voted or proposed ("bar ... from
    keeping more than", "cap ... at")."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Washington will keep more than 2,000 troops in Iraq.", {("US", "Iraq", "planned", 2000)}),
        ("The US has more than 2,500 troops in Iraq.", {("US", "Iraq", "current", 2500)}),
    ],
)
def test_a_bound_with_no_ceiling_voted_is_still_a_level(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Quân số Mỹ tại Iraq giảm từ khoảng 3.300 xuống còn khoảng 2.700.",
            {("US", "Iraq", "past", 3300), ("US", "Iraq", "current", 2700)},
        ),
        (
            "Sự thu hẹp được công bố một ngày sau khi Mỹ trao căn cứ Bir Marzouq cho Iraq, đưa "
            "quân số Mỹ xuống khoảng 2.850.",
            {("US", "Iraq", "current", 2850)},
        ),
        # a tense word, a may, a time that may be to come, a decision: still a plan
        (
            "Quân số Mỹ tại Iraq sẽ giảm từ 2.900 xuống 1.800.",
            {("US", "Iraq", "current", 2900), ("US", "Iraq", "planned", 1800)},
        ),
        ("Quân số Mỹ tại Iraq có thể giảm xuống còn 2.000.", {("US", "Iraq", "planned", 2000)}),
        (
            "Quân số Mỹ tại Iraq giảm xuống còn 3.000 trong tháng 9.",
            {("US", "Iraq", "planned", 3000)},
        ),
        (
            "Mỹ quyết định giảm sự hiện diện của quân đội tại Iraq từ khoảng 5.200 xuống còn "
            "3.000 binh sĩ.",
            {("US", "Iraq", "current", 5200), ("US", "Iraq", "planned", 3000)},
        ),
    ],
)
def test_a_vietnamese_count_that_fell_is_done(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """The count itself the subject of "giảm", with no word of tense, or a handover's result:
    the level now, and the level it fell from is past."""
    assert troops_of(body, PUBLISHED) == expected
