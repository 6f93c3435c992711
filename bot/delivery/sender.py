"""One alert to one chat: render it, send it (split at Telegram's length limit) or edit it.

Edits (kind "edit", routine lane) rewrite a story alert already sent — ``edit_message_id`` —
with the outlets that have carried the story since ("Also reported by: ..."); storage
schedules at most one a minute per message (``storage.stories.Stories.enqueue_edits``), and
"message is not modified" is a success.

A story alert, sent or edited, lists the story's other outlets as they stand at send time
(read at most once a second per story, whatever the number of recipients). The pacing and
the refusals are the outbox's (bot/delivery/outbox.py): this module only talks to the Bot.

Two answers are settled here. Telegram refusing a link (400 "wrong HTTP URL", a URL button it
does not take) is answered by sending the alert once more without links, the address shown as
text. An answer that cannot be read after Telegram accepted the request (HTTP 200 with a body
that is not a message) raises :class:`~bot.delivery.failures.Unconfirmed`: the message was most
likely delivered and is not sent again.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import Awaitable, Callable, Collection
from typing import TypeVar

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.delivery.failures import Unconfirmed, reason
from bot.delivery.pacing import ChatClock
from bot.render import keyboards
from bot.render import messages as format
from storage.stories import Stories
from storage.types import DueDelivery, StoredAlert

OUTLETS_FRESH = 1.0  # seconds a story's outlets are reused for its other recipients
OUTLETS_KEPT = 1000  # stories whose outlets are cached at once
# Telegram's refusals of a link in the text or of a URL button.
_LINK_REFUSED = ("wrong http url", "button_url_invalid", "unsupported url protocol", "url host")
_ANCHOR = re.compile(r'<a href="([^"]*)">(.*?)</a>', re.DOTALL)
_T = TypeVar("_T")


def link_refused(error: BadRequest) -> bool:
    """Whether Telegram refused the message for one of its links."""
    return any(words in error.message.lower() for words in _LINK_REFUSED)


def without_links(text: str) -> str:
    """The text with each link replaced by its words and, when they differ, its address."""

    def plain(match: re.Match[str]) -> str:
        address, words = match.group(1), match.group(2)
        return words if address in words else f"{words} ({address})"

    return _ANCHOR.sub(plain, text)


async def confirmed(call: Awaitable[_T]) -> _T:
    """Await a Bot call; an answer that cannot be read raises Unconfirmed.

    PTB raises a plain TelegramError ("Invalid server response") only for a 200 answer that is
    not JSON, and anything that is not a TelegramError only while reading a 200 answer's result
    (every refusal becomes one of TelegramError's subclasses)."""
    try:
        return await call
    except TelegramError as error:
        if type(error) is TelegramError:
            raise Unconfirmed(reason(error)) from error
        raise
    except Exception as error:
        raise Unconfirmed(reason(error)) from error


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
        admins: Collection[int] = (),
    ) -> None:
        self.bot = bot
        self.stories = stories
        self.admins = frozenset(admins)  # their updates carry "its own story" (/split)
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
        if not message_id:  # sent, but its answer could not be read: nothing to edit
            raise BadRequest("the story alert's message id is unknown")
        story = dataclasses.replace(delivery.alert, kind="story")
        buttons = keyboards.alert_buttons(story, delivery.language)  # kept on edit
        try:
            try:
                await self._edit_once(delivery, message_id, text, buttons)
            except BadRequest as e:
                if not link_refused(e):
                    raise
                plain = keyboards.without_url_buttons(buttons)
                await self._edit_once(delivery, message_id, without_links(text), plain)
        except BadRequest as e:
            if "message is not modified" not in e.message.lower():
                raise
        return message_id

    async def _edit_once(
        self,
        delivery: DueDelivery,
        message_id: int,
        text: str,
        buttons: InlineKeyboardMarkup | None,
    ) -> None:
        await confirmed(
            self.bot.edit_message_text(
                format.split_message(text)[0],
                chat_id=delivery.chat_id,
                message_id=message_id,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                reply_markup=buttons,
            )
        )

    async def send_text(self, delivery: DueDelivery, *, paid: bool = False) -> int:
        """Send the rendered alert (split at Telegram's length limit); the first message's id.
        ``paid``: as a paid broadcast, beyond 30 messages a second (``allow_paid_broadcast``)."""
        also = await self._also(delivery.alert)
        text = format.render(delivery.alert, delivery.language, also, delivery.timezone)
        if delivery.edit_message_id is not None:
            return await self._edit(delivery, text)
        admin = delivery.chat_id in self.admins
        buttons = keyboards.alert_buttons(delivery.alert, delivery.language, admin=admin)
        chunks = format.split_message(text)
        first: int | None = None
        for index, chunk in enumerate(chunks):
            if index:
                await asyncio.sleep(self.chats.ready_at(delivery.chat_id) - self.monotonic())
                self.chats.sent(delivery.chat_id, delivery.chat_type, self.monotonic())
            markup = buttons if index == len(chunks) - 1 else None
            try:
                message = await self._send_one(delivery, chunk, markup, paid=paid)
            except BadRequest as e:  # a link refused: this part once more, without links
                if not link_refused(e):
                    raise
                plain, no_urls = without_links(chunk), keyboards.without_url_buttons(markup)
                message = await self._send_one(delivery, plain, no_urls, paid=paid)
            # Telegram counts a chat's second from the message's arrival, which may come
            # late: the chat's next message waits a gap after the answer
            self.chats.sent(delivery.chat_id, delivery.chat_type, self.monotonic())
            first = message.message_id if first is None else first
        assert first is not None
        return first

    async def _send_one(
        self,
        delivery: DueDelivery,
        text: str,
        markup: InlineKeyboardMarkup | None,
        *,
        paid: bool,
    ) -> Message:
        return await confirmed(
            self.bot.send_message(
                delivery.chat_id,
                text,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
                message_thread_id=delivery.thread_id,
                allow_paid_broadcast=paid or None,
                reply_markup=markup,
            )
        )
