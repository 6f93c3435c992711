"""Settings change what the same subscriber receives afterwards, and /why explains each case:
the real service, the feed server, the fake Bot API, users pressing the bot's buttons."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.render.settings import figure_token
from drawdown.config import load_config
from drawdown.service import open_store
from storage.store import Store
from storage.tables import alerts, articles, deliveries
from storage.types import AlertIntent
from tests.e2e.conversation import User, button_data, buttons
from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, SentMessage, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC)
YEAR = NOW.year
_TIME = re.compile(r"(\d{1,2} \w{3} \d{4}|\d{2}/\d{2}/\d{4}) \d{2}:\d{2} (UTC|[+-]\d{2})")


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
PUSHED_BACK = story(
    2,
    "Mỹ lùi thời hạn rút quân khỏi Iraq",
    f"Theo Reuters, liên minh do Mỹ dẫn đầu sẽ rời khỏi Iraq vào cuối năm {YEAR + 2}.",
    timedelta(hours=1),
)
SYRIA = story(
    3,
    "Binh sĩ Mỹ rút khỏi căn cứ ở Iraq",
    "Quân đội Mỹ rút quân khỏi căn cứ Ain al-Asad ở Iraq. Một phần chuyển sang Syria.",
    timedelta(minutes=30),
)
OLDER_REPORT = story(
    4,
    "Liên minh rút khỏi Iraq",
    f"Liên minh do Mỹ dẫn đầu sẽ rời khỏi Iraq vào cuối năm {YEAR + 3}.",
    timedelta(days=20),
)
ELECTION = story(
    5, "Iraq công bố kết quả bầu cử quốc hội", "Ủy ban bầu cử công bố kết quả.", timedelta(hours=2)
)
REPUBLISHED = FeedItem(
    guid=PUSHED_BACK.guid,
    link="https://vnexpress.net/ban-sua-tin-2.html",
    title=PUSHED_BACK.title,
    description=PUSHED_BACK.description,
    published=NOW,
)
CHANGE = f"⚠️ Deadline changed — coalition leaves Iraq: end of {YEAR + 2} (was end of {YEAR + 1})"


class Outbox:
    """The delivery table, read from the test: what each chat was sent or spared, and why."""

    def __init__(self, config: Path) -> None:
        self.store: Store = open_store(load_config(config))

    def rows(self, chat: int) -> list[tuple[str, str, str | None]]:
        """(alert title or figure key, status, reason) of each delivery to ``chat``."""
        query = (
            sa.select(alerts.c.payload, deliveries.c.status, deliveries.c.last_error)
            .join(alerts, alerts.c.id == deliveries.c.alert_id)
            .where(deliveries.c.chat_id == chat)
            .order_by(deliveries.c.id)
        )
        with self.store.engine.connect() as conn:
            return [
                (_what(json.loads(row.payload)), row.status, row.last_error)
                for row in conn.execute(query)
            ]

    def wait(self, chat: int, expected: list[tuple[str, str, str | None]]) -> None:
        until(
            lambda: f"chat {chat}: {self.rows(chat)} != {expected}",
            lambda: self.rows(chat) == expected,
            15,
        )

    def confirmed(self, *users: User) -> bool:
        """Nothing sent to ``users`` still waits for Telegram's confirmation to be written."""
        return all(status != "pending" for u in users for _, status, _ in self.rows(u.chat))

    def article(self, guid: str) -> int:
        with self.store.engine.connect() as conn:
            return int(
                conn.execute(sa.select(articles.c.id).where(articles.c.guid == guid)).scalar_one()
            )


def _what(payload: dict[str, object]) -> str:
    figure = payload.get("figure")
    return f"figure {figure['key']}" if isinstance(figure, dict) else str(payload["title"])


@pytest.fixture
def outbox_of() -> Iterator[list[Outbox]]:
    opened: list[Outbox] = []
    yield opened
    for outbox in opened:
        outbox.store.engine.dispose()


def steady(text: str) -> str:
    return _TIME.sub("<time>", text)


def sent(*titles: str) -> list[tuple[str, str, str | None]]:
    return [(title, "sent", None) for title in titles]


