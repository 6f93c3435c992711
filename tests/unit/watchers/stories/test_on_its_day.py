"""A translation dated by its own day whose best match in its own language is another day's
event joins the story of its original (``choose._on_its_day``): the seventeenth same-week
set's (our own writing) Vietnamese translation of the Pentagon's 1,900 target, which reads
most like the Vietnamese reports of the week before's handover, and the wire it translates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

from tests.story_texts import set_report
from watchers.analyze import load_documents
from watchers.stories.choose import Candidate, best_story
from watchers.stories.similar import Evidence

_SET = Path(__file__).resolve().parents[4] / "tests" / "data" / "weekset17"


@cache
def _published() -> dict[str, date]:
    """Each report's day, as the set's manifest gives it."""
    documents = load_documents([], str(_SET / "manifest.jsonl"))
    return {Path(d.path).stem: d.published for d in documents if d.published}


def _report(number: str) -> Evidence:
    return set_report("weekset17", number, _published()[number])


def _handover() -> list[Candidate]:
    """Two Vietnamese reports of the handover, one naming its day (6 October)."""
    return [Candidate(52, 1, _report("052")), Candidate(44, 1, _report("044"))]


def test_a_translation_joins_its_original_when_its_own_language_names_another_day() -> None:
    translation, wire = _report("030"), _report("051")
    assert translation.dated
    assert wire.dated
    assert translation.published == wire.published
    alone = best_story(translation, _handover())
    assert (alone.story_id, alone.apart) == (None, "other_day")
    choice = best_story(translation, [*_handover(), Candidate(51, 2, wire)])
    assert (choice.story_id, choice.article_id, choice.apart, choice.passed) == (
        2, 51, None, "other_day",
    )  # fmt: skip
    assert choice.verdict is not None
    assert choice.verdict.reason == "other_language"


def test_only_a_story_that_names_its_day_and_a_translation_are_joined() -> None:
    translation, wire = _report("030"), _report("051")
    undated = best_story(translation, [*_handover(), Candidate(51, 2, replace(wire, dated=False))])
    assert (undated.story_id, undated.apart) == (None, "other_day")
    # a report of the day before's event in the other language, which the model scores as a
    # translation (0.93): its story is not joined
    drone = _report("011")
    other = best_story(translation, [*_handover(), Candidate(11, 3, drone)])
    assert other.story_id is None


def test_a_story_with_a_report_of_its_very_day_is_its_own_and_none_other_is_joined() -> None:
    """When the story kept apart has a report of the article's day, the article's event is
    more likely that story (kept apart by another of its reports, dated by Hanoi's next day):
    no story in the other language is joined instead."""
    translation, wire = _report("030"), _report("051")
    same_day = replace(_report("052"), published=translation.published, dated=True)
    reports = [*_handover(), Candidate(53, 1, same_day)]
    choice = best_story(translation, [*reports, Candidate(51, 2, wire)])
    assert (choice.story_id, choice.apart, choice.passed) == (None, "other_day", None)
