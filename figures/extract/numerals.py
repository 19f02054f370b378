"""Numerals: digit strings with separators, and English number words, to exact Decimals.

Precision is the place value of the last written digit ("1.54" -> 0.01, "20,000" -> 1); the
caller multiplies it by the scale.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from figures.vocab.number_words import MAGNITUDES, TENS, UNITS

# Western grouping (1,234,567.89) and Indian grouping (1,24,000 / 12,34,56,789).
_WESTERN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
_PLAIN = re.compile(r"\d+(?:\.\d+)?")
# Continental grouping with a decimal comma, "1.234,56": only with both separators and full
# three-digit groups, the one form that cannot be an English number or a list.
_CONTINENTAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
# NBSP, thin space and narrow NBSP are used as thousands separators in wire copy.
_SPACE_GROUPED = re.compile(r"\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?:\.\d+)?")

_DIGIT_MAP: dict[int, str] = {}


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
    """Parse a digit token such as '1,234.56', '1,24,000' or '1 234' (NBSP) into
    (value, precision). Returns None when the grouping is not a number (lists, versions)."""
    # News repeats the same short numerals ("2024", "10", "1.5"): they are parsed once. Long
    # tokens are not cached, so the cache's memory stays bounded.
    if len(token) <= 24:
        return _parse_numeral_cached(token)
    return _parse_numeral(token)


def _parse_numeral(token: str) -> tuple[Decimal, Decimal] | None:
    s = _ascii_digits(token)
    if _PLAIN.fullmatch(s):
        clean = s
    elif _WESTERN.fullmatch(s) or _INDIAN.fullmatch(s):
        clean = s.replace(",", "")
    elif _CONTINENTAL.fullmatch(s):
        clean = s.replace(".", "").replace(",", ".")
    elif _SPACE_GROUPED.fullmatch(s):
        clean = s.replace("\u00a0", "").replace("\u2009", "").replace("\u202f", "")
    else:
        return None
    return _parse_clean(clean)


_parse_numeral_cached = lru_cache(maxsize=65536)(_parse_numeral)


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
