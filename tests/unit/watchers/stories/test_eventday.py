"""The day of the event an article's lead reports (watchers/stories/similar/eventday.py)."""

from __future__ import annotations

from datetime import date

from watchers.stories.similar.eventday import EventDay
from watchers.stories.similar.eventday import event_day as read

TUESDAY = date(2020, 8, 25)


def event_day(title: str, body: str, published: date | None) -> date | None:
    return read(title, body, published).day


def test_whether_the_lead_named_the_day_is_kept() -> None:
    named = "The two sides met late on Tuesday in Baghdad."
    assert read("Talks", named, TUESDAY) == EventDay(TUESDAY, True)
    assert read("Talks", "The two sides met in Baghdad.", TUESDAY) == EventDay(TUESDAY, False)
    assert read("Talks", named, None) == EventDay(None, False)


def test_a_weekday_in_the_lead_dates_the_event_on_or_before_publication() -> None:
    body = "President Trump met the Iraqi prime minister at the White House on Thursday."
    assert event_day("Trump meets Iraqi leader", body, TUESDAY) == date(2020, 8, 20)
    assert event_day("Talks", "The two sides met late on Tuesday in Baghdad.", TUESDAY) == TUESDAY


def test_wire_style_dates_a_statement_without_on() -> None:
    said = "The United States will pull about 400 troops out of Iraq, the Pentagon said Friday."
    assert event_day("Cut", said, TUESDAY) == date(2020, 8, 21)
    told = "Kessler told reporters Monday that the cut was not a withdrawal."
    assert event_day("Cut", told, TUESDAY) == date(2020, 8, 24)
    for not_a_day in (
        "said Friday's vote was binding",
        "said Friday would be the last day",
        "spoke after last Monday's vote",
    ):
        lead = f"The speaker {not_a_day} for the coalition."
        assert read("Vote", lead, TUESDAY) == EventDay(TUESDAY, False), lead


def test_a_vietnamese_weekday_dates_the_event_and_yesterday_does_not() -> None:
    monday = "Tổng thống Biden và Thủ tướng Iraq hôm thứ Hai thông báo sẽ kết thúc sứ mệnh."
    assert event_day("Kết thúc", monday, TUESDAY) == date(2020, 8, 24)
    with_day = monday.replace("thứ Hai", "thứ Hai (24/8)")
    on_monday = date(2020, 8, 31)  # the day and month say which Monday
    assert read("Kết thúc", with_day, on_monday) == EventDay(date(2020, 8, 24), True)
    evening = "Tổng thống hôm thứ Hai tối thông báo sẽ kết thúc sứ mệnh."  # tối, not tới
    assert event_day("Kết thúc", evening, TUESDAY) == date(2020, 8, 24)
    for not_this_week in ("hôm thứ Ba tới", "hôm thứ Hai tuần trước"):
        lead = f"Quốc hội Iraq {not_this_week} bỏ phiếu về nghị quyết."
        assert read("Bỏ phiếu", lead, TUESDAY) == EventDay(TUESDAY, False), lead
    yesterday = "Lầu Năm Góc hôm qua cho biết sẽ rút khoảng 400 binh sĩ."  # not read
    assert read("Giảm quân", yesterday, TUESDAY) == EventDay(TUESDAY, False)


def test_a_vietnamese_time_of_day_dates_the_event_with_its_day_and_month() -> None:
    published = date(2029, 2, 7)
    for lead, day in (
        ("Chiều 6/2 (giờ Mỹ), Bộ trưởng Quốc phòng Mỹ điện đàm với Thủ tướng Iraq.", 6),
        ("Chiều 6/2 giờ Mỹ, Bộ trưởng Quốc phòng Mỹ điện đàm với Thủ tướng Iraq.", 6),
        ("Tối 5/2, Lầu Năm Góc cho biết sẽ rút thêm binh sĩ.", 5),
        ("Đêm 5/2, đoàn xe cuối cùng của liên quân rời căn cứ.", 5),
        ("Trưa 6/2, liên quân bàn giao căn cứ cho quân đội Iraq.", 6),
        ("Chieu 6/2, lien quan ban giao can cu cho quan doi Iraq.", 6),  # no diacritics
        ("Ngày 6/2 tấn công bằng UAV nhằm vào căn cứ có lính Mỹ.", 6),  # tấn công, not tons
        ("Ngay 6/2 tang cuong an ninh tai can cu cua lien quan.", 6),
    ):
        assert read("Rút quân", lead, published) == EventDay(date(2029, 2, day), True), lead
    for not_a_day in (
        "Cuộc họp của liên quân được hoãn sang 6/2.",  # folded, "sáng" would be "sang"
        "Toi 5/2 nguoi da noi voi lien quan nhu vay.",  # folded, "tối" would be "tôi"
        "Liên quân tuần tra ngày 2-3 giờ mỗi đêm quanh căn cứ.",  # hours
        "Đoàn xe của liên quân chở ngày 2-3 tấn hàng ra khỏi căn cứ.",  # tons
    ):
        assert read("Họp", not_a_day, published) == EventDay(published, False), not_a_day


