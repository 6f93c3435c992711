"""The figure decider: is a reported figure new, confirmed, changed, in conflict or stale? No I/O.

``decide_figures(timelines, figures, published=, outlet=, now=)`` judges each figure of one
article against the ledger as it stood before that article (``timelines``: key -> reports,
oldest first, the last one being the figure's current value). Two reports are equal when
their ``level`` is: the number for a troop count ("about 2,500" = "2,500"), the last day a
deadline allows for a deadline ("end of 2021" = "31-12-2021", so a more precise
restatement is not a change). Reporters are told apart by the source an outlet cites,
else the outlet ("Reuters via VnExpress" and "Reuters via Tuổi Trẻ" are one source).

For a key that already has reports, against its current value:

* **confirmed** — the same value: no alert; one more source for that value.
* **conflict** — a different value from another reporter published within
  ``CONFLICT_WINDOW`` (3 days) of the current one, before or after it: alert, marked
  unconfirmed. Outlets rarely disagree for long; when they do within days, neither is
  known to be right.
* **stale** — a different value from an article older than the current value: kept in
  the history, no alert (feeds are read out of order; old news does not undo new news).
* **changed** — a different value from a newer article: alert "old → new".

For a key with no report yet:

* **changed** — when it belongs to a *deadline family* whose latest final deadline has
  already passed when this article is published: the timetable was replaced. The family
  of a deadline is the place it is about: "US combat mission ends in Iraq", "coalition
  mission ends in Iraq", "coalition leaves Iraq" and "first coalition troops leave Iraq"
  all answer "when do US and coalition troops leave Iraq?". Its *final* deadlines are the
  first three ("first troops leave" is a step, and never stands for the family). So after
  "combat mission ends by the end of 2021", a 2024 report that "the first troops leave in
  September 2025, the rest by the end of 2026" is two changes: end of 2021 -> September
  2025, and end of 2021 -> end of 2026.
* **new** — otherwise: the first report of a figure, or a deadline under a new key while
  the family's latest deadline is still ahead (a different milestone of the same
  timetable: the mission ends in September 2025, the troops leave by the end of 2026).
  No alert: the story alert already carries the article, and a first ever figure on an
  empty ledger must not flood subscribers.

Troop-count keys ("troops/US/Iraq", ".../planned", ".../past") are each their own family: a
planned level never reads as a change of the current one. A *past* count ("there were
5,200 in 2020") describes a moment the ledger cannot place, so a different past count is a
new point of history, never a change. An article has one value per key: the first it
states (further, different values for the same key in the same article are ambiguous and
left out of the ledger). A publication time later than ``now`` is taken as ``now``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, get_args

from storage.ledger_types import FigureEntry, NewFigureEntry
from watchers.figures import Deadline, Figures, TroopCount
from watchers.figures.dates import Precision

__all__ = [
    "CONFLICT_WINDOW",
    "KINDS",
    "FigureDecision",
    "FigureKind",
    "FigurePrecision",
    "decide_figures",
    "family_keys",
    "reading",
]

CONFLICT_WINDOW = timedelta(days=3)
FigureKind = Literal["new", "confirmed", "changed", "conflict", "stale"]
KINDS: tuple[FigureKind, ...] = get_args(FigureKind)
# How exact a reported figure is: a troop count's "approx" | "exact", or a deadline's precision.
FigurePrecision = Literal["approx", "exact"] | Precision

# The deadline vocabulary (watchers.figures.DEADLINE_KINDS) by family role.
_FINAL = ("US combat mission ends in {place}", "coalition mission ends in {place}",
          "coalition leaves {place}")  # fmt: skip
_STEP = ("first coalition troops leave {place}",)
_DEADLINE_PREFIX = "deadline/"


@dataclass(frozen=True, slots=True)
class FigureDecision:
    """What one reported figure is, judged against the ledger.

    ``previous`` is the report it was compared with: the key's current value, or, for a
    first report judged a change, the family's latest deadline (another key).
    ``sources`` counts the distinct reporters of this value for this key, this one included.
    """

    key: str
    kind: FigureKind
    value: str
    precision: FigurePrecision
    level: str
    quote: str
    previous: FigureEntry | None
    sources: int

    @property
    def alerts(self) -> bool:
        """Whether subscribers hear about it: a change, or a conflict (as unconfirmed)."""
        return self.kind in ("changed", "conflict")

    def entry(
        self,
        *,
        article_id: int | None,
        outlet: str,
        source: str | None,
        url: str | None,
        published: datetime,
    ) -> NewFigureEntry:
        """The ledger entry that records this report."""
        return NewFigureEntry(
            key=self.key,
            value=self.value,
            precision=self.precision,
            level=self.level,
            kind=self.kind,
            article_id=article_id,
            outlet=outlet,
            source=source,
            url=url,
            published_at=published,
            quote=self.quote,
        )


def reading(figure: TroopCount | Deadline) -> tuple[str, FigurePrecision, str]:
    """(value, precision, level) of a figure as the ledger keeps it.

    A troop count: ("2500", "approx" | "exact", "2500"). A deadline: ("2026", "year-end",
    "2026-12-31"), the level being the last day it allows.
    """
    if isinstance(figure, TroopCount):
        return str(figure.value), "approx" if figure.approx else "exact", str(figure.value)
    return figure.date, figure.precision, figure.last_day.isoformat()


def family_keys(key: str) -> tuple[str, ...]:
    """The keys judged together with ``key`` (itself included): a deadline's whole family."""
    place = _place(key)
    if place is None:
        return (key,)
    return tuple(_DEADLINE_PREFIX + t.format(place=place) for t in (*_FINAL, *_STEP))


