"""What the thirty-fourth same-week set showed of stories (our own writing): a Vietnamese
preview whose word of the future comes before the day of the meeting ("Iraq sẽ đề nghị Mỹ …
tại cuộc họp … diễn ra hôm nay (11/5), hai quan chức Iraq cho biết") awaits that day, and a
day further down its lead (the drone attack "tối 9/5") is background: so the decision told
the same day is another event, not a report that joins the preview. And a round-up of the
day's news ("Tổng hợp tin quốc tế ngày 6/5: Mỹ trao thêm một căn cứ cho Iraq, Séc định ngày
rút quân") joins no story of the events it tells (``verdict.digest``)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.stories.similar import telling
from watchers.stories.similar.codec import decode, encode
from watchers.stories.similar.eventday import awaited_day, event_day
from watchers.stories.similar.verdict import same_story

PUBLISHED = date(2150, 5, 11)
PREVIEW = (
    "Iraq sẽ đề nghị Mỹ đưa thời hạn rút quân khỏi Baghdad lên sớm hơn, từ ngày 31/3/2151 xuống "
    "cuối năm nay, tại cuộc họp của Hội đồng Chuyển tiếp chung diễn ra hôm nay (11/5), hai quan "
    "chức Iraq cho biết.\nVụ UAV tấn công trại Thuraya tối 9/5 càng củng cố lập luận này."
)


def test_a_preview_with_its_future_first_awaits_today() -> None:
    got = event_day("Iraq sẽ đề nghị Mỹ rút khỏi Baghdad", PREVIEW, PUBLISHED)
    assert (got.day, got.named) == (PUBLISHED, False)
    assert awaited_day("Iraq sẽ đề nghị Mỹ rút khỏi Baghdad", PREVIEW, PUBLISHED) == PUBLISHED


@pytest.mark.parametrize(
    "line",
    [
        # a statement made today of what is to come: today's event
        "Mỹ sẽ rút 500 binh sĩ khỏi Iraq, Lầu Năm Góc cho biết hôm nay (11/5).",
        "Mỹ sẽ rút 500 binh sĩ khỏi Iraq, theo thông báo của Lầu Năm Góc hôm nay (11/5).",
        # the future in another sentence
        "Mỹ sẽ rút thêm quân. Hội đồng đã nhất trí hôm nay (11/5).",
    ],
)
def test_a_statement_made_today_is_dated_today(line: str) -> None:
    got = event_day("Tin Iraq", line, PUBLISHED)
    assert (got.day, got.named) == (PUBLISHED, True)
    assert awaited_day("Tin Iraq", line, PUBLISHED) is None


def test_the_preview_and_the_decision_are_two_events() -> None:
    preview = set_report("weekset34", "010", PUBLISHED)
    decision = set_report("weekset34", "025", PUBLISHED)
    assert preview.awaits == PUBLISHED
    verdict = same_story(preview, decision)
    assert (verdict.same, verdict.reason) == (False, "other_day")


@pytest.mark.parametrize(
    ("title", "told"),
    [
        ("Tổng hợp tin quốc tế ngày 6/5: Mỹ trao thêm một căn cứ cho Iraq", "digest"),
        ("Điểm tin sáng 7/5: Séc định ngày rút quân khỏi Iraq", "digest"),
        ("Tin thế giới ngày 6/5: Mỹ trao căn cứ cho Iraq", "digest"),
        ("World news roundup: US hands Basra camp to Iraq", "digest"),
        ("Morning briefing: US hands Basra camp to Iraq", "digest"),
        # not a round-up: a briefing given, a digest in a name
        ("Pentagon briefing: US to leave Basra camp", ""),
        ("US hands Basra camp to Iraq, officials tell briefing", ""),
    ],
)
def test_a_round_up_by_its_title(title: str, told: str) -> None:
    assert telling.told(title, "") == told


def test_a_round_up_joins_no_story_of_the_events_it_tells() -> None:
    round_up = set_report("weekset34", "004", date(2150, 5, 7))
    czech = set_report("weekset34", "006", date(2150, 5, 6))
    assert round_up.told == "digest"
    assert decode(encode(round_up)).told == "digest"
    assert same_story(round_up, czech).reason == "digest"
    assert same_story(round_up, round_up).same  # a copy of it is still a copy
