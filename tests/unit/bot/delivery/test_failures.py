"""Reasons stored for a failed send never hold the bot token; retries back off."""

from __future__ import annotations

from telegram.error import NetworkError

from bot.delivery.failures import LONGEST_REASON, reason, redact, retry_in

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_the_token_in_a_transport_error_text_is_redacted() -> None:
    text = (
        "NetworkError: aiohttp.TooManyRedirects: 0, message='', "
        f"url='http://127.0.0.1:8081/bot{TOKEN}/sendMessage'"
    )
    assert redact(text) == (
        "NetworkError: aiohttp.TooManyRedirects: 0, message='', "
        "url='http://127.0.0.1:8081/bot<redacted>/sendMessage'"
    )


def test_a_token_of_any_shape_in_a_bot_api_path_or_given_is_redacted() -> None:
    assert "short-token" not in redact("GET http://x/file/bot42:short-token/photo.jpg")
    assert redact("refused 42:short-token", ["42:short-token"]) == "refused <redacted>"
    assert TOKEN not in redact(f"proxy said: {TOKEN} is not allowed")


def test_a_reason_is_one_line_and_at_most_the_stored_length() -> None:
    assert reason(NetworkError("Bad\nGateway")) == "NetworkError: Bad Gateway"
    assert len(redact("x" * 10_000)) == LONGEST_REASON


def test_retries_of_one_message_back_off_up_to_five_minutes() -> None:
    assert [retry_in(n) for n in (1, 2, 3)] == [2.0, 4.0, 8.0]
    assert retry_in(100) == 300.0
