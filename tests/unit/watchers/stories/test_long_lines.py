"""Reading evidence is linear in the length of a line: a line of a hundred thousand capitalised
words is read once (it was rescanned for every word)."""

from __future__ import annotations

import re

from watchers.stories.similar.evidence import _starts_sentence, evidence

_REFERENCE = re.compile(r"(?:^|[.!?:;\"“”«»()\[\]–—|/•]\s*)$")  # the rule, read the slow way


def test_a_line_of_capitalised_words_is_read_in_one_pass() -> None:
    found = evidence("A headline", " ".join(["Zorvan"] * 100_000), published=None)
    assert "zorvan" in found.anchors


def test_a_sentence_starts_where_the_reference_rule_says() -> None:
    for line in ["Word", "a Word", "a. Word", "a.  Word", "(Word", "  Word", "a–Word", "x:\tWord"]:
        for start in range(len(line) + 1):
            assert _starts_sentence(line, start) == bool(_REFERENCE.search(line[:start])), line
