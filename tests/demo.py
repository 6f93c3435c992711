"""`make demo`: the five seed articles appear one by one in a local feed, in publication order,
and the real service (pipeline, store, outbox, terminal sink) prints the alerts subscribers
would get. Offline, in seconds. The seeds are other outlets' writing, in the shared folder
(``tests/shared.py``); without it the demo says so and stops."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from drawdown.config import load_config
from drawdown.ops import logs
from drawdown.service import Service
from tests import shared
from tests.e2e.service import write_config
from tests.servers import FeedItem, FeedServer, rss

FEED = "/the-gioi.rss"
DATE_MARKER = re.compile(r"^\s*date \d{4}-\d{2}\s*")


def seed_items() -> list[FeedItem]:
    """The seeds as feed items, oldest first (title line, body as description)."""
    items = []
    folder = shared.shared_root() / "seeds"
    for line in (shared.SEED_LABELS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        text = (folder / entry["path"]).read_text(encoding="utf-8")
        title, _, body = text.strip().partition("\n")
        title = DATE_MARKER.sub("", title)  # one seed starts with its date, not a title
        stem = Path(entry["path"]).stem
        items.append(
            FeedItem(
                guid=f"seed-{stem}",
                link=entry["url"] or f"https://drawdown-watch.example/seeds/{stem}",
                title=title.strip(),
                description=body.strip(),
                published=datetime.fromisoformat(entry["published"]).replace(hour=8, tzinfo=UTC),
            )
        )
    return items


async def replay(server: FeedServer, directory: Path) -> None:
    config = load_config(
        write_config(
            directory, feeds=[("Demo feed (the five seeds)", server.url(FEED))], interval=0.5
        )
    )
    stop = asyncio.Event()
    service = asyncio.create_task(Service(config, token=None).run(stop))
    await server.await_requests(1, FEED, timeout=30)  # the first fetch: an empty backlog
    published: list[FeedItem] = []
    for item in seed_items():
        published.insert(0, item)
        print(
            f"\n—— {item.published:%Y-%m-%d}: the feed now carries “{item.title[:70]}”", flush=True
        )
        server.set_feed(FEED, rss(published))
        seen = server.request_count(FEED)
        await server.await_requests(seen + 2, FEED, timeout=30)  # fetched, then one more tick
        await asyncio.sleep(0.3)  # let the terminal sink print
    stop.set()
    await service


def main() -> None:
    if reason := shared.missing("seeds"):
        print(f"The demo replays the five seed articles: {reason}.")
        sys.exit(1)
    logs.setup(level=logging.WARNING)
    print("Drawdown Watch demo: the five seed articles arrive one by one in a local feed.")
    print("What follows each one is what a subscriber would be sent.")
    with tempfile.TemporaryDirectory() as tmp, FeedServer() as server:
        server.set_feed(FEED, rss([]))
        asyncio.run(replay(server, Path(tmp)))
    print("\nDone: the real pipeline (fetch, parse, match, decide, store, outbox) ran offline.")
    sys.exit(0)


if __name__ == "__main__":
    main()
