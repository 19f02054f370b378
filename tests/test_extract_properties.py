"""Hypothesis properties of `figures.extract`.

(a) A rendered money expression (amount x currency style x scale x qualifier x template) comes
    back as exactly one money figure with the right value, currency, qualifier and span.
(b) On arbitrary text, extract never raises and every figure's offsets index the original text.
(c) Numbers written with thousands separators (Western and Indian grouping) parse back to the
    same Decimal, with precision equal to the place value of the last written digit.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, note, settings
from hypothesis import strategies as st

import figures
from figures.model import Kind

SETTINGS = settings(max_examples=200, deadline=None)

# ---------------------------------------------------------------------------------------------
# Lexicon for the generated sentences: only markers whose currency needs no context.
# ---------------------------------------------------------------------------------------------

ISO_CODES: dict[str, str] = {  # code as written -> ISO 4217
    "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY",
    "INR": "INR", "KRW": "KRW", "HKD": "HKD", "CHF": "CHF", "SGD": "SGD", "AUD": "AUD",
    "CAD": "CAD",
}
SYMBOLS: dict[str, str] = {  # symbol as written -> ISO 4217; "$" alone is USD with no context
    "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "HK$": "HKD",
    "S$": "SGD", "A$": "AUD", "C$": "CAD", "NT$": "TWD", "R$": "BRL",
}
NAMES: dict[str, str] = {  # name as written (after the number) -> ISO 4217
    "yuan": "CNY", "renminbi": "CNY", "euros": "EUR", "yen": "JPY", "won": "KRW",
    "Indian rupees": "INR", "dollars": "USD", "US dollars": "USD", "Hong Kong dollars": "HKD",
    "Swiss francs": "CHF", "Singapore dollars": "SGD", "pounds sterling": "GBP",
}
SCALES: dict[str, tuple[str, Decimal]] = {  # key -> (as written, factor)
    "none": ("", Decimal(1)),
    "thousand": (" thousand", Decimal(10) ** 3),
    "million": (" million", Decimal(10) ** 6),
    "billion": (" billion", Decimal(10) ** 9),
    "bn": ("bn", Decimal(10) ** 9),
    "m": ("m", Decimal(10) ** 6),
}
QUALIFIERS: dict[str, str | None] = {
    "": None, "about": "approx", "more than": "gt", "less than": "lt", "nearly": "approx",
}
COMPANIES = ("Acme Holdings", "Globex", "Initech", "Northwind Traders", "Contoso")
TEMPLATES = (
    "{co} reported net income of {x}.",
    "{co} agreed to pay {x} for the stake.",
    "The deal, valued at {x}, is expected to close next year.",
    "Analysts expect {co} to raise {x} from the listing.",
    "{co} said on Monday it had set aside {x} for restructuring.",
    "{X} was set aside by {co} for restructuring.",  # the expression opens the sentence
)


@st.composite
def amounts(draw) -> Decimal:
    """A Decimal with 0-2 decimals between 1 and 999,999 (trailing zeros kept as written)."""
    places = draw(st.integers(0, 2))
    units = draw(st.integers(10**places, 999_999 * 10**places))
    return Decimal(units).scaleb(-places)


@st.composite
def money_sentences(draw):
    amount = draw(amounts())
    style = draw(st.sampled_from(["iso_before", "iso_after", "symbol", "name"]))
    scale_written, factor = SCALES[draw(st.sampled_from(sorted(SCALES)))]
    qualifier_text = draw(st.sampled_from(sorted(QUALIFIERS)))
    number = format(amount, ",") + scale_written
    if style == "iso_before":
        code = draw(st.sampled_from(sorted(ISO_CODES)))
        space = draw(st.sampled_from(["", " "]))
        expr, iso = f"{code}{space}{number}", ISO_CODES[code]
    elif style == "iso_after":
        code = draw(st.sampled_from(sorted(ISO_CODES)))
        expr, iso = f"{number} {code}", ISO_CODES[code]
    elif style == "symbol":
        symbol = draw(st.sampled_from(sorted(SYMBOLS)))
        expr, iso = f"{symbol}{number}", SYMBOLS[symbol]
    else:
        name = draw(st.sampled_from(sorted(NAMES)))
        expr, iso = f"{number} {name}", NAMES[name]
    if qualifier_text:
        expr = f"{qualifier_text} {expr}"
    template = draw(st.sampled_from(TEMPLATES))
    company = draw(st.sampled_from(COMPANIES))
    span = expr[:1].upper() + expr[1:] if template.startswith("{X}") else expr
    sentence = template.format(co=company, x=span, X=span)
    return sentence, span, amount * factor, iso, QUALIFIERS[qualifier_text]


@SETTINGS
@given(money_sentences())
def test_rendered_money_round_trips(drawn):
    sentence, span, value, iso, qualifier = drawn
    note(f"sentence={sentence!r}")
    found = figures.extract(sentence)
    note(f"extracted={[(f.text, str(f.kind), f.value, f.currency, f.qualifier) for f in found]}")
    money = [f for f in found if f.kind == Kind.MONEY]
    assert len(money) == 1, f"expected one money figure in {sentence!r}, got {money}"
    f = money[0]
    assert sentence[f.start:f.end] == f.text
    assert f.text == span
    assert isinstance(f.value, Decimal)
    assert f.value == value
    assert f.currency == iso
    assert f.qualifier == qualifier


# ---------------------------------------------------------------------------------------------
# (b) offsets on arbitrary text
# ---------------------------------------------------------------------------------------------

TOKENS = (
    " ", " ", " ", "\n", "\t", "\u00a0", "\u3000", ",", ".", "-", "–", "/", "(", ")", ":", "%",
    "'", "’", "“", "”", "$", "US$", "HK$", "$US", "NT$", "€", "£", "¥", "₹", "₩", "元", "港元",
    "人民币", "万", "亿", "RMB", "USD", "Rs", "Rs.", "INR", "Cr", "yuan", "yen", "won", "euros",
    "dollars", "pounds", "rupees", "thousand", "million", "billion", "trillion", "billions",
    "k", "m", "mn", "MM", "bn", "b", "tn", "lakh", "crore", "lakh crore", "about", "nearly",
    "more than", "over", "up to", "at least", "less than", "within", "between", "and", "to",
    "or", "rose", "fell", "up", "down", "per share", "/share", "a share", "per year", "a year",
    "annually", "percent", "per cent", "basis points", "times", "half", "a quarter", "people",
    "vehicles", "tons", "km", "years", "trading days", "days", "-strong", "-year", "Model",
    "iPhone", "x86", "2024", "1810.HK", "10:30", "one", "two", "three", "ten", "hundreds of",
    "of", "the", "Xiaomi", "\U0001f4c8", "e\u0301",
)
numerals = st.from_regex(r"\A[0-9]{1,7}([.,][0-9]{1,3}){0,3}\Z")
pieces = st.one_of(st.sampled_from(TOKENS), numerals, st.text(max_size=4))
texts = st.lists(pieces, max_size=40).map("".join)


@SETTINGS
@given(texts)
def test_offsets_index_the_original_text(text):
    found = figures.extract(text)
    assert isinstance(found, list)
    for f in found:
        assert isinstance(f.start, int) and isinstance(f.end, int)
        assert 0 <= f.start < f.end <= len(text), (f.start, f.end, len(text))
        assert text[f.start:f.end] == f.text
        assert f.kind in set(Kind)
        for name in ("value", "low", "high", "precision"):
            v = getattr(f, name)
            assert v is None or isinstance(v, Decimal), f"{name}={v!r} is not a Decimal"
        assert f.value is not None or (f.low is not None and f.high is not None)


@SETTINGS
@given(texts)
def test_extract_is_deterministic(text):
    assert figures.extract(text) == figures.extract(text)


# ---------------------------------------------------------------------------------------------
# (c) thousands separators
# ---------------------------------------------------------------------------------------------


def indian_grouping(amount: Decimal) -> str:
    """1234567.5 -> '12,34,567.5': the last three digits, then groups of two."""
    whole, _, frac = format(amount, "f").partition(".")
    head, tail = whole[:-3], whole[-3:]
    groups = []
    while head:
        groups.insert(0, head[-2:])
        head = head[:-2]
    out = ",".join([*groups, tail])
    return f"{out}.{frac}" if frac else out


big_amounts = st.builds(
    lambda units, places: Decimal(units).scaleb(-places),
    st.integers(1, 10**12),
    st.integers(0, 2),
).filter(lambda d: d >= 1)


def _one_money(sentence: str, span: str):
    found = figures.extract(sentence)
    note(f"sentence={sentence!r} extracted={[(f.text, f.value, f.currency) for f in found]}")
    money = [f for f in found if f.kind == Kind.MONEY]
    assert len(money) == 1, f"expected one money figure in {sentence!r}, got {money}"
    f = money[0]
    assert f.text == span
    return f


@SETTINGS
@given(big_amounts)
def test_thousands_separators_round_trip(amount):
    span = "$" + format(amount, ",")
    f = _one_money(f"The company paid {span} in cash.", span)
    assert f.value == amount
    assert f.currency == "USD"


@SETTINGS
@given(big_amounts)
def test_indian_grouping_round_trips(amount):
    span = "Rs " + indian_grouping(amount)
    f = _one_money(f"The Mumbai company paid {span} in cash.", span)
    assert f.value == amount
    assert f.currency == "INR"


@SETTINGS
@given(big_amounts)
def test_precision_is_last_written_digit(amount):
    span = "$" + format(amount, ",")
    f = _one_money(f"The company paid {span} in cash.", span)
    assert f.precision == Decimal(10) ** amount.as_tuple().exponent


def test_indian_grouping_helper():
    assert indian_grouping(Decimal("124000")) == "1,24,000"
    assert indian_grouping(Decimal("12500000")) == "1,25,00,000"
    assert indian_grouping(Decimal("1234567.50")) == "12,34,567.50"
    assert indian_grouping(Decimal("999")) == "999"
