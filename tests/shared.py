"""Where the labelled real articles are: the shared folder beside the repository.

The articles of the figure corpus and of the story pairs are other outlets' writing, so they are
kept outside the repository, with their labels, in ``<shared>/corpus/figures`` (the figure
corpus) and ``<shared>/corpus/stories`` (more reports of the same events, ``stories.json`` and
``pairs.jsonl``); so are the five seed articles, in ``<shared>/seeds`` (their labels, dates and
links are ours, in ``tests/data/seeds``). ``<shared>`` is, first to last: the path given by
``pytest --shared PATH`` (or ``python -m bench --shared PATH``), the ``DRAWDOWN_SHARED``
environment variable, and ``../shared`` from the repository root (where CI has it).

Where the folder is absent, ``corpus()`` (``seeds()``) skips the test asking for it (or the
whole module, when asked at import) with the reason; the benchmarks ask ``missing()`` first and
print the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import pytest

ENV = "DRAWDOWN_SHARED"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared"
SEED_LABELS = ROOT / "tests" / "data" / "seeds"  # our manifest and labels of the seeds

Part = Literal["figures", "stories"]  # the folders of <shared>/corpus

_chosen: Path | None = None


def use(path: Path | str | None) -> None:
    """Read the shared folder from ``path`` (``--shared``); None goes back to the default."""
    global _chosen
    _chosen = None if path is None else Path(path).expanduser().resolve()


def shared_root() -> Path:
    """The shared folder as configured; it may not exist."""
    if _chosen is not None:
        return _chosen
    if env := os.environ.get(ENV):
        return Path(env).expanduser().resolve()
    return DEFAULT


def _shown(path: Path) -> str:
    """``path`` as a person configured it: ``../shared/...`` for the default."""
    if path.is_relative_to(DEFAULT):
        return str(Path("..", "shared", path.relative_to(DEFAULT)))
    return str(path)


def missing(part: Part | Literal["seeds"]) -> str | None:
    """Why ``<shared>/corpus/<part>`` (``<shared>/seeds``) cannot be read, or None when it is
    there."""
    folder = shared_root() if part == "seeds" else shared_root() / "corpus"
    if folder.is_dir():
        folder = folder / part
    if folder.is_dir():
        return None
    return (
        f"{_shown(folder)} not found: the labelled real articles live outside the repository; "
        f"pass --shared or set {ENV}"
    )


def corpus(part: Part) -> Path:
    """``<shared>/corpus/<part>``; the test (or module) asking for it is skipped if it is absent."""
    if reason := missing(part):
        pytest.skip(reason, allow_module_level=True)
    return shared_root() / "corpus" / part


def seeds() -> Path:
    """``<shared>/seeds``, the five seed articles (the test or module asking for them is skipped
    if they are absent)."""
    if reason := missing("seeds"):
        pytest.skip(reason, allow_module_level=True)
    return shared_root() / "seeds"


def seeds_beside_manifest(into: Path) -> Path:
    """Copies the seeds and their manifest (``tests/data/seeds``) into ``into``, for a command
    that reads articles relative to a manifest; the manifest's path. Skips where they are
    absent."""
    folder = seeds()
    manifest = SEED_LABELS / "manifest.jsonl"
    for path in folder.glob("*.txt"):
        shutil.copyfile(path, into / path.name)
    shutil.copyfile(manifest, into / manifest.name)
    return into / manifest.name


def eval_text(row: Mapping[str, Any]) -> Path:
    """The text of a row of ``<shared>/eval/gold.jsonl``: its ``path`` in the shared folder
    (the seeds' rows point into ``seeds/``: the test asking is skipped where they are absent),
    else ``eval/articles/<id>.txt``."""
    if path := row.get("path"):
        if str(path).startswith("seeds/"):
            seeds()
        return shared_root() / str(path)
    return shared_root() / "eval" / "articles" / f"{row['id']}.txt"
