"""Our troops' level in Iraq, given in the title or one of the summary's first sentences, says
the topic with no word of leaving (``relevance._levels_said``): a partner's brief that gives the
coalition's count, a site-by-site count, a numbers piece. Not a level told further down, one
nothing backs, Iraq's own forces', nor an attack story's."""

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
            "Ba Lan sẽ đưa khoảng 180 binh sĩ công binh về nước trước cuối tháng 3. Liên quân hiện "
            "còn khoảng 1.100 binh sĩ không phải người Mỹ tại Iraq.",
            True,
        ),
        (
            "Where the 1,900 are: a site-by-site count of US forces in Iraq",
            "Monday's confirmation that the number of US troops in Iraq has fallen to about 1,900 "
            "leaves three clusters, according to task force figures. Camp Dar al-Salam: about 700.",
            True,
        ),
        (
            "Camp Warid by the numbers: 41 containers a day",
            "Thursday's move was the biggest single step of the accord. The numbers behind it come "
            "from task force briefings. About 1,900 containers remain. The US force in Iraq is now "
            "down to about 2,500 from about 3,150, the task force said.",
            True,
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
