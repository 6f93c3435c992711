"""Steps done and stale restatements as a subscriber meets them: a real process, the feed
server, the fake Bot API, and /status and /history showing what the ledger decided."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)
YEAR = NOW.year
CHAT = 6262
FEED = "/the-gioi.rss"


def story(n: int, title: str, body: str, age: timedelta) -> FeedItem:
    return FeedItem(
        guid=f"tt-{n}",
        link=f"https://tuoitre.vn/tin-{n}.html",
        title=title,
        description=body,
        published=NOW - age,
    )


PLAN = story(
    1,
    "Liên minh sẽ rời căn cứ Ain al-Asad",
    f"Liên minh do Mỹ dẫn đầu sẽ rút khỏi căn cứ Ain al-Asad vào tháng 9/{YEAR + 1}.",
    timedelta(days=40),
)
LEFT_THE_BASE = story(
    2,
    "Quân Mỹ đã rời khỏi căn cứ Ain al-Asad",
    "Toàn bộ binh sĩ Mỹ đã rời khỏi căn cứ không quân Ain al-Asad, quân đội Iraq tiếp quản.",
    timedelta(hours=1),
)
ABOUT_2500 = story(
    11,
    "Mỹ duy trì quân tại Iraq",
    "Khoảng 2.500 binh sĩ Mỹ đang đồn trú tại Iraq, trong khi Iraq muốn liên minh rút quân.",
    timedelta(days=60),
)
CUT_TO_2000 = story(
    12,
    "Lầu Năm Góc giảm quân tại Iraq",
    "Lầu Năm Góc cho biết Mỹ đã giảm quân số tại Iraq xuống còn 2.000 binh sĩ.",
    timedelta(days=30),
)
STALE_2500 = story(
    13,
    "Iraq bàn về tương lai của liên minh",
    "Các nhà lập pháp Iraq thảo luận về tương lai của liên minh. Hiện có khoảng 2.500 binh sĩ "
    "Mỹ tại Iraq, theo AP.",
    timedelta(hours=2),
)


def _service(tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi) -> ServiceProcess:
    feed_server.set_feed(FEED, rss([]))
    config = write_config(
        tmp_path, feeds=[("Tuổi Trẻ", feed_server.url(FEED))], api_base_url=bot_api.url
    )
    return ServiceProcess(tmp_path, config)


def test_a_base_left_is_a_milestone_reached_not_a_changed_deadline(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    with _service(tmp_path, feed_server, bot_api) as service:
        bot_api.user_sends(CHAT, "/subscribe", language_code="vi")
        bot_api.wait_for_messages(1, CHAT, timeout=20)
        feed_server.wait_for_requests(1, FEED)

        feed_server.set_feed(FEED, rss([PLAN]))
        first = bot_api.wait_for_messages(2, CHAT, timeout=10)[1]
        assert first.text.startswith(f"📰 <b>{PLAN.title}</b>")  # a first deadline: no alert

        feed_server.set_feed(FEED, rss([LEFT_THE_BASE, PLAN]))
        reached, news = bot_api.wait_for_messages(4, CHAT, timeout=10)[2:]
        headline = reached.text.splitlines()[0]
        assert headline.startswith("✅ Đã hoàn tất một mốc — liên minh rời Ain al-Asad: ")
        assert f"(hạn chót là tháng 9/{YEAR + 1})" in headline
        assert "Thời hạn thay đổi" not in reached.text  # not a changed deadline
        assert news.text.startswith(f"📰 <b>{LEFT_THE_BASE.title}</b>")

        bot_api.user_sends(CHAT, "/status", language_code="en")
        status = bot_api.wait_for_messages(5, CHAT)[4].text
        assert "• coalition leaves Ain al-Asad (done): " in status
        assert f"• coalition leaves Ain al-Asad: September {YEAR + 1} · " in status

        bot_api.user_sends(CHAT, "/history Ain al-Asad (done)", language_code="en")
        history = bot_api.wait_for_messages(6, CHAT)[5].text.splitlines()
        assert history[0] == "📈 <b>Coalition leaves Ain al-Asad (done)</b>"
        assert history[1].endswith("(done)")
        assert service.stop() == 0


def test_a_stale_restatement_after_a_reported_cut_gives_nothing(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    with _service(tmp_path, feed_server, bot_api) as service:
        bot_api.user_sends(CHAT, "/subscribe", language_code="vi")
        bot_api.wait_for_messages(1, CHAT, timeout=20)
        feed_server.wait_for_requests(1, FEED)

        feed_server.set_feed(FEED, rss([ABOUT_2500]))
        assert bot_api.wait_for_messages(2, CHAT, timeout=10)[1].text.startswith("📰")

        feed_server.set_feed(FEED, rss([CUT_TO_2000, ABOUT_2500]))
        change, news = bot_api.wait_for_messages(4, CHAT, timeout=10)[2:]
        assert change.text.splitlines()[0].startswith("⚠️ ")
        assert "2.000" in change.text.splitlines()[0]
        assert news.text.startswith(f"📰 <b>{CUT_TO_2000.title}</b>")

        feed_server.set_feed(FEED, rss([STALE_2500, CUT_TO_2000, ABOUT_2500]))
        stale = bot_api.wait_for_messages(5, CHAT, timeout=10)[4]
        assert stale.text.startswith(f"📰 <b>{STALE_2500.title}</b>")  # the story, no figure

        bot_api.user_sends(CHAT, "/status", language_code="en")
        status = bot_api.wait_for_messages(6, CHAT)[5].text
        assert "• US troops in Iraq: 2,000 · " in status

        bot_api.user_sends(CHAT, "/history US troops in Iraq", language_code="en")
        history = bot_api.wait_for_messages(7, CHAT)[6].text.splitlines()
        assert [line.rsplit("(", 1)[1] for line in history[1:]] == [
            "first report)",
            "changed)",
            "older report)",
        ]
        assert service.stop() == 0
    sent = bot_api.sent(CHAT)
    assert sum(1 for m in sent if m.text.startswith("⚠️")) == 1
