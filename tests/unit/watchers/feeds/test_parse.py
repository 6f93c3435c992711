"""Feed bodies become plain-text items: golden files, encodings, and what is not a feed."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest

from drawdown.errors import ParseError
from watchers.feeds.parse import Item, parse_feed
from watchers.identity.keys import content_hash

FEEDS = Path(__file__).parents[3] / "data" / "feeds"
DEFAULT_URL = "https://tin.example.vn/rss/the-gioi.rss"
CASES = sorted(path.stem for path in FEEDS.glob("*.xml"))


def load_case(case: str) -> tuple[bytes, str, dict[str, str]]:
    """The body, feed URL and response headers of a golden case."""
    response_path = FEEDS / f"{case}.response.json"
    response: dict[str, Any] = (
        json.loads(response_path.read_text(encoding="utf-8")) if response_path.exists() else {}
    )
    body = (FEEDS / f"{case}.xml").read_bytes()
    return body, response.get("url", DEFAULT_URL), response.get("headers", {})


def item_from_json(data: Mapping[str, Any]) -> Item:
    published = data["published"]
    return Item(
        guid=data["guid"],
        url=data["url"],
        title=data["title"],
        summary=data["summary"],
        published=datetime.fromisoformat(published) if published is not None else None,
    )


def rss(items: str, *, declaration: str = '<?xml version="1.0" encoding="utf-8"?>\n') -> bytes:
    return (
        f"{declaration}<rss version='2.0'><channel><title>T</title>"
        f"<link>https://x.example/</link>{items}</channel></rss>"
    ).encode()


@pytest.mark.parametrize("case", CASES)
def test_golden_case_gives_the_expected_items_or_error(case: str) -> None:
    """Each tests/data/feeds/<case>.xml parses to what <case>.expected.json says."""
    body, url, headers = load_case(case)
    expected = json.loads((FEEDS / f"{case}.expected.json").read_text(encoding="utf-8"))
    if "error" in expected:
        with pytest.raises(ParseError) as caught:
            parse_feed(body, url=url, headers=headers)
        assert caught.value.reason == expected["error"]
        assert caught.value.url == url
    else:
        items = parse_feed(body, url=url, headers=headers)
        assert items == [item_from_json(data) for data in expected["items"]]


def test_golden_cases_cover_the_hard_inputs() -> None:
    """The golden set keeps its legacy, decomposed, broken and empty feeds."""
    assert {
        "atom",
        "cp1258_declared_utf8",
        "cp1258_labelled",
        "empty_channel",
        "html_error_page",
        "malformed",
        "nfd_utf8",
        "rss_utf8",
        "truncated",
    } <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_every_text_field_is_nfc(case: str) -> None:
    """Titles, summaries and ids come out composed whatever the feed's encoding."""
    body, url, headers = load_case(case)
    try:
        items = parse_feed(body, url=url, headers=headers)
    except ParseError:
        return
    for item in items:
        for text in (item.guid or "", item.title, item.summary):
            assert unicodedata.is_normalized("NFC", text)


def test_nfd_fixture_really_is_decomposed() -> None:
    """The NFD golden file holds decomposed text, so the NFC test above means something."""
    text = (FEEDS / "nfd_utf8.xml").read_bytes().decode("utf-8")
    assert not unicodedata.is_normalized("NFC", text)


def test_windows_1258_declared_utf8_only_in_the_xml_declaration_is_repaired() -> None:
    """Without headers, a cp1258 body whose declaration says UTF-8 still reads as Vietnamese."""
    body, url, _ = load_case("cp1258_declared_utf8")
    items = parse_feed(body, url=url)
    assert items[0].title == "Iraq muốn liên minh do Mỹ dẫn đầu rút quân"


def test_windows_1258_labelled_only_in_the_header_is_read() -> None:
    """A Content-Type charset of windows-1258 wins over a lying UTF-8 declaration."""
    body, url, _ = load_case("cp1258_declared_utf8")
    items = parse_feed(body, url=url, headers={"content-type": "text/xml; charset=windows-1258"})
    assert items[1].title == "Lầu Năm Góc: Mỹ không còn lực lượng chiến đấu tại Iraq vào cuối năm"


def test_western_windows_1252_declared_utf8_is_not_taken_for_vietnamese() -> None:
    """An Italian cp1252 feed that claims UTF-8 keeps feedparser's windows-1252 reading."""
    title = "Però ciò non può durare: farò ritirare le truppe dall'Iraq, dice il ministro"
    body = rss(f"<item><title>{title}</title><link>https://x.example/1</link></item>")
    body = body.decode("utf-8").encode("cp1252")
    [item] = parse_feed(body, url="https://x.example/rss")
    assert item.title == title


def test_header_names_are_matched_in_any_case() -> None:
    """A charset given as CONTENT-TYPE is honoured like content-type."""
    body, url, _ = load_case("cp1258_labelled")
    upper = parse_feed(body, url=url, headers={"CONTENT-TYPE": "text/xml; charset=windows-1258"})
    assert upper == parse_feed(body, url=url)


def test_relative_links_are_resolved_against_the_feed_url() -> None:
    """A link of "/a/1.html" in https://x.example/rss/feed.xml becomes https://x.example/a/1.html."""
    body = rss("<item><title>A</title><link>/a/1.html</link></item>")
    [item] = parse_feed(body, url="https://x.example/rss/feed.xml")
    assert item.url == "https://x.example/a/1.html"


def test_published_is_utc_and_falls_back_to_updated() -> None:
    """An Atom entry with only <updated> is dated by it, converted to UTC."""
    body = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
        b"<entry><id>e1</id><title>A</title><updated>2024-09-06T17:45:00+07:00</updated></entry>"
        b"</feed>"
    )
    [item] = parse_feed(body, url="https://x.example/atom")
    assert item.published == datetime(2024, 9, 6, 10, 45, tzinfo=UTC)
    assert item.published is not None
    assert item.published.tzinfo is UTC


