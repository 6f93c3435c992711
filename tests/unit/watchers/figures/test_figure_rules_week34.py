"""What the thirty-fourth same-week set showed of the figures (our own writing): a member's
troops "serving in the US-led coalition" are that member's, not the coalition's ("Cộng hòa Séc
sẽ rút 85 binh sĩ đang phục vụ trong liên quân do Mỹ dẫn đầu … trước ngày 30/9"); the level a
handover leaves ("…, leaving about 2,470 US troops in Iraq") is the level now; and a month
("the 31 May date", "May 9") is no hedge."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2150, 5, 7)


@pytest.mark.parametrize(
    "body",
    [
        "Cộng hòa Séc sẽ rút toàn bộ 85 binh sĩ đang phục vụ trong liên quân do Mỹ dẫn đầu tại "
        "sân bay Dara Shin ở miền bắc Iraq về nước trước ngày 30/9.",
        "Séc sẽ đưa 85 binh sĩ ở Iraq về nước trước ngày 30/9.",
        "The Czech Republic will withdraw its 85 troops serving in the US-led coalition from "
        "Iraq by September 30.",
    ],
)
def test_a_members_troops_in_the_coalition_are_its_own(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()
    assert troops_of(body, published=PUBLISHED) == set()


def test_the_coalition_serving_members_is_still_the_coalition() -> None:
    body = "US troops serving in the coalition will leave Iraq by 30 September 2151."
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Iraq", "2151-09-30", "day")
    }


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (
            "US forces handed Camp Bawabat al-Janub, a logistics hub outside Basra, to the Iraqi "
            "army on Wednesday, the second base transfer in three days, leaving about 2,470 US "
            "troops in Iraq.",
            "current",
        ),
        (
            "US forces handed Wadi Haddan Air Base to the Iraqi Air Force on Monday, nearly four "
            "weeks before the 31 May date set in the accord, cutting the number of American "
            "troops in Iraq to about 2,470.",
            "current",
        ),
        # a handover to come leaves a level to come
        (
            "The US will hand over the base on Monday, leaving about 2,470 US troops in Iraq.",
            "planned",
        ),
        ("US forces may hand over the base, leaving about 2,470 US troops in Iraq.", "planned"),
    ],
)
def test_the_level_a_handover_leaves(body: str, status: str) -> None:
    assert troops_of(body, published=PUBLISHED) == {("US", "Iraq", status, 2470)}
