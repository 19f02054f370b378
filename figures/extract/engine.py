"""The engine: scan, settle what bare markers mean, freeze into Figures."""

from __future__ import annotations

from datetime import date as Date
from typing import Any, Final

from figures.extract.currency_context import resolve_context
from figures.extract.doc_numbers import decimal_convention, settle_numbers
from figures.extract.locale import Locale
from figures.extract.raw import K_MONEY, Raw
from figures.extract.scan import scan
from figures.model import Direction, Figure, FigureDraft, Qualifier


def find_figures(text: str, doc: str | None, date: Date | None,
                 country: str | None = None) -> list[Figure]:
    """The engine: scan, resolve what bare markers mean, freeze. extract() calls it through
    its engine, the compiled copy of this function when one is built (figures.extract.native).
    `country` (ISO 3166 alpha-2) is the document locale when the caller knows it."""
    signals: list[tuple[int, str]] = []
    raws = scan(text, signals)
    if not raws:
        return []  # most paragraphs: no locale to decide for them
    return _finish(text, raws, signals, doc, date, country)[0]


def find_figures_and_locale(text: str, doc: str | None, date: Date | None,
                            country: str | None) -> tuple[list[Figure], Locale]:
    """find_figures, with the document locale and its evidence."""
    signals: list[tuple[int, str]] = []
    return _finish(text, scan(text, signals), signals, doc, date, country)


def _finish(text: str, raws: list[Raw], signals: list[tuple[int, str]], doc: str | None,
            date: Date | None, country: str | None) -> tuple[list[Figure], Locale]:
    loc = resolve_context(text, raws, signals, country)
    settle_numbers(raws, decimal_convention(raws))
    cc = loc.country
    return [_freeze(text, r, doc, date, cc) for r in raws], loc


# Enum members by value: a dict look-up instead of an enum call per figure.
_QUALIFIER_OF: Final = {q.value: q for q in Qualifier}
_DIRECTION_OF: Final = {d.value: d for d in Direction}


# A Figure built through its dataclass __init__ costs about 2.3 us: 30 frozen-field writes in
# interpreted code. _freeze writes the slots of a FigureDraft instead (figures.model: plain
# attribute stores from C) and seals it; Figure defines no __post_init__, so nothing is skipped.
# tests/test_native.py checks every figure equals Figure(**its fields).
_new_object: Final = object.__new__


def _freeze(text: str, r: Raw, doc: str | None, date: Date | None, country: str | None) -> Figure:
    # Typed Any: mypy sees Figure's fields as read-only, and these are the draft's plain stores
    # (the interpreter runs a store to a slot three times faster than a setattr call).
    f: Any = _new_object(FigureDraft)
    start, end, kind = r.start, r.end, r.kind
    money = kind == K_MONEY
    f.doc = doc
    f.start = start
    f.end = end
    f.text = text[start:end]
    f.kind = kind
    f.value = r.value
    f.low = r.low
    f.high = r.high
    f.currency = r.currency if money else None
    f.unit = None if money else r.unit
    f.per = r.per
    f.qualifier = _QUALIFIER_OF[r.qualifier] if r.qualifier else None
    f.scale_word = r.scale_word
    f.precision = r.precision
    f.date = date
    f.to_currency = None
    f.normalized_value = None
    f.normalized_low = None
    f.normalized_high = None
    f.rate = None
    f.rate_date = None
    f.rate_source = None
    f.normalized_unit = None
    f.direction = _DIRECTION_OF[r.direction] if r.direction else None
    f.currency_candidates = r.candidates if money and not r.currency else ()
    f.currency_basis = r.basis if money else None
    f.date_context = None
    f.rate_note = None
    f.value_candidates = r.value_candidates
    f.country = country
    # FigureDraft.seal, inline: a call into an interpreted method costs more than the store.
    f.__class__ = Figure
    return f
