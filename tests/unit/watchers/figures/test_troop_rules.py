"""The rules that carry troop-count extraction to articles it was not tuned on, one behaviour each.

Each example is a sentence pattern met in the held-out articles, reduced to what the rule
needs; the rule is general (a class of words or a construction), not the article's wording.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troop_key, troops_of
from watchers.figures import extract

PUBLISHED = date(2024, 9, 30)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The U.S. troop presence in Iraq has stood at about 2,500 since late last year.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Coalition personnel in Iraq — once numbering about 2,000 — will be reduced.",
            {("coalition", "Iraq", "past", 2000)},
        ),
        (
            "Theo ông Miller, quân số Mỹ ở Iraq là 2,5 nghìn người.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_a_level_without_a_troop_noun_is_a_count(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "presence has stood at", "numbering", "quân số ... là" introduce a level."""
    assert troops_of(body, PUBLISHED) == expected


def test_a_reduction_of_some_troops_is_not_a_level() -> None:
    """ "cut the number of troops in Iraq to 2500, a reduction of more than 500": 500 leave."""
    body = "The Pentagon expects to cut the number of troops in Iraq to 2500, a reduction of 500."
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "planned", 2500)}


@pytest.mark.parametrize(
    "body",
    [
        "About 600 troops will be pulled out from Syria, an official said.",
        "Khoảng 500 binh sĩ Mỹ sẽ được rút khỏi Iraq.",
    ],
)
def test_troops_followed_by_their_movement_are_not_a_count(body: str) -> None:
    """A verb of moving after the noun makes the number how many move."""
    assert troops_of(body, PUBLISHED) == set()


def test_the_total_a_share_is_taken_of_is_a_count() -> None:
    """ "rút phần lớn trong số 2.000 binh sĩ đang hiện diện ở Syria": 2000 are there now."""
    body = "Lầu Năm Góc lên kế hoạch rút phần lớn trong số 2.000 binh sĩ đang hiện diện ở Syria."
    assert troops_of(body, PUBLISHED) == {("US", "Syria", "current", 2000)}


def test_leaving_a_number_behind_is_a_planned_level() -> None:
    """ "leaving less than 1,000 service members there" is the level that stays."""
    body = "U.S. troops in Syria will consolidate, leaving less than 1,000 service members there."
    assert troops_of(body, PUBLISHED) == {("US", "Syria", "planned", 1000)}


def test_an_increase_to_a_level_is_a_count() -> None:
    """ "was increased to more than 2,000" gives the level reached."""
    body = "The number of U.S. troops in Syria was increased to more than 2,000 last year."
    assert troops_of(body, PUBLISHED) == {("US", "Syria", "current", 2000)}


def test_a_level_a_past_change_started_from_is_past() -> None:
    """ "ordered a reduction from 3,000" (done) makes 3,000 the level before."""
    body = (
        "The U.S. troop presence in Iraq has stood at 2,500 since Trump ordered a reduction "
        "from 3,000."
    )
    assert troops_of(body, PUBLISHED) == {
        ("US", "Iraq", "current", 2500),
        ("US", "Iraq", "past", 3000),
    }


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Hiện còn khoảng 2.500 binh sĩ Mỹ đang đồn trú tại Iraq.", "current"),
        ("Hoa Kỳ đã giảm quân số tại Iraq xuống còn 2.500 người.", "current"),
        ("Hoa Kỳ sẽ giảm quân số tại Iraq xuống còn 2.500 người.", "planned"),
        ("Mỹ còn 2.500 binh sĩ ở Iraq.", "current"),
        ("Mỹ hoàn tất đợt rút quân, còn khoảng 2.500 binh sĩ ở Iraq.", "current"),
        ("Mỹ sẽ còn 2.500 binh sĩ ở Iraq.", "planned"),
        ("Mỹ hoàn tất đợt rút quân, sẽ giảm xuống còn 2.500 binh sĩ ở Iraq.", "planned"),
    ],
)
def test_vietnamese_tense_tells_a_level_from_a_target(body: str, status: str) -> None:
    """ "hiện còn" is the level now; "đã giảm xuống còn" a reached target; "sẽ" a plan. "còn"
    with no change in its clause is the level ("Mỹ còn", after a completed drawdown)."""
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", status, 2500)}


