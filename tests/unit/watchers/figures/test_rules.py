"""The rules that carry extraction to articles it was not tuned on, one behaviour each.

Each example is a sentence pattern met in the held-out articles, reduced to what the rule
needs; the rule is general (a class of words or a construction), not the article's wording.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadline_key, troop_key
from watchers.figures import extract

PUBLISHED = date(2024, 9, 30)


def _troops(body: str, published: date = PUBLISHED) -> set[tuple[str, str, str, int]]:
    return {troop_key(t) for t in extract("", body, published=published).troop_counts}


def _deadlines(body: str, published: date = PUBLISHED) -> set[tuple[str, str, str]]:
    return {deadline_key(d) for d in extract("", body, published=published).deadlines}


# --- troop counts ---------------------------------------------------------------------------


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
    assert _troops(body) == expected


def test_a_reduction_of_some_troops_is_not_a_level() -> None:
    """ "cut the number of troops in Iraq to 2500, a reduction of more than 500": 500 leave."""
    body = "The Pentagon expects to cut the number of troops in Iraq to 2500, a reduction of 500."
    assert _troops(body) == {("US", "Iraq", "planned", 2500)}


@pytest.mark.parametrize(
    "body",
    [
        "About 600 troops will be pulled out from Syria, an official said.",
        "Khoảng 500 binh sĩ Mỹ sẽ được rút khỏi Iraq.",
    ],
)
def test_troops_followed_by_their_movement_are_not_a_count(body: str) -> None:
    """A verb of moving after the noun makes the number how many move."""
    assert _troops(body) == set()


def test_the_total_a_share_is_taken_of_is_a_count() -> None:
    """ "rút phần lớn trong số 2.000 binh sĩ đang hiện diện ở Syria": 2000 are there now."""
    body = "Lầu Năm Góc lên kế hoạch rút phần lớn trong số 2.000 binh sĩ đang hiện diện ở Syria."
    assert _troops(body) == {("US", "Syria", "current", 2000)}


def test_leaving_a_number_behind_is_a_planned_level() -> None:
    """ "leaving less than 1,000 service members there" is the level that stays."""
    body = "U.S. troops in Syria will consolidate, leaving less than 1,000 service members there."
    assert _troops(body) == {("US", "Syria", "planned", 1000)}


def test_an_increase_to_a_level_is_a_count() -> None:
    """ "was increased to more than 2,000" gives the level reached."""
    body = "The number of U.S. troops in Syria was increased to more than 2,000 last year."
    assert _troops(body) == {("US", "Syria", "current", 2000)}


def test_a_level_a_past_change_started_from_is_past() -> None:
    """ "ordered a reduction from 3,000" (done) makes 3,000 the level before."""
    body = (
        "The U.S. troop presence in Iraq has stood at 2,500 since Trump ordered a reduction "
        "from 3,000."
    )
    assert _troops(body) == {("US", "Iraq", "current", 2500), ("US", "Iraq", "past", 3000)}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Hiện còn khoảng 2.500 binh sĩ Mỹ đang đồn trú tại Iraq.", "current"),
        ("Hoa Kỳ đã giảm quân số tại Iraq xuống còn 2.500 người.", "current"),
        ("Hoa Kỳ sẽ giảm quân số tại Iraq xuống còn 2.500 người.", "planned"),
    ],
)
def test_vietnamese_tense_tells_a_level_from_a_target(body: str, status: str) -> None:
    """ "hiện còn" is the level now; "đã giảm xuống còn" a reached target; "sẽ" a plan."""
    assert _troops(body) == {("US", "Iraq", status, 2500)}


def test_allied_troops_are_the_coalitions() -> None:
    """ "5.000 quân Mỹ cùng 2.500 quân đồng minh" is two actors."""
    body = "Mỹ từng có khoảng 5.000 quân đóng tại Iraq cùng 2.500 quân đồng minh."
    assert _troops(body) == {("US", "Iraq", "past", 5000), ("coalition", "Iraq", "past", 2500)}


def test_an_elided_count_after_one_elsewhere_is_still_read() -> None:
    """ "4,500 US troops are in Afghanistan and 3,000 in Iraq": the first is dropped, not
    the second."""
    body = "Media reports say about 4,500 US troops are in Afghanistan and 3,000 in Iraq."
    assert _troops(body) == {("US", "Iraq", "current", 3000)}


def test_where_troops_are_moved_to_is_not_where_they_are() -> None:
    """ "relocated to Erbil and Kuwait, with troop levels set to decrease from 2,000 to 500"
    is about Iraq as a whole."""
    body = (
        "The withdrawal from Iraq has begun. Part of the forces have been relocated to Erbil "
        "and Kuwait, with troop levels set to decrease from around 2,000 to fewer than 500."
    )
    assert _troops(body) == {("US", "Iraq", "current", 2000), ("US", "Iraq", "planned", 500)}


def test_a_place_where_most_are_counts_for_its_country() -> None:
    """ "fewer than 500, primarily stationed in Erbil": the figure is Iraq's."""
    body = "Coalition personnel will be reduced to fewer than 500, primarily stationed in Erbil."
    assert _troops(body) == {("coalition", "Iraq", "planned", 500)}


