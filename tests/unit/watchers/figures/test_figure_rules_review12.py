"""Readings a second review of the tenth stop's rules found changed for the worse (old and new
code side by side), kept as they were: a nation's base ("a US air base", "căn cứ Mỹ") names
no base; options said without a modal, weighing told in any tense, NATO's mission with the US
beside it, the US as a speaker about NATO's cut, a ratification still to come."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import deadlines_of, troops_of
from watchers.figures import extract

PUBLISHED = date(2025, 5, 11)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "A drone struck a US air base in western Iraq on Saturday. Under the agreement signed "
            "last year, the deal gives the US until September 2026 to withdraw its forces from "
            "Iraq.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "Một máy bay không người lái đã tấn công căn cứ Mỹ ở miền tây Iraq. Theo thỏa thuận, "
            "Washington cam kết rút toàn bộ binh sĩ Mỹ trước tháng 9/2026.",
            {("deadline/coalition leaves Iraq", "2026-09", "month")},
        ),
        (
            "Rocket bắn vào căn cứ Hoa Kỳ ở Anbar. Lầu Năm Góc xác nhận sẽ rút toàn bộ binh sĩ "
            "Hoa Kỳ trước cuối năm 2026.",
            {("deadline/coalition leaves Iraq", "2026", "year-end")},
        ),
    ],
)
def test_a_nations_base_names_no_base(body: str, expected: set[tuple[str, str, str]]) -> None:
    assert deadlines_of(body, published=PUBLISHED) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Options under review include cutting the US force in Iraq to about 1,500.",
        "Một phương án là giảm quân số Mỹ tại Iraq xuống còn khoảng 1.500 người.",
    ],
)
def test_an_option_is_no_level(body: str) -> None:
    assert troops_of(body, published=PUBLISHED) == set()


@pytest.mark.parametrize(
    "body",
    [
        "US weighs withdrawing all troops from Iraq by end of 2026.",
        "Trump mulls full Iraq troop exit by September 2026.",
        "Last year the Pentagon considered withdrawing all US troops from Iraq by the end of 2025, "
        "but Trump rejected the idea.",
        "The White House weighed pulling all US troops out of Iraq by September 2026, two "
        "officials said.",
        "Officials confirmed the Pentagon is considering options that include withdrawing all US "
        "troops from Iraq by the end of 2026.",
        "NATO, with US support, will end its advisory mission in Iraq by May 2026, the alliance "
        "said.",
        "Iraq's parliament voted on Sunday for all foreign troops to leave the country by the end "
        "of 2025, though the resolution must still be ratified by the government.",
        "Quốc hội Iraq yêu cầu quân Mỹ rút khỏi Iraq trước cuối năm 2025, song chính phủ chưa "
        "phê chuẩn nghị quyết này.",
    ],
)
def test_no_ones_date(body: str) -> None:
    assert deadlines_of(body, published=PUBLISHED) == set()


def test_a_us_speaker_of_natos_cut_sets_no_target_of_ours() -> None:
    body = (
        "US Defense Secretary Pete Hegseth said NATO's mission in Iraq would be cut to about 300 "
        "personnel by January 31, 2026."
    )
    assert extract("", body, published=PUBLISHED).targets == ()
