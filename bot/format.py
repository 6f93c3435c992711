"""Every message the bot writes, in Vietnamese and English, as Telegram HTML. Pure: no I/O.

Feed text is always escaped, so a title like ``<b>Iraq & US</b>`` never breaks the markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from storage.types import FeedStatus, Overview, StoredAlert

LANGUAGES = ("vi", "en")
_TAG = re.compile(r"<[^>]*>")
MAX_TITLE = 300
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def language_of(code: str | None) -> str:
    """The bot's language for a Telegram client language code: Vietnamese or English."""
    return "vi" if (code or "").lower().startswith("vi") else "en"


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def when(moment: datetime | None, language: str) -> str:
    """22/11/2026 09:05 UTC in Vietnamese, 22 Nov 2026 09:05 UTC in English."""
    if moment is None:
        return "—"
    moment = moment.astimezone(UTC)
    if language == "vi":
        return moment.strftime("%d/%m/%Y %H:%M UTC")
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year} {moment:%H:%M} UTC"


def alert(item: StoredAlert, language: str) -> str:
    """A new-story alert: title, outlet, time, link, and the keywords that matched."""
    title = item.title if len(item.title) <= MAX_TITLE else item.title[: MAX_TITLE - 1] + "…"
    lines = [
        f"📰 <b>{escape(title)}</b>",
        f"{escape(item.outlet)} · {when(item.published_at, language)}",
    ]
    if item.url:
        label = "Đọc bài" if language == "vi" else "Read the article"
        lines.append(f'<a href="{html.escape(item.url, quote=True)}">{label}</a>')
    if item.matched:
        label = "Từ khóa" if language == "vi" else "Keywords"
        lines.append(f"🔎 {label}: {escape(', '.join(item.matched))}")
    return "\n".join(lines)


def render(item: StoredAlert, language: str) -> str:
    """The message for any kind of alert."""
    if item.kind == "digest":
        return digest(item, language)
    return alert(item, language)


def digest(item: StoredAlert, language: str) -> str:
    """The stories held for a digest subscriber, one line each, oldest first."""
    vi = language == "vi"
    count = len(item.items)
    head = (
        f"🗞 <b>Tin tổng hợp: {count} tin mới</b>" if vi else f"🗞 <b>Digest: {count} new stories</b>"
    )
    lines = [head]
    for story in item.items:
        title = escape(
            story.title if len(story.title) <= MAX_TITLE else story.title[:MAX_TITLE] + "…"
        )
        if story.url:
            title = f'<a href="{html.escape(story.url, quote=True)}">{title}</a>'
        lines.append(f"• {title} — {escape(story.outlet)}, {when(story.published_at, language)}")
    return "\n".join(lines)


def split_message(text: str, limit: int = 4096) -> list[str]:
    """Split a message into parts of at most ``limit`` characters, at line ends only.

    Every message this module writes keeps each HTML tag and entity within one line, so a
    line end is always a safe place to cut: no part ever has an unclosed tag or a broken
    entity. A single line longer than the limit (which no format here produces) is cut at
    its last space before the limit after dropping its markup.
    """
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            line = html.escape(strip_tags(line), quote=False)
            cut = _safe_cut(line, limit)
            parts.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            candidate = line
        current = candidate
    if current or not parts:
        parts.append(current)
    return parts


def _safe_cut(escaped: str, limit: int) -> int:
    """Where to cut escaped plain text: the last space before ``limit``, else never inside an
    entity such as ``&amp;``."""
    if (space := escaped.rfind(" ", 0, limit)) > 0:
        return space
    amp = escaped.rfind("&", 0, limit)
    if amp >= 0 and ";" not in escaped[amp:limit]:
        return amp or limit
    return limit


def strip_tags(markup: str) -> str:
    """The visible text of one line of our HTML."""
    return html.unescape(_TAG.sub("", markup))


def alert_plain(item: StoredAlert) -> str:
    """The same alert for a terminal: no markup."""
    lines = [f"📰 {item.title}", f"   {item.outlet} · {when(item.published_at, 'en')}"]
    if item.url:
        lines.append(f"   {item.url}")
    if item.matched:
        lines.append(f"   keywords: {', '.join(item.matched)}")
    return "\n".join(lines)


