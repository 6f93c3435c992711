"""Alerts as subscribers get them: a new story, its edits, an update (a report that joined a
story with something new), a digest, an announcement, a figure change
(``bot.render.figures``); and the same for a terminal. Pure: no I/O."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.i18n import ntr, tr
from bot.render.figures import figure_alert, figure_alert_plain
from bot.render.formats import date_of, number, when
from bot.render.markup import MAX_TITLE, escape, link
from storage.types import StoredAlert

ALSO_SHOWN = 2
KEYWORDS_SHOWN = 6
_MILESTONES = {"handover": "alert.news_handover", "complete": "alert.news_complete"}


def render(item: StoredAlert, language: str, also: Sequence[str] = (), zone: str = "UTC") -> str:
    """The message for any kind of alert; ``also``: the other outlets of a story; times in
    the reader's ``zone``."""
    if item.figure is not None:
        return figure_alert(item, language, zone)
    if item.kind == "broadcast":
        return broadcast(item, language)
    if item.kind == "digest":
        return digest(item, language, zone)
    if item.kind == "update":
        return update(item, language, zone)
    return alert(item, language, also, zone)


def alert(item: StoredAlert, language: str, also: Sequence[str] = (), zone: str = "UTC") -> str:
    """A new-story alert: title, outlet, time, link, the keywords that matched, and the other
    outlets that carried the story (``also``, the first reporter first)."""
    title = item.title if len(item.title) <= MAX_TITLE else item.title[: MAX_TITLE - 1] + "…"
    lines = [
        f"📰 <b>{escape(title)}</b>",
        f"{escape(item.outlet)} · {when(item.published_at, language, zone)}",
    ]
    if item.url:
        lines.append(link(item.url, tr("alert.read_article", language)))
    if item.matched:
        lines.append(tr("alert.keywords", language, keywords=escape(keywords(item.matched))))
    if also:
        lines.append(escape(also_reported(also, language)))
    return "\n".join(lines)


def update(item: StoredAlert, language: str, zone: str = "UTC") -> str:
    """A report that joined a story with something the story did not have: what is new,
    then its title, outlet, time and link."""
    title = item.title if len(item.title) <= MAX_TITLE else item.title[: MAX_TITLE - 1] + "…"
    lines = [
        tr("alert.update", language, news=escape(news(item.news, language))),
        f"<b>{escape(title)}</b>",
        f"{escape(item.outlet)} · {when(item.published_at, language, zone)}",
    ]
    if item.url:
        lines.append(link(item.url, tr("alert.read_article", language)))
    return "\n".join(lines)


def news(items: Sequence[str], language: str) -> str:
    """What a report brings its story (``watchers.stories.news``), in the reader's words:
    "2,000 troops, a base handed over, 📍 Erbil"."""
    shown = []
    for item in items:
        what, _, value = item.partition(":")
        if what == "troops" and value.isdigit():
            shown.append(tr("alert.news_troops", language, count=number(int(value), language)))
        elif what == "deadline" and len(value) == 10:
            y, m, d = value.split("-")
            shown.append(
                tr("alert.news_deadline", language, date=date_of(y, int(m), int(d), language))
            )
        elif what == "milestone" and value in _MILESTONES:
            shown.append(tr(_MILESTONES[value], language))
        elif what == "place" and value:
            shown.append(tr("alert.news_place", language, place=value))
    return ", ".join(shown)


_SPACES = re.compile(r"[-\s]+")


def keywords(terms: Sequence[str], shown_at_most: int | None = KEYWORDS_SHOWN) -> str:
    """The matched terms as a reader sees them: "Iraq*" is shown as "Iraq", each once, and a
    spelling of two words or more within another ("Al-Asad", "Ain al Asad" beside "Ain
    al-Asad") only as that one ("Iraq" beside "rời Iraq" is another term); the first
    ``shown_at_most`` (the title's come first), then how many more."""
    first: dict[str, str] = {}  # spaced, case-folded form -> its first spelling
    for term in terms:
        spelling = term.rstrip("*")
        first.setdefault(f" {' '.join(_SPACES.split(spelling.casefold())).strip()} ", spelling)
    keys, spellings = list(first), list(first.values())

    def within(n: int) -> int | None:
        """The first other term that holds term ``n`` (of two words or more) whole."""
        if keys[n].count(" ") < 3:
            return None
        return next((m for m, key in enumerate(keys) if m != n and keys[n] in key), None)

    holder = [within(n) for n in range(len(keys))]
    # each term stands where the first term it holds stood, or where it stood itself
    shown: dict[int, str] = {}
    for n, spelling in enumerate(spellings):
        if holder[n] is None:
            held = [m for m, h in enumerate(holder) if m != n and h == n]
            shown.setdefault(min([n, *held]), spelling)
    ordered = [shown[n] for n in sorted(shown)]
    cut = len(ordered) if shown_at_most is None else shown_at_most
    more = f" (+{len(ordered) - cut})" if len(ordered) > cut else ""
    return ", ".join(ordered[:cut]) + more


def also_reported(outlets: Sequence[str], language: str) -> str:
    """ "🗞 Also reported by: Tuổi Trẻ, VietnamPlus (+3)" / "🗞 Cùng đưa tin: ..." (unescaped)."""
    shown = ", ".join(outlets[:ALSO_SHOWN])
    more = f" (+{len(outlets) - ALSO_SHOWN})" if len(outlets) > ALSO_SHOWN else ""
    return tr("alert.also_reported", language, outlets=shown + more)


def broadcast(item: StoredAlert, language: str) -> str:
    """An administrators' announcement (/broadcast): their text, as plain text."""
    return f"{tr('alert.announcement', language)}\n{escape(item.title)}"


def digest(item: StoredAlert, language: str, zone: str = "UTC") -> str:
    """The stories held for a digest subscriber, one line each, oldest first."""
    count = len(item.items)
    lines = [ntr("alert.digest", count, language, count=count)]
    for story in item.items:
        title = escape(
            story.title if len(story.title) <= MAX_TITLE else story.title[:MAX_TITLE] + "…"
        )
        if story.url:
            title = link(story.url, title)
        published = when(story.published_at, language, zone)
        lines.append(f"• {title} — {escape(story.outlet)}, {published}")
    return "\n".join(lines)


def alert_plain(item: StoredAlert, also: Sequence[str] = ()) -> str:
    """The same alert for a terminal, in English: no markup."""
    if item.figure is not None:
        return figure_alert_plain(item)
    if item.kind == "edit":
        return f"↻ {item.title}\n   {also_reported(also, 'en')}"
    if item.kind == "update":
        return f"🆕 {item.title}\n   {tr('alert.update', 'en', news=news(item.news, 'en'))}"
    lines = [f"📰 {item.title}", f"   {item.outlet} · {when(item.published_at, 'en')}"]
    if item.url:
        lines.append(f"   {item.url}")
    if item.matched:
        lines.append(f"   {tr('alert.plain_keywords', 'en', keywords=keywords(item.matched))}")
    if also:
        lines.append(f"   {also_reported(also, 'en')}")
    return "\n".join(lines)
