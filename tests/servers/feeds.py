"""A local HTTP feed server for tests: conditional GET, gzip, and one setting per failure mode.

Each path is configured on its own: a feed body (with a precomputed ETag and Last-Modified, answered
with 304 when the client sends them back), and on top of it an injected status, a delay, a huge
streamed body or a redirect. Every request is recorded. Runs in a background thread (see
``threaded.py``), so a service under test can reach it over HTTP from another process; for manual
use or benchmarks run ``python -m tests.servers.feeds --port 8080 --feeds 1000``.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus

from aiohttp import web
from multidict import CIMultiDict, CIMultiDictProxy

from tests.servers.rss import FeedItem, rss
from tests.servers.threaded import Changes, ThreadedServer

RSS_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
_HUGE_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as the server saw it. ``time`` is ``time.monotonic()`` at arrival; ``status`` is
    what the server answered (or would have, had the client waited out a delay)."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]  # case-insensitive
    time: float
    status: int


@dataclass(frozen=True, slots=True)
class _Feed:
    body: bytes
    headers: Mapping[str, str]  # Content-Type, and ETag / Last-Modified when enabled
    etag: str | None
    modified: int | None  # Last-Modified as a Unix time, whole seconds
    gzipped: bytes | None = None


@dataclass(frozen=True, slots=True)
class _Status:
    status: int
    body: bytes
    headers: Mapping[str, str]

    def response(self) -> web.Response:
        return web.Response(status=self.status, body=self.body, headers=self.headers)


@dataclass(frozen=True, slots=True)
class _Huge:
    size: int
    declare_length: bool


@dataclass(slots=True)
class _Route:
    feed: _Feed | None = None
    status: _Status | None = None
    status_times: int | None = None  # None: until cleared
    delay: float = 0.0
    huge: _Huge | None = None
    redirect: tuple[str, int] | None = None


@dataclass(slots=True)
class _Plan:
    answer: web.Response | _Huge
    delay: float = 0.0
    status: int = field(init=False)

    def __post_init__(self) -> None:
        self.status = 200 if isinstance(self.answer, _Huge) else self.answer.status


class FeedServer(ThreadedServer):
    """Serves feeds at paths of a loopback URL; every setter and inspector is thread-safe."""

    def __init__(self, *, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(host=host, port=port)
        self._changes = Changes()
        self._routes: dict[str, _Route] = {}
        self._requests: list[RecordedRequest] = []
        self._open: dict[str, int] = {}  # path -> requests being answered now
        self._overlaps: dict[str, int] = {}  # path -> requests that arrived while one was open

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` with no trailing slash."""
        return self.origin

    def url(self, path: str = "/") -> str:
        """The full ``http://127.0.0.1:PORT/path`` for ``path``."""
        return self.base_url + _check_path(path)

    # -- what to serve -----------------------------------------------------------------------------

    def set_feed(
        self,
        path: str,
        body: bytes,
        *,
        content_type: str = RSS_CONTENT_TYPE,
        etag: bool = True,
        last_modified: bool = True,
    ) -> None:
        """Serve ``body`` at ``path``. ETag and Last-Modified change only when the body does."""
        with self._changes:
            route = self._route(path)
            old = route.feed
            same = old is not None and old.body == body
            tag = f'"{hashlib.blake2b(body, digest_size=12).hexdigest()}"' if etag else None
            modified: int | None = None
            if last_modified:
                now = int(time.time())
                if same and old is not None and old.modified is not None:
                    modified = old.modified
                elif old is not None and old.modified is not None:
                    modified = max(now, old.modified + 1)  # two changes in one second still differ
                else:
                    modified = now
            headers = {"Content-Type": content_type}
            if tag is not None:
                headers["ETag"] = tag
            if modified is not None:
                headers["Last-Modified"] = http_date(modified)
            route.feed = _Feed(body=body, headers=headers, etag=tag, modified=modified)

    def set_status(
        self,
        path: str,
        status: int,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        *,
        times: int | None = None,
    ) -> None:
        """Answer ``status`` at ``path`` (``times`` times, else until cleared), e.g.
        ``set_status(p, 429, headers={"Retry-After": "120"})``. Then the feed, if any, is back."""
        if body is None:
            body = f"{status} {HTTPStatus(status).phrase}\n".encode()
        with self._changes:
            route = self._route(path)
            route.status = _Status(status, body, dict(headers or {}))
            route.status_times = times

    def set_delay(self, path: str, seconds: float) -> None:
        """Wait ``seconds`` before answering anything at ``path`` (the server loop stays free)."""
        with self._changes:
            self._route(path).delay = seconds

    def set_huge(self, path: str, size_bytes: int, *, declare_length: bool = True) -> None:
        """Stream ``size_bytes`` of RSS-looking XML at ``path`` in 64 KiB chunks; with
        ``declare_length=False`` there is no Content-Length (chunked), so only counting stops it."""
        with self._changes:
            self._route(path).huge = _Huge(size_bytes, declare_length)

    def set_redirect(self, path: str, to_path: str, status: int = 301) -> None:
        """Redirect ``path`` to this server's ``to_path`` with ``status``."""
        with self._changes:
            self._route(path).redirect = (self.url(to_path), status)

    def clear_faults(self, path: str) -> None:
        """Drop the status, delay, huge body and redirect set for ``path``; its feed stays."""
        with self._changes:
            route = self._route(path)
            route.status = route.status_times = route.huge = route.redirect = None
            route.delay = 0.0

    def remove(self, path: str) -> None:
        """Forget ``path`` entirely: it answers 404."""
        with self._changes:
            self._routes.pop(_check_path(path), None)

    def reset(self) -> None:
        """Forget every path and every recorded request."""
        with self._changes:
            self._routes.clear()
            self._requests.clear()

    # -- what happened -----------------------------------------------------------------------------

    def requests(self, path: str | None = None) -> list[RecordedRequest]:
        with self._changes:
            return [r for r in self._requests if path is None or r.path == path]

    def request_count(self, path: str | None = None) -> int:
        with self._changes:
            if path is None:
                return len(self._requests)
            return sum(1 for r in self._requests if r.path == path)

    def overlaps(self, path: str | None = None) -> int:
        """Requests (to ``path``) that arrived while another one to the same path was still
        being answered: a feed fetched twice at once."""
        with self._changes:
            return sum(n for p, n in self._overlaps.items() if path is None or p == path)

    def clear_requests(self) -> None:
        with self._changes:
            self._requests.clear()

    def wait_for_requests(
        self, count: int, path: str | None = None, timeout: float = 15.0
    ) -> list[RecordedRequest]:
        """Block until at least ``count`` requests (to ``path``) arrived; return them."""
        return self._changes.wait(*self._waiting(count, path), timeout)

    async def await_requests(
        self,
        count: int,
        path: str | None = None,
        timeout: float = 15.0,  # noqa: ASYNC109 -- the same signature as wait_for_requests
    ) -> list[RecordedRequest]:
        """:meth:`wait_for_requests` for async tests: does not block the caller's loop."""
        return await self._changes.until(*self._waiting(count, path), timeout)

    # -- serving -----------------------------------------------------------------------------------

    def _build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        return app

    def _route(self, path: str) -> _Route:
        return self._routes.setdefault(_check_path(path), _Route())

    def _waiting(
        self, count: int, path: str | None
    ) -> tuple[Callable[[], list[RecordedRequest] | None], Callable[[], str]]:
        def probe() -> list[RecordedRequest] | None:
            seen = [r for r in self._requests if path is None or r.path == path]
            return seen if len(seen) >= count else None

        def describe() -> str:
            where = "" if path is None else f" to {path}"
            return f"expected {count} requests{where}, got {self.request_count(path)}"

        return probe, describe

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        with self._changes:
            route = self._routes.get(request.path_qs) or self._routes.get(request.path)
            plan = self._plan(route, request)
            self._requests.append(
                RecordedRequest(
                    method=request.method,
                    path=request.path,
                    query=request.query_string,
                    headers=CIMultiDictProxy(CIMultiDict(request.headers)),
                    time=time.monotonic(),
                    status=plan.status,
                )
            )
            self._changes.notify()
            if self._open.get(request.path):
                self._overlaps[request.path] = self._overlaps.get(request.path, 0) + 1
            self._open[request.path] = self._open.get(request.path, 0) + 1
        try:
            if plan.delay:
                await asyncio.sleep(plan.delay)
            if isinstance(plan.answer, _Huge):
                return await _stream_huge(request, plan.answer)
            return plan.answer
        finally:
            with self._changes:
                self._open[request.path] -= 1

    def _plan(self, route: _Route | None, request: web.Request) -> _Plan:
        """What to answer; called with the lock held, so it only looks things up."""
        if route is None:
            return _Plan(web.Response(status=404, text="no feed here\n"))
        if route.redirect is not None:
            location, status = route.redirect
            return _Plan(web.Response(status=status, headers={"Location": location}), route.delay)
        if route.status is not None:
            answer = route.status.response()
            if route.status_times is not None:
                route.status_times -= 1
                if route.status_times <= 0:
                    route.status = route.status_times = None
            return _Plan(answer, route.delay)
        if route.huge is not None:
            return _Plan(route.huge, route.delay)
        if route.feed is None:
            return _Plan(web.Response(status=404, text="no feed here\n"), route.delay)
        return _Plan(self._feed_answer(route, request), route.delay)

    def _feed_answer(self, route: _Route, request: web.Request) -> web.Response:
        feed = route.feed
        assert feed is not None
        if _not_modified(feed, request):
            return web.Response(status=304, headers=_validators(feed))
        if "gzip" not in request.headers.get("Accept-Encoding", ""):
            return web.Response(body=feed.body, headers=feed.headers)
        if feed.gzipped is None:
            # Compressed once per body, on first demand (mtime=0: same bytes every time).
            feed = _Feed(
                feed.body,
                feed.headers,
                feed.etag,
                feed.modified,
                gzip.compress(feed.body, compresslevel=5, mtime=0),
            )
            route.feed = feed
        assert feed.gzipped is not None
        headers = {**feed.headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        return web.Response(body=feed.gzipped, headers=headers)


def http_date(unix_time: int) -> str:
    """``Mon, 02 Jun 2025 08:00:00 GMT``"""
    return format_datetime(datetime.fromtimestamp(unix_time, UTC), usegmt=True)


def _not_modified(feed: _Feed, request: web.Request) -> bool:
    # RFC 9110 §13.2.2: If-None-Match, when present, decides alone. Compared verbatim on purpose:
    # a client must send the ETag back exactly as it received it.
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return feed.etag is not None and if_none_match == feed.etag
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_modified_since is None or feed.modified is None:
        return False
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return feed.modified <= since.timestamp()


def _validators(feed: _Feed) -> dict[str, str]:
    return {k: v for k, v in feed.headers.items() if k in ("ETag", "Last-Modified")}


async def _stream_huge(request: web.Request, huge: _Huge) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": RSS_CONTENT_TYPE})
    if huge.declare_length:
        response.content_length = huge.size
    await response.prepare(request)
    try:
        for chunk in huge_chunks(huge.size):
            await response.write(chunk)
        await response.write_eof()
    except ConnectionError:
        pass  # the client gave up, as a client with a size cap should
    return response


def huge_chunks(size: int) -> Iterator[bytes]:
    """Exactly ``size`` bytes of an RSS document that never ends, in 64 KiB chunks, built lazily."""
    head = b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>\n'
    unit = b"<item><title>junk</title><description>" + b"x" * 180 + b"</description></item>\n"
    block = unit * (_HUGE_CHUNK // len(unit))
    first = head[:size]
    yield first
    remaining = size - len(first)
    while remaining > 0:
        chunk = block[:remaining]
        yield chunk
        remaining -= len(chunk)


def _check_path(path: str) -> str:
    if not path.startswith("/"):
        raise ValueError(f"a path starts with '/': {path!r}")
    return path


def main(argv: list[str] | None = None) -> None:
    """Serve ``--feeds`` small RSS feeds at ``/feeds/N.xml`` until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m tests.servers.feeds")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--feeds", type=int, default=10)
    args = parser.parse_args(argv)
    with FeedServer(port=args.port) as server:
        for n in range(args.feeds):
            item = FeedItem(
                guid=f"feed-{n}-story-1",
                link=f"https://news.example.test/{n}/1",
                title=f"Story 1 of feed {n}",
            )
            server.set_feed(f"/feeds/{n}.xml", rss([item], title=f"Feed {n}"))
        print(f"serving {args.feeds} feeds at {server.url('/feeds/0.xml')} … (Ctrl-C stops)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
