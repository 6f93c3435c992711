"""Button handlers whose press is always answered."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.i18n import tr

log = logging.getLogger(__name__)

__all__ = ["answered"]

_Callback = Callable[[Any, Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


def answered(handler: _Callback) -> _Callback:
    """A button handler whose press is answered even when handling it fails (the client's
    spinner never hangs); the failure is logged with the handler's name."""

    @functools.wraps(handler)
    async def wrapper(self: Any, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        try:
            await handler(self, update, context)
        except Exception:
            query = update.callback_query
            log.exception("button.failed handler=%s", handler.__name__)
            if query is not None:
                language = await self.languages.of(update)
                try:
                    await query.answer(tr("button.failed", language), show_alert=True)
                except TelegramError as e:  # answered already, or Telegram unreachable
                    log.info("button.unanswered error=%s", e)

    return wrapper
