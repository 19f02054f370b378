"""The one interval model (figures.normalize.interval): its semantic and pragmatic views, the
qualifier table it reads, and that normalize() and the checks both use it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from figures.model import Figure, Kind, Qualifier
from figures.normalize.convert import normalize
from figures.normalize.interval import (
    computed,
    from_below,
    pragmatic,
    precision_of,
    semantic,
    step_of,
)
from figures.normalize.rates.table import RATE_CONTEXT
from figures.vocab.qualifiers import QUALIFIER_SIDE, QUALIFIERS_IN_SPAN, QUALIFIERS_OUTSIDE

INF = None


def fig(text, value, precision, qualifier=None, kind=Kind.COUNT, low=None, high=None, start=0,
        currency=None):
    return Figure(doc="d", start=start, end=start + len(text), text=text, kind=kind,
                  value=None if value is None else D(value), precision=D(precision),
                  qualifier=qualifier, low=None if low is None else D(low),
                  high=None if high is None else D(high), currency=currency)


def _d(x):
    return None if x is None else D(x)


# (text, value, precision, qualifier, kind, semantic, pragmatic): written from what the words say
# and what a reader infers.
CASES = [
    # exact: half a rounding step either side, both views
    ("$1.54 billion", "1540000000", "10000000", None, Kind.MONEY,
     ("1535000000", "1545000000"), ("1535000000", "1545000000")),
    ("453 people", "453", "1", None, Kind.COUNT, ("452.5", "453.5"), ("452.5", "453.5")),
    # about: one step, or 2.5% of the value if that is more
    ("about $1.5 billion", "1500000000", "100000000", Qualifier.APPROX, Kind.MONEY,
     ("1400000000", "1600000000"), ("1400000000", "1600000000")),
    ("about 2,300 people", "2300", "1", Qualifier.APPROX, Kind.COUNT,
     ("2242.5", "2357.5"), ("2242.5", "2357.5")),
    # nearly: never above the printed value
    ("nearly 1,800 people", "1800", "1", Qualifier.APPROX, Kind.COUNT,
     ("1755", "1800"), ("1755", "1800")),
    # more than: open above in words; a reader caps it at the next step of its last digit
    ("more than 2,300 people", "2300", "1", Qualifier.GT, Kind.COUNT,
     ("2300", INF), ("2300", "2400")),
    ("at least $3 billion", "3000000000", "1000000000", Qualifier.GE, Kind.MONEY,
     ("3000000000", INF), ("3000000000", "4000000000")),
    # less than: an amount is not negative in words; a reader floors it one step down
    ("less than 500 people", "500", "1", Qualifier.LT, Kind.COUNT, ("0", "500"), ("400", "500")),
    ("up to $20 million", "20000000", "1000000", Qualifier.LE, Kind.MONEY,
     ("0", "20000000"), ("10000000", "20000000")),
    # a percent can be negative: "less than 5%" is open below in words
    ("less than 5%", "5", "1", Qualifier.LT, Kind.PERCENT, (INF, "5"), ("4", "5")),
]


@pytest.mark.parametrize(("text", "value", "precision", "qualifier", "kind", "sem", "prag"), CASES,
                         ids=[c[0] for c in CASES])
def test_semantic_and_pragmatic_views(text, value, precision, qualifier, kind, sem, prag):
    f = fig(text, value, precision, qualifier, kind)
    assert semantic(f) == (_d(sem[0]), _d(sem[1]))
    assert pragmatic(f) == (_d(prag[0]), _d(prag[1]))


def test_the_views_differ_only_on_the_open_side():
    for q in Qualifier:
        f = fig("x", "2300", "1", q)
        (slo, shi), (plo, phi) = semantic(f), pragmatic(f)
        if QUALIFIER_SIDE[q.value] == "above":
            assert slo == plo and shi is None and phi is not None
        elif QUALIFIER_SIDE[q.value] == "below":
            assert shi == phi and plo is not None and plo > slo
        else:
            assert (slo, shi) == (plo, phi)


def test_every_qualifier_word_has_a_side():
    # A qualifier the extractor can give must be one the interval model knows.
    given = set(QUALIFIERS_IN_SPAN.values()) | set(QUALIFIERS_OUTSIDE.values())
    assert given <= set(QUALIFIER_SIDE) and {q.value for q in Qualifier} == set(QUALIFIER_SIDE)


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "expect"),
    [
        ("15", "20", None, ("14.5", "20.5")),  # "15-20 years"
        ("15", "20", Qualifier.LE, ("14.5", "20.5")),  # "within 15-20 years": the same range
        ("15", None, None, ("14.5", INF)),  # an open-ended range is unbounded on its open side
    ],
)
def test_ranges(low, high, qualifier, expect):
    f = fig("15-20 years", None, "1", qualifier, Kind.DURATION, low=low, high=high)
    assert semantic(f) == pragmatic(f) == (_d(expect[0]), _d(expect[1]))


def test_an_approximating_word_before_the_span_caps_the_interval():
    text = "Staff grew by just shy of 1,800 people."
    start = text.index("1,800")
    f = fig("1,800 people", "1800", "1", Qualifier.APPROX, start=start)
    assert not from_below(f) and from_below(f, text)
    assert semantic(f, text) == (D("1755"), D("1800"))
    assert semantic(f) == (D("1755"), D("1845"))


@pytest.mark.parametrize(("value", "step"), [("2300", "100"), ("1.54", "0.01"), ("0", "1"), ("7", "1")])
def test_step_of(value, step):
    assert step_of(D(value)) == D(step)


def test_precision_of_a_figure_built_without_one_is_its_last_digit():
    f = Figure(doc=None, start=0, end=4, text="12.5", kind=Kind.COUNT, value=D("12.5"))
    assert precision_of(f) == D("0.1")


def test_normalize_uses_the_semantic_view():
    # "more than 100 yuan" at the identity rate: the words leave the top open.
    f = fig("more than CNY 100", "100", "1", Qualifier.GT, Kind.MONEY, currency="CNY")
    out = normalize(f, "CNY", date=date(2024, 1, 5))
    assert (out.normalized_low, out.normalized_high) == (D("100"), None)
    f = fig("about CNY 1,000", "1000", "1", Qualifier.APPROX, Kind.MONEY, currency="CNY")
    out = normalize(f, "USD", date=date(2024, 1, 5))
    lo, hi = semantic(f)
    assert out.normalized_low == RATE_CONTEXT.multiply(lo, out.rate)
    assert out.normalized_high == RATE_CONTEXT.multiply(hi, out.rate)
    assert (lo, hi) == (D("975"), D("1025"))


@pytest.mark.parametrize(
    ("text", "value", "precision", "qualifier", "expect"),
    [
        # a printed conversion: "about" is one rounding step, whatever the size of the value
        ("(about $1.5 billion)", "1500000000", "100000000", Qualifier.APPROX,
         ("1400000000", "1600000000")),
        ("(about $191 million)", "191000000", "1000000", Qualifier.APPROX, ("190000000", "192000000")),
        ("(more than $1.5 billion)", "1500000000", "100000000", Qualifier.GT,
         ("1500000000", "1600000000")),
        ("($1.54 billion)", "1540000000", "10000000", None, ("1535000000", "1545000000")),
    ],
)
def test_computed_view_of_a_printed_conversion(text, value, precision, qualifier, expect):
    f = fig(text, value, precision, qualifier, Kind.MONEY)
    assert computed(f) == (D(expect[0]), D(expect[1]))
