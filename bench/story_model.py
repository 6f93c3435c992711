"""The story verdict measured on labelled stories it was not fitted on (``tests/story_model``):
pairs, and the stories the articles form when placed in order of their day, with their real
dates and re-dated into one week (the same-day stress)."""

from __future__ import annotations

from typing import Any

from tests import shared


def story_model() -> dict[str, Any]:
    if reason := shared.missing("figures") or shared.missing("stories") or shared.missing("seeds"):
        return {"skipped": reason}
    if not (shared.shared_root() / "eval" / "gold.jsonl").is_file():
        return {"skipped": f"{shared.shared_root() / 'eval'} not found"}
    from tests.story_model import measured

    pairs, stories, *_ = measured()
    out: dict[str, Any] = {}
    for what, tallies in (("pairs", pairs), ("stories", stories)):
        for name, tally in sorted(tallies.items()):
            out[f"{what} {' '.join(name.split())}"] = str(tally)
    return out
