"""A report that joined a story with something new, and /why's story line, in both languages."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from bot.render import alerts as format
from bot.render import why as why_format
from storage.preference_types import Explanation, JoinedStory, SeenArticle, SplitFrom
from storage.types import StoredAlert

NOW = datetime(2026, 1, 18, 9, 5, tzinfo=UTC)
UPDATE = StoredAlert(
    id=3,
    kind="update",
    title="Mỹ hoàn tất đợt rút quân, còn khoảng 2.000 binh sĩ",
    outlet="Dân trí",
    url="https://dantri.example/a",
    published_at=NOW,
    matched=(),
    created_at=NOW,
    news=("troops:2000", "deadline:2026-09-30", "milestone:complete"),
)


def test_an_update_says_what_is_new_before_the_report() -> None:
    assert format.render(UPDATE, "en") == (
        "🆕 <b>New in this story:</b> 2,000 troops, a deadline of 30 September 2026, "
        "a drawdown completed\n"
        "<b>Mỹ hoàn tất đợt rút quân, còn khoảng 2.000 binh sĩ</b>\n"
        "Dân trí · 18 Jan 2026 09:05 UTC\n"
        '<a href="https://dantri.example/a">Read the article</a>'
    )
    assert format.render(UPDATE, "vi").splitlines()[0] == (
        "🆕 <b>Điểm mới của tin này:</b> 2.000 binh sĩ, thời hạn 30/09/2026, hoàn tất đợt rút quân"
    )
    assert "2,000 troops" in format.alert_plain(UPDATE)


def test_a_place_none_of_the_story_s_reports_named_is_shown_with_a_pin() -> None:
    moved = dataclasses.replace(UPDATE, news=("place:Erbil", "place:Kurdistan"))
    assert format.render(moved, "vi").splitlines()[0] == (
        "🆕 <b>Điểm mới của tin này:</b> 📍 Erbil, 📍 Kurdistan"
    )
    older = dataclasses.replace(UPDATE, news=("troops:2000", "later:kind"))  # a later version's
    assert format.render(older, "en").splitlines()[0].endswith("this story:</b> 2,000 troops")


ARTICLE = SeenArticle(
    id=9, title="Mỹ bàn giao căn cứ Ain al-Asad", outlet="Tuổi Trẻ", url=None,
    published_at=NOW, seen_at=NOW, relevant=True, matched=(), reason="new", relevance=None,
)  # fmt: skip


def test_why_names_the_story_an_article_joined_and_when_its_alert_was_sent() -> None:
    story = JoinedStory(4, 1, "Mỹ rút quân khỏi Ain al-Asad", "VnExpress", 3, NOW)
    explained = Explanation(ARTICLE, None, (), (), story)
    assert why_format.why(explained, "en").splitlines()[3] == (
        "🧵 Joined the story “Mỹ rút quân khỏi Ain al-Asad” (VnExpress, 3 reports). "
        "Its alert was sent 18 Jan 2026 09:05 UTC."
    )
    silent = Explanation(ARTICLE, None, (), (), JoinedStory(4, 1, "T", "V", 2, None))
    assert why_format.why(silent, "vi").splitlines()[3].endswith("Tin này chưa gửi thông báo.")
    assert "🧵" not in why_format.why(Explanation(ARTICLE, None, (), ()), "en")


def test_why_says_an_administrator_split_the_article_out_of_a_story() -> None:
    split = SplitFrom("Mỹ & Iraq", "VnExpress", NOW)
    explained = Explanation(ARTICLE, None, (), (), None, split)
    assert why_format.why(explained, "en").splitlines()[3] == (
        "✂️ An administrator took it out of the story “Mỹ &amp; Iraq” (VnExpress) on "
        "18 Jan 2026 09:05 UTC: it is news of its own."
    )
    assert (
        why_format.why(explained, "vi")
        .splitlines()[3]
        .startswith("✂️ Quản trị viên đã tách bài khỏi câu chuyện “Mỹ &amp; Iraq” (VnExpress) lúc ")
    )
