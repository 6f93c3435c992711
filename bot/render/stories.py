"""The /latest message: the last stories, each with how many outlets carried it. Pure: no I/O."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from bot.render.messages import MAX_TITLE, ago, escape
from storage.story_types import StorySummary

__all__ = ["latest", "outlet_count"]


def outlet_count(count: int, language: str) -> str:
    """ "3 outlets" / "3 báo"."""
    if language == "vi":
        return f"{count} báo"
    return f"{count} outlet" if count == 1 else f"{count} outlets"


def latest(summaries: Sequence[StorySummary], language: str, now: datetime) -> str:
    """The last stories, newest report first: title (linked), first outlet, outlet count, and
    how long ago it was last reported."""
    vi = language == "vi"
    lines = ["🗂 <b>Tin gần đây</b>" if vi else "🗂 <b>Latest stories</b>"]
    if not summaries:
        lines.append("Chưa có tin nào." if vi else "No stories yet.")
        return "\n".join(lines)
    for story in summaries:
        title = story.title if len(story.title) <= MAX_TITLE else story.title[:MAX_TITLE] + "…"
        shown = escape(title)
        if story.url:
            shown = f'<a href="{html.escape(story.url, quote=True)}">{shown}</a>'
        lines.append(
            f"• {shown} — {escape(story.outlet)} · {outlet_count(story.outlets, language)} · "
            f"{ago(now - story.latest_at, language)}"
        )
    return "\n".join(lines)
