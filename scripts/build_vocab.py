"""Generate figures/vocab/cldr_currencies.py from the CLDR data shipped with Babel.

Babel is a test/build dependency only: the generated module is committed, so the installed
package never imports Babel (the same arrangement as price-parser's generated data module).

    python scripts/build_vocab.py            # rewrite the module
    python scripts/build_vocab.py --check    # exit 1 if the committed module is stale

tests/test_vocab_cldr.py regenerates the text in memory and compares it with the committed file.
"""

from __future__ import annotations

import argparse
import datetime
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "figures" / "vocab" / "cldr_currencies.py"

# Fixed so that the output does not change with the day the script runs; move it forward
# deliberately (and regenerate) when CLDR records a currency change.
# (2026-06-01: after Bulgaria's lev stopped being legal tender on 2026-01-31.)
REFERENCE_DATE = datetime.date(2026, 6, 1)

# Codes that are not a country's money even when CLDR lists them for a territory:
# precious metals, fund and accounting units, the testing and "no currency" codes.
NOT_MONEY = frozenset(
    {
        "XAU", "XAG", "XPT", "XPD",  # metals
        "XTS", "XXX",  # testing, no currency
        "XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD",  # IMF/regional units
        "BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "USS", "UYI", "UYW",  # funds
        "CNH",  # offshore yuan: a market, not a second currency of China
    }
)  # fmt: skip

# Currency words that are far more often ordinary English: never a bare name on their own
# ("gold" is ZWG's CLDR name). The full CLDR name ("Zimbabwean gold") stays.
NOT_A_BARE_NAME = frozenset({"gold"})

# Bare currency words that are also common English words ("won 3 seats", "a real gain",
# "5 pounds of flour"): money only beside a number or a currency qualifier.
ENGLISH_WORDS = frozenset({"mark", "marks", "pound", "pounds", "real", "sol", "won"})

# Bidi controls that some locales wrap around symbols; they are invisible in print.
_BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c"))


def _clean(symbol: str) -> str:
    return symbol.translate(_BIDI).strip()


def current_territory_currencies() -> dict[str, tuple[str, ...]]:
    """Territory -> legal-tender currencies at REFERENCE_DATE, CLDR's order (main first)."""
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    result = {}
    for territory in sorted(get_global("territory_currencies")):
        codes = [
            code
            for code in get_territory_currencies(territory, REFERENCE_DATE, tender=True)
            if code not in NOT_MONEY
        ]
        if codes and territory.isalpha():  # numeric keys are UN regions, not countries
            # The territory's own currency first (ISO 4217 codes start with the territory:
            # NAD before ZAR in Namibia, BTN before INR in Bhutan), else CLDR's order.
            codes.sort(key=lambda code: not code.startswith(territory))
            result[territory] = tuple(codes)
    return result


def _english_locale(territory: str):
    """The territory's English locale if CLDR has one, else its most likely locale."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    try:
        return Locale("en", territory)
    except UnknownLocaleError:
        pass
    likely = get_global("likely_subtags").get(f"und_{territory}")
    if likely:
        try:
            return Locale.parse(likely)
        except (UnknownLocaleError, ValueError):
            pass
    return Locale("en")


def _own_locales(territory: str) -> list:
    """Locales of the territory's official languages that CLDR has data for."""
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    languages = get_global("territory_languages").get(territory, {})
    found = []
    for language in sorted(languages):
        if not languages[language].get("official_status"):
            continue
        try:
            found.append(Locale.parse(f"{language}_{territory}"))
        except (UnknownLocaleError, ValueError):
            continue
    return found


