"""What a review of the ninth stop's figure rules found (``test_figure_rules_left``,
``test_figure_rules_week31``): a destination read as the place a date is for ("… by September
2025 for Erbil", "cho quân đội Iraq tiếp quản"), a clock read as a year ("by 2100 GMT"), the
US's date given to an ally met beside it, a recommendation approved read as a demand, the last
ones who stay read as leaving, anyone's call for a number read as a plan; and what the rules
missed (casualties counted in troops, demands made "in a statement", "his country's troops")."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "US troops will leave Baghdad and Ain al-Asad by September 2025 for Erbil in the "
            "Kurdistan region.",
            {
                ("deadline/coalition leaves Baghdad", "2025-09", "month"),
                ("deadline/coalition leaves Ain al-Asad", "2025-09", "month"),
            },
        ),
        (
            "Liên quân sẽ rút khỏi căn cứ Ain al-Asad trước tháng 1/2026 cho quân đội Iraq tiếp "
            "quản.",
            {("deadline/coalition leaves Ain al-Asad", "2026-01", "month")},
        ),
        (
            "Coalition troops will leave Iraq by September 2025 for Kuwait, officials said.",
            {("deadline/coalition leaves Iraq", "2025-09", "month")},
        ),
        (
            "Thời hạn 30/9/2026 cho khu vực Kurdistan vẫn được giữ nguyên.",
            {("deadline/coalition leaves Kurdistan", "2026-09-30", "day")},
        ),
        # a clock, not a year
        ("US forces will leave Baghdad by 2100 GMT.", set()),
        ("The group warned US troops to leave before 2100 GMT on Sunday.", set()),
        ("US forces will withdraw from the Baghdad airport base by 2130 on Monday.", set()),
        # the US's date, its speaker named by his office and name beside an ally's
        (
            "Speaking alongside his French counterpart in Paris, Defense Secretary Lloyd Austin "
            "said his country would withdraw its forces from Baghdad by September 2025.",
            {("deadline/coalition leaves Baghdad", "2025-09", "month")},
        ),
        (
            "Tổng thống Donald Trump tiếp Thủ tướng Anh Keir Starmer tại Nhà Trắng hôm thứ Năm. "
            "Ông Trump cho biết nước này sẽ rút toàn bộ binh sĩ khỏi Iraq trước cuối năm 2026.",
            {("deadline/coalition leaves Iraq", "2026", "year-end")},
        ),
        # a recommendation approved is a decision
        (
            "President Joe Biden approved the Pentagon's recommendation for the withdrawal of US "
            "troops from Baghdad by September 2025, officials said.",
            {("deadline/coalition leaves Baghdad", "2025-09", "month")},
        ),
        (
            "Tổng thống Joe Biden đã phê duyệt khuyến nghị rút quân Mỹ khỏi Baghdad trước tháng "
            "9/2025.",
            {("deadline/coalition leaves Baghdad", "2025-09", "month")},
        ),
        # demands, however they are said
        (
            "The Coordination Framework demanded in a statement on Sunday that US troops leave by "
            "the end of 2025.",
            set(),
        ),
        ("The bloc demanded earlier this month that US troops leave by the end of 2025.", set()),
        # an ally's date, said of "his country's troops"
        (
            "British Defence Secretary John Healey visited Baghdad on Monday. He said his "
            "country's troops would leave Iraq by September 2025.",
            set(),
        ),
        (
            "German Defence Minister Boris Pistorius visited Erbil on Monday. He said his country "
            "would end its training mission in Iraq by September 2026.",
            set(),
        ),
    ],
)
def test_deadlines(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the last ones who stay, or do not leave, are a level
        (
            "The last 2,000 US troops will remain in Erbil after the coalition withdraws from "
            "Baghdad.",
            {("US", "Erbil", "planned", 2000)},
        ),
        (
            "Khoảng 2.000 binh sĩ Mỹ cuối cùng sẽ ở lại Erbil sau khi liên quân rút khỏi Baghdad.",
            {("US", "Erbil", "planned", 2000)},
        ),
        (
            "The last 2,500 US troops in Iraq will not leave until September 2026.",
            {("US", "Iraq", "current", 2500)},
        ),
        # "cuối cùng" is also "eventually"
        (
            "Mỹ duy trì 2.500 binh sĩ tại Iraq và cuối cùng sẽ rút toàn bộ trước cuối năm 2026.",
            {("US", "Iraq", "current", 2500)},
        ),
        # anyone's call for a number is no plan, nor a level
        ("Some Iraqi lawmakers call for 2,500 US troops to stay in Iraq.", set()),
        ("The senator is calling for 5,000 US troops in Iraq, double the current level.", set()),
        (
            "The Pentagon's plan now calls for about 1,600 US troops to remain in Iraq.",
            {("US", "Iraq", "planned", 1600)},
        ),
        # what attacks cost, counted in troops
        (
            "Casualties among US troops in Iraq and Syria have risen to 186 service members since "
            "October.",
            set(),
        ),
        ("Thương vong của lính Mỹ ở Iraq đã lên tới 12 binh sĩ.", set()),
        (
            "Despite casualties among US troops, the US has cut its force in Iraq to 2,000 troops.",
            {("US", "Iraq", "current", 2000)},
        ),
    ],
)
def test_troops(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected
