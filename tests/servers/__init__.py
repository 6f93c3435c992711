"""Local HTTP servers the tests talk to over loopback: a feed server and a fake Telegram Bot API.

``from tests.servers import FeedServer, FakeBotApi, FeedItem, rss, atom`` works; the servers are
loaded on first use so that ``python -m tests.servers.feeds`` can also run one standalone.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Eager: the function ``rss`` must win over the submodule of the same name.
from tests.servers.rss import FeedItem, atom, rss

if TYPE_CHECKING:
    from tests.servers.botapi import FakeBotApi
    from tests.servers.botapi_wire import ApiCall, SentMessage
    from tests.servers.feeds import FeedServer, RecordedRequest

_MODULE_OF = {
    "ApiCall": "botapi_wire",
    "FakeBotApi": "botapi",
    "SentMessage": "botapi_wire",
    "FeedServer": "feeds",
    "RecordedRequest": "feeds",
}

__all__ = [
    "ApiCall",
    "FakeBotApi",
    "FeedItem",
    "FeedServer",
    "RecordedRequest",
    "SentMessage",
    "atom",
    "rss",
]


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"tests.servers.{module}"), name)
