"""Troop counts whose misreading gave a wrong "figure changed" alert in the same-week sets
(the eighteenth to the twenty-sixth): the partner nations "of the US" and soldiers "ngoài Mỹ"
beside the coalition, a task force's size, a ceiling a committee voted; and the readings
beside them those rules must keep (three reviews' cases)."""

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
            "Liên quân tại Iraq còn khoảng 750 lính ngoài Mỹ",
            {("coalition", "Iraq", "current", 750)},
        ),
        # "ngoài Mỹ" with no coalition named is abroad; "the partners" alone may be anyone's (a
        # review): the actor the sentence names
        (
            "About 2,500 U.S. troops besides US contractors remain in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Speaking after meeting the partners in Baghdad, Hegseth said about 2,500 US troops "
            "remain in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_the_partners_of_the_us_are_the_coalition(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "các nước đối tác của Mỹ" (the US's partner nations), "lính ngoài Mỹ" (soldiers other
    than the US's) count the coalition's other members, not the US."""
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
        "The committee voted to bar the U.S. military from keeping more than about 1,500 troops "
        "in Iraq.",
    ],
)
def test_a_task_force_and_a_ceiling_are_no_level(body: str) -> None:
    """A task force of one arm, not named, then its size; a ceiling voted ("bar ... from
    keeping more than")."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # (a review) the whole force, words that only begin like a bar, a ban on something else
        (
            "A US task force of about 2,500 troops remains in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Lực lượng đặc nhiệm do Mỹ dẫn đầu gồm khoảng 2.500 binh sĩ vẫn ở lại Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Iraqi President Barham Salih said the US is keeping more than 2,000 troops in Iraq.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "Despite a barrage of rocket attacks, the US continues to maintain over 2,500 troops "
            "in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Parliament's ban on foreign bases has not stopped the US from maintaining over 2,000 "
            "troops in Iraq.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "Iraq's parliament has not barred Washington from keeping more than 2,500 troops in "
            "Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Thủ tướng Iraq cảm ơn Mỹ vì đã duy trì hơn 2.500 binh sĩ tại Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Under the cap the US force in Iraq stands at 2,500.",
            {("US", "Iraq", "current", 2500)},
        ),
        (  # (a third review) a cap in force is the level now
            "The Pentagon has capped the U.S. presence in Iraq at about 2,500 troops.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_the_whole_force_and_a_level_beside_a_ban_are_levels(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


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
        # a cap at most ("tối đa") on what is kept is a plan, not the level now (the
        # twenty-second set's brief, read as the coalition's level when the topic took it)
        (
            "Liên quân chỉ giữ tối đa 1.500 quân ở Iraq sau tháng 12",
            {("coalition", "Iraq", "planned", 1500)},
        ),
        (
            "Bộ trưởng Quốc phòng các nước liên quân nhất trí giới hạn lực lượng tại Iraq sau ngày "
            "31/12 ở mức tối đa 1.500 binh sĩ.",
            {("coalition", "Iraq", "planned", 1500)},
        ),
        # "tối đa" after what the force has now is a bound, not a cap
        (
            "Mỹ hiện có tối đa 2.500 binh sĩ tại Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_a_cap_at_most_is_a_plan(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected
