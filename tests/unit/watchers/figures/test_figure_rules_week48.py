"""What the wrong change alerts of the same-week sets showed of the deadlines (our own writing,
and probes of our own beside them): a date inside a condition after what depends on it, what
would have been, a parliament's demand of "toàn bộ quân nước ngoài", a partner's officers who
stay and a partner's troops who will be home are no deadlines; "rời khu vực Kurdistan" is
leaving, and a date before "rời Kurdistan" or "for leaving … in the Kurdistan region" is that
place's; a day and month with no year that fell before publication, said as a target, is the
next one, unless it is said as a plan of the past."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadline_key, deadlines_of
from watchers.figures import extract

FEBRUARY = date(2098, 2, 10)
MARCH = date(2067, 3, 10)


@pytest.mark.parametrize(
    "body",
    [
        # an ultimatum's date, inside the condition that follows the threat
        "Tại Quảng trường Tahrir hôm 12/2, Sheikh Hamid al-Zarkani tuyên bố sẽ đưa vấn đề ra quốc "
        "hội nếu hạn chót tháng Sáu không được đáp ứng.",
        "The alliance will take the bill to parliament if the June deadline is not met.",
        # what would have been
        "The Senate on Thursday rejected, by 57 votes to 41, an amendment that would have required "
        "all US troops to leave Iraq, including the Kurdistan region, by 31 December 2098, nine "
        "months earlier than the accord with Baghdad allows.",
        # a parliament's demand of all foreign troops
        "Quốc hội Iraq đòi toàn bộ quân nước ngoài, kể cả ở Kurdistan, rút trước cuối năm 2098.",
        # a partner's own people
        "Six Danish staff officers will move to Kani Sard Air Station in the Kurdistan Region and "
        "stay there until the end of 2099.",
        "The Danish contingent will stay at Kani Sard until the end of 2099.",
        "All 250 British troops in Iraq will be home by 31 October, Defence Secretary Fiona "
        "Marchbank said on Friday, ending a training mission that began in 2094.",
    ],
)
def test_no_deadline_is_read(body: str) -> None:
    assert deadlines_of(body, FEBRUARY) == set()


def test_what_the_rules_above_must_not_take() -> None:
    stated = "Tuyên bố nêu rõ quân Mỹ sẽ rút khỏi Iraq trước ngày 30/9/2098."  # "nêu", not "nếu"
    assert deadlines_of(stated, FEBRUARY) == {
        ("deadline/coalition leaves Iraq", "2098-09-30", "day")
    }
    for body in (
        "US troops would have to leave Iraq by 30 September 2098 under the accord.",
        "If all goes to plan US troops will leave Iraq by 30 September 2098.",
        "The Danish contingent will leave, but US troops will stay in Iraq until 30 September "
        "2098.",
    ):
        assert deadlines_of(body, FEBRUARY) == {
            ("deadline/coalition leaves Iraq", "2098-09-30", "day")
        }, body


def test_the_place_left_after_the_date_is_its() -> None:
    title = "Mỹ đồng ý rời Baghdad sớm ba tháng, ấn định năm 2126 rời Kurdistan"
    keys = {deadline_key(d) for d in extract(title, "", published=date(2124, 11, 13)).deadlines}
    assert keys == {("deadline/coalition leaves Kurdistan", "2126", "year")}
    then = "Mỹ sẽ rút khỏi Baghdad trước tháng 6/2125 rồi Kurdistan sẽ là nơi cuối cùng."
    assert deadlines_of(then, date(2124, 11, 13)) == {
        ("deadline/coalition leaves Baghdad", "2125-06", "month")  # "rồi": then, not "rời"
    }
    accord = (
        "The accord, signed in Baghdad on 22 October 2066, set 31 March 2067 for leaving Ain "
        "Zahra, 30 September 2067 for leaving Camp Sabeel on the southwestern edge of Baghdad and "
        "the rest of federal Iraq, and 30 June 2068 for leaving Gird Zerin Airfield in the "
        "Kurdistan region."
    )
    assert ("deadline/coalition leaves Kurdistan", "2068-06-30", "day") in deadlines_of(
        accord, MARCH
    )


def test_leaving_the_kurdistan_region_is_leaving() -> None:
    assert deadlines_of(
        "Quân Mỹ sẽ rời Baghdad trước ngày 31/3/2125 và rời khu vực Kurdistan trước ngày "
        "30/9/2126.",
        date(2124, 11, 13),
    ) == {
        ("deadline/coalition leaves Baghdad", "2125-03-31", "day"),
        ("deadline/coalition leaves Kurdistan", "2126-09-30", "day"),
    }


@pytest.mark.parametrize(
    "body",
    [
        "US forces are due to leave Iraq by 30 September.",
        "Quân Mỹ sẽ rời Iraq trước ngày 30/9.",
    ],
)
def test_a_day_and_month_said_as_a_target_are_the_next_ones(body: str) -> None:
    assert deadlines_of(body, FEBRUARY) == {("deadline/coalition leaves Iraq", "2098-09-30", "day")}


@pytest.mark.parametrize(
    "body",
    [
        "US forces were due to leave Iraq by 30 September but stayed.",
        "While the original plan called for a full pullout from Iraq by 30 September, a small "
        "unit stayed on.",
    ],
)
def test_a_plan_of_the_past_keeps_the_nearest(body: str) -> None:
    figures = extract("", body, published=FEBRUARY)
    assert {d.date for d in (*figures.deadlines, *figures.passed)} <= {"2097-09-30"}


@pytest.mark.parametrize(
    "title",
    [
        # a cut weighed, in a title
        "White House weighs cutting Iraq force to fewer than 2,000 by spring, officials say",
        "Pentagon weighs cutting Iraq force to about 1,800 by end of March, officials say",
        "Mỹ tính giảm quân ở Iraq xuống 1.800",
        # a budget's range
        "Ngân sách năm tài khóa 2174 của Lầu Năm Góc dự tính 2.300 - 2.600 quân Mỹ tại Iraq",
        # a level denied
        "White House denies report of plan to cut Iraq force to below 2,000",
        "Nhà Trắng bác tin giảm quân Mỹ ở Iraq xuống dưới 2.000",
    ],
)
def test_no_level_is_read_in_a_title(title: str) -> None:
    assert extract(title, "", published=date(2173, 9, 10)).troop_counts == ()


def test_a_cut_planned_and_a_count_north_of_a_city_are_still_read() -> None:
    planned = extract("", "The Pentagon will cut the Iraq force to about 1,800 by spring.",
                      published=date(2173, 9, 10))  # fmt: skip
    assert [t.value for t in planned.troop_counts] == [1800]
    north = "Quân Mỹ ở phía bắc Baghdad giảm còn khoảng 2.000 người."  # "bắc", not "bác"
    assert [t.value for t in extract("", north, published=date(2173, 9, 10)).troop_counts] == [2000]


@pytest.mark.parametrize(
    "body",
    [
        # lawmakers "who voted" for the leaving
        "Iraqi lawmakers who voted this week for all foreign troops to leave by the end of 2171 "
        "said on Friday that the new date was still too late.",
        # a report's date
        "The House Armed Services Committee on Wednesday adopted an amendment requiring the "
        "Pentagon to report to Congress by 1 February 2172 on how it will withdraw US forces.",
        "House panel demands Pentagon report on Iraq exit plan by 1 February.",
        # the date a move goes from, "vốn là"
        "Thay đổi này lùi mốc quân Mỹ phải rời trại Sabreen gần sân bay Baghdad và phần còn lại "
        "của lãnh thổ liên bang Iraq, vốn là ngày 31/3/2171.",
        # what the accord said when it was signed, in a late analysis
        "Khi Hiệp định Hai Dòng Sông được ký vào tháng 11/2170, hai mốc thời hạn trong đó có vẻ "
        "khá rộng rãi: rời các khu vực thuộc chính quyền liên bang Iraq trước ngày 30/6/2171 và "
        "rời khu vực Kurdistan trước ngày 30/9/2172.",
    ],
)
def test_no_deadline_is_read_where_the_sets_showed_one(body: str) -> None:
    assert deadlines_of(body, date(2171, 9, 20)) == set()


def test_a_leaving_after_a_date_is_the_next_dates_and_exiting_is_still_read() -> None:
    body = (
        "Theo Hiệp ước Chuyển tiếp ký năm 2159, quân Mỹ sẽ rời Umm Nakhla trước cuối năm nay và "
        "rời Baghdad trước ngày 31/3/2161."
    )
    assert deadlines_of(body, date(2160, 10, 10)) == {
        ("deadline/coalition leaves Baghdad", "2161-03-31", "day")
    }
    assert deadlines_of("US troops will exit Iraq by 1 February 2172.", date(2171, 9, 20)) == {
        ("deadline/coalition leaves Iraq", "2172-02-01", "day")
    }
    said = "Khi đó, quân Mỹ sẽ rời Iraq trước ngày 30/9/2172."  # no year before publication's
    assert deadlines_of(said, date(2171, 9, 20)) == {
        ("deadline/coalition leaves Iraq", "2172-09-30", "day")
    }


def test_a_partners_personnel_natos_size_and_a_report_not_confirmed_are_none_of_ours() -> None:
    canada = (
        "OTTAWA - Canada will keep up to 250 military personnel in Iraq for another year, "
        "extending its training mission until 31 March 2126, the defence minister said."
    )
    assert deadlines_of(canada, date(2124, 11, 13)) == set()
    nato = (
        "NATO's training mission in Iraq will keep its current size of about 850 personnel "
        "despite the US and coalition drawdown, alliance defence ministers decided on Thursday."
    )
    assert extract("", nato, published=date(2189, 9, 20)).troop_counts == ()
    declined = (
        "Brevold declined to comment on a report in a Kurdish newspaper that coalition forces "
        "would stay at Shaqlan Airfield in Erbil province until March 2190."
    )
    assert deadlines_of(declined, date(2189, 9, 20)) == set()
    floor = (
        "Ứng viên tư lệnh CENTCOM cảnh báo không nên giảm quân Mỹ tại Iraq xuống dưới 2.000 "
        "trước cuối năm 2197."
    )
    figures = extract("", floor, published=date(2196, 7, 20))
    assert (figures.deadlines, figures.targets, figures.troop_counts) == ((), (), ())
    ours = "NATO said US troops in Iraq will be cut to about 2,000 by the end of the year."
    assert [t.value for t in extract("", ours, published=date(2189, 9, 20)).troop_counts] == [2000]


def test_the_next_month_is_read_when_what_will_happen_says_it() -> None:
    assert deadlines_of("US troops will leave Baghdad in September.", FEBRUARY) == {
        ("deadline/coalition leaves Baghdad", "2098-09", "month")
    }
    fronted = "By 30 September, all US troops will have withdrawn from Iraq, the Pentagon said."
    assert deadlines_of(fronted, FEBRUARY) == {
        ("deadline/coalition leaves Iraq", "2098-09-30", "day")
    }
    bragg = "The troops, originally from Fort Bragg, will leave Erbil by 30 September."
    assert deadlines_of(bragg, date(2098, 11, 20)) == {
        ("deadline/coalition leaves Erbil", "2099-09-30", "day")
    }
    for done in (
        "US troops left Baghdad in January.",
        "Quân Mỹ rút khỏi căn cứ Ain al-Asad trước ngày 30/1, ông chia sẻ.",  # "sẻ" is no "sẽ"
    ):
        assert deadlines_of(done, FEBRUARY) == set(), done
