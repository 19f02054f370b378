"""The wheel must carry every subpackage and the rate tables (a missing subpackage only shows
up in a non-editable install)."""

from __future__ import annotations

import pkgutil
import tomllib
from importlib import resources
from pathlib import Path

import figures

REPO = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_in_the_build():
    conf = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = conf["tool"]["setuptools"]["packages"]["find"]["include"]
    pkgs = ["figures"] + [m.name for m in pkgutil.walk_packages(figures.__path__, "figures.") if m.ispkg]
    for pkg in pkgs:
        assert pkg in include or any(p.endswith(".*") and pkg.startswith(p[:-1]) for p in include), pkg
    assert "currency_tables" in include


def test_rate_table_is_package_data():
    conf = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = conf["tool"]["setuptools"]["package-data"]["currency_tables"]
    files = [p.name for p in resources.files("currency_tables").iterdir() if p.is_file()]
    data = [f for f in files if not f.endswith(".py")]
    assert "manifest.json" in data
    for f in data:
        assert any(Path(f).match(p) for p in patterns), f
