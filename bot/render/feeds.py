"""/feeds (administrators): the command's arguments and its replies, in both languages. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.render.messages import escape
from storage.sources import Source

_URL = re.compile(r"^https?://\S+$")
ACTIONS = ("add", "remove", "pause", "resume")


@dataclass(frozen=True, slots=True)
class FeedsCommand:
    """What /feeds was asked: ``action`` "list", "add", "remove", "pause", "resume", or
    "usage" (arguments it does not understand)."""

    action: str
    target: str = ""  # a URL to add, or a number or URL of a listed feed
    lang: str = ""
    name: str = ""


def parse(args: Sequence[str]) -> FeedsCommand:
    """/feeds · /feeds add <url> [vi|en] [name…] · /feeds pause|resume|remove <number|url>."""
    if not args:
        return FeedsCommand("list")
    action = args[0].lower()
    if action not in ACTIONS or len(args) < 2:
        return FeedsCommand("usage")
    target = args[1]
    if action != "add":
        return FeedsCommand(action, target) if len(args) == 2 else FeedsCommand("usage")
    if not _URL.match(target):
        return FeedsCommand("usage")
    rest = list(args[2:])
    lang = rest.pop(0).lower() if rest and rest[0].lower() in ("vi", "en") else guess_lang(target)
    name = " ".join(rest) or (urlsplit(target).hostname or target)
    return FeedsCommand("add", target, lang, name)


def guess_lang(url: str) -> str:
    """A feed's language when the administrator gives none: Vietnamese for .vn hosts."""
    host = urlsplit(url).hostname or ""
    return "vi" if host.endswith(".vn") else "en"


def find(listing: Sequence[Source], target: str) -> Source | None:
    """The listed feed a /feeds argument names: its number in the list, or its URL."""
    if target.isdigit():
        number = int(target)
        return listing[number - 1] if 1 <= number <= len(listing) else None
    return next((s for s in listing if s.url == target), None)


def every(seconds: int, language: str) -> str:
    """ "every 5 min" / "mỗi 5 phút"."""
    vi = language == "vi"
    if seconds % 3600 == 0:
        amount, unit = seconds // 3600, ("giờ", "h")
    elif seconds % 60 == 0:
        amount, unit = seconds // 60, ("phút", "min")
    else:
        amount, unit = seconds, ("giây", "s")
    return f"mỗi {amount} {unit[0]}" if vi else f"every {amount} {unit[1]}"


def listing_text(listing: Sequence[Source], language: str) -> str:
    vi = language == "vi"
    lines = [f"🗂 <b>{'Nguồn' if vi else 'Feeds'}</b> ({len(listing)})"]
    for number, source in enumerate(listing, start=1):
        if source.paused:
            icon = "⏸"
        elif source.last_status == "error":
            icon = "🔴"
        elif source.last_checked_at is None:
            icon = "⚪"
        else:
            icon = "🟢"
        if source.origin == "runtime":
            origin = "thêm tại đây" if vi else "added here"
        else:
            origin = "config.toml"
        lines.append(
            f"{number}. {icon} {escape(source.name)} · {source.lang} · {origin} · "
            f"{every(source.interval_s, language)}"
        )
        lines.append(f"   {escape(source.url)}")
    lines.append(text("usage", language))
    return "\n".join(lines)


_TEXTS: dict[str, dict[str, str]] = {
    "usage": {
        "en": "/feeds add <url> [vi|en] [name] · /feeds pause|resume|remove <number>",
        "vi": "/feeds add <url> [vi|en] [tên] · /feeds pause|resume|remove <số>",
    },
    "added": {
        "en": "✅ Added “{name}” ({lang}): {items} items, {matched} on the topic. "
        "It is checked {every} from now on.",
        "vi": "✅ Đã thêm “{name}” ({lang}): {items} bài, {matched} bài đúng chủ đề. "
        "Từ giờ nguồn được kiểm tra {every}.",
    },
    "restored": {
        "en": "✅ Watched again: “{name}” ({lang}): {items} items, {matched} on the topic.",
        "vi": "✅ Theo dõi lại “{name}” ({lang}): {items} bài, {matched} bài đúng chủ đề.",
    },
    "exists": {"en": "This feed is already watched.", "vi": "Nguồn này đã được theo dõi."},
    "refused": {
        "en": "❌ Not added: {error}",
        "vi": "❌ Không thêm: {error}",
    },
    "removed": {"en": "🗑 Removed “{name}”.", "vi": "🗑 Đã bỏ “{name}”."},
    "config": {
        "en": "“{name}” comes from config.toml: remove it there, or pause it here.",
        "vi": "“{name}” được khai báo trong config.toml: hãy bỏ ở đó, hoặc tạm dừng tại đây.",
    },
    "unknown": {
        "en": "No feed “{target}”: send /feeds for the numbers.",
        "vi": "Không có nguồn “{target}”: gửi /feeds để xem số thứ tự.",
    },
    "paused": {"en": "⏸ Paused “{name}”.", "vi": "⏸ Đã tạm dừng “{name}”."},
    "resumed": {"en": "▶️ Resumed “{name}”.", "vi": "▶️ Đã tiếp tục “{name}”."},
    "broadcast_usage": {
        "en": "Send /broadcast followed by the announcement.",
        "vi": "Gửi /broadcast kèm nội dung thông báo.",
    },
    "broadcast": {
        "en": "📢 Announcement queued for {count} subscribers.",
        "vi": "📢 Đã xếp hàng gửi thông báo cho {count} người đăng ký.",
    },
}


def text(key: str, language: str, **values: object) -> str:
    """One reply as Telegram HTML (its values escaped)."""
    template = escape(_TEXTS[key]["vi" if language == "vi" else "en"])
    return template.format(**{k: escape(str(v)) for k, v in values.items()})
