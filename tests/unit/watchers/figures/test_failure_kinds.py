"""What is not a troop level or a deadline, and the forms that are, in both languages.

One test per kind of misreading met when replaying real articles in publication order; the
sentences are written here, each in Vietnamese and in English.
"""

from __future__ import annotations

from datetime import date

import pytest

from watchers.figures import extract

PUBLISHED = date(2024, 9, 10)


def _counts(body: str, published: date = PUBLISHED) -> set[tuple[str, str, str, int]]:
    return {
        (t.who, t.where, t.status, t.value)
        for t in extract("", body, published=published).troop_counts
    }


def dates_of(body: str, published: date = PUBLISHED) -> set[tuple[str, str]]:
    return {(d.what, d.date) for d in extract("", body, published=published).deadlines}


@pytest.mark.parametrize(
    "body",
    [
        "2 US soldiers and 1 British soldier were killed in an attack in Iraq.",
        "2 binh sĩ Mỹ và 1 binh sĩ Anh đã thiệt mạng trong vụ tấn công ở Iraq.",
    ],
)
def test_casualties_are_never_a_troop_level(body: str) -> None:
    assert _counts(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "Spain will pull out its remaining 150 soldiers from Iraq by March 2027.",
        "Tây Ban Nha sẽ rút 150 binh sĩ còn lại khỏi Iraq.",
    ],
)
def test_another_countrys_troops_are_never_us_troops(body: str) -> None:
    assert _counts(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        "800 soldiers moved to Erbil or left Iraq.",
        "800 binh sĩ được chuyển đến Erbil hoặc rời Iraq.",
    ],
)
def test_a_movement_is_not_a_level(body: str) -> None:
    assert _counts(body) == set()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Hiện Mỹ còn khoảng 2.000 binh sĩ tại Iraq.", "current"),
        ("The US now has about 2,000 troops in Iraq.", "current"),
        ("About 2,000 US troops will remain in Iraq.", "planned"),
        ("Khoảng 2.000 binh sĩ Mỹ sẽ ở lại Iraq.", "planned"),
    ],
)
def test_tense_tells_a_current_level_from_a_planned_one(body: str, status: str) -> None:
    assert _counts(body) == {("US", "Iraq", status, 2000)}


def test_a_question_about_part_of_the_force_leaves_its_level_current() -> None:
    body = "It did not say how many of the approximately 2,000 US troops in Iraq will stay."
    assert _counts(body) == {("US", "Iraq", "current", 2000)}


@pytest.mark.parametrize(
    "body",
    [
        "The US combat mission in Iraq will end later this year | 26 July 2021 | Reuters",
        "Nhiệm vụ chiến đấu của Mỹ tại Iraq sẽ kết thúc trong năm nay | 26/07/2021 | VnExpress",
    ],
)
def test_the_day_a_page_was_published_is_not_a_deadline(body: str) -> None:
    assert ("US combat mission ends in Iraq", "2021-07-26") not in dates_of(body, date(2021, 7, 26))


@pytest.mark.parametrize(
    "body",
    [
        "The decision on the withdrawal is expected to be announced in early September.",
        "Quyết định về việc rút quân dự kiến được công bố vào đầu tháng 9.",
        "The withdrawal plan, which is nearly ready, is to be announced by September 2025.",
        "The date of the withdrawal announcement, sources said, is September 2025.",
        "Sudani, who wants U.S. troops to leave before the elections, will visit Washington "
        "on April 15, 2025.",
        "U.S. forces will leave Iraq, Prime Minister Sudani said on November 11, 2025.",
        "Quân Mỹ sẽ rút khỏi Iraq, Thủ tướng Sudani cho biết hôm 11/11/2025.",
    ],
)
def test_when_an_announcement_is_expected_is_not_a_deadline(body: str) -> None:
    assert dates_of(body, date(2024, 8, 20)) == set()


def test_an_announcement_named_in_an_aside_about_the_plan_does_not_hide_its_deadlines() -> None:
    body = (
        "The plan, which is broadly agreed but still needs both governments' approval and an "
        "announcement date, would see hundreds of troops leave by September 2025, with the "
        "rest departing by the end of 2026, the sources said."
    )
    assert dates_of(body, date(2024, 9, 7)) == {
        ("first coalition troops leave Iraq", "2025-09"),
        ("coalition leaves Iraq", "2026"),
    }


@pytest.mark.parametrize(
    "body",
    [
        "US forces fully withdrew from Ain al-Asad on 17 January.",
        "Việc rút quân khỏi Ain al-Asad được hoàn tất vào ngày 17-1.",
    ],
)
def test_the_day_a_withdrawal_was_completed_is_not_a_deadline(body: str) -> None:
    assert dates_of(body, date(2026, 1, 18)) == set()


