"""The reading step: a parsed batch and what is already known in, every decision out. No I/O.

A pure decider fed by a pipeline: the pipeline fetches a feed and the worker reads its items
(``watchers.worker``); storage answers what is already known about them (identities, the
current text of re-posted articles, exact copies, story candidates, the ledger's timelines);
``process`` then decides everything — which items are new and which are edited copies (the
triage), which story each new article joins and which one sends its story's alert, what each
figure is against the ledger, which alerts go out and which story alerts are edited — and
returns it as :class:`Intents`. Storage applies the intents in one transaction
(``storage.batch``), so a crash keeps either all of a batch or none of it, and ``drawdown
analyze`` runs the very same step over files.

Articles of the batch are named by their position in ``Intents.articles`` (a *ref*); stored
rows by their ids. Figures are judged oldest article first against timelines that grow with
the batch, so a later article of the same fetch is compared with an earlier one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import lru_cache

from storage.alerts import story_alert
from storage.ledger_types import FigureEntry, NewFigureEntry
from storage.preference_types import NewTrace
from storage.story_types import NewVersion, StoredVersion, StoryState
from storage.types import AlertIntent, KnownIdentities, NewArticle
from watchers.figures import Figures
from watchers.figures.judge import FigureDecision
from watchers.figures.track import (
    FigureReport,
    Timelines,
    change_alert,
    figure_keys,
    judge_figures,
    read_figures,
)
from watchers.identity.triage import Decision, triage
from watchers.stories.choose import Candidate, edited_versions
from watchers.stories.place import JUDGED, PlaceIntent, place_articles
from watchers.stories.similar import Rarity
from watchers.traces import traces_of
from watchers.worker import Prepared

log = logging.getLogger(__name__)

__all__ = [
    "JUDGED",
    "AlertPlan",
    "Batch",
    "FigurePlan",
    "Intents",
    "Known",
    "PlaceIntent",
    "TracePlan",
    "VersionPlan",
    "figure_keys_to_read",
    "process",
]

_REPOSTS = ("duplicate_guid", "duplicate_url")


@dataclass(frozen=True, slots=True)
class Batch:
    """One fetch of one feed, read: its items in feed order."""

    feed_id: int
    outlet: str
    first_fetch: bool
    items: Sequence[Prepared]


@dataclass(frozen=True, slots=True)
class Known:
    """What storage already holds about a batch.

    ``versions``: the current text of stored articles by ("guid", GUID) and ("url",
    canonical URL); ``copies``: the story of a stored article with each content hash;
    ``candidates``: by item position, the stored articles the story index ranks best for it;
    ``stories``: whether each of the stories named here already sent its alert, and how
    many reports it has in each language; ``timelines``:
    the ledger's reports for every key the batch's figures read, oldest first; ``rarity``:
    the document frequencies of the keys story matching compares.
    """

    identities: KnownIdentities
    versions: Mapping[tuple[str, str], StoredVersion] = field(default_factory=dict)
    copies: Mapping[str, int] = field(default_factory=dict)
    candidates: Mapping[int, Sequence[Candidate]] = field(default_factory=dict)
    stories: Mapping[int, StoryState] = field(default_factory=dict)
    timelines: Mapping[str, Sequence[FigureEntry]] = field(default_factory=dict)
    rarity: Rarity = field(default_factory=Rarity)


@dataclass(frozen=True, slots=True)
class VersionPlan:
    """A later text of a stored article (an edited copy)."""

    version: NewVersion
    outlet: str


@dataclass(frozen=True, slots=True)
class FigurePlan:
    """A ledger entry; ``article`` is a ref when the entry's article is new in this batch."""

    entry: NewFigureEntry
    article: int | None = None


@dataclass(frozen=True, slots=True)
class AlertPlan:
    """An alert for every active subscriber; ``article`` is the ref of a new article it is
    about (its id is filled in when stored), and its story is that article's."""

    alert: AlertIntent
    article: int | None = None


