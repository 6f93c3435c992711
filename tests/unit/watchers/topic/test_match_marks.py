"""A term's diacritics: a text written with them must carry the term's, wherever on the word
they sit (the old and the new tone placement alike); a text written without them matches on
its letters, as before. So "Ba Lan" (Poland) is not "ba lần" (three times), "rời" (leave) not
"rồi" (then), "Úc" (Australia) not "ký ức" (memory)."""

from __future__ import annotations

import unicodedata

import pytest

from watchers.topic.match import Matcher, Topic
from watchers.topic.text import marks, word_marks, words

MATCHER = Matcher(
    Topic(
        groups={
            "iraq": ("Iraq*", "I-rắc"),
            "forces": ("Mỹ", "Ba Lan", "Úc", "Thụy Điển"),
            "leaving": ("rời", "rút quân", "withdraw*"),
        },
        required=("iraq", "leaving"),
    )
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ba Lan rút quân khỏi Iraq", ("Ba Lan", "rút quân", "Iraq*")),
        ("ba lần rút quân khỏi Iraq", ("rút quân", "Iraq*")),
        ("ba lan rut quan khoi Iraq", ("Ba Lan", "rút quân", "Iraq*")),
        ("Úc rời Iraq", ("Úc", "rời", "Iraq*")),
        ("ký ức về Iraq", ("Iraq*",)),
        ("Mỹ rồi I-rắc", ("Mỹ", "I-rắc")),
        ("My roi I-rac", ("Mỹ", "rời", "I-rắc")),
        ("Thuỵ Điển rút quân", ("Thụy Điển", "rút quân")),
        (unicodedata.normalize("NFD", "Thụy Điển rời Iraq"), ("Thụy Điển", "rời", "Iraq*")),
        ("RÚT QUÂN khỏi I-RẮC", ("rút quân", "I-rắc")),
        ("Quân Mỷ rút quân khỏi Iraq", ("Mỹ", "rút quân", "Iraq*")),  # "hỏi" for "ngã"
        ("Sweden to withdraw from Iraq", ("withdraw*", "Iraq*")),
    ],
)
def test_a_written_word_carries_the_terms_diacritics_or_none(
    text: str, found: tuple[str, ...]
) -> None:
    assert MATCHER.find(text) == found


def test_a_words_diacritics_are_the_same_wherever_the_tone_sits() -> None:
    assert marks("hoà") == marks("hòa") != marks("hoa") == ""
    assert marks("lần") != marks("lan")
    assert marks("Đức") == marks("đức") != marks("đúc")
    assert marks("Mỹ") == marks("Mỷ") != marks("Mý")


def test_the_written_words_line_up_with_the_folded_ones() -> None:
    text = "Ba Lan rút quân, ba lần I-rắc"
    written = word_marks(text, words(text))
    assert written is not None
    assert len(written) == len(words(text))
    assert written[:2] == ["", ""]
    assert written[3] == marks("quân")
    assert word_marks("Iraq troops", words("Iraq troops")) is None
