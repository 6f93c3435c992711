"""What a second review of the thirty-seventh set's story rule found (our own writing): an
attack told in other words ("Explosions rock …", "bị tập kích", "nã đạn") names an attack, so it
vetoes nothing; a vote that "dies", a chant of "death to America", and a past attack named after
"where", "which" or an apposition are no attack that happened."""

from __future__ import annotations

import pytest

from watchers.stories.similar.telling import act


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Explosions rock Ain al-Asad air base", ""),
        ("Projectiles land on Ain al-Asad air base", ""),
        ("Militia targets Ain al-Asad with Katyusha salvo", ""),
        ("Ain al-Asad shelled overnight", ""),
        ("US truck hits explosive device", ""),
        ("Coalition reports training mishap at Erbil air base", ""),
        ("Căn cứ Ain al-Asad bị tập kích", ""),
        ("Can cu Ain al-Asad bi tap kich", ""),
        ("Dân quân nã đạn vào căn cứ", ""),
        ("Amendment to keep 1,500 troops in Iraq dies in Senate", ""),
        ("Sadr supporters chant 'death to America' outside Ain al-Asad", ""),
        ("US hands over Ain al-Asad, where rockets wounded dozens in 2020", ""),
        ("US leaves Ain al-Asad, base targeted by militias for years", ""),
        ("Quốc hội Iraq đòi Mỹ rút quân, viện dẫn vụ không kích làm hai chỉ huy thiệt mạng", ""),
        ("US soldier dies in non-combat incident at Ain al-Asad", "attack"),
        ("Three Iraqi soldiers killed, 12 wounded in convoy blast", "attack"),
        ("Senate rejects amendment on residual Iraq force", "other"),
    ],
)
def test_whether_a_title_tells_an_attack(title: str, expected: str) -> None:
    assert act(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # (a third review) deaths in an accident are told as deaths, as the other report tells
        # them; a toll recalled, gunfire, clashes and "tử nạn" are words of an attack, no veto
        ("US Marines die in helicopter crash in Iraq", "attack"),
        ("Two US service members die in Iraq vehicle rollover", "attack"),
        ("4,500 US deaths recalled as troops leave", ""),
        ("Shooting near Ain al-Asad under investigation", ""),
        ("Firefight near US base in Anbar", ""),
        ("Lính Mỹ tử nạn ở Iraq", ""),
        ("Căn cứ Mỹ ở Iraq trúng đạn", ""),
    ],
)
def test_what_a_third_review_found(title: str, expected: str) -> None:
    assert act(title) == expected
