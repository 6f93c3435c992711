"""Exact-duplicate identity: canonical URLs and content hashes."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchers.identity.keys import canonical_url, content_hash

ARTICLE = "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html"

# --- canonical_url -------------------------------------------------------------------


@pytest.mark.parametrize(
    "copy",
    [
        ARTICLE,
        "http://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "HTTPS://VnExpress.NET/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://vnexpress.net:443/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "http://vnexpress.net:80/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://www.vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://m.vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://mobile.vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://amp.vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://vnexpress.net./the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html#box_comment",
        "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html/",
        "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html/amp",
        "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html?amp",
        "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html?amp=1",
        "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html"
        "?utm_source=rss&utm_medium=feed&UTM_Campaign=x",
        "https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html"
        "?fbclid=IwAR0abc&gclid=xyz",
        "  https://vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html\n",
        "https://user:secret@vnexpress.net/the-gioi/my-va-iraq-dat-thoa-thuan-rut-quan-4776321.html",
        "https://vnexpress.net/the-gioi/my%2Dva%2diraq-dat-thoa-thuan-rut-quan-4776321.html",
    ],
)
def test_copies_of_one_article_have_one_identity(copy: str) -> None:
    """Scheme, case, ports, www/m/amp hosts, fragments, AMP and tracking do not matter."""
    assert canonical_url(copy) == ARTICLE


@pytest.mark.parametrize(
    "name",
    [
        "utm_source",
        "UTM_MEDIUM",
        "utm_anything",
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "yclid",
        "_ga",
        "ref",
        "ref_src",
        "cmpid",
        "ocid",
        "rss",
        "rssid",
        "at_medium",
        "at_campaign",
        "xtor",
        "ns_source",
    ],
)
def test_tracking_parameters_are_dropped(name: str) -> None:
    """Each documented tracking parameter disappears, whatever its case; others stay."""
    assert canonical_url(f"https://x.example/a?id=7&{name}=v") == "https://x.example/a?id=7"


def test_remaining_query_parameters_are_sorted() -> None:
    """?b=2&a=1 and ?a=1&b=2 are the same article."""
    assert canonical_url("https://x.example/a?b=2&a=1") == "https://x.example/a?a=1&b=2"


def test_parameters_that_identify_the_article_are_kept() -> None:
    """An article id in the query is part of the identity."""
    first = canonical_url("http://baomoi.example/Utilities/PrintView.aspx?ID=10251")
    second = canonical_url("http://baomoi.example/Utilities/PrintView.aspx?ID=9012")
    assert first != second


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example", "https://x.example/"),
        ("https://x.example/", "https://x.example/"),
        ("https://x.example/a/b/", "https://x.example/a/b"),
        ("https://x.example/tin/rút-quân", "https://x.example/tin/r%C3%BAt-qu%C3%A2n"),
        ("https://x.example/a%7eb%2fc%2f", "https://x.example/a~b%2Fc%2F"),
        ("https://x.example/a?q=r%c3%bat qu%C3%A2n", "https://x.example/a?q=r%C3%BAt%20qu%C3%A2n"),
        ("https://x.example:8080/a", "https://x.example:8080/a"),
        ("http://[2001:DB8::1]/a", "https://[2001:db8::1]/a"),
        ("https://m.com/a", "https://m.com/a"),
        ("https://www.m.example.vn/a", "https://example.vn/a"),
        ("https://x.example/a?outputType=amp&p=2", "https://x.example/a?p=2"),
        ("https://x.example/a?amp=0", "https://x.example/a?amp=0"),
    ],
)
def test_canonical_form_of_single_urls(url: str, expected: str) -> None:
    """Root path, trailing slash, escapes, ports, IPv6 and short hosts are normalised sensibly."""
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "not a url",
        "/relative/path.html",
        "mailto:desk@x.example",
        "ftp://x.example/file",
        "http://",
        "http://[broken/",
        "http://x.example:99999/",
        "http://x.example:port/",
        "https://x.example/\ud800",
        "http://./",
    ],
)
def test_garbage_comes_back_stripped(garbage: str) -> None:
    """Anything that is not an absolute http(s) URL is returned stripped, never raising."""
    assert canonical_url(f" {garbage} ") == garbage.strip()


url_text = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from("%/?#&=.:@[]"),
    max_size=30,
)
url_like = st.builds(
    lambda scheme, host, port, path, query, fragment: (
        f"{scheme}://{host}{port}/{path}?{query}#{fragment}"
    ),
    st.sampled_from(["http", "https", "HTTP", "ftp", ""]),
    st.from_regex(r"(www\.|m\.|amp\.|mobile\.)*[A-Za-z0-9.-]{0,12}", fullmatch=True),
    st.sampled_from(["", ":80", ":443", ":8080", ":x", ":99999"]),
    url_text,
    url_text,
    url_text,
)


@given(st.one_of(st.text(), url_like))
def test_canonical_url_never_raises_and_is_idempotent(url: str) -> None:
    """Canonicalising twice gives the same string as once, for any input."""
    once = canonical_url(url)
    assert canonical_url(once) == once


@given(url_like)
def test_canonical_url_has_no_fragment_or_tracking(url: str) -> None:
    """A canonical http(s) URL never keeps a fragment or a utm_ parameter."""
    canonical = canonical_url(url)
    if canonical.startswith("https://") and canonical != url.strip():
        assert "#" not in canonical
        assert not re.search(r"[?&]utm_", canonical, re.IGNORECASE)


# --- content_hash --------------------------------------------------------------------

TITLE = "Mỹ và Iraq đạt được thỏa thuận về kế hoạch rút quân"
SUMMARY = "Theo Reuters, Mỹ và Iraq đã đạt được thỏa thuận về kế hoạch rút binh sĩ Mỹ."


def test_content_hash_is_hex_sha256() -> None:
    """The hash is 64 lower-case hex digits."""
    assert re.fullmatch(r"[0-9a-f]{64}", content_hash(TITLE, SUMMARY))


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        (unicodedata.normalize("NFD", TITLE), unicodedata.normalize("NFD", SUMMARY)),
        (TITLE.upper(), SUMMARY.lower()),
        ("  Mỹ và   Iraq đạt được\nthỏa thuận về kế hoạch rút quân ", SUMMARY),
        ("My va Iraq dat duoc thoa thuan ve ke hoach rut quan", SUMMARY),
        (TITLE + ".", SUMMARY.replace(",", "")),
    ],
)
def test_content_hash_ignores_composition_case_spacing_diacritics_punctuation(
    title: str, summary: str
) -> None:
    """NFD, case, extra spaces, missing diacritics and punctuation give the same hash."""
    assert content_hash(title, summary) == content_hash(TITLE, SUMMARY)


def test_content_hash_changes_when_a_word_changes() -> None:
    """A different figure or word is different content."""
    assert content_hash(TITLE, SUMMARY) != content_hash(TITLE, SUMMARY.replace("Mỹ.", "Anh."))


def test_content_hash_keeps_title_and_summary_apart() -> None:
    """Moving a word from the summary into the title changes the hash."""
    assert content_hash("a b", "c") != content_hash("a", "b c")


@given(st.text(), st.text())
def test_content_hash_is_invariant_under_nfc_nfd_and_whitespace(title: str, summary: str) -> None:
    """NFC, NFD and any re-spacing of the same words hash the same."""
    expected = content_hash(title, summary)
    assert content_hash(unicodedata.normalize("NFC", title), summary) == expected
    assert content_hash(title, unicodedata.normalize("NFD", summary)) == expected
    assert content_hash(" \n".join(title.split()), "\t".join(summary.split())) == expected
