"""Word lists the extractor looks up by key. Dicts and frozensets only: the extractor does a
handful of O(1) look-ups per numeral instead of a tokenizer pass or a huge regex alternation."""

from __future__ import annotations

from decimal import Decimal

# ---- currency markers -----------------------------------------------------------------------

# Symbols and prefixed symbols written before (or, for some, after) the number. Longest first is
# handled by the regex built in extract.py. None means "a dollar/yen sign: resolve by context".
DOLLAR = "$"
YEN_SIGN = "¥"
SYMBOLS: dict[str, str | None] = {
    "US$": "USD", "U.S.$": "USD", "$US": "USD", "USD$": "USD",
    "HK$": "HKD", "NT$": "TWD", "S$": "SGD", "SG$": "SGD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "Can$": "CAD", "R$": "BRL", "NZ$": "NZD", "Mex$": "MXN",
    "MX$": "MXN", "CN¥": "CNY", "RMB¥": "CNY", "JP¥": "JPY", "J¥": "JPY",
    "$": None, "¥": None, "￥": None, "＄": None,
    "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₱": "PHP",
    "฿": "THB", "₫": "VND", "₦": "NGN", "₪": "ILS", "₴": "UAH", "₡": "CRC", "₾": "GEL",
    "₭": "LAK", "₸": "KZT", "₼": "AZN", "₮": "MNT", "₲": "PYG", "₵": "GHS", "₨": "PKR",
    "元": "CNY", "人民币": "CNY", "港元": "HKD", "港币": "HKD", "美元": "USD", "円": "JPY",
    "ரூ": "LKR", "රු": "LKR", "Rmb": "CNY", "Rs.": "INR", "Rs": "INR", "Rp": "IDR", "RM": "MYR", "zł": "PLN", "Kč": "CZK",
    # House styles of regional papers: Gulf News "Dh", Arab News "SR", Kenyan papers "KSh",
    # Swiss francs "SFr".
    "Dh": "AED", "Dhs": "AED", "SR": "SAR", "KSh": "KES", "Ksh": "KES", "SFr": "CHF", "Sfr": "CHF",
}
# Lower-case, tokenized wire copy writes "us $ 10" and "hk $ 10.05 billion"; those prefixes are
# accepted case-insensitively only in front of an explicit "$".
SPACED_DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "u.s.": "USD", "u.s": "USD", "hk": "HKD", "nt": "TWD", "s": "SGD",
    "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "r": "BRL", "nz": "NZD", "mex": "MXN",
}

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
CURRENCY_NAMES: dict[str, str | tuple[str, ...] | None] = {
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

# ---- scale ----------------------------------------------------------------------------------

# Scale words after a number, keyed by their written (case-sensitive where it matters) form.
SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3, "thousands": 10**3, "k": 10**3, "K": 10**3,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6, "M": 10**6,
    "MM": 10**6, "mil": 10**6, "mio": 10**6,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "B": 10**9,
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12, "trn": 10**12, "tril": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5, "L": 10**5,
    "crore": 10**7, "crores": 10**7, "cr": 10**7, "Cr": 10**7,
    "lakh crore": 10**12, "lakh crores": 10**12, "lakh cr": 10**12,
    "万": 10**4, "亿": 10**8, "千": 10**3, "百万": 10**6, "千万": 10**7, "万亿": 10**12,
    "hundred": 10**2,
}
# Scale words that are single letters or tiny abbreviations: only accepted glued to the number
# or before a currency word, never as a free-standing word ("5 m" is usually metres).
GLUED_ONLY_SCALES = frozenset({"k", "K", "m", "M", "b", "B", "L"})

# ---- qualifiers and directions --------------------------------------------------------------

