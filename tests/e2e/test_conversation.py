"""A conversation with the bot in English and in Vietnamese, as users have it: the real service,
the feed server, the fake Bot API. Every reply is checked exactly, through the transcript it
writes (docs/conversation.md; ``DRAWDOWN_WRITE_CONVERSATION=1`` rewrites it after a change of
wording), and the README quotes that transcript."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.render import messages as format
from tests.e2e.conversation import Transcript, User, buttons
from tests.e2e.service import ROOT, ServiceProcess, delivery_counts, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

CONVERSATION = ROOT / "docs" / "conversation.md"
README = ROOT / "README.md"
PUBLISHED = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
AGREEMENT = FeedItem(
    guid="vnx-4790001",
    link="https://vnexpress.net/my-iraq-rut-quan-4790001.html",
    title="Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân",
    description=(
        "Hàng trăm binh sĩ Mỹ sẽ rời Iraq vào tháng 9-2025, theo Reuters. Hiện còn khoảng "
        "2.500 binh sĩ Mỹ đang đồn trú tại Iraq."
    ),
    published=PUBLISHED,
)
ELECTION = FeedItem(
    guid="vnx-4790002",
    link="https://vnexpress.net/bau-cu-4790002.html",
    title="Iraq công bố kết quả bầu cử quốc hội",
    description="Ủy ban bầu cử Iraq công bố kết quả sơ bộ.",
    published=PUBLISHED,
)
ALERT_EN = (
    f"📰 <b>{AGREEMENT.title}</b>\n"
    "VnExpress · 20 Nov 2026 15:00 +07\n"  # in the time zone Anna chose
    f'<a href="{AGREEMENT.link}">Read the article</a>\n'
    "🔎 Keywords: Iraq, rút quân, rời Iraq"
)


def test_a_conversation_in_english_and_in_vietnamese(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/the-gioi.rss", rss([]))
    config = write_config(
        tmp_path, feeds=[("VnExpress", feed_server.url("/the-gioi.rss"))], api_base_url=bot_api.url
    )
    transcript = Transcript()
    anna = User(bot_api, 1001, "en", transcript)
    minh = User(bot_api, 1002, "vi", transcript)
    with ServiceProcess(tmp_path, config) as service:
        transcript.heading("In English")
        (start,) = anna.says("/start")
        assert start.text == format.text("start", "en")
        assert buttons(start) == [["🇻🇳 Tiếng Việt", "✓ 🇬🇧 English"]]
        (help_,) = anna.says("/help")
        assert help_.text == format.text("help", "en")
        (hint,) = anna.says("hello?")
        assert hint.text.startswith("I answer commands: /help lists them")
        anna.says("/subscribe")
        (settings,) = anna.says("/settings")
        assert settings.text == (
            "⚙️ <b>Settings</b>\n"
            "📬 Subscription: on — /unsubscribe stops it\n"
            "📥 Receive: every story and figure change\n"
            "⏱ Delivery: instant\n"
            "🌙 Quiet hours: off\n"
            "🕒 Time zone: UTC\n"
            "🌐 Language: English\n"
            "📰 Outlets: every outlet\n"
            "🔎 Filters: none — /filters\n"
            "🔇 Muted stories: none"
        )
        assert buttons(settings) == [
            ["📥 What to receive", "⏱ Delivery"],
            ["🌙 Quiet hours", "🕒 Time zone"],
            ["📰 Outlets", "🔇 Muted stories"],
            ["🌐 🇻🇳 Tiếng Việt"],
        ]
        anna.taps(settings, "s:t")
        answer, edited = anna.taps(settings, "s:t:1")
        assert answer.params.get("text") == "✓ Saved"
        assert edited is not None
        assert "🕒 Time zone: Vietnam (UTC+7)" in edited.text
        anna.taps(settings, "s:m")
        anna.taps(settings, "s:d")
        anna.taps(settings, "s:m")
        (wrong,) = anna.says("/filters Syria")
        assert wrong.text.startswith("⚠️ I did not understand that. Use it like this: /filters [")
        (filters,) = anna.says("/filters exclude Syria")
        assert filters.text.startswith("✓ Excluded “Syria”: stories with it will not be sent")
        assert buttons(filters) == [["✖ 1. Syria"]]
        feed_server.wait_for_requests(1, "/the-gioi.rss", timeout=20)
        feed_server.set_feed("/the-gioi.rss", rss([AGREEMENT, ELECTION]))
        transcript.heading("A story arrives, and /why tells why it was sent and another was not")
        alert = anna.gets()
        assert alert.text == ALERT_EN
        assert alert.reply_markup == {
            "inline_keyboard": [
                [{"text": "🔗 Open article", "url": AGREEMENT.link}],
                [
                    {"text": "🔇 Mute this story", "callback_data": "m:1"},
                    {"text": "📊 Only figure changes", "callback_data": "f:1"},
                ],
            ]
        }
        until(  # Telegram's confirmation is written within 0.1 s
            "the confirmation is written", lambda: "pending" not in delivery_counts(config), 15
        )
        (why,) = anna.says(f"/why {AGREEMENT.link}?utm_source=facebook")
        assert why.text.splitlines()[-1].startswith("📰 Story alert: sent to you ")
        (why_not,) = anna.says(f"/why {ELECTION.link}")
        assert "❌ Dropped: not about troops leaving Iraq — it lacks the topic's keywords" in (
            why_not.text
        )
        _, muted = anna.taps(alert, "m:1")
        assert muted is not None
        assert "🔔 Unmute this story" in str(buttons(muted))
        anna.taps(alert, "u:1")
        anna.says("/why https://example.com/never-seen")
        anna.says("/sources")
        (unknown,) = anna.says("/weather")
        assert unknown.text == "I do not know /weather. /help lists what I can do."

        transcript.heading("Bằng tiếng Việt")
        (start_vi,) = minh.says("/start")
        assert start_vi.text == format.text("start", "vi")
        assert buttons(start_vi) == [["✓ 🇻🇳 Tiếng Việt", "🇬🇧 English"]]
        _, english = minh.taps(start_vi, "l:en")
        assert english is not None
        assert english.text == format.text("start", "en")
        minh.taps(start_vi, "l:vi")
        (subscribed,) = minh.says("/subscribe")
        assert subscribed.text == format.text("subscribed", "vi")
        (settings_vi,) = minh.says("/settings")
        assert settings_vi.text.startswith("⚙️ <b>Cài đặt</b>\n📬 Đăng ký: đang nhận")
        assert "🕒 Múi giờ: Việt Nam (UTC+7)" in settings_vi.text  # from the Vietnamese client
        minh.taps(settings_vi, "s:r")
        minh.taps(settings_vi, "s:k")
        minh.taps(settings_vi, "s:r")
        minh.taps(settings_vi, "s:m")
        (why_vi,) = minh.says(f"/why {AGREEMENT.link}")
        assert why_vi.text.splitlines()[-1].startswith("📰 Tin mới: đã gửi lúc ")
        assert why_vi.text.endswith(", khi bạn chưa đăng ký")  # it subscribed afterwards
        minh.says("/status")
        (hint,) = minh.says("xin chào")
        assert hint.text.startswith("Tôi trả lời các lệnh")
        minh.says("/why không phải link")
        _, chart = minh.says("/history quân số", replies=2)
        assert chart.photo is not None
        (listing,) = anna.says("/history")
        assert "US troops in Iraq" in listing.text
        minh.says("/timeline")
        (unknown,) = minh.says("/thoitiet@drawdown_watch_bot")
        assert unknown.text == "Tôi không hiểu lệnh /thoitiet. Gửi /help để xem các lệnh."
        assert service.stop() == 0

    assert [c["command"] for c in bot_api.commands(language_code="vi")] == [
        c["command"] for c in bot_api.commands()
    ]
    assert bot_api.commands(language_code="vi")[2] == {
        "command": "settings",
        "description": "Nhận gì, khi nào, ngôn ngữ",
    }
    written = transcript.render(datetime.now(UTC))
    if os.environ.get("DRAWDOWN_WRITE_CONVERSATION"):
        CONVERSATION.write_text(written, encoding="utf-8")
    assert written == CONVERSATION.read_text(encoding="utf-8"), (
        "a reply changed: check the difference, then DRAWDOWN_WRITE_CONVERSATION=1 rewrites "
        "docs/conversation.md"
    )


def test_the_readme_quotes_the_conversation_as_the_bot_had_it() -> None:
    readme = README.read_text(encoding="utf-8")
    excerpt = re.search(r"<!-- conversation -->\n(.*?)\n<!-- /conversation -->", readme, re.S)
    assert excerpt is not None, "README.md has no conversation excerpt"
    assert excerpt.group(1).strip() in CONVERSATION.read_text(encoding="utf-8")
