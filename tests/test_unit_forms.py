"""figures.extract on the issue 17 case rows: each row's quantity must come out as a figure of
kind quantity with the hand-written span, value and unit (compared through the unit table's
display name). Rows the current extractor misses are pinned xfail(strict) until the lead plugs
figures.extract.unit_match into the extractor; then the marks flip and must be removed."""

from __future__ import annotations

from decimal import Decimal

import pytest

import figures
from figures.vocab.units_table import DISPLAY
from tests.cases.unit_forms import ROWS

# Determined by running the current extractor (issue 17 not integrated yet).
MISSED = {
    '101 kWh',
    '4.2 TWh',
    '820 GWh',
    '3,500 kilowatt-hours a year',
    '9,800 megawatt hours',
    '3.4 million MMBtu',
    '120 million boe',
    '14,500 Mtoe',
    '13 TeV',
    '1.7 eV',
    '250 kcal',
    '45 MJ',
    '500 kW',
    '1.2 GW',
    '503 hp',
    '110 PS',
    '60W',
    '800 km',
    '930,000 mi',
    '3 nm',
    '16.25 nanometers',
    'six-mile',
    '6.1-inch',
    '30 centimetres',
    '1,991 metres',
    '120 mm',
    '450 nautical miles',
    '40 yards',
    '2,400 kilometres',
    '28 km2',
    '660 square meters',
    '1.2 million square feet',
    '900,000 sq ft',
    '12 sq km',
    '250 km²',
    '95 m²',
    '40 square miles',
    '85 sqm',
    '0.9 trillion cubic feet',
    '4.5 tcf',
    '150 bcm',
    '2,000 litres',
    '39 billion cubic metres',
    '500 ml',
    '1,598 cc',
    '18 cu ft',
    '2,500 m³',
    '278,000 t',
    '12,000 metric tons',
    '20 (kg)',
    '35 [kg]',
    '500 mg',
    '400 troy ounces',
    '1,200 kg',
    '105 carats',
    '2.1 Mt',
    '400,000 bpd',
    '5.2 mtpa',
    '2,000 b/d',
    '30 litres per second',
    '12 TWh per year',
    '100 km/h',
    '350 kph',
    '90 mph',
    '12 knots',
    '25 kilometres per hour',
    '299,792 km/s',
    '52 mpg',
    '17.9 kWh/100 km',
    '150 Mbps',
    '2.4 bar',
    '1,200 psi',
    '950 hPa',
    '70 MPa',
    '-18 °C',
    '35°C',
    '104 °F',
    '100 degrees Celsius',
    '-80 ℃',
    '4 kelvin',
    '20 degrees Fahrenheit',
    '256 GB',
    '16GB',
    '2 petabytes',
    '700 megabytes',
    '4 TB',
    '3.2 GHz',
    '98.5 MHz',
    '400 kV',
    '800 volts',
    '5,000 mAh',
    '280 Ah',
    '32 amps',
    '30°',
    '400 Nm',
    '650 lb-ft',
    '20 mSv',
    '1,500 rpm',
    '2.8 seconds',
}


def _display(unit: str) -> str:
    return DISPLAY.get(unit, unit.replace("_", " ")).lower()


def _unit_agrees(fig, unit: str, per: str | None) -> bool:
    got = (fig.unit or "").lower()
    names = {_display(unit), unit.lower()}
    if got not in names:
        return False
    return (fig.per or None) is None if per is None else (fig.per or "").lower() in {per, _display(per)}


def _params() -> list:
    xfail = pytest.mark.xfail(strict=True, reason="issue 17: unit not integrated yet")
    return [pytest.param(*row, id=row[1], marks=[xfail] if row[1] in MISSED else [])
            for row in ROWS]


@pytest.mark.parametrize(("text", "surface", "number", "value", "unit", "dim", "per"), _params())
def test_extractor_reads_the_quantity(text, surface, number, value, unit, dim, per):
    start = text.index(surface)
    figs = [f for f in figures.extract(text) if f.start == start and f.end == start + len(surface)]
    assert figs, f"no figure spanning {surface!r}"
    f = figs[0]
    assert str(f.kind) in ("quantity", "Kind.QUANTITY") or getattr(f.kind, "value", None) == "quantity"
    assert f.value is not None
    scale = Decimal(1)
    for word, factor in (("trillion", 10**12), ("billion", 10**9), ("million", 10**6)):
        if word in number:
            scale = Decimal(factor)
    assert f.value == Decimal(value) * scale
    assert _unit_agrees(f, unit, per)
