"""The figure decider: which report sets a key's level, a dispute that goes on, where a
dispute must be told, and a deadline told by its year or its month alone."""

from __future__ import annotations

from dataclasses import replace

from tests.unit.watchers.figures.test_judge import DAY, NOW, Ledger, deadline, kinds, troops


def test_a_hedged_confirmation_does_not_move_the_level_it_confirms() -> None:
    """5,000, then "about 5,200" (one level), then 5,400: measured against 5,000, a change."""
    ledger = Ledger()
    ledger.report(troops(5000), at=NOW - 30 * DAY, outlet="AP")
    assert kinds(ledger.report(troops(5200, approx=True), at=NOW - 2 * DAY, outlet="CNN")) == [
        "confirmed"
    ]
    (decision,) = ledger.report(troops(5400, firm=True), at=NOW, outlet="Reuters")
    assert (decision.kind, decision.previous and decision.previous.value) == ("changed", "5000")


def test_a_value_restated_while_it_is_disputed_is_not_stale() -> None:
    """September, then October from another outlet the same day (a conflict), then September
    again the next day: the dispute goes on, and subscribers hear of it."""
    ledger = Ledger()
    ledger.report(deadline("2027-09", "month"), at=NOW - 2 * DAY, outlet="AP")
    (october,) = ledger.report(
        deadline("2027-10", "month", firm=True), at=NOW - 2 * DAY, outlet="CNN"
    )
    assert october.kind == "conflict"
    (back,) = ledger.report(deadline("2027-09", "month"), at=NOW - DAY, outlet="Reuters")
    assert (back.kind, back.alerts) == ("conflict", True)
    assert back.previous is not None
    assert back.previous.value == "2027-10"


def test_a_value_restated_after_a_dispute_has_settled_is_stale() -> None:
    """The same September, restated weeks after October was reported: history, no alert."""
    ledger = Ledger()
    ledger.report(deadline("2027-09", "month"), at=NOW - 40 * DAY, outlet="AP")
    ledger.report(deadline("2027-10", "month", firm=True), at=NOW - 40 * DAY, outlet="CNN")
    (late,) = ledger.report(deadline("2027-09", "month"), at=NOW - 20 * DAY, outlet="Reuters")
    assert (late.kind, late.alerts) == ("stale", False)


def test_a_dispute_told_only_below_the_first_paragraph_does_not_alert() -> None:
    """Another outlet's different level, read in its fifth paragraph (a site's count, a past
    level), is unconfirmed; told in its title or first paragraph, it is a conflict."""
    elsewhere = "Iraq talks go on\nThe two sides met in Baghdad on Monday."
    for lead, kind in ((elsewhere, "unconfirmed"), ("3000 US troops in Iraq: CNN", "conflict")):
        ledger = Ledger()
        ledger.report(troops(2500), at=NOW - DAY, outlet="AP")
        (decision,) = ledger.report(troops(3000, firm=True), at=NOW, outlet="CNN", lead=lead)
        assert (decision.kind, decision.alerts) == (kind, kind == "conflict")


def test_a_change_told_below_the_first_paragraph_still_alerts() -> None:
    """Weeks after the last report, a backed new level anywhere in the text is a change."""
    ledger = Ledger()
    ledger.report(troops(2500), at=NOW - 30 * DAY, outlet="AP")
    (decision,) = ledger.report(troops(2000, firm=True), at=NOW, outlet="CNN", lead="Title")
    assert (decision.kind, decision.alerts) == ("changed", True)


def test_a_deadline_told_by_its_year_alone_restates_a_date_in_that_year() -> None:
    """ "After the coalition's mission ends in 2083" is no change of "30 September 2083"; "in
    2084" is, and so is "by the end of 2083" (a date of its own)."""
    for told, kind in (("2083", "confirmed"), ("2084", "changed")):
        ledger = Ledger()
        ledger.report(deadline("2083-09-30", "day"), at=NOW - 30 * DAY, outlet="VnExpress")
        (decision,) = ledger.report(deadline(told, "year", firm=True), at=NOW, outlet="Reuters")
        assert decision.kind == kind, told
    ledger = Ledger()
    ledger.report(deadline("2083-09-30", "day"), at=NOW - 30 * DAY, outlet="VnExpress")
    (decision,) = ledger.report(deadline("2083", "year-end", firm=True), at=NOW, outlet="Reuters")
    assert decision.kind == "changed"


def test_part_of_a_year_told_with_it_is_no_restatement() -> None:
    """ "vào đầu năm 2083", "late in 2083" are read as the year, but say which part of it: a
    change of "30 September 2083", not a restatement."""
    for quote in ("sẽ rút khỏi Iraq vào đầu năm 2083", "troops will stay until late in 2083"):
        ledger = Ledger()
        ledger.report(deadline("2083-09-30", "day"), at=NOW - 30 * DAY, outlet="VnExpress")
        told = replace(deadline("2083", "year", firm=True), quote=quote)
        (decision,) = ledger.report(told, at=NOW, outlet="Reuters")
        assert decision.kind == "changed", quote


