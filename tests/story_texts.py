"""Evidence for the story tests: from the written texts (``tests.texts``) or made up with
chosen content words, used by the unit tests of the verdict, the decider and placing."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from tests.texts import BODY, TITLE
from watchers.analyze import read_document
from watchers.stories.similar import NUM_BINS, Evidence, Signature, evidence

_DATA = Path(__file__).resolve().parent / "data"

__all__ = ["PUBLISHED", "made_up", "of_text", "re_posts", "same_story_other_outlet"]

PUBLISHED = date(2024, 9, 7)


def set_report(
    folder: str, number: str, published: date, paragraphs: int | None = None
) -> Evidence:
    """A same-week set's report (``tests/data/<folder>/articles/<number>.txt``, our own
    writing), published on ``published``; with ``paragraphs``, only its first ones."""
    title, body = read_document(_DATA / folder / "articles" / f"{number}.txt")
    if paragraphs is not None:
        body = "\n".join(body.split("\n")[:paragraphs])
    return evidence(title, body, published=published)


def of_text(title: str, body: str, published: date | None = PUBLISHED) -> Evidence:
    return evidence(title, body, published=published)


def same_story_other_outlet() -> tuple[Evidence, Evidence]:
    """A report and another outlet's copy of it, with its own headline and a paragraph dropped."""
    paragraphs = BODY.strip().split("\n\n")
    copy = "\n\n".join(paragraphs[:3] + paragraphs[4:])
    return of_text(TITLE, BODY), of_text("Mỹ - Iraq thống nhất lộ trình rút quân", copy)


def made_up(
    terms: range,
    troops: int,
    *,
    seed: int,
    anchors: frozenset[str] = frozenset(),
    years: frozenset[int] = frozenset(),
) -> Evidence:
    """Evidence with chosen content words and troop count, and a signature unlike any other."""
    return Evidence(
        lang="en",
        published=PUBLISHED,
        signature=Signature(tuple(range(seed, seed + NUM_BINS)), 50),
        anchors=anchors,
        terms=frozenset(terms),
        years=years,
        troop_counts=frozenset({("troops/US/Iraq", troops)}),
        deadlines=frozenset(),
    )


def re_posts(n: int, *, years: int = 2) -> Iterator[tuple[Evidence, Evidence]]:
    """``n`` made-up articles of 24 sentences, each with a re-post ``years`` later that keeps
    three quarters of its sentences and replaces the rest with its own (Jaccard about 0.6):
    far apart in time, only the index's band rows can find them."""
    rng = random.Random(7)
    words = [f"từ{k}" for k in range(3000)]

    def sentences(count: int) -> list[str]:
        return [" ".join(rng.choices(words, k=12)) + "." for _ in range(count)]

    later = PUBLISHED + timedelta(days=365 * years)
    for k in range(n):
        own = sentences(24)
        yield (
            of_text(f"Bài {k}", "\n".join(own)),
            of_text(f"Bài {k}", "\n".join(own[6:] + sentences(6)), later),
        )