@pytest.mark.parametrize(
    "body",
    [
        "The United States will keep about 2,500 troops in Iraq after the mission ends.",
        "Washington plans to maintain 2,500 troops in Iraq.",
        "Mỹ sẽ giữ lại khoảng 2.500 binh sĩ ở Iraq sau khi sứ mệnh kết thúc.",
        "Mỹ dự kiến duy trì 2.500 binh sĩ ở Iraq.",
    ],
)
def test_troops_to_be_kept_are_a_plan(body: str) -> None:
    """ "will keep", "plans to maintain", "sẽ giữ lại": the level after a change, not now."""
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "planned", 2500)}


def test_troops_kept_now_are_the_level() -> None:
    """A level kept so far ("has kept", "vẫn duy trì") is not a plan."""
    body = "Mỹ vẫn duy trì khoảng 2.500 binh sĩ ở Iraq."
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "current", 2500)}


def test_not_yet_reaching_is_fewer_than() -> None:
    """ "chưa đến 2.000" (not yet 2,000) is an approximate count, like "dưới 2.000"."""
    (count,) = extract(
        "", "Mỹ chỉ còn chưa đến 2.000 binh sĩ ở Iraq.", published=PUBLISHED
    ).troop_counts
    assert (troop_key(count), count.approx) == (("US", "Iraq", "current", 2000), True)


def test_allied_troops_are_the_coalitions() -> None:
    """ "5.000 quân Mỹ cùng 2.500 quân đồng minh" is two actors."""
    body = "Mỹ từng có khoảng 5.000 quân đóng tại Iraq cùng 2.500 quân đồng minh."
    assert troops_of(body, PUBLISHED) == {
        ("US", "Iraq", "past", 5000),
        ("coalition", "Iraq", "past", 2500),
    }


def test_an_elided_count_after_one_elsewhere_is_still_read() -> None:
    """ "4,500 US troops are in Afghanistan and 3,000 in Iraq": the first is dropped, not
    the second."""
    body = "Media reports say about 4,500 US troops are in Afghanistan and 3,000 in Iraq."
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "current", 3000)}


def test_where_troops_are_moved_to_is_not_where_they_are() -> None:
    """ "relocated to Erbil and Kuwait, with troop levels set to decrease from 2,000 to 500"
    is about Iraq as a whole."""
    body = (
        "The withdrawal from Iraq has begun. Part of the forces have been relocated to Erbil "
        "and Kuwait, with troop levels set to decrease from around 2,000 to fewer than 500."
    )
    assert troops_of(body, PUBLISHED) == {
        ("US", "Iraq", "current", 2000),
        ("US", "Iraq", "planned", 500),
    }


def test_a_place_where_most_are_counts_for_its_country() -> None:
    """ "fewer than 500, primarily stationed in Erbil": the figure is Iraq's."""
    body = "Coalition personnel will be reduced to fewer than 500, primarily stationed in Erbil."
    assert troops_of(body, PUBLISHED) == {("coalition", "Iraq", "planned", 500)}


def test_there_and_tai_day_point_back_to_the_place_just_named() -> None:
    """ "giảm quân số tại đây xuống còn 4.000" after a sentence on Afghanistan is not Iraq's."""
    body = (
        "Mỹ triển khai khoảng 5.200 binh sĩ tại Iraq. Mỹ hiện duy trì 8.600 binh sĩ tại "
        "Afghanistan. Trump cho biết ông có thể giảm quân số tại đây xuống còn 4.000 người."
    )
    assert troops_of(body, date(2020, 9, 9)) == {("US", "Iraq", "current", 5200)}


