"""The fake Bot API's conversation side: what users send reaches the bot through getUpdates.

:meth:`UpdatesServer.user_sends` and :meth:`UpdatesServer.user_presses` queue updates; a real
long poll hands them out. The chats users write from and the messages in them live here, since
both users and the bot (:mod:`tests.servers.botapi`) add to them.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Mapping
from typing import Any

from aiohttp import web

from tests.servers.botapi_wire import BOT_USER, ApiError, SentMessage, int_or, user_json
from tests.servers.threaded import Changes, ThreadedServer


class UpdatesServer(ThreadedServer):
    """Chats, their messages, and the update queue; every change under ``_changes``."""

    def __init__(self, *, host: str, port: int) -> None:
        super().__init__(host=host, port=port)
        self._changes = Changes()
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._next_callback_id = 1
        self._next_message_id: dict[int | str, int] = {}
        self._messages: dict[tuple[int | str, int], tuple[SentMessage, dict[str, Any]]] = {}
        self._chats: dict[int | str, dict[str, Any]] = {}
        self._poll_generation = 0
        self._polling: web.Request | None = None  # the getUpdates waiting now
        self._conflicts = 0
        self._closing = False
        self._updates_event: asyncio.Event | None = None

    # -- what users do -----------------------------------------------------------------------------

    def user_sends(
        self,
        chat_id: int,
        text: str,
        *,
        user_id: int | None = None,
        first_name: str = "Test",
        language_code: str = "en",
        chat_type: str = "private",
    ) -> int:
        """Queue a message from a user; a leading ``/command`` gets its bot_command entity.
        Returns the new message's id."""
        user = user_json(user_id if user_id is not None else chat_id, first_name, language_code)
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
        else:
            chat["title"] = f"Test {chat_type} {chat_id}"
        message: dict[str, Any] = {"chat": chat, "from": user, "date": int(time.time())}
        message["text"] = text
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            length = len(command.encode("utf-16-le")) // 2  # entity lengths count UTF-16 units
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        with self._changes:
            self._chats[chat_id] = chat
            message["message_id"] = self._new_message_id(chat_id)
            self._queue_update({"message": message})
        return int(message["message_id"])

    def user_presses(
        self,
        chat_id: int,
        message_id: int,
        data: str,
        *,
        user_id: int | None = None,
        language_code: str = "en",
    ) -> str:
        """Queue a press on an inline button of the bot's message; returns the callback query id."""
        with self._changes:
            stored = self._messages.get((chat_id, message_id))
            message = stored[1] if stored else self._message_json(chat_id, message_id, "")
            callback_id = str(self._next_callback_id)
            self._next_callback_id += 1
            uid = user_id if user_id is not None else chat_id
            query = {
                "id": callback_id,
                "from": user_json(uid, "Test", language_code),
                "message": message,
                "chat_instance": str(chat_id),
                "data": data,
            }
            self._queue_update({"callback_query": query})
        return callback_id

    def conflicts(self) -> int:
        """getUpdates that arrived while another one was still waiting on an open connection:
        two pollers at once (the older one is answered 409, as Telegram does). A poll whose
        client went away (stopped, or killed) does not count."""
        with self._changes:
            return self._conflicts

    def polling(self) -> bool:
        """Whether a getUpdates waits now on an open connection."""
        with self._changes:
            return self._open_poll()

    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by a getUpdates offset."""
        with self._changes:
            return len(self._updates)

    async def _on_started(self) -> None:
        self._closing = False
        self._updates_event = asyncio.Event()

    async def _on_stopping(self) -> None:
        self._closing = True
        if self._updates_event is not None:
            self._updates_event.set()

    def _delete_webhook(self, token: str, params: dict[str, Any]) -> Any:
        if params.get("drop_pending_updates") is True:
            self._updates.clear()
        return True

    def _get_webhook_info(self, token: str, params: dict[str, Any]) -> Any:
        return {
            "url": "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _long_poll(self, request: web.Request, params: Mapping[str, Any]) -> web.Response:
        """getUpdates: confirm updates below ``offset``, answer at once if any are left, else wait
        up to ``timeout`` seconds for one. A newer getUpdates ends an older one with 409, as
        Telegram does when two instances poll."""
        offset = int_or(params.get("offset"), 0)
        limit = min(max(int_or(params.get("limit"), 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        event = self._updates_event
        assert event is not None
        with self._changes:
            self._poll_generation += 1
            generation = self._poll_generation
            self._conflicts += 1 if self._open_poll() else 0
            self._polling = request
        event.set()  # an older poll, if waiting, wakes and sees it was superseded
        try:
            return await self._wait_for_updates(generation, offset, limit, wait=timeout)
        finally:
            with self._changes:
                if self._polling is request:
                    self._polling = None

    async def _wait_for_updates(
        self, generation: int, offset: int, limit: int, *, wait: float
    ) -> web.Response:
        event = self._updates_event
        assert event is not None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + wait
        while True:
            event.clear()
            with self._changes:
                if generation != self._poll_generation:
                    return web.json_response(
                        ApiError(
                            409,
                            "Conflict: terminated by other getUpdates request; make sure that only"
                            " one bot instance is running",
                        ).body,
                        status=409,
                    )
                if offset > 0:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                elif offset < 0:
                    self._updates = self._updates[offset:]
                batch = self._updates[:limit]
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self._closing:
                return web.json_response({"ok": True, "result": batch})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    # -- helpers (lock held) -----------------------------------------------------------------------

    def _open_poll(self) -> bool:
        poll = self._polling
        return poll is not None and poll.transport is not None and not poll.transport.is_closing()

    def _queue_update(self, update: dict[str, Any]) -> None:
        update["update_id"] = self._next_update_id
        self._next_update_id += 1
        self._updates.append(update)
        self._changes.notify()
        loop, event = self.loop, self._updates_event
        if loop is not None and event is not None:
            with contextlib.suppress(RuntimeError):  # the server is stopping: nobody polls
                loop.call_soon_threadsafe(event.set)

    def _new_message_id(self, chat_id: int | str) -> int:
        message_id = self._next_message_id.get(chat_id, 1)
        self._next_message_id[chat_id] = message_id + 1
        return message_id

    def _message_json(
        self, chat_id: int | str, message_id: int, text: str, sent: SentMessage | None = None
    ) -> dict[str, Any]:
        chat = self._chats.get(chat_id)
        if chat is None:
            private = isinstance(chat_id, int) and chat_id > 0
            kind = "private" if private else "supergroup"
            chat = {"id": chat_id, "type": kind}
            chat["first_name" if private else "title"] = "Test" if private else f"Test {chat_id}"
        body: dict[str, Any] = {
            "message_id": message_id,
            "from": dict(BOT_USER),
            "chat": chat,
            "date": int(time.time()),
            "text": text,
        }
        if sent is not None and sent.thread_id is not None:
            body["message_thread_id"] = sent.thread_id
        if sent is not None and sent.reply_markup and "inline_keyboard" in sent.reply_markup:
            body["reply_markup"] = sent.reply_markup
        return body