def decide_figures(
    timelines: Mapping[str, Sequence[FigureEntry]],
    figures: Figures,
    *,
    published: datetime,
    outlet: str,
    now: datetime,
    source: str | None = None,
) -> list[FigureDecision]:
    """Judge each figure of one article (see the module docstring for the rules).

    ``timelines`` must hold every key of ``family_keys`` of each figure that has reports;
    a missing key has none. ``source`` is who the outlet cites, if anyone. The decisions
    come in the article's order, troop counts first.
    """
    published = min(published, now)
    reporter = source or outlet
    decisions: list[FigureDecision] = []
    seen: set[str] = set()
    stated: list[TroopCount | Deadline] = [*figures.troop_counts, *figures.deadlines]
    for figure in stated:
        key = figure.key
        if key in seen:
            continue
        seen.add(key)
        value, precision, level = reading(figure)
        timeline = timelines.get(key, ())
        kind, previous = _judge(key, level, timeline, timelines, published, reporter)
        reporters = {e.reporter for e in timeline if e.level == level} | {reporter}
        decisions.append(
            FigureDecision(
                key=key,
                kind=kind,
                value=value,
                precision=precision,
                level=level,
                quote=figure.quote,
                previous=previous,
                sources=len(reporters),
            )
        )
    return decisions


def _judge(
    key: str,
    level: str,
    timeline: Sequence[FigureEntry],
    timelines: Mapping[str, Sequence[FigureEntry]],
    published: datetime,
    reporter: str,
) -> tuple[FigureKind, FigureEntry | None]:
    if not timeline:
        predecessor = _superseded(key, timelines, published)
        if predecessor is not None and predecessor.level != level:
            return "changed", predecessor
        return "new", None
    current = timeline[-1]
    if current.level == level:
        return "confirmed", current
    if key.endswith("/past"):
        return "new", None
    if abs(published - current.published_at) <= CONFLICT_WINDOW and reporter != current.reporter:
        return "conflict", current
    if published < current.published_at:
        return "stale", current
    return "changed", current


def _superseded(
    key: str, timelines: Mapping[str, Sequence[FigureEntry]], published: datetime
) -> FigureEntry | None:
    """The family's latest final deadline, if this article replaces it (it has passed)."""
    place = _place(key)
    if place is None:
        return None
    finals = {_DEADLINE_PREFIX + t.format(place=place) for t in _FINAL}
    latest = [
        timelines[k][-1] for k in family_keys(key) if k != key and k in finals and timelines.get(k)
    ]
    if not latest:
        return None
    last = max(latest, key=lambda e: (e.published_at, e.id))
    if last.published_at >= published or date.fromisoformat(last.level) >= published.date():
        return None
    return last


def _place(key: str) -> str | None:
    """The place a deadline key is about, or None for a troop count or an unknown deadline."""
    if not key.startswith(_DEADLINE_PREFIX):
        return None
    what = key.removeprefix(_DEADLINE_PREFIX)
    for template in (*_FINAL, *_STEP):
        head = template.removesuffix("{place}")
        if what.startswith(head) and len(what) > len(head):
            return what.removeprefix(head)
    return None
