"""Where a feed added from the chat may point: the public internet only.

An administrator's ``/feeds add <url>`` makes the service fetch a URL someone typed into a
chat. Without a guard that reaches inside: the database's port, SSH, the health listener, a
cloud's metadata address. So a guarded fetch refuses every address that is not public —
loopback, private, link-local, multicast, reserved, unspecified — both as written in the URL
(``127.0.0.1``, ``[::1]``, ``0x7f000001`` resolves there too) and as a name resolves, on
every redirect. Feeds in ``config.toml`` are the operator's own and are not guarded;
``[schedule] allow_private_feeds`` lifts the guard for those who run their own feeds.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from drawdown.errors import FetchError

__all__ = ["GuardedResolver", "check_url", "make_guarded_session", "refusal"]

_SCHEMES = ("http", "https")


def refusal(address: str) -> str | None:
    """Why a fetch may not go to this IP address, or None for a public one."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return None  # a name: its addresses are checked when it resolves
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private or ip.is_reserved or ip.is_multicast or ip.is_unspecified:
        return "a private or reserved address"
    if not ip.is_global:
        return "not a public address"
    return None


def check_url(url: str) -> None:
    """Raise FetchError for a URL that is not http(s) or names an address that is not public."""
    parts = urlsplit(url)
    if parts.scheme not in _SCHEMES:
        raise FetchError(url, "only http and https feeds can be added")
    host = parts.hostname
    if not host:
        raise FetchError(url, "the URL has no host")
    if (why := refusal(host)) is not None:
        raise FetchError(url, f"refused: the host is {why}")


class GuardedResolver(AbstractResolver):
    """Resolves names like aiohttp's resolver and refuses any that lead to a non-public
    address (so a public-looking name cannot point inside, nor redirect there)."""

    def __init__(self) -> None:
        self._inner = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._inner.resolve(host, port, family)
        for result in found:
            if (why := refusal(result["host"])) is not None:
                raise OSError(errno.EACCES, f"refused: {host} resolves to {why}")
        return found

    async def close(self) -> None:
        await self._inner.close()


async def _on_start(_session: aiohttp.ClientSession, _context: Any, params: Any) -> None:
    check_url(str(params.url))  # a TraceConfig callback: the URL asked for


async def _on_redirect(_session: aiohttp.ClientSession, _context: Any, params: Any) -> None:
    location = params.response.headers.get("Location")  # where the redirect leads
    if location:
        check_url(urljoin(str(params.url), location))


def make_guarded_session(*, allow_private: bool = False) -> aiohttp.ClientSession:
    """A session for fetching a feed someone added from the chat (call inside a loop)."""
    if allow_private:
        return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=2))
    trace = aiohttp.TraceConfig()
    trace.on_request_start.append(_on_start)
    trace.on_request_redirect.append(_on_redirect)
    connector = aiohttp.TCPConnector(limit=2, resolver=GuardedResolver())
    return aiohttp.ClientSession(connector=connector, trace_configs=[trace])
