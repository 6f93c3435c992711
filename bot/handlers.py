"""The bot's commands: /start, /subscribe, /unsubscribe, /status, /help."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from telegram import BotCommand, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes

from bot import format
from storage.store import Store

log = logging.getLogger(__name__)

COMMANDS = {
    "en": [
        BotCommand("subscribe", "Get an alert for every new story"),
        BotCommand("unsubscribe", "Stop the alerts"),
        BotCommand("status", "What is watched and how fresh it is"),
        BotCommand("help", "What the bot does"),
    ],
    "vi": [
        BotCommand("subscribe", "Nhận cảnh báo cho mỗi tin mới"),
        BotCommand("unsubscribe", "Ngừng nhận cảnh báo"),
        BotCommand("status", "Các nguồn đang theo dõi"),
        BotCommand("help", "Bot làm gì"),
    ],
}


class Commands:
    """Command callbacks bound to one store; each reply is in the user's language."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime]) -> None:
        self.store = store
        self.clock = clock

    def install(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        app.add_handler(CommandHandler(["start", "help"], self.start))
        app.add_handler(CommandHandler("subscribe", self.subscribe))
        app.add_handler(CommandHandler("unsubscribe", self.unsubscribe))
        app.add_handler(CommandHandler("status", self.status))

    async def start(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._reply(update, format.text("start", _language(update)))

    async def subscribe(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        language = _language(update)
        name = chat.title or chat.full_name or chat.username or ""
        message = update.effective_message
        topic = message.message_thread_id if message and message.is_topic_message else None
        added = await asyncio.to_thread(
            self.store.subscribe,
            chat.id,
            chat_type=chat.type,
            name=name,
            language=language,
            now=self.clock(),
            thread_id=topic,
        )
        if added:
            log.info("subscriber.added chat=%d", chat.id)
        await self._reply(
            update, format.text("subscribed" if added else "already_subscribed", language)
        )

    async def unsubscribe(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        chat = update.effective_chat
        if chat is None:
            return
        removed = await asyncio.to_thread(self.store.deactivate, chat.id, "unsubscribed")
        if removed:
            log.info("subscriber.removed chat=%d", chat.id)
        key = "unsubscribed" if removed else "not_subscribed"
        await self._reply(update, format.text(key, _language(update)))

    async def status(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        overview = await asyncio.to_thread(self.store.overview)
        await self._reply(update, format.status(overview, _language(update), self.clock()))

    async def _reply(self, update: Update, text: str) -> None:
        if update.effective_message is not None:
            await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def set_commands(app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
    """Telegram's command menu, in English by default and in Vietnamese for Vietnamese clients."""
    await app.bot.set_my_commands(COMMANDS["en"])
    await app.bot.set_my_commands(COMMANDS["vi"], language_code="vi")


def _language(update: Update) -> str:
    user = update.effective_user
    return format.language_of(user.language_code if user else None)
