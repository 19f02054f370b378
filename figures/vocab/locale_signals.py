"""Words that tell which country a news document was written in (the document locale), and the
currency markers whose meaning depends on it. Data only: dicts and frozensets, no logic.

Signals are matched case-sensitively as whole words (figures.extract.locale builds one trie from
these tables). Each kind carries a weight in figures.extract.locale: a dateline weighs most, an
exchange or a central bank next, a place or demonym least. A city also counts as a dateline when
written in capitals at the start of a line ("SYDNEY, May 2 (Reuters) -", "KARACHI:").
"""

from __future__ import annotations

# Cities that open datelines, and other places newsrooms name (regions, financial districts).
PLACES: dict[str, str] = {
    # Australia
    "Sydney": "AU", "Melbourne": "AU", "Brisbane": "AU", "Perth": "AU", "Adelaide": "AU",
    "Canberra": "AU", "Queensland": "AU", "New South Wales": "AU", "Victoria state": "AU",
    "Western Australia": "AU", "Tasmania": "AU", "Australia": "AU",
    # New Zealand
    "Wellington": "NZ", "Auckland": "NZ", "Christchurch": "NZ", "New Zealand": "NZ",
    # Canada
    "Toronto": "CA", "Ottawa": "CA", "Montreal": "CA", "Vancouver": "CA", "Calgary": "CA",
    "Quebec": "CA", "Alberta": "CA", "Ontario": "CA", "British Columbia": "CA", "Canada": "CA",
    # Singapore
    "Singapore": "SG", "Jurong": "SG",
    # Hong Kong, Taiwan
    "Hong Kong": "HK", "Kowloon": "HK", "HKSAR": "HK",
    "Taipei": "TW", "Kaohsiung": "TW", "Taichung": "TW", "Hsinchu": "TW", "Taiwan": "TW",
    # China, Japan, Korea
    "Beijing": "CN", "Shanghai": "CN", "Shenzhen": "CN", "Guangzhou": "CN", "Hangzhou": "CN",
    "Chongqing": "CN", "Wuhan": "CN", "China": "CN", "mainland": "CN",
    "Tokyo": "JP", "Osaka": "JP", "Nagoya": "JP", "Yokohama": "JP", "Japan": "JP",
    "Seoul": "KR", "Busan": "KR", "Ulsan": "KR", "Incheon": "KR", "South Korea": "KR",
    # South Asia
    "Karachi": "PK", "Lahore": "PK", "Islamabad": "PK", "Faisalabad": "PK", "Pakistan": "PK",
    "Mumbai": "IN", "New Delhi": "IN", "Delhi": "IN", "Bengaluru": "IN", "Bangalore": "IN",
    "Chennai": "IN", "Kolkata": "IN", "Hyderabad": "IN", "Pune": "IN", "Gujarat": "IN",
    "Maharashtra": "IN", "India": "IN",
    "Dhaka": "BD", "Bangladesh": "BD", "Colombo": "LK", "Sri Lanka": "LK",
    "Kathmandu": "NP", "Nepal": "NP",
    # Southeast Asia
    "Manila": "PH", "Makati": "PH", "Cebu": "PH", "Davao": "PH", "Luzon": "PH", "Mindanao": "PH",
    "Philippines": "PH",
    "Hanoi": "VN", "Ho Chi Minh City": "VN", "Saigon": "VN", "Vietnam": "VN",
    "Jakarta": "ID", "Indonesia": "ID", "Kuala Lumpur": "MY", "Malaysia": "MY",
    "Bangkok": "TH", "Thailand": "TH",
    # Africa
    "Johannesburg": "ZA", "Cape Town": "ZA", "Durban": "ZA", "Pretoria": "ZA", "Sandton": "ZA",
    "Rustenburg": "ZA", "Gauteng": "ZA", "South Africa": "ZA",
    "Nairobi": "KE", "Mombasa": "KE", "Kisumu": "KE", "Kenya": "KE",
    "Kampala": "UG", "Uganda": "UG", "Dar es Salaam": "TZ", "Tanzania": "TZ",
    "Lagos": "NG", "Abuja": "NG", "Ogun State": "NG", "Kano": "NG", "Nigeria": "NG",
    "Accra": "GH", "Ghana": "GH",
    "Cairo": "EG", "Alexandria": "EG", "Upper Egypt": "EG", "Egypt": "EG",
    "Lusaka": "ZM", "Zambia": "ZM", "Lilongwe": "MW", "Malawi": "MW",
    "Port Moresby": "PG", "Papua New Guinea": "PG",
    # Gulf
    "Dubai": "AE", "Abu Dhabi": "AE", "Sharjah": "AE", "United Arab Emirates": "AE", "UAE": "AE",
    "Riyadh": "SA", "Jeddah": "SA", "Saudi Arabia": "SA",
    # Europe, Americas
    "London": "GB", "Edinburgh": "GB", "Manchester": "GB", "Britain": "GB", "England": "GB",
    "Scotland": "GB", "Wales": "GB",
    "Frankfurt": "DE", "Berlin": "DE", "Munich": "DE", "Germany": "DE",
    "Dublin": "IE", "Galway": "IE", "Cork": "IE", "Ireland": "IE",
    "Paris": "FR", "Madrid": "ES", "Milan": "IT", "Rome": "IT", "Amsterdam": "NL",
    "Stockholm": "SE", "Sweden": "SE", "Oslo": "NO", "Norway": "NO", "Copenhagen": "DK",
    "Denmark": "DK", "Zurich": "CH", "Geneva": "CH", "Switzerland": "CH",
    "New York": "US", "Washington": "US", "Chicago": "US", "San Francisco": "US",
    "Silicon Valley": "US", "Texas": "US", "California": "US", "Ohio": "US",
    "Mexico City": "MX", "Mexico": "MX", "Sao Paulo": "BR", "Brazil": "BR",
}

