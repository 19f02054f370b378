"""extract() resolves dates (and document_locale reads the locale) with the same build its
engine comes from: the compiled copies when the compiled engine runs, the Python ones
otherwise; either way the figures are the same."""

from __future__ import annotations

import importlib
from datetime import date as Date

from figures.extract import native
from figures.extract.api import extract_figures
from figures.extract.engine import find_figures_and_locale
from figures.extract.time_refs import resolve_time_refs

ex = importlib.import_module("figures.extract")  # the package: figures.extract is the function

TEXT = ("Kaveri Motors said on Monday it would invest Rs 1,200 crore this year, after spending "
        "Rs 800 crore last year. In March 2023 it sold 40,000 cars.")
DAY = Date(2024, 2, 6)


def test_companions_come_from_the_engines_build():
    if native.IMPLEMENTATION.startswith("native"):
        assert native.RESOLVE_TIME_REFS.__module__.startswith(native.NATIVE_PACKAGE)
        assert native.FIGURES_AND_LOCALE.__module__.startswith(native.NATIVE_PACKAGE)
        assert native.EXTRACT.__module__.startswith(native.NATIVE_PACKAGE)
    else:
        assert native.EXTRACT is extract_figures
        assert native.RESOLVE_TIME_REFS is resolve_time_refs
        assert native.FIGURES_AND_LOCALE is find_figures_and_locale


def test_dated_extract_resolves_time_as_the_python_resolver_does():
    figs = ex.extract(TEXT, date=DAY)
    assert figs == resolve_time_refs(TEXT, native.ENGINE(TEXT, None, DAY, None), DAY)
    # written by hand from the text: "this year" is 2024, "last year" 2023, "March 2023"
    contexts = {f.text: f.date_context for f in figs}
    assert "2024" in (contexts["Rs 1,200 crore"] or "")
    assert "2023" in (contexts["Rs 800 crore"] or "")


def test_document_locale_reads_as_the_python_engine_does():
    loc = ex.document_locale(TEXT)
    assert loc.country == find_figures_and_locale(TEXT, None, None, None)[1].country == "IN"
