"""The figure ledger's dataclasses that cross the storage boundary, named for their direction."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class NewFigureEntry:
    """One figure an article reports, as the ledger receives it.

    ``value`` and ``precision`` are the figure as reported ("2500"/"approx",
    "2026"/"year-end"); ``level`` is what makes two reports equal (the number, or the last
    day a deadline allows), computed by the writer so storage needs no figure rules.
    ``kind`` is how the decider judged it: "new", "confirmed", "changed", "conflict", "stale",
    "unconfirmed" (the last two are history, never a figure's current value).
    """

    key: str
    value: str
    precision: str
    level: str
    kind: str
    article_id: int | None
    outlet: str
    source: str | None  # the outlet's own source ("Reuters" in "Theo Reuters, ..."), if named
    url: str | None
    published_at: datetime
    quote: str

    def recorded(self, entry_id: int, at: datetime) -> FigureEntry:
        """This report as the ledger holds it once recorded, under ``entry_id`` at ``at``."""
        reported = {f.name: getattr(self, f.name) for f in fields(self)}
        return FigureEntry(id=entry_id, recorded_at=at, **reported)


@dataclass(frozen=True, slots=True)
class FigureEntry:
    """One recorded report of a figure: a point on that figure's timeline."""

    id: int
    key: str
    value: str
    precision: str
    level: str
    kind: str
    article_id: int | None
    outlet: str
    source: str | None
    url: str | None
    published_at: datetime
    quote: str
    recorded_at: datetime

    @property
    def reporter(self) -> str:
        """Who stands behind the report: the cited source, else the outlet."""
        return self.source or self.outlet


@dataclass(frozen=True, slots=True)
class FigureNow:
    """A figure's current value (its most recent report) and how many sources give that value."""

    entry: FigureEntry
    sources: int


@dataclass(frozen=True, slots=True)
class FigureChange:
    """What a figure alert says beyond the article: the figure, its new and old value.

    ``kind`` is "changed", "conflict" (two outlets disagree within days: unconfirmed) or
    "reached" (a step of the withdrawal done, ``key`` "reached/<what>"; its ``old_*`` figure
    is the deadline it fulfils, or the step itself, ``old_key == key``, when none was known).
    The new report's outlet, date and link are the alert's own ``outlet``,
    ``published_at`` and ``url``.
    """

    key: str
    kind: str
    value: str
    precision: str
    source: str | None
    sources: int
    old_key: str
    old_value: str
    old_precision: str
    old_outlet: str
    old_source: str | None
    old_published_at: datetime

    def to_json(self) -> dict[str, Any]:
        """The alert payload's ``figure`` object."""
        return {
            "key": self.key,
            "kind": self.kind,
            "value": self.value,
            "precision": self.precision,
            "source": self.source,
            "sources": self.sources,
            "old_key": self.old_key,
            "old_value": self.old_value,
            "old_precision": self.old_precision,
            "old_outlet": self.old_outlet,
            "old_source": self.old_source,
            "old_published": self.old_published_at.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FigureChange:
        return cls(
            key=data["key"],
            kind=data["kind"],
            value=data["value"],
            precision=data["precision"],
            source=data.get("source"),
            sources=int(data.get("sources", 1)),
            old_key=data.get("old_key", data["key"]),
            old_value=data["old_value"],
            old_precision=data["old_precision"],
            old_outlet=data["old_outlet"],
            old_source=data.get("old_source"),
            old_published_at=datetime.fromisoformat(data["old_published"]),
        )
