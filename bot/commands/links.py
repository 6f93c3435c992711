"""A link given to a command (/why, /split): the forms an article may be stored under."""

from __future__ import annotations

import re
from collections.abc import Sequence

from watchers.identity.keys import canonical_url
from watchers.topic.text import nfc

__all__ = ["given_link", "stored_forms"]

# What a link looks like: a web address with or without its scheme ("vnexpress.net/…").
_LINK = re.compile(r"^(https?://\S+|[\w-]+(\.[\w-]+)+([/?#:]\S*)?)$", re.IGNORECASE)


def given_link(args: Sequence[str]) -> str | None:
    """The one link of a command's arguments ("" for none), or None when they are something
    else (more than one word, or not a web address)."""
    link = nfc(args[0].strip("<>")) if args else ""
    if link and (len(args) > 1 or not _LINK.match(link)):
        return None
    return link


def stored_forms(link: str) -> list[str]:
    """Its canonical URL, then the link as given: either may be how an article was stored."""
    try:
        return list(dict.fromkeys([canonical_url(link), link]))
    except ValueError:
        return [link]
