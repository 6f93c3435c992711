"""The layout is the data path: feed → watchers → storage → bot, and nothing flows back.

``watchers/`` never imports ``bot/``; ``storage/`` imports neither ``bot/`` nor ``watchers/``
when it runs (the intents' types are named for the type checker only); no module is much over
400 lines.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("drawdown", "watchers", "storage", "bot")
FORBIDDEN = {"watchers": ("bot",), "storage": ("bot", "watchers")}
MAX_LINES = 420


def modules(package: str) -> list[Path]:
    found = sorted((ROOT / package).rglob("*.py"))
    assert found, f"no modules under {ROOT / package}"  # a moved package must not pass empty
    return found


def runtime_imports(path: Path) -> Iterator[tuple[int, str]]:
    """(line, module) of every import that runs (not under ``if TYPE_CHECKING:``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    checking: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in (
            "TYPE_CHECKING",
            "typing.TYPE_CHECKING",
        ):
            checking |= {id(n) for child in node.body for n in ast.walk(child)}
    for node in ast.walk(tree):
        if id(node) in checking:
            continue
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_data_flows_one_way(package: str) -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in modules(package)
        for line, module in runtime_imports(path)
        if module.split(".")[0] in FORBIDDEN[package]
    ]
    assert wrong == []


def test_no_module_is_much_over_four_hundred_lines() -> None:
    long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for package in (*PACKAGES, "tests", "bench")
        for path in modules(package)
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert long == []
