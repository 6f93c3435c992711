"""The story decider and the evidence codec: which story an article joins; edits; round trips."""

from __future__ import annotations

import json
import struct
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from storage.story_types import StoredVersion
from storage.types import NewArticle
from tests.story_quality import articles
from tests.story_texts import made_up, of_text, same_story_other_outlet
from tests.texts import BODY, TITLE
from watchers.identity.triage import Decision
from watchers.stories.choose import (
    COHERENT,
    TRANSLATED,
    Candidate,
    best_story,
    edited_versions,
    fits,
    holds_together,
    join_alert,
)
from watchers.stories.similar import Evidence, Rarity, Signature, evidence
from watchers.stories.similar.codec import decode, encode, slots
from watchers.stories.similar.index import index_keys, slot


def test_an_article_joins_the_story_of_its_best_match() -> None:
    a, b = same_story_other_outlet()
    unrelated = of_text("Giá vàng hôm nay", "Giá vàng trong nước tăng mạnh theo thế giới.")
    choice = best_story(b, [Candidate(1, 10, unrelated), Candidate(2, 20, a)])
    assert (choice.story_id, choice.article_id) == (20, 2)
    assert choice.verdict is not None
    assert choice.verdict.same


def test_a_near_copy_beats_a_rewrite_and_the_earlier_article_breaks_ties() -> None:
    a, b = same_story_other_outlet()
    assert best_story(a, [Candidate(5, 50, b), Candidate(3, 30, b)]).story_id == 30
    rewrite = of_text(TITLE, BODY.split("\n\n")[0])  # the lead only: less overlap
    exact = of_text(TITLE, BODY)
    assert best_story(exact, [Candidate(1, 10, rewrite), Candidate(2, 20, exact)]).story_id == 20


def test_an_article_holds_together_with_a_story_when_half_its_reports_score_enough() -> None:
    assert fits([0.9], 1)
    assert fits([0.9, 0.1], 2)  # one of two
    assert not fits([0.9, 0.1, 0.0], 3)  # one of three
    assert fits([0.9, 0.5, 0.0], 3)
    assert not fits([0.9], 3)  # the two reports the candidates missed count as below
    assert fits([0.9] * 16, 500)  # a large story: its best COUNTED reports
    assert not fits([COHERENT - 0.01, 0.9, 0.1], 3)


def test_a_match_with_one_report_of_a_story_the_others_do_not_share_starts_another() -> None:
    new = made_up(range(40), 3000, seed=0)
    match = made_up(range(10, 50), 3000, seed=1000)  # a rewrite (not a copy) of ``new``
    others = [made_up(range(100 + 40 * n, 140 + 40 * n), 3000, seed=2000 * n) for n in (1, 2)]
    rare = Rarity(10_000, {})
    alone = best_story(new, [Candidate(1, 7, match)], rare, {7: {"en": 1}})
    assert alone.story_id == 7
    assert alone.verdict is not None
    assert alone.verdict.reason == "rewrite"
    story = [Candidate(1, 7, match), *(Candidate(n + 1, 7, ev) for n, ev in enumerate(others, 1))]
    apart = best_story(new, story, rare, {7: {"en": 3}})
    assert (apart.story_id, apart.article_id, apart.apart) == (None, 1, "incoherent")
    unseen = {7: {"en": 3}}  # two English reports the candidates missed count as below
    assert best_story(new, [Candidate(1, 7, match)], rare, unseen).story_id is None
    before = {7: {"en": 1, "": 2}}  # so do reports stored before languages were kept
    assert best_story(new, [Candidate(1, 7, match)], rare, before).story_id is None
    other_language = [replace(c, evidence=replace(c.evidence, lang="vi")) for c in story[1:]]
    sizes = {7: {"en": 1, "vi": 2}}
    with_vi = best_story(new, [story[0], *other_language], rare, sizes)
    assert with_vi.story_id == 7  # the story's English reports hold together with it
    stored_before = {7: {"": 3}}  # no language recorded: as before, less the Vietnamese found
    assert best_story(new, [story[0], *other_language], rare, stored_before).story_id == 7
    missed = {7: {"en": 1, "vi": 5}}  # its Vietnamese reports count neither when missed
    assert best_story(new, [Candidate(1, 7, match)], rare, missed).story_id == 7
    copy = replace(new, signature=Signature(new.signature.values, 50))
    assert best_story(new, [Candidate(9, 7, copy), *story[1:]], rare, unseen).story_id == 7


def _plan_in_both_languages() -> tuple[Evidence, Candidate]:
    """An English report of the withdrawal plan, and the Vietnamese report it translates as
    the only candidate of story 7."""
    english = of_text(
        "US and Iraq agree on troop withdrawal plan",
        "Hundreds of troops leave by September 2025 and the rest by the end of 2026, "
        "Farhad Alaaldin, an adviser to Prime Minister Mohammed Shia al-Sudani, said. "
        "About 2,500 US troops are in Iraq and 900 in Syria.",
    )
    return english, Candidate(1, 7, of_text(TITLE, BODY))


