"""House rules for the whole package (issue 13 item 5; tests/test_extract_layout.py holds the
extractor's own, stricter ones): no import cycles between modules, no imports of another
module's private names, no module over 500 lines except data tables, and the layout's folders.

TOO_BIG pins the modules still over the limit at their present size (a ratchet): they may only
shrink, and each entry is removed when its module is split."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO, import_cycles, module_imports

ROOT = REPO / "figures"
MODULES: dict[str, Path] = {}
for p in sorted(ROOT.rglob("*.py")):
    rel = p.relative_to(REPO).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    if "_extract_native" in parts[1] if len(parts) > 1 else False:
        continue
    MODULES[".".join(parts)] = p

DATA = {"figures.vocab.units_table", "figures.vocab.cldr_currencies"}
# Still to split (issue 13): at most these many lines, never more.
TOO_BIG = {
}
# A module of a package may use the package's own private helper module (checks/_common).
SHARED_PRIVATE = {"figures.checks._common"}



def test_the_layout_reads_as_the_flow():
    for pkg in ("vocab", "extract", "normalize", "normalize.rates", "checks", "io", "dataframe",
                "report", "cli"):
        assert f"figures.{pkg}" in MODULES, pkg


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n not in DATA))
def test_no_code_module_over_500_lines(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= TOO_BIG.get(name, 500), f"{name} has {lines} lines: split it by job"


def test_the_ratchet_names_only_modules_still_too_big():
    for name in TOO_BIG:
        assert MODULES[name].read_text(encoding="utf-8").count("\n") > 500, (
            f"{name} is small now: remove it from TOO_BIG")


def test_no_private_names_imported_across_modules():
    bad = []
    for name, path in MODULES.items():
        for module, names in module_imports(path):
            if module.startswith("figures") and module != name and module not in SHARED_PRIVATE:
                bad += [f"{name} imports {module}.{n}" for n in names
                        if n.startswith("_") and n != "__version__"]
    assert bad == []


def test_no_import_cycles_at_module_level():
    """Top-level imports only: a lazy import inside a function runs after both modules loaded."""
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.module:
                subs = [f"{node.module}.{a.name}" for a in node.names
                        if f"{node.module}.{a.name}" in MODULES]
                targets = subs or [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph[name] |= {t for t in targets if t in MODULES and t != name
                            and not name.startswith(t + ".")}
    assert import_cycles(graph) == []
