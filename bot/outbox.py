"""The delivery outbox: send stored deliveries, mark each sent only after Telegram confirms.

Every alert is written with one outbox row per recipient before anything is sent, so a crash
at any point loses nothing; after a restart at most the messages that were in flight at the
crash are sent twice. Telegram's refusals are handled by kind:

- Forbidden (blocked, kicked, deactivated) and "chat not found": the subscriber is deactivated.
- ChatMigrated: the subscription moves to the new chat id and the message is retried there.
- RetryAfter (429): after PTB's AIORateLimiter has retried, the row waits ``retry_after``.
- Network errors and 5xx: retried with exponential backoff, up to ``max_attempts``; then the
  row is marked failed with the reason (nothing is dropped silently).
- Any other BadRequest: marked failed with Telegram's description.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot import format
from drawdown.config import DeliveryConfig
from storage.store import Store
from storage.types import DueDelivery

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
IDLE_POLL = 1.0
MAX_BACKOFF = 600.0


async def _nap(wake: asyncio.Event, seconds: float) -> None:
    """Sleep until woken or ``seconds`` have passed (the caller clears ``wake`` before looking)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(wake.wait(), seconds)


def retry_delay(attempts: int) -> float:
    """Seconds before the next try after ``attempts`` failed ones: 2, 4, 8 … up to 10 min."""
    return float(min(MAX_BACKOFF, 2.0 ** max(1, attempts)))


class Outbox:
    """Sends due deliveries through the real Bot, most important first."""

    def __init__(self, store: Store, bot: Bot, settings: DeliveryConfig, *, clock: Clock) -> None:
        self.store = store
        self.bot = bot
        self.settings = settings
        self.clock = clock
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._slots = asyncio.Semaphore(max(1, min(50, int(settings.rate))))

    def wake(self) -> None:
        """Tell the sender that new deliveries were stored (thread-safe through the loop)."""
        self._wake.set()

    def stop(self) -> None:
        """Start no new send; the ones in flight finish."""
        self._stopping.set()
        self._wake.set()

    async def run(self) -> None:
        """Send until stopped; sends in flight when ``stop()`` is called are finished."""
        while not self._stopping.is_set():
            self._wake.clear()
            due = await asyncio.to_thread(
                self.store.due_deliveries, self.clock(), self.settings.batch
            )
            if not due:
                await _nap(self._wake, IDLE_POLL)
                continue
            await self.send_batch(due)

    async def send_batch(self, due: list[DueDelivery]) -> None:
        """Send to many chats at once, but to each chat in order: a figure alert arrives
        before the stories queued with it."""
        by_chat: dict[int, list[DueDelivery]] = {}
        for delivery in due:
            by_chat.setdefault(delivery.chat_id, []).append(delivery)
        tasks = []
        for deliveries in by_chat.values():
            if self._stopping.is_set():
                break
            await self._slots.acquire()
            tasks.append(asyncio.create_task(self._send_and_release(deliveries)))
        if tasks:
            await asyncio.gather(*tasks)

    async def _send_and_release(self, deliveries: list[DueDelivery]) -> None:
        try:
            for delivery in deliveries:
                if self._stopping.is_set():
                    break
                await self.send(delivery)
        finally:
            self._slots.release()

    async def send(self, delivery: DueDelivery) -> None:
        """Send one delivery and record what happened to it."""
        chat = delivery.chat_id
        text = format.alert(delivery.alert, delivery.language)
        try:
            message = await self.bot.send_message(
                chat,
                text,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except Forbidden as e:
            await self._deactivate(chat, f"forbidden: {e.message}")
        except ChatMigrated as e:
            await asyncio.to_thread(self.store.migrate_chat, chat, e.new_chat_id)
            log.info("subscriber.migrated chat=%d new_chat=%d", chat, e.new_chat_id)
        except RetryAfter as e:
            wait = e.retry_after
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            await self._retry(delivery, f"flood wait {seconds:g} s", seconds)
        except BadRequest as e:
            if "chat not found" in e.message.lower():
                await self._deactivate(chat, "chat not found")
            else:
                await self._fail(delivery, f"bad request: {e.message}")
        except NetworkError as e:
            await self._retry(delivery, f"{type(e).__name__}: {e.message}", None)
        else:
            await asyncio.to_thread(
                self.store.mark_sent, delivery.id, message.message_id, self.clock()
            )
            log.info(
                "delivery.sent alert=%d chat=%d message=%d",
                delivery.alert.id, chat, message.message_id,
            )  # fmt: skip

    async def _deactivate(self, chat_id: int, reason: str) -> None:
        await asyncio.to_thread(self.store.deactivate, chat_id, reason)
        log.warning("subscriber.deactivated chat=%d reason=%s", chat_id, reason)

    async def _retry(self, delivery: DueDelivery, error: str, seconds: float | None) -> None:
        attempts = delivery.attempts + 1
        if attempts >= self.settings.max_attempts:
            await self._fail(delivery, f"{error} (after {attempts} attempts)")
            return
        delay = seconds if seconds is not None else retry_delay(attempts)
        at = self.clock() + timedelta(seconds=delay)
        await asyncio.to_thread(self.store.mark_retry, delivery.id, error, at)
        log.warning(
            "delivery.retry alert=%d chat=%d attempt=%d in_s=%.0f error=%s",
            delivery.alert.id, delivery.chat_id, attempts, delay, error,
        )  # fmt: skip

    async def _fail(self, delivery: DueDelivery, error: str) -> None:
        await asyncio.to_thread(self.store.mark_failed, delivery.id, error)
        log.error(
            "delivery.failed alert=%d chat=%d error=%s", delivery.alert.id, delivery.chat_id, error
        )


class TerminalOutbox:
    """Without a bot token: print each new alert to the terminal, as a subscriber would get it."""

    def __init__(
        self, store: Store, *, clock: Clock, print_line: Callable[[str], None] = print
    ) -> None:
        self.store = store
        self.clock = clock
        self.print_line = print_line
        self.cursor: int | None = None
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopping.set()
        self._wake.set()

    async def run(self) -> None:
        if self.cursor is None:
            self.cursor = await asyncio.to_thread(self.store.last_alert_id)
        while not self._stopping.is_set():
            self._wake.clear()
            await self.flush()
            await _nap(self._wake, IDLE_POLL)
        await self.flush()

    async def flush(self) -> None:
        """Print every alert stored since the last one printed."""
        if self.cursor is None:
            self.cursor = 0
        for item in await asyncio.to_thread(self.store.alerts_after, self.cursor):
            self.print_line(format.alert_plain(item) + "\n")
            self.cursor = item.id
