"""The whole service as a user meets it: a real process, the local feed server, the fake Bot API."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.service import TOKEN, ServiceProcess, feed_statuses, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)
CHAT = 4242

RELEVANT = FeedItem(
    guid="vnx-4790001",
    link="https://vnexpress.net/my-iraq-rut-quan-4790001.html",
    title="Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân",
    description="Hàng trăm binh sĩ Mỹ sẽ rời Iraq vào tháng 9-2025 <b>theo Reuters</b> & AP.",
    published=NOW,
)
UNRELATED = FeedItem(
    guid="vnx-4790002",
    link="https://vnexpress.net/bau-cu-4790002.html",
    title="Iraq công bố kết quả bầu cử quốc hội",
    description="Ủy ban bầu cử Iraq công bố kết quả sơ bộ.",
    published=NOW,
)
SAME_GUID = FeedItem(
    guid=RELEVANT.guid,
    link="https://vnexpress.net/ban-sua-4790001.html",
    title=RELEVANT.title,
    published=NOW,
)
SAME_URL = FeedItem(
    guid="other-outlet-1",
    link=f"{RELEVANT.link}?utm_source=facebook&utm_campaign=share",
    title=RELEVANT.title,
    published=NOW,
)


def test_a_subscriber_gets_each_new_story_once(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/the-gioi.rss", rss([]))
    config = write_config(
        tmp_path,
        feeds=[("VnExpress", feed_server.url("/the-gioi.rss"))],
        api_base_url=bot_api.url,
    )
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(CHAT, "/start", language_code="vi")
        (greeting,) = bot_api.wait_for_messages(1, CHAT, timeout=20)
        assert "Drawdown Watch" in greeting.text
        assert "/subscribe" in greeting.text
        bot_api.user_sends(CHAT, "/subscribe", language_code="vi")
        assert "Đã đăng ký" in bot_api.wait_for_messages(2, CHAT)[1].text
        bot_api.user_sends(CHAT, "/subscribe", language_code="vi")
        assert "đã đăng ký rồi" in bot_api.wait_for_messages(3, CHAT)[2].text
        feed_server.wait_for_requests(1, "/the-gioi.rss")  # the first fetch: an empty backlog

        feed_server.set_feed("/the-gioi.rss", rss([RELEVANT]))
        published = time.monotonic()
        alert = bot_api.wait_for_messages(4, CHAT, timeout=1 + 2)[3]
        assert alert.time - published < 3
        assert alert.parse_mode == "HTML"
        assert alert.text.startswith(f"📰 <b>{RELEVANT.title}</b>\nVnExpress · ")
        assert f'<a href="{RELEVANT.link}">Đọc bài</a>' in alert.text
        assert "🔎 Từ khóa: " in alert.text
        assert "rút quân" in alert.text

        feed_server.set_feed("/the-gioi.rss", rss([RELEVANT, UNRELATED, SAME_GUID, SAME_URL]))
        seen = feed_server.request_count("/the-gioi.rss")
        feed_server.wait_for_requests(seen + 3, "/the-gioi.rss", timeout=10)
        assert len(bot_api.sent(CHAT)) == 4

        bot_api.user_sends(CHAT, "/status", language_code="en")
        status = bot_api.wait_for_messages(5, CHAT)[4].text
        assert "🟢 VnExpress — " in status
        assert "Stories on the topic: 1 (of 2 read)" in status
        assert "Subscribers: 1" in status

        bot_api.user_sends(CHAT, "/unsubscribe", language_code="en")
        assert "Unsubscribed" in bot_api.wait_for_messages(6, CHAT)[5].text
        bot_api.user_sends(CHAT, "/unsubscribe", language_code="en")
        assert "not subscribed" in bot_api.wait_for_messages(7, CHAT)[6].text
        assert service.stop() == 0

    assert bot_api.tokens() == {TOKEN}
    menu = [c["command"] for c in bot_api.commands()]
    assert menu == [
        "subscribe", "unsubscribe", "settings", "filters", "status", "sources", "why", "history",
        "timeline", "latest", "help",
    ]  # fmt: skip
    assert TOKEN not in service.stderr() + service.stdout()
    secret = TOKEN.split(":")[1]
    assert secret not in service.stderr()
    for path in tmp_path.glob("drawdown.db*"):
        assert secret.encode() not in path.read_bytes()


def test_a_blocked_subscriber_is_deactivated_and_a_flood_wait_is_honoured(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(
        tmp_path, feeds=[("Tuổi Trẻ", feed_server.url("/f"))], api_base_url=bot_api.url
    )
    with ServiceProcess(tmp_path, config) as service:
        for chat in (1, 2):
            bot_api.user_sends(chat, "/subscribe")
            bot_api.wait_for_messages(1, chat, timeout=20)
        feed_server.wait_for_requests(1, "/f")
        bot_api.block(1)
        bot_api.flood(2, retry_after=1, times=1)
        feed_server.set_feed("/f", rss([RELEVANT]))
        (alert,) = bot_api.wait_for_messages(2, 2, timeout=10)[1:]
        assert RELEVANT.title in alert.text
        service.wait_for_log("subscriber.deactivated chat=1")
        item = FeedItem(
            guid="2", link="https://tuoitre.vn/2.htm", title="Quân đội Mỹ rút khỏi Iraq"
        )
        feed_server.set_feed("/f", rss([RELEVANT, item]))
        bot_api.wait_for_messages(3, 2, timeout=10)
        assert service.stop() == 0
    assert [c.params.get("chat_id") for c in bot_api.calls("sendMessage") if c.status == 403] == [1]


def test_without_a_token_alerts_go_to_the_terminal(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("Dân trí", feed_server.url("/f"))])
    with ServiceProcess(tmp_path, config, token=None) as service:
        service.wait_for_log("alerts are printed to this terminal")
        feed_server.wait_for_requests(1, "/f", timeout=15)
        feed_server.set_feed("/f", rss([RELEVANT]))
        until("the alert is printed", lambda: RELEVANT.title in service.stdout(), timeout=5)
        assert service.stop() == 0
    assert f"📰 {RELEVANT.title}" in service.stdout()
    assert str(RELEVANT.link) in service.stdout()
    assert service.stderr().count("TELEGRAM_BOT_TOKEN is not set") == 1
    assert (tmp_path / "drawdown.db").exists()


def test_a_bad_config_is_refused_with_one_clear_line(tmp_path: Path) -> None:
    config = write_config(tmp_path, feeds=[("A", "https://a.example/rss")])
    config.write_text(config.read_text().replace('tick = "200ms"', 'tick = "often"'))
    service = ServiceProcess(tmp_path, config, token=None).start()
    assert service.wait() == 2
    assert f"error: {config}: schedule.tick: 'often' is not a duration" in service.stderr()
    assert not (tmp_path / "drawdown.db").exists()


def test_the_service_keeps_running_when_telegram_is_down_at_start(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    bot_api.fail("getMe", status=502, times=2)
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    with ServiceProcess(tmp_path, config) as service:
        service.wait_for_log("telegram.unreachable")
        service.wait_for_log("telegram.started", timeout=20)
        assert service.stop() == 0
    assert TOKEN not in service.stderr()


def test_stats_answers_admins_and_refuses_everyone_else(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_status("/down", 500)
    config = write_config(
        tmp_path, feeds=[("Down", feed_server.url("/down"))], api_base_url=bot_api.url, admins=[7]
    )
    with ServiceProcess(tmp_path, config) as service:
        feed_server.wait_for_requests(1, "/down", timeout=20)
        until(  # the failed check is recorded at the next tick
            "the failed check is recorded",
            lambda: any(f.error_count for f in feed_statuses(config)),
            timeout=20,
        )
        bot_api.user_sends(8, "/stats")
        (refused,) = bot_api.wait_for_messages(1, 8, timeout=20)
        assert refused.text == "This command is for administrators only."
        bot_api.user_sends(7, "/stats", language_code="vi")
        (stats,) = bot_api.wait_for_messages(1, 7, timeout=20)
        assert service.stop() == 0
    assert stats.text.startswith("📊 <b>Thống kê</b>\nNguồn: 1, đang lỗi: 1")
    assert "🔴 Down ×1: cannot fetch" in stats.text
    assert "HTTP 500" in stats.text
    assert "thay đổi số liệu: 0" in stats.text
