"""Our troops' level in Iraq to come, or the level now changed (the sentence gives both ends),
in the title or one of the summary's first sentences, says the topic with no word of leaving
(``figured.levels_said``): a partner's brief that gives the coalition's new count, a
site-by-site count, a numbers piece. Not a level told further down, one restated in a story of
something else (a review's cases), Iraq's own forces', nor an attack story's."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge


@pytest.mark.parametrize(
    ("title", "summary", "relevant"),
    [
        # our level in Iraq, in one of the first sentences, said with no word of leaving: a
        # partner's brief, a site-by-site count, a numbers piece (turned down in the sets)
        (
            "Ba Lan rút quân khỏi Iraq",
            "Ba Lan sẽ đưa khoảng 180 binh sĩ công binh về nước trước cuối tháng 3. Các nước đối "
            "tác của Mỹ trong liên quân hiện còn khoảng 900 quân tại Iraq, giảm từ khoảng 1.100.",
            True,
        ),
        (
            "Where the 1,900 are: a site-by-site count of US forces in Iraq",
            "Monday's confirmation that the number of US troops in Iraq has fallen from about "
            "2,600 to about 1,900 leaves three clusters, according to task force figures. Camp "
            "Dar al-Salam: about 700.",
            True,
        ),
        (
            "Camp Warid by the numbers: 41 containers a day",
            "Thursday's move was the biggest single step of the accord. The numbers behind it come "
            "from task force briefings. About 1,900 containers remain. The number of US troops "
            "in Iraq has fallen from about 3,150 to about 2,500, the task force said.",
            True,
        ),
        # the level restated in a story of something else (a review), in both languages, with
        # and without diacritics; a level of years ago
        (
            "Iraq's parliament passes 2065 budget",
            "Iraq's parliament passed the 2065 budget on Monday. About 2,500 US troops remain in "
            "Iraq, the Pentagon said.",
            False,
        ),
        (
            "Quốc hội Iraq thông qua ngân sách 2065",
            "Quốc hội Iraq hôm thứ Hai đã thông qua ngân sách năm 2065. Hiện còn khoảng 2.500 binh "
            "sĩ Mỹ tại Iraq, Lầu Năm Góc cho biết.",
            False,
        ),
        (
            "Quoc hoi Iraq thong qua ngan sach 2065",
            "Quoc hoi Iraq hom thu Hai da thong qua ngan sach nam 2065. Hien con khoang 2.500 binh "
            "si My tai Iraq, Lau Nam Goc cho biet.",
            False,
        ),
        (
            "Twenty years on: the surge",
            "Twenty years ago, the Pentagon said, US troops in Iraq numbered about 170,000.",
            False,
        ),
        (
            "US sends 1,000 troops to Jordan",
            "The Pentagon is sending 1,000 troops to Jordan. About 2,500 US troops remain in Iraq, "
            "the Pentagon said.",
            False,
        ),
        # a level told further down, one with nothing to back it, Iraq's own, an attack's
        (
            "Iraq opens new airport terminal in Basra",
            "The terminal opened on Monday. It cost $300 million. Airlines welcomed it. The "
            "governor spoke. About 2,500 US troops remain in Iraq after the cut from 3,000, the "
            "Pentagon said.",
            False,
        ),
        (
            "Iraq's parliament debates the budget",
            "Lawmakers debated the budget on Monday. There are about 2,500 US troops in Iraq.",
            False,
        ),
        (
            "Iraqi army trims Anbar force",
            "The Iraqi army has cut its force in Anbar to about 20,000 from 25,000, the defence "
            "ministry said.",
            False,
        ),
        (
            "Rockets hit Camp Sadeer in Baghdad, two US soldiers wounded",
            "Rockets hit Camp Sadeer on Monday, wounding two US soldiers. The attack came a week "
            "after the US force in Iraq was cut to about 2,500 from about 3,000. A second rocket "
            "attack hit the airport. A drone attack followed.",
            False,
        ),
    ],
)
def test_our_level_in_the_first_sentences_says_the_topic(
    title: str, summary: str, relevant: bool
) -> None:
    assert judge(topic_matcher(), title, summary).relevant is relevant


def test_a_title_whose_date_the_first_sentence_says_of_our_troops_is_on_the_topic() -> None:
    """A date told in the title and again in the first sentence keeps the title's quote, which
    names no troops; the first sentence, read on its own, does (the twenty-ninth set)."""
    title = "US to leave Baghdad and Anbar by end of June 2070"
    summary = (
        "The United States has agreed to pull its troops out of Baghdad and Anbar by the end of "
        "June 2070 instead of the end of September, the Pentagon said on Monday."
    )
    assert judge(topic_matcher(), title, summary).relevant
    assert not judge(topic_matcher(), title, "The ambassador said on Monday.").relevant
