"""What a report brings its story: new figures and milestones make an update, not an edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from storage.story_types import StoryState
from storage.types import NewArticle
from tests.story_texts import made_up, same_story_other_outlet
from watchers.figures.extract import Lang
from watchers.identity.triage import Decision
from watchers.stories.choose import Candidate
from watchers.stories.news import news
from watchers.stories.place import PlaceIntent, place_articles
from watchers.stories.similar import Evidence, Rarity
from watchers.stories.similar.evidence import lead_places
from watchers.stories.similar.lexicon import concept_hash


def test_a_report_with_the_story_s_own_figures_brings_nothing() -> None:
    a, b = same_story_other_outlet()
    assert news(b, [a]) == ()


def test_a_new_troop_count_a_deadline_and_a_milestone_are_news() -> None:
    a, b = same_story_other_outlet()
    story = replace(a, troop_counts=frozenset({("troops/US/Iraq", 2500)}), deadlines=frozenset())
    later = replace(
        b,
        troop_counts=frozenset({("troops/US/Iraq", 2500), ("troops/US/Iraq", 2000)}),
        deadlines=frozenset({("phase1", date(2025, 9, 30))}),
        terms=b.terms | {concept_hash("handover")},
    )
    assert news(later, [replace(story, terms=story.terms - {concept_hash("handover")})]) == (
        "troops:2000",
        "deadline:2025-09-30",
        "milestone:handover",
    )


def test_a_place_where_troops_are_that_no_report_named_is_news() -> None:
    a, b = same_story_other_outlet()
    story = [replace(a, places=frozenset({"Ain al-Asad"}))]

    def brings(*places: str) -> tuple[str, ...]:
        return news(replace(b, places=frozenset(places)), story)

    assert brings("Ain al-Asad") == ()
    assert brings("Ain al-Asad", "Erbil") == ("place:Erbil",)
    assert brings("Kurdistan", "Erbil") == ("place:Erbil", "place:Kurdistan")
    assert brings("Baghdad", "Syria") == ()  # officials speak there; the other theatre


def test_a_place_within_or_around_one_the_story_named_is_not_news() -> None:
    a, b = same_story_other_outlet()
    erbil = replace(b, places=frozenset({"Erbil"}))
    kurdistan = replace(b, places=frozenset({"Kurdistan"}))
    assert news(erbil, [replace(a, places=frozenset({"Kurdistan"}))]) == ()
    assert news(kurdistan, [replace(a, places=frozenset({"Erbil"}))]) == ()


def test_places_are_not_news_while_a_report_stored_before_they_were_kept_is_in_the_story() -> None:
    a, b = same_story_other_outlet()
    new = replace(b, places=frozenset({"Erbil"}))
    known = replace(a, places=frozenset())
    assert news(new, [known]) == ("place:Erbil",)
    assert news(new, [known, replace(a, places=None)]) == ()


def test_the_lead_s_places_are_where_something_happens() -> None:
    lead = ["Washington and Baghdad agree to end the mission", "Some troops will stay in Erbil."]
    assert lead_places(lead) == {"Erbil"}  # Baghdad: a government, not a place
    assert lead_places(["US troops leave a base in Baghdad"]) == {"Baghdad"}
    assert lead_places(['Sudani: "no troops in Kurdistan"', "Iraq and Syria"]) == {"Syria"}
    datelines = ("ERBIL, Kurdistan Region — Biden said", "BAGHDAD (Reuters) - Troops left Erbil")
    assert lead_places(["Biden: combat mission over", datelines[0]]) == frozenset()
    assert lead_places(["Coalition leaves", datelines[1]]) == {"Erbil"}  # after the dateline


def _decision(n: int) -> Decision:
    article = NewArticle(
        feed_id=1,
        guid=f"g-{n}",
        url=None,
        canonical_url=f"https://a.example/{n}",
        content_hash=f"h-{n}",
        title="t",
        summary="s",
        published_at=datetime(2024, 9, 7, tzinfo=UTC),
        relevant=True,
        matched=(),
    )
    return Decision(article, store=True, alert=True, reason="new")


def _joins(stored: Evidence, joining: Evidence) -> tuple[PlaceIntent, list[int]]:
    """``joining`` placed against ``stored``, the one report of story 70, which alerted."""
    placed, edits = place_articles(
        [(0, _decision(1))],
        [joining],
        copies={},
        candidates={0: [Candidate(7, 70, stored)]},
        stories={70: StoryState(True, {})},
    )
    return placed[0], edits


def test_joining_an_alerted_story_with_news_edits_it_and_names_the_news() -> None:
    a, b = same_story_other_outlet()
    stored = replace(a, troop_counts=frozenset())
    placed, edits = _joins(stored, replace(b, troop_counts=frozenset({("troops/US/Iraq", 2000)})))
    assert (placed.story, placed.announces, edits) == (70, False, [70])
    assert placed.news == ("troops:2000",)


def test_joining_with_a_base_none_of_the_story_s_reports_named_is_an_update() -> None:
    a, b = same_story_other_outlet()
    stored = replace(a, places=frozenset({"Ain al-Asad"}))
    placed, edits = _joins(stored, replace(b, places=frozenset({"Ain al-Asad", "Erbil"})))
    assert (placed.story, placed.news, edits) == (70, ("place:Erbil",), [70])


def test_joining_an_alerted_story_with_nothing_new_only_edits_it() -> None:
    a, b = same_story_other_outlet()
    placed, edits = _joins(a, b)
    assert (placed.story, placed.news, edits) == (70, (), [70])


def test_a_report_matching_one_of_a_stored_story_s_three_reports_starts_its_own() -> None:
    new = made_up(range(40), 3000, seed=0)
    match = made_up(range(10, 50), 3000, seed=1000)  # a rewrite of ``new``, not a copy
    rare = Rarity(10_000, {})
    found = {0: [Candidate(7, 70, match)]}

    def placed(size: int) -> PlaceIntent:
        (placement,), _ = place_articles(
            [(0, _decision(1))], [new], copies={}, candidates=found,
            stories={70: StoryState(True, {new.lang: size})}, rarity=rare,
        )  # fmt: skip
        return placement

    assert placed(2).story == 70  # one of two holds together
    alone = placed(3)  # the other two were not even among the candidates
    assert (alone.story, alone.joins, alone.announces) == (None, None, True)


def test_the_batch_counts_its_own_reports_of_a_stored_story_in_their_language() -> None:
    """A copy (same content hash) of the stored story's report joins it earlier in the batch:
    in English it is one more English report the next article must hold together with (one of
    three is not enough); in Vietnamese it leaves the English reports two, of which one is."""
    new = made_up(range(40), 3000, seed=0)
    match = made_up(range(10, 50), 3000, seed=1000)  # a rewrite of ``new``, not a copy
    other = made_up(range(200, 240), 3000, seed=5000)  # a report of the story ``new`` lacks
    rare = Rarity(10_000, {})

    def second(copy_lang: Lang) -> PlaceIntent:
        copy = replace(made_up(range(300, 340), 3000, seed=9000), lang=copy_lang)
        placed, _ = place_articles(
            [(0, _decision(1)), (1, _decision(2))], [copy, new],
            copies={"h-1": 70}, candidates={1: [Candidate(7, 70, match), Candidate(8, 70, other)]},
            stories={70: StoryState(True, {"en": 2})}, rarity=rare,
        )  # fmt: skip
        assert (placed[0].story, placed[0].lang) == (70, copy_lang)
        return placed[1]

    assert second("vi").story == 70
    alone = second("en")
    assert (alone.story, alone.joins, alone.announces) == (None, None, True)
