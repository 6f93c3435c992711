"""The fake Bot API's wire format: what a request carries and what an answer looks like.

Parameters arrive as JSON, form fields (what PTB 22 sends: every value a string, non-strings
JSON-encoded) or multipart; text in the HTML parse mode is checked as strictly as Telegram does.
Errors are :class:`ApiError`, whose ``body`` is Telegram's error answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

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
    photo: bytes | None = None  # sendPhoto: the uploaded image (``text`` is its caption)

    @property
    def preview_disabled(self) -> bool:
        """Whether the bot asked for no link preview, in either the old or the new way."""
        if self.link_preview_options is not None:
            return bool(self.link_preview_options.get("is_disabled"))
        return bool(self.disable_web_page_preview)


class ApiError(Exception):
    """A refusal: the HTTP status and Telegram's JSON error body."""

    def __init__(self, status: int, description: str, **parameters: int) -> None:
        super().__init__(description)
        self.status = status
        self.body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if parameters:
            self.body["parameters"] = parameters


def always_true(token: str, params: dict[str, Any]) -> Any:
    return True


def user_json(user_id: int, first_name: str, language_code: str) -> dict[str, Any]:
    return {
        "id": user_id,
        "is_bot": False,
        "first_name": first_name,
        "language_code": language_code,
    }


def commands_key(scope: Any, language_code: Any) -> tuple[str, str]:
    scope_key = json.dumps(scope, sort_keys=True) if scope else '{"type": "default"}'
    return scope_key, str(language_code or "")


def int_or(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def bool_or_none(value: Any) -> bool | None:
    return None if value is None else bool(value)


async def read_params(request: web.Request) -> dict[str, Any]:
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


def visible_text(text: str, parse_mode: Any) -> str:
    """The text a user sees; raises the 400s Telegram gives for empty, long or malformed text."""
    visible = text
    if isinstance(parse_mode, str) and parse_mode.upper() == "HTML":
        parser = _VisibleText()
        parser.feed(text)
        parser.close()
        if parser.error is None and parser.open:
            parser.error = f'Can\'t find end tag corresponding to start tag "{parser.open[-1]}"'
        if parser.error is not None:
            raise ApiError(400, f"Bad Request: can't parse entities: {parser.error}")
        visible = unescape("".join(parser.parts))
    if not visible.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(visible) > MAX_MESSAGE_LENGTH:
        raise ApiError(400, "Bad Request: message is too long")
    return visible
