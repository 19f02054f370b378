"""Amounts written without a currency, settled by the conversion beside them.

"The company has already spent 12 billion of that, or roughly US$78 million" in a Japanese
paper: the writer dropped "yen" because the pair says it. An unsigned amount ("12 billion",
"40-45 billion", "twelve billion") becomes money only when all of these hold, else it stays a
plain number (a missed figure, never a wrong one):

- a conversion marker links it to a money figure next to it (figures.checks.conversion.linked:
  "X (Y)", "X, or about Y", "X, roughly Y", "(X, Y)"...), both single amounts or both ranges;
- that figure's currency is settled and is not the document locale's currency (a conversion
  goes from one currency into another: the unsigned side is the local one);
- the document has a locale (given, or from its evidence), whose currency the amount takes;
- the amount has no unit or per-unit of its own ("12 million shares" is a count);
- the printed ratio is plausible for the locale's currency: within PLAUSIBLE of its reference
  rate on the document date, or, for an undated document, of the range that rate has taken
  over the rate table's years. A conversion a few percent off is still read (and the
  conversion check flags it); a ratio off by a factor means the amount is something else.

The figure's `currency_basis` names the pair and the locale. Called by figures.extract() only
when a bare amount sits next to a money figure in a document with a locale (a cheap test on the
figure list there, so the extractor pays nothing else for it).
"""

from __future__ import annotations

from datetime import date as Date
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.checks.conversion import check_pair, linked
from figures.model import Figure, Kind

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

# The largest relative difference between the implied rate and the reference for which an
# unsigned amount is read as the locale's currency. Deliberately loose: newsroom conversions
# off by up to 10% must still be read and flagged; the currencies a bare amount could be
# confused with differ by a factor (yen and yuan: 20x), as do scale slips (1,000x).
PLAUSIBLE = Decimal("0.25")


def settle_unsigned(text: str, figs: list[Figure], date: Date | None = None,
                    table: RateProvider | None = None) -> list[Figure]:
    """`figs` with the unsigned amounts that a conversion pair settles made money (see the
    module docstring)."""
    from figures.extract.locale import currency_of

    out = list(figs)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if _bare(a) and b.kind is Kind.MONEY:
            bare, other = a, b
        elif _bare(b) and a.kind is Kind.MONEY:
            bare, other = b, a
        else:
            continue
        local = currency_of(bare.country) if bare.country else None
        if local is None or other.currency is None or other.currency == local:
            continue
        if bare.is_range != other.is_range or (other.per or None) is not None:
            continue
        if not linked(text, a, b):
            continue
        money = bare.replace(
            kind=Kind.MONEY, currency=local, currency_candidates=(),
            currency_basis=(f"no currency written: converted into {other.currency} "
                            f"('{other.text}') in a document of locale {bare.country}, "
                            f"so {local}"))
        if not _plausible(money, other, bare is a, date, table):
            continue
        out[i if bare is a else i + 1] = money
    return out


def _bare(f: Figure) -> bool:
    return (f.kind is Kind.COUNT and f.unit is None and f.per is None
            and (f.value is not None or f.is_range))


def _plausible(money: Figure, other: Figure, money_first: bool, date: Date | None,
               table: RateProvider | None) -> bool:
    """Is the printed ratio within PLAUSIBLE of the reference rate of `date`, or, undated,
    within PLAUSIBLE of the range the rate has taken over the table's years? (True when the
    table has no rate to tell: the pair alone decides then.)"""
    if date is not None:
        m = money.replace(value=money.point, low=None, high=None)
        o = other.replace(value=other.point, low=None, high=None)
        verdict = (check_pair(m, o, date, table=table) if money_first
                   else check_pair(o, m, date, table=table))
        rel = verdict.details.get("rel_diff")
        return rel is None or abs(rel) <= PLAUSIBLE
    local, foreign = money.point, other.point
    if not local or not foreign or money.currency is None or other.currency is None:
        return True
    implied = local / foreign  # units of the local currency per unit of the other
    seen = _historic_rates(other.currency, money.currency, table)
    if not seen:
        return True
    return min(seen) / (1 + PLAUSIBLE) <= implied <= max(seen) * (1 + PLAUSIBLE)


def _historic_rates(base: str, quote: str, table: RateProvider | None) -> list[Decimal]:
    """The rate (quote per base) twice a year over the table's years: a cheap view of the range
    it has taken, for an undated document. A provider that names no years (a live service)
    gives none, and the pair alone decides."""
    from figures.errors import FiguresError
    from figures.normalize.rates.table import RateTable

    t = RateTable.world() if table is None else table
    first, last = getattr(t, "first_day", None), getattr(t, "last_day", None)
    if first is None or last is None:
        return []
    out = []
    for year in range(first.year, last.year + 1):
        for month in (1, 7):
            try:
                out.append(t.rate(base, quote, Date(year, month, 15)).value)
            except FiguresError:
                continue
    return out
