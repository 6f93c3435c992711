"""/status: the feeds watched, when each was last checked, and what the bot has read and
sent. Pure: no I/O (the figures under it are ``bot.render.figures.figures_status``)."""

from __future__ import annotations

from datetime import datetime

from bot.i18n import tr
from bot.render.formats import ago, number
from bot.render.markup import escape
from storage.types import FeedStatus, Overview

_ICONS = {"ok": "🟢", "not_modified": "🟢", "error": "🔴"}


def status(overview: Overview, language: str, now: datetime) -> str:
    """What is watched, when each feed was last checked, and how many stories."""
    lines = [tr("status.title", language)]
    lines.extend(_feed_line(feed, language, now) for feed in overview.feeds)
    if not overview.feeds:
        lines.append("—")
    lines += [
        "",
        tr(
            "status.stories",
            language,
            relevant=number(overview.relevant, language),
            articles=number(overview.articles, language),
        ),
        tr("status.subscribers", language, count=number(overview.subscribers, language)),
        tr("status.pending", language, count=number(overview.pending_deliveries, language)),
    ]
    return "\n".join(lines)


def _feed_line(feed: FeedStatus, language: str, now: datetime) -> str:
    icon = _ICONS.get(feed.last_status or "", "⚪")
    if feed.last_checked_at is None:
        checked = tr("feed.not_checked", language)
    else:
        checked = ago(now - feed.last_checked_at, language)
    line = f"{icon} {escape(feed.name)} — {checked}"
    if feed.last_status == "error" and feed.last_error:
        line += f" ({escape(feed.last_error[:120])})"
    return line
