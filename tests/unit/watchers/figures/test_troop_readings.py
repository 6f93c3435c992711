"""Troop counts in sentences that look alike but say different things: a level now or a plan,
done or to come, whose troops, how many were hurt. Written the way outlets write them."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of
from watchers.figures import extract

PUBLISHED = date(2024, 9, 30)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("ERBIL hosts about 2,500 US troops.", {("US", "Erbil", "current", 2500)}),
        (  # a dateline's place stays a figure's place: the story's news leaves it out
            "DAMASCUS, Syria (AP) — About 900 U.S. troops remain in the country.",
            {("US", "Syria", "current", 900)},
        ),
        (  # "the country" of a region is the country it is in
            "ERBIL, Kurdistan Region — The United States has about 2,500 troops in the "
            "country, a Pentagon spokesman said.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "ERBIL, Kurdistan Region — Hiện có khoảng 2.500 binh sĩ Mỹ ở nước này.",
            {("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_a_place_in_capitals_at_a_line_s_start_is_a_place(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Theo thỏa thuận, đến tháng 9/2026 Mỹ còn khoảng 2.000 binh sĩ tại Iraq.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "When the first phase is completed in September, US troop numbers in Iraq drop to "
            "about 2,000.",
            {("US", "Iraq", "planned", 2000)},
        ),
        ("Washington used to keep 5,200 troops in Iraq.", {("US", "Iraq", "past", 5200)}),
        ("Mỹ từng còn khoảng 5.200 binh sĩ tại Iraq.", {("US", "Iraq", "past", 5200)}),
        (
            "Theo nhà báo Anh Thư, hiện có khoảng 2.500 binh sĩ tại Iraq.",
            {("US", "Iraq", "current", 2500)},
        ),
        ("Theo Reuters, Anh hiện có khoảng 400 binh sĩ tại Iraq.", set()),
    ],
)
def test_an_aside_a_time_a_condition_or_a_name_does_not_change_the_count(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """A time before "còn", a "when" clause, "used to", "Anh Thư" (a name) and "Theo Reuters,
    Anh" (Britain, after a comma)."""
    assert troops_of(body, PUBLISHED) == expected


def test_an_aside_s_tense_does_not_make_a_planned_change_done() -> None:
    body = "The plan, which was approved in March, reduces US troops in Iraq from 2,500 to 1,500."
    assert troops_of(body, PUBLISHED) == {
        ("US", "Iraq", "current", 2500),
        ("US", "Iraq", "planned", 1500),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Mỹ rút quân khỏi căn cứ Ain al-Asad, hiện còn khoảng 2.000 binh sĩ ở Iraq.",
            {("US", "Iraq", "current", 2000)},
        ),
        ("Năm 2011, Mỹ rút quân khỏi Iraq, chỉ còn khoảng 150 binh sĩ.", set()),
    ],
)
def test_now_remaining_after_a_withdrawal_is_the_level_but_not_after_a_past_year(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Mỹ đã giảm quân số tại Iraq từ 2.500 xuống 2.000 người, và sẽ tiếp tục rút bớt.",
        "The US has reduced its troops in Iraq from 2,500 to 2,000 and will continue to withdraw.",
    ],
)
def test_a_change_that_happened_is_not_made_a_plan_by_a_later_clause(body: str) -> None:
    """ "đã giảm từ 2.500 xuống 2.000, và sẽ tiếp tục": 2,500 was, 2,000 is; "sẽ" is the next
    step's."""
    assert troops_of(body, PUBLISHED) == {
        ("US", "Iraq", "past", 2500),
        ("US", "Iraq", "current", 2000),
    }


def test_deciding_to_reduce_is_not_a_reduction_done() -> None:
    body = "The US government has decided to reduce its forces in Iraq from 5,200 to 3,000."
    assert troops_of(body, PUBLISHED) == {
        ("US", "Iraq", "current", 5200),
        ("US", "Iraq", "planned", 3000),
    }


def test_service_members_being_injured_are_casualties() -> None:
    """ "injuring 186 service members", "19 soldiers were diagnosed with traumatic brain
    injuries": how many were hurt."""
    hurt = "In Iraq, 19 US soldiers were diagnosed with traumatic brain injuries."
    assert troops_of(hurt, PUBLISHED) == set()
    body = (
        "About 2,500 US troops remain in Iraq. Since October, more than 170 attacks have "
        "targeted US forces in Iraq and Syria, injuring 186 service members."
    )
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", "current", 2500)}


