"""What a figure measures, and the words that name a claim's subject, object and period (data).

A claim is (subject, measure, object, period, kind/unit); `figures.checks.claims` reads it from
the words around each figure with these tables. Keys are lower-case words or two-word phrases;
values are the measure they name. Synonyms share a measure ("invest", "earmark", "put ... into"
are one capital-spending claim); measures a desk keeps apart stay apart (operating and net
profit, orders and revenue, the market price and an offer price, capex and dividends).
"""

from __future__ import annotations

from figures.vocab.stop_words import STOPWORDS, WEEKDAYS

# two-word phrases first: they win over their single words ("net profit" is not "profit")
MEASURE_PHRASES: dict[str, str] = {
    "operating profit": "operating_profit", "operating income": "operating_profit",
    "operating loss": "operating_profit", "pre-tax profit": "pretax_profit",
    "pretax profit": "pretax_profit", "net profit": "net_profit", "net income": "net_profit",
    "net loss": "net_profit", "share price": "share_price", "stock price": "share_price",
    "closed at": "share_price", "market value": "value", "market cap": "value",
    "order book": "orders", "order intake": "orders", "a share": "offer_price",
    "per share": "offer_price", "interest income": "interest_income",
}

MEASURE_WORDS: dict[str, str] = {
    # capital spending: one claim whether it is called investing, spending or a programme
    "invest": "spend", "invests": "spend", "invested": "spend", "investing": "spend",
    "investment": "spend", "investments": "spend", "earmark": "spend", "earmarked": "spend",
    "earmarks": "spend", "put": "spend", "spend": "spend", "spending": "spend", "spent": "spend",
    "capex": "spend", "programme": "spend", "program": "spend", "plan": "spend",
    "upgrade": "spend", "upgrades": "spend", "expansion": "spend", "outlay": "spend",
    "allocate": "spend", "allocated": "spend", "commit": "spend", "committed": "spend",
    "budget": "budget", "budgets": "budget",
    "revenue": "revenue", "revenues": "revenue", "sales": "revenue", "turnover": "revenue",
    "profit": "profit", "profits": "profit", "earnings": "profit",
    "dividend": "dividend", "dividends": "dividend", "payout": "dividend",
    "jobs": "jobs", "job": "jobs", "employs": "jobs", "employ": "jobs", "employed": "jobs",
    "employees": "jobs", "staff": "jobs", "workforce": "jobs", "workers": "jobs",
    "headcount": "jobs", "people": "jobs", "hire": "jobs", "hiring": "jobs",
    "order": "orders", "orders": "orders", "ordered": "orders", "booked": "orders",
    "aircraft": "orders", "jets": "orders", "planes": "orders", "trains": "orders",
    "capacity": "capacity", "megawatts": "capacity", "megawatt": "capacity",
    "gigawatt": "capacity", "gigawatts": "capacity", "mw": "capacity", "gw": "capacity",
    "tonnes": "capacity", "tons": "capacity", "vehicles": "capacity", "cars": "capacity",
    "units": "capacity", "output": "capacity", "produce": "capacity", "production": "capacity",
    # what something costs or is worth: a price paid, a bid, a deal's value, a valuation
    "price": "value", "priced": "value", "bid": "value", "paid": "value", "pay": "value",
    "paying": "value", "valuation": "value", "valued": "value", "values": "value",
    "value": "value", "worth": "value", "deal": "value", "transaction": "value",
    "buy": "buy", "buying": "buy", "acquire": "buy", "acquiring": "buy", "bought": "buy",
    "offer": "offer_price", "offering": "offer_price", "offered": "offer_price",
    "stake": "stake", "holding": "stake", "holds": "stake", "hold": "stake", "own": "stake",
    "contract": "contract", "package": "spend", "putting": "spend", "fund": "spend",
    "round": "funding", "positions": "jobs", "roles": "jobs", "create": "jobs",
    "homes": "homes", "houses": "homes", "passengers": "passengers", "ridership": "passengers",
    "debt": "debt", "loan": "debt", "loans": "debt", "borrowing": "debt",
    "raised": "funding", "raise": "funding", "funding": "funding",
}

# words that describe a subject rather than name it: dropped from the front of a name
# ("Rival carmaker Sahyadri Motors", "Utility Rheinfeld Energie") and, after "the", they refer
# back to the last named subject ("the carmaker", "the group")
SUBJECT_NOUNS = frozenset("""
company group carmaker automaker firm utility lender bank operator airline maker miner startup
start-up broker insurer retailer rival unit subsidiary business manufacturer supplier developer
builder conglomerate giant producer biotech grocer brand chain insurer investor buyer seller
metro rail train payroll software utility state province county government ministry council
operator owner parent partner shareholder chipmaker drugmaker explorer
""".split())

# a possessive name followed by one of these names a different subject: the group's subsidiary
SUBSIDIARY_WORDS = frozenset({"subsidiary", "unit", "arm", "division", "affiliate", "branch",
                              "venture", "subsidiaries"})

