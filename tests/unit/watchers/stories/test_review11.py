"""Readings a review of the tenth stop's rules of stories and the topic found changed for the
worse (old and new code side by side), kept as they were: a statement made today of what is to
come, an act done "as expected", yesterday with its day beside it, a single story under a
section's name, soldiers leaving with embassy staff, Iraq's own election."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import topic_matcher
from watchers.stories.similar.eventday import awaited_day, event_day
from watchers.stories.similar.telling import told
from watchers.topic.relevance import judge

PUBLISHED = date(2026, 5, 11)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        (
            "Mỹ sẽ rút thêm 500 binh sĩ khỏi căn cứ Ain al-Asad trước cuối tháng 6, Lầu Năm Góc "
            "cho hay hôm nay (11/5).",
            11,
        ),
        (
            "Mỹ sẽ rút thêm 500 binh sĩ khỏi Iraq, theo thông cáo Lầu Năm Góc phát đi hôm nay "
            "(11/5).",
            11,
        ),
        (
            "Washington sẽ giữ đúng cam kết rút quân, Ngoại trưởng Mỹ nhấn mạnh hôm nay (11/5) "
            "tại Baghdad.",
            11,
        ),
        (
            "Đúng như dự kiến, hôm nay (11/5), những binh sĩ Mỹ cuối cùng đã rời căn cứ Ain "
            "al-Asad.",
            11,
        ),
        ("Sớm hơn dự kiến, hôm nay (11/5) Mỹ đã bàn giao căn cứ Ain al-Asad cho Iraq.", 11),
        (
            "Căn cứ Ain al-Asad, nơi lính Mỹ sẽ rời đi hoàn toàn trước tháng 9, hôm nay (11/5) "
            "đã được bàn giao cho Iraq.",
            11,
        ),
        (
            "Hôm qua, ngày 10/5, những binh sĩ Mỹ cuối cùng đã rời căn cứ Ain al-Asad. Đợt rút "
            "quân này được Lầu Năm Góc công bố hôm 6/5.",
            10,
        ),
        (
            "Tối qua (giờ Mỹ), tức sáng nay (11/5) giờ Việt Nam, Lầu Năm Góc thông báo rút 500 "
            "binh sĩ.",
            11,
        ),
    ],
)
def test_a_day_named_for_what_was_done(line: str, day: int) -> None:
    got = event_day("Tin Iraq", line, PUBLISHED)
    assert (got.day, got.named) == (date(2026, 5, day), True)
    assert awaited_day("Tin Iraq", line, PUBLISHED) is None


@pytest.mark.parametrize(
    "title",
    [
        "Roundup: Iraq takes over Ain al-Asad as last U.S. troops depart",
        "Bàn tính lộ trình rút quân Mỹ khỏi Iraq",
        "Tổng hợp tình hình rút quân Mỹ khỏi Iraq",
        "Bản tin quốc phòng: Mỹ hoàn tất rút quân khỏi Ain al-Asad",
        "Tin thế giới: Mỹ hoàn tất rút quân khỏi Ain al-Asad",
    ],
)
def test_a_single_story_is_no_round_up(title: str) -> None:
    assert told(title, "") != "digest"


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Embassy staff and last troops to leave Baghdad's Green Zone by September",
            "The last soldiers guarding the Green Zone and non-essential embassy staff will "
            "depart by September. The move completes the coalition's withdrawal from Baghdad.",
        ),
        (
            "Nhân viên đại sứ quán, binh sĩ rời Baghdad",
            "Nhân viên đại sứ quán và binh sĩ Mỹ rời Baghdad. Liên quân do Mỹ dẫn đầu đang rút "
            "khỏi Iraq theo lộ trình.",
        ),
    ],
)
def test_soldiers_leaving_with_staff_are_the_topic(title: str, summary: str) -> None:
    assert judge(topic_matcher(), title, summary).relevant


def test_iraqs_own_election_names_iraq() -> None:
    verdict = judge(
        topic_matcher(),
        "Coalition drawdown not tied to Iraq's election, Pentagon says",
        "The coalition will withdraw from Iraq as planned. Syria remains a concern. Syria's "
        "border is quiet. Syria's camps hold thousands.",
    )
    assert verdict.relevant


# the second review of the stop's rules
@pytest.mark.parametrize(
    "line",
    [
        # "đã" in a clause before the meeting of today, "theo dự kiến" (as scheduled)
        "Iraq sẽ đề nghị Mỹ rút toàn bộ binh sĩ còn lại sau khi liên quân đã kết thúc sứ mệnh, "
        "tại phiên họp diễn ra chiều nay (11/5) ở Baghdad.",
        "Theo dự kiến, Thủ tướng Iraq sẽ gặp Tổng thống Mỹ tại Nhà Trắng chiều nay (11/5).",
        # a speech to come, a request stressed: no statement made
        "Thủ tướng Sudani sẽ có bài phát biểu về lộ trình rút quân trước Quốc hội, vào chiều nay "
        "(11/5).",
        "Iraq sẽ đề nghị Mỹ đẩy nhanh rút quân, nhấn mạnh yêu cầu chủ quyền, tại cuộc họp ở "
        "Baghdad chiều nay (11/5).",
    ],
)
def test_a_preview_of_today(line: str) -> None:
    got = event_day("Tin Iraq", line, PUBLISHED)
    assert (got.day, got.named) == (PUBLISHED, False)
    assert awaited_day("Tin Iraq", line, PUBLISHED) == PUBLISHED


def test_yesterday_then_the_day_recalled() -> None:
    line = "Tối qua, Mỹ nói hôm 8/5 đã bắt đầu rút quân khỏi căn cứ Ain al-Asad."
    assert event_day("Tin Iraq", line, PUBLISHED) == (PUBLISHED, False)


@pytest.mark.parametrize(
    "title",
    [
        "Điểm tin quốc tế sáng nay: Mỹ rút quân khỏi Iraq",
        "Bản tin 7.5: Mỹ rút quân khỏi Iraq",
        "Tổng hợp tin quốc tế nổi bật: Mỹ hoàn tất rút quân khỏi Baghdad",
        "Roundup: US troops leave Iraqi base; Turkey strikes PKK; Syria talks resume",
        "Digest: US cuts Iraq force, Israel strikes Gaza",
    ],
)
def test_a_round_up(title: str) -> None:
    assert told(title, "") == "digest"


def test_a_section_name_and_a_first_line_with_a_comma() -> None:
    assert told("Tin thế giới: Mỹ hoàn tất rút quân khỏi Baghdad", "Hôm qua, Mỹ rút quân.") == ""


@pytest.mark.parametrize(
    ("title", "summary", "reason"),
    [
        (
            "US to trim Kuwait garrison by 1,500, says cut not tied to Iraq's drawdown",
            "The United States will reduce its forces in Kuwait by 1,500, the Pentagon said.",
            "about elsewhere",
        ),
        (
            "Oil firm pulls staff from Basra field after Iraqi soldiers clash with militia",
            "The company said it would withdraw its staff from the field. Iraqi soldiers clashed "
            "with a militia nearby. US troops are due to withdraw from Baghdad next year.",
            "other departure",
        ),
    ],
)
def test_off_the_topic(title: str, summary: str, reason: str) -> None:
    verdict = judge(topic_matcher(), title, summary)
    assert (verdict.relevant, verdict.reason) == (False, reason)
