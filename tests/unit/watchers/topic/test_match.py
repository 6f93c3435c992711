"""Topic matching: whole words, diacritic- and case-insensitive, with `*` prefix terms."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchers.topic.match import Match, Matcher, Topic
from watchers.topic.text import fold, words

IRAQ_DRAWDOWN = Topic(
    groups={
        "iraq": ("Iraq*", "I-rắc", "Irắc", "Baghdad", "Bát-đa", "Ain al-Asad", "Erbil"),
        "withdrawal": (
            "rút quân",
            "rút khỏi",
            "rút lực lượng",
            "rút binh sĩ",
            "rút toàn bộ",
            "chấm dứt hiện diện",
            "chấm dứt sự hiện diện",
            "kết thúc nhiệm vụ",
            "kết thúc sứ mệnh",
            "withdraw*",
            "drawdown",
            "pull out",
            "troops leav*",
        ),
    },
    required=("iraq", "withdrawal"),
    exclude=("bóng đá", "football"),
)
MATCHER = Matcher(IRAQ_DRAWDOWN)

VIETNAMESE_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)


def one_term(term: str) -> Matcher:
    return Matcher(Topic(groups={"g": (term,)}, required=("g",)))


def without_diacritics(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def reference_fold(text: str) -> str:
    """Folding as first written in watchers/topic/text.py, before it was made fast."""
    return without_diacritics(text).casefold()


# --- folding -------------------------------------------------------------------------


@given(st.text())
def test_fold_equals_the_reference_definition_for_any_text(text: str) -> None:
    """The fast folding paths give exactly what NFD + drop marks + casefold gives."""
    assert fold(text) == reference_fold(text)


latin_text = st.text(
    alphabet=st.characters(max_codepoint=0x24F)
    | st.characters(min_codepoint=0x300, max_codepoint=0x36F)
    | st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF)
)


@given(latin_text)
def test_fold_equals_the_reference_definition_for_latin_text(text: str) -> None:
    """Latin letters and combining marks (the NFD fast path) fold like the reference."""
    assert fold(text) == reference_fold(text)


@given(st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " -,.0123456789"))
def test_words_equals_the_reference_definition_on_vietnamese(text: str) -> None:
    """Words of Vietnamese text are the Unicode word runs of its reference folding."""
    assert words(text) == re.findall(r"[^\W_]+", reference_fold(text))


@given(st.text())
def test_words_equals_the_reference_definition_for_any_text(text: str) -> None:
    """Words of any text are the Unicode word runs of its reference folding."""
    assert words(text) == re.findall(r"[^\W_]+", reference_fold(text))


# --- whole words and spelling variants -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Rut quan", "RÚT QUÂN", "rút   quân", unicodedata.normalize("NFD", "Mỹ rút quân"), "rút-quân"],
)
def test_vietnamese_phrase_matches_without_diacritics_case_spacing_or_composition(
    text: str,
) -> None:
    """ "rút quân" is found with or without its diacritics, however cased, spaced or composed."""
    assert MATCHER.find(text) == ("rút quân",)


@pytest.mark.parametrize("text", ["I-rắc", "I rắc", "i-rac", "I–RẮC"])
def test_hyphenated_name_matches_with_or_without_its_hyphen(text: str) -> None:
    """ "I-rắc" is found as "I-rắc", "I rắc", "i-rac" or with an en dash."""
    assert MATCHER.find(text) == ("I-rắc",)


@pytest.mark.parametrize(
    ("term", "text"),
    [("Iran", "Iranian militias"), ("US", "the bus left"), ("Iraq", "Iraqi forces")],
)
def test_term_without_star_never_matches_inside_a_longer_word(term: str, text: str) -> None:
    """Without "*", "Iran" is not in "Iranian", "US" not in "bus", "Iraq" not in "Iraqi"."""
    assert one_term(term).find(text) == ()


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("Iraq*", "Iraqi officials"),
        ("Iraq*", "in Iraq"),
        ("withdraw*", "a withdrawal plan"),
        ("withdraw*", "troops are withdrawing"),
        ("troops leav*", "US troops leaving Iraq"),
    ],
)
def test_star_makes_the_last_word_a_prefix(term: str, text: str) -> None:
    """ "Iraq*" matches "Iraqi" and "Iraq"; "withdraw*" matches "withdrawal"."""
    assert one_term(term).find(text) == (term,)


def test_star_prefix_still_starts_at_a_word_boundary() -> None:
    """ "withdraw*" does not match "rewithdrawn": the prefix anchors at the word start."""
    assert one_term("withdraw*").find("rewithdrawn") == ()


def test_multi_word_term_needs_its_words_in_order_and_adjacent() -> None:
    """ "troops leav*" does not match "troops will leave" or "leaving troops"."""
    assert one_term("troops leav*").find("troops will leave; leaving troops") == ()


# --- what find and match report ------------------------------------------------------


def test_find_reports_configured_spellings_in_first_occurrence_order_without_repeats() -> None:
    """Terms come back as configured, ordered by where they first occur, each once."""
    text = "Baghdad nói Mỹ rut quan; I-rac va Baghdad xac nhan rút quân"
    assert MATCHER.find(text) == ("Baghdad", "rút quân", "I-rắc")


def test_find_reports_overlapping_terms() -> None:
    """ "rút quân" and "rút khỏi" both match "rút quân khỏi ... rút khỏi"."""
    assert MATCHER.find("rút quân khỏi Iraq, rút khỏi Syria") == ("rút quân", "Iraq*", "rút khỏi")


def test_terms_found_at_the_same_word_come_in_configuration_order() -> None:
    """With "Iraq" and "Iraq*" both configured, one word reports them in that order."""
    matcher = Matcher(Topic(groups={"g": ("Iraq*", "Iraq")}, required=("g",)))
    assert matcher.find("Iraq") == ("Iraq*", "Iraq")


def test_match_lists_title_terms_before_summary_terms() -> None:
    """Terms first seen in the title come before those first seen in the summary."""
    result = MATCHER.match("Mỹ rút quân", "Lực lượng Mỹ ở Baghdad và I-rắc")
    assert result == Match(relevant=True, matched=("rút quân", "Baghdad", "I-rắc"))


def test_phrase_does_not_span_title_and_summary() -> None:
    """A title ending in "rút" and a summary starting with "quân" do not make "rút quân"."""
    assert MATCHER.match("Iraq: Mỹ sẽ rút", "quân đội ở lại").matched == ("Iraq*",)


# --- relevance -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (
            "Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân",
            "Reuters đưa tin hai nước đã thống nhất kế hoạch đưa binh sĩ Mỹ và liên quân quốc"
            " tế rời khỏi Iraq.",
        ),
        (
            "Mỹ có động thái bất ngờ ở Iraq",
            "Sau nhiều ngày tin tức trái chiều về yêu cầu Mỹ chấm dứt hiện diện quân sự,"
            " Washington và Baghdad cùng lên tiếng vào ngày 25/1.",
        ),
        (
            "Mỹ, Iraq đạt thỏa thuận kết thúc nhiệm vụ chiến đấu của quân đội Mỹ",
            "Tổng thống Joe Biden nói quan hệ Mỹ-Iraq sang giai đoạn mới.",
        ),
        (
            "Iraq muốn liên minh do Mỹ dẫn đầu rút quân",
            "Cố vấn an ninh quốc gia Iraq Qasim al-Araji nói các phe phái đã nhất trí chấm dứt"
            " sự hiện diện của liên minh quân sự do Mỹ dẫn đầu.",
        ),
        (
            "Lầu Năm Góc: Mỹ không còn lực lượng chiến đấu tại Iraq vào cuối năm",
            "Người phát ngôn Tahseen al-Khafaji nói rằng lực lượng chiến đấu Mỹ sẽ rút khỏi"
            " Iraq, hạn chót vào ngày 31-12 năm nay.",
        ),
        ("US and Iraq agree on plan for coalition troops to leave", "A withdrawal plan."),
    ],
)
def test_seed_articles_about_the_drawdown_are_relevant(title: str, summary: str) -> None:
    """Each of the five Vietnamese seed stories (and an English one) is on topic."""
    assert MATCHER.match(title, summary).relevant


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        ("Mỹ rút quân khỏi Afghanistan", "Lực lượng cuối cùng rời Kabul."),
        ("Iraq công bố ngân sách", "Chính phủ Iraq thông qua ngân sách năm 2025."),
        ("Iranian troops withdraw from the border", "No mention of the neighbour."),
    ],
)
def test_items_missing_a_required_group_are_not_relevant(title: str, summary: str) -> None:
    """An item needs both an Iraq term and a withdrawal term to be relevant."""
    assert not MATCHER.match(title, summary).relevant


def test_exclude_term_makes_an_item_irrelevant_and_is_reported() -> None:
    """An Iraq football story about withdrawing is dropped, and "football" says why."""
    result = MATCHER.match("Iraq withdraws from football tournament", "")
    assert result == Match(relevant=False, matched=("Iraq*", "withdraw*", "football"))


def test_without_required_groups_any_group_term_is_relevant() -> None:
    """A topic that requires no group accepts an item with any group term."""
    matcher = Matcher(Topic(groups={"a": ("Erbil",), "b": ("drawdown",)}, required=()))
    assert matcher.match("News from Erbil", "").relevant
    assert not matcher.match("Nothing here", "").relevant


def test_unknown_required_group_is_refused() -> None:
    """Requiring a group the topic does not define is a configuration mistake."""
    with pytest.raises(ValueError, match="required groups not defined in the topic: iraqq"):
        Matcher(Topic(groups={"iraq": ("Iraq",)}, required=("iraqq",)))


@pytest.mark.parametrize("term", ["", "*", " - "])
def test_term_without_letters_is_refused(term: str) -> None:
    """A term that folds to no words could never match, so it is refused."""
    with pytest.raises(ValueError, match="has no letters or digits"):
        one_term(term)


# --- properties ----------------------------------------------------------------------

vietnamese_word = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=8)
vietnamese_term = st.builds(
    lambda parts, separator: separator.join(parts),
    st.lists(vietnamese_word, min_size=1, max_size=3),
    st.sampled_from([" ", "-"]),
)


@given(vietnamese_term, st.sampled_from(["plain", "upper", "nfd", "no marks", "all"]))
def test_term_always_matches_itself_however_it_is_written(term: str, variant: str) -> None:
    """A term matches itself without diacritics, upper-cased, in NFD, inside other text."""
    written = {
        "plain": term,
        "upper": term.upper(),
        "nfd": unicodedata.normalize("NFD", term),
        "no marks": without_diacritics(term),
        "all": unicodedata.normalize("NFD", without_diacritics(term).upper()),
    }[variant]
    assert one_term(term).find(f"Tin mới: {written}, theo Reuters") == (term,)


@given(vietnamese_term, st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=5))
def test_star_term_matches_any_longer_word_and_plain_term_does_not(term: str, suffix: str) -> None:
    """ "term*" matches the term with letters added to its last word; "term" does not. (The
    word after it is a number: a Vietnamese word there could be the term itself, "đã" is "đa"
    to a term typed without tone marks.)"""
    text = f"{term}{suffix} 2024"
    assert one_term(f"{term}*").find(text) == (f"{term}*",)
    assert one_term(term).find(text) == ()
