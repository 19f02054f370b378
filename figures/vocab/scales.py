"""Scale words: the multiplier each written form stands for.

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

# Scale words after a number, keyed by their written (case-sensitive where it matters) form.
SCALE_WORDS: dict[str, int] = {
    "thousand": 10**3, "thousands": 10**3, "k": 10**3, "K": 10**3,
    "million": 10**6, "millions": 10**6, "mn": 10**6, "mln": 10**6, "m": 10**6, "M": 10**6,
    "MM": 10**6, "mil": 10**6, "mio": 10**6,
    "billion": 10**9, "billions": 10**9, "bn": 10**9, "bln": 10**9, "b": 10**9, "B": 10**9,
    "bil": 10**9,  # Malaysian and Indonesian papers: "RM2.5 bil"
    "trillion": 10**12, "trillions": 10**12, "tn": 10**12, "trn": 10**12, "tril": 10**12,
    "tln": 10**12,  # the wires' mln/bln/tln
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5, "L": 10**5,
    "crore": 10**7, "crores": 10**7, "cr": 10**7, "Cr": 10**7,
    "lakh crore": 10**12, "lakh crores": 10**12, "lakh cr": 10**12,
    "万": 10**4, "亿": 10**8, "千": 10**3, "百万": 10**6, "千万": 10**7, "万亿": 10**12,
    "hundred": 10**2,
}

# Scale words that are single letters or tiny abbreviations: only accepted glued to the number
# or before a currency word, never as a free-standing word ("5 m" is usually metres).
GLUED_ONLY_SCALES = frozenset({"k", "K", "m", "M", "b", "B", "L"})
# Spaced single letters read as a scale only after a currency ("$5 m", "€3 k"); "L" (lakh)
# only after a rupee or taka ("₹7.5 L"), where no litre is meant.
SPACED_AFTER_CURRENCY = frozenset({"m", "M", "b", "B", "k", "K", "bn", "tn"})
LAKH_LETTER_CURRENCIES = frozenset({"INR", "PKR", "NPR", "BDT", "LKR"})
# Plurals count orders of magnitude ("thousands of people"), never scale a number after it:
# "5 millions" is not read as five million.
NOT_AFTER_A_NUMBER = frozenset({"thousands", "millions", "billions", "trillions"})
# Two-word phrases taken whole after a number, so that their first word alone is not read as
# the scale: "5 hundred thousand" is not "500 thousand" (a known gap: it is not scaled yet).
UNREAD_SCALE_PHRASES = ("hundred thousand", "hundred million")
# A scale letter glued before an ISO code in finance tables and filings: "MEUR 250", "KUSD 40",
# "TEUR 500" (T is German "Tausend", a thousand: never a trillion here).
CODE_MULTIPLIERS: dict[str, int] = {
    "MM": 10**6, "M": 10**6, "K": 10**3, "k": 10**3, "T": 10**3, "BN": 10**9, "B": 10**9,
}
