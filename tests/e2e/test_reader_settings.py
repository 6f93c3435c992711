"""The reader's own time, a way back from a mute, answers to mistakes, and pictures: the real
service, the feed server and the fake Bot API, in Vietnamese and in English."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from PIL import Image

from bot.render.charts import SIZE
from bot.render.formats import when
from drawdown.config import load_config
from drawdown.service import open_store
from storage.tables import articles, deliveries
from storage.types import AlertIntent
from tests.e2e.conversation import User, button_data
from tests.e2e.service import ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedItem, FeedServer, SentMessage, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

NOW = datetime.now(UTC).replace(microsecond=0)
VIETNAM = "Asia/Ho_Chi_Minh"
TROOPS = FeedItem(
    guid="vne-1",
    link="https://vnexpress.net/quan-my-o-iraq-1.html",
    title="Mỹ còn khoảng 2.500 binh sĩ ở Iraq",
    description=(
        "Hiện còn khoảng 2.500 binh sĩ Mỹ đang đồn trú tại Iraq. Liên minh do Mỹ dẫn đầu "
        f"sẽ rời khỏi Iraq vào cuối năm {NOW.year + 1}."
    ),
    published=NOW - timedelta(days=3),
)


def photo_size(message: SentMessage) -> tuple[int, int]:
    assert message.photo is not None, f"not a picture: {message.text!r}"
    with Image.open(io.BytesIO(message.photo)) as image:
        image.load()  # decodes the whole image
        return image.size


def test_times_in_the_readers_zone_unmute_mistakes_and_pictures(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    config = write_config(tmp_path, feeds=[("VnExpress", feed_server.url("/f"))],
                          api_base_url=bot_api.url)  # fmt: skip
    hoa = User(bot_api, 3001, "vi", None)  # a Vietnamese client: Vietnam's time from the start
    tom = User(bot_api, 3002, "en", None)  # an English one, who picks Vietnam's time
    dan = User(bot_api, 3003, "en", None)  # the same, with a daily digest
    lan = User(bot_api, 3004, "vi", None)  # a Vietnamese client with a daily digest
    store = open_store(load_config(config))
    try:
        with ServiceProcess(tmp_path, config) as service:
            for user in (hoa, tom, dan, lan):
                user.says("/subscribe", timeout=20)
            for user in (tom, dan):
                (menu,) = user.says("/settings")
                user.taps(menu, "s:t")
                _, zone = user.taps(menu, "s:t:1")
                assert zone is not None
                assert "🕒 Time zone: Vietnam (UTC+7)" in zone.text
            dan.taps(menu, "s:m")
            dan.taps(menu, "s:d")
            dan.taps(menu, "s:d:8")
            (menu,) = lan.says("/settings")
            assert "🕒 Múi giờ: Việt Nam (UTC+7)" in menu.text  # from the client's language
            lan.taps(menu, "s:d")
            lan.taps(menu, "s:d:8")

            (wrong,) = tom.says("/filters blah")
            assert wrong.text.startswith("⚠️ I did not understand that. Use it like this: /filters")
            assert "remove &lt;number&gt;" in wrong.text
            (wrong,) = hoa.says("/filters blah")
            assert wrong.text.startswith("⚠️ Tôi không hiểu yêu cầu này. Cách dùng: /filters")
            (wrong,) = hoa.says("/why không phải link")
            assert wrong.text.startswith("⚠️ Tôi không hiểu yêu cầu này. Cách dùng: /why")
            (hint,) = hoa.says("xin chào")
            assert hint.text.startswith("Tôi trả lời các lệnh: /help liệt kê các lệnh")
            (hint,) = tom.says("hello")
            assert hint.text.startswith("I answer commands: /help lists them")
            (excluded,) = hoa.says("/filters exclude Syria")
            assert excluded.text.startswith("✓ Đã loại trừ “Syria”")

            feed_server.wait_for_requests(1, "/f", timeout=20)  # the first fetch: a backlog
            feed_server.set_feed("/f", rss([TROOPS]))
            vi_time = when(TROOPS.published, "vi", VIETNAM)
            en_time = when(TROOPS.published, "en", VIETNAM)
            assert vi_time.endswith(" +07")
            alert_vi, alert_en = hoa.gets(), tom.gets()
            assert f"VnExpress · {vi_time}" in alert_vi.text
            assert f"VnExpress · {en_time}" in alert_en.text
            for user in (hoa, tom):  # /why tells when it was sent: wait for the confirmation
                _wait_for(store.engine, user.chat, [("sent", None)])
            (why,) = hoa.says(f"/why {TROOPS.link}")
            assert f"đăng {vi_time} · ghi nhận lúc " in why.text
            assert why.text.splitlines()[-1].startswith("📰 Tin mới: đã gửi cho bạn lúc ")
            assert why.text.endswith(" +07")
            (why,) = tom.says(f"/why {TROOPS.link}")
            assert f"published {en_time} · seen " in why.text
            assert why.text.endswith(" +07")

            # a mute, then an unmute: the story's alerts reach the reader again
            mute = next(d for d in button_data(alert_en) if d.startswith("m:"))
            unmute = f"u:{mute[2:]}"
            answer, _ = tom.taps(alert_en, mute, edits=False)
            muted = "🔇 Muted: nothing more about this story will reach you."
            assert answer.params["text"] == muted
            bot_api.wait_for_calls("editMessageReplyMarkup")
            edited = tom.current(alert_en)
            assert button_data(edited)[unmute] == "🔔 Unmute this story"
            answer, _ = hoa.taps(alert_vi, mute, edits=False)
            assert answer.params["text"] == "🔇 Đã tắt: bạn sẽ không nhận thêm gì về tin này."
            article = _article(store.engine, str(TROOPS.guid))
            again = AlertIntent(
                kind="story", priority=1, article_id=article, title=f"{TROOPS.title} (updated)",
                outlet="VnExpress", url=TROOPS.link, published_at=NOW, matched=("Iraq",),
            )  # fmt: skip  # what an update of the story would send
            store.enqueue_alert(again, datetime.now(UTC))
            for user in (tom, hoa):
                _wait_for(store.engine, user.chat, [("sent", None), ("filtered", "muted")])
            answer, _ = tom.taps(alert_en, unmute, edits=False)
            assert answer.params["text"] == "🔔 Unmuted: this story's alerts reach you again."
            assert tom.gets().text.startswith(f"📰 <b>{again.title}</b>")  # kept back, now sent
            answer, _ = hoa.taps(alert_vi, unmute, edits=False)
            assert answer.params["text"] == "🔔 Đã bật lại: bạn sẽ lại nhận cảnh báo về tin này."
            assert hoa.gets().text.startswith(f"📰 <b>{again.title}</b>")
            store.enqueue_alert(again, datetime.now(UTC))
            hoa.gets()
            assert tom.gets().text.startswith(f"📰 <b>{again.title}</b>")

            # the digest, in the digest reader's time
            for user, heading, shown in (
                (dan, "🗞 <b>Digest: 3 new stories</b>", en_time),
                (lan, "🗞 <b>Tin tổng hợp: 3 tin mới</b>", vi_time),
            ):
                _wait_for(store.engine, user.chat, [("held", None)] * 3)
                assert store.make_digest(user.chat, datetime.now(UTC), None) is not None
                gathered = user.gets()
                assert gathered.text.startswith(heading)
                assert f"— VnExpress, {shown}" in gathered.text

            # figures found by words in either language, and pictures
            for user, query, heading in (
                (hoa, "quân số", "📈 <b>Binh sĩ Mỹ ở Iraq</b>"),
                (tom, "troops", "📈 <b>US troops in Iraq</b>"),
            ):
                text, chart = user.says(f"/history {query}", replies=2)
                assert text.text.splitlines()[0] == heading
                assert photo_size(chart) == SIZE
                assert chart.text.startswith(("Biểu đồ: Binh sĩ Mỹ ở Iraq", "Chart: US troops"))
            (listing,) = tom.says("/history")
            number = next(
                line.split(".")[0]
                for line in listing.text.splitlines()
                if line.endswith(". US troops in Iraq")
            )
            text, _ = tom.says(f"/history {number}", replies=2)
            assert text.text.splitlines()[0] == "📈 <b>US troops in Iraq</b>"
            for user, caption in ((hoa, "Biểu đồ: lộ trình rút quân"), (tom, "Chart: the")):
                (chart,) = user.says("/timeline")
                assert photo_size(chart) == SIZE
                assert chart.text.startswith(caption)

            # the reader's own outlets: Vietnamese ones off, and their stories stay away
            (menu,) = hoa.says("/settings")
            hoa.taps(menu, "s:o")
            _, outlets = hoa.taps(menu, "s:o:l-vi")
            assert outlets is not None
            assert "📰 Nguồn tin: không nhận nguồn Tiếng Việt" in outlets.text
            store.enqueue_alert(again, datetime.now(UTC))
            assert tom.gets().text.startswith(f"📰 <b>{again.title}</b>")
            _wait_for(store.engine, hoa.chat, [("sent", None)] * 3 + [("filtered", "outlet")])
            assert service.stop() == 0
    finally:
        store.engine.dispose()


def _article(engine: sa.Engine, guid: str) -> int:
    with engine.connect() as conn:
        found = conn.execute(sa.select(articles.c.id).where(articles.c.guid == guid))
        return int(found.scalar_one())


def _wait_for(engine: sa.Engine, chat: int, expected: list[tuple[str, str | None]]) -> None:
    query = (
        sa.select(deliveries.c.status, deliveries.c.last_error)
        .where(deliveries.c.chat_id == chat)
        .order_by(deliveries.c.id)
    )
    rows: list[tuple[str, str | None]] = []

    def as_expected() -> bool:
        nonlocal rows
        with engine.connect() as conn:
            rows = [(row.status, row.last_error) for row in conn.execute(query)]
        return rows == expected

    until(lambda: f"chat {chat}: {rows} != {expected}", as_expected, timeout=15)
