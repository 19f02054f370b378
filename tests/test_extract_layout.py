"""House rules of the extractor's packages (figures/extract, figures/vocab): small modules with
one job, no import cycles, no imports of another module's private names, vocabulary as data, and
nothing done at import that changes how Python imports."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO, import_cycles, module_imports

PACKAGES = ("extract", "vocab")
MODULES = {
    f"figures.{pkg}.{p.stem}" if p.stem != "__init__" else f"figures.{pkg}": p
    for pkg in PACKAGES for p in sorted((REPO / "figures" / pkg).glob("*.py"))
}
# Generated from pint and from CLDR by their scripts: data, not code.
GENERATED = {"units_table", "cldr_currencies"}



def test_the_packages_are_found():
    assert {"figures.extract.scan", "figures.extract.native", "figures.vocab.scales"} <= set(MODULES)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("figures.extract")))
def test_no_code_module_over_500_lines(name):
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= 500, f"{name} has {lines} lines: split it by job"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("figures.vocab")))
def test_vocab_is_data_only(name):
    """No functions, classes or imports beyond __future__, decimal and other vocab tables."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    for node in tree.body:
        assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)), name
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            mods = [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            assert all(m in ("__future__", "decimal") or m.startswith("figures.vocab") for m in mods), (
                name, mods)


def test_no_private_names_imported_across_modules():
    bad = []
    for name, path in MODULES.items():
        for module, names in module_imports(path):
            if module.startswith("figures") and module != name:
                bad += [f"{name} imports {module}.{n}" for n in names if n.startswith("_")]
    assert bad == []


def test_no_import_cycles():
    graph = {name: set() for name in MODULES}
    for name, path in MODULES.items():
        for module, names in module_imports(path):
            # "from figures.extract import units" imports the module figures.extract.units
            submodules = [f"{module}.{n}" for n in names if f"{module}.{n}" in MODULES]
            graph[name] |= {t for t in submodules or [module] if t in MODULES and t != name}
    # A package's __init__ may import its own modules; a module importing its package's
    # __init__ would be a cycle, and is one here.
    assert import_cycles(graph) == []


def test_nothing_touches_the_import_system():
    """No meta-path finders, path hooks, patched loaders or sys.modules entries, at import or
    later: the compiled engine is chosen by a plain import (figures/extract/native.py)."""
    bad = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in (
                "meta_path", "path_hooks", "path_importer_cache", "modules", "exec_module",
                "module_from_spec",
            ):
                bad.append(f"{name}: {node.attr}")
    assert bad == []
