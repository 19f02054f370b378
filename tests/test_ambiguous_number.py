"""Digits the document leaves with two readings: both kept on the figure, and a finding.

Sentences written here; expected values from the meaning of the text."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import figures
from figures.export import figure_from_dict, jsonl_line, write_csv

# The document prints a decimal comma its digits settle ("€12,5 million"): "€1,250" may then be
# one euro and a quarter or a thousand and a quarter.
OPEN_DOC = "The fund paid €12,5 million in May and €1,250 in June."
# The same amount in a document with no decimal comma: the English reading stands.
ENGLISH_DOC = "The fund paid €12.5 million in May and €1,250 in June."


def _at(figs, text):
    return next(f for f in figs if f.text == text)


def test_open_digits_keep_both_values_and_no_value():
    f = _at(figures.extract(OPEN_DOC), "€1,250")
    assert f.value is None and f.currency == "EUR"
    assert f.value_candidates == (Decimal("1.250"), Decimal("1250"))


def test_an_english_document_reads_the_group_as_thousands():
    f = _at(figures.extract(ENGLISH_DOC), "€1,250")
    assert f.value == Decimal("1250") and f.value_candidates == ()


def test_the_settled_decimal_comma_is_read_and_not_open():
    f = _at(figures.extract(OPEN_DOC), "€12,5 million")
    assert f.value == Decimal("12500000") and f.value_candidates == ()


def test_ambiguous_number_finding_names_both_readings():
    report = figures.check(OPEN_DOC)
    found = [x for x in report.findings if x.check == "ambiguous_number"]
    assert len(found) == 1
    assert found[0].status == "unverifiable" and found[0].severity == "warning"
    assert found[0].details["candidates"] == ("1.25", "1250")
    assert "1.25 or 1250" in found[0].message


def test_no_finding_where_the_document_settles_the_digits():
    report = figures.check(ENGLISH_DOC)
    assert not [x for x in report.findings if x.check == "ambiguous_number"]


def test_a_currency_without_minor_units_settles_a_dot_group():
    # The rupiah is printed without minor units: "Rp 31.500" can only be 31,500.
    f = _at(figures.extract("Nasi goreng costs Rp 31.500 at the stall."), "Rp 31.500")
    assert f.value == Decimal("31500")


def test_value_candidates_round_trip_through_jsonl_and_csv():
    f = _at(figures.extract(OPEN_DOC), "€1,250")
    row = json.loads(jsonl_line(f))
    assert row["value_candidates"] == ["1.25", "1250"]
    assert figure_from_dict(row).value_candidates == f.value_candidates
    buf = io.StringIO()
    write_csv([f], buf)
    assert "1.25|1250" in buf.getvalue()


def test_space_groups_are_not_glued_without_a_currency_scale_or_unit():
    # "12 300 cars" could be page 12 and 300 cars: neither reading is taken.
    figs = figures.extract("The list on page 12 300 cars long was cut.")
    assert not [f for f in figs if f.value in (Decimal(12300), Decimal(300))]
    # With a currency after, the groups are one number.
    f = _at(figures.extract("A weekend pass costs 9 800 Kč per person."), "9 800 Kč per person")
    assert f.value == Decimal("9800") and f.currency == "CZK"
