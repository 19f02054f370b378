"""The spill's on-disk codec (figures.checks.spill) gives back exactly what it was given: every
field type of the model's dataclasses, by value and by type, through one batch on disk."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from figures.checks.spill import Spill
from figures.model import Figure, Finding, Kind, MentionRef, Qualifier, Rate, Severity, Status

FIGURE = Figure("d", 3, 17, "RMB 10 billion", Kind.MONEY, Decimal("1E+10"), currency="CNY",
                qualifier=Qualifier.APPROX, precision=Decimal("1000000000"), date=date(2023, 6, 1),
                currency_candidates=("CNY", "HKD"), value_candidates=(Decimal("1.25"), Decimal("1250")))
FINDING = Finding("conversion", Status.INCONSISTENT, Severity.WARNING,
                  (MentionRef("d", 3, 17, "RMB 10 billion"), MentionRef(None, 19, 32, "$1.38 bn")),
                  "implied 7.2464 CNY per USD",
                  {"implied": Decimal("7.2464"), "on": date(2023, 6, 1), "range": (Decimal("-0"), None),
                   "nested": {"a": [1, 2.5, True, "x"]}, "status": Status.CONSISTENT, "": ""})


@pytest.mark.parametrize("item", [
    FIGURE, FINDING, Rate("CNY", "USD", Decimal("0.1406"), date(2023, 6, 3), date(2023, 6, 2), "ECB"),
    Decimal("-1.50E-7"), (), ("a", ("b", Decimal("2"))), {1: "int key"}, ["l", ["d", "1"]], None, "d",
])
def test_an_item_comes_back_equal_and_of_the_same_types(item):
    back = Spill([item, item])[1]
    assert back == item and type(back) is type(item)
    if isinstance(item, Finding):
        assert [type(v) for v in back.details.values()] == [type(v) for v in item.details.values()]
        assert type(back.status) is Status and back.details["range"][0].is_signed()
    if isinstance(item, Figure):
        assert type(back.kind) is Kind and str(back.value) == "1E+10"
