"""The message catalogs: the same keys, placeholders and markup in every language, plurals
per language, every key the code asks for present, and none left unused."""

from __future__ import annotations

import ast
import re
import string
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.i18n import DEFAULT, LANGUAGES, MissingMessage, ntr, tr
from bot.i18n.catalog import CATALOGS, catalog
from bot.render import messages as format
from storage.types import StoredAlert

ROOT = Path(__file__).resolve().parents[4]
BOT = ROOT / "bot"
LOCALES = BOT / "i18n" / "locales"
_MARKUP = re.compile(r"</?[a-z]+[^>]*>|&[a-z]+;")
NOW = datetime(2026, 11, 22, 9, 5, tzinfo=UTC)


def texts(language: str) -> dict[str, list[str]]:
    """key -> its text (a plural key: each of its forms), as the .po file has it."""
    path = LOCALES / language / "LC_MESSAGES" / "drawdown.po"
    with path.open("rb") as po:
        read = read_po(po, locale=language)
    found: dict[str, list[str]] = {}
    for message in read:
        if not message.id:
            continue
        if isinstance(message.id, str):
            assert isinstance(message.string, str)
            found[message.id] = [message.string]
        else:
            assert isinstance(message.string, tuple | list)
            found[message.id[0]] = list(message.string)
    return found


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def calls(name: str) -> Iterator[tuple[Path, str]]:
    """(file, key) of every ``tr("key", …)`` (or ``ntr``) with a literal key in bot/."""
    for path in sorted(BOT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if called == name and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield path, first.value


def test_every_language_has_a_catalog_with_the_same_keys_as_english() -> None:
    english = CATALOGS[DEFAULT]
    assert len(english.keys) > 150
    for language in LANGUAGES:
        found = CATALOGS[language]
        assert found.singular == english.singular, language
        assert found.plural == english.plural, language
    assert set(texts("vi")) == set(texts("en"))


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != DEFAULT])
def test_each_text_has_the_placeholders_and_markup_of_its_english(language: str) -> None:
    english = texts(DEFAULT)
    for key, forms in texts(language).items():
        expected = placeholders(english[key][0])
        for form in [*forms, *english[key]]:
            assert form, f"{language} {key}: empty"
            assert placeholders(form) == expected, f"{language} {key}: {form!r}"
        assert sorted(_MARKUP.findall(forms[0])) == sorted(_MARKUP.findall(english[key][0])), key


def test_one_english_label_has_one_translation() -> None:
    """Texts that read the same in English (a setting and its button: "figure changes only",
    "Figure changes only") read the same in every language, but for case and emoji."""

    def label(text: str) -> str:
        return re.sub(r"^[^\w<{]+", "", text).strip().lower()

    english = {key: forms[0] for key, forms in texts(DEFAULT).items() if len(forms) == 1}
    same: dict[str, list[str]] = {}
    for key, text in english.items():
        same.setdefault(label(text), []).append(key)
    groups = [keys for keys in same.values() if len(keys) > 1]
    assert ["settings.receive.figures", "settings.button.figures"] in groups
    for language in LANGUAGES:
        translated = texts(language)
        for keys in groups:
            assert len({label(translated[key][0]) for key in keys}) == 1, (language, keys)


def test_the_plural_forms_of_each_language() -> None:
    assert catalog("en").plural_forms == "nplurals=2; plural=(n != 1);"
    assert catalog("vi").plural_forms == "nplurals=1; plural=0;"
    assert [len(forms) for forms in texts("en").values() if len(forms) > 1]
    assert all(len(forms) == 1 for forms in texts("vi").values())


def test_one_story_two_stories_and_vietnamese_without_inflection() -> None:
    assert ntr("alert.digest", 1, "en", count=1) == "🗞 <b>Digest: 1 new story</b>"
    assert ntr("alert.digest", 2, "en", count=2) == "🗞 <b>Digest: 2 new stories</b>"
    assert ntr("alert.digest", 0, "en", count=0) == "🗞 <b>Digest: 0 new stories</b>"
    assert ntr("alert.digest", 1, "vi", count=1) == "🗞 <b>Tin tổng hợp: 1 tin mới</b>"
    assert ntr("alert.digest", 2, "vi", count=2) == "🗞 <b>Tin tổng hợp: 2 tin mới</b>"
    one = ntr("broadcast.queued", 1, "en", count="1")
    assert one == "📢 Announcement queued for 1 subscriber."
    assert ntr("broadcast.queued", 2500, "en", count="2,500").endswith("for 2,500 subscribers.")
    assert ntr("broadcast.queued", 1, "vi", count="1").endswith("cho 1 người đăng ký.")


def test_a_digest_of_one_story_says_story() -> None:
    story = StoredAlert(
        id=2, kind="story", title="t", outlet="o", url=None, published_at=NOW, matched=(),
        created_at=NOW,
    )  # fmt: skip
    digest = StoredAlert(
        id=1, kind="digest", title="", outlet="", url=None, published_at=None, matched=(),
        created_at=NOW, items=(story,),
    )  # fmt: skip
    assert format.render(digest, "en").splitlines()[0] == "🗞 <b>Digest: 1 new story</b>"
    assert format.render(digest, "vi").splitlines()[0] == "🗞 <b>Tin tổng hợp: 1 tin mới</b>"


def test_a_language_without_a_catalog_reads_english() -> None:
    assert tr("alert.read_article", "fr") == tr("alert.read_article", "en") == "Read the article"
    assert ntr("figure.sources", 1, "de", count=1) == "1 source"
    assert tr("alert.read_article", "vi") == "Đọc bài"


def test_a_key_no_catalog_has_is_an_error_not_a_text() -> None:
    with pytest.raises(MissingMessage, match=r"'no\.such\.key'"):
        tr("no.such.key", "vi")
    with pytest.raises(MissingMessage):
        ntr("alert.read_article", 2, "en")  # not a plural message
    with pytest.raises(MissingMessage):
        tr("alert.digest", "en")  # a plural message needs its number
    with pytest.raises(KeyError):
        tr("alert.keywords", "en")  # its {keywords} is missing


def test_every_key_the_code_asks_for_is_in_the_catalogs() -> None:
    english = CATALOGS[DEFAULT]
    singular = list(calls("tr"))
    plural = list(calls("ntr"))
    assert len(singular) > 100
    assert len(plural) >= 5
    assert [f"{p.relative_to(ROOT)}: {k}" for p, k in singular if k not in english.singular] == []
    assert [f"{p.relative_to(ROOT)}: {k}" for p, k in plural if k not in english.plural] == []


def test_every_key_in_the_catalogs_is_written_out_in_the_code() -> None:
    """A key only built at run time could not be checked above, so each one is spelled out
    (in a ``tr`` call or a table of keys); a key found nowhere is a text nobody sees."""
    literals = {
        node.value
        for path in BOT.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert sorted(CATALOGS[DEFAULT].keys - literals) == []


def test_the_catalogs_are_package_data() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["bot.i18n"]
    shipped = {path for pattern in patterns for path in (BOT / "i18n").glob(pattern)}
    assert shipped == set(LOCALES.glob("*/LC_MESSAGES/*.po"))
    assert {path.parts[-3] for path in shipped} == set(LANGUAGES)
