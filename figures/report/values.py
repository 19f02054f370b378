"""A figure's fields and a finding's details as display strings (the tooltip, the details list)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date as Date
from decimal import Decimal
from enum import Enum
from typing import Any

from figures.model import Figure
from figures.report.chart import fmt_decimal, round_cents

QUALIFIER_WORD = {"approx": "about", "gt": "more than", "ge": "at least", "lt": "less than",
                  "le": "at most"}

# details keys whose values are fractions; shown with a percentage too.
_FRACTION_KEYS = {"rel_diff", "tolerance", "rounding", "allowance", "best_rel_diff"}


def fmt_value(v: Any, key: str = "") -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, Decimal):
        if not v.is_finite():
            return str(v)
        s = fmt_decimal(v)
        if key in _FRACTION_KEYS:
            s += f" ({'+' if v > 0 and key.endswith('diff') else ''}{v * 100:.2f}%)"
        return s
    if isinstance(v, (int, float)):
        return f"{v:,}" if isinstance(v, int) else f"{v:g}"
    if isinstance(v, Date):
        return v.isoformat()
    if isinstance(v, Enum):
        return str(v.value)
    if isinstance(v, (tuple, list)):
        if len(v) == 2 and all(x is None or isinstance(x, (Decimal, int, float)) for x in v):
            lo, hi = (("−∞" if i == 0 else "+∞") if x is None else fmt_value(x)
                      for i, x in enumerate(v))
            return f"[{lo}, {hi}]"
        return ", ".join(fmt_value(x) for x in v)
    if isinstance(v, Mapping):
        return "; ".join(f"{k}: {fmt_value(x, str(k))}" for k, x in v.items())
    return str(v)


def _amount(v: Decimal | None, lo: Decimal | None, hi: Decimal | None, unit: str | None) -> str:
    if v is not None:
        num = fmt_decimal(v)
    elif lo is not None or hi is not None:
        num = f"{fmt_decimal(lo) if lo is not None else '?'} – {fmt_decimal(hi) if hi is not None else '?'}"
    else:
        return ""
    return f"{unit} {num}" if unit else num


def figure_data(f: Figure) -> dict[str, str]:
    """The tooltip's fields, as display strings (become data-* attributes)."""
    out: dict[str, str] = {"kind": str(f.kind.value if isinstance(f.kind, Enum) else f.kind)}
    cur = f.currency
    if f.kind == "money":
        unit = cur or ("?" + "/".join(f.currency_candidates) if f.currency_candidates else None)
        value = _amount(f.value, f.low, f.high, unit)
    else:
        value = _amount(f.value, f.low, f.high, None)
        if value and f.unit:
            value = f"{value} {f.unit}"
    if value:
        if f.per:
            value += f" per {f.per}"
        if f.qualifier:
            q = f.qualifier.value if isinstance(f.qualifier, Enum) else str(f.qualifier)
            value = f"{QUALIFIER_WORD.get(q, q)} {value}"
        if f.direction:
            d = f.direction.value if isinstance(f.direction, Enum) else str(f.direction)
            value += f" ({d})"
        out["value"] = value
    if f.normalized_value is not None or f.normalized_low is not None:
        out["normalized"] = _amount(
            round_cents(f.normalized_value) if f.normalized_value is not None else None,
            f.normalized_low, f.normalized_high, f.to_currency)
    if f.rate is not None and cur and f.to_currency:
        r = f"1 {cur} = {fmt_decimal(f.rate)} {f.to_currency}"
        if f.rate != 0:
            r += f" (1 {f.to_currency} = {fmt_decimal(1 / f.rate)} {cur})"
        out["rate"] = r
    if f.rate_date is not None:
        rd = f.rate_date.isoformat()
        if f.date is not None and f.date != f.rate_date:
            rd += f" (for {f.date.isoformat()})"
        out["rateDate"] = rd
    elif f.kind == "money" and f.date is None and f.normalized_value is None:
        out["rateDate"] = "no document date: not converted"
    if f.rate_source:
        out["source"] = f.rate_source
    if f.currency_basis:
        out["basis"] = f.currency_basis
    notes = [n for n in (f.rate_note, f.date_context) if n]
    if f.ambiguous:
        notes.insert(0, "ambiguous currency: " + ", ".join(f.currency_candidates))
    if notes:
        out["note"] = "; ".join(notes)
    return out

DATA_ATTR = {"kind": "data-kind", "value": "data-value", "normalized": "data-normalized",
              "rate": "data-rate", "rateDate": "data-rate-date", "source": "data-source",
              "basis": "data-basis", "note": "data-note"}
