"""The engine: scan, settle what bare markers mean, freeze into Figures."""

from __future__ import annotations

from datetime import date as Date
from typing import Final

from figures.extract.currency_context import resolve_context
from figures.extract.doc_numbers import decimal_convention, settle_numbers
from figures.extract.locale import Locale
from figures.extract.raw import K_MONEY, Raw
from figures.extract.scan import scan
from figures.model import Direction, Figure, Qualifier


def find_figures(text: str, doc: str | None, date: Date | None,
                 country: str | None = None) -> list[Figure]:
    """The engine: scan, resolve what bare markers mean, freeze. extract() calls it through
    its engine, the compiled copy of this function when one is built (figures.extract.native).
    `country` (ISO 3166 alpha-2) is the document locale when the caller knows it."""
    return find_figures_and_locale(text, doc, date, country)[0]


def find_figures_and_locale(text: str, doc: str | None, date: Date | None,
                            country: str | None) -> tuple[list[Figure], Locale]:
    """find_figures, with the document locale and its evidence."""
    signals: list[tuple[int, str]] = []
    raws = scan(text, signals)
    loc = resolve_context(text, raws, signals, country)
    settle_numbers(raws, decimal_convention(raws))
    cc = loc.country
    return [_freeze(text, r, doc, date, cc) for r in raws], loc


# Enum members by value: a dict look-up instead of an enum call per figure.
_QUALIFIER_OF: Final = {q.value: q for q in Qualifier}
_DIRECTION_OF: Final = {d.value: d for d in Direction}


# A Figure built through its dataclass __init__ costs about 2.3 us: 27 frozen-field writes in
# interpreted code, 15% of the compiled engine's time. _freeze writes the same slots itself,
# which the compiled engine does from C in half the time. Figure defines no __post_init__, so
# nothing is skipped; tests/test_native.py checks every figure equals Figure(**its fields).
_new_object: Final = object.__new__
_set: Final = object.__setattr__


def _freeze(text: str, r: Raw, doc: str | None, date: Date | None, country: str | None) -> Figure:
    f = _new_object(Figure)
    start, end, kind = r.start, r.end, r.kind
    money = kind == K_MONEY
    _set(f, "doc", doc)
    _set(f, "start", start)
    _set(f, "end", end)
    _set(f, "text", text[start:end])
    _set(f, "kind", kind)
    _set(f, "value", r.value)
    _set(f, "low", r.low)
    _set(f, "high", r.high)
    _set(f, "currency", r.currency if money else None)
    _set(f, "unit", None if money else r.unit)
    _set(f, "per", r.per)
    _set(f, "qualifier", _QUALIFIER_OF[r.qualifier] if r.qualifier else None)
    _set(f, "scale_word", r.scale_word)
    _set(f, "precision", r.precision)
    _set(f, "date", date)
    for name in _NORMALIZATION_FIELDS:
        _set(f, name, None)
    _set(f, "direction", _DIRECTION_OF[r.direction] if r.direction else None)
    _set(f, "currency_candidates", r.candidates if money and not r.currency else ())
    _set(f, "currency_basis", r.basis if money else None)
    _set(f, "date_context", None)
    _set(f, "rate_note", None)
    _set(f, "value_candidates", r.value_candidates)
    _set(f, "country", country)
    return f


# Filled by figures.normalize, empty at extraction.
_NORMALIZATION_FIELDS: Final = ("to_currency", "normalized_value", "normalized_low", "normalized_high",
                         "rate", "rate_date", "rate_source", "normalized_unit")