@pytest.mark.parametrize(
    "body",
    ["Iraq withdrawal: UK to pull 400 troops.", "Quân Anh có 400 binh sĩ ở Iraq."],
)
def test_another_member_s_troops_are_not_the_us_s(body: str) -> None:
    assert troops_of(body, PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The US continues to maintain about 2,500 troops in Iraq.", ("current", 2500)),
        ("US to keep 2,500 troops in Iraq", ("planned", 2500)),
        ("Mỹ sẽ rút bớt quân khỏi Iraq, còn khoảng 2.500 binh sĩ.", ("planned", 2500)),
        ("Sau đợt rút quân sắp tới, Mỹ còn khoảng 2.500 binh sĩ tại Iraq.", ("planned", 2500)),
        ("Dự kiến Mỹ còn khoảng 2.500 binh sĩ tại Iraq sau tháng 9/2025.", ("planned", 2500)),
        ("Mỹ sẽ vẫn còn khoảng 2.500 binh sĩ tại Iraq sau tháng 9/2025.", ("planned", 2500)),
        (
            "The Pentagon has withdrawn from Ain al-Asad and will cut its force in Iraq to 2,500 "
            "troops next year.",
            ("planned", 2500),
        ),
        (
            "Phóng viên Tuấn Anh cho biết khoảng 2.500 binh sĩ vẫn đang đóng tại Iraq.",
            ("current", 2500),
        ),
        (
            "Theo tờ báo tiếng Anh The National, hiện có khoảng 2.500 binh sĩ tại Iraq.",
            ("current", 2500),
        ),
        (
            "Officials told Agence France-Presse that about 2,500 troops remain in Iraq.",
            ("current", 2500),
        ),
    ],
)
def test_a_level_a_plan_and_who_in_sentences_that_look_alike(
    body: str, expected: tuple[str, int]
) -> None:
    """A plan before "còn" or a perfect verb in another clause, a name ending in "Anh", a news
    agency: none changes what the count is."""
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", *expected)}


def test_a_plan_after_a_perfect_verb_in_another_clause_is_still_a_plan() -> None:
    body = (
        "The US, which has already withdrawn from two bases, will reduce its troops in Iraq "
        "from 2,500 to 2,000 by September."
    )
    assert troops_of(body, PUBLISHED) == {
        ("US", "Iraq", "current", 2500),
        ("US", "Iraq", "planned", 2000),
    }


def test_troops_pulled_out_are_how_many_left_not_how_many_stay() -> None:
    assert (
        troops_of("The US has pulled 500 troops out of Iraq, leaving about 2,000.", PUBLISHED)
        == set()
    )


