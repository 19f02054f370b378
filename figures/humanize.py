"""Numbers for people: what text, table and HTML output print. Machine outputs (JSON, JSONL,
CSV, Parquet, DataFrames) keep the exact Decimals and never pass through here.

    rate(Decimal("6.389017589017589017589017589"))  -> '6.38902'     (6 significant digits)
    money(Decimal("1565185861.624409110442629996")) -> '1,565,185,861.62'  (2 decimals)
    amount(Decimal("2500000000.0"))                 -> '2,500,000,000'     (no stray '.0')
    amount(Decimal("13.50"), Decimal("0.01"))       -> '13.50'  (as precise as it was printed)
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Context, Decimal

__all__ = ["RATE_DIGITS", "amount", "count", "money", "rate"]

RATE_DIGITS = 6
MONEY_PLACES = 2


def _quantize(value: Decimal, places: int) -> Decimal:
    # Enough precision for the whole number: a 40-digit amount must round, not raise.
    ctx = Context(prec=max(28, value.adjusted() + places + 3), rounding=ROUND_HALF_EVEN)
    return value.quantize(Decimal(1).scaleb(-places), context=ctx)


def _grouped(value: Decimal) -> str:
    text = f"{value:,f}"
    return "0" if text in ("-0", "-0.00") and value == 0 else text


def rate(value: Decimal) -> str:
    """A rate to RATE_DIGITS significant digits, thousands grouped, no trailing zeros."""
    if not value.is_finite() or value == 0:
        return str(value)
    places = max(0, RATE_DIGITS - 1 - value.adjusted())
    text = _grouped(_quantize(value, places))
    return text.rstrip("0").rstrip(".") if "." in text else text


def money(value: Decimal, places: int = MONEY_PLACES) -> str:
    """A converted amount: `places` decimals (cents), thousands grouped."""
    if not value.is_finite():
        return str(value)
    return _grouped(_quantize(value, places))


def amount(value: Decimal, precision: Decimal | None = None) -> str:
    """An amount as printed: to the decimals of `precision` (the figure's last printed digit,
    e.g. 0.01 for 'HK$13.50') or, without it, exactly but with no trailing '.0' zeros."""
    if not value.is_finite():
        return str(value)
    if precision is not None and precision.is_finite() and precision > 0:
        places = max(0, -precision.normalize().as_tuple().exponent)  # type: ignore[operator]
    else:
        exp = value.normalize().as_tuple().exponent
        places = max(0, -exp) if isinstance(exp, int) else 0
    return _grouped(_quantize(value, places))


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 document', '2 documents', '1,234 figures'."""
    return f"{n:,} {noun if n == 1 else (plural or noun + 's')}"
