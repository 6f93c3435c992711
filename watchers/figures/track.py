"""Judge one article's figures against the ledger's timelines and shape their alerts. No I/O.

The step the reading step (``watchers.process``) runs for each new relevant article and each
edited copy: the figures (``watchers.figures``) → whom the outlet credits → the decisions
(``watchers.figures.judge``) against the timelines of the figures' families, as they stand
before this article → a ledger entry for every report, whatever its kind, and an
``AlertIntent`` for each change or conflict.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from storage.ledger_types import FigureChange, FigureEntry, NewFigureEntry
from storage.types import AlertIntent
from watchers.figures import Figures, detect_lang, extract, publication_day, reading_day
from watchers.figures.attribution import cited_source
from watchers.figures.judge import FigureDecision, decide_figures, family_keys

__all__ = [
    "FIGURE_PRIORITY",
    "FigureReport",
    "Timelines",
    "change_alert",
    "figure_keys",
    "judge_figures",
    "read_figures",
]

FIGURE_PRIORITY = 0  # ahead of story alerts (1): the outbox sends lower first
_LOCAL_IDS = 1 << 40  # above every stored ledger id


@dataclass(frozen=True, slots=True)
class FigureReport:
    """What one article's figures came to: the figures, whom it credits, each decision, and
    the publication time the ledger files them under."""

    figures: Figures
    source: str | None
    decisions: tuple[FigureDecision, ...]
    published: datetime | None = None

    @property
    def changes(self) -> tuple[FigureDecision, ...]:
        """The decisions subscribers hear about."""
        return tuple(d for d in self.decisions if d.alerts)

    def entries(
        self, *, article_id: int | None, outlet: str, url: str | None
    ) -> list[NewFigureEntry]:
        """The ledger entries of every decision."""
        if self.published is None:
            return []
        return [
            d.entry(
                article_id=article_id, outlet=outlet, source=self.source, url=url,
                published=self.published,
            )
            for d in self.decisions
        ]  # fmt: skip


def read_figures(title: str, summary: str, published: datetime | None) -> Figures:
    """The figures of an article; relative dates resolve against the day it reports on (its
    dateline, else its publication day where its language is written)."""
    lang, day = reading_day(title, summary, published)
    return extract(title, summary, published=day, lang=lang)


def figure_keys(figures: Figures) -> set[str]:
    """Every ledger key the judging of these figures reads."""
    return {k for figure in figures.stated for k in family_keys(figure.key)}


def judge_figures(
    timelines: Mapping[str, Sequence[FigureEntry]],
    figures: Figures,
    *,
    title: str,
    summary: str,
    published: datetime | None,
    outlet: str,
    now: datetime,
    lang: str | None = None,
) -> FigureReport:
    """Judge the figures of one article (an article with no date counts as ``now``;
    ``lang``: the language it was read in, when the caller knows it)."""
    if not figures.stated:
        return FigureReport(figures, None, ())
    source = cited_source(title, summary, outlet=outlet)
    when = min(published or now, now)
    day = publication_day(when, lang or detect_lang(f"{title}\n{summary}"))
    first, _, _ = summary.partition("\n")
    decisions = decide_figures(
        timelines, figures, published=when, day=day, outlet=outlet, now=now, source=source,
        lead=f"{title}\n{first}",
    )  # fmt: skip
    return FigureReport(figures, source, tuple(decisions), when)


def change_alert(
    decision: FigureDecision,
    report: FigureReport,
    *,
    article_id: int | None,
    title: str,
    outlet: str,
    url: str | None,
    published: datetime | None,
) -> AlertIntent:
    """The outbox's alert for a changed or conflicting figure, or a step done (priority ahead
    of stories). A step done with no known deadline names itself as its "old" figure."""
    old = decision.previous
    if not decision.alerts or (old is None and decision.kind != "reached"):
        raise ValueError(f"{decision.kind!r} decision on {decision.key!r} is not an alert")
    when = published or report.published or datetime.min.replace(tzinfo=UTC)
    old_key = old.key if old else decision.key
    old_value = old.value if old else decision.value
    old_precision = old.precision if old else decision.precision
    old_outlet = old.outlet if old else outlet
    old_source = old.source if old else report.source
    old_published = old.published_at if old else when
    return AlertIntent(
        kind="figure",
        priority=FIGURE_PRIORITY,
        article_id=article_id,
        title=title,
        outlet=outlet,
        url=url,
        published_at=published,
        matched=(),
        figure=FigureChange(
            key=decision.key,
            kind=decision.kind,
            value=decision.value,
            precision=decision.precision,
            source=report.source,
            sources=decision.sources,
            old_key=old_key,
            old_value=old_value,
            old_precision=old_precision,
            old_outlet=old_outlet,
            old_source=old_source,
            old_published_at=old_published,
        ),
    )


class Timelines:
    """The ledger's timelines as they grow with one batch: entries judged earlier in the batch
    are points of the timelines later articles are judged against (their ids, above every
    stored one, keep the ledger's order: publication time, then the order recorded)."""

    def __init__(self, timelines: Mapping[str, Sequence[FigureEntry]], now: datetime) -> None:
        self.timelines: dict[str, list[FigureEntry]] = {k: list(v) for k, v in timelines.items()}
        self.now = now
        self._next = _LOCAL_IDS

    def add(self, entries: Sequence[NewFigureEntry]) -> None:
        for e in entries:
            self._next += 1
            point = e.recorded(self._next, self.now)
            timeline = self.timelines.setdefault(e.key, [])
            bisect.insort(timeline, point, key=lambda x: (x.published_at, x.id))
