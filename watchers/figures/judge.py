"""The figure decider: is a reported figure new, confirmed, changed, in conflict or stale? No I/O.

``decide_figures(timelines, figures, published=, outlet=, now=)`` judges each figure of one
article against the ledger as it stood before that article (``timelines``: key -> reports,
oldest first, the last one being the figure's current value). Two reports are equal when their
``level`` is: the number for a troop count ("about 2,500" = "2,500"), the last day a deadline
allows for a deadline ("end of 2021" = "31-12-2021", so a more precise restatement is not a
change, nor is a date's year or month told alone: "the mission ends in 2083" confirms "30
September 2083"). Reporters are told apart by the source an outlet cites, else the outlet.

A key's *current* value is its last *standing* report ("stale" and "unconfirmed" reports are
history). Two troop counts are one level when equal, or within 10% when either is hedged
("about 5,200" and "5,400"), 5% when the new one tells a change ("falls to about 2,600" after
"about 2,850" is one); a hedged confirmation does not move the level it confirms (5,000, then
"about 5,200", then 5,400 is measured against 5,000). Against a key's current value:

* **confirmed** — the same value: no alert; one more source for that value.
* **stale** — a different value from an article older than the current one by more than
  ``CONFLICT_WINDOW`` (feeds are read out of order; old news does not undo new news), a value
  the key held before and that was superseded ("about 2,500" repeated by wire copy after a cut
  to "fewer than 2,000"), or a troop level given as the past one before ("shrinks to 2,750
  from 3,400": a late analysis retells the history), unless the current value is itself a
  conflict within the window (September, October from another outlet, September again the
  next day: the dispute goes on, backed by the earlier reporter), or a deadline already past
  when reported ("the mission was to end by September 2025", said in 2026): history, no alert.
* **unconfirmed** — a different deadline that another milestone holds (outlets mix the phases
  up: "the coalition's mission ends by September 2026" is the second phase's date), or a
  different value from a lone reporter with nothing to back it: history, no alert, not the
  current value. It is *backed* by change language or an official speaker in its sentence
  (``firm``: "cut to", "giảm xuống còn", "the Pentagon said"), or by another reporter who
  already gave the same value (then this second report is the change).
* **conflict** — a backed different value from another reporter published within
  ``CONFLICT_WINDOW`` (3 days) of the current one, told in the report's title or first paragraph
  (``lead``): alert, marked unconfirmed. Outlets rarely disagree for long; when they do within
  days, neither is known to be right. Told only further down (a site's count, a past level, a
  member's date, a demand read as a plan), it is *unconfirmed*: a dispute alerts as news.
* **changed** — a backed different value from a newer article: alert "old → new".

A deadline is judged against its *milestone* (``watchers.figures.milestones``): every key of one
step of the timetable ("coalition mission ends in Iraq", "first coalition troops leave Baghdad"
are both the first phase) is one timeline here, so two wordings of one step agree, and the first
phase never reads as a change of the second; a date its own wording last gave, or one said to
stand ("remains 30 June": ``Deadline.stands``), is **confirmed**, though another was given since
(one of them is misread: a restatement is no news).

For a key (or milestone) with no report yet:

* **changed** — when a deadline's milestone is new while the latest final deadline of another
  milestone has passed when this article is published: the timetable was replaced ("combat
  mission ends by the end of 2021", then in 2024 "the first troops leave in September 2025, the
  rest by the end of 2026": two changes from end of 2021). A date some deadline key holds or
  held is no change: it was told already (a report repeating an alerted change confirms it).
* **new** — otherwise: the first report of a figure, or a new milestone while the latest
  deadline is still ahead. No alert: the story alert already carries the article, and a first
  ever figure on an empty ledger must not flood subscribers.

A step done ("reached/coalition leaves Ain al-Asad": US forces have left the base) is
**reached** the first time it is reported — an alert of its own, naming the deadline it fulfils
(the same wording's, else its milestone's) — and **confirmed** by every later report; troops
gone from a whole country is **unconfirmed** from one reporter until an official or another says so.

Troop-count keys ("troops/US/Iraq", ".../planned", ".../past") are each their own timeline: a
planned level never reads as a change of the current one, but a current level that reaches a
planned level is backed by it (the plan came true), and when that plan was alerted, the level
confirms it and does not alert. A *past* count ("there were 5,200 in 2020") is a moment the
ledger cannot place: a different one is a new point of history, never a change. An article has
one value per key, the first it states (further values for it are ambiguous and left out), and
one judged value per milestone: a second, different date for it in the same article is
"unconfirmed", and a date alerted once is not alerted again under another milestone. A
publication later than ``now`` is ``now``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, get_args

from storage.ledger_types import FigureEntry, NewFigureEntry
from watchers.figures import Deadline, Figures, Reached, TroopCount
from watchers.figures.dates import Precision, told_part
from watchers.figures.milestones import deadline_keys, milestone_of, milestone_timeline

__all__ = ["CONFLICT_WINDOW", "KINDS", "STANDING", "FigureDecision", "FigureKind",
           "FigurePrecision", "decide_figures", "family_keys", "reading", "standing"]  # fmt: skip

CONFLICT_WINDOW = timedelta(days=3)
FigureKind = Literal["new", "confirmed", "changed", "conflict", "stale", "unconfirmed", "reached"]
KINDS: tuple[FigureKind, ...] = get_args(FigureKind)
# The kinds whose value a key holds; the others are history only.
STANDING: tuple[FigureKind, ...] = ("new", "confirmed", "changed", "conflict", "reached")
_CLOSE = 0.1  # hedged troop counts this close (as a share of the larger) are one level
# How exact a reported figure is: a troop count's "approx" | "exact", or a deadline's precision
FigurePrecision = Literal["approx", "exact"] | Precision

# Milestones whose date is when the whole of it is over ("first troops leave" is a step).
_FINAL_TEMPLATES = (
    "US combat mission ends in ", "coalition mission ends in ", "coalition leaves ",
    "US troop cut due in ",
)  # fmt: skip
_DEADLINE_PREFIX, _REACHED_PREFIX = "deadline/", "reached/"
_COUNTRIES = (" Iraq", " Syria")


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
        """Whether subscribers hear about it: a change, a conflict, a step of leaving done."""
        return self.kind in ("changed", "conflict", "reached")

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
            key=self.key, value=self.value, precision=self.precision, level=self.level,
            kind=self.kind, article_id=article_id, outlet=outlet, source=source, url=url,
            published_at=published, quote=self.quote,
        )  # fmt: skip


def reading(figure: TroopCount | Deadline | Reached) -> tuple[str, FigurePrecision, str]:
    """(value, precision, level) of a figure as the ledger keeps it.

    A troop count: ("2500", "approx" | "exact", "2500"). A deadline: ("2026", "year-end",
    "2026-12-31"), the level being the last day it allows.
    """
    if isinstance(figure, TroopCount):
        return str(figure.value), "approx" if figure.approx else "exact", str(figure.value)
    return figure.date, figure.precision, figure.last_day.isoformat()


def family_keys(key: str) -> tuple[str, ...]:
    """The keys judged together with ``key`` (itself first): every deadline key for a
    deadline, the planned and the past levels beside a current troop count."""
    if key.startswith((_DEADLINE_PREFIX, _REACHED_PREFIX)):
        return (key, *(k for k in deadline_keys() if k != key))
    if key.startswith("troops/") and key.count("/") == 2:
        return (key, f"{key}/planned", f"{key}/past")
    return (key,)


def decide_figures(
    timelines: Mapping[str, Sequence[FigureEntry]],
    figures: Figures,
    *,
    published: datetime,
    day: date,
    outlet: str,
    now: datetime,
    source: str | None = None,
    lead: str | None = None,
) -> list[FigureDecision]:
    """Judge each figure of one article (see the module docstring for the rules).

    ``timelines`` must hold every key of ``family_keys`` of each figure that has reports;
    a missing key has none. ``source`` is who the outlet cites, if anyone. ``day`` is the
    publication day where the article's language is written (``publication_day``): a
    deadline before it has passed. ``lead``: the article's title and first paragraph (None:
    every figure counts as told there). The decisions come in the article's order, troop
    counts first.
    """
    published = min(published, now)
    reporter = source or outlet
    decisions: list[FigureDecision] = []
    seen: set[str] = set()
    judged: dict[str, str] = {}  # milestone -> the level this article gave it first
    alerted: set[str] = set()  # the deadline levels this article alerts
    for figure in figures.stated:
        key = figure.key
        if key in seen:
            continue
        seen.add(key)
        value, precision, level = reading(figure)
        timeline = milestone_timeline(key, timelines)
        told_first = lead is None or figure.quote in lead
        part = told_part(value, precision, figure.quote)  # a year or a month told alone
        moved = isinstance(figure, TroopCount) and figure.moved and figure.status == "current"
        report = _Report(level, precision == "approx", part, figure.firm, told_first, published,
                         day, reporter, moved)  # fmt: skip
        milestone = milestone_of(key)
        if isinstance(figure, Reached):
            kind, previous = _reached(figure, timeline, timelines, reporter)
        else:
            kind, previous = _judge(key, report, timeline, timelines)
        if isinstance(figure, Deadline) and figure.stands and kind in ("changed", "conflict"):
            kind = "confirmed"  # "the date … remains 30 June": said not to change, it stands
        if milestone is not None:
            first = judged.setdefault(milestone, level)
            if first != level and kind != "new":
                kind, previous = "unconfirmed", standing(timeline)
            elif first == level and len([k for k in seen if milestone_of(k) == milestone]) > 1:
                kind, previous = _told(timeline)  # one milestone, one value per article
            if kind in ("changed", "conflict") and level in alerted:
                kind, previous = _told(timeline)  # "the combat mission, and the coalition's,
                # end in 2021": a date alerted once
            if kind in ("changed", "conflict"):
                alerted.add(level)
        reporters = {e.reporter for e in timeline if _same(e, report)} | {reporter}
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


@dataclass(frozen=True, slots=True)
class _Report:
    """What the rules need of one report."""

    level: str
    approx: bool
    part: int  # how much of its level a deadline tells: a year alone 4, a month 7, else 10
    firm: bool
    lead: bool  # told in the title or first paragraph
    published: datetime
    day: date  # ``published``'s day where the article's language is written
    reporter: str
    moved: bool  # a change told to a current level ("falls to about 2,600")


def standing(timeline: Sequence[FigureEntry]) -> FigureEntry | None:
    """A key's current value: its last report that is neither stale nor unconfirmed."""
    return next((e for e in reversed(timeline) if e.kind in STANDING), None)


