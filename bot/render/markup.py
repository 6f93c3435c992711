"""Telegram HTML: escaping feed text, reading it back, and cutting long messages. Pure.

Feed text is always escaped, so a title like ``<b>Iraq & US</b>`` never breaks the markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from urllib.parse import urlsplit

_TAG = re.compile(r"<[^>]*>")
MAX_TITLE = 300


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def link(url: str, label: str) -> str:
    """``<a href="url">label</a>``, the URL escaped for the attribute (``label`` is HTML).
    Only a web address becomes a link: anything else (``javascript:``, ``data:``) is the label
    alone, as text."""
    if not web_url(url):
        return label
    return f'<a href="{html.escape(url, quote=True)}">{label}</a>'


def web_url(url: str) -> bool:
    """Whether ``url`` is a web address Telegram takes for a link (http(s), with a host)."""
    if len(url) > 1024 or any(c.isspace() or ord(c) < 32 for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(host)


def strip_tags(markup: str) -> str:
    """The visible text of one line of our HTML."""
    return html.unescape(_TAG.sub("", markup))


def split_message(text: str, limit: int = 4096) -> list[str]:
    """Split a message into parts of at most ``limit`` characters, at line ends only.

    Every message the bot writes keeps each HTML tag and entity within one line, so a line
    end is always a safe place to cut: no part ever has an unclosed tag or a broken entity.
    A single line longer than the limit (which no message produces) is cut at its last space
    before the limit after dropping its markup.
    """
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            line = html.escape(strip_tags(line), quote=False)
            cut = _safe_cut(line, limit)
            parts.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            candidate = line
        current = candidate
    if current or not parts:
        parts.append(current)
    return parts


def _safe_cut(escaped: str, limit: int) -> int:
    """Where to cut escaped plain text: the last space before ``limit``, else never inside an
    entity such as ``&amp;``."""
    if (space := escaped.rfind(" ", 0, limit)) > 0:
        return space
    amp = escaped.rfind("&", 0, limit)
    if amp >= 0 and ";" not in escaped[amp:limit]:
        return amp or limit
    return limit


def table(rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table with aligned columns (for the terminal)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def capitalized(phrase: str) -> str:
    """A phrase as a heading starts it: "liên minh rời Iraq" -> "Liên minh rời Iraq"."""
    return phrase[:1].upper() + phrase[1:]
