"""What the fifty-third same-week set showed of the topic (probes of our own): a title that
says the Iraq force is not affected ("…; Iraq force not affected", "lực lượng Mỹ tại Iraq không
bị ảnh hưởng") is about the other theatre (``cues.NOT_TIED``); an operator or a company that
"must withdraw" ("US operator to leave", "công ty Mỹ phải rút") is another departure
(``cues.COMPANY_LEAVES``); so are another army's troops in a title that names none of ours
(``cues.OTHER_ARMY``: "Turkey to pull 1,200 troops out of Duhok"). Our own forces' leaving,
and special operators', stay the topic, and so do "pro-Iran factions" beside them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()
PUBLISHED = datetime(2163, 5, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "US to pull about 600 troops out of northeast Syria by end of July; Iraq force not "
            "affected",
            "The US will withdraw about 600 troops from two outposts in Syria's Hasakah province "
            "by the end of July, the Pentagon said. The roughly 2,900 US troops in Iraq are not "
            "part of the decision, and the timetable for leaving Baghdad stands.",
        ),
        (
            "Mỹ rút 600 quân khỏi đông bắc Syria, lực lượng Mỹ tại Iraq không bị ảnh hưởng",
            "Mỹ sẽ rút khoảng 600 binh sĩ khỏi hai tiền đồn ở tỉnh Hasakah, Syria, trước cuối "
            "tháng 7. Khoảng 2.900 quân Mỹ tại Iraq vẫn rút theo lịch đã định.",
        ),
        (
            "Iraqi cabinet approves takeover of Sufayya oil field; US operator to leave by 31 "
            "October",
            "Iraq's cabinet approved the takeover of the Sufayya oil field, whose US operator must "
            "leave by 31 October. US troops are due to leave Baghdad by the same date.",
        ),
        (
            "Iraq tiếp quản mỏ dầu Sufayya, công ty Mỹ phải rút trước 31/10",
            "Nội các Iraq phê duyệt việc tiếp quản mỏ dầu Sufayya, cho nhà điều hành Mỹ thời hạn "
            "đến 31/10 để bàn giao và rút nhân viên. Quân Mỹ cũng phải rời Baghdad trước ngày này.",
        ),
        # the fifty-fourth: another army's troops leaving Iraq
        (
            "Turkey to pull about 1,200 troops out of Duhok outpost by end of March",
            "Turkey will withdraw about 1,200 soldiers from its outpost in Duhok province by the "
            "end of March, its defence ministry said. The US-led coalition's timetable for "
            "leaving Iraq is unchanged.",
        ),
        (
            "Thổ Nhĩ Kỳ sẽ rút khoảng 1.200 binh sĩ khỏi tiền đồn ở tỉnh Duhok, miền bắc Iraq",
            "Bộ Quốc phòng Thổ Nhĩ Kỳ thông báo sẽ rút khoảng 1.200 binh sĩ khỏi tiền đồn ở Duhok "
            "trước cuối tháng 3. Lộ trình rút quân của liên quân khỏi Iraq không thay đổi.",
        ),
    ],
)
def test_another_theatre_or_departure_is_off_the_topic(title: str, summary: str) -> None:
    assert not judge(MATCHER, title, summary, published=PUBLISHED).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "US to pull 600 troops out of Iraq by end of July",
            "The US will withdraw about 600 troops from Iraq by the end of July, the Pentagon "
            "said.",
        ),
        (
            "US special operators to leave Iraq by 31 October",
            "The last US special operations forces in Iraq will leave Baghdad by 31 October, the "
            "Pentagon said.",
        ),
        (
            "Pro-Iran factions welcome US plan to pull 2,000 troops out of Iraq",
            "Pro-Iran factions welcomed the US plan to withdraw about 2,000 troops from Iraq by "
            "the end of the year.",
        ),
        (
            "Mỹ rút 600 quân khỏi Iraq trước cuối tháng 7",
            "Mỹ sẽ rút khoảng 600 binh sĩ khỏi Iraq trước cuối tháng 7, Lầu Năm Góc cho biết.",
        ),
    ],
)
def test_our_forces_leaving_stays_the_topic(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary, published=PUBLISHED).relevant
