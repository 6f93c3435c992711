"""Download a feed: timeout, size cap, gzip, redirects, conditional GET. Never parses.

The client is aiohttp's. httpx was the first choice and is what python-telegram-bot uses for
Telegram, but for polling many feeds it costs 5–30 times more CPU per request here: 1,000
conditional GETs to the local feed server took 0.8–6.9 s with httpx 0.28 (its connection
pool rescans every connection with two system calls each per request) and 0.11–0.23 s with
aiohttp 3.14 — the difference between missing and meeting the one-second poll cycle.
See docs/design.md (2026-11-22).
"""

from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime

import aiohttp

from drawdown.errors import FetchError

USER_AGENT = "DrawdownWatch/0.1 (news monitor; feed reader)"
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_PERMANENT = (301, 308)  # a feed that answers so has moved for good
# An error page this small is read to the end so that its connection stays in the pool.
_ERROR_BODY_LIMIT = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """A 2xx response: the body and the validators to send back next time."""

    url: str  # after redirects
    body: bytes
    headers: dict[str, str]  # lower-case names
    etag: str | None
    last_modified: str | None
    moved_to: str | None = None  # where every redirect was permanent (301, 308): the new URL


@dataclass(frozen=True, slots=True)
class NotModified:
    """A 304: the feed has not changed since the validators we sent."""


def make_session(*, max_connections: int = 100, per_host: int = 6) -> aiohttp.ClientSession:
    """The one HTTP session the watchers share (keep-alive, redirects, gzip); call in a loop."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(
            limit=max_connections, limit_per_host=per_host, ttl_dns_cache=300
        ),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        auto_decompress=True,
        trust_env=False,
    )


async def fetch(
    session: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int,
    time_limit: float,
) -> Fetched | NotModified:
    """GET ``url``, sending the stored validators verbatim.

    Raises FetchError for network errors, HTTP status ≥ 400, a body over ``max_bytes``
    (counted after decompression) and an exchange that takes over ``time_limit`` seconds.
    """
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(time_limit):
            return await _get(session, url, headers, max_bytes)
    except TimeoutError:
        raise FetchError(url, f"timed out after {time_limit:g} s") from None
    except aiohttp.TooManyRedirects:
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects") from None
    except aiohttp.ClientResponseError as e:  # a response aiohttp could not read
        raise FetchError(url, f"bad response: {e.message}", status=e.status) from None
    except aiohttp.InvalidURL:
        raise FetchError(url, "invalid URL") from None
    except aiohttp.ClientError as e:
        reason = str(e) or type(e).__name__
        raise FetchError(url, f"{type(e).__name__}: {reason}") from None


async def _get(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str], max_bytes: int
) -> Fetched | NotModified:
    async with session.get(
        url, headers=headers, allow_redirects=True, max_redirects=MAX_REDIRECTS
    ) as response:
        if response.status == 304:
            return NotModified()
        if response.status >= 400:
            await _drain(response, _ERROR_BODY_LIMIT)
            raise FetchError(
                url,
                f"HTTP {response.status} {response.reason or ''}".strip(),
                status=response.status,
                retry_after=_retry_after(response.headers.get("Retry-After")),
            )
        declared = response.headers.get("Content-Length", "")
        encoded = "Content-Encoding" in response.headers
        if declared.isdigit() and int(declared) > max_bytes and not encoded:
            raise FetchError(
                url, f"body of {int(declared):,} bytes is over the {max_bytes:,}-byte cap"
            )
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"body is over the {max_bytes:,}-byte cap")
            chunks.append(chunk)
        permanent = bool(response.history) and all(r.status in _PERMANENT for r in response.history)
        return Fetched(
            moved_to=str(response.url) if permanent and str(response.url) != url else None,
            url=str(response.url),
            body=b"".join(chunks),
            headers={name.lower(): value for name, value in response.headers.items()},
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )


async def _drain(response: aiohttp.ClientResponse, limit: int) -> None:
    """Read a small body to the end so the connection can be reused; give up on a large one."""
    size = 0
    async for chunk in response.content.iter_chunked(_CHUNK):
        size += len(chunk)
        if size > limit:
            return


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
