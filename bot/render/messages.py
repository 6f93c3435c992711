"""Every message the bot writes, in Vietnamese and English, as Telegram HTML. Pure: no I/O.

Feed text is always escaped, so a title like ``<b>Iraq & US</b>`` never breaks the markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from storage.ledger_types import FigureEntry, FigureNow
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
    return f"{day(moment, language)} {moment:%H:%M} UTC"


def number(value: int, language: str) -> str:
    """2.500 in Vietnamese, 2,500 in English."""
    return f"{value:,}".replace(",", "." if language == "vi" else ",")


def alert(item: StoredAlert, language: str, also: Sequence[str] = ()) -> str:
    """A new-story alert: title, outlet, time, link, the keywords that matched, and the other
    outlets that carried the story (``also``, the first reporter first)."""
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
        lines.append(f"🔎 {label}: {escape(keywords(item.matched))}")
    if also:
        lines.append(escape(also_reported(also, language)))
    return "\n".join(lines)


def keywords(terms: Sequence[str]) -> str:
    """The matched terms as a reader sees them: "Iraq*" is shown as "Iraq", each once."""
    return ", ".join(dict.fromkeys(term.rstrip("*") for term in terms))


ALSO_SHOWN = 2


def also_reported(outlets: Sequence[str], language: str) -> str:
    """ "🗞 Also reported by: Tuổi Trẻ, VietnamPlus (+3)" / "🗞 Cùng đưa tin: ..." (unescaped)."""
    shown = ", ".join(outlets[:ALSO_SHOWN])
    more = f" (+{len(outlets) - ALSO_SHOWN})" if len(outlets) > ALSO_SHOWN else ""
    label = "Cùng đưa tin" if _lang(language) == "vi" else "Also reported by"
    return f"🗞 {label}: {shown}{more}"


def render(item: StoredAlert, language: str, also: Sequence[str] = ()) -> str:
    """The message for any kind of alert; ``also``: the other outlets of a story."""
    if item.figure is not None:
        return figure_alert(item, language)
    if item.kind == "broadcast":
        return broadcast(item, language)
    if item.kind == "digest":
        return digest(item, language)
    return alert(item, language, also)


def broadcast(item: StoredAlert, language: str) -> str:
    """An administrators' announcement (/broadcast): their text, as plain text."""
    head = "📢 <b>Thông báo</b>" if language == "vi" else "📢 <b>Announcement</b>"
    return f"{head}\n{escape(item.title)}"


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


def alert_plain(item: StoredAlert, also: Sequence[str] = ()) -> str:
    """The same alert for a terminal: no markup."""
    if item.figure is not None:
        return figure_alert_plain(item)
    if item.kind == "edit":
        return f"↻ {item.title}\n   {also_reported(also, 'en')}"
    lines = [f"📰 {item.title}", f"   {item.outlet} · {when(item.published_at, 'en')}"]
    if item.url:
        lines.append(f"   {item.url}")
    if item.matched:
        lines.append(f"   keywords: {keywords(item.matched)}")
    if also:
        lines.append(f"   {also_reported(also, 'en')}")
    return "\n".join(lines)


