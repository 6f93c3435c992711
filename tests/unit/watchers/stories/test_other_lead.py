"""Leads that share almost nothing report other events (``verdict.other_lead``), whatever
background the two texts share; and a report whose best match is such a text starts a story
(``choose.best_story``). The texts are the eleventh same-week set's (our own writing): the
Kurdish region's answer to parliament and the prime minister's call on Camp Kasra, published
the same day, share the accord's background paragraphs and no word of their leads."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.story_texts import set_report
from watchers.stories.choose import LEAD_KEPT, Candidate, best_story
from watchers.stories.similar import Evidence
from watchers.stories.similar.features import lead_share
from watchers.stories.similar.verdict import LEAD_APART, other_lead, same_story

DAY = date(2046, 3, 12)


def _report(number: str) -> Evidence:
    return set_report("weekset11", number, DAY)


def test_two_reports_of_one_day_whose_leads_share_nothing_are_other_events() -> None:
    erbil, call = _report("033"), _report("034")
    assert lead_share(erbil, call) < LEAD_APART
    assert other_lead(erbil, call)
    verdict = same_story(call, erbil)
    assert (verdict.same, verdict.reason) == (False, "other_lead")
    assert verdict.score > 0.5  # the model alone would have joined them


def test_a_report_of_the_same_call_still_joins_it() -> None:
    call, other_wire = _report("034"), _report("035")
    assert not other_lead(call, other_wire)
    assert same_story(other_wire, call).same


def test_a_text_without_a_lead_is_never_apart_by_its_lead() -> None:
    erbil, call = _report("033"), _report("034")
    assert not other_lead(replace(erbil, lead=frozenset()), call)


def test_a_report_whose_best_match_reports_another_event_starts_a_story() -> None:
    """Its best match is the Kurdish answer (its lead shares nothing): it does not fall back
    on a weaker match either, but starts its own story."""
    erbil, call = _report("033"), _report("034")
    choice = best_story(call, [Candidate(1, 10, erbil)])
    assert (choice.story_id, choice.article_id, choice.apart) == (None, 1, "other_lead")


def test_a_report_joins_its_own_event_s_story_over_one_whose_lead_shares_nothing() -> None:
    erbil, call, other_wire = _report("033"), _report("034"), _report("035")
    choice = best_story(other_wire, [Candidate(1, 10, erbil), Candidate(2, 20, call)])
    assert (choice.story_id, choice.apart) == (20, None)


def _vetoed_and_kept() -> tuple[Evidence, Evidence, Evidence]:
    """The other wire's report of the call; the call's report given a lead that shares
    nothing with it and more of its passages and names (so it outranks), and the call's
    first paragraph whose lead it shares a quarter of (accepted, at a lower score)."""
    new, call = _report("035"), _report("034")
    first = set_report("weekset11", "034", DAY, paragraphs=1)
    shared = sorted(new.lead & first.lead)[:8]
    kept = replace(first, lead=frozenset(shared) | frozenset(range(-30, -30 + len(first.lead) - 8)))
    vetoed = replace(
        call,
        lead=frozenset({-1, -2, -3}),
        passages=call.passages | new.passages,
        anchors=call.anchors | new.anchors,
    )
    return new, vetoed, kept


def test_when_the_best_match_reports_another_event_a_match_that_shares_the_lead_wins() -> None:
    """The best match's lead shares nothing; another match that the article's lead shares
    ``LEAD_KEPT`` of is joined, in the same story or another; none: a story of its own."""
    new, vetoed, kept = _vetoed_and_kept()
    assert same_story(new, vetoed).reason == "other_lead"
    assert same_story(new, vetoed).score > same_story(new, kept).score
    assert lead_share(new, kept) >= LEAD_KEPT
    choice = best_story(new, [Candidate(1, 7, vetoed), Candidate(2, 7, kept)])
    assert (choice.story_id, choice.article_id, choice.apart) == (7, 2, None)
    other = best_story(new, [Candidate(1, 7, vetoed), Candidate(2, 8, kept)])
    assert (other.story_id, other.article_id, other.apart) == (8, 2, None)
    alone = best_story(new, [Candidate(1, 7, vetoed)])
    assert (alone.story_id, alone.apart) == (None, "other_lead")
