"""The delivery outbox: send stored deliveries at Telegram's limits, most important first.

Every alert is written with one outbox row per recipient before anything is sent, and a row
is marked sent only after Telegram confirms, so a crash loses nothing and repeats at most the
messages in flight (and confirmations not yet written, which are written every 0.1 s).

The sender keeps a window of due rows in memory (two seconds' worth, at most three per chat,
refreshed twice a second or as soon as an alert is stored) and sends them in order of priority
lane — figure changes, then new stories, then edits and digests — within the overall rate, the
per-chat pace (1/s private, 20/min groups) and per-chat flood waits. Refusals by kind:

- Forbidden (blocked, kicked, deactivated) and "chat not found": the subscriber is deactivated.
- ChatMigrated: the subscription moves to the new chat id, and its rows with it.
- RetryAfter: that chat waits ``retry_after``; not counted as a failed attempt.
- Network errors and 5xx: a circuit opens (bot/delivery/circuit.py) — sending pauses with
  backoff (1 s doubling to 30 s), then probes one message at a time. Only the failure that
  opens the circuit counts as an attempt; a message failing that often while others get
  through is marked failed.
- Any other BadRequest: marked failed with Telegram's description (a refused link is first
  sent again without links: bot/delivery/sender.py).
- An answer that cannot be read after Telegram accepted the request: delivered, unconfirmed
  (logged, never sent again). Any other error is a counted attempt, tried again with backoff,
  failed at ``max_attempts``. Reasons are stored without the token (bot/delivery/failures.py).

Edits (kind "edit", routine lane) are paced like any message of their chat (bot/delivery/
sender.py). With several instances on one database, each sends the rows it claimed
(bot/delivery/claims.py) at its share of ``rate`` (``share_with``).
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import time
from collections.abc import Callable, Collection
from datetime import datetime, timedelta

from telegram import Bot
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.delivery.circuit import Circuit
from bot.delivery.claims import Claims
from bot.delivery.digests import digests_forever
from bot.delivery.failures import Unconfirmed, reason, redact, retry_in
from bot.delivery.hours import quiet_until
from bot.delivery.pacing import GROUP_GAP, ChatClock, TokenBucket, concurrency_for
from bot.delivery.rules import SEND, SendRules
from bot.delivery.sender import AlertSender, NotYet
from drawdown.config import DeliveryConfig
from drawdown.ops.metrics import Metrics
from storage.db import later_if_locked
from storage.store import Store
from storage.stories import Stories
from storage.types import DueDelivery

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
REFILL_EVERY = 0.5  # while the window is low
REFILL_AT_LEAST = 2.0  # to pick up retries that became due
FLUSH_EVERY = 0.1
IDLE_POLL = 1.0
PER_CHAT_WINDOW = 3
WINDOW_SECONDS = 2.0
DIGEST_EVERY = 30.0
# Paced a little under the configured rate: messages leave evenly but reach Telegram with the
# network's jitter, and Telegram counts them as they arrive.
HEADROOM = 0.99

_Entry = tuple[int, int, DueDelivery]  # (priority, delivery id, delivery)


class Outbox:
    """Sends due deliveries through the real Bot at Telegram's limits."""

    def __init__(
        self,
        store: Store,
        bot: Bot,
        settings: DeliveryConfig,
        *,
        clock: Clock,
        monotonic: Callable[[], float] = time.monotonic,
        metrics: Metrics | None = None,
        circuit: Circuit | None = None,
        worker: str = "outbox",
        admins: Collection[int] = (),
    ) -> None:
        self.store, self.bot, self.settings = store, bot, settings
        self.metrics = metrics if metrics is not None else Metrics()
        self.clock, self.monotonic = clock, monotonic
        self.rate, self.instances = settings.rate, 1  # the rate shared (drawdown/ops/peers.py)
        self.bucket = TokenBucket(rate=self.share, burst=max(1.0, settings.rate / 100))
        self.claims = Claims(store, worker, lease=settings.lease, clock=clock, monotonic=monotonic)
        self.claims.alone = not store.shared  # SQLite: one instance per file, sending alone
        self._db_lock = self.claims.lock  # writes, refills and renewals take turns
        self.chats = ChatClock()
        self._queues: dict[int, list[_Entry]] = {}
        self._ready: list[tuple[int, int, int]] = []  # (priority, id, chat) of a chat's head
        self._waiting: list[tuple[float, int]] = []  # (ready at, chat)
        self._known: set[int] = set()  # delivery ids queued or in flight
        self._busy: set[int] = set()  # chats with a send in flight
        self._tasks: set[asyncio.Task[None]] = set()
        self._confirmed: list[tuple[int, int]] = []
        self.concurrency = concurrency_for(settings.rate)
        self._slots = asyncio.Semaphore(self.concurrency)
        self._wake, self._stopping = asyncio.Event(), asyncio.Event()
        self._refill_at = 0.0  # the next refill, at the latest
        self._refilled = 0.0
        self.circuit = circuit if circuit is not None else Circuit(longest=settings.outage_backoff)
        self.sent_count = 0
        self.stories = Stories(store.engine)
        self.sender = AlertSender(bot, self.stories, self.chats, monotonic=monotonic, admins=admins)
        self.rules = SendRules(store.engine)

    @property
    def share(self) -> float:
        """This instance's messages per second: its part of ``rate``, a little under it."""
        return self.rate * HEADROOM / self.instances

    @property
    def window(self) -> int:
        """Rows held in memory: what this instance sends in WINDOW_SECONDS (at most ``batch``),
        so that instances sharing the outbox each hold what they can send soon."""
        return max(PER_CHAT_WINDOW, min(self.settings.batch, int(self.share * WINDOW_SECONDS)))

    def share_with(self, instances: int) -> None:
        """``instances`` live instances (this one included) share the bot's rate from now on."""
        if instances != self.instances:
            log.info("delivery.shared instances=%d rate=%g", instances, self.rate)
        self.instances = max(1, instances)
        self.bucket.rate = self.share

    def wake(self) -> None:
        """New deliveries were stored: look at the database now."""
        self._refill_at = 0.0
        self._wake.set()

    def stop(self) -> None:
        """Start no new send; the ones in flight finish and are recorded."""
        self._stopping.set()
        self._wake.set()

    async def run(self) -> None:
        flushing = asyncio.create_task(self._flush_forever(), name="outbox-flush")
        helpers = [
            asyncio.create_task(
                digests_forever(self.store, self.clock, self.wake, DIGEST_EVERY),
                name="outbox-digests",
            ),
            asyncio.create_task(self.claims.renew_forever(), name="outbox-claims"),
        ]
        try:
            while not self._stopping.is_set():
                await self._step()
            if self._tasks:
                await asyncio.wait(set(self._tasks))
        finally:
            for helper in helpers:
                helper.cancel()
            self._stopping.set()  # the flushing ends after its write: a write is never cut off
            await asyncio.gather(flushing, *helpers, return_exceptions=True)
            await self._flush()
            await self.claims.release()

    async def _step(self) -> None:
        now = self.monotonic()
        low = len(self._known) < self.window // 2
        if now >= self._refill_at or (low and now >= self._refilled + REFILL_EVERY):
            await self._refill()
            self._refilled = now = self.monotonic()
            self._refill_at = now + REFILL_AT_LEAST
            self.chats.forget_before(now)  # chats free again: keep only the recently paced ones
        paused_until = self.circuit.paused_until
        if now < paused_until or (self.circuit.is_open and self._tasks):
            await self._nap(max(0.01, min(paused_until - now, REFILL_EVERY)))
            return
        if self._queues and not self.claims.holding(now):  # stalled past the lease: claim again
            log.warning("delivery.window_dropped rows=%d", sum(map(len, self._queues.values())))
            for stale in list(self._queues):
                self._forget_chat(stale)
            self._refill_at = 0.0
            return
        chat = self._next_chat(now)
        if chat is None:
            wait = self._waiting[0][0] - now if self._waiting else IDLE_POLL
            await self._nap(max(0.001, min(wait, self._refill_at - now, IDLE_POLL)))
            return
        _, _, delivery = heapq.heappop(self._queues[chat])
        self._busy.add(chat)
        await self._slots.acquire()
        if (delay := self.bucket.reserve(self.monotonic())) > 0:
            await asyncio.sleep(delay)
        self.chats.sent(chat, delivery.chat_type, self.monotonic())
        task = asyncio.create_task(self._send_one(delivery))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _nap(self, seconds: float) -> None:
        self._wake.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), seconds)

    # --- the window of due rows ----------------------------------------------------------------

    async def _refill(self) -> None:  # a locked SQLite database: at the next refill
        async with self._db_lock:
            with later_if_locked(log, "delivery.refill_delayed"):
                await self._refill_locked()

    async def _refill_locked(self) -> None:
        now = self.clock()
        limit = self.window + len(self._known)
        rows = await self.claims.claim(
            limit, per_chat=PER_CHAT_WINDOW, fresh=not self._queues, held=frozenset(self._known)
        )
        later: list[tuple[int, datetime]] = []
        verdicts = await self.rules.verdicts(rows)  # the subscribers' settings (rules.py)
        skipped: list[tuple[int, str]] = []
        for delivery in rows:
            verdict = verdicts.get(delivery.id, SEND)
            if verdict.action == "skip":
                skipped.append((delivery.id, verdict.reason))
                continue
            if verdict.action == "hold":
                await asyncio.to_thread(self.store.hold, delivery.id)
                continue
            if (until := quiet_until(now, delivery.quiet_hours, delivery.timezone)) is not None:
                later.append((delivery.id, until))
                continue
            self._add(delivery)
        for delivery_id, until in later:
            await asyncio.to_thread(
                self.store.mark_retry, delivery_id, "quiet hours", until, count=False
            )
        await self.rules.skip(skipped)

    def _add(self, delivery: DueDelivery) -> None:
        self._known.add(delivery.id)
        queue = self._queues.setdefault(delivery.chat_id, [])
        heapq.heappush(queue, (delivery.priority, delivery.id, delivery))
        self._schedule(delivery.chat_id)

    def _schedule(self, chat: int) -> None:
        """Put a chat with something to send on the ready or the waiting heap."""
        queue = self._queues.get(chat)
        if not queue or chat in self._busy:
            return
        ready_at = self.chats.ready_at(chat)
        if ready_at <= self.monotonic():
            priority, delivery_id, _ = queue[0]
            heapq.heappush(self._ready, (priority, delivery_id, chat))
        else:
            heapq.heappush(self._waiting, (ready_at, chat))

    def _next_chat(self, now: float) -> int | None:
        """The ready chat whose next message is the most important; stale entries are skipped."""
        while self._waiting and self._waiting[0][0] <= now:
            _, chat = heapq.heappop(self._waiting)
            self._schedule(chat)
        while self._ready:
            priority, delivery_id, chat = heapq.heappop(self._ready)
            queue = self._queues.get(chat)
            if not queue or chat in self._busy or queue[0][:2] != (priority, delivery_id):
                continue  # stale: sent, busy, or a more important message arrived since
            if self.chats.ready_at(chat) > now:
                heapq.heappush(self._waiting, (self.chats.ready_at(chat), chat))
                continue
            return chat
        return None

    def _forget_chat(self, chat: int) -> None:
        for _, delivery_id, _ in self._queues.pop(chat, []):
            self._known.discard(delivery_id)

    async def _record(self, write: Callable[..., object], *args: object, **kwargs: object) -> None:
        """Write what happened to a send. Writes and refills take turns, so a refill never
        reads a row's old state and then sees it forgotten (which would send it twice)."""
        async with self._db_lock:
            await asyncio.to_thread(write, *args, **kwargs)

    # --- one send ------------------------------------------------------------------------------

    async def _send_one(self, delivery: DueDelivery) -> None:
        chat = delivery.chat_id
        confirmed = False
        try:
            confirmed = await self._deliver(delivery)
        except Exception:  # recording failed: the row stays pending and is read again later
            log.exception("delivery.unrecorded alert=%d chat=%d", delivery.alert.id, chat)
        finally:
            self._busy.discard(chat)
            if not confirmed:  # a confirmed row stays known until its "sent" is written
                self._known.discard(delivery.id)
            self._slots.release()
            if not self._queues.get(chat):
                self._queues.pop(chat, None)
            self._schedule(chat)
            self._wake.set()

    async def _deliver(self, delivery: DueDelivery) -> bool:
        """Send one delivery and record what happened; True if Telegram confirmed it."""
        chat = delivery.chat_id
        try:
            paid = self.settings.allow_paid_broadcast  # read at each send: reloads change it
            message_id = await self.sender.send_text(delivery, paid=paid)
        except NotYet:
            at = self.clock() + timedelta(seconds=1)
            await self._record(
                self.store.mark_retry, delivery.id, "story alert unconfirmed", at, count=False
            )
        except Unconfirmed as e:
            error = self._redact(f"delivered, unconfirmed: {e}")
            await self._record(self.store.mark_unconfirmed, delivery.id, error, self.clock())
            log.warning(
                "delivery.unconfirmed alert=%d chat=%d error=%s", delivery.alert.id, chat, error
            )  # written as sent already: forgetting it now cannot send it twice
        except Forbidden as e:
            await self._deactivate(chat, self._redact(f"forbidden: {e.message}"))
        except ChatMigrated as e:
            self._forget_chat(chat)
            await self._record(self.store.migrate_chat, chat, e.new_chat_id)
            log.info("subscriber.migrated chat=%d new_chat=%d", chat, e.new_chat_id)
            self.wake()
        except RetryAfter as e:
            wait = e.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            self.chats.flood(chat, self.monotonic(), seconds)
            self.metrics.flood_wait()
            at = self.clock() + timedelta(seconds=seconds)
            await self._record(
                self.store.mark_retry, delivery.id, f"flood wait {seconds:g} s", at, count=False
            )
            log.warning("delivery.flood_wait chat=%d retry_after_s=%g", chat, seconds)
        except BadRequest as e:
            if "chat not found" in e.message.lower():
                await self._deactivate(chat, "chat not found")
            else:
                await self._fail(delivery, f"bad request: {e.message}")
        except NetworkError as e:
            await self._transient(delivery, reason(e))
        except Exception as e:  # anything else is this message's problem: counted, bounded
            log.debug("delivery.error alert=%d", delivery.alert.id, exc_info=True)
            await self._counted(delivery, reason(e))
        else:
            self.circuit.close()
            self._confirmed.append((delivery.id, message_id))
            self.sent_count += 1
            seen = delivery.seen_at
            fresh = seen is not None and delivery.alert.kind != "edit"  # an edit is not news
            latency = (self.clock() - seen).total_seconds() if fresh and seen else None
            self.metrics.message_sent(delivery.alert.kind, latency)
            log.debug("delivery.sent alert=%d chat=%d", delivery.alert.id, chat)
            return True
        return False

    async def _deactivate(self, chat_id: int, reason: str) -> None:
        self._forget_chat(chat_id)
        await self._record(self.store.deactivate, chat_id, reason)
        log.warning("subscriber.deactivated chat=%d reason=%s", chat_id, reason)

    def _redact(self, text: str) -> str:
        return redact(text, [self.bot.token])

    async def _counted(self, delivery: DueDelivery, error: str) -> None:
        """A failed attempt of this message alone: again after a backoff, failed at the last."""
        attempts = delivery.attempts + 1
        if attempts >= self.settings.max_attempts:
            await self._fail(delivery, f"{error} (after {attempts} attempts)")
            return
        error = self._redact(error)
        at = self.clock() + timedelta(seconds=retry_in(attempts))
        await self._record(self.store.mark_retry, delivery.id, error, at, count=True)
        log.warning(
            "delivery.retry alert=%d chat=%d attempts=%d error=%s",
            delivery.alert.id, delivery.chat_id, attempts, error,
        )  # fmt: skip

    async def _transient(self, delivery: DueDelivery, error: str) -> None:
        """Telegram is unreachable or failing: open (or keep open) the circuit."""
        error = self._redact(error)
        opening = self.circuit.trip(self.monotonic())
        attempts = delivery.attempts + (1 if opening else 0)
        if opening and attempts >= self.settings.max_attempts:
            await self._fail(delivery, f"{error} (after {attempts} attempts)")
            return
        at = self.clock() + timedelta(seconds=self.circuit.pause)
        await self._record(self.store.mark_retry, delivery.id, error, at, count=opening)
        log.warning(
            "delivery.retry alert=%d chat=%d pause_s=%g error=%s",
            delivery.alert.id, delivery.chat_id, self.circuit.pause, error,
        )  # fmt: skip

    async def _fail(self, delivery: DueDelivery, error: str) -> None:
        error = self._redact(error)
        await self._record(self.store.mark_failed, delivery.id, error)
        log.error(
            "delivery.failed alert=%d chat=%d error=%s", delivery.alert.id, delivery.chat_id, error
        )

    async def _flush_forever(self) -> None:  # Telegram's confirmations, written in batches
        while not self._stopping.is_set():
            await asyncio.sleep(FLUSH_EVERY)
            await self._flush()

    async def _flush(self) -> None:
        if not self._confirmed:
            return
        async with self._db_lock:
            batch, self._confirmed = self._confirmed, []
            try:
                pace = timedelta(seconds=GROUP_GAP)  # the chat stays ours while it is paced
                await asyncio.to_thread(self.store.mark_sent, batch, self.clock(), pace=pace)
            except Exception:
                log.exception("delivery.record_failed count=%d", len(batch))
                self._confirmed[:0] = batch
            else:
                self._known.difference_update(delivery_id for delivery_id, _ in batch)
