"""What the fifty-sixth same-week set showed of the topic (probes of our own): a party
withdrawing its ministers from the government is politics, not troops leaving; (the 57th)
"Iraq exit" is the topic, instructors leaving a mission in Jordan are not."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()


@pytest.mark.parametrize(
    "title",
    [
        "Dawn Alliance withdraws its three ministers, gives prime minister until 31 March",
        "Sadrist bloc pulls its lawmakers out of Iraq's parliament",
        "Liên minh Bình Minh rút ba bộ trưởng khỏi nội các Iraq",
    ],
)
def test_ministers_withdrawn_are_off_the_topic(title: str) -> None:
    assert not judge(MATCHER, title, "").relevant


@pytest.mark.parametrize(
    "title",
    [
        "US withdraws its 300 soldiers from Iraq's Anbar",
        "Sadrists withdraw their ministers from cabinet, demand US troops leave Iraq by June",
    ],
)
def test_troops_withdrawn_stay_the_topic(title: str) -> None:
    assert judge(MATCHER, title, "").relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            'Pentagon on earlier Iraq exit: "A month sooner is a month we can find"',
            "The Pentagon said on Tuesday it could meet the new 30 November date for leaving "
            "federal Iraq, agreed in Baghdad earlier in the day.",
        ),
        (
            "Mỹ và Iraq đưa thời hạn rời lãnh thổ liên bang lên sớm một tháng",
            "Hai nước nhất trí ngày 30/11.",
        ),
    ],
)
def test_the_first_phase_s_date_is_the_topic(title: str, summary: str) -> None:
    """The fifty-seventh: "Iraq exit" and a "date for leaving federal Iraq" are the topic."""
    assert judge(MATCHER, title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Portugal to bring home its 200 instructors from NATO's training mission in Jordan by "
            "15 December",
            "Portugal will withdraw its roughly 200 military instructors from NATO's training "
            "mission in Jordan by 15 December. Its troops left Iraq in 2119.",
        ),
        (
            "Bồ Đào Nha rút 200 huấn luyện viên khỏi phái bộ NATO tại Jordan trước ngày 15/12",
            "Bồ Đào Nha sẽ rút khoảng 200 huấn luyện viên quân sự khỏi Jordan. Quân Bồ Đào Nha đã "
            "rời Iraq năm 2119.",
        ),
    ],
)
def test_instructors_leaving_a_mission_in_jordan_are_off_topic(title: str, summary: str) -> None:
    assert not judge(MATCHER, title, summary).relevant