def test_a_match_in_the_other_language_must_hold_with_the_story_s_reports_in_its_own() -> None:
    english, vietnamese = _plan_in_both_languages()
    assert best_story(english, [vietnamese], None, {7: {"vi": 1}}).story_id == 7
    unrelated = Candidate(2, 7, made_up(range(40), 3000, seed=0))  # English, nothing shared
    apart = best_story(english, [vietnamese, unrelated], None, {7: {"vi": 1, "en": 1}})
    assert (apart.story_id, apart.article_id, apart.apart) == (None, 1, "incoherent")
    missed = best_story(english, [vietnamese], None, {7: {"vi": 1, "en": 1}})
    assert missed.story_id is None  # an English report the candidates missed counts as below


def test_a_translation_counts_only_the_reports_of_its_match_s_language_the_index_found() -> None:
    """The index finds another language's reports poorly: one it missed says little against
    an article that translates its match (scores ``TRANSLATED``); it counts against any
    other match in another language, as in one language."""
    english, vietnamese = _plan_in_both_languages()
    translated = best_story(english, [vietnamese], None, {7: {"vi": 5}})
    assert translated.verdict is not None
    assert translated.verdict.score >= TRANSLATED
    assert translated.story_id == 7
    assert best_story(english, [vietnamese], None, {7: {"vi": 1, "": 2}}).story_id == 7
    other = Candidate(3, 7, replace(made_up(range(40), 3000, seed=0), lang="vi"))
    below = best_story(
        english, [vietnamese, other, replace(other, article_id=4)], None, {7: {"vi": 5}}
    )
    assert (below.story_id, below.apart) == (None, "incoherent")  # two of three found: below
    found = [("vi", 0.6)]  # a match in another language that is no translation
    assert not holds_together(found, {"vi": 5}, "vi", "en")
    assert holds_together(found, {"vi": 5}, "vi", "en", found_only=True)
    assert not holds_together(found, {"en": 5}, "en", "en", found_only=True)  # one language


def test_a_dated_article_joins_no_story_whose_reports_name_another_day() -> None:
    """Its best match names no day (its day is its publication's), another report of the
    story names the day before: the story is the day before's event, not this one."""
    day = date(2026, 1, 18)
    new = replace(made_up(range(40), 3000, seed=0), published=day, dated=True)
    match = replace(made_up(range(10, 50), 3000, seed=1000), published=day, dated=False)
    named = replace(made_up(range(5, 45), 3000, seed=3000), published=date(2026, 1, 17))
    rare = Rarity(10_000, {})
    sizes = {7: {"en": 2}}
    story = [Candidate(1, 7, match), Candidate(2, 7, replace(named, dated=True))]
    apart = best_story(new, story, rare, sizes)
    assert (apart.story_id, apart.article_id, apart.apart) == (None, 1, "other_day")
    elsewhere = [Candidate(1, 7, match), Candidate(2, 8, replace(named, dated=True))]
    assert best_story(new, elsewhere, rare, {7: {"en": 1}}).story_id == 7  # another story's
    undated = [Candidate(1, 7, match), Candidate(2, 7, replace(named, dated=False))]
    assert best_story(new, undated, rare, sizes).story_id == 7  # the lead names no day
    same_day = [Candidate(1, 7, match), Candidate(2, 7, replace(named, published=day, dated=True))]
    assert best_story(new, same_day, rare, sizes).story_id == 7
    # Hanoi's day of the evening before in Washington: a Vietnamese lead may name the next day
    vietnamese, rewrite = replace(new, lang="vi"), Candidate(1, 7, replace(match, lang="vi"))
    english = Candidate(2, 7, replace(named, dated=True))  # named the day before
    sizes = {7: {"vi": 1, "en": 1}}
    assert best_story(vietnamese, [rewrite, english], rare, sizes).story_id == 7
    after = Candidate(2, 7, replace(english.evidence, published=date(2026, 1, 19)))
    assert best_story(vietnamese, [rewrite, after], rare, sizes).apart == "other_day"
    copy = replace(new, signature=Signature(new.signature.values, 50))
    assert best_story(new, [Candidate(9, 7, copy), *story[1:]], rare, sizes).story_id == 7


def test_no_match_starts_a_story() -> None:
    a, _ = same_story_other_outlet()
    unrelated = of_text("Giá vàng hôm nay", "Giá vàng trong nước tăng mạnh theo thế giới.")
    assert best_story(a, [Candidate(1, 10, unrelated)]).story_id is None
    assert best_story(a, []).story_id is None


def item(n: int, content_hash: str) -> NewArticle:
    return NewArticle(
        feed_id=1,
        guid=f"g-{n}",
        url=None,
        canonical_url=f"https://a.example/{n}",
        content_hash=content_hash,
        title="t",
        summary="s",
        published_at=datetime(2026, 1, 1, tzinfo=UTC),
        relevant=True,
        matched=(),
    )


