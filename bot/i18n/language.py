"""Which language to answer a chat in: the one it chose in the bot (/start, /settings), else
its Telegram client's; and which time zone to show its times in."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.i18n.catalog import language_of
from storage.preference_types import zone_for
from storage.preferences import Preferences


def client_language(update: Update) -> str:
    """The language of the user's Telegram client: Vietnamese or English."""
    user = update.effective_user
    return language_of(user.language_code if user else None)


class Languages:
    """The chats' chosen languages (read from storage on each update: commands are rare)."""

    def __init__(self, preferences: Preferences) -> None:
        self.preferences = preferences

    async def of(self, update: Update) -> str:
        chat = update.effective_chat
        if chat is not None:
            chosen = await asyncio.to_thread(self.preferences.chosen_language, chat.id)
            if chosen is not None:
                return chosen
        return client_language(update)

    async def of_even_failing(self, update: Update) -> str:
        """``of``, or the client's language when storage fails (an error handler's answer: the
        store failing may be why the handler failed)."""
        try:
            return await self.of(update)
        except Exception:
            return client_language(update)

    async def reader(self, update: Update) -> tuple[str, str]:
        """(language, time zone) of the chat: its stored zone, else its language's."""
        language = await self.of(update)
        chat = update.effective_chat
        zone = None
        if chat is not None:
            zone = await asyncio.to_thread(self.preferences.time_zone, chat.id)
        return language, zone or zone_for(language)