@dataclass(frozen=True, slots=True)
class TracePlan:
    """What became of one link, for /why; ``article`` is the ref of the article it stored."""

    trace: NewTrace
    article: int | None = None


@dataclass(frozen=True, slots=True)
class Intents:
    """Every decision of one batch, to be applied in one transaction.

    ``decisions`` has one triage decision per item; ``articles`` the new ones to insert, in
    order (refs index it), each with its position in the batch and its ``placements`` entry;
    ``readings`` the figure report of each new relevant article by ref; ``alerts`` in the
    order they are enqueued (figure changes before the story alerts and the updates of a
    story a report joined with something new, ``PlaceIntent.news``); ``edits`` the stored
    stories whose alert is edited because a new report joined them.
    """

    decisions: tuple[Decision, ...]
    articles: tuple[NewArticle, ...] = ()
    positions: tuple[int, ...] = ()  # each new article's position in the batch
    placements: tuple[PlaceIntent, ...] = ()
    versions: tuple[VersionPlan, ...] = ()
    figures: tuple[FigurePlan, ...] = ()
    alerts: tuple[AlertPlan, ...] = ()
    edits: tuple[int, ...] = ()
    traces: tuple[TracePlan, ...] = ()
    readings: Mapping[int, FigureReport] = field(default_factory=dict)

    @property
    def matched(self) -> int:
        """New articles on the topic."""
        return sum(1 for a in self.articles if a.relevant)


def figure_keys_to_read(
    batch: Batch,
    identities: KnownIdentities,
    versions: Mapping[tuple[str, str], StoredVersion],
    *,
    now: datetime,
) -> set[str]:
    """The ledger keys ``process`` will judge figures under: those of the new relevant items
    and of the edited copies of relevant stored articles."""
    decisions = _triage(batch, identities, now, timedelta(0))
    keys: set[str] = set()
    for prepared, decision in zip(batch.items, decisions, strict=True):
        if decision.store and decision.article.relevant and prepared.figures is not None:
            keys |= figure_keys(prepared.figures)
    for decision, stored in _edited(decisions, versions):
        if stored.relevant and decision.article.relevant:
            keys |= figure_keys(_figures_of(decision.article.title, decision.article.summary, now))
    return keys


def process(batch: Batch, known: Known, *, now: datetime, backlog_window: timedelta) -> Intents:
    """Decide everything about one batch (see the module docstring)."""
    decisions = _triage(batch, known.identities, now, backlog_window)
    ledger = Timelines(known.timelines, now)
    figures: list[FigurePlan] = []
    alerts: list[AlertPlan] = []
    versions = _versions(batch, decisions, known, ledger, figures, alerts, now)

    kept = [(i, d) for i, d in enumerate(decisions) if d.store]
    articles = tuple(d.article for _, d in kept)
    placements, edits = place_articles(
        kept,
        [p.evidence for p in batch.items],
        copies=known.copies,
        candidates=known.candidates,
        stories=known.stories,
        rarity=known.rarity,
    )

    readings: dict[int, FigureReport] = {}
    order = [ref for ref, (_, d) in enumerate(kept) if d.article.relevant]
    order.sort(key=lambda ref: articles[ref].published_at or now)
    for ref in order:
        position, decision = kept[ref]
        item = batch.items[position]
        lang = item.evidence.lang if item.evidence else None
        report = _judge(ledger, decision.article, item.figures, batch.outlet, now, lang)
        if report is None or not report.decisions:
            continue
        readings[ref] = report
        article = decision.article
        entries = report.entries(article_id=None, outlet=batch.outlet, url=article.url)
        figures += [FigurePlan(e, ref) for e in entries]
        ledger.add(entries)
        if decision.alert:
            alerts += [
                AlertPlan(_figure_alert(change, report, article, batch.outlet, now), ref)
                for change in report.changes
            ]

    for ref, placement in enumerate(placements):
        if placement.announces:
            alerts.append(AlertPlan(_story_alert(articles[ref], batch.outlet), ref))
        elif placement.news and kept[ref][1].alert:
            update = replace(_story_alert(articles[ref], batch.outlet), kind="update")
            alerts.append(AlertPlan(replace(update, news=placement.news), ref))

    refs = list(range(len(kept)))  # a trace names its article by ref until it is stored
    traces = [
        TracePlan(replace(t, article_id=None), t.article_id)
        for t in traces_of(batch.feed_id, decisions, [d for _, d in kept], refs, known.identities)
    ]
    return Intents(
        decisions=tuple(decisions),
        articles=articles,
        positions=tuple(i for i, _ in kept),
        placements=tuple(placements),
        versions=tuple(versions),
        figures=tuple(figures),
        alerts=tuple(alerts),
        edits=tuple(edits),
        traces=tuple(traces),
        readings=readings,
    )


