"""Extraction speed: articles per second for 1 KB and 10 KB articles, and the corpus scores."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from tests import shared
from watchers.figures import extract

_SEEDS = Path(__file__).resolve().parent.parent / "tests" / "data" / "seeds"


def _article_of(size: int) -> tuple[str, str]:
    """A title and a body of about ``size`` bytes cut from the seed articles, at line ends."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(_SEEDS.glob("*.txt"))]
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
    if reason := shared.missing("figures"):
        return {"skipped": reason}
    from tests.quality import figure_quality as quality

    return quality()


if __name__ == "__main__":
    import json

    print(json.dumps({"extraction": bench_extraction(), "quality": figure_quality()}, indent=2))
