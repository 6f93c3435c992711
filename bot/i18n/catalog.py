"""The message catalogs: every text the bot writes, one gettext catalog per language.

``locales/<language>/LC_MESSAGES/drawdown.po`` holds one language's texts. Message ids are
stable keys ("alert.read_article"), not English sentences, so the English wording can change
without touching the other catalogs. Placeholders are ``str.format`` fields ("{count}"); a
plural text goes through :func:`ntr`, which picks the form with the catalog's
``Plural-Forms`` (English has two, Vietnamese one).

The catalogs are read once, when this module is imported (Babel reads the ``.po`` file and
compiles it in memory for :class:`gettext.GNUTranslations`). A language without a catalog
reads English; a key no catalog has is a programming error (:class:`MissingMessage`), never
shown to a reader as the key itself.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from importlib import resources

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "Catalog",
    "MissingMessage",
    "catalog",
    "language_of",
    "ntr",
    "tr",
]

DOMAIN = "drawdown"
LANGUAGES = ("vi", "en")  # in the order the language buttons show them
DEFAULT = "en"


class MissingMessage(LookupError):
    """A key that no catalog has: the code asks for a text nobody wrote."""

    def __init__(self, key: str, plural: bool = False) -> None:
        kind = "plural message" if plural else "message"
        super().__init__(f"no {kind} {key!r} in the catalogs")
        self.key = key


@dataclass(frozen=True, slots=True)
class Catalog:
    """One language's compiled catalog, and which keys it translates."""

    language: str
    translations: gettext.GNUTranslations
    singular: frozenset[str]
    plural: frozenset[str]
    plural_forms: str  # the header's Plural-Forms, e.g. "nplurals=1; plural=0;"

    @property
    def keys(self) -> frozenset[str]:
        return self.singular | self.plural


def load(language: str) -> Catalog:
    """Read and compile ``locales/<language>/LC_MESSAGES/drawdown.po``."""
    path = resources.files(__package__) / "locales" / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as po:
        read = read_po(po, locale=language, domain=DOMAIN, abort_invalid=True)
    compiled = io.BytesIO()
    write_mo(compiled, read)  # fuzzy and untranslated messages are left out
    compiled.seek(0)
    singular: set[str] = set()
    plural: set[str] = set()
    for message in read:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, str):
            if message.string:
                singular.add(message.id)
        elif isinstance(message.string, tuple | list) and all(message.string):
            plural.add(message.id[0])
    return Catalog(
        language=language,
        translations=gettext.GNUTranslations(compiled),
        singular=frozenset(singular),
        plural=frozenset(plural),
        plural_forms=read.plural_forms,
    )


CATALOGS = {language: load(language) for language in LANGUAGES}


def catalog(language: str) -> Catalog:
    """The catalog of ``language``; English for a language the bot does not speak."""
    return CATALOGS.get(language) or CATALOGS[DEFAULT]


def language_of(code: str | None) -> str:
    """The bot's language for a Telegram client language code: Vietnamese or English."""
    return "vi" if (code or "").lower().startswith("vi") else DEFAULT


def tr(key: str, language: str, **params: object) -> str:
    """The text ``key`` in ``language``, its ``{placeholders}`` filled from ``params``.

    A key the language's catalog lacks reads English; one English lacks too raises
    :class:`MissingMessage`.
    """
    for found in (catalog(language), CATALOGS[DEFAULT]):
        if key in found.singular:
            return found.translations.gettext(key).format(**params)
    raise MissingMessage(key)


def ntr(key: str, n: int, language: str, **params: object) -> str:
    """The form of the plural text ``key`` for the number ``n``, filled from ``params``
    (which name the number as the reader should see it, e.g. ``count="2.500"``)."""
    for found in (catalog(language), CATALOGS[DEFAULT]):
        if key in found.plural:
            return found.translations.ngettext(key, key, n).format(**params)
    raise MissingMessage(key, plural=True)