def test_a_repost_with_another_text_is_an_edited_version_and_the_same_text_is_not() -> None:
    stored = StoredVersion(article_id=9, story_id=4, version=1, content_hash="old", relevant=True)
    same = Decision(item(1, "old"), store=False, alert=False, reason="duplicate_guid")
    edited = Decision(item(1, "new"), store=False, alert=False, reason="duplicate_guid")
    by_url = Decision(replace(item(2, "new"), guid=None), store=False, alert=False,
                      reason="duplicate_url")  # fmt: skip
    new = Decision(item(3, "x"), store=True, alert=True, reason="new")
    current = {("guid", "g-1"): stored, ("url", "https://a.example/2"): stored}
    found = edited_versions([same, edited, edited, by_url, new], current)
    assert [(d.article.guid, s.article_id) for d, s in found] == [("g-1", 9)]


def test_later_reports_edit_the_alert_unless_the_story_never_alerted() -> None:
    assert join_alert(new_story=True, may_alert=True, story_alerted=False) == "story"
    assert join_alert(new_story=False, may_alert=True, story_alerted=True) == "edit"
    assert join_alert(new_story=False, may_alert=True, story_alerted=False) == "story"
    assert join_alert(new_story=True, may_alert=False, story_alerted=False) is None
    assert join_alert(new_story=False, may_alert=False, story_alerted=True) is None


def test_evidence_survives_the_story_table() -> None:
    for text in list(articles().values())[:40]:
        ev = evidence(text.title, text.body, published=text.published, lang=text.lang)
        assert decode(encode(ev)) == ev
        packed = slots(ev)  # little-endian 32-bit slots
        assert struct.unpack(f"<{len(packed) // 4}I", packed) == tuple(
            slot(b, k) for b, k in index_keys(ev)
        )
    undated = of_text("", "", published=None)
    assert decode(encode(undated)) == undated


def test_bytes_of_another_format_or_damaged_are_refused_with_a_value_error() -> None:
    a, _ = same_story_other_outlet()
    data = encode(a)
    tail = data.index(b'{"lang"')
    damaged = (
        b"",
        bytes([99]) + data[1:],  # another format
        data[:tail],  # cut before its tail
        data[:tail] + b'{"anchors":[]}',  # a tail without its language
        data[:tail] + data[tail:].replace(b'"years":[', b'"years":[[0],'),  # a list as a year
        data[:tail] + b"[]",  # a tail that is not an object
    )
    for bad in damaged:
        with pytest.raises(ValueError, match="story evidence"):
            decode(bad)


def test_rows_written_before_passages_were_kept_read_and_older_readers_read_new_rows() -> None:
    ev = of_text(TITLE, BODY, published=date(2024, 9, 7))
    assert ev.passages
    data = encode(ev)
    without = replace(ev, passages=frozenset())
    older = encode(without)  # what was written before passages were kept: no such key
    assert b"passages" not in older
    assert decode(older) == without
    # one format: an instance that does not know the key yet reads the row as before
    assert data[0] == older[0]
    assert data[: len(older) - 1] == older[:-1]  # the key comes last in the tail
    head = struct.Struct("<BiIHH")  # as a format-1 reader unpacks it, whatever encode does
    version, _, _, n_values, n_terms = head.unpack_from(data)
    assert version == 1
    tail = json.loads(data[head.size + 4 * (n_values + n_terms) :])
    assert {
        "lang",
        "anchors",
        "years",
        "troops",
        "deadlines",
        "lead",
        "places",
        "dated",
    } <= tail.keys()


def test_rows_written_before_places_were_kept_read_as_places_not_known() -> None:
    ev = of_text("Mỹ rời căn cứ Ain al-Asad, chuyển quân tới Erbil", BODY, published=None)
    assert ev.places == frozenset({"Ain al-Asad", "Erbil"})
    assert decode(encode(ev)) == ev
    assert decode(encode(replace(ev, places=frozenset()))).places == frozenset()
    older = encode(replace(ev, places=None))  # no such key
    assert b"places" not in older
    assert decode(older).places is None


def test_rows_written_before_named_days_were_kept_read_as_not_known() -> None:
    ev = of_text(TITLE, "The two sides met on Tuesday in Baghdad.", published=date(2024, 9, 7))
    assert ev.dated is True
    assert decode(encode(ev)) == ev
    assert decode(encode(replace(ev, dated=False))).dated is False
    older = encode(replace(ev, dated=None))  # no such key
    assert b"dated" not in older
    assert decode(older).dated is None


def test_an_undated_article_keeps_no_date() -> None:
    assert decode(encode(of_text(TITLE, BODY, published=None))).published is None
    assert decode(encode(of_text(TITLE, BODY, published=date(2024, 9, 7)))).published