def test_a_day_of_the_month_told_restates_the_month() -> None:
    """ "Out of Baghdad by December 2181", then "by 13 December 2181" (and the other way
    round): one date told more or less closely, no change; another month is one."""
    month, day, other = (
        deadline("2181-12", "month"),
        deadline("2181-12-13", "day", firm=True),
        deadline("2182-01-13", "day", firm=True),
    )
    for first, then, kind in (
        (month, day, "confirmed"),
        (replace(day, firm=False), replace(month, firm=True), "confirmed"),
        (month, other, "changed"),
    ):
        ledger = Ledger()
        ledger.report(first, at=NOW - 30 * DAY, outlet="VnExpress")
        (decision,) = ledger.report(then, at=NOW, outlet="Reuters")
        assert decision.kind == kind, (first.date, then.date)


def test_a_level_given_before_as_the_past_one_is_history() -> None:
    """ "Shrinks to 2,750 from 3,400", then a late analysis whose 3,400 is read as the level:
    the value a report gave as the past level is history retold, no alert."""
    ledger = Ledger()
    ledger.report(troops(2750, firm=True), troops(3400, status="past"), at=NOW - 9 * DAY)
    ledger.report(troops(2350, firm=True), at=NOW - 3 * DAY, outlet="AP")
    (late,) = ledger.report(troops(3400, firm=True), at=NOW, outlet="CNN")
    assert (late.kind, late.alerts) == ("stale", False)
    # a level near it, hedged, is not the past one: news
    (near,) = ledger.report(troops(3300, approx=True, firm=True), at=NOW, outlet="Reuters")
    assert near.alerts


def test_a_date_said_to_stand_is_never_a_change() -> None:
    """ "The date for the Kurdistan region remains 30 June 2068": whatever the ledger holds,
    the report says the date did not change: it is confirmed as the date that stands (what
    the ledger held was most often a misread: the sets' wrong alerts 153 -> 142, none right
    lost), and a later report of it restates it."""
    ledger = Ledger()
    ledger.report(deadline("2067-03-31", "day"), at=NOW - 5 * DAY, outlet="AP")
    stands = replace(deadline("2068-06-30", "day", firm=True), stands=True)
    (decision,) = ledger.report(stands, at=NOW, outlet="CNN")
    assert (decision.kind, decision.alerts) == ("confirmed", False)
    (again,) = ledger.report(deadline("2068-06-30", "day", firm=True), at=NOW, outlet="BBC")
    assert (again.kind, again.alerts) == ("confirmed", False)


def test_a_date_its_own_wording_gave_is_confirmed_though_another_wording_gave_another() -> None:
    """Kurdistan's date, then "leave federal Iraq by 31 March" read as leaving Iraq (the same
    milestone), then Kurdistan's date restated: a restatement, no conflict."""
    ledger = Ledger()
    kurdistan = deadline("2059-12-31", "day", "coalition leaves Kurdistan")
    ledger.report(kurdistan, at=NOW - 5 * DAY, outlet="AP")
    (moved,) = ledger.report(deadline("2059-03-31", "day", firm=True), at=NOW - DAY, outlet="CNN")
    assert moved.alerts
    (again,) = ledger.report(replace(kurdistan, firm=True), at=NOW, outlet="BBC")
    assert (again.kind, again.alerts) == ("confirmed", False)


def test_a_change_told_to_a_hedged_level_is_no_restatement() -> None:
    """ "About 2,850", then "falls to about 2,600" (8% less, a change told): a change, not the
    hedged restatement "about 2,600" is (within 10% of a hedged level)."""
    ledger = Ledger()
    ledger.report(troops(2850, approx=True, firm=True), at=NOW - 5 * DAY, outlet="AP")
    (restated,) = ledger.report(troops(2600, approx=True), at=NOW - 2 * DAY, outlet="CNN")
    assert restated.kind == "confirmed"
    fell = replace(troops(2600, approx=True, firm=True), moved=True)
    (decision,) = ledger.report(fell, at=NOW, outlet="Reuters")
    assert (decision.kind, decision.alerts) == ("changed", True)


def test_a_small_change_told_to_a_hedged_level_is_a_restatement() -> None:
    """(A review) 2,480, then "has cut the US force in Iraq to about 2,500": within 5%, told
    as a change or not, one level."""
    ledger = Ledger()
    ledger.report(troops(2480, firm=True), at=NOW - 5 * DAY, outlet="AP")
    cut = replace(troops(2500, approx=True, firm=True), moved=True)
    (decision,) = ledger.report(cut, at=NOW, outlet="Reuters")
    assert decision.kind == "confirmed"
