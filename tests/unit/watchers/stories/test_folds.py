"""Folded stories: an article that joins one story and all but surely matches a report of
another in its own language bridges the two (``choose._folds``, ``place._fold``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from storage.story_types import StoryState
from tests.integration.storage.test_stories import article
from tests.story_texts import made_up
from watchers.analyze import Analysis, _earliest
from watchers.identity.triage import Decision
from watchers.stories.choose import FOLDED, Candidate, best_story
from watchers.stories.place import place_articles
from watchers.stories.similar import Rarity, Signature, same_story

RARE = Rarity(10_000, {})


def _new_and_copy() -> tuple[Candidate, Candidate, Candidate]:
    """An article, and a near copy of it in each of two stories (7 and 8)."""
    new = made_up(range(40), 3000, seed=0)
    copy = replace(new, signature=Signature(new.signature.values, 50))
    return Candidate(0, 0, new), Candidate(1, 7, copy), Candidate(2, 8, copy)


def test_an_article_that_joins_a_story_folds_in_another_it_matches_as_surely() -> None:
    new, first, second = _new_and_copy()
    choice = best_story(new.evidence, [first, second], RARE, {7: {"en": 1}, 8: {"en": 1}})
    assert (choice.story_id, choice.folds) == (7, (8,))


def test_a_weaker_match_or_one_in_another_language_folds_nothing() -> None:
    new, first, second = _new_and_copy()
    rewrite = made_up(range(10, 50), 3000, seed=1000)
    verdict = same_story(new.evidence, rewrite, RARE)
    assert verdict.same
    assert verdict.score < FOLDED  # a rewrite the model accepts, not all but sure
    sizes = {7: {"en": 1}, 8: {"en": 1}}
    weaker = best_story(new.evidence, [first, Candidate(2, 8, rewrite)], RARE, sizes)
    assert (weaker.story_id, weaker.folds) == (7, ())
    vietnamese = Candidate(2, 8, replace(second.evidence, lang="vi"))
    across = best_story(new.evidence, [first, vietnamese], RARE, {7: {"en": 1}, 8: {"vi": 1}})
    assert (across.story_id, across.folds) == (7, ())


def test_a_story_the_article_is_apart_from_is_not_folded() -> None:
    """The other story has a report naming another day: the article would not have joined
    it, so it does not fold it either."""
    day = date(2026, 1, 18)
    new, first, second = _new_and_copy()
    dated = replace(new.evidence, published=day, dated=True)
    first = replace(first, evidence=replace(first.evidence, published=day, dated=True))
    second = replace(second, evidence=replace(second.evidence, published=day, dated=True))
    before = made_up(range(5, 45), 3000, seed=3000)
    named = Candidate(3, 8, replace(before, published=date(2026, 1, 17), dated=True))
    sizes = {7: {"en": 1}, 8: {"en": 2}}
    choice = best_story(dated, [first, second, named], RARE, sizes)
    assert (choice.story_id, choice.folds) == (7, ())
    together = best_story(dated, [first, second], RARE, {7: {"en": 1}, 8: {"en": 1}})
    assert together.folds == (8,)


def test_the_batch_s_later_articles_see_the_folded_stories_as_one() -> None:
    """The first article of a batch folds story 8 into 7; the second, a copy of a report of
    story 8, joins 7, and the story's alert is edited once."""
    new, first, second = _new_and_copy()
    kept = [
        (0, Decision(article(1, 0), True, True, "new")),
        (1, Decision(article(1, 1), True, True, "new")),
    ]
    states = {7: StoryState(True, {"en": 1}), 8: StoryState(True, {"en": 1})}
    placements, edits = place_articles(
        kept,
        [new.evidence, second.evidence],
        copies={},
        candidates={0: [first, second], 1: [second]},
        stories=states,
        rarity=RARE,
    )
    assert [(p.story, p.folds) for p in placements] == [(7, (8,)), (7, ())]
    assert edits == [7]
    alone = place_articles(
        kept[:1], [new.evidence], copies={}, candidates={0: [first]}, stories=states, rarity=RARE
    )[0]
    assert [(p.story, p.folds) for p in alone] == [(7, ())]


def test_analyze_names_the_earliest_file_of_each_story_as_they_stand_at_the_end() -> None:
    """A file whose story was folded into a later one's is a duplicate of the earliest file
    of the two; a file no story holds keeps what it had (a URL seen before)."""
    results = [Analysis({"path": p, "duplicate_of": None}, ()) for p in "abcd"]
    results[3].result["duplicate_of"] = "a"  # a repost of a's link: not stored
    apart = {"a": 7, "b": 8}  # b started a story of its own
    assert [r.result["duplicate_of"] for r in _earliest(results[:2], apart)] == [None, None]
    story_of = {"a": 7, "b": 7, "c": 7}  # c joined 7 and folded b's story 8 into it
    assert [r.result["duplicate_of"] for r in _earliest(results, story_of)] == [None, "a", "a", "a"]
    story_of = {"a": 8, "b": 8, "c": 8}  # or joined 8 and folded a's story 7 into it
    assert [r.result["duplicate_of"] for r in _earliest(results, story_of)][:3] == [None, "a", "a"]
