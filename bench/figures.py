"""Extraction speed: articles per second for 1 KB and 10 KB articles, and the corpus scores."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from tests import shared
from tests.texts import BODY, BODY_2021, TITLE, TITLE_2021
from watchers.figures import extract


def _article_of(size: int) -> tuple[str, str]:
    """A title and a body of about ``size`` bytes made of the tests' own articles, at line
    ends."""
    texts = [f"{TITLE}\n{BODY}", f"{TITLE_2021}\n{BODY_2021}"]
    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    body: list[str] = []
    i = 0
    while len("\n".join(body).encode()) < size:
        body.append(lines[i % len(lines)])
        i += 1
    return lines[0], "\n".join(body)


def bench_extraction(seconds: float = 1.0) -> dict[str, Any]:
    """Articles extracted per second for 1 KB and 10 KB Vietnamese articles."""
    result: dict[str, Any] = {}
    for label, size in (("1KB", 1_000), ("10KB", 10_000)):
        title, body = _article_of(size)
        extract(title, body, published=date(2024, 9, 7))  # warm caches
        count, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            extract(title, body, published=date(2024, 9, 7))
            count += 1
        result[f"articles_per_second_{label}"] = round(count / elapsed, 1)
    return result


def figure_quality() -> dict[str, Any]:
    """Precision and recall per split of the labelled corpus and over all of it: troop counts,
    deadlines, relevance (``watchers.topic.relevance.judge``) and relevance by the topic's terms.
    The corpus is in the shared folder (``tests/shared.py``); without it, the reason is shown."""
    if reason := shared.missing("figures") or shared.missing("seeds"):
        return {"skipped": reason}
    from tests.quality import figure_quality as quality

    return quality()


if __name__ == "__main__":
    import json

    print(json.dumps({"extraction": bench_extraction(), "quality": figure_quality()}, indent=2))
