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


# ---- general rules (fractions, powers, inverse units, lists, dash ranges) --------------------

from tests.cases.unit_forms import NEVER_NEGATIVE, RULE_NEGATIVE, RULE_ROWS, UNSAFE  # noqa: E402


def _expected(value: str):
    if ".." in value:
        low, high = value.split("..")
        return None, Decimal(low), Decimal(high)
    if "/" in value:
        num, den = value.split("/")
        return Decimal(num) / Decimal(den), None, None
    return Decimal(value), None, None


def _spanning(text: str, surface: str) -> list:
    start = text.index(surface)
    end = start + len(surface)
    # A qualifier may open the span ('near absolute zero'), as for money.
    return [f for f in figures.extract(text)
            if f.end == end and f.start <= start and not any(c.isdigit() for c in text[f.start:start])]


@pytest.mark.parametrize(("rule", "text", "surface", "value", "unit", "per"), RULE_ROWS,
                         ids=[f"{r[0]}:{r[2]}" for r in RULE_ROWS])
def test_rule_reads_the_quantity(rule, text, surface, value, unit, per):
    figs = _spanning(text, surface)
    assert figs, f"no figure spanning {surface!r}"
    f = figs[0]
    assert f.kind.value == "quantity"
    assert (f.value, f.low, f.high) == _expected(value)
    assert (f.unit, f.per) == (unit, per)


@pytest.mark.parametrize(("text", "surface"), RULE_NEGATIVE, ids=[r[1] for r in RULE_NEGATIVE])
def test_rule_leaves_other_text_alone(text, surface):
    start = text.index(surface)
    end = start + len(surface)
    wrong = [f for f in figures.extract(text)
             if f.kind.value == "quantity" and f.start <= start and f.end >= end]
    assert not wrong, [(f.text, f.value, f.unit) for f in wrong]


@pytest.mark.parametrize("text", NEVER_NEGATIVE)
def test_a_range_dash_is_no_minus_sign(text):
    quantities = [f for f in figures.extract(text) if f.kind.value == "quantity"]
    assert quantities
    for f in quantities:
        assert all(v is None or v >= 0 for v in (f.value, f.low, f.high)), f.text


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [pytest.param(*row[:4], id=row[1], marks=pytest.mark.xfail(strict=True, reason=row[4]))
     for row in UNSAFE],
)
def test_unsafe_form_stays_out(text, surface, value, unit):
    figs = [f for f in _spanning(text, surface) if f.kind.value == "quantity"]
    assert figs and figs[0].value == Decimal(value) and figs[0].unit == unit


def test_rule_quantities_normalize_to_si():
    from figures.quantities import normalize_quantity

    cases = {  # hand-computed SI values
        "A mouse slips through a 1/4 inch gap.": ("0.00635", "m"),
        "The detector collected 5 fb-1 of data.": ("5" + "0" * 43, "1/m²"),
        "The sled accelerated at 9.8 m/s2 on the ramp.": ("9.8", "m/s²"),
        "Light covers 3 x 10^8 m/s in a vacuum.": ("300000000", "m/s"),
        "Physicists cooled the atoms to near absolute zero.": ("0", "K"),
        "Helium boils at −268.9° on the Celsius scale.": ("4.25", "K"),
    }
    for text, (si, symbol) in cases.items():
        (f,) = [normalize_quantity(f) for f in figures.extract(text) if f.kind.value == "quantity"]
        assert (f.normalized_value, f.normalized_unit) == (Decimal(si), symbol), text


def test_every_vulgar_fraction_is_read_before_a_unit():
    from figures.vocab.number_words import VULGAR_FRACTIONS

    for char, (num, den) in VULGAR_FRACTIONS.items():
        text = f"Stir in {char} cup of milk."
        (f,) = figures.extract(text)
        assert (f.text, f.value, f.unit) == (f"{char} cup", Decimal(num) / Decimal(den), "cup")
