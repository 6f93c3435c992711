"""The figure decider: new, confirmed, changed, conflict and stale, and deadline families."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from storage.ledger_types import FigureEntry
from watchers.figures import DEADLINE_KINDS, PLACES, Deadline, Figures, Reached, TroopCount
from watchers.figures.dates import Precision
from watchers.figures.judge import FigureDecision, decide_figures, family_keys, reading
from watchers.figures.model import TroopStatus

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)


def troops(
    value: int, *, approx: bool = False, status: TroopStatus = "current", firm: bool = False
) -> TroopCount:
    quote = f"{value} US troops in Iraq"
    return TroopCount("US", "Iraq", status, value, approx, quote, firm=firm)


def deadline(
    when: str, precision: Precision, what: str = "coalition leaves Iraq", *, firm: bool = False
) -> Deadline:
    return Deadline(what, when, precision, f"{what} by {when}", firm)


@dataclass
class Ledger:
    """An in-memory ledger: each article is judged, then its reports are recorded."""

    timelines: dict[str, list[FigureEntry]] = field(default_factory=dict)
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def report(
        self,
        *figures: TroopCount | Deadline | Reached,
        at: datetime,
        outlet: str = "VnExpress",
        source: str | None = None,
        lead: str | None = None,
    ) -> list[FigureDecision]:
        article = Figures(
            tuple(f for f in figures if isinstance(f, TroopCount)),
            tuple(f for f in figures if isinstance(f, Deadline)),
            tuple(f for f in figures if isinstance(f, Reached)),
        )
        decisions = decide_figures(
            {k: tuple(v) for k, v in self.timelines.items()},
            article,
            published=at,
            day=at.date(),
            outlet=outlet,
            now=NOW,
            source=source,
            lead=lead,
        )
        for d in decisions:
            new = d.entry(article_id=None, outlet=outlet, source=source, url=None, published=at)
            entry = new.recorded(next(self.ids), NOW)
            timeline = self.timelines.setdefault(d.key, [])
            timeline.append(entry)
            timeline.sort(key=lambda e: (e.published_at, e.id))
        return decisions


def kinds(decisions: Sequence[FigureDecision]) -> list[str]:
    return [d.kind for d in decisions]


# --- one key ------------------------------------------------------------------------------


def test_the_first_report_of_a_figure_is_new_and_does_not_alert() -> None:
    (decision,) = Ledger().report(troops(2500), at=NOW)
    assert (decision.kind, decision.previous, decision.sources, decision.alerts) == (
        "new",
        None,
        1,
        False,
    )


def test_the_same_value_from_another_outlet_is_confirmed_and_counts_one_more_source() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - 30 * DAY, outlet="VnExpress")
    (decision,) = ledger.report(troops(2500, approx=True), at=NOW, outlet="Tuổi Trẻ")
    assert (decision.kind, decision.sources, decision.alerts) == ("confirmed", 2, False)


def test_one_wire_story_retold_by_two_outlets_is_one_source() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - DAY, outlet="VnExpress", source="Reuters")
    (decision,) = ledger.report(troops(2500), at=NOW, outlet="Tuổi Trẻ", source="Reuters")
    assert (decision.kind, decision.sources) == ("confirmed", 1)


def test_a_more_precise_restatement_of_a_deadline_is_not_a_change() -> None:
    ledger = Ledger()
    ledger.report(deadline("2021", "year-end"), at=NOW - 60 * DAY)
    (decision,) = ledger.report(deadline("2021-12-31", "day"), at=NOW, outlet="Dân trí")
    assert decision.kind == "confirmed"


def test_a_newer_report_with_another_value_is_a_change_from_the_current_one() -> None:
    ledger = Ledger()
    ledger.report(deadline("2026-09", "month", "coalition leaves Erbil"), at=NOW - 50 * DAY)
    (decision,) = ledger.report(
        deadline("2026", "year-end", "coalition leaves Erbil", firm=True), at=NOW, source="Reuters"
    )
    assert (decision.kind, decision.alerts) == ("changed", True)
    assert decision.previous is not None
    assert (decision.previous.value, decision.previous.precision) == ("2026-09", "month")
    assert (decision.value, decision.level) == ("2026", "2026-12-31")


def test_an_outlet_correcting_itself_within_days_is_a_change_not_a_conflict() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - DAY, outlet="VnExpress")
    assert kinds(ledger.report(troops(3000, firm=True), at=NOW, outlet="VnExpress")) == ["changed"]


def test_two_outlets_disagreeing_within_days_is_a_conflict() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - 2 * DAY, outlet="VnExpress")
    (decision,) = ledger.report(troops(3000, firm=True), at=NOW, outlet="Tuổi Trẻ")
    assert (decision.kind, decision.alerts) == ("conflict", True)
    assert decision.previous is not None
    assert decision.previous.outlet == "VnExpress"


def test_a_disagreeing_report_read_late_is_still_a_conflict() -> None:
    ledger = Ledger()
    ledger.report(troops(3000), at=NOW, outlet="Tuổi Trẻ")
    late = ledger.report(troops(2500, firm=True), at=NOW - DAY, outlet="VnExpress")
    assert kinds(late) == ["conflict"]


def test_an_older_article_with_another_value_is_stale_and_does_not_alert() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW, outlet="VnExpress")
    (decision,) = ledger.report(troops(5200), at=NOW - 400 * DAY, outlet="Dân trí")
    assert (decision.kind, decision.alerts) == ("stale", False)
    assert [e.value for e in ledger.timelines["troops/US/Iraq"]] == ["5200", "2500"]


def test_an_older_article_with_the_current_value_still_confirms_it() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW, outlet="VnExpress")
    assert kinds(ledger.report(troops(2500), at=NOW - 400 * DAY, outlet="Dân trí")) == ["confirmed"]


def test_a_planned_level_is_not_a_change_of_the_current_count() -> None:
    ledger = Ledger()
    ledger.report(troops(5200), at=NOW - 10 * DAY)
    assert kinds(ledger.report(troops(3000, status="planned"), at=NOW)) == ["new"]


def test_past_counts_are_points_of_history_never_changes() -> None:
    ledger = Ledger()
    ledger.report(troops(5200, status="past"), at=NOW - 10 * DAY)
    assert kinds(ledger.report(troops(150_000, status="past"), at=NOW)) == ["new"]


def test_an_article_has_one_value_per_figure_the_first_it_states() -> None:
    decisions = Ledger().report(
        deadline("2025-09", "month"), deadline("2026", "year-end"), troops(2500), at=NOW
    )
    assert [(d.key, d.value) for d in decisions] == [
        ("troops/US/Iraq", "2500"),
        ("deadline/coalition leaves Iraq", "2025-09"),
    ]


def test_a_publication_time_in_the_future_counts_as_now() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW + 5 * DAY, outlet="VnExpress")
    assert ledger.timelines["troops/US/Iraq"][0].published_at == NOW + 5 * DAY  # as given
    (decision,) = ledger.report(troops(3000), at=NOW + 2 * DAY, outlet="VnExpress")
    assert decision.kind == "stale"  # NOW + 2 days was taken as NOW


# --- deadline families --------------------------------------------------------------------

COMBAT = "US combat mission ends in Iraq"


def test_a_new_deadline_replacing_its_familys_passed_one_is_a_change() -> None:
    """End of 2021 (combat mission) -> September 2025 and end of 2026 (coalition leaves)."""
    ledger = Ledger()
    ledger.report(deadline("2021", "year-end", COMBAT), at=datetime(2021, 7, 27, tzinfo=UTC))
    decisions = ledger.report(
        deadline("2025-09", "month", "first coalition troops leave Iraq"),
        deadline("2026", "year-end", "coalition leaves Iraq"),
        deadline("2026", "year-end", "coalition leaves Erbil"),
        at=datetime(2024, 9, 7, tzinfo=UTC),
    )
    assert [(d.key, d.kind) for d in decisions] == [
        ("deadline/first coalition troops leave Iraq", "changed"),
        ("deadline/coalition leaves Iraq", "changed"),
        ("deadline/coalition leaves Erbil", "new"),
    ]
    assert all(d.previous and d.previous.key == f"deadline/{COMBAT}" for d in decisions[:2])


def test_a_new_deadline_beside_one_still_ahead_is_another_milestone() -> None:
    ledger = Ledger()
    ledger.report(deadline("2026", "year-end"), at=datetime(2024, 9, 7, tzinfo=UTC))
    decisions = ledger.report(
        deadline("2025-09", "month", "coalition mission ends in Iraq"),
        at=datetime(2024, 9, 28, tzinfo=UTC),
    )
    assert kinds(decisions) == ["new"]


def test_a_first_departure_never_stands_for_its_family() -> None:
    ledger = Ledger()
    ledger.report(
        deadline("2025-09", "month", "first coalition troops leave Iraq"),
        at=datetime(2024, 9, 7, tzinfo=UTC),
    )
    decisions = ledger.report(deadline("2027", "year-end"), at=datetime(2026, 1, 5, tzinfo=UTC))
    assert kinds(decisions) == ["new"]


def test_an_article_older_than_its_familys_deadline_is_not_a_change() -> None:
    ledger = Ledger()
    ledger.report(deadline("2021", "year-end", COMBAT), at=datetime(2024, 9, 7, tzinfo=UTC))
    decisions = ledger.report(deadline("2026", "year-end"), at=datetime(2024, 1, 5, tzinfo=UTC))
    assert kinds(decisions) == ["new"]


def test_the_same_date_under_a_new_key_of_the_family_is_not_a_change() -> None:
    ledger = Ledger()
    ledger.report(deadline("2021", "year-end", COMBAT), at=datetime(2021, 7, 27, tzinfo=UTC))
    decisions = ledger.report(
        deadline("2021-12-31", "day", "coalition leaves Iraq"),
        at=datetime(2021, 12, 5, tzinfo=UTC),
    )
    assert kinds(decisions) == ["new"]


def test_every_deadline_is_judged_with_every_deadline_key_and_a_count_with_its_plan() -> None:
    for kind, place in itertools.product(DEADLINE_KINDS, PLACES):
        if "<place>" not in kind:
            place = kind.rsplit(" ", 1)[-1]  # "US combat mission ends in Iraq"
        key = "deadline/" + kind.replace("<place>", place)
        family = family_keys(key)
        assert family[0] == key
        assert f"deadline/coalition leaves {place}" in family
    count = "troops/US/Iraq"
    assert family_keys(count) == (count, f"{count}/planned", f"{count}/past")
    assert family_keys("troops/US/Iraq/planned") == ("troops/US/Iraq/planned",)


def test_reading_gives_value_precision_and_level() -> None:
    assert reading(troops(2500, approx=True)) == ("2500", "approx", "2500")
    assert reading(deadline("2025-09", "month")) == ("2025-09", "month", "2025-09-30")


# --- the ledger's rules: stale, repeats, unconfirmed, milestones ----------------------------


def test_a_restatement_of_a_superseded_value_is_stale() -> None:
    """ "about 2,500" repeated by wire copy after a cut to fewer than 2,000 gives nothing."""
    ledger = Ledger()
    ledger.report(troops(2500, approx=True), at=NOW - 90 * DAY, outlet="Reuters")
    ledger.report(troops(2000, firm=True), at=NOW - 30 * DAY, outlet="AP")
    (decision,) = ledger.report(troops(2500, approx=True), at=NOW, outlet="Dân trí")
    assert (decision.kind, decision.alerts) == ("stale", False)


def test_a_hedged_count_within_a_tenth_of_the_current_one_confirms_it() -> None:
    ledger = Ledger()
    ledger.report(troops(5200, approx=True), at=NOW - 5 * DAY, outlet="AP")
    (decision,) = ledger.report(troops(5400, firm=True), at=NOW, outlet="Reuters")
    assert decision.kind == "confirmed"


def test_a_report_repeating_an_alerted_change_confirms_it() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - 90 * DAY, outlet="Reuters")
    assert kinds(ledger.report(troops(2000, firm=True), at=NOW - 30 * DAY, outlet="AP")) == [
        "changed"
    ]
    assert kinds(ledger.report(troops(2000), at=NOW, outlet="VnExpress")) == ["confirmed"]


def test_a_lone_unbacked_contradiction_is_unconfirmed_until_a_second_source() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - 90 * DAY, outlet="Reuters")
    (lone,) = ledger.report(troops(2000), at=NOW - 20 * DAY, outlet="VnExpress")
    assert (lone.kind, lone.alerts) == ("unconfirmed", False)
    (same_outlet,) = ledger.report(troops(2000), at=NOW - 10 * DAY, outlet="VnExpress")
    assert same_outlet.kind == "unconfirmed"  # one outlet twice is still one source
    (second,) = ledger.report(troops(2000), at=NOW, outlet="AP")
    assert (second.kind, second.alerts) == ("changed", True)
    assert second.previous is not None
    assert second.previous.value == "2500"


def test_an_official_or_change_language_backs_a_lone_report() -> None:
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - 90 * DAY, outlet="Reuters")
    assert kinds(ledger.report(troops(2000, firm=True), at=NOW, outlet="VnExpress")) == ["changed"]


def test_a_current_level_reaching_an_announced_plan_is_backed() -> None:
    ledger = Ledger()
    ledger.report(troops(5200), at=NOW - 90 * DAY, outlet="AP")
    ledger.report(troops(3000, status="planned", firm=True), at=NOW - 80 * DAY, outlet="AP")
    assert kinds(ledger.report(troops(3000), at=NOW, outlet="VnExpress")) == ["changed"]


def test_the_two_phases_are_separate_milestones() -> None:
    """Phase 1 (Baghdad, September 2025) never "conflicts" with phase 2 (Erbil, 2026)."""
    ledger = Ledger()
    then = datetime(2024, 9, 28, tzinfo=UTC)
    ledger.report(deadline("2025-09", "month", "coalition leaves Baghdad"), at=then - DAY)
    decisions = ledger.report(
        deadline("2026-09", "month", "coalition leaves Erbil", firm=True), at=then, outlet="AP"
    )
    assert kinds(decisions) == ["new"]


def test_two_wordings_of_one_milestone_agree() -> None:
    """ "the mission in federal Iraq ends" and "troops leave Ain al-Asad" are phase 1."""
    ledger = Ledger()
    ledger.report(deadline("2025-09", "month", "coalition mission ends in Iraq"), at=NOW - 9 * DAY)
    decisions = ledger.report(
        deadline("2025-09", "month", "coalition leaves Ain al-Asad"), at=NOW, outlet="AP"
    )
    assert kinds(decisions) == ["confirmed"]


def test_a_milestone_date_told_once_under_another_wording_is_no_new_alert() -> None:
    ledger = Ledger()
    ledger.report(deadline("2021", "year-end", COMBAT), at=datetime(2021, 7, 27, tzinfo=UTC))
    late = datetime(2024, 9, 6, tzinfo=UTC)
    first = ledger.report(
        deadline("2025-09", "month", "first coalition troops leave Iraq"), at=late
    )
    assert kinds(first) == ["changed"]  # the 2021 timetable was replaced
    again = ledger.report(
        deadline("2025-09", "month", "coalition leaves Ain al-Asad"), at=late + DAY, outlet="AP"
    )
    assert kinds(again) == ["confirmed"]


def test_a_step_done_is_reached_once_with_the_deadline_it_fulfils() -> None:
    """ "US forces have left Ain al-Asad (17 Jan 2026; the deadline was September 2025)"."""
    ledger = Ledger()
    ledger.report(
        deadline("2025-09", "month", "coalition leaves Ain al-Asad"),
        at=datetime(2024, 9, 28, tzinfo=UTC),
    )
    step = Reached("coalition leaves Ain al-Asad", "2026-01-17", "day", "US forces have left")
    (first,) = ledger.report(step, at=NOW, outlet="Reuters")
    assert (first.key, first.kind, first.alerts) == (
        "reached/coalition leaves Ain al-Asad",
        "reached",
        True,
    )
    assert first.previous is not None
    assert (first.previous.key, first.previous.value) == (
        "deadline/coalition leaves Ain al-Asad",
        "2025-09",
    )
    (again,) = ledger.report(step, at=NOW + DAY, outlet="VnExpress")
    assert (again.kind, again.alerts) == ("confirmed", False)
    deadlines = ledger.timelines["deadline/coalition leaves Ain al-Asad"]
    assert [e.kind for e in deadlines] == ["new"]  # the deadline did not "change"


def test_a_step_done_without_a_known_deadline_is_still_reached() -> None:
    step = Reached("coalition leaves Erbil", "2026-09-30", "day", "forces have left Erbil")
    (decision,) = Ledger().report(step, at=NOW)
    assert (decision.kind, decision.previous) == ("reached", None)


def test_a_deadline_already_past_when_reported_never_alerts() -> None:
    """ "The mission was to end by September 2025", said in 2026: history, not a new plan."""
    ledger = Ledger()
    ledger.report(deadline("2021", "year-end", COMBAT), at=datetime(2021, 7, 27, tzinfo=UTC))
    passed = deadline("2025-09", "month", "coalition mission ends in Iraq")
    assert kinds(ledger.report(passed, at=NOW)) == ["new"]
    ledger = Ledger()
    ledger.report(deadline("2026-09", "month", "coalition leaves Erbil"), at=NOW - 400 * DAY)
    moved_into_the_past = deadline("2025-12", "month", "coalition leaves Erbil", firm=True)
    assert kinds(ledger.report(moved_into_the_past, at=NOW)) == ["stale"]


def test_a_date_another_milestone_holds_is_not_a_change_of_this_one() -> None:
    """ "The coalition's mission ... scheduled to end by September 2026" is the second phase's
    date, not the first phase moved."""
    ledger = Ledger()
    then = datetime(2024, 9, 28, tzinfo=UTC)
    ledger.report(deadline("2025-09", "month", "coalition mission ends in Iraq"), at=then)
    ledger.report(deadline("2026-09", "month", "coalition leaves Erbil"), at=then + DAY)
    mixed = deadline("2026-09", "month", "coalition mission ends in Iraq", firm=True)
    (decision,) = ledger.report(mixed, at=then + 30 * DAY, outlet="AP")
    assert (decision.kind, decision.alerts) == ("unconfirmed", False)


def test_a_whole_country_left_needs_an_official_or_a_second_source() -> None:
    """ "US completes full withdrawal from Iraq" from one outlet is a claim, not a milestone."""
    ledger = Ledger()
    step = Reached("coalition leaves Iraq", "2026-01-19", "day", "Mỹ hoàn tất rút quân khỏi Iraq")
    (lone,) = ledger.report(step, at=NOW, outlet="Gia Lai")
    assert (lone.kind, lone.alerts) == ("unconfirmed", False)
    (second,) = ledger.report(step, at=NOW + DAY, outlet="Reuters")
    assert (second.kind, second.alerts) == ("reached", True)
    official = Reached("coalition leaves Syria", "2026-01-19", "day", "the Pentagon said", True)
    assert kinds(Ledger().report(official, at=NOW)) == ["reached"]
