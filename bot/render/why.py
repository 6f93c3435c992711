"""/why and /sources: what became of a link, and the outlets watched. Vietnamese and English,
Telegram HTML. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.render import messages as format
from bot.render.messages import escape, when
from storage.ledger_types import FigureEntry
from storage.preference_types import Explanation, SeenArticle, SentTo, Sighting
from storage.sources import Source

_W: dict[str, dict[str, str]] = {
    "usage": {
        "en": "Send /why with an article's link, e.g. /why https://vnexpress.net/…",
        "vi": "Gửi /why kèm đường dẫn của bài, ví dụ /why https://vnexpress.net/…",
    },
    "unknown": {
        "en": "🤷 I have not seen this link. I know the items of the feeds I watch (/sources), "
        "from the time each was added.",
        "vi": "🤷 Tôi chưa thấy đường dẫn này. Tôi chỉ biết các bài của những nguồn đang theo dõi "
        "(/sources), kể từ khi nguồn được thêm.",
    },
    "duplicate_guid": {
        "en": "♻️ Seen {when} in {outlet} as a re-publication (the same article ID under "
        "another link) of the article below: not stored again, no second alert.",
        "vi": "♻️ Thấy lúc {when} trên {outlet}: đăng lại (cùng mã bài, khác đường dẫn) của "
        "bài dưới đây, không lưu lại và không gửi lần hai.",
    },
    "duplicate_url": {
        "en": "♻️ Seen {when} in {outlet} as a re-publication (the same address) of the article "
        "below: not stored again, no second alert.",
        "vi": "♻️ Thấy lúc {when} trên {outlet}: đăng lại (cùng địa chỉ) của bài dưới đây, "
        "không lưu lại và không gửi lần hai.",
    },
    "seen": {"en": "published {published} · seen {seen}", "vi": "đăng {published} · thấy {seen}"},
    "new": {"en": "✅ Kept: on the topic", "vi": "✅ Giữ lại: đúng chủ đề"},
    "keywords": {"en": "keywords", "vi": "từ khóa"},
    "backlog": {
        "en": "⏸ Kept without an alert: it was already in the feed when the feed was first "
        "checked.",
        "vi": "⏸ Lưu lại, không gửi: bài đã có sẵn trong nguồn khi nguồn được kiểm tra lần đầu.",
    },
    "not_relevant": {
        "en": "❌ Dropped: not about troops leaving Iraq",
        "vi": "❌ Bỏ qua: không phải tin về việc rút quân khỏi Iraq",
    },
    "missing terms": {
        "en": "it lacks the topic's keywords",
        "vi": "thiếu từ khóa của chủ đề",
    },
    "about elsewhere": {
        "en": "it is about another theatre",
        "vi": "bài nói về một chiến trường khác",
    },
    "attack story": {
        "en": "it is about an attack, not the withdrawal",
        "vi": "bài nói về một vụ tấn công, không phải việc rút quân",
    },
    "found": {"en": "found", "vi": "có"},
    "figures": {"en": "📊 Figures in it:", "vi": "📊 Số liệu trong bài:"},
    "f_new": {"en": "first report (no alert)", "vi": "lần đầu được đưa tin (không gửi)"},
    "f_confirmed": {"en": "confirms the current figure", "vi": "xác nhận số liệu hiện tại"},
    "f_changed": {"en": "a change", "vi": "một thay đổi"},
    "f_conflict": {
        "en": "differs from another recent report",
        "vi": "khác với một nguồn khác gần đây",
    },
    "f_stale": {
        "en": "older than the current figure: kept, not alerted",
        "vi": "cũ hơn số liệu hiện tại: lưu lại, không gửi",
    },
    "story": {"en": "📰 Story alert", "vi": "📰 Tin mới"},
    "figure": {"en": "📊 Figure alert", "vi": "📊 Cảnh báo số liệu"},
    "sent": {"en": "sent to you {when}", "vi": "đã gửi cho bạn lúc {when}"},
    "filtered": {
        "en": "not sent to you: filtered by your settings ({why})",
        "vi": "không gửi cho bạn: bị lọc theo cài đặt của bạn ({why})",
    },
    "held": {"en": "held for your next digest", "vi": "đang chờ tin tổng hợp tiếp theo"},
    "digested": {"en": "sent to you in a digest", "vi": "đã gửi cho bạn trong tin tổng hợp"},
    "quiet": {
        "en": "waiting for your quiet hours to end ({when})",
        "vi": "đang chờ hết giờ yên lặng ({when})",
    },
    "pending": {"en": "waiting to be sent", "vi": "đang chờ gửi"},
    "failed": {"en": "could not be sent: {error}", "vi": "không gửi được: {error}"},
    "absent": {
        "en": "sent {when}, when you were not subscribed",
        "vi": "đã gửi lúc {when}, khi bạn chưa đăng ký",
    },
    "muted": {"en": "you muted this story", "vi": "bạn đã tắt tin này"},
    "receive=figures": {"en": "figure changes only", "vi": "chỉ nhận thay đổi số liệu"},
    "receive=chosen": {"en": "only your chosen figures", "vi": "chỉ các số liệu bạn chọn"},
    "include": {
        "en": "none of your include words",
        "vi": "không có từ nào trong bộ lọc cần có của bạn",
    },
    "exclude": {"en": "excluded “{phrase}”", "vi": "loại trừ “{phrase}”"},
}


def w(key: str, language: str) -> str:
    return _W[key]["vi" if language == "vi" else "en"]


def why(explanation: Explanation, language: str) -> str:
    """Which stage kept or dropped the article, what its figures were, what reached the chat."""
    lines = []
    if explanation.duplicate is not None:
        lines.append(_sighting(explanation.duplicate, language))
    article = explanation.article
    lines += [
        f"🔍 <b>{escape(article.title)}</b>",
        f"{escape(article.outlet)} · "
        + w("seen", language).format(
            published=when(article.published_at, language), seen=when(article.seen_at, language)
        ),
        _verdict(article, language),
    ]
    if explanation.figures:
        lines.append(w("figures", language))
        lines += [_figure(entry, language) for entry in explanation.figures]
    lines += [_alert(sent, language) for sent in explanation.alerts]
    return "\n".join(lines)


def _sighting(sighting: Sighting, language: str) -> str:
    key = "duplicate_url" if sighting.reason == "duplicate_url" else "duplicate_guid"
    template = w(key, language)
    return template.format(when=when(sighting.seen_at, language), outlet=escape(sighting.outlet))


def _verdict(article: SeenArticle, language: str) -> str:
    matched = escape(format.keywords(article.matched))
    if article.reason == "not_relevant":
        line = w("not_relevant", language)
        if article.relevance in ("missing terms", "about elsewhere", "attack story"):
            line += f" — {w(article.relevance, language)}"
        if matched:
            line += f" ({w('found', language)}: {matched})"
        return line + "."
    if article.reason == "backlog":
        return w("backlog", language)
    if not matched:
        return w("new", language) + "."
    return f"{w('new', language)} ({w('keywords', language)}: {matched})."


def _figure(entry: FigureEntry, language: str) -> str:
    label = format.figure_label(entry.key, language)
    value = format.figure_value(entry.key, entry.value, entry.precision, language)
    kind = _W.get(f"f_{entry.kind}")
    said = kind["vi" if language == "vi" else "en"] if kind else entry.kind
    return f"• {escape(label)}: {escape(value)} — {said}"


def _alert(sent: SentTo, language: str) -> str:
    if sent.kind == "figure" and sent.figure_key:
        head = f"{w('figure', language)} ({escape(format.figure_label(sent.figure_key, language))})"
    else:
        head = w("story", language)
    return f"{head}: {status(sent, language)}"


def status(sent: SentTo, language: str) -> str:
    """What became of one alert for the asking chat."""
    if sent.status is None:
        return w("absent", language).format(when=when(sent.created_at, language))
    if sent.status == "sent":
        return w("sent", language).format(when=when(sent.sent_at, language))
    if sent.status == "filtered":
        return w("filtered", language).format(why=filter_reason(sent.last_error or "", language))
    if sent.status in ("held", "digested"):
        return w(sent.status, language)
    if sent.status == "failed":
        return w("failed", language).format(error=escape(sent.last_error or "—"))
    if sent.last_error == "quiet hours":
        return w("quiet", language).format(when=when(sent.next_attempt_at, language))
    return w("pending", language)


def filter_reason(reason: str, language: str) -> str:
    """A skip reason of ``bot.delivery.rules`` for people."""
    if reason.startswith("exclude="):
        return w("exclude", language).format(phrase=escape(reason.removeprefix("exclude=")))
    if reason in _W:
        return w(reason, language)
    return escape(reason)


# --- /sources ---------------------------------------------------------------------------------


def sources(listing: Sequence[Source], language: str, now: datetime) -> str:
    """The outlets watched: health, last check, and how much of what they publish is on topic."""
    vi = language == "vi"
    lines = [f"📡 <b>{'Nguồn tin' if vi else 'Sources'}</b> ({len(listing)})"]
    for source in listing:
        lines.append(_source(source, language, now))
    if not listing:
        lines.append("—")
    return "\n".join(lines)


def _source(source: Source, language: str, now: datetime) -> str:
    vi = language == "vi"
    name = f"{escape(source.name)} ({source.lang})"
    if source.paused:
        return f"⏸ {name} — {'tạm dừng' if vi else 'paused'}"
    if source.last_checked_at is None:
        return f"⚪ {name} — {'chưa kiểm tra' if vi else 'not checked yet'}"
    checked = format.ago(now - source.last_checked_at, language)
    if source.last_status == "error":
        error = escape((source.last_error or "")[:120])
        failing = "đang lỗi" if vi else "failing"
        return f"🔴 {name} — {failing} ×{source.error_count} ({checked}): {error}"
    relevant = format.number(source.relevant, language)
    total = format.number(source.articles, language)
    share = f"{relevant}/{total} bài đúng chủ đề" if vi else f"{relevant} of {total} on the topic"
    return f"🟢 {name} — {'kiểm tra' if vi else 'checked'} {checked} · {share}"
