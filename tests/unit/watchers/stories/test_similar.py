"""Near-duplicate detection: shingles, signatures, band keys, the verdict and the index."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.story_texts import PUBLISHED, made_up, of_text, re_posts, same_story_other_outlet
from tests.texts import BODY, BODY_2021, TITLE, TITLE_2021
from watchers.figures.extract import LANGS, Lang
from watchers.stories.similar import (
    BANDS,
    NUM_BINS,
    Rarity,
    Signature,
    StoryIndex,
    band_keys,
    clean_lines,
    copy_threshold,
    index_keys,
    query_keys,
    same_story,
    shingles,
    signature,
    tokens,
)
from watchers.stories.similar.features import WITHIN, within
from watchers.stories.similar.rarity import (
    FIGURES_COUNTED,
    NEUTRAL,
    count,
    figure_key,
    rarity_keys,
)
from watchers.stories.similar.verdict import RESTATED, Verdict, restated, ruled

_SAMPLE = (
    "Mỹ rút quân khỏi Iraq binh sĩ liên quân Lầu Năm Góc thỏa thuận đạt được tháng năm "
    "Bộ trưởng Quốc phòng căn cứ Ain al-Asad Đại sứ quán kế hoạch 2.500 2,500 900"
)
VI_WORDS = st.sampled_from(_SAMPLE.split(" "))
TEXTS = st.lists(VI_WORDS, min_size=1, max_size=40).map(" ".join)


# --- tokens and shingles ------------------------------------------------------------------


def test_thousands_separators_of_both_languages_give_one_number() -> None:
    assert tokens("2.500 binh sĩ") == tokens("2,500 binh sĩ") == ["2500", "binh", "si"]
    assert tokens("2\u00a0500 troops") == ["2500", "troops"]


def test_a_decimal_stays_two_numbers_whatever_its_separator() -> None:
    assert tokens("2,5 triệu") == tokens("2.5 triệu") == ["2", "5", "trieu"]


def test_a_caption_is_dropped() -> None:
    body = "Binh sĩ Mỹ tại căn cứ Ain al-Asad. Ảnh: Reuters\nMỹ rút quân khỏi Iraq theo thỏa thuận."
    assert clean_lines(body) == ["Mỹ rút quân khỏi Iraq theo thỏa thuận."]


def test_a_repeated_line_counts_once() -> None:
    line = "Mỹ và Iraq đã đạt được thỏa thuận về kế hoạch rút quân"
    assert clean_lines(f"{line}\n{line}\nMột dòng khác có đủ bốn từ") == [
        line,
        "Một dòng khác có đủ bốn từ",
    ]


def test_a_byline_is_dropped() -> None:
    assert clean_lines("Theo Reuters\n(TTXVN/Vietnam+)") == []


def test_shingles_are_pairs_of_folded_syllables() -> None:
    assert shingles("Rút quân", "") == {"rut quan"}
    assert shingles("Iraq", "") == {"iraq"}


def test_shingles_never_span_two_lines() -> None:
    got = shingles("", "Mỹ rút quân khỏi Iraq\nLiên quân rời căn cứ Taji")
    assert "iraq lien" not in got


# --- signatures and band keys -------------------------------------------------------------


def test_a_signature_has_one_value_per_bin_and_counts_its_shingles() -> None:
    sig = signature(TITLE, BODY)
    assert len(sig.values) == NUM_BINS
    assert sig.size == len(shingles(TITLE, BODY))


def test_an_empty_text_has_an_empty_signature_and_no_band_keys() -> None:
    assert signature("", "") == Signature((), 0)
    assert band_keys(Signature((), 0)) == []


def test_a_signature_survives_bytes() -> None:
    sig = signature(TITLE, BODY)
    assert Signature.from_bytes(sig.to_bytes(), sig.size) == sig


def test_identical_texts_agree_in_every_bin() -> None:
    assert signature(TITLE, BODY).overlap(signature(TITLE, BODY)) == (1.0, 1.0)


def test_band_keys_are_non_negative_63_bit_integers_one_per_band() -> None:
    keys = band_keys(signature(TITLE, BODY))
    assert len(keys) == BANDS
    assert all(0 <= k < 2**63 for k in keys)


@given(TEXTS, TEXTS)
def test_the_signature_ignores_normal_form_and_case(title: str, body: str) -> None:
    expected = signature(title, body)
    assert signature(unicodedata.normalize("NFD", title), unicodedata.normalize("NFD", body)) == (
        expected
    )
    assert signature(title.upper(), body.lower()) == expected


@given(TEXTS, st.sampled_from(["2.500", "2,500", "2\u00a0500", "2500"]))
def test_the_signature_ignores_the_thousands_separator(text: str, number: str) -> None:
    assert signature(text, f"{text} {number} binh sĩ") == signature(text, f"{text} 2.500 binh sĩ")


@given(TEXTS)
def test_the_signature_ignores_diacritics(text: str) -> None:
    stripped = "".join(
        c
        for c in unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        if not unicodedata.combining(c)
    )
    assert signature(text, text) == signature(stripped, stripped)


# --- the verdict: identity rules of similarity ----------------------------------------------


def test_an_edited_copy_is_the_same_story() -> None:
    a, b = same_story_other_outlet()
    verdict = same_story(a, b)
    assert verdict.same
    assert verdict.reason == "near_copy"


def test_a_summary_of_the_article_is_the_same_story() -> None:
    lead = BODY.strip().split("\n\n")[0]
    verdict = same_story(of_text(TITLE, BODY), of_text(TITLE, lead))
    assert verdict.same


def test_a_brief_restated_in_a_longer_report_s_background_is_no_copy_of_it() -> None:
    """A brief of last week's news whose text is all in a later report's last paragraph is
    contained in it, but the later report does not share its lead: not a near copy. A brief
    that keeps the report's lead still is."""
    paragraphs = BODY.strip().split("\n\n")
    later = of_text(TITLE, BODY)
    background = of_text("Mỹ hoàn tất giai đoạn đầu", paragraphs[-1])
    assert later.signature.size >= RESTATED * background.signature.size
    assert restated(later, background)
    assert ruled(later, background) is not True
    shortened = of_text("Tin vắn", paragraphs[0])
    assert not restated(later, shortened)
    assert same_story(later, shortened).reason == "near_copy"


