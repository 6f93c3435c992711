"""Where the labelled real articles are: the shared folder beside the repository.

The articles of the figure corpus and of the story pairs are other outlets' writing, so they
are kept outside the repository, with their labels, in ``<shared>/corpus/figures`` (the figure
corpus) and ``<shared>/corpus/stories`` (more reports of the same events, ``stories.json`` and
``pairs.jsonl``). ``<shared>`` is, first to last: the path given by ``pytest --shared PATH``
(or ``python -m bench --shared PATH``), the ``DRAWDOWN_SHARED`` environment variable, and
``../shared`` from the repository root (where CI has it).

Where the folder is absent, ``corpus()`` skips the test asking for it (or the whole module, when
asked at import) with the reason; the benchmarks ask ``missing()`` first and print the reason.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import pytest

ENV = "DRAWDOWN_SHARED"
ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared"

Part = Literal["figures", "stories"]

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


def missing(part: Part) -> str | None:
    """Why ``<shared>/corpus/<part>`` cannot be read, or None when it is there."""
    folder = shared_root() / "corpus"
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
