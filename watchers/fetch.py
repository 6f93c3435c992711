"""Download a feed with httpx: timeout, size cap, gzip, redirects, conditional GET. Never parses."""

from __future__ import annotations

import asyncio
import email.utils
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from drawdown.errors import FetchError

USER_AGENT = "DrawdownWatch/0.1 (news monitor; feed reader)"


@dataclass(frozen=True, slots=True)
class Fetched:
    """A 2xx response: the body and the validators to send back next time."""

    url: str  # after redirects
    body: bytes
    headers: dict[str, str]  # lower-case names
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class NotModified:
    """A 304: the feed has not changed since the validators we sent."""


def make_client(*, timeout: float, max_connections: int = 100) -> httpx.AsyncClient:
    """The one HTTP client the watchers share (keep-alive, redirects, gzip)."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        follow_redirects=True,
        max_redirects=5,
        limits=httpx.Limits(max_connections=max_connections, max_keepalive_connections=50),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        trust_env=False,
    )


async def fetch(
    client: httpx.AsyncClient,
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
    headers = {
        "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with asyncio.timeout(time_limit):
            return await _get(client, url, headers, max_bytes)
    except TimeoutError:
        raise FetchError(url, f"timed out after {time_limit:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchError(url, "too many redirects") from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {time_limit:g} s") from None
    except httpx.HTTPError as e:
        reason = str(e) or type(e).__name__
        raise FetchError(url, f"{type(e).__name__}: {reason}") from None


async def _get(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], max_bytes: int
) -> Fetched | NotModified:
    async with client.stream("GET", url, headers=headers) as response:
        if response.status_code == 304:
            return NotModified()
        if response.status_code >= 400:
            raise FetchError(
                url,
                f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                status=response.status_code,
                retry_after=_retry_after(response.headers.get("Retry-After")),
            )
        declared = response.headers.get("Content-Length", "")
        if (
            declared.isdigit()
            and int(declared) > max_bytes
            and "content-encoding" not in response.headers
        ):
            raise FetchError(
                url, f"body of {int(declared):,} bytes is over the {max_bytes:,}-byte cap"
            )
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"body is over the {max_bytes:,}-byte cap")
            chunks.append(chunk)
        return Fetched(
            url=str(response.url),
            body=b"".join(chunks),
            headers={name.lower(): value for name, value in response.headers.items()},
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
        )


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
