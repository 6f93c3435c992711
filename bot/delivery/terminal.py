"""The terminal sink: without a bot token, print each new alert as a subscriber would get it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime

from bot.render import messages as format
from storage.store import Store
from storage.stories import Stories

Clock = Callable[[], datetime]
POLL = 1.0  # seconds between looks at the database when nothing wakes the sink


class TerminalOutbox:
    """Without a bot token: print each new alert to the terminal, as a subscriber would get it."""

    def __init__(
        self, store: Store, *, clock: Clock, print_line: Callable[[str], None] = print
    ) -> None:
        self.store = store
        self.clock = clock
        self.print_line = print_line
        self.cursor: int | None = None
        self.stories = Stories(store.engine)
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
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), POLL)
        await self.flush()

    async def flush(self) -> None:
        """Print every alert stored since the last one printed."""
        if self.cursor is None:
            self.cursor = 0
        for item in await asyncio.to_thread(self.store.alerts_after, self.cursor):
            also: list[str] = []
            if item.story_id is not None:
                outlets = await asyncio.to_thread(self.stories.outlets, item.story_id)
                also = [outlet for outlet in outlets if outlet != item.outlet]
            self.print_line(format.alert_plain(item, also) + "\n")
            self.cursor = item.id
