"""Builds RSS 2.0 and Atom feed bytes for tests: escaped, dated, in any encoding (or a wrong one).

Pure functions, no I/O. ``encoding`` is what the bytes are encoded in and ``declared_encoding`` is
what the XML declaration claims (the same unless a test wants a lying feed, e.g. windows-1258 bytes
that say UTF-8). Characters the encoding cannot represent become numeric character references.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

DEFAULT_TITLE = "Drawdown Watch test feed"
DEFAULT_LINK = "https://news.example.test/"
_ATOM_FALLBACK_UPDATED = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedItem:
    """One story in a test feed; ``published`` without a timezone is taken as UTC."""

    title: str
    guid: str | None = None
    link: str | None = None
    description: str = ""
    published: datetime | None = None


def rss(
    items: Sequence[FeedItem],
    *,
    title: str = DEFAULT_TITLE,
    link: str = DEFAULT_LINK,
    description: str = "Stories for tests",
    encoding: str = "utf-8",
    declared_encoding: str | None = None,
) -> bytes:
    """An RSS 2.0 document; ``pubDate`` in RFC 822 form (``Mon, 02 Jun 2025 08:00:00 GMT``)."""
    parts = [
        '<rss version="2.0">\n<channel>\n',
        _element("title", title),
        _element("link", link),
        _element("description", description),
    ]
    for item in items:
        parts.append("<item>\n")
        parts.append(_element("title", item.title))
        if item.link is not None:
            parts.append(_element("link", item.link))
        if item.guid is not None:
            parts.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>\n')
        parts.append(_element("description", item.description))
        if item.published is not None:
            parts.append(_element("pubDate", rfc822(item.published)))
        parts.append("</item>\n")
    parts.append("</channel>\n</rss>\n")
    return _document("".join(parts), encoding, declared_encoding)


def atom(
    items: Sequence[FeedItem],
    *,
    title: str = DEFAULT_TITLE,
    link: str = DEFAULT_LINK,
    feed_id: str = "urn:drawdown-watch:test-feed",
    encoding: str = "utf-8",
    declared_encoding: str | None = None,
) -> bytes:
    """An Atom 1.0 document; dates in RFC 3339 form (``2025-06-02T08:00:00Z``).

    An entry's ``id`` is its guid, else its link; its ``updated`` is its published time, else the
    feed's (the newest published time, or 2000-01-01).
    """
    dates = [item.published for item in items if item.published is not None]
    feed_updated = max((_utc(d) for d in dates), default=_ATOM_FALLBACK_UPDATED)
    parts = [
        '<feed xmlns="http://www.w3.org/2005/Atom">\n',
        _element("title", title),
        f"<link href={quoteattr(link)}/>\n",
        _element("id", feed_id),
        _element("updated", rfc3339(feed_updated)),
    ]
    for item in items:
        parts.append("<entry>\n")
        parts.append(_element("title", item.title))
        if item.link is not None:
            parts.append(f'<link rel="alternate" href={quoteattr(item.link)}/>\n')
        entry_id = item.guid if item.guid is not None else item.link
        if entry_id is not None:
            parts.append(_element("id", entry_id))
        if item.published is not None:
            parts.append(_element("published", rfc3339(item.published)))
        parts.append(_element("updated", rfc3339(item.published or feed_updated)))
        parts.append(f'<summary type="html">{escape(item.description)}</summary>\n')
        parts.append("</entry>\n")
    parts.append("</feed>\n")
    return _document("".join(parts), encoding, declared_encoding)


def rfc822(moment: datetime) -> str:
    """``Mon, 02 Jun 2025 08:00:00 GMT``"""
    return format_datetime(_utc(moment), usegmt=True)


def rfc3339(moment: datetime) -> str:
    """``2025-06-02T08:00:00Z``"""
    return _utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _element(name: str, text: str) -> str:
    return f"<{name}>{escape(text)}</{name}>\n"


def _document(body: str, encoding: str, declared_encoding: str | None) -> bytes:
    declared = encoding if declared_encoding is None else declared_encoding
    text = f'<?xml version="1.0" encoding={quoteattr(declared)}?>\n{body}'
    if codecs.lookup(encoding).name == "cp1258":
        text = to_cp1258_form(text)
    return text.encode(encoding, errors="xmlcharrefreplace")


# The five tone marks windows-1258 has as combining characters; the vowel shapes (circumflex, breve,
# horn) exist only precomposed (â ê ô ă ơ ư), as in feeds written by legacy Vietnamese software.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def to_cp1258_form(text: str) -> str:
    """Rewrite ``text`` so that every Vietnamese letter is encodable in windows-1258.

    Letters the code page lacks become a precomposed base vowel and a combining tone mark
    (``ặ`` → ``ă`` + U+0323): decomposed, as real windows-1258 feeds spell them.
    """
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if _encodable(char):
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFD", char)
        shape = "".join(c for c in decomposed if c not in _TONE_MARKS)
        tones = "".join(c for c in decomposed if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", shape)
        out.append(base + tones if _encodable(base + tones) else decomposed)
    return "".join(out)


def _encodable(text: str) -> bool:
    try:
        text.encode("cp1258")
    except UnicodeEncodeError:
        return False
    return True
