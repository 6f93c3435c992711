"""Identity of an article for exact-duplicate detection: canonical URL and content hash.

Identity comes before similarity: the GUID first, then ``canonical_url``, then
``content_hash``; fuzzy near-duplicate checks belong elsewhere.

``canonical_url`` maps the copies of one article an outlet hands out to one string:

- ``http`` and ``https`` both become ``https`` (outlets serve both); scheme and host are
  lower-cased, a trailing dot on the host and the default ports 80/443 are dropped, and
  so are user names and passwords;
- the host prefixes ``www.``, ``m.``, ``mobile.`` and ``amp.`` are removed (the desktop,
  mobile and AMP copies are one article), as long as a dotted host remains;
- the fragment is dropped; a trailing ``/amp`` path segment and the AMP query markers
  ``amp`` (empty, ``1`` or ``true``) and ``outputType=amp`` are removed; a trailing slash
  is removed from every path but ``/``; an empty path becomes ``/``;
- tracking parameters are removed (``_TRACKING`` and ``_TRACKING_PREFIXES`` below; names
  compared case-insensitively) and the remaining ones sorted;
- percent-encoding is normalised: escapes of unreserved characters (letters, digits,
  ``-._~``) are decoded, other escapes upper-cased, and characters that must be escaped
  (spaces, non-ASCII) are encoded as UTF-8.

It never raises: input that is not an absolute http(s) URL comes back stripped, and it is
idempotent (a Hypothesis test checks both).

``content_hash`` is the SHA-256 of the folded words of the title and of the summary, so
whitespace, punctuation, case, diacritics and NFC/NFD differences do not change it.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, urlsplit, urlunsplit

from watchers.topic.text import words

__all__ = ["canonical_url", "content_hash"]

_TRACKING = frozenset(
    {
        # ad click ids: Facebook, Google, DoubleClick, Microsoft, Yandex, Twitter, TikTok, LinkedIn
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
        "twclid", "ttclid", "li_fat_id", "igshid",
        # mail and marketing tools: Mailchimp, HubSpot, Marketo, Vero
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "vero_id", "vero_conv",
        # analytics: Google Analytics linker, Webtrends, Openstat, AT Internet (xtor)
        "_ga", "_gl", "wt.mc_id", "wt_mc", "_openstat", "xtor",
        # referrer and campaign tags news sites add to feed and share links
        "ref", "ref_src", "ref_url", "referrer", "cmp", "cmpid", "ocid", "ncid", "ito",
        "rss", "rssid", "smid", "guccounter", "guce_referrer", "guce_referrer_sig",
    }
)  # fmt: skip # one line per kind of tool; one name per line would hide the groups
# utm_* (Google), at_* (AT Internet: BBC), ns_* (comScore), pk_*/mtm_* (Matomo), hsa_* (HubSpot)
_TRACKING_PREFIXES = ("utm_", "at_", "ns_", "pk_", "mtm_", "hsa_")
_AMP_VALUES = frozenset({"", "1", "true"})
_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")
_DEFAULT_PORTS = frozenset({80, 443})
_SCHEMES = frozenset({"http", "https"})
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
# Everything a URL may carry unescaped, so quote() only escapes what must be escaped
# (spaces, controls, non-ASCII) and leaves existing escapes ("%") alone.
_PATH_SAFE = "!$&'()*+,;=:@/%"
_QUERY_PART_SAFE = "!$'()*+,;:@/?%"


def canonical_url(url: str) -> str:
    """The identity of an article URL: the same string for its mobile, AMP and tracked copies."""
    stripped = url.strip()
    try:
        return _canonical(stripped)
    except (ValueError, UnicodeError):
        return stripped


def content_hash(title: str, summary: str) -> str:
    """Hex SHA-256 of the folded words of title and summary.

    Whitespace, punctuation, case, diacritics and NFC/NFD differences give the same hash;
    the title and the summary are hashed as two parts, so words moving between them do not.
    """
    text = " ".join(words(title)) + "\n" + " ".join(words(summary))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        return url
    host = _host(parts.hostname)
    if not host.strip("[]"):
        return url
    port = parts.port
    netloc = host if port is None or port in _DEFAULT_PORTS else f"{host}:{port}"
    path = _path(parts.path)
    query = _query(parts.query)
    return urlunsplit(("https", netloc, path, query, ""))


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal; urlsplit removed the brackets
        return f"[{host}]"
    stripped = True
    while stripped:
        stripped = False
        for prefix in _HOST_PREFIXES:
            rest = host.removeprefix(prefix)
            if rest != host and "." in rest:
                host = rest
                stripped = True
    return host


def _path(path: str) -> str:
    path = _normalise_escapes(quote(path, safe=_PATH_SAFE))
    while True:
        trimmed = path.rstrip("/")
        if trimmed.lower().endswith("/amp"):
            trimmed = trimmed[: -len("/amp")]
        if trimmed == path:
            break
        path = trimmed
    return path or "/"


def _query(query: str) -> str:
    kept = []
    for part in query.split("&"):
        if not part:
            continue
        part = _normalise_escapes(quote(part, safe=_QUERY_PART_SAFE + "="))
        name, _, value = part.partition("=")
        if not _is_tracking_or_amp(_decode(name).lower(), _decode(value).lower()):
            kept.append(part)
    return "&".join(sorted(kept))


def _is_tracking_or_amp(name: str, value: str) -> bool:
    if name in _TRACKING or name.startswith(_TRACKING_PREFIXES):
        return True
    return (name == "amp" and value in _AMP_VALUES) or (name == "outputtype" and value == "amp")


def _normalise_escapes(text: str) -> str:
    """Decode escapes of unreserved characters and upper-case the others."""
    return _ESCAPE.sub(_normalise_escape, text)


def _normalise_escape(escape: re.Match[str]) -> str:
    char = chr(int(escape.group(1), 16))
    return char if char in _UNRESERVED else escape.group(0).upper()


def _decode(text: str) -> str:
    """Escapes and ``+`` decoded, for comparing parameter names and values only."""
    return _ESCAPE.sub(lambda escape: chr(int(escape.group(1), 16)), text.replace("+", " "))
