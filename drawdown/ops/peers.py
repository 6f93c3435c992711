"""This instance among the others on one database: a heartbeat, and a share of the bot's rate.

Every instance writes its heartbeat (``storage.instances``) once a second under its claimant
name ("host:pid:life", as its feed and delivery claims). An instance silent for five seconds
is gone: the live ones divide ``[delivery] rate`` among themselves, so their sum stays under
Telegram's limit. A new instance starts sending only once the others have had two beats to see
it (they slow down first); one that stops deletes its row, and the others speed up at their
next beat. On SQLite there is one instance, with the whole rate, and it runs ``alone``: it
writes its row when it joins and deletes it when it leaves, with no beat in between (no write
a second waiting for SQLite's one write lock).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from storage.instances import Instances
from watchers.feeds.tick import process_alive, stale_claimants

log = logging.getLogger(__name__)

BEAT_EVERY = 1.0  # seconds between two heartbeats
GONE_AFTER = 5.0  # an instance silent this long is gone


class Peers:
    """Writes this instance's heartbeat and tells ``on_count`` how many instances are live."""

    def __init__(
        self,
        instances: Instances,
        name: str,
        *,
        clock: Callable[[], datetime],
        on_count: Callable[[int], None],
        every: float = BEAT_EVERY,
        gone_after: float = GONE_AFTER,
        alone: bool = False,
    ) -> None:
        self.instances = instances
        self.name = name
        self.clock = clock
        self.on_count = on_count
        self.every = every
        self.gone_after = gone_after
        self.alone = alone  # the only instance there can be (SQLite): no heartbeat to share
        self.live: list[str] = []

    async def join(self, stop: asyncio.Event) -> None:
        """Forget the rows earlier lives on this host left, write the first heartbeat, and, if
        others are live, wait until they have seen this one (or until ``stop``)."""
        names = await asyncio.to_thread(self.instances.names)
        stale = stale_claimants(names, self.name, process_alive)
        if stale:
            await asyncio.to_thread(self.instances.leave, stale)
        await self.beat()
        log.info("instance.joined name=%s live=%d", self.name, len(self.live))
        if len(self.live) > 1:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 2 * self.every)

    async def beat(self) -> None:
        """One heartbeat; the live instances' count goes to ``on_count``. A failed write keeps
        the count as it was (logged): the others see this one go after ``gone_after``."""
        try:
            live = await asyncio.to_thread(
                self.instances.beat,
                self.name,
                self.clock(),
                gone_after=timedelta(seconds=self.gone_after),
            )
        except Exception as e:
            log.warning("instance.beat_failed error=%s", " ".join(str(e).split())[:200])
            return
        if len(live) != len(self.live):
            log.info("instance.peers live=%d", len(live))
        self.live = live
        self.on_count(len(live))

    async def run(self) -> None:
        """Beat every ``every`` seconds until cancelled (alone: not at all)."""
        while not self.alone:
            await asyncio.sleep(self.every)
            await self.beat()

    async def leave(self) -> None:
        """Delete this instance's row (it stops): the others take its share at their next beat."""
        try:
            await asyncio.to_thread(self.instances.leave, [self.name])
        except Exception as e:  # the row goes silent, and counts as gone after gone_after
            log.warning("instance.leave_failed error=%s", " ".join(str(e).split())[:200])
