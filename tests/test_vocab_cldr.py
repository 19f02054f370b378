"""figures/vocab/cldr_currencies.py: current with CLDR (drift check) and right on hand-picked facts."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from figures.vocab import cldr_currencies as cldr
from tests.conftest import REPO

BUILD = REPO / "scripts" / "build_vocab.py"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_vocab", BUILD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_vocab", module)
    spec.loader.exec_module(module)
    return module


def test_committed_module_is_what_babel_generates():
    babel = pytest.importorskip("babel", reason="Babel (test extra) is needed to regenerate")
    assert babel.__version__ == cldr.BABEL_VERSION, (
        f"Babel {babel.__version__} installed, module built from {cldr.BABEL_VERSION}: "
        "run python scripts/build_vocab.py and review the diff"
    )
    text = _build_module().render()
    committed = (REPO / "figures" / "vocab" / "cldr_currencies.py").read_text(encoding="utf-8")
    assert text == committed, "stale: run python scripts/build_vocab.py"


def test_current_codes_are_a_plausible_iso_4217_set():
    assert 140 <= len(cldr.CURRENT_CODES) <= 170
    assert all(len(c) == 3 and c.isupper() and c.isalpha() for c in cldr.CURRENT_CODES)
    for code in ("USD", "EUR", "JPY", "CNY", "INR", "ZAR", "KWD", "THB", "NGN", "XOF", "XAF"):
        assert code in cldr.CURRENT_CODES


@pytest.mark.parametrize(
    "code",
    # metals, funds, testing, IMF units, and currencies replaced before the reference date
    ["XAU", "XAG", "XPT", "XPD", "XTS", "XXX", "XDR", "XSU", "XUA", "BOV", "CHE", "CHW", "CLF",
     "COU", "MXV", "USN", "UYI", "UYW", "CNH", "HRK", "BGN", "SLL", "ANG", "ZWL", "VEF", "CUC"],
)  # fmt: skip
def test_non_money_and_retired_codes_are_not_current(code):
    assert code not in cldr.CURRENT_CODES


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("kuwaiti dinar", "KWD"),
        ("kuwaiti dinars", "KWD"),
        ("egyptian pound", "EGP"),
        ("egyptian pounds", "EGP"),
        ("baht", "THB"),
        ("thai baht", "THB"),
        ("naira", "NGN"),
        ("nigerian naira", "NGN"),
        ("rand", "ZAR"),
        ("south african rand", "ZAR"),
        ("yen", "JPY"),
        ("yuan", "CNY"),
        ("euros", "EUR"),
        ("us dollars", "USD"),
        ("ringgit", "MYR"),
        ("zloty", "PLN"),
        ("hryvnia", "UAH"),
        ("swiss francs", "CHF"),
        ("indian rupees", "INR"),
        ("pakistani rupees", "PKR"),
        ("kenyan shillings", "KES"),
        ("philippine pesos", "PHP"),
        ("icelandic krona", "ISK"),  # accents dropped, as newsrooms often print it
        ("bolivar", "VES"),
    ],
)
def test_names_that_settle_one_currency(name, code):
    assert cldr.NAMES[name] == code
    assert name not in cldr.AMBIGUOUS_NAMES


@pytest.mark.parametrize(
    ("word", "must_include"),
    [
        ("dollar", {"USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD"}),
        ("dollars", {"USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD"}),
        ("peso", {"MXN", "PHP", "ARS", "CLP", "COP"}),
        ("franc", {"CHF", "XOF", "XAF"}),
        ("rupees", {"INR", "PKR", "LKR", "NPR"}),
        ("pounds", {"GBP", "EGP"}),
        ("dinar", {"KWD", "IQD", "JOD"}),
        ("shillings", {"KES", "UGX", "TZS", "SOS"}),
        ("krona", {"SEK", "ISK"}),
        ("krone", {"NOK", "DKK"}),
        ("rial", {"IRR", "OMR", "YER"}),
        ("riyal", {"SAR", "QAR"}),
        ("won", {"KRW", "KPW"}),
    ],
)
def test_bare_words_shared_by_several_currencies_keep_candidates(word, must_include):
    assert word not in cldr.NAMES
    candidates = cldr.AMBIGUOUS_NAMES[word]
    assert must_include <= set(candidates)
    assert list(candidates) == sorted(set(candidates))


def test_shillings_are_exactly_the_four_east_african_ones():
    assert cldr.AMBIGUOUS_NAMES["shillings"] == ("KES", "SOS", "TZS", "UGX")


def test_every_name_points_at_a_current_code():
    assert set(cldr.NAMES.values()) <= cldr.CURRENT_CODES
    assert all(set(c) <= cldr.CURRENT_CODES for c in cldr.AMBIGUOUS_NAMES.values())
    assert all(k == k.lower() for k in (*cldr.NAMES, *cldr.AMBIGUOUS_NAMES))
    assert not set(cldr.NAMES) & set(cldr.AMBIGUOUS_NAMES)
    # "gold" alone is the metal, not Zimbabwe's ZWG
    assert "gold" not in cldr.NAMES and cldr.NAMES["zimbabwean gold"] == "ZWG"
    assert {"won", "pounds"} <= cldr.ENGLISH_WORD_NAMES


@pytest.mark.parametrize(
    ("code", "symbol"),
    [
        ("ZAR", "R"),  # en_ZA
        ("PKR", "Rs"),  # en_PK
        ("PHP", "₱"),
        ("KES", "Ksh"),  # en_KE
        ("NGN", "₦"),  # en_NG
        ("INR", "₹"),
        ("AUD", "$"),  # en_AU
        ("AUD", "A$"),  # en
        ("USD", "US$"),
        ("THB", "฿"),  # th_TH: the narrow form English lacks
        ("CZK", "Kč"),
        ("PLN", "zł"),
        ("KRW", "₩"),
        ("EUR", "€"),
        ("GBP", "£"),
        ("HKD", "HK$"),
        ("MYR", "RM"),
    ],
)
def test_symbols_from_english_and_territory_locales(code, symbol):
    assert symbol in cldr.SYMBOLS[code]
    assert code in cldr.SYMBOL_CODES[symbol]


@pytest.mark.parametrize("symbol", ["$", "¥", "kr", "Rs", "£", "K"])
def test_shared_symbols_are_marked_ambiguous(symbol):
    assert symbol in cldr.AMBIGUOUS_SYMBOLS
    assert len(cldr.SYMBOL_CODES[symbol]) > 1


def test_yen_sign_is_open_between_yen_and_yuan():
    assert cldr.SYMBOL_CODES["¥"] == ("CNY", "JPY")


def test_single_letters_are_money_only_under_a_locale():
    assert {"R", "P", "K"} <= cldr.LOCALE_ONLY_SYMBOLS
    assert all(len(s) == 1 and s.isalpha() for s in cldr.LOCALE_ONLY_SYMBOLS)
    assert "$" not in cldr.LOCALE_ONLY_SYMBOLS


@pytest.mark.parametrize(
    ("territory", "name", "currency", "decimal"),
    [
        ("ZA", "South Africa", "ZAR", ","),  # en_ZA prints a decimal comma
        ("PK", "Pakistan", "PKR", "."),
        ("TW", "Taiwan", "TWD", "."),
        ("IN", "India", "INR", "."),
        ("AU", "Australia", "AUD", "."),
        ("NZ", "New Zealand", "NZD", "."),
        ("DE", "Germany", "EUR", ","),
        ("BR", "Brazil", "BRL", ","),
        ("BG", "Bulgaria", "EUR", ","),  # the euro since 2026
        ("NA", "Namibia", "NAD", "."),  # its own dollar before the rand it also accepts
        ("US", "United States", "USD", "."),
    ],
)
def test_territory_currency_and_decimal_symbol(territory, name, currency, decimal):
    row = cldr.TERRITORIES[territory]
    assert row[:3] == (name, currency, decimal)
    assert cldr.TERRITORY_CURRENCIES[territory][0] == currency
    assert territory in cldr.CURRENCY_TERRITORIES[currency]


def test_swiss_english_groups_with_an_apostrophe():
    assert cldr.TERRITORIES["CH"][3] == "'"


@pytest.mark.parametrize(
    ("code", "digits"), [("USD", 2), ("JPY", 0), ("KWD", 3), ("BHD", 3), ("KRW", 0), ("EUR", 2)]
)
def test_minor_unit_digits(code, digits):
    assert cldr.MINOR_DIGITS[code] == digits


def test_module_is_pure_data():
    for name in dir(cldr):
        if name.startswith("__"):
            continue
        value = getattr(cldr, name)
        assert isinstance(value, str | dict | frozenset), name
