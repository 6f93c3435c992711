"""Bytes to candidate articles — in a worker process, on another core, in two steps: ``parse``
(items and their identity keys: GUID, canonical URL, content hash) and ``read`` (topic,
figures, story evidence) for the items storage does not already hold as they are, so a
steady poll of a big feed costs a parse and a lookup, not a reading.

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
import signal
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeVar

from drawdown.errors import ParseError
from storage.types import NewArticle
from watchers.feeds.parse import Item, parse_feed
from watchers.figures import Figures, extract, reading_day
from watchers.identity.keys import canonical_url, content_hash
from watchers.stories.similar import Evidence, evidence
from watchers.topic.match import Matcher, Topic
from watchers.topic.relevance import judge

log = logging.getLogger(__name__)

_matcher: Matcher | None = None  # the worker's, built once by _init
_T = TypeVar("_T")
READ_PIECE = 100  # items read in one job: about a second of the worker's time


@dataclass(frozen=True, slots=True)
class Parsed:
    """An item as parsed, with the keys identity needs: cheap to compute, read by nobody yet."""

    item: Item
    canonical_url: str | None
    content_hash: str


def keyed(item: Item) -> Parsed:
    """An item with its identity keys."""
    url = canonical_url(item.url) if item.url else None
    return Parsed(item, url, content_hash(item.title, item.summary))


def to_article(feed_id: int, parsed: Parsed, matcher: Matcher) -> NewArticle:
    """An item with its identity and topic verdict computed."""
    item = parsed.item
    verdict = judge(matcher, item.title, item.summary, published=item.published)
    return NewArticle(
        feed_id=feed_id,
        guid=item.guid,
        url=item.url,
        canonical_url=parsed.canonical_url,
        content_hash=parsed.content_hash,
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
    return [to_article(feed_id, p, matcher) for p in parse(body, url=url, headers=headers)]


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
        lang, day = reading_day(article.title, article.summary, published)
        figures = extract(article.title, article.summary, published=day, lang=lang)
        found = evidence(article.title, article.summary, published=day, lang=lang, figures=figures)
    except Exception:
        log.exception("stories.evidence_crashed title=%r", article.title[:80])
        return Prepared(article)
    return Prepared(article, figures, found)


def parse(body: bytes, *, url: str, headers: Mapping[str, str]) -> list[Parsed]:
    """A feed body's items with their identity keys; raises ParseError."""
    return [keyed(item) for item in parse_feed(body, url=url, headers=headers)]


def _init(topic: Topic) -> None:
    global _matcher
    # Ctrl-C reaches the whole process group: the service stops the worker itself, so the
    # worker leaves SIGINT alone instead of dying with a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _matcher = Matcher(topic)


def _parse_in_worker(body: bytes, url: str, headers: Mapping[str, str]) -> list[Parsed]:
    return parse(body, url=url, headers=headers)


def _survey_in_worker(body: bytes, url: str, headers: Mapping[str, str]) -> tuple[int, int]:
    assert _matcher is not None, "the worker was started without its topic"
    articles = prepare(body, url=url, headers=headers, feed_id=0, matcher=_matcher)
    return len(articles), sum(1 for a in articles if a.relevant)


def _read_in_worker(feed_id: int, parsed: list[Parsed]) -> list[Prepared]:
    assert _matcher is not None, "the worker was started without its topic"
    return [read(to_article(feed_id, p, _matcher)) for p in parsed]


class Preparer:
    """A worker process that parses and reads feed bodies, one job at a time, each within a
    time budget: a job over budget gets the process replaced (the feed fails with the
    reason; the others go on), and so does a process that dies."""

    def __init__(self, topic: Topic, *, time_limit: float = 30.0) -> None:
        self.topic = topic
        self.time_limit = time_limit
        self._pool = self._start()
        self._turn = asyncio.Lock()  # one job in the pool at a time: the budget is its own
        self._busy_since: float | None = None  # time.monotonic() when the running job began
        self._closed = False

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init,
            initargs=(self.topic,),
        )

    async def parse(self, body: bytes, *, url: str, headers: Mapping[str, str]) -> list[Parsed]:
        """The body's items and their identity keys (in the worker); raises ParseError."""
        return await self._run(url, _parse_in_worker, body, url, dict(headers))

    async def survey(self, body: bytes, *, url: str, headers: Mapping[str, str]) -> tuple[int, int]:
        """(items, items on the topic) of a body, in the worker (a feed being added)."""
        return await self._run(url, _survey_in_worker, body, url, dict(headers))

    async def read(self, parsed: list[Parsed], *, url: str, feed_id: int) -> list[Prepared]:
        """Topic, figures and story evidence of items (in the worker), ``READ_PIECE`` items to
        a job: the time budget is a piece's, and other feeds' jobs go between the pieces."""
        prepared: list[Prepared] = []
        for start in range(0, len(parsed), READ_PIECE):
            piece = parsed[start : start + READ_PIECE]
            prepared += await self._run(url, _read_in_worker, feed_id, piece)
        return prepared

    async def __call__(
        self, body: bytes, *, url: str, headers: Mapping[str, str], feed_id: int
    ) -> list[Prepared]:
        """Parse and read every item of a body."""
        parsed = await self.parse(body, url=url, headers=headers)
        return await self.read(parsed, url=url, feed_id=feed_id)

    async def _run(self, url: str, job: Callable[..., _T], *args: object) -> _T:
        loop = asyncio.get_running_loop()
        async with self._turn:
            for attempt in (1, 2):
                if self._closed:
                    raise asyncio.CancelledError("the reading worker is closed")
                pool = self._pool
                self._busy_since = time.monotonic()
                try:
                    return await asyncio.wait_for(
                        loop.run_in_executor(pool, job, *args), self.time_limit
                    )
                except TimeoutError:
                    log.error(
                        "worker.over_budget seconds=%.0f feed=%s replaced=true",
                        self.time_limit, url,
                    )  # fmt: skip
                    self._replace(pool)
                    raise ParseError(
                        url, f"reading took longer than {self.time_limit:.0f} s; skipped"
                    ) from None
                except BrokenProcessPool:
                    if self._closed:
                        raise asyncio.CancelledError("the reading worker is closed") from None
                    if attempt == 2:
                        raise
                    log.error("worker.died restarting=true feed=%s", url)
                    self._replace(pool)
                finally:
                    self._busy_since = None
        raise AssertionError("unreachable")

    def busy_for(self) -> float:
        """Seconds the running job has taken so far; 0 when the worker is idle."""
        since = self._busy_since
        return 0.0 if since is None else time.monotonic() - since

    def _replace(self, pool: ProcessPoolExecutor) -> None:
        """Kill ``pool``'s process and start a new one (unless that was done already)."""
        if pool is not self._pool or self._closed:
            return
        _stop(pool)
        self._pool = self._start()

    def worker_pids(self) -> list[int]:
        """The worker processes' ids (for resource accounting and health)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return sorted(processes)

    def retire(self) -> None:
        """Let the job in progress finish, then stop (a reload replaces the worker)."""
        self._pool.shutdown(wait=True, cancel_futures=False)

    def close(self) -> None:
        """Stop the worker at once, even in the middle of a job: the job is cancelled (its feed
        keeps its claim, which the next start frees) and no new one starts."""
        self._closed = True
        _stop(self._pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=5)
