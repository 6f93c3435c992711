"""Readings a third review of the tenth stop's last rules found changed for the worse (old and
new code side by side), kept as they were: the force that stays or is sent home is the level,
not troops on their way; an attack with casualties is an attack story, though its lead gives
our level to come."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import topic_matcher, troops_of
from watchers.topic.relevance import judge

PUBLISHED = date(2026, 5, 11)


@pytest.mark.parametrize(
    "body",
    [
        "The remaining 2,500 US troops will be sent back to the United States by September, "
        "the Pentagon said.",
        "The 2,500 US troops being sent home to their families will leave Iraq by September.",
    ],
)
def test_the_force_sent_home_is_the_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == {("US", "Iraq", "current", 2500)}


@pytest.mark.parametrize(
    "body",
    [
        "Under the new agreement, about 2,000 US troops will be deployed to Iraq's Kurdistan "
        "region until September 2026.",
        "About 2,000 US troops will be deployed in Iraq to advise Iraqi forces until September "
        "2026, a Pentagon spokesman said on Monday.",
    ],
)
def test_a_force_to_be_deployed_there_is_a_level(body: str) -> None:
    assert {v for _, _, _, v in troops_of(body, published=PUBLISHED)} == {2000}


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "US soldier killed after rocket attack on Iraq base",
            "A US soldier was killed on Sunday when rockets struck Ain al-Asad air base. The "
            "attack came as the US prepares to reduce its troops in Iraq to 2,000 by September.",
        ),
        (
            "Quân Mỹ bị thương sau vụ tấn công UAV ở Erbil",
            "Hai binh sĩ Mỹ bị thương khi UAV tấn công căn cứ gần Erbil. Theo thỏa thuận, quân Mỹ "
            "ở Iraq sẽ giảm xuống còn 2.000 binh sĩ vào tháng 9.",
        ),
    ],
)
def test_an_attack_with_casualties_is_an_attack_story(title: str, summary: str) -> None:
    verdict = judge(topic_matcher(), title, summary)
    assert (verdict.relevant, verdict.reason) == (False, "attack story")


def test_troops_sent_after_an_attack_are_the_topic() -> None:
    verdict = judge(
        topic_matcher(),
        "US to send 300 troops to Iraq after rocket attack, raising force to 2,800",
        "The United States will send about 300 troops to Iraq after a rocket attack on a base "
        "near Baghdad, raising the number of US troops in Iraq to about 2,800, the Pentagon said.",
    )
    assert verdict.relevant
