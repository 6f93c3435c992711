"""Within a language, the figures a new article restates from a report of an earlier day are
the standing figures of the moment, not evidence of one event (``choose._without_standing``).
The texts are the fifteenth same-week set's (our own writing): on Tuesday Iraq and the US
agree to leave Baghdad by June 2062 and cut the force to 2,000; on Wednesday the Senate votes
a 2,500 floor, and a party calls the agreement "a start" — both restating Tuesday's figures."""

from __future__ import annotations

from datetime import date

from tests.story_texts import set_report
from watchers.stories.choose import Candidate, _without_standing, best_story
from watchers.stories.similar import Evidence, evidence
from watchers.stories.similar.verdict import same_story

TUESDAY, WEDNESDAY = date(2061, 10, 11), date(2061, 10, 12)


def test_the_figures_of_yesterday_s_agreement_join_no_two_events_of_today() -> None:
    senate = set_report("weekset15", "023", WEDNESDAY)
    reaction = set_report("weekset15", "009", WEDNESDAY)
    agreed = set_report("weekset15", "028", TUESDAY)
    assert senate.dated  # its lead names Wednesday
    assert senate.troop_counts & agreed.troop_counts
    # with Tuesday's report among the candidates, its figures are the moment's background
    candidates = [Candidate(1, 19, reaction), Candidate(2, 17, agreed)]
    own = _without_standing(senate, candidates)
    assert not own.troop_counts & agreed.troop_counts
    # ... which the pair no longer shares (alone, they are most of what it shares)
    assert same_story(own, reaction).score < same_story(senate, reaction).score - 0.2
    assert best_story(senate, candidates).story_id is None


def test_reports_of_one_day_still_agree_on_its_figures() -> None:
    """Two wires on Tuesday's agreement: nothing was reported before their day."""
    agreed = set_report("weekset15", "028", TUESDAY)
    other_wire = set_report("weekset15", "034", TUESDAY)
    assert agreed.deadlines & other_wire.deadlines
    assert best_story(other_wire, [Candidate(2, 17, agreed)]).story_id == 17


ACCORD = (
    "Under the accord signed in January, US forces must leave Baghdad and federal Iraq by 30 "
    "September 2026 and the Kurdistan region by the end of September 2027."
)
HISTORY = (
    "The coalition was formed in 2014 to fight Islamic State, which at its height controlled a "
    "third of Iraq. US troops left in 2011 and returned three years later at Baghdad's invitation."
)


def _report(title: str, lead: str, day: int, *rest: str) -> Evidence:
    return evidence(title, "\n".join((lead, *rest)), published=date(2026, 3, day))


def test_an_outlet_s_own_paragraphs_under_a_new_lead_are_no_copy_of_its_earlier_report() -> None:
    """Tuesday's report at 2,900 and Thursday's at 2,500 share their paragraphs: the figure
    they disagree on keeps the near copy's bar high, though Wednesday already told the 2,500."""
    tuesday = _report(
        "US force in Iraq at 2,900 as Ain al-Asad handover nears",
        "BAGHDAD - About 2,900 US troops are in Iraq, the coalition said on Tuesday, as "
        "preparations continue to hand Ain al-Asad air base in Anbar province to the Iraqi army.",
        10, ACCORD, HISTORY,
    )  # fmt: skip
    wednesday = _report(
        "US hands Ain al-Asad to Iraqi army, force falls to 2,500",
        "AIN AL-ASAD, Iraq - US forces handed Ain al-Asad air base to the Iraqi army on "
        "Wednesday, and about 400 troops left the country, bringing the US force in Iraq down to "
        "about 2,500, the coalition said.",
        11, "Iraqi officers raised their flag over the runway in a short ceremony.",
    )  # fmt: skip
    thursday = _report(
        "US force in Iraq at 2,500 as Iraqi army takes over Ain al-Asad",
        "BAGHDAD - About 2,500 US troops are in Iraq, the coalition said on Thursday, as the "
        "Iraqi army takes over Ain al-Asad air base in Anbar province.",
        12, ACCORD, HISTORY,
    )  # fmt: skip
    choice = best_story(thursday, [Candidate(1, 1, tuesday), Candidate(2, 2, wednesday)])
    assert choice.story_id is None


def test_a_report_in_another_language_leaves_the_figures_weighed() -> None:
    """Only reports in the article's own language dated before it make its figures standing."""
    senate = set_report("weekset15", "023", WEDNESDAY)
    reaction = set_report("weekset15", "009", WEDNESDAY)
    agreed_vi = set_report("weekset15", "054", TUESDAY)
    assert agreed_vi.lang == "vi"
    assert senate.troop_counts & agreed_vi.troop_counts
    assert _without_standing(senate, [Candidate(1, 19, reaction), Candidate(2, 17, agreed_vi)]) == (
        senate
    )