# capitalised words that are not names: the stop words, weekdays, and these (the months written
# out only: "Jun" and "Jan" are names too)
NOT_NAMES = STOPWORDS | WEEKDAYS | frozenset("""
january february march april may june july august september october november december
here however meanwhile despite last next average construction growth total revenue sales profit
shares chief managing minister executive director president officer finance mr ms mrs dr
rs rmb us eur usd gbp jpy inr cny ksh kes sgd zar ngn php aud cad
one two three four five six seven eight nine ten
""".split())

# object nouns: "<Name> plant", "Line 3", "phase one"
OBJECT_NOUNS = frozenset({"plant", "plants", "site", "factory", "facility", "works", "mine",
                          "line", "project", "terminal", "port", "campus", "refinery", "store",
                          "hospital", "hospitals", "field", "farm"})

# period words (lower case) and the key they give; years and "over N years" are read by pattern
PERIOD_WORDS: dict[str, str] = {
    "first-quarter": "q1", "second-quarter": "q2", "third-quarter": "q3", "fourth-quarter": "q4",
    "first quarter": "q1", "second quarter": "q2", "third quarter": "q3", "fourth quarter": "q4",
    "first half": "h1", "second half": "h2", "first-half": "h1", "second-half": "h2",
    "now": "now", "currently": "now", "a year earlier": "prior", "year earlier": "prior",
    "a year ago": "prior", "last year": "last_year", "this year": "this_year",
    "next year": "next_year", "annual": "", "in january": "m1", "in february": "m2",
    "in march": "m3", "in april": "m4", "in may": "m5", "in june": "m6", "in july": "m7",
    "in august": "m8", "in september": "m9", "in october": "m10", "in november": "m11",
    "in december": "m12",
}

# an adjective of a place names the same subject as the place ("the Welsh Government", "Wales")
SUBJECT_ALIASES: dict[str, str] = {
    "welsh": "wales", "scottish": "scotland", "british": "britain", "english": "england",
    "irish": "ireland", "japanese": "japan", "chinese": "china", "indian": "india",
    "french": "france", "german": "germany", "spanish": "spain", "italian": "italy",
    "dutch": "netherlands", "kenyan": "kenya", "nigerian": "nigeria", "ghanaian": "ghana",
    "australian": "australia", "canadian": "canada", "mexican": "mexico",
    "brazilian": "brazil", "chilean": "chile", "malaysian": "malaysia",
    "singaporean": "singapore", "philippine": "philippines", "filipino": "philippines",
    "slovenian": "slovenia", "victorian": "victoria", "portuguese": "portugal",
}

# Governments named by their place ("the Karnataka government", "Maharashtra's cabinet", "Kano
# State") and the descriptions that refer back to them ("the state", "the cabinet"):
# figures.checks.subjects.
GOV_NOUNS = frozenset({"government", "cabinet", "ministry", "department", "administration",
                       "treasury", "council", "municipality"})
# the last word of a name that makes it a government or its place: "Kano State", "Welsh
# Government", "Quezon City", "Hokkaido Prefecture"
PLACE_HEADS = frozenset({"state", "province", "city", "county", "government", "prefecture",
                         "region", "territory", "municipality", "emirate"})
# adjectives of a description's level: "the federal government" is a country's, "the state
# government" a state's or province's
GOV_LEVEL_NATIONAL = frozenset({"federal", "central", "national", "union"})
GOV_LEVEL_LOCAL = frozenset({"state", "provincial", "regional", "city", "municipal", "county",
                             "local", "metropolitan", "prefectural"})
# portfolios between "the" and the noun: "the finance ministry", "the public works department"
GOV_PORTFOLIOS = frozenset({"finance", "public", "works", "health", "education", "transport",
                            "roads", "energy", "trade", "industry", "industries",
                            "agriculture", "housing", "water", "economy", "planning",
                            "infrastructure", "budget"})
# descriptions a currency may resolve when the document names no government: a country's own
GOV_NATIONAL_NOUNS = frozenset({"government", "cabinet", "ministry", "treasury"})
# public offices: "Kano State Governor ...", "Kerala PWD Minister ...", "Ontario Premier ..."
# name the office's government (a company's "President" does not)
PUBLIC_TITLES = frozenset({"minister", "governor", "premier", "mayor", "mec", "commissioner"})
# first words that do not tell two places apart: "New Brunswick" and "New South Wales" key on
# their first two words
PLACE_PREFIXES = frozenset({"new", "north", "south", "east", "west", "northern", "southern",
                            "eastern", "western", "upper", "lower", "greater"})
# a lower-case word after "the <Name>" that shows the name is the subject, not a modifier
# ("the Free State will ..." vs "the Boston biotech")
VERBS_AFTER_SUBJECT = frozenset("""
will would has have had is was are were said says plans planned announced approved can could
should may might must also expects aims wants intends hopes shall did does do
""".split())
