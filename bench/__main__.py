"""`make bench`: print every figure the issues ask for, section by section."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from typing import Any

from bench.delivery import bench_delivery
from bench.figures import bench_extraction, figure_quality
from bench.poll import bench_poll
from bench.stories import bench_stories, story_quality

SECTIONS: dict[str, Callable[[], Mapping[str, Any]]] = {
    "poll cycle: 1,000 feeds on the local feed server (5% changed, 95% answering 304)": bench_poll,
    "delivery: sends per second against the configured rate; alert to the last subscriber": (
        bench_delivery
    ),
    "figure extraction speed": bench_extraction,
    "figure extraction quality on the labelled corpus": figure_quality,
    "story index: insert+lookup per article and peak memory at 10k/100k/1M": bench_stories,
    "story matching quality on the labelled pairs": story_quality,
}


def main(only: list[str]) -> None:
    for title, run in SECTIONS.items():
        if only and not any(word in title for word in only):
            continue
        print(f"\n== {title}", flush=True)
        for key, value in run().items():
            shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
            print(f"  {key:<32} {shown}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