# Adverbial qualifiers that stand directly before the figure and belong to its span.
QUALIFIERS_IN_SPAN: dict[str, str] = {
    "about": "approx", "around": "approx", "nearly": "approx", "almost": "approx",
    "roughly": "approx", "approximately": "approx", "approx.": "approx", "approx": "approx",
    "some": "approx", "circa": "approx", "c.": "approx", "~": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "just under": "lt", "just over": "gt",
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt", "upwards of": "gt",
    "north of": "gt", "well over": "gt", "well above": "gt",
    "at least": "ge", "no less than": "ge", "not less than": "ge", "a minimum of": "ge",
    "less than": "lt", "fewer than": "lt", "under": "lt", "below": "lt", "well below": "lt",
    "up to": "le", "at most": "le", "no more than": "le", "not more than": "le",
    "as much as": "le", "as many as": "le", "a maximum of": "le",
}
# Verbs and prepositions that qualify the figure but stay outside its span.
QUALIFIERS_OUTSIDE: dict[str, str] = {
    "exceeded": "gt", "exceeds": "gt", "exceed": "gt", "exceeding": "gt", "surpassed": "gt",
    "surpass": "gt", "topped": "gt", "tops": "gt", "top": "gt",
    "within": "le",
}
DIRECTION_WORDS: dict[str, str] = {
    "up": "up", "rose": "up", "rise": "up", "rises": "up", "rising": "up", "risen": "up",
    "gained": "up", "gain": "up", "gains": "up", "climbed": "up", "climbs": "up",
    "jumped": "up", "jumps": "up", "surged": "up", "surges": "up", "soared": "up",
    "increased": "up", "increase": "up", "increases": "up", "grew": "up", "grown": "up",
    "grows": "up", "expanded": "up", "added": "up", "advanced": "up", "rallied": "up",
    "higher": "up",
    "down": "down", "fell": "down", "fall": "down", "falls": "down", "fallen": "down",
    "falling": "down", "dropped": "down", "drops": "down", "declined": "down",
    "declines": "down", "decreased": "down", "decrease": "down", "decreases": "down",
    "plunged": "down", "plummeted": "down", "slid": "down", "slumped": "down", "sank": "down",
    "tumbled": "down", "shrank": "down", "lost": "down", "lower": "down", "eased": "down",
    "dipped": "down", "cut": "down", "reduced": "down", "lowered": "down", "slashed": "down",
    "raised": "up", "hiked": "up", "lifted": "up", "boosted": "up",
}

# ---- nouns ----------------------------------------------------------------------------------

TIME_UNITS: dict[str, str] = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "month": "month", "months": "month", "week": "week", "weeks": "week",
    "day": "day", "days": "day", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "minute": "minute", "minutes": "minute", "mins": "minute",
    "seconds": "second", "decade": "decade", "decades": "decade", "century": "century",
    "centuries": "century", "quarters": "quarter", "sessions": "session",
}
# Modifiers that become part of a time unit: "23 trading days" -> "trading day".
TIME_MODIFIERS = frozenset({"trading", "business", "working", "calendar", "school", "fiscal"})

# Irregular plurals and mass nouns that count people or things.
IRREGULAR_NOUNS: dict[str, str] = {
    "people": "person", "persons": "person", "staff": "person", "personnel": "person",
    "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "mice": "mouse", "geese": "goose", "teeth": "tooth", "sheep": "sheep",
    "fish": "fish", "deer": "deer", "aircraft": "aircraft", "series": "series",
    "species": "species", "headcount": "person", "workforce": "person",
    "employees": "employee", "units": "unit", "shares": "share", "sales": "sale",
    "buses": "bus", "gases": "gas", "lenses": "lens", "viruses": "virus", "bonuses": "bonus",
    "campuses": "campus", "analyses": "analysis", "crises": "crisis", "theses": "thesis",
    "statuses": "status", "censuses": "census", "indices": "index", "matrices": "matrix",
}
# Words ending in "s" that are not plural nouns.
NOT_PLURAL = frozenset({
    "is", "was", "has", "as", "us", "its", "this", "his", "hers", "thus", "plus", "less",
    "unless", "across", "always", "perhaps", "yes", "whereas", "towards", "besides", "news",
    "does", "goes", "says", "makes", "takes", "gives", "shows", "comes", "seems", "means",
    "remains", "includes", "becomes", "needs", "wants", "gets", "ours", "yours", "theirs",
    "various", "previous", "famous", "serious", "numerous", "enormous", "obvious", "nervous",
    "analysis", "basis", "crisis", "status", "bonus", "campus", "virus", "focus", "census",
    "consensus", "bus", "gas", "chaos", "thanks", "afterwards", "sometimes", "nevertheless",
    "hits", "plans", "aims", "expects", "reports", "adds", "notes", "sees",
})
# Function words: never a counted noun, never a model name.
STOPWORDS = frozenset("""
a an the this that these those there their they them it its he she his her we our you your i
me my of in on at to for from by with without into onto over under about above below between
among through during before after since until till upon per via than then and or nor but so yet
if as is are was were be been being am do does did done has have had having will would shall
should can could may might must not no yes also already still even just only very more most
less least much many few such each every either neither both all any some other another own
same which who whom whose what when where why how while whereas although though because
compared according including like unlike versus vs respectively year-on-year year-over-year
again ago later earlier now today yesterday tomorrow around nearly almost roughly approximately
about annually respectively apiece each per cent percent
""".split())

