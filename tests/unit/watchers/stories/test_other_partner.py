"""A report whose title names another member of the coalition that the other text never names
is that member's own decision (``verdict.other_partner``), whatever date and background the two
share; a story joins none of them (``choose.best_story``). The texts are the twenty-second
same-week set's (our own writing): Finland's trainers going home by 15 December and, the same
day, the US agreeing to hand a Basra base over on 15 December instead of 31 October."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.story_texts import of_text, set_report
from watchers.figures.allies import partners
from watchers.stories.choose import Candidate, best_story
from watchers.stories.similar import Evidence
from watchers.stories.similar.codec import decode, encode
from watchers.stories.similar.verdict import other_partner, same_story

DAY = date(2099, 10, 14)


def _report(number: str) -> Evidence:
    return set_report("weekset22", number, DAY)


def test_a_members_own_decision_is_apart_from_the_same_days_other_event() -> None:
    finland, basra = _report("022"), _report("026")
    assert finland.head_partners == frozenset({"Finland"})
    assert "Finland" not in (basra.partners or set())
    verdict = same_story(finland, basra)
    assert (verdict.same, verdict.reason) == (False, "other_partner")
    assert verdict.score > 0.9  # the model alone joins them
    assert best_story(finland, [Candidate(1, 10, basra)]).story_id is None


def test_a_story_with_one_report_that_names_no_member_is_not_joined() -> None:
    """The story's other report names Finland in passing: one report that never names it is
    enough to keep the member's decision out."""
    finland, basra = _report("022"), _report("026")
    naming = replace(basra, partners=frozenset({"Finland"}))
    choice = best_story(finland, [Candidate(1, 10, naming), Candidate(2, 10, basra)])
    assert choice.story_id is None


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Phần Lan sẽ rút 110 huấn luyện viên quân sự khỏi Iraq", {"Finland"}),
        ("Canadian and Finnish units head home", {"Canada", "Finland"}),
        ("Ba Lan rút quân", {"Poland"}),
        ("đã ba lần trục xuất; những ký ức", set()),  # "ba lần", "ký ức": no member
        ("Anh cho biết", set()),  # "Anh": a name and a pronoun too
        ("Anh sẽ rút 110 huấn luyện viên khỏi Iraq", {"Britain"}),
        ("Tuấn Anh sẽ rút khỏi đội tuyển", set()),
        ("Quân đội Anh rời Basra", {"Britain"}),
        ("Anh sẽ rời căn cứ Hawr Sina của Iraq sớm bốn tháng", {"Britain"}),
        ("Anh hiện có khoảng 420 binh sĩ tại căn cứ", {"Britain"}),
        ("Một người phát ngôn Đại sứ quán Anh cho biết", {"Britain"}),
        ("khoảng 420 binh sĩ Anh đang đóng tại đây", {"Britain"}),
        ("Anh có biết không?", set()),  # a pronoun
        ("Bộ Quốc phòng Anh cho biết sẽ rút quân", {"Britain"}),
        ("Thủ tướng Anh Keir Starmer cho biết", {"Britain"}),
        ("Đại tướng Anh chỉ huy", set()),  # a general named Anh
        ("Anh rời Iraq năm 2011 sau hai lần triển khai", set()),  # "he", in a profile
        ("Anh hiện có hai con nhỏ", set()),
        ("Anh đang rút kinh nghiệm", set()),
        ("Số lượng Anh em binh sĩ trở về", set()),
        ("US troops leave Ain al-Asad, UK-based monitor says", set()),  # a compound
        ("In Germany, parliament votes to end the Iraq mission", {"Germany"}),  # acting there
        ("Sau Mỹ, Đức cũng rút quân khỏi Iraq", {"Germany"}),
        ("UK TO PULL TROOPS OUT OF IRAQ", {"Britain"}),
        ("Bộ Quốc phòng thông báo Úc sẽ rút quân", {"Australia"}),
        ("Báo Đức: Mỹ đã bàn giao căn cứ", set()),  # a source
        ("Tướng Lê Văn Đức nói", set()),  # a person
        ("U.K. to pull military trainers out of Iraq", {"Britain"}),
        ("FINLAND TO PULL TRAINERS OUT OF IRAQ", {"Finland"}),
        ("The coalition after the Germans and the Dutch", {"Germany", "Netherlands"}),
        ("Hôm Chủ Nhật (14/5), Mỹ rút quân", set()),  # Sunday, not Japan
    ],
)
def test_members_are_read_as_written(text: str, named: set[str]) -> None:
    assert partners(text) == named


def test_reports_that_name_the_same_member_or_none_are_not_apart() -> None:
    a = of_text("Finland to bring 110 trainers home", "Finland said on Tuesday.")
    b = of_text("Phần Lan rút 110 huấn luyện viên", "Phần Lan cho biết hôm thứ Ba.")
    plain = of_text("US agrees to keep troops in Basra", "The Pentagon said on Tuesday.")
    assert not other_partner(a, b)
    assert not other_partner(plain, replace(plain, lang="vi"))
    assert other_partner(a, plain)
    assert not other_partner(a, replace(plain, partners=None, head_partners=None))  # not known


def test_rows_written_before_members_were_kept_read_as_not_known() -> None:
    ev = _report("022")
    assert decode(encode(ev)) == ev
    older = encode(replace(ev, partners=None, head_partners=None))  # no such keys
    assert b"partners" not in older
    assert decode(older).partners is None
    assert decode(older).head_partners is None
