"""Which addresses a feed added from the chat may point to: public ones, over http(s)."""

from __future__ import annotations

import pytest

from drawdown.errors import FetchError
from watchers.feeds.guard import check_url, refusal


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("10.1.2.3", "a private or reserved address"),
        ("192.168.0.10", "a private or reserved address"),
        ("172.16.5.4", "a private or reserved address"),
        ("169.254.169.254", "a link-local address"),
        ("fe80::1%eth0", "a link-local address"),
        ("0.0.0.0", "a private or reserved address"),
        ("100.64.0.1", "not a public address"),
        ("93.184.216.34", None),
        ("2606:4700::1111", None),
        ("vnexpress.net", None),  # a name: checked where it resolves
    ],
)
def test_only_public_addresses_are_allowed(address: str, why: str | None) -> None:
    assert refusal(address) == why


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:5432/",
        "http://[::1]:9847/healthz",
        "http://169.254.169.254/latest/meta-data/",
        "ftp://example.com/feed.xml",
        "file:///etc/passwd",
        "gopher://example.com/",
        "http:///no-host",
    ],
)
def test_urls_that_reach_inside_or_are_not_http_are_refused(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url)


def test_a_public_https_feed_passes() -> None:
    check_url("https://vnexpress.net/rss/the-gioi.rss")
