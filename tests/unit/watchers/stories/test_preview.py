"""A preview and the act it awaits are two events (``verdict.other_day`` with
``Evidence.awaits``): a lead that names a day after its publication for what is still to come
("Iraq will ask the United States on Monday", in a Sunday article; "… vào thứ Hai (9/6)"),
and a lead that names that day, or a later one, for its own event ("agreed on Monday",
"Ngày 9/6, Iraq và Mỹ đã nhất trí …"). Whatever request, dates and numbers they share, the
decision is news. The reports are the twenty-eighth same-week set's (our own writing): the
preview of a meeting and the meeting's decision, in English and Vietnamese."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.story_texts import of_text, set_report
from watchers.stories.choose import Candidate, best_story
from watchers.stories.similar.codec import decode, encode
from watchers.stories.similar.eventday import awaited_day
from watchers.stories.similar.verdict import other_day, same_story

SUNDAY = date(2064, 6, 8)
MONDAY = date(2064, 6, 9)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Baghdad to ask for an earlier exit, officials say",
            "Iraq will ask the United States on Monday to complete its withdrawal by August.",
            MONDAY,
        ),
        ("Iraq to press for earlier exit", "The talks resume next Monday in Baghdad.", MONDAY),
        # six words between the future and the day ("will formally ask the United States on")
        ("Iraq to seek an exit", "Iraq will formally ask the United States on Monday.", MONDAY),
        (
            "Iraq sẽ đề nghị Mỹ rời trại Sabreen sớm một tháng",
            "Chính phủ Iraq dự kiến đề nghị phía Mỹ rút quân sớm.\nPhiên họp diễn ra tại "
            "Baghdad vào thứ Hai (9/6).",
            MONDAY,
        ),
        ("Iraq sẽ đề nghị Mỹ rời Baghdad sớm", "Ủy ban sẽ họp vào ngày mai.", MONDAY),
        ("Iraq se de nghi My roi Baghdad som", "Uy ban hop ngay 9/6 tai Baghdad.", MONDAY),
        # what happened, the day of the article, a day too far ahead, a deadline months away
        ("US agreed on Monday to leave Baghdad early", "The commission met on Monday.", None),
        ("Iraq will ask on Sunday", "The request will be made on Sunday.", None),
        ("Iraq will ask the US in three weeks", "Talks are set for 30/6.", None),
        ("Quân Mỹ sẽ rời Baghdad trước ngày 31/8", "Thời hạn cũ là ngày 30/9.", None),
        # only the lead: a later paragraph's meeting is background
        (
            "Iraq and US agree on earlier exit from Baghdad",
            "Iraq and the United States agreed on Sunday that US troops will leave Baghdad by "
            "the end of August.\nThe decision was taken at a meeting of the commission in the "
            "foreign ministry.\nThe two sides will meet again on Monday to sign the minutes.",
            None,
        ),
    ],
)
def test_the_day_a_lead_awaits(title: str, body: str, expected: date | None) -> None:
    assert awaited_day(title, body, SUNDAY) == expected


def test_a_preview_and_the_decision_it_awaits_are_two_stories() -> None:
    preview = set_report("weekset28", "010", SUNDAY)  # names no day of its own
    decision = set_report("weekset28", "049", MONDAY)  # "Ngày 9/6, Iraq và Mỹ đã nhất trí"
    assert (preview.awaits, preview.dated, decision.dated) == (MONDAY, False, True)
    assert other_day(preview, decision)
    assert other_day(decision, preview)
    verdict = same_story(decision, preview)
    assert (verdict.same, verdict.reason) == (False, "other_day")


def test_a_story_holding_the_preview_is_not_joined_by_the_decision() -> None:
    preview = set_report("weekset28", "010", SUNDAY)
    decision = set_report("weekset28", "049", MONDAY)
    plain = replace(preview, awaits=None)  # as a row stored before the day awaited was kept
    assert best_story(decision, [Candidate(10, 1, plain)]).story_id == 1
    choice = best_story(decision, [Candidate(10, 1, plain), Candidate(11, 1, preview)])
    assert (choice.story_id, choice.apart) == (None, "other_day")


def test_what_the_preview_itself_says_is_joined() -> None:
    """A report of the preview names the preview's day, or none, and is published before the
    day awaited: nothing keeps them apart."""
    preview = of_text(
        "Iraq to ask for earlier exit",
        "Iraq will ask the United States on Monday to leave by August, officials said on Sunday.",
        SUNDAY,
    )
    same_day = of_text(
        "Iraq sẽ đề nghị Mỹ rút quân sớm", "Iraq sẽ đề nghị vào thứ Hai (9/6).", SUNDAY
    )
    undated_later = replace(same_day, awaits=None, dated=False, published=MONDAY)
    assert not other_day(preview, same_day)
    assert not other_day(preview, undated_later)  # a late copy names no day of its own


def test_the_day_awaited_survives_the_story_table_and_older_rows_await_none() -> None:
    preview = set_report("weekset28", "010", SUNDAY)
    assert decode(encode(preview)).awaits == MONDAY
    older = encode(replace(preview, awaits=None))
    assert b'"awaits"' not in older
    assert decode(older).awaits is None


@pytest.mark.parametrize(
    ("title", "body", "published", "expected"),
    [
        # what was done on the day, in a clause of the future (a review)
        (
            "Lawmakers said they would reject the cut announced on Monday.",
            "",
            date(2064, 6, 10),
            None,
        ),
        ("The last US troops due to leave Baghdad left on Monday.", "", date(2064, 6, 10), None),
        # a share, not a day
        ("Mỹ sẽ cắt giảm vào 2/3 số quân tại Iraq", "", date(2064, 2, 27), None),
        # a meeting later on the day of publication, said to come, in Vietnamese
        (
            "Baghdad sẽ đề nghị Mỹ rời trại Sabreen sớm một tháng",
            "BAGHDAD - Iraq sẽ đề nghị Mỹ trong phiên họp ngày 9/6 hoàn tất việc rút quân khỏi "
            "trại Sabreen.",
            MONDAY,
            MONDAY,
        ),
    ],
)
def test_what_a_review_found_awaited(
    title: str, body: str, published: date, expected: date | None
) -> None:
    assert awaited_day(title, body, published) == expected


def test_a_day_to_come_on_the_day_of_publication_dates_nothing() -> None:
    """The Vietnamese preview published on the meeting's day (Hanoi's) names no day of its
    own, and awaits that day: the decision's reports are another event."""
    preview = of_text(
        "Baghdad sẽ đề nghị Mỹ rời trại Sabreen sớm một tháng",
        "BAGHDAD - Iraq sẽ đề nghị Mỹ trong phiên họp ngày 9/6 hoàn tất việc rút quân khỏi trại "
        "Sabreen.",
        MONDAY,
    )
    decision = set_report("weekset28", "049", MONDAY)
    assert (preview.dated, preview.awaits) == (False, MONDAY)
    assert other_day(preview, decision)


def test_a_vietnamese_report_of_the_day_after_may_tell_the_day_awaited() -> None:
    """An English report of Monday that awaits Tuesday's briefing, and its Vietnamese
    translation dated by Hanoi's Tuesday (a review): not apart."""
    original = of_text(
        "US says talks with Iraq on track",
        "The State Department said on Monday the talks were on track.\nKarimi-Bell will brief "
        "senators on Tuesday.",
        MONDAY,
    )
    translation = of_text(
        "Mỹ nói đàm phán với Iraq đúng hướng",
        "Bộ Ngoại giao Mỹ hôm thứ Ba cho biết các cuộc đàm phán đang đúng hướng.",
        date(2064, 6, 10),
    )
    assert original.awaits == date(2064, 6, 10)
    assert translation.dated
    assert not other_day(original, translation)
    assert other_day(original, replace(translation, lang="en"))  # the same day, in English
