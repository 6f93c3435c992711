"""Figures read wrong in the twenty-first same-week set and in a review of the rules that
mended them: a level told as the result of a departure, a forecast of a bound, partner
nations' troops, the place an accord was signed; an ally keeping its troops in another
clause, "pull … out" of things that are not troops (each case here was read wrong by the code
before it, or is one such a rule must leave alone)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of

PUBLISHED = date(2098, 2, 10)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Iraqi forces took full control of Tal Waraq Air Base on Monday after the last US "
            "troops left, cutting the US force in Iraq to about 2,900 from about 3,400.",
            {("US", "Iraq", "current", 2900), ("US", "Iraq", "past", 3400)},
        ),
        (
            "About 500 troops left on Monday, reducing the US force in Iraq to about 2,000, the "
            "Pentagon said.",
            {("US", "Iraq", "current", 2000)},
        ),
        (  # a plan: still to come
            "The US will pull out 500 troops, cutting the force in Iraq to about 2,000.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (  # a plan, though its sentence says something was scheduled
            "The second stage, scheduled for September 2099, envisions a full military exit, "
            "cutting troop levels from about 2,000 to fewer than 500 advisers based in Erbil.",
            {("US", "Iraq", "current", 2000), ("US", "Erbil", "planned", 500)},
        ),
    ],
)
def test_a_level_told_as_the_result_of_a_departure_is_now(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "US troops in Iraq could drop below 2,000 by late summer, the general said.",
        "The US force could be below 2,000 by December, the under secretary told senators.",
        "Quân số Mỹ tại Iraq có thể giảm xuống dưới 2.000 vào cuối mùa hè.",
    ],
)
def test_a_forecast_of_a_bound_is_no_level(body: str) -> None:
    assert troops_of(body, PUBLISHED) == set()


def test_a_forecast_said_as_a_plan_is_still_one() -> None:
    body = "The US force in Iraq may be reduced to 2,000 by late summer."
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "planned", 2000)}


@pytest.mark.parametrize(
    "body",
    [
        "About 700 of the roughly 1,100 troops from partner nations serve in federal Iraq.",
        "Khoảng 1.100 binh sĩ của các nước đối tác đang ở Iraq.",
    ],
)
def test_partner_nations_troops_are_the_coalitions(body: str) -> None:
    assert troops_of(body, PUBLISHED) == {("coalition", "Iraq", "current", 1100)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Under the accord signed in Baghdad, US forces will leave Iraq by September 2098.",
            {("deadline/coalition leaves Iraq", "2098-09", "month")},
        ),
        (
            "At talks in Baghdad, officials agreed US forces will leave Ain al-Asad by September "
            "2098.",
            {("deadline/coalition leaves Ain al-Asad", "2098-09", "month")},
        ),
        (  # "the Iraqi capital" is Baghdad
            "The Pentagon is preparing to withdraw US troops from its last base in the Iraqi "
            "capital by the end of June 2098.",
            {("deadline/coalition leaves Baghdad", "2098-06", "month")},
        ),
        (
            "Mỹ sẽ rút quân khỏi căn cứ cuối cùng ở thủ đô Iraq trước cuối tháng 6/2098.",
            {("deadline/coalition leaves Baghdad", "2098-06", "month")},
        ),
    ],
)
def test_where_an_accord_was_signed_is_not_where_troops_leave(
    body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert deadlines_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Though Britain will keep a small team in Erbil, the troops will now leave Baghdad by "
        "June 2098, Defense Secretary Pete Hegseth said.",
        "Trong khi Anh sẽ giữ một nhóm nhỏ ở Erbil, các binh sĩ sẽ rời Baghdad trước tháng 6/2098.",
        "France kept saying the troops would leave Baghdad by June 2098.",
    ],
)
def test_an_ally_keeping_its_troops_in_another_clause_leaves_the_date_ours(body: str) -> None:
    assert deadlines_of(body, PUBLISHED) == {
        ("deadline/coalition leaves Baghdad", "2098-06", "month")
    }


@pytest.mark.parametrize(
    "body",
    [
        "Iraq's parliament will pull the plug out on the security agreement by September 2098.",
        "Sudani threatened to pull Iraq out of the talks with the coalition by the end of June.",
        "US officials said they would pull funding out of the Iraqi programme by September 2098.",
        "The US will pull some equipment out of Ain al-Asad by June 2098.",
        "US companies will pull their staff out of West Qurna by June 2098.",
    ],
)
def test_pulling_other_things_out_is_no_leaving(body: str) -> None:
    assert deadlines_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [  # a decision, a review, talks, the first of them, a level once done: still to come
        "Hegseth took the decision last week, cutting US troops in Iraq to 2,000.",
        "The Senate took up the defense bill on Monday, cutting US troops in Iraq to 1,500.",
        "The Pentagon completed its review of the Iraq mission on Monday, cutting the US force "
        "there to 2,000 troops.",
        "Sudani handed Washington a new timetable on Monday, reducing the US force in Iraq to "
        "2,000.",
        "The first of 500 US troops left Erbil on Monday, cutting the US force in Iraq to 2,000.",
        "The first US units left Ain al-Asad on Monday, reducing the American force in Iraq to "
        "2,000 once the drawdown is complete.",
    ],
)
def test_a_decision_told_with_a_result_is_still_a_plan(body: str) -> None:
    assert {status for _, _, status, _ in troops_of(body, PUBLISHED)} == {"planned"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # an attack's tally
            "A drone hit al-Asad air base on Thursday, bringing the number of attacks on US "
            "troops in Iraq to 40.",
            set(),
        ),
        (  # the month, not a may
            "By the end of May the US force in Iraq had been cut to under 2,500.",
            {("US", "Iraq", "current", 2500)},
        ),
        (  # Iraq's partners
            "Iraq's regional partner nations have pledged 3,000 troops to guard its borders.",
            set(),
        ),
        (  # a tour ended, not replaced: a movement
            "Khoảng 300 quân nhân thuộc các đơn vị luân phiên đã hoàn thành đợt công tác và "
            "không được thay thế.",
            set(),
        ),
        (
            "Mỹ có thể chỉ còn dưới 2.000 quân ở Iraq vào cuối hè.",
            set(),
        ),
    ],
)
def test_what_a_review_found_read_wrong(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the ally keeps something else than troops
            "Britain will keep its embassy in Baghdad open after the troops leave Iraq by "
            "September 2098.",
            {("deadline/coalition leaves Iraq", "2098-09", "month")},
        ),
        (
            "Liên quân đã thống nhất lộ trình. Anh giữ quan điểm rằng binh sĩ sẽ rời Baghdad "
            "trước tháng 9/2098.",
            {("deadline/coalition leaves Baghdad", "2098-09", "month")},
        ),
        (  # "còn": the other side of a contrast
            "Anh gia hạn hiện diện ở Erbil, còn binh sĩ sẽ rời Baghdad trước tháng 9/2098.",
            {("deadline/coalition leaves Baghdad", "2098-09", "month")},
        ),
        (  # an order, not a request
            "Hegseth has asked commanders to bring the withdrawal of US troops from Baghdad "
            "forward to June 2098.",
            {("deadline/coalition leaves Baghdad", "2098-06", "month")},
        ),
        (
            "Iraq has sought the United States' help and coalition troops will leave Ain al-Asad "
            "by September 2098.",
            {("deadline/coalition leaves Ain al-Asad", "2098-09", "month")},
        ),
        (  # where someone spoke
            "Speaking in the Iraqi capital, Hegseth said US troops would leave Iraq by September "
            "2098.",
            {("deadline/coalition leaves Iraq", "2098-09", "month")},
        ),
        (  # a demand, past what it includes
            "Protesters demanded that all foreign troops leave Iraq, including the Kurdistan "
            "region, by 30 June 2098.",
            set(),
        ),
    ],
)
def test_dates_a_review_found_read_wrong(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, PUBLISHED) == expected