def test_settings_and_buttons_change_what_the_same_subscriber_receives_and_why_says_so(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi, outbox_of: list[Outbox]
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("VnExpress", feed_server.url("/f"))],
                          api_base_url=bot_api.url)  # fmt: skip
    figures_only = User(bot_api, 2001, "en", None)
    no_syria = User(bot_api, 2002, "vi", None)
    everything = User(bot_api, 2003, "en", None)
    troops_only = User(bot_api, 2004, "en", None)
    button_press = User(bot_api, 2005, "en", None)
    users = (figures_only, no_syria, everything, troops_only, button_press)
    with ServiceProcess(tmp_path, config) as service:
        for user in users:
            user.says("/subscribe", timeout=20)
        (menu,) = figures_only.says("/settings")
        figures_only.taps(menu, "s:r")
        figures_only.taps(menu, "s:r:figures")
        no_syria.says("/filters exclude Syria")
        (menu,) = troops_only.says("/settings")
        troops_only.taps(menu, "s:r")
        _, chooser = troops_only.taps(menu, "s:k")
        assert chooser is not None
        assert buttons(chooser)[:2] == [["Every troop count"], ["Every deadline"]]
        _, chosen = troops_only.taps(menu, f"s:k:{figure_token('troops/')}")
        assert chosen is not None
        assert "📥 Receive: only changes of: every troop count" in chosen.text
        troops_only.taps(menu, "s:r")
        troops_only.taps(menu, "s:m")
        troops_only.taps(menu, "s:d")
        _, digest = troops_only.taps(menu, "s:d:8,20")
        assert digest is not None
        assert "⏱ Delivery: a digest at 08:00 and 20:00" in digest.text
        troops_only.taps(menu, "s:m")
        troops_only.taps(menu, "s:q")
        _, quiet = troops_only.taps(menu, "s:q:22-7")
        assert quiet is not None
        assert "🌙 Quiet hours: 22:00–07:00" in quiet.text
        troops_only.taps(menu, "s:q:off")
        answers = len(bot_api.calls("answerCallbackQuery"))
        bot_api.user_presses(troops_only.chat, menu.message_id, "s:q:3-4")  # not offered
        stale = bot_api.wait_for_calls("answerCallbackQuery", answers + 1)[-1]
        assert stale.params["text"] == "This button is out of date. Send /settings."
        feed_server.wait_for_requests(1, "/f", timeout=20)  # the first fetch: an empty backlog
        outbox = Outbox(config)
        outbox_of.append(outbox)

        feed_server.set_feed("/f", rss([FIRST_TIMETABLE]))
        alert = button_press.gets()
        for user in (everything, no_syria):
            assert user.gets().text.startswith(f"📰 <b>{FIRST_TIMETABLE.title}</b>")
        answer, _ = button_press.taps(alert, "f:1", edits=False)
        assert (
            answer.params["text"] == "📊 From now on: only figure changes. /settings to change it."
        )
        outbox.wait(everything.chat, sent(FIRST_TIMETABLE.title))
        outbox.wait(no_syria.chat, sent(FIRST_TIMETABLE.title))
        outbox.wait(figures_only.chat, [(FIRST_TIMETABLE.title, "filtered", "receive=figures")])
        outbox.wait(troops_only.chat, [(FIRST_TIMETABLE.title, "filtered", "receive=chosen")])

        feed_server.set_feed("/f", rss([PUSHED_BACK, SYRIA, FIRST_TIMETABLE]))
        deadline = "figure deadline/coalition leaves Iraq"
        change, pushed_back, syria = (everything.gets(), everything.gets(), everything.gets())
        assert change.text.startswith(CHANGE)
        assert [pushed_back.text.splitlines()[0], syria.text.splitlines()[0]] == [
            f"📰 <b>{PUSHED_BACK.title}</b>",
            f"📰 <b>{SYRIA.title}</b>",
        ]
        assert figures_only.gets().text.startswith(CHANGE)
        only_change = button_press.gets()
        assert only_change.text.startswith(CHANGE)
        assert list(button_data(only_change).values()) == ["🔗 Open article", "🔇 Mute this story"]
        outbox.wait(button_press.chat, [
            (FIRST_TIMETABLE.title, "sent", None), (deadline, "sent", None),
            (PUSHED_BACK.title, "filtered", "receive=figures"),
            (SYRIA.title, "filtered", "receive=figures"),
        ])  # fmt: skip
        outbox.wait(no_syria.chat, [
            (FIRST_TIMETABLE.title, "sent", None), (deadline, "sent", None),
            (PUSHED_BACK.title, "sent", None), (SYRIA.title, "filtered", "exclude=Syria"),
        ])  # fmt: skip
        outbox.wait(troops_only.chat, [
            (FIRST_TIMETABLE.title, "filtered", "receive=chosen"),
            (deadline, "filtered", "receive=chosen"),
            (PUSHED_BACK.title, "filtered", "receive=chosen"),
            (SYRIA.title, "filtered", "receive=chosen"),
        ])  # fmt: skip

        assert no_syria.gets().text.startswith("⚠️ Thời hạn thay đổi — liên minh rời Iraq")
        assert no_syria.gets().text.startswith(f"📰 <b>{PUSHED_BACK.title}</b>")

        answer, _ = everything.taps(pushed_back, button_key(pushed_back, "m:"), edits=False)
        assert answer.params["text"] == "🔇 Muted: nothing more about this story will reach you."
        repeat = AlertIntent(
            kind="story", priority=1, article_id=outbox.article(str(PUSHED_BACK.guid)),
            title=f"{PUSHED_BACK.title} (updated)", outlet="VnExpress", url=PUSHED_BACK.link,
            published_at=NOW, matched=("rút quân",),
        )  # fmt: skip  # what an update of the story would send
        outbox.store.enqueue_alert(repeat, datetime.now(UTC))
        assert no_syria.gets().text.startswith(f"📰 <b>{repeat.title}</b>")
        outbox.wait(everything.chat, [
            *sent(FIRST_TIMETABLE.title, deadline, PUSHED_BACK.title, SYRIA.title),
            (repeat.title, "filtered", "muted"),
        ])  # fmt: skip

        feed_server.set_feed(
            "/f", rss([REPUBLISHED, ELECTION, OLDER_REPORT, SYRIA, FIRST_TIMETABLE])
        )
        assert everything.gets().text.startswith(f"📰 <b>{OLDER_REPORT.title}</b>")
        no_syria.gets()
        until("the confirmations are written", lambda: outbox.confirmed(everything, no_syria), 15)

        (why,) = everything.says(f"/why {PUSHED_BACK.link}")
        assert steady(why.text) == (
            f"🔍 <b>{PUSHED_BACK.title}</b>\n"
            "VnExpress · published <time> · seen <time>\n"
            "✅ Kept: on the topic (keywords: rút quân, Iraq, rời khỏi Iraq).\n"
            "📊 Figures in it:\n"
            f"• coalition leaves Iraq: end of {YEAR + 2} — a change\n"
            "📊 Figure alert (coalition leaves Iraq): sent to you <time>\n"
            "📰 Story alert: sent to you <time>\n"
            "📰 Story alert: not sent to you: filtered by your settings (you muted this story)"
        )
        (why,) = everything.says(f"/why {REPUBLISHED.link}")
        assert steady(why.text).startswith(
            "♻️ Seen <time> in VnExpress as a re-publication (the same article ID under another "
            "link) of the article below: not stored again, no second alert.\n"
            f"🔍 <b>{PUSHED_BACK.title}</b>\n"
        )
        (why,) = no_syria.says(f"/why {SYRIA.link}")
        assert steady(why.text) == (
            f"🔍 <b>{SYRIA.title}</b>\n"
            "VnExpress · đăng <time> · ghi nhận lúc <time>\n"
            "✅ Giữ lại: đúng chủ đề (từ khóa: rút khỏi, Iraq, rút quân, Ain al-Asad).\n"
            "📰 Tin mới: không gửi cho bạn: bị lọc theo cài đặt của bạn (loại trừ “Syria”)"
        )
        (why,) = everything.says(f"/why {ELECTION.link}")
        assert steady(why.text) == (
            f"🔍 <b>{ELECTION.title}</b>\n"
            "VnExpress · published <time> · seen <time>\n"
            "❌ Dropped: not about troops leaving Iraq — it lacks the topic's keywords "
            "(found: Iraq)."
        )
        (why,) = everything.says(f"/why {OLDER_REPORT.link}")
        assert (
            f"• coalition leaves Iraq: end of {YEAR + 3} — older than the current figure: kept, "
            "not alerted"
        ) in why.text
        assert service.stop() == 0


def button_key(message: SentMessage, prefix: str) -> str:
    return next(data for data in button_data(message) if data.startswith(prefix))