_TEXTS: dict[str, dict[str, str]] = {
    "start": {
        "en": (
            "👋 <b>Drawdown Watch</b> follows the news about US and coalition troops leaving "
            "Iraq, in Vietnamese and international outlets, and tells you within a minute when "
            "something new is reported.\n\n"
            "/subscribe — get an alert for every new story\n"
            "/unsubscribe — stop the alerts\n"
            "/settings — what to receive, when, language\n"
            "/filters — your own words to include or exclude\n"
            "/status — what is watched and how fresh it is\n"
            "/sources — the outlets watched and their health\n"
            "/why — why an article was or was not sent\n"
            "/history — how a troop count or deadline changed\n"
            "/latest — the last stories and how many outlets carried them\n"
            "/help — this list"
        ),
        "vi": (
            "👋 <b>Drawdown Watch</b> theo dõi tin tức về việc quân đội Mỹ và liên minh rút "
            "khỏi Iraq trên báo chí Việt Nam và quốc tế, và báo cho bạn trong vòng một phút khi "
            "có tin mới.\n\n"
            "/subscribe — nhận cảnh báo cho mỗi tin mới\n"
            "/unsubscribe — ngừng nhận cảnh báo\n"
            "/settings — nhận gì, khi nào, ngôn ngữ\n"
            "/filters — từ khóa riêng để lọc tin\n"
            "/status — các nguồn đang theo dõi và lần kiểm tra gần nhất\n"
            "/sources — các báo được theo dõi và tình trạng\n"
            "/why — vì sao một bài được gửi hay không\n"
            "/history — diễn biến quân số và thời hạn rút quân\n"
            "/latest — các tin gần đây và số báo đưa tin\n"
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
            f"\n📰 Tin liên quan: {number(overview.relevant, 'vi')} "
            f"(trên {number(overview.articles, 'vi')} bài đã đọc)"
            f"\n👥 Người đăng ký: {number(overview.subscribers, 'vi')}"
            f"\n📤 Đang chờ gửi: {number(overview.pending_deliveries, 'vi')}"
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


# --- figures: change alerts, /status and /history ----------------------------------------

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_WHO = {
    "en": {"US": "US troops", "coalition": "coalition troops", "foreign": "foreign troops"},
    "vi": {"US": "binh sĩ Mỹ", "coalition": "binh sĩ liên minh", "foreign": "binh sĩ nước ngoài"},
}
_WHERE = {"en": "in", "vi": "ở"}
_STATUS = {"en": {"planned": " (planned)", "past": " (earlier)"},
           "vi": {"planned": " (dự kiến)", "past": " (trước đây)"}}  # fmt: skip
# Deadline vocabulary (watchers.figures.DEADLINE_KINDS) in Vietnamese; {place} kept as is.
_DEADLINE_VI = (
    ("US combat mission ends in ", "Mỹ kết thúc sứ mệnh chiến đấu ở "),
    ("coalition mission ends in ", "liên minh kết thúc sứ mệnh ở "),
    ("coalition leaves ", "liên minh rời "),
    ("first coalition troops leave ", "những binh sĩ liên minh đầu tiên rời "),
)
_HEADLINE = {
    ("deadline", "changed"): {"en": "⚠️ Deadline changed", "vi": "⚠️ Thời hạn thay đổi"},
    ("troops", "changed"): {"en": "⚠️ Troop count changed", "vi": "⚠️ Quân số thay đổi"},
    ("deadline", "conflict"): {
        "en": "❓ Deadline unconfirmed, reports differ",
        "vi": "❓ Thời hạn chưa xác nhận, các nguồn chưa khớp",
    },
    ("troops", "conflict"): {
        "en": "❓ Troop count unconfirmed, reports differ",
        "vi": "❓ Quân số chưa xác nhận, các nguồn chưa khớp",
    },
}
_KIND_WORD = {
    "en": {"new": "first report", "confirmed": "confirmed", "changed": "changed",
           "conflict": "disputed", "stale": "older report"},
    "vi": {"new": "lần đầu", "confirmed": "xác nhận", "changed": "thay đổi",
           "conflict": "chưa khớp", "stale": "tin cũ hơn"},
}  # fmt: skip


def _lang(language: str) -> str:
    return language if language in LANGUAGES else "en"


def day(moment: datetime | None, language: str) -> str:
    """22/11/2026 in Vietnamese, 22 Nov 2026 in English (UTC)."""
    if moment is None:
        return "—"
    moment = moment.astimezone(UTC)
    if _lang(language) == "vi":
        return moment.strftime("%d/%m/%Y")
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def figure_label(key: str, language: str) -> str:
    """What a figure is about: "US troops in Iraq", "liên minh rời Erbil"."""
    lang = _lang(language)
    kind, _, rest = key.partition("/")
    if kind == "troops":
        who, _, tail = rest.partition("/")
        where, _, status = tail.partition("/")
        noun = _WHO[lang].get(who, who)
        return f"{noun} {_WHERE[lang]} {where}{_STATUS[lang].get(status, '')}"
    if kind == "deadline" and lang == "vi":
        for english, vietnamese in _DEADLINE_VI:
            if rest.startswith(english):
                return vietnamese + rest.removeprefix(english)
    return rest if kind == "deadline" else key


def figure_value(key: str, value: str, precision: str, language: str) -> str:
    """A figure's value for people: "about 2,500", "end of 2026", "tháng 9/2025"."""
    vi = _lang(language) == "vi"
    if key.startswith("troops/"):
        count = number(int(value), "vi" if vi else "en")
        if precision == "approx":
            return f"khoảng {count}" if vi else f"about {count}"
        return count
    parts = value.split("-")
    if precision == "year-end":
        return f"cuối năm {parts[0]}" if vi else f"end of {parts[0]}"
    if precision == "month" and len(parts) == 2:
        month = int(parts[1])
        return f"tháng {month}/{parts[0]}" if vi else f"{_MONTH_NAMES[month - 1]} {parts[0]}"
    if precision == "day" and len(parts) == 3:
        d, m = int(parts[2]), int(parts[1])
        return f"{d:02d}/{m:02d}/{parts[0]}" if vi else f"{d} {_MONTH_NAMES[m - 1]} {parts[0]}"
    return f"năm {value}" if vi else value


def reported_by(outlet: str, source: str | None, when_: datetime | None, language: str) -> str:
    """ "Reuters via VnExpress, 22 Nov 2026" / "Reuters qua VnExpress, 22/11/2026"."""
    return f"{reporter(outlet, source, language)}, {day(when_, language)}"


def reporter(outlet: str, source: str | None, language: str) -> str:
    """ "Reuters via VnExpress" / "Reuters qua VnExpress", or the outlet alone."""
    if not source:
        return outlet
    return f"{source} {'qua' if _lang(language) == 'vi' else 'via'} {outlet}"


def sources(count: int, language: str) -> str:
    if _lang(language) == "vi":
        return f"{count} nguồn"
    return f"{count} source" if count == 1 else f"{count} sources"


def figure_alert(item: StoredAlert, language: str) -> str:
    """A figure alert: what changed, old → new, who reported it and when, how many sources.

    "⚠️ Deadline changed — coalition leaves Erbil: end of 2026 (was September 2026) ·
    Reuters via VnExpress, 22 Nov 2026 · 3 sources", then who reported the old value.
    """
    lines = [escape(line) for line in _figure_lines(item, language)]
    if item.url:
        label = "Đọc bài" if _lang(language) == "vi" else "Read the article"
        lines.append(f'<a href="{html.escape(item.url, quote=True)}">{label}</a>')
    return "\n".join(lines)


def figure_alert_plain(item: StoredAlert) -> str:
    """The same alert for a terminal: no markup."""
    lines = _figure_lines(item, "en")
    if item.url:
        lines.append(f"   {item.url}")
    return "\n".join(lines)


def _figure_lines(item: StoredAlert, language: str) -> list[str]:
    """The headline and the previous report, unescaped."""
    change = item.figure
    assert change is not None
    vi = _lang(language) == "vi"
    family = "troops" if change.key.startswith("troops/") else "deadline"
    headline = _HEADLINE[(family, change.kind)][_lang(language)]
    new = figure_value(change.key, change.value, change.precision, language)
    old = figure_value(change.old_key, change.old_value, change.old_precision, language)
    if change.kind == "conflict":
        was = f"nguồn khác: {old}" if vi else f"other report: {old}"
    else:
        was = f"trước là {old}" if vi else f"was {old}"
    first = (
        f"{headline} — {figure_label(change.key, language)}: {new} ({was}) · "
        f"{reported_by(item.outlet, change.source, item.published_at, language)} · "
        f"{sources(change.sources, language)}"
    )
    before = reported_by(change.old_outlet, change.old_source, change.old_published_at, language)
    if change.old_key != change.key:
        before = f"{figure_label(change.old_key, language)}: {old} · {before}"
    if change.kind == "conflict":
        second = f"Nguồn khác: {before}" if vi else f"Other report: {before}"
    else:
        second = f"Trước đó: {before}" if vi else f"Before: {before}"
    return [first, second]


def figures_status(current: Sequence[FigureNow], language: str) -> str:
    """Every figure's current value, its last source and date (past counts left out)."""
    vi = _lang(language) == "vi"
    lines = ["📊 <b>Số liệu</b>" if vi else "📊 <b>Figures</b>"]
    for now_ in current:
        entry = now_.entry
        if entry.key.endswith("/past"):
            continue
        lines.append(
            f"• {escape(figure_label(entry.key, language))}: "
            f"{escape(figure_value(entry.key, entry.value, entry.precision, language))} · "
            f"{escape(reported_by(entry.outlet, entry.source, entry.published_at, language))} · "
            f"{sources(now_.sources, language)}"
        )
    if len(lines) == 1:
        lines.append("—")
    else:
        lines.append("/history — " + ("diễn biến của một số liệu" if vi else "a figure's timeline"))
    return "\n".join(lines)


def figure_history(key: str, entries: Sequence[FigureEntry], language: str) -> str:
    """One figure's timeline, oldest first: date, value, who reported it, how it was judged."""
    lines = [f"📈 <b>{escape(figure_label(key, language))}</b>"]
    words = _KIND_WORD[_lang(language)]
    for entry in entries:
        value = figure_value(entry.key, entry.value, entry.precision, language)
        who = reporter(entry.outlet, entry.source, language)
        lines.append(
            f"• {day(entry.published_at, language)} — {escape(value)} · {escape(who)} "
            f"({words.get(entry.kind, entry.kind)})"
        )
    return "\n".join(lines)


def figure_list(
    numbered: Sequence[tuple[int, str]], language: str, *, unknown: str | None = None
) -> str:
    """Figures /history knows, with their numbers, and how to ask for one."""
    vi = _lang(language) == "vi"
    lines = []
    if unknown is not None:
        lines.append(
            f"Không có số liệu nào khớp với “{escape(unknown)}”."
            if vi
            else f"No figure matches “{escape(unknown)}”."
        )
    if not numbered:
        lines.append("Chưa có số liệu nào." if vi else "No figures have been reported yet.")
        return "\n".join(lines)
    lines.append("📈 <b>Diễn biến số liệu</b>" if vi else "📈 <b>Figure timelines</b>")
    lines += [f"{i}. {escape(figure_label(k, language))}" for i, k in numbered]
    first = numbered[0][0]
    lines.append(f"Gửi /history {first} để xem." if vi else f"Send /history {first} to see one.")
    return "\n".join(lines)
