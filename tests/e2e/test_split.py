"""/split end to end, the real service and its feeds: an administrator takes a report out of
the story it joined, with the command or with the button under an update; every subscriber
gets it as a story of its own, and the story's message stops listing its outlet. Nobody else
may split."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conversation import User, button_data, buttons
from tests.e2e.service import ServiceProcess, table_away
from tests.e2e.test_stories import (
    DEVELOPMENTS,
    JOINING,
    REPORTS,
    development,
    empty_feeds,
    same_story_other_outlet,
    three_outlets,
)
from tests.servers import FakeBotApi, FeedServer, SentMessage, rss

pytestmark = pytest.mark.slow

ADMIN, READER = 7, 5252


def test_an_admin_splits_a_report_out_of_its_story_and_readers_get_it_as_news(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    paths, config = three_outlets(tmp_path, feed_server, bot_api, admins=[ADMIN])
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
        assert "was taken out of its story already" in again.text
        for path in paths:  # the feeds are read again: nothing more is sent or edited
            seen = feed_server.request_count(path)
            feed_server.wait_for_requests(seen + 2, path, timeout=10)
        assert len(bot_api.sent(READER)) == 5  # subscribed, story, refusal, split story, /why
        assert len(bot_api.edits(READER)) == 3
        assert service.stop() == 0
    assert "Traceback" not in service.stderr()


def first_after(bot_api: FakeBotApi, chat: int, seen: int, mark: str) -> SentMessage:
    """The first message to ``chat`` after its first ``seen`` whose text has ``mark`` (alerts
    of figures and milestones come and go around the ones a test follows)."""
    count = seen
    while True:
        sent = bot_api.wait_for_messages(count + 1, chat, timeout=15)
        for message in sent[seen:]:
            if mark in message.text:
                return message
        count = len(sent)


def test_an_admin_splits_an_update_with_its_button_and_nobody_else_can(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    paths, config = empty_feeds(tmp_path, feed_server, bot_api, ["Tin A", "Tin B"], admins=[ADMIN])
    with ServiceProcess(tmp_path, config) as service:
        for chat, language in ((ADMIN, "en"), (READER, "vi")):
            bot_api.user_sends(chat, "/subscribe", language_code=language)
            bot_api.wait_for_messages(1, chat, timeout=20)
        for path in paths:
            feed_server.wait_for_requests(1, path)  # first fetches: empty backlogs
        feed_server.set_feed(paths[0], rss([development(0, *DEVELOPMENTS[2], 6)]))
        first_after(bot_api, READER, 1, "📰")
        seen = {chat: len(bot_api.sent(chat)) for chat in (ADMIN, READER)}
        feed_server.set_feed(paths[1], rss([development(1, *JOINING, 6)]))
        update = first_after(bot_api, ADMIN, seen[ADMIN], "🆕")
        (data,) = button_data(update)
        assert data.startswith("c:")
        joined = first_after(bot_api, READER, seen[READER], "🆕")
        assert joined.reply_markup is None  # readers get no such button

        bot_api.user_presses(READER, joined.message_id, data, language_code="vi")
        refused = bot_api.wait_for_calls("answerCallbackQuery", 1)[0]
        assert refused.params.get("text") == "Lệnh này chỉ dành cho quản trị viên."

        with table_away(tmp_path / "drawdown.db", "story_split"):  # the split cannot be saved
            seen = {chat: len(bot_api.sent(chat)) for chat in (ADMIN, READER)}
            failing, _ = User(bot_api, ADMIN, "en", None).taps(update, data, edits=False)
            failed = first_after(bot_api, ADMIN, seen[ADMIN], "The split failed")
            assert "nothing was changed" in failed.text
            service.wait_for_log("button.failed handler=on_split")
        assert len(bot_api.sent(READER)) == seen[READER]  # nothing sent: nothing happened
        assert not any(  # the button stays, to be pressed again
            e.message_id == update.message_id and not buttons(e) for e in bot_api.edits(ADMIN)
        )

        seen = {chat: len(bot_api.sent(chat)) for chat in (ADMIN, READER)}
        answer, _ = User(bot_api, ADMIN, "en", None).taps(update, data, edits=False)
        assert not answer.params.get("text")
        while not any(  # pressed once: the button goes (other edits may come first)
            e.message_id == update.message_id and not buttons(e) for e in bot_api.edits(ADMIN)
        ):
            bot_api.wait_for_edits(len(bot_api.edits(ADMIN)) + 1, ADMIN, timeout=10)
        first_after(bot_api, ADMIN, seen[ADMIN], "(Tin B) is a story of its own now")
        alert = first_after(bot_api, READER, seen[READER], "📰")
        assert "Tin B" in alert.text
        assert "Cùng đưa tin" not in alert.text
        assert service.stop() == 0
    query = failing.params["callback_query_id"]  # answered once, not again when it failed
    assert [
        c
        for c in bot_api.calls("answerCallbackQuery")
        if c.params.get("callback_query_id") == query
    ] == [failing]
    failures = [line for line in service.stderr().splitlines() if "Traceback" in line]
    assert len(failures) == 1, failures  # the first press's, logged with its cause
    assert "button.failed handler=on_split" in failures[0]