def _fold(text: str) -> str:
    """Without accents, as many newsrooms print them: 'króna' -> 'krona'."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ʻ", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _head(name: str) -> str:
    """The currency word of an English name: 'Kuwaiti dinars' -> 'dinars', 'CFA franc BEAC' -> 'franc'."""
    words = [w for w in name.replace("(", " ( ").split() if w]
    if "(" in words:
        words = words[: words.index("(")]
    while len(words) > 1 and words[-1].isupper():
        words.pop()
    return words[-1].lower()


def build() -> dict[str, object]:
    """Every table of the module, as plain sorted data."""
    import babel
    from babel import Locale
    from babel.core import get_global
    from babel.numbers import get_currency_name, get_currency_precision

    english = Locale("en")
    by_territory = current_territory_currencies()
    codes = sorted({code for row in by_territory.values() for code in row})

    currency_territories: dict[str, list[str]] = defaultdict(list)
    for territory, row in by_territory.items():
        for code in row:
            currency_territories[code].append(territory)

    # Names: the full CLDR forms, then the bare currency word where it names one currency.
    full: dict[str, str] = {}
    heads: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        forms = {
            get_currency_name(code, locale=english),
            get_currency_name(code, count=1, locale=english),
            get_currency_name(code, count=2, locale=english),
        }
        for form in forms:
            if form == code:
                continue
            for key in {form.lower(), _fold(form.lower())}:
                if full.get(key, code) != code:
                    raise SystemExit(f"CLDR gives the full name {form!r} to two codes")
                full[key] = code
                if _head(key) not in NOT_A_BARE_NAME:
                    heads[_head(key)].add(code)
    names = dict(full)
    ambiguous_names: dict[str, tuple[str, ...]] = {}
    for head, owners in heads.items():
        if head in full:
            continue
        if len(owners) == 1:
            names[head] = next(iter(owners))
        else:
            ambiguous_names[head] = tuple(sorted(owners))

    # Symbols: English, the territories' English locales, then the territories' own locales
    # (Babel 2.x does not carry CLDR's alt="narrow" symbols; the local symbol is where the
    # narrow forms such as '฿', 'Kč', 'zł', '₽' appear).
    en_symbols = {}
    symbols: dict[str, set[str]] = defaultdict(set)
    territory_symbol: dict[str, str] = {}
    territory_locale = {}
    for code in codes:
        symbol = _clean(english.currency_symbols.get(code, code))
        en_symbols[code] = symbol
        if symbol != code:
            symbols[code].add(symbol)
    for territory, row in by_territory.items():
        main = row[0]
        locale = _english_locale(territory)
        territory_locale[territory] = locale
        symbol = _clean(locale.currency_symbols.get(main, main))
        territory_symbol[territory] = symbol
        for code in row:
            local = _clean(locale.currency_symbols.get(code, code))
            if local != code:
                symbols[code].add(local)
        for own in _own_locales(territory):
            for code in row:
                local = _clean(own.currency_symbols.get(code, code))
                if local and local != code:
                    symbols[code].add(local)
    symbol_codes: dict[str, set[str]] = defaultdict(set)
    for code, found in symbols.items():
        for symbol in found:
            symbol_codes[symbol].add(code)

    territories = {}
    for territory, row in by_territory.items():
        locale = territory_locale[territory]
        latn = locale.number_symbols.get("latn", english.number_symbols["latn"])
        territories[territory] = (
            english.territories.get(territory, territory),
            row[0],
            latn["decimal"],
            latn["group"],
            str(locale),
        )

    return {
        "BABEL_VERSION": babel.__version__,
        "CLDR_VERSION": str(get_global("cldr").get("version", "")),
        "REFERENCE_DATE": REFERENCE_DATE.isoformat(),
        "CURRENT_CODES": frozenset(codes),
        "NAMES": names,
        "AMBIGUOUS_NAMES": ambiguous_names,
        "ENGLISH_WORD_NAMES": frozenset(
            k for k in (*names, *ambiguous_names) if k in ENGLISH_WORDS
        ),
        "EN_SYMBOLS": en_symbols,
        "SYMBOLS": {code: tuple(sorted(found)) for code, found in symbols.items()},
        "SYMBOL_CODES": {s: tuple(sorted(owners)) for s, owners in symbol_codes.items()},
        "AMBIGUOUS_SYMBOLS": frozenset(s for s, owners in symbol_codes.items() if len(owners) > 1),
        "LOCALE_ONLY_SYMBOLS": frozenset(
            s for s in symbol_codes if len(s) == 1 and s.isascii() and s.isalpha()
        ),
        "TERRITORY_CURRENCIES": {t: row for t, row in by_territory.items()},
        "TERRITORY_SYMBOL": territory_symbol,
        "TERRITORIES": territories,
        "CURRENCY_TERRITORIES": {c: tuple(sorted(ts)) for c, ts in currency_territories.items()},
        "MINOR_DIGITS": {code: get_currency_precision(code) for code in codes},
    }


_DOCS = {
    "CURRENT_CODES": "ISO 4217 codes that are legal tender in some territory on REFERENCE_DATE ({n}).",
    "NAMES": "Lower-cased English name (singular, plural, display) -> the one code it names.",
    "AMBIGUOUS_NAMES": "Bare currency words shared by several current codes -> candidates; a\n"
    "# document locale or a qualifier ('Kuwaiti') must settle them.",
    "ENGLISH_WORD_NAMES": "Bare names that are also common English words ('won', 'pounds'):\n"
    "# money only beside a number or a qualifier.",
    "EN_SYMBOLS": "Code -> symbol in CLDR's 'en' locale (the code itself where English has none).",
    "SYMBOLS": "Code -> every symbol CLDR gives it in English locales and in its territories'\n"
    "# own locales (where the narrow forms appear), the bare code excluded.",
    "SYMBOL_CODES": "Symbol -> the codes it may stand for.",
    "AMBIGUOUS_SYMBOLS": "Symbols shared by several codes ('$', '¥', 'kr', 'Rs'...).",
    "LOCALE_ONLY_SYMBOLS": "Single ASCII letters ('R', 'P', 'K'...): money only under a document\n"
    "# locale whose currency uses them.",
    "TERRITORY_CURRENCIES": "Territory -> its legal-tender currencies, the main one first.",
    "TERRITORY_SYMBOL": "Territory -> the symbol its English (or main) locale prints for its currency.",
    "TERRITORIES": "Territory -> (English name, main currency, decimal symbol, group symbol,\n"
    "# locale the number conventions come from: the English locale where CLDR has one).",
    "CURRENCY_TERRITORIES": "Code -> territories where it is legal tender.",
    "MINOR_DIGITS": "Code -> digits of the minor unit (CLDR currency fractions).",
}


def _literal(value: object) -> str:
    """A deterministic Python literal: sets sorted, dicts in key order, one entry a line."""
    if isinstance(value, frozenset):
        items = [repr(item) for item in sorted(value)]
        lines, line = [], "   "
        for item in items:
            if len(line) + len(item) + 2 > 96:
                lines.append(line)
                line = "   "
            line += f" {item},"
        lines.append(line)
        return "frozenset(\n    {\n" + "\n".join(" " * 4 + ln for ln in lines) + "\n    }\n)"
    if isinstance(value, dict):
        entries = [f"    {key!r}: {value[key]!r}," for key in sorted(value)]
        return "{\n" + "\n".join(entries) + "\n}"
    return repr(value)


def render(tables: dict[str, object] | None = None) -> str:
    """The module text."""
    tables = build() if tables is None else tables
    codes = tables["CURRENT_CODES"]
    assert isinstance(codes, Iterable)
    lines = [
        '"""Currency and territory vocabulary from CLDR (generated: do not edit by hand).',
        "",
        f"Generated by scripts/build_vocab.py from Babel {tables['BABEL_VERSION']} "
        f"(CLDR {tables['CLDR_VERSION']}),",
        f"legal tender as of {tables['REFERENCE_DATE']}. Regenerate with:",
        "",
        "    pip install babel && python scripts/build_vocab.py",
        "",
        "Newsroom forms CLDR lacks (Rs, Rmb, bn, crore, 'U.S. dollars') are hand entries",
        "elsewhere in figures.vocab, not here.",
        '"""',
        "",
    ]
    for key, value in tables.items():
        doc = _DOCS.get(key)
        if doc:
            lines.append("# " + doc.format(n=len(list(codes))))
        lines.append(f"{key} = {_literal(value)}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the module is stale")
    args = parser.parse_args(argv)
    try:
        text = render()
    except ImportError:
        print("build_vocab: Babel is missing; install it with `pip install babel`", file=sys.stderr)
        return 2
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            print(f"build_vocab: {OUTPUT} is stale; run python scripts/build_vocab.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT} ({len(text)} chars)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
