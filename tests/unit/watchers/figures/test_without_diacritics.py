"""Vietnamese written without diacritics reads as it does with them: its words of tense ("da",
"se", "sap": "đã", "sẽ", "sắp") are read folded when the whole article has no diacritic, but
not in the words they also make ("tối đa", "tiếp đà", "đa số", "chia sẻ", "sắp xếp")."""

from __future__ import annotations

from datetime import date

import pytest

from tests.quality import troops_of

PUBLISHED = date(2021, 1, 16)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Trong mot tuyen bo rieng: Hoa Ky da giam quan so tai Iraq xuong con 2.500 nguoi.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Trong một tuyên bố riêng: Hoa Kỳ đã giảm quân số tại Iraq xuống còn 2.500 người.",
            {("US", "Iraq", "current", 2500)},
        ),
        (
            "Lau Nam Goc cho biet quan so My tai Iraq se giam xuong con 2.000 vao cuoi nam.",
            {("US", "Iraq", "planned", 2000)},
        ),
        # (a review) "tối đa" (at most), "tiếp đà" (momentum) are no "đã"; "đã tiến hành" is
        (
            "Lau Nam Goc cho biet quan so My tai Iraq se giam xuong toi da 2.000 nguoi.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Quan so My tai Iraq se giam tu 2.500 xuong toi da 2.000 nguoi, Lau Nam Goc cho biet.",
            {("US", "Iraq", "current", 2500), ("US", "Iraq", "planned", 2000)},
        ),
        (
            "Tiep da rut quan, quan so My tai Iraq se giam xuong con 2.000 nguoi vao nam 2025.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Lau Nam Goc cho biet My da tien hanh cat giam quan so tai Iraq xuong con 2.500 nguoi.",
            {("US", "Iraq", "current", 2500)},
        ),
        # "đa phương" (multilateral) is no "đã": as with its diacritics, a plan
        (
            "Lầu Năm Góc cho biết quân số Mỹ tại Iraq sẽ giảm trong khuôn khổ đa phương xuống "
            "còn 2.000 người.",
            {("US", "Iraq", "planned", 2000)},
        ),
        (
            "Lau Nam Goc cho biet quan so My tai Iraq se giam trong khuon kho da phuong xuong "
            "con 2.000 nguoi.",
            {("US", "Iraq", "planned", 2000)},
        ),
    ],
)
def test_words_of_tense_without_diacritics(
    body: str, expected: set[tuple[str, str, str, int]]
) -> None:
    assert troops_of(body, PUBLISHED) == expected
