"""Currency markers the extractor reads: symbols, prefixed dollars, lower-case codes, names
written after the number, minor units, and the words that tell a document's currency.

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

from decimal import Decimal

from figures.vocab import cldr_currencies as cldr

# Every character that is a currency sign in some CLDR symbol (Unicode category Sc).
_CURRENCY_SIGNS = frozenset("$¢£¤¥֏؋৲৳৻૱௹฿៛₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹₺₻₼₽₾₿﷼﹩＄￠￡￥￦")

# Symbols and prefixed symbols written before (or, for some, after) the number. Longest first is
# handled by the regex built in figures.extract.tokens. None means "a dollar/yen sign: resolve by
# context". CLDR gives most of them (CLDR_SYMBOLS below); these are the newsroom forms CLDR lacks
# or reads otherwise.
HAND_SYMBOLS: dict[str, str | None] = {
    "U.S.$": "USD", "USD$": "USD",  # US wire and filing styles
    "S$": "SGD", "SG$": "SGD", "AU$": "AUD", "Can$": "CAD", "Mex$": "MXN",  # regional papers
    "TT$": "TTD", "J$": "JMD", "BDS$": "BBD", "Bds$": "BBD",  # Caribbean papers (CLDR: "$")
    "C$": "CAD",  # CLDR: Nicaraguan cordoba; in English news C$ is the Canadian dollar
    # A code glued to the dollar sign (shop and wire styles): "AUD$300", "CAD$40", "$A31.40",
    # "$NZ 300 million", "$C2.1 billion" (Australian and Canadian papers put the letter after).
    "AUD$": "AUD", "CAD$": "CAD", "CAN$": "CAD", "NZD$": "NZD", "SGD$": "SGD", "HKD$": "HKD",
    "$A": "AUD", "$NZ": "NZD", "$C": "CAD",
    "RMB¥": "CNY", "JP¥": "JPY", "J¥": "JPY",
    "$": None, "¥": None, "￥": None, "＄": None,  # settled by the document (currency_context)
    "£": "GBP",  # CLDR: shared with FKP, GIP, SHP, SSP; English news means sterling
    "₨": "PKR", "₵": "GHS",  # CLDR writes GH₵ for the cedi; papers write ₵ alone too
    "元": "CNY", "人民币": "CNY", "港元": "HKD", "港币": "HKD", "美元": "USD", "円": "JPY",
    "ரூ": "LKR", "රු": "LKR", "Rmb": "CNY",
    "£E": "EGP", "E£": "EGP",  # Egyptian papers
    "đ": "VND",  # Vietnamese papers write the dong's letter before the amount: "đ15,000"
    "Rp": "IDR", "RM": "MYR", "zł": "PLN", "Kč": "CZK",  # CLDR has them, under local locales only
    # House styles of regional papers: Gulf News "Dh", Arab News "SR" (CLDR: Seychelles), Kenyan
    # papers "KSh", Swiss francs "SFr".
    "Dh": "AED", "Dhs": "AED", "SR": "SAR", "KSh": "KES", "Ksh": "KES", "SFr": "CHF", "Sfr": "CHF",
}
# CLDR symbols that name one currency and cannot be read as a word: those with a currency sign
# ("RD$", "GH₵", "৳") and those in other scripts ("сом"). Latin-letter symbols ("Ft", "Br",
# "Le") are left out: they are words or units in English text; single letters ("R", "P") wait
# for a document locale (cldr.LOCALE_ONLY_SYMBOLS).
CLDR_SYMBOLS: dict[str, str] = {
    sym: codes[0] for sym, codes in cldr.SYMBOL_CODES.items()
    if len(codes) == 1 and sym not in cldr.AMBIGUOUS_SYMBOLS and sym not in cldr.LOCALE_ONLY_SYMBOLS
    and sym.isprintable() and not any(ch.isspace() or ch == "\u200b" for ch in sym)
    and (sym.endswith("$") or any(ch in _CURRENCY_SIGNS for ch in sym) or not any(ch.isascii() for ch in sym))
}
# Local markers: money only in some countries, settled by the document locale (figures.extract.
# locale; their meanings are in figures.vocab.locale_signals.LOCAL_MARKERS). The value is the
# marker the extractor records. Single letters are read only glued to the number ("R68.40").
LOCAL_SYMBOLS: dict[str, str] = {
    "Rs": "Rs", "Rs.": "Rs",  # CLDR: LKR / MUR, PKR; Indian and Pakistani papers both write Rs
    "Sh": "Sh", "Shs": "Shs",  # Kenyan, Ugandan, Tanzanian shillings
    "R": "R", "P": "P", "K": "K", "N": "N", "W": "W", "Tk": "Tk", "LE": "LE", "kr": "kr",
}
SYMBOLS: dict[str, str | None] = {**CLDR_SYMBOLS, **HAND_SYMBOLS, **{m: None for m in LOCAL_SYMBOLS}}

# Lower-case, tokenized wire copy writes "us $ 10" and "hk $ 10.05 billion"; those prefixes are
# accepted case-insensitively only in front of an explicit "$". Single letters other than "c"
# are left out: "s $", "a $" and "r $" are as often a word and a bare dollar.
SPACED_DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "hk": "HKD", "nt": "TWD",
    "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "mex": "MXN",
    "usd": "USD", "aud": "AUD", "cad": "CAD", "nzd": "NZD", "sgd": "SGD", "hkd": "HKD",
}
# Symbols also written after the amount ("100 €", "100₾", "100,000 ₭", "50 zł"), glued or after
# one space: the signs of SYMBOLS_AFTER_SIGNS, every CLDR symbol in a script other than Latin
# (CLDR_SYMBOLS), and the local abbreviations of LOCAL_SYMBOLS_AFTER. None is a dollar or yen
# sign ("10 $", "120 ¥"): settled by the document; a tuple lists candidates.
SYMBOLS_AFTER_SIGNS = frozenset({
    "€", "£", "₹", "₩", "₽", "₺", "₱", "฿", "₫", "₦", "₪", "₴", "₡", "₾", "₭", "₸", "₼", "₮", "₲",
    "₵", "₨", "ரூ", "රු", "zł", "Kč", "$", "¥", "￥", "＄",
    "៛",  # Cambodian riel, written after the amount: "4,000៛"
})
# How local print writes the currency after the amount (price tags, shop and wire copy in the
# local script or abbreviation). Latin abbreviations are kept to those no English word or unit
# shares in that letter case ("Ft" is forint, "ft" stays feet; no "KM", "MT", "BD" (bedrooms),
# "FG" (field goals), "RF", "UM", "DT", "LD", "Ks", "ID" or "Re").
LOCAL_SYMBOLS_AFTER: dict[str, str | tuple[str, ...]] = {
    # Cyrillic
    "руб.": "RUB", "руб": "RUB", "р.": "RUB", "Р": "RUB", "рублей": "RUB", "грн.": "UAH",
    "грн": "UAH", "лв.": "BGN", "лв": "BGN", "тг": "KZT", "ден": "MKD", "ДЕН": "MKD",
    "дин": "RSD", "Дин": "RSD", "дин.": "RSD", "км": "BAM",
    # Arabic script
    "تومان": "IRR", "ريال": ("IRR", "OMR", "QAR", "SAR", "YER"), "جنيه": ("EGP", "LBP", "SDG", "SYP"),
    "درهم": ("AED", "MAD"), "دينار": ("BHD", "DZD", "IQD", "JOD", "KWD", "LYD", "TND"),
    "دينار كويتي": "KWD", "دينار أردني": "JOD", "ر.س": "SAR", "دج": "DZD", "د.ج": "DZD",
    "د.ب": "BHD", "د.ك": "KWD", "ل.د": "LYD", "د.ل": "LYD", "ع.د": "IQD",
    "د.ع": "IQD", "د.إ": "AED", "ج.م": "EGP", "د.ت": "TND", "د.أ": "JOD", "د.ا": "JOD",
    "د.م": "MAD", "ر.ع": "OMR", "ر.ق": "QAR", "ل.س": "SYP", "ل.ل": "LBP", "ر.ي": "YER",
    "ش.ص": "SOS", "ش.ج": "ILS", "ج.س": "SDG", "ج.س.": "SDG", "نافكا": "ERN",
    # Other scripts and signs
    "원": "KRW", "圆": "CNY", "圓": ("TWD", "HKD", "CNY"), "ლ": "GEL", "ლარი": "GEL", "ናቕፋ": "ERN",
    "ש״ח": "ILS", 'ש"ח': "ILS", "đ": "VND", "VNĐ": "VND", "￡": "GBP", "￦": "KRW",
    "﷼": ("IRR", "OMR", "QAR", "SAR", "YER"), "ƒ": ("AWG", "XCG"), "E£": "EGP", "Sʻ": "UZS",
    "so'm": "UZS", "R₣": "RWF",
    # Latin abbreviations of local print (CLDR's local symbols and newsroom forms)
    "Tk": "BDT", "RM": "MYR", "TL": "TRY", "Ft": "HUF", "KD": "KWD", "LD": "LYD",
    "FBu": "BIF", "Fbu": "BIF", "Fdj": "DJF", "Nfk": "ERN", "CFA": ("XAF", "XOF"),
    "FCFA": ("XAF", "XOF"), "Rf": "MVR", "Db": "STN", "TSh": "TZS", "USh": "UGX",
    "KSh": "KES", "KShs": "KES", "VT": "VUV", "Vt": "VUV", "ZK": "ZMW", "GFr": "GNF",
    "FRw": "RWF", "Esc": "CVE", "Nu.": "BTN", "Nu": "BTN", "Lek": "ALL",
    "Ar": "MGA", "MK": "MWK", "Br": ("BYN", "ETB"), "Bs": ("BOB", "VES"), "SFr": "CHF",
    "Fr.": "CHF", "Rbl": "RUB", "din": "RSD", "hrn": "UAH", "kwz": "AOA", "NIS": "ILS",
    "nis": "ILS", "stg": "GBP", "zl": "PLN", "Zł": "PLN", "Dh": "AED", "Dhs": "AED",
    "B/.": "PAB", "S/.": "PEN", "S/": "PEN", "BZ$": "BZD", "G$": "GYD", "GY$": "GYD",
    "Z$": "ZWG", "$U": "UYU", "$b": "BOB",
}
SYMBOLS_AFTER: dict[str, str | tuple[str, ...] | None] = {
    **{sym: code for sym, code in CLDR_SYMBOLS.items() if not any(ch.isascii() and ch.isalpha() for ch in sym)},
    **{sym: code for sym, code in SYMBOLS.items() if sym[:-1].isalpha() and sym[-1] == "$" and code},  # "1 NT$"
    **LOCAL_SYMBOLS_AFTER,
    **{sym: SYMBOLS[sym] for sym in SYMBOLS_AFTER_SIGNS},
}

# Currencies written with a plain "$" sign: a code after "$" names one of them ("$40 AUD").
DOLLAR_CODES = frozenset({
    "USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD", "MXN", "ARS", "CLP", "COP", "BRL", "UYU",
    "BSD", "BBD", "BZD", "BMD", "BND", "KYD", "FJD", "GYD", "JMD", "LRD", "NAD", "SBD", "SRD",
    "TTD", "XCD", "CUP", "DOP", "TOP", "NIO", "MOP", "BOB",
})

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
#
# CLDR gives the names of every current currency, singular and plural (CLDR_CURRENCY_WORDS
# below); this table holds only the newsroom forms CLDR lacks ("bucks", "renminbi", "sterling",
# "roubles", "reais") and the readings that differ from CLDR's: CLDR leaves "pounds" open, which
# British usage settles (a document locale relabels it: Cairo's pounds), and "dollar" waits for
# the document (currency_context). Names CLDR shares among several currencies ("rupees",
# "riyals", "dirhams", "francs", "pesos", "dinars") keep all of CLDR's candidates: the document
# locale settles them when its currency is one of them (currency_context), else they stay open.
HAND_CURRENCY_WORDS: dict[str, str | tuple[str, ...] | None] = {
    "dollar": None, "dollars": None, "bucks": None,
    "u.s. dollar": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "united states dollars": "USD",
    "hk dollars": "HKD",
    "taiwan dollar": "TWD", "taiwan dollars": "TWD",
    "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY",
    "yuan renminbi": "CNY", "offshore yuan": "CNH",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "pound sterling": "GBP",
    "sterling": "GBP",
    "won": "KRW", "korean won": "KRW",
    "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "liras": "TRY",
    "reais": "BRL", "brazilian reais": "BRL",
    "krona": "SEK",
    "norwegian crowns": "NOK",
    "danish crowns": "DKK",
    "czech crowns": "CZK",
    "new shekels": "ILS",
    "leu": "RON", "lei": "RON", "lev": "BGN", "leva": "BGN",
}
# CLDR names that are English words or units before they are money: never read as currency.
NOT_CURRENCY_WORDS = cldr.ENGLISH_WORD_NAMES | frozenset({
    "colon", "colons",  # punctuation and anatomy ("Costa Rican colon" is still read)
    "dram", "drams",  # a unit of weight and volume ("Armenian dram" is still read)
    "kip", "kips",  # a unit of force in engineering ("Lao kip" is still read)
    "real", "reals", "sol", "soles", "mark", "marks",
})
CLDR_CURRENCY_WORDS: dict[str, str | tuple[str, ...]] = {
    **{name: code for name, code in cldr.NAMES.items() if name not in NOT_CURRENCY_WORDS},
    **{name: codes for name, codes in cldr.AMBIGUOUS_NAMES.items() if name not in NOT_CURRENCY_WORDS},
}
CURRENCY_WORDS: dict[str, str | tuple[str, ...] | None] = {**CLDR_CURRENCY_WORDS, **HAND_CURRENCY_WORDS}

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
    "paise": ("INR", Decimal("0.01")),  # "Rs 10 and 50 paise"
    "Ac": ("AUD", Decimal("0.01")),  # Australian papers: "21Ac" (21 Australian cents)
}
# Minor units read only glued to the number ("50p"): a spaced "p" is a page or a letter.
GLUED_ONLY_MINOR = frozenset({"p", "Ac"})

