"""Administrators' commands end to end: /feeds validated by one fetch and kept across restarts,
/broadcast through the outbox, and every admin command refused to everyone else, in both
languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conversation import User
from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss

pytestmark = pytest.mark.slow

ADMIN, READER, STRANGER = 7, 8, 9
ITEMS = [
    FeedItem(guid="vov-1", link="https://vov.vn/1", title="Mỹ rút quân khỏi Iraq"),
    FeedItem(guid="vov-2", link="https://vov.vn/2", title="Giá vàng hôm nay"),
]


def test_admins_manage_feeds_and_broadcast_and_everyone_else_is_refused(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/vnexpress", rss([]))
    feed_server.set_feed("/vov", rss(ITEMS))
    feed_server.set_status("/gone", 404)
    configured = feed_server.url("/vnexpress")
    added = feed_server.url("/vov")
    config = write_config(
        tmp_path, feeds=[("VnExpress", configured)], api_base_url=bot_api.url, admins=[ADMIN]
    )
    admin = User(bot_api, ADMIN, "en", None)
    reader = User(bot_api, READER, "vi", None)
    stranger = User(bot_api, STRANGER, "en", None)
    with ServiceProcess(tmp_path, config) as service:
        commands = ("/stats", "/feeds", f"/feeds add {added}", "/broadcast Hello", "/split x.vn")
        for command in commands:
            (refused,) = stranger.says(command, timeout=20)
            assert refused.text == "This command is for administrators only."
            (refused,) = reader.says(command, timeout=20)
            assert refused.text == "Lệnh này chỉ dành cho quản trị viên."

        (reply,) = admin.says(f"/feeds add {feed_server.url('/gone')}")
        gone = feed_server.url("/gone")
        assert reply.text == f"❌ Not added: cannot fetch '{gone}': HTTP 404 Not Found"
        (reply,) = admin.says(f"/feeds add {added} vi VOV Thế giới")
        assert reply.text == (
            "✅ Added “VOV Thế giới” (vi): 2 items, 1 on the topic. "
            "It is checked every 1 s from now on."
        )
        feed_server.wait_for_requests(3, "/vov", timeout=10)  # the check, then the tick
        (reply,) = admin.says(f"/feeds add {added}")
        assert reply.text == "This feed is already watched."
        (listing,) = admin.says("/feeds")
        assert listing.text.splitlines()[0] == "🗂 <b>Feeds</b> (2)"
        assert listing.text.splitlines()[3:5] == [
            "2. 🟢 VOV Thế giới · vi · added here · every 1 s",
            f"   {added}",
        ]
        (reply,) = admin.says("/feeds remove 1")
        assert (
            reply.text == "“VnExpress” comes from config.toml: remove it there, or pause it here."
        )
        (reply,) = admin.says("/feeds pause 2")
        assert reply.text == "⏸ Paused “VOV Thế giới”."
        ticks = feed_server.request_count("/vnexpress")  # the other feed, also every 1 s
        feed_server.wait_for_requests(ticks + 1, "/vnexpress", timeout=10)  # a check under way
        paused_at = feed_server.request_count("/vov")  # has sent its request by now
        feed_server.wait_for_requests(ticks + 3, "/vnexpress", timeout=10)  # two more rounds
        assert feed_server.request_count("/vov") == paused_at
        (reply,) = admin.says("/feeds resume 2")
        assert reply.text == "▶️ Resumed “VOV Thế giới”."
        feed_server.wait_for_requests(paused_at + 1, "/vov", timeout=10)

        reader.says("/subscribe")
        admin.says("/subscribe")
        (reply,) = admin.says("/broadcast The bot will restart at 22:00 UTC.\nNothing is lost.")
        assert reply.text == "📢 Announcement queued for 2 subscribers."
        assert reader.gets().text == (
            "📢 <b>Thông báo</b>\nThe bot will restart at 22:00 UTC.\nNothing is lost."
        )
        assert admin.gets().text.startswith("📢 <b>Announcement</b>\n")
        assert stranger.seen == len(bot_api.sent(STRANGER))  # not subscribed: nothing
        assert service.stop() == 0

    assert [c["command"] for c in bot_api.commands(scope={"type": "chat", "chat_id": ADMIN})][
        -4:
    ] == ["stats", "feeds", "broadcast", "split"]
    assert "stats" not in [c["command"] for c in bot_api.commands()]

    with ServiceProcess(tmp_path, config) as service:  # a restart: config sync runs again
        (listing,) = admin.says("/feeds", timeout=20)
        assert "2. 🟢 VOV Thế giới · vi · added here · every 1 s" in listing.text
        (reply,) = admin.says("/feeds remove 2")
        assert reply.text == "🗑 Removed “VOV Thế giới”."
        (listing,) = admin.says("/feeds")
        assert listing.text.splitlines()[0] == "🗂 <b>Feeds</b> (1)"
        assert service.stop() == 0
