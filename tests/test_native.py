"""The compiled engine (setup.py builds the modules of figures/extract/ with mypyc as the package
figures._extract_native) gives exactly what the Python engine gives, and figures.extract only
uses it when it was built from the current sources.

Where no compiled engine was built (no C compiler, FIGURES_BUILD_PURE=1), the comparisons skip
and say so; CI sets FIGURES_REQUIRE_NATIVE=1, which turns that skip into a failure, so a build
that silently fell back to Python cannot pass there.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from figures.errors import NotText
from tests.conftest import REPO, SHARED
from tests.test_extract_cases import ALL_CASES
from tests.test_fuzz import texts, unicode_texts

ex = importlib.import_module("figures.extract")  # the package: figures.extract is the function
from figures.extract import native as loader  # noqa: E402
from figures.extract.engine import find_figures  # noqa: E402

NATIVE_ENGINE = "figures._extract_native.engine"


def _native():
    try:
        return importlib.import_module(NATIVE_ENGINE)
    except ImportError as exc:
        reason = f"no compiled engine is built ({exc}); see setup.py"
    else:  # pragma: no cover - the .py copy without its extension module
        reason = f"{NATIVE_ENGINE} is a .py copy, not the compiled module"
    if os.environ.get("FIGURES_REQUIRE_NATIVE"):
        pytest.fail(f"FIGURES_REQUIRE_NATIVE is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def native():
    try:
        spec = importlib.util.find_spec(NATIVE_ENGINE)
    except ImportError:
        spec = None
    if spec is None or spec.origin is None or spec.origin.endswith(".py"):
        _native()
    return importlib.import_module(NATIVE_ENGINE)


def _texts() -> list[str]:
    out = [param.values[0] for param in ALL_CASES]
    for folder in (REPO / "seeds", SHARED / "seeds"):
        if folder.is_dir():
            out += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return out


def test_the_native_engine_is_in_use_when_built(native):
    assert ex.IMPLEMENTATION == "native (mypyc)"
    assert loader.ENGINE is native.find_figures
    assert native.SOURCE_SHA256 == loader.source_stamp(Path(loader.__file__).parent)


def test_the_compiled_copy_takes_the_loop_forms(native):
    """tokens.NATIVE picks each hot reader's form: loops in the compiled copy, matches here."""
    assert importlib.import_module("figures._extract_native.tokens").NATIVE is True
    assert importlib.import_module("figures.extract.tokens").NATIVE is False


def test_every_module_of_the_package_is_compiled_but_the_loader(native):
    """The compiled copy covers the package: every module but __init__ and the loader (and units,
    which calls pint), each an extension module."""
    folder = Path(loader.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "native", "units"}
    assert modules == set(loader.COMPILED)
    for name in loader.COMPILED:
        spec = importlib.util.find_spec(f"figures._extract_native.{name}")
        assert spec is not None and spec.origin is not None and not spec.origin.endswith(".py")


def test_the_build_leaves_no_python_copy_in_the_checkout():
    """setup.py writes its stamped copies under build/; a .py copy inside figures/ would be
    imported by the tests in place of the compiled module (issue 11)."""
    assert not (REPO / "figures" / "_extract_native.py").exists()
    assert list((REPO / "figures").glob("_extract_native/*.py")) == []


def test_same_figures_on_the_case_table_and_the_seeds(native):
    corpus = _texts()
    assert len(corpus) > 400
    differ = [t for t in corpus if native.find_figures(t, "d", None) != find_figures(t, "d", None)]
    assert differ == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(texts, unicode_texts))
def test_same_figures_on_generated_text(native, text):
    assert native.find_figures(text, None, None) == find_figures(text, None, None)


@pytest.mark.parametrize("bad", [b"RMB 10 billion", None, 10, ["RMB 10 billion"]])
def test_non_text_is_a_figures_error_whichever_engine_runs(bad):
    with pytest.raises(NotText, match="needs a str"):
        ex.extract(bad)


# ---- which engine runs ---------------------------------------------------------------------


def test_pure_python_on_request(monkeypatch):
    monkeypatch.setenv("FIGURES_PURE_PYTHON", "1")
    engine, note = loader.load()
    assert engine is None
    assert "FIGURES_PURE_PYTHON" in note


def test_a_stale_build_is_not_used(native, monkeypatch, tmp_path):
    monkeypatch.delenv("FIGURES_PURE_PYTHON", raising=False)
    folder = Path(loader.__file__).parent
    for name in loader.COMPILED:
        text = (folder / f"{name}.py").read_bytes()
        (tmp_path / f"{name}.py").write_bytes(text + (b"\n# an edit after the build\n" if name == "right" else b""))
    monkeypatch.setattr(loader, "__file__", str(tmp_path / "native.py"))
    engine, note = loader.load()
    assert engine is None
    assert "older than figures/extract" in note


def test_no_build_falls_back_with_a_reason(monkeypatch):
    monkeypatch.delenv("FIGURES_PURE_PYTHON", raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    engine, note = loader.load()
    assert engine is None
    assert "no compiled engine" in note


def test_a_fresh_interpreter_reports_the_engine(tmp_path):
    import subprocess

    code = "import importlib; print(importlib.import_module('figures.extract').IMPLEMENTATION)"
    env = {**os.environ, "FIGURES_PURE_PYTHON": "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=tmp_path, check=True)
    assert out.stdout.startswith("python (FIGURES_PURE_PYTHON")


def test_frozen_figures_equal_their_dataclass_construction():
    """_freeze writes Figure's slots directly (it is faster than __init__): each figure it
    makes must equal the one Figure(**fields) makes, and Figure must not gain a __post_init__
    that _freeze would skip."""
    import dataclasses

    from figures.model import Figure

    assert not hasattr(Figure, "__post_init__")
    figs = [f for t in _texts() for f in find_figures(t, "d", None)]
    assert len(figs) > 500
    for f in figs:
        rebuilt = Figure(**{fl.name: getattr(f, fl.name) for fl in dataclasses.fields(Figure)})
        assert rebuilt == f and hash(rebuilt) == hash(f)


# The modules the engine calls into. mypyc turns each annotation into a runtime check, so an
# annotation that the Python engine ignores (a lexicon value of another type, say) would be a
# TypeError in the compiled engine only. setup.py compiles without following imports, for
# speed; this checks them together.
ENGINE_MODULES = [
    *(f"extract/{m}" for m in loader.COMPILED), "model",
    *(f"vocab/{p.stem}" for p in (REPO / "figures" / "vocab").glob("*.py")),
]


def test_the_engine_and_what_it_calls_type_check(tmp_path):
    import subprocess

    pytest.importorskip("mypy", reason="mypy is in the test extra: pip install '.[test]'")
    paths = [f"figures/{m}.py" for m in ENGINE_MODULES]
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--follow-imports=silent", "--cache-dir", str(tmp_path),
         "--no-error-summary", *paths],
        capture_output=True, text=True, cwd=REPO, timeout=300,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_version_names_the_engine_on_one_line(capsys, monkeypatch):
    from figures.cli.app import main

    monkeypatch.setenv("COLUMNS", "40")  # argparse's own --version wrapped at the terminal width
    assert main(["--version"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and f"(extraction engine: {ex.IMPLEMENTATION})" in out
