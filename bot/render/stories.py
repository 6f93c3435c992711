"""The /latest message: the last stories, each with how many outlets carried it. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.i18n import ntr, tr
from bot.render.formats import ago
from bot.render.markup import MAX_TITLE, escape, link
from storage.story_types import StorySummary

__all__ = ["latest", "outlet_count"]


def outlet_count(count: int, language: str) -> str:
    """ "1 outlet", "3 outlets" / "3 báo"."""
    return ntr("latest.outlets", count, language, count=count)


def latest(summaries: Sequence[StorySummary], language: str, now: datetime) -> str:
    """The last stories, newest report first: title (linked), first outlet, outlet count, and
    how long ago its latest report was published (when it was first seen, if undated)."""
    lines = [tr("latest.title", language)]
    if not summaries:
        lines.append(tr("latest.none", language))
        return "\n".join(lines)
    for story in summaries:
        title = story.title if len(story.title) <= MAX_TITLE else story.title[:MAX_TITLE] + "…"
        shown = escape(title)
        if story.url:
            shown = link(story.url, shown)
        lines.append(
            f"• {shown} — {escape(story.outlet)} · {outlet_count(story.outlets, language)} · "
            f"{ago(now - (story.published_at or story.first_seen_at), language)}"
        )
    return "\n".join(lines)
