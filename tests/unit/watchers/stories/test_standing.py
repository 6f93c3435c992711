"""Within a language, the figures a new article restates from a report of an earlier day are
the standing figures of the moment, not evidence of one event (``choose._without_standing``).
The texts are the fifteenth same-week set's (our own writing): on Tuesday Iraq and the US
agree to leave Baghdad by June 2062 and cut the force to 2,000; on Wednesday the Senate votes
a 2,500 floor, and a party calls the agreement "a start" — both restating Tuesday's figures."""

from __future__ import annotations

from datetime import date

from tests.story_texts import set_report
from watchers.stories.choose import Candidate, best_story
from watchers.stories.similar.verdict import same_story

TUESDAY, WEDNESDAY = date(2061, 10, 11), date(2061, 10, 12)


def test_the_figures_of_yesterday_s_agreement_join_no_two_events_of_today() -> None:
    senate = set_report("weekset15", "023", WEDNESDAY)
    reaction = set_report("weekset15", "009", WEDNESDAY)
    agreed = set_report("weekset15", "028", TUESDAY)
    assert senate.dated  # its lead names Wednesday
    assert senate.troop_counts & agreed.troop_counts
    assert same_story(senate, reaction).same  # alone, the pair is joined on those figures
    assert best_story(senate, [Candidate(1, 19, reaction)]).story_id == 19
    # with Tuesday's report among the candidates, its figures are the moment's background
    apart = best_story(senate, [Candidate(1, 19, reaction), Candidate(2, 17, agreed)])
    assert apart.story_id is None


def test_reports_of_one_day_still_agree_on_its_figures() -> None:
    """Two wires on Tuesday's agreement: nothing was reported before their day."""
    agreed = set_report("weekset15", "028", TUESDAY)
    other_wire = set_report("weekset15", "034", TUESDAY)
    assert agreed.deadlines & other_wire.deadlines
    assert best_story(other_wire, [Candidate(2, 17, agreed)]).story_id == 17
