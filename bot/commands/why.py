"""/why <link> (what became of an article, and of its alerts for this chat) and /sources (the
outlets watched and their health)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes

from bot.commands.links import given_link, stored_forms
from bot.commands.menu import usage
from bot.i18n import tr
from bot.i18n.language import Languages
from bot.render import why as why_format
from bot.render.markup import split_message
from storage.preferences import Preferences
from storage.sources import Sources
from storage.store import Store
from storage.traces import Traces


class ReadingCommands:
    """/why and /sources, bound to one store."""

    def __init__(self, store: Store, *, clock: Callable[[], datetime]) -> None:
        self.traces = Traces(store.engine)
        self.sources_ = Sources(store.engine)
        self.languages = Languages(Preferences(store.engine))
        self.clock = clock

    def install(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        app.add_handler(CommandHandler("why", self.why))
        app.add_handler(CommandHandler("sources", self.sources))

    async def why(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat, message = update.effective_chat, update.effective_message
        if chat is None or message is None:
            return
        language, zone = await self.languages.reader(update)
        link = given_link(context.args or [])
        if link == "":
            await message.reply_text(tr("why.usage", language))
            return
        if link is None:
            await message.reply_text(usage("why", language), parse_mode=ParseMode.HTML)
            return
        found = await asyncio.to_thread(self.traces.explain, stored_forms(link), chat.id)
        text = (
            tr("why.unknown", language) if found is None else why_format.why(found, language, zone)
        )
        for part in split_message(text):
            await message.reply_text(
                part,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )

    async def sources(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None:
            return
        language = await self.languages.of(update)
        listing = await asyncio.to_thread(self.sources_.listing)
        text = why_format.sources(listing, language, self.clock())
        for part in split_message(text):
            await message.reply_text(part, parse_mode=ParseMode.HTML)
