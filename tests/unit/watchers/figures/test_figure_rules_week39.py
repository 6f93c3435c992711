"""What the thirty-ninth same-week set showed of the figures (our own writing): "cut its forces
in Iraq by about 850 troops" is how many go, not how many there are; a headline that lists a
number with "and" says nothing of what it is ("After the cut: three sites, 2,300 troops and
4,600 contractors"); a base we do not know, located by its province in brackets and named in a
clause before the force's size, leaves that size to the country ("…, chủ yếu ở căn cứ Qasr
Sufayr (Anbar), đưa quân số Mỹ từ khoảng 3.150 xuống khoảng 2.300"); those a relative
clause picks out and a move verb follows are how many move ("The 40 US advisers who worked
at the centre have moved to Kowan Air Station in Erbil"), not the whole force at the place
they go to."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of
from watchers.figures import extract

PUBLISHED = date(2200, 10, 8)


@pytest.mark.parametrize(
    "body",
    [
        "The United States will cut its forces in Iraq by about 850 troops, to about 2,300.",
        "The Pentagon will reduce the US force in Iraq by 850 troops.",
    ],
)
def test_a_cut_by_a_number_is_no_level(body: str) -> None:
    assert ("US", "Iraq", "current", 850) not in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    ("title", "listed"),
    [
        ("After the cut: three sites, 2,300 troops and 4,600 contractors", True),
        # (a review) "and" going on with no number, an item before with no colon: a level
        ("US force in Iraq: 2,300 troops and falling", False),
        ("Despite the deal, 2,300 US troops, for now, stay in Iraq", False),
    ],
)
def test_a_headline_that_lists_numbers_is_no_level(title: str, listed: bool) -> None:
    body = "The Pentagon will withdraw troops from Iraq."
    got = {(t.key, t.value) for t in extract(title, body, published=PUBLISHED).troop_counts}
    assert got == (set() if listed else {("troops/US/Iraq", 2300)})


def test_a_base_in_a_clause_before_the_forces_size() -> None:
    body = (
        "Lầu Năm Góc cho biết sẽ giảm khoảng 850 quân tại Iraq, chủ yếu ở căn cứ Qasr Sufayr "
        "(Anbar), đưa quân số Mỹ từ khoảng 3.150 xuống khoảng 2.300 trước ngày 20/10."
    )
    assert troops_of(body, published=PUBLISHED) == {
        ("US", "Iraq", "current", 3150),
        ("US", "Iraq", "planned", 2300),
    }


@pytest.mark.parametrize(
    "body",
    [
        # (a review) the base's own clause: "where", "its", "there", "tại đây", another place
        "The cut falls mostly on Camp Kasra in Anbar, where the US presence is about 600 troops.",
        "Most of the cut comes from Camp Kasra in Anbar, with its force falling to about 600.",
        "Troops from Camp Kasra in Anbar moved to Erbil, where the force grew to about 600.",
        "Mỹ rút khỏi căn cứ Kasra ở Anbar, quân số tại đây giảm xuống còn khoảng 600.",
    ],
)
def test_a_bases_own_clause_keeps_its_count(body: str) -> None:
    assert not {t for t in troops_of(body, published=PUBLISHED) if t[1] == "Iraq"}


@pytest.mark.parametrize(
    "body",
    [
        # (a review) "by" of an agent, not of a cut's size
        "The Pentagon's cuts leave Iraq served by about 2,000 US troops.",
        "The US will reduce its forces in Iraq to a presence guarded by 2,000 troops.",
    ],
)
def test_by_an_agent_is_no_cut(body: str) -> None:
    assert ("US", "Iraq", "current", 2000) in troops_of(body, published=PUBLISHED)


def test_a_bases_count_stays_the_bases() -> None:
    body = (
        "Most of the reduction will come from Qasr Sufayr Air Base in western Anbar, where about "
        "600 of the roughly 1,000 US troops will leave, defense officials said."
    )
    assert ("US", "Iraq", "current", 1000) not in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "The 40 US advisers who worked at the centre have moved to Kowan Air Station in Erbil "
        "province and remain in Iraq, the coalition said.",
        "About 240 advisers who had been based at Gwer have relocated to Erbil air base.",
        "The roughly 120 US soldiers who had guarded the perimeter have moved inside the base.",
    ],
)
def test_those_a_clause_picks_out_move_and_are_no_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "level"),
    [
        # a clause that says where the force is, or a verb that is no move: the level stays
        ("The 2,500 US troops who have served in Iraq since 2014 will remain.", 2500),
        ("The roughly 2,500 troops who are still in Iraq are moving to Erbil.", 2500),
    ],
)
def test_a_clause_that_moves_nobody_keeps_the_level(body: str, level: int) -> None:
    assert ("US", "Iraq", "current", level) in troops_of(body, published=PUBLISHED)


def test_an_electoral_commissions_deadline_is_no_withdrawal_date() -> None:
    body = (
        "The alliance said its lists for Baghdad, Anbar and Nineveh would be filed before the "
        "electoral commission's deadline of 20 October."
    )
    assert extract("Iraq", body, published=PUBLISHED).deadlines == ()
