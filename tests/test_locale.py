"""Issue 15: the document locale decides local markers; the rate fingerprint settles pairs.

Sentences written for this file; expected currencies come from the meaning of each text."""

from __future__ import annotations

from decimal import Decimal

import pytest

import figures
from figures.errors import UnknownCountry
from figures.extract import document_locale


def _money(text: str, span: str, **kw):
    found = [f for f in figures.extract(text, **kw) if f.text == span and f.kind == "money"]
    assert len(found) == 1, [(f.text, f.kind) for f in figures.extract(text, **kw)]
    return found[0]


# (text, span, currency or None for open, candidates that must be offered when open)
LOCALE_CASES = [
    ("LAHORE: The textile mill booked a profit of Rs4.1 billion, it told the PSX.",
     "Rs4.1 billion", "PKR", ()),
    ("MUMBAI: The lender raised Rs 850 crore from bonds.", "Rs 850 crore", "INR", ()),
    ("The spinning unit spent Rs950 million on looms.", "Rs950 million", None, ("PKR", "INR")),
    ("BRISBANE, March 3 - The ASX-listed miner spent $310 million on a new pit.",
     "$310 million", "AUD", ()),
    ("The Auckland dairy group lifted its payout to 45 cents a share, NZX filings show.",
     "45 cents a share", "NZD", ()),
    ("JOHANNESBURG - The JSE-listed retailer paid a dividend of 310 cents a share.",
     "310 cents a share", "ZAR", ()),
    ("JOHANNESBURG - The grocer sold its stake for R2.7 billion.", "R2.7 billion", "ZAR", ()),
    ("The Manila tollway operator will spend P12 billion, the BSP said.", "P12 billion", "PHP", ()),
    ("Nairobi-based lender posted a net profit of Sh9.3 billion.", "Sh9.3 billion", "KES", ()),
    ("SEOUL - The chipmaker earned W2.1 trillion in the quarter.", "W2.1 trillion", "KRW", ()),
    ("LAGOS - The cement maker posted revenue of N412 billion, the NGX said.",
     "N412 billion", "NGN", ()),
    ("CAIRO: The bank lent 3 billion pounds to farmers, the EGX filing showed.",
     "3 billion pounds", "EGP", ()),
    ("KARACHI: The refinery signed a $75 million loan with a Gulf lender.",
     "$75 million", "USD", ()),
    ("The startup raised $12 million from investors.", "$12 million", "USD", ()),
    # a document that writes US$ uses $ for its own dollar
    ("SINGAPORE - The REIT paid $0.52 a unit; its US$300 million notes were repaid.",
     "$0.52", "SGD", ()),
    # conflicting countries: open, never USD silently
    ("The Perth miner listed on the ASX will merge with a Nasdaq-listed Denver rival in a deal "
     "worth $2 billion, the Texas and New York offices said.", "$2 billion", None, ("AUD", "USD")),
]


@pytest.mark.parametrize(("text", "span", "currency", "cands"), LOCALE_CASES,
                         ids=[c[1] for c in LOCALE_CASES])
def test_local_markers_follow_the_document_locale(text, span, currency, cands):
    f = _money(text, span)
    assert f.currency == currency, f.currency_basis
    if currency is None:
        assert set(cands) <= set(f.currency_candidates)
    assert f.currency_basis


# Single letters are money only where the locale uses them.
@pytest.mark.parametrize("text", [
    "The P8 engine was unveiled in Detroit on Monday.",
    "The W12 prototype sold 500 units.",
    "Route R40 will close for 3 weeks, Texas officials said.",
])
def test_single_letters_are_not_money_elsewhere(text):
    assert not [f for f in figures.extract(text) if f.kind == "money"]


@pytest.mark.parametrize(("country", "currency"), [
    ("PK", "PKR"), ("pk", "PKR"), ("en_PK", "PKR"), ("en-IN", "INR"), ("LK", "LKR"),
])
def test_country_argument_settles_rs(country, currency):
    f = _money("The company will spend Rs3 billion.", "Rs3 billion", country=country)
    assert f.currency == currency and f.country == country[-2:].upper()
    assert "given" in f.currency_basis


