"""What the forty-seventh same-week set showed of the topic (probes of our own): troops sent
after an attack whose title gives the level they bring are the topic, with or without
diacritics; NATO's mission in Libya is another theatre's; troops "weighed" to be sent, "up to
500 more", give no level. A title that names no place whose lead has troops leave Syria stays
the topic when the story is Iraq's (a review's probes: the unit "had earlier served in Syria")."""

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


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Last US soldiers to leave air base by March",
            "The last 200 US soldiers at the base will leave the country by March, officials said; "
            "the unit had earlier served in Syria. The base, Ain al-Asad in western Iraq, will be "
            "handed to the Iraqi army.",
        ),
        (
            "Pentagon confirms troop drawdown",
            "The Pentagon will withdraw troops who had been moved from Syria last year. About "
            "1,000 US troops will leave Iraq's Anbar province by September.",
        ),
    ],
)
def test_a_title_that_names_no_place_with_syria_in_its_lead_stays_the_topic(
    title: str, summary: str
) -> None:
    assert judge(MATCHER, title, summary, published=PUBLISHED).relevant
