"""Figure changes as a subscriber meets them: a real process, the feed server, the fake Bot API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)
YEAR = NOW.year
CHAT = 5151


def story(n: int, title: str, body: str, age: timedelta) -> FeedItem:
    return FeedItem(
        guid=f"vne-{n}",
        link=f"https://vnexpress.net/tin-{n}.html",
        title=title,
        description=body,
        published=NOW - age,
    )


FIRST_TIMETABLE = story(
    1,
    "Mỹ cam kết rút quân khỏi Iraq",
    f"Mỹ sẽ rút toàn bộ binh sĩ khỏi Iraq vào cuối năm {YEAR + 1}.",
    timedelta(days=40),
)
TIMETABLE_PUSHED_BACK = story(
    2,
    "Mỹ lùi thời hạn rút quân khỏi Iraq",
    f"Theo Reuters, liên minh do Mỹ dẫn đầu sẽ rời khỏi Iraq vào cuối năm {YEAR + 2}.",
    timedelta(hours=1),
)
SAME_TIMETABLE_RETOLD = story(
    3,
    "Liên minh rút quân khỏi Iraq",
    f"Liên minh do Mỹ dẫn đầu sẽ rút toàn bộ binh sĩ khỏi Iraq vào cuối năm {YEAR + 2}.",
    timedelta(minutes=30),
)


def test_a_subscriber_hears_of_a_changed_deadline_before_the_stories_that_brought_it(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/the-gioi.rss", rss([]))
    config = write_config(
        tmp_path,
        feeds=[("VnExpress", feed_server.url("/the-gioi.rss"))],
        api_base_url=bot_api.url,
    )
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(CHAT, "/subscribe", language_code="vi")
        bot_api.wait_for_messages(1, CHAT, timeout=20)
        feed_server.wait_for_requests(1, "/the-gioi.rss")  # the first fetch: an empty backlog

        feed_server.set_feed("/the-gioi.rss", rss([FIRST_TIMETABLE]))
        first = bot_api.wait_for_messages(2, CHAT, timeout=10)[1]
        assert first.text.startswith(f"📰 <b>{FIRST_TIMETABLE.title}</b>")  # no figure alert yet

        feed_server.set_feed(
            "/the-gioi.rss", rss([SAME_TIMETABLE_RETOLD, TIMETABLE_PUSHED_BACK, FIRST_TIMETABLE])
        )
        change, story = bot_api.wait_for_messages(4, CHAT, timeout=10)[2:]
        vietnam = ZoneInfo("Asia/Ho_Chi_Minh")  # a Vietnamese client's time zone
        day = (NOW - timedelta(hours=1)).astimezone(vietnam).strftime("%d/%m/%Y")
        assert change.text.splitlines()[0] == (
            f"⚠️ Thời hạn thay đổi — liên minh rời Iraq: cuối năm {YEAR + 2} "
            f"(trước là cuối năm {YEAR + 1}) · Reuters qua VnExpress, {day} · 1 nguồn"
        )
        assert change.parse_mode == "HTML"
        # the two reports of the new timetable are one story: one alert
        assert story.text.splitlines()[0] in {
            f"📰 <b>{s.title}</b>" for s in (TIMETABLE_PUSHED_BACK, SAME_TIMETABLE_RETOLD)
        }

        bot_api.user_sends(CHAT, "/status", language_code="en")
        status = bot_api.wait_for_messages(5, CHAT)[4].text
        assert "📊 <b>Figures</b>" in status
        assert f"• coalition leaves Iraq: end of {YEAR + 2} · VnExpress, " in status
        assert status.endswith("· 2 sources\n/history — a figure's timeline")

        bot_api.user_sends(CHAT, "/history rời Iraq", language_code="vi")
        history = bot_api.wait_for_messages(6, CHAT)[5].text.splitlines()
        assert history[0] == "📈 <b>Liên minh rời Iraq</b>"
        assert [line.rsplit("(", 1)[1] for line in history[1:]] == [
            "lần đầu)",
            "thay đổi)",
            "xác nhận)",
        ]
        chart = bot_api.wait_for_messages(7, CHAT)[6]
        assert chart.photo is not None
        assert chart.text.startswith("Biểu đồ: Liên minh rời Iraq, 3 bản tin")
        assert service.stop() == 0
    assert len(bot_api.sent(CHAT)) == 7
