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

from figures.extract.api import UNIT_MODES, check_country
from figures.extract.locale import Locale
from figures.extract.native import EXTRACT, FIGURES_AND_LOCALE, IMPLEMENTATION
from figures.model import Figure

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

__all__ = ["IMPLEMENTATION", "UNIT_MODES", "check_country", "document_locale", "extract"]


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
    return EXTRACT(text, date, doc, to, table, units, country)
