"""Poland's troops leaving Iraq, with the repository's topic: Poland ("Poland", "Polish") is a
coalition member, as the figures already read it; a Polish firm, like an Italian or a German
one, leaving Iraq is someone else's departure (``cues.COMPANY_LEAVES``). The Vietnamese "Ba
Lan" and "Úc" are left out: folded, they are "ba lần" (three times) and "ký ức" (memory)."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.relevance import judge

MATCHER = topic_matcher()


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Poland to bring its troops home from Iraq by March",
            "Poland will withdraw its 180 soldiers from an airbase in northern Iraq by the end "
            "of March, the Polish defence minister said.",
        ),
        (
            "Polish contingent to leave Iraq's Kurdistan region by end of March",
            "The 180 Polish soldiers training Peshmerga units at an airbase near Erbil will "
            "withdraw without replacement, Warsaw said on Tuesday.",
        ),
    ],
)
def test_polish_troops_leaving_iraq_are_the_topic(title: str, summary: str) -> None:
    assert judge(MATCHER, title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Polish firm withdraws from Iraq oil project", "A Polish company has withdrawn."),
        (
            "Italian firm to withdraw from Basra refinery contract",
            "The Italian engineering group said it would withdraw its 120 staff from Iraq.",
        ),
        (
            "Poland withdraws its troops from Syria outpost",
            "Poland will withdraw about 60 soldiers from an outpost in eastern Syria by May.",
        ),
    ],
)
def test_others_leaving_are_not(title: str, summary: str) -> None:
    assert not judge(MATCHER, title, summary).relevant