def test_the_dotted_uk_is_another_member() -> None:
    assert troops_of("The U.K. has about 400 troops in Iraq.", PUBLISHED) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("At the end of 2019, the US still had about 5,200 troops in Iraq.", ("past", 5200)),
        ("Cuối năm 2019, Mỹ còn khoảng 5.200 binh sĩ tại Iraq.", ("past", 5200)),
        ("In September 2020, the US cut its troops in Iraq to 3,000.", ("past", 3000)),
        ("Tháng 9/2020, Mỹ giảm quân số tại Iraq xuống còn 3.000.", ("past", 3000)),
        ("Năm 2021, Mỹ có 2.500 binh sĩ ở Iraq.", ("past", 2500)),
        (  # the sentence says the level still holds
            "In 2020, the US reduced its forces in Iraq to 2,500, where they remain.",
            ("current", 2500),
        ),
        ("Since 2020, the US has kept about 2,500 troops in Iraq.", ("current", 2500)),
        ("In 2024, the US has about 2,500 troops in Iraq.", ("current", 2500)),
        ("By 2027, the US will have 500 troops in Iraq.", ("planned", 500)),
        ("Đến năm 2027, Mỹ sẽ có khoảng 500 binh sĩ tại Iraq.", ("planned", 500)),
        (  # what opens the sentence is no time, or the sentence comes back to now
            "Ever since 2021, the United States has kept about 2,500 troops in Iraq.",
            ("current", 2500),
        ),
        ("Under a deal from 2021, the US keeps about 2,500 troops in Iraq.", ("current", 2500)),
        ("Tính từ năm 2021, Mỹ duy trì khoảng 2.500 binh sĩ tại Iraq.", ("current", 2500)),
        (
            "In 2021, the US ended its combat mission, but it still has about 2,500 troops in "
            "Iraq.",
            ("current", 2500),
        ),
        (
            "Năm 2021, Mỹ kết thúc sứ mệnh chiến đấu, nhưng hiện vẫn còn khoảng 2.500 binh sĩ ở "
            "Iraq.",
            ("current", 2500),
        ),
        (  # "today" is about another level
            "In 2019, the US kept about 5,200 troops in Iraq, more than it has today.",
            ("past", 5200),
        ),
        (
            "Washington and Baghdad agreed that the US will have no more than 2,000 troops in "
            "Iraq after September 2025.",
            ("planned", 2000),
        ),
    ],
)
def test_a_sentence_that_opens_with_a_past_year_tells_a_past_level(
    body: str, expected: tuple[str, int]
) -> None:
    """A level of 2019 restated in 2024 is history, not a change ("a stale number restated");
    one that "will have" is a plan, not the level now."""
    assert troops_of(body, PUBLISHED) == {("US", "Iraq", *expected)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a plan said then is history too
            "In September 2020, the US announced it would cut its troops in Iraq from 5,200 to "
            "3,000.",
            {("US", "Iraq", "past", 5200), ("US", "Iraq", "past", 3000)},
        ),
        (  # "hiện nay" leads to the next number
            "Năm 2020, Mỹ giảm quân tại Iraq xuống 3.000, và hiện nay con số này là khoảng "
            "2.500 binh sĩ.",
            {("US", "Iraq", "past", 3000), ("US", "Iraq", "current", 2500)},
        ),
        (  # "now" after the source: the level now, and the target a plan
            "The US could cut its troops in Iraq to 2,000, from about 2,500 now.",
            {("US", "Iraq", "current", 2500), ("US", "Iraq", "planned", 2000)},
        ),
    ],
)
def test_which_of_two_levels_a_time_or_a_now_is_about(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


def test_a_plan_said_in_a_past_year_for_a_year_still_ahead_is_a_plan() -> None:
    body = "In 2020, the US said it would keep 2,500 troops in Iraq until 2025."
    assert troops_of(body, date(2024, 1, 1)) == {("US", "Iraq", "planned", 2500)}


DONE = {("US", "Iraq", "past", 2900), ("US", "Iraq", "current", 2500)}
TO_COME = {("US", "Iraq", "current", 2900), ("US", "Iraq", "planned", 2500)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The departures bring the number of US troops in Iraq down from about 2,900 to "
            "about 2,500, it said.",
            DONE,
        ),
        ("The number of US troops in Iraq is down from 2,900 to 2,500.", DONE),
        ("The number of US troops in Iraq fell from 2,900 to 2,500.", DONE),
        ("The number of US troops in Iraq will be down from 2,900 to 2,500 by March.", TO_COME),
        ("The number of US troops in Iraq will be reduced from 2,900 to 2,500.", TO_COME),
        ("The number of US troops in Iraq is being reduced from 2,900 to 2,500.", TO_COME),
    ],
)
def test_from_one_level_to_another_done_or_to_come(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """ "down from X to Y" and a change in the simple past say Y is the level now and X was;
    a change to come keeps X the level now."""
    assert troops_of(body, PUBLISHED) == expected


CUT_TO_COME = {("US", "Iraq", "current", 2500), ("US", "Iraq", "planned", 2000)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the simple past of another clause is not the change's
            "A Pentagon official who declined to be named said US troops in Iraq are being "
            "reduced to 2,000.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Iraq dropped its objection and US troops in Iraq are being reduced from 2,500 to "
            "2,000.",
            CUT_TO_COME,
        ),
        ("The Pentagon wants US troops in Iraq reduced from 2,500 to 2,000.", CUT_TO_COME),
        (  # a time to come after the number
            "The plan, which Washington approved, reduced the US force in Iraq from 2,500 to 2,000 "
            "by September.",
            CUT_TO_COME,
        ),
        (  # a cap lowered: the new cap is a plan, the old one past
            "The joint commission on Friday lowered the year-end cap on US troops in Iraq from "
            "2,400 to 2,000, Iraqi officials said.",
            {("US", "Iraq", "past", 2400), ("US", "Iraq", "planned", 2000)},
        ),
        ("About 620 US personnel had served at Jisr al-Hadid.", {("US", "Iraq", "past", 620)}),
        (  # "had" in another clause says nothing of the count
            "There are about 2,500 US troops in Iraq, officials had said.",
            {("US", "Iraq", "current", 2500)},
        ),
        (  # a year after the number is no time ahead
            "The number of US troops in Iraq fell from 2,900 to 2,500 in 2024.",
            {("US", "Iraq", "past", 2900), ("US", "Iraq", "current", 2500)},
        ),
    ],
)
def test_a_plan_a_wish_or_a_cap_said_beside_a_past_verb(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("US force in Iraq drops to 2,900 after base handover", ("current", "Iraq")),
        ("US troop numbers in Iraq fall to 2,900 after early handover", ("current", "Iraq")),
        ("US force in Iraq falls to 2,000 by March", ("planned", "Iraq")),
        ("US force in Iraq to fall to 2,000", ("planned", "Iraq")),
        (  # the place left is not where the force's size is
            "US agrees to leave Baghdad three months early, cut force to 2,000 by year-end",
            ("planned", "Iraq"),
        ),
    ],
)
def test_a_headline_s_level_and_its_place(title: str, expected: tuple[str, str]) -> None:
    """An English headline's present tense tells a change done, with no time after it."""
    (count,) = extract(title, "A first line.\nA second line.", published=PUBLISHED).troop_counts
    assert (count.status, count.where) == expected
