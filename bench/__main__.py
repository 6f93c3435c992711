"""`make bench`: print every figure the issues ask for, section by section."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from bench.bigfeed import bench_big_feed
from bench.delivery import bench_delivery
from bench.figures import bench_extraction, figure_quality
from bench.hostile import bench_hostile
from bench.poll import bench_poll
from bench.scale import bench_scale
from bench.stories import bench_stories, story_quality
from bench.story_model import story_model
from bench.weekset import week_stories
from tests.shared import ENV

SECTIONS: dict[str, Callable[[], Mapping[str, Any]]] = {
    "poll cycle: 1,000 feeds on the local feed server (5% changed, 95% answering 304)": bench_poll,
    "a feed of 10,000 items on the topic: first check and steady polls": bench_big_feed,
    "hostile feeds (1 MB titles, 10,000 items) beside a canary, from outside": bench_hostile,
    "delivery: sends per second against the configured rate; alert to the last subscriber": (
        bench_delivery
    ),
    "scale out: delivery rate of 1, 2 and 3 instances on one PostgreSQL database": bench_scale,
    "figure extraction speed": bench_extraction,
    "figure extraction quality on the labelled corpus": figure_quality,
    "story index: insert+lookup per article and peak memory at 10k/100k/1M": bench_stories,
    "story matching quality on the labelled pairs": story_quality,
    "story verdict on stories it was not fitted on (held-out and cross-validated; same-day)": (
        story_model
    ),
    "story matching on the same-week sets, written without reading the matcher": week_stories,
}


def main(only: list[str]) -> None:
    for title, run in SECTIONS.items():
        if only and not any(word in title for word in only):
            continue
        print(f"\n== {title}", flush=True)
        for key, value in run().items():
            shown = f"{value:,.3f}" if isinstance(value, float) else str(value)
            print(f"  {key:<32} {shown}", flush=True)


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Print the performance and quality figures, section by section.",
    )
    parser.add_argument(
        "only",
        nargs="*",
        metavar="WORD",
        help="run only the sections whose title has one of these words (e.g. quality, story)",
    )
    parser.add_argument(
        "--shared",
        metavar="PATH",
        help=f"the folder of labelled real articles (default: ${ENV} or ../shared); "
        "the quality and story sections show why they are skipped without it",
    )
    return parser.parse_args(argv)


if __name__ == "__main__":
    args = parse()
    if args.shared:  # through the environment, so the benchmarks' own processes see it too
        os.environ[ENV] = str(Path(args.shared).expanduser().resolve())
    main(args.only)
