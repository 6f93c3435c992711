"""What the forty-seventh same-week set showed of the topic (probes of our own): troops sent
after an attack whose title gives the level they bring are the topic, with or without
diacritics; a brief whose title names no place and whose lead cuts troops in Syria is Syria's,
though its later sentences name Iraq; NATO's mission in Libya is another theatre's; troops
"weighed" to be sent, "up to 500 more", give no level."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()
PUBLISHED = datetime(2196, 7, 20, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Pentagon sends Patriot battery to Erbil after rocket attack, raising US force in Iraq "
            "to about 2,600",
            "The Pentagon said on Monday it had moved a Patriot battery from Kuwait to Erbil after "
            "rockets struck the airport on Saturday. No one was hurt in the attack.",
        ),
        (
            "My tang quan o Iraq len 2.600 sau vu tan cong bang rocket",
            "Lau Nam Goc cho biet da dieu mot khau doi Patriot tu Kuwait den Erbil sau vu tan cong "
            "bang rocket vao san bay hom thu Bay.",
        ),
    ],
)
def test_troops_sent_after_an_attack_with_their_level_in_the_title_are_the_topic(
    title: str, summary: str
) -> None:
    assert judge(MATCHER, title, summary, published=PUBLISHED).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Mỹ rút 400 quân, đóng cửa hai căn cứ",
            "Lầu Năm Góc cho biết Mỹ sẽ đóng cửa hai căn cứ ở tỉnh Deir ez-Zor của Syria và giảm "
            "quân số tại Syria xuống khoảng 500 trước tháng 12. Binh sĩ sẽ rời đi qua Iraq. Lịch "
            "trình rút quân khỏi Iraq không thay đổi.",
        ),
        (
            "NATO to end its advisory mission in Libya by the end of March",
            "NATO will wind down its advisory mission in Libya by the end of March and bring its "
            "120 advisers home, the alliance said. Its mission in Iraq is not affected.",
        ),
        (
            "NATO sẽ kết thúc phái bộ cố vấn tại Libya trước cuối tháng 3",
            "NATO sẽ đưa 120 cố vấn ở Libya về nước trước cuối tháng 3. Phái bộ của NATO tại Iraq "
            "không bị ảnh hưởng.",
        ),
        (
            "Lầu Năm Góc cân nhắc điều thêm tới 400 quân đến Iraq sau vụ tấn công ở Erbil",
            "Lầu Năm Góc đang cân nhắc điều thêm quân đến Iraq sau vụ tấn công bằng UAV vào căn cứ "
            "ở Erbil, các quan chức cho biết.",
        ),
    ],
)
def test_another_theatre_or_no_level_is_not_the_topic(title: str, summary: str) -> None:
    assert not judge(MATCHER, title, summary, published=PUBLISHED).relevant
