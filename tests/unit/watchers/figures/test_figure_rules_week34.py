"""What the thirty-fourth same-week set showed of the figures (our own writing): a member's
troops "serving in the US-led coalition" are that member's, not the coalition's ("Cộng hòa Séc
sẽ rút 85 binh sĩ đang phục vụ trong liên quân do Mỹ dẫn đầu … trước ngày 30/9"); the level a
handover leaves ("…, leaving about 2,470 US troops in Iraq") is the level now; a month ("the
31 May date", "May 9") is no hedge; and options drawn up or weighed are no one's plan."""

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


@pytest.mark.parametrize(
    "body",
    [
        "Pentagon drafting options for full US exit from Iraq by end of 2150, officials say.",
        "The Pentagon has drafted options for pulling all US troops out of Iraq by the end of "
        "2150.",
        "Lầu Năm Góc soạn phương án rút toàn bộ quân khỏi Iraq trước cuối năm 2150.",
        "Washington is weighing withdrawing all US troops from Iraq by the end of 2150.",
        "One option would shrink the US force in Iraq from about 2,470 to about 1,200 by October.",
        "Một phương án sẽ giảm quân số Mỹ tại Iraq từ khoảng 2.470 xuống khoảng 1.200 người.",
    ],
)
def test_an_option_is_no_ones_plan(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()
    assert {t for t in troops_of(body, published=PUBLISHED) if t[2] == "planned"} == set()


@pytest.mark.parametrize(
    ("body", "deadline", "level"),
    [
        (
            "The council adopted the second option: US troops will leave Iraq by the end of 2150.",
            {("deadline/coalition leaves Iraq", "2150", "year-end")},
            set(),
        ),
        (
            "The Pentagon chose the option that would cut US troops in Iraq to about 1,200.",
            set(),
            {("US", "Iraq", "planned", 1200)},
        ),
    ],
)
def test_an_option_chosen_is_a_plan(
    body: str, deadline: set[tuple[str, str, str]], level: set[tuple[str, str, str, int]]
) -> None:
    assert deadlines_of(body, published=PUBLISHED) == deadline
    assert troops_of(body, published=PUBLISHED) == level
