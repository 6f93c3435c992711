"""The short replies of /start, /help, /subscribe and /unsubscribe. Pure: no I/O."""

from __future__ import annotations

from typing import Literal

from bot.commands.menu import help_lines
from bot.i18n import tr

Reply = Literal[
    "start", "help", "subscribed", "already_subscribed", "unsubscribed", "not_subscribed"
]
_REPLIES = {
    "subscribed": "subscription.subscribed",
    "already_subscribed": "subscription.already_subscribed",
    "unsubscribed": "subscription.unsubscribed",
    "not_subscribed": "subscription.not_subscribed",
}


def text(reply: Reply, language: str) -> str:
    """One reply as Telegram HTML; "start" is what /start answers, "help" /help."""
    if reply == "start":
        return start(language)
    if reply == "help":
        return "\n".join(help_lines(language))
    return tr(_REPLIES[reply], language)


def start(language: str) -> str:
    """What the bot does, and every subscriber's command (``bot.commands.menu``)."""
    return "\n".join([tr("start.about", language), "", *help_lines(language)])
