"""A number in a term ("#"): "rút # binh sĩ" matches "rút 2.200 binh sĩ" and "rút khoảng 850
binh sĩ" (a number is one to three words of digits, after at most two words that hedge it),
with the term's diacritics; a term may not begin with one. With the repository's topic, a
number of our troops leaving counts where Iraq is named in the same sentence."""

from __future__ import annotations

import pytest

from tests.quality import topic_matcher
from watchers.topic.match import Matcher, Topic
from watchers.topic.relevance import judge

MATCHER = Matcher(
    Topic(
        groups={"leaving": ("rút # binh sĩ", "pull # troops"), "iraq": ("Iraq*",)},
        required=("leaving", "iraq"),
    )
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mỹ rút 2.200 binh sĩ khỏi Iraq", ("rút # binh sĩ", "Iraq*")),
        ("Mỹ rút khoảng 850 binh sĩ", ("rút # binh sĩ",)),
        ("My rut them khoang 500 binh si", ("rút # binh sĩ",)),
        ("Mỹ rút 1.000.000 binh sĩ", ("rút # binh sĩ",)),
        ("US to pull about 2,200 troops from Iraq", ("pull # troops", "Iraq*")),
        ("Mỹ rút binh sĩ", ()),
        ("Mỹ rút 5 triệu binh sĩ", ()),
        ("Mỹ rụt 500 binh sĩ", ()),
        ("pull troops", ()),
    ],
)
def test_a_number_stands_where_the_term_has_one(text: str, found: tuple[str, ...]) -> None:
    assert MATCHER.find(text) == found


@pytest.mark.parametrize("term", ["# binh sĩ", "#"])
def test_a_term_begins_with_a_word(term: str) -> None:
    with pytest.raises(ValueError, match="topic term"):
        Matcher(Topic(groups={"g": (term,)}, required=()))


SHIPPED = topic_matcher()


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Mỹ rút 2.200 binh sĩ khỏi Iraq", ""),
        ("Mỹ sẽ cắt giảm 500 quân ở Iraq", ""),
        (
            "Mỹ hoàn tất rút 850 quân khỏi Iraq",
            "Quân đội Mỹ đã hoàn tất việc cắt giảm khoảng 850 binh sĩ tại Iraq.",
        ),
        ("US to pull 2,200 troops from Iraq", ""),
        ("US to cut 500 troops in Iraq by January", ""),
    ],
)
def test_a_number_of_our_troops_leaving_iraq_is_the_topic(title: str, summary: str) -> None:
    assert judge(SHIPPED, title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Ý rút 400 binh sĩ về nước",
            "Italy sẽ rút khoảng 400 binh sĩ khỏi lực lượng Liên Hợp Quốc ở miền nam Lebanon. "
            "Khoảng 200 huấn luyện viên quân sự Italy ở Iraq không bị ảnh hưởng.",
        ),
        (
            "Mỹ rút một tiểu đoàn phòng không khỏi Jordan",
            "Mỹ sẽ rút khoảng 400 binh sĩ thuộc một tiểu đoàn phòng không khỏi Jordan. Lầu Năm "
            "Góc cho biết quyết định này không liên quan đến lịch trình ở Iraq.",
        ),
        ("Quân đội Iraq rút 3.000 binh sĩ khỏi Samarra", ""),
        ("Mỹ rút 450 lính khỏi Syria", "Mỹ sẽ rút 450 binh sĩ khỏi Syria."),
    ],
)
def test_a_number_leaving_elsewhere_is_not(title: str, summary: str) -> None:
    assert not judge(SHIPPED, title, summary).relevant
