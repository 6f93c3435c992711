"""What the fiftieth and fifty-first same-week sets showed of the topic (probes of our own):
Lebanon written "Liban" is another theatre; a sentence that says the move it tells is not our
forces' leaving ("concerns only Iraqi forces", "the two were unrelated", "chỉ liên quan đến
Kuwait") says nothing of our forces leaving; a title that brings
trainers home from a garrison abroad, or leaves a level there, is about that country. What
does say our forces leave stays the topic."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()
PUBLISHED = datetime(2158, 3, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Italia sẽ rút 500 lính gìn giữ hòa bình khỏi Liban trước tháng 10",
            "Italia sẽ rút 500 binh sĩ khỏi phái bộ Liên hợp quốc ở Liban trước tháng 10, khép lại "
            "sứ mệnh kéo dài 20 năm. Italia đã kết thúc sứ mệnh huấn luyện tại Iraq từ lâu.",
        ),
        (
            "Iraqi army pulls 2,000 soldiers out of Tal Afar, police take over",
            "The Iraqi army began withdrawing about 2,000 soldiers from Tal Afar on Monday. The "
            "withdrawal concerns only Iraqi forces, a spokesman said; no foreign troops are based "
            "in the district.",
        ),
        (
            "Quân đội Iraq rút 2.000 binh sĩ khỏi Tal Afar",
            "Quân đội Iraq bắt đầu rút khoảng 2.000 binh sĩ khỏi Tal Afar hôm thứ Hai. Việc rút "
            "quân chỉ liên quan đến lực lượng Iraq, không có quân đội nước ngoài nào đóng tại đây.",
        ),
        (
            "Iraq sets parliamentary elections for 31 October",
            "Iraq's electoral commission set 31 October as the date of the parliamentary vote. The "
            "date falls a day before US forces are due to leave Baghdad, but the commission said "
            "the two were unrelated.",
        ),
        (
            "Iraq ấn định bầu cử quốc hội vào ngày 31/10",
            "Ủy ban bầu cử Iraq ấn định ngày 31/10 cho cuộc bầu cử quốc hội. Ngày này sát thời hạn "
            "quân Mỹ rời Baghdad, nhưng ủy ban nói hai việc không liên quan đến nhau.",
        ),
        (
            "France to bring home 200 trainers from Jordan by June",
            "France will withdraw about 200 military trainers from Jordan by June. French troops "
            "in Iraq with the US-led coalition are not affected, the ministry said.",
        ),
        (
            "Pháp rút 200 huấn luyện viên, còn khoảng 600 quân ở vùng Vịnh",
            "Pháp sẽ rút khoảng 200 huấn luyện viên khỏi Jordan trước tháng 6. Paris khẳng định "
            "quyết định chỉ liên quan đến Jordan, binh sĩ Pháp trong liên quân tại Iraq không bị "
            "ảnh hưởng.",
        ),
    ],
)
def test_what_is_not_our_forces_leaving_is_not_the_topic(title: str, summary: str) -> None:
    assert not judge(MATCHER, title, summary, published=PUBLISHED).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "US troops to leave Baghdad by 31 October, a day before the vote",
            "US forces will leave Baghdad by 31 October, the joint commission said. Iraq's vote "
            "is the next day; both were set in the same week.",
        ),
        (
            "Coalition trainers leave Iraq's Anbar; no foreign troops remain at the base",
            "The last coalition trainers left the Anbar base on Monday. No foreign troops remain "
            "at the base, which the Iraqi army now runs.",
        ),
        # (a review's probes) no troops left after ours withdrew: ours leaving
        (
            "Iraq takes full control of Ain al-Asad",
            "Iraqi forces took over Ain al-Asad on Monday; no US troops were left after the last "
            "300 withdrew to Erbil.",
        ),
        (
            "Iraq tiếp quản căn cứ Ain al-Asad",
            "Quân đội Iraq tiếp quản căn cứ Ain al-Asad hôm thứ Hai; hiện không có binh sĩ Mỹ nào "
            "ở lại sau khi lực lượng Mỹ rút đi.",
        ),
        (
            "Mỹ rút 300 quân khỏi Iraq, còn khoảng 2.100 binh sĩ",
            "Mỹ đã rút khoảng 300 binh sĩ khỏi căn cứ ở Anbar, quân số tại Iraq còn khoảng 2.100.",
        ),
    ],
)
def test_our_forces_leaving_stays_the_topic(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary, published=PUBLISHED).relevant
