"""Two reviews' probes of the sixteenth stop's figure rules (our own writing: helpers wrote 218
sentences aimed at the rules' edges, each with the reading a careful editor would give, before
running them; ``tests/data/figure_probes_week48.json``). Those the reader gets right stay right
(a ratchet); those it does not (``read_right`` false, 37: most of them old gaps) are
listed so that a change that mends one can say so."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from watchers.figures import extract

PROBES: list[dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[3] / "data" / "figure_probes_week48.json").read_text("utf-8")
)


def _read(probe: dict[str, Any]) -> tuple[list[list[Any]], list[list[Any]]]:
    figures = extract(
        probe["title"], probe["body"], published=date.fromisoformat(probe["published"])
    )
    deadlines = sorted([d.key, d.date] for d in figures.deadlines)
    troops = sorted([t.key, t.value] for t in figures.troop_counts)
    return deadlines, troops


def _expected(probe: dict[str, Any]) -> tuple[list[list[Any]], list[list[Any]]]:
    return sorted(map(list, probe["expected_deadlines"])), sorted(
        map(list, probe["expected_troops"])
    )


@pytest.mark.parametrize("probe", [p for p in PROBES if p["read_right"]], ids=lambda p: p["id"])
def test_a_probe_read_right_stays_right(probe: dict[str, Any]) -> None:
    assert _read(probe) == _expected(probe)


def test_the_probes_read_wrong_are_still_wrong() -> None:
    """When one of these is read right, move it to the ratchet (``read_right``: true)."""
    mended = [p["id"] for p in PROBES if not p["read_right"] and _read(p) == _expected(p)]
    assert mended == []
