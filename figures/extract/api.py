"""extract()'s work once its arguments are read: the engine, then what its figures need.

Compiled with the engine (figures.extract.native): extract() runs once per paragraph in
batches, where its interpreted body cost about 1.3 us of the 16 us a 221-byte paragraph takes.
figures.extract.extract stays a Python function that calls extract_figures, so its signature,
annotations and help text stay readable (tests/test_rate_provider_typing.py reads them).
The arguments are typed `object` (the rate table: its protocol) and checked here: a wrong type must be the library's own
one-line error (figures.errors), never the compiled code's TypeError."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, cast

from figures.errors import InputError, NotText, UnknownCountry
from figures.extract.engine import find_figures
from figures.extract.locale import normalize_country
from figures.extract.time_refs import resolve_time_refs
from figures.model import Figure, Kind
from figures.normalize.dates import parse_date

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

# How physical quantities come out: normalized to SI (the default) or only as printed.
UNIT_MODES: Final = ("si", "as-printed")


def check_country(country: object) -> str | None:
    """'AU', 'au', 'en_AU' or 'en-AU' -> 'AU'; None stays None; UnknownCountry otherwise."""
    if country is None:
        return None
    if not isinstance(country, str):
        raise UnknownCountry(f"country must be an ISO 3166 alpha-2 code ('AU') or a locale "
                             f"('en_AU'), got {type(country).__name__}")
    try:
        return normalize_country(country)
    except ValueError:
        raise UnknownCountry(
            f"unknown country {country!r}: give an ISO 3166 alpha-2 code ('AU', 'PK') or a "
            "locale ('en_AU')") from None


def extract_figures(text: object, date: object, doc: object, to: object,
                    table: RateProvider | None, units: object, country: object) -> list[Figure]:
    """figures.extract.extract's body (see its documentation)."""
    if not isinstance(text, str):
        raise NotText(f"extract() needs a str, got {type(text).__name__}; decode bytes first")
    if units != "si" and units not in UNIT_MODES:
        raise InputError(f"units={units!r}: use one of {', '.join(UNIT_MODES)}")
    # The common call (no country, no date) skips the argument parsers.
    cc = None if country is None else check_country(country)
    # A str, Timestamp or datetime64 becomes a date; NaT/None: no date.
    day = None if date is None else parse_date(date)
    figs = find_figures(text, cast("str | None", doc), day, cc)
    if not figs:
        return figs
    if figs[0].country is not None and _bare_beside_money(figs):
        from figures.checks.unsigned import settle_unsigned

        figs = settle_unsigned(text, figs, day, table)
    if units == "si" and _has_quantity(figs):
        from figures.quantities import normalize_quantity

        figs = [normalize_quantity(f) if f.kind == Kind.QUANTITY else f for f in figs]
    if day is not None:
        figs = resolve_time_refs(text, figs, day)
        if _has_open_currency(figs):
            from figures.checks.fingerprint import settle_by_rate

            figs = settle_by_rate(text, figs, day, table)
    if to is not None:
        from figures.normalize.convert import normalize

        figs = [normalize(f, to, table=table, date=day) for f in figs]  # type: ignore[arg-type]
    return figs


def _has_quantity(figs: list[Figure]) -> bool:
    quantity = Kind.QUANTITY
    for f in figs:
        if f.kind is quantity:
            return True
    return False


def _has_open_currency(figs: list[Figure]) -> bool:
    for f in figs:
        if f.currency is None and f.currency_candidates:
            return True
    return False


def _bare_beside_money(figs: list[Figure]) -> bool:
    """Is an amount without a currency next to a money figure ("12 billion, or roughly US$78
    million")? The cheap test before figures.checks.unsigned, which reads such pairs."""
    count, money = Kind.COUNT, Kind.MONEY
    prev = figs[0]
    for f in figs[1:]:
        k, pk = f.kind, prev.kind
        if ((k is money and pk is count) or (k is count and pk is money)) \
                and f.start - prev.end <= 40:
            return True
        prev = f
    return False