@pytest.mark.parametrize("bad", ["XX", "Australia", "", "en_ZZ", 12])
def test_unknown_country_is_one_clear_error(bad):
    with pytest.raises(UnknownCountry, match="ISO 3166"):
        figures.extract("It cost $5.", country=bad)


def test_check_takes_a_country_too():
    r = figures.check("The company will spend Rs3 billion.", country="PK")
    assert [f.currency for f in r.figures] == ["PKR"]
    assert not [x for x in r.findings if x.check == "ambiguous_currency"]


def test_open_marker_gets_an_ambiguous_currency_finding():
    r = figures.check("The company will spend Rs3 billion.")
    found = [x for x in r.findings if x.check == "ambiguous_currency"]
    assert len(found) == 1 and "PKR" in found[0].message


def test_document_locale_names_its_evidence():
    loc = document_locale("KARACHI: Shares on the PSX rose. The State Bank held rates.")
    assert loc.country == "PK" and loc.currency == "PKR"
    assert "dateline KARACHI" in loc.why() and "PSX" in loc.why()


def test_figure_country_is_in_the_json_contract():
    f = _money("SYDNEY, May 2 (Reuters) - The bank lent $3 billion.", "$3 billion")
    assert f.country == "AU" and f.to_dict()["country"] == "AU"


# ---- the rate fingerprint -------------------------------------------------------------------

def test_fingerprint_settles_yen_and_the_rest_of_the_document_follows():
    # On 2024-03-01 the ECB gave about 150 yen and 7.2 yuan per US dollar: 300 billion at
    # US$2 billion can only be yen.
    text = ("Lenders agreed to provide ¥300 billion (US$2 billion) for the buyout. "
            "The offer is ¥2,100 per share.")
    figs = [f for f in figures.extract(text, date="2024-03-01") if f.kind == "money"]
    assert [f.currency for f in figs] == ["JPY", "USD", "JPY"]
    assert figs[0].currency_basis.startswith("rate fingerprint")
    assert "CNY" in figs[0].currency_basis and "fits" in figs[0].currency_basis


def test_without_a_date_the_fingerprint_cannot_settle():
    text = "Lenders agreed to provide ¥300 billion (US$2 billion) for the buyout."
    f = _money(text, "¥300 billion")
    assert f.currency is None and set(f.currency_candidates) == {"CNY", "JPY"}


def test_a_pair_no_candidate_fits_is_inconsistent_with_each_error():
    # 300 billion at US$5 billion is 60 per dollar: neither yen (~150) nor yuan (~7.2).
    r = figures.check("Lenders agreed to provide ¥300 billion (US$5 billion).", date="2024-03-01")
    conv = [x for x in r.findings if x.check == "conversion"]
    assert len(conv) == 1 and conv[0].status == "inconsistent"
    errs = conv[0].details["candidate_errors"]
    assert set(errs) == {"CNY", "JPY"}
    assert all(abs(Decimal(str(v))) > Decimal("0.2") for v in errs.values())


def test_conversion_into_a_currency_the_ecb_lacks_is_checked_with_nbp_rates():
    # About 278-282 Pakistani rupees per US dollar in March 2024 (NBP table B).
    r = figures.check("KARACHI: The mill borrowed $10 million (Rs2.8 billion).", date="2024-03-01")
    conv = [x for x in r.findings if x.check == "conversion"]
    assert len(conv) == 1 and conv[0].status == "consistent"
    assert "NBP" in str(conv[0].details.get("rate_source"))


def test_a_range_converted_into_a_range_is_checked_end_by_end():
    # 2024-03-01: about 150.5 yen per US dollar; 30-36 billion yen is US$199-239 million.
    r = figures.check("The drugmaker will spend JPY 30-36 billion (USD 199-239 million) on a "
                      "plant.", date="2024-03-01")
    conv = [x for x in r.findings if x.check == "conversion"]
    assert len(conv) == 1 and conv[0].status == "consistent"
    assert conv[0].details["low_end"]["implied_rate"] and conv[0].details["high_end"]["implied_rate"]
    off = figures.check("The drugmaker will spend JPY 30-36 billion (USD 199-260 million) on a "
                        "plant.", date="2024-03-01")
    assert [x.status for x in off.findings if x.check == "conversion"] == ["inconsistent"]
