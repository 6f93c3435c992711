"""Stories end to end, the real service and three feeds: one wire story carried by three
outlets is one alert edited twice; three developments of one week are three alerts; a report
joining a story with a new figure sends an update that names it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss
from tests.story_quality import articles, derive

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)
CHAT = 5151
# One wire report of US troops leaving Ain al-Asad (January 2026) as three Vietnamese outlets
# carry it: as it is, under its lead as the headline with a paragraph dropped, and with a
# caption printed twice and the agency's byline.
WIRE = "corpus/021_vi_dantri_rut_quan_hoan_toan.txt"
REPORTS = (
    ("Dân trí", (), "https://dantri.com.vn/b-2.htm"),
    (
        "Báo Gia Lai",
        ("retitle", "drop_paragraph"),
        "https://baogialai.vn/c-3",
    ),
    ("Người Lao Động", ("duplicate_caption", "byline"), "https://nld.com.vn/a-1.htm"),
)


def same_story_other_outlet(n: int) -> FeedItem:
    _, edits, link = REPORTS[n]
    text = derive(articles()[WIRE], edits)
    return FeedItem(guid=link, link=link, title=text.title, description=text.body, published=NOW)


def empty_feeds(
    tmp_path: Path,
    feed_server: FeedServer,
    bot_api: FakeBotApi,
    outlets: Sequence[str],
    *,
    admins: Sequence[int] = (),
) -> tuple[list[str], Path]:
    """A feed for each outlet, empty for now, and a service's config reading them (a story's
    alert edited at most once a second)."""
    paths = [f"/feed-{n}.rss" for n in range(len(outlets))]
    for path in paths:
        feed_server.set_feed(path, rss([]))
    config = write_config(
        tmp_path,
        feeds=[
            (outlet, feed_server.url(path)) for outlet, path in zip(outlets, paths, strict=True)
        ],
        api_base_url=bot_api.url,
        admins=admins,
        extra='edit_interval = "1s"',
    )
    return paths, config


def three_outlets(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi, *, admins: Sequence[int] = ()
) -> tuple[list[str], Path]:
    """The feeds of ``REPORTS``' three outlets (``empty_feeds``)."""
    outlets = [outlet for outlet, _, _ in REPORTS]
    return empty_feeds(tmp_path, feed_server, bot_api, outlets, admins=admins)


