"""Figures for readers: change alerts, the figures under /status, and /history. Pure: no I/O.

A figure key ("troops/US/Iraq/planned", "deadline/coalition leaves Erbil") is named in the
reader's language from the catalogs; its value is written with the reader's conventions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.i18n import ntr, tr
from bot.render.formats import date_of, day, month_of, number, year_of
from bot.render.markup import capitalized, escape, link
from storage.ledger_types import FigureEntry, FigureNow
from storage.types import StoredAlert

_WHO = {"US": "figure.who.us", "coalition": "figure.who.coalition", "foreign": "figure.who.foreign"}
_TROOPS = {"planned": "figure.troops.planned", "past": "figure.troops.past"}  # else current
# The deadline vocabulary (watchers.figures.DEADLINE_KINDS): the English start of a key's
# "what", and the catalog text that names it with its {place}.
_DEADLINES = (
    ("US combat mission ends in ", "figure.deadline.combat_mission_ends"),
    ("coalition mission ends in ", "figure.deadline.coalition_mission_ends"),
    ("coalition leaves ", "figure.deadline.coalition_leaves"),
    ("first coalition troops leave ", "figure.deadline.first_troops_leave"),
)
_HEADLINE = {
    ("deadline", "changed"): "figure.alert.deadline_changed",
    ("troops", "changed"): "figure.alert.troops_changed",
    ("deadline", "conflict"): "figure.alert.deadline_conflict",
    ("troops", "conflict"): "figure.alert.troops_conflict",
    ("reached", "reached"): "figure.alert.milestone_reached",
}
_KIND = {
    "new": "figure.kind.new",
    "confirmed": "figure.kind.confirmed",
    "changed": "figure.kind.changed",
    "conflict": "figure.kind.conflict",
    "stale": "figure.kind.stale",
    "unconfirmed": "figure.kind.unconfirmed",
    "reached": "figure.kind.reached",
}


def figure_label(key: str, language: str) -> str:
    """What a figure is about: "US troops in Iraq", "liên minh rời Erbil"."""
    kind, _, rest = key.partition("/")
    if kind == "troops":
        who, _, tail = rest.partition("/")
        where, _, status = tail.partition("/")
        noun = tr(_WHO[who], language) if who in _WHO else who
        return tr(_TROOPS.get(status, "figure.troops.current"), language, who=noun, place=where)
    if kind == "reached":  # "coalition leaves Ain al-Asad (done)"
        return tr("figure.reached", language, what=figure_label(f"deadline/{rest}", language))
    if kind != "deadline":
        return key
    for start, text in _DEADLINES:
        if rest.startswith(start):
            return tr(text, language, place=rest.removeprefix(start))
    return rest


def figure_value(key: str, value: str, precision: str, language: str) -> str:
    """A figure's value for people: "about 2,500", "end of 2026", "tháng 9/2025"."""
    if key.startswith("troops/"):
        count = number(int(value), language)
        return tr("figure.about", language, count=count) if precision == "approx" else count
    parts = value.split("-")
    if precision == "year-end":
        return tr("figure.year_end", language, year=parts[0])
    if precision == "month" and len(parts) == 2:
        return month_of(parts[0], int(parts[1]), language)
    if precision == "day" and len(parts) == 3:
        return date_of(parts[0], int(parts[1]), int(parts[2]), language)
    return year_of(value, language)


def reported_by(
    outlet: str, source: str | None, when_: datetime | None, language: str, zone: str = "UTC"
) -> str:
    """ "Reuters via VnExpress, 22 Nov 2026" / "Reuters qua VnExpress, 22/11/2026"."""
    return f"{reporter(outlet, source, language)}, {day(when_, language, zone)}"


def reporter(outlet: str, source: str | None, language: str) -> str:
    """ "Reuters via VnExpress" / "Reuters qua VnExpress", or the outlet alone."""
    if not source:
        return outlet
    return tr("figure.via", language, source=source, outlet=outlet)


def sources(count: int, language: str) -> str:
    """ "1 source", "3 sources" / "3 nguồn"."""
    return ntr("figure.sources", count, language, count=count)


def figure_alert(item: StoredAlert, language: str, zone: str = "UTC") -> str:
    """A figure alert: what changed, old → new, who reported it and when, how many sources.

    "⚠️ Deadline changed — coalition leaves Erbil: end of 2026 (was September 2026) ·
    Reuters via VnExpress, 22 Nov 2026 · 3 sources", then who reported the old value.
    """
    lines = [escape(line) for line in _figure_lines(item, language, zone)]
    if item.url:
        lines.append(link(item.url, tr("alert.read_article", language)))
    return "\n".join(lines)


