"""Authoring tool of the world corpus: article texts and their hand annotations, in one place.

Run `python tests/corpus/world/make_corpus.py` to (re)write articles/*.txt, annotations.jsonl,
documents.jsonl and conversions.jsonl. Every value below is written by hand from the meaning of
the text (never from figures' output); offsets are computed here by locating each snippet, and
tests/test_world_corpus.py checks them again against the files.

All articles were written for this project about invented companies and events; no sentence is
copied from any publication.

Value notation (hand-written, expanded by `V`): "1.2b" = 1.2 billion, "312.4m", "9.5l" (lakh),
"212.6cr" (crore), "1.1t" (trillion), "85k"; plain numbers as written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Every currency a bare "Rs" or "Sh" can mean in English-language news.
RUPEES = ("PKR", "INR", "LKR", "NPR", "MUR", "SCR")
SHILLINGS = ("KES", "TZS", "UGX", "SOS")
OPEN = "open"  # `given` value: the currency stays open even when the country is known

SCALE = {"t": 10**12, "b": 10**9, "m": 10**6, "k": 10**3, "cr": 10**7, "l": 10**5}


def V(s: str) -> str:
    s = s.replace(",", "")
    for suf in ("cr", "t", "b", "m", "k", "l"):
        if s.endswith(suf):
            d = Decimal(s[: -len(suf)]) * SCALE[suf]
            break
    else:
        d = Decimal(s)
    d = d.normalize()
    return format(d, "f")


@dataclass
class M:
    snippet: str
    value: str | tuple[str, str]
    currency: str | None
    nth: int = 0
    q: str | None = None
    per: str | None = None
    conv: str | None = None  # snippet of the mention this one converts
    cand: tuple[str, ...] | None = None
    given: str | None = None  # currency once the publication's country is known (OPEN: still open)
    kind: str = "money"
    unit: str | None = None
    note: str | None = None


@dataclass
class Doc:
    id: str
    country: str
    date: str
    signals: list[str]
    doc_currency: str | None
    text: str
    mentions: list[M] = field(default_factory=list)
    intended: dict[str, str] = field(default_factory=dict)  # conv snippet -> "within"/"off"


DOCS: list[Doc] = []

# Closing paragraphs (no money in them), kept apart so each article reaches 80 words.
PAD = {
    "gb_3_firth_wealth": "Analysts said the price was higher than expected and that the buyback could be "
        "followed by a special dividend next year.",
    "za_3_table_bay": "Shipping lines have long complained about delays at the country's ports.",
    "ph_3_visayas_ferries": "The offering would be the first by a shipping company in the Philippines in more "
        "than a decade, and the firm said it had already received interest from several local funds.",
    "nz_3_tasman_bank": "Both banks said credit quality remained sound, although arrears on home loans in "
        "the regions edged up over the winter months.",
    "pk_2_ravi_fabrics": "Exporters have asked the government to restore a regionally competitive energy "
        "tariff before the next budget.",
    "pk_3_unnamed_pharma": "Industry groups have long complained that price controls make new investment hard "
        "to justify.",
    "in_3_chip_incentive": "The scheme requires companies to begin commercial production within four years of "
        "approval, failing which the incentives may be clawed back. Industry bodies welcomed the decision and "
        "said it would deepen local supply chains.",
    "za_2_karoo_fresh": "Chief executive Thabo Mokoena said the group would focus new stores on townships and "
        "smaller towns, where competition is thinner and rents lower.",
    "ph_1_luzon_grid": "The company said the project would be built in two phases, with the first portion "
        "expected to connect to the grid by late next year.",
    "ph_2_bayani_pay": "The firm plans to expand into Japan and South Korea next year.",
    "ke_2_treasury_loan": "Analysts said the deal would ease pressure on reserves, although the cost of the loan "
        "was not disclosed and lawmakers have asked to see its terms.",
    "ke_3_regional_haulage": "The group also plans to train more women as drivers and mechanics, and to open a "
        "driving school near one of its depots by the end of next year.",
    "kr_2_nabi_interactive": "Analysts expect the game to remain a top seller in Japan and Taiwan through the "
        "rest of the year, and the company plans two more launches before the holidays.",
    "jp_1_kisaragi_heavy": "Construction is due to start next spring, with the plant running by 2029.",
    "jp_2_akebono_buyout": "Akebono's shares were suspended from trading pending an announcement, and none of "
        "the parties would comment on the talks.",
    "hk_1_victoria_crest": "Analysts said the sale showed that buyers were returning to the city's office "
        "market, although rents remain well below their peak.",
    "cn_2_separator_maker": "The company's founder, who owns about a third of the shares, has pledged not to "
        "sell any stock this year.",
    "ng_2_roads_facility": "The minister said priority would go to roads linking farming areas in the north to "
        "markets and ports in the south, many of which have become nearly impassable during the rainy season. "
        "Work on the first stretches is due to start within weeks.",
    "ae_1_sandcrest": "The project will include a marina, two schools and a community hospital. Sandcrest said "
        "more than half of the first phase had been reserved by buyers from abroad within days of its "
        "launch, with demand strongest from Europe and India.",
    "ae_2_falcon_gulf": "The plant is expected to start commercial operation in 2027 and will supply power under "
        "a 30-year purchase agreement with a state offtaker. Its panels will be cleaned by robots to limit "
        "water use in the desert.",
    "eg_1_nile_delta_foods": "The company said exports now account for a third of its sales.",
    "eg_2_sukuk": "Egypt has been diversifying its sources of funding since it agreed an expanded programme with "
        "the International Monetary Fund, and the ministry plans more sukuk sales before the end of the "
        "fiscal year in June, including its first issue aimed at retail savers.",
    "tw_1_jade_mountain": "Construction is due to begin in the first quarter of next year, with mass production "
        "planned for 2028. The firm said rising demand for artificial intelligence servers had filled its "
        "existing lines, and that customers had asked for more capacity close to Taiwan's southern "
        "science parks.",
    "tw_2_formosa_cycle": "The company expects orders from Europe to stay firm into next year as dealers rebuild "
        "their inventories, although it warned that shipping costs remain volatile.",
    "vn_1_saigon_fresh": "The company said the new farm would cut its reliance on imported milk powder and help "
        "it meet rising demand for fresh milk in the Mekong Delta provinces, where sales grew fastest last "
        "year.",
    "vn_2_red_river_steel": "The steelmaker said it expects demand to improve further in the second half as "
        "public investment in highways and airports accelerates, although cheap imports remain a risk. "
        "Its shares have risen by about a quarter since January.",
    "gb_1_thamesmead_homes": "Chief executive Fiona Marsh said the market was stable but fragile.",
    "gb_2_tamar_water": "The regulator said the plan would cut spills by half by the end of the decade, and that "
        "fines would follow if targets were missed.",
    "us_2_lakeshore_cells": "Construction is expected to begin this summer, with first cells due off the line in "
        "2028. The company said it picked Hungary because of its location near truck makers in Germany and "
        "the availability of trained workers from nearby auto plants.",
    "ie_1_corrib_medtech": "The company said demand from hospitals in the United States and Germany had "
        "been strong, and that the new line would begin production early next year.",
    "de_1_rheinwerk_chemie": "Chief executive Klaus Berger said the group had no plans to cut its dividend, "
        "and that prices for its specialty products had held up better than expected in Asia. The shares "
        "rose in early trading in Frankfurt.",
}


def doc(*args, **kw):
    d = Doc(*args, **kw)
    if d.id in PAD:
        d.text = d.text + "\n" + PAD[d.id] + "\n"
    DOCS.append(d)


# ---------------------------------------------------------------- Australia
doc("au_1_coralstone_refinery", "AU", "2025-08-20",
    ["dateline:SYDNEY", "marker:A$", "exchange:ASX", "institution:RBA", "place:Western Australia"],
    "AUD",
    "SYDNEY, Aug 20 (Reuters) - Coralstone Minerals said on Wednesday it would spend A$1.2 billion "
    "(US$773 million) expanding its lithium hydroxide refinery near Kwinana, after the Western "
    "Australian project won a further A$150 million in federal production credits.\n\n"
    "The ASX-listed miner reported an underlying net profit of A$312.4 million for the year to "
    "June 30, down from A$401 million a year earlier, and declared a final dividend of 9 cents a "
    "share. Its shares rose 3.1% to A$4.86 in Sydney trading.\n\n"
    "Chief executive Marnie Holt said the expansion would lift annual capacity to 50,000 tonnes "
    "of hydroxide by 2028, with first output expected roughly 18 months after construction "
    "begins. The Reserve Bank of Australia held its cash rate at 3.60% earlier this month.\n",
    [M("A$1.2 billion", V("1.2b"), "AUD"),
     M("US$773 million", V("773m"), "USD", conv="A$1.2 billion"),
     M("A$150 million", V("150m"), "AUD"),
     M("A$312.4 million", V("312.4m"), "AUD"),
     M("A$401 million", V("401m"), "AUD"),
     M("9 cents a share", V("0.09"), "AUD", per="share"),
     M("A$4.86", V("4.86"), "AUD", per="share"),
     M("50,000 tonnes", V("50000"), None, kind="quantity", unit="tonne")],
    {"US$773 million": "within"})

doc("au_2_maroochy_tollroad", "AU", "2026-02-17",
    ["place:Queensland", "place:Brisbane", "exchange:ASX", "place:Melbourne", "spelling:per cent"],
    "AUD",
    "Queensland toll-road operator Maroochy Link has agreed to buy a 40 per cent stake in "
    "Brisbane's inner-city bypass for $2.35 billion, funded by a $900 million equity raising at "
    "$7.10 a share and fresh borrowings.\n\n"
    "The deal values the motorway at roughly $5.9 billion including debt. Maroochy Link, which "
    "is listed on the ASX, said the raising was priced at a 6.2 per cent discount to its last "
    "close of $7.57.\n\n"
    "Analysts at a Melbourne stockbroker estimated the purchase would add between 4c and 6c a "
    "share to distributions in the 2027 financial year. The company also flagged a one-off "
    "charge of $38m tied to refinancing its existing bank loans, and said toll revenue on the "
    "bypass had grown for nine straight quarters.\n",
    [M("$2.35 billion", V("2.35b"), "AUD"),
     M("$900 million", V("900m"), "AUD"),
     M("$7.10 a share", V("7.10"), "AUD", per="share"),
     M("roughly $5.9 billion", V("5.9b"), "AUD", q="approx"),
     M("$7.57", V("7.57"), "AUD", per="share"),
     M("4c and 6c a share", (V("0.04"), V("0.06")), "AUD", per="share"),
     M("$38m", V("38m"), "AUD")])

doc("au_3_kestrel_bluebonnet", "AU", "2026-05-21",
    ["place:Melbourne", "exchange:ASX", "conflict:exchange:Nasdaq", "conflict:place:Texas",
     "conflict:place:New York"],
    "AUD",
    "Melbourne-based software group Kestrel Cloud will merge with Texas rival Bluebonnet Data "
    "in an all-stock deal valuing the combined business at about $6 billion, the two companies "
    "said on Thursday.\n\n"
    "Kestrel, which is listed on the ASX and reports in Australian dollars, will issue new "
    "shares to Bluebonnet investors. Bluebonnet's Nasdaq shares closed at $41.20 overnight. "
    "The merged group expects $120 million of annual cost savings within three years and will "
    "keep listings in both Sydney and New York, with its headquarters staying in Melbourne.\n\n"
    "Kestrel's chief executive said the tie-up would double the group's customer base in North "
    "America.\n",
    [M("about $6 billion", V("6b"), None, q="approx", cand=("AUD", "USD"), given=OPEN,
       note="an Australian paper's $ about a cross-border deal: AUD or USD"),
     M("$41.20", V("41.20"), "USD", per="share", note="a US company's price on Nasdaq"),
     M("$120 million", V("120m"), None, cand=("AUD", "USD"), given=OPEN,
       note="the merged group's currency is not stated")])

# ---------------------------------------------------------------- New Zealand
doc("nz_1_southern_alps_milk", "NZ", "2025-11-05",
    ["dateline:WELLINGTON", "marker:NZ$", "exchange:NZX", "institution:RBNZ"],
    "NZD",
    "WELLINGTON, Nov 5 (Reuters) - New Zealand dairy processor Southern Alps Milk lifted its "
    "forecast farmgate milk price to NZ$10.25 per kilogram of milk solids on Wednesday, the top "
    "of its earlier NZ$9.75-NZ$10.25 range.\n\n"
    "The NZX-listed co-operative said the higher payout would put about NZ$1.4 billion "
    "(US$790 million) more into rural communities this season. It expects to collect "
    "1.52 billion kilograms of milk solids, slightly more than last year.\n\n"
    "The Reserve Bank of New Zealand cut its official cash rate to 2.5% last month, and a softer "
    "kiwi dollar has lifted export returns for farmers.\n",
    [M("NZ$10.25 per kilogram", V("10.25"), "NZD", per="kilogram"),
     M("NZ$9.75-NZ$10.25", (V("9.75"), V("10.25")), "NZD", per="kilogram"),
     M("about NZ$1.4 billion", V("1.4b"), "NZD", q="approx"),
     M("US$790 million", V("790m"), "USD", conv="about NZ$1.4 billion"),
     M("1.52 billion kilograms", V("1.52b"), None, kind="quantity", unit="kilogram")],
    {"US$790 million": "within"})

doc("nz_2_tui_home", "NZ", "2026-09-09",
    ["place:Auckland", "exchange:NZX", "spelling:per cent"],
    "NZD",
    "Auckland retailer Tui Home Group posted a full-year net loss of $18.6 million, compared "
    "with a profit of $4.2m a year earlier, as shoppers cut back on furniture and appliances.\n\n"
    "Revenue slipped 3 per cent to $612 million. The NZX-listed company will not pay a final "
    "dividend and plans to close four of its 31 stores over the next year. Its shares fell 9c to "
    "$1.14 in morning trade.\n\n"
    "Chair Aroha Williams said the board had secured a $75 million bank facility that runs to "
    "2029, giving the retailer room to ride out a weak housing market.\n",
    [M("$18.6 million", V("18.6m"), "NZD"),
     M("$4.2m", V("4.2m"), "NZD"),
     M("$612 million", V("612m"), "NZD"),
     M("9c", V("0.09"), "NZD", per="share"),
     M("$1.14", V("1.14"), "NZD", per="share"),
     M("$75 million", V("75m"), "NZD")])

doc("nz_3_tasman_bank", "NZ", "2026-02-17",
    ["place:Wellington", "conflict:place:Sydney", "conflict:demonym:Australian"],
    "NZD",
    "Tasman Pacific Bank, the New Zealand arm of a Sydney-based lender, has reported a "
    "half-year profit of $1.1 billion, while its Australian parent earned $4.9 billion over "
    "the same period.\n\n"
    "The Wellington-based unit said lending to farmers rose and that it would pay a dividend of "
    "$700 million to its owner. The two banks released their results in a joint statement, and "
    "analysts said the comparison flattered the smaller business.\n",
    [M("$1.1 billion", V("1.1b"), None, cand=("NZD", "AUD"), given="NZD",
       note="NZ unit of an Australian bank, in a text with Australian signals"),
     M("$4.9 billion", V("4.9b"), None, cand=("AUD", "NZD"), given=OPEN,
       note="an Australian parent's profit in an NZ paper: open even with the country known"),
     M("$700 million", V("700m"), None, cand=("NZD", "AUD"), given="NZD")])

# ---------------------------------------------------------------- Canada
doc("ca_1_northern_muskeg", "CA", "2025-03-14",
    ["dateline:TORONTO", "marker:C$", "exchange:TSX", "institution:BoC"],
    "CAD",
    "TORONTO, March 14 (Reuters) - Canadian pipeline operator Northern Muskeg Energy said on "
    "Friday it would sell its natural gas storage unit to a pension fund consortium for "
    "C$3.1 billion ($2.15 billion), as it seeks to cut debt ahead of a major expansion.\n\n"
    "The TSX-listed company said the proceeds would bring net debt down to about C$14 billion "
    "and help fund a C$2.4-C$2.8 billion upgrade of its western mainline. Its shares gained 2.4% "
    "to C$38.90 in Toronto.\n\n"
    "The Bank of Canada lowered its key overnight rate to 2.75% earlier in the week, easing "
    "borrowing costs for capital-heavy utilities.\n",
    [M("C$3.1 billion", V("3.1b"), "CAD"),
     M("$2.15 billion", V("2.15b"), "USD", conv="C$3.1 billion",
       note="wire style: C$ for the local dollar, so bare $ is USD"),
     M("about C$14 billion", V("14b"), "CAD", q="approx"),
     M("C$2.4-C$2.8 billion", (V("2.4b"), V("2.8b")), "CAD"),
     M("C$38.90", V("38.90"), "CAD", per="share")],
    {"$2.15 billion": "within"})

doc("ca_2_marche_boreal", "CA", "2025-11-05",
    ["place:Quebec", "place:Laval", "exchange:Toronto Stock Exchange"],
    "CAD",
    "Quebec grocery chain Marché Boréal says it will invest $450-million over three years to "
    "open 22 stores and modernize its distribution centre in Laval.\n\n"
    "The company, which trades on the Toronto Stock Exchange, reported third-quarter profit of "
    "$96.3-million, or 87 cents a share, up from $81-million a year earlier. Sales rose to "
    "$2.71-billion as shoppers traded down to its discount banner.\n\n"
    "Chief executive Sylvie Gagnon said food inflation had eased but remained above the Bank of "
    "Canada's target, and that the chain would hold prices on 500 staples until the spring.\n",
    [M("$450-million", V("450m"), "CAD"),
     M("$96.3-million", V("96.3m"), "CAD"),
     M("87 cents a share", V("0.87"), "CAD", per="share"),
     M("$81-million", V("81m"), "CAD"),
     M("$2.71-billion", V("2.71b"), "CAD")])

# ---------------------------------------------------------------- Singapore
doc("sg_1_harbourfront_trust", "SG", "2026-02-17",
    ["dateline:SINGAPORE", "marker:S$", "exchange:SGX", "place:Tuas", "place:Jurong"],
    "SGD",
    "SINGAPORE – Harbourfront Logistics Trust will acquire three cold-storage warehouses in Tuas "
    "and Jurong for S$486 million, its manager said on Feb 17.\n\n"
    "The SGX-listed trust plans to fund the purchase through a private placement of up to "
    "S$200 million and new bank loans. The price is 4.1 per cent below the independent valuation "
    "of S$506.8 million.\n\n"
    "Distribution per unit for the second half rose to 4.62 cents from 4.48 cents a year "
    "earlier. The trust's units closed at $1.31 on Monday, before the announcement. Occupancy "
    "across its portfolio stood at 96.8 per cent at the end of December.\n",
    [M("S$486 million", V("486m"), "SGD"),
     M("up to S$200 million", V("200m"), "SGD", q="le"),
     M("S$506.8 million", V("506.8m"), "SGD"),
     M("4.62 cents", V("0.0462"), "SGD", per="unit"),
     M("4.48 cents", V("0.0448"), "SGD", per="unit"),
     M("$1.31", V("1.31"), "SGD", per="unit")])

doc("sg_2_marina_bay_offshore", "SG", "2025-08-20",
    ["exchange:Singapore Exchange", "marker:S$", "institution:MAS"],
    "SGD",
    "Marina Bay Offshore has won a contract worth S$1.15 billion (US$850 million) to build two "
    "floating production vessels for a Brazilian oil producer, the group told the Singapore "
    "Exchange on Wednesday.\n\n"
    "The order lifts its net orderbook to about S$9.8 billion, with deliveries stretching into "
    "2029. The Monetary Authority of Singapore left its exchange-rate policy unchanged in July.\n\n"
    "Shares of the yard operator rose 5 cents, or 2.9 per cent, to S$1.77 by the lunch break, "
    "the highest in more than a year.\n",
    [M("S$1.15 billion", V("1.15b"), "SGD"),
     M("US$850 million", V("850m"), "USD", conv="S$1.15 billion",
       note="deliberately off: about US$895 million at the ECB rate"),
     M("about S$9.8 billion", V("9.8b"), "SGD", q="approx"),
     M("5 cents", V("0.05"), "SGD", per="share"),
     M("S$1.77", V("1.77"), "SGD", per="share")],
    {"US$850 million": "off"})

# ---------------------------------------------------------------- Pakistan
doc("pk_1_indus_cement", "PK", "2025-11-05",
    ["dateline:KARACHI", "exchange:PSX", "institution:SBP", "place:Chakwal"],
    "PKR",
    "KARACHI: Indus Cement Company Limited has approved a Rs12.5 billion plan to set up a "
    "40-megawatt waste-heat recovery plant at its Chakwal site, the company told the Pakistan "
    "Stock Exchange on Wednesday.\n\n"
    "The project will be financed through internal cash and a Rs7bn syndicated loan. For the "
    "quarter ended September 30, the company posted a net profit of Rs3.41 billion, against "
    "Rs2.9 billion in the same period last year, translating into earnings per share of "
    "Rs14.62.\n\n"
    "The State Bank of Pakistan held its policy rate at 11 percent last month, and analysts "
    "expect cement demand to pick up with public development spending.\n",
    [M("Rs12.5 billion", V("12.5b"), "PKR"),
     M("40-megawatt", V("40"), None, kind="quantity", unit="megawatt"),
     M("Rs7bn", V("7b"), "PKR"),
     M("Rs3.41 billion", V("3.41b"), "PKR"),
     M("Rs2.9 billion", V("2.9b"), "PKR"),
     M("Rs14.62", V("14.62"), "PKR", per="share")])

doc("pk_2_ravi_fabrics", "PK", "2026-05-21",
    ["place:Lahore", "exchange:PSX", "place:Faisalabad"],
    "PKR",
    "Lahore-based textile exporter Ravi Fabrics said it had booked export orders worth "
    "$42 million, or about Rs11.8 billion, for the autumn season, mostly from European "
    "retailers.\n\n"
    "The PSX-listed firm plans to invest Rs2.25 billion in new spinning machinery at its "
    "Faisalabad mill, which would raise output by 18 tonnes of yarn a day. Its share price "
    "closed at Rs87.40, up Rs3.15.\n\n"
    "The company's chief financial officer said higher gas tariffs had added roughly Rs450 "
    "million to quarterly costs.\n",
    [M("$42 million", V("42m"), "USD", note="Pakistani press writes Rs for rupees; $ is USD"),
     M("about Rs11.8 billion", V("11.8b"), "PKR", q="approx", conv="$42 million"),
     M("Rs2.25 billion", V("2.25b"), "PKR"),
     M("18 tonnes", V("18"), None, kind="quantity", unit="tonne", per="day"),
     M("Rs87.40", V("87.40"), "PKR", per="share"),
     M("Rs3.15", V("3.15"), "PKR", per="share"),
     M("roughly Rs450 million", V("450m"), "PKR", q="approx")],
    {"about Rs11.8 billion": "within"})

doc("pk_3_unnamed_pharma", "PK", "2025-03-14",
    [],
    "PKR",
    "A mid-sized pharmaceutical maker said on Friday it would spend Rs3.2 billion on a new "
    "tablet plant and a research laboratory, its biggest investment in a decade.\n\n"
    "The company's shares rose Rs4.50 to Rs212 after the announcement. Its board also approved "
    "a cash dividend of Rs6 per share and said sales of cardiac drugs had grown strongly in the "
    "first half, helped by new hospital contracts.\n\n"
    "The firm expects the plant to begin production within two years.\n",
    [M("Rs3.2 billion", V("3.2b"), None, cand=RUPEES, given="PKR",
       note="no locale signal besides Rs"),
     M("Rs4.50", V("4.50"), None, per="share", cand=RUPEES, given="PKR"),
     M("Rs212", V("212"), None, per="share", cand=RUPEES, given="PKR"),
     M("Rs6 per share", V("6"), None, per="share", cand=RUPEES,
       given="PKR")])

# ---------------------------------------------------------------- India
doc("in_1_suryadeep_ipo", "IN", "2025-11-05",
    ["dateline:MUMBAI", "exchange:National Stock Exchange", "institution:RBI"],
    "INR",
    "MUMBAI, Nov 5 (Reuters) - Indian solar module maker Suryadeep Energy raised 32 billion "
    "rupees ($361 million) in its initial public offering, which was subscribed 41 times, data "
    "from the National Stock Exchange showed on Wednesday.\n\n"
    "The shares were priced at the top of the 410-432 rupee band, and the company plans to use "
    "part of the proceeds to build a cell factory in Tamil Nadu.\n\n"
    "The Reserve Bank of India has kept its repo rate at 5.50% since June, and domestic "
    "investors have poured money into new listings this year.\n",
    [M("32 billion rupees", V("32b"), "INR"),
     M("$361 million", V("361m"), "USD", conv="32 billion rupees"),
     M("410-432 rupee", (V("410"), V("432")), "INR", per="share")],
    {"$361 million": "within"})

doc("in_2_deccan_forge", "IN", "2026-02-17",
    ["place:Pune", "marker:₹", "scale:crore", "scale:lakh", "exchange:BSE", "spelling:per cent"],
    "INR",
    "Pune-based auto parts supplier Deccan Forge Ltd on Tuesday reported a consolidated net "
    "profit of ₹212.6 crore for the December quarter, up 18 per cent from ₹180.2 crore a year "
    "ago. Revenue from operations stood at ₹2,145 crore.\n\n"
    "The board approved capital expenditure of Rs 850 crore over two years and an interim "
    "dividend of ₹4.50 per share. Deccan Forge shares ended 2.3 per cent higher at ₹1,318.40 on "
    "the BSE.\n\n"
    "The company also plans to hire about 1,200 engineers, with average starting salaries of "
    "₹9.5 lakh a year.\n",
    [M("₹212.6 crore", V("212.6cr"), "INR"),
     M("₹180.2 crore", V("180.2cr"), "INR"),
     M("₹2,145 crore", V("2145cr"), "INR"),
     M("Rs 850 crore", V("850cr"), "INR"),
     M("₹4.50 per share", V("4.50"), "INR", per="share"),
     M("₹1,318.40", V("1318.40"), "INR", per="share"),
     M("₹9.5 lakh a year", V("9.5l"), "INR", per="year")])

doc("in_3_chip_incentive", "IN", "2025-08-20",
    ["dateline:NEW DELHI", "marker:₹", "scale:crore", "place:Gujarat", "place:Assam"],
    "INR",
    "NEW DELHI: The Union Cabinet on Wednesday cleared a ₹26,000-crore ($3.1 billion) incentive "
    "package for chip assembly and testing units, with at least three projects expected in "
    "Gujarat and Assam.\n\n"
    "Officials said the scheme would draw private investment of about Rs 1.1 lakh crore over six "
    "years. The largest proposal, from a Noida-based consortium, involves an outlay of "
    "₹8,750 crore and would employ about 4,000 people when complete.\n",
    [M("₹26,000-crore", V("26000cr"), "INR"),
     M("$3.1 billion", V("3.1b"), "USD", conv="₹26,000-crore",
       note="deliberately off: about $2.99 billion at the ECB rate"),
     M("about Rs 1.1 lakh crore", V("1.1e12"), "INR", q="approx"),
     M("₹8,750 crore", V("8750cr"), "INR")],
    {"$3.1 billion": "off"})

# ---------------------------------------------------------------- South Africa
doc("za_1_highveld_platinum", "ZA", "2026-09-09",
    ["dateline:JOHANNESBURG", "exchange:JSE", "institution:SARB", "decimal:comma", "place:Rustenburg"],
    "ZAR",
    "JOHANNESBURG – Highveld Platinum Holdings has reported headline earnings of R4,17 billion "
    "for the six months to June, up from R2,9 billion a year earlier, as higher rhodium prices "
    "offset a firmer rand.\n\n"
    "Headline earnings per share rose to 512,3c. The JSE-listed miner declared an interim "
    "dividend of 185 cents a share and said it would spend R1,2-R1,5 billion on a new "
    "concentrator at its Rustenburg operations.\n\n"
    "The South African Reserve Bank kept the repo rate at 7% in July, and the group said lower "
    "borrowing costs would help it fund the project from cash flow.\n",
    [M("R4,17 billion", V("4.17b"), "ZAR"),
     M("R2,9 billion", V("2.9b"), "ZAR"),
     M("512,3c", V("5.123"), "ZAR", per="share"),
     M("185 cents a share", V("1.85"), "ZAR", per="share"),
     M("R1,2-R1,5 billion", (V("1.2b"), V("1.5b")), "ZAR")])

doc("za_2_karoo_fresh", "ZA", "2025-03-14",
    ["dateline:JOHANNESBURG", "marker:rand", "marker:R"],
    "ZAR",
    "JOHANNESBURG, March 14 (Reuters) - South African retailer Karoo Fresh said on Friday it "
    "would invest 3.5 billion rand ($193 million) in new stores and distribution centres over "
    "the next three years.\n\n"
    "Its shares fell 4% to R68.40 after it warned that trading profit for the year would be "
    "between R1.8bn and R2bn, below market forecasts, as power cuts and weak consumer spending "
    "weighed on sales in the second half.\n",
    [M("3.5 billion rand", V("3.5b"), "ZAR"),
     M("$193 million", V("193m"), "USD", conv="3.5 billion rand"),
     M("R68.40", V("68.40"), "ZAR", per="share"),
     M("R1.8bn and R2bn", (V("1.8b"), V("2b")), "ZAR")],
    {"$193 million": "within"})

# ---------------------------------------------------------------- Philippines
doc("ph_1_luzon_grid", "PH", "2026-05-21",
    ["dateline:MANILA", "exchange:Philippine Stock Exchange", "institution:BSP", "place:Nueva Ecija"],
    "PHP",
    "MANILA – Luzon Grid Renewables expects to spend P38 billion on a 600-megawatt solar farm in "
    "Nueva Ecija, its president said on Thursday.\n\n"
    "The Philippine Stock Exchange-listed firm booked first-quarter net income of P1.26 billion, "
    "up from P980 million a year ago, on higher electricity sales to the spot market. The Bangko "
    "Sentral ng Pilipinas cut its policy rate by 25 basis points last month.\n\n"
    "Shares of the company rose 12 centavos to P4.58 on Thursday.\n",
    [M("P38 billion", V("38b"), "PHP"),
     M("600-megawatt", V("600"), None, kind="quantity", unit="megawatt"),
     M("P1.26 billion", V("1.26b"), "PHP"),
     M("P980 million", V("980m"), "PHP"),
     M("12 centavos", V("0.12"), "PHP", per="share"),
     M("P4.58", V("4.58"), "PHP", per="share")])

doc("ph_2_bayani_pay", "PH", "2025-08-20",
    ["place:Manila", "marker:₱", "institution:BSP", "demonym:Filipinos"],
    "PHP",
    "Manila-based remittance platform Bayani Pay has raised ₱2.9 billion (about $51 million) in "
    "a funding round led by a Singapore venture fund, the company said.\n\n"
    "The deal values the start-up at roughly P17 billion. Cash remittances from overseas "
    "Filipinos reached $3.05 billion in June, according to the Bangko Sentral ng Pilipinas, and "
    "Bayani Pay said it handles a small but growing share of those flows through partner banks "
    "in Hong Kong and the Gulf.\n",
    [M("₱2.9 billion", V("2.9b"), "PHP"),
     M("about $51 million", V("51m"), "USD", q="approx", conv="₱2.9 billion"),
     M("roughly P17 billion", V("17b"), "PHP", q="approx"),
     M("$3.05 billion", V("3.05b"), "USD")],
    {"about $51 million": "within"})

# ---------------------------------------------------------------- Kenya
doc("ke_1_savannah_bank", "KE", "2025-11-05",
    ["place:Nairobi", "exchange:NSE", "institution:CBK"],
    "KES",
    "Nairobi-based lender Savannah Commercial Bank has posted a net profit of Sh6.8 billion for "
    "the nine months to September, up from Sh5.1 billion in the same period last year, as "
    "interest income from government securities rose.\n\n"
    "The NSE-listed bank's loan book grew to Sh312 billion. The Central Bank of Kenya lowered its "
    "benchmark rate to 9.25 percent in October, and the lender said it would pass on part of the "
    "cut to small businesses.\n\n"
    "It plans to raise Sh15 billion through a green bond next year.\n",
    [M("Sh6.8 billion", V("6.8b"), "KES"),
     M("Sh5.1 billion", V("5.1b"), "KES"),
     M("Sh312 billion", V("312b"), "KES"),
     M("Sh15 billion", V("15b"), "KES")])

doc("ke_2_treasury_loan", "KE", "2026-02-17",
    ["demonym:Kenya's", "marker:KSh", "exchange:Nairobi Securities Exchange"],
    "KES",
    "Kenya's Treasury has signed a KSh64.5 billion ($500 million) loan with a group of Gulf banks "
    "to refinance a Eurobond that falls due next year, officials said on Tuesday.\n\n"
    "The facility carries a tenor of seven years. Shares of listed lenders on the Nairobi "
    "Securities Exchange rose on the news. Separately, tea exports earned Ksh 180.2 billion last "
    "year, the Tea Board said, as higher volumes offset lower auction prices in Mombasa.\n",
    [M("KSh64.5 billion", V("64.5b"), "KES"),
     M("$500 million", V("500m"), "USD", conv="KSh64.5 billion"),
     M("Ksh 180.2 billion", V("180.2b"), "KES")],
    {"$500 million": "within"})

doc("ke_3_regional_haulage", "KE", "2026-09-09",
    [],
    "KES",
    "An East African haulage group that runs trucks between the region's main ports and inland "
    "capitals said it would spend Sh2.4 billion on 150 new trucks and a fuel depot.\n\n"
    "The company, which is privately held, said it moved 1.8 million tonnes of cargo last year "
    "and expects border delays to ease once a new one-stop post opens. Drivers will receive a "
    "Sh1,500 daily allowance, up from Sh1,200, its managing director said.\n",
    [M("Sh2.4 billion", V("2.4b"), None, cand=SHILLINGS, given="KES",
       note="regional story: Kenyan, Tanzanian, Ugandan (or Somali) shillings"),
     M("1.8 million tonnes", V("1.8m"), None, kind="quantity", unit="tonne"),
     M("Sh1,500", V("1500"), None, per="day", cand=SHILLINGS, given="KES"),
     M("Sh1,200", V("1200"), None, per="day", cand=SHILLINGS, given="KES")])

# ---------------------------------------------------------------- South Korea
doc("kr_1_hanbit_battery", "KR", "2026-02-17",
    ["dateline:SEOUL", "marker:won", "exchange:Korea Exchange", "exchange:KOSPI"],
    "KRW",
    "SEOUL, Feb. 17 (Yonhap) -- Hanbit Battery Co., a South Korean maker of cathode materials, "
    "said Tuesday it will invest 1.2 trillion won (US$830 million) in a new plant in Pohang to "
    "supply European carmakers.\n\n"
    "The company's operating profit for last year came to 412.6 billion won, down 8.4 percent "
    "from a year earlier, according to its regulatory filing. The plant will have an annual "
    "capacity of 100,000 tons of cathode material.\n\n"
    "Shares of Hanbit closed at 98,700 won on the main KOSPI market of the Korea Exchange.\n",
    [M("1.2 trillion won", V("1.2t"), "KRW"),
     M("US$830 million", V("830m"), "USD", conv="1.2 trillion won"),
     M("412.6 billion won", V("412.6b"), "KRW"),
     M("100,000 tons", V("100000"), None, kind="quantity", unit="ton"),
     M("98,700 won", V("98700"), "KRW", per="share")],
    {"US$830 million": "within"})

doc("kr_2_nabi_interactive", "KR", "2025-08-20",
    ["marker:W", "exchange:Kospi", "institution:BoK", "demonym:Korean"],
    "KRW",
    "Korean game developer Nabi Interactive posted second-quarter sales of W318.2 billion, up "
    "12 percent on-year, with operating profit of W54 billion, helped by the overseas launch of "
    "its mobile fantasy title.\n\n"
    "The company also said it would buy back W100 billion worth of its own shares by November. "
    "Its stock gained 4.3 percent to W187,500 on the Kospi. The Bank of Korea kept its base rate "
    "at 2.5 percent last month.\n",
    [M("W318.2 billion", V("318.2b"), "KRW"),
     M("W54 billion", V("54b"), "KRW"),
     M("W100 billion", V("100b"), "KRW"),
     M("W187,500", V("187500"), "KRW", per="share")])

# ---------------------------------------------------------------- Japan
doc("jp_1_kisaragi_heavy", "JP", "2025-11-05",
    ["dateline:TOKYO", "marker:yen", "exchange:Tokyo Stock Exchange", "institution:BoJ",
     "place:Hyogo Prefecture"],
    "JPY",
    "TOKYO -- Kisaragi Heavy Industries will invest 180 billion yen ($1.17 billion) in a "
    "hydrogen turbine plant in Hyogo Prefecture, the company said Wednesday.\n\n"
    "The manufacturer, listed on the Prime section of the Tokyo Stock Exchange, raised its "
    "full-year net profit forecast to 96 billion yen from 88 billion yen, citing strong orders "
    "from utilities. Shares closed up 6% at 4,215 yen.\n\n"
    "The Bank of Japan kept its short-term policy rate at 0.5% last week.\n",
    [M("180 billion yen", V("180b"), "JPY"),
     M("$1.17 billion", V("1.17b"), "USD", conv="180 billion yen"),
     M("96 billion yen", V("96b"), "JPY"),
     M("88 billion yen", V("88b"), "JPY"),
     M("4,215 yen", V("4215"), "JPY", per="share")],
    {"$1.17 billion": "within"})

doc("jp_2_akebono_buyout", "JP", "2026-09-09",
    ["marker:¥", "marker:US$"],
    "JPY",
    "A group of lenders has agreed to provide ¥620 billion (US$4.04 billion) in bridge financing "
    "for the buyout of Akebono Retail Holdings, according to people familiar with the matter.\n\n"
    "The buyers are offering ¥3,150 per share in cash, a 38% premium to the last undisturbed "
    "price. The retailer runs about 900 convenience stores and has struggled with rising labour "
    "costs. A decision by its board is expected within weeks.\n",
    [M("¥620 billion", V("620b"), "JPY",
       note="¥ settled only by the rate fingerprint of the US$ conversion"),
     M("US$4.04 billion", V("4.04b"), "USD", conv="¥620 billion"),
     M("¥3,150 per share", V("3150"), "JPY", per="share",
       note="same document's ¥, settled by the fingerprint above")],
    {"US$4.04 billion": "within"})

# ---------------------------------------------------------------- Hong Kong / China
doc("hk_1_victoria_crest", "HK", "2026-05-21",
    ["marker:HK$", "place:Kowloon", "exchange:Hong Kong stock exchange", "spelling:per cent"],
    "HKD",
    "Hong Kong-listed property developer Victoria Crest Holdings said on Thursday it had agreed "
    "to sell a Kowloon office tower for HK$5.6 billion (US$715 million) to a mainland insurer.\n\n"
    "The developer will book a loss of about HK$820 million on the disposal, its second asset "
    "sale this year. Its shares rose 7.2 per cent to HK$3.42 on the Hong Kong stock exchange.\n\n"
    "Separately, the company's mainland arm raised 2 billion yuan through a bond sale in "
    "Shanghai.\n",
    [M("HK$5.6 billion", V("5.6b"), "HKD"),
     M("US$715 million", V("715m"), "USD", conv="HK$5.6 billion"),
     M("about HK$820 million", V("820m"), "HKD", q="approx"),
     M("HK$3.42", V("3.42"), "HKD", per="share"),
     M("2 billion yuan", V("2b"), "CNY")],
    {"US$715 million": "within"})

doc("cn_1_qinling_auto", "CN", "2025-08-20",
    ["dateline:BEIJING", "marker:yuan", "marker:RMB", "institution:PBOC", "place:Xi'an"],
    "CNY",
    "BEIJING, Aug. 20 (Xinhua) -- Chinese electric bus maker Qinling Auto reported revenue of "
    "48.6 billion yuan (about 6.77 billion U.S. dollars) for the first half of the year, up 21 "
    "percent year on year.\n\n"
    "Net profit attributable to shareholders reached 3.2 billion yuan. The company plans to "
    "invest RMB 8 billion in a battery recycling base in Xi'an with an annual capacity of "
    "120,000 tonnes.\n\n"
    "The People's Bank of China kept the one-year loan prime rate unchanged at 3 percent this "
    "month.\n",
    [M("48.6 billion yuan", V("48.6b"), "CNY"),
     M("about 6.77 billion U.S. dollars", V("6.77b"), "USD", q="approx",
       conv="48.6 billion yuan"),
     M("3.2 billion yuan", V("3.2b"), "CNY"),
     M("RMB 8 billion", V("8b"), "CNY"),
     M("120,000 tonnes", V("120000"), None, kind="quantity", unit="tonne")],
    {"about 6.77 billion U.S. dollars": "within"})

doc("cn_2_separator_maker", "CN", "2025-03-14",
    [],
    "CNY",
    "Shares of a battery-separator maker slid to ¥58.20 on Friday, wiping about ¥9 billion off "
    "its market value, after the company cut its shipment target for the year to 4.5 billion "
    "square metres.\n\n"
    "The firm blamed weaker orders from carmakers and a price war among suppliers. It said it "
    "would delay a planned ¥2.6 billion plant and trim its workforce, and analysts cut their "
    "earnings forecasts for the next two years.\n",
    [M("¥58.20", V("58.20"), None, per="share", cand=("CNY", "JPY"), given="CNY",
       note="no locale signal besides ¥"),
     M("about ¥9 billion", V("9b"), None, q="approx", cand=("CNY", "JPY"), given="CNY"),
     M("4.5 billion square metres", V("4.5b"), None, kind="quantity", unit="square metre"),
     M("¥2.6 billion", V("2.6b"), None, cand=("CNY", "JPY"), given="CNY")])

# ---------------------------------------------------------------- Nigeria
doc("ng_1_eko_cement", "NG", "2025-11-05",
    ["place:Lagos", "place:Ogun State", "exchange:NGX", "institution:CBN"],
    "NGN",
    "Lagos-based Eko Cement Plc has announced a N145 billion expansion of its Ogun State plant, "
    "which will add 3 million tonnes of annual capacity.\n\n"
    "The company, quoted on the Nigerian Exchange (NGX), posted a profit after tax of N88.4bn "
    "for the nine months to September, compared with N61.2bn a year earlier. Its share price "
    "closed at N412.50 on Wednesday.\n\n"
    "The Central Bank of Nigeria held the monetary policy rate at 27 per cent in September, and "
    "builders expect demand to recover as inflation slows.\n",
    [M("N145 billion", V("145b"), "NGN"),
     M("3 million tonnes", V("3m"), None, kind="quantity", unit="tonne"),
     M("N88.4bn", V("88.4b"), "NGN"),
     M("N61.2bn", V("61.2b"), "NGN"),
     M("N412.50", V("412.50"), "NGN", per="share")])

doc("ng_2_roads_facility", "NG", "2026-02-17",
    ["dateline:ABUJA", "marker:₦", "institution:Federal Government"],
    "NGN",
    "ABUJA — The Federal Government has secured a ₦740 billion ($548 million) facility from the "
    "African Export-Import Bank to rehabilitate 1,100 kilometres of federal roads, the Minister "
    "of Works said on Tuesday.\n\n"
    "The first tranche of ₦185 billion will be released this quarter. Contractors are owed about "
    "₦1.2trn on older projects, he added, and the ministry will audit those claims before any "
    "payment is made.\n",
    [M("₦740 billion", V("740b"), "NGN"),
     M("$548 million", V("548m"), "USD", conv="₦740 billion"),
     M("1,100 kilometres", V("1100"), None, kind="quantity", unit="kilometre"),
     M("₦185 billion", V("185b"), "NGN"),
     M("about ₦1.2trn", V("1.2t"), "NGN", q="approx")],
    {"$548 million": "within"})

# ---------------------------------------------------------------- UAE
doc("ae_1_sandcrest", "AE", "2026-09-09",
    ["dateline:DUBAI", "marker:Dh", "exchange:Dubai Financial Market", "demonym:Emirati"],
    "AED",
    "DUBAI: Emirati developer Sandcrest Properties has launched a Dh4.2 billion waterfront "
    "community in Dubai South with 1,900 homes, the company said on Wednesday.\n\n"
    "Prices start at Dh1.35 million for a one-bedroom apartment, with handovers planned for "
    "2029. The developer, which is listed on the Dubai Financial Market, recorded first-half net "
    "profit of Dh612 million ($166.6 million), helped by strong off-plan sales.\n",
    [M("Dh4.2 billion", V("4.2b"), "AED"),
     M("Dh1.35 million", V("1.35m"), "AED"),
     M("Dh612 million", V("612m"), "AED"),
     M("$166.6 million", V("166.6m"), "USD", conv="Dh612 million")],
    {"$166.6 million": "within"})

doc("ae_2_falcon_gulf", "AE", "2025-03-14",
    ["dateline:ABU DHABI", "exchange:ADX", "marker:AED", "place:Al Dhafra"],
    "AED",
    "ABU DHABI: Falcon Gulf Utilities, which trades on the Abu Dhabi Securities Exchange (ADX), "
    "said it would spend AED 2.75 billion (US$790 million) on a 1.5-gigawatt solar plant in Al "
    "Dhafra.\n\n"
    "The utility will pay a dividend of 18 fils per share for the year, totalling Dhs 540 "
    "million. The Central Bank of the UAE kept its base rate unchanged this week, in step with "
    "the US Federal Reserve.\n",
    [M("AED 2.75 billion", V("2.75b"), "AED"),
     M("US$790 million", V("790m"), "USD", conv="AED 2.75 billion",
       note="deliberately off: about US$749 million at the peg"),
     M("1.5-gigawatt", V("1.5"), None, kind="quantity", unit="gigawatt"),
     M("18 fils per share", V("0.18"), "AED", per="share"),
     M("Dhs 540 million", V("540m"), "AED")],
    {"US$790 million": "off"})

# ---------------------------------------------------------------- Egypt
doc("eg_1_nile_delta_foods", "EG", "2025-08-20",
    ["dateline:CAIRO", "exchange:EGX", "institution:CBE", "marker:EGP", "marker:LE"],
    "EGP",
    "CAIRO: Nile Delta Foods, which is listed on the Egyptian Exchange (EGX), posted a net profit "
    "of EGP 1.84 billion in the first half of 2025, up from EGP 1.12 billion a year earlier.\n\n"
    "Revenue climbed to LE 14.6 billion on higher export sales to Gulf markets. The company will "
    "invest EGP 600 million in a new juice line in Sadat City. The Central Bank of Egypt cut its "
    "overnight deposit rate by 200 basis points in August.\n",
    [M("EGP 1.84 billion", V("1.84b"), "EGP"),
     M("EGP 1.12 billion", V("1.12b"), "EGP"),
     M("LE 14.6 billion", V("14.6b"), "EGP"),
     M("EGP 600 million", V("600m"), "EGP")])

doc("eg_2_sukuk", "EG", "2026-05-21",
    ["demonym:Egypt's", "marker:£E", "marker:pounds"],
    "EGP",
    "Egypt's Ministry of Finance has raised £E 24.5 billion ($460 million) through a local "
    "sukuk issuance, its largest sale of Islamic bonds so far, the ministry said on Thursday.\n\n"
    "The three-year sukuk drew bids worth 61 billion pounds from banks and insurers. Officials "
    "said the proceeds would help fund a programme of rural water projects across Upper Egypt.\n",
    [M("£E 24.5 billion", V("24.5b"), "EGP"),
     M("$460 million", V("460m"), "USD", conv="£E 24.5 billion"),
     M("61 billion pounds", V("61b"), "EGP", note="'pounds' in an Egyptian story: EGP, not GBP")],
    {"$460 million": "within"})

# ---------------------------------------------------------------- Taiwan
doc("tw_1_jade_mountain", "TW", "2025-11-05",
    ["dateline:Taipei", "marker:NT$", "exchange:Taiwan Stock Exchange", "place:Kaohsiung"],
    "TWD",
    "Taipei, Nov. 5 (CNA) Taiwanese chip packaging firm Jade Mountain Semiconductor said "
    "Wednesday that it will invest NT$45 billion (US$1.47 billion) in an advanced packaging "
    "plant in Kaohsiung, which is expected to create 1,800 jobs.\n\n"
    "The company, listed on the Taiwan Stock Exchange, reported October revenue of "
    "NT$8.92 billion, up 26.3 percent from a year earlier. Its shares closed at NT$612 in Taipei "
    "trading.\n",
    [M("NT$45 billion", V("45b"), "TWD"),
     M("US$1.47 billion", V("1.47b"), "USD", conv="NT$45 billion"),
     M("NT$8.92 billion", V("8.92b"), "TWD"),
     M("NT$612", V("612"), "TWD", per="share")],
    {"US$1.47 billion": "within"})

doc("tw_2_formosa_cycle", "TW", "2026-09-09",
    ["dateline:TAIPEI", "marker:NT$", "place:Taichung"],
    "TWD",
    "TAIPEI – Taichung-based bicycle maker Formosa Cycle Works reported first-half net profit of "
    "NT$2.37 billion, or earnings per share of NT$5.84, as demand for electric bikes in Europe "
    "picked up.\n\n"
    "Taiwan's bicycle exports totaled US$612 million in the first eight months of the year, "
    "according to an industry association. Formosa Cycle said it would spend NT$1.6 billion on "
    "an automated frame line, and its shares rose NT$4.5 to NT$198.\n",
    [M("NT$2.37 billion", V("2.37b"), "TWD"),
     M("NT$5.84", V("5.84"), "TWD", per="share"),
     M("US$612 million", V("612m"), "USD"),
     M("NT$1.6 billion", V("1.6b"), "TWD"),
     M("NT$4.5", V("4.5"), "TWD", per="share"),
     M("NT$198", V("198"), "TWD", per="share")])

# ---------------------------------------------------------------- Vietnam
doc("vn_1_saigon_fresh", "VN", "2026-02-17",
    ["place:Ho Chi Minh City", "marker:VND", "exchange:HOSE", "place:Nghe An"],
    "VND",
    "Ho Chi Minh City-based dairy firm Saigon Fresh Milk JSC earned a post-tax profit of "
    "VND1.92 trillion (US$74 million) last year, up 14% year-on-year.\n\n"
    "The company, listed on the Ho Chi Minh Stock Exchange (HOSE), plans to pay a cash dividend "
    "of VND2,500 per share. It will spend VND3.5 trillion on a farm in Nghe An province that "
    "will house 8,000 cows, its chairwoman told shareholders.\n",
    [M("VND1.92 trillion", V("1.92t"), "VND"),
     M("US$74 million", V("74m"), "USD", conv="VND1.92 trillion"),
     M("VND2,500 per share", V("2500"), "VND", per="share"),
     M("VND3.5 trillion", V("3.5t"), "VND")],
    {"US$74 million": "within"})

doc("vn_2_red_river_steel", "VN", "2025-08-20",
    ["place:Hanoi", "marker:dong", "marker:đ", "demonym:Vietnam's"],
    "VND",
    "Hanoi – Red River Steel, one of Vietnam's largest private steelmakers, reported revenue of "
    "62 trillion dong in the first half, as construction demand improved.\n\n"
    "The company plans to raise its charter capital by VND4,000 billion through a rights issue "
    "priced at đ15,000 a share, well below the market price of đ27,450. It produced 4.1 million "
    "tonnes of crude steel in the period.\n",
    [M("62 trillion dong", V("62t"), "VND"),
     M("VND4,000 billion", V("4000b"), "VND"),
     M("đ15,000 a share", V("15000"), "VND", per="share"),
     M("đ27,450", V("27450"), "VND", per="share"),
     M("4.1 million tonnes", V("4.1m"), None, kind="quantity", unit="tonne")])

# ---------------------------------------------------------------- United Kingdom
doc("gb_1_thamesmead_homes", "GB", "2025-03-14",
    ["dateline:LONDON", "marker:pounds", "marker:pence", "exchange:FTSE 250", "institution:BoE"],
    "GBP",
    "LONDON, March 14 (Reuters) - British housebuilder Thamesmead Homes said on Friday it would "
    "return 250 million pounds ($323 million) to shareholders after annual pretax profit rose 9% "
    "to 612 million pounds.\n\n"
    "Its shares, a member of the FTSE 250 index, rose 3.8% to 1,246 pence by 0930 GMT. The "
    "company completed 7,400 homes in the year and said mortgage approvals had steadied. The "
    "Bank of England is expected to hold rates at 4.5% next week.\n",
    [M("250 million pounds", V("250m"), "GBP"),
     M("$323 million", V("323m"), "USD", conv="250 million pounds"),
     M("612 million pounds", V("612m"), "GBP"),
     M("1,246 pence", V("12.46"), "GBP", per="share")],
    {"$323 million": "within"})

doc("gb_2_tamar_water", "GB", "2026-05-21",
    ["marker:£", "place:Cornwall"],
    "GBP",
    "Customers of Tamar Water in Cornwall and Devon will see bills rise by an average of £86 a "
    "year after the regulator approved the company's £3.2bn investment plan for the next five "
    "years.\n\n"
    "Shareholders have agreed to inject £400mn of fresh equity, and the company's net debt "
    "stands at £5.7bn. Campaigners said the utility had paid out too much to investors while "
    "sewage spills increased, a charge the company denies.\n",
    [M("£86 a year", V("86"), "GBP", per="year"),
     M("£3.2bn", V("3.2b"), "GBP"),
     M("£400mn", V("400m"), "GBP"),
     M("£5.7bn", V("5.7b"), "GBP")])

# ---------------------------------------------------------------- United States
doc("us_1_prairie_rail", "US", "2025-11-05",
    ["dateline:NEW YORK", "exchange:New York Stock Exchange", "institution:Federal Reserve"],
    "USD",
    "NEW YORK, Nov 5 (Reuters) - Prairie Rail Corp said on Wednesday it would buy regional "
    "freight operator Ozark Line for $4.8 billion in cash, betting that grain and chemical "
    "shipments across the Midwest will keep growing.\n\n"
    "The offer of $62.50 per share is a 27% premium to Ozark's closing price on Tuesday. Prairie "
    "Rail, listed on the New York Stock Exchange, expects $180 million of annual cost savings by "
    "the third year. The Federal Reserve cut interest rates last week.\n",
    [M("$4.8 billion", V("4.8b"), "USD"),
     M("$62.50 per share", V("62.50"), "USD", per="share"),
     M("$180 million", V("180m"), "USD")])

doc("us_2_lakeshore_cells", "US", "2026-02-17",
    ["place:Ohio", "place:Hungary", "marker:euros"],
    "USD",
    "Ohio-based battery start-up Lakeshore Cells has agreed to build a $2.1 billion plant in "
    "Hungary that will make cells for European trucks, the company said on Tuesday.\n\n"
    "The Hungarian government will contribute a grant of 210 million euros ($249 million), and "
    "the factory is designed to produce 30 gigawatt-hours of cells a year when fully running. "
    "Lakeshore said the plant would employ about 2,500 people.\n",
    [M("$2.1 billion", V("2.1b"), "USD"),
     M("210 million euros", V("210m"), "EUR"),
     M("$249 million", V("249m"), "USD", conv="210 million euros"),
     M("30 gigawatt-hours", V("30"), None, kind="quantity", unit="gigawatt-hour", per="year")],
    {"$249 million": "within"})

# ---------------------------------------------------------------- Euro area
doc("ie_1_corrib_medtech", "IE", "2026-09-09",
    ["place:Galway", "exchange:Euronext Dublin", "marker:€"],
    "EUR",
    "Galway medical device maker Corrib Medtech has secured €140 million (£120 million) in "
    "funding to expand its plant and hire staff for a new catheter line.\n\n"
    "The company, listed on Euronext Dublin, reported revenue of €312.5m for the year to June, "
    "up from €268m. Its shares rose 6 per cent to €18.40. Chief executive Niamh Ó Briain said "
    "the expansion would add 350 jobs over three years.\n",
    [M("€140 million", V("140m"), "EUR"),
     M("£120 million", V("120m"), "GBP", conv="€140 million"),
     M("€312.5m", V("312.5m"), "EUR"),
     M("€268m", V("268m"), "EUR"),
     M("€18.40", V("18.40"), "EUR", per="share")],
    {"£120 million": "within"})

doc("de_1_rheinwerk_chemie", "DE", "2025-08-20",
    ["dateline:FRANKFURT", "marker:€", "decimal:comma"],
    "EUR",
    "FRANKFURT – Rheinwerk Chemie AG said second-quarter sales fell to €2,41 billion from "
    "€2,63 billion a year earlier, as weaker demand from carmakers hit its coatings unit.\n\n"
    "The group confirmed a dividend of €1,85 per share and said its savings programme would cut "
    "costs by €300 million ($320 million) a year by 2027. It will close two plants in the Ruhr "
    "region, affecting about 900 jobs.\n",
    [M("€2,41 billion", V("2.41b"), "EUR"),
     M("€2,63 billion", V("2.63b"), "EUR"),
     M("€1,85 per share", V("1.85"), "EUR", per="share"),
     M("€300 million", V("300m"), "EUR"),
     M("$320 million", V("320m"), "USD", conv="€300 million",
       note="deliberately off: about $350 million at the ECB rate")],
    {"$320 million": "off"})


# ---------------------------------------------------------------- conversions as newsrooms write them
doc("jp_3_naniwa_pharma", "JP", "2025-11-05",
    ["dateline:OSAKA", "marker:JPY", "marker:yen", "exchange:Tokyo Stock Exchange"],
    "JPY",
    "OSAKA -- Naniwa Pharma said on Wednesday it would spend JPY 40-45 billion (USD 260-293 "
    "million) over five years on a new biologics plant in Osaka Prefecture, the largest "
    "investment in its history.\n\n"
    "The company has already spent 12 billion of that, or roughly US$78 million, on land and "
    "design work, a spokesman said. Shares of Naniwa, listed on the Tokyo Stock Exchange, rose "
    "3% to 2,870 yen.\n\n"
    "The plant will be able to produce 20,000 liters of antibody drugs per batch, and the "
    "company expects it to create about 600 jobs when it opens.\n",
    [M("JPY 40-45 billion", (V("40b"), V("45b")), "JPY"),
     M("USD 260-293 million", (V("260m"), V("293m")), "USD", conv="JPY 40-45 billion"),
     M("12 billion", V("12b"), "JPY",
       note="no marker: 'of that' refers to the JPY budget, and the pair fits the yen"),
     M("roughly US$78 million", V("78m"), "USD", q="approx", conv="12 billion"),
     M("2,870 yen", V("2870"), "JPY", per="share"),
     M("20,000 liters", V("20000"), None, kind="quantity", unit="liter")],
    {"USD 260-293 million": "within", "roughly US$78 million": "within"})

doc("in_4_utility_bonds", "IN", "2025-08-20",
    ["dateline:NEW DELHI", "marker:rupees", "institution:RBI", "demonym:India's"],
    "INR",
    "NEW DELHI, Aug 20 (Reuters) - India's state-run power utility plans to raise 50-60 billion "
    "rupees, or $574.3-$689.2 million, through a bond sale next week to fund transmission lines "
    "in the country's north, two bankers said on Wednesday.\n\n"
    "The 10-year bonds are expected to carry a coupon of around 7.1%, the bankers said. The "
    "utility last tapped the market in May, when it raised 35 billion rupees.\n\n"
    "Indian companies have stepped up local bond issuance this year as the Reserve Bank of India "
    "cut interest rates, making domestic debt cheaper than bank loans.\n",
    [M("50-60 billion rupees", (V("50b"), V("60b")), "INR"),
     M("$574.3-$689.2 million", (V("574.3m"), V("689.2m")), "USD",
       conv="50-60 billion rupees"),
     M("35 billion rupees", V("35b"), "INR")],
    {"$574.3-$689.2 million": "within"})

doc("kr_3_daeyang_transcript", "KR", "2025-08-20",
    ["demonym:South Korea's", "marker:won", "institution:BoK", "place:Ulsan"],
    "KRW",
    "A mid-sized South Korean carmaker, Daeyang Motors, says it will invest two trillion won, "
    "or one-point-four-three billion U.S. dollars, in a new electric vehicle plant in Ulsan.\n\n"
    "The company says the factory will be able to build two hundred thousand vehicles a year "
    "from 2028, and that most of them will be exported to Europe and Southeast Asia.\n\n"
    "Meanwhile, the Bank of Korea kept its benchmark rate at two-point-five percent on "
    "Wednesday, citing household debt and a weak won. The governor said a cut remains possible "
    "later this year if inflation stays in check.\n",
    [M("two trillion won", V("2t"), "KRW"),
     M("one-point-four-three billion U.S. dollars", V("1.43b"), "USD", conv="two trillion won",
       note="broadcast transcript: spoken decimal")],
    {"one-point-four-three billion U.S. dollars": "within"})

doc("sg_3_data_centre_trust", "SG", "2026-02-17",
    ["marker:US$ beside bare $", "spelling:per cent"],
    "SGD",
    "A logistics trust said on Tuesday it would buy a portfolio of four data centres for "
    "$1.2 billion (US$950 million), funded by a rights issue and new loans.\n\n"
    "The trust will offer one new unit for every five held at $0.98 each, a 9 per cent discount "
    "to its last close. Its manager said the purchase would lift distribution per unit by 2.1 "
    "per cent, and that occupancy across the data centres stood at 97 per cent, with leases "
    "averaging eight years.\n\n"
    "Unitholders will vote on the deal at a meeting next month.\n",
    [M("$1.2 billion", V("1.2b"), "SGD",
       note="bare $ beside US$: not USD; the rate fingerprint fits only SGD (and BND, pegged at "
            "par, which the ECB table lacks) among dollars"),
     M("US$950 million", V("950m"), "USD", conv="$1.2 billion"),
     M("$0.98 each", V("0.98"), "SGD", per="unit", note="the same document's $")],
    {"US$950 million": "within"})

doc("hk_2_pearl_delta_land", "HK", "2026-05-21",
    ["marker:HK$", "exchange:Hong Kong-listed", "place:Shenzhen", "marker:yuan"],
    "HKD",
    "Mainland developer Pearl Delta Land said it would raise ¥3.6 billion (HK$4.15 billion) by "
    "selling a stake in a Shenzhen shopping mall to a state-backed fund.\n\n"
    "The Hong Kong-listed company also said contracted sales fell 18 per cent in the first four "
    "months of the year to 21.3 billion yuan. Its shares closed unchanged at HK$1.08.\n\n"
    "The developer said it had repaid an offshore bond of US$300 million that matured in April, "
    "and that it was in talks with banks to extend other loans due this year.\n",
    [M("¥3.6 billion", V("3.6b"), "CNY",
       note="¥ about a mainland asset; the HK$ pair fits the yuan, not the yen"),
     M("HK$4.15 billion", V("4.15b"), "HKD", conv="¥3.6 billion"),
     M("21.3 billion yuan", V("21.3b"), "CNY"),
     M("HK$1.08", V("1.08"), "HKD", per="share"),
     M("US$300 million", V("300m"), "USD")],
    {"HK$4.15 billion": "within"})

doc("au_4_swan_river", "AU", "2026-09-09",
    ["place:Perth", "exchange:ASX", "marker:$A", "institution:RBA", "marker:US$ beside bare $"],
    "AUD",
    "Perth gold miner Swan River Resources has raised $500 million (US$361 million) from "
    "institutional investors to fund its takeover of a Canadian rival, with new shares priced "
    "at $A3.12.\n\n"
    "The ASX-listed company said its all-in sustaining costs would fall to about $2,150 an ounce "
    "once the deal closes. Chairman Rod Kelly said the combined group would produce 420,000 "
    "ounces of gold a year.\n\n"
    "The Reserve Bank of Australia's easing cycle has helped lift valuations across the mining "
    "sector this year.\n",
    [M("$500 million", V("500m"), "AUD"),
     M("US$361 million", V("361m"), "USD", conv="$500 million"),
     M("$A3.12", V("3.12"), "AUD", per="share"),
     M("about $2,150 an ounce", V("2150"), "AUD", q="approx", per="ounce"),
     M("420,000 ounces", V("420000"), None, kind="quantity", unit="ounce", per="year")],
    {"US$361 million": "within"})

doc("gb_3_firth_wealth", "GB", "2025-11-05",
    ["place:Edinburgh", "marker:£", "marker:p", "demonym:British"],
    "GBP",
    "Edinburgh-based investment platform Firth Wealth has agreed to sell its European arm to a "
    "Dutch insurer for £1.1bn, equivalent to €1.25bn, as it refocuses on British savers.\n\n"
    "The sale will allow it to return £350mn to shareholders through a buyback. Firth's shares "
    "rose 11p to 486p in London. Its assets under administration reached £92.4bn at the end of "
    "September, up from £84bn a year earlier, helped by strong inflows into tax-free savings "
    "accounts.\n",
    [M("£1.1bn", V("1.1b"), "GBP"),
     M("€1.25bn", V("1.25b"), "EUR", conv="£1.1bn"),
     M("£350mn", V("350m"), "GBP"),
     M("11p", V("0.11"), "GBP", per="share"),
     M("486p", V("4.86"), "GBP", per="share"),
     M("£92.4bn", V("92.4b"), "GBP"),
     M("£84bn", V("84b"), "GBP")],
    {"€1.25bn": "within"})

doc("za_3_table_bay", "ZA", "2026-09-09",
    ["dateline:CAPE TOWN", "exchange:JSE", "decimal:comma"],
    "ZAR",
    "CAPE TOWN – Private port operator Table Bay Terminals has secured R12,5 billion (about "
    "$720 million) from a group of development lenders to deepen its container berths, the "
    "company said on Wednesday.\n\n"
    "The upgrade will allow the terminal to handle larger ships calling on the route between "
    "Asia and West Africa. Its chief executive said tariffs would rise by about 6,5% in the "
    "first year.\n\n"
    "Shares of the JSE-listed parent company rose 83 cents to R24,60 on the news.\n",
    [M("R12,5 billion", V("12.5b"), "ZAR"),
     M("about $720 million", V("720m"), "USD", q="approx", conv="R12,5 billion",
       note="deliberately off: about $779 million at the ECB rate"),
     M("83 cents", V("0.83"), "ZAR", per="share"),
     M("R24,60", V("24.60"), "ZAR", per="share")],
    {"about $720 million": "off"})

doc("ph_3_visayas_ferries", "PH", "2025-11-05",
    ["place:Cebu", "exchange:Philippine Stock Exchange", "place:Bohol"],
    "PHP",
    "Cebu-based shipping line Visayas Ferries plans to raise P5.6 billion, or around $95 "
    "million, through an initial public offering on the Philippine Stock Exchange in the first "
    "quarter.\n\n"
    "The company will sell up to 700 million shares at a maximum price of P8 each. Proceeds will "
    "fund six new vessels and port terminals in Bohol and Leyte, the company said in its "
    "prospectus filed with the Securities and Exchange Commission.\n",
    [M("P5.6 billion", V("5.6b"), "PHP"),
     M("around $95 million", V("95m"), "USD", q="approx", conv="P5.6 billion"),
     M("P8 each", V("8"), "PHP", per="share")],
    {"around $95 million": "within"})



# ------------------------------------------- conversions as newsrooms write them (issue 15 item 4)
# Amounts without a currency sign, settled only by the conversion beside them and the locale;
# amounts in words; ranges on both sides. Reference: ECB 2026-03-11 (USD/JPY 158.56,
# USD/INR 92.07, USD/ZAR 16.40, USD/PHP 59.25, USD/KRW 1,477.1).

doc("jp_4_setouchi_kaiun", "JP", "2026-03-11",
    ["dateline:TOKYO", "place:Hiroshima", "exchange:Tokyo Stock Exchange", "marker:yen"],
    "JPY",
    "TOKYO -- Setouchi Kaiun, a ferry operator based in Hiroshima, said on Wednesday it would "
    "order four hybrid-electric vessels for 31.5 billion (US$199 million), its first new ships in "
    "more than a decade.\n\n"
    "The company expects to spend a further nine and a half billion, or about US$60 million, on "
    "new piers in Onomichi and Imabari, and will pay for both from cash and bank loans. Its "
    "shares, listed on the Tokyo Stock Exchange's Standard market, rose 4% to 1,912 yen.\n\n"
    "Each ship will carry up to 600 passengers and run on batteries inside the harbors on its "
    "route, cutting fuel use by about a third, the company said.\n",
    [M("31.5 billion", V("31.5b"), "JPY",
       note="no marker: the locale (Tokyo) and the USD conversion beside it make it yen"),
     M("US$199 million", V("199m"), "USD", conv="31.5 billion"),
     M("nine and a half billion", V("9.5b"), "JPY", note="in words and without a marker"),
     M("about US$60 million", V("60m"), "USD", q="approx", conv="nine and a half billion"),
     M("1,912 yen", V("1912"), "JPY", per="share")],
    {"US$199 million": "within", "about US$60 million": "within"})

doc("in_5_highway_outlay", "IN", "2026-03-11",
    ["dateline:NEW DELHI", "marker:Rs", "scale:lakh crore", "institution:Lok Sabha",
     "exchange:National Stock Exchange"],
    "INR",
    "NEW DELHI: The Centre has set aside Rs 1.84 lakh crore, or roughly twenty billion dollars, "
    "for national highways in the coming financial year, the road transport minister told the "
    "Lok Sabha on Wednesday.\n\n"
    "Of the total, 46,000 crore, or about US$5 billion, will go to roads in the northeast, where "
    "the government wants to finish 2,400 km of four-lane corridors by 2028. Contractors will be "
    "paid through a new escrow account, the minister said.\n\n"
    "Shares of listed road builders rose as much as 6% on the National Stock Exchange after the "
    "announcement, and analysts said toll collections, which crossed Rs 72,000 crore last year, "
    "would keep rising.\n",
    [M("Rs 1.84 lakh crore", V("1840b"), "INR"),
     M("roughly twenty billion dollars", V("20b"), "USD", q="approx", conv="Rs 1.84 lakh crore",
       note="in words; 'dollars' converting a rupee amount is USD"),
     M("46,000 crore", V("46000cr"), "INR", note="no marker: part of the rupee total, and the pair"),
     M("about US$5 billion", V("5b"), "USD", q="approx", conv="46,000 crore"),
     M("2,400 km", V("2400"), None, kind="quantity", unit="kilometre"),
     M("Rs 72,000 crore", V("72000cr"), "INR")],
    {"roughly twenty billion dollars": "within", "about US$5 billion": "within"})

doc("za_4_magaliesberg_metals", "ZA", "2026-03-11",
    ["dateline:JOHANNESBURG", "exchange:JSE", "place:Rustenburg", "marker:R"],
    "ZAR",
    "JOHANNESBURG - JSE-listed Magaliesberg Metals said on Wednesday it would sink a new shaft at "
    "its Rustenburg operations, with capital spending of 8-9 billion (about $490-550 million) "
    "over six years.\n\n"
    "The group, which reported headline earnings per share of R3.42 for the six months to "
    "December, said the shaft would add 180,000 ounces of platinum group metals a year at full "
    "production. The board also declared an interim dividend of R1.10 a share.\n\n"
    "Chief executive Naledi Khumalo said power supply had improved enough for the group to commit "
    "to the project, although it would keep its own solar plant as a back-up.\n",
    [M("8-9 billion", (V("8b"), V("9b")), "ZAR",
       note="no marker: a range in the locale's currency, settled by its USD conversion"),
     M("about $490-550 million", (V("490m"), V("550m")), "USD", q="approx", conv="8-9 billion",
       note="'$' in a rand document converting a rand amount is USD"),
     M("R3.42", V("3.42"), "ZAR", per="share"),
     M("180,000 ounces", V("180000"), None, kind="quantity", unit="ounce", per="year"),
     M("R1.10 a share", V("1.10"), "ZAR", per="share")],
    {"about $490-550 million": "within"})

doc("ph_4_mindanao_rail", "PH", "2026-03-11",
    ["dateline:MANILA", "exchange:Philippine Stock Exchange", "place:Davao City", "marker:P"],
    "PHP",
    "MANILA, Philippines - Mindanao Rail Transit Corp. has so far spent 14.2 billion (US$260 "
    "million) on the first 30 kilometers of its line, the company told the Philippine Stock "
    "Exchange on Wednesday.\n\n"
    "The project, which is expected to cost P48 billion in all, will link Davao City with its "
    "airport and the port of Panabo. The company said the rest would be funded by a loan from "
    "local banks and a follow-on share sale later this year.\n\n"
    "Its shares closed unchanged at P12.50 after the disclosure.\n",
    [M("14.2 billion", V("14.2b"), "PHP",
       note="no marker: the locale and the USD conversion; that conversion is ~8% off"),
     M("US$260 million", V("260m"), "USD", conv="14.2 billion",
       note="deliberately off: 54.6 pesos per dollar against the ECB's 59.25"),
     M("30 kilometers", V("30"), None, kind="quantity", unit="kilometre"),
     M("P48 billion", V("48b"), "PHP"),
     M("P12.50", V("12.50"), "PHP", per="share")],
    {"US$260 million": "off"})

doc("kr_4_gaon_chemical", "KR", "2026-03-11",
    ["dateline:SEOUL", "demonym:South Korean", "exchange:Korea Exchange", "marker:won"],
    "KRW",
    "SEOUL, March 11 (Yonhap) -- Gaon Chemical Co., a mid-sized South Korean petrochemical "
    "maker, said Wednesday it will raise 1.2 trillion won through a rights offering to fund its "
    "move into battery materials.\n\n"
    "Its battery unit will receive 740 billion (US$501 million) of the new money, the company said "
    "in a regulatory filing with the Korea Exchange, and the rest will go to paying down debt. The "
    "new shares will be priced at 38,500 won each, a 20 percent discount to Tuesday's close.\n\n"
    "Gaon shares fell 9.4 percent to 48,150 won in Seoul after the announcement.\n",
    [M("1.2 trillion won", V("1.2t"), "KRW"),
     M("740 billion", V("740b"), "KRW", note="no marker: part of the won offering, and the pair"),
     M("US$501 million", V("501m"), "USD", conv="740 billion"),
     M("38,500 won each", V("38500"), "KRW", per="share"),
     M("48,150 won", V("48150"), "KRW", per="share")],
    {"US$501 million": "within"})


# ---------------------------------------------------------------- build


def build(out: Path = HERE) -> None:
    arts = out / "articles"
    arts.mkdir(parents=True, exist_ok=True)
    for p in arts.glob("*.txt"):
        p.unlink()
    ann_lines, doc_lines, conv_lines = [], [], []
    seen = set()
    for d in DOCS:
        assert d.id not in seen, d.id
        seen.add(d.id)
        (arts / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
        ids: dict[str, str] = {}
        records = []
        for i, m in enumerate(d.mentions, 1):
            start = -1
            for _ in range(m.nth + 1):
                start = d.text.find(m.snippet, start + 1)
            assert start >= 0, (d.id, m.snippet)
            mid = f"{d.id}#{i:02d}"
            ids[m.snippet] = mid
            rng = isinstance(m.value, tuple)
            rec = {
                "id": mid, "doc": d.id, "start": start, "end": start + len(m.snippet),
                "text": m.snippet, "kind": m.kind,
                "value": None if rng else m.value,
                "low": m.value[0] if rng else None, "high": m.value[1] if rng else None,
                "currency": m.currency,
                "candidates": list(m.cand) if m.cand else None,
                "currency_given_country": _given(m),
                "unit": m.unit, "per": m.per, "qualifier": m.q,
                "conversion_of": None, "note": m.note,
            }
            if m.kind == "money":
                assert (m.currency is None) == (m.cand is not None), (d.id, m.snippet)
            records.append((m, rec))
        for m, rec in records:
            if m.conv:
                rec["conversion_of"] = ids[m.conv]
                conv_lines.append(_conversion(d, rec, next(r for _, r in records if r["id"] == ids[m.conv]),
                                              d.intended[m.snippet]))
            ann_lines.append(rec)
        doc_lines.append({"id": d.id, "file": f"articles/{d.id}.txt", "country": d.country,
                          "date": d.date, "locale_signals": d.signals,
                          "document_currency": d.doc_currency,
                          "words": len(d.text.split())})
    _write(out / "annotations.jsonl", ann_lines)
    _write(out / "documents.jsonl", doc_lines)
    _write(out / "conversions.jsonl", conv_lines)


def _given(m: M) -> str | None:
    if m.kind != "money" or m.given == OPEN:
        return None
    return m.given or m.currency


def _conversion(d: Doc, conv: dict, orig: dict, intended: str) -> dict:
    """The conversion expectation: printed ratio against the ECB reference rate of the date."""
    from datetime import date

    import figures
    from figures.errors import FiguresError

    a, b = orig, conv
    ends = lambda r: [Decimal(r["value"])] if r["value"] else [Decimal(r["low"]), Decimal(r["high"])]  # noqa: E731
    ea, eb = ends(a), ends(b)
    assert len(ea) == len(eb), (a["id"], b["id"])
    out = {"doc": d.id, "date": d.date, "from": a["id"], "to": b["id"],
           "from_text": a["text"], "to_text": b["text"],
           "from_currency": a["currency"], "to_currency": b["currency"], "intended": intended}
    printed = [y / x for x, y in zip(ea, eb, strict=True)]  # units of `to` per unit of `from`
    out["printed_rate"] = [format(p.quantize(Decimal("1e-8")), "f") for p in printed]
    try:
        ref = figures.RateTable.default().rate(a["currency"], b["currency"], date.fromisoformat(d.date))
    except FiguresError:
        out.update(reference_rate=None, rel_diff=None, source="needs NBP rates",
                   expected="unverifiable with the ECB table; check against NBP")
        return out
    rel = max((p / ref.value - 1 for p in printed), key=abs)
    out.update(reference_rate=format(ref.value.quantize(Decimal("1e-8")), "f"),
               rate_date=ref.rate_date.isoformat(), source=ref.source,
               rel_diff=format(rel.quantize(Decimal("1e-4")), "f"),
               expected="consistent" if abs(rel) <= Decimal("0.01") else
               ("inconsistent" if abs(rel) > Decimal("0.02") else "borderline"))
    assert (out["expected"] == "consistent") == (intended == "within"), out
    return out


def _write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    build()
    print(f"{len(DOCS)} documents")
