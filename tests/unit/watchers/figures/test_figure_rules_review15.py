"""What a second review of the thirty-seventh set's rules, and the thirty-eighth set, showed of
the figures (our own writing): a Vietnamese ban bars what it names in its clause, not a level
after "nơi", "trong khi", "và"; "số quân Mỹ … hiện là" only of one place; "N binh sĩ của Mỹ
tại Iraq" is the whole force; "strength" is a word of the force; "this base in Anbar" only
refers back; a request is one made for the leaving; a month's part ("cuối", "before", "the
last week of") is no bare month; a list's item we do not know ("…, Qasr Sahm by the end of
April") and a count "at the base" are not Iraq's; a cap a bill proposes is no plan; "non-US"
troops are the coalition's; a date moved "từ … sang" after a long subject goes to the second;
"giữa năm 2192" is the end of its June."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from tests.unit.watchers.figures.test_judge import DAY, NOW, Ledger, deadline
from watchers.figures import extract
from watchers.figures.dates import parse_date

PUBLISHED = date(2180, 6, 8)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Baghdad cấm Mỹ mở rộng căn cứ nơi Washington đang duy trì hơn 2.000 binh sĩ.",
            ("US", "Iraq", "current", 2000),
        ),
        (
            "Iraq cấm Mỹ bay UAV trên lãnh thổ trong khi Mỹ giữ hơn 2.000 binh sĩ tại đây.",
            ("US", "Iraq", "current", 2000),
        ),
        (
            "Khoảng 2.500 binh sĩ của Mỹ tại Iraq sẽ rời đi theo lộ trình hai giai đoạn.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "Civilian anger grows as US strength in Iraq remains at about 2,500.",
            ("US", "Iraq", "current", 2500),
        ),
        (
            "Số quân Mỹ tại Iraq hiện là khoảng 2.400 người.",
            ("US", "Iraq", "current", 2400),
        ),
    ],
)
def test_a_level_read(body: str, expected: tuple[str, str, str, int]) -> None:
    assert expected in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "Số quân Mỹ tại Trung Đông hiện vào khoảng 40.000.",
        "Số quân Mỹ ở Kuwait và Iraq hiện vào khoảng 15.000.",
        "Quân số Mỹ tại căn cứ vẫn ở mức khoảng 900 và tổng quân số Mỹ tại Iraq không đổi.",
        "Một dự luật mới tại Thượng viện Mỹ yêu cầu rút toàn bộ binh sĩ khỏi Iraq trong vòng 90 "
        "ngày và giới hạn quân số ở mức 1.000 người.",
        "Senator Mabry's proposed cap of 1,500 troops after September would bind the Pentagon.",
    ],
)
def test_no_level_of_ours(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


def test_a_cap_announced_is_a_plan_though_a_draft_is_named() -> None:
    body = (
        "The draft comes in a week in which the Pentagon announced a cap of 1,500 troops by the "
        "end of April."
    )
    assert ("US", "Iraq", "planned", 1500) in troops_of(body, published=PUBLISHED)


def test_non_us_troops_are_the_coalitions() -> None:
    body = "The coalition said its non-US contingents have shrunk to about 1,050 troops."
    assert troops_of(body, published=PUBLISHED) == {("coalition", "Iraq", "current", 1050)}


AIN_AL_ASAD = ("deadline/coalition leaves Ain al-Asad", "2180-08-31", "day")


@pytest.mark.parametrize(
    "body",
    [
        "US forces handed over Camp Victory in Baghdad in May. The remaining troops will leave the "
        "base in Anbar by 31 August 2180.",
        "Iranian missiles struck Asad air base in 2020. US troops will leave this base in Anbar by "
        "31 August 2180. Camp Sabreen closed earlier.",
    ],
)
def test_the_base_in_anbar_is_still_ain_al_asad(body: str) -> None:
    assert AIN_AL_ASAD in deadlines_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        "Iraq has long pressed for the exit, and US troops will leave Baghdad when the joint "
        "commission meets on 13 June 2181.",
        "Theo yêu cầu của Baghdad, quân Mỹ sẽ rời Baghdad trước khi ủy ban họp vào ngày 13/6/2181.",
    ],
)
def test_a_leaving_beside_a_request_is_a_deadline(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Baghdad", "2181-06-13", "day")
    }


@pytest.mark.parametrize(
    "body",
    [
        "US troops are to leave Umm Nakhla by 31 March, Qasr Sahm by the end of April, and Gird "
        "Zarin later.",
        "US troops will leave Mosul by the end of April.",
    ],
)
def test_a_place_we_do_not_know_is_not_iraq(body: str) -> None:
    assert deadlines_of(body, published=date(2190, 3, 9)) == set()


def test_a_date_moved_after_a_long_subject_goes_to_the_second() -> None:
    body = (
        "Iraq và Mỹ đồng ý lùi thời hạn rút quân Mỹ khỏi sân bay Gird Zarin và khu vực Kurdistan "
        "từ cuối năm 2191 sang ngày 30/6/2192."
    )
    assert deadlines_of(body, published=date(2190, 3, 18)) == {
        ("deadline/coalition leaves Kurdistan", "2192-06-30", "day")
    }


def test_the_middle_of_a_year_in_vietnamese() -> None:
    assert parse_date("giữa năm 2192") == ("2192-06", "month")
    assert parse_date("mid-2192") is None  # unread, as before
    title = "Iraq và Mỹ lùi thời hạn rút quân khỏi Kurdistan đến giữa năm 2192"
    got = {
        (d.key, d.last_day.isoformat()) for d in extract(title, "", published=PUBLISHED).deadlines
    }
    assert got == {("deadline/coalition leaves Kurdistan", "2192-06-30")}


@pytest.mark.parametrize(
    "quote",
    [
        "truoc cuoi thang 9/2181",
        "vào hạ tuần tháng 9",
        "late in September 2181",
        "in the last week of September 2181",
        "before September 2181",
    ],
)
def test_a_part_of_a_month_does_not_restate_a_day(quote: str) -> None:
    ledger = Ledger()
    ledger.report(deadline("2181-09-10", "day", firm=True), at=NOW - 30 * DAY, outlet="AP")
    told = replace(deadline("2181-09", "month", firm=True), quote=quote)
    (decision,) = ledger.report(told, at=NOW, outlet="Reuters")
    assert decision.kind != "confirmed", quote
