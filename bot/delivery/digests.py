"""Digests: the stories held for digest subscribers, gathered into one alert at their hour."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from bot.delivery.hours import next_digest_at
from storage.store import Store

log = logging.getLogger(__name__)


async def make_digests(store: Store, now: datetime) -> int:
    """Make the digests of the subscribers whose digest hour has come; how many were made."""
    made_count = 0
    for chat, hours, timezone, scheduled in await asyncio.to_thread(store.due_digests, now):
        following = next_digest_at(now, hours, timezone)
        made = await asyncio.to_thread(
            store.make_digest, chat, now, following, send=scheduled is not None
        )
        if made is not None:
            log.info("digest.made chat=%d alert=%d", chat, made)
            made_count += 1
    return made_count


async def digests_forever(
    store: Store, clock: Callable[[], datetime], wake: Callable[[], None], every: float
) -> None:
    """Make the due digests every ``every`` seconds; ``wake`` the sender when one was made.
    Each digest is made once, whichever instances run this (``Store.make_digest``)."""
    while True:
        await asyncio.sleep(every)
        try:
            if await make_digests(store, clock()):
                wake()
        except Exception:
            log.exception("digest.failed")