def figure_alert_plain(item: StoredAlert) -> str:
    """The same alert for a terminal: no markup."""
    lines = _figure_lines(item, "en")
    if item.url:
        lines.append(f"   {item.url}")
    return "\n".join(lines)


def _figure_lines(item: StoredAlert, language: str, zone: str = "UTC") -> list[str]:
    """The headline and the previous report, unescaped."""
    change = item.figure
    assert change is not None
    family = change.key.partition("/")[0]
    headline = tr(_HEADLINE[(family, change.kind)], language)
    new = figure_value(change.key, change.value, change.precision, language)
    old = figure_value(change.old_key, change.old_value, change.old_precision, language)
    if change.kind == "reached":
        return _reached_lines(item, headline, new, old, language, zone)
    conflict = change.kind == "conflict"
    was = tr("figure.alert.other_value" if conflict else "figure.alert.was", language, value=old)
    first = (
        f"{headline} — {figure_label(change.key, language)}: {new} ({was}) · "
        f"{reported_by(item.outlet, change.source, item.published_at, language, zone)} · "
        f"{sources(change.sources, language)}"
    )
    before = reported_by(
        change.old_outlet, change.old_source, change.old_published_at, language, zone
    )
    if change.old_key != change.key:
        before = f"{figure_label(change.old_key, language)}: {old} · {before}"
    second = "figure.alert.other_report" if conflict else "figure.alert.before"
    return [first, tr(second, language, report=before)]


def _reached_lines(
    item: StoredAlert, headline: str, new: str, old: str, language: str, zone: str
) -> list[str]:
    """ "✅ Milestone reached — coalition leaves Ain al-Asad: 17 Jan 2026 (the deadline was
    September 2025) · ...", then who reported the deadline (when one was known)."""
    change = item.figure
    assert change is not None
    what = figure_label(f"deadline/{change.key.partition('/')[2]}", language)
    known = change.old_key != change.key
    was = f" ({tr('figure.alert.deadline_was', language, value=old)})" if known else ""
    lines = [
        f"{headline} — {what}: {new}{was} · "
        f"{reported_by(item.outlet, change.source, item.published_at, language, zone)} · "
        f"{sources(change.sources, language)}"
    ]
    if known:
        before = reported_by(
            change.old_outlet, change.old_source, change.old_published_at, language, zone
        )
        label = figure_label(change.old_key, language)
        lines.append(tr("figure.alert.before", language, report=f"{label}: {old} · {before}"))
    return lines


def figures_status(current: Sequence[FigureNow], language: str, zone: str = "UTC") -> str:
    """Every figure's current value, its last source and date (past counts left out)."""
    lines = [tr("figures.title", language)]
    for now_ in current:
        entry = now_.entry
        if entry.key.endswith("/past"):
            continue
        lines.append(
            f"• {escape(figure_label(entry.key, language))}: "
            f"{escape(figure_value(entry.key, entry.value, entry.precision, language))} · "
            f"{escape(reported_by(entry.outlet, entry.source, entry.published_at, language, zone))}"
            " · "
            f"{sources(now_.sources, language)}"
        )
    if len(lines) == 1:
        lines.append("—")
    else:
        lines.append(tr("figures.history_hint", language))
    return "\n".join(lines)


def figure_history(
    key: str, entries: Sequence[FigureEntry], language: str, zone: str = "UTC"
) -> str:
    """One figure's timeline, oldest first: date, value, who reported it, how it was judged."""
    lines = [f"📈 <b>{escape(capitalized(figure_label(key, language)))}</b>"]
    for entry in entries:
        value = figure_value(entry.key, entry.value, entry.precision, language)
        who = reporter(entry.outlet, entry.source, language)
        judged = tr(_KIND[entry.kind], language) if entry.kind in _KIND else entry.kind
        lines.append(
            f"• {day(entry.published_at, language, zone)} — {escape(value)} · {escape(who)} "
            f"({judged})"
        )
    return "\n".join(lines)


def figure_list(
    numbered: Sequence[tuple[int, str]], language: str, *, unknown: str | None = None
) -> str:
    """Figures /history knows, with their numbers, and how to ask for one."""
    lines = []
    if unknown is not None:
        lines.append(tr("figures.no_match", language, query=escape(unknown)))
    if not numbered:
        lines.append(tr("figures.none", language))
        return "\n".join(lines)
    lines.append(tr("figures.timelines", language))
    lines += [f"{i}. {escape(figure_label(k, language))}" for i, k in numbered]
    lines.append(tr("figures.send_history", language, number=numbered[0][0]))
    return "\n".join(lines)