MONTHS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. sept.
oct. nov. dec.
""".split())

# Words before a numeral that make it a rank, ordinal position or identifier, not a figure.
RANK_WORDS = frozenset({
    "top", "no.", "no", "number", "#", "ranked", "rank", "ranking", "ranks", "bottom", "grade",
    "level", "phase", "chapter", "article", "section", "page", "item", "rule", "room", "route",
    "flight", "gate", "platform", "version", "v", "season", "episode", "vol.", "volume", "step",
    "part", "round", "stage", "tier", "gen", "generation", "model", "class", "type", "category",
    "figure", "table", "line", "exhibit", "schedule", "note", "form", "code", "zone", "lane",
    "ward", "district", "floor", "unit", "block", "building", "row", "act",
})
# Left context meaning the number is a year, not a count ("in 2024", "fiscal 2021").
YEAR_CONTEXT = frozenset({
    "in", "since", "by", "of", "from", "to", "until", "till", "before", "after", "during",
    "fiscal", "fy", "year", "the", "for", "early", "late", "mid", "around", "through", "end",
    "summer", "winter", "spring", "autumn", "fall", "circa", "christmas",
}) | MONTHS

# Counted nouns that often appear in singular after "1"/"one"/"a" or are units of stock.
PER_UNITS: dict[str, str] = {
    "share": "share", "year": "year", "annum": "year", "month": "month", "day": "day",
    "week": "week", "hour": "hour", "quarter": "quarter", "person": "person",
    "capita": "person", "head": "person", "unit": "unit", "vehicle": "vehicle",
    "car": "vehicle", "barrel": "barrel", "tonne": "tonne", "ton": "ton", "ounce": "ounce",
    "kg": "kg", "kilogram": "kg", "litre": "litre", "liter": "litre", "gallon": "gallon",
    "kwh": "kWh", "mwh": "MWh", "square metre": "square metre", "square meter": "square metre",
    "square foot": "square foot", "sq ft": "square foot", "dozen": "dozen", "item": "item",
    "ticket": "ticket", "night": "night", "household": "household", "employee": "employee",
    "customer": "customer", "user": "user", "subscriber": "subscriber", "piece": "piece",
}
# Adverbs that mean "per year" etc.
PER_ADVERBS: dict[str, str] = {
    "annually": "year", "yearly": "year", "a year": "year", "per year": "year",
    "per annum": "year", "each year": "year", "every year": "year", "a month": "month",
    "monthly": "month", "per month": "month", "each month": "month", "a day": "day",
    "daily": "day", "per day": "day", "each day": "day", "a week": "week", "weekly": "week",
    "per week": "week", "a share": "share", "per share": "share", "each share": "share",
    "an hour": "hour", "per hour": "hour", "a head": "person", "per head": "person",
    "per capita": "person", "per person": "person", "apiece": "unit", "a piece": "unit",
    "per unit": "unit", "a barrel": "barrel", "per barrel": "barrel", "a ton": "ton",
    "per ton": "ton", "a tonne": "tonne", "per tonne": "tonne", "an ounce": "ounce",
    "per ounce": "ounce", "a dozen": "dozen", "per vehicle": "vehicle", "per car": "vehicle",
}

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
