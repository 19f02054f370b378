"""Shared fixtures. `../shared` (the reference seeds, gold and peer suites) sits beside the
repository in CI; tests that need it skip with the reason when it is absent."""

from __future__ import annotations

import ast
import json
import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = REPO / "seeds"


def pytest_configure(config):
    # Rates saved by `figures rates --update` live in the user's data folder and would change
    # what RateTable.default() returns: every test (and the CLIs it starts) sees an empty one.
    # Set before collection, since some test modules load the default table at import.
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="figures-test-data-")


def shared_path(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the read-only ../shared material beside the repository)")
    return path


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle a depth-first walk meets in a module import graph (the house-rules tests of
    tests/test_layout.py and tests/test_extract_layout.py share it)."""
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt):], nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    return cycles


def module_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) for every import in a source file, at any depth (lazy imports count):
    the house-rules tests (test_layout, test_extract_layout) read imports with it."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
    return out
