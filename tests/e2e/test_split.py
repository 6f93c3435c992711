"""/split end to end, the real service and three feeds: an administrator takes a report out of
the story it joined; every subscriber gets it as a story of its own, and the story's message
stops listing its outlet. Nobody else may split."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conversation import User
from tests.e2e.service import ServiceProcess, write_config
from tests.e2e.test_stories import REPORTS, same_story_other_outlet
from tests.servers import FakeBotApi, FeedServer, rss

pytestmark = pytest.mark.slow

ADMIN, READER = 7, 5252


def test_an_admin_splits_a_report_out_of_its_story_and_readers_get_it_as_news(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    paths = [f"/split-{n}.rss" for n in range(3)]
    for path in paths:
        feed_server.set_feed(path, rss([]))
    config = write_config(
        tmp_path,
        feeds=[
            (outlet, feed_server.url(path))
            for (outlet, _, _), path in zip(REPORTS, paths, strict=True)
        ],
        api_base_url=bot_api.url,
        admins=[ADMIN],
        extra='edit_interval = "1s"',
    )
    admin = User(bot_api, ADMIN, "en", None)
    reader = User(bot_api, READER, "vi", None)
    link = REPORTS[2][2]
    with ServiceProcess(tmp_path, config) as service:
        reader.says("/subscribe", timeout=20)
        for path in paths:
            feed_server.wait_for_requests(1, path)  # first fetches: empty backlogs
        feed_server.set_feed(paths[0], rss([same_story_other_outlet(0)]))
        story = reader.gets(timeout=10)
        feed_server.set_feed(paths[1], rss([same_story_other_outlet(1)]))
        bot_api.wait_for_edits(1, READER, timeout=10)
        feed_server.set_feed(paths[2], rss([same_story_other_outlet(2)]))
        joined = bot_api.wait_for_edits(2, READER, timeout=10)[1]
        assert joined.text.endswith("🗞 Cùng đưa tin: Báo Gia Lai, Người Lao Động")

        (refused,) = reader.says(f"/split {link}")
        assert refused.text == "Lệnh này chỉ dành cho quản trị viên."
        (usage,) = admin.says("/split")
        assert "Use it like this: /split" in usage.text
        (unknown,) = admin.says("/split https://nld.com.vn/other.htm")
        assert unknown.text == "No stored article has that link."
        (first,) = admin.says(f"/split {REPORTS[0][2]}")
        assert "is the first report of its story" in first.text

        (done,) = admin.says(f"/split {link}")
        assert done.text.startswith("✂️ “")
        assert "(Người Lao Động) is a story of its own now" in done.text
        assert "queued for 1 subscriber," in done.text
        alert = reader.gets(timeout=10)
        assert alert.text.startswith("📰")
        assert "Người Lao Động" in alert.text
        assert "Cùng đưa tin" not in alert.text
        edit = bot_api.wait_for_edits(3, READER, timeout=10)[2]
        assert edit.message_id == story.message_id
        assert edit.text.endswith("🗞 Cùng đưa tin: Báo Gia Lai")

        (why,) = reader.says(f"/why {link}")
        assert "✂️ Quản trị viên đã tách bài khỏi câu chuyện “" in why.text
        (again,) = admin.says(f"/split {link}")
        assert "is the first report of its story" in again.text
        for path in paths:  # the feeds are read again: nothing more is sent or edited
            seen = feed_server.request_count(path)
            feed_server.wait_for_requests(seen + 2, path, timeout=10)
        assert len(bot_api.sent(READER)) == 5  # subscribed, story, refusal, split story, /why
        assert len(bot_api.edits(READER)) == 3
        assert service.stop() == 0
    assert "Traceback" not in service.stderr()
