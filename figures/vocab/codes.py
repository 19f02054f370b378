"""ISO 4217 currency codes and their English names, withdrawn and market codes, and the
newsroom aliases that are not codes.

`ISO_CODES` holds the *current* alphabetic codes only, so the extractor never takes a random
three-letter word for a currency. Rate tables also meet withdrawn codes (the ECB series for CYP,
SIT, ROL ... run until the euro or a redenomination replaced them), so `KNOWN_CODES` adds those and
a few market codes (CNH) that newsrooms use: such a code gets an explicit "no rate" answer instead
of "unknown currency".

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

# Current ISO 4217 codes (list one, 2025/2026). XTS (testing) and XXX (no currency) are left out on
# purpose: they are reserved codes, never a figure in the news. BGN stays while the lev is still
# being withdrawn (euro since 2026-01-01); older withdrawn codes are in HISTORIC_NAMES.
CURRENT_NAMES: dict[str, str] = {
    "AED": "UAE dirham", "AFN": "Afghan afghani", "ALL": "Albanian lek",
    "AMD": "Armenian dram", "AOA": "Angolan kwanza", "ARS": "Argentine peso",
    "AUD": "Australian dollar", "AWG": "Aruban florin", "AZN": "Azerbaijani manat",
    "BAM": "Bosnia and Herzegovina convertible mark", "BBD": "Barbados dollar",
    "BDT": "Bangladeshi taka", "BGN": "Bulgarian lev", "BHD": "Bahraini dinar", "BIF": "Burundian franc",
    "BMD": "Bermudian dollar", "BND": "Brunei dollar", "BOB": "Bolivian boliviano",
    "BOV": "Bolivian Mvdol", "BRL": "Brazilian real", "BSD": "Bahamian dollar",
    "BTN": "Bhutanese ngultrum", "BWP": "Botswana pula", "BYN": "Belarusian ruble",
    "BZD": "Belize dollar", "CAD": "Canadian dollar", "CDF": "Congolese franc",
    "CHE": "WIR euro", "CHF": "Swiss franc", "CHW": "WIR franc",
    "CLF": "Chilean unit of account (UF)", "CLP": "Chilean peso", "CNY": "Chinese yuan renminbi",
    "COP": "Colombian peso", "COU": "Colombian unidad de valor real", "CRC": "Costa Rican colon",
    "CUP": "Cuban peso", "CVE": "Cape Verdean escudo", "CZK": "Czech koruna",
    "DJF": "Djiboutian franc", "DKK": "Danish krone", "DOP": "Dominican peso",
    "DZD": "Algerian dinar", "EGP": "Egyptian pound", "ERN": "Eritrean nakfa",
    "ETB": "Ethiopian birr", "EUR": "Euro", "FJD": "Fiji dollar",
    "FKP": "Falkland Islands pound", "GBP": "Pound sterling", "GEL": "Georgian lari",
    "GHS": "Ghanaian cedi", "GIP": "Gibraltar pound", "GMD": "Gambian dalasi",
    "GNF": "Guinean franc", "GTQ": "Guatemalan quetzal", "GYD": "Guyanese dollar",
    "HKD": "Hong Kong dollar", "HNL": "Honduran lempira", "HTG": "Haitian gourde",
    "HUF": "Hungarian forint", "IDR": "Indonesian rupiah", "ILS": "Israeli new shekel",
    "INR": "Indian rupee", "IQD": "Iraqi dinar", "IRR": "Iranian rial",
    "ISK": "Icelandic krona", "JMD": "Jamaican dollar", "JOD": "Jordanian dinar",
    "JPY": "Japanese yen", "KES": "Kenyan shilling", "KGS": "Kyrgyzstani som",
    "KHR": "Cambodian riel", "KMF": "Comoro franc", "KPW": "North Korean won",
    "KRW": "South Korean won", "KWD": "Kuwaiti dinar", "KYD": "Cayman Islands dollar",
    "KZT": "Kazakhstani tenge", "LAK": "Lao kip", "LBP": "Lebanese pound",
    "LKR": "Sri Lankan rupee", "LRD": "Liberian dollar", "LSL": "Lesotho loti",
    "LYD": "Libyan dinar", "MAD": "Moroccan dirham", "MDL": "Moldovan leu",
    "MGA": "Malagasy ariary", "MKD": "Macedonian denar", "MMK": "Myanmar kyat",
    "MNT": "Mongolian togrog", "MOP": "Macanese pataca", "MRU": "Mauritanian ouguiya",
    "MUR": "Mauritian rupee", "MVR": "Maldivian rufiyaa", "MWK": "Malawian kwacha",
    "MXN": "Mexican peso", "MXV": "Mexican unidad de inversion", "MYR": "Malaysian ringgit",
    "MZN": "Mozambican metical", "NAD": "Namibian dollar", "NGN": "Nigerian naira",
    "NIO": "Nicaraguan cordoba", "NOK": "Norwegian krone", "NPR": "Nepalese rupee",
    "NZD": "New Zealand dollar", "OMR": "Omani rial", "PAB": "Panamanian balboa",
    "PEN": "Peruvian sol", "PGK": "Papua New Guinean kina", "PHP": "Philippine peso",
    "PKR": "Pakistani rupee", "PLN": "Polish zloty", "PYG": "Paraguayan guarani",
    "QAR": "Qatari riyal", "RON": "Romanian leu", "RSD": "Serbian dinar",
    "RUB": "Russian ruble", "RWF": "Rwandan franc", "SAR": "Saudi riyal",
    "SBD": "Solomon Islands dollar", "SCR": "Seychelles rupee", "SDG": "Sudanese pound",
    "SEK": "Swedish krona", "SGD": "Singapore dollar", "SHP": "Saint Helena pound",
    "SLE": "Sierra Leonean leone", "SOS": "Somali shilling", "SRD": "Surinamese dollar",
    "SSP": "South Sudanese pound", "STN": "Sao Tome and Principe dobra",
    "SVC": "Salvadoran colon", "SYP": "Syrian pound", "SZL": "Swazi lilangeni",
    "THB": "Thai baht", "TJS": "Tajikistani somoni", "TMT": "Turkmenistani manat",
    "TND": "Tunisian dinar", "TOP": "Tongan pa'anga", "TRY": "Turkish lira",
    "TTD": "Trinidad and Tobago dollar", "TWD": "New Taiwan dollar", "TZS": "Tanzanian shilling",
    "UAH": "Ukrainian hryvnia", "UGX": "Ugandan shilling", "USD": "US dollar",
    "USN": "US dollar (next day)", "UYI": "Uruguay peso en unidades indexadas",
    "UYU": "Uruguayan peso", "UYW": "Uruguayan unidad previsional", "UZS": "Uzbekistani sum",
    "VED": "Venezuelan bolivar digital", "VES": "Venezuelan bolivar soberano",
    "VND": "Vietnamese dong", "VUV": "Vanuatu vatu", "WST": "Samoan tala",
    "XAF": "Central African CFA franc", "XAG": "Silver (troy ounce)",
    "XAU": "Gold (troy ounce)", "XBA": "European Composite Unit", "XBB": "European Monetary Unit",
    "XBC": "European Unit of Account 9", "XBD": "European Unit of Account 17",
    "XCD": "East Caribbean dollar", "XCG": "Caribbean guilder", "XDR": "Special drawing rights",
    "XOF": "West African CFA franc", "XPD": "Palladium (troy ounce)", "XPF": "CFP franc",
    "XPT": "Platinum (troy ounce)", "XSU": "SUCRE", "XUA": "ADB unit of account",
    "YER": "Yemeni rial", "ZAR": "South African rand", "ZMW": "Zambian kwacha",
    "ZWG": "Zimbabwe gold",
}

# Withdrawn codes still met in historical tables and archives (the ECB series among them).
HISTORIC_NAMES: dict[str, str] = {
    "ADP": "Andorran peseta", "ANG": "Netherlands Antillean guilder", "ATS": "Austrian schilling",
    "BEF": "Belgian franc", "BYR": "Belarusian ruble (2000-2016)",
    "CUC": "Cuban convertible peso", "CYP": "Cypriot pound", "DEM": "German mark",
    "EEK": "Estonian kroon", "ESP": "Spanish peseta", "FIM": "Finnish markka",
    "FRF": "French franc", "GRD": "Greek drachma", "HRK": "Croatian kuna",
    "IEP": "Irish pound", "ITL": "Italian lira", "LTL": "Lithuanian litas",
    "LUF": "Luxembourg franc", "LVL": "Latvian lats", "MRO": "Mauritanian ouguiya (pre-2018)",
    "MTL": "Maltese lira", "NLG": "Dutch guilder", "PTE": "Portuguese escudo",
    "ROL": "Romanian leu (pre-2005)", "SIT": "Slovenian tolar", "SKK": "Slovak koruna",
    "SLL": "Sierra Leonean leone (pre-2022)", "STD": "Sao Tome and Principe dobra (pre-2018)",
    "TRL": "Turkish lira (pre-2005)", "VEF": "Venezuelan bolivar fuerte", "XEU": "European Currency Unit",
    "ZWL": "Zimbabwean dollar",
}

# Market codes outside ISO 4217 that the extractor may resolve to.
MARKET_NAMES: dict[str, str] = {"CNH": "Chinese yuan (offshore)"}

# Newsroom abbreviations that are not ISO codes (the one alias table): the extractor reads them as
# the code they stand for ("RMB 10 billion"), and a user who gives one is told the right code.
ALIASES: dict[str, str] = {"RMB": "CNY", "NTD": "TWD", "RUR": "RUB", "UKP": "GBP", "STG": "GBP"}

ISO_CODES: frozenset[str] = frozenset(CURRENT_NAMES)

HISTORIC_CODES: frozenset[str] = frozenset(HISTORIC_NAMES)

KNOWN_CODES: frozenset[str] = ISO_CODES | HISTORIC_CODES | frozenset(MARKET_NAMES)

# Code -> English name (currencies.CURRENCY_WORDS goes the other way: a written name -> code).
CODE_NAMES: dict[str, str] = {**HISTORIC_NAMES, **MARKET_NAMES, **CURRENT_NAMES}