# Demonyms and adjectives ("Australian", "Pakistani").
DEMONYMS: dict[str, str] = {
    "Australian": "AU", "Aussie": "AU", "New Zealander": "NZ", "Kiwi": "NZ", "Canadian": "CA",
    "Singaporean": "SG", "Taiwanese": "TW", "Chinese": "CN", "Japanese": "JP", "Korean": "KR",
    "Pakistani": "PK", "Indian": "IN", "Bangladeshi": "BD", "Sri Lankan": "LK", "Nepali": "NP",
    "Filipino": "PH", "Filipinos": "PH", "Philippine": "PH", "Vietnamese": "VN",
    "Indonesian": "ID", "Malaysian": "MY", "Thai": "TH", "South African": "ZA", "Kenyan": "KE",
    "Ugandan": "UG", "Tanzanian": "TZ", "Nigerian": "NG", "Ghanaian": "GH", "Egyptian": "EG",
    "Zambian": "ZM", "Malawian": "MW", "Emirati": "AE", "Saudi": "SA", "British": "GB",
    "Irish": "IE", "German": "DE", "Swedish": "SE", "Norwegian": "NO", "Danish": "DK",
    "Swiss": "CH", "Mexican": "MX", "Brazilian": "BR", "American": "US", "Americans": "US",
    "U.S.": "US", "United States": "US",
}

# Exchanges, indices, central banks and regulators (abbreviations as newsrooms write them).
INSTITUTIONS: dict[str, str] = {
    "ASX": "AU", "RBA": "AU", "Reserve Bank of Australia": "AU", "ASIC": "AU",
    "NZX": "NZ", "RBNZ": "NZ", "Reserve Bank of New Zealand": "NZ",
    "TSX": "CA", "Toronto Stock Exchange": "CA", "Bank of Canada": "CA",
    "SGX": "SG", "Singapore Exchange": "SG", "MAS": "SG",
    "HKEX": "HK", "Hang Seng": "HK", "HKMA": "HK",
    "TWSE": "TW", "Taiwan Stock Exchange": "TW", "TAIEX": "TW",
    "PBOC": "CN", "People's Bank of China": "CN", "CSRC": "CN", "Shanghai Stock Exchange": "CN",
    "Shenzhen Stock Exchange": "CN", "STAR Market": "CN",
    "BoJ": "JP", "BOJ": "JP", "Bank of Japan": "JP", "Nikkei": "JP", "Topix": "JP", "TOPIX": "JP",
    "Tokyo Stock Exchange": "JP",
    "KRX": "KR", "Korea Exchange": "KR", "KOSPI": "KR", "Kospi": "KR", "KOSDAQ": "KR",
    "Kosdaq": "KR", "BoK": "KR", "BOK": "KR", "Bank of Korea": "KR",
    "PSX": "PK", "Pakistan Stock Exchange": "PK", "SBP": "PK", "State Bank of Pakistan": "PK",
    "SECP": "PK",
    "BSE": "IN",  # (not "NSE": Mumbai's, Nairobi's and Lagos' old exchange all write it) "Sensex": "IN", "Nifty": "IN", "RBI": "IN",
    "Reserve Bank of India": "IN", "SEBI": "IN", "Sebi": "IN", "National Stock Exchange": "IN",
    "PSE": "PH", "Philippine Stock Exchange": "PH", "BSP": "PH", "Bangko Sentral": "PH",
    "HOSE": "VN", "HoSE": "VN", "VN-Index": "VN", "State Bank of Vietnam": "VN",
    "JSE": "ZA", "SARB": "ZA", "South African Reserve Bank": "ZA",
    "CBK": "KE", "Central Bank of Kenya": "KE", "Nairobi Securities Exchange": "KE",
    "NGX": "NG", "CBN": "NG", "Central Bank of Nigeria": "NG", "Nigerian Exchange": "NG",
    "ADX": "AE", "DFM": "AE", "Dubai Financial Market": "AE", "CBUAE": "AE",
    "EGX": "EG", "CBE": "EG", "Central Bank of Egypt": "EG",
    "Tadawul": "SA", "SAMA": "SA",
    "FTSE": "GB", "LSE": "GB", "London Stock Exchange": "GB", "BoE": "GB", "Bank of England": "GB",
    "Bundesbank": "DE", "DAX": "DE", "Euronext Dublin": "IE",
    "NYSE": "US", "Nasdaq": "US", "NASDAQ": "US", "Wall Street": "US", "Federal Reserve": "US",
    "Dow Jones": "US", "S&P 500": "US",
}