def test_there_and_tai_day_point_back_to_the_place_just_named() -> None:
    """ "giảm quân số tại đây xuống còn 4.000" after a sentence on Afghanistan is not Iraq's."""
    body = (
        "Mỹ triển khai khoảng 5.200 binh sĩ tại Iraq. Mỹ hiện duy trì 8.600 binh sĩ tại "
        "Afghanistan. Trump cho biết ông có thể giảm quân số tại đây xuống còn 4.000 người."
    )
    assert _troops(body, date(2020, 9, 9)) == {("US", "Iraq", "current", 5200)}


def test_a_place_after_a_new_phrase_is_not_the_troops() -> None:
    """ "more than 2,000 after the Oct. 7 attacks in Israel": Israel is where the attacks were."""
    body = (
        "The U.S. had maintained about 900 troops in Syria. The number of U.S. troops there "
        "was increased to more than 2,000 after the Oct. 7, 2023, attacks in Israel."
    )
    assert _troops(body, date(2025, 4, 18)) == {
        ("US", "Syria", "past", 900),
        ("US", "Syria", "current", 2000),
    }


# --- deadlines ------------------------------------------------------------------------------


def test_a_presence_ending_is_leaving() -> None:
    """ "the coalition's presence at its Baghdad headquarters and Ain al-Asad airbase will end
    in September" is two departures."""
    body = (
        "Allawi confirmed that the coalition's presence at its Baghdad headquarters and "
        "Ain al-Asad airbase will end in September."
    )
    assert _deadlines(body, date(2025, 8, 18)) == {
        ("deadline/coalition leaves Baghdad", "2025-09", "month"),
        ("deadline/coalition leaves Ain al-Asad", "2025-09", "month"),
    }


def test_a_first_phase_then_its_completion() -> None:
    """ "the initial withdrawal phase scheduled for September 2025 and the full completion
    targeted by September 2026": the first departures, then all of them."""
    body = (
        "Iraq and the coalition agreed on a timeline, with the initial withdrawal phase "
        "scheduled for September 2025 and the full completion targeted by September 2026."
    )
    assert _deadlines(body, date(2025, 8, 18)) == {
        ("deadline/first coalition troops leave Iraq", "2025-09", "month"),
        ("deadline/coalition leaves Iraq", "2026-09", "month"),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Tổng thống tuyên bố Hoa Kỳ từ nay đến cuối năm sẽ ngưng nhiệm vụ chiến đấu tại Irak.",
            ("deadline/US combat mission ends in Iraq", "2024", "year-end"),
        ),
        (
            "The second stage, scheduled for September 2026, envisions a full military exit "
            "from Iraq.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
    ],
)
def test_what_happens_by_a_date_may_follow_it(body: str, expected: tuple[str, str, str]) -> None:
    """After "đến", "by" or "scheduled for", the verb may come after the date."""
    assert _deadlines(body) == {expected}


def test_a_when_clause_after_the_date_says_what_else_happens_then() -> None:
    """ "by September 2025, when forces leave Ain al-Asad base and headquarters in Baghdad to
    redeploy to Erbil and Kuwait" is a first stage and two departures."""
    body = (
        "The first stage of withdrawals will take place by September 2025, when forces leave "
        "Ain al-Asad base and headquarters in Baghdad to redeploy to Erbil and Kuwait."
    )
    assert _deadlines(body, date(2025, 8, 18)) == {
        ("deadline/first coalition troops leave Iraq", "2025-09", "month"),
        ("deadline/coalition leaves Ain al-Asad", "2025-09", "month"),
        ("deadline/coalition leaves Baghdad", "2025-09", "month"),
    }