def test_a_near_copy_is_the_same_story_even_months_later() -> None:
    later = of_text(TITLE, BODY, PUBLISHED + timedelta(days=90))
    assert same_story(of_text(TITLE, BODY), later).same


def test_texts_far_apart_in_time_are_different_stories_unless_copies() -> None:
    verdict = same_story(
        of_text(TITLE, BODY), of_text(TITLE_2021, BODY_2021, published=date(2021, 7, 27))
    )
    assert not verdict.same
    assert verdict.reason == "far_apart"


def test_words_every_stored_report_has_say_nothing() -> None:
    a = made_up(range(40), 3000, seed=0)
    b = made_up(range(10, 50), 3000, seed=1000)  # 30 words shared, 10 of its own each
    rare = Rarity(10_000, {})  # no other stored article has these words
    common = Rarity(10_000, dict.fromkeys(range(10, 40), 9_000))  # nearly every one has them
    assert same_story(a, b, rare).same
    assert not same_story(a, b, common).same
    assert same_story(a, b, common).score < same_story(a, b, rare).score


def test_a_figure_every_stored_report_restates_weighs_less_than_a_rare_one() -> None:
    a = made_up(range(40), 2500, seed=0)
    b = made_up(range(10, 50), 2500, seed=1000)  # both report 2,500 US troops
    agree = WITHIN.index("figures_agree")
    standing = figure_key("troops/US/Iraq", 2500)
    stored = {FIGURES_COUNTED: 10_000}
    rare = Rarity(10_000, stored)
    restated = Rarity(10_000, {**stored, standing: 9_000})
    assert within(a, b, restated)[agree] < 0.1 < 0.4 < within(a, b, rare)[agree]
    assert same_story(a, b, restated).score < same_story(a, b, rare).score


