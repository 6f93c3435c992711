"""The fake Bot API misbehaving like the real one: blocked users, flood waits, 5xx answers,
migrated groups, missing chats, slow answers, Telegram's rate limits, refused links, and answers
no client can read (garbled bodies, redirect loops).

Each fault is set by a thread-safe method (``block``, ``flood``, ``fail``, ``migrate``,
``not_found``, ``enforce_limits``, ``set_send_delay``, ``hold_next_send``, ``refuse_links``,
``garble``, ``redirect_loop``; ``heal`` undoes them all) and checked by
:meth:`FaultyServer._check_faults` before a request is answered.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal

from tests.servers.botapi_updates import UpdatesServer
from tests.servers.botapi_wire import ApiError

Garble = Literal["json", "shape"]  # not JSON at all / JSON whose result is not the right object
SENDING = frozenset({"sendmessage", "sendphoto", "senddocument", "copymessage", "forwardmessage"})


@dataclass(frozen=True, slots=True)
class _Limits:
    per_second: float
    private_gap: float
    group_per_minute: int


class FaultyServer(UpdatesServer):
    """The faults set on the server, and the recent sends its rate limits count.
    ``token``: if given, other tokens get 401 Unauthorized."""

    def __init__(self, *, token: str | None, host: str, port: int) -> None:
        super().__init__(host=host, port=port)
        self._token = token
        self._blocked: set[int | str] = set()
        self._not_found: set[int | str] = set()
        self._migrated: dict[int | str, int] = {}
        self._floods: dict[int | str | None, list[int]] = {}  # chat (None: any) -> [after, times]
        self._failures: dict[str, list[int]] = {}  # lower-case method -> [status, times]
        self._send_delay = 0.0
        self._holds: deque[float] = deque()  # how late each of the next sendMessages arrives
        self._limits: _Limits | None = None
        self._recent_all: deque[float] = deque()
        self._recent_by_chat: dict[int | str, deque[float]] = {}
        self._refuse_links = False
        self._garbled: dict[str, Garble] = {}  # lower-case method -> how its answers are garbled
        self._redirecting: set[str] = set()  # lower-case methods answered by a redirect loop

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

    def set_send_delay(self, seconds: float) -> None:
        """Answer each sendMessage ``seconds`` late; the message counts as delivered on arrival."""
        with self._changes:
            self._send_delay = seconds

    def hold_next_send(self, seconds: float) -> None:
        """The next sendMessage arrives ``seconds`` late (held up on the way, or by a busy
        client): the rate limits count it when it arrives."""
        with self._changes:
            self._holds.append(seconds)

    def _take_hold(self, method: str) -> float:
        """How late this request arrives (lock not held)."""
        with self._changes:
            return self._holds.popleft() if method == "sendmessage" and self._holds else 0.0

    def refuse_links(self, refuse: bool = True) -> None:
        """sendMessage/editMessageText with a link (``<a href``) or a URL button answer 400
        "Bad Request: wrong HTTP URL", as Telegram does for a link it does not accept."""
        with self._changes:
            self._refuse_links = refuse

    def garble(self, method: str, how: Garble = "shape") -> None:
        """Accept ``method`` (a sendMessage is delivered) but answer 200 with something no client
        can read: ``json`` is not JSON, ``shape`` is JSON whose result is not a message."""
        with self._changes:
            self._garbled[method.lower()] = how

    def redirect_loop(self, method: str) -> None:
        """Answer ``method`` with a redirect to itself, forever (the client gives up)."""
        with self._changes:
            self._redirecting.add(method.lower())

    def heal(self) -> None:
        """Undo every block, flood, failure, migration, not_found and send delay."""
        with self._changes:
            self._blocked.clear()
            self._not_found.clear()
            self._migrated.clear()
            self._floods.clear()
            self._failures.clear()
            self._send_delay = 0.0
            self._holds.clear()
            self._limits = None
            self._refuse_links = False
            self._garbled.clear()
            self._redirecting.clear()

    # -- checking (lock held) ----------------------------------------------------------------------

    def _check_faults(self, token: str, method: str, params: Mapping[str, Any]) -> None:
        if self._token is not None and token != self._token:
            raise ApiError(401, "Unauthorized")
        failure = self._failures.get(method.lower())
        if failure is not None:
            _use_once(self._failures, method.lower(), failure)
            raise ApiError(failure[0], HTTPStatus(failure[0]).phrase)
        chat_id = params.get("chat_id")
        if chat_id is None:
            return
        flood_key = chat_id if chat_id in self._floods else None
        flood = self._floods.get(flood_key)
        if flood is not None:
            _use_once(self._floods, flood_key, flood)
            after = flood[0]
            raise ApiError(429, f"Too Many Requests: retry after {after}", retry_after=after)
        if chat_id in self._not_found:
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id in self._migrated:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=self._migrated[chat_id],
            )
        if chat_id in self._blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if self._limits is not None and method.lower() in SENDING:
            self._check_limits(chat_id, self._limits, time.monotonic())
        if self._refuse_links and _has_link(params):
            raise ApiError(400, "Bad Request: wrong HTTP URL")

    def _check_limits(self, chat_id: int | str, limits: _Limits, now: float) -> None:
        overall = self._recent_all
        while overall and overall[0] <= now - 1.0:
            overall.popleft()
        if len(overall) >= limits.per_second:
            raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
        recent = self._recent_by_chat.setdefault(chat_id, deque())
        group = (isinstance(chat_id, int) and chat_id < 0) or isinstance(chat_id, str)
        window = 60.0 if group else limits.private_gap
        while recent and recent[0] <= now - window:
            recent.popleft()
        allowed = limits.group_per_minute if group else 1
        if len(recent) >= allowed:
            after = max(1, math.ceil(recent[0] + window - now))
            raise ApiError(429, f"Too Many Requests: retry after {after}", retry_after=after)
        overall.append(now)
        recent.append(now)


def _has_link(params: Mapping[str, Any]) -> bool:
    markup = params.get("reply_markup")
    buttons = markup.get("inline_keyboard", []) if isinstance(markup, Mapping) else []
    url_button = any(isinstance(b, Mapping) and "url" in b for row in buttons for b in row)
    return "<a href" in str(params.get("text", "")) or url_button


def _use_once(table: dict[Any, list[int]], key: Any, entry: list[int]) -> None:
    entry[1] -= 1
    if entry[1] <= 0:
        del table[key]
