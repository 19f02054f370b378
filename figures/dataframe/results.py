"""Figures and findings as DataFrames, with the column types of figures.io.columns."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from figures.io.columns import FIGURE_FIELDS, FINDING_FIELDS, typed_frame
from figures.io.rows import finding_rows
from figures.model import Figure, Finding, Report

if TYPE_CHECKING:
    import pandas as pd


_ENUM_FIELDS = frozenset({"kind", "qualifier", "direction"})


def figures_to_frame(figs: Iterable[Figure], *, floats: bool = True) -> pd.DataFrame:
    """Figures as a frame with the contract's columns (FIGURE_FIELDS), plus `value_float` and
    `normalized_float` unless floats=False."""
    figs = list(figs)
    cols: dict[str, list[Any]] = {}
    for name in FIGURE_FIELDS:
        vals = [getattr(f, name) for f in figs]
        if name in _ENUM_FIELDS:
            vals = [None if v is None else str(v) for v in vals]
        cols[name] = vals
    if floats:
        cols["value_float"] = [_float(f.point) for f in figs]
        cols["normalized_float"] = [_float(_normalized_point(f)) for f in figs]
    return typed_frame(cols)


def _float(d: Decimal | None) -> float | None:
    return None if d is None else float(d)


def _normalized_point(f: Figure) -> Decimal | None:
    if f.normalized_value is not None:
        return f.normalized_value
    lo, hi = f.normalized_low, f.normalized_high
    if lo is not None and hi is not None and f.value is None:
        return (lo + hi) / 2
    return lo if lo is not None else hi


def findings_to_frame(source: Report | Iterable[Finding], *, as_json: bool = True) -> pd.DataFrame:
    """Findings as a frame: doc, check, status, severity, message, mentions, details,
    cross_document. `mentions` and `details` are JSON text (as in the CSV), or Python lists and
    dicts with as_json=False."""
    rows = finding_rows(source, as_json=as_json)
    return typed_frame({k: [r[k] for r in rows] for k in FINDING_FIELDS})