def test_three_outlets_one_story_one_message_edited_twice(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    paths, config = three_outlets(tmp_path, feed_server, bot_api)
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(CHAT, "/subscribe", language_code="vi")
        bot_api.wait_for_messages(1, CHAT, timeout=20)
        for path in paths:
            feed_server.wait_for_requests(1, path)  # first fetches: empty backlogs

        feed_server.set_feed(paths[0], rss([same_story_other_outlet(0)]))
        alert = bot_api.wait_for_messages(2, CHAT, timeout=10)[1]
        assert "Dân trí" in alert.text
        assert "Cùng đưa tin" not in alert.text

        feed_server.set_feed(paths[1], rss([same_story_other_outlet(1)]))
        (first,) = bot_api.wait_for_edits(1, CHAT, timeout=10)
        assert first.message_id == alert.message_id
        assert first.text.endswith("🗞 Cùng đưa tin: Báo Gia Lai")

        feed_server.set_feed(paths[2], rss([same_story_other_outlet(2)]))
        second = bot_api.wait_for_edits(2, CHAT, timeout=10)[1]
        assert second.message_id == alert.message_id
        assert second.text.endswith("🗞 Cùng đưa tin: Báo Gia Lai, Người Lao Động")
        assert second.time - first.time >= 1.0  # never more often than edit_interval
        assert alert.reply_markup is not None
        buttons = [[b["text"] for b in row] for row in alert.reply_markup["inline_keyboard"]]
        for edit in (first, second):  # the buttons stay: an edit without them would drop them
            assert edit.reply_markup is not None
            kept = [[b["text"] for b in row] for row in edit.reply_markup["inline_keyboard"]]
            assert kept == buttons

        bot_api.user_sends(CHAT, "/latest", language_code="en")
        latest = bot_api.wait_for_messages(3, CHAT)[2].text
        assert "Latest stories" in latest
        assert latest.count("• ") == 1
        assert "Dân trí · 3 outlets" in latest

        for path in paths:  # the feeds are read again: nothing new is sent or edited
            seen = feed_server.request_count(path)
            feed_server.wait_for_requests(seen + 2, path, timeout=10)
        assert len(bot_api.sent(CHAT)) == 3
        assert len(bot_api.edits(CHAT)) == 2
        assert service.stop() == 0
    assert "Traceback" not in service.stderr()


# Three developments of one week, each its own news, then a report of the third by another
# outlet that brings a figure the story did not have.
DEVELOPMENTS = (
    (
        "Mỹ và Iraq nhất trí khởi động đàm phán về tương lai liên quân",
        "Washington và Baghdad ngày 22/1 nhất trí mở các cuộc đàm phán song phương về thời điểm "
        "kết thúc sứ mệnh của liên quân do Mỹ dẫn đầu ở Iraq. Ủy ban quân sự cấp cao sẽ họp "
        "lần đầu trong tuần tới.",
    ),
    (
        "Mỹ bàn giao căn cứ Ain al-Asad cho quân đội Iraq",
        "Quân đội Mỹ ngày 24/1 đã bàn giao căn cứ không quân Ain al-Asad ở tỉnh Anbar cho lực "
        "lượng an ninh Iraq, trong khuôn khổ kế hoạch rút quân. Lễ bàn giao có sự tham dự của "
        "Tổng tham mưu trưởng quân đội Iraq.",
    ),
    (
        "Mỹ hoàn tất đợt rút quân, còn khoảng 2.000 binh sĩ ở Iraq",
        "Lầu Năm Góc ngày 26/1 cho biết Mỹ đã hoàn tất đợt rút quân khỏi Iraq, giảm số binh sĩ "
        "đồn trú xuống còn khoảng 2.000 người. Các binh sĩ còn lại tập trung ở Erbil.",
    ),
)
JOINING = (
    DEVELOPMENTS[2][0],
    DEVELOPMENTS[2][1] + " Theo kế hoạch, đến tháng 9 chỉ còn khoảng 1.500 binh sĩ Mỹ ở Iraq.",
)


def development(n: int, title: str, body: str, day: int) -> FeedItem:
    link = f"https://news{n}.example/{day}"
    published = datetime(2026, 1, 20 + day, 9, tzinfo=UTC)
    return FeedItem(guid=link, link=link, title=title, description=body, published=published)


def messages_until(bot_api: FakeBotApi, mark: str, count: int) -> list[str]:
    """The texts of the chat's messages that start with ``mark``, once there are ``count``."""
    seen = len(bot_api.sent(CHAT))
    while True:
        found = [m.text for m in bot_api.sent(CHAT) if m.text.startswith(mark)]
        if len(found) >= count:
            return found
        seen += 1
        bot_api.wait_for_messages(seen, CHAT, timeout=15)


def test_three_developments_of_one_week_are_three_alerts_and_news_is_an_update(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    paths, config = empty_feeds(tmp_path, feed_server, bot_api, ["Tin A", "Tin B"])
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(CHAT, "/subscribe", language_code="vi")
        bot_api.wait_for_messages(1, CHAT, timeout=20)
        for path in paths:
            feed_server.wait_for_requests(1, path)  # first fetches: empty backlogs

        items = [development(0, t, b, 2 + 2 * n) for n, (t, b) in enumerate(DEVELOPMENTS)]
        feed_server.set_feed(paths[0], rss(items))
        stories = messages_until(bot_api, "📰", 3)
        seen = feed_server.request_count(paths[0])
        feed_server.wait_for_requests(seen + 2, paths[0], timeout=10)
        for title, _ in DEVELOPMENTS:
            assert sum(title in text for text in stories) == 1

        feed_server.set_feed(paths[1], rss([development(1, *JOINING, 6)]))
        (update,) = messages_until(bot_api, "🆕", 1)
        assert "1.500 binh sĩ" in update
        assert "Tin B" in update
        assert len([m for m in bot_api.sent(CHAT) if m.text.startswith("📰")]) == 3
        assert service.stop() == 0
    assert "Traceback" not in service.stderr()
