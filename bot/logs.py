"""Logging: one event per line, and secrets replaced before anything is written."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

REDACTED = "<redacted>"


class RedactingFormatter(logging.Formatter):
    """Formats a record (traceback included), then removes every secret from the text."""

    def __init__(self, secrets: Iterable[str], fmt: str) -> None:
        super().__init__(fmt, datefmt="%Y-%m-%dT%H:%M:%S%z")
        self.secrets = tuple(s for s in secrets if s)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text.replace("\n", "\n    ")  # a traceback stays visibly part of its event


def setup(*, secrets: Iterable[str] = (), level: int = logging.INFO) -> None:
    """Log to stderr, one event per line; keep libraries that log request URLs quiet.

    httpx logs every request URL at INFO, and Bot API URLs contain the token: it stays at
    WARNING, and the formatter redacts the token from whatever is written anyway.
    """
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        RedactingFormatter(secrets, "%(asctime)s %(levelname)s %(name)s %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler", "telegram", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.captureWarnings(True)
