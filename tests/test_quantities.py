"""figures.quantities: exact Decimal normalization to SI and comparison within rounding.
Expected values are computed by hand from the unit definitions (1 mile = 1609.344 m exactly,
1 kWh = 3.6 MJ, 1 lb = 0.45359237 kg, °C + 273.15 = K)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.errors import FiguresError
from figures.quantities import precision_of, same_quantity, to_si

CASES = [
    ("800", "kilometer", "800000", "m"),
    ("1", "mile", "1609.344", "m"),
    ("101", "kilowatt_hour", "363600000", "J"),
    ("-18", "degree_Celsius", "255.15", "K"),
    ("32", "degree_Fahrenheit", "273.15", "K"),
    ("5", "pound", "2.26796185", "kg"),
    ("0.9", "foot ** 3", "0.0254851619328", "m³"),
    ("660", "meter ** 2", "660", "m²"),
    ("500", "kilowatt", "500000", "W"),
    ("5", "gigabyte", "5000000000", "B"),
    ("8", "bit", "1", "B"),
    ("45", "degree", "45", "°"),
    ("2.4", "bar", "240000", "Pa"),
    ("3000", "milliampere_hour", "10800", "C"),
    ("90", "(kilometer) / (hour)", "25", "m/s"),
    ("17.9", "(kilowatt_hour) / (100 * kilometer)", "644.4", "N"),
    ("1", "metric_ton", "1000", "kg"),
    ("3.2", "gigahertz", "3200000000", "Hz"),
]


@pytest.mark.parametrize(("value", "unit", "want", "symbol"), CASES, ids=[c[1] for c in CASES])
def test_to_si_is_exact(value, unit, want, symbol):
    got, sym = to_si(D(value), unit)
    assert isinstance(got, D)
    assert got == D(want)
    assert sym == symbol


def test_a_factor_that_is_not_a_terminating_decimal_is_rounded_at_28_digits():
    got, _ = to_si(D("100"), "(kilometer) / (hour)")
    assert got == D("27.77777777777777777777777778")


def test_float_input_is_refused():
    with pytest.raises(TypeError):
        to_si(1.5, "meter")  # type: ignore[arg-type]


def test_unknown_unit_is_a_figures_error():
    with pytest.raises(FiguresError, match="unknown unit"):
        to_si(D(1), "flibberts")


@pytest.mark.parametrize(("a", "b", "same"), [
    ((D("500"), "mile"), (D("800"), "kilometer"), True),
    ((D("500"), "mile"), (D("600"), "kilometer"), False),
    ((D("44"), "ton"), (D("40"), "metric_ton"), True),
    ((D("5"), "kilogram"), (D("5"), "meter"), False),
    ((D("100"), "degree_Celsius"), (D("212"), "degree_Fahrenheit"), True),
    ((D("1.5"), "kilowatt_hour"), (D("5.4"), "megajoule"), True),
    ((D("1.54"), "kilometer", D("0.01")), (D("1.6"), "kilometer", D("0.01")), False),
])
def test_same_quantity_within_rounding(a, b, same):
    assert same_quantity(a, b) is same


def test_precision_reads_trailing_zeros_of_whole_numbers_as_rounding():
    assert precision_of(D("500")) == 100
    assert precision_of(D("12.50")) == D("0.01")
    assert precision_of(D("7")) == 1


amounts = st.decimals(min_value=D("-1e9"), max_value=D("1e9"), places=3, allow_nan=False,
                      allow_infinity=False)
units = st.sampled_from(["kilometer", "mile", "foot", "pound", "metric_ton", "kilowatt_hour",
                         "megawatt", "degree_Celsius", "degree_Fahrenheit", "gigabyte",
                         "meter ** 2", "foot ** 3", "(mile) / (hour)", "bar"])


@settings(max_examples=150, deadline=None)
@given(amounts, units)
def test_outputs_are_decimal_only(value, unit):
    got, sym = to_si(value, unit)
    assert type(got) is D and isinstance(sym, str)


@settings(max_examples=150, deadline=None)
@given(amounts, amounts, units)
def test_monotonic(a, b, unit):
    lo, hi = sorted((a, b))
    assert to_si(lo, unit)[0] <= to_si(hi, unit)[0]


@settings(max_examples=100, deadline=None)
@given(amounts, st.sampled_from(["kilometer", "mile", "foot", "pound", "kilowatt_hour", "gigabyte"]))
def test_round_trip_is_exact_for_exact_factors(value, unit):
    si, _ = to_si(value, unit)
    back, _ = to_si(si, {"m": "meter", "kg": "kilogram", "J": "joule", "B": "byte"}[_])
    assert back == si  # SI to SI is the identity
    # and the factor is exact: dividing by it gives the printed value back
    factor, _ = to_si(D(1), unit)
    assert si == value * factor or si == +(value * factor)


def test_pint_is_imported_at_first_use_not_with_figures():
    import subprocess
    import sys

    code = ("import sys, figures, figures.quantities; "
            "from figures.extract.unit_match import match_unit; "
            "figures.extract('An 800 km range.', units='as-printed'); "
            "match_unit('5 km', 1); print('pint' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
