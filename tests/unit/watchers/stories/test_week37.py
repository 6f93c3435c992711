"""What the thirty-seventh same-week set showed of stories (our own writing): a roadside bomb
on the road out, told the same day as the departure it followed and over the same background,
is another event (``verdict.vetoed``: "other_act"): one title tells an attack that happened,
the other names no attack nor casualty."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.stories.similar.codec import decode, encode
from watchers.stories.similar.telling import act
from watchers.stories.similar.verdict import same_story

DAY = date(2180, 6, 5)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Roadside bomb hits convoy near Rutba, killing three Iraqi soldiers", "attack"),
        ("Bom ven đường tấn công đoàn xe gần Rutba, ba binh sĩ Iraq thiệt mạng", "attack"),
        ("Rocket attack on Baghdad's Camp Dijla kills US soldier", "attack"),
        ("Trại Dijla ở Baghdad bị tấn công bằng rocket", "attack"),
        ("Last of Task Force Kestrel leaves Iraq's Tall Ghuraba as US force falls", "other"),
        ("Mỹ rút 750 quân khỏi căn cứ ở miền tây Iraq", "other"),
        # an attack named otherwise: the cause of an order, a truce, a threat, a funeral
        ("US orders non-emergency staff out of Baghdad embassy after deadly rocket attack", ""),
        ("Iraqi armed faction suspends attacks on US forces until June 30", ""),
        ("Nhóm vũ trang dọa tấn công quân Mỹ nếu ở lại Baghdad sau tháng 6", ""),
        ("In al-Musayyib, funerals, a crater in an orchard and a question", ""),
        ("Pentagon confirms first US combat death in Iraq since 2041, vows response", "attack"),
    ],
)
def test_whether_a_title_tells_an_attack(title: str, expected: str) -> None:
    assert act(title) == expected


def test_a_bomb_on_the_road_out_is_not_the_departure_it_followed() -> None:
    departure = set_report("weekset37", "010", DAY)
    bomb = set_report("weekset37", "004", DAY)
    assert (departure.act, bomb.act) == ("other", "attack")
    assert same_story(departure, bomb).reason == "other_act"
    unknown = replace(bomb, act=None)  # a row stored before the act was kept
    assert same_story(departure, unknown).same


def test_the_act_survives_the_story_table_and_older_rows_have_none() -> None:
    bomb = set_report("weekset37", "004", DAY)
    assert decode(encode(bomb)).act == "attack"
    older = encode(replace(bomb, act=None))
    assert b'"act"' not in older
    assert decode(older).act is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # (a review) attacks told otherwise, and words of an attack used of something else
        ("IED hits US supply convoy near Rutba", "attack"),
        ("Gunmen open fire on US convoy leaving Iraq", "attack"),
        ("US convoy hit near Rutba", "attack"),
        ("Shots fired at US convoy near Rutba", "attack"),
        ("US soldier slain in Baghdad", "attack"),
        ("Lính Mỹ bị sát hại ở Baghdad", "attack"),
        ("Căn cứ Mỹ ở Iraq bị pháo kích", "attack"),
        ("US soldier killed in vehicle accident at Ain al-Asad", "attack"),
        ("Senate kills amendment to keep 1,500 US troops in Iraq", ""),
        ("US-Iraq talks hit dead end over Ain al-Asad handover", ""),
        ("Attack ads target Pentagon plan", ""),
        ("Thỏa thuận rút quân đã chết", ""),
        ("Iraq withdrawal: the first casualty is trust", ""),
    ],
)
def test_what_a_review_found_of_titles(title: str, expected: str) -> None:
    assert act(title) == expected
