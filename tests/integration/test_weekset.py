"""The same-week set (``tests/data/weekset``) through ``drawdown analyze``: a ratchet on the
pairs its stories get wrong (``bench.weekset``). A change that merges fewer reports of other
events, or splits fewer of one, lowers these numbers here too."""

from __future__ import annotations

import json

from bench.weekset import FOLDER, measured
from watchers.analyze import load_documents

# (false, missed) pairs within a language and across, measured when the set was added
MOST_WRONG = {"within": (77, 2), "across": (79, 12)}


def test_the_reports_are_read_in_order_of_publication() -> None:
    days = [str(d.published) for d in load_documents([], str(FOLDER / "manifest.jsonl"))]
    assert days == sorted(days)
    lines = (FOLDER / "labels.jsonl").read_text("utf-8").splitlines()
    assert len({json.loads(line)["event"] for line in lines}) == 13


def test_the_same_week_set_merges_and_splits_no_more_reports_than_measured() -> None:
    for kind, (_, false, missed) in measured().items():
        most_false, most_missed = MOST_WRONG[kind]
        assert false <= most_false, (kind, "false pairs", false)
        assert missed <= most_missed, (kind, "missed pairs", missed)
