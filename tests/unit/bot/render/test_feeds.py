"""/feeds: what its arguments mean, and its listing."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.render import feeds as feeds_format
from bot.render.feeds import FeedsCommand, parse
from storage.sources import Source

NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def test_arguments_name_an_action_a_feed_its_language_and_name() -> None:
    assert parse([]) == FeedsCommand("list")
    assert parse(["add", "https://vov.vn/rss/the-gioi.rss"]) == FeedsCommand(
        "add", "https://vov.vn/rss/the-gioi.rss", "vi", "vov.vn"
    )
    assert parse(["ADD", "https://www.bbc.co.uk/rss", "en", "BBC", "World"]) == FeedsCommand(
        "add", "https://www.bbc.co.uk/rss", "en", "BBC World"
    )
    assert parse(["add", "ftp://x"]) == FeedsCommand("usage")
    assert parse(["pause", "2"]) == FeedsCommand("pause", "2")
    assert parse(["remove"]) == FeedsCommand("usage")
    assert parse(["resume", "1", "2"]) == FeedsCommand("usage")
    assert parse(["delete", "1"]) == FeedsCommand("usage")


def test_the_listing_numbers_feeds_and_says_where_each_comes_from() -> None:
    feeds = [
        Source(1, "VnExpress", "https://vnexpress.net/rss?a=1&b=2", "vi", "config", False, 300,
               NOW, "ok", 0, None, 10, 2),
        Source(4, "VOV", "https://vov.vn/rss", "vi", "runtime", True, 3600, None, None, 0, None,
               0, 0),
    ]  # fmt: skip
    assert feeds_format.listing_text(feeds, "en") == (
        "🗂 <b>Feeds</b> (2)\n"
        "1. 🟢 VnExpress · vi · config.toml · every 5 min\n"
        "   https://vnexpress.net/rss?a=1&amp;b=2\n"
        "2. ⏸ VOV · vi · added here · every 1 h\n"
        "   https://vov.vn/rss\n"
        "/feeds add &lt;url&gt; [vi|en] [name] · /feeds pause|resume|remove &lt;number&gt;"
    )
    assert feeds_format.find(feeds, "2") is feeds[1]
    assert feeds_format.find(feeds, "https://vov.vn/rss") is feeds[1]
    assert feeds_format.find(feeds, "3") is None


def test_a_change_is_answered_escaped_and_with_the_right_plural() -> None:
    added = feeds_format.outcome(
        "added", "en", items=1, name="<VOV>", lang="vi", matched=1, every="every 5 min"
    )
    assert added == (
        "✅ Added “&lt;VOV&gt;” (vi): 1 item, 1 on the topic. "
        "It is checked every 5 min from now on."
    )
    restored = feeds_format.outcome("restored", "en", items=3, name="VOV", lang="vi", matched=0)
    assert restored == "✅ Watched again: “VOV” (vi): 3 items, 0 on the topic."
    assert feeds_format.outcome("paused", "vi", name="VOV") == "⏸ Đã tạm dừng “VOV”."
