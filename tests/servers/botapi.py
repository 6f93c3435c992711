"""A fake Telegram Bot API server that the real python-telegram-bot client talks to over HTTP.

Point PTB at it with ``ApplicationBuilder().token(t).base_url(api.base_url)
.base_file_url(api.base_file_url)``. It answers ``/bot<token>/<method>`` with parameters sent as
JSON, form fields (what PTB 22 sends: every value a string, non-strings JSON-encoded) or multipart.
It implements what the service uses — getMe, getUpdates (a real long poll), sendMessage,
sendPhoto (a multipart upload, its bytes kept), editMessageText, editMessageReplyMarkup, the
command and webhook methods — and answers ``{"ok": true, "result": true}`` to
anything else: never 404, which PTB reads as an invalid token. The wire format is in
``botapi_wire.py``, the conversation side (updates) in ``botapi_updates.py``, the faults in
``botapi_faults.py``.

Tests drive it from any thread: :meth:`FakeBotApi.user_sends` and :meth:`FakeBotApi.user_presses`
queue updates; :meth:`FakeBotApi.sent`, :meth:`FakeBotApi.calls` and the ``wait_…``/``await_…``
methods show what the bot did; ``block``, ``flood``, ``fail``, ``migrate``, ``not_found``,
``set_send_delay`` and ``pause``/``stop``/``start`` make Telegram misbehave like the real one.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import time
from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import web

from tests.servers.botapi_faults import FaultyServer
from tests.servers.botapi_wire import (
    BOT_USER,
    ApiCall,
    ApiError,
    SentMessage,
    always_true,
    bool_or_none,
    commands_key,
    read_params,
    user_json,
    visible_text,
)

_Handler = Callable[[str, dict[str, Any]], Any]


class FakeBotApi(FaultyServer):
    """A Bot API on a loopback port. ``token``: if given, other tokens get 401 Unauthorized."""

    def __init__(self, *, token: str | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__(token=token, host=host, port=port)
        self._calls: list[ApiCall] = []
        self._sent: list[SentMessage] = []
        self._edits: list[SentMessage] = []
        self._commands: dict[tuple[str, str], list[Any]] = {}
        self._handlers: dict[str, _Handler] = {
            "getme": self._get_me,
            "sendmessage": self._send_message,
            "sendphoto": self._send_photo,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "editmessagetext": self._edit_message_text,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "getchatmember": self._get_chat_member,
        }
        self._members: dict[tuple[int | str, int], str] = {}  # (chat, user) -> status
        self._me: dict[str, Any] = dict(BOT_USER)

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

    # -- who is who -------------------------------------------------------------------------------

    def set_member(self, chat_id: int | str, user_id: int, status: str = "administrator") -> None:
        """getChatMember answers ``status`` (creator, administrator, member, left, kicked…) for
        the user in the chat; anyone not set is a plain member."""
        with self._changes:
            self._members[(chat_id, user_id)] = status

    def set_me(self, **fields: Any) -> None:
        """Change getMe's answer; a field set to None is left out (``is_bot=None``)."""
        with self._changes:
            for key, value in fields.items():
                if value is None:
                    self._me.pop(key, None)
                else:
                    self._me[key] = value

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

    def commands(self, *, scope: Mapping[str, Any] | None = None, language_code: str = "") -> Any:
        """The command list set with setMyCommands for ``scope``/``language_code``."""
        with self._changes:
            return list(self._commands.get(commands_key(scope, language_code), []))

    def wait_for_messages(
        self, count: int, chat_id: int | str | None = None, timeout: float = 15.0
    ) -> list[SentMessage]:
        """Block until at least ``count`` messages were sent (to ``chat_id``); return them all.
        Blocks the calling thread: in an async test use :meth:`await_messages`."""
        return self._changes.wait(*self._waiting_messages(count, chat_id), timeout)

    def wait_for_edits(
        self, count: int, chat_id: int | str | None = None, timeout: float = 15.0
    ) -> list[SentMessage]:
        """Block until at least ``count`` edits were made (in ``chat_id``); return them all."""
        return self._changes.wait(*self._waiting_messages(count, chat_id, edits=True), timeout)

    async def await_edits(
        self,
        count: int,
        chat_id: int | str | None = None,
        timeout: float = 15.0,  # noqa: ASYNC109 -- the same signature as wait_for_edits
    ) -> list[SentMessage]:
        """:meth:`wait_for_edits` for async tests: does not block the caller's loop."""
        return await self._changes.until(
            *self._waiting_messages(count, chat_id, edits=True), timeout
        )

    async def await_messages(
        self,
        count: int,
        chat_id: int | str | None = None,
        timeout: float = 15.0,  # noqa: ASYNC109 -- the same signature as wait_for_messages
    ) -> list[SentMessage]:
        """:meth:`wait_for_messages` for async tests: does not block the caller's loop."""
        return await self._changes.until(*self._waiting_messages(count, chat_id), timeout)

    def wait_for_calls(self, method: str, count: int = 1, timeout: float = 15.0) -> list[ApiCall]:
        """Block until ``method`` was called at least ``count`` times; return those calls."""
        return self._changes.wait(*self._waiting_calls(method, count), timeout)

    async def await_calls(
        self,
        method: str,
        count: int = 1,
        timeout: float = 15.0,  # noqa: ASYNC109 -- the same signature as wait_for_calls
    ) -> list[ApiCall]:
        """:meth:`wait_for_calls` for async tests: does not block the caller's loop."""
        return await self._changes.until(*self._waiting_calls(method, count), timeout)

    def too_many_requests(self) -> int:
        """How many requests were answered 429."""
        with self._changes:
            return sum(1 for call in self._calls if call.status == 429)

    # -- serving -----------------------------------------------------------------------------------

    def _build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", r"/bot{token:[^/]+}/{method}", self._handle)
        return app

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        params = await read_params(request)
        handler = self._handlers.get(method.lower(), always_true)
        polling = method.lower() == "getupdates"
        if held := self._take_hold(method.lower()):
            await asyncio.sleep(held)
        delay = 0.0
        with self._changes:
            if method.lower() in self._redirecting:
                self._calls.append(ApiCall(method, token, params, 307, time.monotonic()))
                self._changes.notify()
                raise web.HTTPTemporaryRedirect(str(request.url))
            garbled = self._garbled.get(method.lower())
            try:
                self._check_faults(token, method, params)
                # Most handlers only touch state under the lock; getUpdates waits outside it.
                result = None if polling else handler(token, params)
                status = 200
            except ApiError as error:
                result, status = error, error.status
            if status == 200 and method.lower() == "sendmessage":
                delay = self._send_delay
            self._calls.append(ApiCall(method, token, params, status, time.monotonic()))
            self._changes.notify()
        if isinstance(result, ApiError):
            return web.json_response(result.body, status=result.status)
        if polling:
            return await self._long_poll(request, params)
        if delay:
            await asyncio.sleep(delay)
        if garbled == "json":
            return web.Response(text="<html>gateway says hello", content_type="text/html")
        if garbled == "shape":
            return web.json_response({"ok": True, "result": {"garbled": True}})
        return web.json_response({"ok": True, "result": result})

    # -- methods (called with the lock held) ------------------------------------------------------

    def _get_me(self, token: str, params: dict[str, Any]) -> Any:
        return dict(self._me)

    def _get_chat_member(self, token: str, params: dict[str, Any]) -> Any:
        chat_id, user_id = params.get("chat_id"), params.get("user_id")
        if not isinstance(chat_id, int | str) or not isinstance(user_id, int):
            raise ApiError(400, "Bad Request: chat_id or user_id is empty")
        status = self._members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {"status": status, "user": user_json(user_id, "Test", "en")}
        if status == "creator":
            member["is_anonymous"] = False
        if status == "administrator":
            member.update(
                can_be_edited=False, is_anonymous=False, can_manage_chat=True,
                can_delete_messages=True, can_manage_video_chats=True, can_restrict_members=True,
                can_promote_members=False, can_change_info=True, can_invite_users=True,
                can_post_stories=False, can_edit_stories=False, can_delete_stories=False,
            )  # fmt: skip
        if status == "kicked":
            member["until_date"] = 0
        return member

    def _send_message(self, token: str, params: dict[str, Any]) -> Any:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int | str) or chat_id == "":
            raise ApiError(400, "Bad Request: chat_id is empty")
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        visible = visible_text(text, parse_mode)
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
            disable_web_page_preview=bool_or_none(params.get("disable_web_page_preview")),
            link_preview_options=preview if isinstance(preview, dict) else None,
            token=token,
            time=time.monotonic(),
        )
        body = self._message_json(chat_id, message.message_id, visible, message)
        self._sent.append(message)
        self._messages[(chat_id, message.message_id)] = (message, body)
        return body

    def _send_photo(self, token: str, params: dict[str, Any]) -> Any:
        photo, caption = params.get("photo"), str(params.get("caption", ""))
        if not isinstance(photo, bytes) or not photo:
            raise ApiError(400, "Bad Request: there is no photo in the request")
        if len(caption) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        body = self._send_message(token, {**params, "text": caption or "-", "parse_mode": None})
        message = dataclasses.replace(self._sent.pop(), text=caption, photo=photo)
        body.pop("text")
        size = {"file_id": f"p{message.message_id}", "file_unique_id": f"p{message.message_id}"}
        body.update(caption=caption, photo=[{**size, "width": 800, "height": 450}])
        self._sent.append(message)
        self._messages[(message.chat_id, message.message_id)] = (message, body)
        return body

    def _edit_message_reply_markup(self, token: str, params: dict[str, Any]) -> Any:
        key = (params.get("chat_id"), params.get("message_id"))
        stored = self._messages.get(key)  # type: ignore[arg-type]
        if stored is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        markup = params.get("reply_markup")
        edited = dataclasses.replace(
            stored[0], reply_markup=markup if isinstance(markup, dict) else None, token=token,
            time=time.monotonic(),
        )  # fmt: skip
        body = {k: v for k, v in stored[1].items() if k != "reply_markup"}
        if edited.reply_markup:
            body["reply_markup"] = edited.reply_markup
        self._edits.append(edited)
        self._messages[(edited.chat_id, edited.message_id)] = (edited, body)
        return body

    def _edit_message_text(self, token: str, params: dict[str, Any]) -> Any:
        if "inline_message_id" in params:
            return True
        chat_id, message_id = params.get("chat_id"), params.get("message_id")
        stored = self._messages.get((chat_id, message_id))  # type: ignore[arg-type]
        if stored is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        old = stored[0]
        text = str(params.get("text", ""))
        parse_mode = params.get("parse_mode")
        visible = visible_text(text, parse_mode)
        markup = params.get("reply_markup")
        markup = markup if isinstance(markup, dict) else None
        if (text, parse_mode, markup) == (old.text, old.parse_mode, old.reply_markup):
            raise ApiError(
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

    def _set_my_commands(self, token: str, params: dict[str, Any]) -> Any:
        key = commands_key(params.get("scope"), params.get("language_code", ""))
        self._commands[key] = list(params.get("commands") or [])
        return True

    def _get_my_commands(self, token: str, params: dict[str, Any]) -> Any:
        key = commands_key(params.get("scope"), params.get("language_code", ""))
        return list(self._commands.get(key, []))

    def _delete_my_commands(self, token: str, params: dict[str, Any]) -> Any:
        self._commands.pop(commands_key(params.get("scope"), params.get("language_code", "")), None)
        return True

    # -- helpers (lock held) -----------------------------------------------------------------------

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
