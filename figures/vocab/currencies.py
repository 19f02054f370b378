"""Currency markers the extractor reads: symbols, prefixed dollars, lower-case codes, names
written after the number, minor units, and the words that tell a document's currency.

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

from decimal import Decimal

# Symbols and prefixed symbols written before (or, for some, after) the number. Longest first is
# handled by the regex built in figures.extract.tokens. None means "a dollar/yen sign: resolve by context".
SYMBOLS: dict[str, str | None] = {
    "US$": "USD", "U.S.$": "USD", "$US": "USD", "USD$": "USD",
    "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "SG$": "SGD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "R$": "BRL", "NZ$": "NZD", "Mex$": "MXN",
    "MX$": "MXN", "CN¥": "CNY", "RMB¥": "CNY", "JP¥": "JPY", "J¥": "JPY",
    "$": None, "¥": None, "￥": None, "＄": None,
    "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₱": "PHP",
    "฿": "THB", "₫": "VND", "₦": "NGN", "₪": "ILS", "₴": "UAH", "₡": "CRC", "₾": "GEL",
    "₭": "LAK", "₸": "KZT", "₼": "AZN", "₮": "MNT", "₲": "PYG", "₵": "GHS", "₨": "PKR",
    "៛": "KHR",
    "元": "CNY", "人民币": "CNY", "港元": "HKD", "港币": "HKD", "美元": "USD", "円": "JPY",
    "ரூ": "LKR", "රු": "LKR", "Rmb": "CNY", "Rs.": "INR", "Rs": "INR", "Rp": "IDR", "RM": "MYR", "zł": "PLN", "Kč": "CZK",
    # House styles of regional papers: Gulf News "Dh", Arab News "SR", Kenyan papers "KSh",
    # Swiss francs "SFr".
    "Dh": "AED", "Dhs": "AED", "SR": "SAR", "KSh": "KES", "Ksh": "KES", "SFr": "CHF", "Sfr": "CHF",
}

# Lower-case, tokenized wire copy writes "us $ 10" and "hk $ 10.05 billion"; those prefixes are
# accepted case-insensitively only in front of an explicit "$". Single letters other than "c"
# are left out: "s $", "a $" and "r $" are as often a word and a bare dollar.
SPACED_DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "hk": "HKD", "nt": "TWD",
    "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "mex": "MXN",
}
# Symbols also written after the amount ("100 €", "100₾", "100,000 ₭", "50 zł"), glued or after
# one space. "$" and "¥" are not: "10 $" is rare and "¥" after a number is ambiguous.
SYMBOLS_AFTER = frozenset({
    "€", "£", "₹", "₩", "₽", "₺", "₱", "฿", "₫", "₦", "₪", "₴", "₡", "₾", "₭", "₸", "₼", "₮", "₲",
    "₵", "₨", "ரூ", "රු", "zł", "Kč",
    "៛",  # Cambodian riel, written after the amount: "4,000៛"
})

# Non-ISO abbreviations that newsrooms use as codes.
CODE_ALIASES: dict[str, str] = {"RMB": "CNY", "INR": "INR", "NTD": "TWD", "RUR": "RUB"}

# ISO codes that are also English words: only trusted outside all-caps headlines.
WORDLIKE_CODES = frozenset({
    "ALL", "TOP", "CUP", "PEN", "BOB", "SOS", "MOP", "MAD", "TRY", "GEL", "AMD", "ANG", "BAM",
    "CAD", "DOP", "FUN", "GYD", "HUF", "JOD", "LAK", "MUR", "NAD", "PAB", "SAR", "SEK", "WST", "ZAR", "AED", "ERN", "BIF", "BOV", "CHE", "CLF", "COU", "KES", "MGA",
})

# Lower-case codes accepted in tokenized text ("50 dollar 40 rmb"): unambiguous ones only.
LOWER_CODES = frozenset({
    "usd", "eur", "gbp", "jpy", "cny", "rmb", "hkd", "inr", "chf", "aud", "sgd", "krw", "twd",
    "nzd",
})

# Currency names written after the number (or after a scale word). Keys are lower case and may
# span words. A value of None means "a dollar: resolve by context"; a tuple lists candidates
# when the name alone cannot decide ("francs", "pesos").
CURRENCY_WORDS: dict[str, str | tuple[str, ...] | None] = {
    "dollar": None, "dollars": None, "bucks": None,
    "us dollar": "USD", "us dollars": "USD", "u.s. dollar": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "united states dollars": "USD",
    "hong kong dollar": "HKD", "hong kong dollars": "HKD", "hk dollars": "HKD",
    "singapore dollar": "SGD", "singapore dollars": "SGD",
    "australian dollar": "AUD", "australian dollars": "AUD",
    "canadian dollar": "CAD", "canadian dollars": "CAD",
    "new zealand dollar": "NZD", "new zealand dollars": "NZD",
    "taiwan dollar": "TWD", "taiwan dollars": "TWD", "new taiwan dollars": "TWD",
    "new taiwan dollar": "TWD",
    "yuan": "CNY", "renminbi": "CNY", "chinese yuan": "CNY", "rmb": "CNY", "kuai": "CNY",
    "yuan renminbi": "CNY", "offshore yuan": "CNH",
    "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
    "sterling": "GBP", "british pounds": "GBP",
    "yen": "JPY", "japanese yen": "JPY",
    "won": "KRW", "korean won": "KRW", "south korean won": "KRW",
    "rupee": "INR", "rupees": "INR", "indian rupees": "INR", "indian rupee": "INR",
    "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "nepalese rupees": "NPR",
    "swiss franc": "CHF", "swiss francs": "CHF", "francs": ("CHF", "XOF", "XAF"),
    "franc": ("CHF", "XOF", "XAF"),
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "lira": "TRY", "liras": "TRY", "turkish lira": "TRY",
    "baht": "THB", "dong": "VND", "ringgit": "MYR", "rand": "ZAR",
    "reais": "BRL", "brazilian real": "BRL", "brazilian reais": "BRL",
    "pesos": ("MXN", "PHP", "ARS", "CLP", "COP"), "mexican pesos": "MXN",
    "philippine pesos": "PHP", "argentine pesos": "ARS", "chilean pesos": "CLP",
    "colombian pesos": "COP",
    "krona": "SEK", "kronor": "SEK", "swedish kronor": "SEK", "swedish krona": "SEK",
    "norwegian kroner": "NOK", "norwegian crowns": "NOK", "danish kroner": "DKK",
    "danish crowns": "DKK", "kroner": ("NOK", "DKK"), "krone": ("NOK", "DKK"),
    "zloty": "PLN", "zlotys": "PLN", "forint": "HUF", "forints": "HUF",
    "koruna": "CZK", "czech crowns": "CZK", "rupiah": "IDR", "shekel": "ILS",
    "shekels": "ILS", "new shekels": "ILS", "dirham": "AED", "dirhams": "AED",
    "riyal": "SAR", "riyals": "SAR", "saudi riyals": "SAR", "naira": "NGN",
    "hryvnia": "UAH", "hryvnias": "UAH", "taka": "BDT", "cedi": "GHS", "cedis": "GHS",
    "leu": "RON", "lei": "RON", "lev": "BGN", "leva": "BGN", "tenge": "KZT",
    "kwacha": ("ZMW", "MWK"), "birr": "ETB", "dinar": ("KWD", "BHD", "JOD", "IQD", "RSD"),
    "dinars": ("KWD", "BHD", "JOD", "IQD", "RSD"),
    "kenyan shillings": "KES", "shillings": ("KES", "UGX", "TZS"),
}

# Hyphenated adjectival forms: "844-million-pound", "1.1 billion-euro", "$10-billion".
HYPHEN_CURRENCY: dict[str, str | None] = {
    "euro": "EUR", "pound": "GBP", "dollar": None, "yuan": "CNY", "yen": "JPY", "rupee": "INR",
    "won": "KRW", "franc": "CHF", "ruble": "RUB", "rouble": "RUB", "peso": None,
}

MINOR_UNITS: dict[str, tuple[str | None, Decimal]] = {
    # name -> (currency or None for context dollar, value of one unit in the major currency)
    "cent": (None, Decimal("0.01")), "cents": (None, Decimal("0.01")),
    "pence": ("GBP", Decimal("0.01")), "penny": ("GBP", Decimal("0.01")),
    "p": ("GBP", Decimal("0.01")),
}
# Minor units read only glued to the number ("50p"): a spaced "p" is a page or a letter.
GLUED_ONLY_MINOR = frozenset({"p"})

# Signals for resolving "$", "dollars" and "¥" from document context. Keys are matched as whole
# words, case-sensitively (country names are capitalised in news copy).
DOLLAR_COUNTRY_SIGNALS: dict[str, str] = {
    "Hong Kong": "HKD", "HKEX": "HKD", "Hang Seng": "HKD", "HKSAR": "HKD",
    "Australia": "AUD", "Australian": "AUD", "ASX": "AUD", "Sydney": "AUD", "Melbourne": "AUD",
    "Canada": "CAD", "Canadian": "CAD", "Toronto": "CAD", "TSX": "CAD", "Ottawa": "CAD",
    "Singapore": "SGD", "Singaporean": "SGD", "SGX": "SGD",
    "New Zealand": "NZD", "Auckland": "NZD", "Taiwan": "TWD", "Taiwanese": "TWD",
    "Taipei": "TWD", "Mexico": "MXN", "Mexican": "MXN",
}

US_SIGNALS = frozenset({
    "U.S.", "US", "United States", "America", "American", "Americans", "Wall Street", "Nasdaq",
    "NYSE", "Dow", "Federal Reserve", "Fed", "Washington", "New York", "Silicon Valley", "SEC",
    "Treasury", "California", "Texas",
})

CNY_SIGNALS = frozenset({
    "China", "Chinese", "yuan", "RMB", "renminbi", "Renminbi", "Beijing", "Shanghai", "Shenzhen",
    "CNY", "PBOC", "Guangzhou", "Hangzhou", "mainland",
})

JPY_SIGNALS = frozenset({
    "Japan", "Japanese", "yen", "Tokyo", "Nikkei", "JPY", "Osaka", "BOJ", "Topix",
})

GBP_SIGNALS = frozenset({
    "Britain", "British", "UK", "U.K.", "London", "FTSE", "sterling", "England", "English",
    "Scotland", "Wales", "£",
})
