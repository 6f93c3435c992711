"""``drawdown analyze``: read article files as if they came from feeds, and say what was found.

Each file is a title line (its first non-empty line) and a body. Files go, in the order
given, through the service's own path — the worker's reading, then ``watchers.ingest``: what
is known, the pure reading step (``watchers.process``) and one transaction — against a fresh
in-memory SQLite store migrated like the real one, so a later file is compared with the
earlier ones, exactly as the service compares a new article with stored ones. Nothing
touches the network.

A manifest (JSON Lines) gives each file's ``path`` (relative to the manifest), and
``published`` ("YYYY-MM-DD" or null), ``url`` and ``source`` (the outlet's name, or null).
A file without a date counts as published now. The JSON output is one object per file:
``path``, ``lang``, ``relevant``, ``matched``, ``duplicate_of`` (the earliest file of the
same story, by identity or by near-duplicate detection, else null), ``troop_counts``,
``deadlines`` and ``changes`` (``key``, ``old``, ``new``, ``kind``: "new", "changed" or
"conflict"; a troop count's value is a number, a deadline's a "YYYY[-MM[-DD]]" date).
This shape is an interface other tools build on: add to it, never change it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from storage.db import create_engine, upgrade
from storage.store import Store
from storage.types import FeedSpec
from watchers.feeds.parse import Item
from watchers.figures import detect_lang
from watchers.figures.judge import FigureDecision
from watchers.figures.track import read_figures
from watchers.ingest import Ingest, Ingested
from watchers.process import Batch
from watchers.topic.match import Matcher
from watchers.topic.text import nfc
from watchers.worker import keyed, read, to_article

__all__ = ["Analysis", "Document", "analyze", "load_documents", "render_json"]

_FEED = FeedSpec(url="file:///analyze", name="analyze", lang="vi", interval_s=3600)
_CHANGES = ("new", "changed", "conflict")


@dataclass(frozen=True, slots=True)
class Document:
    """One file to analyze: ``path`` as given, and what the manifest says about it."""

    path: str
    file: Path
    published: date | None = None
    url: str | None = None
    source: str | None = None

    @property
    def outlet(self) -> str:
        """Who published it: the manifest's source, else the URL's host, else the file name."""
        if self.source:
            return self.source
        host = urlsplit(self.url).hostname if self.url else None
        return host or self.file.name


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one file came to: the JSON result, and the figure decisions behind its changes."""

    result: dict[str, Any]
    decisions: tuple[FigureDecision, ...]


def load_documents(paths: Sequence[str], manifest: str | None) -> list[Document]:
    """The manifest's files in its order, then the paths given; ValueError for a bad manifest."""
    documents: list[Document] = []
    if manifest is not None:
        folder = Path(manifest).parent
        lines = Path(manifest).read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                path = str(row["path"])
                published = row.get("published")
                documents.append(
                    Document(
                        path=path,
                        file=folder / path,
                        published=date.fromisoformat(published) if published else None,
                        url=row.get("url") or None,
                        source=row.get("source") or None,
                    )
                )
            except (ValueError, KeyError, TypeError) as e:
                raise ValueError(f"{manifest}:{number}: not a manifest line ({e!r})") from None
    documents += [Document(path=path, file=Path(path)) for path in paths]
    return documents


def read_document(file: Path) -> tuple[str, str]:
    """(title, body): the first non-empty line, and the rest."""
    text = nfc(file.read_text(encoding="utf-8")).lstrip()
    title, _, body = text.partition("\n")
    return title.strip(), body.strip()


def analyze(documents: Sequence[Document], matcher: Matcher, *, now: datetime) -> list[Analysis]:
    """One result per document, in order (see the module docstring for its shape).

    Each file is one batch through the service's own path (``watchers.ingest``: what is
    known, the reading step, one transaction) on a fresh in-memory SQLite store migrated like
    the real one; a document's outlet is its batch's outlet.
    """
    engine = create_engine("sqlite://")
    try:
        upgrade(engine)
        store = Store(engine)
        store.sync_feeds([_FEED], now)
        # articles belong to a feed: one stands for the files (claiming it gives its id)
        (feed,) = store.claim_due_feeds(now, worker="analyze", lease=timedelta(hours=1), limit=1)
        ingest = Ingest(store)
        seen_urls: dict[str, str] = {}
        first_of_story: dict[int, str] = {}  # story id -> the path of its first file
        results = []
        for document in documents:
            title, body = read_document(document.file)
            published = (
                datetime(*document.published.timetuple()[:3], tzinfo=UTC)
                if document.published
                else None
            )
            item = Item(guid=None, url=document.url, title=title, summary=body, published=published)
            prepared = read(to_article(feed.id, keyed(item), matcher))
            article = prepared.article
            batch = Batch(feed.id, document.outlet, first_fetch=False, items=[prepared])
            done = ingest(batch, now, backlog_window=timedelta(days=1))
            duplicate_of = _duplicate_of(done, document.path, first_of_story)
            canonical = article.canonical_url
            stored = bool(done.applied.ids) and done.applied.ids[0] is not None
            if canonical and not stored:
                duplicate_of = seen_urls.get(canonical)
            if canonical and stored:
                seen_urls[canonical] = document.path
            reading = done.intents.readings.get(0)
            decisions = reading.decisions if reading is not None else ()
            figures = (
                reading.figures
                if reading is not None
                else prepared.figures or read_figures(title, body, published)
            )
            changes = tuple(d for d in decisions if d.kind in _CHANGES)
            result = {
                "path": document.path,
                "lang": detect_lang(f"{title}\n{body}"),
                "relevant": article.relevant,
                "matched": list(article.matched),
                "duplicate_of": duplicate_of,
                **figures.to_json(),
                "changes": [_change(d) for d in changes],
            }
            results.append(Analysis(result, changes))
        return results
    finally:
        engine.dispose()


def _duplicate_of(done: Ingested, path: str, first_of_story: dict[int, str]) -> str | None:
    """The first file of the story this one joined (None if it started one)."""
    if not done.applied.stories or done.applied.stories[0] is None:
        return None
    story = done.applied.stories[0]
    first = first_of_story.setdefault(story, path)
    return None if first == path else first


def _change(decision: FigureDecision) -> dict[str, Any]:
    old = decision.previous
    return {
        "key": decision.key,
        "old": _json_value(old.key, old.value) if old else None,
        "new": _json_value(decision.key, decision.value),
        "kind": decision.kind,
    }


def _json_value(key: str, value: str) -> int | str:
    return int(value) if key.startswith("troops/") else value


def render_json(results: Sequence[Analysis]) -> str:
    """One JSON object per line."""
    return "\n".join(json.dumps(a.result, ensure_ascii=False) for a in results)
