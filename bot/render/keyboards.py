"""Inline keyboards on the bot's messages, and the callback data their buttons carry. Pure.

Callback data is short (Telegram allows 64 bytes) and versioned by its prefix: a button whose
meaning changes gets a new prefix, and data the bot no longer knows is answered "this button
is out of date" instead of doing something else.

====================  =========================================================
``l:vi``, ``l:en``    the language, on the /start message
``m:<alert id>``      "mute this story", on an alert
``f:1``               "only figure changes from now on", on a story alert
``s:<menu>[:<arg>]``  the /settings menu (``bot.render.settings``)
``x:<filter id>``     remove one of the chat's filters, on the /filters message
====================  =========================================================
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import LANGUAGES, tr
from storage.types import StoredAlert

# Each language's name in itself ("🇻🇳 Tiếng Việt"), in the order the buttons show them.
LANGUAGE_NAMES = {code: tr("language.name", code) for code in LANGUAGES}
FIGURES_ONLY = "f:1"


def languages(current: str) -> InlineKeyboardMarkup:
    """The language choice under /start: the current one ticked."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    f"✓ {name}" if code == current else name, callback_data=f"l:{code}"
                )
                for code, name in LANGUAGE_NAMES.items()
            ]
        ]
    )


@lru_cache(maxsize=256)  # one alert goes to many subscribers: build its keyboard once
def alert_buttons(alert: StoredAlert, language: str) -> InlineKeyboardMarkup | None:
    """ "Open article", "mute this story" and, on a story, "only figure changes"."""
    if alert.kind not in ("story", "figure"):
        return None
    rows: list[list[InlineKeyboardButton]] = []
    if alert.url and web_url(alert.url):
        rows.append([InlineKeyboardButton(tr("button.open_article", language), url=alert.url)])
    actions = [InlineKeyboardButton(tr("button.mute", language), callback_data=f"m:{alert.id}")]
    if alert.kind == "story":
        only = tr("button.figures_only", language)
        actions.append(InlineKeyboardButton(only, callback_data=FIGURES_ONLY))
    rows.append(actions)
    return InlineKeyboardMarkup(rows)


def web_url(url: str) -> bool:
    """Whether Telegram takes ``url`` for a URL button (an http(s) link with a host)."""
    if len(url) > 1024 or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def parse(data: str | None) -> tuple[str, str]:
    """ "m:17" -> ("m", "17"); anything without a prefix -> ("", data)."""
    prefix, sep, rest = (data or "").partition(":")
    return (prefix, rest) if sep else ("", data or "")