def test_a_completion_still_ahead_is_a_deadline() -> None:
    body = "The withdrawal from Ain al-Asad will be completed by September 2025."
    assert dates_of(body) == {("coalition leaves Ain al-Asad", "2025-09")}


@pytest.mark.parametrize(
    "body",
    [
        "US troops will begin withdrawing from Iraq in September.",
        "Quân Mỹ sẽ bắt đầu rút khỏi Iraq vào tháng 9.",
    ],
)
def test_a_start_date_is_when_the_first_troops_leave_not_the_last(body: str) -> None:
    assert dates_of(body) == {("first coalition troops leave Iraq", "2024-09")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Coalition troops will leave Baghdad by September 2025, and the rest by the end of "
            "the following year.",
            {("coalition leaves Baghdad", "2025-09"), ("coalition leaves Iraq", "2026")},
        ),
        (
            "Lực lượng liên quân sẽ ở lại Erbil cho đến ít nhất tháng 9/2026.",
            {("coalition leaves Erbil", "2026-09")},
        ),
        (
            "Liên quân sẽ rút khỏi Baghdad trước tháng 9-2025.",
            {("coalition leaves Baghdad", "2025-09")},
        ),
        (
            "Liên quân sẽ rút khỏi Iraq không muộn hơn tháng 9 năm 2025.",
            {("coalition leaves Iraq", "2025-09")},
        ),
        (
            "US-led coalition forces will leave Iraq no later than the end of September 2025.",
            {("coalition leaves Iraq", "2025-09")},
        ),
        (
            "Coalition forces will leave Baghdad this September.",
            {("coalition leaves Baghdad", "2024-09")},
        ),
    ],
)
def test_deadline_forms_outlets_use(body: str, expected: set[tuple[str, str]]) -> None:
    assert dates_of(body) == expected


@pytest.mark.parametrize(
    ("body", "value"),
    [
        ("The US keeps 250 to 350 advisers in Iraq.", 350),
        ("The US has approximately two thousand troops in Iraq.", 2000),
        ("Mỹ hiện có khoảng hai nghìn binh sĩ tại Iraq.", 2000),
    ],
)
def test_ranges_and_counts_in_words_are_counts(body: str, value: int) -> None:
    assert _counts(body) == {("US", "Iraq", "current", value)}


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon said it cut the number of US troops in Iraq to 2,000.",
        "Mỹ đã giảm quân số tại Iraq xuống còn 2.000 binh sĩ.",
        "Coalition partners down to about 650 troops in Iraq",  # "down to" with no verb
    ],
)
def test_explicit_change_language_makes_a_count_firm(body: str) -> None:
    (count,) = extract("", body, published=PUBLISHED).troop_counts
    assert count.firm


@pytest.mark.parametrize(
    "body",
    [
        "Wire copy still says about 2,500 US troops are in Iraq.",
        "Khoảng 2.500 binh sĩ Mỹ đang đồn trú tại Iraq.",
        # "down to" in a wish or a may backs nothing
        "Iraqi lawmakers want US troop numbers in Iraq brought down to 1,000 before the end of "
        "the year.",
    ],
)
def test_a_plain_restatement_is_not_firm(body: str) -> None:
    (count,) = extract("", body, published=PUBLISHED).troop_counts
    assert not count.firm


# --- steps done --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        (
            "US forces fully withdrew from Ain al-Asad on 17 January.",
            date(2026, 1, 18),
            ("coalition leaves Ain al-Asad", "2026-01-17"),
        ),
        (
            "Toàn bộ binh sĩ Mỹ đã rời khỏi căn cứ không quân Ain al-Asad.",
            date(2026, 1, 18),
            ("coalition leaves Ain al-Asad", "2026-01-18"),
        ),
        (
            "US-led coalition combat troops have left Iraq, the prime minister said.",
            date(2021, 12, 30),
            ("US combat mission ends in Iraq", "2021-12-30"),
        ),
    ],
)
def test_a_step_reported_done_is_a_milestone_reached(
    body: str, published: date, expected: tuple[str, str]
) -> None:
    figures = extract("", body, published=published)
    assert [(r.what, r.date) for r in figures.reached] == [expected]
    assert figures.deadlines == ()  # the day it was done is no deadline


@pytest.mark.parametrize(
    ("body", "published"),
    [
        ("The US completed its withdrawal from Iraq in 2011.", date(2026, 1, 18)),  # history
        ("Spain has completed its withdrawal from Iraq.", date(2026, 1, 18)),  # not ours
        ("The withdrawal from Ain al-Asad will be completed by September 2025.", date(2024, 10, 1)),
        ("Quân Mỹ sẽ hoàn tất việc rút khỏi Ain al-Asad vào tháng 9/2025.", date(2024, 10, 1)),
        ("Một UAV đã rơi xuống gần căn cứ Ain al-Asad.", date(2024, 10, 1)),  # fell, not left
        ("Liên minh đã rút khỏi trụ sở Bộ Quốc phòng Iraq.", date(2026, 1, 19)),  # a building
    ],
)
def test_what_is_not_a_step_done(body: str, published: date) -> None:
    assert extract("", body, published=published).reached == ()


