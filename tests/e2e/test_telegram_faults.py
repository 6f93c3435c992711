"""The service against a Telegram that misbehaves at start and while sending, and groups whose
plain members try to change what the admins chose: a real process, the fake Bot API."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.e2e.service import TOKEN, ServiceProcess, table_away, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, rss

pytestmark = pytest.mark.slow

GROUP, ADMIN, MEMBER = -100555, 71, 72
FOREVER = 1_000_000


TITLES = {
    1: "Mỹ rút quân khỏi Iraq: đợt 1 binh sĩ rời căn cứ Ain al-Asad",
    2: "Liên quân bàn giao căn cứ Erbil, hoàn tất rút quân khỏi miền bắc Iraq",
}


def item(n: int) -> FeedItem:
    return FeedItem(
        guid=f"vnx-48{n:05d}",
        link=f"https://vnexpress.net/my-rut-quan-{n}.html",
        title=TITLES[n],
        description="Binh sĩ Mỹ rời Iraq theo thỏa thuận rút quân.",
        published=datetime.now(UTC),
    )


def test_the_service_runs_and_answers_when_set_my_commands_fails_from_the_start(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    bot_api.fail("setMyCommands", status=500, times=FOREVER)
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    with ServiceProcess(tmp_path, config) as service:
        service.wait_for_log("telegram.menu_failed", timeout=20)
        bot_api.user_sends(1, "/subscribe")
        assert "Subscribed" in bot_api.wait_for_messages(1, 1, timeout=20)[0].text
        bot_api.heal()
        service.wait_for_log("telegram.menu_set", timeout=20)
        assert bot_api.commands()
        assert service.stop() == 0
    assert "Traceback" not in service.stderr()


def test_a_get_me_answer_that_is_not_a_bot_stops_the_start_with_one_line(
    tmp_path: Path, bot_api: FakeBotApi
) -> None:
    bot_api.set_me(is_bot=None)
    config = write_config(tmp_path, feeds=[], api_base_url=bot_api.url)
    service = ServiceProcess(tmp_path, config).start()
    assert service.wait() == 1
    errors = [line for line in service.stderr().splitlines() if "service.failed" in line]
    assert len(errors) == 1
    assert "getMe is not a bot user" in errors[0]
    assert "Traceback" not in service.stderr()
    assert TOKEN not in service.stderr()


def test_only_a_groups_administrators_change_its_subscription_and_settings(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    bot_api.set_member(GROUP, ADMIN, "administrator")
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    group = {"user_id": MEMBER, "chat_type": "supergroup"}
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(GROUP, "/subscribe", user_id=ADMIN, chat_type="supergroup")
        assert "Subscribed" in bot_api.wait_for_messages(1, GROUP, timeout=20)[0].text
        bot_api.user_sends(GROUP, "/unsubscribe", **group)  # type: ignore[arg-type]
        refused = bot_api.wait_for_messages(2, GROUP)[1].text
        assert refused == "Only the group's administrators can change this."
        bot_api.user_sends(GROUP, "/filters add Erbil", **group)  # type: ignore[arg-type]
        assert "administrators" in bot_api.wait_for_messages(3, GROUP)[2].text
        bot_api.user_sends(GROUP, "/settings", **group)  # type: ignore[arg-type]
        menu = bot_api.wait_for_messages(4, GROUP)[3]  # looking is for everyone
        press = bot_api.user_presses(GROUP, menu.message_id, "s:d:i", user_id=MEMBER)
        [answer] = [
            c for c in bot_api.wait_for_calls("answerCallbackQuery")
            if c.params.get("callback_query_id") == press
        ]  # fmt: skip
        assert "administrators" in str(answer.params.get("text"))

        feed_server.set_feed("/f", rss([item(1)]))
        alert = bot_api.wait_for_messages(5, GROUP, timeout=20)[4]
        assert "đợt 1" in alert.text  # still subscribed
        bot_api.user_sends(GROUP, "/unsubscribe", user_id=ADMIN, chat_type="supergroup")
        assert "Unsubscribed" in bot_api.wait_for_messages(6, GROUP)[5].text
        assert service.stop() == 0
    member_calls = [c for c in bot_api.calls("getChatMember") if c.params["user_id"] == MEMBER]
    assert len(member_calls) == 1  # the answer is kept for a minute


def test_answers_no_client_can_read_never_repeat_a_message_and_nothing_is_lost(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    chats = [11, 12, 13]
    with ServiceProcess(tmp_path, config) as service:
        for chat in chats:
            bot_api.user_sends(chat, "/subscribe")
            bot_api.wait_for_messages(1, chat, timeout=20)
        bot_api.garble("sendMessage", "shape")
        feed_server.set_feed("/f", rss([item(1)]))
        service.wait_for_log("delivery.unconfirmed", count=3, timeout=20)
        seen = feed_server.request_count("/f")
        feed_server.wait_for_requests(seen + 3, "/f", timeout=10)  # the service goes on checking
        for chat in chats:
            sends = [c for c in bot_api.calls("sendMessage") if c.params["chat_id"] == chat]
            assert len(sends) == 2  # the reply to /subscribe, and the alert once
        assert service.process is not None
        assert service.process.poll() is None

        bot_api.heal()
        started = time.monotonic()
        feed_server.set_feed("/f", rss([item(1), item(2)]))
        for chat in chats:
            assert "Erbil" in bot_api.wait_for_messages(3, chat, timeout=20)[2].text
        assert time.monotonic() - started < 20
        assert service.stop() == 0
    assert "was never retrieved" not in service.stderr()
    assert "Traceback" not in service.stderr()


def test_a_button_whose_id_no_database_holds_is_answered_as_out_of_date(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(5, "/start")
        start = bot_api.wait_for_messages(1, 5, timeout=20)[0]
        presses = [
            bot_api.user_presses(5, start.message_id, data)
            for data in ("m:" + "9" * 50, "x:" + "9" * 50, "m:٣", "s:t:" + "9" * 50)
        ]
        answers = bot_api.wait_for_calls("answerCallbackQuery", count=len(presses))
        assert {c.params["callback_query_id"] for c in answers} == set(presses)
        assert all("out of date" in str(c.params.get("text")) for c in answers)
        assert service.stop() == 0
    assert "OverflowError" not in service.stderr()


def test_a_command_that_fails_is_answered_and_the_next_one_works(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    with ServiceProcess(tmp_path, config) as service:
        service.wait_for_log("telegram.started", timeout=30)
        with table_away(tmp_path / "drawdown.db", "subscriber"):  # the chat's row cannot be read
            bot_api.user_sends(5, "/subscribe", language_code="vi")
            (failed,) = bot_api.wait_for_messages(1, 5, timeout=20)
            service.wait_for_log("telegram.handler_failed")
        assert failed.text.startswith("Đã xảy ra lỗi khi xử lý yêu cầu này.")  # the client's
        with table_away(tmp_path / "drawdown.db", "subscriber"):
            bot_api.fail("sendMessage", status=502)  # and the answer cannot be sent either
            bot_api.user_sends(5, "/subscribe", language_code="vi")
            service.wait_for_log("command.unanswered")
        bot_api.user_sends(5, "/subscribe", language_code="vi")
        subscribed = bot_api.wait_for_messages(2, 5, timeout=20)[1]
        assert "Đã xảy ra lỗi" not in subscribed.text

        bot_api.fail("sendMessage", status=502)  # a command that worked, but not its answer
        bot_api.user_sends(5, "/unsubscribe", language_code="vi")
        service.wait_for_log("telegram.handler_failed", count=3)
        bot_api.user_sends(5, "/subscribe", language_code="vi")  # nothing said "try again"
        again = bot_api.wait_for_messages(3, 5, timeout=20)[2]
        assert "Đã xảy ra lỗi" not in again.text
        assert len(bot_api.sent(5)) == 3
        assert service.stop() == 0


def test_the_service_sends_alerts_while_the_webhook_removal_is_retried(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    with ServiceProcess(tmp_path, config) as service:
        bot_api.user_sends(21, "/subscribe")
        bot_api.wait_for_messages(1, 21, timeout=20)
        assert service.stop() == 0
    bot_api.fail("deleteWebhook", status=500, times=FOREVER)
    with ServiceProcess(tmp_path, config) as service:
        service.wait_for_log("service.started", timeout=20)
        feed_server.set_feed("/f", rss([item(1)]))
        assert "đợt 1" in bot_api.wait_for_messages(2, 21, timeout=20)[1].text
        bot_api.heal()
        bot_api.user_sends(21, "/status")
        bot_api.wait_for_messages(3, 21, timeout=20)  # polling began once the webhook was gone
        assert service.stop() == 0
    assert "Traceback" not in service.stderr()


def test_a_stop_while_the_webhook_removal_still_fails_is_clean(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    bot_api.fail("deleteWebhook", status=500, times=FOREVER)
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("A", feed_server.url("/f"))], api_base_url=bot_api.url)
    with ServiceProcess(tmp_path, config) as service:
        service.wait_for_log("service.started", timeout=20)
        bot_api.wait_for_calls("deleteWebhook", count=2, timeout=20)
        assert service.stop() == 0
    assert "Traceback" not in service.stderr()
    assert "service.stopped" in service.stderr()