def test_a_store_that_never_counted_figures_weighs_them_neutrally() -> None:
    # a store written before figures were counted has articles but no figure counts
    assert Rarity(10_000, {}).figure("troops/US/Iraq", 2500) == NEUTRAL
    a = made_up(range(40), 2500, seed=0)
    assert {FIGURES_COUNTED, figure_key("troops/US/Iraq", 2500)} <= rarity_keys(a)
    counted = count([a, made_up(range(40), 3000, seed=1)])
    assert counted.counts[FIGURES_COUNTED] == 2
    assert counted.figure("troops/US/Iraq", 2500) < counted.figure("troops/US/Iraq", 99)


def test_a_quoted_statement_is_a_shared_passage_and_shared_words_are_not() -> None:
    quote = "Phát ngôn viên nói lực lượng sẽ rời căn cứ trước cuối tháng chín năm sau."
    a = of_text("Bản tin buổi sáng", f"Một báo đưa tin như sau.\n{quote}")
    b = of_text("Tin khác hẳn", f"Một tờ báo khác viết lại.\n{quote}")
    shuffled = of_text("Tin khác hẳn", " ".join(reversed(quote.split())))
    signals = WITHIN.index("passages"), WITHIN.index("passage_share")
    rarity = Rarity(100, {})
    shared = within(a, b, rarity)
    assert all(shared[i] > 0 for i in signals)
    assert all(within(a, shuffled, rarity)[i] == 0 for i in signals)
    assert len(of_text(TITLE, BODY).passages) > len(of_text(TITLE, "").passages) > 0


def test_a_headline_in_title_case_gives_numbers_and_no_names() -> None:
    body = "Officials said on Friday that Kadhimi would meet Biden; 2,500 troops remain."
    titled = of_text("US Announces the End of Its Mission, Keeps 2,500 Troops", body)
    plain = of_text("US announces the end of its mission, Kadhimi says", body)
    assert {"announces", "end", "its", "mission", "keeps"}.isdisjoint(titled.anchors)
    assert {"2500", "kadhimi", "biden"} <= titled.anchors
    assert "announces" not in plain.anchors
    assert "kadhimi" in plain.anchors
    named = of_text("Biden meets Kadhimi and Sudani at last", "They talked.")  # a verb
    assert {"kadhimi", "sudani"} <= named.anchors


def test_a_far_later_report_is_another_story_unless_a_near_copy() -> None:
    a = made_up(range(40), 3000, seed=0)
    later = replace(made_up(range(40), 3000, seed=1000), published=PUBLISHED + timedelta(days=9))
    assert not same_story(a, later, Rarity(10_000, {})).same
    assert same_story(a, later, Rarity(10_000, {})).reason == "far_apart"


def test_leads_that_name_different_days_report_different_events() -> None:
    """The next day's development restates yesterday's in its second paragraph: its lead
    names its own day. Across languages a Vietnamese lead may name the next day (Hanoi's
    day of an evening in Washington), never the day before. A near copy still joins."""
    a = replace(made_up(range(40), 3000, seed=0), dated=True)
    b = replace(made_up(range(40), 3000, seed=1000), dated=True)
    store = Rarity(10_000, {})
    assert same_story(a, b, store).same
    next_day = replace(b, published=PUBLISHED + timedelta(days=1))
    assert same_story(a, next_day, store) == Verdict(False, 0.0, "other_day")
    for unknown in (None, False):  # a day only the publication gives, or a row stored before
        assert same_story(a, replace(next_day, dated=unknown), store).same
    lead = "Hoa Kỳ và Iraq đã ký thỏa thuận vào ngày 6/9 tại Baghdad."
    vi = replace(of_text("Thỏa thuận", lead), dated=True)
    assert vi.lang != a.lang
    for days, rule in ((0, None), (1, None), (-1, False), (2, False)):
        other = replace(vi, published=PUBLISHED + timedelta(days=days))
        assert ruled(a, other) is rule, days
        assert ruled(other, a) is rule, days
    before = replace(vi, published=PUBLISHED - timedelta(days=1))
    assert same_story(a, before, store) == Verdict(False, 0.0, "other_language")
    copy = replace(a, published=PUBLISHED + timedelta(days=1))
    assert same_story(a, copy, store).reason == "near_copy"


