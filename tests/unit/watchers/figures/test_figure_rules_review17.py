"""A review of the twelfth stop's figure rules (our own writing): a relative clause that says
where the whole force is ("who remain in Iraq", "who are left", "that Washington keeps")
keeps the level, and "all" is all; one that says what those it picks out did ("who worked at
the centre", "từng đóng tại Gwer") makes them a move; "electoral" near a withdrawal date does
not take it away, another body's deadline ("the commission's deadline of 20 October", "the
deadline for candidates to register") is not ours; a change's source after "from" is no owner
("fell to about 2,700 from about 3,150, the coalition said" is the US's)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of
from watchers.figures import extract

PUBLISHED = date(2026, 1, 15)


@pytest.mark.parametrize(
    ("body", "count"),
    [
        (
            "The 2,500 US troops who remain in Iraq will leave by September 2026, the Pentagon "
            "said.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "All 2,500 US troops who are in Iraq will leave by September 2026.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "Some 2,500 US troops who remain in Iraq are to withdraw by September 2026.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "The 1,500 coalition troops who remain at Ain al-Asad will move to Erbil by "
            "September 2025.",
            ("coalition", "Ain al-Asad", "current", 1500),
        ),
        (
            "The 2,000 soldiers who are left in Iraq will withdraw by September 2026.",
            ("US", "Iraq", "current", 2000),
        ),
        (
            "The roughly 2,500 troops that Washington keeps in Iraq will leave by September 2026.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "Khoảng 2.500 binh sĩ Mỹ đang đóng quân tại Iraq sẽ rút hết trước ngày 30/9/2026.",
            ("US", "Iraq", "current", 2500),
        ),
    ],
)
def test_a_clause_that_says_where_the_force_is_keeps_the_level(
    body: str, count: tuple[str, str, str, int]
) -> None:
    assert count in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "The 200 US troops who guarded the embassy in Baghdad have been redeployed to Kuwait.",
        "About 500 US troops who were based at Ain al-Asad have left Iraq.",
        "40 cố vấn Mỹ làm việc tại trung tâm đã chuyển đến căn cứ Kowan ở Erbil.",
        "Khoảng 240 cố vấn Mỹ từng đóng tại Gwer đã chuyển đến căn cứ không quân Erbil.",
        "300 binh sĩ Mỹ từng đóng ở căn cứ Harir đã được chuyển đến Erbil.",
        "About 700 of the roughly 950 US troops who served at Umm Rabia have left Iraq.",
    ],
)
def test_those_a_clause_picks_out_by_what_they_did_move(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "day"),
    [
        (
            "Amid electoral tensions, Washington said US troops will leave Iraq by 30 September "
            "2026.",
            "2026-09-30",
        ),
        (
            "The electoral commission said polling would go ahead, and coalition forces will "
            "leave Baghdad by 30 October 2026.",
            "2026-10-30",
        ),
        ("The deadline for US troops to leave Baghdad is 31 August 2026.", "2026-08-31"),
        ("Hạn chót để liên quân rời Baghdad là ngày 31/8/2026.", "2026-08-31"),
    ],
)
def test_a_withdrawal_date_beside_an_election_stays(body: str, day: str) -> None:
    assert day in {d.date for d in extract("Iraq", body, published=PUBLISHED).deadlines}


@pytest.mark.parametrize(
    "body",
    [
        "The lists will be filed before the commission's deadline of 20 October.",
        "The deadline for candidates in the three provinces to register moves from 25 March to "
        "15 May.",
        "Hạn chót đăng ký ứng cử viên tại ba tỉnh này được lùi đến ngày 15/5.",
    ],
)
def test_another_bodys_deadline_is_no_withdrawal_date(body: str) -> None:
    assert extract("Iraq", body, published=PUBLISHED).deadlines == ()


def test_a_changes_source_after_from_is_no_owner() -> None:
    body = (
        "US forces handed the air base to Iraq on Wednesday, and the number of US troops in "
        "Iraq fell to about 2,700 from about 3,150, the coalition said."
    )
    assert troops_of(body, published=PUBLISHED) == {
        ("US", "Iraq", "current", 2700),
        ("US", "Iraq", "past", 3150),
    }


def test_troops_from_other_nations_are_theirs() -> None:
    body = "About 900 troops from 11 other coalition countries remain in Iraq."
    assert troops_of(body, published=PUBLISHED) == {("coalition", "Iraq", "current", 900)}
