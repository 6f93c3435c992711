"""What the forty-second and forty-third same-week sets showed of stories (our own writing):
"$450 million" and "450 soldiers" are two anchors, not one shared number (a House committee's
budget cut and a task force's departure, told the same day); a year is a year up to 2199, as the
figures read them, not a rare number two reports share."""

from __future__ import annotations

from datetime import date

from tests.story_texts import set_report
from watchers.stories.similar import evidence

DAY = date(2157, 8, 10)


def test_a_sum_of_money_is_another_anchor_than_a_count() -> None:
    money = evidence(
        "House committee caps Iraq money",
        "The committee approved $450 million less than the Pentagon requested, and 1,85 tỷ USD.",
        published=DAY,
    )
    soldiers = evidence("Task force leaves", "About 450 soldiers left Camp Dijla.", published=DAY)
    assert "$450" in money.anchors
    assert "450" not in money.anchors
    assert "450" in soldiers.anchors
    vi = evidence("Ngân sách", "Ủy ban cắt 450 triệu USD so với đề nghị.", published=DAY, lang="vi")
    assert "$450" in vi.anchors


def test_a_year_after_2049_is_a_year() -> None:
    report = evidence(
        "US to leave Baghdad by 2158",
        "US forces will leave by 30 June 2158 under the accord signed in February 2156, with "
        "about 2,500 troops left.",
        published=DAY,
    )
    assert report.years == {2156, 2158}
    assert {"2156", "2158"}.isdisjoint(report.anchors)
    assert "2500" in report.anchors


def test_a_budget_cut_is_not_the_departure_told_the_same_day() -> None:
    """The forty-third set: the House committee's $1.85 billion (about $450 million less than
    requested) and Task Force Kestrel's 450 soldiers leaving, both on Wednesday, share no
    number of their own. What they share is what the committee's report restates of the
    departure in its background (the level it left, about 2,900, read since the nineteenth stop:
    "bringing the US force … to about 2,900") and the standing timetable's dates: judged alone
    against the set's 50 reports the pair is over the threshold (0.79; 0.73 before that level
    was read). The service joined the committee's report to the departure's story before,
    through another report; the set's ratchet counts it."""
    departure = set_report("weekset43", "048", DAY)
    committee = set_report("weekset43", "026", DAY)
    assert not departure.anchors & committee.anchors & {"450", "$450"}
    assert departure.troop_counts & committee.troop_counts == {("troops/US/Iraq", 2900)}
