"""/settings, /filters, the language choice under /start, and the buttons on alerts.

Every change is stored at once (``storage.preferences``) and takes effect at the next send:
the outbox reads each chat's rules when it takes a delivery (``bot.delivery.rules``). Settings
belong to the chat (in a group, to the group, and only its administrators change them:
``bot.commands.rights``; everyone may look). A button press is always answered
(answerCallbackQuery), even when handling it failed, and its message edited in place.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.commands.answered import answered
from bot.commands.menu import usage
from bot.commands.rights import Rights
from bot.i18n import ntr, tr
from bot.i18n.language import Languages, client_language
from bot.render import keyboards, replies
from bot.render import settings as sf
from bot.render.markup import escape
from storage.ledger import Ledger
from storage.preference_types import FILTER_KINDS, Settings
from storage.preferences import FiltersFull, Preferences
from storage.sources import Sources
from storage.store import Store
from watchers.topic.text import words

log = logging.getLogger(__name__)

_ADD = {"add": "include", "include": "include", "+": "include", "thêm": "include",
        "exclude": "exclude", "not": "exclude", "-": "exclude", "bỏ": "exclude"}  # fmt: skip
_REMOVE = frozenset({"remove", "delete", "rm", "xóa", "xoá"})


class SettingsCommands:
    """/settings, /filters and every inline button, bound to one store."""

    def __init__(
        self, store: Store, *, clock: Callable[[], datetime], rights: Rights | None = None
    ) -> None:
        self.preferences = Preferences(store.engine)
        self.ledger = Ledger(store.engine)
        self.sources = Sources(store.engine)
        self.languages = Languages(self.preferences)
        self.clock = clock
        self.rights = rights if rights is not None else Rights()

    def install(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        """The commands and buttons; ``install_last`` adds the answer to unknown commands."""
        app.add_handler(CommandHandler("settings", self.settings))
        app.add_handler(CommandHandler("filters", self.filters))
        app.add_handler(CallbackQueryHandler(self.on_language, pattern=r"^l:"))
        app.add_handler(CallbackQueryHandler(self.on_settings, pattern=r"^s:"))
        app.add_handler(CallbackQueryHandler(self.on_mute, pattern=r"^[mu]:"))
        app.add_handler(CallbackQueryHandler(self.on_figures_only, pattern=r"^f:"))
        app.add_handler(CallbackQueryHandler(self.on_filter_removed, pattern=r"^x:"))
        app.add_handler(CallbackQueryHandler(self.on_unknown))

    def install_last(self, app: Application) -> None:  # type: ignore[type-arg]  # PTB's generics
        """After every command handler: unknown commands in private chats get an answer."""
        unknown = filters.COMMAND & filters.ChatType.PRIVATE
        app.add_handler(MessageHandler(unknown, self.unknown_command))
        text = filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE
        app.add_handler(MessageHandler(text, self.plain_text))

    # --- commands ------------------------------------------------------------------------------

    async def settings(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        chat, message = update.effective_chat, update.effective_message
        if chat is None or message is None:
            return
        language = await self.languages.of(update)
        text, markup = await self._page("m", chat.id, language)
        await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)

    async def filters(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/filters; /filters add|exclude <phrase>; /filters remove <n>; /filters clear."""
        chat, message = update.effective_chat, update.effective_message
        if chat is None or message is None:
            return
        language = await self.languages.of(update)
        args = list(context.args or ())
        verb = args[0].lower() if args else ""
        note: str | None = None
        changing = verb in _ADD or verb in _REMOVE or verb == "clear"
        if verb and not changing:
            await message.reply_text(usage("filters", language), parse_mode=ParseMode.HTML)
            return
        if changing and (refusal := await self.rights.refusal(update, context.bot, language)):
            await message.reply_text(refusal)
            return
        current = await asyncio.to_thread(self.preferences.filters, chat.id)
        if verb in _ADD:
            note = await self._add_filter(update, _ADD[verb], " ".join(args[1:]), len(current))
        elif verb in _REMOVE:
            number = args[1] if len(args) > 1 else ""
            if number.isdigit() and 1 <= int(number) <= len(current):
                gone = current[int(number) - 1]
                await asyncio.to_thread(self.preferences.remove_filter, chat.id, gone.id)
                note = tr("filters.removed", language, phrase=escape(gone.phrase))
            else:
                note = tr("filters.unknown", language)
        elif verb == "clear":
            await asyncio.to_thread(self.preferences.clear_filters, chat.id)
            note = tr("filters.cleared", language)
        current = await asyncio.to_thread(self.preferences.filters, chat.id)
        text, markup = sf.filters_message(current, language, note)
        await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)

    async def _add_filter(self, update: Update, kind: str, raw: str, count: int) -> str:
        assert kind in FILTER_KINDS
        chat = update.effective_chat
        assert chat is not None
        language = await self.languages.of(update)
        phrase = " ".join(unicodedata.normalize("NFC", raw).split())
        if not phrase or len(phrase) > sf.MAX_PHRASE or not 1 <= len(words(phrase)) <= sf.MAX_WORDS:
            return tr("filters.bad", language, words=sf.MAX_WORDS, characters=sf.MAX_PHRASE)
        full = ntr("filters.full", sf.MAX_FILTERS, language, count=sf.MAX_FILTERS)
        if count >= sf.MAX_FILTERS:
            return full
        try:  # the cap is checked again in the same transaction: two adds at once cannot pass it
            added = await asyncio.to_thread(
                self.preferences.add_filter, chat.id, kind, phrase, self.clock(),
                at_most=sf.MAX_FILTERS,
            )  # fmt: skip
        except FiltersFull:
            return full
        if added is None:
            return tr("filters.exists", language)
        log.info("filter.added chat=%d kind=%s", chat.id, kind)
        done = "filters.excluded" if kind == "exclude" else "filters.added"
        return tr(done, language, phrase=escape(phrase))

    # --- buttons -------------------------------------------------------------------------------

    @answered
    async def on_language(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """l:vi / l:en under /start: answer in that language from now on."""
        query = update.callback_query
        assert query is not None
        _, language = keyboards.parse(query.data)
        if language not in keyboards.LANGUAGE_NAMES:
            await self._stale(update)
            return
        if await self._refused(update, context, language):
            return
        await self._change(update, language=language, language_chosen=True)
        await query.answer(f"✓ {keyboards.LANGUAGE_NAMES[language]}")
        await _edit(update, replies.start(language), keyboards.languages(language))

    @answered
    async def on_settings(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query, chat = update.callback_query, update.effective_chat
        assert query is not None
        if chat is None:
            return
        _, page, choice = [*(query.data or "").split(":", 2), "", ""][:3]
        settings, figures, outlets = await asyncio.gather(
            asyncio.to_thread(self.preferences.settings, chat.id),
            self._figures() if page == "k" and choice else _nothing(),
            asyncio.to_thread(self.sources.listing) if page == "o" and choice else _nothing(),
        )
        change = sf.change_of(page, choice, settings, figures, outlets)
        if change is None:
            await self._stale(update)
            return
        if change and await self._refused(update, context):
            return
        if "unmute" in change:
            await asyncio.to_thread(self.preferences.unmute, chat.id, change["unmute"])
            log.info("story.unmuted chat=%d article=%d", chat.id, change["unmute"])
        elif change:
            settings = await self._change(update, **change)
            log.info("settings.changed chat=%d %s", chat.id, " ".join(sorted(change)))
        language = settings.language if settings.language_chosen else None
        language = language or await self.languages.of(update)
        saved = "settings.saved_figures" if page == "k" else "settings.saved"
        await query.answer(tr(saved, language) if change else None)
        shown = "m" if page == "l" else page
        text, markup = await self._page(shown, chat.id, language)
        await _edit(update, text, markup)

    @answered
    async def on_mute(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """m:<alert id>: nothing more about that alert's article; u:<alert id> undoes it. The
        button turns into the other one."""
        query, chat = update.callback_query, update.effective_chat
        assert query is not None
        action, data = keyboards.parse(query.data)
        alert = keyboards.number(data)
        if chat is None or alert is None:
            await self._stale(update)
            return
        language = await self.languages.of(update)
        if await self._refused(update, context, language):
            return
        if action == "u":
            article = await asyncio.to_thread(self.preferences.unmute_alert, chat.id, alert)
        else:
            article = await asyncio.to_thread(self.preferences.mute, chat.id, alert, self.clock())
        if article is None:
            await query.answer(tr("alert.nothing_to_mute", language))
            return
        log.info("story.%s chat=%d article=%d", "unmuted" if action == "u" else "muted",
                 chat.id, article)  # fmt: skip
        await query.answer(tr("alert.unmuted" if action == "u" else "alert.muted", language))
        message = query.message
        if message is not None and isinstance(message, Message) and message.reply_markup:
            markup = keyboards.mute_toggled(
                message.reply_markup, alert, muted=action == "m", language=language
            )
            with contextlib.suppress(BadRequest):  # the same buttons again: nothing to change
                await query.edit_message_reply_markup(markup)

    @answered
    async def on_figures_only(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """f:1: only figure changes from now on."""
        query = update.callback_query
        assert query is not None
        if query.data != keyboards.FIGURES_ONLY:
            await self._stale(update)
            return
        if await self._refused(update, context):
            return
        await self._change(update, receive="figures")
        language = await self.languages.of(update)
        await query.answer(tr("alert.figures_only", language), show_alert=True)

    @answered
    async def on_filter_removed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """x:<filter id> under /filters."""
        query, chat = update.callback_query, update.effective_chat
        assert query is not None
        filter_id = keyboards.number(keyboards.parse(query.data)[1])
        if chat is None or filter_id is None:
            await self._stale(update)
            return
        language = await self.languages.of(update)
        if await self._refused(update, context, language):
            return
        gone = await asyncio.to_thread(self.preferences.remove_filter, chat.id, filter_id)
        if gone is None:
            await query.answer(tr("filters.unknown", language))
            return
        note = tr("filters.removed", language, phrase=gone.phrase)
        await query.answer(note)
        current = await asyncio.to_thread(self.preferences.filters, chat.id)
        text, markup = sf.filters_message(current, language, escape(note))
        await _edit(update, text, markup)

    @answered
    async def on_unknown(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._stale(update)

    async def plain_text(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """Text that is no command, in a private chat: a one-line hint."""
        if update.effective_message is None:
            return
        language = await self.languages.of(update)
        await update.effective_message.reply_text(
            tr("text.hint", language), parse_mode=ParseMode.HTML
        )

    async def unknown_command(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """A command the bot does not have, in a private chat: say so, in the reader's language."""
        message = update.effective_message
        if message is None or not message.text:
            return
        command = message.text.split(maxsplit=1)[0].split("@", 1)[0][:40]
        language = await self.languages.of(update)
        await message.reply_text(tr("commands.unknown", language, command=command))

    # --- helpers -------------------------------------------------------------------------------

    async def _refused(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, language: str | None = None
    ) -> bool:
        """In a group, a press by someone who is not its administrator: answered, and True."""
        language = language or await self.languages.of(update)
        refusal = await self.rights.refusal(update, context.bot, language)
        if refusal is None:
            return False
        assert update.callback_query is not None
        await update.callback_query.answer(refusal, show_alert=True)
        return True

    async def _stale(self, update: Update) -> None:
        query = update.callback_query
        assert query is not None
        log.info("button.stale data=%r", (query.data or "")[:64])
        language = await self.languages.of(update)
        await query.answer(tr("settings.stale", language), show_alert=True)

    async def _figures(self) -> list[str]:
        """The figure keys /settings offers: every current figure but past counts."""
        current = await asyncio.to_thread(self.ledger.current)
        return [n.entry.key for n in current if not n.entry.key.endswith("/past")]

    async def _page(
        self, name: str, chat_id: int, language: str
    ) -> tuple[str, InlineKeyboardMarkup]:
        settings, filters, muted = await asyncio.gather(
            asyncio.to_thread(self.preferences.settings, chat_id),
            asyncio.to_thread(self.preferences.filters, chat_id),
            asyncio.to_thread(self.preferences.mutes, chat_id),
        )
        figures = await self._figures() if name == "k" else []
        outlets = await asyncio.to_thread(self.sources.listing) if name == "o" else []
        return sf.page(name, settings, filters, figures, language, muted, outlets)

    async def _change(self, update: Update, **values: Any) -> Settings:
        chat = update.effective_chat
        assert chat is not None
        return await asyncio.to_thread(
            self.preferences.change,
            chat.id,
            now=self.clock(),
            chat_type=chat.type,
            name=chat.title or chat.full_name or chat.username or "",
            client_language=client_language(update),
            **values,
        )


async def _edit(update: Update, text: str, markup: InlineKeyboardMarkup | None) -> None:
    """Rewrite the message whose button was pressed; the same content again is no error."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as e:
        if "message is not modified" not in e.message.lower():
            raise


async def _nothing() -> list[Any]:
    return []
