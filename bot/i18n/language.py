"""Which language to answer a chat in: the one it chose in the bot (/start, /settings), else
its Telegram client's."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.i18n.catalog import language_of
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
