"""What a third review of this stop's rules found of the figures (our own writing): a cap
decided, agreed, signed or passed is a plan though a proposal is named; "quân đội" is no
"đổi" (a change); "giữa năm 2181 và năm 2182" is a span, not the middle of a year; a list's
item is a name, not "and Sudani expects withdrawal by"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2180, 6, 8)


@pytest.mark.parametrize(
    ("body", "value"),
    [
        (
            "Sau khi bác bỏ đề xuất rút toàn bộ, Lầu Năm Góc quyết định giới hạn quân số Mỹ tại "
            "Iraq ở mức 2.500.",
            2500,
        ),
        (
            "In line with the Iraqi proposal, the Pentagon agreed to a cap of 2,000 troops in "
            "Iraq.",
            2000,
        ),
        ("Congress passed the amendment, setting a cap of 2,000 US troops in Iraq.", 2000),
    ],
)
def test_a_cap_decided_is_a_plan(body: str, value: int) -> None:
    assert ("US", "Iraq", "planned", value) in troops_of(body, published=PUBLISHED)


def test_two_phases_are_no_move() -> None:
    body = (
        "Quân đội Mỹ sẽ rút khỏi Iraq theo một lộ trình gồm hai giai đoạn, từ tháng 9/2180 đến "
        "tháng 9/2181."
    )
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Iraq", "2180-09", "month"),
        ("deadline/coalition leaves Iraq", "2181-09", "month"),
    }


def test_between_two_years_is_no_middle() -> None:
    body = "Quân Mỹ sẽ rời Kurdistan vào khoảng thời gian giữa năm 2181 và năm 2182."
    got = deadlines_of(body, published=PUBLISHED)
    assert ("deadline/coalition leaves Kurdistan", "2181-06", "month") not in got


def test_a_sentence_after_and_is_no_list_item() -> None:
    body = "Talks ended on Monday, and Sudani expects withdrawal by 30 September 2180."
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Iraq", "2180-09-30", "day")
    }


def test_a_bills_cap_said_of_hoa_ky_is_no_plan() -> None:
    """(reading the change once more) "Hoa Kỳ" folds to "hoa ky", which is not "ký" (signed)."""
    body = "Một dự luật mới yêu cầu giới hạn quân số Hoa Kỳ tại Iraq ở mức 1.000 người."
    assert troops_of(body, published=PUBLISHED) == set()
