"""Logging: one event per line, and secrets replaced before anything is written.

On a terminal an event reads ``2026-11-22T09:05:00+0000 INFO watchers.pipeline feed.checked
feed=https://… status=ok``; elsewhere (systemd's journal, Docker, a file) it is one JSON object
per line with the same text in ``message`` and each ``key=value`` of it as a field
(``"event": "feed.checked", "feed": "https://…"``), so the feed, story and chat an event
concerns can be filtered on. ``DRAWDOWN_LOG_FORMAT=json`` or ``text`` overrides the choice.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

REDACTED = "<redacted>"
FORMAT_VARIABLE = "DRAWDOWN_LOG_FORMAT"
# A bot token as Telegram issues it (digits, a colon, 30-odd URL-safe characters), anywhere.
_TOKEN = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")
# The token part of a Bot API path, whatever the token looks like: /bot<token>/<method>.
_PATH = re.compile(r"(/(?:file/)?bot)[^/\s'\"]+(?=/)")

# A printf conversion in a log format string, and the ``key=`` written just before it.
_CONVERSION = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?([a-zA-Z%])")
_KEY_BEFORE = re.compile(r"(?:^|[\s(,])([A-Za-z_][\w.]*)=$")
_EVENT = re.compile(r"^([a-z_]+(?:\.[a-z_]+)+)\b")
_RESERVED = frozenset({"time", "level", "logger", "event", "message", "exc"})


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` without any of ``secrets`` and without any bot token (anything shaped like one,
    and the token part of a Bot API path)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return _TOKEN.sub(REDACTED, _PATH.sub(rf"\1{REDACTED}", text))


class RedactingFormatter(logging.Formatter):
    """Formats a record (traceback included), then removes every secret from the text."""

    def __init__(self, secrets: Iterable[str], fmt: str) -> None:
        super().__init__(fmt, datefmt="%Y-%m-%dT%H:%M:%S%z")
        self.secrets = tuple(s for s in secrets if s)

    def redact(self, text: str) -> str:
        return redact(text, self.secrets)

    def format(self, record: logging.LogRecord) -> str:
        text = self.redact(super().format(record))
        return text.replace("\n", "\n    ")  # a traceback stays visibly part of its event


class JsonFormatter(RedactingFormatter):
    """One JSON object per event: time, level, logger, event, message, its fields, exc."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__(secrets, "%(message)s")

    def format(self, record: logging.LogRecord) -> str:
        message = self.redact(record.getMessage())
        event: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        if match := _EVENT.match(message):
            event["event"] = match.group(1)
        event["message"] = message
        for key, value in fields_of(record).items():
            if key not in _RESERVED:
                event[key] = self.redact(value) if isinstance(value, str) else value
        if record.exc_info:
            event["exc"] = self.redact(self.formatException(record.exc_info))
        elif record.exc_text:
            event["exc"] = self.redact(record.exc_text)
        return self.redact(json.dumps(event, ensure_ascii=False, default=str))


def fields_of(record: logging.LogRecord) -> dict[str, Any]:
    """The ``key=%s`` values of a record's format string, paired with its arguments.

    Numbers stay numbers (as the message shows them: ``ms=%.0f`` gives 12, not 12.3456);
    everything else is the text the message shows, without the quotes ``%r`` adds to a str.
    """
    if not isinstance(record.msg, str) or not isinstance(record.args, tuple):
        return {}
    fields: dict[str, Any] = {}
    index = 0
    for match in _CONVERSION.finditer(record.msg):
        if match.group(1) == "%":
            continue
        if index >= len(record.args):
            break
        arg = record.args[index]
        index += 1
        key = _KEY_BEFORE.search(record.msg, 0, match.start())
        if key is None:
            continue
        fields[key.group(1)] = _value(match.group(0), arg)
    return fields


def _value(spec: str, arg: object) -> Any:
    if isinstance(arg, bool) or arg is None:
        return arg
    try:
        shown = spec % (arg,)
    except (TypeError, ValueError):
        shown = str(arg)
    if isinstance(arg, int | float):
        for number in (int, float):
            try:
                return number(shown)
            except ValueError:
                pass
        return arg
    if isinstance(arg, str):
        return arg
    return shown


TICK_JOB = "Tick.tick"  # how APScheduler names the tick's job in its messages


def skipped_runs(record: logging.LogRecord) -> bool:
    """Drop APScheduler's warning that a tick was skipped because the last one is still
    running: ticks run one at a time on purpose, a long batch skips several, and the health
    check already says when no tick ran for too long. Other jobs' skipped runs are logged."""
    return not (
        record.name.startswith("apscheduler")
        and f'"{TICK_JOB}"' in (message := record.getMessage())
        and "maximum number of running instances reached" in message
    )


def wants_json(stream: Any = None) -> bool:
    """JSON unless writing to a terminal; ``DRAWDOWN_LOG_FORMAT`` (json|text) decides first."""
    chosen = os.environ.get(FORMAT_VARIABLE, "").strip().lower()
    if chosen in ("json", "text"):
        return chosen == "json"
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return not (callable(isatty) and isatty())


def setup(
    *, secrets: Iterable[str] = (), level: int = logging.INFO, json_lines: bool | None = None
) -> None:
    """Log to stderr, one event per line; keep libraries that log request URLs quiet.

    httpx logs every request URL at INFO, and Bot API URLs contain the token: it stays at
    WARNING, and the formatter redacts the token from whatever is written anyway.
    ``json_lines`` None means: JSON unless stderr is a terminal (see :func:`wants_json`).
    """
    secrets = tuple(secrets)
    handler = logging.StreamHandler(sys.stderr)
    if json_lines if json_lines is not None else wants_json(sys.stderr):
        handler.setFormatter(JsonFormatter(secrets))
    else:
        handler.setFormatter(
            RedactingFormatter(secrets, "%(asctime)s %(levelname)s %(name)s %(message)s")
        )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    handler.addFilter(skipped_runs)
    logging.captureWarnings(True)
