"""The rules that carry deadline extraction to articles it was not tuned on, one behaviour each.

Each example is a sentence pattern met in the held-out articles, reduced to what the rule
needs; the rule is general (a class of words or a construction), not the article's wording.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of

PUBLISHED = date(2024, 9, 30)


def _deadlines(body: str, published: date = PUBLISHED) -> set[tuple[str, str, str]]:
    return deadlines_of(body, published)


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


# --- deadlines found on the third held-out set ---------------------------------------------


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


@pytest.mark.parametrize(
    "body",
    [
        "Militias demanded that US troops leave Iraq by the end of 2024.",
        "Washington has rejected calls for US troops to leave Iraq by the end of 2024.",
        "Kataib Hezbollah demanded that US troops leave Iraq by the end of 2024, the group said "
        "in a statement.",
        "Militias demanded that US troops leave by the end of 2024, but the agreement sets "
        "September 2025 as the deadline.",
        "The militias demanded an immediate withdrawal of US troops by the end of 2024.",
        "Iraq formally asked Washington to withdraw its troops by the end of 2024.",
        "Parliament passed a non-binding resolution calling for foreign troops to leave Iraq by "
        "the end of 2024.",
        "Nghị sĩ Iraq yêu cầu quân đội Mỹ rút khỏi Iraq trước cuối năm 2024.",
        "Thủ tướng Iraq kêu gọi liên quân rút khỏi Iraq trước cuối năm 2024.",
        "Các phe phái đòi quân đội Mỹ rút khỏi Iraq trước cuối năm 2024.",
        "Nhóm Kataib Hezbollah yêu cầu Mỹ rút quân trước cuối năm 2024 và bác bỏ kế hoạch của "
        "chính phủ.",
    ],
)
def test_a_date_someone_demands_is_no_deadline(body: str) -> None:
    """What militias, lawmakers or a prime minister demand is not what was agreed: read as a
    deadline, it would alert "Deadline changed"."""
    assert _deadlines(body, date(2024, 1, 10)) == set()


_LEAVE_2025 = ("deadline/coalition leaves Iraq", "2025-09", "month")
_END_2025 = ("deadline/coalition mission ends in Iraq", "2025-09", "month")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The agreement calls for coalition troops to leave Iraq by September 2025.", _LEAVE_2025),
        (
            "The two governments called for the coalition's mission in Iraq to end by "
            "September 2025.",
            _END_2025,
        ),
        (
            "Sudani called for the coalition's mission to end by September 2025, as agreed "
            "with Washington.",
            _END_2025,
        ),
        (
            "Washington heeded calls for US troops to leave Iraq by September 2025.",
            _LEAVE_2025,
        ),
        (
            "The United States agreed to Baghdad's demand that coalition troops leave Iraq by "
            "September 2025.",
            _LEAVE_2025,
        ),
        (
            "Amid calls for foreign forces to leave, the US and Iraq agreed the coalition would "
            "end its mission by September 2025.",
            _END_2025,
        ),
        (
            "Sudani, who has called for US forces to leave, said on Sunday the coalition "
            "mission in Iraq would end by September 2025.",
            _END_2025,
        ),
        (
            "Kataib Hezbollah demanded the US leave, while the deal sets September 2025 as the "
            "deadline for coalition troops to leave Iraq.",
            _LEAVE_2025,
        ),
        ("Officials urged calm as US troops prepare to leave Iraq by September 2025.", _LEAVE_2025),
        ("Mỹ sẽ rút quân khỏi Iraq trước tháng 9/2025 theo yêu cầu của Iraq.", _LEAVE_2025),
        ("Iraq yêu cầu Mỹ rút quân trước tháng 9/2025 và phía Mỹ đã chấp nhận.", _LEAVE_2025),
        (
            "Trong bối cảnh các nhóm vũ trang kêu gọi quân Mỹ rút ngay, Washington và Baghdad "
            "đã thống nhất liên quân sẽ rút khỏi Iraq trước tháng 9/2025.",
            _LEAVE_2025,
        ),
    ],
)
def test_a_demand_agreed_or_met_is_a_deadline(body: str, expected: tuple[str, str, str]) -> None:
    """An agreement or both governments that "call for" a date, a demand heeded, agreed to or
    met, a demand that stops before another verb or clause, "urged" something else and
    "theo yêu cầu" (at the request of) leave the deadline as it was."""
    assert _deadlines(body, date(2024, 1, 10)) == {expected}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Pentagon has agreed to pull US troops out of Baghdad by the end of June 2025.",
            ("deadline/coalition leaves Baghdad", "2025-06", "month"),
        ),
        (
            "The US will pull all its remaining forces out of Iraq by September 2026.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
    ],
)
def test_pulling_troops_out_is_leaving(body: str, expected: tuple[str, str, str]) -> None:
    """ "pull US troops out of", with the troops between the verb and "out"."""
    assert _deadlines(body) == {expected}
