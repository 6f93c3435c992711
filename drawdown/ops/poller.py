"""One Telegram poller at a time: getUpdates runs on the instance holding the poller lock.

Telegram allows one long poll per bot token (a second one answers 409 Conflict). Each instance
tries the PostgreSQL advisory lock ``storage.instances.POLLER_LOCK`` every second; the one that
holds it polls, on a connection of its own. When that instance stops, it stops polling first
and then lets the lock go; when it dies, PostgreSQL ends its session and the lock with it, and
another instance polls within about three seconds. An instance that loses its lock's connection
stops polling at its next check; so that it has checked before another starts, an instance that
takes the lock on PostgreSQL starts polling only when it has held it for ``GRACE`` more tries.
Commands write to the database, so whichever instance polls answers them alike. On SQLite the
one instance always polls.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from storage.instances import SessionLock

log = logging.getLogger(__name__)

TRY_EVERY = 1.0  # seconds between two tries of the lock, and two checks of its connection
GRACE = 2  # tries a new holder waits (a holder whose session died checks within one)


class Poller:
    """Starts polling when the lock is taken and stops it when the lock is lost or on stop."""

    def __init__(
        self,
        lock: SessionLock,
        start: Callable[[], Awaitable[object]],
        stop: Callable[[], Awaitable[None]],
        *,
        every: float = TRY_EVERY,
        on_change: Callable[[bool], None] = lambda polling: None,
    ) -> None:
        self.lock = lock
        self._start = start
        self._stop = stop
        self.every = every
        self.on_change = on_change  # told when this instance starts or stops polling
        self.polling = False
        self._held_for = 0  # tries the lock has been held in a row, while not polling

    async def run(self, stop: asyncio.Event) -> None:
        """Hold the lock and poll while it is held, until ``stop``; then stop polling and let
        the lock go, in that order."""
        try:
            while not stop.is_set():
                await self._step()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), self.every)
        finally:
            await self._let_go()

    async def _step(self) -> None:
        try:
            held = await asyncio.to_thread(self.lock.held if self.polling else self.lock.acquire)
        except Exception as e:  # the database is away: try again in a second
            log.warning("telegram.poller_lock_failed error=%s", " ".join(str(e).split())[:200])
            held = False
        self._held_for = self._held_for + 1 if held and not self.polling else 0
        if held and not self.polling:
            if self.lock.shared and self._held_for <= GRACE:
                return  # the former holder may not have seen that its session died yet
            self.polling = True
            self.on_change(True)
            log.info("telegram.polling holder=this")
            await self._start()
        elif not held and self.polling:
            log.warning("telegram.polling_stopped reason=the poller lock was lost")
            await self._halt()

    async def _halt(self) -> None:
        self.polling = False
        self.on_change(False)
        try:
            await self._stop()
        except Exception:
            log.exception("telegram.polling_stop_failed")

    async def _let_go(self) -> None:
        if self.polling:
            await self._halt()
        await asyncio.to_thread(self.lock.release)
