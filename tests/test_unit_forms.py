"""figures.extract on the issue 17 case rows: each row's quantity must come out as a figure of
kind quantity with the hand-written span, value and unit (compared through the unit table's
display name). A row the extractor misses is pinned xfail(strict) in MISSED until fixed."""

from __future__ import annotations

from decimal import Decimal

import pytest

import figures
from figures.vocab.units_table import DISPLAY
from tests.cases.unit_forms import ROWS

# Rows the extractor misses, pinned until fixed (none since issue 17 plugged the matcher in).
MISSED: set[str] = set()


def _display(unit: str) -> str:
    return DISPLAY.get(unit, unit.replace("_", " ")).lower()


def _unit_agrees(fig, unit: str, per: str | None) -> bool:
    got = (fig.unit or "").lower()
    names = {_display(unit), unit.lower()}
    if got not in names:
        return False
    got_per = (fig.per or "").lower()
    if got_per[:1].isdigit():  # 'kWh/100 km': per '100 kilometer'
        got_per = got_per.split(" ", 1)[1]
    return (fig.per or None) is None if per is None else got_per in {per, _display(per)}


def _params() -> list:
    xfail = pytest.mark.xfail(strict=True, reason="issue 17: unit form not read yet")
    return [pytest.param(*row, id=row[1], marks=[xfail] if row[1] in MISSED else [])
            for row in ROWS]


@pytest.mark.parametrize(("text", "surface", "number", "value", "unit", "dim", "per"), _params())
def test_extractor_reads_the_quantity(text, surface, number, value, unit, dim, per):
    start = text.index(surface)
    end = start + len(surface)
    # The span may open with a qualifier ('about 3,500 kilowatt-hours a year'), as for money.
    figs = [f for f in figures.extract(text)
            if f.end == end and f.start <= start and not any(c.isdigit() for c in text[f.start:start])]
    assert figs, f"no figure spanning {surface!r}"
    f = figs[0]
    # Time is read on the duration path ('2.8 seconds'); every other dimension is a quantity.
    assert f.kind.value == ("duration" if dim == "time" else "quantity")
    scale = Decimal(1)
    for word, factor in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if word in number:
            scale = Decimal(factor)
    if ".." in value:
        low, high = (Decimal(v) * scale for v in value.split(".."))
        assert (f.value, f.low, f.high) == (None, low, high)
    else:
        assert f.value == Decimal(value) * scale
    assert _unit_agrees(f, unit, per)
