"""Numerals: digit strings with separators, and English number words, to exact Decimals.

Precision is the place value of the last written digit ("1.54" -> 0.01, "20,000" -> 1); the
caller multiplies it by the scale.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Final

from figures.vocab.number_words import MAGNITUDES, TENS, UNITS

# Western grouping (1,234,567.89) and Indian grouping (1,24,000 / 12,34,56,789).
_WESTERN: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INDIAN: Final = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_PLAIN: Final = re.compile(r"\d+(?:\.\d+)?")
# Continental grouping with a decimal comma, "1.234,56": only with both separators and full
# three-digit groups, the one form that cannot be an English number or a list.
_CONTINENTAL: Final = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
# NBSP, thin space and narrow NBSP (and, joined by digit_figures, a plain space or an
# apostrophe) group thousands in wire copy and Swiss, French or Nordic styles; the decimal
# mark after them is a point or a comma ("2 499,00", "1'049.95").
_SPACE_GROUPED: Final = re.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f'\u2019]\d{3})+(?:[.,]\d+)?")
_GROUP_CHARS: Final = str.maketrans("", "", " \u00a0\u2009\u202f'\u2019")
# A decimal comma the digits settle: one comma and one or two digits after it ("2,99",
# "R4,17 billion"): never an English thousands group.
_DECIMAL_COMMA: Final = re.compile(r"\d+,\d{1,2}")
# Dot grouping with two or more dots ("1.250.000"): never a decimal point.
_DOT_GROUPED: Final = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
# One group of three after one separator: "1,234" (English thousands, or a decimal comma) and
# "2.500" (a decimal point, or dot grouping). Both readings are kept (read_numeral).
_ONE_GROUP: Final = re.compile(r"\d{1,3}[.,]\d{3}")

# How a numeral was written, for the document's decimal convention (see doc_numbers):
FORM_PLAIN: Final = 0  # nothing to learn
FORM_DECIMAL_COMMA: Final = 1  # a decimal comma the digits settle: evidence of the convention
FORM_OPEN_COMMA: Final = 2  # "1,234": thousands, or a decimal comma; alt is the comma reading
FORM_OPEN_DOT: Final = 3  # "2.500": a decimal point, or dot grouping; alt is the grouping reading

_DIGIT_MAP: Final[dict[int, str]] = {}


def _ascii_digits(s: str) -> str:
    """Map any Unicode decimal digit (full-width, Arabic-Indic...) to ASCII, keeping length."""
    if s.isascii():
        return s
    out = []
    for ch in s:
        if ch.isdigit() and not ch.isascii():
            d = unicodedata.decimal(ch, None)
            out.append(str(d) if d is not None else ch)
        else:
            out.append(ch)
    return "".join(out)


def parse_numeral(token: str) -> tuple[Decimal, Decimal] | None:
    """Parse a digit token such as '1,234.56', '1,24,000', '2,99' or '1 234' (NBSP) into
    (value, precision): the English reading where two remain (read_numeral has both).
    Returns None when the grouping is not a number (lists, versions)."""
    r = read_numeral(token)
    return None if r is None else (r[0], r[1])


def read_numeral(token: str) -> tuple[Decimal, Decimal, Decimal | None, int] | None:
    """(value, precision, alt, form): `alt` is the other reading where the digits leave two
    ("1,234": 1234 or 1.234; "2.500": 2.5 or 2500), `form` one of the FORM_ constants."""
    # News repeats the same short numerals ("2024", "10", "1.5"): they are parsed once. Long
    # tokens are not cached, so the cache's memory stays bounded.
    if len(token) > 24:
        return _read_numeral(token)
    # A dict, not functools.lru_cache (see figures.extract.memo); None (not a number) is kept too.
    hit = _NUMERALS.get(token)
    if hit is None and token not in _NUMERALS:
        if len(_NUMERALS) >= _NUMERAL_LIMIT:
            _NUMERALS.clear()
        hit = _NUMERALS[token] = _read_numeral(token)
    return hit


def _read_numeral(token: str) -> tuple[Decimal, Decimal, Decimal | None, int] | None:
    s = _ascii_digits(token)
    if _PLAIN.fullmatch(s):
        v, p = _parse_clean(s)
        if _ONE_GROUP.fullmatch(s):
            return v, p, Decimal(s.replace(".", "")), FORM_OPEN_DOT
        return v, p, None, FORM_PLAIN
    if _ONE_GROUP.fullmatch(s):  # "1,234"
        v, p = _parse_clean(s.replace(",", ""))
        return v, p, Decimal(s.replace(",", ".")), FORM_OPEN_COMMA
    form = FORM_PLAIN
    if _WESTERN.fullmatch(s) or _INDIAN.fullmatch(s):
        clean = s.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(s):
        clean, form = s.replace(",", "."), FORM_DECIMAL_COMMA
    elif _CONTINENTAL.fullmatch(s):
        clean, form = s.replace(".", "").replace(",", "."), FORM_DECIMAL_COMMA
    elif _DOT_GROUPED.fullmatch(s):
        clean = s.replace(".", "")
    elif _SPACE_GROUPED.fullmatch(s):
        clean = s.translate(_GROUP_CHARS)
        if "," in clean:
            clean, form = clean.replace(",", "."), FORM_DECIMAL_COMMA
    else:
        return None
    v, p = _parse_clean(clean)
    return v, p, None, form


_NUMERALS: Final[dict[str, tuple[Decimal, Decimal, Decimal | None, int] | None]] = {}
_NUMERAL_LIMIT: Final = 65536


def _parse_clean(clean: str) -> tuple[Decimal, Decimal]:
    value = Decimal(clean)
    if "." in clean:
        places = len(clean) - clean.index(".") - 1
        precision = Decimal(1).scaleb(-places)
    else:
        precision = Decimal(1)
    return value, precision


def words_to_number(words: list[str]) -> Decimal | None:
    """Value of a sequence of number words: ['two', 'hundred', 'and', 'five'] -> 205,
    ['twenty', 'five'] -> 25, ['a', 'million'] -> 1000000. None when it is not a number."""
    total = 0
    current = 0
    seen = False
    for i, raw in enumerate(words):
        w = raw.lower()
        if w == "and":
            continue
        if w == "a" and i == 0:
            current = 1
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in MAGNITUDES:
            total += (current or 1) * MAGNITUDES[w]
            current = 0
        else:
            return None
        seen = True
    if not seen:
        return None
    return Decimal(total + current)
