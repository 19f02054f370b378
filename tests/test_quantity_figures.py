"""Issue 17 end to end: physical figures read, normalized to SI, compared across unit systems,
flagged where the unit word has a second reading; --units on the CLI and the frame columns.
Sentences written here; expected values worked out by hand from the units' definitions."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal as D

import pandas as pd
import pytest

import figures
from figures.checks import ambiguous_unit
from figures.checks._common import make_docs
from figures.errors import InputError


def dec(x: str | None) -> D | None:
    return None if x is None else D(x)


def _one(text: str, surface: str, **kw):
    start = text.index(surface)
    hits = [f for f in figures.extract(text, **kw) if f.start == start and f.end == start + len(surface)]
    assert hits, f"no figure spanning {surface!r} in {figures.extract(text, **kw)}"
    return hits[0]


@pytest.mark.parametrize(("text", "surface", "value", "low", "high", "si", "si_low", "si_high", "si_unit"), [
    # 1 mile = 1609.344 m exactly
    ("The probe flew 500 miles.", "500 miles", "500", None, None, "804672", None, None, "m"),
    # 1 kWh = 3,600,000 J
    ("A 101 kWh pack.", "101 kWh", "101", None, None, "363600000", None, None, "J"),
    # 0 °C = 273.15 K, affine
    ("It ranged from -18 °C to -34 °C overnight.", "-18 °C to -34 °C", None, "-34", "-18",
     None, "239.15", "255.15", "K"),
    # 1 ft = 0.3048 m, so 1 ft³ = 0.028316846592 m³; 0.9 trillion of them
    ("Reserves of 0.9 trillion cubic feet.", "0.9 trillion cubic feet", "900000000000", None, None,
     "25485161932.8", None, None, "m³"),
    # 1 lb = 0.45359237 kg; 2000.45 ± 0.01 lb
    ("It weighs 2,000.45±0.01 pounds.", "2,000.45±0.01 pounds", None, "2000.44", "2000.46",
     None, "907.3843206428", "907.3933924902", "kg"),
    # 44 mg .. 50 mg
    ("Doses of 44 mg to 50 mg were given.", "44 mg to 50 mg", None, "44", "50",
     None, "0.000044", "0.00005", "kg"),
    # '8- to 16-meter': the unit written once
    ("Waves of 8- to 16-meter height.", "8- to 16-meter", None, "8", "16", None, "8", "16", "m"),
    # 1500 turns a minute = 25 turns a second (not 2π x 25 "Hz")
    ("The engine idles at 1,500 rpm.", "1,500 rpm", "1500", None, None, "25", None, None, "rev/s"),
])
def test_physical_figures_are_read_and_normalized(text, surface, value, low, high, si, si_low,
                                                  si_high, si_unit):
    f = _one(text, surface)
    assert f.kind.value == "quantity"
    assert (f.value, f.low, f.high) == (dec(value), dec(low), dec(high))
    assert (f.normalized_value, f.normalized_low, f.normalized_high) == (dec(si), dec(si_low), dec(si_high))
    assert f.normalized_unit == si_unit
    assert f.currency is None and f.to_currency is None and f.rate is None


def test_as_printed_leaves_the_normalized_fields_empty():
    f = _one("The probe flew 500 miles.", "500 miles", units="as-printed")
    assert (f.normalized_value, f.normalized_unit) == (None, None)
    with pytest.raises(InputError, match="as-printed"):
        figures.extract("5 km", units="metric")


def test_money_and_counts_get_no_normalized_unit():
    figs = figures.extract("Xiaomi will invest RMB 10 billion in 140 test vehicles.")
    assert [f.kind.value for f in figs] == ["money", "count"]
    assert all(f.normalized_unit is None and f.normalized_value is None for f in figs)


def test_counted_nouns_with_a_rate_keep_their_per():
    f = _one("The plant builds 150,000 vehicles per year.", "150,000 vehicles per year")
    assert (f.kind.value, f.unit, f.per) == ("count", "vehicle", "year")


def _docs(text: str):
    return make_docs([(None, text, None, figures.extract(text))])


@pytest.mark.parametrize(("text", "form"), [
    ("The thermometer showed 24 degrees at noon.", "degrees"),
    ("The ship carried 44 tons of lithium.", "tons"),
    ("It came to five pounds.", "pounds"),  # weight or sterling: no British or money context
])
def test_a_unit_word_with_a_second_reading_is_flagged(text, form):
    docs = _docs(text)
    found = ambiguous_unit.check(docs)
    assert len(found) == 1
    assert found[0].status == "unverifiable" and found[0].severity == "info"
    assert found[0].details["form"] == form


@pytest.mark.parametrize("text", [
    "Water boils at 100 °C at sea level.",  # the scale is written
    "The player is 6 feet tall.",  # a length, not counted feet
    "He bought two pounds of beef.",  # 'pounds of': a weight
    "The range is 800 km.",
])
def test_a_settled_unit_is_not_flagged(text):
    assert ambiguous_unit.check(_docs(text)) == []


def test_quantities_agree_across_unit_systems():
    # one claim (a named subject: issue 16 compares figures of the same subject only)
    report = figures.check(["Kestrel Motors said its new sedan has a driving range of 500 miles.",
                            "Kestrel Motors said its new sedan has a driving range of 800 km."])
    same = [f for f in report.cross_findings if f.check == "same_fact"]
    assert [f.status for f in same] == ["consistent"]  # 500 mi ~ 804.7 km, within rounding


def test_extract_frame_has_the_normalized_unit_column():
    df = pd.DataFrame({"id": ["a"], "text": ["An 800 km range and a 101 kWh pack."]})
    out = figures.extract_frame(df, date=None)
    assert list(out["normalized_unit"]) == ["m", "J"]
    assert [D(str(v)) for v in out["normalized_value"]] == [D("800000"), D("363600000")]
    printed = figures.extract_frame(df, date=None, units="as-printed")
    assert printed["normalized_unit"].isna().all()


@pytest.mark.parametrize(("mode", "value", "unit"), [("si", "800000", "m"), ("as-printed", None, None)])
def test_cli_units_option(tmp_path, mode, value, unit):
    path = tmp_path / "doc.txt"
    path.write_text("The SUV promises an 800 km range.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "figures.cli", "extract", str(path), "--format", "jsonl",
                          "--units", mode], capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert [(r["text"], r["normalized_value"], r["normalized_unit"]) for r in rows] == [
        ("800 km", value, unit)]


@pytest.mark.parametrize(("text", "not_read"), [
    ("Pour the .25ml dose.", "25ml"),  # digits after a bare decimal point: 0.25, never 25 ml
    ("The app has 5 m users.", "5 m"),  # 'm' before a plural noun is million, not metres
    ("A block holds 2^10 bits.", "10 bits"),  # an exponent, not a count of bits
])
def test_a_unit_is_not_taken_where_it_would_make_a_wrong_quantity(text, not_read):
    start = text.index(not_read)
    assert not [f for f in figures.extract(text)
                if f.kind.value == "quantity" and f.start <= start < f.end]


def test_a_unit_after_a_product_name_is_still_a_measure():
    text = "The Core i7 Processor 2.80 GHz chip."
    f = _one(text, "2.80 GHz")
    assert (f.value, f.unit, f.normalized_value, f.normalized_unit) == (
        D("2.80"), "gigahertz", D("2800000000"), "Hz")


def test_pounds_of_something_is_a_weight():
    f = _one("He bought two pounds of beef.", "two pounds")
    assert (f.kind.value, f.value, f.currency, f.normalized_value, f.normalized_unit) == (
        "quantity", D(2), None, D("0.90718474"), "kg")  # 1 lb = 0.45359237 kg exactly
