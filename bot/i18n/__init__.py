"""Languages: which one a chat reads, and the message catalogs (``tr``, ``ntr``)."""

from bot.i18n.catalog import DEFAULT, LANGUAGES, MissingMessage, language_of, ntr, tr

__all__ = ["DEFAULT", "LANGUAGES", "MissingMessage", "language_of", "ntr", "tr"]
