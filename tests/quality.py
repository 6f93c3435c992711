"""Precision and recall of figure extraction and relevance on the labelled seeds and corpus.

The articles are other outlets' writing and live outside the repository (see
``tests/shared.py``: ``--shared``, ``DRAWDOWN_SHARED``, default ``../shared``): the seeds in
``<shared>/seeds``, the corpus in ``<shared>/corpus/figures``. Each article is ``NAME.txt``
(title line, then body) with ``NAME.expected.json`` (``relevant``, ``troop_counts``,
``deadlines`` as a careful reader labels them) and a line of a ``manifest.jsonl`` with the
publication date, source URL and, for the corpus, the ``split`` (see the corpus's
``README.md``); the seeds' labels and manifest are ours, in ``tests/data/seeds``. "tune"
articles were used to develop the rules; "heldout", "heldout2" and "heldout3" ones were labelled
and measured before the rules were revised for them, each set after the previous revision.
Loading the corpus where the shared folder is absent skips the test that asked for it, with the
reason.

A troop count matches on (who, where, status, value); a deadline on (key, date, precision).
Relevance is scored twice, with the topic of ``config.toml``: "relevance_terms" is the topic's
words alone (the required groups, and a word of leaving said of forces: ``judge`` without its
focus and attack-story rules); "relevance" is ``watchers.topic.relevance.judge``, what the
service decides, the same words plus those rules. ``make bench`` prints ``figure_quality()``;
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

import pytest

from drawdown.config import load_config
from tests.shared import SEED_LABELS, corpus, eval_text, seeds, shared_root
from watchers.figures import Deadline, Figures, TroopCount, extract
from watchers.figures.dates import Precision, last_day
from watchers.topic.match import Matcher, Topic
from watchers.topic.relevance import Groups, judge

DATA = Path(__file__).parent / "data"
CONFIG = Path(__file__).parent.parent / "config.toml"
Folder = Literal["seeds", "corpus", "eval"]
FOLDERS: tuple[Folder, ...] = ("seeds", "corpus")  # "eval" is read by ``load_eval``


def folder_path(folder: Folder) -> Path:
    """Where a folder's labels and manifest are: the seeds' here, the corpus's in the shared
    folder."""
    if folder == "corpus":
        return corpus("figures")
    return SEED_LABELS if folder == "seeds" else DATA / folder


def text_path(folder: Folder) -> Path:
    """Where a folder's articles are: all in the shared folder."""
    return seeds() if folder == "seeds" else folder_path(folder)


