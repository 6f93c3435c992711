"""A scoop and the news that it is official are two events (``verdict.other_source``): a lead
that tells what unnamed sources, people familiar with the matter or a leak say, and one that
tells what was announced, confirmed or said by a minister (``telling.told``). Whatever plan,
dates and numbers they share, the confirmation is news. The reports are the fourth and ninth
same-week sets' (our own writing): a leaked draft roadmap and the cabinet confirming it; a
wire scoop of a US draft and the defence minister's two phases."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.stories.choose import Candidate, best_story
from watchers.stories.similar.codec import decode, encode
from watchers.stories.similar.telling import told
from watchers.stories.similar.verdict import other_source, same_story, vetoed


@pytest.mark.parametrize(
    ("title", "first_line", "expected"),
    [
        (
            "US, Iraq reach deal on troop exit by 2087",
            "The two governments have agreed on a plan, Reuters reported, citing sources "
            "familiar with the talks.",
            "scoop",
        ),
        ("Informed sources: agreement on the coalition's exit", "", "scoop"),
        ("Exclusive: Draft roadmap would keep US troops in Kurdistan", "", "scoop"),
        (
            "Plan would cut US force to 1,000",
            "…, two officials said on condition of anonymity.",
            "scoop",
        ),
        ("US to end mission by 2087, sources say", "An official announcement is due.", "scoop"),
        ("Mỹ và Iraq đạt thỏa thuận rút quân", "Theo các nguồn tin giấu tên, …", "scoop"),
        ("My va Iraq dat thoa thuan rut quan", "Theo cac nguon tin giau ten, …", "scoop"),
        ("Rò rỉ dự thảo: lính Mỹ có thể ở lại Kurdistan", "", "scoop"),
        ("US announces end of coalition mission in Iraq", "The United States said…", "official"),
        ("Iraq, US agree phased pullout by September 2087: minister", "Iraq and…", "official"),
        ("Coalition to leave in two phases", "…, the defence minister said on Sunday.", "official"),
        ("Mỹ rút quân khỏi Iraq", "Ngày 27/9, Mỹ đã công bố thỏa thuận với Iraq.", "official"),
        ("My rut quan khoi Iraq", "Ngay 27/9, My da cong bo thoa thuan voi Iraq.", "official"),
        # denied, or said of an outlet: nobody announced anything
        ("Mỹ có thể giữ 1.000 quân", "Lầu Năm Góc chưa xác nhận thông tin này.", ""),
        ("US may keep 1,000 troops", "The Pentagon has not confirmed the plan.", ""),
        ("Con số 1.000", "Khi hãng tin Meridian Wire công bố bản dự thảo, …", ""),
        # outlets relay officials as often as scoops: "report" alone says neither
        ("US forces will withdraw from their bases in Iraq: report", "…, media said.", ""),
        ("Officials clarify", "…, according to a report by a US broadcaster.", ""),
        ("Coalition troops leave Camp Nakhla", "The last convoy left on Monday.", ""),
        ("Sources of funding for the base", "", ""),  # sources that speak, not of funding
    ],
)
def test_how_a_lead_tells_its_news(title: str, first_line: str, expected: str) -> None:
    assert told(title, first_line) == expected


def test_a_leak_and_its_confirmation_are_two_stories() -> None:
    leak = set_report("weekset4", "031", date(2029, 2, 10))
    confirmed = set_report("weekset4", "039", date(2029, 2, 10))
    assert (leak.told, confirmed.told) == ("scoop", "official")
    verdict = same_story(leak, confirmed)
    assert (verdict.same, verdict.reason) == (False, "other_source")
    assert verdict.score > 0.9  # the model alone joins them


def test_a_scoop_and_what_a_minister_said_are_two_stories_in_either_order() -> None:
    scoop = set_report("weekset9", "050", date(2037, 12, 13))
    minister = set_report("weekset9", "041", date(2037, 12, 13))
    assert same_story(scoop, minister).reason == "other_source"
    assert same_story(minister, scoop).reason == "other_source"
    assert vetoed(scoop, minister) == vetoed(minister, scoop) == "other_source"


def test_a_story_that_holds_a_scoop_is_not_joined_by_its_confirmation() -> None:
    """A report of the leak whose lead names no source is joined; the scoop among the
    story's reports keeps the confirmation out."""
    leak = set_report("weekset4", "031", date(2029, 2, 10))
    confirmed = set_report("weekset4", "039", date(2029, 2, 10))
    plain = replace(leak, told="")
    assert best_story(confirmed, [Candidate(10, 1, plain)]).story_id == 1
    choice = best_story(confirmed, [Candidate(10, 1, plain), Candidate(11, 1, leak)])
    assert (choice.story_id, choice.apart) == (None, "other_source")


def test_only_a_scoop_and_an_official_telling_are_apart() -> None:
    leak = set_report("weekset4", "031", date(2029, 2, 10))
    for other in ("scoop", "", None):
        assert not other_source(leak, replace(leak, told=other))
    assert other_source(leak, replace(leak, told="official"))
    assert not other_source(replace(leak, told=None), replace(leak, told="official"))


def test_the_telling_survives_the_story_table_and_older_rows_read_as_not_known() -> None:
    leak = set_report("weekset4", "031", date(2029, 2, 10))
    for value in ("scoop", "official", ""):
        assert decode(encode(replace(leak, told=value))).told == value
    older = encode(replace(leak, told=None))  # written before the telling was kept
    assert b'"told"' not in older
    assert decode(older).told is None
    damaged = encode(leak).replace(b'"told":"scoop"', b'"told":"rumour"')
    with pytest.raises(ValueError, match="story evidence"):
        decode(damaged)
