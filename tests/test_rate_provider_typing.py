"""The rate-table parameter is typed with the RateProvider protocol (issue 13, house rules): a
RateTable and the live provider are both accepted, and an annotation says so. Every function
outside figures/normalize/rates that takes a `table` says `RateProvider | None`, and its module
takes the name from the protocol's own module."""

from __future__ import annotations

import ast
import inspect

import pytest

import figures
import figures.checks.conversion
import figures.dataframe.accessor
import figures.normalize.convert
from figures.checks import run_checks
from figures.dataframe.normalize import normalize_frame
from tests.conftest import REPO

ANNOTATION = "RateProvider | None"
PROVIDER_MODULES = {"figures.normalize.rates.table", "figures.rates"}
# A function that needs the table's own methods (coverage, sources), not just rate().
NEEDS_A_RATE_TABLE = {"figures/cli/rates.py:_show_coverage"}

PUBLIC = [
    figures.extract, figures.check, figures.check_documents, figures.extract_frame,
    figures.check_frame, figures.normalize_frame, figures.normalize, figures.convert,
    normalize_frame, run_checks, figures.checks.conversion.check_pair,
]


@pytest.mark.parametrize("fn", PUBLIC, ids=lambda f: f"{f.__module__}.{f.__qualname__}")
def test_public_functions_type_the_rate_table_as_a_provider(fn):
    param = inspect.signature(fn).parameters["table"]
    assert param.annotation == ANNOTATION
    assert param.default is None


def test_dask_functions_type_the_rate_table_as_a_provider():
    fd = pytest.importorskip("figures.dataframe.dask", reason="the dask extra is not installed")
    for fn in (fd.extract_frame, fd.check_frame, fd.corpus_to_parquet):
        assert inspect.signature(fn).parameters["table"].annotation == ANNOTATION, fn.__name__


def _table_params(folder: str):
    for path in sorted((REPO / "figures").glob(f"{folder}/**/*.py" if "." not in folder
                                                else folder)):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.asname or a.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module in PROVIDER_MODULES
                    for a in node.names}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                a = node.args
                for arg in a.posonlyargs + a.args + a.kwonlyargs:
                    if arg.arg == "table":
                        rel = path.relative_to(REPO).as_posix()
                        yield f"{rel}:{node.name}", arg.annotation, imported


@pytest.mark.parametrize("folder", ["checks", "dataframe", "io", "cli", "report", "extract",
                                    "normalize/convert.py"])
def test_every_table_parameter_is_a_rate_provider(folder):
    bad = []
    for where, annotation, imported in _table_params(folder):
        if where in NEEDS_A_RATE_TABLE:
            continue
        text = ast.unparse(annotation) if annotation is not None else "untyped"
        if text != ANNOTATION or "RateProvider" not in imported:
            bad.append(f"{where}: {text}")
    assert bad == []


def test_the_exception_still_needs_a_rate_table():
    """The one function allowed a RateTable annotation still has it (else drop the exception)."""
    found = {w: ast.unparse(a) for w, a, _ in _table_params("cli") if w in NEEDS_A_RATE_TABLE}
    assert found == dict.fromkeys(NEEDS_A_RATE_TABLE, "RateTable")


def test_a_provider_with_only_rate_is_accepted():
    """What the annotation promises: anything with rate() works where a table is asked for."""
    import datetime
    from decimal import Decimal

    import pandas as pd

    from figures.model import Rate

    class Fixed:
        def rate(self, base, quote, date):
            day = datetime.date(2024, 1, 2)
            return Rate(base, quote, Decimal("0.5"), day, day, "fixed test rate")

    df = pd.DataFrame({"amount": ["10"], "currency": ["EUR"], "date": ["2024-01-02"]})
    out = normalize_frame(df, to="USD", table=Fixed())
    assert out["normalized_value"].tolist() == [Decimal("5.0")]
    assert out["rate_source"].tolist() == ["fixed test rate"]
