"""Figure extraction measured on the labelled seeds and corpus (see tests/quality.py)."""

from __future__ import annotations

import pytest

from tests.quality import Article, extract_article, load_articles, score_figures

ARTICLES = load_articles()
PRECISION, RECALL = 0.95, 0.9


def test_the_corpus_is_big_enough_and_mixed() -> None:
    """At least 30 real articles beside the seeds, both languages, a third or so not relevant."""
    corpus = [a for a in ARTICLES if a.folder == "corpus"]
    assert len(corpus) >= 30
    vietnamese = [a for a in corpus if "_vi_" in a.name]
    assert 10 <= len(vietnamese) <= len(corpus) - 10
    not_relevant = [a for a in corpus if not a.expected["relevant"]]
    assert len(corpus) / 4 <= len(not_relevant) <= len(corpus) / 2
    assert all(a.url and 2020 <= a.published.year <= 2026 for a in corpus)


@pytest.mark.parametrize("figure", ["troop_counts", "deadlines"])
def test_precision_and_recall_meet_the_bar(figure: str) -> None:
    """Over seeds and corpus together, precision is at least 0.95 and recall at least 0.9."""
    score = score_figures(ARTICLES)[figure]
    assert score.precision >= PRECISION, score
    assert score.recall >= RECALL, score


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_every_quote_is_an_exact_substring(article: Article) -> None:
    """Every extracted figure quotes its article verbatim."""
    figures = extract_article(article)
    for quote in [t.quote for t in figures.troop_counts] + [d.quote for d in figures.deadlines]:
        assert quote in article.text
