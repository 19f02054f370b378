"""Find every monetary and quantity expression in English news text.

How it stays fast and linear: one compiled scan finds anchors (digit runs and number words).
Around each anchor a local grammar looks a bounded distance left and right with small anchored
patterns (currency marker, qualifier, scale word, currency name, per-unit, counted noun, range
partner). Each anchor costs a bounded amount of work, so the whole pass is linear in the text.
Document-level decisions (what a bare "$" or "¥" means) are taken once per document, after the
pass, from signals gathered only when a figure needs them.

What keeps the per-anchor work small (news has about one anchor per 120 bytes):
- the anchor pattern opens with a character class, so the regex engine skips ahead by a
  character-set test (scan._ANCHOR);
- a bare number is dropped before any right-side matching when the next character or word
  can start nothing (right.right_inert): "in 2024, the", "one of the";
- each right-side matcher runs only when the next word can begin what it matches (right.peek);
  the currency-marker search runs only when the character before can end a marker;
- the words next to a figure are classified once and cached (right_nouns._noun_word, left._near_word);
- a run of number words is bounded (tokens.MAX_RUN_WORDS), so no anchor re-reads a long run.

Offsets always index the original text: nothing is rewritten before matching.

The package reads as the flow: scan (anchors) -> digit_figures / word_figures (one figure per
anchor) -> left and right grammar (left, right, right_range, right_nouns; unit_grammar decides
where a physical unit is taken, unit_match reads it from the pint-built tables) ->
currency_context (document-level) -> engine (freeze into Figures); time_refs and
context_words read the words around finished figures; figures.quantities normalizes physical
figures to SI after the engine. Every vocabulary pattern is
built from figures/vocab (tokens and the grammar modules). native chooses the compiled copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from figures.errors import InputError, NotText, UnknownCountry
from figures.extract.locale import Locale, normalize_country
from figures.extract.native import ENGINE, FIGURES_AND_LOCALE, IMPLEMENTATION, RESOLVE_TIME_REFS
from figures.model import Figure, Kind
from figures.normalize.dates import parse_date

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

__all__ = ["IMPLEMENTATION", "UNIT_MODES", "check_country", "document_locale", "extract"]

# How physical quantities come out: normalized to SI (the default) or only as printed.
UNIT_MODES = ("si", "as-printed")


def check_country(country: str | None) -> str | None:
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


def document_locale(text: str, country: str | None = None) -> Locale:
    """The locale of one document and the evidence for it (`.country`, `.currency`, `.why()`)."""
    return FIGURES_AND_LOCALE(text, None, None, check_country(country))[1]


def extract(
    text: str,
    *,
    date: object = None,
    doc: str | None = None,
    to: str | None = None,
    table: RateProvider | None = None,
    units: str = "si",
    country: str | None = None,
) -> list[Figure]:
    """Every money and quantity figure in `text`, in order of appearance.

    `date` is the document date: kept on each figure, used for rates when `to` is given, and
    used to resolve the time each figure refers to ('last year', 'on February 9') into
    `date_context` (figures.extract.time_refs; call resolve_time_refs directly for undated text).
    `to` normalizes money figures to that currency at `date` with `table` (default: the
    embedded ECB table). `units="si"` fills normalized_value/low/high and normalized_unit of
    physical quantities in SI units (figures.quantities); `units="as-printed"` leaves them empty.

    `country` is the document locale when the caller knows it: an ISO 3166 alpha-2 code ('AU')
    or a locale ('en_AU'). It decides what bare markers mean ('$', 'cents', 'Rs', 'R', 'P',
    '¥'...); without it the text's own evidence decides (figures.extract.locale). With a date,
    a conversion pair settles an open currency by its rate (figures.checks.fingerprint). An
    amount written without a currency beside its conversion ("12 billion, or roughly US$78
    million") takes the locale's currency when the pair settles it (figures.checks.unsigned)."""
    if not isinstance(text, str):
        raise NotText(f"extract() needs a str, got {type(text).__name__}; decode bytes first")
    if units not in UNIT_MODES:
        raise InputError(f"units={units!r}: use one of {', '.join(UNIT_MODES)}")
    # The common call (no country, no date) skips the argument parsers: extract() runs once
    # per paragraph in batches, where a few hundred nanoseconds are a few percent.
    cc = None if country is None else check_country(country)
    # A str, Timestamp or datetime64 becomes a date; NaT/None: no date.
    day = None if date is None else parse_date(date)
    figs = ENGINE(text, doc, day, cc)
    if not figs:
        return figs
    if figs[0].country is not None and _bare_beside_money(figs):
        from figures.checks.unsigned import settle_unsigned

        figs = settle_unsigned(text, figs, day, table)
    if units == "si" and _has_quantity(figs):
        from figures.quantities import normalize_quantity

        figs = [normalize_quantity(f) if f.kind == Kind.QUANTITY else f for f in figs]
    if day is not None:
        figs = RESOLVE_TIME_REFS(text, figs, day)
        if any(f.currency is None and f.currency_candidates for f in figs):
            from figures.checks.fingerprint import settle_by_rate

            figs = settle_by_rate(text, figs, day, table)
    if to is not None:
        from figures.normalize.convert import normalize

        figs = [normalize(f, to, table=table, date=day) for f in figs]
    return figs


def _has_quantity(figs: list[Figure]) -> bool:
    quantity = Kind.QUANTITY
    for f in figs:
        if f.kind is quantity:
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
