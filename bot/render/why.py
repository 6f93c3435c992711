"""/why and /sources: what became of a link, and the outlets watched. Telegram HTML in the
reader's language. Pure: no I/O."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from bot.i18n import tr
from bot.render.alerts import keywords
from bot.render.figures import figure_label, figure_value
from bot.render.formats import ago, number, when
from bot.render.markup import escape
from storage.ledger_types import FigureEntry
from storage.preference_types import Explanation, JoinedStory, SeenArticle, SentTo, Sighting
from storage.sources import Source

_RELEVANCE = {
    "missing terms": "why.relevance.missing_terms",
    "other departure": "why.relevance.other_departure",
    "about elsewhere": "why.relevance.about_elsewhere",
    "attack story": "why.relevance.attack_story",
}
_FIGURE = {
    "new": "why.figure.new",
    "confirmed": "why.figure.confirmed",
    "changed": "why.figure.changed",
    "conflict": "why.figure.conflict",
    "stale": "why.figure.stale",
    "unconfirmed": "why.figure.unconfirmed",
    "reached": "why.figure.reached",
}
_WAITING = {"held": "why.held", "digested": "why.digested"}
# The skip reasons of ``bot.delivery.rules`` ("exclude=<phrase>" apart).
_REASONS = {
    "muted": "why.reason.muted",
    "receive=figures": "settings.receive.figures",
    "receive=chosen": "why.reason.chosen",
    "include": "why.reason.include",
    "outlet": "why.reason.outlet",
}


def why(explanation: Explanation, language: str, zone: str = "UTC") -> str:
    """Which stage kept or dropped the article, what its figures were, what reached the chat."""
    lines = []
    if explanation.duplicate is not None:
        lines.append(_sighting(explanation.duplicate, language, zone))
    article = explanation.article
    seen = tr(
        "why.seen",
        language,
        published=when(article.published_at, language, zone),
        seen=when(article.seen_at, language, zone),
    )
    lines += [
        f"🔍 <b>{escape(article.title)}</b>",
        f"{escape(article.outlet)} · {seen}",
        _verdict(article, language),
    ]
    if explanation.story is not None:
        lines.append(_story(explanation.story, language, zone))
    if explanation.split is not None:
        split = explanation.split
        lines.append(
            tr(
                "why.split_from",
                language,
                title=escape(split.title),
                outlet=escape(split.outlet),
                when=when(split.at, language, zone),
            )
        )
    if explanation.figures:
        lines.append(tr("why.figures", language))
        lines += [_figure(entry, language) for entry in explanation.figures]
    lines += [_alert(sent, language, zone) for sent in explanation.alerts]
    return "\n".join(lines)


def _story(story: JoinedStory, language: str, zone: str) -> str:
    joined = tr(
        "why.joined_story",
        language,
        title=escape(story.title),
        outlet=escape(story.outlet),
        count=number(story.articles, language),
    )
    if story.alert_at is None:
        return f"{joined} {tr('why.story_not_alerted', language)}"
    alerted = tr("why.story_alerted", language, when=when(story.alert_at, language, zone))
    return f"{joined} {alerted}"


def _sighting(sighting: Sighting, language: str, zone: str) -> str:
    key = "why.duplicate_url" if sighting.reason == "duplicate_url" else "why.duplicate_guid"
    seen = when(sighting.seen_at, language, zone)
    return tr(key, language, when=seen, outlet=escape(sighting.outlet))


def _verdict(article: SeenArticle, language: str) -> str:
    matched = escape(keywords(article.matched, None))  # why it matched: every term
    if article.reason == "not_relevant":
        line = tr("why.dropped", language)
        if article.relevance in _RELEVANCE:
            line += f" — {tr(_RELEVANCE[article.relevance], language)}"
        if matched:
            line += f" ({tr('why.found', language, keywords=matched)})"
        return line + "."
    if article.reason == "backlog":
        return tr("why.backlog", language)
    if not matched:
        return tr("why.kept", language)
    return tr("why.kept_keywords", language, keywords=matched)


def _figure(entry: FigureEntry, language: str) -> str:
    label = figure_label(entry.key, language)
    value = figure_value(entry.key, entry.value, entry.precision, language)
    said = tr(_FIGURE[entry.kind], language) if entry.kind in _FIGURE else entry.kind
    return f"• {escape(label)}: {escape(value)} — {said}"


def _alert(sent: SentTo, language: str, zone: str) -> str:
    if sent.kind == "figure" and sent.figure_key:
        label = escape(figure_label(sent.figure_key, language))
        head = tr("why.figure_alert", language, figure=label)
    else:
        head = tr("why.story_alert", language)
    return f"{head}: {status(sent, language, zone)}"


def status(sent: SentTo, language: str, zone: str = "UTC") -> str:
    """What became of one alert for the asking chat."""
    if sent.status is None:
        return tr("why.absent", language, when=when(sent.created_at, language, zone))
    if sent.status == "sent":
        return tr("why.sent", language, when=when(sent.sent_at, language, zone))
    if sent.status == "filtered":
        return tr("why.filtered", language, why=filter_reason(sent.last_error or "", language))
    if sent.status in _WAITING:
        return tr(_WAITING[sent.status], language)
    if sent.status == "failed":
        return tr("why.failed", language, error=escape(sent.last_error or "—"))
    if sent.last_error == "quiet hours":
        return tr("why.quiet", language, when=when(sent.next_attempt_at, language, zone))
    return tr("why.pending", language)


def filter_reason(reason: str, language: str) -> str:
    """A skip reason of ``bot.delivery.rules`` for people."""
    if reason.startswith("exclude="):
        return tr("why.reason.exclude", language, phrase=escape(reason.removeprefix("exclude=")))
    if reason in _REASONS:
        return tr(_REASONS[reason], language)
    return escape(reason)


# --- /sources ---------------------------------------------------------------------------------


def sources(listing: Sequence[Source], language: str, now: datetime) -> str:
    """The outlets watched: health, last check, and how much of what they publish is on topic."""
    lines = [tr("sources.title", language, count=len(listing))]
    lines += [_source(source, language, now) for source in listing]
    if not listing:
        lines.append("—")
    return "\n".join(lines)


def _source(source: Source, language: str, now: datetime) -> str:
    name = f"{escape(source.name)} ({source.lang})"
    if source.paused:
        return f"⏸ {name} — {tr('sources.paused', language)}"
    if source.last_checked_at is None:
        return f"⚪ {name} — {tr('feed.not_checked', language)}"
    checked = ago(now - source.last_checked_at, language)
    if source.last_status == "error":
        error = escape((source.last_error or "")[:120])
        failing = tr("sources.failing", language, count=source.error_count, ago=checked)
        return f"🔴 {name} — {failing}: {error}"
    share = tr(
        "sources.checked",
        language,
        ago=checked,
        relevant=number(source.relevant, language),
        total=number(source.articles, language),
    )
    return f"🟢 {name} — {share}"
