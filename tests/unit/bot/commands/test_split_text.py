"""The answers to /split, in both languages."""

from __future__ import annotations

from bot.commands.admin import split_text
from storage.splits import Split


def test_a_split_names_the_article_its_outlet_the_readers_and_the_story_it_left() -> None:
    done = Split("split", "Mỹ <rút> quân", "VOV", 12, 3, "Iraq & Mỹ", 2500)
    assert split_text(done, "en") == (
        "✂️ “Mỹ &lt;rút&gt; quân” (VOV) is a story of its own now. Its alert is queued for "
        "2,500 subscribers, and “Iraq &amp; Mỹ” no longer counts it."
    )
    assert split_text(done, "vi") == (
        "✂️ “Mỹ &lt;rút&gt; quân” (VOV) giờ là một câu chuyện riêng. Tin về bài đã được đưa vào "
        "hàng đợi cho 2.500 người đăng ký, và “Iraq &amp; Mỹ” không còn tính bài này."
    )
    one = Split("split", "A", "B", 12, 3, "C", 1)
    assert "queued for 1 subscriber," in split_text(one, "en")


def test_a_first_report_or_an_unknown_link_is_said_as_such() -> None:
    assert split_text(Split("unknown"), "en") == "No stored article has that link."
    assert split_text(Split("unknown"), "vi") == "Không có bài nào đã lưu với đường dẫn này."
    first = Split("first", "Mỹ rút quân", "VOV")
    assert split_text(first, "en") == (
        "“Mỹ rút quân” (VOV) is the first report of its story: there is nothing to take it out of."
    )


def test_an_article_split_before_is_said_to_be_its_own_story_already() -> None:
    again = Split("already", "Mỹ rút quân", "VOV")
    assert split_text(again, "en") == (
        "“Mỹ rút quân” (VOV) was taken out of its story already: it is a story of its own."
    )
