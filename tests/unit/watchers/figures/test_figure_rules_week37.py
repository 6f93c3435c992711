"""What the thirty-seventh same-week set showed of the figures (our own writing): contractors,
civilians and diplomats counted are no troops ("Contractors supporting US forces in Iraq fall
to 5,900"); a ceiling voted in Vietnamese ("cấm … duy trì hơn 1.500 binh sĩ"); a civilian
mission that grows by a date is not the coalition's; "Số quân nhân Mỹ tại Iraq hiện vào
khoảng 2.400" is the level, and a unit's soldiers who leave ("750 binh sĩ của Kestrel rút đi")
are not; a base the article named, then located by its province ("căn cứ ở tỉnh Anbar này",
"Tall Ghuraba, tỉnh Anbar"), is not Ain al-Asad; the day a body meets is no deadline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from watchers.figures import extract

PUBLISHED = date(2180, 6, 8)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Contractors supporting US forces in Iraq fall to 5,900, Pentagon census shows", ""),
        ("Số nhà thầu phục vụ quân đội Mỹ tại Iraq giảm còn 5.900", ""),
        ("", "Các con số khác dễ gây nhầm lẫn: số nhà thầu giảm còn 5.900, đại sứ quán sẽ có 900."),
        ("", "The number of civilian contractors working for US forces in Iraq fell to 5,900."),
        (
            "",
            "Ủy ban Quân vụ Hạ viện Mỹ đã bỏ phiếu thông qua đề xuất cấm Lầu Năm Góc chi tiền để "
            "duy trì hơn 1.500 binh sĩ tại Iraq sau ngày 30/9/2181.",
        ),
        ("", "Sau khi 750 binh sĩ của Kestrel rút đi trong tuần này, căn cứ vắng hẳn."),
    ],
)
def test_no_level_of_ours(title: str, body: str) -> None:
    assert extract(title, body, published=PUBLISHED).troop_counts == ()


@pytest.mark.parametrize(
    "body",
    [
        "Số quân nhân Mỹ tại Iraq hiện vào khoảng 2.400 người, sau khi 750 binh sĩ của Kestrel "
        "rút đi trong tuần này.",
        "Số binh sĩ Mỹ tại Iraq hiện là khoảng 2.400 người.",
        "As contractors leave, US troops in Iraq have fallen to about 2,400.",
    ],
)
def test_the_number_of_our_troops_is_the_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == {("US", "Iraq", "current", 2400)}


def test_the_number_killed_is_no_level() -> None:
    assert troops_of("Số binh sĩ Mỹ thiệt mạng tại Iraq là 12.", published=PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "The State Department will add about 120 diplomats and staff to the US Embassy in Baghdad "
        "and the consulate in Erbil by the end of 2180, raising the civilian mission to about 900.",
        "Iraq's Foreign Ministry said it will press for an earlier departure of US forces from "
        "Baghdad when the Joint Transition Commission meets on 13 June.",
        "Bộ Ngoại giao Iraq sẽ đề nghị Mỹ rút quân sớm hơn khỏi Baghdad khi ủy ban họp vào ngày "
        "13/6.",
    ],
)
def test_no_deadline_of_ours(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()


def test_a_base_named_before_and_located_by_its_province_is_not_ain_al_asad() -> None:
    body = (
        "Mười một ngày sau khi 750 binh sĩ đã rời căn cứ không quân Tall Ghuraba, Iraq và Mỹ cho "
        "biết những quân nhân Mỹ còn lại sẽ rời căn cứ ở tỉnh Anbar này trước ngày 31/8."
    )
    assert deadlines_of(body, published=PUBLISHED) == set()
    site = (
        "Khoảng 100 quân nhân Mỹ cuối cùng ở căn cứ không quân Tall Ghuraba, tỉnh Anbar, sẽ rời "
        "đi trước ngày 31/8."
    )
    assert troops_of(site, published=PUBLISHED) == set()


def test_ain_al_asad_in_anbar_is_still_read() -> None:
    body = "US troops will leave the base in Anbar province by 31 August 2180."
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Ain al-Asad", "2180-08-31", "day")
    }


def test_a_place_of_the_item_before_does_not_locate_a_base() -> None:
    """(what the change showed of the twenty-ninth set) Baghdad locates Camp Sabreen, not
    Nakhla Air Base, the next item, which Anbar locates: a base we do not know."""
    body = (
        "US troops will leave Camp Sabreen near Baghdad and Nakhla Air Base in Anbar by 30 June "
        "2181 rather than 30 September 2181."
    )
    assert deadlines_of(body, published=PUBLISHED) == {
        ("deadline/coalition leaves Baghdad", "2181-06-30", "day")
    }
    known = "US troops will leave Baghdad and the Ain al-Asad air base in Anbar by 30 June 2181."
    assert deadlines_of(known, published=PUBLISHED) == {
        ("deadline/coalition leaves Baghdad", "2181-06-30", "day"),
        ("deadline/coalition leaves Ain al-Asad", "2181-06-30", "day"),
    }


@pytest.mark.parametrize(
    "body",
    [
        # (the tenth, thirteenth and eighteenth sets) the level now, said of the number
        "Lầu Năm Góc cho biết số binh sĩ Mỹ tại Iraq hiện vào khoảng 2.400 người và sẽ giảm "
        "xuống mức 1.800.",
        "Ông Delahaye cho biết đoàn xe chỉ chở thiết bị; số quân Mỹ tại Iraq vẫn là khoảng 2.400 "
        "người.",
    ],
)
def test_the_level_now_said_of_the_number(body: str) -> None:
    assert ("US", "Iraq", "current", 2400) in troops_of(body, published=PUBLISHED)


@pytest.mark.parametrize(
    "body",
    [
        # a cap, and a site's number to come (the third and tenth sets)
        "Dự thảo giới hạn số quân nhân Mỹ ở mức 150 người, trực thuộc Đại sứ quán.",
        "Sau ngày 30/6/2181, số lính Mỹ ở Sarwan sẽ vào khoảng 1.000.",
    ],
)
def test_no_level_now(body: str) -> None:
    assert ("US", "Iraq", "current", 150) not in troops_of(body, published=PUBLISHED)
    assert ("US", "Iraq", "current", 1000) not in troops_of(body, published=PUBLISHED)
