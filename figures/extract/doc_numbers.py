"""The document's decimal convention, and the numerals whose digits leave two readings.

"1,234" is one thousand two hundred and thirty-four in English, one point two three four where
the comma is the decimal mark; "2.500" is two and a half, or two thousand five hundred. The
scan keeps both readings of such a numeral on the figure (Raw.alt, numerals.FORM_OPEN_*). Once
the whole document is scanned, its evidence decides:

- the currency's own minor unit settles some: "Rp 31.500" (the rupiah has no minor unit in
  print) is 31,500, "KWD 1.250" (three minor digits) is one dinar and 250 fils;
- a document that prints a decimal comma the digits settle elsewhere ("R512,3 million",
  "€4,99") leaves both readings open: the figure keeps them as `value_candidates` (value None)
  and the ambiguous_number check reports it;
- otherwise the English reading stands.

The evidence is gathered from the figures of the one scan pass (no rescan of the text), and
`decimal_convention` is the one place where the document's convention is decided: a document
locale (issue 15) feeds its country's convention in through `locale_convention`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from figures.extract.numerals import FORM_DECIMAL_COMMA, FORM_OPEN_COMMA, FORM_OPEN_DOT
from figures.extract.raw import K_MONEY, Raw
from figures.vocab.cldr_currencies import MINOR_DIGITS

COMMA: Final = "comma"  # the decimal mark is a comma ("2,99")
POINT: Final = "point"  # the decimal mark is a point ("2.99")


def decimal_convention(raws: list[Raw], locale_convention: str | None = None) -> str | None:
    """COMMA when the document prints a decimal comma its digits settle, else the locale's
    convention (COMMA, POINT or None when unknown)."""
    for r in raws:
        if r.form == FORM_DECIMAL_COMMA:
            return COMMA
    return locale_convention


def settle_numbers(raws: list[Raw], convention: str | None) -> None:
    """Read each numeral that has two readings by the currency's minor unit, else keep both
    as candidates under a decimal-comma convention, else the English reading."""
    for r in raws:
        if r.alt is None or r.value is None:
            continue
        alt = r.alt
        r.alt = None
        digits = MINOR_DIGITS.get(r.currency) if r.kind == K_MONEY and r.currency else None
        if digits is not None and r.scale_word is None:
            # "Rp 31.500": a currency printed without minor units groups its thousands;
            # "KWD 1.250": three minor digits are the decimal part.
            if digits == 0:
                if r.form == FORM_OPEN_DOT:
                    _take(r, alt)
                continue
            if digits == 3 and r.form == FORM_OPEN_DOT:
                continue  # the point reading, already the value
        if convention == COMMA and r.form in (FORM_OPEN_COMMA, FORM_OPEN_DOT):
            r.value_candidates = (min(r.value, alt), max(r.value, alt))
            r.value = None


def _take(r: Raw, alt: Decimal) -> None:
    exp = alt.as_tuple().exponent
    r.value = alt
    if r.precision is not None and isinstance(exp, int):
        r.precision = Decimal(1).scaleb(exp)
