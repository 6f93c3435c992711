"""One alert to one chat: render it, send it (split at Telegram's length limit) or edit it.

A story alert, sent or edited, lists the story's other outlets as they stand at send time
(read at most once a second per story, whatever the number of recipients). The pacing and
the refusals are the outbox's (bot/delivery/outbox.py): this module only talks to the Bot.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.delivery.pacing import ChatClock
from bot.render import keyboards
from bot.render import messages as format
from storage.stories import Stories
from storage.types import DueDelivery, StoredAlert

OUTLETS_FRESH = 1.0  # seconds a story's outlets are reused for its other recipients
OUTLETS_KEPT = 1000  # stories whose outlets are cached at once


class NotYet(Exception):
    """An edit whose story alert is not confirmed yet: try again in a second."""


class AlertSender:
    """Renders and sends one delivery through the Bot; returns the first message's id."""

    def __init__(
        self,
        bot: Bot,
        stories: Stories,
        chats: ChatClock,
        *,
        monotonic: Callable[[], float],
    ) -> None:
        self.bot = bot
        self.stories = stories
        self.chats = chats
        self.monotonic = monotonic
        self._outlets: dict[int, tuple[float, list[str]]] = {}  # story -> (read at, outlets)

    async def _also(self, alert: StoredAlert) -> list[str]:
        """The story's other outlets, first reporter first (read at most once a second)."""
        if alert.story_id is None or alert.kind not in ("story", "edit"):
            return []
        now = self.monotonic()
        cached = self._outlets.get(alert.story_id)
        if cached is None or now - cached[0] > OUTLETS_FRESH:
            outlets = await asyncio.to_thread(self.stories.outlets, alert.story_id)
            if len(self._outlets) > OUTLETS_KEPT:
                self._outlets.clear()
            self._outlets[alert.story_id] = cached = (now, outlets)
        return [outlet for outlet in cached[1] if outlet != alert.outlet]

    async def _edit(self, delivery: DueDelivery, text: str) -> int:
        """Rewrite a sent story alert; "message is not modified" is a success. An edit made
        while the story alert was unconfirmed (message 0) waits for its message id."""
        message_id = delivery.edit_message_id
        if not message_id and delivery.alert.story_id is not None:
            found = await asyncio.to_thread(
                self.stories.story_message, delivery.alert.story_id, delivery.chat_id
            )
            message_id = found[1] if found and found[0] == "sent" else None
            if message_id is None:
                if found is None or found[0] != "pending":
                    raise BadRequest("the story alert was never sent")
                raise NotYet()
        assert message_id
        try:
            story = dataclasses.replace(delivery.alert, kind="story")
            await self.bot.edit_message_text(
                format.split_message(text)[0],
                chat_id=delivery.chat_id,
                message_id=message_id,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                reply_markup=keyboards.alert_buttons(story, delivery.language),  # kept on edit
            )
        except BadRequest as e:
            if "message is not modified" not in e.message.lower():
                raise
        return message_id

    async def send_text(self, delivery: DueDelivery, *, paid: bool = False) -> int:
        """Send the rendered alert (split at Telegram's length limit); the first message's id.
        ``paid``: as a paid broadcast, beyond 30 messages a second (``allow_paid_broadcast``)."""
        also = await self._also(delivery.alert)
        text = format.render(delivery.alert, delivery.language, also)
        if delivery.edit_message_id is not None:
            return await self._edit(delivery, text)
        chunks = format.split_message(text)
        first: int | None = None
        buttons = keyboards.alert_buttons(delivery.alert, delivery.language)
        for index, chunk in enumerate(chunks):
            if index:
                await asyncio.sleep(self.chats.ready_at(delivery.chat_id) - self.monotonic())
                self.chats.sent(delivery.chat_id, delivery.chat_type, self.monotonic())
            message = await self.bot.send_message(
                delivery.chat_id,
                chunk,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                message_thread_id=delivery.thread_id,
                allow_paid_broadcast=paid or None,
                reply_markup=buttons if index == len(chunks) - 1 else None,
            )
            first = message.message_id if first is None else first
        assert first is not None
        return first
