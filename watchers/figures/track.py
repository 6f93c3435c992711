"""Read one stored article's figures, judge them against the ledger, record them, shape alerts.

The step the pipeline runs for each new relevant article, and ``drawdown analyze`` runs for
each file, so both judge figures the same way: extract (``watchers.figures``) → the
timelines of the figures' families (``storage.ledger``) → decide (``figure_decide``) →
record every report, whatever its kind → an ``AlertIntent`` for each change or conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storage.ledger import Ledger
from storage.ledger_types import FigureChange
from storage.types import AlertIntent
from watchers.figures import Deadline, Figures, TroopCount, extract
from watchers.figures.attribution import cited_source
from watchers.figures.judge import FigureDecision, decide_figures, family_keys

__all__ = ["FIGURE_PRIORITY", "FigureReport", "change_alert", "read_figures", "track_figures"]

FIGURE_PRIORITY = 0  # ahead of story alerts (1): the outbox sends lower first


@dataclass(frozen=True, slots=True)
class FigureReport:
    """What one article's figures came to: the figures, whom it credits, each decision."""

    figures: Figures
    source: str | None
    decisions: tuple[FigureDecision, ...]

    @property
    def changes(self) -> tuple[FigureDecision, ...]:
        """The decisions subscribers hear about."""
        return tuple(d for d in self.decisions if d.alerts)


def read_figures(title: str, summary: str, published: datetime | None) -> Figures:
    """The figures of an article; relative dates resolve against its publication day."""
    return extract(title, summary, published=published.date() if published else None)


def track_figures(
    ledger: Ledger,
    *,
    article_id: int | None,
    title: str,
    summary: str,
    published: datetime | None,
    outlet: str,
    url: str | None,
    now: datetime,
    figures: Figures | None = None,
) -> FigureReport:
    """Judge and record the figures of one article (an article with no date counts as ``now``);
    ``figures`` when they were already read."""
    if figures is None:
        figures = read_figures(title, summary, published)
    if not (figures.troop_counts or figures.deadlines):
        return FigureReport(figures, None, ())
    source = cited_source(title, summary, outlet=outlet)
    stated: list[TroopCount | Deadline] = [*figures.troop_counts, *figures.deadlines]
    keys = {k for figure in stated for k in family_keys(figure.key)}
    when = min(published or now, now)
    decisions = decide_figures(
        ledger.timelines(keys), figures, published=when, outlet=outlet, now=now, source=source
    )
    ledger.record(
        [
            d.entry(article_id=article_id, outlet=outlet, source=source, url=url, published=when)
            for d in decisions
        ],
        now,
    )
    return FigureReport(figures, source, tuple(decisions))


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
    """The outbox's alert for a changed or conflicting figure (priority ahead of stories)."""
    old = decision.previous
    if old is None or not decision.alerts:
        raise ValueError(f"{decision.kind!r} decision on {decision.key!r} is not an alert")
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
            old_key=old.key,
            old_value=old.value,
            old_precision=old.precision,
            old_outlet=old.outlet,
            old_source=old.source,
            old_published_at=old.published_at,
        ),
    )
