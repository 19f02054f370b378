"""One family of exceptions for misuse; problems found *in the text* are Findings, not errors."""

from __future__ import annotations


class FiguresError(Exception):
    """Root of every error figures raises on purpose. The CLI maps it to exit code 2."""

    exit_code = 2


class InputError(FiguresError, ValueError):
    """Input that cannot be read: missing, binary, badly encoded or malformed."""


class UnknownCurrency(FiguresError, ValueError):
    """A currency code or name that figures does not know."""


class UnknownCountry(FiguresError, ValueError):
    """A country or locale that names no territory (expects 'AU', 'PK' or 'en_AU')."""


class NoRate(FiguresError, LookupError):
    """The rate table has no usable rate for this currency and date; the message says why."""


class RateUnavailable(FiguresError):
    """A live rate provider failed (network, timeout, bad answer)."""


class RateTableError(FiguresError, ValueError):
    """A rate table (embedded or user CSV) is malformed; the message names the line."""


class NotText(InputError, TypeError):
    """Something other than a str was given where text is needed (None, bytes, a number).
    A TypeError too, so callers that test for the Python convention keep working."""
