"""What the thirty-fifth same-week set showed of stories (our own writing): a Vietnamese lead
whose own day is yesterday said without a date ("Tối qua (giờ địa phương), khoảng 350 binh sĩ
Mỹ đã bay … , mở đầu đợt giảm quân mà Lầu Năm Góc công bố hôm 6/10") is not dated by the day
of the act it recalls, so the departure does not join the announcement of three days before."""

from __future__ import annotations

from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.stories.similar.eventday import event_day
from watchers.stories.similar.verdict import same_story

PUBLISHED = date(2160, 10, 10)


@pytest.mark.parametrize(
    ("line", "day", "named"),
    [
        (
            "Tối qua (giờ địa phương), khoảng 350 binh sĩ Mỹ đã bay sang Kuwait, mở đầu đợt giảm "
            "quân mà Lầu Năm Góc công bố hôm 6/10.",
            10,
            False,
        ),
        # yesterday with its day in brackets, as before
        ("Tối qua (9/10), khoảng 350 binh sĩ Mỹ đã bay sang Kuwait.", 9, True),
        # a day in another sentence after it is read, as before
        ("Tối qua, 350 binh sĩ Mỹ rời Iraq. Lầu Năm Góc công bố đợt giảm quân hôm 6/10.", 6, True),
    ],
)
def test_yesterday_without_a_date(line: str, day: int, named: bool) -> None:
    got = event_day("Tin Iraq", line, PUBLISHED)
    assert (got.day, got.named) == (date(2160, 10, day), named)


def test_the_first_departure_is_not_the_announcement() -> None:
    departure = set_report("weekset35", "042", PUBLISHED)
    announcement = set_report("weekset35", "039", date(2160, 10, 7))
    assert not departure.dated
    assert not same_story(departure, announcement).same