_TEXTS: dict[str, dict[str, str]] = {
    "start": {
        "en": (
            "👋 <b>Drawdown Watch</b> follows the news about US and coalition troops leaving "
            "Iraq, in Vietnamese and international outlets, and tells you within a minute when "
            "something new is reported.\n\n"
            "/subscribe — get an alert for every new story\n"
            "/unsubscribe — stop the alerts\n"
            "/status — what is watched and how fresh it is\n"
            "/help — this list"
        ),
        "vi": (
            "👋 <b>Drawdown Watch</b> theo dõi tin tức về việc quân đội Mỹ và liên minh rút "
            "khỏi Iraq trên báo chí Việt Nam và quốc tế, và báo cho bạn trong vòng một phút khi "
            "có tin mới.\n\n"
            "/subscribe — nhận cảnh báo cho mỗi tin mới\n"
            "/unsubscribe — ngừng nhận cảnh báo\n"
            "/status — các nguồn đang theo dõi và lần kiểm tra gần nhất\n"
            "/help — danh sách lệnh"
        ),
    },
    "subscribed": {
        "en": "✅ Subscribed. Each new story about the withdrawal from Iraq will arrive here.",
        "vi": "✅ Đã đăng ký. Mỗi tin mới về việc rút quân khỏi Iraq sẽ được gửi đến đây.",
    },
    "already_subscribed": {
        "en": "You are already subscribed.",
        "vi": "Bạn đã đăng ký rồi.",
    },
    "unsubscribed": {
        "en": "🔕 Unsubscribed. Send /subscribe to get alerts again.",
        "vi": "🔕 Đã hủy đăng ký. Gửi /subscribe để nhận lại cảnh báo.",
    },
    "not_subscribed": {
        "en": "You are not subscribed. Send /subscribe to get alerts.",
        "vi": "Bạn chưa đăng ký. Gửi /subscribe để nhận cảnh báo.",
    },
}


def text(key: str, language: str) -> str:
    return _TEXTS[key][language if language in LANGUAGES else "en"]


def status(overview: Overview, language: str, now: datetime) -> str:
    """What is watched, when each feed was last checked, and how many stories."""
    vi = language == "vi"
    head = "📡 <b>Nguồn đang theo dõi</b>" if vi else "📡 <b>Watched feeds</b>"
    lines = [head]
    lines.extend(_feed_line(feed, language, now) for feed in overview.feeds)
    if not overview.feeds:
        lines.append("—")
    if vi:
        lines.append(
            f"\n📰 Tin liên quan: {overview.relevant:,} (trên {overview.articles:,} bài đã đọc)"
            f"\n👥 Người đăng ký: {overview.subscribers:,}"
            f"\n📤 Đang chờ gửi: {overview.pending_deliveries:,}"
        )
    else:
        lines.append(
            f"\n📰 Stories on the topic: {overview.relevant:,} (of {overview.articles:,} read)"
            f"\n👥 Subscribers: {overview.subscribers:,}"
            f"\n📤 Waiting to be sent: {overview.pending_deliveries:,}"
        )
    return "\n".join(lines)


def _feed_line(feed: FeedStatus, language: str, now: datetime) -> str:
    icon = {"ok": "🟢", "not_modified": "🟢", "error": "🔴"}.get(feed.last_status or "", "⚪")
    if feed.last_checked_at is None:
        checked = "chưa kiểm tra" if language == "vi" else "not checked yet"
    else:
        checked = ago(now - feed.last_checked_at, language)
    line = f"{icon} {escape(feed.name)} — {checked}"
    if feed.last_status == "error" and feed.last_error:
        line += f" ({escape(feed.last_error[:120])})"
    return line


def ago(delta: timedelta, language: str) -> str:
    """ "3 min ago" / "3 phút trước"."""
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 60:
        amount, unit = seconds, ("giây", "s")
    elif seconds < 3600:
        amount, unit = seconds // 60, ("phút", "min")
    elif seconds < 86400:
        amount, unit = seconds // 3600, ("giờ", "h")
    else:
        amount, unit = seconds // 86400, ("ngày", "d")
    return f"{amount} {unit[0]} trước" if language == "vi" else f"{amount} {unit[1]} ago"


def table(rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with aligned columns (for the terminal)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )
