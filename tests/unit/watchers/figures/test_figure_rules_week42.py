"""What the forty-second and forty-third same-week sets showed of the figures (our own
writing): a level a change left though said "remained" ("3,050 US troops remained …, down from
about 3,400"); a proposed ceiling ("bác đề xuất trần 1.500 quân"), a ban on funds for more
than a number ("cấm dùng ngân sách để duy trì hơn 1.500") and someone's expectation of a fall
below a number are no levels; a date nobody committed to and a date to deliver a plan by are
no deadlines; a date said to stand is read with ``stands``."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of
from watchers.figures import extract

PUBLISHED = date(2157, 8, 17)


def test_a_level_a_change_left_is_the_level_though_said_remained() -> None:
    body = (
        "The task force said about 3,050 US troops remained in the country after Thursday's "
        "departure, down from about 3,400."
    )
    assert troops_of(body, published=PUBLISHED) == {
        ("US", "Iraq", "current", 3050),
        ("US", "Iraq", "past", 3400),
    }


@pytest.mark.parametrize(
    ("body", "count"),
    [
        # a count that remained, with no change after it, is still the past's
        ("In 2020, 5,200 US troops remained in Iraq.", ("US", "Iraq", "past", 5200)),
        # the passive of a plan's fall below a number stays a planned level
        (
            "The number of troops from coalition nations other than the US in Iraq is expected "
            "to fall below 500.",
            ("coalition", "Iraq", "planned", 500),
        ),
        (
            "Quân số Mỹ tại Iraq sẽ giảm xuống dưới 2.000 vào đầu năm 2158.",
            ("US", "Iraq", "planned", 2000),
        ),
        (
            "Mỹ hiện duy trì khoảng 2.500 binh sĩ tại Iraq, dùng ngân sách quốc phòng.",
            ("US", "Iraq", "current", 2500),
        ),
    ],
)
def test_levels_that_stay(body: str, count: tuple[str, str, str, int]) -> None:
    assert count in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "Ủy ban Hạ viện Mỹ giới hạn ngân sách cho hoạt động tại Iraq, bác đề xuất trần 1.500 quân.",
        "Tu chính án của Hạ nghị sĩ Teresa Albright sẽ cấm dùng ngân sách để duy trì hơn 1.500 "
        "binh sĩ tại Iraq sau ngày 1/1/2158.",
        "The nominee told senators that he expected the number of US troops in Iraq to fall "
        "below 1,500 early next year if Iraq's air force kept to its schedule.",
        "Ông nói với các thượng nghị sĩ rằng ông dự kiến số binh sĩ Mỹ tại Iraq sẽ giảm xuống "
        "dưới 1.500 vào những tháng đầu năm 2158.",
        "Ông nói số binh sĩ Mỹ tại Iraq có thể xuống dưới 1.500 vào đầu năm 2158.",
    ],
)
def test_a_ceiling_proposed_or_barred_or_a_fall_below_expected_is_no_level(body: str) -> None:
    assert not {t for t in troops_of(body, published=PUBLISHED) if t[3] == 1500}


@pytest.mark.parametrize(
    "body",
    [
        'Một quan chức Mỹ nói Washington "sẵn sàng với một thời hạn sớm hơn" cho việc rút quân '
        "khỏi Baghdad nhưng không cam kết về tháng 1.",
        "The bill also requires the Pentagon to send Congress by 1 December 2157 a plan for "
        "meeting the accord's dates, including how US troops at the airfield will leave.",
    ],
)
def test_a_date_nobody_committed_to_or_to_deliver_a_plan_by_is_no_deadline(body: str) -> None:
    assert extract("Iraq", body, published=PUBLISHED).deadlines == ()


@pytest.mark.parametrize(
    ("body", "stands"),
    [
        ("The date for leaving the airfield in the Kurdistan region remains 30 June 2158.", True),
        ("Thời hạn rời khu vực Kurdistan vẫn là 30/6/2158.", True),
        ("Thời hạn rời Kurdistan, cuối năm 2158, giữ nguyên.", True),
        (
            "The date for US forces to leave the airfield in the Kurdistan region, 31 December "
            "2158, was not changed.",
            True,
        ),
        ("US troops will leave the Kurdistan region by 30 June 2158.", False),
        # troops that remain until a date leave then: no date said to stand
        ("US troops will remain in the Kurdistan region until 30 June 2158.", False),
    ],
)
def test_a_date_said_to_stand(body: str, stands: bool) -> None:
    (deadline,) = extract("Iraq", body, published=PUBLISHED).deadlines
    assert deadline.stands is stands


@pytest.mark.parametrize(
    ("body", "count"),
    [
        # a rise is a change too: "tăng lên", "nâng … lên", "has risen to", "raising the total"
        ("Quân số Mỹ tại Iraq đã tăng lên khoảng 2.800.", ("US", "Iraq", "current", 2800)),
        ("Quân số Mỹ tại Iraq tăng lên khoảng 2.800.", ("US", "Iraq", "planned", 2800)),
        (
            "Lầu Năm Góc cho biết Mỹ đang điều khoảng 150 binh sĩ tới sân bay Bardashan, nâng "
            "tổng số quân Mỹ tại Iraq lên khoảng 2.800.",
            ("US", "Iraq", "planned", 2800),
        ),
        (
            "The number of US troops in Iraq has risen to about 2,800.",
            ("US", "Iraq", "current", 2800),
        ),
        (
            "The Pentagon is sending about 150 soldiers, raising the total number of US troops "
            "in Iraq to about 2,800.",
            ("US", "Iraq", "planned", 2800),
        ),
        # "here" after a country is its count
        (
            "Hiện còn khoảng 240 binh sĩ liên quân tại Iraq. Mỹ dự kiến giảm quân số tại đây "
            "xuống không quá 500 người trước cuối năm.",
            ("US", "Iraq", "planned", 500),
        ),
    ],
)
def test_a_rise_is_a_change(body: str, count: tuple[str, str, str, int]) -> None:
    assert count in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        # "here" in a sentence of a base is the base's count
        "Căn cứ này sẽ nhận thêm khoảng 200 lính Mỹ chuyển từ tỉnh Anbar, nâng quân số tại đây "
        "lên khoảng 1.250.",
        # "khả năng" (a possibility) is no "nâng" (raising)
        "Lầu Năm Góc để ngỏ khả năng quân Mỹ ở Iraq xuống dưới 1.250.",
    ],
)
def test_a_base_here_or_a_possibility_is_no_level(body: str) -> None:
    assert not {t for t in troops_of(body, published=PUBLISHED) if t[3] == 1250}


@pytest.mark.parametrize(
    "body",
    [
        # (the forty-fourth and forty-fifth sets) a demand whose date follows "tức" (that is),
        # an embassy's staff moved, a company's staff leaving
        "Nhóm vũ trang yêu cầu toàn bộ quân Mỹ rời Baghdad trước Nowruz, tức Tết Ba Tư ngày "
        "21/3/2158, sớm hơn nhiều so với thời hạn 30/9/2158 trong Hiệp định Chuyển tiếp.",
        "The State Department will move about 180 of the US Embassy's staff in Baghdad to the "
        "consulate in Erbil by 30 September, officials said.",
        "Castellane Energy Services will withdraw from its contract at Iraq's Nahr Jasim "
        "oilfield and move its 230 foreign staff out of the country by 30 November.",
    ],
)
def test_a_demand_after_tuc_or_others_moving_is_no_deadline(body: str) -> None:
    assert extract("Iraq", body, published=PUBLISHED).deadlines == ()


def test_a_floor_after_a_dash_is_no_level() -> None:
    body = (
        "What it does is set a floor - 1,200 US troops until 1 October 2158 - below which the "
        "Pentagon could go only with a written certification."
    )
    assert troops_of(body, published=PUBLISHED) == set()
