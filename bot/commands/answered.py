"""Handlers that always answer: a button press even when handling it fails, and a command
that failed (``told``)."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.i18n import tr
from bot.i18n.language import Languages

log = logging.getLogger(__name__)

__all__ = ["AnsweredFailure", "answered", "told"]


class AnsweredFailure(Exception):
    """A button handler failed after it answered the press and told the chat so: ``answered``
    logs its cause and does not answer again (Telegram refuses a second answer)."""


_Callback = Callable[[Any, Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def answered(handler: _Callback) -> _Callback:
    """A button handler whose press is answered even when handling it fails (the client's
    spinner never hangs); the failure is logged with the handler's name."""

    @functools.wraps(handler)
    async def wrapper(self: Any, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await handler(self, update, context)
        except Exception as e:
            query = update.callback_query
            log.exception("button.failed handler=%s", handler.__name__)
            if query is not None and not isinstance(e, AnsweredFailure):
                language = await self.languages.of_even_failing(update)
                try:
                    await query.answer(tr("button.failed", language), show_alert=True)
                except TelegramError as e:  # answered already, or Telegram unreachable
                    log.info("button.unanswered error=%s", e)

    return wrapper


_ErrorHandler = Callable[[object, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def told(languages: Languages) -> _ErrorHandler:
    """The application's error handler: the failure is logged, and a command or message whose
    handler failed is answered (a button press is answered by ``answered``), so that nobody
    is left without a reply. Not when the handler failed sending its own answer (Telegram's
    error): what it did is done, and "try again" would do it twice (/broadcast). The chat's
    language is its client's when storage fails too."""

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("telegram.handler_failed error=%r", context.error)
        if not isinstance(update, Update) or update.callback_query is not None:
            return
        if isinstance(context.error, TelegramError):
            return  # its own answer could not be sent: what it did is done, nothing to retry
        message = update.effective_message
        if message is None:
            return
        language = await languages.of_even_failing(update)
        try:
            await message.reply_text(tr("command.failed", language))
        except TelegramError as e:  # Telegram may be why the handler failed
            log.info("command.unanswered error=%s", e)

    return on_error
