"""What the thirty-third same-week set showed of stories (our own writing): a Vietnamese day
in brackets after "hôm qua", "sáng nay" ("hôm qua (6/3, giờ Mỹ)", "Sáng nay (13/3, giờ địa
phương)") dates the lead; a meeting "hôm nay (12/3)" with what is to come said after it
("… được cho là sẽ đề nghị") awaits that day, so the decision told that evening is another
event; and the Pentagon's act and the Iraqi cabinet's, the same day at the same base, are two
(``verdict.vetoed``: "other_actor")."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.stories.similar.codec import decode, encode
from watchers.stories.similar.eventday import awaited_day, event_day
from watchers.stories.similar.telling import actor
from watchers.stories.similar.verdict import same_story

PUBLISHED = date(2141, 3, 13)


@pytest.mark.parametrize(
    ("line", "day", "named", "awaits"),
    [
        (
            "Sáng nay (13/3, giờ địa phương), nhóm vũ trang tuyên bố sẽ ngừng tấn công.",
            13,
            True,
            None,
        ),
        ("Hôm qua (12/3, giờ Mỹ), Lầu Năm Góc thông báo rút 600 binh sĩ.", 12, True, None),
        # today's meeting, what is to come said after the day
        (
            "Hội đồng hôm nay (13/3) nhóm họp tại Baghdad, trong bối cảnh phía Iraq được cho là sẽ "
            "đề nghị rút quân sớm.",
            13,
            False,
            PUBLISHED,
        ),
        # "hôm qua" with no day stays unread
        ("Hôm qua, Lầu Năm Góc thông báo rút 600 binh sĩ.", 13, False, None),
    ],
)
def test_a_day_in_brackets(line: str, day: int, named: bool, awaits: date | None) -> None:
    got = event_day("Tin Iraq", line, PUBLISHED)
    assert (got.day, got.named) == (date(2141, 3, day), named)
    assert awaited_day("Tin Iraq", line, PUBLISHED) == awaits


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Pentagon to pull 600 troops from Iraq's Al-Sahab base, cutting US force to 2,800", "US"),
        ("Iraq's cabinet approves takeover of Al-Sahab Air Base by mid-May", "Iraq"),
        ("Lầu Năm Góc rút 600 binh sĩ khỏi căn cứ Al-Sahab", "US"),
        ("Nội các Iraq thông qua kế hoạch tiếp quản căn cứ Al-Sahab", "Iraq"),
        ("Baghdad says it was consulted on Al-Sahab", "Iraq"),
        # Iraq's body on what the US did: a reaction, told with the US's act
        ("Baghdad says it was consulted on US cut at Al-Sahab", ""),
        ("Erbil asks Washington to keep 450 troops", ""),
        # neither, or both, or a place and what ends
        ("US to leave Baghdad and federal Iraq by end of July", ""),
        ("Đạt thỏa thuận kết thúc sứ mệnh chiến đấu của quân đội Mỹ ở Iraq", ""),
        ("Pentagon and Iraq's government agree on Al-Sahab handover", ""),
    ],
)
def test_who_acts_in_a_title(title: str, expected: str) -> None:
    assert actor(title) == expected


def test_the_pentagons_act_and_the_iraqi_cabinets_the_same_day_are_two_stories() -> None:
    day = date(2141, 3, 6)
    cut = set_report("weekset33", "041", day)
    cabinet = set_report("weekset33", "017", day)
    assert (cut.actor, cabinet.actor) == ("US", "Iraq")
    assert same_story(cut, cabinet).reason == "other_actor"
    unknown = replace(cabinet, actor=None)  # a row stored before the actor was kept
    assert same_story(cut, unknown).same


def test_the_actor_survives_the_story_table_and_older_rows_have_none() -> None:
    cut = set_report("weekset33", "041", date(2141, 3, 6))
    assert decode(encode(cut)).actor == "US"
    older = encode(replace(cut, actor=None))
    assert b'"actor"' not in older
    assert decode(older).actor is None
