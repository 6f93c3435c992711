"""What the fifty-sixth same-week set showed of the topic (probes of our own): a party
withdrawing its ministers from the government is politics, not troops leaving."""

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
