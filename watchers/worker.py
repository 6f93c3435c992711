"""Bytes to candidate articles (parse, match, identity, figures, story evidence) — in a worker
process, on another core.

Parsing and matching are pure CPU work in Python: run in a thread they hold the GIL and the
event loop's fetching and the database writes wait for them. A one-process pool runs them
on the second core instead: the first poll of 1,000 feeds (20,000 new items) went from
13.6 s to about half that, the steady cycle from ~1.0 s to ~0.5 s (see docs/design.md).
The worker imports only the watchers' pure modules (~25 MB; nothing of storage's).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from storage.types import NewArticle
from watchers.feeds.parse import Item, parse_feed
from watchers.figures import Figures, extract
from watchers.identity.keys import canonical_url, content_hash
from watchers.stories.similar import Evidence, evidence
from watchers.topic.match import Matcher, Topic
from watchers.topic.relevance import judge

log = logging.getLogger(__name__)

_matcher: Matcher | None = None  # the worker's, built once by _init


def to_article(feed_id: int, item: Item, matcher: Matcher) -> NewArticle:
    """An item with its identity and topic verdict computed."""
    verdict = judge(matcher, item.title, item.summary)
    return NewArticle(
        feed_id=feed_id,
        guid=item.guid,
        url=item.url,
        canonical_url=canonical_url(item.url) if item.url else None,
        content_hash=content_hash(item.title, item.summary),
        title=item.title,
        summary=item.summary,
        published_at=item.published,
        relevant=verdict.relevant,
        matched=verdict.matched,
        relevance=verdict.reason,
    )


def prepare(
    body: bytes, *, url: str, headers: Mapping[str, str], feed_id: int, matcher: Matcher
) -> list[NewArticle]:
    """Parse a feed body and turn every item into a candidate article; raises ParseError."""
    return [
        to_article(feed_id, item, matcher) for item in parse_feed(body, url=url, headers=headers)
    ]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A candidate article with what the pipeline reads from a relevant one: its figures and
    its story evidence (None for an irrelevant article, or if reading failed)."""

    article: NewArticle
    figures: Figures | None = None
    evidence: Evidence | None = None


def read(article: NewArticle) -> Prepared:
    """Read a relevant article's figures and story evidence; a bug here never costs the
    article its alert (it is logged and the article goes on without them)."""
    if not article.relevant:
        return Prepared(article)
    published = article.published_at
    try:
        day = published.date() if published else None
        figures = extract(article.title, article.summary, published=day)
        found = evidence(article.title, article.summary, published=day, figures=figures)
    except Exception:
        log.exception("stories.evidence_crashed title=%r", article.title[:80])
        return Prepared(article)
    return Prepared(article, figures, found)


def _init(topic: Topic) -> None:
    global _matcher
    _matcher = Matcher(topic)


def _prepare_in_worker(
    body: bytes, url: str, headers: Mapping[str, str], feed_id: int
) -> list[Prepared]:
    assert _matcher is not None, "the worker was started without its topic"
    articles = prepare(body, url=url, headers=headers, feed_id=feed_id, matcher=_matcher)
    return [read(article) for article in articles]


class Preparer:
    """A worker process that prepares feed bodies; restarted if it dies."""

    def __init__(self, topic: Topic) -> None:
        self.topic = topic
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init,
            initargs=(self.topic,),
        )

    async def __call__(
        self, body: bytes, *, url: str, headers: Mapping[str, str], feed_id: int
    ) -> list[Prepared]:
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            try:
                return await loop.run_in_executor(
                    self._pool, _prepare_in_worker, body, url, dict(headers), feed_id
                )
            except BrokenProcessPool:
                if attempt == 2:
                    raise
                log.error("prepare.worker_died restarting=true feed=%s", url)
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._start()
        raise AssertionError("unreachable")

    def worker_pids(self) -> list[int]:
        """The worker processes' ids (for resource accounting)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return sorted(processes)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