def _anchor(timeline: Sequence[FigureEntry]) -> FigureEntry | None:
    """The report that set a key's current level: its standing value, passing over the
    hedged confirmations since ("about 5,200" confirming 5,000 leaves the level at 5,000)."""
    anchor: FigureEntry | None = None
    for e in timeline:
        if e.kind not in STANDING:
            continue
        hedge = anchor is not None and e.level != anchor.level and _close(anchor.level, e.level)
        if e.kind == "confirmed" and hedge:
            continue
        anchor = e
    return anchor


def _close(a: str, b: str, share: float = _CLOSE) -> bool:
    digits = a.isdigit() and b.isdigit()
    return digits and abs(int(a) - int(b)) <= share * max(int(a), int(b))


def _same(entry: FigureEntry, report: _Report) -> bool:
    """Whether two reports give one level (hedged counts within 10%, 5% when a change is told)."""
    if entry.level == report.level:
        return True
    if not (report.approx or entry.precision == "approx"):
        return False
    return _close(entry.level, report.level, _CLOSE / 2 if report.moved else _CLOSE)


def _reached(
    step: Reached,
    timeline: Sequence[FigureEntry],
    timelines: Mapping[str, Sequence[FigureEntry]],
    reporter: str,
) -> tuple[FigureKind, FigureEntry | None]:
    """A step done is news once ("reached", with the deadline it fulfils, if known), then
    each further report confirms it. Troops gone from a whole country is a claim one outlet
    alone cannot make: unconfirmed until an official or a second reporter says so."""
    current = standing(timeline)
    if current is not None:
        return "confirmed", current
    country = step.what.endswith(_COUNTRIES)
    others = {e.reporter for e in timeline if e.kind == "unconfirmed"} - {reporter}
    if country and not (step.firm or others):
        return "unconfirmed", None  # "US completes full withdrawal from Iraq", one outlet
    deadline = _DEADLINE_PREFIX + step.what
    own = standing(timelines.get(deadline, ()))
    return "reached", own or standing(milestone_timeline(deadline, timelines))