def _triage(
    batch: Batch, identities: KnownIdentities, now: datetime, backlog_window: timedelta
) -> list[Decision]:
    return triage(
        [p.article for p in batch.items],
        identities,
        first_fetch=batch.first_fetch,
        now=now,
        backlog_window=backlog_window,
    )


def _edited(
    decisions: Sequence[Decision], versions: Mapping[tuple[str, str], StoredVersion]
) -> list[tuple[Decision, StoredVersion]]:
    reposts = [d for d in decisions if d.reason in _REPOSTS]
    return edited_versions(reposts, versions) if reposts else []


def _versions(
    batch: Batch,
    decisions: Sequence[Decision],
    known: Known,
    ledger: Timelines,
    figures: list[FigurePlan],
    alerts: list[AlertPlan],
    now: datetime,
) -> list[VersionPlan]:
    """Edited copies: a new version each; their figures are judged as reported when seen."""
    plans = []
    for decision, stored in _edited(decisions, known.versions):
        article = decision.article
        version = NewVersion(
            article_id=stored.article_id,
            content_hash=article.content_hash,
            title=article.title,
            summary=article.summary,
            published_at=article.published_at,
        )
        plans.append(VersionPlan(version, batch.outlet))
        if not (stored.relevant and article.relevant):
            continue
        edited = replace(article, published_at=now)
        report = _judge(ledger, edited, None, batch.outlet, now)
        if report is None:
            continue
        entries = report.entries(article_id=stored.article_id, outlet=batch.outlet, url=article.url)
        figures += [FigurePlan(e) for e in entries]
        ledger.add(entries)
        alerts += [
            AlertPlan(
                replace(
                    _figure_alert(change, report, edited, batch.outlet, now),
                    article_id=stored.article_id,
                )
            )
            for change in report.changes
        ]
    return plans


@lru_cache(maxsize=64)
def _figures_of(title: str, summary: str, published: datetime | None) -> Figures:
    """``read_figures``, remembered for a while: an edited copy's figures are read for the
    keys the batch reads (``figure_keys_to_read``) and again for judging them."""
    return read_figures(title, summary, published)


def _judge(
    ledger: Timelines,
    article: NewArticle,
    read: Figures | None,
    outlet: str,
    now: datetime,
    lang: str | None = None,
) -> FigureReport | None:
    """The article's figures judged against the ledger so far (``lang``: the language its
    evidence was read in, if any); None if reading them failed (a bug in reading figures
    must never cost the article its story alert)."""
    try:
        found = read or _figures_of(article.title, article.summary, article.published_at)
        return judge_figures(
            ledger.timelines,
            found,
            title=article.title,
            summary=article.summary,
            published=article.published_at,
            outlet=outlet,
            now=now,
            lang=lang,
        )
    except Exception:
        log.exception("figures.crashed title=%r", article.title[:80])
        return None


def _figure_alert(
    change: FigureDecision, report: FigureReport, article: NewArticle, outlet: str, now: datetime
) -> AlertIntent:
    return change_alert(
        change,
        report,
        article_id=None,
        title=article.title,
        outlet=outlet,
        url=article.url,
        published=article.published_at or now,
    )


def _story_alert(article: NewArticle, outlet: str) -> AlertIntent:
    return story_alert(article.title, outlet, article.url, article.published_at, article.matched)
