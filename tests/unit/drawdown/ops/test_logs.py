"""Log lines: JSON with the event's fields off a terminal, text on one, never the token."""

from __future__ import annotations

import io
import json
import logging

import pytest

from drawdown.ops import logs

TOKEN = "123456789:AAFakeTokenForTestsOnly-abcdefghijklmno"


def record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("watchers.pipeline", logging.INFO, __file__, 1, msg, args, exc_info)


def as_json(rec: logging.LogRecord) -> dict[str, object]:
    line = logs.JsonFormatter([TOKEN]).format(rec)
    assert "\n" not in line
    parsed: dict[str, object] = json.loads(line)
    return parsed


def test_a_json_line_carries_the_event_and_each_key_value_as_a_field() -> None:
    line = as_json(
        record(
            "feed.checked feed=%s status=%s items=%d ms=%.0f",
            "https://vnexpress.net/rss/the-gioi.rss",
            "not_modified",
            0,
            12.34,
        )
    )
    assert line["event"] == "feed.checked"
    assert line["level"] == "INFO"
    assert line["logger"] == "watchers.pipeline"
    assert line["message"] == (
        "feed.checked feed=https://vnexpress.net/rss/the-gioi.rss status=not_modified items=0 ms=12"
    )
    assert line["feed"] == "https://vnexpress.net/rss/the-gioi.rss"
    assert line["status"] == "not_modified"
    assert line["items"] == 0
    assert line["ms"] == 12


def test_chat_and_article_fields_are_numbers_and_repr_strings_lose_their_quotes() -> None:
    line = as_json(record("alert.enqueued figure=%r article=%d chat=%d", "troops/US/Iraq", 7, -100))
    assert line["figure"] == "troops/US/Iraq"
    assert (line["article"], line["chat"]) == (7, -100)


def test_vietnamese_text_stays_readable() -> None:
    line = logs.JsonFormatter([]).format(
        record("subscriber.added name=%s", "Tin tức Iraq rút quân")
    )
    assert "Tin tức Iraq rút quân" in line


def test_the_token_never_appears_in_a_json_line() -> None:
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/sendMessage failed")
    except RuntimeError as e:
        rec = record("telegram.failed url=%s", f"https://api.telegram.org/bot{TOKEN}/getMe", exc=e)
    line = logs.JsonFormatter([TOKEN]).format(rec)
    assert TOKEN not in line
    assert TOKEN.split(":")[1] not in line
    assert json.loads(line)["url"] == f"https://api.telegram.org/bot{logs.REDACTED}/getMe"
    assert "RuntimeError" in json.loads(line)["exc"]


def test_a_message_without_fields_is_only_a_message() -> None:
    line = as_json(record("service.stopping"))
    assert set(line) == {"time", "level", "logger", "event", "message"}


def test_a_field_named_like_a_reserved_key_stays_in_the_message_only() -> None:
    line = as_json(record("db.checked message=%s level=%s", "hello", "x"))
    assert line["level"] == "INFO"
    assert line["message"] == "db.checked message=hello level=x"


def test_text_lines_are_unchanged_on_a_terminal() -> None:
    formatter = logs.RedactingFormatter([TOKEN], "%(levelname)s %(message)s")
    text = formatter.format(record("feed.checked feed=%s token=%s", "https://a", TOKEN))
    assert text == f"INFO feed.checked feed=https://a token={logs.REDACTED}"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_json_is_chosen_off_a_terminal_unless_the_environment_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(logs.FORMAT_VARIABLE, raising=False)
    assert logs.wants_json(io.StringIO())
    assert not logs.wants_json(_Terminal())
    monkeypatch.setenv(logs.FORMAT_VARIABLE, "text")
    assert not logs.wants_json(io.StringIO())
    monkeypatch.setenv(logs.FORMAT_VARIABLE, "json")
    assert logs.wants_json(_Terminal())


def test_a_run_skipped_while_the_last_one_runs_is_not_logged_but_other_warnings_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        logs.setup(level=logging.INFO, json_lines=False)
        scheduler = logging.getLogger("apscheduler.scheduler")
        scheduler.warning(
            'Execution of job "Tick.tick" skipped: maximum number of running instances reached (1)'
        )
        scheduler.warning('Run time of job "Tick.tick" was missed by 0:00:31')
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
    assert "maximum number of running instances" not in stream.getvalue()
    assert "was missed by" in stream.getvalue()
