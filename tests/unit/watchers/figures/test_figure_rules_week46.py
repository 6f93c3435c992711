"""What the forty-sixth and forty-seventh same-week sets showed of the figures (our own
writing, and probes of our own beside them): an average is no level, nor a battery's soldiers,
nor those at a site we do not know who leave for Iraq's border; "raised … to" is done; a floor
advised against has no deadline; a start, contractors' leaving and a date the accord "vốn" (at
first) allowed are no deadlines; a move told over a long Vietnamese phrase goes to its second
date; federal Iraq is left with Baghdad; "chín tháng sau" is no June; a date is said to stand
in more words ("remains set for", "as scheduled")."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troop_key, troops_of
from watchers.figures import extract

SPRING = date(2193, 3, 10)
SUMMER = date(2196, 7, 14)


@pytest.mark.parametrize(
    "body",
    [
        # an average a budget assumes
        "The Pentagon's fiscal 2194 request, released on Friday, puts an average of about 2,700 "
        "US troops in Iraq next year.",
        "Lầu Năm Góc gửi Quốc hội dự toán ngân sách tài khóa 2194, trong đó giả định trung bình "
        "có khoảng 2.700 lính Mỹ tại Iraq trong năm tài khóa bắt đầu từ ngày 1/10.",
        "Ngân sách Lầu Năm Góc dự tính khoảng 2.700 lính Mỹ ở Iraq.",
        # a unit's size, said before the number
        "The United States has moved an air-defense battery of about 220 soldiers from Kuwait to "
        "Camp Meridian near Baghdad airport.",
        "Lầu Năm Góc cho biết Mỹ đã điều một khẩu đội phòng không gồm khoảng 220 binh sĩ từ Kuwait "
        "đến trại Meridian gần sân bay Baghdad.",
        # those at a site we do not know, leaving for somewhere we know
        "Two Iraqi officials said most of the roughly 900 US personnel at Nakhil would leave Iraq "
        "through Kuwait.",
        "Trong số khoảng 900 quân nhân Mỹ có mặt ở căn cứ, khoảng 750 người đã rời Iraq qua "
        "Kuwait.",
        # more troops weighed, "up to 500 more"
        "Lầu Năm Góc cân nhắc điều thêm tới 500 quân đến Iraq sau vụ tấn công ở Erbil.",
        # a floor advised against
        "The nominee told senators she would advise against cutting US forces in Iraq below about "
        "2,000 before the end of 2197 unless Iraq's new radar network is working by then.",
    ],
)
def test_no_level_is_read(body: str) -> None:
    assert troops_of(body, SUMMER) == set()


def test_a_rise_told_as_done_is_the_level() -> None:
    assert troops_of(
        "The move raised the number of US troops in Iraq to about 2,270 from about 2,050, the "
        "Pentagon said on Tuesday.",
        SUMMER,
    ) == {("US", "Iraq", "current", 2270), ("US", "Iraq", "past", 2050)}
    assert troops_of(
        "The United States has moved an air-defense battery of about 220 soldiers from Kuwait to "
        "Camp Meridian, raising the number of US troops in Iraq to about 2,270 from about 2,050.",
        SUMMER,
    ) == {("US", "Iraq", "current", 2270), ("US", "Iraq", "past", 2050)}
    title = (
        "US sends air-defense battery to Baghdad camp after drone attack, raising force in Iraq "
        "to about 2,270"
    )
    read = extract(title, "The Pentagon said it sent the battery.", published=SUMMER)
    assert {troop_key(t) for t in read.troop_counts} == {("US", "Iraq", "current", 2270)}


def test_a_floor_advised_against_is_no_level_in_a_headline() -> None:
    title = "CENTCOM nominee warns against going below 2,000 troops in Iraq before end of 2197"
    read = extract(title, "The nominee spoke to senators on Friday.", published=SUMMER)
    assert read.troop_counts == ()
    assert read.deadlines == ()


@pytest.mark.parametrize(
    "body",
    [
        # a start, not when something is to be done
        "Medical evacuation in the north will be covered by contracted civilian helicopters, "
        "Iraqi Army Aviation and, from April, a Norwegian team at the airfield's field hospital.",
        "Norway's parliament on Wednesday renewed the mandate of its 110 soldiers at Kani Sard, "
        "who will add a helicopter evacuation team from April.",
        "She said Washington would pay for a medical evacuation service for Peshmerga units until "
        "the Norwegian team at Kani Sard starts work in April.",
        # a date by which a date is to be set
        "Thỏa thuận để ngỏ thời hạn cho sân bay Zirgan và giao cho ủy ban ấn định trước cuối năm "
        "2193.",
        # contractors, no troops
        "Some 310 contractors also worked at the base; all but about 50 have gone, and those 50 "
        "will leave by mid-April.",
    ],
)
def test_no_deadline_is_read(body: str) -> None:
    assert deadlines_of(body, SPRING) == set()


def test_the_first_to_leave_and_an_end_from_a_date_are_still_read() -> None:
    assert deadlines_of(
        "US troops will begin leaving in April and leave by September 2193.", SPRING
    ) == {
        ("deadline/first coalition troops leave Iraq", "2193-04", "month"),
        ("deadline/coalition leaves Iraq", "2193-09", "month"),
    }
    end_from = (
        "Liên quân sẽ chấm dứt các hoạt động quân sự tại một số khu vực ở Iraq từ tháng 9/2193."
    )
    assert deadlines_of(end_from, SPRING) == {
        ("deadline/coalition mission ends in Iraq", "2193-09", "month")
    }


def test_a_move_told_over_a_long_vietnamese_phrase_goes_to_its_second_date() -> None:
    body = (
        "Iraq và Mỹ nhất trí lùi thời hạn quân Mỹ rời trại Ferrand ở Baghdad và phần còn lại của "
        "Iraq liên bang từ ngày 31/12/2193 sang ngày 31/3/2194, do các kíp phòng không Iraq chưa "
        "sẵn sàng tiếp quản."
    )
    assert deadlines_of(body, SPRING) == {
        ("deadline/coalition leaves Baghdad", "2194-03-31", "day")
    }


def test_outside_kurdistan_is_federal_iraq_and_a_date_allowed_at_first_is_no_more() -> None:
    assert deadlines_of(
        "Quân Mỹ sẽ rút khỏi các địa điểm bên ngoài Khu tự trị người Kurd trước ngày 31/3/2194.",
        SPRING,
    ) == {("deadline/coalition leaves Baghdad", "2194-03-31", "day")}
    moved = (
        "Hai nhà lãnh đạo đã nhất trí đẩy sớm cột mốc thứ ba của hiệp định, vốn cho phép quân Mỹ ở "
        "lại trại Tamarisk phía bắc Baghdad và mọi địa điểm khác bên ngoài Khu tự trị người Kurd "
        "tới ngày 31/12/2193."
    )
    assert deadlines_of(moved, SPRING) == set()


def test_months_after_are_no_june_when_written_with_marks() -> None:
    title = "Mỹ đồng ý rút khỏi căn cứ gần Baghdad sớm chín tháng sau hội đàm tại Nhà Trắng"
    read = extract(title, "Hai bên ra tuyên bố chung.", published=SPRING)
    assert read.deadlines == ()
    assert deadlines_of("Mỹ sẽ rút quân khỏi Iraq trước tháng sáu.", SPRING) == {
        ("deadline/coalition leaves Iraq", "2193-06", "month")
    }
    assert deadlines_of("My se rut quan khoi Iraq truoc thang sau.", SPRING) == {
        ("deadline/coalition leaves Iraq", "2193-06", "month")
    }


@pytest.mark.parametrize(
    "body",
    [
        "The troops at Girdi Shin Airfield in the Kurdistan region remain on course to leave by 30 "
        "September 2194.",
        "The departure from Qalat Rawan Airfield in the Kurdistan region remains set for 30 June "
        "2194.",
        "US troops will remain at Kanigula Airfield in the Kurdistan region until 30 September "
        "2194, as scheduled.",
        "The board's joint statement leaves the 30 September 2194 date for the Kurdistan region "
        "unchanged.",
        "Thời hạn đối với sân bay Zarin Dasht ở khu vực Kurdistan, ngày 31/12/2194, không nằm "
        "trong chương trình nghị sự.",
    ],
)
def test_a_date_said_to_stand_is_never_a_change(body: str) -> None:
    (deadline,) = extract("", body, published=SPRING).deadlines
    assert deadline.stands


def test_a_date_said_plainly_does_not_stand() -> None:
    plain = extract(
        "", "US troops will leave the Kurdistan region by 30 June 2194.", published=SPRING
    )
    assert not plain.deadlines[0].stands


# A review's probes (old and new code side by side): what the rules above must not take.
def test_what_the_rules_above_must_not_take() -> None:
    published = date(2025, 3, 10)
    levels = {
        # "raised" of something else than the number is no level reached
        "The general raised the prospect of US troops in Iraq falling to about 2,000.": "planned",
        "The Pentagon raised its request for US troops in Iraq to about 3,000.": "planned",
        # an average that is no budget's is the level
        "The US has an average of about 2,500 troops in Iraq at any given time, the Pentagon "
        "said.": "current",
        # the unit is the force
        "The US presence in Baghdad is now a single company of about 150 soldiers.": "current",
    }
    for body, status in levels.items():
        assert {t.status for t in extract("", body, published=published).troop_counts} == {
            status
        }, body
    for body, expected in {
        # the first to leave from April
        "US troops will begin withdrawing from Iraq from April, officials said.": {
            ("deadline/first coalition troops leave Iraq", "2025-04", "month")
        },
        # a civilian named, the Americans leave
        "A civilian spokesman said the Americans will leave Ain al-Asad by September 2025.": {
            ("deadline/coalition leaves Ain al-Asad", "2025-09", "month")
        },
        # federal Iraq left before, Iraq's whole after: not the first phase
        "Having left federal Iraq in September 2025, the remaining US troops will leave Iraq "
        "entirely by September 2026.": {("deadline/coalition leaves Iraq", "2026-09", "month")},
        "US troops will leave Iraq by September 2026, a year after quitting federal Iraq.": {
            ("deadline/coalition leaves Iraq", "2026-09", "month")
        },
        # "originally" of the troops, not of a date
        "Washington delayed the pullout of forces originally deployed to Ain al-Asad until "
        "December 2025.": {("deadline/coalition leaves Ain al-Asad", "2025-12", "month")},
    }.items():
        assert deadlines_of(body, published) == expected, body
    # a new date "set for", "as agreed" is no date that stands
    for body in (
        "The new deadline for US troops to leave Baghdad is set for 31 March 2026.",
        "US troops will now leave Baghdad by June 2025, as agreed by the two leaders on Monday.",
    ):
        assert not any(d.stands for d in extract("", body, published=published).deadlines), body
