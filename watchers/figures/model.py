"""The figures an article reports: troop counts and withdrawal deadlines, each with its quote."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal, TypeGuard, get_args

from watchers.figures.dates import Precision, last_day

__all__ = [
    "DEADLINE_KINDS", "PLACES", "STATUSES", "WHO",
    "Deadline", "Figures", "Reached", "TroopCount", "TroopStatus", "Who", "is_who",
]  # fmt: skip

Who = Literal["US", "coalition", "foreign"]
TroopStatus = Literal["current", "planned", "past"]
WHO: tuple[Who, ...] = get_args(Who)
STATUSES: tuple[TroopStatus, ...] = get_args(TroopStatus)
PLACES = ("Iraq", "Syria", "Ain al-Asad", "Baghdad", "Erbil", "Kurdistan")
# ``Deadline.what`` is one of these, with <place> from PLACES. "coalition" covers the
# US-led coalition including its US troops: outlets say "US forces" and "coalition
# forces" for the same departures, and one key per event is what change alerts need.
DEADLINE_KINDS = (
    "US combat mission ends in Iraq",
    "coalition mission ends in <place>",
    "coalition leaves <place>",
    "first coalition troops leave <place>",
    "US troop cut due in <place>",
)


def is_who(value: str) -> TypeGuard[Who]:
    """Whether ``value`` names whose troops a count is about."""
    return value in WHO


@dataclass(frozen=True, slots=True)
class TroopCount:
    """How many troops ``who`` are, were or will be in ``where``.

    ``value`` is the figure, or the upper bound of a range whose lower bound is ``low``.
    ``quote`` is the sentence it was read from, exactly as it appears in the article.
    ``firm`` when the sentence backs it on its own: explicit change language ("cut to",
    "giảm xuống còn", "now has") or an official speaking (the ledger's decider lets a lone
    firm report change a figure; see ``watchers.figures.judge``); ``moved`` when the sentence
    tells a change to it ("falls to about 2,600"): a hedged count is then no restatement.
    """

    who: Who
    where: str  # one of PLACES
    status: TroopStatus
    value: int
    approx: bool
    quote: str
    low: int | None = None
    firm: bool = False
    moved: bool = False

    @property
    def key(self) -> str:
        """What the figure is about: "troops/US/Iraq" for the current count, with the
        status appended otherwise ("troops/US/Iraq/planned"), so a planned level never
        reads as a change of the current one."""
        base = f"troops/{self.who}/{self.where}"
        return base if self.status == "current" else f"{base}/{self.status}"

    def to_json(self) -> dict[str, Any]:
        return {
            "who": self.who,
            "where": self.where,
            "status": self.status,
            "value": self.value,
            "approx": self.approx,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Deadline:
    """A date by which troops leave or a mission ends.

    ``date`` is "YYYY", "YYYY-MM" or "YYYY-MM-DD" as ``precision`` says ("year-end" for
    "by the end of 2021"); ``quote`` is the sentence, exactly as in the article; ``firm``
    as for ``TroopCount``; ``stands`` when the sentence says the date stands ("remains 30 June
    2068", "vẫn là 31/12/2059", "31 December 2059, was not changed"): never a change.
    """

    what: str  # from DEADLINE_KINDS
    date: str
    precision: Precision
    quote: str
    firm: bool = False
    stands: bool = False

    @property
    def key(self) -> str:
        return f"deadline/{self.what}"

    @property
    def last_day(self) -> dt.date:
        """The latest day the deadline allows: "end of 2021" and "31-12-2021" agree, so a
        more precise restatement of the same deadline is not a change."""
        return last_day(self.date, self.precision)

    def to_json(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "date": self.date,
            "precision": self.precision,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Reached:
    """A step of the withdrawal done: "US forces have left Ain al-Asad" (17 January 2026).

    ``what`` is from DEADLINE_KINDS, as for the deadline it fulfils ("coalition leaves
    Ain al-Asad"); ``date`` and ``precision`` say when it was done (the article's day when
    it does not say); ``quote`` is the sentence, exactly as in the article.
    """

    what: str
    date: str
    precision: Precision
    quote: str
    firm: bool = False  # an official says so in the sentence

    @property
    def key(self) -> str:
        return f"reached/{self.what}"

    @property
    def last_day(self) -> dt.date:
        return last_day(self.date, self.precision)

    def to_json(self) -> dict[str, Any]:
        return {
            "what": self.what,
            "date": self.date,
            "precision": self.precision,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class Figures:
    """All figures of one article, in the order they appear."""

    troop_counts: tuple[TroopCount, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    reached: tuple[Reached, ...] = ()
    # drawdown targets ("cut to 3,000 by January 15"): deadlines of a troop level, kept apart
    # because the labelled corpus does not count them as deadlines; JSON lists them with them
    targets: tuple[Deadline, ...] = ()
    # deadlines already passed when reported, said as targets ("the mission was to end by
    # September 2025", in 2026): they confirm a milestone's date, never move it; kept apart
    # for the same reason, and listed with the deadlines in JSON
    passed: tuple[Deadline, ...] = ()

    @property
    def stated(self) -> tuple[TroopCount | Deadline | Reached, ...]:
        """Every figure the decider judges: troop counts first, then every kind of date."""
        return (*self.troop_counts, *self.deadlines, *self.targets, *self.passed, *self.reached)

    def to_json(self) -> dict[str, Any]:
        every = (*self.deadlines, *self.targets, *self.passed)
        out: dict[str, Any] = {
            "troop_counts": [t.to_json() for t in self.troop_counts],
            "deadlines": [d.to_json() for d in every],
        }
        if self.reached:
            out["reached"] = [r.to_json() for r in self.reached]
        return out
