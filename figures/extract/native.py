"""Which engine runs: the compiled copy of this package when it is built and current, else Python.

setup.py compiles a copy of the engine's modules with mypyc as the package
figures._extract_native (1.5x the Python engine's MB/s, bench/RESULTS.md; same results,
tests/test_native.py), stamped with one SHA-256 over the sources it was compiled from. The copy
is used only when that stamp matches these sources: an edited checkout or an old build in place
falls back to Python, never to stale machine code. FIGURES_PURE_PYTHON=1 chooses the Python
engine, e.g. to debug or profile it. The stamped sources are generated under build/, never in
the checkout, so the tests import either the compiled copy or this package, nothing else.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
from collections.abc import Callable
from datetime import date as Date
from pathlib import Path

from figures.extract.engine import find_figures
from figures.model import Figure

# The modules setup.py compiles, in the order their sources enter the stamp. Every module of
# the package except __init__ and this one, which choose the engine. (units stays Python: it
# calls pint, which mypyc cannot see into.)
COMPILED = (
    "api", "context_words", "currency_context", "digit_figures", "doc_numbers", "engine", "left",
    "locale", "memo", "numerals", "raw", "raw_ops", "right", "right_nouns", "right_range", "scan",
    "sentences", "time_refs", "tokens", "trie", "unit_grammar", "unit_match", "unit_numbers",
    "word_figures",
)
NATIVE_PACKAGE = "figures._extract_native"

Engine = Callable[[str, "str | None", "Date | None", "str | None"], list[Figure]]


def source_stamp(folder: Path) -> str:
    """SHA-256 over the compiled modules' sources (setup.py stamps the build with the same)."""
    h = hashlib.sha256()
    for name in COMPILED:
        h.update(name.encode() + b"\0" + (folder / f"{name}.py").read_bytes() + b"\0")
    return h.hexdigest()


def load() -> tuple[Engine | None, str]:
    """The compiled engine, if built and current, and a note saying which engine runs and why."""
    if os.environ.get("FIGURES_PURE_PYTHON"):
        return None, "python (FIGURES_PURE_PYTHON is set)"
    try:
        spec = importlib.util.find_spec(f"{NATIVE_PACKAGE}.engine")
    except (ImportError, ValueError):
        spec = None
    origin = spec.origin if spec is not None else None
    if origin is None or not origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        return None, "python (no compiled engine was built: see setup.py)"
    try:
        mine = source_stamp(Path(__file__).parent)
        # Every compiled module, imported by name (no dynamic import): each carries its stamp.
        from figures._extract_native import (  # type: ignore[import-not-found]
            api,
            context_words,
            currency_context,
            digit_figures,
            doc_numbers,
            engine,
            left,
            locale,
            memo,
            numerals,
            raw,
            raw_ops,
            right,
            right_nouns,
            right_range,
            scan,
            sentences,
            time_refs,
            tokens,
            trie,
            unit_grammar,
            unit_match,
            unit_numbers,
            word_figures,
        )
    except (OSError, ImportError) as exc:
        return None, f"python (the compiled engine did not load: {exc})"
    modules = (api, context_words, currency_context, digit_figures, doc_numbers, engine, left, locale,
               memo, numerals, raw, raw_ops, right, right_nouns, right_range, scan, sentences, time_refs,
               tokens, trie, unit_grammar, unit_match, unit_numbers, word_figures)
    if len(modules) != len(COMPILED) or any(getattr(m, "SOURCE_SHA256", None) != mine for m in modules):
        return None, "python (the compiled engine is older than figures/extract: reinstall)"
    return engine.find_figures, "native (mypyc)"


_native, IMPLEMENTATION = load()
ENGINE: Engine = _native if _native is not None else find_figures


def _companions() -> tuple[Callable, Callable, Callable]:
    """The compiled copies of the other engine functions extract() calls on every document
    (api.extract_figures, extract()'s body; resolve_time_refs; find_figures_and_locale for
    document_locale), from the build ENGINE comes from, else the Python ones."""
    if _native is not None:
        from figures._extract_native import (  # type: ignore[import-not-found]
            api,
            engine,
            time_refs,
        )

        return api.extract_figures, time_refs.resolve_time_refs, engine.find_figures_and_locale
    from figures.extract.api import extract_figures
    from figures.extract.engine import find_figures_and_locale
    from figures.extract.time_refs import resolve_time_refs

    return extract_figures, resolve_time_refs, find_figures_and_locale


EXTRACT, RESOLVE_TIME_REFS, FIGURES_AND_LOCALE = _companions()
