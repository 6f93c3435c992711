"""/feeds (administrators): the command's arguments and its replies. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.i18n import ntr, tr
from bot.render.formats import every
from bot.render.markup import escape
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


def listing_text(listing: Sequence[Source], language: str) -> str:
    lines = [tr("feeds.title", language, count=len(listing))]
    for number, source in enumerate(listing, start=1):
        if source.paused:
            icon = "⏸"
        elif source.last_status == "error":
            icon = "🔴"
        elif source.last_checked_at is None:
            icon = "⚪"
        else:
            icon = "🟢"
        origin = tr("feeds.added_here", language) if source.origin == "runtime" else "config.toml"
        lines.append(
            f"{number}. {icon} {escape(source.name)} · {source.lang} · {origin} · "
            f"{every(source.interval_s, language)}"
        )
        lines.append(f"   {escape(source.url)}")
    lines.append(tr("feeds.usage", language))
    return "\n".join(lines)


# What ``storage.sources.Sources`` answers to a change, and how /feeds says it.
_OUTCOMES = {
    "added": "feeds.added",
    "restored": "feeds.restored",
    "exists": "feeds.exists",
    "removed": "feeds.removed",
    "config": "feeds.config",
    "unknown": "feeds.unknown",
    "paused": "feeds.paused",
    "resumed": "feeds.resumed",
}
_COUNTED = frozenset({"added", "restored"})  # they say how many items the feed has


def outcome(result: str, language: str, /, *, items: int = 0, **values: object) -> str:
    """The reply to a change of /feeds as Telegram HTML, its values escaped."""
    escaped = {key: escape(str(value)) for key, value in values.items()}
    if result in _COUNTED:
        return ntr(_OUTCOMES[result], items, language, items=items, **escaped)
    return tr(_OUTCOMES[result], language, **escaped)


def gone_notice(name: str, url: str, language: str) -> str:
    """The administrators' notice that a feed answered 410 Gone and is no longer checked."""
    return tr("admin.feed_gone", language, name=name, url=url)
