"""The outbox's claims on delivery rows, so that several instances share one outbox.

A sender claims the due rows it is about to send with a lease (``[delivery] lease``), renews
the lease of the rows it still holds a third of the way through, and frees them when it stops.
A row is sent by the instance that claimed it; when an instance dies, its rows become free
when their lease runs out and another instance sends them. The rows it had in flight — sent,
not yet recorded — are then sent twice: at most those (storage/deliveries.py).

An instance that stalls longer than its lease (a frozen event loop, a database away) may have
lost rows to another. So the sender sends only while its claims are surely held: each claim
and renewal tells until when (``covered_until``, a sixth of the lease kept for clocks and the
statement's own time), and past it the sender drops the rows it holds in memory and claims
again — what another instance took is not among them.

On SQLite the service runs alone (one instance per file): nobody can take its rows, so the
claims are never renewed, and the sender treats them as held after their lease has passed in
the database — one writer less for SQLite's one write lock.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable, Collection
from datetime import datetime, timedelta

from storage.store import Store
from storage.types import DueDelivery

log = logging.getLogger(__name__)


class Claims:
    """One instance's claims on the outbox's rows, under its claimant name ``worker``."""

    def __init__(
        self,
        store: Store,
        worker: str,
        *,
        lease: float,
        clock: Callable[[], datetime],
        monotonic: Callable[[], float],
        alone: bool = False,
    ) -> None:
        self.store = store
        self.alone = alone  # no other instance shares the outbox (SQLite)
        # Held while renewing; the sender holds it while it writes to the same rows, so its own
        # transactions never wait for each other (no deadlock on PostgreSQL).
        self.lock = asyncio.Lock()
        self.worker = worker
        self.lease = lease
        self.clock = clock
        self.monotonic = monotonic
        self.covered_until = -math.inf  # monotonic: the rows in memory are ours until then

    def holding(self, now: float) -> bool:
        """Whether the rows the sender holds in memory are surely still its own at ``now``."""
        return self.alone or now < self.covered_until - self.lease / 6

    async def claim(
        self, limit: int, *, per_chat: int, fresh: bool, held: Collection[int] = ()
    ) -> list[DueDelivery]:
        """Claim up to ``limit`` due rows (those this instance holds already included, and
        renewed); the rows not in ``held`` (the ids the sender has in memory) come back.
        ``fresh``: the sender holds no other row in memory, so these alone are covered."""
        started = self.monotonic()
        rows = await asyncio.to_thread(
            self.store.claim_due_deliveries,
            self.clock(),
            limit,
            worker=self.worker,
            lease=timedelta(seconds=self.lease),
            per_chat=per_chat,
            held=held,
        )
        if fresh:
            self.covered_until = started + self.lease
        return rows

    async def renew_forever(self) -> None:
        """Renew the lease on the rows held, a third of the way through it (alone: never)."""
        while not self.alone:
            await asyncio.sleep(self.lease / 3)
            try:
                async with self.lock:
                    started = self.monotonic()
                    held = await asyncio.to_thread(
                        self.store.renew_delivery_claims,
                        self.worker,
                        self.clock(),
                        timedelta(seconds=self.lease),
                    )
            except Exception:  # the next renewal tries again; a lease lasts three of them
                log.exception("delivery.renew_failed worker=%s", self.worker)
                continue
            self.renewed(started, held)

    def renewed(self, started: float, held: int) -> None:
        """A renewal that started at ``started`` holds ``held`` rows now: they are covered
        anew if it ended before any of them could run out, else the claims have lapsed."""
        if self.holding(self.monotonic()):
            self.covered_until = started + self.lease
        elif held:  # (with none held, the next claim is a fresh one)
            log.warning("delivery.claims_lapsed worker=%s rows=%d", self.worker, held)

    async def release(self) -> None:
        """Free the rows still held (the sender stops): another instance sends them now."""
        try:
            freed = await asyncio.to_thread(self.store.release_delivery_claims, self.worker)
        except Exception:  # their leases run out instead
            log.exception("delivery.release_failed worker=%s", self.worker)
            return
        if freed:
            log.info("delivery.claims_released rows=%d", freed)
