"""Turn extracted figures into a target currency at a date, with the interval they stand for.

A printed figure is a rounded statement, so each one stands for an interval: normalized_low and
normalized_high are the semantic interval of figures.normalize.interval (the one interval model:
"$1.54 billion" is [1.535e9, 1.545e9], "more than $2 billion" is ($2 billion, unbounded)),
converted at the rate.

Normalized values keep the full `RATE_CONTEXT` precision (28 significant digits): rounding is a
display decision, and the checks compare intervals that rounding would blur. Use
`round_money(value)` (half-even to `MONEY_PLACES`) to show cents.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date as Date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from figures.errors import InputError, NoRate, RateUnavailable, UnknownCurrency
from figures.model import Figure, Kind, Rate, plain_decimal
from figures.normalize.currencies import check_code
from figures.normalize.interval import interval
from figures.normalize.rates.table import RATE_CONTEXT, RateProvider, RateTable, as_date

MONEY_PLACES = 2
_ONE = Decimal(1)


def normalize(fig: Figure, to: str, *, table: RateProvider | None = None,
              date: Date | str | None = None) -> Figure:
    """`fig` with date, to_currency, normalized value/low/high and the rate used filled in.

    Only money is converted; other kinds come back untouched. `per` ("per share") is kept, since a
    rate scales the amount, not the unit. Without a usable rate (no date, ambiguous currency,
    `NoRate`, a failed live provider) the normalized fields stay None and `rate_note` says why:
    the figure is never priced with a rate from another day than the rule allows.
    """
    if fig.kind != Kind.MONEY:
        return fig
    to = check_code(to)
    d = as_date(date) if date is not None else fig.date
    # One copy per figure: the date and target currency go in with the result.
    if fig.currency is None:
        if fig.currency_candidates:
            cands = " or ".join(fig.currency_candidates)
            return fig.replace(date=d, to_currency=to, rate_note=(
                f"ambiguous currency: '{fig.text}' could be {cands}; not converted (state the "
                f"currency, e.g. 'US$' or 'RMB', or pick one explicitly)"))
        return fig.replace(date=d, to_currency=to,
                           rate_note=f"no currency: '{fig.text}' names none; not converted")
    if fig.currency == to:
        return _apply(fig, Rate(to, to, _ONE, d, d, "identity") if d else None,
                      date=d, to_currency=to)
    if d is None:
        return fig.replace(date=d, to_currency=to, rate_note=(
            f"no date: a rate for {fig.currency}/{to} needs the date of the figure; pass "
            f"date= (or --date) or give the document a date line"))
    try:
        rate = (table or RateTable.default()).rate(fig.currency, to, d)
    except (NoRate, RateUnavailable, UnknownCurrency) as exc:
        return fig.replace(date=d, to_currency=to, rate_note=str(exc))
    return _apply(fig, rate, date=d, to_currency=to)


def convert(amount: Decimal | int | str, from_currency: str, to_currency: str,
            date: Date | str, *, table: RateProvider | None = None) -> Figure:
    """An exact amount converted at `date`: a money Figure with `doc=None`.

    An explicit request, so a missing rate raises (`NoRate`, `UnknownCurrency`) instead of
    leaving a note. Pass the amount as Decimal, int or string: floats have already lost cents.
    A string may be written as in text, like the command line takes it: '10 billion',
    '1.5m', 'RMB 10 billion' (its currency must then be `from_currency`).
    """
    src, dst, d = check_code(from_currency), check_code(to_currency), as_date(date)
    value = parse_amount(amount, src)
    text = f"{src} {plain_decimal(value)}"
    fig = Figure(doc=None, start=0, end=len(text), text=text, kind=Kind.MONEY, value=value,
                 currency=src, date=d, to_currency=dst)
    rate = (table or RateTable.default()).rate(src, dst, d)
    return _apply(fig, rate, exact=True)


def _written_amount(text: str, currency: str | None) -> Decimal:
    """'10 billion', 'RMB 1.5bn': the one exact amount the extractor reads in the text."""
    from figures.extract import extract

    # The one figure must be the whole string: '1,2,3' or '1e' is a malformed number, not the
    # '1' or '123' the extractor would find inside it.
    figs = [f for f in extract(text) if f.value is not None and f.kind in (Kind.MONEY, Kind.COUNT)
            and f.start == 0 and f.end == len(text)]
    if len(figs) != 1 or not any(c.isalpha() for c in text):
        raise InputError(f"amount '{text}' is not a number; write it like '10000000000', "
                         f"'10 billion' or '1.5 million'")
    fig = figs[0]
    if currency and fig.currency and fig.currency != currency:
        raise InputError(f"amount '{text}' is in {fig.currency}, not {currency}; pass "
                         f"from_currency='{fig.currency}' or drop the currency from the amount")
    return fig.value  # type: ignore[return-value]


def round_money(value: Decimal, places: int = MONEY_PLACES) -> Decimal:
    """Half-even to `places` decimals (cents by default), for display."""
    # Enough digits for the whole value: a 40-digit amount must round, not raise.
    ctx = RATE_CONTEXT.copy()
    ctx.prec = max(ctx.prec, value.adjusted() + places + 2)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN, context=ctx)


def _apply(fig: Figure, rate: Rate | None, *, exact: bool = False, **also: Any) -> Figure:
    """Fill the normalized fields (and the fields in `also`); `rate` None means same currency
    and no date. An `exact` amount (one given to `convert`, not printed in a text) is its own
    interval."""
    low, high = (fig.value, fig.value) if exact else interval(fig)
    mul = _times(rate.value if rate else _ONE)
    return fig.replace(
        **also,
        normalized_value=mul(fig.value),
        normalized_low=mul(low),
        normalized_high=mul(high),
        rate=rate.value if rate else _ONE,
        rate_date=rate.rate_date if rate else None,
        rate_source=rate.source if rate else "identity",
        rate_note=None,
    )


def _times(r: Decimal) -> Callable[[Decimal | None], Decimal | None]:
    def mul(x: Decimal | None) -> Decimal | None:
        return None if x is None else RATE_CONTEXT.multiply(x, r)

    return mul


# An amount is refused, before it is expanded to digits anywhere, beyond these bounds: no
# currency or report needs more, and "1E1000000000" would otherwise cost gigabytes.
MAX_AMOUNT_EXPONENT = 30  # up to 10^30
MIN_AMOUNT_EXPONENT = -20  # down to 10^-20 (a non-zero amount)
MAX_AMOUNT_DIGITS = 60
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def parse_amount(amount: object, currency: str | None = None) -> Decimal:
    """An amount as a Decimal: a Decimal, an int, or a string of digits ('1,234,567.5' with
    thousands groups of three, '1.5e9'); bounded by check_magnitude. Else InputError."""
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int, str)):
        raise InputError(
            f"amount must be a Decimal, int or str, got {type(amount).__name__}; floats have "
            f"already lost cents (write Decimal('1.10') or '1.10')")
    if isinstance(amount, str):
        raw = amount.strip()
        shown = raw[:40] + ("…" if len(raw) > 40 else "")
        if _GROUPED.fullmatch(raw):
            raw = raw.replace(",", "")
        elif raw.lower().lstrip("+-") in ("inf", "infinity", "nan", "snan"):
            raise InputError(f"amount '{shown}' is not a finite number")
        elif not _PLAIN.fullmatch(raw):
            # '10 billion', 'RMB 1.5bn': read as the extractor reads text, then bounded
            if len(raw) > 200:
                raise InputError(f"amount '{shown}' is not a number; write it like '10000000000'")
            value = _written_amount(raw, currency)
            check_magnitude(value, shown)
            return value
        amount = raw
    else:
        shown = str(amount)[:40]
    try:
        value = Decimal(amount)
    except (InvalidOperation, ValueError):
        raise InputError(f"amount '{shown}' is not a number; write it like '10000000000'") from None
    if not value.is_finite():
        raise InputError(f"amount '{shown}' is not a finite number")
    check_magnitude(value, shown)
    return value


def check_magnitude(value: Decimal, shown: str | None = None) -> None:
    """Raise InputError when `value` is beyond what an amount can be (see MAX_AMOUNT_EXPONENT),
    without expanding it."""
    shown = shown if shown is not None else f"{value:.3E}"
    if value and not MIN_AMOUNT_EXPONENT <= value.adjusted() <= MAX_AMOUNT_EXPONENT:
        raise InputError(f"amount '{shown}' is out of range: amounts must lie between "
                         f"1e{MIN_AMOUNT_EXPONENT} and 1e{MAX_AMOUNT_EXPONENT}")
    if len(value.as_tuple().digits) > MAX_AMOUNT_DIGITS:
        raise InputError(f"amount '{shown}' has more than {MAX_AMOUNT_DIGITS} digits; round it")
