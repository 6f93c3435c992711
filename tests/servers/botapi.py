"""A fake Telegram Bot API server that the real python-telegram-bot client talks to over HTTP.

Point PTB at it with ``ApplicationBuilder().token(t).base_url(api.base_url)
.base_file_url(api.base_file_url)``. It answers ``/bot<token>/<method>`` with parameters sent as
JSON, form fields (what PTB 22 sends: every value a string, non-strings JSON-encoded) or multipart.
It implements what the service uses — getMe, getUpdates (a real long poll), sendMessage,
editMessageText, the command and webhook methods — and answers ``{"ok": true, "result": true}`` to
anything else: never 404, which PTB reads as an invalid token.

Tests drive it from any thread: :meth:`FakeBotApi.user_sends` and :meth:`FakeBotApi.user_presses`
queue updates; :meth:`FakeBotApi.sent`, :meth:`FakeBotApi.calls` and the ``wait_…``/``await_…``
methods show what the bot did; ``block``, ``flood``, ``fail``, ``migrate``, ``not_found``,
``set_send_delay`` and ``pause``/``stop``/``start`` make Telegram misbehave like the real one.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from http import HTTPStatus
from typing import Any

from aiohttp import web

from tests.servers.threaded import Changes, ThreadedServer

BOT_ID = 1000
BOT_USER: Mapping[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Drawdown Watch",
    "username": "drawdown_watch_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}
MAX_MESSAGE_LENGTH = 4096
# Form-encoded parameters that are free text: kept as sent, never JSON-decoded ("123" stays a str).
_TEXT_PARAMS = frozenset(
    {"text", "caption", "parse_mode", "callback_query_id", "inline_message_id", "url", "title",
     "description", "short_description", "name", "query", "language_code", "emoji", "action"}
)  # fmt: skip
# Tags Telegram's HTML parse mode accepts.
_HTML_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
     "code", "pre", "blockquote", "tg-emoji"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ApiCall:
    """One request: the method as named in the URL, the token from the URL, decoded parameters, the
    HTTP status answered, and ``time.monotonic()`` at arrival."""

    method: str
    token: str
    params: Mapping[str, Any]
    status: int
    time: float


@dataclass(frozen=True, slots=True)
class SentMessage:
    """A message the bot sent (or, from :meth:`FakeBotApi.edits`, its text after an edit)."""

    chat_id: int | str
    message_id: int
    text: str  # exactly as sent, markup included
    parse_mode: str | None
    reply_markup: Mapping[str, Any] | None
    thread_id: int | None
    disable_web_page_preview: bool | None
    link_preview_options: Mapping[str, Any] | None
    token: str
    time: float

    @property
    def preview_disabled(self) -> bool:
        """Whether the bot asked for no link preview, in either the old or the new way."""
        if self.link_preview_options is not None:
            return bool(self.link_preview_options.get("is_disabled"))
        return bool(self.disable_web_page_preview)


class _ApiError(Exception):
    def __init__(self, status: int, description: str, **parameters: int) -> None:
        super().__init__(description)
        self.status = status
        self.body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            self.body["parameters"] = parameters


_Handler = Callable[[str, dict[str, Any]], Any]
_SENDING = frozenset({"sendmessage", "sendphoto", "senddocument", "copymessage", "forwardmessage"})


@dataclass(frozen=True, slots=True)
class _Limits:
    per_second: float
    private_gap: float
    group_per_minute: int


class FakeBotApi(ThreadedServer):
    """A Bot API on a loopback port. ``token``: if given, other tokens get 401 Unauthorized."""

    def __init__(self, *, token: str | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(host=host, port=port)
        self._token = token
        self._changes = Changes()
        self._calls: list[ApiCall] = []
        self._sent: list[SentMessage] = []
        self._edits: list[SentMessage] = []
        self._updates: list[dict[str, Any]] = []
        self._next_update_id = 1
        self._next_callback_id = 1
        self._next_message_id: dict[int | str, int] = {}
        self._messages: dict[tuple[int | str, int], tuple[SentMessage, dict[str, Any]]] = {}
        self._chats: dict[int | str, dict[str, Any]] = {}
        self._commands: dict[tuple[str, str], list[Any]] = {}
        self._blocked: set[int | str] = set()
        self._not_found: set[int | str] = set()
        self._migrated: dict[int | str, int] = {}
        self._floods: dict[int | str | None, list[int]] = {}  # chat (None: any) -> [after, times]
        self._failures: dict[str, list[int]] = {}  # lower-case method -> [status, times]
        self._send_delay = 0.0
        self._limits: _Limits | None = None
        self._recent_all: deque[float] = deque()
        self._recent_by_chat: dict[int | str, deque[float]] = {}
        self._poll_generation = 0
        self._closing = False
        self._updates_event: asyncio.Event | None = None
        self._handlers: dict[str, _Handler] = {
            "getme": self._get_me,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
        }

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``"""
        return self.origin

    @property
    def base_url(self) -> str:
        """What PTB's ``base_url`` wants: ``http://127.0.0.1:PORT/bot``."""
        return f"{self.origin}/bot"

    @property
    def base_file_url(self) -> str:
        """What PTB's ``base_file_url`` wants: ``http://127.0.0.1:PORT/file/bot``."""
        return f"{self.origin}/file/bot"

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
        user = _user(user_id if user_id is not None else chat_id, first_name, language_code)
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
                "from": _user(uid, "Test", language_code),
                "message": message,
                "chat_instance": str(chat_id),
                "data": data,
            }
            self._queue_update({"callback_query": query})
        return callback_id

    # -- what the bot did --------------------------------------------------------------------------

    def sent(self, chat_id: int | str | None = None) -> list[SentMessage]:
        with self._changes:
            return [m for m in self._sent if chat_id is None or m.chat_id == chat_id]

    def edits(self, chat_id: int | str | None = None) -> list[SentMessage]:
        with self._changes:
            return [m for m in self._edits if chat_id is None or m.chat_id == chat_id]

    def calls(self, method: str | None = None) -> list[ApiCall]:
        """Every request (``method`` compares case-insensitively), failed ones included."""
        with self._changes:
            return [c for c in self._calls if method is None or c.method.lower() == method.lower()]

    def tokens(self) -> set[str]:
        with self._changes:
            return {c.token for c in self._calls}

    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by a getUpdates offset."""
        with self._changes:
            return len(self._updates)

    def commands(self, *, scope: Mapping[str, Any] | None = None, language_code: str = "") -> Any:
        """The command list set with setMyCommands for ``scope``/``language_code``."""
        with self._changes:
            return list(self._commands.get(_commands_key(scope, language_code), []))

    def wait_for_messages(
        self, count: int, chat_id: int | str | None = None, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Block until at least ``count`` messages were sent (to ``chat_id``); return them all.
        Blocks the calling thread: in an async test use :meth:`await_messages`."""
        return self._changes.wait(*self._waiting_messages(count, chat_id), timeout)

    def wait_for_edits(
        self, count: int, chat_id: int | str | None = None, timeout: float = 5.0
    ) -> list[SentMessage]:
        """Block until at least ``count`` edits were made (in ``chat_id``); return them all."""
        return self._changes.wait(*self._waiting_messages(count, chat_id, edits=True), timeout)

    async def await_edits(
        self,
        count: int,
        chat_id: int | str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 -- the same signature as wait_for_edits
    ) -> list[SentMessage]:
        """:meth:`wait_for_edits` for async tests: does not block the caller's loop."""
        return await self._changes.until(
            *self._waiting_messages(count, chat_id, edits=True), timeout
        )

    async def await_messages(
        self,
        count: int,
        chat_id: int | str | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 -- the same signature as wait_for_messages
    ) -> list[SentMessage]:
        """:meth:`wait_for_messages` for async tests: does not block the caller's loop."""
        return await self._changes.until(*self._waiting_messages(count, chat_id), timeout)

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 5.0) -> list[ApiCall]:
        """Block until ``method`` was called at least ``count`` times; return those calls."""
        return self._changes.wait(*self._waiting_calls(method, count), timeout)

    async def await_calls(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 -- the same signature as wait_for_calls
    ) -> list[ApiCall]:
        """:meth:`wait_for_calls` for async tests: does not block the caller's loop."""
        return await self._changes.until(*self._waiting_calls(method, count), timeout)

    # -- making Telegram misbehave -----------------------------------------------------------------

    def block(self, chat_id: int | str) -> None:
        """The user blocked the bot: anything sent to ``chat_id`` answers 403."""
        with self._changes:
            self._blocked.add(chat_id)

    def unblock(self, chat_id: int | str) -> None:
        with self._changes:
            self._blocked.discard(chat_id)

    def flood(self, chat_id: int | str | None, retry_after: int, times: int = 1) -> None:
        """The next ``times`` requests for ``chat_id`` (``None``: any chat) answer 429."""
        with self._changes:
            self._floods[chat_id] = [retry_after, times]

    def fail(self, method: str, status: int = 500, times: int = 1) -> None:
        """The next ``times`` calls of ``method`` answer ``status`` (a 5xx, say)."""
        with self._changes:
            self._failures[method.lower()] = [status, times]

    def migrate(self, chat_id: int | str, new_chat_id: int) -> None:
        """The group became a supergroup: sends to ``chat_id`` answer 400, migrate_to_chat_id."""
        with self._changes:
            self._migrated[chat_id] = new_chat_id

    def not_found(self, chat_id: int | str) -> None:
        """Sends to ``chat_id`` answer 400 "Bad Request: chat not found"."""
        with self._changes:
            self._not_found.add(chat_id)

    def enforce_limits(
        self,
        *,
        per_second: float = 30,
        private_gap: float = 0.9,
        group_per_minute: int = 20,
    ) -> None:
        """Answer 429 (with ``retry_after``) like Telegram when the bot sends too fast: more than
        ``per_second`` messages in any one-second window overall, two messages to one private
        chat (positive id) less than ``private_gap`` s apart, or more than ``group_per_minute``
        to a group or channel (negative id) in any minute. Only accepted messages count."""
        with self._changes:
            self._limits = _Limits(per_second, private_gap, group_per_minute)

    def too_many_requests(self) -> int:
        """How many requests were answered 429."""
        with self._changes:
            return sum(1 for call in self._calls if call.status == 429)

    def set_send_delay(self, seconds: float) -> None:
        """Answer each sendMessage ``seconds`` late; the message counts as delivered on arrival."""
        with self._changes:
            self._send_delay = seconds

    def heal(self) -> None:
        """Undo every block, flood, failure, migration, not_found and send delay."""
        with self._changes:
            self._blocked.clear()
            self._not_found.clear()
            self._migrated.clear()
            self._floods.clear()
            self._failures.clear()
            self._send_delay = 0.0
            self._limits = None

    # -- serving -----------------------------------------------------------------------------------

    def _build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", r"/bot{token:[^/]+}/{method}", self._handle)
        return app

    async def _on_started(self) -> None:
        self._closing = False
        self._updates_event = asyncio.Event()

    async def _on_stopping(self) -> None:
        self._closing = True
        if self._updates_event is not None:
            self._updates_event.set()

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await _read_params(request)
        handler = self._handlers.get(method.lower(), _always_true)
        polling = method.lower() == "getupdates"
        delay = 0.0
        with self._changes:
            try:
                self._check_faults(token, method, params)
                # Most handlers only touch state under the lock; getUpdates waits outside it.
                result = None if polling else handler(token, params)
                status = 200
            except _ApiError as error:
                result, status = error, error.status
            if status == 200 and method.lower() == "sendmessage":
                delay = self._send_delay
            self._calls.append(ApiCall(method, token, params, status, time.monotonic()))
            self._changes.notify()
        if isinstance(result, _ApiError):
            return web.json_response(result.body, status=result.status)
        if polling:
            return await self._long_poll(params)
        if delay:
            await asyncio.sleep(delay)
        return web.json_response({"ok": True, "result": result})

    def _check_faults(self, token: str, method: str, params: Mapping[str, Any]) -> None:
        if self._token is not None and token != self._token:
            raise _ApiError(401, "Unauthorized")
        failure = self._failures.get(method.lower())
        if failure is not None:
            _use_once(self._failures, method.lower(), failure)
            raise _ApiError(failure[0], HTTPStatus(failure[0]).phrase)
        chat_id = params.get("chat_id")
        if chat_id is None:
            return
        flood_key = chat_id if chat_id in self._floods else None
        flood = self._floods.get(flood_key)
        if flood is not None:
            _use_once(self._floods, flood_key, flood)
            after = flood[0]
            raise _ApiError(429, f"Too Many Requests: retry after {after}", retry_after=after)
        if chat_id in self._not_found:
            raise _ApiError(400, "Bad Request: chat not found")
        if chat_id in self._migrated:
            raise _ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=self._migrated[chat_id],
            )
        if chat_id in self._blocked:
            raise _ApiError(403, "Forbidden: bot was blocked by the user")
        if self._limits is not None and method.lower() in _SENDING:
            self._check_limits(chat_id, self._limits, time.monotonic())

    def _check_limits(self, chat_id: int | str, limits: _Limits, now: float) -> None:
        overall = self._recent_all
        while overall and overall[0] <= now - 1.0:
            overall.popleft()
        if len(overall) >= limits.per_second:
            raise _ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        recent = self._recent_by_chat.setdefault(chat_id, deque())
        group = (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str)
        window = 60.0 if group else limits.private_gap
        while recent and recent[0] <= now - window:
            recent.popleft()
        allowed = limits.group_per_minute if group else 1
        if len(recent) >= allowed:
            after = max(1, math.ceil(recent[0] + window - now))
            raise _ApiError(429, f"Too Many Requests: retry after {after}", retry_after=after)
        overall.append(now)
        recent.append(now)

    # -- methods (called with the lock held) ------------------------------------------------------

    def _get_me(self, token: str, params: dict[str, Any]) -> Any:
        return dict(BOT_USER)

    def _send_message(self, token: str, params: dict[str, Any]) -> Any:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int | str) or chat_id == "":
            raise _ApiError(400, "Bad Request: chat_id is empty")
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        visible = _visible_text(text, parse_mode)
        markup = params.get("reply_markup")
        preview = params.get("link_preview_options")
        thread_id = params.get("message_thread_id")
        message = SentMessage(
            chat_id=chat_id,
            message_id=self._new_message_id(chat_id),
            text=text,
            parse_mode=parse_mode,
            reply_markup=markup if isinstance(markup, dict) else None,
            thread_id=thread_id if isinstance(thread_id, int) else None,
            disable_web_page_preview=_bool_or_none(params.get("disable_web_page_preview")),
            link_preview_options=preview if isinstance(preview, dict) else None,
            token=token,
            time=time.monotonic(),
        )
        body = self._message_json(chat_id, message.message_id, visible, message)
        self._sent.append(message)
        self._messages[(chat_id, message.message_id)] = (message, body)
        return body

    def _edit_message_text(self, token: str, params: dict[str, Any]) -> Any:
        if "inline_message_id" in params:
            return True
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        stored = self._messages.get((chat_id, message_id))  # type: ignore[arg-type]
        if stored is None:
            raise _ApiError(400, "Bad Request: message to edit not found")
        old = stored[0]
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        visible = _visible_text(text, parse_mode)
        markup = params.get("reply_markup")
        markup = markup if isinstance(markup, dict) else None
        if (text, parse_mode, markup) == (old.text, old.parse_mode, old.reply_markup):
            raise _ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply"
                " markup are exactly the same as a current content and reply markup of the message",
            )
        edited = SentMessage(
            chat_id=old.chat_id,
            message_id=old.message_id,
            text=text,
            parse_mode=parse_mode,
            reply_markup=markup,
            thread_id=old.thread_id,
            disable_web_page_preview=old.disable_web_page_preview,
            link_preview_options=old.link_preview_options,
            token=token,
            time=time.monotonic(),
        )
        body = self._message_json(old.chat_id, old.message_id, visible, edited)
        body["edit_date"] = int(time.time())
        self._edits.append(edited)
        self._messages[(old.chat_id, old.message_id)] = (edited, body)
        return body

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

    def _set_my_commands(self, token: str, params: dict[str, Any]) -> Any:
        key = _commands_key(params.get("scope"), params.get("language_code", ""))
        self._commands[key] = list(params.get("commands") or [])
        return True

    def _get_my_commands(self, token: str, params: dict[str, Any]) -> Any:
        key = _commands_key(params.get("scope"), params.get("language_code", ""))
        return list(self._commands.get(key, []))

    def _delete_my_commands(self, token: str, params: dict[str, Any]) -> Any:
        self._commands.pop(
            _commands_key(params.get("scope"), params.get("language_code", "")), None
        )
        return True

    async def _long_poll(self, params: Mapping[str, Any]) -> web.Response:
        """getUpdates: confirm updates below ``offset``, answer at once if any are left, else wait
        up to ``timeout`` seconds for one. A newer getUpdates ends an older one with 409, as
        Telegram does when two instances poll."""
        offset = _int(params.get("offset"), 0)
        limit = min(max(_int(params.get("limit"), 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        event = self._updates_event
        assert event is not None
        with self._changes:
            self._poll_generation += 1
            generation = self._poll_generation
        event.set()  # an older poll, if waiting, wakes and sees it was superseded
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event.clear()
            with self._changes:
                if generation != self._poll_generation:
                    return web.json_response(
                        _ApiError(
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

    def _waiting_messages(
        self, count: int, chat_id: int | str | None, *, edits: bool = False
    ) -> tuple[Callable[[], list[SentMessage] | None], Callable[[], str]]:
        source = self._edits if edits else self._sent

        def probe() -> list[SentMessage] | None:
            found = [m for m in source if chat_id is None or m.chat_id == chat_id]
            return found if len(found) >= count else None

        def describe() -> str:
            found = self.edits(chat_id) if edits else self.sent(chat_id)
            where = "" if chat_id is None else f" to chat {chat_id}"
            texts = "".join(f"\n  {m.chat_id}: {m.text[:80]!r}" for m in found)
            kind = "edits" if edits else "messages"
            return f"expected {count} {kind}{where}, got {len(found)}{texts}"

        return probe, describe

    def _waiting_calls(
        self, method: str, count: int
    ) -> tuple[Callable[[], list[ApiCall] | None], Callable[[], str]]:
        def probe() -> list[ApiCall] | None:
            found = [c for c in self._calls if c.method.lower() == method.lower()]
            return found if len(found) >= count else None

        def describe() -> str:
            return f"expected {count} {method} calls, got {len(self.calls(method))}"

        return probe, describe


def _always_true(token: str, params: dict[str, Any]) -> Any:
    return True


def _use_once(table: dict[Any, list[int]], key: Any, entry: list[int]) -> None:
    entry[1] -= 1
    if entry[1] <= 0:
        del table[key]


def _user(user_id: int, first_name: str, language_code: str) -> dict[str, Any]:
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": first_name,
        "language_code": language_code,
    }


def _commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
    scope_key = json.dumps(scope, sort_keys=True) if scope else '{"type": "default"}'
    return scope_key, str(language_code or "")


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _bool_or_none(value: Any) -> bool | None:
    return None if value is None else bool(value)


async def _read_params(request: web.Request) -> dict[str, Any]:
    """Parameters from the query string and a JSON, form or multipart body, decoded as Telegram
    does: form values are JSON unless the parameter is free text; uploaded files become bytes."""
    params: dict[str, Any] = {k: _decode(k, v) for k, v in request.query.items()}
    if not request.can_read_body:
        return params
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            params.update(body)
        return params
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, str):
            params[key] = _decode(key, value)
        elif isinstance(value, bytes | bytearray):
            params[key] = bytes(value)
        else:  # an uploaded file
            params[key] = value.file.read()
    return params


def _decode(key: str, value: str) -> Any:
    if key in _TEXT_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class _VisibleText(HTMLParser):
    """Telegram's HTML parse mode, strictly enough to catch unescaped text: unknown tags and
    unbalanced tags are errors."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            self.error = self.error or f'Unsupported start tag "{tag}"'
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.error = self.error or f'Can\'t find end tag corresponding to start tag "{tag}"'
        else:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _visible_text(text: str, parse_mode: Any) -> str:
    """The text a user sees; raises the 400s Telegram gives for empty, long or malformed text."""
    visible = text
    if isinstance(parse_mode, str) and parse_mode.upper() == "HTML":
        parser = _VisibleText()
        parser.feed(text)
        parser.close()
        if parser.error is None and parser.open:
            parser.error = f'Can\'t find end tag corresponding to start tag "{parser.open[-1]}"'
        if parser.error is not None:
            raise _ApiError(400, f"Bad Request: can't parse entities: {parser.error}")
        visible = unescape("".join(parser.parts))
    if not visible.strip():
        raise _ApiError(400, "Bad Request: message text is empty")
    if len(visible) > MAX_MESSAGE_LENGTH:
        raise _ApiError(400, "Bad Request: message is too long")
    return visible


def main(argv: list[str] | None = None) -> None:
    """Run the fake Bot API until interrupted, printing each message the bot sends."""
    parser = argparse.ArgumentParser(prog="python -m tests.servers.botapi")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    with FakeBotApi(port=args.port) as api:
        print(f"fake Bot API at {api.base_url} … (Ctrl-C stops)")
        seen = 0
        try:
            while True:
                time.sleep(0.5)
                messages = api.sent()
                for message in messages[seen:]:
                    print(f"→ {message.chat_id}: {message.text}")
                seen = len(messages)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