# Exchanges where a share price is quoted in the country's currency whatever the paper's
# locale: "Bluebonnet's Nasdaq shares closed at $41.20" is a US dollar price.
SHARE_PRICE_EXCHANGES: dict[str, str] = {
    "NYSE": "US", "Nasdaq": "US", "NASDAQ": "US", "Wall Street": "US",
}

# Markers that mean money only in some countries, and what they mean there. A bare marker in a
# document whose locale is none of these is not money (single letters) or stays open among the
# candidates listed (several letters, names). "$", "¥" and "pounds" are settled by
# figures.extract.locale with their own rules; "cents" follow the document's own currency.
LOCAL_MARKERS: dict[str, dict[str, str]] = {
    "Rs": {"PK": "PKR", "IN": "INR", "LK": "LKR", "NP": "NPR", "MU": "MUR", "SC": "SCR"},
    "Rs.": {"PK": "PKR", "IN": "INR", "LK": "LKR", "NP": "NPR", "MU": "MUR", "SC": "SCR"},
    "Sh": {"KE": "KES", "UG": "UGX", "TZ": "TZS", "SO": "SOS"},
    "Shs": {"KE": "KES", "UG": "UGX", "TZ": "TZS", "SO": "SOS"},
    "R": {"ZA": "ZAR"},
    "P": {"PH": "PHP", "BW": "BWP"},
    "K": {"PG": "PGK", "ZM": "ZMW", "MW": "MWK"},
    "N": {"NG": "NGN"},
    "W": {"KR": "KRW"},
    "Tk": {"BD": "BDT"},
    "LE": {"EG": "EGP"},
    "kr": {"SE": "SEK", "NO": "NOK", "DK": "DKK", "IS": "ISK"},
}
# Of those, the markers that are money only where the locale says so (elsewhere "P8" or "W54"
# is a model name or a grid reference); the others stay open among their candidates.
LOCALE_ONLY_MARKERS = frozenset({"R", "P", "K", "N", "W", "Tk", "LE", "kr"})
# Marker candidates when the locale is unknown, in the order a finding lists them.
MARKER_CANDIDATES: dict[str, tuple[str, ...]] = {
    "Rs": ("PKR", "INR", "LKR", "NPR", "MUR", "SCR"),
    "Rs.": ("PKR", "INR", "LKR", "NPR", "MUR", "SCR"),
    "Sh": ("KES", "TZS", "UGX", "SOS"),
    "Shs": ("KES", "TZS", "UGX", "SOS"),
    "$": ("USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD"),
    "¥": ("CNY", "JPY"),
}
# Dollars that newsrooms write with a prefix, by country: a document that prints its own
# country's prefix ("C$" in Toronto) uses the bare "$" for the US dollar (wire style).
DOLLAR_CURRENCIES = frozenset({
    "USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD", "BND", "FJD", "JMD", "TTD", "BBD", "BSD",
    "BZD", "LRD", "NAD", "SBD", "XCD", "GYD", "SRD", "KYD", "BMD",
})
# Currencies whose minor unit English copy calls "cents" ("c" glued: "512,3c").
CENT_CURRENCIES = DOLLAR_CURRENCIES | frozenset({"ZAR", "EUR", "KES", "UGX", "TZS", "LKR", "MUR", "SCR"})
# Countries whose currency English copy calls "pounds".
POUND_COUNTRIES: dict[str, str] = {"GB": "GBP", "EG": "EGP", "SD": "SDG", "SS": "SSP", "LB": "LBP",
                                   "SY": "SYP", "GI": "GIP", "FK": "FKP"}
# Scale words that point at South Asia: "crore" and "lakh" (India, Pakistan, Bangladesh, Nepal).
SOUTH_ASIAN_SCALES = frozenset({"crore", "crores", "lakh", "lakhs", "cr", "Cr"})

# Currency names that point at one country when written as words ("the yuan weakened").
CURRENCY_NAME_SIGNALS: dict[str, str] = {
    "yuan": "CN", "renminbi": "CN", "Renminbi": "CN", "RMB": "CN", "yen": "JP", "sterling": "GB",
    "rand": "ZA", "naira": "NG", "ringgit": "MY", "baht": "TH", "rupiah": "ID", "dong": "VN",
}
# Wire-service credits after a dateline: "(Reuters) -", "(CNA)".
WIRE_CREDITS = frozenset({"Reuters", "AP", "AFP", "Bloomberg", "CNA", "PTI", "IANS", "APP", "Xinhua",
                          "Kyodo", "Yonhap", "AAP", "Bernama", "PNA", "KUNA", "WAM"})
