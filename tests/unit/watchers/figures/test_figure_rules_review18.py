"""A review of the twelfth stop's second figure rules (our own writing): "đồn trú", "dự trữ",
"loại trừ" fold to "tru" and are no "except the US"; a budget named near a count is no cap
unless it assumes or plans "no more than" it; a forecast is of the force, not of a duty that
"could fall to" troops, nor what "đã có thể" (was able to) reach."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of

PUBLISHED = date(2026, 1, 15)


LEVELS = [
    # (the second review: "đồn trú", "dự trữ" are no "except the US"; a budget named near a count,
    # "assumed command", a duty that "could fall to" troops, "đã có thể" (was able to) leave the
    # level)
    (
        "Lực lượng đồn trú Mỹ tại Iraq hiện có khoảng 2.500 binh sĩ.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Quân nhân dự trữ Mỹ chiếm khoảng một phần ba trong số 2.500 binh sĩ tại Iraq.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "The budget request assumes a smaller force, but for now about 2,500 US troops remain in "
        "Iraq.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Amid the budget fight, the general who assumed command in March said 2,500 US troops "
        "remain in Iraq.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Dự toán mới tăng trợ cấp cho gia đình binh sĩ, trong khi Mỹ vẫn duy trì 2.500 quân tại "
        "Iraq.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Guarding the embassy could fall to some 2,500 US troops still in Iraq.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Nhờ thỏa thuận an ninh, quân số Mỹ tại Iraq đã có thể giảm xuống còn 2.500 vào tháng "
        "trước.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Trong năm qua, số binh sĩ Mỹ ở Iraq đã giảm mạnh, có thể nói là giảm còn 2.500.",
        ("US", "Iraq", "current", 2500),
    ),
    # (a third review: "trừ Mỹ" and "không kể Mỹ có" are the coalition; a garrison ("đồn trú") the
    # US)
    (
        "Các nước liên quân, trừ Mỹ, hiện có khoảng 900 binh sĩ ở Iraq.",
        ("coalition", "Iraq", "current", 900),
    ),
    (
        "Các nước liên quân, không kể Mỹ có khoảng 900 binh sĩ ở Iraq.",
        ("coalition", "Iraq", "current", 900),
    ),
    (
        "Lực lượng đồn trú Mỹ tại Iraq hiện có khoảng 900 binh sĩ.",
        ("US", "Iraq", "current", 900),
    ),
    # (a fourth review: "trừ Mỹ" not as an aside is the US's; a plan "plans for" not the budget's;
    # "quan chức" (officials) is no force)
    (
        "Tất cả các nước đã rút quân trừ Mỹ, nước hiện còn 2.000 binh sĩ tại Iraq.",
        ("US", "Iraq", "current", 2000),
    ),
    (
        "While Congress debates the budget, the Pentagon plans for 2,500 troops to stay in Iraq "
        "through 2026.",
        ("US", "Iraq", "planned", 2500),
    ),
    (
        "Quan chức Lầu Năm Góc có thể giảm còn 2.000 binh sĩ tại Iraq vào tháng 9, theo kế hoạch "
        "đã công bố.",
        ("US", "Iraq", "planned", 2000),
    ),
    # (a fifth review: "trừ Mỹ" is the coalition but "trừ Mỹ, nước …", "trừ Mỹ vẫn")
    (
        "Tất cả các nước đã rút quân trừ Mỹ, nước hiện còn 2.000 binh sĩ tại Iraq.",
        ("US", "Iraq", "current", 2000),
    ),
    (
        "Các nước đều đã rút, trừ Mỹ vẫn còn khoảng 2.500 binh sĩ tại Iraq.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Các lực lượng liên quân trừ Mỹ hiện có khoảng 1.000 binh sĩ tại Iraq.",
        ("coalition", "Iraq", "current", 1000),
    ),
    (
        "Các nước liên quân, ngoại trừ Mỹ, hiện còn khoảng 1.000 binh sĩ tại Iraq.",
        ("coalition", "Iraq", "current", 1000),
    ),
    (
        "Các nước đồng minh trừ Mỹ ra hiện còn khoảng 1.000 binh sĩ tại Iraq.",
        ("coalition", "Iraq", "current", 1000),
    ),
    (
        "Lực lượng đồn trú Mỹ tại Iraq hiện có khoảng 2.500 binh sĩ.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "While Congress debates the budget, the Pentagon plans for 2,500 troops to stay in Iraq "
        "through 2026.",
        ("US", "Iraq", "planned", 2500),
    ),
    # (a sixth review: a part of the total at a base is no list; a forecast under a plan)
    (
        "There are 2,500 US troops in Iraq, about 1,500 of them at the base in Erbil.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Mỹ có 2.500 binh sĩ ở Iraq, khoảng 1.500 người trong số đó tại căn cứ ở Erbil.",
        ("US", "Iraq", "current", 2500),
    ),
    (
        "Under the plan, the US force in Iraq could shrink to about 2,000 troops by September.",
        ("US", "Iraq", "planned", 2000),
    ),
]
NO_LEVELS = [
    # (the second review: a forecast of the force, a budget's cap)
    (
        "Số binh sĩ Mỹ tại Iraq có thể giảm xuống khoảng 1.800 vào cuối năm nay.",
        1800,
    ),
    (
        "The Pentagon's budget plans for an average of no more than 2,000 US troops in Iraq.",
        2000,
    ),
    # (a third review: forecasts with the force further before "could", a budget that assumes the
    # count)
    (
        "US troops stationed in Iraq could drop to about 1,800 by year's end.",
        1800,
    ),
    (
        "Quân Mỹ ở Iraq có thể giảm còn khoảng 1.800 vào cuối năm.",
        1800,
    ),
    (
        "The number of American soldiers in Iraq could fall to about 1,800.",
        1800,
    ),
    (
        "The budget request assumes about 1,800 US troops in Iraq next year.",
        1800,
    ),
    # (a fifth review: the budget's own verb right before the count)
    (
        "The budget plans for 2,000 US troops in Iraq next year.",
        2000,
    ),
    (
        "Ngân sách quốc phòng năm tài khóa 2027 giả định khoảng 2.000 binh sĩ Mỹ tại Iraq.",
        2000,
    ),
]


@pytest.mark.parametrize(("body", "count"), LEVELS)
def test_a_level_near_these_words_stays(body: str, count: tuple[str, str, str, int]) -> None:
    assert count in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(("body", "value"), NO_LEVELS)
def test_a_forecast_or_a_budgets_count_is_no_level(body: str, value: int) -> None:
    assert not {t for t in troops_of(body, published=PUBLISHED) if t[3] == value}
