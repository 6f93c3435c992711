"""Precision and recall of figure extraction and relevance on the labelled seeds and corpus.

The seeds live in ``tests/data/seeds``; the corpus, real articles by other outlets, lives
outside the repository in ``<shared>/corpus/figures`` (see ``tests/shared.py``: ``--shared``,
``DRAWDOWN_SHARED``, default ``../shared``). Each folder has ``NAME.txt`` (title line, then
body), ``NAME.expected.json`` (``relevant``, ``troop_counts``, ``deadlines`` as a careful
reader labels them) and a ``manifest.jsonl`` with the publication date, source URL and, for
the corpus, the ``split`` (see the corpus's ``README.md``): "tune" articles were used to
develop the rules; "heldout", "heldout2" and "heldout3" ones were labelled and measured
before the rules were revised for them, each set after the previous revision. Loading the
corpus where the shared folder is absent skips the test that asked for it, with the reason.

A troop count matches on (who, where, status, value); a deadline on (key, date, precision).
Relevance is scored twice, with the topic of ``config.toml``: "relevance_terms" is
``Matcher(topic).match(title, body).relevant``, what the service decides today;
"relevance" is ``watchers.topic.relevance.judge``, the same terms plus the focus and attack-story
rules. ``make bench`` prints ``figure_quality()``;
``tests/unit/watchers/figures/test_corpus.py`` asserts the
bar.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from drawdown.config import load_config
from tests.shared import corpus
from watchers.figures import Deadline, Figures, TroopCount, extract
from watchers.topic.match import Matcher, Topic
from watchers.topic.relevance import judge

DATA = Path(__file__).parent / "data"
CONFIG = Path(__file__).parent.parent / "config.toml"
Folder = Literal["seeds", "corpus"]
FOLDERS: tuple[Folder, ...] = ("seeds", "corpus")


def folder_path(folder: Folder) -> Path:
    """Where a folder of labelled articles is: the seeds here, the corpus in the shared folder."""
    return corpus("figures") if folder == "corpus" else DATA / folder


@dataclass(frozen=True, slots=True)
class Article:
    """One labelled article."""

    name: str
    folder: Folder
    split: str  # "tune" | "heldout" | "heldout2" | ...
    published: date
    url: str | None
    title: str
    body: str
    expected: dict[str, Any] = field(repr=False)

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}"


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def load_articles(folders: Iterable[Folder] = FOLDERS) -> list[Article]:
    """Seeds, then the corpus, in manifest order; seeds are in the "tune" split."""
    articles = []
    for folder in folders:
        where = folder_path(folder)
        for line in (where / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            path = where / row["path"]
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
            articles.append(
                Article(
                    name=path.stem,
                    folder=folder,
                    split=row.get("split", "tune"),
                    published=date.fromisoformat(row["published"]),
                    url=row.get("url"),
                    title=title,
                    body=body,
                    expected=expected,
                )
            )
    return articles


def troop_key(t: TroopCount | dict[str, Any]) -> tuple[str, str, str, int]:
    if isinstance(t, TroopCount):
        return t.who, t.where, t.status, t.value
    return t["who"], t["where"], t["status"], t["value"]


def deadline_key(d: Deadline | dict[str, Any]) -> tuple[str, str, str]:
    if isinstance(d, Deadline):
        return d.key, d.date, d.precision
    return f"deadline/{d['what']}", d["date"], d["precision"]


def _score(got: Iterable[Any], expected: Iterable[Any]) -> Score:
    g, e = set(got), set(expected)
    return Score(len(g & e), len(g - e), len(e - g))


def extract_article(article: Article) -> Figures:
    return extract(article.title, article.body, published=article.published)


def score_figures(articles: Iterable[Article]) -> dict[str, Score]:
    """Troop count and deadline scores summed over the articles."""
    troops, deadlines = Score(), Score()
    for article in articles:
        figures = extract_article(article)
        troops += _score(
            map(troop_key, figures.troop_counts), map(troop_key, article.expected["troop_counts"])
        )
        deadlines += _score(
            map(deadline_key, figures.deadlines), map(deadline_key, article.expected["deadlines"])
        )
    return {"troop_counts": troops, "deadlines": deadlines}


def score_relevance(articles: Iterable[Article], is_relevant: Callable[[str, str], bool]) -> Score:
    """How well ``is_relevant(title, body)`` agrees with the ``relevant`` labels."""
    score = Score()
    for article in articles:
        said, truth = is_relevant(article.title, article.body), article.expected["relevant"]
        score += Score(int(said and truth), int(said and not truth), int(truth and not said))
    return score


def topic_matcher(config: Path = CONFIG) -> Matcher:
    """The matcher for the ``[topic]`` of a configuration file, as the service builds it."""
    topic = load_config(config).topic
    return Matcher(Topic(groups=dict(topic.terms), required=topic.required, exclude=topic.exclude))


def score_relevances(articles: Iterable[Article], matcher: Matcher) -> dict[str, Score]:
    """Relevance by the topic's terms alone, and by ``watchers.topic.relevance.judge``."""
    chosen = list(articles)
    return {
        "relevance": score_relevance(chosen, lambda t, b: judge(matcher, t, b).relevant),
        "relevance_terms": score_relevance(chosen, lambda t, b: matcher.match(t, b).relevant),
    }


def splits(articles: Iterable[Article]) -> list[str]:
    """The splits in the order they first appear."""
    return list(dict.fromkeys(a.split for a in articles))


def figure_quality(config: Path = CONFIG) -> dict[str, dict[str, dict[str, float | int]]]:
    """Scores per split ("tune" includes the seeds) and over everything ("all"): troop
    counts, deadlines, relevance (``judge``) and relevance by the topic's terms alone."""
    articles = load_articles()
    matcher = topic_matcher(config)
    result = {}
    for split in [*splits(articles), "all"]:
        chosen = [a for a in articles if split in ("all", a.split)]
        scores = {**score_figures(chosen), **score_relevances(chosen, matcher)}
        result[split] = {name: score.as_dict() for name, score in scores.items()}
    return result
