"""Checking currency codes a user gives (the tables are in figures.vocab.codes).

`ISO_CODES` holds the *current* alphabetic codes only, so the extractor never takes a random
three-letter word for a currency. Rate tables also meet withdrawn codes (the ECB series for CYP,
SIT, ROL ... run until the euro or a redenomination replaced them), so `KNOWN_CODES` adds those and
a few market codes (CNH) that newsrooms use: such a code gets an explicit "no rate" answer instead
of "unknown currency".
"""

from __future__ import annotations

import difflib

from figures.errors import UnknownCurrency
from figures.vocab.codes import ALIASES, CODE_NAMES, ISO_CODES, KNOWN_CODES

__all__ = ["ALIASES", "ISO_CODES", "KNOWN_CODES", "check_code", "currency_name"]

def currency_name(code: str) -> str:
    """English name of a known code, or the code itself."""
    return CODE_NAMES.get(code, code)


def check_code(code: object) -> str:
    """The upper-case code if it is a currency figures knows; else `UnknownCurrency` with a hint.

    Case and surrounding blanks are forgiven ('usd ' -> 'USD'); anything else is not, since a
    wrong guess here would silently convert with another country's rate.
    """
    if not isinstance(code, str):
        raise UnknownCurrency(f"currency code must be a string like 'USD', got {code!r}")
    up = code.strip().upper()
    if up in KNOWN_CODES:
        return up
    if up in ALIASES:
        raise UnknownCurrency(
            f"'{code}' is not an ISO 4217 code; use '{ALIASES[up]}' ({currency_name(ALIASES[up])})"
        )
    close = difflib.get_close_matches(up, sorted(ISO_CODES), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else "; use a three-letter ISO 4217 code like USD"
    raise UnknownCurrency(f"unknown currency code '{code}'{hint}")
