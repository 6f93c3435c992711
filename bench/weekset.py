"""Story matching on the same-week set: 70 reports (English and Vietnamese) of 13 events of two
busy weeks, written for the project without reading the matcher (``tests/data/weekset``).

The reports go through ``drawdown analyze`` (the service's own path, a fresh store) in order
of publication, and the pairs of reports that end in one story are scored against the events
they report, within a language and across: the measure the issue's outside test takes on real
articles built around same-week stories.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from drawdown.config import load_config
from drawdown.service import matcher_for
from watchers.analyze import analyze, load_documents

__all__ = ["FOLDER", "measured", "pair_tallies", "week_stories"]

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "data" / "weekset"


def pair_tallies(
    results: Sequence[Mapping[str, Any]], events: Mapping[str, tuple[str, str]]
) -> dict[str, tuple[int, int, int]]:
    """(true, false, missed) pairs within a language and across, among the reports on the
    topic: ``results`` as ``analyze`` gives them, ``events`` (event, language) by path."""
    duplicate_of = {r["path"]: r["duplicate_of"] for r in results}

    def story(path: str) -> str:
        while duplicate_of.get(path):
            path = duplicate_of[path]
        return path

    kept = [r["path"] for r in results if r["relevant"]]
    tally = {"within": [0, 0, 0], "across": [0, 0, 0]}
    for a, b in combinations(kept, 2):
        (event_a, lang_a), (event_b, lang_b) = events[a], events[b]
        counts = tally["within" if lang_a == lang_b else "across"]
        same, joined = event_a == event_b, story(a) == story(b)
        counts[0] += same and joined
        counts[1] += joined and not same
        counts[2] += same and not joined
    return {kind: (c[0], c[1], c[2]) for kind, c in tally.items()}


def measured() -> dict[str, tuple[int, int, int]]:
    """``pair_tallies`` of the stories ``analyze`` forms from the same-week set, its reports
    read in order of publication."""
    documents = load_documents([], str(FOLDER / "manifest.jsonl"))
    lines = (FOLDER / "labels.jsonl").read_text("utf-8").splitlines()
    events = {f"articles/{r['id']}.txt": (r["event"], r["lang"]) for r in map(json.loads, lines)}
    if {d.path for d in documents} != events.keys():
        raise ValueError("the manifest and the labels name other reports")
    now = datetime(2027, 4, 1, tzinfo=UTC)
    results = [a.result for a in analyze(documents, matcher_for(load_config()), now=now)]
    return pair_tallies(results, events)


def week_stories() -> dict[str, Any]:
    """Pair precision and recall within a language and across (``measured``)."""
    out: dict[str, Any] = {}
    for kind, (tp, fp, fn) in measured().items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        out[kind] = f"P {precision:.3f} R {recall:.3f} (tp {tp} fp {fp} fn {fn})"
    return out
