"""Who an article credits: agencies named as the source, in Vietnamese and English."""

from __future__ import annotations

import pytest

from watchers.figures.attribution import cited_source


@pytest.mark.parametrize(
    ("body", "source"),
    [
        ("Theo Reuters, Mỹ và Iraq đã đạt được thỏa thuận.", "Reuters"),
        ("Theo hãng tin AFP, liên minh sẽ rời Iraq.", "AFP"),
        ("Hãng tin Tân Hoa xã đưa tin ngày 5/1.", "Xinhua"),
        ("BAGHDAD (AP) — U.S. troops will leave.", "AP"),
        ("A senior official told Reuters on Monday.", "Reuters"),
        ("According to the Wall Street Journal, the plan is agreed.", "The Wall Street Journal"),
        ("Al Jazeera reported that the coalition will leave.", "Al Jazeera"),
    ],
)
def test_an_agency_named_as_the_source_is_found(body: str, source: str) -> None:
    assert cited_source("Mỹ rút quân khỏi Iraq", body) == source


@pytest.mark.parametrize(
    "body",
    [
        "Theo các nguồn tin, kế hoạch đã được nhất trí.",
        "The apple does not fall far from the tree.",
        "Reuters is a news agency; this story is our own.",
    ],
)
def test_an_article_crediting_no_agency_has_no_source(body: str) -> None:
    assert cited_source("Tin thế giới", body) is None


def test_the_title_is_read_before_the_body() -> None:
    assert cited_source("(Reuters) Coalition to leave Iraq", "Theo AFP, ...") == "Reuters"


def test_an_outlet_crediting_itself_has_no_other_source() -> None:
    assert cited_source("x", "Theo TTXVN, ...", outlet="Vietnam+ (TTXVN)") is None
    assert cited_source("x", "Theo TTXVN, ...", outlet="VnExpress") == "TTXVN"