def test_a_vietnamese_day_and_month_dates_the_event() -> None:
    body = "Ngày 28/1, Tổng thống Mỹ Joe Biden cho biết ba binh sĩ đã thiệt mạng."
    assert event_day("Tấn công bằng UAV", body, date(2024, 1, 29)) == date(2024, 1, 28)


def test_a_vietnamese_day_is_written_with_a_slash_a_dash_or_a_dot_and_may_name_its_year() -> None:
    published = date(2024, 9, 10)
    for written in ("ngày 8/9", "ngày 8-9", "hôm 8.9"):
        body = f"{written.capitalize()}, Bộ trưởng Quốc phòng Iraq công bố hai giai đoạn rút quân."
        assert event_day("Hai giai đoạn", body, published) == date(2024, 9, 8), written
    body = "Hôm 5.9.2024, Mỹ và Iraq nhất trí về lộ trình rút quân của liên quân."
    assert event_day("Lộ trình", body, published) == date(2024, 9, 5)
    old = "Ngày 5/9/2023, hai bên đã mở đàm phán về lộ trình rút quân."  # a year back
    assert event_day("Nhìn lại", old, published) == published
    ahead = "Ngày 12-9, hai bên sẽ họp tại Baghdad."  # after publication: not this event
    assert event_day("Lịch họp", ahead, published) == published


def test_a_count_or_a_range_of_days_is_not_a_date() -> None:
    published = date(2024, 3, 6)
    for body in (
        "Mỗi ngày 2-3 lần máy bay không người lái bay qua căn cứ.",  # two or three times a day
        "Hai bên sẽ họp trong hai ngày 5-6 tháng 10 tại Baghdad.",  # 5 and 6 October
        "Mỗi ngày 1.2 tấn hàng được chuyển khỏi căn cứ.",
    ):
        assert event_day("Căn cứ", body, published) == published, body


def test_a_day_late_in_december_read_in_january_is_last_year() -> None:
    body = "Hôm 30/12 quân đội Mỹ thông báo hoàn tất việc bàn giao căn cứ."
    assert event_day("Bàn giao", body, date(2025, 1, 2)) == date(2024, 12, 30)


def test_without_a_day_in_the_lead_the_publication_day_stands() -> None:
    body = "The coalition's mission will end by September 2025, officials said.\n\nMore later."
    assert event_day("Mission to end", body, TUESDAY) == TUESDAY
    assert event_day("Mission to end", body, None) is None


def test_an_old_event_recalled_in_the_lead_does_not_move_the_day() -> None:
    body = "Ngày 5/1, quốc hội Iraq đã bỏ phiếu yêu cầu quân đội nước ngoài rời khỏi đất nước."
    assert event_day("Nhìn lại", body, date(2020, 3, 1)) == date(2020, 3, 1)


def test_only_the_lead_is_read() -> None:
    body = "\n".join(
        [
            "The United States will cut its troops in Iraq, officials said today.",
            "The decision follows months of talks between the two governments.",
            "The prime minister had visited Washington on Thursday last week.",
        ]
    )
    assert event_day("Cuts", body, TUESDAY) == TUESDAY


def test_a_weekday_of_what_is_to_come_dates_nothing() -> None:
    """A preview published on Monday, of what the two sides "are expected to agree on
    Tuesday", is dated by its own "on Monday", not by last Tuesday, six days before."""
    monday = date(2020, 8, 24)
    preview = (
        "Iraqi and US officials are expected to agree on Tuesday to bring forward the date,"
        " three Iraqi officials told the Herald on Monday."
    )
    assert event_day("Exit date to move", preview, monday) == monday
    will = "The two sides will meet on Thursday, officials said."
    assert read("Talks", will, monday) == EventDay(monday, False)
    aside = "The council, which will meet again in June, agreed on Friday to move the date."
    assert event_day("Council", aside, monday) == date(2020, 8, 21)


def test_a_vietnamese_time_of_day_and_weekday_with_its_date_dates_the_event() -> None:
    """ "Tối thứ Năm (14/7, giờ Washington), tức rạng sáng 15/7 giờ Hà Nội": the 14th."""
    lead = "Tối thứ Năm (14/7, giờ Washington), tức rạng sáng 15/7 giờ Hà Nội, hai bên nhất trí."
    assert read("Tin", lead, date(2196, 7, 15)) == EventDay(date(2196, 7, 14), True)
