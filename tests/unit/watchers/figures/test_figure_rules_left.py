"""Wrong figures earlier reviews found and left: what attacks cost read as the force's level
("Casualties among US troops in Iraq have fallen to 12"), a plan's content read as the level
now ("The plan calls for about 1,600 US troops to remain"), and one country, unnamed, that
leaves ("cho biết nước này sẽ rút", "his country would withdraw") read as the coalition's date
when the countries named before it are other members only; a date waited for read as a
deadline ("Không có lý do gì để chờ đến tháng 9"); and the readings they must keep."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadline_key, deadlines_of, troops_of
from watchers.figures import extract

PUBLISHED = date(2030, 3, 10)
COALITION_SEPT = {("deadline/coalition leaves Iraq", "2030-09", "month")}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Casualties among US troops in Iraq have fallen to 12 this year.", set()),
        ("Deaths of American soldiers in Iraq dropped to 3 last year.", set()),
        ("Thương vong của binh sĩ Mỹ tại Iraq đã giảm xuống còn 12 người trong năm nay.", set()),
        (
            "Deaths of US soldiers fell after the US cut its force in Iraq to 2,000 troops.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "Mỹ đã giảm số binh sĩ tại Iraq xuống còn 2.000 người.",
            {("US", "Iraq", "current", 2000)},
        ),
        (
            "The plan calls for about 1,600 US troops to remain in Iraq after September.",
            {("US", "Iraq", "planned", 1600)},
        ),
    ],
)
def test_troops(body: str, expected: set[tuple[str, str, str, int]]) -> None:
    assert troops_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Bộ trưởng Quốc phòng Anh gặp người đồng cấp Pháp hôm 9/3 và cho biết nước này sẽ rút "
        "quân khỏi Iraq trước tháng 9/2030.",
        "Bộ trưởng Quốc phòng Anh gặp người đồng cấp Pháp hôm 9/3. Ông cho biết nước này sẽ rút "
        "quân khỏi Iraq trước tháng 9/2030.",
        "British Defence Secretary John Smith met his French counterpart on Monday. He said his "
        "country would withdraw its troops from Iraq by September 2030.",
    ],
)
def test_one_country_of_the_members_named_is_theirs(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        # the US named before it: the date stays ours, as it was read before
        "Ngoại trưởng Mỹ gặp người đồng cấp Anh và cho biết nước này sẽ rút quân khỏi Iraq trước "
        "tháng 9/2030.",
        # no country named before it
        "Ông cho biết nước này sẽ rút quân khỏi Iraq trước tháng 9/2030.",
    ],
)
def test_one_country_otherwise_is_read_as_before(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == COALITION_SEPT


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # what one waits for sets nothing; the date the title sets stands (the 28th set)
        (
            "“Không có lý do gì để chờ đến tháng 9”: lính Mỹ sẽ rời Baghdad trước cuối tháng 8",
            "Quân Mỹ sẽ ở lại Iraq cho đến tháng 9/2030.",
        ),
        (
            '"No need to wait until September": US troops to leave Baghdad by end of August',
            "US troops will stay in Iraq until September 2030.",
        ),
        (
            '"We don\'t have to wait for September": US troops to leave Baghdad by end of August',
            "US troops will stay in Iraq until September 2030.",
        ),
    ],
)
def test_what_is_waited_for_is_no_deadline(title: str, body: str) -> None:
    got = {deadline_key(d) for d in extract(title, body, published=PUBLISHED).deadlines}
    assert got == {
        ("deadline/coalition leaves Baghdad", "2030-08", "month"),
        ("deadline/coalition leaves Iraq", "2030-09", "month"),
    }


def test_a_wait_that_is_needed_is_a_date() -> None:
    body = "Binh sĩ Mỹ phải đợi đến tháng 9/2030 mới rút hết khỏi Iraq."
    assert deadlines_of(body, published=PUBLISHED) == COALITION_SEPT
