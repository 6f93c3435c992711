"""The labelled real articles of ``<shared>/eval``, replayed in publication order and scored by
the set's own scorer (``score.py``): the bars the product is held to, as a ratchet.

The set lives outside the repository (``tests/shared.py``); without it the test skips.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from drawdown.config import load_config
from drawdown.service import matcher_for
from tests.shared import shared_root
from watchers.analyze import analyze, load_documents, render_json

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _score(scorer: Path, *args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(scorer), *args], check=True, capture_output=True, text=True
    ).stdout
    report, _, _summary = out.rpartition("\n}\n")  # the JSON, then a one-line summary
    parsed: dict[str, Any] = json.loads(report + "\n}")
    return parsed


@pytest.fixture(scope="module")
def replay(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    scorer = shared_root() / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(
            f"{scorer} not found: the labelled real articles live outside the repository; "
            "pass --shared or set DRAWDOWN_SHARED"
        )
    folder = tmp_path_factory.mktemp("eval")
    subprocess.run(
        [sys.executable, str(scorer), "--make-manifest", str(folder)],
        check=True,
        capture_output=True,
    )
    documents = load_documents([], str(folder / "manifest.jsonl"))
    results = analyze(documents, matcher_for(load_config()), now=NOW)
    predictions = folder / "pred.jsonl"
    predictions.write_text(render_json(results) + "\n", encoding="utf-8")
    return scorer, predictions


def test_change_alerts_of_the_replay_are_right_and_find_most_true_changes(
    replay: tuple[Path, Path],
) -> None:
    scorer, predictions = replay
    scored = _score(scorer, "--score-changes", str(predictions))
    assert scored["precision"] >= 0.9, scored["wrong_alerts"]
    assert scored["recall"] >= 0.8, scored["missed"]


def test_extraction_relevance_and_story_pairs_hold_their_levels(
    replay: tuple[Path, Path],
) -> None:
    scorer, predictions = replay
    scored = _score(scorer, "--score", str(predictions))
    floors = {
        "relevance": (1.0, 0.97),
        "troop_counts": (0.95, 0.9),
        "deadlines": (0.95, 0.85),
        "duplicates_same_language": (0.95, 0.7),
        "duplicates_all": (0.95, 0.6),
    }
    for measure, (precision, recall) in floors.items():
        got = scored[measure]
        assert got["precision"] >= precision, (measure, got)
        assert got["recall"] >= recall, (measure, got)
