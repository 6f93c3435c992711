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
            "Liên quân tại Iraq còn khoảng 750 lính ngoài Mỹ",
            {("coalition", "Iraq", "current", 750)},
        ),
        # "the partners" alone may be anyone's (a review): the actor the sentence names
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
        "Ủy ban Quân vụ Thượng viện Mỹ đã bỏ phiếu cấm Lầu Năm Góc chi tiền để duy trì hơn 1.500 "
        "binh sĩ Mỹ tại Iraq sau ngày 30/9.",
    ],
)
def test_a_task_force_and_a_ceiling_are_no_level(body: str) -> None:
    """A task force of one arm, not named, then its size; a ceiling voted ("bar ... from
    keeping more than", "cấm ... duy trì hơn")."""
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The agreement caps the US force in Iraq at about 2,000 troops from September.",
            {("US", "Iraq", "planned", 2000)},
        ),
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
    ],
)
def test_a_cap_agreed_is_a_plan_and_the_whole_force_a_level(
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
        (
            "Quân số Mỹ tại Iraq giảm từ khoảng 3.300 xuống còn khoảng 2.700.",
            {("US", "Iraq", "past", 3300), ("US", "Iraq", "current", 2700)},
        ),
        # a tense word, a may, a time that may be to come (before or after), a decision, a
        # result clause (a review): still a plan
        (
            "Đến tháng 9/2026, quân số Mỹ tại Iraq giảm xuống còn khoảng 1.500.",
            {("US", "Iraq", "planned", 1500)},
        ),
        (
            "Quân số Mỹ tại Iraq sắp giảm từ khoảng 2.500 xuống còn khoảng 2.000.",
            {("US", "Iraq", "current", 2500), ("US", "Iraq", "planned", 2000)},
        ),
        (
            "Quân số Mỹ tại Iraq giảm từ khoảng 2.500 xuống còn khoảng 2.000 vào tháng 9.",
            {("US", "Iraq", "current", 2500), ("US", "Iraq", "planned", 2000)},
        ),
        (
            "Quân số Mỹ tại Iraq giảm xuống còn 2.000 trong thời gian tới.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Theo kế hoạch, quân số Mỹ tại Iraq giảm xuống còn khoảng 2.000.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Việc thu hẹp diễn ra sau khi Mỹ trao căn cứ Ain al-Asad cho Iraq vào tháng 9, đưa "
            "quân số Mỹ xuống khoảng 2.000.",
            {("US", "Iraq", "planned", 2000)},
        ),
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
