"""Only web addresses become link targets; a button's id is a number a database can hold."""

from __future__ import annotations

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.delivery.sender import without_links
from bot.render import keyboards
from bot.render.markup import link


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>x</b>", "vbscript:msgbox",
     "file:///etc/passwd", "https://", "http://exa mple.com", "//vnexpress.net/a"],
)  # fmt: skip
def test_anything_but_a_web_address_is_shown_as_text(url: str) -> None:
    assert link(url, "Read the article") == "Read the article"


def test_a_web_address_becomes_a_link_with_its_quotes_escaped() -> None:
    assert (
        link('https://a.vn/x?q="1"', "Read") == '<a href="https://a.vn/x?q=&quot;1&quot;">Read</a>'
    )
    assert link("HTTP://A.VN/", "Read") == '<a href="HTTP://A.VN/">Read</a>'


def test_a_message_without_links_keeps_the_words_and_shows_the_address() -> None:
    text = (
        '<b>Title</b>\n<a href="https://a.vn/x">Read</a> · <a href="https://b.vn">https://b.vn</a>'
    )
    assert without_links(text) == "<b>Title</b>\nRead (https://a.vn/x) · https://b.vn"


def test_url_buttons_are_dropped_and_the_others_kept() -> None:
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton("Open", url="https://a.vn")],
         [InlineKeyboardButton("Mute", callback_data="m:1")]]
    )  # fmt: skip
    kept = keyboards.without_url_buttons(markup)
    assert kept is not None
    assert [[b.text for b in row] for row in kept.inline_keyboard] == [["Mute"]]
    only_url = InlineKeyboardMarkup([[InlineKeyboardButton("Open", url="https://a.vn")]])
    assert keyboards.without_url_buttons(only_url) is None


@pytest.mark.parametrize(
    ("text", "number"),
    [("17", 17), ("0", 0), ("9" * 18, int("9" * 18)), ("9" * 19, None), ("9" * 50, None),
     ("", None), ("-1", None), ("٣", None), ("1e3", None)],
)  # fmt: skip
def test_a_button_id_is_a_number_a_database_can_hold(text: str, number: int | None) -> None:
    assert keyboards.number(text) == number
