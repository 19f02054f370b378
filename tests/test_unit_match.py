"""The unit matcher on the issue 17 case rows: given the offset right after the number (and its
scale word), it must find the unit span, canonical unit, dimension and per-unit written by hand
in tests/cases/unit_forms.py."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from figures.extract.unit_match import match_per, match_unit
from figures.vocab import units_table
from tests.cases.unit_forms import AMBIGUOUS, NEGATIVE, ROWS


def _after_number(text: str, surface: str, number: str) -> tuple[int, int]:
    start = text.index(surface)
    assert surface.startswith(number), (surface, number)
    return start, start + len(number)


@pytest.mark.parametrize(("text", "surface", "number", "value", "unit", "dim", "per"), ROWS,
                         ids=[r[1] for r in ROWS])
def test_matcher_finds_the_unit(text, surface, number, value, unit, dim, per):
    start, pos = _after_number(text, surface, number)
    m = match_unit(text, pos)
    assert m is not None, f"no unit after {number!r} in {text!r}"
    if ".." in value and surface != text[start:m.end]:
        # a range written with the unit on both ends: the matcher reads the first one, the
        # extractor's grammar (unit_grammar) the second
        assert surface.startswith(text[start:m.end] + " ")
    else:
        assert text[start:m.end] == surface
    assert (m.unit, m.dimension, m.per) == (unit, dim, per)


@pytest.mark.parametrize(("text", "number"), NEGATIVE, ids=[r[0] for r in NEGATIVE])
def test_no_unit_where_there_is_none(text, number):
    pos = text.index(number) + len(number)
    assert match_unit(text, pos) is None


@pytest.mark.parametrize(("text", "number"), AMBIGUOUS, ids=[r[0] for r in AMBIGUOUS])
def test_ambiguous_forms_are_flagged(text, number):
    m = match_unit(text, text.index(number) + len(number))
    assert m is not None and m.ambiguity


def test_symbols_are_case_sensitive():
    assert match_unit("5 mm", 1).unit == "millimeter"
    assert match_unit("5 Mm", 1) is None
    assert match_unit("5 MW", 1).unit == "megawatt"
    assert match_unit("5 mW", 1).unit == "milliwatt"


def test_words_are_case_insensitive():
    assert match_unit("5 Kilometres", 1).unit == "kilometer"
    assert match_unit("5 KILOWATTS", 1).unit == "kilowatt"


def test_a_unit_inside_a_longer_word_is_not_a_unit():
    assert match_unit("5 mid-size", 1) is None
    assert match_unit("5 gals.", 1).end == 6  # the sentence's period is not part of the unit


def test_bracket_must_close():
    assert match_unit("20 (kg of", 2) is None


def test_per_after_a_counted_noun():
    text = "It builds 150,000 vehicles per year."
    per = match_per(text, text.index(" per"))
    assert per is not None and (per.per, per.dimension) == ("year", "time")
    assert text[: per.end].endswith("per year")
    assert match_per("5 cars a piece", 6) is None


def test_pint_expression_of_a_compound():
    m = match_unit("17.9 kWh/100 km", 4)
    assert m.pint_expr == "(kilowatt_hour) / (100 * kilometer)"
    assert m.per_display == "100 kilometer"


def test_every_excluded_form_has_a_reason_and_is_not_a_unit():
    for form, reason in units_table.EXCLUDED.items():
        assert reason.strip()
        assert form not in units_table.SYMBOLS


def test_every_canonical_unit_parses_in_pint_with_its_dimension():
    from figures.quantities import dimension_of

    dims = {"length": "[length]", "mass": "[mass]", "area": "[length] ** 2",
            "volume": "[length] ** 3", "temperature": "[temperature]"}
    for _, (canonical, dim) in {**units_table.SYMBOLS, **units_table.WORDS}.items():
        got = dimension_of(canonical)
        if dim in dims:
            assert got == dims[dim], canonical


def test_the_generated_table_is_up_to_date():
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).parent.parent / "scripts" / "build_units.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_first_words_gate_covers_every_row():
    import re

    from figures.extract.unit_match import first_words

    gate = first_words()
    for text, surface, number, *_ in ROWS:
        _, pos = _after_number(text, surface, number)
        m = match_unit(text, pos)
        token = re.match(r"[^\W\d_]+|[°º℃℉]", text[m.start:m.end].lstrip("([{-"))
        assert token is not None and token.group().lower() in gate, surface
    assert "people" not in gate and "percent" not in gate


_ALPHABET = "0123456789 .,-/()[]{}°ºµ²³^kKmMgGtTWhsCFlLbBaipnoerc\u00a0\u202f℃"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.integers(min_value=0, max_value=45))
def test_matcher_never_raises_and_stays_in_the_text(text, pos):
    pos = min(pos, len(text))
    m = match_unit(text, pos)
    if m is not None:
        assert pos <= m.start < m.end <= len(text)
        assert m.end - pos <= 64  # a bounded window: linear in the document
