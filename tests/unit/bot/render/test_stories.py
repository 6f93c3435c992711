"""Story messages: "also reported by" on an alert, and /latest, in both languages, escaped."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

from bot.render import messages as format
from bot.render.stories import latest
from storage.story_types import StorySummary
from tests.unit.bot.render.test_messages import alert

NOW = datetime(2026, 11, 22, 9, 5, tzinfo=UTC)


def test_an_alert_lists_the_other_outlets_two_by_name_and_how_many_more() -> None:
    also = ["Tuổi Trẻ", "VietnamPlus", "Dân trí", "VOV", "Hà Nội Mới"]
    english = format.alert(alert(), "en", also)
    assert english.endswith("\n🗞 Also reported by: Tuổi Trẻ, VietnamPlus (+3)")
    vietnamese = format.render(alert(), "vi", also[:2])
    assert vietnamese.endswith("\n🗞 Cùng đưa tin: Tuổi Trẻ, VietnamPlus")
    assert "Cùng đưa tin" not in format.alert(alert(), "vi")


def test_outlet_names_are_escaped() -> None:
    text = format.alert(alert(), "en", ["<b>R&D</b> News"])
    assert text.endswith("Also reported by: &lt;b&gt;R&amp;D&lt;/b&gt; News")


def test_an_edit_is_the_story_alert_with_its_outlets() -> None:
    edit = alert(kind="edit", story_id=7)
    assert format.render(edit, "en", ["VOV"]) == format.alert(alert(), "en", ["VOV"])
    assert format.alert_plain(edit, ["VOV"]).endswith("Also reported by: VOV")


def summary(n: int, outlets: int, title: str = "Mỹ rút quân khỏi Iraq") -> StorySummary:
    return StorySummary(
        id=n,
        title=title,
        url=f"https://vnexpress.net/{n}.html?a=1&b=2",
        outlet="VnExpress",
        first_seen_at=NOW - timedelta(hours=3),
        latest_at=NOW - timedelta(minutes=n),  # seen just now...
        articles=outlets,
        outlets=outlets,
        published_at=NOW - timedelta(minutes=5 * n),  # ...published earlier: "ago" counts this
    )


def test_latest_lists_each_story_with_its_outlet_count() -> None:
    english = latest([summary(1, 3), summary(2, 1)], "en", NOW)
    lines = english.split("\n")
    assert lines[0] == "🗂 <b>Latest stories</b>"
    assert lines[1] == (
        '• <a href="https://vnexpress.net/1.html?a=1&amp;b=2">Mỹ rút quân khỏi Iraq</a>'
        " — VnExpress · 3 outlets · 5 min ago"
    )
    assert lines[2].endswith("VnExpress · 1 outlet · 10 min ago")
    vietnamese = latest([summary(1, 3, "<Iraq & Mỹ>")], "vi", NOW)
    assert "Tin gần đây" in vietnamese
    assert "&lt;Iraq &amp; Mỹ&gt;" in vietnamese
    assert "3 báo · 5 phút trước" in vietnamese
    undated = dataclasses.replace(summary(1, 1), published_at=None)
    assert latest([undated], "en", NOW).endswith("· 3 h ago")  # from when it was first seen


def test_latest_says_so_when_there_is_no_story_yet() -> None:
    assert "No stories yet." in latest([], "en", NOW)
    assert "Chưa có tin nào." in latest([], "vi", NOW)
