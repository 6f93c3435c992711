"""Passages an article shares with the candidates of two stories or more are background
(``choose.BACKGROUND``): an outlet's paragraph on the accord and the standing numbers, told
again in its reports of other events, is no evidence of one event. The texts are the twelfth
same-week set's (our own writing): Italy's end of its training mission, and Baghdad's welcome
of the Pentagon's cut and a report on the January rotation, all of one day, share it. (Italy's
report names Italy in its title and the others never do: that alone keeps them apart now,
``verdict.other_partner``; the rule of background is measured here without it.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.story_texts import set_report
from watchers.stories.choose import Candidate, best_story
from watchers.stories.similar import Evidence
from watchers.stories.similar.verdict import same_story

DAY = date(2048, 11, 10)


def _report(number: str) -> Evidence:
    return replace(set_report("weekset12", number, DAY), partners=None, head_partners=None)


def test_a_members_own_report_is_apart_from_the_others() -> None:
    italy, welcome = (set_report("weekset12", n, DAY) for n in ("009", "024"))
    assert same_story(italy, welcome).reason == "other_partner"
    assert best_story(italy, [Candidate(1, 10, welcome)]).story_id is None


def test_background_shared_with_two_stories_does_not_join_either() -> None:
    italy, welcome, rotation = _report("009"), _report("024"), _report("021")
    shared = italy.passages & welcome.passages
    assert shared & rotation.passages  # the same background paragraph in a third report
    assert same_story(italy, welcome).same  # alone, the pair is joined on it
    assert best_story(italy, [Candidate(1, 10, welcome)]).story_id == 10
    apart = best_story(italy, [Candidate(1, 10, welcome), Candidate(2, 20, rotation)])
    assert apart.story_id is None


def test_passages_shared_with_one_story_still_count() -> None:
    """Two reports of that story share the paragraph: it is theirs, not background."""
    italy, welcome = _report("009"), _report("024")
    choice = best_story(italy, [Candidate(1, 10, welcome), Candidate(2, 10, welcome)])
    assert choice.story_id == 10
