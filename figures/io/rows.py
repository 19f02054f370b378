"""Rows to and from the core types: a figure rebuilt from its dict (a JSONL line or a CSV row),
and one dict per finding."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date as Date
from decimal import Decimal
from typing import Any

from figures.errors import InputError
from figures.io.cells import jsonable, to_json
from figures.io.columns import COLUMN_TYPES, DATE, DECIMAL, FIGURE_FIELDS, INT, LIST, STR
from figures.model import Figure, Finding, Report


def figure_from_dict(row: Mapping[str, Any], **changes: Any) -> Figure:
    """The inverse of `Figure.to_dict()` (a JSONL line, a CSV row as strings, or a compact dict
    without its None fields): Decimals, dates, enums and tuples rebuilt, unknown keys ignored,
    then `changes` applied (e.g. doc=, start=)."""
    convert = _figure_converters()
    out: dict[str, Any] = dict(_FIGURE_DEFAULTS)
    for name, v in row.items():
        conv = convert.get(name)
        if conv is None or v is None or v == "":
            continue
        out[name] = conv(v)
    out.update(changes)
    for name in ("start", "end", "text", "kind"):
        if out[name] is None:
            raise InputError(f"figure row without '{name}'")
    return Figure(**out)

_FIGURE_DEFAULTS: dict[str, Any] = {
    **dict.fromkeys(FIGURE_FIELDS), "currency_candidates": (), "value_candidates": (),
}


def _figure_converters() -> dict[str, Any]:
    global _CONVERTERS
    if _CONVERTERS is None:
        from figures.model import Direction, Kind, Qualifier

        def dec(v: Any) -> Decimal:
            return v if isinstance(v, Decimal) else Decimal(v)

        def day(v: Any) -> Date:
            return Date.fromisoformat(v) if isinstance(v, str) else v

        def tup(v: Any) -> tuple:
            return tuple(v.split("|")) if isinstance(v, str) else tuple(v)

        def same(v: Any) -> Any:
            return v

        by_kind = {DECIMAL: dec, DATE: day, INT: int, LIST: tup, STR: same}
        conv = {name: by_kind[COLUMN_TYPES[name]] for name in FIGURE_FIELDS}
        conv.update(kind=Kind, qualifier=Qualifier, direction=Direction,
                    value_candidates=lambda v: tuple(dec(x) for x in tup(v)))
        _CONVERTERS = conv
    return _CONVERTERS

_CONVERTERS: dict[str, Any] | None = None


def finding_rows(source: Report | Iterable[Finding], *, as_json: bool = True) -> list[dict[str, Any]]:
    """One dict per finding with FINDING_FIELDS. For a Report, `doc` is the document a finding
    is filed under, and cross-document findings (`cross_document` True) carry their first
    mention's document. `mentions`/`details` are JSON text, or Python objects with
    `as_json=False`."""
    rows: list[dict[str, Any]] = []
    if isinstance(source, Report):
        for d in source.documents:
            rows.extend(_finding_row(f, d.doc, False, as_json) for f in d.findings)
        rows.extend(_finding_row(f, None, True, as_json) for f in source.cross_findings)
        return rows
    for f in source:
        docs = {m.doc for m in f.mentions}
        rows.append(_finding_row(f, None, len(docs) > 1, as_json))
    return rows


def _finding_row(f: Finding, doc: str | None, cross: bool, as_json: bool) -> dict[str, Any]:
    d = f.to_dict()
    if doc is None:
        doc = f.mentions[0].doc if f.mentions else None
    mentions: Any = d["mentions"]
    details: Any = jsonable(d["details"])
    if as_json:
        mentions, details = to_json(mentions), to_json(details)
    return {"doc": doc, "check": f.check, "status": d["status"], "severity": d["severity"],
            "message": f.message, "mentions": mentions, "details": details,
            "cross_document": cross}
