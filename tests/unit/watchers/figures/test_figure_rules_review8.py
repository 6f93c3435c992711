"""What a review of the eighth stop's figure rules found (``test_figure_rules_week28``): the
dead ("fallen soldiers") read as a change, a cap "tối đa" said of the level now, words of
blocking that block nothing ("đặt chân", "đánh chặn", "the blockade", "to prevent a vacuum"),
attacks whose clause names the force's own count, and the readings those rules must keep."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2064, 6, 10)
NOW_2500 = {("US", "Iraq", "current", 2500)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The number of fallen US soldiers in Iraq rose to 4,500.", set()),
        ("The US has two fallen soldiers in Iraq this year, bringing the total to 4,500.", set()),
        ("The number of US troops in Iraq has now fallen to about 2,500.", NOW_2500),
        ("Hiện Mỹ chỉ giữ tối đa 2.500 quân tại Iraq.", NOW_2500),
        ("Mỹ hiện nay chỉ giữ tối đa 2.500 quân tại Iraq.", NOW_2500),
        ("Từ năm 2061, Mỹ chỉ giữ tối đa 2.500 quân tại Iraq.", NOW_2500),
        ("Do giới hạn ngân sách quân Mỹ tại Iraq hiện ở mức tối đa 2.500 binh sĩ.", NOW_2500),
        (
            "Mỹ đã đặt chân tại Iraq và giảm quân xuống dưới 2.000 binh sĩ.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "Hệ thống đánh chặn tại căn cứ vẫn hoạt động dù Mỹ đã giảm quân tại Iraq xuống dưới "
            "2.000 binh sĩ.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "The blockade ended and the US has now reduced its troops in Iraq to under 2,500.",
            NOW_2500,
        ),
        (
            "To prevent a vacuum the US has reduced its troops in Iraq only to under 2,500.",
            NOW_2500,
        ),
        (
            "Senators want to stop the Pentagon from reducing the US force in Iraq below 2,000 "
            "troops.",
            set(),
        ),
        ("The bill would block any reduction of US troops in Iraq to less than 2,000.", set()),
        ("Lawmakers set a floor at 2,200 US troops in Iraq.", set()),
        ("Dự luật đặt mức tối thiểu 2.200 binh sĩ Mỹ tại Iraq.", set()),
        (
            "Despite attacks on US troops the Pentagon has cut its presence in Iraq to 2,500.",
            NOW_2500,
        ),
        ("Attacks on US troops in Iraq have risen even as their number fell to 2,500.", NOW_2500),
        (
            "Sau các vụ tấn công vào quân Mỹ Lầu Năm Góc đã giảm số binh sĩ tại Iraq xuống còn "
            "2.500.",
            NOW_2500,
        ),
        ("After the Hamas attack on Israel US forces in Iraq were cut to 2,500.", NOW_2500),
        ("Attacks against American service members in Iraq fell to 12 last month.", set()),
        ("Strikes by militias on US troops in Iraq fell to 12.", set()),
    ],
)
def test_troops_a_review_found(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Đề nghị phía Mỹ rút quân trước ngày 30/9/2065 đã được hai bên nhất trí.",
        "Phía Iraq đã đề nghị phía Mỹ rút quân và Mỹ cam kết sẽ rút toàn bộ trước ngày 30/9/2065.",
    ],
)
def test_a_request_met_sets_the_deadline(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Iraq", "2065-09-30", "day")
    }


@pytest.mark.parametrize(
    "body",
    [
        # a plan given up is no level (the twenty-ninth set)
        "Okafor-Hale said the earlier plan, for about 1,600 troops, had been drawn up before the "
        "units were certified.",
        "The original plan called for 2,500 US troops to remain in Iraq.",
        "Kế hoạch ban đầu là khoảng 1.600 binh sĩ Mỹ ở lại Iraq.",
    ],
)
def test_a_plan_given_up_is_no_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Pentagon plans to keep only about 1,100 US troops in Iraq after leaving Baghdad.",
            {("US", "Iraq", "planned", 1100)},
        ),
        ("The US will keep just 2,000 troops in Iraq.", {("US", "Iraq", "planned", 2000)}),
        ("Mỹ sẽ giữ lại chỉ 2.000 binh sĩ tại Iraq.", {("US", "Iraq", "planned", 2000)}),
        ("The US keeps only 2,500 troops in Iraq.", NOW_2500),
    ],
)
def test_keeping_only_is_kept(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected
