"""/settings and /filters messages and keyboards, alert buttons, callback data."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from telegram import InlineKeyboardMarkup

from bot.render import keyboards
from bot.render import settings as sf
from storage.preference_types import Filter, Muted, Settings
from storage.sources import Source
from storage.types import StoredAlert

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
KEYS = ["troops/US/Iraq", "deadline/first coalition troops leave Al-Harir Air Base in Erbil"]


def data(markup: InlineKeyboardMarkup | None) -> list[str]:
    assert markup is not None
    return [str(b.callback_data or b.url) for row in markup.inline_keyboard for b in row]


def test_the_summary_says_each_setting_in_the_readers_language() -> None:
    settings = Settings(
        5, receive="chosen", chosen=("troops/", "deadline/coalition leaves Iraq"), mode="digest",
        digest_hours="8,20", quiet_hours="22-7", timezone="Asia/Ho_Chi_Minh", language="vi",
    )  # fmt: skip
    filters = [Filter(1, "include", "Erbil"), Filter(2, "exclude", "Syria")]
    muted = [Muted(3, "Mỹ rút quân"), Muted(4, "Iraq")]
    assert sf.summary(settings, filters, "vi", muted) == (
        "⚙️ <b>Cài đặt</b>\n"
        "📬 Đăng ký: chưa nhận — /subscribe để bắt đầu\n"
        "📥 Nhận: chỉ thay đổi của: mọi số liệu quân số, liên minh rời Iraq\n"
        "⏱ Cách gửi: tin tổng hợp lúc 08:00 và 20:00\n"
        "🌙 Không làm phiền: 22:00–07:00\n"
        "🕒 Múi giờ: Việt Nam (UTC+7)\n"
        "🌐 Ngôn ngữ: Tiếng Việt\n"
        "📰 Nguồn tin: mọi nguồn\n"
        "🔎 Bộ lọc: 1 cần có, 1 loại trừ — /filters\n"
        "🔇 Tin đã tắt: 2"
    )
    english = sf.summary(dataclasses.replace(settings, active=True), filters, "en").splitlines()
    assert english[1] == "📬 Subscription: on — /unsubscribe stops it"
    assert english[2] == "📥 Receive: only changes of: every troop count, coalition leaves Iraq"
    assert english[3] == "⏱ Delivery: a digest at 08:00 and 20:00"
    assert english[-1] == "🔇 Muted stories: none"
    _, mutes = sf.page("u", settings, filters, [], "en", muted)
    assert data(mutes) == ["s:u:3", "s:u:4", "s:m"]
    assert (
        sf.receive_line(Settings(5, receive="chosen"), "en") == "chosen figures (none chosen yet)"
    )


def test_every_page_ticks_the_current_choice_and_fits_telegrams_callback_limit() -> None:
    settings = Settings(5, receive="chosen", chosen=(KEYS[1],), quiet_hours="23-6")
    for name in ("m", "r", "k", "d", "q", "t"):
        _, markup = sf.page(name, settings, [], KEYS, "en")
        assert all(len(d.encode()) <= 64 for d in data(markup))
    _, chooser = sf.page("k", settings, [], KEYS, "en")
    labels = [b.text for row in chooser.inline_keyboard for b in row]
    assert labels == [
        "Every troop count", "Every deadline", "US troops in Iraq",
        "✓ first coalition troops leave Al-Harir Air Base in Erbil", "« Back",
    ]  # fmt: skip
    _, quiet = sf.page("q", settings, [], KEYS, "vi")
    assert [b.text for row in quiet.inline_keyboard for b in row] == [
        "Tắt", "22:00–07:00", "✓ 23:00–06:00", "21:00–08:00", "« Quay lại",
    ]  # fmt: skip


def test_the_outlets_page_turns_outlets_and_languages_on_and_off() -> None:
    outlets = [source(1, "VnExpress", "vi"), source(2, "Reuters", "en")]
    settings = Settings(5, outlets_off=frozenset({1}), languages_off=frozenset({"en"}))
    text, markup = sf.page("o", settings, [], [], "en", (), outlets)
    assert "📰 Outlets: 1 outlet off, none in English" in text
    assert [b.text for row in markup.inline_keyboard for b in row] == [
        "English: every outlet", "✓ Tiếng Việt: every outlet", "VnExpress", "Reuters", "« Back",
    ]  # fmt: skip
    assert data(markup)[:4] == ["s:o:l-en", "s:o:l-vi", "s:o:1", "s:o:2"]
    assert sf.change_of("o", "1", settings, outlets=outlets) == {"outlets_off": frozenset()}
    assert sf.change_of("o", "l-vi", settings, outlets=outlets) == {
        "languages_off": frozenset({"en", "vi"})
    }
    assert sf.change_of("o", "9", settings, outlets=outlets) is None  # not watched
    assert sf.change_of("o", "l-fr", settings, outlets=outlets) is None
    assert sf.change_of("u", "12", settings) == {"unmute": 12}
    assert sf.outlets_line(Settings(5), "vi") == "mọi nguồn"


def source(feed: int, name: str, lang: str) -> Source:
    return Source(feed, name, f"https://{feed}.example/rss", lang, "config", False, 300,
                  None, None, 0, None, 0, 0)  # fmt: skip


def test_the_mute_button_turns_into_unmute_and_back() -> None:
    story = StoredAlert(
        id=42, kind="story", title="t", outlet="o", url=None, published_at=NOW, matched=(),
        created_at=NOW,
    )  # fmt: skip
    buttons = keyboards.alert_buttons(story, "en")
    assert buttons is not None
    muted = keyboards.mute_toggled(buttons, 42, muted=True, language="vi")
    assert data(muted) == ["u:42", "f:1"]
    assert muted.inline_keyboard[0][0].text == "🔔 Bật lại tin này"
    again = keyboards.mute_toggled(muted, 42, muted=False, language="en")
    assert again.inline_keyboard == buttons.inline_keyboard


def test_the_filters_message_numbers_the_filters_and_offers_a_button_for_each() -> None:
    text, markup = sf.filters_message(
        [Filter(3, "include", "Erbil"), Filter(9, "exclude", "<Syria>")], "en", "✓ Added “x”."
    )
    assert text.splitlines()[:5] == [
        "✓ Added “x”.",
        "🔎 <b>Your filters</b>",
        "On top of the topic's keywords; whole words, without case or diacritics.",
        "✅ Must contain one of: 1. “Erbil”",
        "🚫 Must not contain: 2. “&lt;Syria&gt;”",
    ]
    assert data(markup) == ["x:3", "x:9"]
    assert sf.filters_message([], "vi")[1] is None


def test_story_alerts_get_three_buttons_figure_alerts_two_and_others_none() -> None:
    story = StoredAlert(
        id=42, kind="story", title="t", outlet="o", url="https://vnexpress.net/a.html",
        published_at=NOW, matched=(), created_at=NOW,
    )  # fmt: skip
    assert data(keyboards.alert_buttons(story, "en")) == [
        "https://vnexpress.net/a.html", "m:42", "f:1",
    ]  # fmt: skip
    labels = keyboards.alert_buttons(story, "vi")
    assert labels is not None
    assert labels.inline_keyboard[1][0].text == "🔇 Tắt tin này"
    figure = dataclasses.replace(story, kind="figure", url="javascript:alert(1)")
    assert data(keyboards.alert_buttons(figure, "en")) == ["m:42"]
    assert keyboards.alert_buttons(dataclasses.replace(story, kind="digest"), "en") is None


def test_an_update_carries_its_own_story_button_to_administrators_only() -> None:
    update = StoredAlert(
        id=43, kind="update", title="t", outlet="o", url="https://vnexpress.net/b.html",
        published_at=NOW, matched=(), created_at=NOW, news=("troops:1500",),
    )  # fmt: skip
    assert keyboards.alert_buttons(update, "en") is None
    markup = keyboards.alert_buttons(update, "vi", admin=True)
    assert data(markup) == ["c:43"]
    assert markup is not None
    assert markup.inline_keyboard[0][0].text == "✂️ Tách thành tin riêng"
    story = dataclasses.replace(update, kind="story", news=())
    assert keyboards.alert_buttons(story, "en", admin=True) == keyboards.alert_buttons(story, "en")


def test_callback_data_splits_at_its_prefix() -> None:
    assert keyboards.parse("m:17") == ("m", "17")
    assert keyboards.parse("s:k:0badf00d") == ("s", "k:0badf00d")
    assert keyboards.parse("garbage") == ("", "garbage")
    assert keyboards.parse(None) == ("", "")
