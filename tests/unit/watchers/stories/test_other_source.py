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
from watchers.stories.similar import Evidence
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
        (
            "Plan would cut US force to 1,000",
            "…, two officials said on condition of anonymity.",
            "scoop",
        ),
        ("US to end mission by 2087, sources say", "An official announcement is due.", "scoop"),
        ("Mỹ và Iraq đạt thỏa thuận rút quân", "Theo các nguồn tin giấu tên, …", "scoop"),
        ("My va Iraq dat thoa thuan rut quan", "Theo cac nguon tin giau ten, …", "scoop"),
        ("Rò rỉ dự thảo: lính Mỹ có thể ở lại Kurdistan", "", "scoop"),
        (
            "Report: US could leave Baghdad by June",
            "…, a paper reported, citing three US officials.",
            "scoop",
        ),
        ("US may leave Baghdad by June", "…, according to two Iraqi officials.", "scoop"),
        (
            "Iraq sẽ đề nghị Mỹ rút khỏi Baghdad vào cuối tháng 7",
            "…, theo hai quan chức Iraq được tờ The Iraq Dispatch dẫn lời.",
            "scoop",
        ),
        ("US announces end of coalition mission in Iraq", "The United States said…", "official"),
        ("Iraq, US agree phased pullout by September 2087: minister", "Iraq and…", "official"),
        ("Coalition to leave in two phases", "…, the defence minister said on Sunday.", "official"),
        ("Two phases", "Iraqi Defence Minister Thabet al-Abbasi said on Sunday…", "official"),
        # an institution on the record (the thirtieth set's outpost closure, which its scoop of
        # the next day had joined)
        ("US forces quit Jisr al-Hadid outpost", "…, the coalition said.", "official"),
        ("Outpost closes", "…, Combined Joint Task Force-Lantern said.", "official"),
        ("US troops to leave Iraq by 2026: Iraqi PM", "", "official"),
        ("US, Iraq confirm coalition exit date", "", "official"),
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


@pytest.mark.parametrize(
    "first_line",
    [
        "The plan could be announced as soon as next week.",
        "The plan, which has not yet been officially announced, would see troops leave.",
        "The plan has yet to be announced.",
        "No date has been announced.",
        "The report could not be independently confirmed.",
        "The Pentagon neither confirmed nor denied the report.",
        "The Pentagon hasn't confirmed the plan.",
        "The Pentagon declined to confirm the report.",
        "The announcement is expected at a news conference on Friday.",
        "Kế hoạch chưa được công bố chính thức.",
        "Lầu Năm Góc chưa có tuyên bố chính thức về thông tin này.",
        "Lầu Năm Góc chưa lên tiếng xác nhận.",
        "Reuters không thể xác nhận độc lập thông tin này.",
        "Theo Reuters, thỏa thuận dự kiến được công bố trong vài tuần tới.",
    ],
)
def test_what_is_still_to_be_announced_or_denied_is_no_official_telling(first_line: str) -> None:
    """A pick-up of a scoop says what is to come: it stays with the scoop."""
    assert told("US to cut Iraq troops to 2,000: report", first_line) == ""
    assert told("Mỹ và Iraq sắp công bố thỏa thuận rút quân", first_line) == ""


@pytest.mark.parametrize(
    ("title", "first_line"),
    [
        # how an outlet tells a fact: a base handed over, sources that are not a scoop's
        ("Iraqi army takes over Ain al-Asad", "…, Iraqi security sources said."),
        ("US troops leave Ain al-Asad", "…, two US officials said on Saturday."),
        ("US-led coalition leaves Victory base", "…, military sources said."),
        ("Coalition to leave Iraq by 2026", "Xinhua, citing official sources, said…"),
        ("Iraq tiếp quản căn cứ Ain al-Asad", "Theo nguồn tin từ Bộ Quốc phòng Iraq, …"),
        # a confirmation that names the leak it confirms says both: no telling
        ("Iraq confirms leaked roadmap for US troop exit", "The cabinet endorsed it."),
        ("Mỹ công bố rút quân", "Bộ Quốc phòng Mỹ xác nhận thông tin rò rỉ trước đó."),
        # words that hold the marks of another
        ("Mỹ tiếp tục hỗ trợ riêng cho người Kurd", "Pháp giữ vai trò riêng."),
        ("My tiep tuc ho tro rieng cho nguoi Kurd", ""),
        ("Iraq cần nguồn tín dụng sau khi Mỹ rút quân", ""),
        ("Dân quân tấn công Bộ chỉ huy liên quân ở Baghdad", "Mỹ sẽ rút quân."),
    ],
)
def test_a_lead_that_says_neither_or_both_tells_nothing(title: str, first_line: str) -> None:
    assert told(title, first_line) == ""


def _confirmed_on_the_leaks_day() -> Evidence:
    """The confirmation (told "Two days after … on Friday, the government on Sunday
    confirmed"), dated the leak's Friday: the veto apart from the rule of named days."""
    confirmed = set_report("weekset4", "039", date(2029, 2, 11))
    return replace(confirmed, published=date(2029, 2, 9))


def test_a_leak_and_its_confirmation_are_two_stories() -> None:
    leak = set_report("weekset4", "031", date(2029, 2, 10))
    confirmed = _confirmed_on_the_leaks_day()
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
    confirmed = _confirmed_on_the_leaks_day()
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


def test_a_scoop_is_not_joined_to_what_the_coalition_said_the_day_before() -> None:
    """The thirtieth set: a scoop of a smaller planned force, the day after an outpost's
    closure told by the coalition, shares its background (the air station, the bases): the
    model alone joins them."""
    closure = set_report("weekset30", "048", date(2111, 2, 18))
    scoop = set_report("weekset30", "016", date(2111, 2, 19))
    assert (closure.told, scoop.told) == ("official", "scoop")
    assert same_story(scoop, closure).reason == "other_source"