def seed_names() -> list[str]:
    """The seeds' names, in manifest order (read from their labels: no article needed)."""
    manifest = (SEED_LABELS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [Path(json.loads(line)["path"]).stem for line in manifest]


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
        where, texts = folder_path(folder), text_path(folder)
        for line in (where / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            path = where / row["path"]
            title, _, body = (texts / row["path"]).read_text(encoding="utf-8").partition("\n")
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


def troops_of(body: str, published: date) -> set[tuple[str, str, str, int]]:
    """The ``troop_key`` of each troop count read from a body with no title."""
    return {troop_key(t) for t in extract("", body, published=published).troop_counts}


def deadlines_of(body: str, published: date) -> set[tuple[str, str, str]]:
    """The ``deadline_key`` of each deadline read from a body with no title."""
    return {deadline_key(d) for d in extract("", body, published=published).deadlines}


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
    """Relevance by the topic's words alone, and by ``watchers.topic.relevance.judge``."""
    chosen = list(articles)
    words_alone = Groups(elsewhere="", attack="")  # no focus or attack-story rule
    return {
        "relevance": score_relevance(chosen, lambda t, b: judge(matcher, t, b).relevant),
        "relevance_terms": score_relevance(
            chosen, lambda t, b: judge(matcher, t, b, words_alone).relevant
        ),
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


# --- the golden ratchet ----------------------------------------------------------------------
# Per labelled article (the seeds and corpus above, and the evaluation set in
# ``<shared>/eval``): the figures a careful reader labelled, as short strings, with the ones the
# reader misses today (``known_misses``) and the ones it reports that are not labelled
# (``known_false``). ``tests/unit/watchers/figures/test_golden.py`` fails on any other miss
# or false figure; ``python -m tests.quality --golden`` rewrites the files after an
# improvement (review the diff: a shrinking list is progress).
GOLDEN = DATA / "golden"
_IRAQI_PLACES = ("Ain al-Asad", "Baghdad", "Erbil", "Kurdistan")


def _troop_label(who: str, where: str, status: str, value: int) -> str:
    return f"troops {who} {where} {status} {value}"


def _eval_place(where: str | None) -> str:
    """A count at a base or city in Iraq is a count in Iraq, as the evaluation set labels it."""
    place = (where or "").strip()
    return "Iraq" if place in _IRAQI_PLACES or "iraq" in place.lower() else place


def labelled_figures(article: Article) -> tuple[set[str], set[str]]:
    """(expected, got) figure labels of one labelled article."""
    figures = extract_article(article)
    if article.folder == "eval":
        ranges = [
            (int(t["value"]), int(t["value_max"]), _eval_place(t.get("where")))
            for t in article.expected["troop_counts"]
            if t.get("value_max")
        ]

        def count(value: int, where: str) -> str:
            for low, high, place in ranges:
                if place == where and low <= value <= high:
                    value = low  # a range labelled by its low end accepts any value inside it
            return f"troops {where} {value}"

        expected = {
            count(int(t["value"]), _eval_place(t.get("where")))
            for t in article.expected["troop_counts"]
        } | {
            f"deadline {last_day(d['date'], _precision(d['date']))}"
            for d in article.expected["deadlines"]
        }
        got = {count(t.value, _eval_place(t.where)) for t in figures.troop_counts} | {
            f"deadline {d.last_day.isoformat()}"
            for d in (*figures.deadlines, *figures.targets, *figures.passed)
        }  # the evaluation set counts drawdown targets and passed targets as deadlines
        return expected, got
    expected = {_troop_label(*troop_key(t)) for t in article.expected["troop_counts"]} | {
        " ".join(deadline_key(d)) for d in article.expected["deadlines"]
    }
    got = {_troop_label(*troop_key(t)) for t in figures.troop_counts} | {
        " ".join(deadline_key(d)) for d in figures.deadlines
    }
    return expected, got


def _precision(when: str) -> Precision:
    return {1: "year-end", 2: "month"}.get(len(when.split("-")), "day")  # type: ignore[return-value]


def load_eval() -> list[Article]:
    """The evaluation set (``<shared>/eval``: texts, ``gold.jsonl``), relevant articles only,
    dated as its scorer dates them (a month's hint is its 15th, a year's hint 1 July)."""
    where = shared_root() / "eval"
    gold = where / "gold.jsonl"
    if not gold.is_file():
        pytest.skip(f"the evaluation set is not at {where}")
    articles = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if not row["relevant"]:
            continue
        title, _, body = eval_text(row).read_text(encoding="utf-8").partition("\n")
        hint = row.get("published") or row.get("published_hint") or "2024"
        day = hint if len(hint) == 10 else f"{hint}-15" if len(hint) == 7 else f"{hint}-07-01"
        articles.append(
            Article(row["id"], "eval", "eval", date.fromisoformat(day), row.get("source_url"),
                    title, body, row)
        )  # fmt: skip
    return articles


def golden_of(articles: Iterable[Article]) -> dict[str, dict[str, list[str]]]:
    """Per article: its labelled figures, and what the reader misses or adds today."""
    out = {}
    for article in articles:
        expected, got = labelled_figures(article)
        out[article.name] = {
            "expected": sorted(expected),
            "known_misses": sorted(expected - got),
            "known_false": sorted(got - expected),
        }
    return out


def write_golden() -> None:
    """Rewrite ``tests/data/golden/{seeds,corpus,eval}.json`` from the reader as it is."""
    GOLDEN.mkdir(parents=True, exist_ok=True)
    sets = {"seeds": load_articles(("seeds",)), "corpus": load_articles(("corpus",))}
    sets["eval"] = load_eval()
    for name, articles in sets.items():
        text = json.dumps(golden_of(articles), ensure_ascii=False, indent=1, sort_keys=True)
        (GOLDEN / f"{name}.json").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--golden"]:
        write_golden()
    else:
        print(json.dumps(figure_quality(), indent=1))
