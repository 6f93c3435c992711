"""Dates next to troops leaving that nobody set as a deadline (``watchers.figures.unsaid``,
``watchers.figures.demands``): each would alert "Deadline changed". Written the way outlets
write them; the real deadlines beside them stay."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of
from watchers.figures import extract


@pytest.mark.parametrize(
    "body",
    [
        # denied or negated
        "The Pentagon denied reports that US troops would leave Iraq by the end of 2025.",
        "US forces will not leave Iraq before 2026, Hegseth said.",
        "There is no plan to withdraw US troops from Iraq by 2026, a Pentagon spokesman said.",
        "Hegseth ruled out a withdrawal from Iraq before the end of 2026.",
        "Mỹ sẽ không rút quân khỏi Iraq trong năm 2025, Lầu Năm Góc khẳng định.",
        "Không có chuyện quân Mỹ rút khỏi Iraq trước năm 2026, ông Hegseth nói.",
        "Lầu Năm Góc bác bỏ thông tin quân Mỹ sẽ rút khỏi Iraq trước cuối năm 2025.",
        # a condition, a question, not by then
        "If talks succeed, US troops would leave Iraq by the end of 2025.",
        "Nếu đàm phán thành công, quân Mỹ sẽ rút khỏi Iraq vào cuối năm 2025.",
        "Will US troops really leave Iraq by September 2026?",
        "Liệu quân Mỹ có rút khỏi Iraq trước tháng 9/2026?",
        "Should security deteriorate, the withdrawal from Erbil could be delayed beyond "
        "September 2026.",
        # a forecast
        "US troops could leave Iraq by 2026, analysts say.",
        "Giới phân tích dự đoán quân Mỹ có thể rút khỏi Iraq trước cuối năm 2025.",
        # another actor
        "Turkish troops will withdraw from northern Iraq by the end of 2026, Ankara said.",
        "Iran said its military advisers would leave Iraq by March 2026.",
        "The UN Assistance Mission for Iraq (UNAMI) will end its mandate by December 31, 2025.",
        "Thổ Nhĩ Kỳ tuyên bố sẽ rút quân khỏi miền bắc Iraq trước cuối năm 2026.",
        "NATO Mission Iraq, which trains Iraqi security forces, will end in December 2025.",
        "Sứ mệnh NATO tại Iraq, chuyên huấn luyện quân đội Iraq, sẽ kết thúc vào tháng 12/2025.",
        # another event
        "Talks on the withdrawal of US troops from Iraq will resume in March 2025.",
        "Baghdad and Washington are due to sign the withdrawal agreement in October 2024.",
        "The Pentagon must submit a report on the Iraq withdrawal to Congress by March 1, 2026.",
        "Việc rút quân Mỹ khỏi Iraq sẽ được thảo luận trong cuộc đối thoại chiến lược vào tháng "
        "4/2025.",
        "Lầu Năm Góc phải nộp báo cáo về việc rút quân khỏi Iraq lên Quốc hội trước ngày 1/3/2026.",
        # asked, or called untrue
        "Asked whether troops would leave Iraq by the end of 2025, the spokesman declined to "
        "give a date.",
        "Reports that coalition forces would leave Kurdistan by May 2026 are inaccurate, the "
        "ministry said.",
        # a demand, a wish or an ultimatum
        "Các nhóm vũ trang đề nghị quân Mỹ rút khỏi Iraq trước cuối năm 2024.",
        "Các phe phái đòi quân Mỹ rút khỏi Iraq trước cuối năm 2024.",
        "Moqtada al-Sadr gave US forces until the end of 2025 to leave Iraq.",
        "Iraqi lawmakers want US forces to withdraw from Iraq by the end of 2025.",
        "Nhóm Kataib Hezbollah ra tối hậu thư cho quân Mỹ phải rời khỏi Iraq trước cuối năm 2025.",
        # not by then, with no condition; a question with no question mark; a demand that
        # rejects a plan (its "plans" is no agreement calling for the date)
        "The withdrawal could be delayed beyond September 2026.",
        "Liệu quân Mỹ có rút khỏi Iraq trước tháng 9/2026 hay không vẫn là một dấu hỏi.",
        "Militias rejected plans and demanded that US troops leave Iraq by the end of 2025.",
        # the date of talks in a clause of their own, after an end with no date
        "The coalition will end its mission, and the two countries will begin talks in November.",
        "Liên quân sẽ chấm dứt sứ mệnh, và hai nước sẽ bắt đầu đàm phán vào tháng 11.",
        # a demand reaches a date set off by a comma before it
        "Các nghị sĩ yêu cầu quân Mỹ rút khỏi Iraq sớm hơn sáu tháng, tới ngày 31/12/2025.",
        "Lawmakers demanded US troops leave Iraq sooner, by 31 December 2025.",
        # a floor's date, not one of leaving (nor a drawdown target)
        "The House voted to bar the Pentagon from cutting the number of US troops in Iraq below "
        "2,500 before 30 September 2025, a day after the administration agreed to leave.",
        "Negotiators dropped a provision that would have barred the Pentagon from cutting US "
        "troops in Iraq below 2,500 before 30 September 2025.",
        "Thượng viện đã bỏ phiếu cấm Lầu Năm Góc cắt giảm số binh sĩ Mỹ tại Iraq xuống dưới "
        "2.500 người trước ngày 30/6/2025.",
    ],
)
def test_a_date_nobody_set_is_no_deadline(body: str) -> None:
    assert deadlines_of(body, date(2024, 9, 30)) == set()
    assert not extract("", body, published=date(2024, 9, 30)).targets


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The withdrawal, announced in September 2024, will be completed by September 2026.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
        (
            "Under the deal signed in 2024, coalition troops will leave Iraq by September 2026.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
        (
            "The US and Iraq announced that the coalition's mission will end by September 2025.",
            ("deadline/coalition mission ends in Iraq", "2025-09", "month"),
        ),
        (  # "not" of something else
            "The mission will not be extended: coalition troops will leave Iraq by September 2026.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
        (  # a condition after the date is the deadline's own
            "US troops will leave Iraq by September 2026 if security allows.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
        (  # a condition that is the plan itself
            "If all goes to plan, the last US soldiers will leave Iraq by September 2026, the "
            "defence minister said.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
        (  # "rời" with a place, no "khỏi"
            "Nhà Trắng tái khẳng định quân Mỹ sẽ rời Iraq vào cuối năm 2026 như kế hoạch.",
            ("deadline/coalition leaves Iraq", "2026", "year-end"),
        ),
        (  # a document ("tài liệu") is no question, "không quân" (air force) no negation
            "Theo tài liệu của Lầu Năm Góc, Không quân Mỹ sẽ rút khỏi Iraq trước tháng 9/2025.",
            ("deadline/coalition leaves Iraq", "2025-09", "month"),
        ),
        (  # "Không quân" opening the clause, right before the leaving
            "Không quân Mỹ rút khỏi Iraq trước tháng 9/2025.",
            ("deadline/coalition leaves Iraq", "2025-09", "month"),
        ),
        (  # an announcement of the withdrawal by a date: the withdrawal's date
            "Washington and Baghdad announced the withdrawal of coalition forces from Iraq by "
            "September 2025.",
            ("deadline/coalition leaves Iraq", "2025-09", "month"),
        ),
        (  # "the press", "calling reports of a delay false": neither a demand nor a denial
            "Austin told the press US troops will leave Iraq by September 2025, calling reports "
            "of a delay false.",
            ("deadline/coalition leaves Iraq", "2025-09", "month"),
        ),
        (  # "đội quân" is an army, "chuyên gia quân sự" military advisers
            "Đội quân Mỹ cuối cùng và các chuyên gia quân sự sẽ rút khỏi Iraq trước tháng 9/2025.",
            ("deadline/coalition leaves Iraq", "2025-09", "month"),
        ),
        (  # NATO members as the coalition
            "NATO allies in the coalition will end their mission in Iraq by September 2025.",
            ("deadline/coalition mission ends in Iraq", "2025-09", "month"),
        ),
        (  # another actor named, and the US too
            "Iran welcomed the agreement under which US troops will leave Iraq by September 2026.",
            ("deadline/coalition leaves Iraq", "2026-09", "month"),
        ),
    ],
)
def test_the_deadlines_beside_them_stay(body: str, expected: tuple[str, str, str]) -> None:
    assert deadlines_of(body, date(2024, 9, 30)) == {expected}


@pytest.mark.parametrize(
    ("body", "published"),
    [
        (
            "US forces withdrew from Ain al-Asad in January 2026, handing the base to the Iraqi "
            "army.",
            date(2026, 1, 20),
        ),
        ("US troops began withdrawing from Ain al-Asad in January 2026.", date(2026, 1, 20)),
        ("Coalition forces pulled out of Ain al-Asad this month.", date(2026, 1, 20)),
        (
            "Giai đoạn một của việc rút quân kết thúc hồi tháng 9/2025, khi liên quân rời khỏi "
            "Baghdad.",
            date(2025, 9, 20),
        ),
    ],
)
def test_what_happened_in_the_publication_s_month_is_no_deadline(
    body: str, published: date
) -> None:
    """A past verb ("withdrew", "began withdrawing", "pulled out") or "hồi" says when it
    happened; the month it happened in is not yet over, so the date looked ahead."""
    assert deadlines_of(body, published) == set()


def test_a_completion_to_come_is_still_a_deadline() -> None:
    body = "The withdrawal from Baghdad will be completed by September 2025."
    assert deadlines_of(body, date(2025, 9, 2)) == {
        ("deadline/coalition leaves Baghdad", "2025-09", "month")
    }


@pytest.mark.parametrize(
    "body",
    [
        "The Pentagon will cut US troops in Iraq to fewer than 2,000 by September 2025.",
        "Mỹ sẽ giảm quân số tại Iraq xuống dưới 2.000 binh sĩ trước ngày 30/9/2025.",
    ],
)
def test_a_cut_below_a_number_by_a_date_is_a_target_not_a_floor(body: str) -> None:
    """Only a ban or a bar makes "below 2,000 before …" a floor's date."""
    assert extract("", body, published=date(2024, 9, 30)).targets
