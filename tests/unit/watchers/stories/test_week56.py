"""What the fifty-sixth same-week set (short texts and rolling coverage) showed of stories: a
Vietnamese lead that names a weekday of this week or the next ("vào thứ Năm tuần này", "thứ
Hai tuần tới"; not "tới" alone, which also means "came to" and "until") awaits that day
(``eventday.awaited_day``), so the talks it previews and what the talks decided are two
events."""

from __future__ import annotations

from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.stories.similar.eventday import awaited_day
from watchers.stories.similar.verdict import same_story

TUESDAY = date(2147, 3, 14)


@pytest.mark.parametrize(
    ("body", "awaits"),
    [
        ("Hai bên nhất trí mở đàm phán tại Erbil vào thứ Năm tuần này.", date(2147, 3, 16)),
        ("Hai ben nhat tri mo dam phan tai Erbil vao thu Nam tuan nay.", date(2147, 3, 16)),
        ("Ông Austin ngày thứ Hai tới Baghdad.", None),  # "tới": came to
        ("Cuộc tập trận kéo dài từ thứ Hai tới thứ Sáu tuần trước.", None),
        ("Iraq sẽ trả lời vào thứ Hai tuần tới.", date(2147, 3, 20)),
        ("Hôm thứ Hai tuần này, Mỹ đã rút 300 quân.", None),  # a day already past
        ("Mỹ đã rút 300 quân vào thứ Hai tuần này.", None),
    ],
)
def test_a_vietnamese_weekday_ahead_is_awaited(body: str, awaits: date | None) -> None:
    assert awaited_day("Tin", body, TUESDAY) == awaits


def test_the_talks_previewed_and_the_date_they_set_are_two_events() -> None:
    preview = set_report("weekset56", "029", TUESDAY)  # "… vào thứ Năm tuần này"
    decided = set_report("weekset56", "017", date(2147, 3, 16))  # "Erbil talks set 31 December"
    assert preview.awaits == date(2147, 3, 16)
    assert not same_story(preview, decided).same
