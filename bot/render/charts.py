"""The pictures of /history and /timeline: PNG charts of the figure ledger, and their alt text.

Drawn with matplotlib's object API on an Agg canvas (no pyplot, no display, no global state),
so a chart can be drawn in a worker thread while the event loop goes on: the commands call
:func:`figure_chart` and :func:`timeline_chart` through ``asyncio.to_thread``. Every chart is
:data:`SIZE` pixels; its words come from the catalogs, its dates and numbers in the reader's
conventions and time zone. The caption of each picture is its alt text: what the chart shows,
in words, for readers who cannot see it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from bot.i18n import ntr, tr
from bot.render.figures import figure_label, figure_value
from bot.render.formats import day, local
from bot.render.markup import capitalized

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH, HEIGHT, DPI = 800, 450, 100
SIZE = (WIDTH, HEIGHT)
MAX_CAPTION = 1024  # Telegram's limit for a photo's caption
_CHANGES = ("new", "changed", "conflict", "reached")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # matplotlib's dates are days since this moment


@dataclass(frozen=True, slots=True)
class Chart:
    """A picture to send: the PNG and its caption (alt text, plain text)."""

    png: bytes
    caption: str


@dataclass(frozen=True, slots=True)
class Point:
    """One report on a chart: when it was published, the level it gave, how it was judged,
    and its value as a reader reads it."""

    at: datetime
    level: float  # a count, or a day as matplotlib counts days (deadlines)
    kind: str
    label: str


def figure_chart(key: str, points: Sequence[Point], language: str, zone: str) -> Chart:
    """One figure over time: a point per report, the first value and each change labelled."""
    from matplotlib.figure import Figure  # imported here: only a chart needs it (~0.3 s)

    title = capitalized(figure_label(key, language))
    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    axes = figure.add_subplot()
    xs = [_days(p.at, zone) for p in points]
    ys = [p.level for p in points]
    axes.plot(xs, ys, color="#8a8a8a", linewidth=1, zorder=1)
    axes.scatter(xs, ys, color="#1f5fa8", s=24, zorder=2)
    for x, point in zip(xs, points, strict=True):
        if point.kind in _CHANGES:
            axes.annotate(point.label, (x, point.level), textcoords="offset points",
                          xytext=(0, 8), ha="center", fontsize=8)  # fmt: skip
    axes.set_title(title)
    axes.set_xlabel(tr("chart.published", language))
    axes.xaxis_date()
    if not key.startswith("troops/"):
        axes.yaxis_date()
    axes.grid(alpha=0.3)
    figure.autofmt_xdate()
    changes = [p.label for p in points if p.kind in _CHANGES]
    caption = tr(
        "chart.figure_alt",
        language,
        figure=title,
        reports=ntr("chart.reports", len(points), language, count=len(points)),
        start=day(points[0].at, language, zone) if points else "—",
        end=day(points[-1].at, language, zone) if points else "—",
        values=" → ".join(dict.fromkeys(changes)) or "—",
    )
    return Chart(_png(figure), caption[:MAX_CAPTION])


def timeline_chart(
    milestones: Mapping[str, Sequence[Point]],
    reached: Mapping[str, datetime],
    language: str,
    zone: str,
) -> Chart:
    """The withdrawal timetable: for each milestone (a deadline key), the date it was given by
    each report over time, a line per milestone; a milestone reached is marked on its line."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    axes = figure.add_subplot()
    described = []
    for key, points in milestones.items():
        label = figure_label(key, language)
        xs = [_days(p.at, zone) for p in points]
        ys = [p.level for p in points]
        (line,) = axes.plot(xs, ys, marker="o", markersize=4, label=label)
        done = reached.get(key)
        if done is not None and ys:
            axes.scatter([_days(done, zone)], [ys[-1]], marker="*", s=160,
                         color=line.get_color(), zorder=3)  # fmt: skip
        state = (
            tr("chart.reached", language, date=day(done, language, zone))
            if done is not None
            else tr("chart.not_reached", language)
        )
        dates = " → ".join(dict.fromkeys(p.label for p in points))
        described.append(f"{label}: {dates} ({state})")
    axes.set_title(tr("chart.timeline_title", language))
    axes.set_xlabel(tr("chart.published", language))
    axes.set_ylabel(tr("chart.deadline", language))
    axes.xaxis_date()
    axes.yaxis_date()
    axes.grid(alpha=0.3)
    if milestones:
        axes.legend(fontsize=8, loc="best")
    figure.autofmt_xdate()
    caption = tr("chart.timeline_alt", language, milestones="; ".join(described) or "—")
    return Chart(_png(figure), caption[:MAX_CAPTION])


def point(key: str, at: datetime, value: str, precision: str, level: str, kind: str,
          language: str) -> Point:  # fmt: skip
    """A ledger report as a point: troop counts by number, deadlines by the last day allowed."""
    if key.startswith("troops/"):
        height = float(level)
    else:
        height = float((date.fromisoformat(level) - _EPOCH.date()).days)
    return Point(at, height, kind, figure_value(key, value, precision, language))


def _days(moment: datetime, zone: str) -> float:
    """A moment as matplotlib places it on a date axis, on the reader's clock."""
    shown = local(moment, zone).replace(tzinfo=UTC)
    return (shown - _EPOCH).total_seconds() / 86400


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()
