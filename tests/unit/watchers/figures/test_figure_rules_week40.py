"""What the fortieth and forty-first same-week sets showed of the figures (our own writing): a
forecast of a fall ("could fall to about 1,800 by year's end", "có thể giảm còn") and a
budget's assumption ("the budget request, which assumes no more than 2,000 troops in Iraq from
October", "dự toán ngân sách … giả định … không quá 2.000") are no levels; a coalition "không
kể Mỹ" (not counting the US) counts the coalition's troops."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of
from watchers.figures import extract

PUBLISHED = date(2210, 6, 20)


@pytest.mark.parametrize(
    "body",
    [
        "General tells senators US force in Iraq could fall to about 1,800 by year's end.",
        "Tướng Mỹ: quân số tại Iraq có thể giảm còn khoảng 1.800 vào cuối năm.",
        "US troops in Iraq could come down to 2,000 by summer if withdrawal talks succeed.",
        "US troops in Iraq could fall to 2,000",  # (a headline: it was read as planned)
        "The Pentagon's budget request, released on Monday, assumes no more than 2,000 troops in "
        "Iraq from October.",
        "Dự toán ngân sách tài khóa 2221 mà Lầu Năm Góc gửi Quốc hội hôm thứ Hai (13/3) giả định "
        "rằng từ ngày 1/10, Mỹ sẽ duy trì không quá 2.000 quân tại Iraq.",
    ],
)
def test_a_forecast_or_a_budgets_assumption_is_no_level(body: str) -> None:
    assert not {t for t in troops_of(body, published=PUBLISHED) if t[3] in (1800, 2000)}


def test_a_coalition_not_counting_the_us_is_the_coalition() -> None:
    body = "Các nước trong liên quân, không kể Mỹ, hiện có khoảng 1.050 quân tại Iraq."
    assert troops_of(body, published=PUBLISHED) == {("coalition", "Iraq", "current", 1050)}


@pytest.mark.parametrize(
    ("body", "count"),
    [
        # a fall said as done or decided stays
        (
            "The US force in Iraq fell to about 1,800 after the handover.",
            ("US", "Iraq", "current", 1800),
        ),
        (
            "The budget was approved on Monday, and US troops in Iraq will be cut to 2,000 by "
            "October.",
            ("US", "Iraq", "planned", 2000),
        ),
    ],
)
def test_a_fall_said_as_done_or_decided_stays(body: str, count: tuple[str, str, str, int]) -> None:
    assert count in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        # (the forty-first set) a demand with an aside of what it includes, a comparison with
        # the agreed date after it, "mọi" (all), a demand rejected after an accord is named
        "Iraq's parliament passed a non-binding resolution demanding that all foreign troops, "
        "including those in the Kurdistan region, leave the country by 31 December 2180, a "
        "year earlier than the date agreed for the Kurdistan region under the accord.",
        "Nghị quyết yêu cầu mọi lực lượng nước ngoài, kể cả ở khu vực Kurdistan, rút khỏi Iraq "
        "trước ngày 31/12/2180.",
        "Ngày 14/3, Quốc hội Iraq đòi mọi quân nước ngoài rút trước ngày 31/12/2180.",
        "Iraq's government kept the dates of the accord, rejecting the parliament's call for "
        "all foreign troops to leave by the end of the year.",
    ],
)
def test_a_demand_is_no_deadline(body: str) -> None:
    assert extract("Iraq", body, published=date(2180, 3, 14)).deadlines == ()


def test_a_date_agreed_stays_a_deadline() -> None:
    body = "Under the accord, coalition forces will leave Baghdad by 31 August 2180, as agreed."
    (deadline,) = extract("Iraq", body, published=date(2180, 3, 14)).deadlines
    assert deadline.date == "2180-08-31"


@pytest.mark.parametrize(
    "body",
    [
        # (the fortieth set) a list of counts, then where they all are: the base's
        "Các nghị sĩ cho biết họ đã đếm được 412 binh sĩ Mỹ, 70 binh sĩ Anh và 163 nhà thầu dân "
        "sự tại căn cứ.",
        "The MPs said they had counted 412 US soldiers, 70 British soldiers and 163 contractors "
        "at the camp.",
    ],
)
def test_a_list_of_counts_at_a_base_is_the_bases(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


def test_a_list_of_counts_in_iraq_stays() -> None:
    body = "About 2,500 US troops, 1,000 coalition troops and 4,000 contractors are in Iraq."
    assert ("US", "Iraq", "current", 2500) in troops_of(body, published=PUBLISHED)
