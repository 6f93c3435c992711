"""What a second review of the ninth stop's figure rules found (``test_figure_rules_review9``,
``test_figure_rules_week31``): a fronted date's list ("By September 2025, …, and by
September 2026 …") losing its first date, an ally's speaker named again by surname or office
("Healey said his country …", "The minister said …", "Bà Robles cho biết nước này …"), a
parliament's recommendation read as a decision, a handover to come read as done ("sắp bàn
giao …, qua đó giảm …"), a level in a clause that names casualties dropped, a plan's "calls
for" unread when its noun is not in the first words, "for Kurdistan" with no word of region,
those who remain before they leave, and the last who left read as a level."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Until September 2025, coalition troops will stay at Ain al-Asad and in Baghdad, and "
            "until September 2026 in Erbil.",
            {
                ("deadline/coalition leaves Ain al-Asad", "2025-09", "month"),
                ("deadline/coalition leaves Baghdad", "2025-09", "month"),
                ("deadline/coalition leaves Erbil", "2026-09", "month"),
            },
        ),
        # another member's speaker, named again by surname, office or "Bà"
        (
            "British Defence Secretary John Healey visited troops in Erbil on Tuesday. Healey "
            "said his country would withdraw its remaining troops from Iraq by September 2026.",
            set(),
        ),
        (
            "Britain's defence minister visited Erbil on Tuesday. The minister said his country "
            "would withdraw its troops from Iraq by the end of 2025.",
            set(),
        ),
        (
            "In an interview with Deutsche Welle on Thursday, Germany's defence minister said his "
            "country would withdraw its soldiers from Iraq by the end of 2025.",
            set(),
        ),
        (
            "Bộ trưởng Quốc phòng Tây Ban Nha Margarita Robles thăm binh sĩ tại Baghdad hôm 14/1. "
            "Bà Robles cho biết nước này sẽ rút quân khỏi Iraq trước cuối năm 2025.",
            set(),
        ),
        (
            "Italian Defence Minister Guido Crosetto met his US counterpart on Monday and said his "
            "country would pull its troops out of Iraq by September 2026.",
            set(),
        ),
        # a parliament's recommendation, or one that urges a demand, is a demand
        (
            "Iraq's parliament approved a recommendation urging the government to demand that "
            "US-led coalition forces leave the country by the end of 2025.",
            set(),
        ),
        (
            "Quốc hội Iraq đã phê duyệt khuyến nghị yêu cầu chính phủ buộc quân Mỹ rút khỏi Iraq "
            "trước cuối năm 2025.",
            set(),
        ),
        (
            "Kataib Hezbollah demanded in a statement issued late on Sunday that US forces leave "
            "Iraq by the end of the year.",
            set(),
        ),
        # "for Kurdistan" is a region's
        (
            "The coalition will end its military mission in federal Iraq by September 2025 and "
            "by September 2026 for Kurdistan.",
            {
                ("deadline/coalition mission ends in Iraq", "2025-09", "month"),
                ("deadline/coalition mission ends in Kurdistan", "2026-09", "month"),
            },
        ),
        # those who remain, then leave: the first
        (
            "Some of the 2,500 US troops who remain in Iraq will start leaving Baghdad by "
            "September 2025.",
            {("deadline/first coalition troops leave Baghdad", "2025-09", "month")},
        ),
    ],
)
def test_deadlines(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a handover to come, possible or wished for
        (
            "Mỹ sắp bàn giao căn cứ Ain al-Asad cho Iraq, qua đó giảm số binh sĩ Mỹ tại Iraq xuống "
            "còn khoảng 2.000.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Mỹ có thể bàn giao căn cứ Ain al-Asad cho quân đội Iraq, qua đó giảm số binh sĩ Mỹ "
            "tại Iraq xuống còn khoảng 2.000.",
            {("US", "Iraq", "planned", 2000)},
        ),
        # a level in a clause that names casualties, not what they cost
        (
            "Deaths among US troops in the region have not shaken Washington's plan to keep about "
            "2,500 troops in Iraq.",
            {("US", "Iraq", "planned", 2500)},
        ),
        (
            "Casualties among US troops have not changed the US posture of 2,500 troops in Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        ("Injuries among US troops in Iraq rose to 64 service members.", set()),
        # a plan's "calls for", its noun further off
        (
            "The plan, announced in September, calls for about 2,000 US troops to remain in Iraq "
            "until September 2026.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Under the agreement, the second phase calls for about 1,500 US troops to remain in "
            "Kurdistan.",
            {("US", "Kurdistan", "planned", 1500)},
        ),
        # the last who left, where they had been stationed
        (
            "Khoảng 250 binh sĩ Mỹ đóng quân tại Ain al-Asad cuối cùng đã rời căn cứ hôm 17/1.",
            set(),
        ),
        ("The last 250 US troops stationed at Ain al-Asad until this week left on Sunday.", set()),
    ],
)
def test_troops(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected
