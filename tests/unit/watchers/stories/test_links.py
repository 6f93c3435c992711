"""A page's links to other stories ("Related: …", "Xem thêm:" and the headline under it) are
not its text (``watchers.topic.text.without_links``): neither its figures nor its evidence.
The reports are the twenty-fifth same-week set's (our own writing): a re-post of a scoop whose
"Related:" line is the headline of the day's other story, the partners' troop count."""

from __future__ import annotations

from datetime import date

import pytest

from tests.story_texts import set_report
from watchers.figures import extract
from watchers.stories.similar import clean_lines
from watchers.stories.similar.verdict import same_story
from watchers.topic.text import without_links


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("a.\nRelated: US to shrink Iraq force to 2,000 by March\nb.", "a.\nb."),
        ("a.\nRead more: https://example.org/x\nb.", "a.\nb."),
        ("a.\nXem thêm: Mỹ rút 2.000 quân\nTin liên quan: Iraq\nb.", "a.\nb."),
        ("a.\n>> Xem thêm: Mỹ rút quân\n(Xem thêm: Mỹ rút quân)\nb.", "a.\nb."),
        # a label alone, with or without its colon, and the headlines under it
        ("a.\nĐọc thêm:\nMỹ rút 2.000 quân khỏi Iraq\nIraq tiếp quản căn cứ\nb.", "a.\nb."),
        ("a.\nTin liên quan\nMỹ-Iraq đàm phán chấm dứt sứ mệnh\nb.", "a.\nb."),
        ("a.\nDoc them:\n\nMy rut quan\nb.", "a.\nb."),  # blank lines between
        ("a.\nREAD MORE\nUS leaves Ain al-Asad\nb.", "a.\nb."),
        ("a.\nBài viết liên quan：\nMỹ rút quân\nb.", "a.\nb."),
        # ... up to a line that ends as a sentence does: the article again
        (
            "a.\nRelated:\nThe Pentagon said US troops will fall to 2,000 by September.\nb.",
            "a.\nThe Pentagon said US troops will fall to 2,000 by September.\nb.",
        ),
        # no link
        ("The related talks: in Baghdad.", "The related talks: in Baghdad."),
        ("More than 2,000 troops left on Monday.", "More than 2,000 troops left on Monday."),
        ("Related:", ""),
    ],
)
def test_the_lines_that_point_at_other_articles_are_dropped(text: str, kept: str) -> None:
    assert without_links(text) == kept


def test_a_links_figures_are_not_the_articles() -> None:
    body = "The talks went on.\nRelated: US to shrink Iraq force to 2,000 by March"
    figures = extract("US troops in Iraq", body, published=date(2067, 3, 10), lang="en")
    assert figures.troop_counts == ()
    assert clean_lines(body) == ["The talks went on."]


def test_a_link_to_the_days_other_story_joins_nothing() -> None:
    scoop = set_report("weekset25", "003", date(2067, 3, 10))
    partners = set_report("weekset25", "038", date(2067, 3, 9))
    assert not same_story(scoop, partners).same  # 0.98 with the link read as its text
