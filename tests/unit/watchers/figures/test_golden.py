"""The golden ratchet: per labelled article, no new missed figure and no new false one.

``tests/data/golden/<set>.json`` holds, per article, the figures a careful reader labelled and
the reader's known misses and known false figures. An average can hide a regression (one lost
word class costs five counts and the corpus score still passes); this cannot. After an
improvement, ``python -m tests.quality --golden`` shrinks the lists.
"""

from __future__ import annotations

import json

import pytest

from tests.quality import GOLDEN, Article, labelled_figures, load_articles, load_eval


def _golden(name: str) -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = json.loads(
        (GOLDEN / f"{name}.json").read_text(encoding="utf-8")
    )
    return data


def _check(articles: list[Article], name: str) -> None:
    golden = _golden(name)
    assert {a.name for a in articles} == set(golden), f"{name}: articles added or removed"
    problems = []
    for article in articles:
        entry = golden[article.name]
        expected, got = labelled_figures(article)
        assert expected == set(entry["expected"]), f"{article.name}: its labels changed"
        if missed := expected - got - set(entry["known_misses"]):
            problems.append(f"{article.name} newly missed: {sorted(missed)}")
        if false := got - expected - set(entry["known_false"]):
            problems.append(f"{article.name} newly false: {sorted(false)}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("folder", ["seeds", "corpus"])
def test_no_new_miss_or_false_figure_on_the_labelled_corpus(folder: str) -> None:
    chosen = ("seeds",) if folder == "seeds" else ("corpus",)
    _check(load_articles(chosen), folder)  # type: ignore[arg-type]


def test_no_new_miss_or_false_figure_on_the_evaluation_set() -> None:
    _check(load_eval(), "eval")


def test_the_known_lists_only_name_real_misses_and_false_figures() -> None:
    """A known miss must be labelled, and a known false figure must not be."""
    for name in ("seeds", "corpus", "eval"):
        for article, entry in _golden(name).items():
            assert set(entry["known_misses"]) <= set(entry["expected"]), article
            assert not set(entry["known_false"]) & set(entry["expected"]), article
