"""Inline keyboards on the bot's messages, and the callback data their buttons carry. Pure.

Callback data is short (Telegram allows 64 bytes) and versioned by its prefix: a button whose
meaning changes gets a new prefix, and data the bot no longer knows is answered "this button
is out of date" instead of doing something else.

====================  =========================================================
``l:vi``, ``l:en``    the language, on the /start message
``m:<alert id>``      "mute this story", on an alert
``u:<alert id>``      "unmute this story", the same button once pressed
``f:1``               "only figure changes from now on", on a story alert
``s:<menu>[:<arg>]``  the /settings menu (``bot.render.settings``)
``x:<filter id>``     remove one of the chat's filters, on the /filters message
``c:<alert id>``      "its own story" (/split of the alert's article), on an update
                      sent to an administrator
====================  =========================================================

Ids are read with :func:`number`, which never yields an integer a database cannot hold.
"""

from __future__ import annotations

from functools import lru_cache

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.i18n import LANGUAGES, tr
from bot.render.markup import web_url
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
def alert_buttons(
    alert: StoredAlert, language: str, *, admin: bool = False
) -> InlineKeyboardMarkup | None:
    """ "Open article", "mute this story" and, on a story, "only figure changes"; on an update
    (a report that joined a story with something new) to an ``admin``, "its own story": the
    place where a development merged into an older story shows."""
    if alert.kind == "update" and admin:
        split = InlineKeyboardButton(tr("button.split", language), callback_data=f"c:{alert.id}")
        return InlineKeyboardMarkup([[split]])
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


def mute_toggled(
    markup: InlineKeyboardMarkup, alert_id: int, *, muted: bool, language: str
) -> InlineKeyboardMarkup:
    """An alert's keyboard with its mute button turned into unmute (``muted``) or back."""
    old = f"{'m' if muted else 'u'}:{alert_id}"
    new = InlineKeyboardButton(
        tr("button.unmute" if muted else "button.mute", language),
        callback_data=f"{'u' if muted else 'm'}:{alert_id}",
    )
    return InlineKeyboardMarkup(
        [[new if b.callback_data == old else b for b in row] for row in markup.inline_keyboard]
    )


def without_url_buttons(markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup | None:
    """The keyboard without its URL buttons (Telegram refused one), or None if nothing is left."""
    if markup is None:
        return None
    rows = [[b for b in row if b.url is None] for row in markup.inline_keyboard]
    kept = [row for row in rows if row]
    return InlineKeyboardMarkup(kept) if kept else None


def parse(data: str | None) -> tuple[str, str]:
    """ "m:17" -> ("m", "17"); anything without a prefix -> ("", data)."""
    prefix, sep, rest = (data or "").partition(":")
    return (prefix, rest) if sep else ("", data or "")


def number(text: str) -> int | None:
    """The id a button carries ("17"), or None for anything that is not one a database holds
    (not digits, or beyond a 63-bit integer)."""
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        return None
    return int(text)
