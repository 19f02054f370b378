"""currency_confusion, ambiguous_currency and no_rate."""

from __future__ import annotations

from datetime import date as Date

import pytest

from figures.checks import ambiguous_currency, conversion, currency_confusion, no_rate
from tests.test_checks_support import FakeTable, docs_of, fig, one_doc

TABLE = FakeTable()
DAY = Date(2021, 10, 19)
R02 = ("Xiaomi's initial investment in the automotive business will be RMB 10 billion, with an "
       "expected investment of $10 billion over the next 10 years.")


def _m(t, sub, v, cur, prec="1e9", **kw):
    return fig(t, sub, "money", v, currency=cur, precision=prec, **kw)


def test_same_number_two_currencies():
    figs = [_m(R02, "RMB 10 billion", "1e10", "CNY"), _m(R02, "$10 billion", "1e10", "USD")]
    [f] = currency_confusion.check(one_doc(R02, figs, date=DAY), table=TABLE)
    assert (f.status, f.severity) == ("unverifiable", "warning")
    assert f.details["currencies"] == ("CNY", "USD")
    assert 6 < f.details["ratio"] < 7  # $10bn is about 6.4x RMB 10bn
    assert "different amounts" in f.message


def test_same_number_undated_uses_latest_rate_and_says_so():
    figs = [_m(R02, "RMB 10 billion", "1e10", "CNY"), _m(R02, "$10 billion", "1e10", "USD")]
    from figures.normalize.rates.table import RateTable

    [f] = currency_confusion.check(one_doc(R02, figs), table=RateTable.default())
    assert "undated" in f.message


@pytest.mark.parametrize("t", [
    "It invested RMB 10 billion in 2021.\n\nIn a separate deal it raised $10 billion.",  # paragraphs
    "It invested RMB 10 billion and RMB 10 billion more later.",  # one currency
])
def test_same_number_negative(t):
    subs = [("RMB 10 billion", "CNY"), ("$10 billion", "USD")]
    figs = []
    pos = 0
    for sub, cur in subs:
        while sub in t[pos:]:
            f = _m(t, sub, "1e10", cur, after=pos)
            figs.append(f)
            pos = f.end
    figs.sort(key=lambda f: f.start)
    assert currency_confusion.check(one_doc(t, figs, date=DAY), table=TABLE) == []


def test_conversion_pair_with_same_number_is_a_conversion_error_not_confusion():
    t = "It will invest RMB 10 billion ($10 billion) in cars."
    figs = [_m(t, "RMB 10 billion", "1e10", "CNY"), _m(t, "$10 billion", "1e10", "USD")]
    docs = one_doc(t, figs, date=DAY)
    assert currency_confusion.check(docs, table=TABLE) == []
    [c] = conversion.check(docs, table=TABLE)
    assert (c.status, c.severity) == ("inconsistent", "error")


SP1 = "Since hitting a new high price of 35.9 yuan/share on January 5, 2021, Xiaomi shares have fallen to about 10 yuan/share."
SP2 = "As of the close on February 10, Xiaomi closed at HK$13.52, up 8.51%."


def _sp_docs(sp2=SP2, cur2="HKD"):
    return docs_of(
        ("a", SP1, None, [_m(SP1, "35.9 yuan/share", "35.9", "CNY", "0.1", per="share"),
                          _m(SP1, "about 10 yuan/share", "10", "CNY", "1", per="share", q="approx")]),
        ("b", sp2, None, [_m(sp2, sp2[sp2.index("closed at") + 10:sp2.index(",", sp2.index("closed at"))],
                             "13.52", cur2, "0.01")]))


def test_share_price_in_two_currencies():
    [f] = currency_confusion.check(_sp_docs(), table=TABLE)
    assert (f.status, f.severity) == ("inconsistent", "warning")
    assert f.details["company"] == "xiaomi"
    assert {m.text for m in f.mentions} == {"35.9 yuan/share", "about 10 yuan/share", "HK$13.52"}


def test_share_price_same_currency_or_other_company():
    assert currency_confusion.check(_sp_docs(SP2.replace("HK$", "RMB "), "CNY"), table=TABLE) == []
    other = SP2.replace("Xiaomi", "Tencent")
    assert currency_confusion.check(_sp_docs(other), table=TABLE) == []


def test_ambiguous_currency():
    t = "The company paid $5 million for the stake."
    f0 = fig(t, "$5 million", "money", "5e6", precision="1e6", candidates=("USD", "AUD", "CAD"),
             currency_basis="no national signal in the article")
    [f] = ambiguous_currency.check(one_doc(t, [f0]))
    assert (f.status, f.severity) == ("unverifiable", "warning")
    assert f.details["candidates"] == ("USD", "AUD", "CAD")
    assert ambiguous_currency.check(one_doc(t, [f0.replace(currency="USD", currency_candidates=())])) == []


def test_no_rate():
    t = "The deal was worth 5 billion roubles."
    base = fig(t, "5 billion roubles", "money", "5e9", currency="RUB", precision="1e9")
    missing = base.replace(to_currency="USD", date=Date(2023, 1, 5), rate_note="no RUB rate after 2022-03-01")
    priced = missing.replace(normalized_value=base.value, rate_note=None)
    [f] = no_rate.check(one_doc(t, [missing], date=Date(2023, 1, 5)))
    assert (f.status, f.severity) == ("unverifiable", "warning")
    assert "2022-03-01" in f.message
    assert no_rate.check(one_doc(t, [priced], date=Date(2023, 1, 5))) == []
    assert no_rate.check(one_doc(t, [base])) == []  # never normalized
