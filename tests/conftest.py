"""Shared fixtures. `../shared` (the reference seeds, gold and peer suites) sits beside the
repository in CI; tests that need it skip with the reason when it is absent."""

from __future__ import annotations

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