def test_an_empty_text_is_never_the_same_story() -> None:
    assert same_story(of_text("", ""), of_text(TITLE, BODY)).reason == "empty"


def test_other_languages_need_shared_names_or_figures_within_days() -> None:
    english = of_text(
        "US and Iraq agree on troop withdrawal plan",
        "Hundreds of troops leave by September 2025 and the rest by the end of 2026, "
        "Farhad Alaaldin, an adviser to Prime Minister Mohammed Shia al-Sudani, said. "
        "About 2,500 US troops are in Iraq and 900 in Syria.",
    )
    vietnamese = of_text(TITLE, BODY)
    assert same_story(english, vietnamese).reason == "other_language"
    years_later = of_text(TITLE, BODY, PUBLISHED + timedelta(days=400))
    assert not same_story(english, years_later).same


def test_short_texts_need_more_overlap() -> None:
    assert copy_threshold(10) > copy_threshold(100) > copy_threshold(1000)
    assert copy_threshold(1000) == 0.5


@settings(max_examples=50)
@given(
    TEXTS,
    TEXTS,
    st.integers(min_value=-10, max_value=10),
    st.sampled_from([None, False, True]),
    st.sampled_from([None, False, True]),
    st.sampled_from(LANGS),
)
def test_the_rules_are_symmetric(
    one: str, two: str, days: int, named_a: bool | None, named_b: bool | None, lang: Lang
) -> None:
    """The rules (near copy, far apart, another day named) are; the model weighs the new
    article's words by the counts storage read for them (the first argument's)."""
    a = replace(of_text(one, two), dated=named_a)
    b = replace(of_text(two, one, PUBLISHED + timedelta(days=days)), dated=named_b, lang=lang)
    assert ruled(a, b) == ruled(b, a)


# --- the index ----------------------------------------------------------------------------


def test_the_index_finds_an_edited_copy_and_not_an_unrelated_text() -> None:
    a, b = same_story_other_outlet()
    other = of_text("Giá vàng hôm nay", "Giá vàng trong nước tăng mạnh theo thế giới.")
    index = StoryIndex()
    index.insert(1, a)
    index.insert(2, other)
    assert index.candidates(b) == {1}


def test_index_rows_without_a_date_are_band_rows_only() -> None:
    undated = of_text(TITLE, BODY, published=None)
    assert [band for band, _ in index_keys(undated)] == list(range(BANDS))
    assert len(query_keys(undated)) == BANDS


def test_the_index_answers_alike_after_its_rows_are_sorted_into_runs() -> None:
    a, _ = same_story_other_outlet()
    index = StoryIndex()
    for n in range(3000):  # enough rows to fill every shard's buffer
        index.insert_keys(n, [(0, n * 7919), (1, n)])
    index.insert(5000, a)
    assert index.lookup_keys([(0, 42 * 7919), (1, 99)]) == {42, 99}
    assert 5000 in index.candidates(a)


def test_the_index_finds_re_posts_years_later_by_their_bands() -> None:
    """Two years on, only the band rows can find a re-post: twenty bands of four rows find
    145 of these 150 (sixteen found 135, thirty-two 147). The floor leaves room for a
    change of tokenising, not for fewer bands."""
    found = 0
    for n, (article, repost) in enumerate(re_posts(150)):
        index = StoryIndex()
        index.insert(n, article)
        found += n in index.candidates(repost)
    assert found >= 143


@pytest.mark.parametrize("days", [0, 1, 3])
def test_the_full_text_finds_its_summary_stored_days_before(days: int) -> None:
    lead = BODY.strip().split("\n\n")[0]
    summary = of_text("Mỹ - Iraq thống nhất lộ trình rút quân", lead)
    index = StoryIndex()
    index.insert(7, summary)
    assert 7 in index.candidates(of_text(TITLE, BODY, PUBLISHED + timedelta(days=days)))
