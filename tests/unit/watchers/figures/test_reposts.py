"""Re-posts and restatements: which year a date without one is, in both languages.

A story fetched years after it was written, a quote that says "this year", a plan said as
passed beside the date that replaces it; the sentences are written here.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.watchers.figures.test_failure_kinds import dates_of
from watchers.figures import extract

# --- re-posts: relative dates against the day the article reports on -------------------------


@pytest.mark.parametrize(
    "body",
    [
        "WASHINGTON, July 26, 2021 — The US combat mission in Iraq will end by the end of this "
        "year, Biden said.",
        "Ngày 26/7/2021, Tổng thống Biden cho biết nhiệm vụ chiến đấu của Mỹ tại Iraq sẽ kết "
        "thúc vào cuối năm nay.",
        "Chiều 26/7/2021, Tổng thống Biden cho biết nhiệm vụ chiến đấu của Mỹ tại Iraq sẽ kết "
        "thúc vào cuối năm nay.",
    ],
)
def test_a_story_re_posted_later_keeps_its_own_year(body: str) -> None:
    assert dates_of(body, date(2024, 3, 29)) == {("US combat mission ends in Iraq", "2021")}


def test_only_a_dateline_sets_the_day_an_article_reports_on() -> None:
    """The counter-example: a date further in (what happened then) does not move "this year"."""
    body = (
        "The coalition will leave Iraq by the end of this year. The plan was first discussed "
        "on July 26, 2021."
    )
    assert dates_of(body, date(2024, 3, 29)) == {("coalition leaves Iraq", "2024")}


@pytest.mark.parametrize(
    "body",
    [
        "Tổng thống Biden và Thủ tướng Kadhimi đã ký thỏa thuận kết thúc nhiệm vụ chiến đấu "
        "của quân đội Mỹ ở Iraq vào cuối năm 2021. Ông Biden nói nhiệm vụ chiến đấu sẽ kết "
        "thúc vào cuối năm nay.",
        "Biden and Kadhimi agreed in July that the US combat mission in Iraq would end at the "
        'end of 2021. "We will not be in a combat mission by the end of the year," he said.',
    ],
)
def test_a_deadline_restated_without_its_year_is_the_one_written_with_it(body: str) -> None:
    """A re-post of July 2021 without a dateline, fetched in 2024: "this year" is the 2021
    the article wrote, not a deadline at the end of 2024."""
    figures = extract("", body, published=date(2024, 3, 29))
    assert not any(d.date == "2024" for d in (*figures.deadlines, *figures.passed))


@pytest.mark.parametrize(
    "body",
    [
        "Washington had planned to withdraw from Erbil by the end of 2025. Troops will now "
        "leave Erbil by the end of this year, officials said.",
        "Theo kế hoạch, liên quân phải rút khỏi Erbil trước cuối năm 2025. Nay liên quân sẽ rút "
        "khỏi Erbil vào cuối năm nay.",
    ],
)
def test_a_deadline_that_replaces_a_passed_plan_stands(body: str) -> None:
    assert ("coalition leaves Erbil", "2026") in dates_of(body, date(2026, 3, 1))


def test_a_relative_deadline_stands_beside_another_kind_of_date() -> None:
    """A written year of another precision ("in 2020") does not set a day's year apart."""
    body = (
        "The statement confirms a July decision by the White House to end the U.S. combat "
        "mission in Iraq by Dec. 31. The end of the combat mission changes little on the "
        "ground; the coalition stopped taking part in combat missions early in 2020."
    )
    assert ("US combat mission ends in Iraq", "2021-12-31") in dates_of(body, date(2021, 12, 9))