def test_a_place_right_after_the_date_is_the_deadlines() -> None:
    """ "conclude the coalition's mission in Iraq within a year and by September 2026 in
    Kurdistan" is Kurdistan's deadline."""
    body = (
        "The US and Iraq plan to conclude the coalition's military mission in Iraq within a "
        "year and by September 2026 in Kurdistan."
    )
    assert _deadlines(body, date(2024, 11, 9)) == {
        ("deadline/coalition mission ends in Kurdistan", "2026-09", "month")
    }


def test_a_mission_run_from_bases_elsewhere_is_where_it_operates() -> None:
    """ "operations in Syria from bases in Iraq through September 2026" ends in Syria."""
    body = (
        "The US will continue to support operations in Syria from bases in Iraq "
        "through September 2026."
    )
    assert _deadlines(body) == {("deadline/coalition mission ends in Syria", "2026-09", "month")}


def test_a_parallel_place_continues_the_verb() -> None:
    """ "pull out of bases in Baghdad by September 2025 and from the Kurdistan region by
    September 2026" is two departures."""
    body = (
        "The coalition would pull out of bases in Baghdad by September 2025 and from the "
        "autonomous northern Kurdistan region by September 2026."
    )
    assert _deadlines(body) == {
        ("deadline/coalition leaves Baghdad", "2025-09", "month"),
        ("deadline/coalition leaves Kurdistan", "2026-09", "month"),
    }


@pytest.mark.parametrize(
    ("body", "published"),
    [
        (
            "Quốc hội Iraq đã ra lệnh cho các lực lượng Mỹ rút khỏi nước này vào tháng Giêng.",
            date(2020, 8, 24),
        ),
        (
            "Thông tin Mỹ sẽ rút quân khỏi Iraq đã xuất hiện từ đầu năm 2020.",
            date(2020, 9, 10),
        ),
    ],
)
def test_dates_of_past_events_and_starting_points_are_not_deadlines(
    body: str, published: date
) -> None:
    """A yearless month in a clause about the past, and "since" dates, are not deadlines."""
    assert _deadlines(body, published) == set()


def test_an_agreement_made_in_the_past_sets_a_future_deadline() -> None:
    """ "đã đạt được thỏa thuận kết thúc nhiệm vụ chiến đấu ... vào cuối năm 2021" is one."""
    body = (
        "Hai bên đã đạt được thỏa thuận kết thúc nhiệm vụ chiến đấu của quân đội Mỹ ở Iraq "
        "vào cuối năm 2021."
    )
    assert _deadlines(body, date(2021, 7, 27)) == {
        ("deadline/US combat mission ends in Iraq", "2021", "year-end")
    }


def test_a_condition_is_not_what_the_date_is_for() -> None:
    """ "withdrawal from Syria ... as soon as the campaign is complete, but no later than
    1 April" is a departure from Syria, not the end of a campaign."""
    body = (
        "Mỹ đã cam kết với Iraq rằng quá trình rút quân khỏi Syria sẽ được tiến hành ngay khi "
        "Mỹ hoàn thành chiến dịch quân sự, nhưng không muộn hơn ngày 1/4."
    )
    assert _deadlines(body, date(2019, 2, 20)) == {
        ("deadline/coalition leaves Syria", "2019-04-01", "day")
    }


def test_troops_leaving_and_a_combat_mission_ending_are_two_deadlines() -> None:
    """ "US troops to leave Iraq, end ISIS combat mission by end of 2026" says both."""
    assert _deadlines("US troops to leave Iraq, end ISIS combat mission by end of 2026") == {
        ("deadline/coalition leaves Iraq", "2026", "year-end"),
        ("deadline/US combat mission ends in Iraq", "2026", "year-end"),
    }


def test_a_sentence_without_a_place_after_one_about_elsewhere_is_dropped() -> None:
    """ "... troops in Afghanistan ... by January 15. It would stop short of the goal to have
    all troops withdrawn by the end of the year" is not an Iraq deadline."""
    body = (
        "The Pentagon will cut troops in Iraq to 2500. It will also cut troops in Afghanistan "
        "to 2500 by January 15. It would stop short of the goal to have all troops withdrawn "
        "by the end of the year."
    )
    assert _deadlines(body, date(2020, 11, 16)) == set()


# --- found on the third held-out set --------------------------------------------------------


