"""Sentences a review wrote against the rules of ``test_troop_rules_conflicts``: each read as
the code before those rules read it, and wrongly by a first version of them ("được đồn trú"
as a plan, "The country hosts" as a site, "with roughly 2,500 U.S. troops in Iraq" as a unit,
"từng" anywhere after the number, "until September 2026" in another clause, "đang giám sát"
as a cut under way, "cam kết" as a ban, "muộn" as "muốn", "all of them in Erbil" as a share).
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2025, 3, 1)
NOW_2500 = ("US", "Iraq", "current", 2500)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hiện có khoảng 2.500 binh sĩ Mỹ được đồn trú tại Iraq.", {NOW_2500}),
        (
            "Mỹ có khoảng 2.500 binh sĩ được đồn trú ở Iraq và 900 ở Syria.",
            {NOW_2500, ("US", "Syria", "current", 900)},
        ),
        ("About 2,500 US troops in Iraq continue to remain at Ain al-Asad and Erbil.", {NOW_2500}),
        (
            "The country hosts about 2,500 U.S. troops as part of the coalition in Iraq.",
            {NOW_2500},
        ),
        ("The federal government, which hosts some 2,500 US troops, is in Iraq.", {NOW_2500}),
        (
            "Meanwhile, with roughly 2,500 U.S. troops in Iraq and 900 in Syria, American "
            "forces remain exposed.",
            {NOW_2500, ("US", "Syria", "current", 900)},
        ),
        ("Hiện nay, với khoảng 2.500 binh sĩ Mỹ ở Iraq, Washington vẫn có ảnh hưởng.", {NOW_2500}),
        (
            "Mỹ hiện có khoảng 2.500 binh sĩ tại Iraq, quốc gia từng là chiến trường chính.",
            {NOW_2500},
        ),
        (
            "Hiện khoảng 2.500 lính Mỹ còn lại tại Iraq, theo thỏa thuận sẽ rút hết đến tháng "
            "9/2026.",
            {NOW_2500},
        ),
        (
            "About 2,500 U.S. troops remain in Iraq for now, while the coalition's mission in "
            "Kurdistan continues until September 2026.",
            {NOW_2500},
        ),
        (
            "Theo thỏa thuận, sứ mệnh liên quân sẽ kết thúc sau năm 2026, nhưng hiện Mỹ vẫn còn "
            "khoảng 2.500 binh sĩ tại Iraq.",
            {NOW_2500},
        ),
        (
            "Iran-aligned factions have demanded the departure of the roughly 2,500 U.S. troops "
            "in Iraq.",
            {NOW_2500},
        ),
        (
            "Lầu Năm Góc đang giám sát việc rút quân và đã giảm quân số tại Iraq xuống còn "
            "khoảng 2.000 binh sĩ.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "The U.S. military is being repositioned and its presence was cut to about 2,000 "
            "troops last year.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "Washington cam kết giảm quân số tại Iraq xuống 2.000 binh sĩ vào tháng 9.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Mỹ sẽ tiếp tục hỗ trợ Iraq chống IS và hiện có khoảng 2.500 binh sĩ tại nước này.",
            {NOW_2500},
        ),
        (
            "About 2,500 US troops in Iraq remain on alert at the peak of tensions with Iran.",
            {NOW_2500},
        ),
        (
            "About 3,000 international troops remain in Iraq, where NATO also runs a training "
            "mission.",
            {("coalition", "Iraq", "current", 3000)},
        ),
        ("“Hai nghìn năm trăm binh sĩ Mỹ vẫn đang ở Iraq”, người phát ngôn nói.", {NOW_2500}),
        (
            "The remaining 350 US advisers, all of them in Erbil, will stay.",
            {("US", "Erbil", "current", 350)},
        ),
    ],
)
def test_what_the_rules_must_leave_as_it_was_read(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


def test_a_request_rule_does_not_read_muon_hon_as_wanting() -> None:
    """ "Không muộn hơn năm 2026" (no later than) is no "muốn" (want): the count is read."""
    body = "Không muộn hơn năm 2026, Mỹ giữ lại khoảng 350 cố vấn ở Erbil."
    assert {value for *_, value in troops_of(body, PUBLISHED)} == {350}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The US has handed over Camp Taji and cut its force in Iraq to about 2,500.", 2500),
        ("Mỹ đã bàn giao căn cứ Taji, giảm quân số tại Iraq xuống còn khoảng 2.500 binh sĩ.", 2500),
        (
            "After leaving Camp Taji, US forces in Iraq will drop to about 2,500 by year's end.",
            2500,
        ),
        (
            "Trước khi rời nhiệm sở, ông Biden đã giảm quân Mỹ tại Iraq xuống dưới 2.500 binh sĩ.",
            2500,
        ),
        (
            "Since the decision was taken before the election, the US has cut its Iraq garrison "
            "to under 2,500 troops.",
            2500,
        ),
        (
            "If talks succeed, the Pentagon will cut the Iraq force to below 2,000 by September.",
            2000,
        ),
        (
            "The US force in Iraq was to fall to about 2,500 by the end of January, and it has.",
            2500,
        ),
        (
            "The Marines sent home another battalion Sunday, with about 2,500 US troops now left "
            "in Iraq.",
            2500,
        ),
    ],
)
def test_a_second_review_s_levels_are_read(body: str, expected: int) -> None:
    """A base named in another clause; a condition or a time before a comma; a plan said then
    that came true; a battalion that is no named task force."""
    assert {value for *_, value in troops_of(body, PUBLISHED)} == {expected}


def test_a_second_review_s_deadlines_are_read() -> None:
    assert deadlines_of(
        "Lực lượng Mỹ đã rời căn cứ Taji và sẽ rút khỏi Iraq trước tháng 9/2026.", PUBLISHED
    ) == {("deadline/coalition leaves Iraq", "2026-09", "month")}
    assert deadlines_of(
        "The coalition, headquartered at the Union III base, will leave Iraq by September 2026.",
        PUBLISHED,
    ) == {("deadline/coalition leaves Iraq", "2026-09", "month")}
