"""What a failed send leaves behind: a reason with no secret in it, and when to try again.

A Bot API URL holds the bot token (``…/bot123456:AAH…/sendMessage``), and transports put the
URL into their error texts (aiohttp's ``TooManyRedirects``, a proxy's refusal). Every reason
the outbox stores or logs goes through :func:`redact` first.
"""

from __future__ import annotations

from collections.abc import Iterable

from telegram.error import TelegramError

from drawdown.ops import logs

LONGEST_REASON = 500  # characters of a reason kept in the outbox row
FIRST_RETRY = 2.0  # seconds after the first counted failure; doubles, up to LAST_RETRY
LAST_RETRY = 300.0


class Misrouted(TelegramError):
    """The Bot API's address answers with redirects or something else than the Bot API: a
    configuration problem (``[telegram] api_base_url``, a proxy), not an outage, so each
    attempt counts."""


class Unconfirmed(Exception):
    """Telegram accepted the request but its answer could not be read: the message was
    most likely delivered, and sending it again would repeat it."""


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without any bot token (the given ones, and anything shaped like one), cut to
    what an outbox row keeps."""
    return logs.redact(text, secrets)[:LONGEST_REASON]


def reason(error: BaseException) -> str:
    """One line naming the error: ``NetworkError: Bad Gateway``."""
    message = error.message if isinstance(error, TelegramError) else str(error)
    return " ".join(f"{type(error).__name__}: {message}".split())


def retry_in(attempts: int) -> float:
    """Seconds to wait after the ``attempts``-th counted failure of one delivery."""
    return min(LAST_RETRY, FIRST_RETRY * float(2 ** max(0, attempts - 1)))