def _told(timeline: Sequence[FigureEntry]) -> tuple[FigureKind, FigureEntry | None]:
    """A value this article already gave: it confirms the milestone, or is its first report."""
    current = standing(timeline)
    return ("confirmed", current) if current is not None else ("new", None)


def _judge(
    key: str,
    report: _Report,
    timeline: Sequence[FigureEntry],
    timelines: Mapping[str, Sequence[FigureEntry]],
) -> tuple[FigureKind, FigureEntry | None]:
    current = _anchor(timeline)
    past = key.startswith(_DEADLINE_PREFIX) and report.level < report.day.isoformat()
    if current is None and past:
        return "new", None  # a date already past is history: it records, never alerts
    if current is None:
        predecessor = _superseded(key, timelines, report)
        if predecessor is None or _same(predecessor, report):
            return "new", None
        told = [e for k in family_keys(key) for e in timelines.get(k, ()) if e.kind in STANDING]
        if any(_same(e, report) for e in told):
            return "new", None  # some deadline already holds this date: told already
        return "changed", predecessor
    own = _anchor(timelines.get(key, ())) if key.startswith(_DEADLINE_PREFIX) else None
    if own is not None and own is not current and _same(own, report):
        return "confirmed", own  # its own wording's last date
    part = min(report.part, told_part(current.value, current.precision, current.quote))
    if _same(current, report) or (part < 10 and current.level[:part] == report.level[:part]):
        return "confirmed", current  # a year or a month told alone restates a day in it
    if key.endswith("/past"):
        return "new", None
    within = (
        abs(report.published - current.published_at) <= CONFLICT_WINDOW
        and report.reporter != current.reporter
    )
    if report.published < current.published_at and not within:
        return "stale", current
    if past:
        return "stale", current  # a date already past when reported is history, not a new plan
    earlier = [e for e in timeline if e.kind in STANDING and e.kind != "confirmed"]
    if key.startswith("troops/") and key.count("/") == 2:  # and a past level told before
        earlier += [e for e in timelines.get(f"{key}/past", ()) if e.level == report.level]
    disputed = current.kind == "conflict" and within
    if not disputed and any(_same(e, report) for e in earlier):
        return "stale", current  # a value the figure held before, superseded since
    if _held_by_another_milestone(key, report, timelines):
        return "unconfirmed", current  # "the coalition's mission ends by September 2026"
    plan = _plan_came_true(key, report, timelines)
    if any(e.kind in ("changed", "conflict") for e in plan):
        return "confirmed", current  # the plan subscribers were alerted to came true
    if plan:
        backed = True
    else:
        # an unconfirmed report of this value from another reporter backs it; in a dispute
        # still open, so does the value it disputed ("September", then "October", then
        # "September" again, all within days)
        backing = ("unconfirmed", *STANDING) if disputed else ("unconfirmed",)
        others = {e.reporter for e in timeline if e.kind in backing and _same(e, report)}
        backed = report.firm or bool(others - {report.reporter})
    if not backed or (within and not report.lead):
        return "unconfirmed", current
    return ("conflict" if within else "changed"), current


