"""Talking to the bot as a user does, through the fake Bot API, and writing it down.

:class:`User` sends messages and presses buttons and waits for what the bot does in return;
every step goes into a :class:`Transcript`, which renders as the conversation in
docs/conversation.md. The times of the test run are all shown as one fixed moment
(:func:`Transcript.steady`), so the document changes only when a reply does.
"""

from __future__ import annotations

import itertools
import re
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.render.messages import strip_tags, when
from tests.servers import ApiCall, FakeBotApi, SentMessage

SHOWN_AT = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)  # where a transcript's run is moved to
ZONES = ("UTC", "Asia/Ho_Chi_Minh")  # the time zones the conversation's readers have
_AGO = re.compile(r"\b\d+ (s|min|giây|phút)( ago| trước)")


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def buttons(message: SentMessage) -> list[list[str]]:
    """The labels of a message's inline keyboard, row by row."""
    markup: Mapping[str, Any] = message.reply_markup or {}
    return [[str(b["text"]) for b in row] for row in markup.get("inline_keyboard", [])]


def button_data(message: SentMessage) -> dict[str, str]:
    """callback data (or URL) -> label, for every button of a message."""
    markup: Mapping[str, Any] = message.reply_markup or {}
    found = {}
    for row in markup.get("inline_keyboard", []):
        for b in row:
            found[str(b.get("callback_data") or b.get("url"))] = str(b["text"])
    return found


@dataclass
class Transcript:
    """The steps of a conversation, in order."""

    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    steps: list[str] = field(default_factory=list)

    def heading(self, text: str) -> None:
        self.steps.append(f"### {text}")

    def user(self, text: str) -> None:
        self.steps.append(f"👤 `{text}`")

    def press(self, label: str) -> None:
        self.steps.append(f"👤 taps **{label}**")

    def notice(self, text: str) -> None:
        self.steps.append(f"🤖 *{text}*")

    def bot(self, message: SentMessage, *, edited: bool = False) -> None:
        lines = strip_tags(message.text).splitlines()
        if message.photo is not None:
            width, height = png_size(message.photo)
            lines.insert(0, f"[picture: {width}×{height} PNG]")
        lines += [" ".join(f"[{label}]" for label in row) for row in buttons(message)]
        head = "🤖 (edits its message)" if edited else "🤖"
        self.steps.append(head + "\n\n```text\n" + "\n".join(lines) + "\n```")

    def render(self, ended: datetime) -> str:
        intro = (
            "# A conversation with the bot\n\n"
            "Written by `tests/e2e/test_conversation.py` from what the real service sent to the "
            "fake Bot API (the visible text of each message, its buttons as `[labels]`). The times "
            f"of the test run are shown as {when(SHOWN_AT, 'en')}.\n"
        )
        body = "\n\n".join(self.steady(step, ended) for step in self.steps)
        return f"{intro}\n{body}\n"

    def steady(self, text: str, ended: datetime) -> str:
        """``text`` with every time of the run shown as :data:`SHOWN_AT` (a run takes seconds,
        but may cross a minute), and every "N s ago" as 3 s."""
        minute = self.started.replace(second=0, microsecond=0) - timedelta(minutes=1)
        while minute <= ended + timedelta(minutes=1):
            for language, zone in itertools.product(("en", "vi"), ZONES):
                text = text.replace(when(minute, language, zone), when(SHOWN_AT, language, zone))
            minute += timedelta(minutes=1)
        return _AGO.sub(lambda m: f"3 {m.group(1)}{m.group(2)}", text)


class User:
    """One Telegram user in a private chat with the bot."""

    def __init__(
        self, api: FakeBotApi, chat: int, language_code: str, transcript: Transcript | None
    ) -> None:
        self.api = api
        self.chat = chat
        self.language_code = language_code
        self.transcript = transcript
        self.seen = 0  # messages to this chat the test has looked at

    def says(self, text: str, replies: int = 1, timeout: float = 15) -> list[SentMessage]:
        """Send a message; the bot's ``replies`` new messages to this chat."""
        before = self.seen
        if self.transcript:
            self.transcript.user(text)
        self.api.user_sends(self.chat, text, language_code=self.language_code)
        sent = self.api.wait_for_messages(before + replies, self.chat, timeout)
        new = sent[before : before + replies]
        self.seen = before + replies
        for message in new:
            if self.transcript:
                self.transcript.bot(message)
        return new

    def gets(self, timeout: float = 15) -> SentMessage:
        """The next message the bot sends unasked (an alert), written down."""
        message = self.api.wait_for_messages(self.seen + 1, self.chat, timeout)[self.seen]
        self.seen += 1
        if self.transcript:
            self.transcript.bot(message)
        return message

    def taps(
        self, message: SentMessage, data: str, *, edits: bool = True, timeout: float = 15
    ) -> tuple[ApiCall, SentMessage | None]:
        """Press the button with callback ``data`` on ``message``: the bot's answer to the press
        and, with ``edits``, the message as the bot rewrote it."""
        label = button_data(self.current(message)).get(data)
        assert label is not None, f"no button {data!r} on {buttons(self.current(message))}"
        before = len(self.api.edits(self.chat))
        answers = len(self.api.calls("answerCallbackQuery"))
        if self.transcript:
            self.transcript.press(label)
        query = self.api.user_presses(
            self.chat, message.message_id, data, language_code=self.language_code
        )
        answer = self._answer(query, answers, timeout)
        if answer.params.get("text") and self.transcript:
            self.transcript.notice(str(answer.params["text"]))
        if not edits:
            return answer, None
        edited = self.api.wait_for_edits(before + 1, self.chat, timeout)[before]
        if self.transcript:
            self.transcript.bot(edited, edited=True)
        return answer, edited

    def _answer(self, query: str, answers: int, timeout: float) -> ApiCall:
        deadline = time.monotonic() + timeout
        while True:
            calls = self.api.wait_for_calls("answerCallbackQuery", answers + 1, timeout)
            for call in calls:
                if call.params.get("callback_query_id") == query:
                    return call
            assert time.monotonic() < deadline, f"the press {query} was never answered"
            answers = len(calls)

    def current(self, message: SentMessage) -> SentMessage:
        """The message as it stands now (after any edits)."""
        for edited in reversed(self.api.edits(self.chat)):
            if edited.message_id == message.message_id:
                return edited
        return message
