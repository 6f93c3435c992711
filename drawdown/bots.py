"""The two Bots of the service, pointed at ``[telegram] api_base_url``: python-telegram-bot's
Application (commands, menus, updates) and the outbox's own Bot (alerts); the switch the
Poller turns getUpdates on and off with (drawdown/ops/poller.py), and webhook mode.

In webhook mode (``[telegram] webhook_url``) each instance listens on ``webhook_listen:
webhook_port`` at the URL's path and sets the webhook when it starts (every instance sets the
same one, so it does not matter which was last); a load balancer hands each update to any
instance. Telegram sends a secret with each update — derived from the bot token, so every
instance knows it without another setting — and a request without it is refused. Stopping
leaves the webhook in place for the other instances.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any
from urllib.parse import urlsplit

from telegram import Bot, Update
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Updater
from telegram.request import HTTPXRequest

from bot.delivery.pacing import concurrency_for
from bot.delivery.transport import AiohttpRequest
from drawdown.config import Config, TelegramConfig
from drawdown.ops.health import TelegramStatus, TrackedRequest


def build_application(
    config: Config, token: str, telegram: TelegramStatus | None = None
) -> Application:  # type: ignore[type-arg]
    """The python-telegram-bot Application, pointed at ``[telegram] api_base_url``; every
    request it makes tells ``telegram`` whether Telegram answered."""
    base = config.telegram.api_base_url.rstrip("/")
    timeout = config.telegram.request_timeout

    def request(pool: int, read_timeout: float) -> TrackedRequest:
        return TrackedRequest(
            telegram,
            HTTPXRequest(
                connection_pool_size=pool,
                connect_timeout=timeout,
                read_timeout=read_timeout,
                write_timeout=timeout,
            ),
        )

    return (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .rate_limiter(
            AIORateLimiter(
                overall_max_rate=config.delivery.rate, max_retries=config.telegram.max_retries
            )
        )
        .request(request(256, timeout))
        .get_updates_request(request(1, timeout + 10))
        .concurrent_updates(True)
        .build()
    )


def build_outbox_bot(config: Config, token: str, telegram: TelegramStatus | None = None) -> Bot:
    """The outbox's own Bot: no rate limiter (the outbox paces itself, per chat), and a
    transport cheap enough for fast broadcasts (bot/delivery/transport.py)."""
    base = config.telegram.api_base_url.rstrip("/")
    request = TrackedRequest(
        telegram,
        AiohttpRequest(
            connections=concurrency_for(config.delivery.rate),
            timeout=config.telegram.request_timeout,
        ),
    )
    return Bot(token, base_url=f"{base}/bot", base_file_url=f"{base}/file/bot", request=request)


Switch = tuple[Callable[[], Awaitable[object]], Callable[[], Awaitable[None]]]


def _switch(
    app: Application,  # type: ignore[type-arg]  # PTB's generics
    begin: Callable[[Updater], Coroutine[Any, Any, object]],
    name: str,
) -> Switch:
    """Start and stop what ``begin`` starts on the app's Updater, for the Poller or the service.
    The start returns at once: ``begin`` runs in the background (its bootstrap retries until
    Telegram answers); the stop cancels it and stops the Updater if it runs."""
    updater = app.updater
    assert updater is not None
    starting: list[asyncio.Task[object]] = []

    async def start() -> object:
        starting.append(asyncio.create_task(begin(updater), name=name))
        return None

    async def stop() -> None:
        for task in starting:
            task.cancel()
        await asyncio.gather(*starting, return_exceptions=True)
        starting.clear()
        if updater.running:
            await updater.stop()

    return start, stop


def polling_switch(
    app: Application,  # type: ignore[type-arg]  # PTB's generics
) -> Switch:
    """Start and stop getUpdates (deleteWebhook first, retried until it works)."""
    return _switch(
        app,
        lambda updater: updater.start_polling(
            poll_interval=0, timeout=10, allowed_updates=Update.ALL_TYPES, bootstrap_retries=-1
        ),
        "polling",
    )


def webhook_secret(token: str) -> str:
    """The secret Telegram sends with each update (``X-Telegram-Bot-Api-Secret-Token``): the
    same on every instance, and not the token."""
    return hashlib.sha256(f"drawdown webhook {token}".encode()).hexdigest()


def webhook_switch(
    app: Application,  # type: ignore[type-arg]  # PTB's generics
    settings: TelegramConfig,
    token: str,
) -> Switch:
    """Start and stop the webhook listener (setWebhook first, retried until it works)."""
    return _switch(
        app,
        lambda updater: updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url,
            secret_token=webhook_secret(token),
            allowed_updates=Update.ALL_TYPES,
            bootstrap_retries=-1,
        ),
        "webhook",
    )
