"""Alert and status messages: escaped feed text, both languages, readable dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.render import messages as format
from bot.render.alerts import keywords
from storage.types import FeedStatus, Overview, StoredAlert

NOW = datetime(2026, 11, 22, 9, 5, tzinfo=UTC)


def alert(**changes: object) -> StoredAlert:
    values: dict[str, object] = {
        "id": 1,
        "kind": "story",
        "title": "Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân",
        "outlet": "VnExpress — Thế giới",
        "url": "https://vnexpress.net/a.html?x=1&y=2",
        "published_at": NOW,
        "matched": ("rút quân", "Iraq*"),
        "created_at": NOW,
    }
    values.update(changes)
    return StoredAlert(**values)  # type: ignore[arg-type]


def test_an_alert_has_title_outlet_time_link_and_keywords() -> None:
    assert format.alert(alert(), "vi") == (
        "📰 <b>Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân</b>\n"
        "VnExpress — Thế giới · 22/11/2026 09:05 UTC\n"
        '<a href="https://vnexpress.net/a.html?x=1&amp;y=2">Đọc bài</a>\n'
        "🔎 Từ khóa: rút quân, Iraq"
    )
    english = format.alert(alert(), "en")
    assert "22 Nov 2026 09:05 UTC" in english
    assert "Read the article" in english


def test_keywords_show_each_term_once_and_the_first_six() -> None:
    """Spellings of one term ("Al-Asad", "Ain al Asad") show as the longest one, where the
    first stood; past six, how many more."""
    matched = ("Iraq*", "Al-Asad", "rút quân", "Ain al-Asad", "Ain al Asad", "Iraq")
    assert keywords(matched) == "Iraq, Ain al-Asad, rút quân"
    many = ("Iraq", "rút quân", "rút binh sĩ", "Baghdad", "Erbil", "liên quân", "Anbar", "căn cứ")
    assert keywords(many) == "Iraq, rút quân, rút binh sĩ, Baghdad, Erbil, liên quân (+2)"
    assert keywords(many, None) == ", ".join(many)  # /why: every term
    assert keywords(("rút quân", "rút quân khỏi Iraq", "quân")) == "rút quân khỏi Iraq, quân"
    assert keywords(("Iraq*", "rút quân", "rời Iraq")) == "Iraq, rút quân, rời Iraq"


def test_feed_text_never_breaks_the_markup() -> None:
    text = format.alert(
        alert(title='<b>US & "coalition"</b>', outlet="A<B>", url='https://x/"><script>'), "en"
    )
    assert '<b>&lt;b&gt;US &amp; "coalition"&lt;/b&gt;</b>' in text
    assert "A&lt;B&gt;" in text
    assert 'href="https://x/&quot;&gt;&lt;script&gt;"' in text


def test_a_long_title_is_shortened() -> None:
    text = format.alert(alert(title="x" * 5000), "en")
    assert len(text) < 1000
    assert "…" in text


def test_an_alert_without_date_or_link_still_reads_well() -> None:
    text = format.alert(alert(published_at=None, url=None, matched=()), "en")
    assert (
        text
        == "📰 <b>Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân</b>\nVnExpress — Thế giới · —"
    )


def test_the_client_language_picks_vietnamese_or_english() -> None:
    assert format.language_of("vi") == "vi"
    assert format.language_of("vi-VN") == "vi"
    assert format.language_of("en-US") == "en"
    assert format.language_of(None) == "en"


def test_status_lists_feeds_with_their_freshness() -> None:
    feeds = (
        FeedStatus("VnExpress", "https://v", NOW - timedelta(minutes=3), "ok", 0, None, NOW),
        FeedStatus(
            "Al Jazeera",
            "https://a",
            NOW - timedelta(hours=2),
            "error",
            2,
            "cannot fetch: HTTP 500",
            NOW,
        ),
        FeedStatus("DoD", "https://d", None, None, 0, None, NOW),
    )
    text = format.status(
        Overview(feeds, articles=120, relevant=7, subscribers=3, pending_deliveries=0), "en", NOW
    )
    assert "🟢 VnExpress — 3 min ago" in text
    assert "🔴 Al Jazeera — 2 h ago (cannot fetch: HTTP 500)" in text
    assert "⚪ DoD — not checked yet" in text
    assert "Stories on the topic: 7 (of 120 read)" in text
    vietnamese = format.status(Overview(feeds, 120, 7, 3, 0), "vi", NOW)
    assert "3 phút trước" in vietnamese


def test_plain_alerts_for_the_terminal_have_no_markup() -> None:
    text = format.alert_plain(alert(title="<b>x</b>"))
    assert text.splitlines()[0] == "📰 <b>x</b>"
    assert "keywords: rút quân, Iraq" in text


def test_numbers_and_dates_follow_the_readers_convention() -> None:
    assert format.number(2500, "vi") == "2.500"
    assert format.number(2500, "en") == "2,500"
    assert format.number(1_234_567, "vi") == "1.234.567"
    assert format.day(NOW, "vi") == "22/11/2026"
    assert format.day(NOW, "en") == "22 Nov 2026"
    assert format.when(NOW, "en") == "22 Nov 2026 09:05 UTC"
    assert format.day(None, "en") == "—"


def test_an_announcement_is_plain_text_under_its_heading() -> None:
    text = format.render(alert(kind="broadcast", title="Bảo trì lúc 22:00 <UTC> & xong"), "vi")
    assert text == "📢 <b>Thông báo</b>\nBảo trì lúc 22:00 &lt;UTC&gt; &amp; xong"