def test_a_typeset_hyphen_in_a_place_name_is_a_hyphen() -> None:
    """ "Ain al‑Asad" with a non-breaking hyphen is Ain al-Asad."""
    body = "A unit of 350 U.S. advisers is stationed at Ain al\u2011Asad."
    assert _troops(body) == {("US", "Ain al-Asad", "current", 350)}


def test_a_place_in_a_quotation_after_the_noun_is_not_the_troops() -> None:
    """ "350 advisers remained due to “developments in Syria”" are not in Syria, and
    "remained" puts them in the past."""
    body = (
        "U.S. troops were to leave Ain al-Asad, but 350 U.S. advisers and support personnel "
        "remained due to “developments in Syria,” the prime minister said."
    )
    assert _troops(body, date(2026, 1, 18)) == {("US", "Ain al-Asad", "past", 350)}


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
    assert _troops(body, date(2025, 10, 1)) == expected


def test_the_actor_that_owns_the_troops_is_who() -> None:
    """ "U.S. forces in Syria under the Combined Joint Task Force – Operation Inherent Resolve,
    reducing troop numbers to less than 1,000": the troops are American."""
    body = (
        "The Pentagon is consolidating U.S. forces in Syria under the Combined Joint Task Force "
        "– Operation Inherent Resolve, reducing troop numbers to less than 1,000."
    )
    assert _troops(body, date(2025, 4, 18)) == {("US", "Syria", "planned", 1000)}


def test_quan_don_tru_is_a_troop_noun() -> None:
    """ "900 quân đồn trú ở Syria" is 900 troops."""
    assert _troops("Mỹ hiện duy trì khoảng 900 quân đồn trú ở Syria.") == {
        ("US", "Syria", "current", 900)
    }


def test_triet_thoai_and_the_kurdish_autonomous_region() -> None:
    """ "triệt thoái khỏi khu tự trị của người Kurd ... trong tháng 9-2026" leaves Kurdistan."""
    body = (
        "Liên quân sẽ rút khỏi các căn cứ ở thủ đô Baghdad vào tháng 9-2025, sau đó là cuộc "
        "triệt thoái khỏi khu tự trị của người Kurd ở miền Bắc trong tháng 9-2026."
    )
    assert _deadlines(body, date(2024, 9, 9)) == {
        ("deadline/coalition leaves Baghdad", "2025-09", "month"),
        ("deadline/coalition leaves Kurdistan", "2026-09", "month"),
    }


def test_combat_units_leaving_end_the_combat_mission() -> None:
    """ "rút toàn bộ đơn vị tác chiến khỏi Iraq trước ngày 31/12" is the combat mission's end."""
    body = (
        "Tổng thống Biden hồi tháng 7 đồng ý rút toàn bộ đơn vị tác chiến khỏi Iraq "
        "trước ngày 31/12."
    )
    assert _deadlines(body, date(2021, 12, 10)) == {
        ("deadline/US combat mission ends in Iraq", "2021-12-31", "day")
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The US will wrap up the military mission in Iraq of the coalition by next year.",
            ("deadline/coalition mission ends in Iraq", "2025", "year"),
        ),
        (
            "Under the framework, the second phase runs through September 2026 and focuses on "
            "counter-ISIS operations in neighboring Syria.",
            ("deadline/coalition mission ends in Syria", "2026-09", "month"),
        ),
        (
            "Troops will be permitted to support operations in Syria from Iraq’s autonomous "
            "Kurdistan region through September 2026.",
            ("deadline/coalition mission ends in Syria", "2026-09", "month"),
        ),
    ],
)
def test_missions_running_until_a_date_end_then(body: str, expected: tuple[str, str, str]) -> None:
    """ "by next year"; a phase that "runs through" a date and is about operations; operations
    supported "through" a date from bases elsewhere."""
    assert _deadlines(body, date(2024, 9, 27)) == {expected}


def test_a_parallel_date_with_its_own_preposition_continues_the_verb() -> None:
    """ "conclude the coalition's mission by the end of 2025, and by September 2026 in the
    Kurdistan Region": the second date is the same kind of deadline."""
    body = (
        "The agreement sets a timeline to conclude the coalition's mission by the end of 2025, "
        "and by September 2026 in the Kurdistan Region."
    )
    assert _deadlines(body, date(2024, 10, 1)) == {
        ("deadline/coalition mission ends in Iraq", "2025", "year-end"),
        ("deadline/coalition mission ends in Kurdistan", "2026-09", "month"),
    }