def test_summary_is_the_longest_of_description_and_content() -> None:
    """A short description loses to a longer content:encoded body, as plain text with one
    line a paragraph."""
    body = rss(
        "<item><link>https://x.example/1</link><description>Short.</description>"
        "<content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
        "<![CDATA[<p>Longer &amp; richer</p><p>text.</p>]]></content:encoded></item>"
    )
    [item] = parse_feed(body, url="https://x.example/rss")
    assert item.summary == "Longer & richer\ntext."


def test_entries_without_link_or_id_are_skipped() -> None:
    """An item that has only a title is dropped; the feed itself is still fine."""
    body = rss("<item><title>Only a title</title></item><item><guid>g2</guid></item>")
    items = parse_feed(body, url="https://x.example/rss")
    assert [item.guid for item in items] == ["g2"]


def test_well_formed_feed_whose_entries_are_all_unusable_gives_no_items() -> None:
    """A valid feed with only title-only items is empty, not an error."""
    body = rss("<item><title>Only a title</title></item>")
    assert parse_feed(body, url="https://x.example/rss") == []


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "not a feed: the body is empty"),
        (b"  \n ", "not a feed: the body is empty"),
        (b'{"error": "not found"}', "not a feed: looks like JSON"),
        (b"<html><body>Moved</body></html>", "not a feed: looks like an HTML page"),
        (
            b'<?xml version="1.0"?>\n<!DOCTYPE html>\n<html><body>Moved</body></html>',
            "not a feed: looks like an HTML page",
        ),
        (
            b'<?xml version="1.0"?><config><a>1</a></config>',
            "not a feed: no RSS, Atom or RDF document element",
        ),
        (b"\x00\x01\x02binary", "malformed XML: not well-formed (invalid token) at line 1"),
    ],
)
def test_bodies_that_are_not_feeds_raise_parse_error_with_a_reason(
    body: bytes, reason: str
) -> None:
    """Empty, JSON, HTML, other XML and binary bodies each say what they are."""
    with pytest.raises(ParseError) as caught:
        parse_feed(body, url="https://x.example/rss")
    assert caught.value.reason == reason
    assert str(caught.value).startswith("cannot parse 'https://x.example/rss': ")


@pytest.mark.parametrize("byte", [b"\x00", b"\x80"])
def test_feedparser_crash_on_a_corrupt_declaration_becomes_parse_error(byte: bytes) -> None:
    """A stray byte in the declared encoding name, which crashes feedparser, is a ParseError."""
    body = b'<?xml version="1.0" encoding="ut' + byte + b'f-8"?><rss version="2.0"></rss>'
    with pytest.raises(ParseError, match="feedparser failed: "):
        parse_feed(body, url="https://x.example/rss", headers={"content-type": "application/xml"})


def test_malformed_xml_without_declaration_reports_the_real_line() -> None:
    """feedparser's added declaration line is not counted in the reported line number."""
    body = b"<rss version='2.0'>\n<channel>\n<title>T</tit\n</channel></rss>"
    with pytest.raises(ParseError, match=r"malformed XML: .* at line 4$"):
        parse_feed(body, url="https://x.example/rss")


def test_html_served_as_xml_is_reported_as_html() -> None:
    """An error page with an XML Content-Type is still recognised as HTML."""
    body = (FEEDS / "html_error_page.xml").read_bytes()
    with pytest.raises(ParseError, match="looks like an HTML page"):
        parse_feed(body, url="https://x.example/rss", headers={"Content-Type": "application/xml"})


def test_feedparser_is_only_ever_given_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """feedparser never receives a str, which it would fetch as a URL or open as a path."""
    real_parse = feedparser.parse
    seen: list[type] = []

    def spy(source: object, **kwargs: Any) -> Any:
        seen.append(type(source))
        return real_parse(source, **kwargs)

    monkeypatch.setattr(feedparser, "parse", spy)
    for case in ("rss_utf8", "cp1258_declared_utf8"):
        body, url, headers = load_case(case)
        parse_feed(body, url=url, headers=headers)
    assert seen
    assert set(seen) == {bytes}


def test_huge_fields_are_cut_before_anything_reads_them() -> None:
    from watchers.feeds.parse import SUMMARY_LIMIT, TITLE_LIMIT

    title = "Mỹ rút quân " * 100_000  # about 1.2 MB
    body = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>T</title>'
        f"<item><guid>g</guid><title>{title}</title><description>{'Lời ' * 200_000}"
        "</description></item></channel></rss>"
    ).encode()
    (item,) = parse_feed(body, url="https://a.example/f")
    assert len(item.title) <= TITLE_LIMIT + 1
    assert len(item.summary) <= SUMMARY_LIMIT + 1
    assert item.title.startswith("Mỹ rút quân")
    assert item.title.endswith("…")


def test_a_summary_keeps_its_paragraphs_as_lines_and_its_identity() -> None:
    """Paragraphs and line breaks end lines (the readers take the first for the lead); spaces
    within a line are collapsed; the content hash, of the words, is the same as before."""
    body = rss(
        "<item><link>https://x.example/2</link><description><![CDATA[<p>US forces  left "
        "Ain al-Asad.</p>\n<p>About 2,500 remain.<br/>Officials said so.</p>]]></description>"
        "</item>"
    )
    [item] = parse_feed(body, url="https://x.example/rss")
    assert item.summary == "US forces left Ain al-Asad.\nAbout 2,500 remain.\nOfficials said so."
    flat = "US forces left Ain al-Asad. About 2,500 remain. Officials said so."
    assert content_hash("t", item.summary) == content_hash("t", flat)
