"""A preview and the act it awaits, as the thirty-first same-week set showed them (our own
writing): the act's Vietnamese report reuses half the preview's words (a near copy by
containment alone), an aggregator's brief of the act names no day and is published the day
after the one awaited, and a headline's infinitive names the day to come ("Iraq to ask US on
Tuesday"). Each is another event than the preview's. And (the thirty-second set) a count of
officials who told a paper tells a scoop."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.stories.similar.eventday import awaited_day, event_day
from watchers.stories.similar.features import common
from watchers.stories.similar.telling import told
from watchers.stories.similar.verdict import other_day, same_story

MONDAY, TUESDAY, WEDNESDAY = date(2113, 3, 6), date(2113, 3, 7), date(2113, 3, 8)


def test_the_acts_report_that_reuses_the_previews_words_is_no_copy_of_it() -> None:
    preview = set_report("weekset31", "038", MONDAY)  # "… dự kiến diễn ra tại Baghdad ngày 7/3"
    decision = set_report("weekset31", "042", TUESDAY)  # "Ngày 7/3, Iraq và Mỹ nhất trí …"
    assert (preview.awaits, decision.published, decision.dated) == (TUESDAY, TUESDAY, True)
    verdict = same_story(preview, decision)
    assert (verdict.same, verdict.reason) == (False, "other_day")
    # without the day awaited, half the preview's words would make them a near copy; but the
    # Baghdad date they read differs (30 June in the preview, 30 April decided), which raises
    # a copy's bar: the two are no copy either way
    plain = replace(preview, awaits=None)
    assert common(plain, decision).conflict
    assert same_story(plain, decision).reason != "near_copy"


def test_a_brief_published_after_the_day_awaited_tells_what_came_of_it() -> None:
    preview = set_report("weekset31", "038", MONDAY)
    brief = set_report("weekset31", "002", WEDNESDAY)  # "Mỹ và Iraq đã nhất trí …", no day
    assert (brief.dated, brief.awaits) == (False, None)
    assert other_day(preview, brief)
    assert other_day(brief, preview)
    assert not same_story(preview, brief).same


@pytest.mark.parametrize(
    ("published", "awaits", "apart"),
    [
        (TUESDAY, None, False),  # published on the day awaited: the morning's preview, or not
        (WEDNESDAY, TUESDAY, False),  # awaiting a day itself: another preview
        (WEDNESDAY, None, True),
    ],
)
def test_an_undated_report_is_apart_only_after_the_day_and_awaiting_none(
    published: date, awaits: date | None, apart: bool
) -> None:
    preview = set_report("weekset31", "038", MONDAY)
    other = replace(preview, published=published, dated=False, awaits=awaits)
    assert other_day(preview, other) is apart


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Iraq to ask US on Tuesday to leave Baghdad two months early, officials say", False),
        ("Kurdish leaders to meet the envoy on Tuesday", False),
        ("Iraq's parliament to vote on Tuesday", False),
        # not an infinitive of what is to come (a review)
        ("Troops return to base on Tuesday", True),
        ("US troops handed to Iraqi army on Tuesday", True),
        ("US agrees to leave Baghdad, Pentagon said on Tuesday", True),
        ("Iraq's parliament votes to expel US troops on Tuesday", True),
        ("US troops begin to leave Ain al-Asad air base on Tuesday", True),
        ("US hands base to Iraqi forces on Tuesday", True),
        ("Iraq summons US envoy to protest strike on Tuesday", True),
    ],
)
def test_a_headlines_infinitive_names_the_day_to_come(title: str, named: bool) -> None:
    day = event_day(title, "Nothing else.", date(2113, 3, 9))  # a Thursday
    assert day.named is named
    assert day.day == (TUESDAY if named else date(2113, 3, 9))


def test_the_english_preview_is_dated_by_the_day_its_sources_spoke() -> None:
    preview = set_report("weekset31", "053", MONDAY)  # "… told The Mesopotamia Herald on Monday"
    assert (preview.published, preview.dated, preview.awaits) == (MONDAY, True, TUESDAY)
    rewrite = set_report("weekset31", "038", MONDAY)
    assert not other_day(preview, rewrite)


def test_a_headlines_preview_awaits_its_day() -> None:
    title = "Iraq to ask US on Wednesday to speed up withdrawal"
    assert awaited_day(title, "Nothing else.", TUESDAY) == WEDNESDAY


@pytest.mark.parametrize(
    ("body", "named", "awaits"),
    [
        # a clause of the future that a verb of the past closes (a review)
        (
            "A resolution that would expel US troops passed parliament on Monday, with Kurdish "
            "lawmakers boycotting the session.",
            True,
            None,
        ),
        ("Iraq will formally ask the United States on Wednesday.", False, WEDNESDAY),
    ],
)
def test_a_weekday_after_a_word_of_the_future(body: str, named: bool, awaits: date | None) -> None:
    assert event_day("X", body, TUESDAY).named is named
    assert awaited_day("X", body, TUESDAY) == awaits


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        # a count of officials who told a paper: a scoop (the thirty-second set's)
        (
            "The headquarters will move to Kuwait in May, two US defence officials told Force "
            "Structure Monitor.",
            "scoop",
        ),
        ("The base was handed over, two Iraqi officials told reporters.", ""),
    ],
)
def test_officials_who_told_a_paper(first_line: str, expected: str) -> None:
    assert told("Task force headquarters to leave Baghdad", first_line) == expected


def test_a_scoop_is_not_joined_to_the_handover_told_the_same_day() -> None:
    scoop = set_report("weekset32", "001", date(2131, 3, 6))
    handover = set_report("weekset32", "033", date(2131, 3, 6))  # "…, the task force said"
    assert (scoop.told, handover.told) == ("scoop", "official")
    assert same_story(scoop, handover).reason == "other_source"


@pytest.mark.parametrize(
    ("title", "body", "published", "awaits"),
    [
        # a second review: previews whose weekday was read as the one before
        (
            "Iraqi PM heads to Washington as US troop future looms",
            "BAGHDAD (AFP) - Iraqi Prime Minister Mohammed Shia al-Sudani will hold talks with "
            "President Joe Biden on Monday, his office said Saturday.",
            date(2024, 4, 13),
            date(2024, 4, 15),
        ),
        (
            "Austin to travel to Baghdad on Tuesday",
            "Nothing else.",
            date(2024, 4, 13),
            date(2024, 4, 16),
        ),
        (
            "US troops to leave Ain al-Asad on Monday, officials say",
            "x",
            date(2026, 1, 17),
            date(2026, 1, 19),
        ),
        (
            "Iraq to formally ask US on Tuesday",
            "Nothing else.",
            date(2024, 4, 13),
            date(2024, 4, 16),
        ),
    ],
)
def test_a_preview_is_not_dated_by_the_day_before(
    title: str, body: str, published: date, awaits: date
) -> None:
    assert event_day(title, body, published).day == published
    assert awaited_day(title, body, published) == awaits


@pytest.mark.parametrize(
    "first_line",
    [
        "Two Iraqi officials told the state-run Iraqi News Agency that the base was handed over.",
        "Several Iraqi officials told parliament on Monday that the troops had left.",
        "The two officials told a joint news conference in Baghdad that the troops had left.",
    ],
)
def test_officials_who_told_an_official_channel_tell_no_scoop(first_line: str) -> None:
    assert told("US troops leave base", first_line) == ""
