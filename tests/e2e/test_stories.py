"""One story however many outlets carry it, end to end: the real service, three feeds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss
from tests.story_quality import articles

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)
CHAT = 5151
# Three Vietnamese outlets' own reports of US troops leaving Ain al-Asad (January 2026).
REPORTS = (
    ("Dân trí", "corpus/021_vi_dantri_rut_quan_hoan_toan.txt", "https://dantri.com.vn/b-2.htm"),
    ("Báo Gia Lai", "corpus/022_vi_baogialai_hoan_tat_rut_quan.txt", "https://baogialai.vn/c-3"),
    ("Người Lao Động", "corpus/020_vi_nld_ain_al_asad.txt", "https://nld.com.vn/a-1.htm"),
)


def same_story_other_outlet(n: int) -> FeedItem:
    _, name, link = REPORTS[n]
    text = articles()[name]
    return FeedItem(guid=link, link=link, title=text.title, description=text.body, published=NOW)


def test_three_outlets_one_story_one_message_edited_twice(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    paths = [f"/feed-{n}.rss" for n in range(3)]
    for path in paths:
        feed_server.set_feed(path, rss([]))
    config = write_config(
        tmp_path,
        feeds=[
            (outlet, feed_server.url(path))
            for (outlet, _, _), path in zip(REPORTS, paths, strict=True)
        ],
        api_base_url=bot_api.url,
        extra='edit_interval = "1s"',
    )
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