# --- drawdown targets and the dates around them ------------------------------------------------


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        (
            "The number of US troops in Iraq will drop this month from about 5,200 to 3,000.",
            date(2020, 9, 9),
            ("US troop cut due in Iraq", "2020-09"),
        ),
        (
            "The US will reduce its troop presence in Iraq to 3,000 over the next month.",
            date(2020, 9, 9),
            ("US troop cut due in Iraq", "2020-10"),
        ),
        (
            "Mỹ sẽ giảm quân số tại Iraq xuống còn 3.000 binh sĩ trong tháng 9.",
            date(2020, 9, 10),
            ("US troop cut due in Iraq", "2020-09"),
        ),
        (
            "The US will reduce the number of troops in Afghanistan and Iraq to about 2,500 each "
            "by mid-January.",
            date(2020, 11, 17),
            ("US troop cut due in Iraq", "2021-01-15"),
        ),
        (
            "US to withdraw 2,200 troops from Iraq by end-Sept.",
            date(2020, 9, 10),
            ("US troop cut due in Iraq", "2020-09"),
        ),
    ],
)
def test_the_date_a_troop_level_is_due_is_a_drawdown_target(
    body: str, published: date, expected: tuple[str, str]
) -> None:
    figures = extract("", body, published=published)
    assert [(t.what, t.date) for t in figures.targets] == [expected]
    assert figures.deadlines == ()  # a cut is not the coalition leaving


@pytest.mark.parametrize(
    ("body", "published"),
    [
        ("Mỹ đã giảm quân số tại Iraq xuống còn 2.500 binh sĩ vào ngày 15/1.", date(2021, 1, 16)),
        (
            "The US will reduce its troops in Afghanistan to 2,500 by January 15.",
            date(2020, 11, 17),
        ),
        (
            "Mỹ quyết định rút khoảng 1.000 binh sĩ khỏi Iraq trong những tháng tới.",
            date(2025, 4, 1),
        ),
    ],
)
def test_what_is_not_a_drawdown_target(body: str, published: date) -> None:
    assert extract("", body, published=published).targets == ()


def test_the_following_year_is_the_year_after_the_date_just_named() -> None:
    body = (
        "Hundreds of troops would leave Baghdad by next September, followed by the departure "
        "of forces from Erbil by the end of the following year."
    )
    assert ("coalition leaves Erbil", "2026") in dates_of(body, date(2024, 9, 10))


def test_baghdad_beside_washington_is_a_government_not_a_place() -> None:
    body = (
        "In Iraq, Baghdad and Washington agreed on the full withdrawal of American forces from "
        "Iraq by September 2026."
    )
    assert dates_of(body, date(2026, 1, 17)) == {("coalition leaves Iraq", "2026-09")}


@pytest.mark.parametrize(
    "body",
    [
        "The coalition's mission in Iraq was to end no later than the end of September 2025.",
        "Nhiệm vụ của liên quân tại Iraq phải kết thúc trước tháng 9-2025.",
    ],
)
def test_a_target_already_past_is_kept_apart_from_the_deadlines_ahead(body: str) -> None:
    figures = extract("", body, published=date(2026, 1, 18))
    assert figures.deadlines == ()
    assert [(d.what, d.date) for d in figures.passed] == [
        ("coalition mission ends in Iraq", "2025-09")
    ]


def test_a_past_date_that_is_no_target_is_nothing() -> None:
    body = "Coalition forces withdrew from Ain al-Asad in September 2025."
    figures = extract("", body, published=date(2026, 1, 18))
    assert (figures.deadlines, figures.passed) == ((), ())


def test_a_dateline_in_brackets_is_no_drawdown_target() -> None:
    body = (
        "WASHINGTON (Sputnik - 28th August, 2020) The Pentagon will reduce the US troop "
        "presence in Iraq to some 3,500 soldiers."
    )
    assert extract("", body, published=date(2020, 8, 28)).targets == ()


@pytest.mark.parametrize(
    "body",
    [
        "The US will withdraw its 2,500 troops from Iraq by the end of 2030.",
        "Mỹ sẽ rút toàn bộ 2.500 binh sĩ khỏi Iraq vào cuối năm 2030.",
    ],
)
def test_withdrawing_the_whole_force_by_a_date_is_leaving_not_a_drawdown(body: str) -> None:
    figures = extract("", body, published=date(2029, 1, 10))
    assert [(d.what, d.date) for d in figures.deadlines] == [("coalition leaves Iraq", "2030")]
    assert figures.targets == ()