def test_a_place_after_a_new_phrase_is_not_the_troops() -> None:
    """ "more than 2,000 after the Oct. 7 attacks in Israel": Israel is where the attacks were."""
    body = (
        "The U.S. had maintained about 900 troops in Syria. The number of U.S. troops there "
        "was increased to more than 2,000 after the Oct. 7, 2023, attacks in Israel."
    )
    assert troops_of(body, date(2025, 4, 18)) == {
        ("US", "Syria", "past", 900),
        ("US", "Syria", "current", 2000),
    }


# --- troop counts found on the third held-out set ------------------------------------------


def test_a_typeset_hyphen_in_a_place_name_is_a_hyphen() -> None:
    """ "Ain al‑Asad" with a non-breaking hyphen is Ain al-Asad."""
    body = "A unit of 350 U.S. advisers is stationed at Ain al\u2011Asad."
    assert troops_of(body, PUBLISHED) == {("US", "Ain al-Asad", "current", 350)}


def test_a_place_in_a_quotation_after_the_noun_is_not_the_troops() -> None:
    """ "350 advisers remained due to “developments in Syria”" are not in Syria, and
    "remained" puts them in the past."""
    body = (
        "U.S. troops were to leave Ain al-Asad, but 350 U.S. advisers and support personnel "
        "remained due to “developments in Syria,” the prime minister said."
    )
    assert troops_of(body, date(2026, 1, 18)) == {("US", "Ain al-Asad", "past", 350)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "American troop levels in Iraq will drop to fewer than 2,000 as Washington shifts "
            "its focus to Syria.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "The American presence in Iraq will fall below 2,000 troops, down from roughly 2,500 "
            "at the start of 2025.",
            {("US", "Iraq", "planned", 2000), ("US", "Iraq", "past", 2500)},
        ),
        (
            "When all is said and done, there will be less than 2,000 troops in Iraq.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "The official said troop numbers in Syria are now down from 2,000.",
            {("US", "Syria", "past", 2000)},
        ),
    ],
)
def test_a_level_to_come_and_the_level_it_comes_from(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "drop to fewer than", "fall below", "there will be" name a planned level; "down from"
    and a past date after the number name a level that was."""
    assert troops_of(body, date(2025, 10, 1)) == expected


def test_the_actor_that_owns_the_troops_is_who() -> None:
    """ "U.S. forces in Syria under the Combined Joint Task Force – Operation Inherent Resolve,
    reducing troop numbers to less than 1,000": the troops are American."""
    body = (
        "The Pentagon is consolidating U.S. forces in Syria under the Combined Joint Task Force "
        "– Operation Inherent Resolve, reducing troop numbers to less than 1,000."
    )
    assert troops_of(body, date(2025, 4, 18)) == {("US", "Syria", "planned", 1000)}


def test_quan_don_tru_is_a_troop_noun() -> None:
    """ "900 quân đồn trú ở Syria" is 900 troops."""
    assert troops_of("Mỹ hiện duy trì khoảng 900 quân đồn trú ở Syria.", PUBLISHED) == {
        ("US", "Syria", "current", 900)
    }


def test_the_actor_of_the_number_s_clause_owns_it_before_forces_named_in_another() -> None:
    body = (
        "In recognition of the progress the Iraqi forces have made, the United States has "
        "decided to reduce our troop presence in Iraq from about 5,200 to 3,000 troops this "
        "month."
    )
    assert {(who, value) for who, _, _, value in troops_of(body, date(2020, 9, 9))} == {
        ("US", 5200),
        ("US", 3000),
    }
    # the number's clause names nobody, or an actor that only speaks of the number: the
    # forces named before it own it, as before
    assert (
        troops_of("The Iraqi forces, 300,000 troops in all, took over the base.", PUBLISHED)
        == set()
    )
    for body in (
        "As Turkish forces push into northern Iraq, the U.S. estimates 2,000 soldiers are "
        "involved.",
        "Turkish forces have pushed into northern Iraq; the Pentagon says 2,000 soldiers are "
        "taking part.",
    ):
        assert troops_of(body, PUBLISHED) == set()
