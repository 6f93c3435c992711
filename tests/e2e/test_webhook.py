"""Webhook mode, end to end: the service sets the webhook, answers an update Telegram posts to
it, refuses one without the secret, and never polls."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from drawdown.bots import webhook_secret
from tests.e2e.service import TOKEN, ServiceProcess, write_config
from tests.servers import FakeBotApi, FeedServer, rss
from tests.waiting import until

pytestmark = pytest.mark.slow

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def free_port() -> int:
    """A port nothing listens on now (the service's webhook listener takes no port 0)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def command(update_id: int, chat: int, text: str) -> dict[str, Any]:
    user = {"id": chat, "is_bot": False, "first_name": "Test", "language_code": "en"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private", "first_name": "Test"},
            "from": user,
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}],
        },
    }


def post(url: str, update: dict[str, Any], secret: str, timeout: float = 20) -> int:
    """POST as Telegram does, until the listener is up; the answer's status."""
    statuses: list[int] = []

    def answered() -> bool:
        try:
            response = httpx.post(url, json=update, headers={SECRET_HEADER: secret}, timeout=5)
        except httpx.TransportError:
            return False
        statuses.append(response.status_code)
        return True

    until(f"something listening at {url}", answered, timeout)
    return statuses[0]


def test_any_instance_takes_updates_posted_to_its_webhook_with_the_secret(
    tmp_path: Path, feed_server: FeedServer, bot_api: FakeBotApi
) -> None:
    feed_server.set_feed("/f", rss([]))
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    config = write_config(
        tmp_path,
        feeds=[("F", feed_server.url("/f"))],
        api_base_url=bot_api.url,
        telegram=f'webhook_url = "{url}"\nwebhook_listen = "127.0.0.1"\nwebhook_port = {port}',
    )
    with ServiceProcess(tmp_path, config) as service:
        (set_webhook,) = bot_api.wait_for_calls("setWebhook", timeout=20)
        assert set_webhook.params["url"] == url
        assert set_webhook.params["secret_token"] == webhook_secret(TOKEN)
        assert TOKEN not in webhook_secret(TOKEN)
        assert post(url, command(1, 4242, "/status"), webhook_secret(TOKEN)) == 200
        bot_api.wait_for_messages(1, 4242, timeout=20)
        assert post(url, command(2, 4343, "/status"), "not-the-secret") == 403
        assert service.stop() == 0
    assert bot_api.sent(4343) == []
    assert bot_api.calls("getUpdates") == []
    assert "telegram.webhook listen=127.0.0.1" in service.stderr()
    assert TOKEN not in service.stderr()
