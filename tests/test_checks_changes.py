"""percent_change and rate_vs_capacity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from figures.checks import percent_change, rate_vs_capacity
from tests.test_checks_support import docs_of, fig, one_doc


def _hkd(t, sub, v, prec="0.01", after=0):
    return fig(t, sub, "money", v, currency="HKD", precision=prec, per="share", after=after)


def _pct(t, sub, v, prec="0.01", direction="up"):
    return fig(t, sub, "percent", v, unit="percent", precision=prec, direction=direction)


PCT_CASES = [
    # text, value sub, value, percent sub, percent, direction, expected status, implied previous
    ("As of the close, Xiaomi closed at HK$13.52, up 8.51%.", "HK$13.52", "13.52", "8.51%", "8.51",
     "up", "consistent", "12.4597"),
    ("As of the close, Xiaomi closed at HK$13.52, up 8.61%.", "HK$13.52", "13.52", "8.61%", "8.61",
     "up", "unverifiable", None),
    ("The shares fell 10% to HK$9.00 on Monday.", "HK$9.00", "9.00", "10%", "10", "down",
     "consistent", "10"),
    ("The stock closed at HK$45.20, down 2.3%.", "HK$45.20", "45.20", "2.3%", "2.3", None,
     "consistent", None),
    # A signed percent: the sign is the direction, written once or twice.
    ("The shares fell -10% to HK$9.00 on Monday.", "HK$9.00", "9.00", "-10%", "-10", "down",
     "consistent", "10"),
    ("The stock closed at HK$9.00 (-10%).", "HK$9.00", "9.00", "-10%", "-10", None,
     "consistent", "10"),
]


@pytest.mark.parametrize(("t", "vs", "v", "ps", "p", "d", "status", "implied"), PCT_CASES)
def test_percent_change(t, vs, v, ps, p, d, status, implied):
    vp = "0.01" if "." in v else "1"
    pp = "0.01" if "." in p and len(p.split(".")[1]) == 2 else ("0.1" if "." in p else "1")
    figs = [_hkd(t, vs, v, prec=vp), _pct(t, ps, p, prec=pp, direction=d)]
    [f] = percent_change.check(one_doc(t, figs))
    assert f.status == status
    assert f.severity == "info"
    assert len(f.mentions) == 2
    if implied is not None:
        assert round(f.details["implied_previous"], 4) == Decimal(implied)


@pytest.mark.parametrize(("stated", "status"), [("10.00", "consistent"), ("9.50", "inconsistent")])
def test_percent_change_with_stated_previous(stated, status):
    t = f"The shares rose 5% to HK$10.50 from HK${stated} on Friday."
    figs = [_pct(t, "5%", "5", prec="1", direction="up"), _hkd(t, "HK$10.50", "10.50"),
            _hkd(t, f"HK${stated}", stated)]
    [f] = percent_change.check(one_doc(t, figs))
    assert f.status == status
    assert len(f.mentions) == 3
    assert f.details["stated_previous"] == Decimal(stated)


def test_rounded_value_is_unverifiable():
    t = "Revenue was $1.2 billion, up 5.3% from a year earlier."
    figs = [fig(t, "$1.2 billion", "money", "1.2e9", currency="USD", precision="1e8"),
            _pct(t, "5.3%", "5.3", prec="0.1")]
    [f] = percent_change.check(one_doc(t, figs))
    assert f.status == "unverifiable"
    assert "implied previous" in f.message


@pytest.mark.parametrize("t", [
    "Xiaomi closed at HK$13.52, and 8.51% of its shares are held by Lei Jun.",
    "Xiaomi closed at HK$13.52. Separately, 8.51% of sales came from cars.",
])
def test_percent_change_needs_a_change(t):
    figs = [_hkd(t, "HK$13.52", "13.52"), _pct(t, "8.51%", "8.51", direction=None)]
    assert percent_change.check(one_doc(t, figs)) == []


# ---- rate_vs_capacity -----------------------------------------------------------------------

CAP = "The first phase of the factory is complete, with a production capacity of 150,000 vehicles per year."
CAP_FIG = fig(CAP, "150,000 vehicles per year", "count", 150000, unit="vehicle", per="year", precision=1)
PLAN = "Xiaomi is aiming for total sales of 900,000 units in those three years, the report said."
PLAN_FIGS = [fig(PLAN, "900,000 units", "count", 900000, unit="unit", precision=1),
             fig(PLAN, "three years", "duration", 3, unit="year", precision=1)]
GOAL = "Lei Jun's goal in 2024 is to sell 100,000 vehicles."
GOAL_FIG = fig(GOAL, "100,000 vehicles", "count", 100000, unit="vehicle", precision=1)


def test_total_over_period_exceeds_capacity_across_documents():
    docs = docs_of(("plan", "Xiaomi news. " + PLAN, None, [f.replace(start=f.start + 13, end=f.end + 13) for f in PLAN_FIGS]),
                   ("cap", "Xiaomi Automobile builds a factory. " + CAP, None,
                    [CAP_FIG.replace(start=CAP_FIG.start + 36, end=CAP_FIG.end + 36)]))
    [f] = rate_vs_capacity.check(docs)
    assert (f.status, f.severity) == ("inconsistent", "warning")
    assert f.details["ratio"] == 2
    assert f.details["needed_per_year"] == 300000
    assert {m.text for m in f.mentions} == {"900,000 units", "three years", "150,000 vehicles per year"}


def test_target_within_one_year_consistent():
    t = CAP + " " + GOAL
    figs = [CAP_FIG, GOAL_FIG.replace(start=GOAL_FIG.start + len(CAP) + 1, end=GOAL_FIG.end + len(CAP) + 1)]
    [f] = rate_vs_capacity.check(one_doc(t, figs))
    assert f.status == "consistent"
    assert round(f.details["ratio"], 3) == Decimal("0.667")


@pytest.mark.parametrize(("goal", "unit"), [
    ("Lei Jun's goal in 2024 is to sell 100,000 tons.", "ton"),        # another unit
    ("Lei Jun said 100,000 vehicles were recalled over the years.", "vehicle"),  # no period, no sale
])
def test_rate_vs_capacity_negative(goal, unit):
    sub = "100,000 " + ("tons" if unit == "ton" else "vehicles")
    t = CAP + " " + goal
    figs = [CAP_FIG, fig(t, sub, "count", 100000, unit=unit, precision=1)]
    assert rate_vs_capacity.check(one_doc(t, figs)) == []


def test_annual_capacity_without_per():
    t = ("The carmaker delivered 1.31 million vehicles in 2022. Its plants have an annual "
         "production capacity of 1.9 million vehicles.")
    figs = [fig(t, "1.31 million vehicles", "count", 1310000, unit="vehicle", precision=10000),
            fig(t, "1.9 million vehicles", "count", 1900000, unit="vehicle", precision=100000)]
    [f] = rate_vs_capacity.check(one_doc(t, figs))
    assert f.status == "consistent"
    assert round(f.details["ratio"], 2) == Decimal("0.69")


def test_rate_that_is_not_a_capacity_is_ignored():
    t = "Annual sales of 150,000 vehicles per year are expected. " + GOAL
    figs = [fig(t, "150,000 vehicles per year", "count", 150000, unit="vehicle", per="year", precision=1),
            fig(t, "100,000 vehicles", "count", 100000, unit="vehicle", precision=1)]
    assert rate_vs_capacity.check(one_doc(t, figs)) == []


def test_other_company_capacity_not_used():
    plan = "Xiaomi is aiming for total sales of 900,000 units in those three years."
    cap = "Tesla Shanghai has a production capacity of 150,000 vehicles per year, Tesla said."
    docs = docs_of(("plan", plan, None, [fig(plan, "900,000 units", "count", 900000, unit="unit", precision=1),
                                         fig(plan, "three years", "duration", 3, unit="year", precision=1)]),
                   ("cap", cap, None, [fig(cap, "150,000 vehicles per year", "count", 150000,
                                           unit="vehicle", per="year", precision=1)]))
    assert rate_vs_capacity.check(docs) == []


@pytest.mark.parametrize("text", ["The shares fell -10% to HK$9.00 on Monday.",
                                  "The stock closed at HK$9.00 (−10%)."])
def test_signed_percent_end_to_end(text):
    from figures.checks.runner import check

    [f] = [f for f in check(text, docs="d").findings if f.check == "percent_change"]
    assert f.status == "consistent"
    assert f.details["implied_previous"] == 10