def _held_by_another_milestone(
    key: str, report: _Report, timelines: Mapping[str, Sequence[FigureEntry]]
) -> bool:
    """Whether another milestone's current date is this one: outlets mix the phases up, so
    the report is more likely that milestone's than a change of this one."""
    milestone = milestone_of(key)
    if milestone is None:
        return False
    others = {k: m for k in timelines if (m := milestone_of(k)) not in (None, milestone)}
    firsts = {m: k for k, m in others.items()}  # one key per milestone stands for it
    currents = [standing(milestone_timeline(k, timelines)) for k in firsts.values()]
    return any(c is not None and _same(c, report) for c in currents)


def _plan_came_true(
    key: str, report: _Report, timelines: Mapping[str, Sequence[FigureEntry]]
) -> list[FigureEntry]:
    """The reports of an announced plan ("cut to 3,000") that a current troop level reaches."""
    if not key.startswith("troops/") or key.count("/") != 2:
        return []
    plans = timelines.get(f"{key}/planned", ())
    return [e for e in plans if e.kind in STANDING and _same(e, report)]


def _superseded(
    key: str, timelines: Mapping[str, Sequence[FigureEntry]], report: _Report
) -> FigureEntry | None:
    """The latest final deadline of another milestone, if this article replaces it (it has
    passed)."""
    milestone = milestone_of(key)
    if milestone is None:
        return None
    found = [
        standing(t)
        for k, t in timelines.items()
        if milestone_of(k) not in (None, milestone) and _final(k)
    ]
    latest = [e for e in found if e is not None]
    if not latest:
        return None
    last = max(latest, key=lambda e: (e.published_at, e.id))
    if last.published_at >= report.published or date.fromisoformat(last.level) >= report.day:
        return None
    return last


def _final(key: str) -> bool:
    return key.removeprefix(_DEADLINE_PREFIX).startswith(_FINAL_TEMPLATES)
